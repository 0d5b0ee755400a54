//! What a streamed file's line breaks are and how it ends, watched as it is read, for a table
//! reader to tell the line a row starts on (see [`super::csv_file`]): the csv crate counts the
//! lines it has consumed, but not which byte ended a row.

use std::io::Read;
use std::sync::{Arc, Mutex, PoisonError};

/// What has been read of a file so far.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Ends {
    /// Bytes read.
    pub(crate) read: u64,
    /// The last byte read.
    pub(crate) last: Option<u8>,
    /// Whether the file's end has been reached.
    pub(crate) at_end: bool,
    /// Whether its first line break is `\r\n` (None before the first).
    pub(crate) crlf: Option<bool>,
}

/// A reader that passes its input on and keeps [`Ends`] up to date, shared with whoever holds
/// [`LineEnds::ends`] (the reader is handed to the csv crate, which needs it `Send`).
pub(crate) struct LineEnds<R> {
    inner: R,
    ends: Arc<Mutex<Ends>>,
}

impl<R: Read> LineEnds<R> {
    /// Watches `inner`.
    pub(crate) fn new(inner: R) -> LineEnds<R> {
        LineEnds {
            inner,
            ends: Arc::default(),
        }
    }

    /// A handle on what has been read so far.
    pub(crate) fn ends(&self) -> Arc<Mutex<Ends>> {
        Arc::clone(&self.ends)
    }
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut ends = self.ends.lock().unwrap_or_else(PoisonError::into_inner);
        if n == 0 {
            ends.at_end = !buf.is_empty();
            return Ok(0);
        }
        let bytes = &buf[..n];
        if ends.crlf.is_none()
            && let Some(at) = bytes.iter().position(|&b| b == b'\n')
        {
            let before = if at == 0 {
                ends.last
            } else {
                Some(bytes[at - 1])
            };
            ends.crlf = Some(before == Some(b'\r'));
        }
        ends.read += n as u64;
        ends.last = bytes.last().copied();
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watched(bytes: &[u8], chunk: usize) -> Ends {
        let mut reader = LineEnds::new(bytes);
        let ends = reader.ends();
        let mut buf = vec![0; chunk];
        while reader.read(&mut buf).unwrap() > 0 {}
        *ends.lock().unwrap()
    }

    #[test]
    fn the_first_line_break_and_the_last_byte_are_seen_across_chunks() {
        let ends = watched(b"title,body\r\nA,b\r\n", 11);
        assert_eq!(
            ends.crlf,
            Some(true),
            "the \\r ends one chunk, the \\n opens the next"
        );
        assert_eq!((ends.read, ends.last, ends.at_end), (17, Some(b'\n'), true));
        let ends = watched(b"title,body\nA,b\r\nB,", 4);
        assert_eq!(ends.crlf, Some(false));
        assert_eq!(ends.last, Some(b','));
        assert_eq!(watched(b"one line", 64).crlf, None);
    }
}
