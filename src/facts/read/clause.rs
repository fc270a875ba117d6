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
use crate::lang::text::WordKind;

/// Words that open a new clause.
const OPENERS: &[&str] = &["while", "whereas", "but", "although", "though", "meanwhile", "however"];

/// Speech verbs that open a new statement after a comma.
const SPEECH_PARTICIPLES: &[&str] = &["adding", "saying", "noting", "stressing", "stating", "explaining"];

/// Where clauses begin, as word indices (the first is always 0).
fn starts(s: &Sentence) -> Vec<usize> {
    let w = &s.words;
    let mut out = vec![0];
    // Inside "26 Ukrainian citizens - 12 military personnel and 14
    // civilians - had returned home": a breakdown between dashes belongs to
    // the clause around it.
    let mut apposition = false;
    for i in 1..w.len() {
        // "Russian–Ukrainian talks": an en dash joining two words is no break.
        let joined = w[i].is("–") && !spaced(s, i) && w[i - 1].kind == WordKind::Word;
        let dash = w[i].is("—") || w[i].is("–") && !joined || w[i].is("-") && spaced(s, i);
        if dash && apposition {
            apposition = false;
            continue;
        }
        if dash && opens_breakdown(s, i) {
            apposition = true;
            continue;
        }
        if dash && sums_up(s, i) {
            continue;
        }
        let boundary = match w[i].norm.as_str() {
            ";" => true,
            _ if dash => true,
            // A colon between digits is a time ("18:10").
            ":" => !(w[i - 1].is_digits() && w.get(i + 1).is_some_and(|n| n.is_digits())),
            n if OPENERS.contains(&n) => true,
            // "…, adding that 235 people had been returned": a new statement.
            n if SPEECH_PARTICIPLES.contains(&n) => w[i - 1].is(","),
            // "… on Saturday, one day after 49 Ukrainians were freed": another event.
            "after" | "before" | "following" => {
                // "only days after an exchange that brought home 76 people".
                let k =
                    if w.get(i + 1).is_some_and(|n| n.is("a") || n.is("an") || n.is("the")) { i + 2 } else { i + 1 };
                // "following the return of 200 servicemen on Thursday".
                let noun_act = w[i].is("following") && matches!(s.tag(k), Some(Tag::Act(_)));
                w.get(k).is_some_and(|n| n.number().is_some())
                    || matches!(s.tag(k), Some(Tag::State(_) | Tag::Event))
                    || noun_act
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

/// A dash right after a count's noun phrase, opening a number and closed
/// by a second dash later in the sentence.
fn opens_breakdown(s: &Sentence, i: usize) -> bool {
    let w = &s.words;
    let after_count = (i.saturating_sub(4)..i).any(|k| w[k].number().is_some());
    let closes = (i + 2..w.len()).any(|k| matches!(w[k].norm.as_str(), "—" | "–") || w[k].is("-") && spaced(s, k));
    after_count && w.get(i + 1).is_some_and(|n| n.number().is_some()) && closes
}

/// "Twelve servicemen and fourteen civilians are free — 26 of our people in all":
/// a dash before a count that ends the sentence with "in all" sums up the clause
/// before it, whose verb it shares.
fn sums_up(s: &Sentence, i: usize) -> bool {
    let w = &s.words;
    let counted = w.get(i + 1).is_some_and(|n| n.number().is_some());
    let combined = |k: usize| matches!(s.tag(k), Some(Tag::Cue(Cue::Combined)));
    let total = (i + 2..w.len()).find(|&k| combined(k));
    let ends = |k: usize| (k..w.len()).all(|j| w[j].is_punct() || combined(j));
    counted && w.len() <= i + 2 + SUM_WORDS && total.is_some_and(ends)
}

/// How many words a closing sum may have after its count: "26 of our people in all.".
const SUM_WORDS: usize = 8;

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
            clauses(
                "26 Ukrainian citizens - 12 military personnel and 14 civilians - had returned home; Moscow said 14."
            ),
            ["26 Ukrainian citizens - 12 military personnel and 14 civilians - had returned home", "; Moscow said 14."]
        );
        assert_eq!(
            clauses("Twelve servicemen and fourteen civilians are free — 26 of our people in all."),
            ["Twelve servicemen and fourteen civilians are free — 26 of our people in all."]
        );
        assert_eq!(
            clauses("The sides freed 90 - a record - on Friday."),
            ["The sides freed 90", "- a record", "- on Friday."]
        );
        assert_eq!(
            clauses("The aim remained to bring everyone home, adding that 235 people had been returned."),
            ["The aim remained to bring everyone home,", "adding that 235 people had been returned."]
        );
    }
}
