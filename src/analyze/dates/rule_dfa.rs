//! The date rule set as a DFA built ahead of time.
//!
//! The rule set (every date pattern in one [`regex::RegexSet`]) tells which rules match a piece
//! of text; its lazy DFA builds its states as text leads it into them, and news text keeps
//! leading it into new ones: on known-item Reuters a first pass over the pieces took 160 ms and
//! a second over the same text 52 ms, the difference spent building states, in each thread
//! that scans. The whole automaton, minimised, is 8 MB as a dense DFA, 160 KB compressed:
//! `models/date_rules.dfa.zst` holds it, built from the patterns by the ignored test
//! `write_the_rule_dfa`, and it is searched without building anything (33 ms over the same
//! pieces).
//!
//! It is built without Unicode (ASCII `\s`, `\d` and case folding), which on text that is all
//! ASCII matches exactly what the Unicode patterns match; a piece with other characters is
//! read through a stand-in of one ASCII byte a character (see [`stand_in`]), and the few
//! pieces that have none (a digit other than ASCII, the Kelvin sign) go to the `RegexSet`. A
//! file built from other patterns than the current ones (its header holds a fingerprint of
//! them) or that does not load is not used, and every piece goes to the `RegexSet`; a test
//! fails when the file is out of date.
//!
//! File layout: `LEDEDFA1`, the patterns' fingerprint (XXH3, little-endian u64), the DFA's
//! length in bytes (little-endian u64), then the DFA (`to_bytes_little_endian`) as one zstd
//! frame.

use regex_automata::Input;
use regex_automata::dfa::dense::DFA;
use regex_automata::dfa::{Automaton, OverlappingState};

/// The prebuilt DFA, as written by `write_the_rule_dfa`.
static RULE_DFA_FILE: &[u8] = include_bytes!("../../../models/date_rules.dfa.zst");

/// The first bytes of the file.
const MAGIC: &[u8; 8] = b"LEDEDFA1";

/// The longest DFA the file may announce (a guard against a corrupt length).
const MAX_DFA_BYTES: usize = 256 << 20;

/// The rule set's patterns as one DFA that reports every pattern matching a piece.
pub(super) struct RuleDfa {
    dfa: DFA<&'static [u32]>,
}

impl RuleDfa {
    /// The DFA in `models/date_rules.dfa.zst` if it was built from `patterns` (the rules'
    /// patterns in rule order) and loads on this machine; `None` otherwise.
    pub(super) fn load(patterns: &[&str]) -> Option<RuleDfa> {
        let file = RULE_DFA_FILE;
        if file.get(..8)? != MAGIC {
            return None;
        }
        let fingerprint = u64::from_le_bytes(file.get(8..16)?.try_into().ok()?);
        if fingerprint != patterns_fingerprint(patterns.iter().copied()) {
            return None;
        }
        let len = usize::try_from(u64::from_le_bytes(file.get(16..24)?.try_into().ok()?)).ok()?;
        if len > MAX_DFA_BYTES {
            return None;
        }
        // The DFA is read in place as u32s: decompress it at a 4-byte boundary.
        let mut buffer = vec![0u8; len + 3];
        let offset = buffer.as_ptr().align_offset(4);
        if offset > 3 {
            return None;
        }
        let written = zstd::bulk::Decompressor::new()
            .ok()?
            .decompress_to_buffer(&file[24..], &mut buffer[offset..offset + len])
            .ok()?;
        if written != len {
            return None;
        }
        // Kept for the process's life, like the other compiled patterns.
        let bytes: &'static [u8] = &Box::leak(buffer.into_boxed_slice())[offset..offset + len];
        let (dfa, _) = DFA::from_bytes(bytes).ok()?;
        (dfa.pattern_len() == patterns.len()).then_some(RuleDfa { dfa })
    }

    /// The buffers a search needs, one per scanning call.
    pub(super) fn scratch(&self) -> Scratch {
        Scratch {
            last_end: vec![None; self.dfa.pattern_len()],
            found: Vec::new(),
            stand_in: Vec::new(),
        }
    }

    /// The rules whose patterns match somewhere in `piece`, each with where its last match in
    /// the piece ends (for a piece of ASCII; the piece's end otherwise), in `scratch`; `None`
    /// when the DFA cannot answer for this piece (a character it cannot stand for, see
    /// [`stand_in`]) and the caller asks the `RegexSet`.
    pub(super) fn matches<'s>(
        &self,
        piece: &str,
        scratch: &'s mut Scratch,
    ) -> Option<&'s [(usize, usize)]> {
        let ascii = piece.is_ascii();
        let haystack = if ascii {
            piece.as_bytes()
        } else {
            stand_in(piece, &mut scratch.stand_in)?;
            &scratch.stand_in
        };
        scratch.found.clear();
        // Every match's end, for every pattern: the DFA is built to report them all.
        let input = Input::new(haystack);
        let mut state = OverlappingState::start();
        let searched = loop {
            if self
                .dfa
                .try_search_overlapping_fwd(&input, &mut state)
                .is_err()
            {
                break false;
            }
            let Some(found) = state.get_match() else {
                break true;
            };
            let end = if ascii { found.offset() } else { piece.len() };
            let last = &mut scratch.last_end[found.pattern().as_usize()];
            if last.is_none() {
                scratch.found.push((found.pattern().as_usize(), 0));
            }
            *last = Some(last.map_or(end, |before: usize| before.max(end)));
        };
        // Taken back either way, so that the next piece starts from none.
        for (pattern, end) in &mut scratch.found {
            *end = scratch.last_end[*pattern].take().unwrap_or(piece.len());
        }
        searched.then_some(&scratch.found[..])
    }
}

/// What [`RuleDfa::matches`] works in.
pub(super) struct Scratch {
    /// Per pattern, the end of its last match found so far in the piece being searched.
    last_end: Vec<Option<usize>>,
    /// The patterns matched, in the order first found, with their last matches' ends.
    found: Vec<(usize, usize)>,
    stand_in: Vec<u8>,
}

/// The characters other than ASCII that appear in the patterns themselves (kept as they are).
pub(super) const PATTERN_CHARS: &[char] = &['–'];

/// The byte that stands in for a character no pattern can match.
pub(super) const NOTHING: u8 = 0x01;

/// The byte that stands in for whitespace other than ASCII: the vertical tab, which `\s`
/// matches and no pattern names (a space would match `[- ]`, which a no-break space does not).
pub(super) const SPACE: u8 = 0x0b;

/// Writes into `out` a text the ASCII DFA reads as the Unicode patterns read `piece`.
///
/// In the patterns (a test checks it) a character other than ASCII can only be matched by
/// `\s` (Unicode whitespace), `\d` (Unicode digits), case-insensitive ASCII letters (the
/// Kelvin sign is a `k` and the long s an `s`) or a literal of [`PATTERN_CHARS`], and is
/// never a word character for their ASCII `\b`. So whitespace becomes [`SPACE`], a pattern
/// character stays, and any other character becomes [`NOTHING`], which no pattern matches
/// and which is not a word character either: one character for one, so counted repetitions
/// count the same. A digit or a character whose case maps to ASCII has no such stand-in:
/// `None`.
fn stand_in(piece: &str, out: &mut Vec<u8>) -> Option<()> {
    out.clear();
    out.reserve(piece.len());
    for c in piece.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if c.is_whitespace() {
            out.push(SPACE);
        } else if PATTERN_CHARS.contains(&c) {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        } else if c.is_numeric() || case_maps_to_ascii(c) {
            return None;
        } else {
            out.push(NOTHING);
        }
    }
    Some(())
}

/// Whether a case-insensitive ASCII pattern may match `c` (the Kelvin sign, the long s).
pub(super) fn case_maps_to_ascii(c: char) -> bool {
    c.to_lowercase()
        .chain(c.to_uppercase())
        .any(|m| m.is_ascii())
}

/// A fingerprint of the patterns, in order: the DFA answers for these and no others.
fn patterns_fingerprint<'a>(patterns: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for pattern in patterns {
        hasher.update(pattern.as_bytes());
        hasher.update(&[0]);
    }
    hasher.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds the DFA from the current patterns and writes `models/date_rules.dfa.zst`: run it
    /// after changing a date rule (`cargo test --release --lib write_the_rule_dfa -- --ignored`,
    /// about 15 s), then the tests again.
    #[test]
    #[ignore = "writes models/date_rules.dfa.zst; run after changing a date rule"]
    fn write_the_rule_dfa() {
        use regex_automata::MatchKind;
        use regex_automata::dfa::dense;
        use regex_automata::nfa::thompson;
        use regex_automata::util::syntax;

        let patterns: Vec<&str> = super::super::scan::rule_patterns().collect();
        let dfa = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .match_kind(MatchKind::All)
                    .starts_for_each_pattern(false)
                    .minimize(true),
            )
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .thompson(thompson::Config::new().utf8(false).shrink(true))
            .build_many(&patterns)
            .expect("the date patterns build a DFA");
        let (bytes, pad) = dfa.to_bytes_little_endian();
        let bytes = &bytes[pad..];
        let mut file = Vec::from(&MAGIC[..]);
        file.extend(patterns_fingerprint(patterns.iter().copied()).to_le_bytes());
        file.extend((bytes.len() as u64).to_le_bytes());
        file.extend(zstd::bulk::compress(bytes, 19).expect("zstd compresses"));
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/models/date_rules.dfa.zst");
        std::fs::write(path, &file).expect("writes the DFA file");
        eprintln!(
            "{path}: {} bytes ({} uncompressed)",
            file.len(),
            bytes.len()
        );
    }
}
