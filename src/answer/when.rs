//! When, and one exchange in full.

use super::count::{self, SIDES, one_series, series_label};
use super::reply::{Reply, num};
use super::select::{self, Selection};
use super::tally::{self, Who};
use super::{Answer, Context};
use crate::facts::Exchange;
use crate::understand::{Question, Rank};

/// The dates of the selected exchanges, each with the sentence that shows it.
pub fn when(ctx: &Context, q: &Question, sel: &Selection) -> Answer {
    let chosen = &sel.exchanges;
    let mut r = Reply::default();
    for c in &sel.evidence {
        r.cite(c);
    }
    if let Some(s) = one_series(ctx, chosen).filter(|_| chosen.len() > 1) {
        let days = select::days_of(ctx.facts, s);
        let per_day: Vec<String> = days.iter().map(|e| day_counts(e, &mut r)).collect();
        r.line(format!(
            "It began on **{}** and ran over {} days, to {} ({}).",
            days[0].date.label(),
            days.len(),
            days.last().map_or(String::new(), |e| e.date.label()),
            per_day.join("; ")
        ));
        return r.finish(q, true, ctx.corpus);
    }
    if chosen.len() > 1 {
        r.line(format!("{} exchanges fit:", chosen.len()));
    }
    for e in chosen.iter().rev().take(6) {
        r.exchange(e);
        let what = matching_figures(q, e, &mut r);
        if what.is_empty() {
            // Cite what shows the exchange happened that day.
            if let Some(c) = e.reports.first().or(e.figures.first().map(|f| &f.cite)) {
                r.cite(c);
            }
            r.line(format!("**{}**{}", e.date.label(), brief(e)));
        } else {
            r.line(format!("**{}**: {}", e.date.label(), what.join("; ")));
        }
    }
    r.finish(q, true, ctx.corpus)
}

/// The deals the selected exchanges were carried out under, as the articles
/// name them ("talks in Istanbul on 16 May 2025"); `None` when none is named.
pub fn agreed(ctx: &Context, q: &Question, sel: &Selection) -> Option<Answer> {
    let mut r = Reply::default();
    let mut seen: Vec<&str> = Vec::new();
    let all: Vec<&crate::facts::Attributed> = sel.exchanges.iter().flat_map(|e| &e.agreements).collect();
    // "talks in Istanbul" says less than "talks in Istanbul on 16 May 2025" beside it.
    let fuller = |v: &str| all.iter().any(|b| b.value.len() > v.len() && b.value.starts_with(v));
    for a in &all {
        if seen.contains(&a.value.as_str()) || seen.len() == 3 || fuller(&a.value) {
            continue;
        }
        seen.push(&a.value);
        r.line(format!("Agreed at the {}.", a.value));
        r.cite(&a.cite);
    }
    (!seen.is_empty()).then(|| r.finish(q, true, ctx.corpus))
}

/// The figures of `e` that the question's numbers name, stated and cited.
fn matching_figures(q: &Question, e: &Exchange, r: &mut Reply) -> Vec<String> {
    let mut out = Vec::new();
    for v in &q.select.values {
        if let Some(f) = e.figures.iter().find(|f| f.value == *v) {
            let to = match f.recipient {
                crate::facts::Recipient::To(side) => format!(" to {}", side.name()),
                crate::facts::Recipient::Each => " each way".to_string(),
                crate::facts::Recipient::Combined => " in all".to_string(),
            };
            r.figure(format!("{}: {}{to}", e.date.label(), f.value), f);
            out.push(format!("{}{to} ({})", num(f.value), f.reporter.name));
        }
    }
    out
}

/// ", 175 to Ukraine and 175 to Russia": what the exchange moved, briefly.
fn brief(e: &Exchange) -> String {
    let parts: Vec<String> = SIDES
        .iter()
        .filter_map(|&s| tally::agreed(e, s, Who::HEADLINE).map(|c| format!("{} to {}", c.text(), s.name())))
        .collect();
    if parts.is_empty() { String::new() } else { format!(": {}", parts.join(", ")) }
}

/// "390 each way" when both sides' agreed counts match, else each side's.
fn day_counts(e: &Exchange, r: &mut Reply) -> String {
    r.exchange(e);
    let per_side: Vec<Option<tally::Count>> = SIDES.iter().map(|&s| tally::agreed(e, s, Who::HEADLINE)).collect();
    for (side, c) in SIDES.iter().zip(&per_side) {
        if let Some(c) = c {
            r.figure(format!("{}: returned to {}", e.date.label(), side.name()), c.figures[0]);
        }
    }
    match (&per_side[0], &per_side[1]) {
        (Some(u), Some(ru)) if u.value == ru.value => format!("{} each way on {}", u.text(), e.date.label()),
        _ => {
            let parts: Vec<String> = SIDES
                .iter()
                .zip(&per_side)
                .filter_map(|(s, c)| c.as_ref().map(|c| format!("{} to {}", c.text(), s.name())))
                .collect();
            format!("{} on {}", parts.join(", "), e.date.label())
        }
    }
}

/// One exchange, everything on record about it: figures, mediator, places, the deal.
pub fn describe(ctx: &Context, q: &Question, sel: &Selection) -> Answer {
    if let Some(rank @ (Rank::Largest | Rank::Smallest)) = q.select.rank {
        return super::list::ranked(ctx, q, sel, rank);
    }
    let mut r = Reply::default();
    let mut ok = false;
    if let Some(s) = one_series(ctx, &sel.exchanges).filter(|_| sel.exchanges.len() > 1) {
        r.line(format!("The exchange of **{}** ran over {} days:", series_label(ctx, s), s.exchanges.len()));
    }
    for e in sel.exchanges.iter().take(6) {
        ok |= count::describe(ctx, q, e, &mut r);
        if sel.exchanges.len() == 1 {
            details(e, &mut r);
        }
    }
    if !ok {
        r.line(super::reply::coverage(ctx.facts));
    }
    r.finish(q, ok, ctx.corpus)
}

/// Places, the deal and how many sources, for a reply about one exchange.
pub fn details(e: &Exchange, r: &mut Reply) {
    if let Some(a) = e.agreements.iter().max_by_key(|a| a.value.len()) {
        r.line(format!("Agreed at {}.", a.value));
        r.cite(&a.cite);
    }
    if let Some(v) = e.venues.first() {
        r.line(format!("The handover took place in {}.", v.value));
        r.cite(&v.cite);
    }
    if let Some(d) = e.destinations.first() {
        r.line(format!("Released prisoners were taken to {}.", d.value));
        r.cite(&d.cite);
    }
    r.line(format!("Reported by {} source(s).", e.sources.len()));
}
