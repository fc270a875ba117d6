//! Clauses: the stretch of a sentence a cue ("will", "since", "held")
//! governs. A plan in one clause must not make a figure in the next one a
//! plan: "Both sides received 390 people on Friday | and are expected to
//! exchange 1,000 each in total."
//!
//! The split is shallow on purpose: it cuts at strong punctuation, at
//! contrasting conjunctions and at "and" before a new finite verb, never at
//! relative pronouns ("65 servicemen who were due to be exchanged" keeps its
//! plan with its count).

use std::ops::Range;

use super::sentence::Sentence;
use crate::lang::lexicon::{Cue, Tag};

/// Words that open a new clause.
const OPENERS: &[&str] = &["while", "whereas", "but", "although", "though", "meanwhile", "however"];

/// Where clauses begin, as word indices (the first is always 0).
fn starts(s: &Sentence) -> Vec<usize> {
    let w = &s.words;
    let mut out = vec![0];
    for i in 1..w.len() {
        let boundary = match w[i].norm.as_str() {
            ";" | "—" | "–" => true,
            // A colon between digits is a time ("18:10").
            ":" => !(w[i - 1].is_digits() && w.get(i + 1).is_some_and(|n| n.is_digits())),
            // A spaced hyphen is a dash; "50-for-50" keeps its hyphens.
            "-" => spaced(s, i),
            n if OPENERS.contains(&n) => true,
            // "… on Saturday, one day after 49 Ukrainians were freed": another event.
            "after" | "before" => {
                w.get(i + 1).is_some_and(|n| n.number().is_some())
                    || matches!(s.tag(i + 1), Some(Tag::State(_) | Tag::Event))
            }
            // "… on Friday and are expected to …": a second finite verb.
            "and" => w.get(i + 1).is_some_and(|_| {
                matches!(s.tag(i + 1), Some(Tag::Cue(Cue::Be | Cue::Plan)))
                    || w[i + 1].is("that")
                    || w[i + 1].is("has")
                    || w[i + 1].is("have")
            }),
            _ => false,
        };
        if boundary && out.last() != Some(&i) {
            out.push(i);
        }
    }
    out
}

fn spaced(s: &Sentence, i: usize) -> bool {
    let span = &s.words[i].span;
    let before = s.text[..span.start].ends_with(char::is_whitespace);
    let after = s.text[span.end..].starts_with(char::is_whitespace);
    before && after
}

pub fn split(s: &Sentence) -> Vec<Range<usize>> {
    let st = starts(s);
    st.iter().enumerate().map(|(k, &a)| a..st.get(k + 1).copied().unwrap_or(s.words.len())).collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn clauses(text: &str) -> Vec<String> {
        let s = Sentence::new(text, NaiveDate::from_ymd_opt(2025, 5, 24).unwrap(), 0, 0);
        s.clauses.iter().map(|c| s.text[s.words[c.start].span.start..s.words[c.end - 1].span.end].to_string()).collect()
    }

    #[test]
    fn clauses_split_at_dashes_conjunctions_and_new_verbs() {
        assert_eq!(
            clauses("Both sides received 390 people on Friday and are expected to exchange 1,000 each in total."),
            ["Both sides received 390 people on Friday", "and are expected to exchange 1,000 each in total."]
        );
        assert_eq!(
            clauses("Kyiv said 52 Ukrainians had been freed, while Moscow said 50 Russians had come back."),
            ["Kyiv said 52 Ukrainians had been freed,", "while Moscow said 50 Russians had come back."]
        );
        assert_eq!(clauses("It was a 50-for-50 swap."), ["It was a 50-for-50 swap."]);
        assert_eq!(
            clauses("33 service members - 13 officers and 20 soldiers - together with 12 civilians."),
            ["33 service members", "- 13 officers and 20 soldiers", "- together with 12 civilians."]
        );
    }
}
