//! One tagging pass over a sentence: every phrase of the lexicon found in
//! its words, as `Tag`s with word spans.
//!
//! The phrases live in `lexicon` tables (phrase → tag, with examples); this
//! module only finds them. Matching is on normalised words joined by single
//! spaces, with aho-corasick (leftmost-longest), so "defence ministry" wins
//! over "ministry" and "handed over" over "handed".

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::lexicon::{self, Tag};
use super::text::Word;

/// A tag found at words `words` of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub tag: Tag,
    pub words: Range<usize>,
}

struct Tagger {
    automaton: AhoCorasick,
    tags: Vec<Tag>,
}

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| {
        let entries = lexicon::phrases();
        let patterns: Vec<String> = entries.iter().map(|(p, _)| format!(" {p}")).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the lexicon's phrases build an automaton");
        Tagger { automaton, tags: entries.into_iter().map(|(_, t)| t).collect() }
    })
}

/// Every lexicon phrase in `words`, left to right, without overlaps.
pub fn tag(words: &[Word]) -> Vec<Tagged> {
    let t = tagger();
    // " w0 w1 w2": each word is preceded by one space; `starts[i]` is where word i's space is.
    let mut haystack = String::new();
    let mut starts = Vec::with_capacity(words.len());
    for w in words {
        starts.push(haystack.len());
        haystack.push(' ');
        haystack.push_str(&w.norm);
    }
    let word_at = |byte: usize| starts.binary_search(&byte).ok();
    let mut out = Vec::new();
    for m in t.automaton.find_iter(&haystack) {
        // A phrase must end where a word ends ("us" is not the start of "usual").
        let ends_word = m.end() == haystack.len() || haystack.as_bytes()[m.end()] == b' ';
        let (Some(first), true) = (word_at(m.start()), ends_word) else { continue };
        let last = starts.partition_point(|&s| s < m.end());
        let tag = t.tags[m.pattern().as_usize()];
        if tag.accepts(words, first..last) {
            out.push(Tagged { tag, words: first..last });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Side;
    use crate::lang::lexicon::Act;
    use crate::lang::text::words;

    fn tags(text: &str) -> Vec<(String, Tag)> {
        let w = words(text);
        tag(&w)
            .into_iter()
            .map(|t| (t.words.clone().map(|i| w[i].norm.as_str()).collect::<Vec<_>>().join(" "), t.tag))
            .collect()
    }

    #[test]
    fn longest_phrase_wins_and_words_stay_whole() {
        let got = tags("Russia's Defence Ministry said Kyiv had handed over 140 Ukrainians");
        assert!(got.iter().any(|(p, _)| p == "defence ministry"), "{got:?}");
        assert!(got.contains(&("kyiv".into(), Tag::State(Side::Ukraine))), "{got:?}");
        assert!(got.contains(&("handed over".into(), Tag::Act(Act::Give))), "{got:?}");
        assert!(got.contains(&("ukrainians".into(), Tag::Nationality(Side::Ukraine))), "{got:?}");
        // "US" is the United States only when written so; "us" is a pronoun.
        assert!(!tags("bring all of us home").iter().any(|(p, _)| p == "us"));
        // "Ukrainian-held" describes a place; "held by Ukraine" holds people.
        assert!(!tags("from Ukrainian-held territory").iter().any(|(_, t)| *t == Tag::Act(Act::Hold)));
        assert!(tags("soldiers held by Ukraine").iter().any(|(_, t)| *t == Tag::Act(Act::Hold)));
    }
}
