//! Letters with diacritics folded to ASCII, as Lucene's `ASCIIFoldingFilter` folds them (tantivy's
//! port of its table): `zürich` is `zurich`, `straße` is `strasse`, `łódź` is `lodz`; other
//! scripts stay as they are. Every term lede indexes goes through it, words and entity names
//! alike, so that a name matches whether the text and the query write its accents or not.

use tantivy::tokenizer::{AsciiFoldingFilter, RawTokenizer, TokenFilter, TokenStream, Tokenizer};

/// Folds whole texts (tantivy's folding table is reached through its filter only).
#[derive(Clone)]
pub struct AsciiFolder {
    filter: <AsciiFoldingFilter as TokenFilter>::Tokenizer<RawTokenizer>,
}

impl Default for AsciiFolder {
    fn default() -> Self {
        AsciiFolder {
            filter: AsciiFoldingFilter.transform(RawTokenizer::default()),
        }
    }
}

impl AsciiFolder {
    /// Replaces `text` with its folded form (it is left as it is when ASCII already).
    pub fn fold_in_place(&mut self, text: &mut String) {
        if text.is_ascii() {
            return;
        }
        let mut stream = self.filter.token_stream(text);
        if stream.advance() {
            let folded = std::mem::take(&mut stream.token_mut().text);
            *text = folded;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diacritics_go_other_scripts_stay() {
        let mut folder = AsciiFolder::default();
        for (text, folded) in [
            ("zürich", "zurich"),
            ("são paulo", "sao paulo"),
            ("straße", "strasse"),
            ("ærø", "aero"),
            ("łódź", "lodz"),
            ("москва 東京", "москва 東京"),
            ("plain", "plain"),
        ] {
            let mut text = text.to_string();
            folder.fold_in_place(&mut text);
            assert_eq!(text, folded);
        }
    }
}
