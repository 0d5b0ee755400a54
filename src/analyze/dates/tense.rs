//! The tense around a mention, which decides whether a bare "Friday" or
//! "December" points back or forward from the publication date.
//!
//! The sentence holding the mention is cut out with a light boundary rule,
//! its tense markers are found (auxiliaries, common irregular past forms,
//! `-ed` forms), and the marker nearest the mention wins: in "he said the
//! company will pay on Dec. 15", "will" is nearer than "said", so the date is
//! read as future.

/// The tense of the clause around a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    /// Past tense or a past marker.
    Past,
    /// Present tense.
    Present,
    /// Future tense or a future marker.
    Future,
    /// No marker found.
    Unknown,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "inc", "co", "corp", "ltd", "gov", "sen", "rep", "gen", "lt", "col", "no",
    "u.s", "vs", "jr", "sr", "a.m", "p.m",
];

const PAST_WORDS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "made",
    "took",
    "came",
    "went",
    "rose",
    "fell",
    "began",
    "won",
    "lost",
    "met",
    "left",
    "sold",
    "bought",
    "paid",
    "got",
    "saw",
    "held",
    "thought",
    "found",
    "gave",
    "kept",
    "led",
    "ran",
    "spoke",
    "wrote",
    "became",
    "brought",
    "struck",
    "fought",
    "ago",
    "yesterday",
    "knew",
    "grew",
    "sent",
    "spent",
    "felt",
    "heard",
    "meant",
    "built",
    "caught",
    "taught",
    "wasn't",
    "weren't",
    "didn't",
    "hadn't",
    "earlier",
    "flew",
    "drew",
    "broke",
    "chose",
    "froze",
    "stood",
    "understood",
    "withdrew",
];

const ED_EXCEPTIONS: &[&str] = &[
    "need",
    "red",
    "bed",
    "feed",
    "speed",
    "hundred",
    "indeed",
    "proceed",
    "seed",
    "shed",
    "united",
    "limited",
    "based",
    "related",
    "advanced",
    "supposed",
    "used",
    "interested",
    "concerned",
    "detailed",
    "expected",
    "scheduled",
    "planned",
    "proposed",
    "ed",
    "fred",
    "ted",
    "weed",
    "breed",
    "greed",
    "exceed",
    "succeed",
];

const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "won't",
    "wo",
    "tomorrow",
    "upcoming",
    "would",
    "scheduled",
    "until",
    "resume",
    "resumes",
    "planning",
    "plan",
    "postponed",
    "delayed",
    "soon",
    "payable",
    "expect",
    "expects",
];

/// Words that mark the future when "to" follows them: "going to", "set to".
const FUTURE_BEFORE_TO: &[&str] = &[
    "going",
    "expected",
    "expects",
    "plans",
    "planned",
    "intends",
    "due",
    "set",
    "is",
    "are",
    "likely",
    "plan",
    "supposed",
    "agreed",
    "agreement",
    "promised",
    "pledged",
    "vowed",
    "hopes",
];

const PRESENT_WORDS: &[&str] = &["is", "are", "am", "says", "say", "isn't", "aren't"];

/// Which of the word lists above a word is in: one bit a list.
mod class {
    pub(super) const ABBREVIATION: u8 = 1;
    pub(super) const PAST: u8 = 2;
    pub(super) const ED_EXCEPTION: u8 = 4;
    pub(super) const FUTURE: u8 = 8;
    pub(super) const FUTURE_BEFORE_TO: u8 = 16;
    pub(super) const PRESENT: u8 = 32;
}

/// The lists `word` (lower case) is in, as [`class`] bits: one hash lookup instead of a walk
/// along each list (a sentence's words were compared with the lists one by one for every date
/// mentioned, a tenth of date extraction).
fn classes(word: &str) -> u8 {
    static CLASSES: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        let mut classes = rustc_hash::FxHashMap::default();
        for (list, bit) in [
            (ABBREVIATIONS, class::ABBREVIATION),
            (PAST_WORDS, class::PAST),
            (ED_EXCEPTIONS, class::ED_EXCEPTION),
            (FUTURE_WORDS, class::FUTURE),
            (FUTURE_BEFORE_TO, class::FUTURE_BEFORE_TO),
            (PRESENT_WORDS, class::PRESENT),
        ] {
            for &word in list {
                *classes.entry(word).or_insert(0) |= bit;
            }
        }
        classes
    });
    classes.get(word).copied().unwrap_or(0)
}

/// Whether `word` (lower case) is in the lists of `bits`.
fn is(word: &str, bits: u8) -> bool {
    classes(word) & bits != 0
}

/// The byte range of the sentence around `start..end`, at most a few hundred
/// bytes each way.
fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let lo_limit = start.saturating_sub(300);
    let mut lo = lo_limit;
    let mut i = start;
    while i > lo_limit {
        i -= 1;
        if is_boundary(text, i) {
            lo = i + 1;
            break;
        }
    }
    let hi_limit = (end + 300).min(bytes.len());
    let mut hi = hi_limit;
    let mut j = end;
    while j < hi_limit {
        if is_boundary(text, j) {
            hi = j;
            break;
        }
        j += 1;
    }
    while lo < hi && !text.is_char_boundary(lo) {
        lo += 1;
    }
    while hi > lo && !text.is_char_boundary(hi) {
        hi -= 1;
    }
    (lo, hi)
}

#[inline]
fn is_boundary(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    if !matches!(bytes[i], b'\n' | b'!' | b'?' | b'.') {
        return false;
    }
    ends_sentence(text, i)
}

/// [`is_boundary`] for the bytes that may end a sentence.
fn ends_sentence(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    match bytes[i] {
        b'\n' => bytes.get(i + 1) == Some(&b'\n') || i > 0 && bytes[i - 1] == b'\n',
        b'!' | b'?' => bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()),
        b'.' => {
            if !bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()) {
                return false;
            }
            let word_start = bytes[..i]
                .iter()
                .rposition(|b| b.is_ascii_whitespace())
                .map_or(0, |p| p + 1);
            let word = &bytes[word_start..i];
            let next = bytes[i + 1..].iter().find(|b| !b.is_ascii_whitespace());
            !is_abbreviation(word) && next.is_none_or(|b| !b.is_ascii_lowercase())
        }
        _ => false,
    }
}

/// Whether the bytes before a full stop are an abbreviation ("Feb", "Mr"), in any case.
fn is_abbreviation(word: &[u8]) -> bool {
    let mut lower = [0u8; 16];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    for (to, from) in lower.iter_mut().zip(word) {
        *to = from.to_ascii_lowercase();
    }
    std::str::from_utf8(lower).is_ok_and(|word| is(word, class::ABBREVIATION))
}

/// The tense of the sentence around `start..end` in `text`.
pub(super) fn tense_at(text: &str, start: usize, end: usize) -> Tense {
    if start > end || end > text.len() {
        return Tense::Unknown;
    }
    let (lo, hi) = sentence(text, start, end);
    let mut scan = Scan {
        text,
        start,
        end,
        best: None,
        lower: String::new(),
        prev_lower: String::new(),
    };
    if until_opens_past_perfect(text, lo, hi, start) {
        return Tense::Past;
    }
    let mut current: Option<usize> = None;
    for (i, c) in text[lo..hi].char_indices() {
        if c.is_alphanumeric() || c == '\'' {
            if current.is_none() && scan.settled(lo + i) {
                // No word from here on is nearer than the marker found.
                return scan.best.map_or(Tense::Unknown, |(_, t)| t);
            }
            current.get_or_insert(lo + i);
        } else if let Some(b) = current.take()
            && let Some(t) = scan.word(b, lo + i)
        {
            return t;
        }
    }
    if let Some(b) = current
        && let Some(t) = scan.word(b, hi)
    {
        return t;
    }
    scan.best.map_or(Tense::Unknown, |(_, t)| t)
}

/// Whether the sentence `lo..hi` opens with "Until" (or "Up until") right
/// before the mention at `start` and goes on in the past perfect: "Until
/// Thursday, they had not called Kopp a suspect" looks back from a past
/// point, where "until" otherwise points ahead ("the offer runs until Friday").
fn until_opens_past_perfect(text: &str, lo: usize, hi: usize, start: usize) -> bool {
    let Some(head) = text.get(lo..start) else {
        return false;
    };
    // The head's words, three at most: it must be "until" or "up until" alone.
    let mut words = head
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty());
    let first_three = [words.next(), words.next(), words.next()];
    let word = |w: Option<&str>, wanted: &str| w.is_some_and(|w| w.eq_ignore_ascii_case(wanted));
    let opens = match first_three {
        [first, None, None] => word(first, "until"),
        [first, second, None] => word(first, "up") && word(second, "until"),
        _ => false,
    };
    opens
        && text[start..hi]
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| w == "had" || w == "hadn't")
}

/// The walk over a sentence's words, keeping the nearest tense marker; the
/// two lower-case buffers are reused from word to word.
struct Scan<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    best: Option<(usize, Tense)>,
    /// The current word in lower case.
    lower: String,
    /// The previous word in lower case ("" at the mention).
    prev_lower: String,
}

impl Scan<'_> {
    /// Whether a word starting at `w_start` could no longer change the walk's answer: it is
    /// after the mention, no nearer to it than the best marker, and words after the mention
    /// only update the best marker (only "effective", before it, ends the walk).
    fn settled(&self, w_start: usize) -> bool {
        w_start >= self.end
            && self
                .best
                .is_some_and(|(nearest, _)| w_start - self.end >= nearest)
    }

    /// Looks at the word `w_start..w_end`; `Some` ends the walk with that tense.
    fn word(&mut self, w_start: usize, w_end: usize) -> Option<Tense> {
        let (text, start, end) = (self.text, self.start, self.end);
        let word = &text[w_start..w_end];
        // "effective Feb. 1": a change announced for a date to come.
        if w_end <= start
            && word.eq_ignore_ascii_case("effective")
            && text[w_end..start].trim().is_empty()
        {
            return Some(Tense::Future);
        }
        if w_start < end && w_end > start {
            self.prev_lower.clear();
            return None;
        }
        self.lower.clear();
        self.lower
            .extend(word.chars().map(|c| c.to_ascii_lowercase()));
        let lw = self.lower.trim_matches('\'');
        let tense = classify(lw, &self.prev_lower);
        if !lw.is_empty() {
            // The previous word as written, lower-cased (quotes kept).
            std::mem::swap(&mut self.lower, &mut self.prev_lower);
        }
        let tense = tense?;
        let dist = if w_end <= start {
            start - w_end
        } else {
            w_start - end
        };
        if self.best.is_none_or(|(d, _)| dist < d) {
            self.best = Some((dist, tense));
        }
        None
    }
}

/// The tense `word` marks after `prev` (both in lower case), if any.
fn classify(word: &str, prev: &str) -> Option<Tense> {
    // "has been": the present perfect reports the past.
    if word == "been" && matches!(prev, "has" | "have" | "had" | "hasn't" | "haven't") {
        return Some(Tense::Past);
    }
    // "will be named", "is expected": a participle after "be" takes its
    // tense from the auxiliary, which is counted on its own.
    if matches!(
        prev,
        "be" | "been" | "being" | "is" | "are" | "am" | "was" | "were"
    ) && !is(word, class::FUTURE)
        && (is(word, class::PAST) || word.ends_with("ed"))
    {
        return None;
    }
    // "since Oct. 23": a starting point in the past.
    if word == "since" {
        return Some(Tense::Past);
    }
    if word == "to" {
        // "going to", "expected to", "set to": the marker is the pair.
        return is(prev, class::FUTURE_BEFORE_TO).then_some(Tense::Future);
    }
    // "the plan", "its plan": a noun, not an intention.
    if word == "plan"
        && matches!(
            prev,
            "a" | "an" | "the" | "its" | "their" | "his" | "her" | "this" | "that"
        )
    {
        return None;
    }
    let classes = classes(word);
    if word.ends_with("'ll") || classes & class::FUTURE != 0 {
        return Some(Tense::Future);
    }
    if classes & class::PAST != 0 {
        return Some(Tense::Past);
    }
    if classes & class::PRESENT != 0 {
        return Some(Tense::Present);
    }
    // "a still unspecified date", "the untouched markets": adjectives.
    if word.len() > 4
        && word.ends_with("ed")
        && !word.starts_with("un")
        && !matches!(
            prev,
            "a" | "an" | "the" | "its" | "their" | "his" | "her" | "still"
        )
        && classes & class::ED_EXCEPTION == 0
        && word.bytes().all(|b| b.is_ascii_lowercase())
    {
        return Some(Tense::Past);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str) -> Tense {
        let start = text.find(word).unwrap();
        tense_at(text, start, start + word.len())
    }

    #[test]
    fn nearest_marker_wins() {
        assert_eq!(
            at("The company said it will pay on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(at("The talks ended on Friday.", "Friday"), Tense::Past);
        assert_eq!(
            at("He was in Paris. The vote is on Friday.", "Friday"),
            Tense::Present
        );
        assert_eq!(at("Talks on Friday", "Friday"), Tense::Unknown);
        assert_eq!(at("They're going to meet Friday.", "Friday"), Tense::Future);
    }

    #[test]
    fn payments_expectations_and_plans() {
        // A dividend declared in the past is paid on a date to come.
        assert_eq!(
            at("The board declared a dividend payable Jan. 4.", "Jan. 4"),
            Tense::Future
        );
        assert_eq!(
            at("Analysts said they expect a decision in March.", "March"),
            Tense::Future
        );
        assert_eq!(
            at("The talks were supposed to end in June.", "June"),
            Tense::Future
        );
        // "the plan" is a noun: the past verb decides.
        assert_eq!(
            at("The bank announced the plan Aug. 21.", "Aug. 21"),
            Tense::Past
        );
    }

    #[test]
    fn sentences_do_not_leak() {
        assert_eq!(
            at("It rained. Mr. Smith arrives Friday", "Friday"),
            Tense::Unknown
        );
    }
}
