//! The markup of HTML (and of the XML of news feeds), one piece at a time: tags with their names
//! and attributes, comments, CDATA sections and declarations, as [`html_text`](super::html_text)
//! reads a fragment's text, [`html_page`](super::html_page) a saved page's metadata and article,
//! and [`feed`](super::feed) a feed's items. Lenient as browsers are:
//! a `<` that opens no markup (`a < b`) is text, a `>` inside a quoted attribute value does not end
//! its tag, and the content of `<script>`, `<style>`, `<title>` and `<textarea>` is text up to its
//! end tag, never markup.

use std::borrow::Cow;

/// Elements whose content is raw text, up to their end tag.
const RAW_TEXT_ELEMENTS: &[&str] = &["script", "style", "title", "textarea"];

/// What opens a CDATA section (XML's text that is not markup, as feeds wrap their HTML in).
pub(crate) const CDATA_START: &str = "<![CDATA[";

/// One piece of markup: a tag, or a comment, CDATA section, doctype or processing instruction
/// (`name` `None`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Markup<'a> {
    /// The element name as written (`P`, `meta`, `o:p`), `None` for comments, CDATA sections
    /// and declarations.
    pub name: Option<&'a str>,
    /// Whether the tag is an end tag (`</p>`).
    pub closing: bool,
    /// The whole markup, from its `<` to its `>`.
    pub text: &'a str,
    /// The byte offset of its `<`.
    pub start: usize,
    /// The byte offset just past its `>`.
    pub end: usize,
}

impl<'a> Markup<'a> {
    /// Whether this is a tag of `element`, start or end, ASCII case ignored.
    pub fn is(&self, element: &str) -> bool {
        self.name
            .is_some_and(|name| name.eq_ignore_ascii_case(element))
    }

    /// Whether the tag closes itself (`<br/>`).
    pub fn self_closing(&self) -> bool {
        self.text.ends_with("/>")
    }

    /// The value of an attribute (name ASCII case ignored), its character references decoded;
    /// an attribute written without a value gives `""`.
    pub fn attr(&self, wanted: &str) -> Option<Cow<'a, str>> {
        let name = self.name?;
        let inner = self.text.strip_prefix('<')?;
        let inner = inner.strip_prefix('/').unwrap_or(inner);
        let mut rest = inner[name.len()..].trim_end_matches('>');
        rest = rest.strip_suffix('/').unwrap_or(rest);
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if rest.is_empty() {
                return None;
            }
            let name_end = rest
                .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '/'))
                .unwrap_or(rest.len());
            let (name, after) = rest.split_at(name_end);
            let after = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
            let (value, after) = match after.strip_prefix('=') {
                Some(value) => {
                    split_value(value.trim_start_matches(|c: char| c.is_ascii_whitespace()))
                }
                None => ("", after),
            };
            if name.eq_ignore_ascii_case(wanted) {
                return Some(super::html_text::decode_references(value));
            }
            rest = after;
        }
    }
}

/// Splits an attribute's value (quoted or not) from what follows it.
fn split_value(text: &str) -> (&str, &str) {
    match text.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let inner = &text[1..];
            match inner.find(quote) {
                Some(end) => (&inner[..end], &inner[end + 1..]),
                None => (inner, ""),
            }
        }
        _ => {
            let end = text
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(text.len());
            text.split_at(end)
        }
    }
}

/// The markup of an HTML text in order (see the module's comment). Iteration ends at markup left
/// open at the end (a tag without its `>`, a comment without its `-->`): [`Scanner::open_at`]
/// then says where it starts.
pub(crate) struct Scanner<'a> {
    html: &'a str,
    at: usize,
    open_at: Option<usize>,
}

impl<'a> Scanner<'a> {
    /// Scans `html` from its start.
    pub fn new(html: &'a str) -> Scanner<'a> {
        Scanner::from(html, 0)
    }

    /// Scans `html` from byte offset `at` (a char boundary).
    pub fn from(html: &'a str, at: usize) -> Scanner<'a> {
        Scanner {
            html,
            at,
            open_at: None,
        }
    }

    /// Where markup left open at the end starts, once the scan has met it.
    pub fn open_at(&self) -> Option<usize> {
        self.open_at
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Markup<'a>;

    fn next(&mut self) -> Option<Markup<'a>> {
        let bytes = self.html.as_bytes();
        loop {
            let start = self.at + memchr::memchr(b'<', bytes.get(self.at..)?)?;
            let from_lt = &self.html[start..];
            if !starts_markup(from_lt) {
                self.at = start + 1;
                continue;
            }
            let Some(len) = markup_len(from_lt) else {
                self.open_at = Some(start);
                self.at = self.html.len();
                return None;
            };
            let text = &from_lt[..len];
            let (name, closing) = match tag_name(text) {
                Some((name, closing)) => (Some(name), closing),
                None => (None, false),
            };
            let end = start + len;
            self.at = end;
            let raw = name.filter(|name| !closing && !text.ends_with("/>") && is_raw_text(name));
            if let Some(element) = raw {
                // Its content is text: the scan goes on at its end tag (or ends, without one).
                self.at = find_end_tag(&self.html[end..], element)
                    .map_or(self.html.len(), |close| end + close);
            }
            return Some(Markup {
                name,
                closing,
                text,
                start,
                end,
            });
        }
    }
}

/// The length of the markup at the start of `from_lt`, up to and including its `>`; `None` when it
/// has no end. A `>` inside a quoted attribute value (`content="a > b"`) does not end a tag.
fn markup_len(from_lt: &str) -> Option<usize> {
    if let Some(comment) = from_lt.strip_prefix("<!--") {
        return comment.find("-->").map(|i| i + 7);
    }
    if let Some(cdata) = from_lt.strip_prefix(CDATA_START) {
        return cdata.find("]]>").map(|i| CDATA_START.len() + i + 3);
    }
    if tag_name(from_lt).is_none() {
        return from_lt.find('>').map(|i| i + 1);
    }
    let bytes = from_lt.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i + 1),
            b'=' => {
                let mut j = i + 1;
                while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(j) {
                    let close = memchr::memchr(quote, &bytes[j + 1..])?;
                    i = j + 1 + close;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Where the end tag of `element` starts in `html` (its `</`), ASCII case ignored.
fn find_end_tag(html: &str, element: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&bytes[from..], b"</") {
        let at = from + i;
        let name = bytes.get(at + 2..at + 2 + element.len())?;
        let boundary = bytes
            .get(at + 2 + element.len())
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        if boundary && name.eq_ignore_ascii_case(element.as_bytes()) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Where the element opened by `open` (a start tag scanned from `html`) ends: the offsets of its
/// end tag's `<` and of just past its `>`, counting nested elements of its name; the end of
/// `html` for an element never closed.
pub(crate) fn element_end(html: &str, open: &Markup<'_>) -> (usize, usize) {
    if open.self_closing() {
        return (open.end, open.end);
    }
    let Some(element) = open.name else {
        return (open.end, open.end);
    };
    if is_raw_text(element) {
        // Its content is text: nothing in it opens or closes an element.
        let Some(close) = find_end_tag(&html[open.end..], element) else {
            return (html.len(), html.len());
        };
        let start = open.end + close;
        let end = markup_len(&html[start..]).map_or(html.len(), |len| start + len);
        return (start, end);
    }
    let mut depth = 0usize;
    let mut scanner = Scanner::from(html, open.end);
    for markup in scanner.by_ref() {
        if !markup.is(element) || (!markup.closing && markup.self_closing()) {
            continue;
        }
        if !markup.closing {
            depth += 1;
        } else if depth == 0 {
            return (markup.start, markup.end);
        } else {
            depth -= 1;
        }
    }
    (html.len(), html.len())
}

/// Whether an element's content is raw text (see [`RAW_TEXT_ELEMENTS`]).
fn is_raw_text(element: &str) -> bool {
    RAW_TEXT_ELEMENTS
        .iter()
        .any(|raw| element.eq_ignore_ascii_case(raw))
}

/// Whether text at a `<` opens markup (a tag, an end tag, a comment, a declaration) rather than
/// being a plain less-than sign (`a < b`).
fn starts_markup(from_lt: &str) -> bool {
    from_lt[1..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
}

/// The element name of a tag and whether it is an end tag; `None` for comments and declarations.
/// Names are XML's: letters, digits, `-`, `:`, `.` and `_` (NITF's `body.content`).
pub(crate) fn tag_name(markup: &str) -> Option<(&str, bool)> {
    let inner = markup.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let end = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '.' | '_')))
        .unwrap_or(inner.len());
    (end > 0 && inner.as_bytes()[0].is_ascii_alphabetic()).then(|| (&inner[..end], closing))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(html: &str) -> Vec<String> {
        Scanner::new(html)
            .map(|m| match m.name {
                Some(name) if m.closing => format!("/{name}"),
                Some(name) => name.to_string(),
                None => "!".to_string(),
            })
            .collect()
    }

    #[test]
    fn tags_comments_and_raw_text_are_told_apart() {
        let html = "<!DOCTYPE html><html><head><title>A <b> title</title>\
                    <script>if (a < b && c > d) { x = '</p>'; }</script></head>\
                    <body>a < b <!-- <p> --><P class=x>text</P></body></html>";
        assert_eq!(
            names(html),
            [
                "!", "html", "head", "title", "/title", "script", "/script", "/head", "body", "!",
                "P", "/P", "/body", "/html"
            ]
        );
    }

    #[test]
    fn attributes_are_read_quoted_or_not_with_references_decoded() {
        let html = "<meta property=\"og:title\" content='AT&amp;T says \"no\" > yes' data-x=1 \
                    hidden><img src=a.png alt=\"\"/>";
        let tags: Vec<Markup> = Scanner::new(html).collect();
        assert_eq!(tags.len(), 2);
        let meta = &tags[0];
        assert_eq!(meta.attr("PROPERTY").as_deref(), Some("og:title"));
        assert_eq!(
            meta.attr("content").as_deref(),
            Some("AT&T says \"no\" > yes")
        );
        assert_eq!(meta.attr("data-x").as_deref(), Some("1"));
        assert_eq!(meta.attr("hidden").as_deref(), Some(""));
        assert_eq!(meta.attr("name"), None);
        assert!(tags[1].self_closing());
        assert_eq!(tags[1].attr("src").as_deref(), Some("a.png"));
        assert_eq!(tags[1].attr("alt").as_deref(), Some(""));
    }

    #[test]
    fn a_cdata_section_is_one_piece_whatever_it_holds() {
        let xml = "<description><![CDATA[<p>Rates > 4% <b>rose</b>]]></description>";
        assert_eq!(names(xml), ["description", "!", "/description"]);
        let cdata = Scanner::new(xml).nth(1).unwrap();
        assert_eq!(cdata.text, "<![CDATA[<p>Rates > 4% <b>rose</b>]]>");
    }

    #[test]
    fn a_quote_in_a_name_is_no_attribute_value() {
        // Wire copy's `<Smith's Co>` is text in angle brackets: its quote opens nothing.
        let tags: Vec<Markup> = Scanner::new("<Smith's Co> said <b>x</b>").collect();
        assert_eq!(tags[0].text, "<Smith's Co>");
        assert_eq!(tags.len(), 3);
    }

    #[test]
    fn an_element_ends_at_its_own_end_tag_past_nested_ones() {
        let html = "<div id=a><div>inner</div><br/>after</div>tail";
        let open = Scanner::new(html).next().unwrap();
        let (start, end) = element_end(html, &open);
        assert_eq!(&html[open.end..start], "<div>inner</div><br/>after");
        assert_eq!(&html[end..], "tail");
        let unclosed = "<article><p>never closed";
        let open = Scanner::new(unclosed).next().unwrap();
        assert_eq!(
            element_end(unclosed, &open),
            (unclosed.len(), unclosed.len())
        );
    }

    #[test]
    fn markup_left_open_ends_the_scan_and_says_where() {
        let mut scanner = Scanner::new("<p>kept</p> <a href=\"x");
        assert_eq!(scanner.by_ref().count(), 2);
        assert_eq!(scanner.open_at(), Some(12));
        // A script never closed is text to the end, no markup left open.
        let mut scanner = Scanner::new("<script>never <b>closed");
        assert_eq!(scanner.by_ref().count(), 1);
        assert_eq!(scanner.open_at(), None);
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_scanned_without_panic(
            text in "(<|>|</?(p|script|title|x y)|<!--|-->|=|\"|'|/|é|\\s|[a-z]){0,60}"
        ) {
            let mut scanner = Scanner::new(&text);
            let mut last = 0;
            for markup in scanner.by_ref() {
                proptest::prop_assert!(markup.start >= last && markup.end > markup.start);
                last = markup.end;
                let _ = markup.attr("x");
                let (a, b) = element_end(&text, &markup);
                proptest::prop_assert!(a <= b && b <= text.len());
            }
        }
    }
}
