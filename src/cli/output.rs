//! Terminal output: whether to colour, how wide to wrap, and writing highlighted text.

use super::ColorChoice;
use std::io::IsTerminal;

/// Bold red, as grep marks matches.
const MATCH: &str = "\x1b[1;31m";
/// Bold.
pub(crate) const BOLD: &str = "\x1b[1m";
/// Dim.
pub(crate) const DIM: &str = "\x1b[2m";
/// Back to normal.
pub(crate) const RESET: &str = "\x1b[0m";

/// How human output looks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    /// Use ANSI colours and bold.
    pub color: bool,
    /// Wrap text to this many columns (`None`: do not wrap).
    pub width: Option<usize>,
}

impl Style {
    /// The style for standard output: colour per `choice` and NO_COLOR, wrapped on a terminal.
    pub fn for_stdout(choice: ColorChoice) -> Style {
        let terminal = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        let width =
            terminal.then(|| terminal_size::terminal_size().map_or(100, |(w, _)| w.0 as usize));
        Style { color, width }
    }

    /// `text` wrapped in an ANSI style when colour is on.
    pub fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

/// Entities as `Sam Altman (PER), OpenAI (ORG), … +3 more`, at most `max` of them.
pub(crate) fn entity_list(entities: &[lede::EntityName], max: usize) -> String {
    let mut shown: Vec<String> = entities
        .iter()
        .take(max)
        .map(|e| format!("{} ({})", e.name, e.kind.label()))
        .collect();
    if entities.len() > max {
        shown.push(format!("+{} more", entities.len() - max));
    }
    shown.join(", ")
}

/// Lays out `text` with `highlights` (byte ranges) marked, indented by `indent` spaces, wrapped to
/// the style's width, and cut after `max_lines` lines with `…`. Without colour, matches are marked
/// only by position (plain text), so output stays greppable.
pub(crate) fn render_passage(
    text: &str,
    highlights: &[[usize; 2]],
    style: &Style,
    indent: usize,
    max_lines: usize,
    lead: bool,
) -> String {
    let width = style.width.map(|w| w.saturating_sub(indent).max(20));
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_len = 0;
    let mut cut = false;
    if lead {
        line.push('…');
        line_len = 1;
    }
    let words = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w));
    for (start, word) in words {
        let end = start + word.len();
        let word_len = word.chars().count();
        if let Some(width) = width
            && line_len > 0
            && line_len + 1 + word_len > width
        {
            lines.push(std::mem::take(&mut line));
            line_len = 0;
            if lines.len() == max_lines {
                cut = true;
                break;
            }
        }
        if line_len > 0 {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(&paint_word(text, start, end, highlights, style));
        line_len += word_len;
    }
    if !cut && !line.is_empty() {
        lines.push(line);
    }
    if cut && let Some(last) = lines.last_mut() {
        last.push_str(" …");
    }
    let pad = " ".repeat(indent);
    lines
        .iter()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` in `base`'s style with its `highlights` (byte ranges, in order) painted as matches.
pub(crate) fn paint_highlighted(
    text: &str,
    highlights: &[[usize; 2]],
    base: &str,
    style: &Style,
) -> String {
    let mut out = String::new();
    let mut pos = 0;
    for &[start, end] in highlights {
        if start < pos || end > text.len() || start >= end {
            continue;
        }
        if start > pos {
            out.push_str(&style.paint(base, &text[pos..start]));
        }
        out.push_str(&style.paint(MATCH, &text[start..end]));
        pos = end;
    }
    if pos < text.len() {
        out.push_str(&style.paint(base, &text[pos..]));
    }
    out
}

/// One word with the highlighted parts painted.
fn paint_word(
    text: &str,
    start: usize,
    end: usize,
    highlights: &[[usize; 2]],
    style: &Style,
) -> String {
    if !style.color {
        return text[start..end].to_string();
    }
    let mut out = String::new();
    let mut pos = start;
    for &[hs, he] in highlights {
        let (s, e) = (hs.max(start), he.min(end));
        if s >= e {
            continue;
        }
        out.push_str(&text[pos..s]);
        out.push_str(&style.paint(MATCH, &text[s..e]));
        pos = e;
    }
    out.push_str(&text[pos..end]);
    out
}

/// Whether an error is a closed pipe (`lede search … | head`), which is not a failure: an I/O
/// error, or one that JSON output met while writing.
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| Some(e.kind()) == broken)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == broken)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_marks_and_cuts() {
        let style = Style {
            color: true,
            width: Some(24),
        };
        let text = "the Pentagon designated the company a supply-chain risk today";
        let out = render_passage(text, &[[4, 12]], &style, 2, 2, true);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("  … the \x1b[1;31mPentagon\x1b[0m"));
        assert!(lines[1].ends_with(" …"));
    }

    #[test]
    fn plain_output_has_no_escapes_and_no_wrap() {
        let style = Style {
            color: false,
            width: None,
        };
        let out = render_passage("a b  c", &[[0, 1]], &style, 0, 3, false);
        assert_eq!(out, "a b c");
    }
}
