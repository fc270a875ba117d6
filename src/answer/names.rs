//! Names rather than numbers: who mediated, where, and which person.

use super::count::the;
use super::reply::{Reply, coverage};
use super::select::Selection;
use super::{Answer, Context, search};
use crate::facts::{Attributed, Exchange};
use crate::understand::{PlaceOf, Question};

/// Who mediated the selected exchanges.
pub fn mediator(ctx: &Context, q: &Question, sel: &Selection) -> Answer {
    let mut r = Reply::default();
    let mut ok = false;
    for e in sel.exchanges.iter().rev().take(6) {
        r.exchange(e);
        let mut names: Vec<&str> = Vec::new();
        for m in e.mediators.iter().chain(day_after(ctx, e).flat_map(|x| &x.mediators)) {
            if !names.contains(&m.value.as_str()) {
                names.push(&m.value);
                r.cite(&m.cite);
            }
        }
        if names.is_empty() {
            r.line(format!("No mediator is named in my sources for the exchange of {}.", e.date.label()));
        } else {
            let list: Vec<String> = names.iter().map(|n| the(n)).collect();
            // "the United States, Saudi Arabia and Turkey".
            let said = match list.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => list.join(""),
            };
            r.line(format!("The exchange of **{}** was mediated by {said}.", e.date.label()));
            ok = true;
        }
    }
    if !ok {
        r.line(coverage(ctx.facts));
    }
    r.finish(q, ok, ctx.corpus)
}

/// "**22.09.2022** - Erdogan presents it as an exchange … achieved through Turkish
/// mediation": a day after an exchange, told only by articles that tell that exchange
/// too and not as a stage of a multi-day one, is still about it (who mediated is no figure).
fn day_after<'f>(ctx: &Context<'f>, e: &'f Exchange) -> impl Iterator<Item = &'f Exchange> {
    let next = e.date.bounds().1.succ_opt();
    ctx.facts.exchanges.iter().filter(move |x| {
        x.stage.is_none()
            && x.series.is_none()
            && e.series.is_none()
            && Some(x.date.bounds().0) == next
            && x.sources.iter().all(|a| e.sources.contains(a))
    })
}

/// Where: the talks that agreed the exchange, where the handover happened,
/// or where the released were taken, as the question asks; the others when
/// that one is not on record.
pub fn place(ctx: &Context, q: &Question, sel: &Selection) -> Answer {
    let mut r = Reply::default();
    let mut ok = false;
    for e in sel.exchanges.iter().rev().take(3) {
        r.exchange(e);
        let kinds: [(PlaceOf, &[Attributed], &str); 4] = [
            (PlaceOf::Agreement, &e.agreements, "The exchange was agreed at"),
            (PlaceOf::Venue, &e.venues, "The handover took place in"),
            (PlaceOf::Destination, &e.destinations, "Released prisoners were taken to"),
            (PlaceOf::Origin, &e.origins, "The freed had been captured in"),
        ];
        let asked = kinds.iter().find(|(k, _, _)| *k == q.place);
        match asked {
            Some((_, list, lead)) if !list.is_empty() => {
                say(e, list, lead, &mut r);
                ok = true;
            }
            _ => {
                let other = kinds.iter().find(|(_, list, _)| !list.is_empty());
                match other {
                    Some((_, list, lead)) => {
                        r.line(format!(
                            "My sources do not say that for the exchange of {}; they do say:",
                            e.date.label()
                        ));
                        say(e, list, lead, &mut r);
                    }
                    None => r.line(format!("My sources name no place for the exchange of {}.", e.date.label())),
                }
            }
        }
    }
    if !ok && sel.exchanges.is_empty() {
        // "Where do freed Russian soldiers get medical checks?": every exchange's destinations.
        let mut seen: Vec<&str> = Vec::new();
        for e in ctx.facts.exchanges.iter().rev() {
            for d in &e.destinations {
                if !seen.contains(&d.value.as_str()) && seen.len() < 3 {
                    seen.push(&d.value);
                    r.line(format!(
                        "After the exchange of {}, released prisoners were taken to {}.",
                        e.date.label(),
                        d.value
                    ));
                    r.cite(&d.cite);
                    ok = true;
                }
            }
        }
    }
    if !ok {
        r.line(coverage(ctx.facts));
    }
    r.finish(q, ok, ctx.corpus)
}

fn say(e: &Exchange, list: &[Attributed], lead: &str, r: &mut Reply) {
    let mut names: Vec<&str> = Vec::new();
    for a in list {
        if !names.contains(&a.value.as_str()) {
            names.push(&a.value);
            r.cite(&a.cite);
        }
    }
    r.line(format!("{lead} {} (exchange of **{}**).", names.join(" and "), e.date.label()));
}

/// Which person: who reported the figures the question names, and the
/// sentences that name people.
pub fn person(ctx: &Context, q: &Question, sel: &Selection) -> Answer {
    let mut r = Reply::default();
    let mut reporters: Vec<String> = Vec::new();
    let named = sel.basis != super::select::Basis::All && sel.exchanges.len() <= 2;
    if !q.select.values.is_empty() || named {
        for e in &sel.exchanges {
            let mut matched = false;
            for f in
                e.figures.iter().filter(|f| q.select.values.contains(&f.value) || q.select.values.is_empty() && !f.part)
            {
                matched = true;
                if !reporters.contains(&f.reporter.name) {
                    reporters.push(f.reporter.name.clone());
                    r.cite(&f.cite);
                }
            }
            // "Who said more than 3,000 had been freed …?": a figure no exchange has is
            // no exchange's, so its speakers are not asked about.
            if !matched {
                continue;
            }
            // Everyone who spoke for that side of the exchange.
            for f in &e.figures {
                if !reporters.contains(&f.reporter.name) && f.reporter.side.is_some() {
                    reporters.push(f.reporter.name.clone());
                    r.cite(&f.cite);
                }
            }
        }
    }
    if !reporters.is_empty() {
        r.line(format!("Reported by {}.", reporters.join("; ")));
    }
    // The articles that report the exchange asked about, when one is named.
    let about: Vec<&str> = if named {
        sel.exchanges.iter().flat_map(|e| e.citations()).map(|c| c.article.as_str()).collect()
    } else {
        Vec::new()
    };
    // When it finds nothing, `quote_about` has already said what the bot covers.
    let quoted = search::quote_about(ctx, q, &about, &mut r);
    let ok = quoted || !reporters.is_empty();
    r.finish(q, ok, ctx.corpus)
}
