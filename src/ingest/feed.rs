//! News feeds: RSS 2.0, RSS 1.0 (RDF) and Atom, one article per `<item>` or `<entry>`, as
//! newsrooms and archivers save them (`.rss`, `.atom`, or `.xml` whose root is `<rss>`, `<feed>`
//! or `<rdf:RDF>`).
//!
//! An item's fields go through the JSON record mapping (see [`article_from_record`]): title; url
//! from `<link>` (Atom's `href` of the alternate link); id from `<guid>` or Atom's `<id>`, else its
//! link (so that an item saved in several snapshots of a feed is one article), else `FILE#N`;
//! date from `<pubDate>`, `<published>`, `<dc:date>` or `<updated>`; author from `<dc:creator>` or
//! `<author>` (Atom's `<name>`, RSS's `email (Name)`); tags from `<category>` (Atom's `term`) and
//! `<dc:subject>`; source from the item's `<source>`, else the feed's title; body from
//! `<content:encoded>`, `<content>`, `<description>` or `<summary>`, the first that has text, read
//! as HTML (feeds carry HTML, escaped or in CDATA) unless Atom marks it `type="text"`.

use super::fields::{MAX_TAGS, article_from_record, insert_tags};
use super::html_tags::{Markup, Scanner};
use super::html_text::html_to_text;
use super::xml_elements::{children, descendant, root_element, text_of};
use super::{ProblemKind, Report};
use crate::article::Article;
use serde_json::{Map, Value};

/// Root elements of feeds.
const FEED_ROOTS: &[&str] = &["rss", "feed", "rdf:RDF"];

/// Elements holding an item's text, fullest first.
const BODY_ELEMENTS: &[&str] = &["content:encoded", "content", "description", "summary"];

/// Elements holding an item's publication date, most specific first.
const DATE_ELEMENTS: &[&str] = &[
    "pubDate",
    "published",
    "dc:date",
    "dcterms:issued",
    "updated",
];

/// Whether a document is a feed (see [`FEED_ROOTS`]).
pub(crate) fn is_feed(xml: &str) -> bool {
    root_element(xml).is_some_and(|root| FEED_ROOTS.iter().any(|r| root.eq_ignore_ascii_case(r)))
}

/// An item's children by name.
struct ItemChildren<'a> {
    xml: &'a str,
    children: Vec<Markup<'a>>,
}

impl<'a> ItemChildren<'a> {
    /// The first child named `name`, ASCII case ignored.
    fn child(&self, name: &str) -> Option<&Markup<'a>> {
        self.children.iter().find(|m| m.is(name))
    }

    /// The text of the first child named `name` that has text.
    fn text(&self, name: &str) -> Option<String> {
        self.children
            .iter()
            .filter(|m| m.is(name))
            .map(|m| text_of(self.xml, m))
            .find(|text| !text.is_empty())
    }

    /// The text of the first of `names` (in their order) that has text.
    fn first_text(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|name| self.text(name))
    }

    /// The item's address: RSS's `<link>` text, or the `href` of Atom's alternate link.
    fn link(&self) -> Option<String> {
        self.children
            .iter()
            .filter(|m| m.is("link"))
            .find_map(|m| {
                let rel = m.attr("rel");
                match m.attr("href") {
                    Some(href) if rel.is_none_or(|rel| rel.eq_ignore_ascii_case("alternate")) => {
                        Some(href.trim().to_string())
                    }
                    Some(_) => None,
                    None => Some(text_of(self.xml, m)),
                }
            })
            .filter(|link| !link.is_empty())
    }

    /// The item's author: `<dc:creator>`, Atom's `<author><name>`, or RSS's `<author>` e-mail
    /// address with the name in brackets after it.
    fn author(&self) -> Option<String> {
        if let Some(creator) = self.text("dc:creator") {
            return Some(creator);
        }
        let author = self.child("author")?;
        if let Some(name) = descendant(self.xml, author, "name") {
            return Some(text_of(self.xml, &name)).filter(|name| !name.is_empty());
        }
        let text = text_of(self.xml, author);
        let named = text
            .split_once('(')
            .and_then(|(_, rest)| rest.strip_suffix(')'))
            .map(str::trim);
        Some(named.unwrap_or(&text).to_string()).filter(|author| !author.is_empty())
    }

    /// The item's categories: `<category>` text or Atom's `term`, and `<dc:subject>`.
    fn tags(&self) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for markup in &self.children {
            let tag = if markup.is("category") {
                markup
                    .attr("term")
                    .map(|term| term.trim().to_string())
                    .unwrap_or_else(|| text_of(self.xml, markup))
            } else if markup.is("dc:subject") {
                text_of(self.xml, markup)
            } else {
                continue;
            };
            if tags.len() == MAX_TAGS {
                break;
            }
            if !tag.is_empty() && !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags
    }

    /// The item's text: the first of [`BODY_ELEMENTS`] with any, read as HTML unless Atom says
    /// it is plain text.
    fn body(&self) -> String {
        let found = BODY_ELEMENTS.iter().find_map(|name| {
            let markup = self
                .children
                .iter()
                .find(|m| m.is(name) && !m.self_closing())?;
            let text = text_of(self.xml, markup);
            (!text.is_empty()).then_some((markup, text))
        });
        match found {
            Some((markup, text)) if markup.attr("type").as_deref() == Some("text") => text,
            Some((_, text)) => html_to_text(&text),
            None => String::new(),
        }
    }
}

/// Reads the items of a feed, each an article named `FILE#N` unless it has an id or a link.
pub(crate) fn read(xml: &str, path: &str, report: &mut Report<'_>) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut feed_title: Option<String> = None;
    let mut items = 0;
    let (mut line, mut line_counted_to) = (1, 0);
    let mut scanner = Scanner::new(xml);
    while let Some(markup) = scanner.next() {
        if markup.closing {
            continue;
        }
        if markup.is("title") && feed_title.is_none() && items == 0 {
            feed_title = Some(html_to_text(&text_of(xml, &markup)));
            continue;
        }
        if !(markup.is("item") || markup.is("entry")) {
            continue;
        }
        items += 1;
        line += memchr::memchr_iter(b'\n', &xml.as_bytes()[line_counted_to..markup.start]).count();
        line_counted_to = markup.start;
        let end = item_end(xml, &markup);
        scanner = Scanner::from(xml, end);
        let item = ItemChildren {
            xml: &xml[..end],
            children: children(&xml[..end], &markup),
        };
        let record = item_record(&item, feed_title.as_deref());
        let default_id = format!("{path}#{items}");
        let article =
            article_from_record(&record, default_id, Some(item.body()), Some(line), report);
        articles.extend(article);
    }
    if items == 0 {
        report.skip(
            // Not an empty file: a feed of no items is read, and has no articles.
            ProblemKind::NoBody,
            None,
            "feed has no items (<item> or <entry>)",
        );
    }
    articles
}

/// Where an item ends: at its end tag, or where the next item starts when its end tag is
/// missing (items do not nest), so that one broken item does not swallow the rest.
fn item_end(xml: &str, open: &Markup<'_>) -> usize {
    let is_item = |m: &Markup| m.is("item") || m.is("entry");
    match Scanner::from(xml, open.end).find(is_item) {
        Some(next) if next.closing => next.end,
        Some(next) => next.start,
        None => xml.len(),
    }
}

/// The metadata of an item as a record for [`article_from_record`].
fn item_record(item: &ItemChildren<'_>, feed_title: Option<&str>) -> Map<String, Value> {
    let mut record = Map::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            record.insert(key.to_string(), Value::String(value));
        }
    };
    put(
        "title",
        item.text("title").map(|title| html_to_text(&title)),
    );
    let link = item.link();
    put(
        "id",
        item.first_text(&["guid", "id"]).or_else(|| link.clone()),
    );
    put("url", link);
    put("date", item.first_text(DATE_ELEMENTS));
    put("author", item.author());
    let source = item.child("source").map(|source| {
        // Atom's `<source>` is the feed the entry came from, with its own title.
        match descendant(item.xml, source, "title") {
            Some(title) => text_of(item.xml, &title),
            None => text_of(item.xml, source),
        }
    });
    put(
        "source",
        source
            .filter(|s| !s.is_empty())
            .or_else(|| feed_title.map(str::to_string)),
    );
    let tags = item.tags();
    insert_tags(&mut record, tags);
    record
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_feed(xml: &str) -> (Vec<Article>, Vec<String>) {
        let mut report = Report::new("f.rss");
        let articles = read(xml, "f.rss", &mut report);
        let problems = report.problems.iter().map(|p| p.to_string()).collect();
        (articles, problems)
    }

    #[test]
    fn rss_items_are_articles_with_their_metadata() {
        let xml = include_str!("../../tests/fixtures/wire.rss");
        assert!(is_feed(xml));
        let (articles, problems) = read_feed(xml);
        assert_eq!(problems, ["f.rss:26: article has no body"]);
        let [copper, tin] = articles.as_slice() else {
            panic!("{articles:?}")
        };
        assert_eq!(copper.id, "wire-2026-0302-001");
        assert_eq!(copper.title, "Copper hits record as Chilean mines strike");
        assert_eq!(
            copper.url.as_deref(),
            Some("https://wire.example.com/2026/03/02/copper-record")
        );
        assert_eq!(
            copper.published.unwrap().to_string(),
            "2026-03-02T09:30:00Z"
        );
        assert_eq!(copper.author.as_deref(), Some("Ana Torres"));
        assert_eq!(copper.source.as_deref(), Some("Example Wire: Business"));
        assert_eq!(copper.tags, ["Commodities", "Chile"]);
        assert_eq!(copper.line, Some(8));
        // The full text (content:encoded) rather than the summary (description).
        assert_eq!(
            copper.body,
            "Copper rose to a record on the London Metal Exchange on Monday as workers at two \
             Chilean mines went on strike.\n\nCodelco said output at El Teniente had halved."
        );
        // No guid: the link is the id; escaped HTML is read as HTML; the name of an e-mail author.
        assert_eq!(tin.id, "https://wire.example.com/2026/03/02/tin-zinc");
        assert_eq!(tin.title, "Tin & zinc steady");
        assert_eq!(tin.author.as_deref(), Some("Li Wei"));
        assert_eq!(
            tin.body,
            "Tin and zinc prices held steady in thin trade.\n\nDealers expect little change."
        );
    }

    #[test]
    fn atom_entries_are_articles_with_their_metadata() {
        let xml = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Example Blog</title>
  <link rel="self" href="https://blog.example.com/feed.atom"/>
  <entry>
    <title type="html">Rates &amp;amp; markets</title>
    <link rel="self" href="https://blog.example.com/api/1"/>
    <link href="https://blog.example.com/rates"/>
    <id>tag:blog.example.com,2026:1</id>
    <updated>2026-03-03T10:00:00Z</updated>
    <published>2026-03-02T10:00:00+02:00</published>
    <author><name>Sam Reed</name><email>sam@example.com</email></author>
    <category term="economy"/><category term="rates"/>
    <summary>Short.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The bank held rates.</p><p>Bonds &amp; stocks rose.</p></div></content>
    <source><title>Original Wire</title></source>
  </entry>
  <entry>
    <title>Plain one</title>
    <id>tag:blog.example.com,2026:2</id>
    <content type="text">Less than 5 &lt; 6 stays text: &lt;p&gt; is not markup here.</content>
  </entry>
</feed>"#;
        assert!(is_feed(xml));
        let (articles, problems) = read_feed(xml);
        assert!(problems.is_empty(), "{problems:?}");
        let [rates, plain] = articles.as_slice() else {
            panic!("{articles:?}")
        };
        assert_eq!(rates.id, "tag:blog.example.com,2026:1");
        assert_eq!(rates.title, "Rates & markets");
        assert_eq!(rates.url.as_deref(), Some("https://blog.example.com/rates"));
        assert_eq!(rates.published.unwrap().to_string(), "2026-03-02T08:00:00Z");
        assert_eq!(rates.author.as_deref(), Some("Sam Reed"));
        assert_eq!(rates.source.as_deref(), Some("Original Wire"));
        assert_eq!(rates.tags, ["economy", "rates"]);
        assert_eq!(rates.body, "The bank held rates.\n\nBonds & stocks rose.");
        assert_eq!(plain.source.as_deref(), Some("Example Blog"));
        assert_eq!(
            plain.body,
            "Less than 5 < 6 stays text: <p> is not markup here."
        );
    }

    #[test]
    fn rss_one_items_and_feeds_without_items() {
        let xml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
            <channel><title>RDF news</title></channel>\
            <item rdf:about=\"https://x.example/1\"><title>One</title><link>https://x.example/1</link>\
            <dc:date>2026-03-02</dc:date><dc:subject>Energy</dc:subject>\
            <description>Oil fell.</description></item></rdf:RDF>";
        let (articles, problems) = read_feed(xml);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(articles[0].id, "https://x.example/1");
        assert_eq!(articles[0].tags, ["Energy"]);
        assert_eq!(articles[0].body, "Oil fell.");
        let (articles, problems) = read_feed("<rss><channel><title>Quiet</title></channel></rss>");
        assert!(articles.is_empty());
        assert_eq!(problems, ["f.rss: feed has no items (<item> or <entry>)"]);
    }

    #[test]
    fn a_broken_item_loses_only_itself() {
        // An unescaped `&`, an undeclared entity and an item whose end tag is missing.
        let xml = "<rss><channel><item><title>A & B&nbsp;rise</title><description>First.</description></item>\
            <item><title>Second</title><description>Broken <b>text</description>\
            <item><title>Third</title><description>Third text.</description></item></channel></rss>";
        let (articles, _) = read_feed(xml);
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles[0], "A & B\u{a0}rise");
        assert!(titles.contains(&"Third"), "{titles:?}");
    }

    proptest::proptest! {
        #[test]
        fn any_edit_of_the_fixture_is_read_without_panic(
            edits in proptest::collection::vec((0usize..8192, 0usize..64, 0usize..32), 0..12)
        ) {
            let text = crate::ingest::xml_elements::tests::edited(include_str!("../../tests/fixtures/wire.rss"), &edits);
            let mut report = Report::new("f.rss");
            for article in read(&text, "f.rss", &mut report) {
                proptest::prop_assert!(!article.body.trim().is_empty());
            }
        }
    }
}
