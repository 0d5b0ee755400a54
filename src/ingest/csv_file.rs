//! Tables of articles (`.csv`, `.tsv`), as news datasets are often shared (a row an article, a
//! header naming the columns: `title`, `content`, `date`, `author`, `publication`, `url`…).
//! Each row is read as a JSON record is (see [`article_from_record`]), its columns the record's
//! keys; quoted fields may hold commas and line breaks. A table is streamed a batch of rows at a
//! time (datasets run to gigabytes), and a row names its line.

use super::decode::{self, Decoded};
use super::fields::{article_from_record, has_body};
use super::line_ends::{Ends, LineEnds};
use super::stream::parse_batch;
use super::{ProblemKind, Report, human_size};
use crate::article::Article;
use serde_json::{Map, Value};
use std::io::Read;
use std::sync::{Arc, Mutex, PoisonError};

/// The field delimiter of a table by its file's name: a tab for `.tsv` (`.tsv.gz`), else a comma.
fn delimiter_for(name: &str) -> u8 {
    let name = name.to_ascii_lowercase();
    if name.ends_with(".tsv") || name.ends_with(".tsv.gz") {
        b'\t'
    } else {
        b','
    }
}

/// A row read: its number (from 1, the header not counted), its first line and its fields.
struct Row {
    n: usize,
    line: usize,
    fields: Vec<String>,
}

/// Reads a table's rows, a batch of articles at a time (see
/// [`RecordStream`](super::RecordStream), which iterates it).
pub(crate) struct CsvStream {
    rel_path: String,
    reader: Option<csv::Reader<Box<dyn Read + Send>>>,
    header: Vec<String>,
    max_record: usize,
    batch: usize,
    rows: usize,
    decoded_note: bool,
    record: csv::ByteRecord,
    ends: Arc<Mutex<Ends>>,
}

impl CsvStream {
    /// Streams the table `input` named `rel_path` (its fields split by tabs for `.tsv`, else by
    /// commas); problems with its header go to `report`.
    pub(crate) fn new(
        input: Box<dyn Read + Send>,
        rel_path: &str,
        max_record: usize,
        batch: usize,
        report: &mut Report<'_>,
    ) -> CsvStream {
        let input = LineEnds::new(input);
        let ends = input.ends();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter_for(rel_path))
            .flexible(true)
            .from_reader(Box::new(input) as Box<dyn Read + Send>);
        let header: Option<Vec<String>> = match reader.byte_headers() {
            Ok(fields) if fields.iter().any(|f| !f.is_empty()) => Some(
                fields
                    .iter()
                    .map(|f| {
                        let name = String::from_utf8_lossy(f);
                        name.trim().trim_start_matches('\u{feff}').to_string()
                    })
                    .collect(),
            ),
            Ok(_) => {
                report.skip(ProblemKind::Empty, None, "empty file");
                None
            }
            Err(err) => {
                report.skip(ProblemKind::Unreadable, None, format!("cannot read: {err}"));
                None
            }
        };
        let header = header.filter(|header| {
            let names: Map<String, Value> = header
                .iter()
                .map(|name| (name.clone(), Value::String("x".into())))
                .collect();
            let usable = has_body(&names);
            if !usable {
                let message = format!(
                    "table whose header names no body column (body, text, content or article): {}",
                    header.join(", ")
                );
                report.skip(ProblemKind::NoBody, Some(1), message);
            }
            usable
        });
        CsvStream {
            rel_path: rel_path.to_string(),
            reader: header.is_some().then_some(reader),
            header: header.unwrap_or_default(),
            max_record,
            batch: batch.max(1),
            rows: 0,
            decoded_note: false,
            record: csv::ByteRecord::new(),
            ends,
        }
    }

    /// Whether there is more to read.
    pub(crate) fn is_open(&self) -> bool {
        self.reader.is_some()
    }

    /// Reads the next batch of rows: their articles to `articles`, problems to `report`.
    pub(crate) fn fill(&mut self, articles: &mut Vec<Article>, report: &mut Report<'_>) {
        let first_problem = report.problems.len();
        let rows = self.read_rows(report);
        // Rows are read as records in parallel, as a JSON file's are; problems go back in order.
        let header = &self.header;
        let read = |row: Row, rel_path: &str, local: &mut Report| {
            let record: Map<String, Value> = header
                .iter()
                .zip(row.fields)
                .filter(|(name, _)| !name.is_empty())
                .map(|(name, field)| (name.clone(), Value::String(field)))
                .collect();
            let default_id = format!("{rel_path}#{}", row.n);
            article_from_record(&record, default_id, None, Some(row.line), local)
        };
        parse_batch(rows, &self.rel_path, read, articles, report);
        report.problems[first_problem..].sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    }

    /// Reads up to a batch of rows, their fields decoded; problems go to `report`.
    fn read_rows(&mut self, report: &mut Report<'_>) -> Vec<Row> {
        let mut rows = Vec::with_capacity(self.batch);
        while rows.len() < self.batch {
            let Some(reader) = self.reader.as_mut() else {
                break;
            };
            let line = reader.position().line() as usize;
            match reader.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => {
                    if self.rows == 0 {
                        report.skip(ProblemKind::NoBody, None, "table with a header and no rows");
                    }
                    self.reader = None;
                    break;
                }
                Err(err) => {
                    let message = format!(
                        "read failed at line {line}: {err}; the rest of the file is skipped"
                    );
                    report.skip(ProblemKind::Unreadable, Some(line), message);
                    self.reader = None;
                    break;
                }
            }
            self.rows += 1;
            let began = self
                .record
                .position()
                .map_or(line, |position| position.line() as usize);
            let line = {
                let ends = self.ends.lock().unwrap_or_else(PoisonError::into_inner);
                row_line(began, reader.position(), &self.record, &ends)
            };
            if self.record.as_slice().len() > self.max_record {
                let message = format!(
                    "row is {}, over the {} limit (--max-size)",
                    human_size(self.record.as_slice().len() as u64),
                    human_size(self.max_record as u64)
                );
                report.skip(ProblemKind::TooLarge, Some(line), message);
                continue;
            }
            if self
                .record
                .iter()
                .all(|field| field.trim_ascii().is_empty())
            {
                continue;
            }
            let mut fields = Vec::with_capacity(self.record.len());
            for field in &self.record {
                match decode::decode(field, false) {
                    Decoded::Text(text, note) => {
                        if let Some(note) = note.filter(|_| !self.decoded_note) {
                            self.decoded_note = true;
                            let note = format!("{note} (and any later such row, unreported)");
                            report.warn(ProblemKind::Encoding, Some(line), note);
                        }
                        fields.push(text.into_owned());
                    }
                    Decoded::Refused(reason) => {
                        report.skip(ProblemKind::Encoding, Some(line), reason);
                        fields.clear();
                        break;
                    }
                }
            }
            if !fields.is_empty() {
                rows.push(Row {
                    n: self.rows,
                    line,
                    fields,
                });
            }
        }
        rows
    }
}

/// The line a row starts on. The csv crate gives where it began reading the row (`began`),
/// before the blank lines it passed over, so the row's own line is counted back from the
/// position it `ended` on: less the line breaks inside its quoted fields, and less the `\n`
/// that ended it, read when the file's lines end in `\n` alone (a `\r\n` row stops at its
/// `\r`) and the row is not the file's unterminated last.
fn row_line(began: usize, ended: &csv::Position, record: &csv::ByteRecord, ends: &Ends) -> usize {
    let breaks = record
        .iter()
        .map(|field| field.iter().filter(|&&b| b == b'\n').count())
        .sum::<usize>();
    let unterminated =
        ends.at_end && ended.byte() == ends.read && !matches!(ends.last, Some(b'\n' | b'\r'));
    let newline_read = ends.crlf != Some(true) && !unterminated;
    (ended.line() as usize)
        .saturating_sub(breaks + usize::from(newline_read))
        .max(began)
}

#[cfg(test)]
mod tests {
    use crate::ingest::Format;
    use crate::ingest::stream::table_or_archive_records;

    fn read(name: &str, bytes: &[u8], max: usize) -> (Vec<crate::Article>, Vec<String>) {
        let input = Box::new(std::io::Cursor::new(bytes.to_vec()));
        let (mut articles, mut problems) = (Vec::new(), Vec::new());
        for part in table_or_archive_records(Format::Csv, input, name, max, 2) {
            articles.extend(part.articles);
            problems.extend(part.problems.iter().map(|p| p.to_string()));
        }
        (articles, problems)
    }

    #[test]
    fn rows_are_articles_with_quoted_commas_quotes_and_line_breaks() {
        // As news datasets come: a pandas index column without a name, `publication`, quoted
        // multi-line text.
        let table = ",id,title,publication,author,date,url,content\n\
            0,17283,\"Copper hits record, again\",Example Wire,Ana Torres,2026-03-02,https://w.example/1,\"Copper rose on Monday.\n\nCodelco said \"\"output halved\"\".\"\n\
            1,17284,Tin steady,Example Wire,,2026-03-02,,\n\
            2,17285,Ragged row,Example Wire\n\
            \n\
            3,17286,Zinc,Example Wire,Li Wei,03/04/2026,,Zinc fell.\n";
        let (articles, problems) = read("news.csv", table.as_bytes(), 1 << 20);
        assert_eq!(
            problems,
            // The first row's text runs over three lines: the next rows start on 5 and 6.
            [
                "news.csv:5: article has no body",
                "news.csv:6: article has no body"
            ]
        );
        let [copper, zinc] = articles.as_slice() else {
            panic!("{articles:?}")
        };
        assert_eq!(copper.id, "17283");
        assert_eq!(copper.title, "Copper hits record, again");
        assert_eq!(copper.source.as_deref(), Some("Example Wire"));
        assert_eq!(copper.author.as_deref(), Some("Ana Torres"));
        assert_eq!(copper.url.as_deref(), Some("https://w.example/1"));
        assert_eq!(
            copper.body,
            "Copper rose on Monday.\n\nCodelco said \"output halved\"."
        );
        assert_eq!(
            copper.published.unwrap().to_string(),
            "2026-03-02T00:00:00Z"
        );
        assert_eq!(copper.line, Some(2));
        assert_eq!(copper.path, "news.csv");
        // A blank line is passed over: the row after it is on line 8.
        assert_eq!(zinc.line, Some(8));
        assert_eq!(zinc.published.unwrap().to_string(), "2026-03-04T00:00:00Z");
    }

    #[test]
    fn a_row_names_its_own_line_after_blank_lines_whatever_the_line_ends() {
        // Rows on lines 2, 5 (after two blank lines), 7 (its text over two lines) and 12 (after
        // three more), the last with no line break after it.
        let lf =
            "title,body\nFirst,One.\n\n\nSecond,Two.\n\nThird,\"Three\nlines\"\n\n\n\nFourth,Four.";
        let crlf = lf.replace('\n', "\r\n");
        for (table, ending) in [
            (lf.to_string(), "\\n"),
            (format!("{lf}\n"), "\\n, last one ended"),
            (crlf.clone(), "\\r\\n"),
            (format!("{crlf}\r\n"), "\\r\\n, last one ended"),
        ] {
            for chunk in [1, 3, 1 << 16] {
                let input = Box::new(Chunked(std::io::Cursor::new(table.clone()), chunk));
                let mut articles = Vec::new();
                for part in table_or_archive_records(Format::Csv, input, "t.csv", 1 << 20, 2) {
                    articles.extend(part.articles);
                }
                let lines: Vec<_> = articles
                    .iter()
                    .map(|a| (a.title.as_str(), a.line))
                    .collect();
                assert_eq!(
                    lines,
                    [
                        ("First", Some(2)),
                        ("Second", Some(5)),
                        ("Third", Some(7)),
                        ("Fourth", Some(12))
                    ],
                    "lines ending {ending}, read {chunk} bytes at a time"
                );
            }
        }
    }

    /// A reader that hands out at most `.1` bytes a call, as a pipe or a gzip stream may.
    struct Chunked(std::io::Cursor<String>, usize);

    impl std::io::Read for Chunked {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.1);
            self.0.read(&mut buf[..n])
        }
    }

    #[test]
    fn tabs_latin1_and_rows_over_the_limit() {
        let mut table = b"title\ttext\nCaf".to_vec();
        table.extend_from_slice(b"\xe9 prices\tCaf\xe9 owners raised prices.\n");
        table.extend_from_slice(format!("Long\t{}\n", "x".repeat(300)).as_bytes());
        table.extend_from_slice(b"Short\tA short one.\n");
        let (articles, problems) = read("prices.tsv", &table, 200);
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Café prices", "Short"]);
        assert_eq!(articles[0].id, "prices.tsv#1");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("prices.tsv:2: not valid UTF-8"),
            "{problems:?}"
        );
        assert_eq!(
            problems[1],
            "prices.tsv:3: row is 304 bytes, over the 200 bytes limit (--max-size)"
        );
    }

    #[test]
    fn a_table_without_a_body_column_or_rows_is_skipped_with_the_reason() {
        let (articles, problems) = read("a.csv", b"name,price\ncopper,1\n", 1 << 20);
        assert!(articles.is_empty());
        assert_eq!(
            problems,
            [
                "a.csv:1: table whose header names no body column (body, text, content or article): name, price"
            ]
        );
        let (_, problems) = read("a.csv", b"title,body\n", 1 << 20);
        assert_eq!(problems, ["a.csv: table with a header and no rows"]);
        let (_, problems) = read("a.csv", b"", 1 << 20);
        assert_eq!(problems, ["a.csv: empty file"]);
    }

    proptest::proptest! {
        #[test]
        fn any_edit_of_a_table_is_read_without_panic(
            edits in proptest::collection::vec((0usize..512, 0usize..64, 0usize..32), 0..12),
            marks in proptest::collection::vec((0usize..512, 0usize..4), 0..8)
        ) {
            let table = "id,title,date,content\n1,\"A, b\",2026-03-02,\"Text \"\"one\"\".\n\nMore.\"\n2,B,x,Two.\n";
            let mut text = crate::ingest::xml_elements::tests::edited(table, &edits);
            for (at, mark) in marks {
                let at = at % (text.len() + 1);
                if text.is_char_boundary(at) {
                    text.insert_str(at, [",", "\"", "\n", "\r\n"][mark]);
                }
            }
            let (articles, _) = read("t.csv", text.as_bytes(), 1 << 20);
            for article in articles {
                proptest::prop_assert!(!article.body.trim().is_empty());
            }
        }
    }
}
