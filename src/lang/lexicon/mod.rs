//! The vocabulary the rules know, as data tables.
//!
//! Every phrase that decides something lives in one table here, tagged with
//! what it means (`Tag`), so a new synonym or spelling is a one-line change
//! with a test, not a new `if`. `gazetteer` finds the phrases in a sentence
//! in one pass; the rules of `facts` and `understand` read the tags.
//!
//! - `people`: sides, nationalities, nouns for people and for things that are not people.
//! - `verbs`: what happens to people (give, receive, come home, hold), speech, and cues
//!   (plans, negation, "each", "in total", "including", "more than" …).
//! - `names`: speakers, mediators, places.
//! - `words`: plain lists for typo repair, search variants and stop words.

pub mod names;
pub mod people;
pub mod questions;
pub mod ru;
pub mod uk;
pub mod verbs;
mod words;

pub use words::{FOILED, PERSON_NOUNS, RETRACTIONS, STOP_WORDS, SWAP_WORDS, VARIANTS, is_person_noun, variants};

use serde::{Deserialize, Serialize};

use super::text::Word;

/// The two parties to an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Russia,
    Ukraine,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Russia => Side::Ukraine,
            Side::Ukraine => Side::Russia,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Side::Russia => "Russia",
            Side::Ukraine => "Ukraine",
        }
    }

    /// The capital that speaks for this side: "Kyiv", "Moscow".
    pub fn capital(self) -> &'static str {
        match self {
            Side::Russia => "Moscow",
            Side::Ukraine => "Kyiv",
        }
    }

    /// The people of this side, as a reply names them.
    pub fn people(self) -> &'static str {
        match self {
            Side::Russia => "Russians",
            Side::Ukraine => "Ukrainians",
        }
    }
}

/// Kinds of people an exchange figure counts, as replies group them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Prisoners of war, soldiers, "people": the headline count.
    Prisoners,
    /// Seriously wounded or sick prisoners, often returned on top of the swap.
    Wounded,
    Civilians,
}

impl Category {
    pub fn noun(self) -> &'static str {
        match self {
            Category::Prisoners => "prisoners",
            Category::Wounded => "seriously wounded",
            Category::Civilians => "civilians",
        }
    }
}

/// What a phrase means to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A state or its government, acting or speaking: "Russia", "Kyiv", "the Ukrainian side".
    State(Side),
    /// A nationality: "Ukrainian", "Russians".
    Nationality(Side),
    /// A noun for people an exchange can move: "prisoners of war", "women", "civilians".
    People(Category),
    /// An adjective that puts people in a category: "wounded", "seriously ill", "civilian".
    Kind(Category),
    /// A noun whose count is never a head count of freed people: "bodies", "drones", "years".
    Thing(Thing),
    /// A named speaker or institution (index into `names::SPEAKERS`).
    Speaker(u16),
    /// A mediating state or body (index into `names::MEDIATORS`).
    Mediator(u16),
    /// A place (index into `names::PLACES`).
    Place(u16),
    /// A verb of what happens to people.
    Act(Act),
    /// A verb or phrase that reports speech: "said", "according to".
    Speech,
    /// A noun that names an exchange: "swap", "prisoner exchange".
    Event,
    /// A part of a multi-day exchange: "stage", "round".
    Stage,
    Cue(Cue),
}

/// Things counted that are not living people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    /// Bodies of the dead, returned in their own exchanges.
    Bodies,
    /// Weapons, vehicles, buildings, places, money, measures, time.
    Other,
}

/// Verb classes of what happens to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    /// Its subject lets people go: "handed over", "released", "returned".
    Give,
    /// Its subject gets people back: "received", "brought home", "welcomed home".
    Receive,
    /// People come home (intransitive): "came home", "are back home", "went back".
    Home,
    /// Both directions: "exchanged", "swapped", "traded", "changed hands".
    Swap,
    /// People are held, not freed: "held", "in captivity", "detained".
    Hold,
    /// People are taken: "captured", "taken prisoner".
    Capture,
    /// An exchange happens: "took place", "was carried out".
    Occur,
}

/// Small words and phrases that change what a count means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Not done yet: "will", "expected to", "hopes to", "agreed to", "ready to".
    Plan,
    /// "not", "no", "declined", "refused".
    Negation,
    Since,
    /// A running total: "so far", "to date", "now", "in all", "across all".
    SoFar,
    /// The same number each way: "each", "apiece", "on each side".
    Each,
    /// Both directions together: "a total of", "combined", "altogether".
    Combined,
    /// A part of a group named before: "including", "among them", "of whom".
    Part,
    /// "more than", "nearly", "at least".
    Approx,
    /// "the same number", "an equal number": the previous count again.
    SameNumber,
    /// "in return", "in exchange": the other direction of the swap.
    InReturn,
    /// Another, earlier event: "previous", "prior", "earlier".
    Earlier,
    /// A form of "be": passives and copulas.
    Be,
    /// Pronouns that stand for a side named before: "it", "its", "we", "their".
    Pronoun,
}

impl Tag {
    /// Case and context rules a match of this tag at `at` must also meet.
    pub fn accepts(&self, words: &[Word], at: std::ops::Range<usize>) -> bool {
        let first = &words[at.start];
        let next = words.get(at.end);
        match self {
            // "US" is the United States; "us" is a pronoun.
            Tag::Mediator(_) if first.is("us") => first.capitalized && at.len() == 1,
            // "each other" is not distributive.
            Tag::Cue(Cue::Each) if first.is("each") && at.len() == 1 => !next.is_some_and(|n| n.is("other")),
            // The modal, not the month ("in May 2025").
            Tag::Cue(Cue::Plan) if first.is("may") => !first.capitalized,
            // "270 military and 120 civilians", but "three military pilots" are pilots.
            Tag::People(_) if first.is("military") && at.len() == 1 => !next.is_some_and(|n| is_person_noun(&n.norm)),
            // "from Ukrainian-held territory", "Russian-occupied Kherson": a place
            // described, not anyone held or captured.
            Tag::Act(Act::Hold | Act::Capture) if at.start >= 2 => {
                let dash = &words[at.start - 1];
                !(dash.is("-") && dash.span.start == words[at.start - 2].span.end && dash.span.end == first.span.start)
            }
            _ => true,
        }
    }
}

/// Every phrase of the tables with its tag, for the gazetteer. Phrases are
/// written naturally in the tables and normalised here the way sentences
/// are ("Russia's" → "russia", "prisoner-of-war" → "prisoner - of - war").
pub fn phrases() -> Vec<(String, Tag)> {
    let mut out = Vec::new();
    let all = people::phrases().into_iter().chain(verbs::phrases()).chain(names::phrases());
    for (phrase, tag) in all {
        let norm: Vec<String> = super::text::words(phrase).into_iter().map(|w| w.norm).collect();
        out.push((norm.join(" "), tag));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn no_phrase_has_two_meanings() {
        let mut seen: HashMap<String, Tag> = HashMap::new();
        for (p, t) in phrases() {
            if let Some(old) = seen.insert(p.clone(), t) {
                assert_eq!(old, t, "“{p}” is in two tables");
            }
        }
    }

    #[test]
    fn phrases_are_normalised_words() {
        for (p, _) in phrases() {
            assert!(!p.is_empty() && !p.contains("  ") && p.trim() == p, "“{p}”");
        }
    }
}
