//! Paths as lede records and shows them. A file name need not be UTF-8 on Unix; written lossily
//! (U+FFFD for each stray byte), `caf\xE9.txt` and `caf\xE8.txt` became one name: one file's
//! articles were dropped as duplicates, and deleting the other left its articles in the index.

use std::path::Path;

/// A path's text: the path itself when it is UTF-8; otherwise each byte that is not part of UTF-8
/// written as `\xNN`, so that names differing only in such bytes stay different.
pub fn path_text(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if let Ok(text) = std::str::from_utf8(bytes) {
            return text.to_string();
        }
        let mut text = String::with_capacity(bytes.len() + 8);
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            for byte in chunk.invalid() {
                text.push_str(&format!("\\x{byte:02X}"));
            }
        }
        text
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned()
    }
}

/// Whether a recorded file (its [`path_text`]) lies under `root` (a folder, or the file itself).
pub fn lies_under(file: &str, root: &Path) -> bool {
    Path::new(file).starts_with(path_text(root))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct_and_readable() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let name = |bytes: &[u8]| path_text(Path::new(OsStr::from_bytes(bytes)));
        assert_eq!(name(b"/news/caf\xE9.txt"), "/news/caf\\xE9.txt");
        assert_eq!(name(b"/news/caf\xE8.txt"), "/news/caf\\xE8.txt");
        assert_eq!(name("/news/café.txt".as_bytes()), "/news/café.txt");
        assert_eq!(
            name(b"/n\xFF\xFEws/caf\xC3\xA9\xE9"),
            "/n\\xFF\\xFEws/café\\xE9"
        );
        let folder = Path::new(OsStr::from_bytes(b"/news/\xE9t\xE9"));
        assert!(lies_under(&name(b"/news/\xE9t\xE9/a.txt"), folder));
        assert!(!lies_under(&name(b"/news/\xE9t\xE9x/a.txt"), folder));
        assert!(lies_under("/news/a.txt", Path::new("/news")));
    }
}
