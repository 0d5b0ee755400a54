//! Saved web pages (`.html`, `.htm`): the article a news page shows, and the metadata publishers
//! put in its head.
//!
//! The body is the text of the element that holds the article: the one marked `itemprop=
//! "articleBody"`, else the largest `<article>`, else `<main>`, else `<body>`, without the
//! page's layout inside it (navigation, headers, footers, asides, forms; see
//! [`push_page_text`]). The metadata comes from the page's JSON-LD article (`NewsArticle`,
//! `Article`, `BlogPosting` …, as schema.org defines them and search engines read them), then its
//! Open Graph and other `<meta>` tags, then its markup (`<link rel="canonical">`, the article's
//! `<h1>`, a `<time datetime>` in the article, the `<title>`), each field from the first that has
//! it; a page without a title anywhere takes its first line, as plain text does. Everything is
//! then read as a JSON record is (see [`article_from_record`]).

use super::Report;
use super::fields::{article_from_record, as_text};
use super::html_tags::{Markup, Scanner, element_end};
use super::html_text::{html_to_text, push_page_text};
use super::text::split_title;
use crate::article::Article;
use serde_json::{Map, Value};

/// `<meta>` names (or properties) of a publication date, most specific first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datePublished",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
];

/// `<meta>` names of a headline.
const TITLE_METAS: &[&str] = &["og:title", "twitter:title", "headline", "title"];

/// `<meta>` names of an author.
const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
];

/// `<meta>` names of the publisher.
const SOURCE_METAS: &[&str] = &["og:site_name", "application-name"];

/// `<meta>` names of an article's tags: `article:tag` may come once per tag.
const TAG_METAS: &[&str] = &["article:tag", "news_keywords", "keywords", "parsely-tags"];

/// The most elements of one kind weighed as the article's (a page of teasers has dozens of
/// `<article>`s; each is measured by a scan to its end, and a page of unclosed ones must not take
/// a scan to the page's end for each of thousands).
const MAX_CANDIDATES: usize = 64;

/// The elements [`PageParts::scan`] reads.
const SCANNED_ELEMENTS: &[&str] = &[
    "meta", "link", "title", "h1", "script", "time", "article", "main", "body",
];

/// What one pass over a page's markup finds.
#[derive(Default)]
struct PageParts<'a> {
    /// `<meta>` tags' names (or properties, or `itemprop`s) and contents, in page order.
    metas: Vec<(String, String)>,
    /// The `<link rel="canonical">` address.
    canonical: Option<String>,
    /// The `<title>`'s text.
    title: Option<String>,
    /// The `<h1>`s: where each starts and its text.
    headings: Vec<(usize, String)>,
    /// The article object of the page's JSON-LD.
    linked_data: Option<Map<String, Value>>,
    /// `<time datetime>` tags: where each starts and its `datetime`.
    times: Vec<(usize, String)>,
    /// Elements marked as the article's body (`itemprop="articleBody"`).
    article_bodies: Vec<Markup<'a>>,
    /// `<article>` start tags.
    articles: Vec<Markup<'a>>,
    /// The first `<main>` start tag.
    main: Option<Markup<'a>>,
    /// The `<body>` start tag.
    body: Option<Markup<'a>>,
}

impl<'a> PageParts<'a> {
    /// Reads the parts of `html` in one pass.
    fn scan(html: &'a str) -> PageParts<'a> {
        let mut parts = PageParts::default();
        for markup in Scanner::new(html) {
            let Some(name) = markup.name.filter(|_| !markup.closing) else {
                continue;
            };
            // The elements the scan looks at, named in lower case without an allocation a tag.
            let name = SCANNED_ELEMENTS
                .iter()
                .find(|element| name.eq_ignore_ascii_case(element))
                .copied()
                .unwrap_or("");
            if let Some(prop) = markup.attr("itemprop") {
                if prop.eq_ignore_ascii_case("articleBody") {
                    if parts.article_bodies.len() < MAX_CANDIDATES {
                        parts.article_bodies.push(markup);
                    }
                } else if name != "meta" {
                    let value = markup.attr("content").or_else(|| markup.attr("datetime"));
                    if let Some(value) = value {
                        parts.metas.push((prop.into_owned(), value.into_owned()));
                    }
                }
            }
            match name {
                "meta" => {
                    let key = ["property", "name", "itemprop"]
                        .iter()
                        .find_map(|attr| markup.attr(attr));
                    if let (Some(key), Some(content)) = (key, markup.attr("content")) {
                        parts
                            .metas
                            .push((key.into_owned(), content.trim().to_string()));
                    }
                }
                "link" if parts.canonical.is_none() => {
                    let canonical = markup.attr("rel").is_some_and(|rel| {
                        rel.split_ascii_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical {
                        parts.canonical = markup.attr("href").map(|href| href.trim().to_string());
                    }
                }
                "title" if parts.title.is_none() => {
                    parts.title = Some(html_to_text(content_of(html, &markup)));
                }
                "h1" if parts.headings.len() < MAX_CANDIDATES => {
                    let heading = html_to_text(content_of(html, &markup));
                    parts.headings.push((markup.start, heading));
                }
                "script" if parts.linked_data.is_none() => {
                    let json_ld = markup
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if json_ld {
                        parts.linked_data = linked_data_article(content_of(html, &markup));
                    }
                }
                "time" => {
                    if let Some(datetime) = markup.attr("datetime") {
                        parts.times.push((markup.start, datetime.into_owned()));
                    }
                }
                "article" if parts.articles.len() < MAX_CANDIDATES => parts.articles.push(markup),
                "main" if parts.main.is_none() => parts.main = Some(markup),
                "body" if parts.body.is_none() => parts.body = Some(markup),
                _ => {}
            }
        }
        parts
    }

    /// The first non-empty content of a `<meta>` among `keys` (names ASCII case ignored), in
    /// the order of `keys`.
    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| {
            self.metas
                .iter()
                .find(|(name, content)| name.eq_ignore_ascii_case(key) && !content.is_empty())
                .map(|(_, content)| content.as_str())
        })
    }

    /// Every non-empty content of the `<meta>`s named `key`.
    fn metas_named(&self, key: &str) -> Vec<&str> {
        self.metas
            .iter()
            .filter(|(name, content)| name.eq_ignore_ascii_case(key) && !content.is_empty())
            .map(|(_, content)| content.as_str())
            .collect()
    }

    /// A field of the JSON-LD article, when it gives text (an author as `{"@id": …}` gives none).
    fn linked(&self, key: &str) -> Option<Value> {
        let value = self.linked_data.as_ref()?.get(key)?;
        as_text(value)
            .is_some_and(|text| !text.is_empty())
            .then(|| value.clone())
    }

    /// The span of the page that holds its article (see the module's comment).
    fn article_span(&self, html: &str) -> (usize, usize) {
        let span = |open: &Markup| (open.end, element_end(html, open).0);
        let largest = |candidates: &[Markup]| {
            candidates
                .iter()
                .map(span)
                .max_by_key(|(start, end)| end - start)
        };
        largest(&self.article_bodies)
            .or_else(|| largest(&self.articles))
            .or_else(|| self.main.as_ref().map(span))
            .or_else(|| self.body.as_ref().map(span))
            .unwrap_or((0, html.len()))
    }
}

/// The content of the element `open` starts: up to its end tag.
fn content_of<'a>(html: &'a str, open: &Markup<'_>) -> &'a str {
    &html[open.end..element_end(html, open).0]
}

/// The article object of a JSON-LD script (a `NewsArticle`, `Article`, `BlogPosting` …: any
/// schema.org type named `…Article`, `…Posting` or `Report`), alone, in an array or in an
/// `@graph`.
fn linked_data_article(script: &str) -> Option<Map<String, Value>> {
    let value: Value = serde_json::from_str(script.trim()).ok()?;
    find_article(&value).cloned()
}

fn find_article(value: &Value) -> Option<&Map<String, Value>> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(map) => {
            let is_article = |t: &Value| {
                t.as_str().is_some_and(|t| {
                    // `NewsArticle`, `schema:NewsArticle` or `https://schema.org/NewsArticle`.
                    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
                    t.ends_with("Article") || t.ends_with("Posting") || t == "Report"
                })
            };
            let typed = match map.get("@type") {
                Some(Value::Array(types)) => types.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            if typed {
                Some(map)
            } else {
                map.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

/// Reads a saved web page as one article, named by its path.
pub(crate) fn read(html: &str, path: &str, report: &mut Report<'_>) -> Vec<Article> {
    let parts = PageParts::scan(html);
    let text = |s: &str| Value::String(s.to_string());
    let mut record = Map::new();
    let mut put = |key: &str, candidates: &mut dyn Iterator<Item = Option<Value>>| {
        if let Some(value) = candidates.flatten().next() {
            record.insert(key.to_string(), value);
        }
    };
    let (start, end) = parts.article_span(html);
    // The article's own `<h1>` rather than a site's logo in one before it: the first inside the
    // article, else the last before it, else the first.
    let heading = parts
        .headings
        .iter()
        .find(|(at, _)| (start..end).contains(at))
        .or_else(|| parts.headings.iter().rfind(|(at, _)| *at < start))
        .or(parts.headings.first())
        .map(|(_, heading)| heading.as_str());
    let time_in_article = parts
        .times
        .iter()
        .find(|(at, _)| (start..end).contains(at))
        .map(|(_, datetime)| text(datetime));
    let site = parts.meta(SOURCE_METAS);
    let without_site = |title: &str| text(without_site_name(title, site));
    put(
        "title",
        &mut [
            parts.linked("headline"),
            parts.meta(TITLE_METAS).map(without_site),
            heading.map(text),
            parts.title.as_deref().map(without_site),
        ]
        .into_iter(),
    );
    put(
        "date",
        &mut [
            parts.linked("datePublished"),
            parts.meta(DATE_METAS).map(text),
            time_in_article,
            parts.linked("dateCreated"),
        ]
        .into_iter(),
    );
    let author = parts
        .meta(AUTHOR_METAS)
        .filter(|author| !author.starts_with("http"))
        .map(super::byline::without_by);
    put(
        "author",
        &mut [parts.linked("author"), author.map(text)].into_iter(),
    );
    put(
        "source",
        &mut [
            parts.meta(SOURCE_METAS).map(text),
            parts.linked("publisher"),
        ]
        .into_iter(),
    );
    put(
        "url",
        &mut [
            parts.canonical.as_deref().map(text),
            parts.meta(&["og:url"]).map(text),
            parts.linked("url"),
        ]
        .into_iter(),
    );
    let tags = TAG_METAS
        .iter()
        .map(|key| parts.metas_named(key))
        .find(|tags| !tags.is_empty())
        .map(|tags| match tags.as_slice() {
            [one] => text(one),
            many => Value::Array(many.iter().map(|tag| text(tag)).collect()),
        });
    put("tags", &mut [tags, parts.linked("keywords")].into_iter());

    let mut body = String::new();
    push_page_text(&html[start..end], &mut body);
    let mut body = body.trim().to_string();
    if body.is_empty()
        && let Some(Value::String(text)) = parts.linked("articleBody")
    {
        body = text.trim().to_string();
    }
    match record.get("title").and_then(Value::as_str) {
        Some(title) => body = without_leading_title(&body, title),
        None => {
            // A page without a title anywhere: its first line, as for plain text.
            let (title, rest) = split_title(&body);
            record.insert("title".to_string(), Value::String(title));
            body = rest;
        }
    }
    article_from_record(&record, path.to_string(), Some(body), None, report)
        .into_iter()
        .collect()
}

/// A page title without the site's name after it (`Storm floods town | The Daily Example`), when
/// the page names its site.
fn without_site_name<'a>(title: &'a str, site: Option<&str>) -> &'a str {
    let Some(site) = site.map(str::trim).filter(|site| !site.is_empty()) else {
        return title;
    };
    let title = title.trim();
    let Some(before) = title
        .len()
        .checked_sub(site.len())
        .and_then(|at| title.get(..at))
        .filter(|_| title[title.len() - site.len()..].eq_ignore_ascii_case(site))
    else {
        return title;
    };
    let headline = before
        .trim_end()
        .trim_end_matches(['|', '-', '–', '—', ':', '·', '•'])
        .trim_end();
    if headline.len() < before.trim_end().len() && !headline.is_empty() {
        headline
    } else {
        title
    }
}

/// The body without a first paragraph that only repeats the title (the article's `<h1>`).
fn without_leading_title(body: &str, title: &str) -> String {
    let (first, rest) = body.split_once("\n\n").unwrap_or((body, ""));
    let repeats = !title.is_empty() && first.trim().eq_ignore_ascii_case(title.trim());
    if repeats && !rest.trim().is_empty() {
        rest.trim().to_string()
    } else {
        body.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_page(html: &str) -> (Vec<Article>, Vec<String>) {
        let mut report = Report::new("page.html");
        let articles = read(html, "page.html", &mut report);
        let problems = report.problems.iter().map(|p| p.to_string()).collect();
        (articles, problems)
    }

    #[test]
    fn a_news_page_gives_its_article_and_metadata_without_the_layout() {
        let (articles, problems) = read_page(include_str!("../../tests/fixtures/news_page.html"));
        assert!(problems.is_empty(), "{problems:?}");
        let [article] = articles.as_slice() else {
            panic!("{articles:?}")
        };
        assert_eq!(article.id, "page.html");
        assert_eq!(
            article.title,
            "Storm floods harbour town as river bursts its banks"
        );
        assert_eq!(
            article.published.unwrap().to_string(),
            "2026-03-02T08:30:00Z"
        );
        assert_eq!(article.author.as_deref(), Some("Jane Doe, Tom Lee"));
        assert_eq!(article.source.as_deref(), Some("The Daily Example"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://example.com/news/storm-floods-harbour-town")
        );
        assert_eq!(article.tags, ["Weather", "Flooding"]);
        assert_eq!(
            article.body,
            "Hundreds of residents of Porthaven were moved to safety on Monday after the River \
             Fal burst its banks during the night, the Environment Agency said.\n\n\
             Flood water on Quay Street in Porthaven.\n\n\
             “We have never seen the water rise this fast,” said Maria Santos, who runs a café on \
             the harbour front.\n\n\
             The Met Office has issued an amber warning for rain until Wednesday & more storms \
             are expected."
        );
    }

    #[test]
    fn without_linked_data_the_meta_tags_and_markup_give_the_fields() {
        let html = "<html><head><title>Rates held | Wire</title>\
            <meta name=\"author\" content=\"By Ann Smith\"><meta name=\"pubdate\" content=\"2026-11-27\">\
            <meta name=\"news_keywords\" content=\"rates, banks\"></head>\
            <body><nav>Home | Markets</nav><h1>Central bank holds rates</h1>\
            <p>The central bank held its rate at 4%.</p><p>Markets rose.</p></body></html>";
        let (articles, problems) = read_page(html);
        assert!(problems.is_empty(), "{problems:?}");
        let article = &articles[0];
        assert_eq!(article.title, "Central bank holds rates");
        assert_eq!(article.author.as_deref(), Some("Ann Smith"));
        assert_eq!(
            article.published.unwrap().to_string(),
            "2026-11-27T00:00:00Z"
        );
        assert_eq!(article.tags, ["rates", "banks"]);
        // The `<h1>` that repeats the title opens the body no more; the navigation is gone.
        assert_eq!(
            article.body,
            "The central bank held its rate at 4%.\n\nMarkets rose."
        );
    }

    #[test]
    fn a_title_loses_the_site_name_after_it() {
        let site = Some("The Daily Example");
        for (title, expected) in [
            ("Storm floods town | The Daily Example", "Storm floods town"),
            ("Storm floods town - the daily example", "Storm floods town"),
            ("Storm floods town — The Daily Example", "Storm floods town"),
            (
                "Why I read The Daily Example",
                "Why I read The Daily Example",
            ),
            ("The Daily Example", "The Daily Example"),
        ] {
            assert_eq!(without_site_name(title, site), expected, "{title}");
        }
        assert_eq!(without_site_name("A | B", None), "A | B");
        let html = "<title>Rates held | Wire</title><meta property=\"og:site_name\" content=\"Wire\">\
                    <p>The bank held rates.</p><p>Markets rose.</p>";
        assert_eq!(read_page(html).0[0].title, "Rates held");
    }

    #[test]
    fn the_marked_article_body_and_the_largest_article_are_preferred() {
        let teaser = "<article><p>Teaser of another story.</p></article>";
        let story = "<article><div class=\"intro\">Lead text here.</div>\
            <div itemprop=\"articleBody\"><p>The body proper.</p><div><p>Nested part.</p></div></div>\
            <article class=\"comment\"><p>A reader's comment.</p></article></article>";
        let html = format!("<body><h1 class=\"logo\">Daily</h1>{teaser}{story}</body>");
        let (articles, _) = read_page(&html);
        assert_eq!(articles[0].body, "The body proper.\n\nNested part.");
        assert_eq!(articles[0].title, "Daily");
        // The article's own heading rather than the site's logo before it.
        let headed = html.replace("<div itemprop", "<h1>Storm hits</h1><div itemprop");
        let (articles, _) = read_page(&headed);
        assert_eq!(articles[0].title, "Storm hits");
        let without_mark = html.replace(" itemprop=\"articleBody\"", "");
        let (articles, _) = read_page(&without_mark);
        assert_eq!(
            articles[0].body,
            "Lead text here.\n\nThe body proper.\n\nNested part.\n\nA reader's comment."
        );
        // A `<time datetime>` in the article dates it when the head does not.
        let dated = without_mark.replace(
            "Lead text here.",
            "<time datetime=\"2025-06-01\">June 1</time> Lead text here.",
        );
        let (articles, _) = read_page(&dated);
        assert_eq!(
            articles[0].published.unwrap().to_string(),
            "2025-06-01T00:00:00Z"
        );
    }

    #[test]
    fn a_page_without_text_is_skipped_and_broken_markup_keeps_what_it_can() {
        let (articles, problems) = read_page(
            "<html><head><title>Only a title</title><script>var x = 1;</script></head><body> </body></html>",
        );
        assert!(articles.is_empty());
        assert_eq!(problems, ["page.html: article has no body"]);
        let (articles, problems) =
            read_page("<html><body><p>Kept paragraph.<p>Another one <b>bold<div>open");
        assert!(problems.is_empty(), "{problems:?}");
        // The first sentence serves as the title and stays the body's first.
        assert_eq!(
            articles[0].body,
            "Kept paragraph.\n\nAnother one bold\n\nopen"
        );
        assert_eq!(articles[0].title, "Kept paragraph.");
        let (articles, _) =
            read_page("<script type=\"application/ld+json\">{broken</script><p>Text.</p>");
        assert_eq!(articles[0].body, "Text.");
    }

    #[test]
    fn linked_data_gives_the_body_when_the_markup_has_none() {
        let html = "<script type=\"application/ld+json\">[{\"@type\": \"BreadcrumbList\"}, \
            {\"@type\": \"http://schema.org/ReportageNewsArticle\", \"headline\": \"Quake\", \
            \"author\": {\"@id\": \"#a\"}, \"articleBody\": \"A quake struck at dawn.\", \
            \"keywords\": [\"quake\", \"Chile\"], \"publisher\": {\"name\": \"Wire\"}}]</script>\
            <meta name=\"author\" content=\"Luis Diaz\">";
        let (articles, problems) = read_page(html);
        assert!(problems.is_empty(), "{problems:?}");
        let article = &articles[0];
        assert_eq!(article.title, "Quake");
        assert_eq!(article.body, "A quake struck at dawn.");
        assert_eq!(article.author.as_deref(), Some("Luis Diaz"));
        assert_eq!(article.source.as_deref(), Some("Wire"));
        assert_eq!(article.tags, ["quake", "Chile"]);
    }

    proptest::proptest! {
        #[test]
        fn any_edit_of_the_fixture_is_read_without_panic(
            edits in proptest::collection::vec((0usize..8192, 0usize..64, 0usize..32), 0..12)
        ) {
            let text = crate::ingest::xml_elements::tests::edited(include_str!("../../tests/fixtures/news_page.html"), &edits);
            let mut report = Report::new("page.html");
            for article in read(&text, "page.html", &mut report) {
                proptest::prop_assert!(!article.body.trim().is_empty());
            }
        }
    }
}
