//! Follow-up questions: "and how many were wounded?", "who mediated it?", "and the one before?"
//! continue from the answer before them.
//!
//! The front end hands over what that answer was about (a [`Previous`]: its exchanges and its
//! measure), never its text: the engine does not guess the topic from words it wrote itself.
//! [`resolve`] then fills the question's empty slots from it:
//!
//! - a question that names no exchange of its own (no date, no "N-for-N", no description, no
//!   rank or stage, no head count) is about the previous answer's exchanges;
//! - "the one before" / "the one after" (also "the previous one", "the next one", "before
//!   that") is the exchange just before the earliest of them, or just after the latest;
//! - a bare reference without a measure of its own ("and the one before?", read as a free
//!   search) asks what the previous answer asked;
//! - a question that names its own exchange, or asks about the war as a whole (a claim, a
//!   list, a comparison), is left as it is.
//!
//! It only rewrites the question's selectors, so every rule of selecting and answering still
//! applies: a follow-up is answered exactly as if it had named the exchange itself.

use chrono::{Days, NaiveDate};

use crate::facts::{Exchange, ExchangeDate, Facts};
use crate::lang::Period;
use crate::understand::{Measure, Neighbour, Question};

use super::Answer;

/// What a follow-up continues from: the exchanges an answer was about, and what it asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Previous {
    /// Exchange ids ("2025-05-24", "2024-10"), as in `Answer::exchanges`.
    pub exchanges: Vec<String>,
    /// What the previous question asked; a follow-up without a measure of its own asks it again.
    pub measure: Measure,
}

impl Previous {
    /// The context `answer` leaves for the next question; `None` when it was about no exchange
    /// (a quote, a search, an abstention), so a conversation keeps the one before it.
    pub fn of(answer: &Answer) -> Option<Previous> {
        let exchanges: Vec<String> = answer.exchanges.iter().map(|e| e.id.clone()).collect();
        (!exchanges.is_empty()).then_some(Previous { exchanges, measure: answer.measure })
    }
}

/// Every measure by its name (`Measure`'s `Display`), so a front end can carry a `Previous`
/// as text (a Discord button's id) and read it back.
pub fn measure_named(name: &str) -> Option<Measure> {
    const ALL: [Measure; 13] = [
        Measure::Count,
        Measure::Total,
        Measure::Date,
        Measure::Mediator,
        Measure::Place,
        Measure::Quote,
        Measure::Person,
        Measure::Claim,
        Measure::List,
        Measure::Compare,
        Measure::Describe,
        Measure::Sources,
        Measure::Search,
    ];
    ALL.into_iter().find(|m| m.to_string() == name)
}

/// Fills `q`'s empty slots from `previous` (see the module docs).
pub fn resolve(q: &mut Question, previous: &Previous, facts: &Facts) {
    // About the war as a whole, or about several exchanges the question names itself.
    if matches!(q.measure, Measure::Claim | Measure::List | Measure::Compare | Measure::Sources) {
        return;
    }
    let relative = q.select.neighbour.or_else(|| relative(q));
    if q.select.names_exchange() {
        return;
    }
    let shown: Vec<&Exchange> = previous.exchanges.iter().filter_map(|id| facts.exchange(id)).collect();
    if shown.is_empty() {
        return;
    }
    // A bare reference is read as a free search; it means the previous question again.
    if q.measure == Measure::Search && (relative.is_some() || q.search.is_empty()) {
        q.measure = previous.measure;
    }
    q.select.neighbour = None;
    q.select.periods = match relative {
        None => shown.iter().map(|e| period(&e.date)).collect(),
        Some(side) => match neighbour(facts, &shown, side) {
            Some(e) => vec![period(&e.date)],
            // Nothing on record on that side: the answer says so for the stretch asked about.
            None => vec![beyond(&shown, side)],
        },
    };
}

/// Whether the question names an exchange itself.
/// "the one before", "the previous one", "before that", "the next swap", "after it".
fn relative(q: &Question) -> Option<Neighbour> {
    let words: Vec<&str> = q.words.iter().map(|w| w.norm.as_str()).collect();
    let thing = |w: &str| ["one", "exchange", "swap", "that", "it", "this"].contains(&w);
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        let before = i.checked_sub(1).and_then(|j| words.get(j)).copied().unwrap_or("");
        let side = match *word {
            "previous" | "preceding" | "earlier" | "prior" => Some(Neighbour::Before),
            "next" | "following" | "later" | "subsequent" => Some(Neighbour::After),
            "before" if thing(before) || thing(next) || next.is_empty() => Some(Neighbour::Before),
            "after" if thing(before) || thing(next) || next.is_empty() => Some(Neighbour::After),
            _ => None,
        };
        if side.is_some() {
            return side;
        }
    }
    None
}

/// The exchange just before the earliest of `shown`, or just after the latest. A multi-day
/// exchange's days are exchanges of their own, so "the one before" day 2 is day 1.
fn neighbour<'f>(facts: &'f Facts, shown: &[&Exchange], side: Neighbour) -> Option<&'f Exchange> {
    match side {
        Neighbour::Before => {
            let from = shown.iter().map(|e| e.date.bounds().0).min()?;
            facts.exchanges.iter().rev().find(|e| e.date.bounds().1 < from)
        }
        Neighbour::After => {
            let to = shown.iter().map(|e| e.date.bounds().1).max()?;
            facts.exchanges.iter().find(|e| e.date.bounds().0 > to)
        }
    }
}

/// Everything from the start of the war to the day before `shown`, or from the day after it
/// to ten years on: where "the one before/after" was looked for in vain.
fn beyond(shown: &[&Exchange], side: Neighbour) -> Period {
    let first = shown.iter().map(|e| e.date.bounds().0).min().unwrap_or_default();
    let last = shown.iter().map(|e| e.date.bounds().1).max().unwrap_or_default();
    let war = NaiveDate::from_ymd_opt(2014, 1, 1).unwrap_or_default();
    match side {
        Neighbour::Before => Period::Span { from: war.min(first), to: first.pred_opt().unwrap_or(first) },
        Neighbour::After => {
            let next = last.succ_opt().unwrap_or(last);
            Period::Span { from: next, to: next.checked_add_days(Days::new(3650)).unwrap_or(next) }
        }
    }
}

fn period(date: &ExchangeDate) -> Period {
    match *date {
        ExchangeDate::Day(date) => Period::Day { date },
        ExchangeDate::Month { year, month } => Period::Month { year, month },
    }
}
