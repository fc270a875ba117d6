//! Answering: a `Question` plus the facts and the index give an `Answer`.
//!
//! `answer` is the one decision table: the measure picks the composer, the
//! selectors pick the exchanges (`select`), the filters shape what each
//! composer states (`tally`).
//!
//! **Architecture invariant:** every number in a reply is a figure of the
//! facts (with its citation in `Answer::figures`) or a sum of such figures
//! shown with its parts; every snippet is verbatim article text. What the
//! facts cannot support is an abstention (`answered: false`) that says what
//! is known instead.

mod claims;
mod count;
pub mod followup;
mod linked;
mod list;
mod model;
mod names;
mod reply;
mod search;
mod select;
pub mod summary;
mod tally;
mod when;

pub use followup::Previous;
pub use model::{Answer, Choice, ExchangeRef, FigureRef, Source};
pub use reply::{coverage, num};
pub use summary::Summary;

use crate::corpus::Corpus;
use crate::facts::Facts;
use crate::index::PassageIndex;
use crate::understand::{Measure, Question};
use reply::Reply;
use select::Basis;

/// What answering reads.
pub struct Context<'a> {
    pub corpus: &'a Corpus,
    pub facts: &'a Facts,
    pub index: &'a PassageIndex,
}

pub fn answer(ctx: &Context, q: &Question) -> Answer {
    if let Some(day) = &q.impossible_date {
        let mut r = Reply::default();
        r.line(format!("There is no such date as {day}."));
        r.line(coverage(ctx.facts));
        return r.finish(q, false, ctx.corpus);
    }
    // "After the 205-for-205 exchange, how many … in total?": as of that exchange's day.
    if q.select.as_of_exchange && q.select.as_of.is_none() {
        let mut anchor = q.clone();
        anchor.select.as_of_exchange = false;
        let sel = select::select(ctx, &anchor);
        if sel.basis != Basis::All
            && let Some(last) = sel.exchanges.iter().map(|e| e.date.bounds().1).max()
        {
            let mut asked = anchor;
            asked.select.as_of = Some(crate::lang::dates::Period::Day { date: last });
            asked.select.periods.clear();
            asked.select.n_for_n = None;
            asked.select.descriptors.clear();
            asked.select.values.clear();
            return answer(ctx, &asked);
        }
    }
    match q.measure {
        Measure::Search | Measure::Quote => return search::answer(ctx, q),
        Measure::Claim => {
            let claimed = claims::answer(ctx, q);
            // "whose body came back together with the 32 soldiers in october 2022?": no
            // claim of that size, but the sentences about the swap name the person.
            let whose = q.words.first().is_some_and(|w| ["whose", "who", "which"].contains(&w.norm.as_str()));
            if !claimed.answered && whose {
                let person = names::person(ctx, q, &select::select(ctx, q));
                if person.answered {
                    return person;
                }
            }
            // "Did Russia actually hand over the 23 wounded Putin promised in March 2025?":
            // with no plan on record then, what was handed over then answers whether it was.
            // "Putin promised 23 in March 2025. Did all 23 get handed over?": the question may
            // follow a sentence of its own.
            let aux =
                |w: &crate::lang::text::Word| crate::lang::lexicon::questions::AUXILIARIES.contains(&w.norm.as_str());
            // "Putin promised 23 … in March 2025 - did Russia actually hand over all of them?".
            let did = q.words.first().is_some_and(aux)
                || q.words
                    .windows(2)
                    .any(|w| [".", "?", "-", "–", "—", ";"].contains(&w[0].norm.as_str()) && aux(&w[1]));
            // With the plan on record, the plan and what was handed over, side by side.
            if did && matches!(q.claim, Some(crate::facts::ClaimKind::Planned(_))) && !q.select.periods.is_empty() {
                let asked = Question { measure: Measure::Count, claim: None, ..q.clone() };
                let sel = select::select(ctx, &asked);
                if !sel.exchanges.is_empty() && sel.basis != Basis::All {
                    let done = count::count(ctx, &asked, &sel);
                    if !claimed.answered || !done.answered {
                        return if claimed.answered { claimed } else { done };
                    }
                    return claimed.and(done, &q.text);
                }
            }
            return claimed;
        }
        Measure::List => return list::list(ctx, q),
        Measure::Compare => return list::compare(ctx, q),
        _ => {}
    }
    if matches!(q.measure, Measure::Count | Measure::Total)
        && let Some(a) = claims::period_total(ctx, q)
    {
        return a;
    }
    let sel = select::select(ctx, q);
    if q.measure == Measure::Person {
        return names::person(ctx, q, &sel);
    }
    // "the Christmas swap": a description that matches no exchange must not
    // fall back to all of them; nor may a count of "every exchange".
    let unnarrowed = sel.basis == Basis::All && q.measure != Measure::Place;
    if sel.exchanges.is_empty() || unnarrowed {
        // "When did the Il-76 go down?": not about an exchange at all, but
        // the articles may say; nothing dates or counts it for an exchange.
        let about_something_else = !q.select.descriptors.is_empty()
            && q.select.periods.is_empty()
            && q.select.values.is_empty()
            && q.select.n_for_n.is_none()
            && q.select.rank.is_none()
            && q.select.stage.is_none();
        if about_something_else {
            // A count is answered only by a sentence that counts something.
            let counting = matches!(q.measure, Measure::Count | Measure::Total);
            return search::answer_quoting(ctx, q, counting);
        }
        if unnarrowed && matches!(q.measure, Measure::Count | Measure::Total) && !sel.exchanges.is_empty() {
            return claims::war_total(ctx, q);
        }
        if q.measure == Measure::Place {
            return place_or_quotes(ctx, q, &sel);
        }
        // "Which country brokered the return of four Ukrainian children in October
        // 2023?": no exchange then, but that month's articles may name who did. Only
        // for a name, never a count: no figure is borrowed from another event.
        // Not "and the one before?" the first exchange: there is none, whatever is quoted.
        let described = !q.select.descriptors.is_empty() || q.filter.category.is_some();
        if sel.exchanges.is_empty()
            && !q.select.periods.is_empty()
            && q.select.neighbour.is_none()
            && described
            && matches!(q.measure, Measure::Mediator | Measure::Person)
        {
            let quoted = search::answer_quoting(ctx, q, false);
            if quoted.answered {
                return quoted;
            }
        }
        return no_exchange(ctx, q);
    }
    // "When and where was the 1000-for-1000 deal agreed?": the deal's own day and place.
    let agreed = q.words.iter().any(|w| crate::lang::lexicon::questions::AGREED.contains(&w.norm.as_str()));
    if agreed
        && matches!(q.measure, Measure::Date | Measure::Place)
        && let Some(a) = when::agreed(ctx, q, &sel)
    {
        return a;
    }
    // "How many were exchanged in the swap of at least 1,200 per side agreed on 23 July?":
    // a number that only a plan of that time holds names the plan, not an exchange.
    if q.measure == Measure::Count
        && let Some(a) = claims::plan_named(ctx, q, &sel)
    {
        return a;
    }
    match q.measure {
        Measure::Count => count::count(ctx, q, &sel),
        Measure::Total => count::total(ctx, q, &sel),
        Measure::Date => when::when(ctx, q, &sel),
        Measure::Mediator => mediator_or_quotes(ctx, q, &sel),
        Measure::Place => place_or_quotes(ctx, q, &sel),
        _ => when::describe(ctx, q, &sel),
    }
}

/// "Where was Butkevych held?", "where did the 31 May swap take place": the
/// places read for the exchange, or else the sentences that answer it; the
/// facts keep only where a handover happened, went to, and the freed were
/// captured.
fn place_or_quotes(ctx: &Context, q: &Question, sel: &select::Selection) -> Answer {
    let placed = names::place(ctx, q, sel);
    if placed.answered {
        return placed;
    }
    let quoted = search::answer(ctx, q);
    if quoted.answered { quoted } else { placed }
}

/// "Which country's president helped arrange the release of the Azovstal
/// commanders?": no mediator on record for the exchanges, but a sentence
/// may say who helped ("under President Erdogan's protection").
fn mediator_or_quotes(ctx: &Context, q: &Question, sel: &select::Selection) -> Answer {
    let named = names::mediator(ctx, q, sel);
    if named.answered || q.select.descriptors.is_empty() {
        return named;
    }
    let quoted = search::answer(ctx, q);
    if quoted.answered { quoted } else { named }
}

/// One exchange in full (for `/exchange`).
pub fn describe(ctx: &Context, q: &Question, id: &str) -> Answer {
    let Some(e) = ctx.facts.exchange(id) else {
        return no_exchange(ctx, q);
    };
    let sel = select::Selection { exchanges: vec![e], basis: Basis::Named, evidence: Vec::new() };
    when::describe(ctx, q, &sel)
}

/// Nothing on record for what was asked: say so, quote what the articles
/// say about it, and what is known.
pub fn no_exchange(ctx: &Context, q: &Question) -> Answer {
    let mut r = Reply::default();
    // "before the first swap of 2024, how many had Ukraine got back": with none of its
    // exchanges on record, a source's running total of then still answers.
    if matches!(q.measure, Measure::Count | Measure::Total) && count::running_totals(ctx, q, &mut r) {
        return r.finish(q, true, ctx.corpus);
    }
    let what = match (q.select.periods.first(), q.select.descriptors.is_empty()) {
        (Some(p), _) => format!("on record for {}", p.label()),
        (None, false) => format!("matching “{}”", q.select.descriptors.join(" ")),
        (None, true) => "on record for that".to_string(),
    };
    r.line(format!("I have no prisoner exchange {what}."));
    r.line(coverage(ctx.facts));
    r.line("Ask me to list the exchanges to see them all.");
    r.finish(q, false, ctx.corpus)
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
