//! Splitting a `.json` array read through a buffer into the raw text of its records, one at a
//! time, so that an array too large to read whole streams as a `.jsonl` file does. Only the
//! array's own structure is checked here (brackets, strings, commas between records); each record
//! is then parsed on its own, so a broken record loses only itself. An object that holds an array
//! of objects under one of its keys, as an API answers (`{"status": "ok", "articles": [...]}`),
//! is split as that array: the first such array, the other values passed over.

use std::io::{self, BufRead};

/// What [`ArrayRecords::next_record`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ArrayItem {
    /// Record `n` (1-based), starting on line `line`; its text is in the buffer unless it was
    /// longer than the limit (`too_long`), in which case it was read through and dropped.
    Record {
        n: usize,
        line: usize,
        too_long: bool,
    },
    /// The array ended, and only whitespace followed it (or the file is empty).
    End,
    /// The file holds no array: it does not open with `[`, nor is it an object holding an array
    /// of objects.
    NotArray,
    /// The array's structure is broken at `line` (the message says how); nothing after it can be
    /// read as records.
    Broken { line: usize, message: String },
}

/// Where the scan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the opening `[`.
    Open,
    /// After `[`, before the first record.
    First,
    /// After a record: a `,` or the closing `]` comes next.
    AfterRecord,
    /// After the closing `]`.
    Closed,
    /// Inside an object holding the array, after the array: more keys and values, or the
    /// object's closing `}`, come next.
    WrapperRest,
    /// Nothing more to read (the end, or a broken structure reported).
    Finished,
}

/// Splits a JSON array into its records' raw text.
#[derive(Debug)]
pub(crate) struct ArrayRecords {
    phase: Phase,
    opened: bool,
    /// Whether the array is a value of an object.
    wrapped: bool,
    records: usize,
    line: usize,
}

impl ArrayRecords {
    /// A splitter at the start of a file (after any byte order mark).
    pub(crate) fn new() -> Self {
        ArrayRecords {
            phase: Phase::Open,
            opened: false,
            wrapped: false,
            records: 0,
            line: 1,
        }
    }

    /// Reads the next record's raw text into `buf` (at most `max` bytes), adding the bytes read
    /// to `consumed`.
    pub(crate) fn next_record(
        &mut self,
        reader: &mut impl BufRead,
        buf: &mut Vec<u8>,
        max: usize,
        consumed: &mut u64,
    ) -> io::Result<ArrayItem> {
        buf.clear();
        loop {
            let next = self.skip_whitespace(reader, consumed)?;
            let after = self.records;
            match (self.phase, next) {
                (Phase::Finished, _) => return Ok(ArrayItem::End),
                (Phase::Open, Some(b'[')) => {
                    self.take_one(reader, consumed);
                    self.phase = Phase::First;
                    self.opened = true;
                }
                (Phase::Open, None) => {
                    self.phase = Phase::Finished;
                    return Ok(ArrayItem::End);
                }
                (Phase::Open, Some(b'{')) => {
                    self.take_one(reader, consumed);
                    if let Some(item) = self.enter_wrapped_array(reader, consumed)? {
                        return Ok(item);
                    }
                }
                (Phase::Open, Some(_)) => {
                    self.phase = Phase::Finished;
                    return Ok(ArrayItem::NotArray);
                }
                (Phase::First | Phase::AfterRecord, Some(b']')) => {
                    self.take_one(reader, consumed);
                    self.phase = if self.wrapped {
                        Phase::WrapperRest
                    } else {
                        Phase::Closed
                    };
                }
                (Phase::WrapperRest, _) => {
                    if let Some(item) = self.leave_wrapper(reader, consumed)? {
                        return Ok(item);
                    }
                }
                (Phase::AfterRecord, Some(b',')) => {
                    self.take_one(reader, consumed);
                    match self.skip_whitespace(reader, consumed)? {
                        Some(b']') => {
                            return Ok(self.broken(format!(
                                "a comma after record {after} and no record follows it"
                            )));
                        }
                        Some(_) => return self.record(reader, buf, max, consumed),
                        None => return Ok(self.broken_at_end()),
                    }
                }
                (Phase::First, Some(_)) => return self.record(reader, buf, max, consumed),
                (Phase::AfterRecord, Some(byte)) => {
                    let message = format!(
                        "expected `,` or `]` after record {after}, found {}",
                        shown(byte)
                    );
                    return Ok(self.broken(message));
                }
                (Phase::First | Phase::AfterRecord, None) => return Ok(self.broken_at_end()),
                (Phase::Closed, None) => {
                    self.phase = Phase::Finished;
                    return Ok(ArrayItem::End);
                }
                (Phase::Closed, Some(byte)) => {
                    let message = format!("{} after the array's closing `]`", shown(byte));
                    return Ok(self.broken(message));
                }
            }
        }
    }

    /// Passes over an object's keys and values (its `{` read) up to the first value that is an
    /// array of objects, and stands after that array's `[`; `Some` when there is none (or the
    /// object is broken), with what to report.
    fn enter_wrapped_array(
        &mut self,
        reader: &mut impl BufRead,
        consumed: &mut u64,
    ) -> io::Result<Option<ArrayItem>> {
        loop {
            match self.skip_whitespace(reader, consumed)? {
                Some(b',') => self.take_one(reader, consumed),
                Some(b'}') | None => {
                    self.phase = Phase::Finished;
                    return Ok(Some(ArrayItem::NotArray));
                }
                Some(b'"') => {
                    if let Some(broken) = self.key_and_colon(reader, consumed)? {
                        return Ok(Some(broken));
                    }
                    if self.skip_whitespace(reader, consumed)? != Some(b'[') {
                        if !self.pass_over(reader, consumed, RecordScan::default())? {
                            return Ok(Some(self.broken_object()));
                        }
                        continue;
                    }
                    self.take_one(reader, consumed);
                    if self.skip_whitespace(reader, consumed)? == Some(b'{') {
                        (self.phase, self.opened, self.wrapped) = (Phase::First, true, true);
                        return Ok(None);
                    }
                    // An array of something else: passed over from inside it.
                    if !self.pass_over(reader, consumed, RecordScan::inside_array())? {
                        return Ok(Some(self.broken_object()));
                    }
                }
                Some(_) => {
                    self.phase = Phase::Finished;
                    return Ok(Some(ArrayItem::NotArray));
                }
            }
        }
    }

    /// Passes over what follows the wrapped array in its object, up to the object's `}`; `Some`
    /// when the object is broken.
    fn leave_wrapper(
        &mut self,
        reader: &mut impl BufRead,
        consumed: &mut u64,
    ) -> io::Result<Option<ArrayItem>> {
        loop {
            match self.skip_whitespace(reader, consumed)? {
                Some(b'}') => {
                    self.take_one(reader, consumed);
                    self.phase = Phase::Closed;
                    return Ok(None);
                }
                Some(b',') => {
                    self.take_one(reader, consumed);
                    if self.skip_whitespace(reader, consumed)? != Some(b'"') {
                        return Ok(Some(self.broken_object()));
                    }
                    if let Some(broken) = self.key_and_colon(reader, consumed)? {
                        return Ok(Some(broken));
                    }
                    self.skip_whitespace(reader, consumed)?;
                    if !self.pass_over(reader, consumed, RecordScan::default())? {
                        return Ok(Some(self.broken_object()));
                    }
                }
                _ => return Ok(Some(self.broken_object())),
            }
        }
    }

    /// Passes over a key (at its opening quote) and the colon after it; `Some` when the object
    /// is broken there.
    fn key_and_colon(
        &mut self,
        reader: &mut impl BufRead,
        consumed: &mut u64,
    ) -> io::Result<Option<ArrayItem>> {
        if !self.pass_over(reader, consumed, RecordScan::default())?
            || self.skip_whitespace(reader, consumed)? != Some(b':')
        {
            return Ok(Some(self.broken_object()));
        }
        self.take_one(reader, consumed);
        Ok(None)
    }

    /// Ends the scan in the object that holds (or would hold) the array.
    fn broken_object(&mut self) -> ArrayItem {
        self.broken("the object around the array is not valid JSON".to_string())
    }

    /// Whether the array's opening `[` was read.
    pub(crate) fn opened(&self) -> bool {
        self.opened
    }

    /// Ends the scan with a broken structure at the current line, saying what was found.
    fn broken(&mut self, found: String) -> ArrayItem {
        self.phase = Phase::Finished;
        ArrayItem::Broken {
            line: self.line,
            message: format!("invalid JSON array: {found}; the rest is skipped"),
        }
    }

    /// Ends the scan at the end of the file, before the array's closing `]`.
    fn broken_at_end(&mut self) -> ArrayItem {
        let message = format!(
            "the file ends after record {} without the array's closing `]`",
            self.records
        );
        self.broken(message)
    }

    /// Consumes the byte `skip_whitespace` stopped at.
    fn take_one(&mut self, reader: &mut impl BufRead, consumed: &mut u64) {
        reader.consume(1);
        *consumed += 1;
    }

    /// Consumes whitespace, counting lines; returns the next byte (not consumed), or `None` at
    /// the end of the file.
    fn skip_whitespace(
        &mut self,
        reader: &mut impl BufRead,
        consumed: &mut u64,
    ) -> io::Result<Option<u8>> {
        loop {
            let available = reader.fill_buf()?;
            if available.is_empty() {
                return Ok(None);
            }
            let spaces = available
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
            let used = spaces.unwrap_or(available.len());
            self.line += memchr::memchr_iter(b'\n', &available[..used]).count();
            let next = spaces.map(|i| available[i]);
            reader.consume(used);
            *consumed += used as u64;
            if next.is_some() {
                return Ok(next);
            }
        }
    }

    /// Reads one record, which starts at the next byte: an object or array up to its matching
    /// bracket, a string up to its closing quote, anything else up to the next `,`, `]` or
    /// whitespace.
    fn record(
        &mut self,
        reader: &mut impl BufRead,
        buf: &mut Vec<u8>,
        max: usize,
        consumed: &mut u64,
    ) -> io::Result<ArrayItem> {
        self.records += 1;
        let (n, line) = (self.records, self.line);
        let mut too_long = false;
        let kept = Some((buf, max, &mut too_long));
        if !self.consume_value(reader, consumed, RecordScan::default(), kept)? {
            let message = format!("the file ends inside record {n}");
            return Ok(self.broken(message));
        }
        self.phase = Phase::AfterRecord;
        Ok(ArrayItem::Record { n, line, too_long })
    }

    /// Consumes a value that `scan` ends, counting lines; `false` when the file ends first.
    fn pass_over(
        &mut self,
        reader: &mut impl BufRead,
        consumed: &mut u64,
        scan: RecordScan,
    ) -> io::Result<bool> {
        self.consume_value(reader, consumed, scan, None)
    }

    /// Consumes a value that `scan` ends, counting lines, and keeps its bytes in `kept` (a
    /// buffer, the most it may hold, and whether the value was longer) when given; `false` when
    /// the file ends first.
    fn consume_value(
        &mut self,
        reader: &mut impl BufRead,
        consumed: &mut u64,
        mut scan: RecordScan,
        mut kept: Option<(&mut Vec<u8>, usize, &mut bool)>,
    ) -> io::Result<bool> {
        loop {
            let available = reader.fill_buf()?;
            if available.is_empty() {
                return Ok(false);
            }
            let end = scan.find_end(available);
            let used = end.unwrap_or(available.len());
            let part = &available[..used];
            self.line += memchr::memchr_iter(b'\n', part).count();
            if let Some((buf, max, too_long)) = kept.as_mut() {
                append_limited(buf, part, *max, too_long);
            }
            reader.consume(used);
            *consumed += used as u64;
            if end.is_some() {
                return Ok(true);
            }
        }
    }
}

/// Appends `part` to `buf` unless that takes it over `max` bytes: then the buffer is emptied and
/// `too_long` set, and nothing more is kept.
pub(super) fn append_limited(buf: &mut Vec<u8>, part: &[u8], max: usize, too_long: &mut bool) {
    if *too_long {
        return;
    }
    if buf.len() + part.len() > max {
        *too_long = true;
        buf.clear();
    } else {
        buf.extend_from_slice(part);
    }
}

/// A record's scan across buffer refills: the nesting depth and whether it is inside a string.
#[derive(Debug, Default)]
struct RecordScan {
    started: bool,
    depth: usize,
    in_string: bool,
    escaped: bool,
}

impl RecordScan {
    /// A scan that starts inside an array whose `[` was read: it ends at the array's `]`.
    fn inside_array() -> Self {
        RecordScan {
            started: true,
            depth: 1,
            ..RecordScan::default()
        }
    }

    /// The length of `bytes` that belongs to the record if it ends within them.
    fn find_end(&mut self, bytes: &[u8]) -> Option<usize> {
        for (i, &byte) in bytes.iter().enumerate() {
            let first = !self.started;
            self.started = true;
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if byte == b'\\' {
                    self.escaped = true;
                } else if byte == b'"' {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Some(i + 1);
                    }
                }
                continue;
            }
            match byte {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' if self.depth > 0 => {
                    self.depth -= 1;
                    if self.depth == 0 {
                        return Some(i + 1);
                    }
                }
                // A scalar (or a stray closing bracket) ends before the byte that ends it.
                b'}' | b']' | b',' | b' ' | b'\t' | b'\r' | b'\n' if !first && self.depth == 0 => {
                    return Some(i);
                }
                _ => {}
            }
        }
        None
    }
}

/// A byte as a message shows it.
fn shown(byte: u8) -> String {
    if byte.is_ascii_graphic() {
        format!("`{}`", byte as char)
    } else {
        format!("byte 0x{byte:02X}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every item of `text` read through a buffer of `capacity` bytes, with each record's text.
    fn split(text: &str, capacity: usize, max: usize) -> (Vec<(ArrayItem, String)>, u64) {
        let mut reader = io::BufReader::with_capacity(capacity, text.as_bytes());
        let mut records = ArrayRecords::new();
        let (mut buf, mut consumed, mut items) = (Vec::new(), 0, Vec::new());
        loop {
            let item = records
                .next_record(&mut reader, &mut buf, max, &mut consumed)
                .unwrap();
            let done = !matches!(item, ArrayItem::Record { .. });
            items.push((item, String::from_utf8(buf.clone()).unwrap()));
            if done {
                return (items, consumed);
            }
        }
    }

    /// Asserts that `text`, read through buffers of several sizes, splits into `expected` and is
    /// read to its end.
    fn splits_whole_at_any_buffer_size(text: &str, expected: &[(ArrayItem, String)]) {
        for capacity in [1, 2, 3, 5, 7, 64] {
            let (items, consumed) = split(text, capacity, 1000);
            assert_eq!(items, expected, "buffer of {capacity}");
            assert_eq!(consumed, text.len() as u64);
        }
    }

    fn record(n: usize, line: usize, text: &str) -> (ArrayItem, String) {
        let too_long = false;
        (ArrayItem::Record { n, line, too_long }, text.to_string())
    }

    #[test]
    fn records_of_every_kind_split_at_any_buffer_size() {
        let text = "[\n {\"body\": \"a, [b] {c} \\\" ]\"},\n 7 , \"s,]\" ,[1,[2]],\n{}\n]\n";
        splits_whole_at_any_buffer_size(
            text,
            &[
                record(1, 2, "{\"body\": \"a, [b] {c} \\\" ]\"}"),
                record(2, 3, "7"),
                record(3, 3, "\"s,]\""),
                record(4, 3, "[1,[2]]"),
                record(5, 4, "{}"),
                (ArrayItem::End, String::new()),
            ],
        );
        let (items, _) = split(" [ ] ", 2, 10);
        assert_eq!(items, [(ArrayItem::End, String::new())]);
        let (items, _) = split("[7]", 2, 10);
        assert_eq!(items[0], record(1, 1, "7"));
    }

    #[test]
    fn a_record_over_the_limit_is_read_through_and_flagged() {
        let text = format!(
            "[{{\"body\": \"{}\"}},\n{{\"body\": \"ok\"}}]",
            "x".repeat(100)
        );
        let (items, _) = split(&text, 16, 50);
        let too_long = ArrayItem::Record {
            n: 1,
            line: 1,
            too_long: true,
        };
        assert_eq!(items[0], (too_long, String::new()));
        assert_eq!(items[1], record(2, 2, "{\"body\": \"ok\"}"));
        assert_eq!(items[2].0, ArrayItem::End);
    }

    #[test]
    fn broken_structure_names_its_line_and_stops() {
        for (text, line, message) in [
            (
                "[{}\n{}]",
                2,
                "expected `,` or `]` after record 1, found `{`",
            ),
            (
                "[{},\n]",
                2,
                "a comma after record 1 and no record follows it",
            ),
            ("[{}, {\"a\": \n\"b\"", 2, "the file ends inside record 2"),
            (
                "[{},\n",
                2,
                "the file ends after record 1 without the array's closing `]`",
            ),
            ("[{}]\n\nx", 3, "`x` after the array's closing `]`"),
        ] {
            let (items, _) = split(text, 4, 100);
            let last = items.last().unwrap().0.clone();
            let expected = ArrayItem::Broken {
                line,
                message: format!("invalid JSON array: {message}; the rest is skipped"),
            };
            assert_eq!(last, expected, "{text:?}");
        }
        let (items, _) = split("{\"body\": \"x\"}", 4, 100);
        assert_eq!(items, [(ArrayItem::NotArray, String::new())]);
    }

    #[test]
    fn an_array_of_objects_in_an_object_is_split_and_the_rest_passed_over() {
        let text = "{\"status\": \"ok\", \"n\": 2, \"tags\": [\"a]\", [1]],\n\"meta\": {\"x\": [{}]},\n\
                    \"articles\": [\n{\"body\": \"one\"},\n{\"body\": \"two\"}\n],\n\
                    \"more\": [{\"body\": \"not read\"}], \"end\": true}\n";
        splits_whole_at_any_buffer_size(
            text,
            &[
                record(1, 4, "{\"body\": \"one\"}"),
                record(2, 5, "{\"body\": \"two\"}"),
                (ArrayItem::End, String::new()),
            ],
        );
        // An object with no array of objects; one broken around its array.
        let (items, _) = split("{\"body\": \"x\", \"tags\": [\"a\"]}", 4, 100);
        assert_eq!(items, [(ArrayItem::NotArray, String::new())]);
        let (items, _) = split("{\"a\": [{}], \"b\" 1}", 4, 100);
        assert!(
            matches!(items.last().unwrap().0, ArrayItem::Broken { .. }),
            "{items:?}"
        );
    }

    /// Any JSON value, up to a few levels deep, with strings full of the bytes that matter.
    fn any_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i32>().prop_map(serde_json::Value::from),
            "[\\[\\]{},\"\\\\ \na-zé]{0,12}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
                proptest::collection::btree_map("[a-z\\]\"]{0,4}", inner, 0..4)
                    .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_split_to_an_end_without_panic(
            text in "[\\[\\]{}\",:a1 \n\\\\]{0,80}",
            capacity in 1usize..8,
        ) {
            // Every call consumes input or ends the scan: the items are at most one a byte.
            let (items, consumed) = split(&text, capacity, 16);
            proptest::prop_assert!(items.len() <= text.len() + 1);
            proptest::prop_assert!(consumed <= text.len() as u64);
        }

        #[test]
        fn any_array_splits_into_its_elements(
            mut elements in proptest::collection::vec(any_value(), 0..6),
            pretty: bool,
            capacity in 1usize..40,
            // Wrapped in an object between two other values (the array's first element made an
            // object, as a wrapped array is found by it), or bare.
            wrapped in proptest::option::of((any_value(), any_value())),
        ) {
            let mut array = serde_json::Value::from(elements.clone());
            if let Some((before, after)) = wrapped {
                if !elements.first().is_some_and(serde_json::Value::is_object) {
                    elements.insert(0, serde_json::json!({"a": 1}));
                }
                // Values before the array that are arrays of objects would be taken for it.
                let before = match before {
                    serde_json::Value::Array(_) => serde_json::Value::Null,
                    other => other,
                };
                // (Keys in their sorted order, as serde_json writes them.)
                array = serde_json::json!({"a": before, "b": elements, "c": after});
            }
            let text = if pretty {
                serde_json::to_string_pretty(&array).unwrap()
            } else {
                serde_json::to_string(&array).unwrap()
            };
            let (items, consumed) = split(&text, capacity, usize::MAX);
            let (end, records) = items.split_last().unwrap();
            proptest::prop_assert_eq!(&end.0, &ArrayItem::End);
            let parsed: Vec<serde_json::Value> = records
                .iter()
                .map(|(_, raw)| serde_json::from_str(raw).unwrap())
                .collect();
            proptest::prop_assert_eq!(parsed, elements);
            proptest::prop_assert_eq!(consumed, text.len() as u64);
        }
    }
}
