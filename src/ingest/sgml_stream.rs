//! An SGML collection over the size limit (a TREC bundle of many megabytes), read in pieces of
//! whole records as its bytes come, so that it is indexed in bounded memory as a `.jsonl` file
//! is. A piece ends where the last record's start tag read so far begins; its records are read
//! as a whole file's are ([`sgml::read_piece`]), with the same ids and lines. A record over the
//! limit is skipped (its bytes passed over, never held, when longer than a piece), and each
//! piece is decoded on its own: UTF-8, else Windows-1252 when it reads as such, else record by
//! record, each record that decodes as neither skipped with the reason.

use super::decode::{self, Decoded};
use super::sgml::{self, Place, RECORD_TAG_BYTES};
use super::{ProblemKind, Report, human_size};
use crate::article::Article;
use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes gathered before a piece is cut (at most the record limit): pieces of many records
/// amortise the cut's search.
const PIECE_BYTES: usize = 1 << 20;

/// An SGML collection read record by record.
pub(crate) struct SgmlStream {
    rel_path: String,
    listed_size: u64,
    /// Bytes of the file read so far.
    read: Arc<AtomicU64>,
    reader: Option<BufReader<Box<dyn Read + Send>>>,
    max_record: usize,
    batch: usize,
    /// Bytes gathered before a piece is cut.
    piece_bytes: usize,
    /// Bytes read and not yet read as records: from the last record's start tag met (or from
    /// the file's start, before its first record).
    pending: Vec<u8>,
    /// The byte offset of `pending`'s first byte in the (inflated) file.
    pending_at: u64,
    /// `pending` holds no record's start tag before this offset (but maybe at 0).
    searched: usize,
    /// Where `pending` starts in the file: records before it and its line.
    place: Place,
    /// Whether `pending` is the rest of a record over the limit, passed over up to the next
    /// record's start tag.
    skipping: bool,
    decoded_note: bool,
}

impl SgmlStream {
    /// A stream of `input`, the collection `rel_path` (of `listed_size` bytes when the walk
    /// listed it) whose bytes `read` counts. Problems opening it go to `report`.
    pub(crate) fn new(
        input: Box<dyn Read + Send>,
        read: Arc<AtomicU64>,
        rel_path: &str,
        listed_size: u64,
        max_record: usize,
        batch: usize,
        report: &mut Report<'_>,
    ) -> SgmlStream {
        let mut reader = BufReader::with_capacity(64 * 1024, input);
        let opened = match super::stream::open_checks(&mut reader, "SGML") {
            Ok(()) => Some(reader),
            Err((kind, message)) => {
                report.skip(kind, None, message);
                None
            }
        };
        SgmlStream {
            rel_path: rel_path.to_string(),
            listed_size,
            read,
            reader: opened,
            max_record,
            batch: batch.max(1),
            piece_bytes: PIECE_BYTES.min(max_record).max(RECORD_TAG_BYTES),
            pending: Vec::new(),
            pending_at: 0,
            searched: 0,
            place: Place::default(),
            skipping: false,
            decoded_note: false,
        }
    }

    /// Whether there is more to read.
    pub(crate) fn is_open(&self) -> bool {
        self.reader.is_some()
    }

    /// Reads pieces until a batch of articles is gathered, a problem is met or the file ends.
    pub(crate) fn fill(&mut self, articles: &mut Vec<Article>, report: &mut Report<'_>) {
        let first_problem = report.problems.len();
        while articles.len() < self.batch && report.problems.len() == first_problem {
            let Some(reader) = self.reader.as_mut() else {
                return;
            };
            let block = match reader.fill_buf() {
                Ok(block) => block,
                Err(err) => {
                    self.reader = None;
                    let message = format!(
                        "read failed after line {}: {err}; the rest of the file is skipped",
                        self.place.line
                    );
                    report.skip(ProblemKind::Unreadable, None, message);
                    return;
                }
            };
            if block.is_empty() {
                self.reader = None;
                self.finish(articles, report);
                return;
            }
            let n = block.len().min(self.piece_bytes);
            self.pending.extend_from_slice(&block[..n]);
            reader.consume(n);
            if self.pending.len() - self.searched >= self.piece_bytes {
                self.cut(articles, report);
            }
        }
    }

    /// Reads the whole records `pending` holds, or passes over what a record over the limit
    /// holds, keeping the last record begun.
    fn cut(&mut self, articles: &mut Vec<Article>, report: &mut Report<'_>) {
        if self.skipping && !self.pass_over_skipped(RECORD_TAG_BYTES) {
            return;
        }
        let last_open = sgml::last_record_open(&self.pending, self.searched);
        self.searched = self.pending.len().saturating_sub(RECORD_TAG_BYTES);
        match last_open {
            Some(at) if at > 0 => self.read_within_limit(at, false, articles, report),
            // One record (or the text before the first) so far: over the limit, it is passed
            // over up to the next record's start tag, keeping the bytes that may begin one.
            _ if self.pending.len() > self.max_record.saturating_add(RECORD_TAG_BYTES) => {
                if sgml::starts_with_record(&self.pending) {
                    self.skip_record(report);
                    self.skipping = true;
                }
                self.pass_over(self.searched);
            }
            _ => {}
        }
    }

    /// Passes over the rest of the record over the limit up to where the next one begins, and
    /// returns `true`; or, when none begins in `pending` yet, over all but its last `keep` bytes
    /// (those that may begin one), and returns `false`.
    fn pass_over_skipped(&mut self, keep: usize) -> bool {
        let next_record = sgml::record_opens(&self.pending).next();
        match next_record {
            Some(at) => {
                self.pass_over(at);
                self.skipping = false;
                self.searched = 0;
                true
            }
            None => {
                self.pass_over(self.pending.len().saturating_sub(keep));
                false
            }
        }
    }

    /// Counts the record `pending` opens with, over the limit, and reports it skipped.
    fn skip_record(&mut self, report: &mut Report<'_>) {
        self.place.records += 1;
        let message = format!(
            "record is over the {} limit (--max-size)",
            human_size(self.max_record as u64)
        );
        report.skip(ProblemKind::TooLarge, Some(self.place.line), message);
    }

    /// Reads the records of `pending[..end]` to `articles` as [`SgmlStream::read_records`] does,
    /// but skips each one over the limit (to the next record's start tag, or `end`).
    fn read_within_limit(
        &mut self,
        mut end: usize,
        ends_file: bool,
        articles: &mut Vec<Article>,
        report: &mut Report<'_>,
    ) {
        loop {
            let starts: Vec<usize> = sgml::record_opens(&self.pending[..end]).collect();
            let ends = starts.iter().skip(1).copied().chain([end]);
            let over = starts
                .iter()
                .zip(ends)
                .find(|&(&start, stop)| stop - start > self.max_record);
            let Some((&start, stop)) = over else {
                self.read_records(end, ends_file, articles, report);
                return;
            };
            if start > 0 {
                self.read_records(start, false, articles, report);
            }
            self.skip_record(report);
            self.pass_over(stop - start);
            end -= stop;
            if end == 0 {
                return;
            }
        }
    }

    /// Drops `pending[..end]` unread, counting its lines.
    fn pass_over(&mut self, end: usize) {
        self.place.line += memchr::memchr_iter(b'\n', &self.pending[..end]).count();
        self.drop_front(end);
    }

    /// Drops `pending[..end]`, which was read or passed over.
    fn drop_front(&mut self, end: usize) {
        self.pending.drain(..end);
        self.pending_at += end as u64;
        self.searched = self.searched.saturating_sub(end);
    }

    /// Reads the records of `pending[..end]` to `articles`; `ends_file` when the file ends there.
    /// A piece that does not decode is read again record by record, so that only the records
    /// that do not decode are lost.
    fn read_records(
        &mut self,
        end: usize,
        ends_file: bool,
        articles: &mut Vec<Article>,
        report: &mut Report<'_>,
    ) {
        let piece = &self.pending[..end];
        let first = articles.len();
        let mut reader = PieceReader {
            rel_path: &self.rel_path,
            place: &mut self.place,
            decoded_note: &mut self.decoded_note,
            articles,
            report,
        };
        if reader.read(piece, self.pending_at, ends_file).is_err() {
            let mut bounds: Vec<usize> = sgml::record_opens(piece).collect();
            if !sgml::starts_with_record(piece) {
                bounds.insert(0, 0);
            }
            bounds.push(end);
            for pair in bounds.windows(2) {
                let record = &piece[pair[0]..pair[1]];
                let at = self.pending_at + pair[0] as u64;
                if let Err(reason) = reader.read(record, at, ends_file && pair[1] == end) {
                    reader.skip_undecoded(record, &reason);
                }
            }
        }
        for article in &mut articles[first..] {
            super::finish_article(article, &self.rel_path);
        }
        self.drop_front(end);
    }

    /// Reads what is left at the end of the file and reports a collection without records or a
    /// file changed while being read.
    fn finish(&mut self, articles: &mut Vec<Article>, report: &mut Report<'_>) {
        if self.skipping {
            self.pass_over_skipped(0);
        }
        if !self.pending.is_empty() {
            self.read_within_limit(self.pending.len(), true, articles, report);
        }
        if self.place.records == 0 {
            sgml::report_no_records(report);
        } else {
            report.warn_if_changed(self.listed_size, self.read.load(Ordering::Relaxed));
        }
    }
}

/// Reads pieces of a collection, decoded, to articles.
struct PieceReader<'a, 'r> {
    rel_path: &'a str,
    /// Where the next piece starts.
    place: &'a mut Place,
    /// Whether a piece was decoded as Windows-1252 already (said once).
    decoded_note: &'a mut bool,
    articles: &'a mut Vec<Article>,
    report: &'a mut Report<'r>,
}

impl PieceReader<'_, '_> {
    /// Reads the records of `piece`, which starts at byte `at` of the file (`ends_file` when
    /// the file ends with it); or, when it does not decode, gives the reason and reads nothing.
    fn read(&mut self, piece: &[u8], at: u64, ends_file: bool) -> Result<(), String> {
        match decode::decode_from(piece, Some((self.place.line, at))) {
            Decoded::Text(text, note) => {
                if let Some(note) = note.filter(|_| !*self.decoded_note) {
                    *self.decoded_note = true;
                    let note = format!("{note} (and any later such records, unreported)");
                    let line = first_bad_line(piece, self.place.line);
                    self.report.warn(ProblemKind::Encoding, Some(line), note);
                }
                let read =
                    sgml::read_piece(&text, self.rel_path, self.report, self.place, ends_file);
                self.articles.extend(read);
                Ok(())
            }
            Decoded::Refused(reason) => Err(reason),
        }
    }

    /// Reports the record `record` (if it is one) skipped as it does not decode, for `reason`,
    /// and moves past it.
    fn skip_undecoded(&mut self, record: &[u8], reason: &str) {
        if sgml::starts_with_record(record) {
            self.place.records += 1;
            let line = first_bad_line(record, self.place.line);
            let message = format!("record skipped: {reason}");
            self.report.skip(ProblemKind::Encoding, Some(line), message);
        }
        self.place.line += memchr::memchr_iter(b'\n', record).count();
    }
}

/// The line of the first byte of `piece` that is not UTF-8, `piece` starting at line `first`.
fn first_bad_line(piece: &[u8], first: usize) -> usize {
    let valid = std::str::from_utf8(piece).map_or_else(|err| err.valid_up_to(), str::len);
    first + memchr::memchr_iter(b'\n', &piece[..valid]).count()
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::ingest::{ReadOptions, SourceFile, is_streamed, read_bytes, stream_records, walk};

    fn source(dir: &std::path::Path, name: &str, bytes: &[u8]) -> SourceFile {
        std::fs::write(dir.join(name), bytes).unwrap();
        walk::walk(&[dir.join(name)]).files.remove(0)
    }

    /// The articles and problems of `file` streamed with a record limit of `max_bytes`.
    fn streamed(file: &SourceFile, max_bytes: u64) -> (Vec<Article>, Vec<String>) {
        let options = ReadOptions { max_bytes };
        assert!(is_streamed(file, &options));
        let (mut articles, mut problems) = (Vec::new(), Vec::new());
        for part in stream_records(file, &options, 2) {
            articles.extend(part.articles);
            problems.extend(part.problems.iter().map(|p| p.to_string()));
        }
        (articles, problems)
    }

    fn story(id: usize, body: &str) -> String {
        format!("<DOC>\n<DOCNO> D{id} </DOCNO>\n<TEXT>\n{body}\n</TEXT>\n</DOC>\n")
    }

    #[test]
    fn a_collection_over_the_limit_streams_as_it_reads_whole() {
        let mut text = String::from("<!-- a bundle -->\n");
        for i in 1..=40 {
            text.push_str(&story(i, &format!("Story {i} about wheat.")));
        }
        // One left open, one without an id or a body, one with a name in capitals.
        text.push_str("<DOC>\n<DOCNO> OPEN </DOCNO>\n<TEXT>\nNever closed.\n");
        text.push_str("<doc>\n<TEXT>\nNo id.\n</TEXT>\n</doc>\n<DOC></DOC>\n");
        text.push_str(&story(99, "The last one."));
        let whole = read_bytes(text.as_bytes(), "bundle.sgm", crate::ingest::Format::Sgml);
        let dir = tempfile::tempdir().unwrap();
        let file = source(dir.path(), "bundle.sgm", text.as_bytes());
        // A limit of 120 bytes cuts a piece every two or three records.
        let (articles, problems) = streamed(&file, 120);
        let read = |articles: &[Article]| -> Vec<(String, String)> {
            articles
                .iter()
                .map(|a| (a.id.clone(), a.body.clone()))
                .collect()
        };
        assert_eq!(read(&articles), read(&whole.articles));
        assert_eq!(articles.len(), 43);
        assert_eq!(articles[41].id, "bundle.sgm#42");
        let whole_problems: Vec<String> = whole.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems, whole_problems);
        assert_eq!(
            problems,
            [
                "bundle.sgm:242: record not closed (the next record opens first): read as far \
                 as it goes",
                "bundle.sgm:251: article has no body"
            ]
        );
    }

    #[test]
    fn a_record_over_the_limit_is_skipped_and_the_others_kept() {
        // The last record ends the file a little after the long one before it, wherever the
        // file's end falls in a piece.
        for filler in 20..40 {
            let mut text = story(1, "First.");
            text.push_str(&story(2, &"A long line of a long story.\n".repeat(20)));
            text.push_str(&story(3, "Third."));
            text.push_str(&story(4, &"Another long story.\n".repeat(filler)));
            text.push_str(&story(5, "Last."));
            let dir = tempfile::tempdir().unwrap();
            let file = source(dir.path(), "bundle.sgm", text.as_bytes());
            let (articles, problems) = streamed(&file, 200);
            let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
            assert_eq!(ids, ["D1", "D3", "D5"], "{filler}");
            assert_eq!(
                problems,
                [
                    "bundle.sgm:7: record is over the 200 bytes limit (--max-size)",
                    "bundle.sgm:39: record is over the 200 bytes limit (--max-size)"
                ]
            );
        }
    }

    #[test]
    fn a_record_that_does_not_decode_is_lost_alone() {
        let accented = story(2, "Caf\u{e9} in Gen\u{e8}ve.");
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&accented);
        let bytes = [
            story(1, "Plain.").as_bytes(),
            &latin1,
            story(3, "Plain again.").as_bytes(),
            &[&story(4, "Broken")[..], "\u{1}"].concat().into_bytes(),
            b"\x81\x81\n</DOC>\n",
            story(5, "Still read.").as_bytes(),
        ]
        .concat();
        let dir = tempfile::tempdir().unwrap();
        let file = source(dir.path(), "mixed.sgm", &bytes);
        // Pieces of a record or two, then nearly the whole file as one piece.
        for limit in [80, bytes.len() as u64 - 1] {
            let (articles, problems) = streamed(&file, limit);
            let read: Vec<(&str, &str)> = articles
                .iter()
                .map(|a| (a.id.as_str(), a.body.as_str()))
                .collect();
            assert_eq!(
                read,
                [
                    ("D1", "Plain."),
                    ("D2", "Caf\u{e9} in Gen\u{e8}ve."),
                    ("D3", "Plain again."),
                    ("D5", "Still read.")
                ],
                "{limit}"
            );
            assert_eq!(problems.len(), 2, "{problems:?}");
            assert!(
                problems[0].starts_with("mixed.sgm:10: not valid UTF-8 (line 10, byte 91)"),
                "{problems:?}"
            );
            assert!(
                problems[1].starts_with("mixed.sgm:25: record skipped: not valid UTF-8 (line 25"),
                "{problems:?}"
            );
        }
    }

    #[test]
    fn trec_files_without_an_extension_and_gzipped_ones_stream() {
        let mut text = String::new();
        for i in 1..=30 {
            text.push_str(&story(i, &format!("Story {i}.")));
        }
        let dir = tempfile::tempdir().unwrap();
        let plain = source(dir.path(), "AP880212", text.as_bytes());
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
        let gzipped = source(dir.path(), "LA010189.gz", &gz.finish().unwrap());
        for file in [plain, gzipped] {
            let (articles, problems) = streamed(&file, 100);
            assert_eq!(articles.len(), 30, "{}", file.rel_path);
            assert_eq!(articles[29].id, "D30");
            assert!(problems.is_empty(), "{problems:?}");
        }
        let small = source(dir.path(), "AP880213", story(1, "Alone.").as_bytes());
        assert!(!is_streamed(&small, &ReadOptions::default()));
    }

    proptest::proptest! {
        #[test]
        fn any_collection_streams_as_it_reads_whole(
            records in proptest::collection::vec(
                (proptest::collection::vec(0usize..8, 0..14), proptest::bool::ANY, 0usize..4, 0usize..3),
                3..40,
            ),
        ) {
            const WORDS: &[&str] = &["wheat", "Paris", "rose", "<P>", "</P>", "&amp;", "said", "\n"];
            const BETWEEN: &[&str] = &["", "\n", "\n\n  ", "<!DOCTYPE lewis>\n"];
            let mut text = String::new();
            for (i, (words, closed, shape, between)) in records.iter().enumerate() {
                let body: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
                let body = body.join(" ");
                let record = match shape {
                    0 => format!("<DOC>\n<DOCNO> D{i} </DOCNO>\n<TEXT>\n{body}\n</TEXT>\n"),
                    1 => format!("<REUTERS NEWID=\"{i}\">\n<TITLE>T{i}</TITLE><BODY>{body}</BODY>\n"),
                    2 => format!("<doc>\n<TEXT>{body}</TEXT>\n"),
                    _ => format!("<DOC><DOCNO>E{i}</DOCNO><HEADLINE>H {body}</HEADLINE><TEXT>x</TEXT>"),
                };
                text.push_str(&record);
                if *closed {
                    text.push_str(if *shape == 1 { "</REUTERS>\n" } else { "</DOC>\n" });
                }
                text.push_str(BETWEEN[*between]);
            }
            proptest::prop_assume!(text.len() > 200);
            let whole = read_bytes(text.as_bytes(), "c.sgm", crate::ingest::Format::Sgml);
            let dir = tempfile::tempdir().unwrap();
            let file = source(dir.path(), "c.sgm", text.as_bytes());
            let (articles, problems) = streamed(&file, 200);
            let read = |articles: &[Article]| -> Vec<(String, String, String)> {
                articles
                    .iter()
                    .map(|a| (a.id.clone(), a.title.clone(), a.body.clone()))
                    .collect()
            };
            proptest::prop_assert_eq!(read(&articles), read(&whole.articles));
            let whole_problems: Vec<String> =
                whole.problems.iter().map(|p| p.to_string()).collect();
            proptest::prop_assert_eq!(problems, whole_problems);
        }

        #[test]
        fn any_edit_of_a_collection_streams_without_panic(
            edits in proptest::collection::vec((0usize..2048, 0usize..64, 0usize..32), 0..8),
            limit in 20u64..400,
        ) {
            let mut text = String::new();
            for i in 1..=12 {
                text.push_str(&story(i, &format!("<P>Story {i} from NEW YORK.</P>")));
            }
            let edited = crate::ingest::xml_elements::tests::edited(&text, &edits);
            let dir = tempfile::tempdir().unwrap();
            let file = source(dir.path(), "edited.sgm", edited.as_bytes());
            let options = ReadOptions { max_bytes: limit };
            for part in stream_records(&file, &options, 3) {
                for article in part.articles {
                    proptest::prop_assert!(!article.body.trim().is_empty());
                }
            }
        }
    }
}
