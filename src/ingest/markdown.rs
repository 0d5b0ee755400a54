//! Markdown articles: optional YAML (`---`) or TOML (`+++`) front matter with the article's
//! metadata, then Markdown whose markup is stripped for indexing. Without a front-matter title, a
//! leading heading (or the first line, as for plain text) is the title.

use super::fields::article_from_record;
use super::html_text::{is_html_markup, paragraph_break, push_html_text};
use super::plain_yaml::read_plain;
use super::text::split_title;
use super::{ProblemKind, Report};
use crate::article::Article;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::{Map, Value};

/// Splits off front matter: returns (fence, front matter, the line the body starts on, body).
fn split_front_matter(text: &str) -> Option<(&'static str, &str, usize, &str)> {
    let fence = ["---", "+++"].into_iter().find(|f| {
        text.strip_prefix(f)
            .is_some_and(|rest| rest.starts_with('\n') || rest.starts_with("\r\n"))
    })?;
    let after_open = &text[text.find('\n')? + 1..];
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == fence {
            let front = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            let body_line = 2 + front.lines().count() + 1;
            return Some((fence, front, body_line, body));
        }
        offset += line.len();
    }
    None
}

/// Converts TOML to JSON, dates as strings.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

/// Parses front matter into a record, or says why it cannot (with the 1-based line in the file).
fn parse_front_matter(fence: &str, front: &str) -> Result<Map<String, Value>, (usize, String)> {
    let value = if fence == "---" {
        if let Some(record) = read_plain(front) {
            return Ok(record);
        }
        let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(front).map_err(|err| {
            let line = err.location().map_or(1, |l| l.line());
            (line + 1, format!("invalid YAML front matter: {err}"))
        })?;
        if yaml.is_null() {
            return Ok(Map::new());
        }
        serde_json::to_value(yaml).map_err(|err| (2, format!("unusable front matter: {err}")))?
    } else {
        let table: toml::Table = front.parse().map_err(|err: toml::de::Error| {
            let line = err
                .span()
                .map_or(0, |span| front[..span.start].matches('\n').count());
            (
                line + 2,
                format!("invalid TOML front matter: {}", err.message()),
            )
        })?;
        toml_to_json(toml::Value::Table(table))
    };
    match value {
        Value::Object(map) => Ok(map),
        _ => Err((2, "front matter is not a set of keys".to_string())),
    }
}

/// Strips Markdown markup, keeping text with a blank line between blocks; raw HTML blocks give
/// their text (see [`push_html_text`]), tables their cells. Returns the text of a leading level-1
/// or level-2 heading apart, when the document opens with one.
fn strip_markdown(markdown: &str) -> (Option<String>, String) {
    let mut out = String::with_capacity(markdown.len());
    let mut heading: Option<String> = None;
    let mut in_first_heading = false;
    let mut seen_block = false;
    // An HTML block comes line by line; it is read whole, as a tag or a comment may span lines.
    let mut html_block: Option<String> = None;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::HtmlBlock) => html_block = Some(String::new()),
            Event::Html(html) => match &mut html_block {
                Some(block) => block.push_str(&html),
                None => push_html_text(&html, &mut out),
            },
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = html_block.take() {
                    push_html_text(&block, &mut out);
                }
                seen_block = true;
                paragraph_break(&mut out);
            }
            Event::InlineHtml(tag) if is_html_markup(&tag) => push_html_text(&tag, &mut out),
            Event::InlineHtml(text) => out.push_str(&text),
            Event::Start(Tag::Heading { level, .. })
                if !seen_block && matches!(level, HeadingLevel::H1 | HeadingLevel::H2) =>
            {
                in_first_heading = true;
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) if in_first_heading => {
                in_first_heading = false;
                seen_block = true;
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                match (&mut heading, in_first_heading) {
                    (Some(h), true) => h.push_str(&t),
                    _ => out.push_str(&t),
                }
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableHead
                | TagEnd::TableRow,
            ) => {
                seen_block = true;
                paragraph_break(&mut out);
            }
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    let heading = heading
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty());
    (heading, out.trim().to_string())
}

/// Reads a Markdown article.
pub(crate) fn read(text: &str, path: &str, report: &mut Report<'_>) -> Vec<Article> {
    let (record, markdown) = match split_front_matter(text) {
        Some((fence, front, _, body)) => match parse_front_matter(fence, front) {
            Ok(record) => (record, body),
            Err((line, message)) => {
                report.warn(
                    ProblemKind::InvalidFrontMatter,
                    Some(line),
                    format!("{message}; metadata ignored"),
                );
                (Map::new(), body)
            }
        },
        None => (Map::new(), text),
    };
    let (heading, stripped) = strip_markdown(markdown);
    let has_title = record.iter().any(|(k, v)| {
        ["title", "headline"].contains(&k.to_ascii_lowercase().as_str()) && !v.is_null()
    });
    let (title, body) = match heading {
        _ if has_title => (None, stripped),
        Some(heading) => (Some(heading), stripped),
        None => {
            let (title, body) = split_title(&stripped);
            (Some(title), body)
        }
    };
    let Some(mut article) =
        article_from_record(&record, path.to_string(), Some(body), None, report)
    else {
        return Vec::new();
    };
    if let Some(title) = title {
        article.title = title;
    }
    vec![article]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_one(text: &str) -> (Vec<Article>, Vec<String>) {
        let mut report = Report::new("a.md");
        let articles = read(text, "a.md", &mut report);
        (
            articles,
            report.problems.iter().map(|p| p.to_string()).collect(),
        )
    }

    #[test]
    fn yaml_front_matter_gives_metadata_and_markup_is_stripped() {
        let text = "---\ntitle: \"Rates: what next\"\ndate: 2026-03-02\nsource: Wire\nauthor: Jo Bloggs\nurl: https://example.com/r\nid: rates-1\ntags: [economy, rates]\n---\n\nThe **central bank** held [rates](https://x.y) steady.\n\n- one item\n- two items\n";
        let (articles, problems) = read_one(text);
        assert!(problems.is_empty(), "{problems:?}");
        let a = &articles[0];
        assert_eq!(a.id, "rates-1");
        assert_eq!(a.title, "Rates: what next");
        assert_eq!(a.published.unwrap().to_string(), "2026-03-02T00:00:00Z");
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.author.as_deref(), Some("Jo Bloggs"));
        assert_eq!(a.tags, ["economy", "rates"]);
        assert_eq!(
            a.body,
            "The central bank held rates steady.\n\none item\n\ntwo items"
        );
    }

    #[test]
    fn toml_front_matter_and_dates() {
        let text =
            "+++\ntitle = \"Harvest\"\ndate = 2026-03-02T10:00:00Z\n+++\nCrops were gathered.\n";
        let (articles, _) = read_one(text);
        assert_eq!(articles[0].title, "Harvest");
        assert_eq!(
            articles[0].published.unwrap().to_string(),
            "2026-03-02T10:00:00Z"
        );
        assert_eq!(articles[0].body, "Crops were gathered.");
    }

    #[test]
    fn a_leading_heading_is_the_title() {
        let (articles, _) = read_one("# Storm hits coast\n\nWinds reached *120 km/h*.\n");
        assert_eq!(articles[0].title, "Storm hits coast");
        assert_eq!(articles[0].body, "Winds reached 120 km/h.");
    }

    #[test]
    fn html_blocks_inline_html_and_tables_give_their_text() {
        let text = "---\ntitle: Copper\n---\n<div class=\"story\">\n<p>Copper rose 5% &amp; tin fell.</p>\n<!-- ad slot -->\n<script>track('x');</script>\n<p>Traders were <em>cautious</em>.</p>\n</div>\n\nPrices were <span class=\"up\">up</span>, ~~down~~ not down.<br>Next line.\n\n| Metal | Price |\n|---|---|\n| Copper | 1,200 |\n";
        let (articles, problems) = read_one(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            articles[0].body,
            "Copper rose 5% & tin fell.\n\nTraders were cautious.\n\nPrices were up, down not down.\nNext line.\n\nMetal Price\n\nCopper 1,200"
        );
    }

    #[test]
    fn company_names_in_angle_brackets_stay_text() {
        let (articles, _) = read_one("Wire story\n\n<Woodco Inc> said it sold <BP> shares.\n");
        assert_eq!(articles[0].body, "<Woodco Inc> said it sold <BP> shares.");
    }

    #[test]
    fn an_article_all_in_html_is_not_empty() {
        let (articles, problems) = read_one("<div>html <b>only</b></div>\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(articles[0].body, "html only");
    }

    #[test]
    fn broken_front_matter_is_reported_with_its_line_and_the_body_kept() {
        let (articles, problems) =
            read_one("---\ntitle: ok\ndate: [unclosed\n---\nBody text here.\n");
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].body, "Body text here.");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("a.md:"), "{}", problems[0]);
        assert!(problems[0].contains("invalid YAML front matter"));
    }
}
