//! Raw text to tokens and sentences, the CoNLL-2003 way: punctuation split off words,
//! possessive `'s` (also `’s`) a token of its own, abbreviations and initials (`U.S.`,
//! `J.P.`) and hyphenated words kept whole. Every token keeps its byte span in the input.

/// A token of the input text: its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Token {
    /// The token's text in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A tokenised text: tokens in order and sentences as token ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokenized {
    /// All tokens, in text order.
    pub tokens: Vec<Token>,
    /// Sentences as half-open ranges into `tokens`, covering them all in order.
    pub sentences: Vec<std::ops::Range<usize>>,
}

/// The ASCII characters `char::is_whitespace` holds to be: tab, line feed, vertical tab, form
/// feed, carriage return and space.
const ASCII_WHITESPACE: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8 as char).is_whitespace();
        b += 1;
    }
    table
};

const OPENING: &[char] = &['"', '“', '‘', '\'', '(', '[', '{', '«', '„', '<'];
const CLOSING: &[char] = &[
    '"', '”', '’', '\'', ')', ']', '}', '»', ',', ';', ':', '!', '?', '>', '…',
];
/// Words whose full stop is an abbreviation's, not a sentence's end: titles, designators,
/// months, and the given names that firms' names abbreviate (`Alex. Brown and Sons Inc`, which
/// was cut into LOC `Alex` and ORG `Brown and Sons Inc` in 23 known-item articles; `Wm.
/// Wrigley Jr Co`, `Chas. P. Young`).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "plc", "bros",
    "gen", "gov", "sen", "rep", "col", "lt", "capt", "sgt", "rev", "hon", "no", "vs", "etc", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "ave", "alex", "wm", "chas",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Whether `core` (without its final period) reads as an abbreviation or an initial.
fn is_abbreviation(core: &str) -> bool {
    let mut chars = core.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => c.is_alphabetic(),
        _ => {
            core.contains('.') && core.chars().all(|c| c == '.' || c.is_alphabetic())
                || ABBREVIATIONS
                    .iter()
                    .any(|a| a.len() == core.len() && a.eq_ignore_ascii_case(core))
        }
    }
}

/// Where a whitespace-free chunk splits before its words are read: what [`first_split`] finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    /// An angle bracket, a token wherever it stands (wire copy's `Plc<SNB.L>-led`).
    Bracket(usize),
    /// Symbols the wire puts before a word (`****LONDON`, `+Bahia`, `/Exxon`, `...Harsh`) or dots
    /// run between words (`T-bonds..Fed`), a token of their own: [`symbol_run`].
    Symbols(usize, usize),
    /// After a closing quote the wire ran into the next sentence (`added."If`,
    /// `direction,"Carlucci`): the chunk ends there, as if a space followed it.
    Quote(usize),
}

/// The first place `chunk` splits at, in one pass over its bytes (so that a long chunk of many
/// splits is read in linear time).
fn first_split(chunk: &str) -> Option<Split> {
    let bytes = chunk.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'<' | b'>' if bytes.len() > 1 => return Some(Split::Bracket(at)),
            byte if is_symbol(byte) => {
                let end = at + bytes[at..].iter().take_while(|&&b| is_symbol(b)).count();
                if symbol_run(chunk, at, end) {
                    return Some(Split::Symbols(at, end));
                }
                at = end;
                continue;
            }
            b'"' | 0xE2 => {
                if let Some(after) = run_on_quote(bytes, at) {
                    return Some(Split::Quote(after));
                }
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// Splits one whitespace-free chunk starting at byte `base` into tokens; `trailing` is a
/// scratch buffer.
fn split_chunk(mut chunk: &str, mut base: usize, out: &mut Vec<Token>, trailing: &mut Vec<Token>) {
    loop {
        // Most chunks are a plain word or number: no punctuation to split off, no possessive,
        // no dash, so one token (what the steps below give them too).
        if !chunk.is_empty() && chunk.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.push(Token {
                start: base,
                end: base + chunk.len(),
            });
            return;
        }
        let Some(split) = first_split(chunk) else {
            break;
        };
        let (head, token, tail) = match split {
            Split::Bracket(at) => (at, Some(at..at + 1), at + 1),
            Split::Symbols(from, to) => (from, Some(from..to), to),
            Split::Quote(at) => (at, None, at),
        };
        // What comes before the first split splits no more.
        if head > 0 {
            split_words(&chunk[..head], base, out, trailing);
        }
        if let Some(token) = token {
            out.push(Token {
                start: base + token.start,
                end: base + token.end,
            });
        }
        if tail >= chunk.len() {
            return;
        }
        chunk = &chunk[tail..];
        base += tail;
    }
    split_words(chunk, base, out, trailing);
}

/// Splits a whitespace-free chunk without a [`Split`] into tokens: punctuation before and after
/// its words, possessives and joining dashes apart.
fn split_words(chunk: &str, base: usize, out: &mut Vec<Token>, trailing: &mut Vec<Token>) {
    let mut lo = 0;
    let mut hi = chunk.len();
    // Leading punctuation, one token per character.
    while let Some(c) = chunk[lo..hi].chars().next() {
        if hi - lo > c.len_utf8() && OPENING.contains(&c) {
            out.push(Token {
                start: base + lo,
                end: base + lo + c.len_utf8(),
            });
            lo += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, collected in reverse.
    trailing.clear();
    loop {
        let core = &chunk[lo..hi];
        let Some(c) = core.chars().next_back() else {
            break;
        };
        if core.len() == c.len_utf8() {
            break;
        }
        let peel = if core.ends_with("...") && core.len() > 3 {
            3
        } else if core.ends_with("..") && core.len() > 2 {
            // A sentence's period after an abbreviation's (`the U.S..`).
            1
        } else if CLOSING.contains(&c) {
            // Keep a final apostrophe that closes a plural possessive (`states'`) for below.
            if is_apostrophe(c) && core[..core.len() - c.len_utf8()].ends_with(['s', 'S']) {
                break;
            }
            c.len_utf8()
        } else if c == '.' && !is_abbreviation(&core[..core.len() - 1]) {
            1
        } else {
            break;
        };
        trailing.push(Token {
            start: base + hi - peel,
            end: base + hi,
        });
        hi -= peel;
    }
    let core = &chunk[lo..hi];
    // Possessives: `OpenAI's` -> `OpenAI` `'s`; `states'` -> `states` `'`; Reuters' wire
    // writes some as `Venezuela"s` -> `Venezuela` `"s` (read as `'s`, see [`possessive`]).
    let mut split = None;
    let mut rev = core.char_indices().rev();
    if let (Some((i1, c1)), Some((i2, c2))) = (rev.next(), rev.next()) {
        let quote_for_apostrophe = c2 == '"'
            && core[..i2]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
        if (c1 == 's' || c1 == 'S') && (is_apostrophe(c2) || quote_for_apostrophe) && i2 > 0 {
            split = Some(i2);
        } else if is_apostrophe(c1) && (c2 == 's' || c2 == 'S') && i1 > 0 {
            split = Some(i1);
        }
    }
    match split {
        Some(at) => {
            push_inner(core, base + lo, 0, at, out);
            out.push(Token {
                start: base + lo + at,
                end: base + hi,
            });
        }
        None => push_inner(core, base + lo, 0, core.len(), out),
    }
    out.extend(trailing.drain(..).rev());
}

/// The bytes that make up a [`Split::Symbols`] run.
fn is_symbol(byte: u8) -> bool {
    matches!(
        byte,
        b'*' | b'+' | b'/' | b'=' | b'~' | b'|' | b'^' | b'_' | b'.'
    )
}

/// Whether the run of symbols `chunk[from..to]` is no part of a word: `*`, `+`, `/`, `=`, `~`,
/// `|`, `^` and `_` (any mix) opening the chunk before a letter (`****LONDON`, `+Bahia`), or
/// two dots or more before anything (`...Harsh`, `T-bonds..Fed`, `borrowings.....680`,
/// `TANDIL.....--`; one dot is an abbreviation's or a domain's). A leading `+` before a digit
/// (`+1.5`) and a slash between words (`and/or`, `Rolls/Royce`) are not such runs.
fn symbol_run(chunk: &str, from: usize, to: usize) -> bool {
    let next = chunk[to..].chars().next();
    if chunk.as_bytes()[from..to].iter().all(|&b| b == b'.') {
        to - from >= 2 && next.is_some()
    } else {
        from == 0 && next.is_some_and(char::is_alphabetic)
    }
}

/// Whether a closing double quote (straight or curly) at byte `at` follows `.`, `,`, `!` or `?`
/// after a letter or digit and runs into a letter: the byte after the quote.
fn run_on_quote(bytes: &[u8], at: usize) -> Option<usize> {
    let quote = if bytes[at] == b'"' {
        1
    } else if bytes[at..].starts_with("”".as_bytes()) {
        "”".len()
    } else {
        return None;
    };
    (at >= 2
        && matches!(bytes[at - 1], b'.' | b',' | b'!' | b'?')
        && bytes[at - 2].is_ascii_alphanumeric()
        && bytes.get(at + quote).is_some_and(u8::is_ascii_alphabetic))
    .then_some(at + quote)
}

/// Pushes `core[from..to]`, split at dashes (`—`, `–`, `--`) that join words.
fn push_inner(core: &str, base: usize, from: usize, to: usize, out: &mut Vec<Token>) {
    let part = &core[from..to];
    // Joining dashes are `—`, `–` (not ASCII) or runs of `-`: most words have neither.
    if !part.bytes().any(|b| b == b'-' || !b.is_ascii()) {
        if !part.is_empty() {
            out.push(Token {
                start: base + from,
                end: base + to,
            });
        }
        return;
    }
    let mut start = 0;
    let mut iter = part.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let dash_len = if c == '—' || c == '–' {
            c.len_utf8()
        } else if c == '-' && part[i + 1..].starts_with('-') {
            let mut n = 1;
            while part[i + n..].starts_with('-') {
                n += 1;
            }
            n
        } else {
            0
        };
        if dash_len == 0 || part.len() == dash_len {
            continue;
        }
        if i > start {
            out.push(Token {
                start: base + from + start,
                end: base + from + i,
            });
        }
        out.push(Token {
            start: base + from + i,
            end: base + from + i + dash_len,
        });
        start = i + dash_len;
        while iter.peek().is_some_and(|&(j, _)| j < start) {
            iter.next();
        }
    }
    if start < part.len() {
        out.push(Token {
            start: base + from + start,
            end: base + from + part.len(),
        });
    }
}

/// A token as the tagger reads it: the wire's `"s` possessive (`Venezuela"s`) is `'s`.
pub(crate) fn possessive(token: &str) -> &str {
    match token {
        "\"s" => "'s",
        "\"S" => "'S",
        _ => token,
    }
}

fn ends_sentence(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?" | "..." | "…")
}

fn starts_sentence(tok: &str) -> bool {
    tok.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || OPENING.contains(&c) || c == '-')
}

/// The characters of a short text: its bytes when it is ASCII.
fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// Tokenises `text` and splits it into sentences.
///
/// A sentence ends at `.`, `!` or `?` (and any closing quotes) before a capitalised word,
/// at a blank line, and at a line break after a short line (a headline or dateline) or
/// before a list item. A line is short when it has under 70 characters and, in text wrapped at
/// a fixed width (wire copy is wrapped at 60-odd characters, so every line is under 70), when
/// the next line's first word would have fitted on it with a character to spare: a name
/// wrapped across two lines (`Fidelity National Financial` / `Inc said`) was cut in two. A
/// paragraph's first line that is not in capitals is not short by that test when the next line
/// runs on unindented: it may be the tail of a line whose head was cut off (Reuters' dateline),
/// and `Chairman Paul` / `Volcker said` is one name.
pub fn tokenize(text: &str) -> Tokenized {
    // News text has a token every five or six bytes.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    // Index of each token that starts a line, whether a blank line precedes it, the length of
    // the line before it and of the line's first word, in characters, and whether the line
    // before it opens its paragraph and this one, not indented, runs on from it.
    let mut line_breaks: Vec<(usize, bool, usize, usize, bool)> = Vec::new();
    let mut line_opens_paragraph = true;
    // Whether the last line ended was a headline: the first of its paragraph, in capitals.
    let mut last_line_headline = false;
    let mut trailing = Vec::new();
    let mut chunk_start = None;
    let mut newlines = 0usize;
    let mut line_start = 0usize;
    let mut last_line_chars = 0usize;
    let mut widest_line = 0usize;
    // Byte by byte over ASCII, a character at a time otherwise; the end is whitespace too.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i <= bytes.len() {
        let (space, width) = match bytes.get(i) {
            None => (true, 1),
            Some(&b) if b.is_ascii() => (ASCII_WHITESPACE[usize::from(b)], 1),
            Some(_) => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            }
        };
        if space {
            if let Some(s) = chunk_start.take() {
                if newlines > 0 {
                    let word = char_count(&text[s..i]);
                    let blank = newlines > 1;
                    let indented = s > line_start;
                    line_breaks.push((
                        tokens.len(),
                        blank,
                        last_line_chars,
                        word,
                        line_opens_paragraph && !last_line_headline && !blank && !indented,
                    ));
                    line_opens_paragraph = blank;
                }
                newlines = 0;
                split_chunk(&text[s..i], s, &mut tokens, &mut trailing);
            }
            if bytes.get(i) == Some(&b'\n') {
                newlines += 1;
                let line = text[line_start..i].trim_end();
                last_line_chars = char_count(line);
                if newlines == 1 {
                    last_line_headline =
                        line_opens_paragraph && !line.chars().any(char::is_lowercase);
                }
                widest_line = widest_line.max(last_line_chars);
                line_start = i + 1;
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
        i += width;
    }
    widest_line = widest_line.max(char_count(text[line_start.min(text.len())..].trim_end()));
    // Wrapped at a fixed width: at least two lines that end within a fifth of the widest.
    let wrapped = line_breaks
        .iter()
        .filter(|&&(_, _, line, ..)| line * 5 >= widest_line * 4)
        .count()
        >= 2;
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut breaks = line_breaks.iter().peekable();
    for i in 0..tokens.len() {
        while breaks.peek().is_some_and(|&&(t, ..)| t < i) {
            breaks.next();
        }
        let at_break = breaks.peek().filter(|&&&(t, ..)| t == i).map(
            |&&(_, blank, line, word, after_first_line)| {
                // A paragraph's first line may be the tail of a wrapped line whose head was cut
                // off (Reuters' bodies lose their dateline, `SALVADOR, Feb 26 -`, from it), so
                // its shortness says nothing when the next line runs on, not indented (the
                // rows of a table or the paragraphs of wire copy are).
                // With a character to spare: the widest line may be one the wire's wrapper let
                // run a character past its width (`Chairman Paul` / `Volcker.` would have
                // fitted its story's widest line exactly, and was cut in two names).
                let fits = line + 1 + word < widest_line && !after_first_line;
                (blank, line < 70 && (!wrapped || fits))
            },
        );
        if i > start {
            let tok = tokens[i].text(text);
            let prev = tokens[i - 1].text(text);
            let hard = match at_break {
                Some((blank, short)) => {
                    blank
                        || short && starts_sentence(tok)
                        || tok.starts_with(['-', '*', '•'])
                        || ends_sentence(prev)
                }
                None => false,
            };
            let soft = ends_sentence(prev) && starts_sentence(tok);
            let after_quote = i >= 2
                && CLOSING.contains(&prev.chars().next().unwrap_or(' '))
                && ends_sentence(tokens[i - 2].text(text))
                && starts_sentence(tok);
            if hard || soft || after_quote || i - start >= 200 {
                sentences.push(start..i);
                start = i;
            }
        }
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    Tokenized { tokens, sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).tokens.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn any_white_space_separates_and_lines_are_measured_in_characters() {
        for space in [
            " ", "\t", "\u{0b}", "\u{0c}", "\r", "\u{a0}", "\u{2003}", "\u{3000}",
        ] {
            assert_eq!(
                words(&format!("Paris{space}rose")),
                ["Paris", "rose"],
                "{space:?}"
            );
        }
        // A line under 70 characters ends a sentence before a capital, however many bytes.
        let sentences = |line: &str| {
            tokenize(&format!("{line}\nThe index rose."))
                .sentences
                .len()
        };
        assert_eq!(sentences(&"e".repeat(40)), 2);
        assert_eq!(sentences(&"é".repeat(40)), 2);
        assert_eq!(sentences(&"e".repeat(80)), 1);
        assert_eq!(sentences(&"é".repeat(80)), 1);
    }

    #[test]
    fn splits_punctuation_and_possessives() {
        assert_eq!(
            words("OpenAI’s models (and Anthropic's), said \"J.P. Morgan\"."),
            [
                "OpenAI",
                "’s",
                "models",
                "(",
                "and",
                "Anthropic",
                "'s",
                ")",
                ",",
                "said",
                "\"",
                "J.P.",
                "Morgan",
                "\"",
                "."
            ]
        );
    }

    #[test]
    fn the_wires_double_quotes_are_split_off_words() {
        // Reuters-21578 writes some possessives with `"` (only after a letter, before `s`)
        // and runs some closing quotes into the next sentence.
        assert_eq!(
            words("Venezuela\"s output, \"Sales\" and 1\"s rose"),
            [
                "Venezuela",
                "\"s",
                "output",
                ",",
                "\"",
                "Sales",
                "\"",
                "and",
                "1\"s",
                "rose"
            ]
        );
        assert_eq!(
            words("he added.\"If not, \"Carlucci said,\"Nunn"),
            [
                "he", "added", ".", "\"", "If", "not", ",", "\"", "Carlucci", "said", ",", "\"",
                "Nunn"
            ]
        );
        // Sentences as if the space were there.
        let sentences = |text: &str| -> Vec<Vec<String>> {
            let tokenized = tokenize(text);
            let words = |r: &std::ops::Range<usize>| {
                tokenized.tokens[r.clone()]
                    .iter()
                    .map(|t| t.text(text).to_string())
                    .collect()
            };
            tokenized.sentences.iter().map(words).collect()
        };
        let run_on = sentences("He added.\"If not.");
        assert_eq!(run_on, sentences("He added.\" If not."));
        assert_eq!(run_on.last().unwrap(), &["If", "not", "."]);
        // Curly quotes as well.
        assert_eq!(
            words("he added.”If not, “Carlucci said,”Nunn"),
            [
                "he", "added", ".", "”", "If", "not", ",", "“", "Carlucci", "said", ",", "”",
                "Nunn"
            ]
        );
        let curly = sentences("He added.”If not.");
        assert_eq!(curly, sentences("He added.” If not."));
        assert_eq!(possessive("\"s"), "'s");
        assert_eq!(possessive("\""), "\"");
    }

    #[test]
    fn angle_brackets_are_tokens_wherever_they_stand() {
        assert_eq!(
            words("Sainsbury Plc<SNB.L> and <Seiko Epson Corp>, <STOS.S>-led"),
            [
                "Sainsbury",
                "Plc",
                "<",
                "SNB.L",
                ">",
                "and",
                "<",
                "Seiko",
                "Epson",
                "Corp",
                ">",
                ",",
                "<",
                "STOS.S",
                ">",
                "-led"
            ]
        );
        assert_eq!(words("a <> b < c"), ["a", "<", ">", "b", "<", "c"]);
    }

    #[test]
    fn keeps_hyphens_abbreviations_and_datelines() {
        assert_eq!(
            words("WASHINGTON - Mr. Smith of U.S. supply-chain firm Coca-Cola Co. left."),
            [
                "WASHINGTON",
                "-",
                "Mr.",
                "Smith",
                "of",
                "U.S.",
                "supply-chain",
                "firm",
                "Coca-Cola",
                "Co.",
                "left",
                "."
            ]
        );
        assert_eq!(
            words("states' rights—and more"),
            ["states", "'", "rights", "—", "and", "more"]
        );
    }

    #[test]
    fn symbols_before_a_word_are_a_token_of_their_own() {
        assert_eq!(
            words("****LONDON, March 26 - +Bahia /Exxon Corp ...Harsh T-bonds..Fed funds"),
            [
                "****", "LONDON", ",", "March", "26", "-", "+", "Bahia", "/", "Exxon", "Corp",
                "...", "Harsh", "T-bonds", "..", "Fed", "funds"
            ]
        );
        // Not before a letter, inside a word, or one dot: as before.
        assert_eq!(
            words("+1.5 pct and/or Rolls/Royce .NET U.S. ***"),
            [
                "+1.5",
                "pct",
                "and/or",
                "Rolls/Royce",
                ".NET",
                "U.S.",
                "***"
            ]
        );
        // Dots run into what follows, after any word or mark; a doubled period.
        assert_eq!(
            words("borrowings.....680 have?...They the U.S.. The"),
            [
                "borrowings",
                ".....",
                "680",
                "have",
                "?",
                "...",
                "They",
                "the",
                "U.S.",
                ".",
                "The"
            ]
        );
    }

    #[test]
    fn a_long_chunk_of_many_splits_is_read_whole() {
        // A dotted line or tagged run without spaces: each split read once, in one pass.
        let units = 10_000;
        let text = "ab..".repeat(units) + "<X>" + &"<b>".repeat(units) + "he.\"If";
        let tokens = tokenize(&text).tokens;
        let texts: Vec<&str> = tokens.iter().map(|t| t.text(&text)).collect();
        assert_eq!(texts.len(), 2 * units + 3 + 3 * units + 4);
        assert_eq!(texts[..4], ["ab", "..", "ab", ".."]);
        assert_eq!(texts[2 * units..2 * units + 4], ["<", "X", ">", "<"]);
        assert_eq!(texts[texts.len() - 4..], ["he", ".", "\"", "If"]);
        assert!(tokens.windows(2).all(|pair| pair[0].end <= pair[1].start));
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "  Ünïcödé’s — “quoted”\u{200b}";
        for t in tokenize(text).tokens {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.start < t.end);
        }
        assert!(tokenize("").tokens.is_empty());
        assert!(tokenize("   \n\n ").sentences.is_empty());
    }

    #[test]
    fn a_line_break_in_wrapped_text_is_no_sentence_end() {
        let sentences = |text: &str| -> Vec<String> {
            let t = tokenize(text);
            t.sentences
                .iter()
                .map(|r| text[t.tokens[r.start].start..t.tokens[r.end - 1].end].to_string())
                .collect()
        };
        // Wire copy wrapped at 60-odd characters: "Inc" would not have fitted on its line.
        let wrapped = "Analysts said the surprise bid for Western Tele-Communications\n\
                       Inc by Fidelity National Financial Inc was welcomed by traders\n\
                       in New York and Chicago, where the company is based and where\n\
                       its shares trade.";
        assert_eq!(sentences(wrapped).len(), 1, "{:?}", sentences(wrapped));
        // A headline, a dateline or a short last line still ends its sentence, wrapped or not.
        let headed = format!("FIDELITY BUYS UNIT\n{wrapped}");
        assert_eq!(sentences(&headed)[0], "FIDELITY BUYS UNIT");
        // But a paragraph's first line that is not a headline may be the tail of a wrapped line
        // whose head was cut off (Reuters' dateline): it runs on into the next line when that
        // is not indented, as a table's rows and wire copy's paragraphs are.
        let cut = format!("VOLCKER ON RATES\n\nFederal Reserve Board Chairman Paul\n{wrapped}");
        assert_eq!(sentences(&cut)[0], "VOLCKER ON RATES");
        assert!(sentences(&cut)[1].starts_with("Federal Reserve Board Chairman Paul\nAnalysts"));
        let table = format!("Shr 12 cts vs 10 cts\n    Net 1,234 vs 1,010\n{wrapped}");
        assert_eq!(sentences(&table)[0], "Shr 12 cts vs 10 cts");
        // A word that would have fitted the widest line exactly (64 characters with its
        // indent) did not fit the wrapper's width.
        let exact = "    Eyskens said there were disagreements between Treasury\n\
                     Secretary James Baker and Federal Reserve Chairman Paul\n\
                     Volcker.\n\
                     \x20   Reforming the EMS would destabilise the Community, he added.";
        assert_eq!(sentences(exact).len(), 2, "{:?}", sentences(exact));
        let one_line = "Fidelity bought the unit.\nIts shares rose.";
        assert_eq!(sentences(one_line).len(), 2);
        // Short lines that are not a wrapped paragraph each end a sentence before a capital.
        let short_lines = "MARKETS\nStocks rose in New York on the news\nBonds fell";
        assert_eq!(
            sentences(short_lines).len(),
            3,
            "{:?}",
            sentences(short_lines)
        );
    }

    #[test]
    fn splits_sentences() {
        let text =
            "OPENAI SIGNS DEAL\nSam Altman spoke. He left! Then U.S. officials\nmet in Washington.";
        let t = tokenize(text);
        let sents: Vec<Vec<&str>> = t
            .sentences
            .iter()
            .map(|r| t.tokens[r.clone()].iter().map(|x| x.text(text)).collect())
            .collect();
        assert_eq!(sents.len(), 4, "{sents:?}");
        assert_eq!(sents[0], ["OPENAI", "SIGNS", "DEAL"]);
        assert_eq!(sents[3].last(), Some(&"."));
        assert!(sents[3].contains(&"Washington"));
        // A given name a firm's name abbreviates ends no sentence.
        let text = "Managers are Alex. Brown and Sons Inc and Wm. Wrigley Jr Co here. They met.";
        let t = tokenize(text);
        assert_eq!(t.sentences.len(), 2);
        let words: Vec<&str> = t.tokens.iter().map(|x| x.text(text)).collect();
        assert!(
            words.contains(&"Alex.") && words.contains(&"Wm."),
            "{words:?}"
        );
    }
}
