//! Streaming files: a [`RecordStream`] reads a web archive page by page, a table row by row, a
//! `.jsonl` / `.ndjson` file through a buffer one line at a time, or a `.json` array one record
//! at a time (JSON Lines and tables through gzip when named `.gz`, archives when their bytes are
//! gzipped), and yields their articles in
//! batches, so a file of many gigabytes is indexed in bounded memory (one batch and one record, at
//! most the size limit, at a time). A record over the limit is skipped without being held in
//! memory; a broken one is reported as `file:line` and the others still count, exactly as when a
//! small file is read whole.

use super::array_records::{ArrayItem, ArrayRecords, append_limited};
use super::csv_file::CsvStream;
use super::decode::{self, Decoded};
use super::json::{read_array_record, read_json_line};
use super::sgml_stream::SgmlStream;
use super::warc::WarcStream;
use super::{
    BINARY_PROBE_BYTES, FileArticles, Format, Problem, ProblemKind, ReadOptions, Report,
    SourceFile, finish_article, human_size,
};
use crate::article::Article;
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The reading buffer: large enough for the binary probe.
const BUFFER_BYTES: usize = 64 * 1024;

/// Reads a streamed file: a `.jsonl` file line by line, a `.json` array record by record, a table
/// (`.csv`, `.tsv`) row by row, a web archive (`.warc`, `.warc.gz`) page by page; each item is one batch of at most `batch` articles
/// with the problems met while reading it. The first item reports a file that cannot be opened or
/// read.
pub struct RecordStream {
    rel_path: String,
    /// Problems met opening the file, for the first batch.
    pending: FileArticles,
    /// Bytes of the file read so far (of a gzipped file, its compressed bytes).
    read: Arc<AtomicU64>,
    source: Streamed,
}

/// What a [`RecordStream`] reads.
enum Streamed {
    Json(JsonStream),
    Warc(WarcStream),
    Csv(CsvStream),
    Sgml(SgmlStream),
}

impl Streamed {
    /// Whether there is more to read.
    fn is_open(&self) -> bool {
        match self {
            Streamed::Json(json) => json.reader.is_some(),
            Streamed::Warc(warc) => warc.is_open(),
            Streamed::Csv(table) => table.is_open(),
            Streamed::Sgml(collection) => collection.is_open(),
        }
    }

    /// Reads the next batch: its articles to `articles`, its problems to `report`.
    fn fill(&mut self, articles: &mut Vec<Article>, report: &mut Report<'_>) {
        match self {
            Streamed::Json(json) => json.fill(articles, report),
            Streamed::Warc(warc) => warc.fill(articles, report),
            Streamed::Csv(table) => table.fill(articles, report),
            Streamed::Sgml(collection) => collection.fill(articles, report),
        }
    }
}

impl RecordStream {
    /// A stream of `source`, named `rel_path`, with the problems met opening it.
    fn new(
        rel_path: &str,
        problems: Vec<Problem>,
        read: Arc<AtomicU64>,
        source: Streamed,
    ) -> RecordStream {
        RecordStream {
            rel_path: rel_path.to_string(),
            pending: FileArticles {
                articles: Vec::new(),
                problems,
            },
            read,
            source,
        }
    }

    /// The stream with its file's bytes counted by `read` (the counter of the reader it reads).
    fn counted(self, read: Arc<AtomicU64>) -> RecordStream {
        RecordStream { read, ..self }
    }

    /// Bytes of the file read so far (of a gzipped file, its compressed bytes).
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }
}

impl Iterator for RecordStream {
    type Item = FileArticles;

    fn next(&mut self) -> Option<FileArticles> {
        let mut part = std::mem::take(&mut self.pending);
        if !self.source.is_open() {
            return (!part.problems.is_empty()).then_some(part);
        }
        let mut report = Report::new(&self.rel_path);
        report.problems = std::mem::take(&mut part.problems);
        self.source.fill(&mut part.articles, &mut report);
        part.problems = report.problems;
        (!part.articles.is_empty() || !part.problems.is_empty()).then_some(part)
    }
}

/// Streams `input`, the content of a table (`.csv`, `.tsv`) or of a web archive (`.warc`,
/// gzipped or not) named `rel_path`; its bytes are counted by the caller (see
/// [`RecordStream::counted`]).
pub(crate) fn table_or_archive_records(
    format: Format,
    input: Box<dyn Read + Send>,
    rel_path: &str,
    max_record: usize,
    batch: usize,
) -> RecordStream {
    let mut report = Report::new(rel_path);
    let source = if format == Format::Csv {
        Streamed::Csv(CsvStream::new(
            input,
            rel_path,
            max_record,
            batch,
            &mut report,
        ))
    } else {
        Streamed::Warc(WarcStream::new(
            input,
            rel_path,
            max_record,
            batch,
            &mut report,
        ))
    };
    RecordStream::new(rel_path, report.problems, Arc::default(), source)
}

/// A `.jsonl` file or a `.json` array, read a record at a time.
struct JsonStream {
    rel_path: String,
    listed_size: u64,
    reader: Option<BufReader<Box<dyn Read + Send>>>,
    /// The array's splitter for a `.json` file; `None` for lines.
    array: Option<ArrayRecords>,
    max_record: usize,
    batch: usize,
    line: usize,
    /// Bytes of records consumed (of the text, gunzipped), which the readers count as they go.
    consumed: u64,
    /// Bytes of the file read so far.
    read: Arc<AtomicU64>,
    nonblank: bool,
    decoded_note: bool,
    buf: Vec<u8>,
}

/// One record read and decoded: its number (the line's, in a `.jsonl` file), its first line and
/// its text.
struct RawRecord {
    n: usize,
    line: usize,
    text: String,
}

/// Opens `file` for streaming: a web archive, a table or an SGML collection as such, a `.json`
/// file as an array of records, any other as JSON Lines. Problems opening it come with the first
/// batch.
pub fn stream_records(file: &SourceFile, options: &ReadOptions, batch: usize) -> RecordStream {
    let max_record = usize::try_from(options.max_bytes).unwrap_or(usize::MAX);
    let format = Format::of_file(&file.abs_path);
    let read = Arc::new(AtomicU64::new(0));
    let input: Box<dyn Read + Send> = match File::open(&file.abs_path) {
        Ok(handle) => Box::new(Counting {
            inner: handle,
            count: Arc::clone(&read),
        }),
        Err(err) => Box::new(Unopened(Some(err))),
    };
    // A web archive says itself whether it is gzipped; other files by their name's `.gz`.
    let input = if format != Some(Format::Warc) && is_gzipped(&file.abs_path) {
        Box::new(flate2::read::MultiGzDecoder::new(input))
    } else {
        input
    };
    if let Some(format @ (Format::Warc | Format::Csv)) = format {
        let stream = table_or_archive_records(format, input, &file.rel_path, max_record, batch);
        return stream.counted(read);
    }
    let mut report = Report::new(&file.rel_path);
    if format == Some(Format::Sgml) {
        let collection = SgmlStream::new(
            input,
            Arc::clone(&read),
            &file.rel_path,
            file.size,
            max_record,
            batch,
            &mut report,
        );
        let source = Streamed::Sgml(collection);
        return RecordStream::new(&file.rel_path, report.problems, read, source);
    }
    let json = open_json(
        input,
        Arc::clone(&read),
        file,
        max_record,
        batch,
        &mut report,
    );
    RecordStream::new(&file.rel_path, report.problems, read, Streamed::Json(json))
}

/// Reads a batch of records in parallel, each to an article with `read` (its problems reported
/// for `rel_path`), finished as every reader's articles are; the articles go to `articles` and
/// the problems to `report`, in the records' order.
pub(crate) fn parse_batch<T: Send>(
    records: Vec<T>,
    rel_path: &str,
    read: impl Fn(T, &str, &mut Report<'_>) -> Option<Article> + Sync + Send,
    articles: &mut Vec<Article>,
    report: &mut Report<'_>,
) {
    let parsed: Vec<_> = records
        .into_par_iter()
        .map(|record| {
            let mut local = Report::new(rel_path);
            let article = read(record, rel_path, &mut local).map(|mut article| {
                finish_article(&mut article, rel_path);
                article
            });
            (article, local.problems)
        })
        .collect();
    for (article, problems) in parsed {
        articles.extend(article);
        report.problems.extend(problems);
    }
}

/// Whether a file's name says it is gzipped (`news.jsonl.gz`).
pub(crate) fn is_gzipped(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("gz"))
}

/// The inflated size a gzipped file's trailer gives (its last four bytes: the size of its last
/// member, modulo 4 GiB, so a hint rather than a bound), or `None` when it cannot be read.
pub(crate) fn gzip_inflated_size(path: &std::path::Path) -> Option<u64> {
    use std::io::{Seek, SeekFrom};
    let mut file = File::open(path).ok()?;
    file.seek(SeekFrom::End(-4)).ok()?;
    let mut trailer = [0u8; 4];
    file.read_exact(&mut trailer).ok()?;
    Some(u64::from(u32::from_le_bytes(trailer)))
}

/// A reader that counts the bytes read through it (of a compressed file, the compressed ones),
/// for progress.
pub(crate) struct Counting<R> {
    /// What is read.
    pub inner: R,
    /// The bytes read so far, shared with the stream that reports them.
    pub count: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R: std::io::Read> std::io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// A file that could not be opened: its first read gives the error.
struct Unopened(Option<std::io::Error>);

impl std::io::Read for Unopened {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        match self.0.take() {
            Some(err) => Err(err),
            None => Ok(0),
        }
    }
}

/// Opens a `.json` file as an array of records, any other as JSON Lines, its content `input`
/// (gunzipped when it was gzipped) and its bytes read so far counted by `read`. Problems opening it
/// go to `report`.
fn open_json(
    input: Box<dyn Read + Send>,
    read: Arc<AtomicU64>,
    file: &SourceFile,
    max_record: usize,
    batch: usize,
    report: &mut Report<'_>,
) -> JsonStream {
    let array = Format::from_path(&file.abs_path) == Some(Format::Json);
    let mut reader = BufReader::with_capacity(BUFFER_BYTES, input);
    let opened = match open_checks(&mut reader, "JSON") {
        Ok(()) => Some(reader),
        Err((kind, message)) => {
            report.skip(kind, None, message);
            None
        }
    };
    JsonStream {
        rel_path: file.rel_path.clone(),
        listed_size: file.size,
        reader: opened,
        array: array.then(ArrayRecords::new),
        max_record,
        batch: batch.max(1),
        line: 0,
        consumed: 0,
        read,
        nonblank: false,
        decoded_note: false,
        buf: Vec::new(),
    }
}

/// Checks the start of a file in a format named `what` (`JSON`): not binary, not UTF-16; a
/// UTF-8 byte order mark is passed over.
pub(crate) fn open_checks(
    reader: &mut impl BufRead,
    what: &str,
) -> Result<(), (ProblemKind, String)> {
    let unreadable = |err: std::io::Error| (ProblemKind::Unreadable, format!("cannot read: {err}"));
    let head = reader.fill_buf().map_err(unreadable)?;
    if encoding_rs::Encoding::for_bom(head).is_some_and(|(e, _)| e != encoding_rs::UTF_8) {
        return Err((
            ProblemKind::Encoding,
            format!("UTF-16 {what} is not streamed; convert the file to UTF-8"),
        ));
    }
    if head[..head.len().min(BINARY_PROBE_BYTES)].contains(&0) {
        return Err((ProblemKind::Binary, "binary file (NUL byte found)".into()));
    }
    if head.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
    }
    Ok(())
}

/// Reads one line (without its `\n`) into `buf`, holding at most `max` bytes: a longer line is read
/// through and dropped. Returns `None` at the end of the file, else whether the line was too long,
/// and adds the bytes consumed to `consumed`.
fn read_line_limited(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: usize,
    consumed: &mut u64,
) -> std::io::Result<Option<bool>> {
    buf.clear();
    let (mut too_long, mut any) = (false, false);
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        let (chunk, used, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], i + 1, true),
            None => (available, available.len(), false),
        };
        append_limited(buf, chunk, max, &mut too_long);
        reader.consume(used);
        *consumed += used as u64;
        if done {
            return Ok(Some(too_long));
        }
    }
}

impl JsonStream {
    /// Reads records until a batch is full or the file ends; problems go to `report`.
    fn fill(&mut self, articles: &mut Vec<Article>, report: &mut Report<'_>) {
        let first_problem = report.problems.len();
        let mut records = Vec::with_capacity(self.batch);
        self.read_records(&mut records, report);
        // The records are parsed in parallel (JSON parsing was a tenth of bare indexing, on the
        // reading thread alone), and their problems put back in line order.
        let array = self.array.is_some();
        let read = |RawRecord { n, line, text }: RawRecord, rel_path: &str, local: &mut Report| {
            if array {
                read_array_record(&text, n, line, rel_path, local)
            } else {
                read_json_line(&text, n, rel_path, local)
            }
        };
        parse_batch(records, &self.rel_path, read, articles, report);
        report.problems[first_problem..].sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    }

    /// Reads the next record's bytes into the buffer: a line of a `.jsonl` file (counted in
    /// `line`), or a record of a `.json` array.
    fn next_item(&mut self) -> std::io::Result<ArrayItem> {
        let reader = self.reader.as_mut().expect("an open reader");
        let (buf, max, consumed) = (&mut self.buf, self.max_record, &mut self.consumed);
        if let Some(array) = self.array.as_mut() {
            let item = array.next_record(reader, buf, max, consumed)?;
            if let ArrayItem::Record { line, .. } = item {
                self.line = line;
            }
            return Ok(item);
        }
        Ok(match read_line_limited(reader, buf, max, consumed)? {
            Some(too_long) => {
                self.line += 1;
                let (n, line) = (self.line, self.line);
                ArrayItem::Record { n, line, too_long }
            }
            None => ArrayItem::End,
        })
    }

    /// Reads up to a batch of records, decoded, with their numbers and lines; problems go to
    /// `report`.
    fn read_records(&mut self, records: &mut Vec<RawRecord>, report: &mut Report<'_>) {
        while self.reader.is_some() && records.len() < self.batch {
            let (n, line) = match self.next_item() {
                Ok(ArrayItem::Record { n, line, too_long }) => {
                    if too_long {
                        self.nonblank = true;
                        let what = self.record_word();
                        let limit = human_size(self.max_record as u64);
                        let message = format!("{what} is over the {limit} limit (--max-size)");
                        report.skip(ProblemKind::TooLarge, Some(line), message);
                        continue;
                    }
                    (n, line)
                }
                Ok(ArrayItem::End) => {
                    self.reader = None;
                    // An array is empty when not even its `[` was there.
                    let empty = match &self.array {
                        Some(array) => !array.opened(),
                        None => !self.nonblank,
                    };
                    if empty {
                        report.skip(ProblemKind::Empty, None, "empty file");
                    } else {
                        report.warn_if_changed(self.listed_size, self.read.load(Ordering::Relaxed));
                    }
                    return;
                }
                Ok(ArrayItem::NotArray) => {
                    self.reader = None;
                    let message = format!(
                        "file is {}, over the {} limit (--max-size), and holds no array of \
                         records to read one at a time",
                        human_size(self.listed_size),
                        human_size(self.max_record as u64)
                    );
                    report.skip(ProblemKind::TooLarge, None, message);
                    return;
                }
                Ok(ArrayItem::Broken { line, message }) => {
                    self.reader = None;
                    report.skip(ProblemKind::InvalidJson, Some(line), message);
                    return;
                }
                Err(err) => {
                    self.reader = None;
                    let message = format!(
                        "read failed after line {}: {err}; the rest of the file is skipped",
                        self.line
                    );
                    report.skip(ProblemKind::Unreadable, None, message);
                    return;
                }
            };
            let bytes = self.buf.strip_suffix(b"\r").unwrap_or(&self.buf);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.nonblank = true;
            let text = match decode::decode(bytes, false) {
                Decoded::Text(text, note) => {
                    if let Some(note) = note.filter(|_| !self.decoded_note) {
                        self.decoded_note = true;
                        let what = self.record_word();
                        let note = format!("{note} (and any later such {what}, unreported)");
                        report.warn(ProblemKind::Encoding, Some(line), note);
                    }
                    text.into_owned()
                }
                Decoded::Refused(reason) => {
                    report.skip(ProblemKind::Encoding, Some(line), reason);
                    continue;
                }
            };
            records.push(RawRecord { n, line, text });
        }
    }
}

impl JsonStream {
    /// What a record is called in messages: a `record` of an array, or a `line`.
    fn record_word(&self) -> &'static str {
        if self.array.is_some() {
            "record"
        } else {
            "line"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::walk;

    fn source(dir: &std::path::Path, name: &str, bytes: &[u8]) -> SourceFile {
        std::fs::write(dir.join(name), bytes).unwrap();
        walk::walk(&[dir.join(name)]).files.remove(0)
    }

    fn collect(
        file: &SourceFile,
        max_bytes: u64,
        batch: usize,
    ) -> (Vec<usize>, Vec<String>, Vec<String>) {
        let mut sizes = Vec::new();
        let (mut ids, mut problems) = (Vec::new(), Vec::new());
        for part in stream_records(file, &ReadOptions { max_bytes }, batch) {
            sizes.push(part.articles.len());
            ids.extend(part.articles.into_iter().map(|a| a.id));
            problems.extend(part.problems.iter().map(|p| p.to_string()));
        }
        (sizes, ids, problems)
    }

    #[test]
    fn batches_hold_at_most_the_batch_size_and_problems_keep_their_lines() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::new();
        for i in 1..=7 {
            text.push_str(&format!("{{\"body\": \"story {i}\"}}\n"));
        }
        text.push_str("{broken\n\n");
        text.push_str(&format!("{{\"body\": \"{}\"}}\r\n", "x".repeat(200)));
        text.push_str("{\"body\": \"last\"}");
        let file = source(dir.path(), "feed.jsonl", text.as_bytes());
        let (sizes, ids, problems) = collect(&file, 100, 3);
        assert_eq!(sizes, [3, 3, 2]);
        assert_eq!(ids.len(), 8);
        assert_eq!(ids[7], "feed.jsonl#11");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("feed.jsonl:8: invalid JSON"));
        assert!(problems[1].starts_with("feed.jsonl:10: line is over the 100 bytes limit"));
    }

    #[test]
    fn a_byte_order_mark_is_read_over_without_a_changed_file_warning() {
        // Its three bytes count as read: the file was not taken for one that changed.
        let dir = tempfile::tempdir().unwrap();
        let bytes = b"\xEF\xBB\xBF{\"id\": \"a\", \"body\": \"one\"}\r\n{\"id\": \"b\", \"body\": \"two\"}\r\n";
        let file = source(dir.path(), "windows.jsonl", bytes);
        let (_, ids, problems) = collect(&file, 1000, 10);
        assert_eq!(ids, ["a", "b"]);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn latin1_lines_are_decoded_and_said_once() {
        let dir = tempfile::tempdir().unwrap();
        let (line, _, _) = encoding_rs::WINDOWS_1252.encode("{\"body\": \"Café à Genève\"}\n");
        let bytes = [b"{\"body\": \"plain\"}\n".as_slice(), &line, &line].concat();
        let file = source(dir.path(), "old.jsonl", &bytes);
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for part in stream_records(&file, &ReadOptions::default(), 10) {
            articles.extend(part.articles);
            problems.extend(part.problems);
        }
        assert_eq!(articles[1].body, "Café à Genève");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert!(problems[0].message.contains("Windows-1252"));
    }

    #[test]
    fn binary_empty_and_missing_files_are_one_problem_each() {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes, expected) in [
            ("bin.jsonl", &b"{\"a\":\0}"[..], "binary file"),
            ("empty.jsonl", b"\n  \n", "empty file"),
        ] {
            let file = source(dir.path(), name, bytes);
            let (sizes, _, problems) = collect(&file, 1000, 10);
            assert_eq!(sizes, [0]);
            assert!(problems[0].contains(expected), "{problems:?}");
        }
        let file = source(dir.path(), "gone.jsonl", b"{}");
        std::fs::remove_file(&file.abs_path).unwrap();
        let (_, _, problems) = collect(&file, 1000, 10);
        assert!(
            problems[0].starts_with("gone.jsonl: cannot read"),
            "{problems:?}"
        );
    }
}
