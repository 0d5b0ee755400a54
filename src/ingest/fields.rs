//! Mapping metadata records (a JSON object, YAML or TOML front matter) onto [`Article`] fields,
//! accepting the common names publishers and scrapers use for each field.

use super::date::{parse_metadata_date, unix_seconds};
use super::html_text::{html_to_text, looks_like_html};
use super::{ProblemKind, Report};
use crate::article::Article;
use serde_json::{Map, Value};
use std::sync::OnceLock;

const TITLE_KEYS: &[&str] = &["title", "headline"];
const BODY_KEYS: &[&str] = &["body", "text", "content", "article"];
/// A wire story's dateline kept apart from its body (Reuters-21578 as JSON Lines:
/// `"dateline": "SALVADOR, Feb 26 -"`): it opens the body, as the story prints it and as the
/// SGML reader puts `<DATELINE>`, so that its place and date are the story's.
const DATELINE_KEYS: &[&str] = &["dateline"];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publish_date",
    "pubdate",
    "datepublished",
    "timestamp",
];
const URL_KEYS: &[&str] = &["url", "link"];
const SOURCE_KEYS: &[&str] = &["source", "publisher", "publication", "site"];
const AUTHOR_KEYS: &[&str] = &["author", "byline", "authors"];
const ID_KEYS: &[&str] = &["id", "doc_id", "docid", "guid", "uuid"];
/// Every one of these a record has adds its tags: lists of subjects under several names, and
/// Reuters-21578's five (its JSON Lines keep `topics`, `places`, `people`, `orgs` and
/// `exchanges` apart, as its SGML does, which gives them all as tags).
const TAG_KEYS: &[&str] = &[
    "tags",
    "keywords",
    "categories",
    "subjects",
    "topics",
    "places",
    "people",
    "orgs",
    "exchanges",
];

/// The most tags an article keeps (a record or a feed item with thousands is cut, not refused;
/// readers that drop repeated tags compare each with those kept).
pub(crate) const MAX_TAGS: usize = 256;

/// The fields a record's keys are read into, each under the names of its list above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Body,
    Dateline,
    Date,
    Url,
    Source,
    Author,
    Id,
    /// Any of [`TAG_KEYS`]: every one adds its tags.
    Tags,
}

/// Each field with the names it goes by, most preferred first.
const FIELD_NAMES: [(Field, &[&str]); 9] = [
    (Field::Title, TITLE_KEYS),
    (Field::Body, BODY_KEYS),
    (Field::Dateline, DATELINE_KEYS),
    (Field::Date, DATE_KEYS),
    (Field::Url, URL_KEYS),
    (Field::Source, SOURCE_KEYS),
    (Field::Author, AUTHOR_KEYS),
    (Field::Id, ID_KEYS),
    (Field::Tags, TAG_KEYS),
];

/// The longest key name of [`FIELD_NAMES`], in significant bytes: a longer key is none of them.
const NAME_MAX: usize = 16;

/// Every name of [`FIELD_NAMES`] as its significant bytes (see [`significant_bytes`]), with its
/// field and its place in the field's list; a name listed twice keeps its first place.
fn significant_names() -> &'static [(Vec<u8>, Field, usize)] {
    static NAMES: OnceLock<Vec<(Vec<u8>, Field, usize)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut all: Vec<(Vec<u8>, Field, usize)> = Vec::new();
        for &(field, names) in &FIELD_NAMES {
            for (rank, name) in names.iter().enumerate() {
                let name: Vec<u8> = significant_bytes(name).collect();
                if !all.iter().any(|(seen, _, _)| *seen == name) {
                    all.push((name, field, rank));
                }
            }
        }
        all
    })
}

/// The field a key name is, and its place in the field's list of names: the name's
/// significant bytes, gathered once, compared with each name's.
fn field_of(key: &str) -> Option<(Field, usize)> {
    let mut name = [0u8; NAME_MAX];
    let mut len = 0;
    for byte in significant_bytes(key) {
        *name.get_mut(len)? = byte;
        len += 1;
    }
    let name = &name[..len];
    significant_names()
        .iter()
        .find(|(want, _, _)| want.as_slice() == name)
        .map(|&(_, field, rank)| (field, rank))
}

/// A record's values by field, found in one pass over its keys: for each field, the first
/// non-blank value under its most preferred name (names match ignoring case, `_` and `-`); for the
/// tags, every value under any of their names, in the names' order.
struct RecordFields<'a> {
    /// Per field (by its place in [`FIELD_NAMES`]): the value and its name's rank.
    values: [Option<(&'a Value, usize)>; FIELD_NAMES.len()],
    /// Tag values with their name's rank, in record order.
    tags: Vec<(usize, &'a Value)>,
}

impl<'a> RecordFields<'a> {
    fn of(record: &'a Map<String, Value>) -> RecordFields<'a> {
        let mut fields = RecordFields {
            values: [None; FIELD_NAMES.len()],
            tags: Vec::new(),
        };
        for (key, value) in record {
            let Some((field, rank)) = field_of(key) else {
                continue;
            };
            if field == Field::Tags {
                fields.tags.push((rank, value));
                continue;
            }
            let held = &mut fields.values[field as usize];
            if !is_blank(value) && held.is_none_or(|(_, best)| rank < best) {
                *held = Some((value, rank));
            }
        }
        // By name, each name's values in record order (the sort is stable).
        fields.tags.sort_by_key(|&(rank, _)| rank);
        fields
    }

    /// The field's value, if the record has one.
    fn get(&self, field: Field) -> Option<&'a Value> {
        self.values[field as usize].map(|(value, _)| value)
    }
}

/// A key name's bytes in lower case, without `_` and `-`.
fn significant_bytes(key: &str) -> impl Iterator<Item = u8> + '_ {
    key.bytes()
        .filter(|b| !matches!(b, b'_' | b'-'))
        .map(|b| b.to_ascii_lowercase())
}

/// Whether a record has a body under one of the names a body goes by.
pub(crate) fn has_body(record: &Map<String, Value>) -> bool {
    RecordFields::of(record).get(Field::Body).is_some()
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.iter().all(is_blank),
        _ => false,
    }
}

/// A value as text: strings as they are, numbers printed, arrays joined with ", ", objects by
/// their `name` (as in `"source": {"name": "Reuters"}`).
pub(crate) fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(as_text).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(map) => map.get("name").and_then(as_text),
        Value::Null => None,
    }
}

/// Puts a reader's tags into a record as a list, unless there are none.
pub(crate) fn insert_tags(record: &mut Map<String, Value>, tags: Vec<String>) {
    if !tags.is_empty() {
        let tags = tags.into_iter().map(Value::String).collect();
        record.insert("tags".to_string(), Value::Array(tags));
    }
}

fn as_list(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(as_text).collect(),
        Value::String(s) => s
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        other => as_text(other).into_iter().collect(),
    }
}

/// The tags of every key of [`TAG_KEYS`] the record has, in the keys' order, each once (a tag
/// in another case than one before it is that one), at most [`MAX_TAGS`].
fn tags_of(fields: &RecordFields<'_>) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for &(_, value) in &fields.tags {
        for tag in as_list(value) {
            if tags.len() < MAX_TAGS && !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
    }
    tags
}

/// Builds an article from a metadata record. `default_id` is used when the record has no id;
/// `line` locates warnings. `body_override` supplies the body when it comes from outside the record
/// (the Markdown after front matter). Returns `None`, with a reason reported, when there is no body.
pub(crate) fn article_from_record(
    record: &Map<String, Value>,
    default_id: String,
    body_override: Option<String>,
    line: Option<usize>,
    report: &mut Report<'_>,
) -> Option<Article> {
    let fields = RecordFields::of(record);
    // A record's body may be HTML (a CMS export, a feed's `content`): then its text is indexed,
    // and its title's character references are decoded as well.
    let (body, html) = match body_override {
        Some(body) => (body, false),
        None => match fields.get(Field::Body).and_then(as_text) {
            Some(body) if looks_like_html(&body) => (html_to_text(&body), true),
            body => (body.unwrap_or_default(), false),
        },
    };
    if body.trim().is_empty() {
        report.skip(ProblemKind::NoBody, line, "article has no body");
        return None;
    }
    let body = match fields.get(Field::Dateline).and_then(as_text) {
        Some(dateline) if !body.trim_start().starts_with(&dateline) => {
            format!("{dateline} {}", body.trim_start())
        }
        _ => body,
    };
    let published = fields.get(Field::Date).and_then(|value| {
        let parsed = match value {
            Value::Number(n) => n.as_f64().and_then(unix_seconds),
            other => as_text(other).and_then(|s| parse_metadata_date(&s)),
        };
        if parsed.is_none() {
            report.warn(
                ProblemKind::BadDate,
                line,
                format!("unparseable date {value}; indexed without a date"),
            );
        }
        let outside = parsed.and_then(crate::index::published_date::out_of_range);
        if let Some(message) = outside {
            report.warn(ProblemKind::BadDate, line, message);
            return None;
        }
        parsed
    });
    let id = fields
        .get(Field::Id)
        .and_then(as_text)
        .unwrap_or(default_id);
    if let Some(problem) = crate::article::id_problem(&id) {
        report.skip(ProblemKind::InvalidId, line, problem);
        return None;
    }
    Some(Article {
        id,
        title: fields
            .get(Field::Title)
            .and_then(as_text)
            .map(|title| if html { html_to_text(&title) } else { title })
            .unwrap_or_default(),
        body,
        published,
        date_source: None,
        source: fields.get(Field::Source).and_then(as_text),
        author: fields.get(Field::Author).and_then(as_text),
        url: fields.get(Field::Url).and_then(as_text),
        tags: tags_of(&fields),
        path: String::new(),
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(value: Value) -> (Option<Article>, Vec<String>) {
        let mut report = Report::new("f.json");
        let record = value.as_object().unwrap().clone();
        let article = article_from_record(&record, "f.json".into(), None, Some(3), &mut report);
        (
            article,
            report.problems.iter().map(|p| p.to_string()).collect(),
        )
    }

    #[test]
    fn tags_come_from_every_key_that_holds_some() {
        let (article, _) = read(json!({
            "body": "Cocoa rose.",
            "topics": ["cocoa"],
            "places": ["el-salvador", "usa"],
            "people": [],
            "Tags": "Markets, COCOA",
            "orgs": null
        }));
        assert_eq!(
            article.unwrap().tags,
            ["Markets", "COCOA", "el-salvador", "usa"]
        );
    }

    #[test]
    fn a_dateline_apart_from_the_body_opens_it() {
        let (article, problems) = read(json!({
            "dateline": "SALVADOR, Feb 26 -",
            "body": "Showers continued throughout the week."
        }));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            article.unwrap().body,
            "SALVADOR, Feb 26 - Showers continued throughout the week."
        );
        // A body that opens with its dateline already keeps one; a dateline alone is no body.
        let (article, _) = read(json!({
            "dateline": "SALVADOR, Feb 26 -",
            "body": "SALVADOR, Feb 26 - Showers continued."
        }));
        assert_eq!(
            article.unwrap().body,
            "SALVADOR, Feb 26 - Showers continued."
        );
        let (article, problems) = read(json!({"dateline": "SALVADOR, Feb 26 -", "body": " "}));
        assert!(article.is_none());
        assert_eq!(problems, ["f.json:3: article has no body"]);
    }

    #[test]
    fn an_html_body_gives_its_text_and_plain_text_stays_as_it_is() {
        let (article, problems) = read(json!({
            "title": "AT&amp;T &#8217;s deal",
            "content": "<p>AT&amp;T agreed.</p><script>ad()</script><p>Shares <b>rose</b>.</p>"
        }));
        assert!(problems.is_empty(), "{problems:?}");
        let article = article.unwrap();
        assert_eq!(article.title, "AT&T ’s deal");
        assert_eq!(article.body, "AT&T agreed.\n\nShares rose.");
        let wire = "<Woodco Inc> said <I> its R&amp;D rose.";
        let (article, _) = read(json!({"title": "R&amp;D", "body": wire}));
        let article = article.unwrap();
        assert_eq!(
            (article.title.as_str(), article.body.as_str()),
            ("R&amp;D", wire)
        );
        let (article, problems) = read(json!({"body": "<p><!-- nothing --></p>"}));
        assert!(article.is_none());
        assert_eq!(problems, ["f.json:3: article has no body"]);
    }

    #[test]
    fn a_date_the_index_cannot_hold_is_a_warning_at_its_line() {
        let (article, problems) = read(json!({"body": "Text.", "date": "1500-01-01"}));
        assert_eq!(article.unwrap().published, None);
        assert_eq!(
            problems,
            [
                "f.json:3: publication date 1500-01-01T00:00:00Z is outside the dates the index \
              holds (1677-09-21 to 2262-04-11); ignored"
            ]
        );
        let (article, problems) = read(json!({"body": "Text.", "date": "1700-01-01"}));
        assert!(article.unwrap().published.is_some());
        assert!(problems.is_empty());
    }

    #[test]
    fn an_id_past_the_limit_skips_the_record_at_its_line() {
        let longest = "a".repeat(crate::article::MAX_ID_BYTES);
        let (article, problems) = read(json!({"id": longest, "body": "Text."}));
        assert_eq!(article.unwrap().id, longest);
        assert!(problems.is_empty());
        let (article, problems) = read(json!({"id": format!("{longest}b"), "body": "Text."}));
        assert!(article.is_none());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("f.json:3: article id \"aaaa"),
            "{problems:?}"
        );
        assert!(problems[0].ends_with("\"… is 4097 bytes long, more than the 4096 an id may have"));
    }

    #[test]
    fn common_key_names_map_to_fields() {
        let (article, problems) = read(json!({
            "headline": "Markets rally", "Content": "Stocks rose.", "pubDate": "Mon, 02 Mar 2026 09:30:00 GMT",
            "link": "https://example.com/a", "publisher": {"name": "Wire"}, "authors": ["A. One", "B. Two"],
            "guid": 42, "keywords": "markets, stocks", "ignored": true
        }));
        let article = article.unwrap();
        assert_eq!(article.id, "42");
        assert_eq!(article.title, "Markets rally");
        assert_eq!(article.body, "Stocks rose.");
        assert_eq!(
            article.published.unwrap().to_string(),
            "2026-03-02T09:30:00Z"
        );
        assert_eq!(article.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(article.source.as_deref(), Some("Wire"));
        assert_eq!(article.author.as_deref(), Some("A. One, B. Two"));
        assert_eq!(article.tags, ["markets", "stocks"]);
        assert!(problems.is_empty());
    }

    #[test]
    fn a_bad_date_warns_and_keeps_the_article() {
        let (article, problems) = read(json!({"text": "Body.", "date": "someday"}));
        let article = article.unwrap();
        assert_eq!(article.id, "f.json");
        assert!(article.published.is_none());
        assert_eq!(
            problems,
            ["f.json:3: unparseable date \"someday\"; indexed without a date"]
        );
    }

    #[test]
    fn numeric_timestamps_are_unix_seconds() {
        let (article, _) = read(json!({"body": "B", "timestamp": 1772443800}));
        assert_eq!(
            article.unwrap().published.unwrap().to_string(),
            "2026-03-02T09:30:00Z"
        );
    }

    #[test]
    fn a_record_without_body_is_skipped_with_a_reason() {
        let (article, problems) = read(json!({"title": "Only a title", "body": "  "}));
        assert!(article.is_none());
        assert_eq!(problems, ["f.json:3: article has no body"]);
    }

    #[test]
    fn keys_match_without_regard_to_case_underscores_or_dashes() {
        for key in ["publishedAt", "published_at", "Published-At", "PUBLISHEDAT"] {
            assert_eq!(field_of(key), Some((Field::Date, 2)), "{key}");
        }
        assert_eq!(field_of("published"), Some((Field::Date, 1)));
        assert_eq!(field_of("publishedAtX"), None);
        assert_eq!(field_of("doc-ID"), Some((Field::Id, 1)));
        assert_eq!(field_of("Exchanges"), Some((Field::Tags, 8)));
        assert_eq!(field_of(&"a".repeat(NAME_MAX + 1)), None);
        // Every name fits the buffer a key's name is gathered into.
        assert!(
            significant_names()
                .iter()
                .all(|(name, _, _)| name.len() <= NAME_MAX)
        );
    }

    #[test]
    fn the_most_preferred_name_wins_wherever_it_stands_and_blank_values_do_not_count() {
        let (article, _) = read(json!({
            "article": "Fourth name.", "content": "Third name.", "text": "  ", "headline": "H",
            "Title": "", "title": "T"
        }));
        let article = article.unwrap();
        assert_eq!(article.body, "Third name.");
        assert_eq!(article.title, "T");
    }
}
