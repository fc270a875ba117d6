//! Typo repair: "prisonners" → "prisoners", "exchnaged" → "exchanged".
//!
//! Only words the corpus and the rule tables never use are repaired, and
//! only to a known word within a small edit distance, so a correctly spelt
//! rare word is never "corrected" into a common one (that would cost
//! ranking quality rather than help it).

use std::collections::HashMap;

use crate::corpus::Corpus;
use crate::lang::text::edit_distance as distance;
use crate::lang::{dates, lexicon, text};

/// Known words with how often the corpus uses them.
#[derive(Debug, Clone, Default)]
pub struct Spelling {
    words: HashMap<String, usize>,
}

impl Spelling {
    pub fn from_corpus(corpus: &Corpus) -> Spelling {
        let mut words: HashMap<String, usize> = HashMap::new();
        for a in &corpus.articles {
            for (_, _, s) in a.sentences() {
                for w in text::words(s) {
                    if w.kind == text::WordKind::Word {
                        *words.entry(w.norm).or_default() += 1;
                    }
                }
            }
        }
        let tables = lexicon::PERSON_NOUNS
            .iter()
            .chain(lexicon::SWAP_WORDS)
            .chain(lexicon::VARIANTS.iter().flat_map(|g| g.iter()))
            .chain(super::GENERIC)
            .chain(lexicon::STOP_WORDS);
        for w in tables {
            words.entry((*w).to_string()).or_insert(1);
        }
        for w in dates::VOCABULARY {
            words.entry((*w).to_string()).or_insert(1);
        }
        Spelling { words }
    }

    pub fn knows(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// The known word `word` is most likely a typo of, if it is not known itself.
    pub fn correct(&self, word: &str) -> Option<&str> {
        let n = word.chars().count();
        if n < 4 || self.knows(word) || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        // Two edits only for long words: "Kherson" is one edit from no
        // corpus word, but two from "person".
        let max = if n < 8 { 1 } else { 2 };
        self.words
            .iter()
            .filter(|(w, _)| w.chars().count().abs_diff(n) <= max)
            .filter_map(|(w, freq)| {
                let d = distance(word, w);
                (d <= max).then_some((d, std::cmp::Reverse(*freq), w.as_str()))
            })
            .min()
            .map(|(_, _, w)| w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelling(words: &[(&str, usize)]) -> Spelling {
        Spelling { words: words.iter().map(|(w, n)| ((*w).to_string(), *n)).collect() }
    }

    #[test]
    fn repairs_typos_to_known_words() {
        let s = spelling(&[("prisoners", 10), ("swapped", 3), ("swap", 5), ("exchanged", 4), ("weather", 0)]);
        assert_eq!(s.correct("prisonners"), Some("prisoners"));
        assert_eq!(s.correct("swaped"), Some("swapped"));
        assert_eq!(s.correct("exchnaged"), Some("exchanged"));
        assert_eq!(s.correct("prisoners"), None, "known words stay");
        assert_eq!(s.correct("football"), None, "far words stay");
        assert_eq!(s.correct("swa"), None, "short words stay");
    }

    #[test]
    fn transposition_is_one_edit() {
        assert_eq!(distance("exchnaged", "exchanged"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
