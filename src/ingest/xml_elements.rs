//! Elements of news XML (feeds, NITF) read through the lenient scanner of
//! [`html_tags`](super::html_tags): an element's children, the first descendant of a name, and its
//! text. Tag soup is read as far as it goes rather than refused: news feeds are often not
//! well-formed XML (an `&` unescaped, `&nbsp;` undeclared, an end tag missing).

use super::html_tags::{CDATA_START, Markup, Scanner, element_end};
use super::html_text::decode_references;

/// The start tags of an element's children, in order (not their descendants).
pub(crate) fn children<'a>(xml: &'a str, open: &Markup<'a>) -> Vec<Markup<'a>> {
    let (close, _) = element_end(xml, open);
    let inside = &xml[..close];
    let mut out = Vec::new();
    let mut scanner = Scanner::from(inside, open.end.min(close));
    while let Some(markup) = scanner.next() {
        if markup.name.is_none() || markup.closing {
            continue;
        }
        let (_, end) = element_end(inside, &markup);
        scanner = Scanner::from(inside, end);
        out.push(markup);
    }
    out
}

/// The first element named `name` (ASCII case ignored) inside the element `open` starts, at any
/// depth.
pub(crate) fn descendant<'a>(xml: &'a str, open: &Markup<'a>, name: &str) -> Option<Markup<'a>> {
    let (close, _) = element_end(xml, open);
    Scanner::from(&xml[..close], open.end.min(close)).find(|m| !m.closing && m.is(name))
}

/// The text an element holds: its content with CDATA sections as they are and character
/// references decoded elsewhere, trimmed. Markup inside it (Atom's XHTML content, NITF's
/// paragraphs) stays, for the HTML reader.
pub(crate) fn text_of(xml: &str, open: &Markup<'_>) -> String {
    let (close, _) = element_end(xml, open);
    let mut rest = &xml[open.end.min(close)..close];
    let mut out = String::with_capacity(rest.len());
    while let Some(at) = rest.find(CDATA_START) {
        out.push_str(&decode_references(&rest[..at]));
        let cdata = &rest[at + CDATA_START.len()..];
        let end = cdata.find("]]>").unwrap_or(cdata.len());
        out.push_str(&cdata[..end]);
        rest = cdata.get(end + 3..).unwrap_or("");
    }
    out.push_str(&decode_references(rest));
    out.trim().to_string()
}

/// The text of an element without any markup inside it (XML's elements are all markup: NITF's
/// `<person>` in a byline is no text, unlike wire copy's `<Woodco Inc>` in HTML), whitespace
/// runs as one space, trimmed.
pub(crate) fn inner_text(xml: &str, open: &Markup<'_>) -> String {
    let (close, _) = element_end(xml, open);
    plain_text(&xml[open.end.min(close)..close])
}

/// The text of leaf elements named `name` (that hold no other of their name: NITF's
/// classifiers), each with its start tag, found in one pass; one not closed before the next opens
/// is left out. Linear where [`inner_text`] of each would scan to the end for each unclosed one.
pub(crate) fn leaf_texts<'a>(xml: &'a str, name: &str) -> Vec<(Markup<'a>, String)> {
    let mut texts = Vec::new();
    let mut open: Option<Markup<'a>> = None;
    for markup in Scanner::new(xml).filter(|m| m.is(name)) {
        match (markup.closing, open.take()) {
            (true, Some(start)) => texts.push((start, plain_text(&xml[start.end..markup.start]))),
            (false, _) if !markup.self_closing() => open = Some(markup),
            _ => {}
        }
    }
    texts
}

/// The text of XML content without its markup (see [`inner_text`]).
fn plain_text(inside: &str) -> String {
    let mut text = String::new();
    let mut from = 0;
    for markup in Scanner::new(inside) {
        text.push_str(&decode_references(&inside[from..markup.start]));
        if let Some(cdata) = markup.text.strip_prefix(CDATA_START) {
            text.push_str(&cdata[..cdata.len() - "]]>".len()]);
        }
        from = markup.end;
    }
    text.push_str(&decode_references(&inside[from..]));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name of a document's first element.
pub(crate) fn root_element(xml: &str) -> Option<&str> {
    Scanner::new(xml).find_map(|m| m.name.filter(|_| !m.closing))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Random edits of real pages and feeds for the readers' property tests: the fixture with
    /// byte ranges cut out and markup fragments put in, at character boundaries.
    pub(crate) fn edited(text: &str, edits: &[(usize, usize, usize)]) -> String {
        const PIECES: &[&str] = &[
            "<",
            ">",
            "</item>",
            "<item>",
            "<entry>",
            "<![CDATA[",
            "]]>",
            "<!--",
            "\"",
            "'",
            "&amp;",
            "&",
            "<p>",
            "</article>",
            "<article>",
            "<script>",
            "<title>",
            "</nitf>",
            "=",
            "é",
        ];
        let mut out = text.to_string();
        for &(at, cut, piece) in edits {
            let mut at = at % (out.len() + 1);
            while !out.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut % 64).min(out.len());
            while !out.is_char_boundary(end) {
                end -= 1;
            }
            out.replace_range(at..end, PIECES[piece % PIECES.len()]);
        }
        out
    }

    #[test]
    fn children_text_and_descendants() {
        let xml = "<item><title>AT&amp;T <![CDATA[& <b>co</b>]]></title>\
                   <author><name>Ann</name></author><link href=\"x\"/><empty></empty></item>";
        let item = Scanner::new(xml).next().unwrap();
        let kids = children(xml, &item);
        let names: Vec<&str> = kids.iter().filter_map(|m| m.name).collect();
        assert_eq!(names, ["title", "author", "link", "empty"]);
        assert_eq!(text_of(xml, &kids[0]), "AT&T & <b>co</b>");
        assert_eq!(text_of(xml, &kids[2]), "");
        assert_eq!(text_of(xml, &kids[3]), "");
        let name = descendant(xml, &kids[1], "NAME").unwrap();
        assert_eq!(text_of(xml, &name), "Ann");
        assert!(descendant(xml, &kids[0], "name").is_none());
        let byline =
            "<byline>By <person>Ann &amp; Bo</person>, <![CDATA[a&amp;b]]>\n  Staff</byline>";
        let open = Scanner::new(byline).next().unwrap();
        assert_eq!(inner_text(byline, &open), "By Ann & Bo, a&amp;b Staff");
        let leaves = "<c>one</c><c>two <c/>three<c>four</c>";
        let texts: Vec<String> = leaf_texts(leaves, "c")
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(texts, ["one", "four"]);
        assert_eq!(
            root_element("<?xml version=\"1.0\"?><!-- c --><rss>"),
            Some("rss")
        );
    }
}
