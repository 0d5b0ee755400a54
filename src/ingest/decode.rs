//! Turning a file's bytes into text: UTF-8 by default, UTF-16 when a byte order mark says so, and
//! Windows-1252 (the superset of Latin-1 that old news archives use) when the bytes are not UTF-8
//! but read plausibly as 1252. Anything else is refused with a reason rather than indexed as
//! mojibake; a decoded file is always reported, so a decoding never goes unnoticed.

use std::borrow::Cow;

/// Bytes that Windows-1252 leaves undefined: their presence means the text is in another encoding.
const UNDEFINED_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// At most this share of the non-blank bytes may be non-ASCII for a text to pass as 1252: Western
/// European prose has a few accented letters among ASCII ones, while Cyrillic, Greek or CJK text in
/// a legacy encoding is made mostly of high bytes.
const MAX_HIGH_SHARE: f64 = 0.4;

/// A run of this many consecutive non-ASCII bytes does not occur in 1252 prose (accented letters come
/// one or two at a time) but does in double-byte encodings.
const MAX_HIGH_RUN: usize = 4;

/// What decoding gave.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Decoded<'a> {
    /// Text, with a note saying which encoding it was decoded from when it was not UTF-8.
    Text(Cow<'a, str>, Option<String>),
    /// The bytes are not text lede can decode; the reason says why.
    Refused(String),
}

/// The 1-based line of byte `offset`.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count()
}

/// Decodes text that starts with a UTF-16 byte order mark, or returns `None` when it has none.
pub(crate) fn decode_utf16(bytes: &[u8]) -> Option<Decoded<'_>> {
    let (encoding, bom) = encoding_rs::Encoding::for_bom(bytes)?;
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    let name = encoding.name();
    Some(
        match encoding.decode_without_bom_handling_and_without_replacement(&bytes[bom..]) {
            Some(text) => Decoded::Text(
                Cow::Owned(text.into_owned()),
                Some(format!("decoded from {name} (byte order mark)")),
            ),
            None => Decoded::Refused(format!("malformed {name} text")),
        },
    )
}

/// How far into a web page or an XML file its declared encoding is looked for (browsers look
/// in the first 1,024 bytes; an XML declaration comes first).
const DECLARATION_PROBE_BYTES: usize = 1024;

/// Decodes a web page or XML file that is not UTF-8 by the encoding it declares (`<meta
/// charset="shift_jis">`, `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`,
/// `<?xml version="1.0" encoding="ISO-8859-7"?>`), as browsers do; `None` when the bytes are
/// UTF-8, declare nothing lede knows, declare UTF-8, or are malformed in what they declare (then
/// the usual guess applies). Returns the text and a note saying how it was decoded.
pub(crate) fn decode_declared(bytes: &[u8]) -> Option<(String, String)> {
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let encoding = declared_encoding(&bytes[..bytes.len().min(DECLARATION_PROBE_BYTES)])?;
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    let note = format!("decoded from {} (declared in the file)", encoding.name());
    Some((text.into_owned(), note))
}

/// The encoding named by the first `charset=` or `encoding=` in `head`, ASCII case ignored.
fn declared_encoding(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower = head.to_ascii_lowercase();
    ["charset", "encoding"]
        .iter()
        .filter_map(|key| {
            let at = memchr::memmem::find(&lower, key.as_bytes())?;
            let mut rest = lower[at + key.len()..].trim_ascii_start();
            rest = rest.strip_prefix(b"=")?.trim_ascii_start();
            rest = rest
                .strip_prefix(b"\"")
                .or(rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|&b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                })
                .unwrap_or(rest.len());
            Some((at, &rest[..end]))
        })
        .min_by_key(|&(at, _)| at)
        .and_then(|(_, label)| encoding_rs::Encoding::for_label(label))
}

/// Decodes bytes that hold no NUL: UTF-8 when valid, else Windows-1252 when plausible. Messages
/// place the first byte that is not UTF-8 by line and byte when `lines` is set (a whole file), by
/// byte alone otherwise (one line of a `.jsonl` file).
pub(crate) fn decode(bytes: &[u8], lines: bool) -> Decoded<'_> {
    decode_from(bytes, lines.then_some((1, 0)))
}

/// [`decode`] for bytes that start at `start`, their first line and byte offset in their file
/// (a piece of a streamed file), which messages place bytes by; by byte alone within the bytes
/// when `None`.
pub(crate) fn decode_from(bytes: &[u8], start: Option<(usize, u64)>) -> Decoded<'_> {
    let err = match std::str::from_utf8(bytes) {
        Ok(text) => return Decoded::Text(Cow::Borrowed(text), None),
        Err(err) => err,
    };
    let first = err.valid_up_to();
    let offset = start.map_or(0, |(_, byte)| byte);
    let at = match start {
        Some((line, byte)) => format!(
            "line {}, byte {}",
            line + line_of(bytes, first) - 1,
            byte + first as u64
        ),
        None => format!("byte {first}"),
    };
    if let Some(reason) = not_1252(bytes, offset) {
        return Decoded::Refused(format!("not valid UTF-8 ({at}) and {reason}"));
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    Decoded::Text(
        Cow::Owned(text.into_owned()),
        Some(format!(
            "not valid UTF-8 ({at}): decoded as Windows-1252 (Latin-1)"
        )),
    )
}

/// Why bytes that are not UTF-8 do not read as Windows-1252 either, or `None` when they do;
/// bytes are placed counting from `offset`.
fn not_1252(bytes: &[u8], offset: u64) -> Option<String> {
    if let Some(pos) = bytes.iter().position(|b| UNDEFINED_1252.contains(b)) {
        return Some(format!(
            "not Windows-1252 either (byte 0x{:02X} at {} is undefined there)",
            bytes[pos],
            offset + pos as u64
        ));
    }
    if let Some(pos) = bytes
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
    {
        return Some(format!(
            "holds a control byte (0x{:02X} at {})",
            bytes[pos],
            offset + pos as u64
        ));
    }
    let utf8_sequences = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if utf8_sequences {
        return Some("mixes UTF-8 with other bytes (two encodings in one file?)".into());
    }
    let (mut high, mut visible, mut run, mut longest) = (0usize, 0usize, 0usize, 0usize);
    for &b in bytes {
        if !b.is_ascii_whitespace() {
            visible += 1;
        }
        if b >= 0x80 {
            high += 1;
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    if longest >= MAX_HIGH_RUN || high as f64 > MAX_HIGH_SHARE * visible as f64 {
        return Some("does not read as Windows-1252 text (another legacy encoding?)".into());
    }
    None
}

/// A warning for UTF-8 text that looks already garbled: UTF-8 that was decoded as 1252 and encoded
/// again ("Ã©" for "é", "â€™" for "’").
pub(crate) fn mojibake_warning(text: &str) -> Option<String> {
    // Both marks (`Ã`, `â`) open with the byte 0xC3, which is always a character's first:
    // only there is a character looked at, not at each of a file's characters.
    memchr::memchr_iter(0xC3, text.as_bytes()).find_map(|at| garbled_at(&text[at..]))
}

/// The warning for `text` when it opens with mojibake.
fn garbled_at(text: &str) -> Option<String> {
    let mut chars = text.chars();
    let c = chars.next()?;
    let garbled = match (c, chars.clone().next()) {
        ('Ã', Some(n)) => {
            ('\u{80}'..='\u{BF}').contains(&n) || "€‚ƒ„…†‡ˆ‰Š‹Œ‘’“”•–—˜™š›œŸ©".contains(n)
        }
        ('â', Some('€')) => true,
        _ => false,
    };
    if !garbled {
        return None;
    }
    let sample: String = std::iter::once(c)
        .chain(chars.take(2).take_while(|c| !c.is_ascii()))
        .collect();
    Some(format!(
        "looks double-encoded (mojibake such as {sample:?}); indexed as it is"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(decoded: Decoded<'_>) -> (String, Option<String>) {
        match decoded {
            Decoded::Text(text, note) => (text.into_owned(), note),
            Decoded::Refused(reason) => panic!("refused: {reason}"),
        }
    }

    #[test]
    fn utf8_is_borrowed_without_a_note() {
        assert_eq!(
            decode("Café crème".as_bytes(), true),
            Decoded::Text(Cow::Borrowed("Café crème"), None)
        );
    }

    #[test]
    fn latin1_is_decoded_as_1252_with_a_note() {
        let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode("Zürich: “Größe” — café\nline two");
        let (decoded, note) = text(decode(&encoded, true));
        assert_eq!(decoded, "Zürich: “Größe” — café\nline two");
        assert!(note.unwrap().contains("line 1, byte 1"));
    }

    #[test]
    fn other_legacy_encodings_are_refused() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("東京の天気は晴れです。");
        assert!(
            matches!(decode(&sjis, true), Decoded::Refused(r) if r.contains("not valid UTF-8"))
        );
        let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode("Москва сегодня");
        assert!(matches!(decode(&cyrillic, true), Decoded::Refused(_)));
        let mut mixed = "naïve ".as_bytes().to_vec();
        mixed.push(0xE9);
        assert!(matches!(decode(&mixed, true), Decoded::Refused(r) if r.contains("mixes UTF-8")));
        assert!(matches!(decode(b"abc\x81def", false), Decoded::Refused(r) if r.contains("0x81")));
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Grüße".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let (decoded, note) = text(decode_utf16(&bytes).unwrap());
        assert_eq!(decoded, "Grüße");
        assert!(note.unwrap().contains("UTF-16LE"));
        assert!(decode_utf16(b"plain").is_none());
    }

    #[test]
    fn double_encoded_text_is_flagged() {
        assert!(mojibake_warning("It’s fine, café").is_none());
        assert!(mojibake_warning("Itâ€™s broken").is_some());
        assert!(mojibake_warning("cafÃ© au lait").is_some());
        // Letters that open with the same byte are no mojibake; one further on still is.
        assert!(mojibake_warning("SÃO PAULO, l'âge, Ãx").is_none());
        let warning = mojibake_warning("SÃO PAULO, l'âge, cafÃ© au lait").unwrap();
        assert!(warning.contains(r#""Ã©""#), "{warning}");
    }
}
