//! Ingest: from files on disk to [`Article`]s.
//!
//! [`walk`](walk::walk) lists the files under each corpus path in a deterministic order;
//! [`read_file`] picks a reader by extension (plain text, Markdown with front matter, JSON, JSON
//! Lines, tables, saved web pages, news feeds, NITF, web archives, SGML collections) and returns
//! the articles it holds together with the problems met on the way. One bad record never loses
//! the others: each problem names the file (and line) and the reader goes on. Text is decoded by
//! `decode` (UTF-8, else plausible Windows-1252, always reported); `.jsonl` files, and `.json`
//! arrays over the size limit, are streamed record by record by [`stream`] (see
//! [`is_streamed`]), so that a file of any size is read in bounded memory.

mod array_records;
pub(crate) mod byline;
mod csv_file;
mod date;
mod decode;
mod feed;
mod fields;
mod html_page;
mod html_tags;
mod html_text;
mod json;
mod line_ends;
mod markdown;
mod mhtml;
mod nitf;
mod path_text;
mod plain_yaml;
mod sgml;
mod sgml_stream;
pub mod stream;
mod text;
pub mod walk;
mod warc;
mod xml_elements;

pub use date::parse_metadata_date;
pub use path_text::{lies_under, path_text};
pub use stream::{RecordStream, stream_records};
pub use walk::{SourceFile, WalkOptions, walk, walk_with};

use crate::analyze::dates::DateSource;
use crate::article::Article;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The formats lede reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `.txt`: a title line (or first sentence) and a body.
    Text,
    /// `.md`, `.markdown`: optional YAML or TOML front matter, then Markdown.
    Markdown,
    /// `.json`: one article object or an array of them.
    Json,
    /// `.jsonl`, `.ndjson`: one article object per line.
    JsonLines,
    /// `.html`, `.htm`: a saved web page, one article.
    Html,
    /// `.xml`, `.rss`, `.atom`: a news feed (RSS or Atom, an article per item) or an NITF article.
    Xml,
    /// `.mhtml`, `.mht`: a web page saved as one file.
    Mhtml,
    /// `.warc`, `.warc.gz`: a web archive, an article per HTML page it holds (always streamed).
    Warc,
    /// `.csv`, `.tsv`: a table, an article per row, its header naming the columns (always
    /// streamed).
    Csv,
    /// `.sgm`, `.sgml`: an SGML news collection, an article per record (Reuters-21578's
    /// `<REUTERS>`, TREC's `<DOC>`).
    Sgml,
}

/// A file name's stem and extension as [`Path::file_stem`] and [`Path::extension`] split it: at
/// its last dot, unless that dot opens the name (`.profile` has no extension).
fn split_extension(name: &[u8]) -> Option<(&[u8], &[u8])> {
    let dot = name.iter().rposition(|&b| b == b'.')?;
    (dot > 0 && name != b"..").then(|| (&name[..dot], &name[dot + 1..]))
}

impl Format {
    /// The format for a path's extension, or `None` when lede does not read it.
    pub fn from_path(path: &Path) -> Option<Format> {
        // The name's bytes, read once: each file of a walk is asked about three times, and
        // `Path`'s own parsing of its name and extension was a hundredth of reading small files.
        Format::from_name(path.file_name()?.as_encoded_bytes())
    }

    /// The format for a file name, as [`Format::from_path`] gives it.
    fn from_name(name: &[u8]) -> Option<Format> {
        if warc::is_warc_name(name) && std::str::from_utf8(name).is_ok() {
            return Some(Format::Warc);
        }
        let (stem, extension) = split_extension(name)?;
        if extension.eq_ignore_ascii_case(b"gz") {
            // Any format may be gzipped once (`news.jsonl.gz`, `story.html.gz`).
            return Format::from_name(stem).filter(|_| {
                !split_extension(stem).is_some_and(|(_, e)| e.eq_ignore_ascii_case(b"gz"))
            });
        }
        const EXTENSIONS: &[(&str, Format)] = &[
            ("txt", Format::Text),
            ("text", Format::Text),
            ("md", Format::Markdown),
            ("markdown", Format::Markdown),
            ("json", Format::Json),
            ("jsonl", Format::JsonLines),
            ("ndjson", Format::JsonLines),
            ("html", Format::Html),
            ("htm", Format::Html),
            ("xhtml", Format::Html),
            ("xml", Format::Xml),
            ("rss", Format::Xml),
            ("atom", Format::Xml),
            ("nitf", Format::Xml),
            ("mhtml", Format::Mhtml),
            ("mht", Format::Mhtml),
            ("csv", Format::Csv),
            ("tsv", Format::Csv),
            ("sgm", Format::Sgml),
            ("sgml", Format::Sgml),
        ];
        EXTENSIONS
            .iter()
            .find(|(known, _)| extension.eq_ignore_ascii_case(known.as_bytes()))
            .map(|&(_, format)| format)
    }

    /// The format of a file on disk: by its extension ([`Format::from_path`]), else, for a
    /// name without one or with a number for one (gzipped or not), by how it opens: TREC's
    /// collections name their files so (`AP880212`, `LA010189.gz`, `fr940104.0`), and an
    /// [SGML collection](Format::Sgml) is read when the file opens with a record.
    pub fn of_file(path: &Path) -> Option<Format> {
        if let Some(format) = Format::from_path(path) {
            return Some(format);
        }
        let gzipped = stream::is_gzipped(path);
        let name = if gzipped {
            Path::new(path.file_stem()?)
        } else {
            path
        };
        let numbered = name
            .extension()
            .is_none_or(|ext| ext.as_encoded_bytes().iter().all(u8::is_ascii_digit));
        if !numbered {
            return None;
        }
        let head = sgml_head(path, gzipped)?;
        sgml::opens_a_collection(&head).then_some(Format::Sgml)
    }
}

/// How many bytes of a file without an extension are read to tell an SGML collection.
const SNIFF_BYTES: u64 = 512;

/// The first bytes of a file, inflated when it is gzipped; `None` when it cannot be read.
fn sgml_head(path: &Path, gzipped: bool) -> Option<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut head = Vec::new();
    let read = if gzipped {
        flate2::read::MultiGzDecoder::new(file)
            .take(SNIFF_BYTES)
            .read_to_end(&mut head)
    } else {
        file.take(SNIFF_BYTES).read_to_end(&mut head)
    };
    read.ok().map(|_| head)
}

/// How serious a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The article was indexed, with something missing (an unparseable date, say).
    Warning,
    /// The file or record was not indexed.
    Skipped,
}

impl Severity {
    /// How messages name it: `warning` or `skipped`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Skipped => "skipped",
        }
    }
}

/// What kind of problem a [`Problem`] is: the summary groups skipped files and records by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// A binary file (a NUL byte near the start).
    Binary,
    /// Text that is not UTF-8 (decoded from another encoding, or refused).
    Encoding,
    /// An empty or whitespace-only file.
    Empty,
    /// An article without a body.
    NoBody,
    /// A file or `.jsonl` line over the size limit.
    TooLarge,
    /// Broken JSON, or JSON that is not an article object.
    InvalidJson,
    /// Broken YAML or TOML front matter.
    InvalidFrontMatter,
    /// A date that cannot be read.
    BadDate,
    /// A file or folder that cannot be opened or read (permissions, deleted, a symlink loop).
    Unreadable,
    /// A file that changed while it was being read.
    Changed,
    /// A symbolic link, which the walk does not follow.
    Symlink,
    /// A file or folder the walk reached before by another path (a second followed link, a
    /// hard link, a path given inside another), indexed once.
    ReachedTwice,
    /// A second article with an id already seen in this run.
    DuplicateId,
    /// An id longer than [`MAX_ID_BYTES`](crate::article::MAX_ID_BYTES).
    InvalidId,
    /// An XML file that is neither a news feed nor an NITF article.
    UnknownXml,
    /// A saved page or web archive that cannot be read: MHTML without an HTML part, a WARC
    /// file without records or with a broken one, an SGML collection's record left open.
    InvalidArchive,
}

impl ProblemKind {
    /// A short name for the summary.
    pub fn label(self) -> &'static str {
        match self {
            ProblemKind::Binary => "binary",
            ProblemKind::Encoding => "encoding",
            ProblemKind::Empty => "empty",
            ProblemKind::NoBody => "no body",
            ProblemKind::TooLarge => "too large",
            ProblemKind::InvalidJson => "invalid JSON",
            ProblemKind::InvalidFrontMatter => "invalid front matter",
            ProblemKind::BadDate => "bad date",
            ProblemKind::Unreadable => "unreadable",
            ProblemKind::Changed => "changed while read",
            ProblemKind::Symlink => "symbolic link",
            ProblemKind::ReachedTwice => "reached twice",
            ProblemKind::DuplicateId => "duplicate id",
            ProblemKind::InvalidId => "invalid id",
            ProblemKind::UnknownXml => "unknown XML",
            ProblemKind::InvalidArchive => "invalid archive",
        }
    }

    /// Whether a file-level problem of this kind means nothing could be read from the file (so what
    /// an earlier run indexed from it is kept rather than removed).
    pub fn is_file_failure(self) -> bool {
        matches!(
            self,
            ProblemKind::Binary
                | ProblemKind::Encoding
                | ProblemKind::Empty
                | ProblemKind::TooLarge
                | ProblemKind::Unreadable
        )
    }
}

/// Something wrong with an input file or one of its records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file, as given to the walk.
    pub path: String,
    /// The 1-based line, where the problem is tied to one.
    pub line: Option<usize>,
    /// What went wrong.
    pub message: String,
    /// Whether anything was lost.
    pub severity: Severity,
    /// What kind of problem it is.
    pub kind: ProblemKind,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// What one file (or one batch of a streamed file) yielded: its articles and the problems met.
#[derive(Debug, Default, Clone)]
pub struct FileArticles {
    /// The articles read, in file order.
    pub articles: Vec<Article>,
    /// Warnings and skipped records, in file order.
    pub problems: Vec<Problem>,
}

impl FileArticles {
    /// Whether the file could not be read at all (binary, unreadable, too large, empty, not text),
    /// as opposed to some of its records being skipped.
    pub fn file_failed(&self) -> bool {
        self.problems.iter().any(|p| {
            p.severity == Severity::Skipped && p.line.is_none() && p.kind.is_file_failure()
        })
    }
}

/// How files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadOptions {
    /// A file larger than this many bytes is skipped; in a streamed file (a `.jsonl` file, or a
    /// `.json` array larger than this), the limit applies to each record (each article) instead.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 10 * 1024 * 1024,
        }
    }
}

/// A size in bytes for messages: `12.3 MB`, or bytes when small.
pub(crate) fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{bytes} bytes")
    }
}

/// Collects problems for one file while a reader works through it.
pub(crate) struct Report<'a> {
    path: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Report<'a> {
    fn new(path: &'a str) -> Self {
        Report {
            path,
            problems: Vec::new(),
        }
    }

    /// Records a warning: the article is still indexed.
    pub(crate) fn warn(
        &mut self,
        kind: ProblemKind,
        line: Option<usize>,
        message: impl Into<String>,
    ) {
        self.push(kind, line, message.into(), Severity::Warning);
    }

    /// Records a warning that the file changed while it was read: the walk listed it at
    /// `listed` bytes, `read` were read. Nothing when they are the same.
    pub(crate) fn warn_if_changed(&mut self, listed: u64, read: u64) {
        if listed != read {
            let message = format!(
                "changed while being read (listed at {}, read {}); indexed as read",
                human_size(listed),
                human_size(read)
            );
            self.warn(ProblemKind::Changed, None, message);
        }
    }

    /// Records a skipped record or file.
    pub(crate) fn skip(
        &mut self,
        kind: ProblemKind,
        line: Option<usize>,
        message: impl Into<String>,
    ) {
        self.push(kind, line, message.into(), Severity::Skipped);
    }

    fn push(
        &mut self,
        kind: ProblemKind,
        line: Option<usize>,
        message: String,
        severity: Severity,
    ) {
        self.problems.push(Problem {
            path: self.path.to_string(),
            line,
            message,
            severity,
            kind,
        });
    }

    fn finish(self, articles: Vec<Article>) -> FileArticles {
        FileArticles {
            articles,
            problems: self.problems,
        }
    }
}

/// How many leading bytes are checked for NUL bytes to tell binary files (as ripgrep does).
const BINARY_PROBE_BYTES: usize = 8 * 1024;

/// Reads the articles of one file's bytes. `rel_path` is the path relative to the corpus root: it is
/// the default article id and the name used in problems.
pub fn read_bytes(bytes: &[u8], rel_path: &str, format: Format) -> FileArticles {
    let mut report = Report::new(rel_path);
    let articles = read_into(bytes, rel_path, format, MAX_GUNZIPPED_BYTES, &mut report);
    report.finish(articles)
}

/// A file's bytes as text (see [`decode_text`]).
#[derive(Debug)]
pub struct DecodedText<'a> {
    /// The text.
    pub text: std::borrow::Cow<'a, str>,
    /// How the text was read when it was not UTF-8 (`decoded as Windows-1252`, say).
    pub note: Option<String>,
}

/// Why a file's bytes are not text (see [`decode_text`]).
#[derive(Debug)]
pub struct NotText {
    /// [`ProblemKind::Binary`] or [`ProblemKind::Encoding`].
    pub kind: ProblemKind,
    /// What was found.
    pub reason: String,
}

/// Decodes a whole file's bytes as `lede index` reads them: UTF-8; UTF-16 with a byte order
/// mark; Windows-1252 when the bytes are not UTF-8 but read plausibly as it (with a note). A
/// NUL byte near the start means a binary file; other bytes that decode as neither are refused.
pub fn decode_text(bytes: &[u8]) -> Result<DecodedText<'_>, NotText> {
    use decode::Decoded;
    let decoded = match decode::decode_utf16(bytes) {
        Some(decoded) => decoded,
        None => {
            let probe = &bytes[..bytes.len().min(BINARY_PROBE_BYTES)];
            if probe.contains(&0) {
                return Err(NotText {
                    kind: ProblemKind::Binary,
                    reason: "binary file (NUL byte found)".into(),
                });
            }
            decode::decode(bytes, true)
        }
    };
    match decoded {
        Decoded::Text(text, note) => Ok(DecodedText { text, note }),
        Decoded::Refused(reason) => Err(NotText {
            kind: ProblemKind::Encoding,
            reason,
        }),
    }
}

/// Reads the articles of a file's bytes into `report`; a gzipped file (by its name) is inflated
/// first, to at most `max_gunzipped` bytes.
fn read_into(
    bytes: &[u8],
    rel_path: &str,
    format: Format,
    max_gunzipped: u64,
    report: &mut Report<'_>,
) -> Vec<Article> {
    let gunzipped;
    let bytes = if format != Format::Warc && stream::is_gzipped(Path::new(rel_path)) {
        match gunzip(bytes, max_gunzipped) {
            Ok(text) => {
                gunzipped = text;
                gunzipped.as_slice()
            }
            Err((kind, reason)) => {
                report.skip(kind, None, reason);
                return Vec::new();
            }
        }
    } else {
        bytes
    };
    if matches!(format, Format::Warc | Format::Csv) {
        // Bytes in memory (`lede index` streams these files from disk instead).
        let input = Box::new(std::io::Cursor::new(bytes.to_vec()));
        let records = stream::table_or_archive_records(format, input, rel_path, usize::MAX, 1024);
        let mut articles = Vec::new();
        for part in records {
            articles.extend(part.articles);
            report.problems.extend(part.problems);
        }
        return articles;
    }
    // A web page or XML file says its encoding: that is read before any guess.
    let declared = match format {
        Format::Html | Format::Xml => decode::decode_declared(bytes),
        _ => None,
    };
    let decoded = match declared {
        Some((text, note)) => Ok(DecodedText {
            text: text.into(),
            note: Some(note),
        }),
        None => decode_text(bytes),
    };
    let text = match decoded {
        Ok(DecodedText { text, note }) => {
            if let Some(note) = note {
                report.warn(ProblemKind::Encoding, None, note);
            }
            text
        }
        Err(NotText { kind, reason }) => {
            report.skip(kind, None, reason);
            return Vec::new();
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        let what = if text.is_empty() {
            "empty file"
        } else {
            "empty file (only whitespace)"
        };
        report.skip(ProblemKind::Empty, None, what);
        return Vec::new();
    }
    if let Some(warning) = decode::mojibake_warning(text) {
        report.warn(ProblemKind::Encoding, None, warning);
    }
    let mut articles = match format {
        Format::Text => text::read(text, rel_path, report),
        Format::Markdown => markdown::read(text, rel_path, report),
        Format::Json => json::read_json(text, rel_path, report),
        Format::JsonLines => json::read_json_lines(text, rel_path, report),
        Format::Html => html_page::read(text, rel_path, report),
        Format::Xml => read_xml(text, rel_path, report),
        Format::Mhtml => mhtml::read(text, rel_path, report),
        Format::Sgml => sgml::read(text, rel_path, report),
        Format::Warc | Format::Csv => Vec::new(), // read above, from the bytes
    };
    for article in &mut articles {
        finish_article(article, rel_path);
    }
    articles
}

/// The most a gzipped file given as bytes ([`read_bytes`]) is inflated to; a file on disk is held
/// to `--max-size` once inflated, and streamed files have no such limit.
const MAX_GUNZIPPED_BYTES: u64 = 1 << 30;

/// A gzipped file's bytes inflated to at most `limit` bytes, or why they cannot be.
fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, (ProblemKind, String)> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|err| (ProblemKind::Unreadable, format!("cannot gunzip: {err}")))?;
    if out.len() as u64 > limit {
        let reason = format!(
            "gunzipped, over the {} limit (--max-size)",
            human_size(limit)
        );
        return Err((ProblemKind::TooLarge, reason));
    }
    Ok(out)
}

/// Reads an XML file by what its root element says it is: a feed or an NITF article.
fn read_xml(text: &str, rel_path: &str, report: &mut Report<'_>) -> Vec<Article> {
    if feed::is_feed(text) {
        feed::read(text, rel_path, report)
    } else if nitf::is_nitf(text) {
        nitf::read(text, rel_path, report)
    } else if sgml::is_collection(text) {
        sgml::read(text, rel_path, report)
    } else {
        let root = xml_elements::root_element(text).unwrap_or("none");
        let reason = format!(
            "XML whose root element (<{root}>) is neither a news feed (<rss>, <feed>, \
             <rdf:RDF>), an NITF article (<nitf>) nor a collection of stories (<DOC>, <REUTERS>)"
        );
        report.skip(ProblemKind::UnknownXml, None, reason);
        Vec::new()
    }
}

/// Sets what every reader leaves to the caller: the path, and a publication date from the text when
/// the metadata has none.
pub(crate) fn finish_article(article: &mut Article, rel_path: &str) {
    article.path = rel_path.to_string();
    if article.published.is_some() {
        article.date_source = Some(DateSource::Metadata);
    } else {
        let file_name = rel_path.rsplit('/').next();
        let (published, source) = date_from_text(article, file_name);
        article.published = published;
        article.date_source = Some(source);
    }
}

/// A publication date for an article whose metadata has none: a dateline, a date at the top of the
/// text, or the file name (see [`crate::analyze::dates::publication_date`]), at midnight UTC.
fn date_from_text(
    article: &Article,
    file_name: Option<&str>,
) -> (Option<jiff::Timestamp>, DateSource) {
    let head: String = [article.title.as_str(), article.body.as_str()].join("\n");
    let Some((date, source)) = crate::analyze::dates::publication_date(&head, file_name) else {
        return (None, DateSource::None);
    };
    match jiff::tz::TimeZone::UTC.to_timestamp(date.at(0, 0, 0, 0)) {
        Ok(time) => (Some(time), source),
        Err(_) => (None, DateSource::None),
    }
}

/// Whether `file` is read by [`stream_records`] rather than [`read_file`]: a `.jsonl` file, a
/// table and a web archive always (their records are read as they come), a `.json` file or an
/// SGML collection when it is over the size limit, gzipped or inflated (an array or a collection
/// then streams record by record; other JSON is skipped as too large).
pub fn is_streamed(file: &SourceFile, options: &ReadOptions) -> bool {
    let over_limit = || {
        file.size > options.max_bytes
            || (stream::is_gzipped(&file.abs_path)
                && stream::gzip_inflated_size(&file.abs_path)
                    .is_some_and(|size| size > options.max_bytes))
    };
    match Format::from_path(&file.abs_path) {
        Some(Format::JsonLines | Format::Warc | Format::Csv) => true,
        Some(Format::Json | Format::Sgml) => over_limit(),
        Some(_) => false,
        // TREC's files named without an extension (`AP880212`, `LA010189.gz`).
        None => over_limit() && Format::of_file(&file.abs_path) == Some(Format::Sgml),
    }
}

/// Reads the articles of a file on disk, whole (see [`stream_records`] for the files
/// [`is_streamed`] names). A file over `options.max_bytes` is skipped; a file that is gone, unreadable or changed
/// since the walk listed it is reported.
pub fn read_file(file: &SourceFile, options: &ReadOptions) -> FileArticles {
    let Some(format) = Format::of_file(&file.abs_path) else {
        return FileArticles::default();
    };
    let mut report = Report::new(&file.rel_path);
    let limit = options.max_bytes;
    let too_large = |size: u64| {
        format!(
            "file is {}, over the {} limit (--max-size)",
            human_size(size),
            human_size(limit)
        )
    };
    if file.size > limit {
        report.skip(ProblemKind::TooLarge, None, too_large(file.size));
        return report.finish(Vec::new());
    }
    let bytes = match read_limited(&file.abs_path, limit, file.size) {
        Ok(bytes) => bytes,
        Err(err) => {
            report.skip(ProblemKind::Unreadable, None, format!("cannot read: {err}"));
            return report.finish(Vec::new());
        }
    };
    if bytes.len() as u64 > limit {
        report.skip(ProblemKind::TooLarge, None, too_large(bytes.len() as u64));
        return report.finish(Vec::new());
    }
    report.warn_if_changed(file.size, bytes.len() as u64);
    let articles = read_into(&bytes, &file.rel_path, format, limit, &mut report);
    report.finish(articles)
}

/// Reads at most `limit + 1` bytes of a file: enough to tell that it is over the limit. `expected`
/// is the size the walk saw: with room for it, a small file is read in one call and its end found
/// in a second (from an empty buffer, `read_to_end` probes and grows: six calls a news article).
fn read_limited(path: &Path, limit: u64, expected: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let room = usize::try_from(expected.min(limit).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    std::fs::File::open(path)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(dir: &Path, name: &str, text: &str) -> SourceFile {
        std::fs::write(dir.join(name), text).unwrap();
        walk(&[dir.join(name)]).files.remove(0)
    }

    #[test]
    fn a_file_deleted_after_the_walk_is_skipped_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let file = listed(dir.path(), "gone.txt", "Title\n\nBody text.");
        std::fs::remove_file(&file.abs_path).unwrap();
        let read = read_file(&file, &ReadOptions::default());
        assert!(read.articles.is_empty());
        assert!(read.file_failed());
        assert!(
            read.problems[0]
                .to_string()
                .starts_with("gone.txt: cannot read: No such file"),
            "{:?}",
            read.problems
        );
    }

    #[test]
    fn a_file_changed_after_the_walk_is_read_as_it_is_now_and_said() {
        let dir = tempfile::tempdir().unwrap();
        let file = listed(dir.path(), "grows.txt", "Title\n\nBody text.");
        std::fs::write(&file.abs_path, "Title\n\nBody text, and more of it.").unwrap();
        let read = read_file(&file, &ReadOptions::default());
        assert_eq!(read.articles[0].body, "Body text, and more of it.");
        assert_eq!(read.problems[0].kind, ProblemKind::Changed);
        assert_eq!(read.problems[0].severity, Severity::Warning);
        // Grown past the limit since the walk: skipped, without reading more than the limit.
        std::fs::write(&file.abs_path, "x".repeat(100)).unwrap();
        let read = read_file(&file, &ReadOptions { max_bytes: 50 });
        assert!(read.articles.is_empty());
        assert!(read.problems[0].message.contains("over the 50 bytes limit"));
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(bytes).unwrap();
        gz.finish().unwrap()
    }

    #[test]
    fn a_gzipped_file_reads_as_its_inflated_text_held_to_the_size_limit() {
        let dir = tempfile::tempdir().unwrap();
        let story = "---\ntitle: Floods close the port\ndate: 2026-03-02\n---\n\
                     The port of Example closed on *Monday* after floods.\n";
        std::fs::write(dir.path().join("story.md"), story).unwrap();
        std::fs::write(dir.path().join("story.md.gz"), gzip(story.as_bytes())).unwrap();
        let files = walk(&[dir.path().to_path_buf()]).files;
        let plain = read_file(&files[0], &ReadOptions::default());
        let gzipped = read_file(&files[1], &ReadOptions::default());
        assert_eq!(files[1].rel_path, "story.md.gz");
        assert!(gzipped.problems.is_empty(), "{:?}", gzipped.problems);
        let (a, b) = (&plain.articles[0], &gzipped.articles[0]);
        assert_eq!(
            (&a.title, &a.body, a.published),
            (&b.title, &b.body, b.published)
        );
        assert_eq!(b.body, "The port of Example closed on Monday after floods.");

        // The limit holds for the text inflated, not for the compressed bytes.
        let long = format!("Title\n\n{}", "The port stayed closed. ".repeat(100));
        let path = dir.path().join("long.txt.gz");
        std::fs::write(&path, gzip(long.as_bytes())).unwrap();
        let file = walk(&[path]).files.remove(0);
        assert!(file.size < 1000, "{}", file.size);
        let read = read_file(&file, &ReadOptions { max_bytes: 1000 });
        assert!(read.articles.is_empty());
        assert!(read.file_failed());
        assert_eq!(
            read.problems[0].to_string(),
            "long.txt.gz: gunzipped, over the 1000 bytes limit (--max-size)"
        );
        assert_eq!(read.problems[0].kind, ProblemKind::TooLarge);
        assert_eq!(read_file(&file, &ReadOptions::default()).articles.len(), 1);

        // Bytes that are not gzip's, or cut short, are reported, not read as text.
        let cut = gzip(long.as_bytes());
        for (name, bytes) in [
            ("raw.html.gz", long.as_bytes()),
            ("cut.html.gz", &cut[..40]),
        ] {
            std::fs::write(dir.path().join(name), bytes).unwrap();
            let file = walk(&[dir.path().join(name)]).files.remove(0);
            let read = read_file(&file, &ReadOptions::default());
            assert!(read.articles.is_empty(), "{name}");
            assert_eq!(read.problems[0].kind, ProblemKind::Unreadable, "{name}");
            assert!(
                read.problems[0].message.starts_with("cannot gunzip: "),
                "{:?}",
                read.problems
            );
        }
    }

    #[test]
    fn a_gzipped_json_array_over_the_limit_once_inflated_is_streamed() {
        let dir = tempfile::tempdir().unwrap();
        let records: Vec<String> = (0..50)
            .map(|n| format!("{{\"id\": \"a{n}\", \"body\": \"The port reopened on day {n}.\"}}"))
            .collect();
        let array = format!("[{}]", records.join(",\n"));
        std::fs::write(dir.path().join("all.json.gz"), gzip(array.as_bytes())).unwrap();
        let file = walk(&[dir.path().join("all.json.gz")]).files.remove(0);
        let options = ReadOptions { max_bytes: 1000 };
        assert!(file.size < 1000 && array.len() > 1000, "{}", file.size);
        assert!(is_streamed(&file, &options));
        assert!(!is_streamed(&file, &ReadOptions::default()));
        let streamed: Vec<Article> = stream_records(&file, &options, 16)
            .flat_map(|part| part.articles)
            .collect();
        let whole = read_file(&file, &ReadOptions::default()).articles;
        assert_eq!(streamed.len(), 50);
        assert_eq!(streamed, whole);
    }

    #[test]
    fn formats_are_told_by_extension_in_any_case() {
        let format = |name: &str| Format::from_path(Path::new(name));
        for (names, expected) in [
            (&["a.txt", "a.TEXT"][..], Format::Text),
            (&["a.md", "a.Markdown"][..], Format::Markdown),
            (&["a.json"][..], Format::Json),
            (&["a.jsonl", "a.ndjson"][..], Format::JsonLines),
            (&["a.html", "a.HTM", "a.xhtml"][..], Format::Html),
            (&["a.xml", "a.rss", "a.atom", "a.nitf"][..], Format::Xml),
            (&["a.mhtml", "a.MHT"][..], Format::Mhtml),
            (&["a.warc", "CC-NEWS-1.WARC.GZ"][..], Format::Warc),
            (&["a.csv", "a.TSV", "a.csv.gz"][..], Format::Csv),
            (&["reut2-000.sgm", "a.SGML"][..], Format::Sgml),
            (&["a.jsonl.gz", "a.ndjson.GZ"][..], Format::JsonLines),
            (&["a.md.gz"][..], Format::Markdown),
            (&["a.json.gz"][..], Format::Json),
            (&["a.htm.gz"][..], Format::Html),
            (&["a.rss.gz", "a.NITF.gz"][..], Format::Xml),
            (&["a.txt.gz"][..], Format::Text),
        ] {
            for name in names {
                assert_eq!(format(name), Some(expected), "{name}");
            }
        }
        for name in [
            "a.png",
            "a.js",
            "README",
            "a.gz",
            "warc",
            "a.png.gz",
            "a.md.gz.gz",
            ".txt",
            "a.",
            "..gz",
            "a.tar.gz",
        ] {
            assert_eq!(format(name), None, "{name}");
        }
        // The name is split where `Path` splits it.
        for name in [
            "a.txt", ".txt", "a.", "..", ".", "...", "..gz", "a.b.c", "a", ".a.b", "é.md",
        ] {
            let path = Path::new(name);
            let split = split_extension(name.as_bytes());
            let by_path = path.extension().map(|extension| {
                let stem = path.file_stem().unwrap();
                (stem.as_encoded_bytes(), extension.as_encoded_bytes())
            });
            assert_eq!(
                split,
                by_path.filter(|_| path.file_name().is_some()),
                "{name}"
            );
        }
    }

    #[test]
    fn pages_and_feeds_are_decoded_by_the_encoding_they_declare() {
        let page = "<html><head><meta charset=\"Shift_JIS\"><title>東京株式市場</title></head>\
                    <body><p>日経平均株価は上昇した。</p></body></html>";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(page);
        let read = read_bytes(&bytes, "tokyo.html", Format::Html);
        assert_eq!(read.articles[0].title, "東京株式市場");
        assert_eq!(read.articles[0].body, "日経平均株価は上昇した。");
        assert_eq!(
            read.problems[0].to_string(),
            "tokyo.html: decoded from Shift_JIS (declared in the file)"
        );
        // Undeclared, the same bytes are refused rather than guessed.
        let undeclared = page.replace("<meta charset=\"Shift_JIS\">", "");
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&undeclared);
        let read = read_bytes(&bytes, "tokyo.html", Format::Html);
        assert!(read.articles.is_empty());
        assert_eq!(read.problems[0].kind, ProblemKind::Encoding);
        // An XML declaration, and a Content-Type in a meta tag.
        let feed = "<?xml version='1.0' encoding='ISO-8859-7'?><rss><channel><item>\
                    <title>Αθήνα</title><description>Η αγορά έκλεισε ανοδικά.</description></item></channel></rss>";
        let (bytes, _, _) = encoding_rs::ISO_8859_7.encode(feed);
        let read = read_bytes(&bytes, "athens.xml", Format::Xml);
        assert_eq!(read.articles[0].body, "Η αγορά έκλεισε ανοδικά.");
        let page = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>股市上涨。</p>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let read = read_bytes(&bytes, "beijing.htm", Format::Html);
        assert_eq!(read.articles[0].body, "股市上涨。");
        // UTF-8 stays UTF-8 whatever the page claims.
        let read = read_bytes(
            "<meta charset=latin1><p>Café</p>".as_bytes(),
            "p.html",
            Format::Html,
        );
        assert_eq!(read.articles[0].body, "Café");
        assert!(read.problems.is_empty());
    }
}
