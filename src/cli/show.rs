//! `lede show`: one article with its metadata and passages.

use super::ColorChoice;
use super::output::{BOLD, DIM, Style, entity_list, render_passage};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `lede show`.
#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The article id (as shown in search results).
    id: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// The index folder.
    #[arg(long, default_value = super::DEFAULT_INDEX)]
    index: PathBuf,
    /// When to colour output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// Runs `lede show`.
pub fn run(args: ShowArgs) -> anyhow::Result<i32> {
    let index = super::open_or_build(&args.index)?;
    let Some(stored) = index.article(&args.id)? else {
        eprintln!("lede: no article with id {:?}", args.id);
        return Ok(1);
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &stored)?;
        writeln!(out)?;
        return Ok(0);
    }
    let style = Style::for_stdout(args.color);
    let a = &stored.article;
    if !a.title.is_empty() {
        // An untitled article opens with its fields, its first sentence in its first passage.
        writeln!(out, "{}", style.paint(BOLD, &a.title))?;
    }
    let fields = [
        ("id", Some(a.id.clone())),
        (
            "published",
            a.published
                .map(|t| format!("{t} (from {})", a.date_source().label())),
        ),
        ("source", a.source.clone()),
        ("author", a.author.clone()),
        ("url", a.url.clone()),
        ("path", Some(a.path.clone())),
        ("tags", (!a.tags.is_empty()).then(|| a.tags.join(", "))),
        (
            "entities",
            (!stored.entities.is_empty()).then(|| entity_list(&stored.entities, usize::MAX)),
        ),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            writeln!(out, "{} {value}", style.paint(DIM, &format!("{name}:")))?;
        }
    }
    writeln!(out)?;
    for p in &stored.passages {
        let mut label = format!("[{}] bytes {}..{}", p.index, p.start, p.end);
        if !p.entities.is_empty() {
            label.push_str(&format!(" · {}", entity_list(&p.entities, usize::MAX)));
        }
        if !p.dates.is_empty() {
            label.push_str(&format!(" · dates {}", p.dates.join(", ")));
        }
        writeln!(out, "{}", style.paint(DIM, &label))?;
        writeln!(
            out,
            "{}",
            render_passage(&p.text, &[], &style, 2, usize::MAX, false)
        )?;
    }
    Ok(0)
}
