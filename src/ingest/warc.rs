//! Web archives (`.warc`, `.warc.gz`: the Internet Archive's and Common Crawl's format, CC-NEWS
//! among them): every HTML page a `response` record holds (or a `resource` record, as
//! browser-based crawlers archive a page as itself) is an article, read as a saved page is
//! (see [`html_page`](super::html_page)). A WARC file is streamed record by record (gzipped
//! member by member), so an archive of gigabytes is read in bounded memory; other records
//! (requests, metadata, images, redirects) are passed over.
//!
//! A page's id is the address it was fetched from (`WARC-Target-URI`), its url the page's own
//! (canonical) address or else that one; its date, when neither the page nor its text gives one, is the time it was fetched
//! (`WARC-Date`). A problem names the file and the page's address.

use super::html_page;
use super::{ProblemKind, Report, finish_article, human_size};
use crate::analyze::dates::DateSource;
use crate::article::Article;
use rayon::prelude::*;
use std::io::{BufRead, BufReader, Read};

/// The most bytes of pages a batch holds: pages are large (100 KB of markup is common), and a
/// batch of a thousand must not hold a thousand of the largest.
const MAX_BATCH_BYTES: usize = 64 << 20;

/// The longest header block of a record (or of the HTTP response inside it) read.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Whether a file name (its bytes) is a web archive's: `.warc` or `.warc.gz`, in any case.
pub(crate) fn is_warc_name(name: &[u8]) -> bool {
    let ends_with = |suffix: &[u8]| {
        name.len() >= suffix.len() && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    ends_with(b".warc") || ends_with(b".warc.gz")
}

/// A page's record, read but not yet parsed.
struct PageRecord {
    uri: String,
    fetched: Option<String>,
    /// The record's block: an HTTP response, or the page itself (a `resource` record).
    block: Vec<u8>,
    /// For a `resource` record, the charset of its `Content-Type`; `None` for a response.
    resource: Option<Option<String>>,
}

/// Reads a web archive's pages, a batch of articles at a time (see
/// [`RecordStream`](super::RecordStream), which iterates it).
pub(crate) struct WarcStream {
    rel_path: String,
    reader: Option<Box<dyn BufRead + Send>>,
    max_record: usize,
    batch: usize,
    records: usize,
}

impl WarcStream {
    /// Streams the archive `input` (gzipped or not: its first bytes say), named `rel_path`;
    /// problems opening it go to `report`.
    pub(crate) fn new(
        input: Box<dyn Read + Send>,
        rel_path: &str,
        max_record: usize,
        batch: usize,
        report: &mut Report<'_>,
    ) -> WarcStream {
        let mut raw = BufReader::with_capacity(64 * 1024, input);
        let reader: Option<Box<dyn BufRead + Send>> = match raw.fill_buf() {
            Ok([0x1f, 0x8b, ..]) => Some(Box::new(BufReader::new(
                flate2::bufread::MultiGzDecoder::new(raw),
            ))),
            Ok([]) => {
                report.skip(ProblemKind::Empty, None, "empty file");
                None
            }
            Ok(_) => Some(Box::new(raw)),
            Err(err) => {
                report.skip(ProblemKind::Unreadable, None, format!("cannot read: {err}"));
                None
            }
        };
        WarcStream {
            rel_path: rel_path.to_string(),
            reader,
            max_record,
            batch: batch.max(1),
            records: 0,
        }
    }

    /// Whether there is more to read.
    pub(crate) fn is_open(&self) -> bool {
        self.reader.is_some()
    }

    /// Reads the next batch of pages: their articles to `articles`, problems to `report`. A batch
    /// of responses that are no articles (redirects, errors) gives nothing: reading goes on until
    /// one gives something or the archive ends.
    pub(crate) fn fill(&mut self, articles: &mut Vec<Article>, report: &mut Report<'_>) {
        let first_problem = report.problems.len();
        while articles.is_empty() && report.problems.len() == first_problem && self.is_open() {
            let pages = self.read_pages(report);
            // Pages are parsed in parallel, as a JSON file's records are; problems stay in order.
            let parsed: Vec<_> = pages
                .into_par_iter()
                .map(|page| read_page(page, &self.rel_path))
                .collect();
            for (page_articles, problems) in parsed {
                articles.extend(page_articles);
                report.problems.extend(problems);
            }
        }
    }

    /// Reads records until a batch of pages is gathered or the archive ends.
    fn read_pages(&mut self, report: &mut Report<'_>) -> Vec<PageRecord> {
        let mut pages = Vec::new();
        let mut held = 0;
        while pages.len() < self.batch && held < MAX_BATCH_BYTES {
            let Some(reader) = self.reader.as_mut() else {
                break;
            };
            match next_record(reader.as_mut(), self.max_record) {
                Ok(Some(Record::Page(page))) => {
                    held += page.block.len();
                    pages.push(page);
                }
                Ok(Some(Record::Other)) => {}
                Ok(Some(Record::TooLarge { uri, length })) => {
                    let message = format!(
                        "{uri}: page is {}, over the {} limit (--max-size)",
                        human_size(length),
                        human_size(self.max_record as u64)
                    );
                    report.skip(ProblemKind::TooLarge, None, message);
                }
                Ok(None) => {
                    if self.records == 0 {
                        report.skip(
                            ProblemKind::InvalidArchive,
                            None,
                            "WARC file with no records",
                        );
                    }
                    self.reader = None;
                }
                Err(err) => {
                    let message = format!(
                        "WARC record {} cannot be read: {err}; the rest of the file is skipped",
                        self.records + 1
                    );
                    report.skip(ProblemKind::InvalidArchive, None, message);
                    self.reader = None;
                }
            }
            self.records += 1;
        }
        pages
    }
}

/// What one WARC record is to lede.
enum Record {
    /// An HTML page fetched with success.
    Page(PageRecord),
    /// A page over the size limit, passed over unread.
    TooLarge { uri: String, length: u64 },
    /// Anything else.
    Other,
}

/// Reads the next record; `None` at the end of the archive.
fn next_record(reader: &mut dyn BufRead, max_record: usize) -> std::io::Result<Option<Record>> {
    let Some(fields) = read_header_block(reader, true)? else {
        return Ok(None);
    };
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let length: u64 = field("Content-Length")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| invalid("record without a Content-Length"))?;
    let kind = field("WARC-Type").unwrap_or("").to_ascii_lowercase();
    let content_type = field("Content-Type").unwrap_or("").to_ascii_lowercase();
    let is_response = kind == "response" && content_type.contains("application/http");
    // A page archived as itself (browser-based crawlers write `resource` records).
    let is_resource = kind == "resource" && is_html_type(&content_type);
    let uri = field("WARC-Target-URI")
        .unwrap_or("")
        .trim_matches(['<', '>'])
        .to_string();
    let fetched = field("WARC-Date").map(str::to_string);
    if !(is_response || is_resource) {
        skip_bytes(reader, length)?;
        return Ok(Some(Record::Other));
    }
    if length > max_record as u64 {
        skip_bytes(reader, length)?;
        return Ok(Some(Record::TooLarge { uri, length }));
    }
    let mut block = vec![0; length as usize];
    reader.read_exact(&mut block)?;
    let resource = is_resource.then(|| charset_of(&content_type));
    Ok(Some(Record::Page(PageRecord {
        uri,
        fetched,
        block,
        resource,
    })))
}

/// Reads header lines up to a blank line, as `(name, value)`; `None` at the end of the input.
/// A WARC block must start with its version line (`WARC/1.0`); blank lines before it (the end of
/// the previous record) are passed over.
fn read_header_block(
    reader: &mut dyn BufRead,
    warc: bool,
) -> std::io::Result<Option<Vec<(String, String)>>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut line = Vec::new();
    let mut seen = 0usize;
    let mut started = !warc;
    loop {
        line.clear();
        let n = reader
            .take((MAX_HEADER_BYTES - seen.min(MAX_HEADER_BYTES)) as u64 + 1)
            .read_until(b'\n', &mut line)?;
        seen += n;
        if n == 0 {
            return if started {
                Err(invalid("record cut short in its header"))
            } else {
                Ok(None)
            };
        }
        if seen > MAX_HEADER_BYTES {
            return Err(invalid("header over 64 KiB"));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if !started {
            if text.trim().is_empty() {
                continue;
            }
            if !text.starts_with("WARC/") {
                return Err(invalid("not a WARC record (no WARC/1.x version line)"));
            }
            started = true;
            continue;
        }
        if text.is_empty() {
            return Ok(Some(fields));
        }
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = fields.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
        } else if let Some((name, value)) = text.split_once(':') {
            fields.push((name.trim().to_string(), value.trim().to_string()));
        } else if fields.is_empty() && !warc {
            // The HTTP status line.
            fields.push((":status".to_string(), text.to_string()));
        }
    }
}

fn invalid(message: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message.to_string())
}

fn skip_bytes(reader: &mut dyn BufRead, length: u64) -> std::io::Result<()> {
    let skipped = std::io::copy(&mut reader.take(length), &mut std::io::sink())?;
    if skipped < length {
        return Err(invalid("record cut short"));
    }
    Ok(())
}

/// The articles of a page's record and the problems met, each named by the page's address.
fn read_page(
    page: PageRecord,
    rel_path: &str,
) -> (Vec<crate::article::Article>, Vec<super::Problem>) {
    let name = format!("{rel_path}: {}", page.uri);
    let mut report = Report::new(&name);
    let html = match &page.resource {
        Some(charset) => Some(decoded_html(page.block, charset.as_deref())),
        None => response_html(&page.block),
    };
    let Some(html) = html else {
        return (Vec::new(), Vec::new());
    };
    let mut articles = html_page::read(&html, &page.uri, &mut report);
    for article in &mut articles {
        finish_article(article, rel_path);
        if article.url.is_none() && !page.uri.is_empty() {
            article.url = Some(page.uri.clone());
        }
        if article.published.is_none() {
            article.published = page
                .fetched
                .as_deref()
                .and_then(|date| date.parse::<jiff::Timestamp>().ok());
            if article.published.is_some() {
                article.date_source = Some(DateSource::Metadata);
            }
        }
    }
    (articles, report.problems)
}

/// Whether a content type is a web page's.
fn is_html_type(content_type: &str) -> bool {
    content_type.contains("text/html") || content_type.contains("application/xhtml")
}

/// The `charset` of a content type (lower case), when it names one.
fn charset_of(content_type: &str) -> Option<String> {
    content_type
        .split(';')
        .find_map(|param| param.trim().strip_prefix("charset="))
        .map(|label| label.trim_matches(['"', '\'', ' ']).to_string())
}

/// The HTML of an HTTP response, when it is a page fetched with success (status 200, an HTML
/// content type): de-chunked, un-gzipped, and decoded (see [`decoded_html`]).
fn response_html(http: &[u8]) -> Option<String> {
    let mut reader = http;
    let fields = read_header_block(&mut reader, false).ok()??;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.to_ascii_lowercase())
    };
    let status = field(":status")?;
    if status.split_whitespace().nth(1) != Some("200") {
        return None;
    }
    let content_type = field("Content-Type").unwrap_or_default();
    if !is_html_type(&content_type) {
        return None;
    }
    let mut body = reader.to_vec();
    if field("Transfer-Encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunked(&body)?;
    }
    if field("Content-Encoding").is_some_and(|e| e.contains("gzip"))
        && body.starts_with(&[0x1f, 0x8b])
    {
        let mut inflated = Vec::new();
        flate2::read::MultiGzDecoder::new(body.as_slice())
            .read_to_end(&mut inflated)
            .ok()?;
        body = inflated;
    }
    Some(decoded_html(body, charset_of(&content_type).as_deref()))
}

/// A page's bytes as text: by the charset its headers name, else UTF-8, else the charset its
/// markup declares, else Windows-1252 (malformed bytes replaced: a page is read as a browser
/// shows it).
fn decoded_html(body: Vec<u8>, charset: Option<&str>) -> String {
    if let Some(encoding) =
        charset.and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
    {
        return encoding.decode(&body).0.into_owned();
    }
    let body = match String::from_utf8(body) {
        Ok(text) => return text,
        Err(err) => err.into_bytes(),
    };
    match super::decode::decode_declared(&body) {
        Some((text, _)) => text,
        None => encoding_rs::WINDOWS_1252.decode(&body).0.into_owned(),
    }
}

/// A chunked HTTP body joined; `None` when its chunk sizes are broken.
fn dechunked(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let line_end = rest.iter().position(|&b| b == b'\n')?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size_text = size_text.trim().split(';').next()?;
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = &rest[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest
            .strip_prefix(b"\r\n")
            .or(rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: <{uri}>\r\n\
             WARC-Date: 2026-03-02T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn response(uri: &str, status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut http = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        http.extend_from_slice(body);
        record("response", uri, "application/http; msgtype=response", &http)
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    /// A crawl's records: its info, a request, pages (chunked and gzipped; in Windows-1252 with
    /// no date; with no text; archived as itself), an image, a redirect and metadata.
    fn crawl() -> Vec<Vec<u8>> {
        let story = "<html><head><meta property=\"og:title\" content=\"Storm floods town\">\
            <meta property=\"article:published_time\" content=\"2026-03-01T08:00:00Z\"></head>\
            <body><nav>Home</nav><article><p>The river burst its banks in Porthaven.</p></article></body></html>";
        let zipped = gzip(story.as_bytes());
        let mut chunked = format!("{:x}\r\n", 10).into_bytes();
        chunked.extend_from_slice(&zipped[..10]);
        chunked.extend_from_slice(format!("\r\n{:x}\r\n", zipped.len() - 10).as_bytes());
        chunked.extend_from_slice(&zipped[10..]);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let (latin, _, _) = encoding_rs::WINDOWS_1252
            .encode("<title>Caf\u{e9} prices</title><p>Caf\u{e9} owners raised prices.</p>");
        vec![
            record(
                "warcinfo",
                "",
                "application/warc-fields",
                b"software: test\r\n",
            ),
            record(
                "request",
                "https://news.example.com/storm",
                "application/http; msgtype=request",
                b"GET /storm HTTP/1.1\r\n\r\n",
            ),
            response(
                "https://news.example.com/storm",
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked,
            ),
            response(
                "https://news.example.com/logo.jpg",
                "200 OK",
                "Content-Type: image/jpeg\r\n",
                b"\xff\xd8\xff",
            ),
            response(
                "https://news.example.com/old",
                "301 Moved Permanently",
                "Location: /storm\r\nContent-Type: text/html\r\n",
                b"<p>Moved</p>",
            ),
            response(
                "https://news.example.com/cafe",
                "200 OK",
                "Content-Type: text/html; charset=windows-1252\r\n",
                &latin,
            ),
            response(
                "https://news.example.com/empty",
                "200 OK",
                "Content-Type: text/html\r\n",
                b"<nav>Home</nav>",
            ),
            record(
                "metadata",
                "https://news.example.com/storm",
                "application/warc-fields",
                b"via: x\r\n",
            ),
            record(
                "resource",
                "https://news.example.com/quake",
                "text/html; charset=utf-8",
                "<h1>Quake</h1><p>A quake struck at dawn.</p>".as_bytes(),
            ),
        ]
    }

    fn read_archive(
        bytes: Vec<u8>,
        batch: usize,
    ) -> (Vec<crate::article::Article>, Vec<String>, usize) {
        let (mut articles, mut problems, mut parts) = (Vec::new(), Vec::new(), 0);
        let input = Box::new(std::io::Cursor::new(bytes));
        let format = crate::ingest::Format::Warc;
        let name = "crawl.warc.gz";
        for part in
            crate::ingest::stream::table_or_archive_records(format, input, name, 1 << 20, batch)
        {
            parts += 1;
            articles.extend(part.articles);
            problems.extend(part.problems.iter().map(|p| p.to_string()));
        }
        (articles, problems, parts)
    }

    #[test]
    fn the_pages_of_an_archive_are_articles_gzipped_or_not() {
        let records = crawl();
        let plain = records.concat();
        let gzipped: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
        for (bytes, batch) in [(plain, 1), (gzipped, 2)] {
            let (articles, problems, _) = read_archive(bytes, batch);
            assert_eq!(
                problems,
                ["crawl.warc.gz: https://news.example.com/empty: article has no body"]
            );
            let [storm, cafe, quake] = articles.as_slice() else {
                panic!("{articles:?}")
            };
            // A page archived as itself (a `resource` record).
            assert_eq!(
                (quake.title.as_str(), quake.body.as_str()),
                ("Quake", "A quake struck at dawn.")
            );
            assert_eq!(storm.id, "https://news.example.com/storm");
            assert_eq!(storm.title, "Storm floods town");
            assert_eq!(storm.body, "The river burst its banks in Porthaven.");
            assert_eq!(storm.published.unwrap().to_string(), "2026-03-01T08:00:00Z");
            assert_eq!(storm.url.as_deref(), Some("https://news.example.com/storm"));
            assert_eq!(storm.path, "crawl.warc.gz");
            assert_eq!(cafe.title, "Café prices");
            assert_eq!(cafe.body, "Café owners raised prices.");
            // No date in the page or its text: the time it was fetched.
            assert_eq!(cafe.published.unwrap().to_string(), "2026-03-02T10:00:00Z");
        }
    }

    #[test]
    fn a_broken_archive_keeps_the_pages_before_the_break() {
        let records = crawl();
        let mut cut = records[..6].concat();
        cut.truncate(cut.len() - 30);
        let (articles, problems, _) = read_archive(cut, 3);
        assert_eq!(articles.len(), 1);
        assert_eq!(
            problems,
            [
                "crawl.warc.gz: WARC record 6 cannot be read: failed to fill whole buffer; the rest of the file is skipped"
            ]
        );
        let (articles, problems, _) = read_archive(b"not an archive\r\n".to_vec(), 3);
        assert!(articles.is_empty());
        assert_eq!(
            problems,
            [
                "crawl.warc.gz: WARC record 1 cannot be read: not a WARC record (no WARC/1.x version line); the rest of the file is skipped"
            ]
        );
        let (_, problems, _) = read_archive(Vec::new(), 3);
        assert_eq!(problems, ["crawl.warc.gz: empty file"]);
        assert_eq!(dechunked(b"3\r\nabc\r\nZZ\r\n"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_edit_of_an_archive_is_read_without_panic(
            edits in proptest::collection::vec((0usize..4096, 0usize..64, 0usize..32), 0..8)
        ) {
            let plain = String::from_utf8_lossy(&crawl().concat()).into_owned();
            let edited = crate::ingest::xml_elements::tests::edited(&plain, &edits);
            let (articles, _, _) = read_archive(edited.into_bytes(), 2);
            for article in articles {
                proptest::prop_assert!(!article.body.trim().is_empty());
            }
        }
    }
}
