//! NITF (the IPTC's News Industry Text Format) articles, one a file, as news archives keep them
//! (The New York Times Annotated Corpus among them).
//!
//! Title from `<hl1>` (else the head's `<title>`); id from `<doc-id id-string>`, else the path;
//! date from `<date.issue norm>`, `<pubdata date.publication>` or `<date.release norm>`
//! (`20260302T093000Z`, ISO's basic form); author from the first `<byline>` that is not NYT's
//! `normalized_byline`, without its `By`; source and url from `<pubdata name ex-ref>`; tags from
//! `<keyword key>` and the indexing service's `<classifier>`s; body from the paragraphs (`<p>`,
//! and `<hl2>` subheads) of `<block class="full_text">` when there is one (NYT repeats the lead
//! paragraph in a block of its own before it), else of `<body.content>`.

use super::Report;
use super::byline::without_by;
use super::fields::{MAX_TAGS, article_from_record, insert_tags};
use super::html_tags::{Markup, Scanner, element_end};
use super::xml_elements::{inner_text, leaf_texts, root_element};
use crate::article::Article;
use serde_json::{Map, Value};

/// Whether a document is an NITF article: its root element is `<nitf>`.
pub(crate) fn is_nitf(xml: &str) -> bool {
    root_element(xml).is_some_and(|root| root.eq_ignore_ascii_case("nitf"))
}

/// Elements of the article's body whose text is a paragraph.
const PARAGRAPH_ELEMENTS: &[&str] = &["p", "hl2"];

/// Reads an NITF article.
pub(crate) fn read(xml: &str, path: &str, report: &mut Report<'_>) -> Vec<Article> {
    let elements: Vec<Markup> = Scanner::new(xml)
        .filter(|m| !m.closing && m.name.is_some())
        .collect();
    let first = |name: &str| elements.iter().find(|m| m.is(name));
    let attr_of = |name: &str, attr: &str| {
        elements
            .iter()
            .filter(|m| m.is(name))
            .find_map(|m| m.attr(attr))
            .map(|value| value.trim().to_string())
            .filter(|value| !value.is_empty())
    };
    let text = |markup: &Markup| inner_text(xml, markup);

    let mut record = Map::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            record.insert(key.to_string(), Value::String(value));
        }
    };
    put("title", first("hl1").or_else(|| first("title")).map(text));
    put("id", attr_of("doc-id", "id-string"));
    put(
        "date",
        attr_of("date.issue", "norm")
            .or_else(|| attr_of("pubdata", "date.publication"))
            .or_else(|| attr_of("date.release", "norm")),
    );
    let byline = elements
        .iter()
        .filter(|m| m.is("byline"))
        .find(|m| m.attr("class").as_deref() != Some("normalized_byline"))
        .map(text)
        .map(|byline| without_by(&byline).to_string());
    put("author", byline);
    put("source", attr_of("pubdata", "name"));
    put("url", attr_of("pubdata", "ex-ref"));
    let keywords = elements
        .iter()
        .filter(|m| m.is("keyword"))
        .filter_map(|m| m.attr("key").map(|key| key.trim().to_string()));
    let classifiers = leaf_texts(xml, "classifier")
        .into_iter()
        .filter(|(m, _)| m.attr("class").as_deref() == Some("indexing_service"))
        .map(|(_, text)| text);
    let mut tags: Vec<String> = Vec::new();
    for tag in keywords.chain(classifiers) {
        if tags.len() == MAX_TAGS {
            break;
        }
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    insert_tags(&mut record, tags);

    let full_text = elements
        .iter()
        .find(|m| m.is("block") && m.attr("class").as_deref() == Some("full_text"));
    let container = full_text.or_else(|| first("body.content"));
    let body = container.map_or_else(String::new, |open| paragraphs(xml, open));
    article_from_record(&record, path.to_string(), Some(body), None, report)
        .into_iter()
        .collect()
}

/// The paragraphs inside an element, a blank line between them.
fn paragraphs(xml: &str, open: &Markup<'_>) -> String {
    let (close, _) = element_end(xml, open);
    let inside = &xml[..close];
    let mut out: Vec<String> = Vec::new();
    let mut scanner = Scanner::from(inside, open.end.min(close));
    while let Some(markup) = scanner.next() {
        let paragraph = !markup.closing && PARAGRAPH_ELEMENTS.iter().any(|name| markup.is(name));
        if !paragraph {
            continue;
        }
        let (_, end) = element_end(inside, &markup);
        scanner = Scanner::from(inside, end);
        let text = inner_text(inside, &markup);
        if !text.is_empty() {
            out.push(text);
        }
    }
    if out.is_empty() {
        // No paragraphs: the container's text as one.
        return inner_text(xml, open);
    }
    out.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_nitf_article_gives_its_full_text_and_metadata() {
        let xml = include_str!("../../tests/fixtures/archive.nitf.xml");
        assert!(is_nitf(xml));
        let mut report = Report::new("a.xml");
        let articles = read(xml, "a.xml", &mut report);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let [article] = articles.as_slice() else {
            panic!("{articles:?}")
        };
        assert_eq!(article.id, "1987654");
        assert_eq!(article.title, "Harbour Town Braces for Storm");
        assert_eq!(
            article.published.unwrap().to_string(),
            "1998-01-02T00:00:00Z"
        );
        assert_eq!(article.author.as_deref(), Some("JANE DOE"));
        assert_eq!(article.source.as_deref(), Some("The Example Times"));
        assert_eq!(
            article.url.as_deref(),
            Some("http://archive.example.com/1998/01/02/harbour.html")
        );
        assert_eq!(article.tags, ["Storms", "Floods"]);
        // The full text once: not the lead paragraph's block, nor the abstract.
        assert_eq!(
            article.body,
            "Residents of Porthaven filled sandbags on Thursday.\n\n\
             The harbour master, Tom Briggs, said the sea wall would hold \"if the wind drops by \
             Friday.\"\n\nSchools Closed\n\nAll three schools in the town will stay closed until \
             Monday."
        );
    }

    #[test]
    fn a_plain_nitf_article_reads_its_body_content() {
        let xml = "<nitf><head><title>Fallback title</title><docdata>\
            <date.issue norm=\"20260302T093000Z\"/><key-list><keyword key=\"energy\"/></key-list>\
            </docdata></head><body><body.head><byline>By <person>Ann Lee</person></byline>\
            </body.head><body.content><p>Oil fell.</p><p>Gas rose.</p></body.content></body></nitf>";
        let mut report = Report::new("b.xml");
        let articles = read(xml, "b.xml", &mut report);
        let article = &articles[0];
        assert_eq!(article.id, "b.xml");
        assert_eq!(article.title, "Fallback title");
        assert_eq!(
            article.published.unwrap().to_string(),
            "2026-03-02T09:30:00Z"
        );
        assert_eq!(article.author.as_deref(), Some("Ann Lee"));
        assert_eq!(article.tags, ["energy"]);
        assert_eq!(article.body, "Oil fell.\n\nGas rose.");
    }

    #[test]
    fn thousands_of_tags_closed_or_not_are_read_in_one_pass_and_cut() {
        let closed: String = (0..1000)
            .map(|i| format!("<classifier class=\"indexing_service\">Topic {i}</classifier>"))
            .collect();
        // Never closed, each would hold the rest of the file: left out, in linear time.
        let unclosed = "<classifier class=\"indexing_service\">x ".repeat(20_000);
        let xml = format!(
            "<nitf><head>{closed}{unclosed}</head><body><body.content><p>Text.</p></body.content></body></nitf>"
        );
        let mut report = Report::new("c.xml");
        let articles = read(&xml, "c.xml", &mut report);
        let tags = &articles[0].tags;
        assert_eq!(tags.len(), crate::ingest::fields::MAX_TAGS);
        assert_eq!(
            (tags[0].as_str(), tags[255].as_str()),
            ("Topic 0", "Topic 255")
        );
    }

    proptest::proptest! {
        #[test]
        fn any_edit_of_the_fixture_is_read_without_panic(
            edits in proptest::collection::vec((0usize..8192, 0usize..64, 0usize..32), 0..12)
        ) {
            let text = crate::ingest::xml_elements::tests::edited(include_str!("../../tests/fixtures/archive.nitf.xml"), &edits);
            let mut report = Report::new("a.xml");
            for article in read(&text, "a.xml", &mut report) {
                proptest::prop_assert!(!article.body.trim().is_empty());
            }
        }
    }
}
