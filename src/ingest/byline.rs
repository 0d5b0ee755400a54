//! The writers a byline names, each counted on its own by `lede facets --field author`:
//! `By Chaitanya Kalbag, Reuters` is Chaitanya Kalbag, `By JOHN DOE and MARY ROE, Times Staff
//! Writers` is John Doe and Mary Roe. Readers keep a byline whole but for its `By`
//! ([`without_by`]) in the article's `author`; these are the names under it, which the index
//! counts.

/// A byline without the `By` before the names.
pub(crate) fn without_by(byline: &str) -> &str {
    let trimmed = byline.trim();
    match trimmed.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => trimmed[3..].trim_start(),
        _ => trimmed,
    }
}

/// What joins two writers' names.
const JOINS: [&str; 3] = [" and ", " AND ", " & "];

/// The writers `byline` names, as written but for names in capitals alone, which are written
/// with a capital at the start of each word (`JULIE VORMAN` is `Julie Vorman`): what follows a
/// comma, semicolon or dash (the writer's agency or desk) is left out. A byline with no name
/// before its comma is itself one writer.
pub(crate) fn writers(byline: &str) -> Vec<String> {
    let names = without_by(byline)
        .split([',', ';'])
        .next()
        .and_then(|names| names.split(" - ").next())
        .unwrap_or_default();
    let mut found = vec![names];
    for join in JOINS {
        found = found
            .into_iter()
            .flat_map(|part| part.split(join))
            .collect();
    }
    let found: Vec<String> = found
        .into_iter()
        .map(str::trim)
        .filter(|name| name.chars().any(char::is_alphabetic))
        .map(written)
        .collect();
    if found.is_empty() && !byline.trim().is_empty() {
        return vec![written(byline.trim())];
    }
    found
}

/// A name in capitals alone with a capital at the start of each word and after an apostrophe,
/// hyphen or `Mc` (`MARK O'NEILL` is `Mark O'Neill`); any other name as it is.
fn written(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    // The letters of the word being written, as written.
    let mut word = String::new();
    for c in name.chars() {
        if !c.is_alphabetic() {
            out.push(c);
            word.clear();
        } else if word.is_empty() || word == "Mc" {
            out.push(c);
            word.push(c);
        } else {
            for lower in c.to_lowercase() {
                out.push(lower);
                word.push(lower);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_names_its_writers_without_their_agency() {
        for (byline, names) in [
            ("By Chaitanya Kalbag, Reuters", &["Chaitanya Kalbag"][..]),
            ("  By JULIE VORMAN, Reuters", &["Julie Vorman"]),
            (
                "By JOHN DOE and MARY ROE, Times Staff Writers",
                &["John Doe", "Mary Roe"],
            ),
            ("BY MARK O'NEILL; Special to The Times", &["Mark O'Neill"]),
            ("By PAT MCCUNE - Chicago desk", &["Pat McCune"]),
            ("Ann Example", &["Ann Example"]),
            ("Reuters", &["Reuters"]),
            (", Reuters", &[", Reuters"]),
            ("", &[]),
        ] {
            assert_eq!(writers(byline), names, "{byline}");
        }
    }
}
