//! Answering: a `Question` plus the facts and the index give an `Answer`.
//!
//! **Architecture invariant:** every number in a reply is a figure of the
//! facts (with its citation in `Answer::figures`) or a sum of such figures
//! shown with its parts; every snippet is verbatim article text.

mod compose;
mod model;
mod reply;
mod search;
mod select;
mod tally;

pub use model::{Answer, Choice, ExchangeRef, FigureRef, Source};
pub use reply::num;

use crate::corpus::Corpus;
use crate::facts::Facts;
use crate::index::PassageIndex;
use crate::understand::Question;

/// What answering reads.
pub struct Context<'a> {
    pub corpus: &'a Corpus,
    pub facts: &'a Facts,
    pub index: &'a PassageIndex,
}

pub fn answer(ctx: &Context, q: &Question) -> Answer {
    compose::answer(ctx, q)
}

/// One exchange in full (for `/exchange`).
pub fn describe(ctx: &Context, q: &Question, id: &str) -> Answer {
    compose::describe_one(ctx, q, id)
}

/// Exchanges as autocomplete choices, newest first, filtered by what was typed.
pub fn choices(facts: &Facts, typed: &str) -> Vec<Choice> {
    let typed = typed.trim().to_lowercase();
    facts
        .exchanges
        .iter()
        .rev()
        .filter_map(|e| {
            let size = tally::size(e).map_or(String::new(), |s| format!(" — {} in all", num(s)));
            let name = format!("{}{size}", e.date.label());
            let hit = typed.is_empty() || name.to_lowercase().contains(&typed) || e.id.contains(&typed);
            hit.then(|| Choice { name, value: e.id.clone() })
        })
        .take(25)
        .collect()
}
