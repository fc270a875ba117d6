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
pub const VERSION: u32 = 1;

/// Words that carry no meaning in a question or a news sentence. Besides the
/// usual function words this drops question words ("how many", "what did …
/// say") and reporting verbs, which every article sentence has and no
/// question is really about.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "about",
    "from",
    "as",
    "into",
    "than",
    "then",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "it's",
    "there",
    "their",
    "they",
    "them",
    "he",
    "she",
    "his",
    "her",
    "him",
    "we",
    "our",
    "us",
    "you",
    "your",
    "i",
    "me",
    "my",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "do",
    "does",
    "did",
    "doing",
    "has",
    "have",
    "had",
    "having",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "many",
    "much",
    "any",
    "some",
    "all",
    "each",
    "every",
    "also",
    "so",
    "such",
    "not",
    "no",
    "nor",
    "only",
    "own",
    "same",
    "too",
    "very",
    "just",
    "ever",
    "tell",
    "please",
    "say",
    "says",
    "said",
    "saying",
    "told",
    "according",
    "if",
    "while",
    "after",
    "before",
    "over",
    "under",
    "again",
    "further",
    "once",
    "here",
    "both",
    "more",
    "most",
    "other",
    "up",
    "down",
    "out",
    "off",
    "s",
    "t",
    "let",
    "know",
    "get",
    "got",
];

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
