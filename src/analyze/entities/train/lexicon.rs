//! Building the lexicon from unlabelled news and name lists: capitalisation priors and
//! distributional word clusters (see `clusters.rs`) from Reuters-21578 bodies and the
//! training tokens; a gazetteer from the Reuters tag lists,
//! datelines, companies named before a `<TICKER>`, corporate designators and honorifics,
//! and the hand-kept `../names.tsv`. Deterministic: fixed seeds, sorted orders.

use std::collections::HashMap;
use std::path::PathBuf;

use super::super::features::Class;
use super::super::lexicon::{
    GAZ_LOC, GAZ_MISC, GAZ_ORG, GAZ_PER, HashKeyed, Lexicon, MAX_PHRASE, WordInfo, word_key,
};
use super::super::tokenize::tokenize;
use super::clusters::clusters;

/// Where the lexicon's knowledge comes from.
#[derive(Debug, Clone, Default)]
pub struct LexiconSources {
    /// Reuters-21578 as JSON Lines (`body`, `dateline` fields); the `all-*-strings.lc.txt`
    /// name lists are read from the same folder when present.
    pub reuters_jsonl: Option<PathBuf>,
}

const NAMES: &str = include_str!("../names.tsv");
const DESIGNATORS: &[&str] = &[
    "inc",
    "corp",
    "co",
    "ltd",
    "plc",
    "ag",
    "sa",
    "nv",
    "group",
    "bank",
    "corporation",
    "company",
    "holdings",
    "industries",
    "airlines",
    "association",
    "party",
    "ministry",
    "commission",
    "council",
    "exchange",
    "fund",
    "union",
    "agency",
    "institute",
    "university",
    "bancorp",
    "trust",
    "motors",
    "federation",
    "league",
    "club",
    "committee",
];
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "president",
    "minister",
    "chairman",
    "secretary",
    "governor",
    "senator",
    "sen.",
    "premier",
    "chancellor",
];

struct Text {
    /// Sentences of tokens.
    sentences: Vec<Vec<String>>,
}

fn read_reuters(path: &PathBuf) -> std::io::Result<(Vec<String>, Vec<String>)> {
    let text = std::fs::read_to_string(path)?;
    let mut bodies = Vec::new();
    let mut datelines = Vec::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if let Some(b) = v.get("body").and_then(|b| b.as_str()) {
            bodies.push(b.to_string());
        }
        if let Some(d) = v.get("dateline").and_then(|b| b.as_str()) {
            datelines.push(d.to_string());
        }
    }
    Ok((bodies, datelines))
}

fn is_cap(tok: &str) -> bool {
    matches!(
        Class::of(tok),
        Class::InitCap | Class::AllCaps | Class::Mixed | Class::SingleUpper
    )
}

/// Companies named just before a `<TICKER>` in Reuters bodies, and the bodies with the
/// tickers removed.
fn ticker_companies(body: &str, orgs: &mut HashMap<String, u32>) -> String {
    let mut clean = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else { break };
        let inner = &after[..close];
        clean.push_str(&rest[..open]);
        if inner.len() <= 12 && inner.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
            let before: Vec<&str> = clean.split_whitespace().rev().take(MAX_PHRASE).collect();
            let mut run: Vec<&str> = Vec::new();
            for w in before {
                if is_cap(w) || (!run.is_empty() && matches!(w, "of" | "&" | "and")) {
                    run.push(w);
                } else {
                    break;
                }
            }
            while run.last().is_some_and(|w| !is_cap(w) || *w == "The") {
                run.pop();
            }
            if !run.is_empty() {
                run.reverse();
                *orgs.entry(run.join(" ")).or_default() += 1;
            }
        } else {
            clean.push('<');
            clean.push_str(inner);
            clean.push('>');
        }
        rest = &after[close + 1..];
    }
    clean.push_str(rest);
    clean
}

fn tokenized(text: &str) -> Vec<Vec<String>> {
    let t = tokenize(text);
    t.sentences
        .iter()
        .map(|r| {
            t.tokens[r.clone()]
                .iter()
                .map(|x| x.text(text).to_string())
                .collect()
        })
        .collect()
}

/// Pattern-derived names from normal sentences: capitalised runs ending in a corporate
/// designator (ORG) or following an honorific (PER).
fn pattern_names(text: &Text, orgs: &mut HashMap<String, u32>, people: &mut HashMap<String, u32>) {
    for s in &text.sentences {
        let caps = s.iter().filter(|t| Class::of(t) == Class::AllCaps).count();
        if caps * 2 > s.len() {
            continue;
        }
        let mut i = 1;
        while i < s.len() {
            if !is_cap(&s[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < s.len() && i - start < MAX_PHRASE && is_cap(&s[i]) {
                i += 1;
            }
            let run = &s[start..i];
            let last = run[run.len() - 1].to_lowercase();
            if run.len() >= 2 && DESIGNATORS.contains(&last.as_str()) {
                let run = if run[0] == "The" { &run[1..] } else { run };
                if !run.is_empty() {
                    *orgs.entry(run.join(" ")).or_default() += 1;
                }
            }
            // "Mr Smith": the honorific is capitalised too, so it opens the run.
            let first = run[0].to_lowercase();
            let prev = s[start - 1].to_lowercase();
            let name = if HONORIFICS.contains(&first.as_str()) {
                &run[1..]
            } else if HONORIFICS.contains(&prev.as_str()) {
                run
            } else {
                &[]
            };
            if !name.is_empty() && name.len() <= 3 {
                *people.entry(name.join(" ")).or_default() += 1;
            }
        }
    }
}

fn add_phrase(lex: &mut Lexicon, name: &str, bits: u8) {
    let words: Vec<Vec<String>> = tokenized(name);
    let tokens: Vec<&str> = words.iter().flatten().map(String::as_str).collect();
    if tokens.is_empty() || tokens.len() > MAX_PHRASE {
        return;
    }
    let keys: Vec<u64> = tokens.iter().map(|t| word_key(t)).collect();
    lex.insert_phrase(&keys, bits);
}

/// Builds the lexicon. Without Reuters only the training tokens and `names.tsv` are used.
pub(crate) fn build_lexicon(
    sources: &LexiconSources,
    train_tokens: &[&str],
) -> std::io::Result<Lexicon> {
    let (mut lex, text) = gazetteer(sources, train_tokens)?;
    word_statistics(&mut lex, &text);
    Ok(lex)
}

/// The lexicon's gazetteer phrases, and the text (training tokens, Reuters bodies) its word
/// statistics come from.
fn gazetteer(sources: &LexiconSources, train_tokens: &[&str]) -> std::io::Result<(Lexicon, Text)> {
    let mut lex = Lexicon::default();
    lex.prefixes = true;
    let mut orgs: HashMap<String, u32> = HashMap::new();
    let mut people: HashMap<String, u32> = HashMap::new();
    let mut text = Text {
        sentences: vec![train_tokens.iter().map(|s| s.to_string()).collect()],
    };
    if let Some(path) = &sources.reuters_jsonl {
        let (bodies, datelines) = read_reuters(path)?;
        for b in &bodies {
            let clean = ticker_companies(b, &mut orgs);
            text.sentences.extend(tokenized(&clean));
        }
        let mut places: HashMap<String, u32> = HashMap::new();
        for d in &datelines {
            let city = d.split(',').next().unwrap_or("").trim();
            if !city.is_empty() && city.split_whitespace().count() <= 3 {
                *places.entry(city.to_lowercase()).or_default() += 1;
            }
        }
        let mut places: Vec<_> = places.into_iter().collect();
        places.sort();
        for (p, _) in places {
            add_phrase(&mut lex, &p, GAZ_LOC);
        }
        let dir = path.parent().map(PathBuf::from).unwrap_or_default();
        for (file, bits) in [
            ("all-places-strings.lc.txt", GAZ_LOC),
            ("all-people-strings.lc.txt", GAZ_PER),
            ("all-orgs-strings.lc.txt", GAZ_ORG),
        ] {
            let Ok(list) = std::fs::read_to_string(dir.join(file)) else {
                continue;
            };
            for entry in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if bits == GAZ_ORG && entry.contains('-') {
                    continue;
                }
                let name = entry.replace('-', " ");
                add_phrase(&mut lex, &name, bits);
                if bits == GAZ_PER
                    && let Some(last) = name.split(' ').next_back()
                {
                    add_phrase(&mut lex, last, bits);
                }
            }
        }
    }
    pattern_names(&text, &mut orgs, &mut people);
    for (map, bits) in [(&orgs, GAZ_ORG), (&people, GAZ_PER)] {
        let mut names: Vec<(&String, &u32)> = map.iter().filter(|(_, c)| **c >= 2).collect();
        names.sort();
        for (name, _) in names {
            add_phrase(&mut lex, name, bits);
            if bits == GAZ_ORG {
                // Also without the designator: "Texaco Inc" -> "Texaco".
                if let Some((head, last)) = name.rsplit_once(' ')
                    && DESIGNATORS.contains(&last.to_lowercase().as_str())
                {
                    add_phrase(&mut lex, head, bits);
                }
            }
        }
    }
    for line in NAMES
        .lines()
        .take_while(|l| !l.starts_with("# Run time only"))
        .filter(|l| !l.starts_with('#'))
    {
        let Some((kind, name)) = line.split_once('\t') else {
            continue;
        };
        let bits = match kind {
            "PER" => GAZ_PER,
            "ORG" => GAZ_ORG,
            "LOC" => GAZ_LOC,
            "MISC" => GAZ_MISC,
            _ => continue,
        };
        add_phrase(&mut lex, name.trim(), bits);
    }
    eprintln!(
        "train-ner: {} gazetteer phrases ({} ORG and {} PER from patterns)",
        lex.phrases.len(),
        orgs.len(),
        people.len()
    );
    Ok((lex, text))
}

/// Adds each word's capitalisation prior, frequency and clusters from `text` to `lex`.
fn word_statistics(lex: &mut Lexicon, text: &Text) {
    let mut counts: HashKeyed<u64> = HashKeyed::default();
    let mut cap_inner: HashKeyed<u32> = HashKeyed::default();
    let mut lower: HashKeyed<u32> = HashKeyed::default();
    let mut keyed: Vec<Vec<u64>> = Vec::with_capacity(text.sentences.len());
    for s in &text.sentences {
        let caps = s.iter().filter(|t| Class::of(t) == Class::AllCaps).count();
        let normal = caps * 2 <= s.len();
        let keys: Vec<u64> = s.iter().map(|t| word_key(t)).collect();
        for (i, (t, &k)) in s.iter().zip(&keys).enumerate() {
            *counts.entry(k).or_default() += 1;
            if normal {
                match Class::of(t) {
                    Class::Lower => *lower.entry(k).or_default() += 1,
                    Class::InitCap | Class::Mixed if i > 0 => *cap_inner.entry(k).or_default() += 1,
                    _ => {}
                }
            }
        }
        keyed.push(keys);
    }
    let clusters = clusters(&keyed, &counts);
    for (&k, &n) in &counts {
        let cl = clusters.get(&k).copied().unwrap_or_default();
        let c = f64::from(cap_inner.get(&k).copied().unwrap_or(0));
        let l = f64::from(lower.get(&k).copied().unwrap_or(0));
        let case = if c + l < 2.0 {
            0
        } else {
            match c / (c + l) {
                r if r < 0.05 => 1,
                r if r < 0.3 => 2,
                r if r < 0.7 => 3,
                r if r < 0.95 => 4,
                _ => 5,
            }
        };
        if n < 2 && case == 0 && cl == [0; 3] {
            continue;
        }
        let freq = (64 - n.leading_zeros()).min(15) as u8;
        lex.words.insert(
            k,
            WordInfo {
                clusters: cl,
                case,
                freq,
            },
        );
    }
    eprintln!(
        "train-ner: lexicon: {} words, {} clustered",
        lex.words.len(),
        clusters.len(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gazetteer as training builds it from `../shared`.
    fn rebuilt_gazetteer() -> Lexicon {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let data = root.join("../shared/data");
        let conll = std::fs::read_to_string(data.join("conll2003/eng.train")).unwrap();
        let docs = crate::analyze::entities::read_conll(&conll).unwrap();
        let tokens: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.sentences.iter().flatten().map(String::as_str))
            .collect();
        let sources = LexiconSources {
            reuters_jsonl: Some(data.join("reuters21578/reuters21578.jsonl")),
        };
        gazetteer(&sources, &tokens).unwrap().0
    }

    /// Phrase hashes and kind bits, sorted; only the names' (not the bare prefixes') with
    /// `names_only`.
    fn sorted(phrases: &HashKeyed<u8>, names_only: bool) -> Vec<(u64, u8)> {
        let mut all: Vec<(u64, u8)> = phrases
            .iter()
            .map(|(k, b)| (*k, *b))
            .filter(|(_, b)| *b != 0 || !names_only)
            .collect();
        all.sort_unstable();
        all
    }

    #[test]
    #[ignore = "reads ../shared; run by hand after changing how the gazetteer is built"]
    fn gazetteer_rebuilds_the_shipped_phrases() {
        let lex = rebuilt_gazetteer();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(root.join("models/ner.bin")).unwrap();
        let model = super::super::super::model::Model::from_bytes(&bytes).unwrap();
        assert!(model.lexicon.prefixes);
        assert!(sorted(&model.lexicon.phrases, false) == sorted(&lex.phrases, false));
    }

    /// Gives the shipped model the gazetteer training builds now, when its names are the
    /// same (a gazetteer with the phrases' prefixes, say), without training it again.
    #[test]
    #[ignore = "writes models/ner.bin; run by hand"]
    fn write_the_rebuilt_gazetteer_into_the_shipped_model() {
        let lex = rebuilt_gazetteer();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ner.bin");
        let bytes = std::fs::read(&path).unwrap();
        let model = super::super::super::model::Model::from_bytes(&bytes).unwrap();
        assert!(sorted(&model.lexicon.phrases, true) == sorted(&lex.phrases, true));
        // The model's own gazetteer gives its own bytes back.
        let same = super::super::super::model::with_gazetteer(&bytes, &model.lexicon).unwrap();
        assert!(same == bytes);
        let rewritten = super::super::super::model::with_gazetteer(&bytes, &lex).unwrap();
        std::fs::write(&path, rewritten).unwrap();
    }

    #[test]
    fn companies_before_tickers() {
        let mut orgs = HashMap::new();
        let clean = ticker_companies(
            "Analysts said Boeing Co <BA> and <Texaco Inc> rose.",
            &mut orgs,
        );
        assert_eq!(clean, "Analysts said Boeing Co  and <Texaco Inc> rose.");
        assert_eq!(orgs.get("Boeing Co"), Some(&1));
        assert_eq!(orgs.len(), 1);
    }

    #[test]
    fn names_from_designators_and_honorifics() {
        let text = Text {
            sentences: vec![
                tokenized("Shares of the General Motors Corp rose , Mr Smith said .").concat(),
            ],
        };
        let (mut orgs, mut people) = (HashMap::new(), HashMap::new());
        pattern_names(&text, &mut orgs, &mut people);
        assert!(orgs.contains_key("General Motors Corp"), "{orgs:?}");
        assert!(people.contains_key("Smith"), "{people:?}");
    }
}
