//! Typo repair: "prisonners" → "prisoners", "exchnaged" → "exchanged".
//!
//! Only words the corpus and the rule tables never use are repaired, and
//! only to a known word within a small edit distance, so a correctly spelt
//! rare word is never "corrected" into a common one (that would cost
//! ranking quality rather than help it).

use std::collections::HashMap;

use crate::corpus::Corpus;
use crate::lang::text::edit_distance as distance;
use crate::lang::{dates, lexicon};

/// Known words with how often the corpus uses them.
#[derive(Debug, Clone, Default)]
pub struct Spelling {
    words: HashMap<String, usize>,
    /// The same words by length in characters: a repair looks only at words of about the
    /// typo's length, not the whole vocabulary, which grows with the corpus.
    by_len: Vec<Vec<(String, usize)>>,
}

impl Spelling {
    pub fn from_corpus(corpus: &Corpus) -> Spelling {
        Spelling::from_words(crate::index::word_counts(corpus))
    }

    /// The corpus's words with their counts (`index::word_counts`), and the rule tables' words.
    pub fn from_words(mut words: HashMap<String, usize>) -> Spelling {
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
        // Every word of the tagged tables: "plan" is a cue, not a misspelt "plant".
        for (phrase, _) in lexicon::phrases() {
            for w in phrase.split(' ') {
                words.entry(w.to_string()).or_insert(1);
            }
        }
        Spelling::indexed(words)
    }

    fn indexed(words: HashMap<String, usize>) -> Spelling {
        let mut by_len: Vec<Vec<(String, usize)>> = Vec::new();
        for (w, n) in &words {
            let len = w.chars().count();
            if by_len.len() <= len {
                by_len.resize_with(len + 1, Vec::new);
            }
            by_len[len].push((w.clone(), *n));
        }
        Spelling { words, by_len }
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
        let letters = Letters::of(word);
        self.by_len[n.saturating_sub(max).min(self.by_len.len())..(n + max + 1).min(self.by_len.len())]
            .iter()
            .flatten()
            // A cheap bound first: each edit mends at most one letter missing on either side.
            // Typos seldom touch the first letter, and a word one edit from another
            // there is usually a word of its own: "name" is not a misspelt "came".
            .filter(|(w, _)| w.chars().next() == word.chars().next())
            // "right" is no misspelt "rights": a plural is an inflection, which the index's
            // stemmer already folds, and often another word.
            .filter(|(w, _)| w.strip_suffix('s') != Some(word) && word.strip_suffix('s') != Some(w.as_str()))
            .filter(|(w, _)| letters.apart(&Letters::of(w)) <= max)
            .filter_map(|(w, freq)| {
                let d = distance(word, w);
                (d <= max).then_some((d, std::cmp::Reverse(*freq), w.as_str()))
            })
            .min()
            .map(|(_, _, w)| w)
    }
}

/// How many of each letter a word has (a–z; any other character counts as one kind): the
/// letters one word lacks of another's are a lower bound of their edit distance.
struct Letters([u8; 27]);

impl Letters {
    fn of(word: &str) -> Letters {
        let mut counts = [0u8; 27];
        for c in word.chars() {
            let k = if c.is_ascii_lowercase() { (c as u8 - b'a') as usize } else { 26 };
            counts[k] = counts[k].saturating_add(1);
        }
        Letters(counts)
    }

    /// A lower bound of the edit distance between the two words.
    fn apart(&self, other: &Letters) -> usize {
        let (mut missing, mut extra) = (0usize, 0usize);
        for (a, b) in self.0.iter().zip(&other.0) {
            missing += usize::from(a.saturating_sub(*b));
            extra += usize::from(b.saturating_sub(*a));
        }
        missing.max(extra)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelling(words: &[(&str, usize)]) -> Spelling {
        Spelling::indexed(words.iter().map(|(w, n)| ((*w).to_string(), *n)).collect())
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
        let s = spelling(&[("came", 10)]);
        assert_eq!(s.correct("name"), None, "the first letter is kept");
        let s = spelling(&[("rights", 10)]);
        assert_eq!(s.correct("right"), None, "an inflection is no typo");
    }

    #[test]
    fn words_of_the_rule_tables_are_never_repaired() {
        // A corpus that says "plant" but never "plan": "plan" is a cue of the tables.
        let s = Spelling::from_words([("plant".to_string(), 40)].into_iter().collect());
        assert_eq!(s.correct("plan"), None);
    }

    #[test]
    fn transposition_is_one_edit() {
        assert_eq!(distance("exchnaged", "exchanged"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
