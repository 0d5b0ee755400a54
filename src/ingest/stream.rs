//! Streaming `.jsonl` / `.ndjson` files: a [`JsonLinesStream`] reads a file through a buffer, one
//! line at a time, and yields its articles in batches, so a file of many gigabytes is indexed in
//! bounded memory (one batch and one line, at most the size limit, at a time). A line over the limit
//! is skipped without being held in memory; a broken line is reported as `file:line` and the others
//! still count, exactly as when a small file is read whole.

use super::decode::{self, Decoded};
use super::json::read_json_line;
use super::{
    BINARY_PROBE_BYTES, FileArticles, ProblemKind, ReadOptions, Report, SourceFile, finish_article,
    human_size,
};
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufRead, BufReader};

/// The reading buffer: large enough for the binary probe.
const BUFFER_BYTES: usize = 64 * 1024;

/// Reads a `.jsonl` file line by line; each item is one batch of at most `batch` articles with the
/// problems met while reading it. The first item reports a file that cannot be opened or read.
pub struct JsonLinesStream {
    rel_path: String,
    listed_size: u64,
    reader: Option<BufReader<File>>,
    pending: FileArticles,
    max_line: usize,
    batch: usize,
    line: usize,
    bytes_read: u64,
    nonblank: bool,
    decoded_note: bool,
    buf: Vec<u8>,
}

/// Opens `file` for streaming; problems opening it come with the first batch.
pub fn stream_json_lines(
    file: &SourceFile,
    options: &ReadOptions,
    batch: usize,
) -> JsonLinesStream {
    let mut stream = JsonLinesStream {
        rel_path: file.rel_path.clone(),
        listed_size: file.size,
        reader: None,
        pending: FileArticles::default(),
        max_line: usize::try_from(options.max_bytes).unwrap_or(usize::MAX),
        batch: batch.max(1),
        line: 0,
        bytes_read: 0,
        nonblank: false,
        decoded_note: false,
        buf: Vec::new(),
    };
    let mut report = Report::new(&file.rel_path);
    match File::open(&file.abs_path) {
        Ok(handle) => {
            let mut reader = BufReader::with_capacity(BUFFER_BYTES, handle);
            match open_checks(&mut reader) {
                Ok(passed_over) => {
                    stream.bytes_read = passed_over;
                    stream.reader = Some(reader);
                }
                Err((kind, message)) => report.skip(kind, None, message),
            }
        }
        Err(err) => report.skip(ProblemKind::Unreadable, None, format!("cannot read: {err}")),
    }
    stream.pending.problems = report.problems;
    stream
}

/// Checks the start of a file: not binary, not UTF-16; a UTF-8 byte order mark is passed over.
/// Returns the bytes passed over, which count as read (the file's size includes them).
fn open_checks(reader: &mut BufReader<File>) -> Result<u64, (ProblemKind, String)> {
    let unreadable = |err: std::io::Error| (ProblemKind::Unreadable, format!("cannot read: {err}"));
    let head = reader.fill_buf().map_err(unreadable)?;
    if encoding_rs::Encoding::for_bom(head).is_some_and(|(e, _)| e != encoding_rs::UTF_8) {
        return Err((
            ProblemKind::Encoding,
            "UTF-16 JSON Lines are not streamed; convert the file to UTF-8".into(),
        ));
    }
    if head[..head.len().min(BINARY_PROBE_BYTES)].contains(&0) {
        return Err((ProblemKind::Binary, "binary file (NUL byte found)".into()));
    }
    if head.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
        return Ok(3);
    }
    Ok(0)
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
        if !too_long {
            if buf.len() + chunk.len() > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        reader.consume(used);
        *consumed += used as u64;
        if done {
            return Ok(Some(too_long));
        }
    }
}

impl JsonLinesStream {
    /// Reads lines until a batch is full or the file ends; problems go to `report`.
    fn fill(&mut self, articles: &mut Vec<crate::article::Article>, report: &mut Report<'_>) {
        let first_problem = report.problems.len();
        let mut lines = Vec::with_capacity(self.batch);
        self.read_lines(&mut lines, report);
        // The lines are parsed in parallel (JSON parsing was a tenth of bare indexing, on the
        // reading thread alone), and their problems put back in line order.
        let rel_path = self.rel_path.as_str();
        let parsed: Vec<_> = lines
            .into_par_iter()
            .map(|(n, text)| {
                let mut local = Report::new(rel_path);
                let article = read_json_line(&text, n, rel_path, &mut local).map(|mut article| {
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
        report.problems[first_problem..].sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    }

    /// Reads up to a batch of non-blank lines, decoded, with their numbers; problems go to
    /// `report`.
    fn read_lines(&mut self, lines: &mut Vec<(usize, String)>, report: &mut Report<'_>) {
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        while lines.len() < self.batch {
            let line =
                match read_line_limited(reader, &mut self.buf, self.max_line, &mut self.bytes_read)
                {
                    Ok(Some(too_long)) => too_long,
                    Ok(None) => {
                        self.reader = None;
                        if !self.nonblank {
                            report.skip(ProblemKind::Empty, None, "empty file");
                        } else if self.bytes_read != self.listed_size {
                            report.warn(
                            ProblemKind::Changed,
                            None,
                            format!(
                                "changed while being read (listed at {}, read {}); indexed as read",
                                human_size(self.listed_size),
                                human_size(self.bytes_read)
                            ),
                        );
                        }
                        return;
                    }
                    Err(err) => {
                        self.reader = None;
                        report.skip(
                            ProblemKind::Unreadable,
                            None,
                            format!(
                                "read failed after line {}: {err}; the rest of the file is skipped",
                                self.line
                            ),
                        );
                        return;
                    }
                };
            self.line += 1;
            let n = self.line;
            if line {
                self.nonblank = true;
                report.skip(
                    ProblemKind::TooLarge,
                    Some(n),
                    format!(
                        "line is over the {} limit (--max-size)",
                        human_size(self.max_line as u64)
                    ),
                );
                continue;
            }
            let bytes = self.buf.strip_suffix(b"\r").unwrap_or(&self.buf);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.nonblank = true;
            let text = match decode::decode(bytes, false) {
                Decoded::Text(text, note) => {
                    if let Some(note) = note.filter(|_| !self.decoded_note) {
                        self.decoded_note = true;
                        let note = format!("{note} (and any later such line, unreported)");
                        report.warn(ProblemKind::Encoding, Some(n), note);
                    }
                    text
                }
                Decoded::Refused(reason) => {
                    report.skip(ProblemKind::Encoding, Some(n), reason);
                    continue;
                }
            };
            lines.push((n, text.into_owned()));
        }
    }
}

impl JsonLinesStream {
    /// Bytes of the file read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }
}

impl Iterator for JsonLinesStream {
    type Item = FileArticles;

    fn next(&mut self) -> Option<FileArticles> {
        let mut part = std::mem::take(&mut self.pending);
        if self.reader.is_none() {
            return (!part.problems.is_empty()).then_some(part);
        }
        let rel_path = self.rel_path.clone();
        let mut report = Report::new(&rel_path);
        report.problems = std::mem::take(&mut part.problems);
        self.fill(&mut part.articles, &mut report);
        part.problems = report.problems;
        (!part.articles.is_empty() || !part.problems.is_empty()).then_some(part)
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
        for part in stream_json_lines(file, &ReadOptions { max_bytes }, batch) {
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
        for part in stream_json_lines(&file, &ReadOptions::default(), 10) {
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
