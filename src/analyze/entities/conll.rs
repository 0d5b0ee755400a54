//! CoNLL-2003 column text: reading documents (token first, `-DOCSTART-` between
//! documents, blank lines between sentences) and writing it back with predicted tags.

use super::EntitiesError;
use super::recognizer::Recognizer;

/// One document of a CoNLL file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConllDocument {
    /// Sentences of tokens (the first column).
    pub sentences: Vec<Vec<String>>,
    /// The last column of each token line (the gold tag, when there is one).
    pub labels: Vec<Vec<String>>,
    /// 0-based line number of each token line, sentence by sentence.
    pub lines: Vec<Vec<usize>>,
}

/// Splits CoNLL column text into documents at `-DOCSTART-` lines.
///
/// Text before the first `-DOCSTART-` is a document of its own; documents without any
/// token are dropped.
pub fn read_conll(input: &str) -> Result<Vec<ConllDocument>, EntitiesError> {
    let mut docs = Vec::new();
    let mut doc = ConllDocument::default();
    let mut sentence_open = false;
    for (lineno, line) in input.lines().enumerate() {
        let mut cols = line.split_whitespace();
        let Some(first) = cols.next() else {
            sentence_open = false;
            continue;
        };
        if first == "-DOCSTART-" {
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            sentence_open = false;
            continue;
        }
        if first.len() > 1000 {
            return Err(EntitiesError::Conll {
                line: lineno + 1,
                message: "token longer than 1000 bytes".into(),
            });
        }
        if !sentence_open {
            doc.sentences.push(Vec::new());
            doc.labels.push(Vec::new());
            doc.lines.push(Vec::new());
            sentence_open = true;
        }
        let last = line.split_whitespace().next_back().unwrap_or(first);
        if let (Some(s), Some(l), Some(n)) = (
            doc.sentences.last_mut(),
            doc.labels.last_mut(),
            doc.lines.last_mut(),
        ) {
            s.push(first.to_string());
            l.push(last.to_string());
            n.push(lineno);
        }
    }
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

impl Recognizer {
    /// Tags CoNLL column text: every token line comes back with the predicted BIO tag
    /// appended as its last column; `-DOCSTART-` and blank lines pass through unchanged.
    /// Each document (between `-DOCSTART-` lines) is tagged as a whole.
    pub fn tag_conll(&self, input: &str) -> Result<String, EntitiesError> {
        let mut tags: Vec<&str> = vec![""; input.lines().count()];
        for doc in read_conll(input)? {
            let predicted = self.tag(&doc.sentences);
            for (ls, ps) in doc.lines.iter().zip(&predicted) {
                for (&l, &p) in ls.iter().zip(ps) {
                    tags[l] = p;
                }
            }
        }
        Ok(with_tags(input, &tags))
    }

    /// Tags CoNLL column text as [`Recognizer::tag_conll`] does, but each document as an
    /// article's text (its tokens a space apart but for clitics, its sentences paragraphs)
    /// through [`Recognizer::extract`]: the names `lede index` keeps, after every rule that
    /// follows the tagger. A token is tagged with the name it starts in (`Fla.` with the state
    /// `Fla`).
    pub fn tag_conll_articles(&self, input: &str) -> Result<String, EntitiesError> {
        let mut tags: Vec<String> = vec![String::new(); input.lines().count()];
        for doc in read_conll(input)? {
            let mut text = String::new();
            // Each token's byte span in `text` and its line.
            let mut tokens = Vec::new();
            for (sentence, lines) in doc.sentences.iter().zip(&doc.lines) {
                for (n, (token, &line)) in sentence.iter().zip(lines).enumerate() {
                    // A clitic joins its word, as text writes it (`Lord's`, `don't`).
                    if n > 0 && !token.starts_with('\'') && token != "n't" {
                        text.push(' ');
                    }
                    let start = text.len();
                    text.push_str(token);
                    tokens.push((start..text.len(), line));
                }
                text.push_str("\n\n");
            }
            for &(_, line) in &tokens {
                tags[line] = "O".to_string();
            }
            for entity in self.extract(&text) {
                let kind = entity.kind.label();
                // The tokens are in text order: those starting in the name follow each other.
                let first = tokens.partition_point(|(span, _)| span.start < entity.start);
                let inside = tokens[first..]
                    .iter()
                    .take_while(|(span, _)| span.start < entity.end);
                for (n, (_, line)) in inside.enumerate() {
                    tags[*line] = format!("{}-{kind}", if n == 0 { 'B' } else { 'I' });
                }
            }
        }
        Ok(with_tags(input, &tags))
    }
}

/// `input`'s lines, each with its tag of `tags` (by line) appended after a space when it has one.
fn with_tags<S: AsRef<str>>(input: &str, tags: &[S]) -> String {
    let mut out = String::with_capacity(input.len() + tags.len() * 7);
    for (line, tag) in input.lines().zip(tags) {
        let tag = tag.as_ref();
        out.push_str(line.trim_end());
        if !tag.is_empty() {
            out.push(' ');
            out.push_str(tag);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";

    #[test]
    fn reads_documents_and_sentences() {
        let docs = read_conll(SAMPLE).expect("valid");
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].sentences,
            vec![vec!["EU", "rejects"], vec!["Peter"]]
        );
        assert_eq!(docs[0].labels[0], ["I-ORG", "O"]);
        assert_eq!(docs[1].lines, vec![vec![8]]);
    }

    #[test]
    fn articles_are_tagged_through_the_rules_after_the_tagger() {
        // The tagger alone takes `Ontario` before a noun for another name; as an article's
        // text it is the province.
        let sample = "-DOCSTART- -X- O O\n\nThe NNP O O\nOntario NNP O B-LOC\n\
                      government NN O O\nsaid VBD O O\n.\n\nPeter NNP O B-PER\n\
                      Smith NNP O I-PER\nleft VBD O O\n";
        let out = Recognizer::global()
            .tag_conll_articles(sample)
            .expect("valid");
        let tags: Vec<&str> = out
            .lines()
            .filter(|l| l.split_whitespace().count() == 5)
            .map(|l| l.rsplit(' ').next().unwrap())
            .collect();
        assert_eq!(tags, ["O", "B-LOC", "O", "O", "B-PER", "I-PER", "O"]);
        assert_eq!(out.lines().count(), sample.lines().count());
    }

    #[test]
    fn tagging_keeps_every_line() {
        let out = Recognizer::global().tag_conll(SAMPLE).expect("valid");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), SAMPLE.lines().count());
        assert_eq!(lines[0], "-DOCSTART- -X- O O");
        assert_eq!(lines[1], "");
        assert!(lines[2].starts_with("EU NNP I-NP I-ORG "));
        assert_eq!(lines[2].split_whitespace().count(), 5);
    }
}
