//! Line-oriented input (a batch of queries, documents as JSON Lines) read so that a line that
//! is not text is one bad line, reported with its number, not the end of the run.

use anyhow::Context;
use std::io::BufRead;

/// The lines of `reader`, numbered from 1, without their line endings; a line that is not UTF-8
/// is given as the reason. Reading stops at the end, or with an error naming `name` when the
/// input itself fails.
pub(crate) struct NumberedLines<R> {
    reader: R,
    name: String,
    bytes: Vec<u8>,
    number: usize,
}

impl<R: BufRead> NumberedLines<R> {
    /// Lines of `reader`, whose errors name `name`.
    pub(crate) fn new(reader: R, name: impl Into<String>) -> Self {
        NumberedLines {
            reader,
            name: name.into(),
            bytes: Vec::new(),
            number: 0,
        }
    }

    /// The next line and its number; `None` at the end.
    pub(crate) fn next_line(&mut self) -> anyhow::Result<Option<(usize, Result<&str, String>)>> {
        self.bytes.clear();
        let read = self
            .reader
            .read_until(b'\n', &mut self.bytes)
            .with_context(|| format!("reading {}", self.name))?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        let line = std::str::from_utf8(&self.bytes)
            .map(|line| line.trim_end_matches(['\n', '\r']))
            .map_err(|err| format!("not UTF-8: {err}"));
        Ok(Some((self.number, line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_and_a_bad_one_is_only_itself() {
        let input: &[u8] = b"one\r\n\xff\xfe\n\nlast";
        let mut lines = NumberedLines::new(input, "input");
        let mut got = Vec::new();
        while let Some((n, line)) = lines.next_line().unwrap() {
            got.push((
                n,
                line.map(str::to_string)
                    .map_err(|e| e.starts_with("not UTF-8")),
            ));
        }
        assert_eq!(
            got,
            [
                (1, Ok("one".to_string())),
                (2, Err(true)),
                (3, Ok(String::new())),
                (4, Ok("last".to_string())),
            ]
        );
    }
}
