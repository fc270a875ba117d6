//! The text analyzer shared by indexing and querying.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};

/// Name the analyzer is registered under in the index schema.
pub const NAME: &str = "powbot_en";

/// Bumped whenever the analyzer or the schema changes, so that an index
/// built by an older binary is rebuilt instead of silently mis-matching.
/// (Changes to what is indexed — boilerplate or sentence rules — need no
/// bump: the fingerprint hashes the indexed sentences themselves.)
/// 2: `article` and `position` became fast fields.
pub const VERSION: u32 = 2;

pub use crate::lang::lexicon::STOP_WORDS;

/// Tokenize, lower-case, fold accents, drop stop words, stem (English).
pub fn build() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(STOP_WORDS.iter().map(|s| s.to_string())))
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The analyzed terms of `text`, in order.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_drops_question_words() {
        let mut a = build();
        assert_eq!(terms(&mut a, "How many prisoners were swapped?"), ["prison", "swap"]);
        assert_eq!(terms(&mut a, "defenders defended"), ["defend", "defend"]);
        assert_eq!(terms(&mut a, "readiness ready"), terms(&mut a, "readi readi"));
    }
}
