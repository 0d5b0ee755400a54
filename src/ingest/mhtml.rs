//! Web pages saved as one file (`.mhtml`, `.mht`: "Save as single file" in Chrome, Edge and
//! Opera; MIME's `multipart/related`): the page's HTML part, decoded from its transfer encoding
//! (quoted-printable or base64) and its charset, read as a saved page is (see
//! [`html_page`](super::html_page)); the address the page was saved from is its url when the page
//! names none.

use super::html_page;
use super::{ProblemKind, Report};
use crate::article::Article;
use base64::Engine;

/// A MIME entity's header fields (unfolded) and where its body starts.
struct Entity<'a> {
    fields: Vec<(&'a str, String)>,
    body: &'a str,
}

impl<'a> Entity<'a> {
    /// Splits `text` into header fields and body at the first blank line.
    fn parse(text: &'a str) -> Entity<'a> {
        let text = text.trim_start_matches(['\r', '\n']);
        let (head, body) = match (text.find("\r\n\r\n"), text.find("\n\n")) {
            (Some(crlf), Some(lf)) if lf < crlf => (&text[..lf], &text[lf + 2..]),
            (Some(crlf), _) => (&text[..crlf], &text[crlf + 4..]),
            (None, Some(lf)) => (&text[..lf], &text[lf + 2..]),
            (None, None) => (text, ""),
        };
        let mut fields: Vec<(&str, String)> = Vec::new();
        for line in head.lines() {
            if line.starts_with([' ', '\t']) {
                // A folded field goes on.
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
            } else if let Some((name, value)) = line.split_once(':') {
                fields.push((name.trim(), value.trim().to_string()));
            }
        }
        Entity { fields, body }
    }

    /// A field's value, its name ASCII case ignored.
    fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The media type of `Content-Type`, lower case (`text/html`).
    fn media_type(&self) -> String {
        let value = self.field("Content-Type").unwrap_or("text/plain");
        value
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    }

    /// A parameter of `Content-Type` (`boundary`, `charset`), unquoted.
    fn content_type_parameter(&self, wanted: &str) -> Option<&str> {
        self.field("Content-Type")?
            .split(';')
            .skip(1)
            .find_map(|param| {
                let (name, value) = param.split_once('=')?;
                name.trim()
                    .eq_ignore_ascii_case(wanted)
                    .then(|| value.trim().trim_matches('"'))
            })
    }

    /// The body's bytes, decoded from its `Content-Transfer-Encoding`; `None` for base64 that is
    /// not.
    fn decoded_body(&self) -> Option<Vec<u8>> {
        let encoding = self
            .field("Content-Transfer-Encoding")
            .unwrap_or("7bit")
            .to_ascii_lowercase();
        match encoding.as_str() {
            "quoted-printable" => Some(quoted_printable(self.body)),
            "base64" => {
                let compact: Vec<u8> = self
                    .body
                    .bytes()
                    .filter(|b| !b.is_ascii_whitespace())
                    .collect();
                base64::engine::general_purpose::STANDARD
                    .decode(compact)
                    .ok()
            }
            _ => Some(self.body.as_bytes().to_vec()),
        }
    }
}

/// Decodes quoted-printable text: `=XX` is the byte XX, `=` at a line's end joins the lines.
fn quoted_printable(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'=' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let hex = bytes.get(i + 1..i + 3).and_then(|pair| {
            let pair = std::str::from_utf8(pair).ok()?;
            u8::from_str_radix(pair, 16).ok()
        });
        match (hex, bytes.get(i + 1)) {
            (Some(byte), _) => {
                out.push(byte);
                i += 3;
            }
            (None, Some(b'\r')) if bytes.get(i + 2) == Some(&b'\n') => i += 3,
            (None, Some(b'\n')) => i += 2,
            _ => {
                // A stray `=`: kept, as decoders do.
                out.push(b'=');
                i += 1;
            }
        }
    }
    out
}

/// The page's HTML part: the first `text/html` part of a `multipart/related` message, or the
/// message itself when it is HTML.
fn html_part<'a>(message: &Entity<'a>) -> Option<Entity<'a>> {
    if !message.media_type().starts_with("multipart/") {
        return (message.media_type() == "text/html").then(|| Entity {
            fields: message.fields.clone(),
            body: message.body,
        });
    }
    let delimiter = format!("--{}", message.content_type_parameter("boundary")?);
    message
        .body
        .split(delimiter.as_str())
        .skip(1)
        .take_while(|part| !part.starts_with("--"))
        .map(Entity::parse)
        .find(|part| part.media_type() == "text/html")
}

/// Reads a page saved as MHTML.
pub(crate) fn read(text: &str, path: &str, report: &mut Report<'_>) -> Vec<Article> {
    let message = Entity::parse(text);
    let Some(part) = html_part(&message) else {
        let reason = "MHTML without an HTML part (text/html)";
        report.skip(ProblemKind::InvalidArchive, None, reason);
        return Vec::new();
    };
    let Some(bytes) = part.decoded_body() else {
        let reason = "MHTML page whose base64 does not decode";
        report.skip(ProblemKind::InvalidArchive, None, reason);
        return Vec::new();
    };
    let charset = part.content_type_parameter("charset");
    let encoding = charset
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let (html, _, malformed) = encoding.decode(&bytes);
    if malformed {
        let message = format!(
            "MHTML page not valid {}: malformed bytes replaced",
            encoding.name()
        );
        report.warn(ProblemKind::Encoding, None, message);
    }
    let mut articles = html_page::read(&html, path, report);
    let saved_from = message
        .field("Snapshot-Content-Location")
        .or_else(|| part.field("Content-Location"));
    for article in &mut articles {
        if article.url.is_none() {
            article.url = saved_from.map(str::to_string);
        }
    }
    articles
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page as Chrome saves it: headers, the page in quoted-printable, an image in base64.
    const SAVED: &str = "From: <Saved by Blink>\r\n\
        Snapshot-Content-Location: https://news.example.com/storm\r\n\
        Subject: Storm floods town | Example News\r\n\
        MIME-Version: 1.0\r\n\
        Content-Type: multipart/related;\r\n\
        \ttype=\"text/html\";\r\n\
        \tboundary=\"----MultipartBoundary--X1----\"\r\n\
        \r\n\
        \r\n\
        ------MultipartBoundary--X1----\r\n\
        Content-Type: text/html\r\n\
        Content-ID: <frame-1@mhtml.blink>\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\
        Content-Location: https://news.example.com/storm\r\n\
        \r\n\
        <html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3D=\r\n\
        UTF-8\"><title>Storm floods town</title></head><body><nav>Home</nav><article><p>The r=\r\n\
        iver burst its banks in Porthaven, caf=C3=A9 owners said.</p></article></body></html>\r\n\
        ------MultipartBoundary--X1----\r\n\
        Content-Type: image/png\r\n\
        Content-Transfer-Encoding: base64\r\n\
        Content-Location: https://news.example.com/logo.png\r\n\
        \r\n\
        iVBORw0KGgo=\r\n\
        ------MultipartBoundary--X1------\r\n";

    fn read_saved(text: &str) -> (Vec<Article>, Vec<String>) {
        let mut report = Report::new("p.mhtml");
        let articles = read(text, "p.mhtml", &mut report);
        let problems = report.problems.iter().map(|p| p.to_string()).collect();
        (articles, problems)
    }

    #[test]
    fn a_page_saved_as_one_file_gives_its_article() {
        let (articles, problems) = read_saved(SAVED);
        assert!(problems.is_empty(), "{problems:?}");
        let [article] = articles.as_slice() else {
            panic!("{articles:?}")
        };
        assert_eq!(article.title, "Storm floods town");
        assert_eq!(
            article.body,
            "The river burst its banks in Porthaven, café owners said."
        );
        assert_eq!(
            article.url.as_deref(),
            Some("https://news.example.com/storm")
        );
    }

    #[test]
    fn base64_and_a_declared_charset_are_decoded() {
        let html = "<p>Caf\u{e9} owners said so.</p>";
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(html);
        let encoded = base64::engine::general_purpose::STANDARD.encode(&latin1);
        let (wrapped_first, wrapped_rest) = encoded.split_at(10);
        let saved = format!(
            "Content-Type: text/html; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: base64\n\n{wrapped_first}\n{wrapped_rest}\n"
        );
        let (articles, problems) = read_saved(&saved);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(articles[0].body, "Café owners said so.");
    }

    #[test]
    fn a_message_without_a_page_is_skipped_with_a_reason() {
        let saved = SAVED.replace("Content-Type: text/html\r\n", "Content-Type: text/css\r\n");
        let (articles, problems) = read_saved(&saved);
        assert!(articles.is_empty());
        assert_eq!(
            problems,
            ["p.mhtml: MHTML without an HTML part (text/html)"]
        );
        assert_eq!(quoted_printable("a=3Db=\r\nc=\nd=ZZ="), b"a=bcd=ZZ=");
    }

    proptest::proptest! {
        #[test]
        fn any_edit_of_a_saved_page_is_read_without_panic(
            edits in proptest::collection::vec((0usize..2048, 0usize..64, 0usize..32), 0..12),
            cuts in proptest::collection::vec(0usize..2048, 0..3)
        ) {
            let mut text = crate::ingest::xml_elements::tests::edited(SAVED, &edits);
            for cut in cuts {
                // MIME's own marks: a boundary, a soft line break, an escape.
                let mark = ["------MultipartBoundary--X1----", "=\r\n", "=3D", "\r\n\r\n"][cut % 4];
                let at = (cut * 7) % (text.len() + 1);
                if text.is_char_boundary(at) {
                    text.insert_str(at, mark);
                }
            }
            let mut report = Report::new("p.mhtml");
            for article in read(&text, "p.mhtml", &mut report) {
                proptest::prop_assert!(!article.body.trim().is_empty());
            }
        }
    }
}
