//! SGML news collections, many stories a file, as research archives keep them: Reuters-21578
//! (`reut2-000.sgm`: `<REUTERS NEWID="1">` records) and TREC's `<DOC>` records (AP, Wall Street
//! Journal, Financial Times, LA Times, FBIS).
//!
//! Each record is an article. Its id is `<DOCNO>`, else `reuters-NEWID` (the id the known-item
//! test built from Reuters-21578 gives each story), else `FILE#N`. Title from `<TITLE>`,
//! `<HEADLINE>`, `<HEAD>`, `<HL>` or `<TI>`; date from `<DATE>`, `<DD>` or `<DATE1>` (Reuters'
//! `26-FEB-1987 15:01:01.79`, the Financial Times' `910514`, the Journal's `03/24/87`, the LA
//! Times' `January 1, 1989, Sunday, Home Edition`); author from `<AUTHOR>` or `<BYLINE>`, without
//! its `By`; source from `<SO>` or `<PUB>` (Reuters for a `<REUTERS>` record); tags from the
//! `<D>` entries of Reuters' `<TOPICS>`, `<PLACES>`, `<PEOPLE>`, `<ORGS>` and `<EXCHANGES>`.
//! The body is `<BODY>`, else `<TEXT>` without the elements read as fields, its lines as written
//! (TREC's `<P>` elements as paragraphs), opened by the `<DATELINE>` as the wire printed it, and
//! without the control characters and the closing `Reuter` of the wire's transmission. A Reuters
//! flash (`TYPE="BRIEF"`: a headline, and `Blah blah blah.` for a body) is its headline.
//!
//! A collection over the size limit is read in pieces of whole records as it streams
//! ([`super::sgml_stream`]), each piece by [`read_piece`] as a whole file is by [`read`].

use super::byline::without_by;
use super::fields::{MAX_TAGS, article_from_record, insert_tags};
use super::html_tags::{Markup, Scanner, element_end};
use super::html_text::decode_references;
use super::xml_elements::inner_text;
use super::{ProblemKind, Report};
use crate::article::Article;
use serde_json::{Map, Value};

/// The elements a record is: Reuters-21578's and TREC's.
const RECORD_ELEMENTS: &[&str] = &["reuters", "doc"];
/// Elements holding the headline, by preference.
const TITLE_ELEMENTS: &[&str] = &["title", "headline", "head", "hl", "ti"];
/// Elements holding the publication date, by preference.
const DATE_ELEMENTS: &[&str] = &["date", "dd", "date1"];
/// Elements holding the byline.
const AUTHOR_ELEMENTS: &[&str] = &["author", "byline"];
/// Elements naming the publication.
const SOURCE_ELEMENTS: &[&str] = &["so", "pub"];
/// Reuters' category lists, each a run of `<D>` entries.
const TAG_LISTS: &[&str] = &["topics", "places", "people", "orgs", "exchanges"];
/// Elements inside `<TEXT>` that are fields, not body text, besides the titles and bylines.
const OTHER_FIELD_ELEMENTS: &[&str] = &["dateline", "docno"];

/// Whether an element inside `<TEXT>` is a field, not body text.
fn is_field(markup: &Markup<'_>) -> bool {
    TITLE_ELEMENTS
        .iter()
        .chain(AUTHOR_ELEMENTS)
        .chain(OTHER_FIELD_ELEMENTS)
        .any(|name| markup.is(name))
}

/// Whether a document is an SGML news collection: its first element is a record
/// (`<DOC>`, `<REUTERS>`) or Reuters-21578's `<!DOCTYPE lewis>` opens it.
pub(crate) fn is_collection(text: &str) -> bool {
    let lewis = Scanner::new(text).next().is_some_and(|first| {
        first.name.is_none()
            && first
                .text
                .get(..15)
                .is_some_and(|start| start.eq_ignore_ascii_case("<!doctype lewis"))
    });
    lewis
        || Scanner::new(text)
            .find(|m| m.name.is_some())
            .is_some_and(|first| !first.closing && is_record(&first))
}

/// Whether a file's first bytes open a collection: a record's start tag (`<DOC>`, `<REUTERS`) or
/// Reuters-21578's `<!DOCTYPE lewis`, after any white space and byte order mark.
pub(crate) fn opens_a_collection(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(rest) = start.map(|at| &head[at..]) else {
        return false;
    };
    starts_with_record(rest) || opens_tag(rest, b"<!doctype lewis") == Some(true)
}

/// The most bytes that tell whether a record's start tag begins at a `<` (`<reuters` and the
/// byte after it).
pub(crate) const RECORD_TAG_BYTES: usize = 9;

/// Whether `bytes` open with the tag `tag` (`<doc`, in lower case) in any case, its name then
/// the end of the tag or an attribute; `None` when too few bytes are there to tell.
fn opens_tag(bytes: &[u8], tag: &[u8]) -> Option<bool> {
    let Some(after) = bytes.get(tag.len()) else {
        return (!tag[..bytes.len()].eq_ignore_ascii_case(bytes)).then_some(false);
    };
    Some(
        bytes[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(after, b'>' | b' ' | b'\t' | b'\r' | b'\n'),
    )
}

/// Whether `bytes` open with a record's start tag (`<DOC>`, `<REUTERS `), in any case;
/// `None` when too few bytes are there to tell.
fn opens_record(bytes: &[u8]) -> Option<bool> {
    match (opens_tag(bytes, b"<doc"), opens_tag(bytes, b"<reuters")) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// Whether `bytes` open with a record's start tag.
pub(crate) fn starts_with_record(bytes: &[u8]) -> bool {
    opens_record(bytes) == Some(true)
}

/// Where each record's start tag in `bytes` starts, in order (see [`last_record_open`]).
pub(crate) fn record_opens(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'<', bytes).filter(|&at| starts_with_record(&bytes[at..]))
}

/// Where the last record's start tag in `bytes` at or after `from` starts (the bytes before it
/// hold whole records), or `None`. A tag cut off by the end of `bytes` is not counted: the last
/// [`RECORD_TAG_BYTES`] bytes are searched again once more follow.
pub(crate) fn last_record_open(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memrchr_iter(b'<', &bytes[from..])
        .map(|at| from + at)
        .find(|&at| starts_with_record(&bytes[at..]))
}

fn is_record(markup: &Markup<'_>) -> bool {
    RECORD_ELEMENTS.iter().any(|name| markup.is(name))
}

/// Reads the records of a collection, each an article.
pub(crate) fn read(text: &str, path: &str, report: &mut Report<'_>) -> Vec<Article> {
    let mut place = Place::default();
    let articles = read_piece(text, path, report, &mut place, true);
    if place.records == 0 {
        report_no_records(report);
    }
    articles
}

/// Reports a collection without records.
pub(crate) fn report_no_records(report: &mut Report<'_>) {
    report.skip(
        ProblemKind::NoBody,
        None,
        "SGML with no story records (<DOC> or <REUTERS>)",
    );
}

/// Where a piece of a collection starts in its file: the records before it and its first line
/// (1-based), so that a file read in pieces gives the ids and lines it gives read whole.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    /// Records before the piece.
    pub(crate) records: usize,
    /// The piece's first line.
    pub(crate) line: usize,
}

impl Default for Place {
    fn default() -> Place {
        Place {
            records: 0,
            line: 1,
        }
    }
}

/// Reads the records of a piece of a collection, each an article, and moves `place` past it.
/// `ends_file` tells whether the file ends with the piece; else it ends where the next record
/// opens.
pub(crate) fn read_piece(
    text: &str,
    path: &str,
    report: &mut Report<'_>,
    place: &mut Place,
    ends_file: bool,
) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut line_counted_to = 0;
    let mut scanner = Scanner::new(text);
    while let Some(markup) = scanner.next() {
        if markup.closing || !is_record(&markup) {
            continue;
        }
        place.records += 1;
        place.line +=
            memchr::memchr_iter(b'\n', &text.as_bytes()[line_counted_to..markup.start]).count();
        line_counted_to = markup.start;
        let (close, end, closed) = record_end(text, &markup);
        scanner = Scanner::from(text, end);
        if !closed {
            let why = if close == text.len() && ends_file {
                "the file ends inside it"
            } else {
                "the next record opens first"
            };
            report.warn(
                ProblemKind::InvalidArchive,
                Some(place.line),
                format!("record not closed ({why}): read as far as it goes"),
            );
        }
        let record = Record::new(&text[..close], markup);
        let default_id = format!("{path}#{}", place.records);
        let article = article_from_record(
            &record.fields(),
            default_id,
            Some(record.body()),
            Some(place.line),
            report,
        );
        articles.extend(article);
    }
    place.line += memchr::memchr_iter(b'\n', &text.as_bytes()[line_counted_to..]).count();
    articles
}

/// Where the record `open` starts ends: the offsets of its end tag's `<` and of just past its
/// `>`, and `true`; or, for a record never closed, where the next record opens (or the text
/// ends), twice, and `false`. Records do not nest, so one left open loses none after it.
fn record_end(text: &str, open: &Markup<'_>) -> (usize, usize, bool) {
    let next = Scanner::from(text, open.end).find(|m| m.name.is_some() && is_record(m));
    match next {
        Some(tag) if tag.closing => (tag.start, tag.end, true),
        Some(tag) => (tag.start, tag.start, false),
        None => (text.len(), text.len(), false),
    }
}

/// One record: its text up to its end tag, its start tag, and the start tags inside it.
struct Record<'a> {
    text: &'a str,
    open: Markup<'a>,
    elements: Vec<Markup<'a>>,
}

impl<'a> Record<'a> {
    fn new(text: &'a str, open: Markup<'a>) -> Record<'a> {
        let elements = Scanner::from(text, open.end)
            .filter(|m| !m.closing && m.name.is_some())
            .collect();
        Record {
            text,
            open,
            elements,
        }
    }

    /// The first element among `names`, by their order.
    fn first(&self, names: &[&str]) -> Option<&Markup<'a>> {
        names
            .iter()
            .find_map(|name| self.elements.iter().find(|m| m.is(name)))
    }

    /// The text of the first element among `names` as written, whitespace runs as one space.
    fn raw_text_of(&self, names: &[&str]) -> Option<String> {
        self.first(names).map(|open| inner_text(self.text, open))
    }

    /// The text of the first element among `names`, whitespace runs as one space and the wire's
    /// control codes left out (`2.80 DLRS A&#27;[B SHARE`).
    fn text_of(&self, names: &[&str]) -> Option<String> {
        self.raw_text_of(names)
            .map(|text| text.chars().filter(|c| !c.is_control()).collect::<String>())
            .map(|text| text.trim().to_string())
            .filter(|text| !text.is_empty())
    }

    /// Whether this is a Reuters-21578 story.
    fn is_reuters(&self) -> bool {
        self.open.is("reuters")
    }

    /// The record's metadata, by the names [`article_from_record`] reads.
    fn fields(&self) -> Map<String, Value> {
        let mut record = Map::new();
        let mut put = |key: &str, value: Option<String>| {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                record.insert(key.to_string(), Value::String(value));
            }
        };
        let id = self.text_of(&["docno"]).or_else(|| {
            let newid = self.open.attr("newid")?;
            let newid = newid.trim();
            (self.is_reuters() && !newid.is_empty()).then(|| format!("reuters-{newid}"))
        });
        put("id", id);
        put("title", self.title());
        // A date runs to the wire's first control code (`27-MAR-1987 00:02:59.13&#5;&#5;RM`).
        let date = self.raw_text_of(DATE_ELEMENTS).map(|date| {
            let date = date
                .split(|c: char| c.is_control())
                .next()
                .unwrap_or_default();
            iso_date(date)
        });
        put("date", date);
        let author = self
            .text_of(AUTHOR_ELEMENTS)
            .map(|byline| without_by(&byline).to_string());
        put("author", author);
        let source = self
            .text_of(SOURCE_ELEMENTS)
            .or_else(|| self.is_reuters().then(|| "Reuters".to_string()));
        put("source", source);
        let tags = self.tags();
        insert_tags(&mut record, tags);
        record
    }

    /// The headline, without the asterisks a Reuters flash's headline opens with.
    fn title(&self) -> Option<String> {
        let title = self.text_of(TITLE_ELEMENTS)?;
        Some(title.trim_start_matches('*').trim().to_string())
    }

    /// Reuters' categories, each once, in the order of the lists.
    fn tags(&self) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for list in TAG_LISTS {
            let Some(open) = self.elements.iter().find(|m| m.is(list)) else {
                continue;
            };
            let (close, _) = element_end(self.text, open);
            let inside = &self.text[..close];
            for entry in Scanner::from(inside, open.end).filter(|m| !m.closing && m.is("d")) {
                let tag = inner_text(inside, &entry);
                if tags.len() < MAX_TAGS && !tag.is_empty() && !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
        }
        tags
    }

    /// The story's text: see the module's doc.
    fn body(&self) -> String {
        let brief = self
            .elements
            .iter()
            .find(|m| m.is("text"))
            .and_then(|text| text.attr("type"))
            .is_some_and(|kind| kind.eq_ignore_ascii_case("brief"));
        if brief {
            return self.title().unwrap_or_default();
        }
        let Some(container) = self.first(&["body", "text"]) else {
            return String::new();
        };
        let mut body = body_text(self.text, container);
        if self.is_reuters() {
            body = without_sign_off(&body).to_string();
        }
        match self.text_of(&["dateline"]) {
            Some(dateline) if !body.is_empty() => format!("{dateline} {body}"),
            _ => body,
        }
    }
}

/// The text inside an element as written: its lines kept, character references decoded, control
/// characters left out, `<P>` elements as paragraphs (a blank line between them) and the
/// elements that are fields ([`is_field`]) left out; trimmed.
fn body_text(text: &str, open: &Markup<'_>) -> String {
    let (close, _) = element_end(text, open);
    let inside = &text[..close];
    let mut out = String::new();
    let mut from = open.end.min(close);
    let mut scanner = Scanner::from(inside, from);
    let mut paragraphs = false;
    while let Some(markup) = scanner.next() {
        push_text(&mut out, &inside[from..markup.start]);
        from = markup.end;
        if markup.is("p") {
            out.push_str("\n\n");
            paragraphs = true;
        } else if !markup.closing && is_field(&markup) {
            let (_, end) = element_end(inside, &markup);
            from = end;
            scanner = Scanner::from(inside, end);
        }
    }
    push_text(&mut out, &inside[from..]);
    if !paragraphs {
        // Lines and their indentation are the paragraphs (and a table's columns): as written.
        return out.trim().to_string();
    }
    let paragraphs: Vec<&str> = out
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// Appends text with its character references decoded and control characters (the wire's
/// start and end of text, `&#2;` and `&#3;`) left out.
fn push_text(out: &mut String, raw: &str) {
    let decoded = decode_references(raw);
    out.extend(
        decoded
            .chars()
            .filter(|&c| !c.is_control() || c == '\n' || c == '\t'),
    );
}

/// A Reuters story without the `Reuter` that closes its transmission (on a line of its own, or
/// after the last sentence; now and then twice).
fn without_sign_off(body: &str) -> &str {
    const SIGN_OFF: &str = "reuter";
    let mut body = body.trim_end();
    while let Some(cut) = body.len().checked_sub(SIGN_OFF.len()) {
        let signed = body
            .get(cut..)
            .is_some_and(|end| end.eq_ignore_ascii_case(SIGN_OFF))
            && body[..cut]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace);
        if !signed {
            break;
        }
        body = body[..cut].trim_end();
    }
    body
}

/// A collection's date as `parse_metadata_date` reads it (which [`article_from_record`] then
/// does, once): the Financial Times' `910514` (YYMMDD) and the Journal's `03/24/87` (MM/DD/YY)
/// with the century written out (years before 70 taken as 20xx), the LA Times' without its
/// weekday and edition, anything else as it is.
fn iso_date(date: &str) -> String {
    let date = date.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let century = |yy: &str| if yy < "70" { "20" } else { "19" };
    if date.len() == 6 && digits(date) {
        let (yy, mm, dd) = (&date[..2], &date[2..4], &date[4..]);
        return format!("{}{yy}-{mm}-{dd}", century(yy));
    }
    let parts: Vec<&str> = date.split('/').collect();
    if let [mm, dd, yy] = parts[..]
        && yy.len() == 2
        && mm.len() <= 2
        && dd.len() <= 2
        && parts.iter().all(|p| digits(p))
    {
        return format!("{}{yy}-{mm:0>2}-{dd:0>2}", century(yy));
    }
    // The LA Times' `January 1, 1989, Sunday, Home Edition`: the date before the weekday, told
    // by words without a digit after its second comma (`Friday, November 27, 2026` stays whole).
    let mut commas = date.splitn(3, ',');
    if let (Some(day), Some(year), Some(rest)) = (commas.next(), commas.next(), commas.next())
        && !rest.bytes().any(|b| b.is_ascii_digit())
    {
        return format!("{day},{year}");
    }
    date.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, read_bytes};

    fn read(text: &str) -> (Vec<Article>, Vec<String>) {
        let file = read_bytes(text.as_bytes(), "news.sgm", Format::Sgml);
        let problems = file.problems.iter().map(|p| p.to_string()).collect();
        (file.articles, problems)
    }

    const REUTERS: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">
<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" NEWID=\"7\">
<DATE> 3-MAR-1987  09:15:30.12&#5;&#5;RM</DATE>
<TOPICS><D>grain</D><D>wheat</D></TOPICS>
<PLACES><D>usa</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS><D>ec</D></ORGS>
<EXCHANGES></EXCHANGES>
<UNKNOWN> &#5;&#5;&#5;G
&#22;&#22;&#1;f0101&#31;reute</UNKNOWN>
<TEXT>&#2;
<TITLE>FARMERS SELL WHEAT TO &lt;GRAINCO INC></TITLE>
<AUTHOR>    By Ann Example, Reuters</AUTHOR>
<DATELINE>    KANSAS CITY, March 3 - </DATELINE><BODY>Farmers sold wheat to &lt;Grainco Inc>
at higher prices, traders said.
    The sales came as AT&amp;T reported.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS=\"NO\" NEWID=\"8\">
<DATE> 3-MAR-1987 09:16:00.00</DATE>
<TOPICS></TOPICS>
<TEXT TYPE=\"BRIEF\">&#2;
******<TITLE>GRAINCO SAYS PROFIT ROSE
</TITLE>Blah blah blah.
&#3;
</TEXT>
</REUTERS>
<REUTERS NEWID=\"9\">
<DATE> 3-MAR-1987 09:17:00.00</DATE>
<TEXT TYPE=\"UNPROC\">&#2;
WHEAT STOCKS - MARCH 3
 Stocks..........1,234 vs....1,111
 Reuter
&#3;</TEXT>
</REUTERS>
<REUTERS NEWID=\"10\">
<DATE>3-MAR-1987 09:18:00.00</DATE>
<TEXT>&#2;
<TITLE>AN EMPTY STORY</TITLE>
<BODY> Reuter
&#3;</BODY></TEXT>
</REUTERS>
";

    #[test]
    fn reuters_stories_are_read_with_their_fields() {
        let (articles, problems) = read(REUTERS);
        assert_eq!(
            problems,
            ["news.sgm:37: article has no body"],
            "the empty story, at its record's line"
        );
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["reuters-7", "reuters-8", "reuters-9"]);
        let story = &articles[0];
        assert_eq!(story.title, "FARMERS SELL WHEAT TO <GRAINCO INC>");
        assert_eq!(
            story.body,
            "KANSAS CITY, March 3 - Farmers sold wheat to <Grainco Inc>\nat higher prices, \
             traders said.\n    The sales came as AT&T reported."
        );
        assert_eq!(
            story.published.map(|t| t.to_string()).as_deref(),
            Some("1987-03-03T09:15:30.12Z")
        );
        assert_eq!(story.author.as_deref(), Some("Ann Example, Reuters"));
        assert_eq!(story.source.as_deref(), Some("Reuters"));
        assert_eq!(story.tags, ["grain", "wheat", "usa", "ec"]);
        assert_eq!(story.line, Some(2));

        let flash = &articles[1];
        assert_eq!(flash.title, "GRAINCO SAYS PROFIT ROSE");
        assert_eq!(flash.body, "GRAINCO SAYS PROFIT ROSE");
        assert!(flash.tags.is_empty());

        let table = &articles[2];
        assert_eq!(table.title, "");
        assert_eq!(
            table.body,
            "WHEAT STOCKS - MARCH 3\n Stocks..........1,234 vs....1,111"
        );
    }

    #[test]
    fn trec_documents_are_read_in_each_collection_s_shape() {
        let trec = "<DOC>
<DOCNO> AP880101-0001 </DOCNO>
<FILEID>AP-NR-01-01-88 0001EST</FILEID>
<HEAD>Harbour Reopens After Storm</HEAD>
<BYLINE>By JOHN EXAMPLE</BYLINE>
<DATELINE>PORTLAND, Maine (AP) </DATELINE>
<TEXT>
   The harbour reopened on Friday.
   Boats left at dawn.
</TEXT>
</DOC>
<DOC>
<DOCNO> WSJ870324-0001 </DOCNO>
<HL> Mill Agrees to Sell Unit </HL>
<DD> 03/24/87</DD>
<SO> WALL STREET JOURNAL (J) </SO>
<TEXT>
   A mill agreed to sell a unit.
</TEXT>
</DOC>
<DOC>
<DOCNO>FT911-1</DOCNO>
<DATE>910514
</DATE>
<HEADLINE>
FT  14 MAY 91 / Jubilee of a bridge
</HEADLINE>
<TEXT>
The bridge is fifty years old.
</TEXT>
<PUB>Financial Times</PUB>
</DOC>
<DOC>
<DOCNO> LA010189-0001 </DOCNO>
<DATE><P>January 1, 1989, Sunday, Home Edition </P></DATE>
<HEADLINE><P>A Year of Books</P></HEADLINE>
<TEXT><P>Readers bought more books.</P><P>Shops stayed open late.</P></TEXT>
</DOC>
";
        let (articles, problems) = read(trec);
        assert!(problems.is_empty(), "{problems:?}");
        let shown: Vec<(&str, &str, String, &str)> = articles
            .iter()
            .map(|a| {
                let day = a.published.map(|t| t.to_string()).unwrap_or_default();
                (a.id.as_str(), a.title.as_str(), day, a.body.as_str())
            })
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "AP880101-0001",
                    "Harbour Reopens After Storm",
                    String::new(),
                    "PORTLAND, Maine (AP) The harbour reopened on Friday.\n   Boats left at dawn."
                ),
                (
                    "WSJ870324-0001",
                    "Mill Agrees to Sell Unit",
                    "1987-03-24T00:00:00Z".to_string(),
                    "A mill agreed to sell a unit."
                ),
                (
                    "FT911-1",
                    "FT 14 MAY 91 / Jubilee of a bridge",
                    "1991-05-14T00:00:00Z".to_string(),
                    "The bridge is fifty years old."
                ),
                (
                    "LA010189-0001",
                    "A Year of Books",
                    "1989-01-01T00:00:00Z".to_string(),
                    "Readers bought more books.\n\nShops stayed open late."
                ),
            ]
        );
        assert_eq!(articles[0].author.as_deref(), Some("JOHN EXAMPLE"));
        assert_eq!(
            articles[1].source.as_deref(),
            Some("WALL STREET JOURNAL (J)")
        );
        assert_eq!(articles[2].source.as_deref(), Some("Financial Times"));
        assert_eq!(articles[3].line, Some(33));
    }

    #[test]
    fn collections_dates_are_given_in_a_form_metadata_dates_take() {
        for (date, given) in [
            ("910514", "1991-05-14"),
            ("03/24/87", "1987-03-24"),
            ("January 1, 1989, Sunday, Home Edition", "January 1, 1989"),
            ("Friday, November 27, 2026", "Friday, November 27, 2026"),
            (" 3-MAR-1987 09:15:30.12", "3-MAR-1987 09:15:30.12"),
        ] {
            assert_eq!(iso_date(date), given, "{date}");
        }
    }

    #[test]
    fn a_record_left_open_loses_none_after_it() {
        let text = "<DOC><DOCNO>A</DOCNO><TEXT>one story</TEXT>\n\
                    <DOC><DOCNO>B</DOCNO><TEXT>two story</TEXT></DOC>\n\
                    <DOC><DOCNO>C</DOCNO><TEXT>three";
        let (articles, problems) = read(text);
        let read: Vec<(&str, &str)> = articles
            .iter()
            .map(|a| (a.id.as_str(), a.body.as_str()))
            .collect();
        assert_eq!(
            read,
            [("A", "one story"), ("B", "two story"), ("C", "three")]
        );
        assert_eq!(
            problems,
            [
                "news.sgm:1: record not closed (the next record opens first): read as far as \
                 it goes",
                "news.sgm:3: record not closed (the file ends inside it): read as far as it goes"
            ]
        );
    }

    #[test]
    fn a_document_without_records_or_an_id_is_told_apart() {
        let (articles, problems) = read("<DOC><TEXT>Only text.</TEXT></DOC>\n<DOC></DOC>\n");
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].id, "news.sgm#1");
        assert_eq!(problems, ["news.sgm:2: article has no body"]);
        let (articles, problems) = read("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\nno records\n");
        assert!(articles.is_empty());
        assert_eq!(
            problems,
            ["news.sgm: SGML with no story records (<DOC> or <REUTERS>)"]
        );
        assert!(is_collection(
            "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS>"
        ));
        assert!(is_collection("\n<DOC>\n<DOCNO> X </DOCNO>"));
        assert!(!is_collection("<rss><channel></channel></rss>"));
        // A file's first bytes, for files named without an extension.
        assert!(opens_a_collection(b"\xef\xbb\xbf\r\n<doc>\n<DOCNO>"));
        assert!(opens_a_collection(b"<!DOCTYPE lewis SYSTEM"));
        assert!(opens_a_collection(b"<REUTERS TOPICS=\"YES\">"));
        assert!(!opens_a_collection(b"<DOCUMENT>"));
        assert!(!opens_a_collection(b"<doc"));
        assert!(!opens_a_collection(b"text <DOC>"));
        assert!(!is_collection("<?xml version=\"1.0\"?><nitf></nitf>"));
    }
}
