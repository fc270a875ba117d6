//! One function per intent: select exchanges, state what the sources say,
//! cite every figure. Anything the facts cannot support is an abstention.

use super::reply::{Reply, coverage, names, num};
use super::select::{self, Basis};
use super::tally::{self, Count};
use super::{Answer, Context};
use crate::facts::{ClaimKind, Exchange, Series};
use crate::lang::dates::day_label;
use crate::lang::{Category, Period, Side};
use crate::understand::{Intent, Question};

const SIDES: [Side; 2] = [Side::Ukraine, Side::Russia];

pub fn answer(ctx: &Context, q: &Question) -> Answer {
    match q.intent {
        Intent::Search => super::search::answer(ctx, q),
        Intent::Claim => claim(ctx, q),
        Intent::List => list(ctx, q),
        Intent::Compare => compare(ctx, q),
        Intent::Largest | Intent::Smallest => extreme(ctx, q),
        _ => about_exchanges(ctx, q),
    }
}

/// Count, Total, When, Mediator, Where, Latest, Earliest, Describe.
fn about_exchanges(ctx: &Context, q: &Question) -> Answer {
    let (mut chosen, basis) = select::select(ctx.facts, ctx.index, ctx.corpus, q);
    // "the Christmas swap": a description that matches no exchange must not
    // fall back to all of them.
    if chosen.is_empty() || basis == Basis::All && !q.descriptors.is_empty() {
        return no_exchange(ctx, q);
    }
    match q.intent {
        Intent::Latest => chosen = chosen.last().copied().into_iter().collect(),
        Intent::Earliest => chosen = chosen.first().copied().into_iter().collect(),
        _ => {}
    }
    // An unnarrowed count ("how many were exchanged?") is about the war as a whole.
    if basis == Basis::All && matches!(q.intent, Intent::Count | Intent::Total) && q.stage.is_none() {
        return totals_overall(ctx, q);
    }
    let mut r = Reply::default();
    let answered = match q.intent {
        Intent::Mediator => mediators(&chosen, &mut r),
        Intent::Where => places(q, &chosen, &mut r),
        Intent::When => when(ctx, &chosen, &mut r),
        Intent::Total => total(ctx, q, &chosen, &mut r),
        _ => {
            if let Some(series) = one_series(ctx, &chosen).filter(|_| chosen.len() > 1) {
                series_summary(ctx, q, series, &mut r)
            } else if chosen.len() > 1 && q.intent == Intent::Count && q.category.is_none() && spans_time(q) {
                // "How many were exchanged in 2024?": the sum, with its parts.
                // ("on Wednesday" matching two Wednesdays describes each instead.)
                total(ctx, q, &chosen, &mut r)
            } else {
                let mut ok = false;
                for e in chosen.iter().rev().take(6) {
                    ok |= describe(ctx, q, e, &mut r);
                }
                ok
            }
        }
    };
    if !answered {
        r.line(coverage(ctx.facts));
    }
    r.finish(q, answered, ctx.corpus)
}

/// Does the question name a stretch of time (a month, a year, a range)
/// rather than a day that recurs ("on Wednesday", "on May 24")?
fn spans_time(q: &Question) -> bool {
    q.periods
        .iter()
        .any(|p| matches!(p, Period::Month { .. } | Period::Span { .. } | Period::Recurring { day: None, .. }))
}

/// The exchanges form exactly one multi-day series.
fn one_series<'f>(ctx: &Context<'f>, chosen: &[&Exchange]) -> Option<&'f Series> {
    let first = ctx.facts.series_of(chosen.first()?)?;
    chosen.iter().all(|e| e.series.as_deref() == Some(first.id.as_str())).then_some(first)
}

fn series_label(ctx: &Context, s: &Series) -> String {
    let first = s.exchanges.first().and_then(|id| ctx.facts.exchange(id));
    let last = s.exchanges.last().and_then(|id| ctx.facts.exchange(id));
    match (first, last) {
        (Some(a), Some(b)) => format!("{} to {}", a.date.label(), b.date.label()),
        _ => s.id.clone(),
    }
}

fn stage_note(ctx: &Context, e: &Exchange) -> String {
    match (&e.stage, ctx.facts.series_of(e)) {
        (Some(st), Some(s)) => format!(" (day {} of {})", st.number, s.exchanges.len()),
        _ => String::new(),
    }
}

/// States one value list for one side: agreed, or each source's figure when they differ.
fn side_text(
    r: &mut Reply,
    e: &Exchange,
    side: Side,
    category: Category,
    counts: &[Count],
    prefer: Option<Side>,
) -> String {
    let label = |c: &Count| {
        format!(
            "{}: {} {} returned to {} ({})",
            e.date.label(),
            num(c.value),
            category.noun(),
            side.name(),
            names(&c.reporters())
        )
    };
    let mut ordered: Vec<&Count> = counts.iter().collect();
    if let Some(p) = prefer {
        ordered.sort_by_key(|c| !c.reported_by(p));
    }
    for c in &ordered {
        r.figure(label(c), c.figures[0]);
        for f in c.figures.iter().skip(1).take(2) {
            r.cite(&f.cite);
        }
    }
    // "22 seriously wounded (Russia's Defence Ministry)"; prisoners go unnamed.
    let noun = if category == Category::Prisoners { String::new() } else { format!(" {}", category.noun()) };
    if ordered.len() == 1 {
        format!("{}{noun} ({})", num(ordered[0].value), names(&ordered[0].reporters()))
    } else {
        let parts: Vec<String> =
            ordered.iter().map(|c| format!("{}{noun} according to {}", num(c.value), names(&c.reporters()))).collect();
        format!("sources differ: {}", parts.join("; "))
    }
}

/// One exchange, filtered by the question's side and category. Returns
/// whether it stated the figure asked for.
fn describe(ctx: &Context, q: &Question, e: &Exchange, r: &mut Reply) -> bool {
    r.exchange(e);
    let head = format!("**{}**{}", e.date.label(), stage_note(ctx, e));
    let sides: Vec<Side> = match q.recipient {
        Some(s) if !q.each => vec![s],
        _ => SIDES.to_vec(),
    };
    // A specific category asked for: state it, or say it is not on record.
    if let Some(cat @ (Category::Wounded | Category::Civilians)) = q.category {
        let mut parts = Vec::new();
        for &side in &sides {
            let c = tally::counts(e, side, cat);
            if !c.is_empty() {
                parts.push(format!("{} returned to {}", side_text(r, e, side, cat, &c, q.reporter), side.name()));
            }
        }
        if parts.is_empty() {
            r.line(format!("{head}: no figure for {} is on record for this exchange.", cat.noun()));
            return false;
        }
        let context: Vec<String> = sides
            .iter()
            .filter_map(|&s| {
                tally::agreed(e, s, Category::Prisoners)
                    .map(|c| format!("{} prisoners in all to {}", num(c.value), s.name()))
            })
            .collect();
        let tail = if context.is_empty() { String::new() } else { format!(" (of {})", context.join(", ")) };
        r.line(format!("{head}: {}{tail}.", parts.join("; ")));
        mediator_line(e, r);
        return true;
    }
    let mut parts = Vec::new();
    if q.recipient.is_none() || q.each {
        for c in tally::combined(e) {
            parts.push(format!("{} exchanged in all ({})", num(c.value), names(&c.reporters())));
            r.figure(format!("{}: total exchanged ({})", e.date.label(), names(&c.reporters())), c.figures[0]);
        }
    }
    for &side in &sides {
        let c = tally::counts(e, side, Category::Prisoners);
        if c.is_empty() {
            continue;
        }
        let mut text = format!("to {}: {}", side.name(), side_text(r, e, side, Category::Prisoners, &c, q.reporter));
        let w = tally::counts(e, side, Category::Wounded);
        if !w.is_empty() {
            text.push_str(&format!(", plus {}", side_text(r, e, side, Category::Wounded, &w, q.reporter)));
        }
        let civ = tally::counts(e, side, Category::Civilians);
        if !civ.is_empty() {
            text.push_str(&format!(", including {}", side_text(r, e, side, Category::Civilians, &civ, q.reporter)));
        }
        parts.push(text);
    }
    if parts.is_empty() {
        r.line(format!(
            "{head}: no figure for {} is on record.",
            sides.iter().map(|s| s.name()).collect::<Vec<_>>().join(" or ")
        ));
        return false;
    }
    // A total computed from agreed side counts, with its parts shown.
    if tally::combined(e).is_empty()
        && (q.recipient.is_none() || q.each)
        && let (Some((u, uf)), Some((ru, rf))) =
            (tally::returned_to(e, Side::Ukraine), tally::returned_to(e, Side::Russia))
    {
        // The addends are the cited figures themselves (prisoners, then any wounded).
        let addends: Vec<String> = uf.iter().chain(&rf).map(|f| num(f.value)).collect();
        parts.push(format!("{} in all ({}, computed)", num(u + ru), addends.join(" + ")));
    }
    r.line(format!("{head}: {}.", parts.join("; ")));
    mediator_line(e, r);
    true
}

fn mediator_line(e: &Exchange, r: &mut Reply) {
    if let Some(m) = e.mediators.first() {
        r.line(format!("Mediated by {}.", the(&m.value)));
        r.cite(&m.cite);
    }
}

fn the(name: &str) -> String {
    if name.starts_with("the ") || name.split_whitespace().count() == 1 {
        name.to_string()
    } else {
        format!("the {name}")
    }
}

/// A multi-day exchange: day by day, and the totals.
fn series_summary(ctx: &Context, q: &Question, s: &Series, r: &mut Reply) -> bool {
    let days: Vec<&Exchange> = s.exchanges.iter().filter_map(|id| ctx.facts.exchange(id)).collect();
    r.line(format!("The exchange of **{}** ran over {} days:", series_label(ctx, s), days.len()));
    let mut any = false;
    for e in &days {
        any |= describe(ctx, q, e, r);
    }
    series_totals(ctx, q, s, &days, r);
    any
}

/// Sums over the days per side, and reported running totals.
fn series_totals(ctx: &Context, q: &Question, s: &Series, days: &[&Exchange], r: &mut Reply) {
    let sides: Vec<Side> = match q.recipient {
        Some(x) if !q.each => vec![x],
        _ => SIDES.to_vec(),
    };
    for side in sides {
        let parts: Option<Vec<Count>> = days.iter().map(|e| tally::agreed(e, side, Category::Prisoners)).collect();
        if let Some(parts) = parts {
            let sum: u64 = parts.iter().map(|c| c.value).sum();
            let shown: Vec<String> = parts.iter().map(|c| num(c.value)).collect();
            r.line(format!(
                "In all {} got back {} ({}, computed from the daily figures).",
                side.name(),
                num(sum),
                shown.join(" + ")
            ));
            for c in &parts {
                r.cite(&c.figures[0].cite);
            }
        }
    }
    for f in s.totals.iter().take(1) {
        r.line(format!("Reported at the end: {} each ({}).", num(f.value), f.reporter.name));
        r.figure(format!("{}: running total each way ({})", series_label(ctx, s), f.reporter.name), f);
    }
}

fn total(ctx: &Context, q: &Question, chosen: &[&Exchange], r: &mut Reply) -> bool {
    if let Some(s) = one_series(ctx, chosen) {
        let days: Vec<&Exchange> = s.exchanges.iter().filter_map(|id| ctx.facts.exchange(id)).collect();
        r.line(format!("Over the {} days of the **{}** exchange:", days.len(), series_label(ctx, s)));
        for e in &days {
            r.exchange(e);
        }
        series_totals(ctx, q, s, &days, r);
        return true;
    }
    let sides: Vec<Side> = match q.recipient {
        Some(x) if !q.each => vec![x],
        _ => SIDES.to_vec(),
    };
    let mut ok = false;
    for side in sides {
        let mut parts = Vec::new();
        let mut disputed = Vec::new();
        let mut sum = 0;
        for e in chosen {
            r.exchange(e);
            let counts = tally::counts(e, side, Category::Prisoners);
            match counts.as_slice() {
                [] => {}
                [c] => {
                    r.figure(format!("{}: returned to {}", e.date.label(), side.name()), c.figures[0]);
                    // Seriously wounded returned on top of the swap count are people got back too.
                    match tally::agreed(e, side, Category::Wounded) {
                        Some(w) => {
                            sum += c.value + w.value;
                            parts.push(format!("{} + {} wounded on {}", num(c.value), num(w.value), e.date.label()));
                            r.figure(
                                format!("{}: seriously wounded returned to {}", e.date.label(), side.name()),
                                w.figures[0],
                            );
                        }
                        None => {
                            sum += c.value;
                            parts.push(format!("{} on {}", num(c.value), e.date.label()));
                        }
                    }
                }
                several => {
                    // Sources differ: adding either figure would state a total no source supports.
                    let values: Vec<String> = several.iter().map(|c| num(c.value)).collect();
                    disputed.push(format!("{} ({})", e.date.label(), values.join(" or ")));
                    for c in several {
                        r.figure(format!("{}: returned to {} (disputed)", e.date.label(), side.name()), c.figures[0]);
                    }
                }
            }
        }
        if !parts.is_empty() {
            ok = true;
            r.line(format!("{} got back {} in all ({}; computed).", side.name(), num(sum), parts.join(" + ")));
        }
        if !disputed.is_empty() {
            r.line(format!("Not added, because sources differ: {}.", disputed.join("; ")));
        }
    }
    ok
}

/// "390 each way" when both sides' agreed counts match, else each side's.
fn day_counts(e: &Exchange, r: &mut Reply) -> String {
    r.exchange(e);
    let per_side: Vec<Option<Count>> = SIDES.iter().map(|&s| tally::agreed(e, s, Category::Prisoners)).collect();
    for (side, c) in SIDES.iter().zip(&per_side) {
        if let Some(c) = c {
            r.figure(format!("{}: returned to {}", e.date.label(), side.name()), c.figures[0]);
        }
    }
    match (&per_side[0], &per_side[1]) {
        (Some(u), Some(ru)) if u.value == ru.value => format!("{} each way", num(u.value)),
        _ => SIDES
            .iter()
            .zip(&per_side)
            .filter_map(|(s, c)| c.as_ref().map(|c| format!("{} to {}", num(c.value), s.name())))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn when(ctx: &Context, chosen: &[&Exchange], r: &mut Reply) -> bool {
    if let Some(s) = one_series(ctx, chosen).filter(|_| chosen.len() > 1) {
        let days: Vec<&Exchange> = s.exchanges.iter().filter_map(|id| ctx.facts.exchange(id)).collect();
        let first = days[0];
        let per_day: Vec<String> = days.iter().map(|e| day_counts(e, r)).collect();
        r.line(format!(
            "It began on **{}** and ran over {} days, to {} ({}).",
            first.date.label(),
            days.len(),
            days.last().map_or(String::new(), |e| e.date.label()),
            per_day.join("; ")
        ));
        if let Some(a) = first.agreements.iter().max_by_key(|a| a.value.len()) {
            r.line(format!("It was agreed at {}.", a.value));
            r.cite(&a.cite);
        }
        return true;
    }
    let mut ok = false;
    for e in chosen.iter().rev().take(5) {
        r.exchange(e);
        let sizes: Vec<String> = SIDES
            .iter()
            .filter_map(|&s| {
                tally::agreed(e, s, Category::Prisoners).map(|c| {
                    r.figure(format!("{}: returned to {}", e.date.label(), s.name()), c.figures[0]);
                    format!("{} to {}", num(c.value), s.name())
                })
            })
            .collect();
        let detail = if sizes.is_empty() { String::new() } else { format!(": {}", sizes.join(", ")) };
        r.line(format!("**{}**{}{detail}.", e.date.label(), stage_note(ctx, e)));
        ok = true;
    }
    ok
}

fn mediators(chosen: &[&Exchange], r: &mut Reply) -> bool {
    let mut named: Vec<(String, Vec<String>)> = Vec::new();
    for e in chosen {
        r.exchange(e);
        for m in &e.mediators {
            r.cite(&m.cite);
            match named.iter_mut().find(|(n, _)| *n == m.value) {
                Some((_, dates)) => {
                    if !dates.contains(&e.date.label()) {
                        dates.push(e.date.label());
                    }
                }
                None => named.push((m.value.clone(), vec![e.date.label()])),
            }
        }
    }
    if named.is_empty() {
        let which: Vec<String> = chosen.iter().map(|e| e.date.label()).collect();
        r.line(format!("No mediator is named in my sources for the exchange of {}.", which.join(", ")));
        return false;
    }
    for (name, dates) in named {
        if chosen.len() == 1 || dates.len() == 1 {
            r.line(format!("The exchange of **{}** was mediated by {}.", dates.join(", "), the(&name)));
        } else {
            r.line(format!(
                "{} mediated {} of the {} exchanges: {}.",
                capital(&the(&name)),
                dates.len(),
                chosen.len(),
                dates.join(", ")
            ));
        }
    }
    true
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| f.to_uppercase().collect::<String>() + c.as_str())
}

fn places(q: &Question, chosen: &[&Exchange], r: &mut Reply) -> bool {
    if q.about_agreement {
        let mut said = Vec::new();
        for e in chosen {
            r.exchange(e);
            if let Some(a) = e.agreements.iter().max_by_key(|a| a.value.len())
                && !said.contains(&a.value)
            {
                r.line(format!("The exchange of **{}** was agreed at {}.", e.date.label(), a.value));
                r.cite(&a.cite);
                said.push(a.value.clone());
            }
        }
        if !said.is_empty() {
            return true;
        }
    }
    // (place, whose people the sentences name, dates)
    let mut found: Vec<(String, Vec<Side>, Vec<String>)> = Vec::new();
    for e in chosen {
        for d in &e.destinations {
            r.exchange(e);
            r.cite(&d.cite);
            let i = match found.iter().position(|(p, _, _)| *p == d.value) {
                Some(i) => i,
                None => {
                    found.push((d.value.clone(), Vec::new(), Vec::new()));
                    found.len() - 1
                }
            };
            found[i].1.extend(whose_people(&d.cite.sentence));
            if !found[i].2.contains(&e.date.label()) {
                found[i].2.push(e.date.label());
            }
        }
    }
    if found.is_empty() {
        r.line("My sources do not say where the released prisoners were taken.");
        return false;
    }
    for (place, mut whose, dates) in found {
        let shown: Vec<&str> = dates.iter().rev().take(4).map(String::as_str).collect();
        let more = if dates.len() > 4 { format!(" and {} more", dates.len() - 4) } else { String::new() };
        whose.sort();
        whose.dedup();
        let who = match whose[..] {
            [side] => format!("Released {}", side.people()),
            _ => "Released prisoners".to_string(),
        };
        r.line(format!("{who} were taken to **{place}** (reported for {}{more}).", shown.join(", ")));
    }
    true
}

/// "How many were exchanged?" with nothing to narrow it: the claims and
/// the sum of what is on record.
fn totals_overall(ctx: &Context, q: &Question) -> Answer {
    let mut r = Reply::default();
    let side = q.recipient.unwrap_or(Side::Ukraine);
    for c in ctx.facts.claims.iter().filter(|c| c.kind == ClaimKind::ReturnedTotal(side)) {
        r.line(format!(
            "{}: {} {} returned from captivity in all (reported {}).",
            c.reporter.name,
            c.text,
            side.people(),
            day_label(c.as_of)
        ));
        r.cite(&c.cite);
    }
    let mut sum = 0;
    let mut n = 0;
    for e in &ctx.facts.exchanges {
        if let Some(c) = tally::agreed(e, side, Category::Prisoners) {
            sum += c.value;
            n += 1;
            r.exchange(e);
        }
    }
    if n > 0 {
        r.line(format!(
            "The {n} exchanges on record with an agreed count returned {} to {} in all (computed).",
            num(sum),
            side.name()
        ));
    }
    let answered = n > 0;
    r.finish(q, answered, ctx.corpus)
}

fn claim(ctx: &Context, q: &Question) -> Answer {
    let mut r = Reply::default();
    let Some(kind) = q.claim else {
        return no_exchange(ctx, q);
    };
    let cutoff = q.as_of.or_else(|| q.periods.last().copied()).and_then(|p| p.bounds()).map(|(_, to)| to);
    let mut claims: Vec<_> =
        ctx.facts.claims.iter().filter(|c| c.kind == kind).filter(|c| cutoff.is_none_or(|t| c.as_of <= t)).collect();
    claims.sort_by_key(|c| std::cmp::Reverse(c.as_of));
    for c in claims.iter().take(3) {
        let what = match kind {
            ClaimKind::SwapCount if c.text.ends_with(char::is_alphabetic) => {
                format!("The exchange reported on {} was the {} of the war", day_label(c.as_of), c.text)
            }
            ClaimKind::SwapCount => format!("{} prisoner swaps", c.text),
            ClaimKind::ReturnedTotal(s) => {
                format!("{} {} returned from captivity", c.text, s.people())
            }
            ClaimKind::Held(s) => format!("{} {} held by {}", c.text, s.people(), s.other().name()),
        };
        r.line(format!("{what}, according to {} (reported {}).", c.reporter.name, day_label(c.as_of)));
        r.cite(&c.cite);
    }
    if kind == ClaimKind::SwapCount {
        let on_record: Vec<&Exchange> = match q.periods.first() {
            Some(p) => select::in_period(ctx.facts, p),
            None => ctx.facts.exchanges.iter().collect(),
        };
        // "How many exchanges did the UAE mediate?": count those naming it.
        if let Some(m) = &q.mediator {
            let by: Vec<&&Exchange> = on_record.iter().filter(|e| e.mediators.iter().any(|x| &x.value == m)).collect();
            let dates: Vec<String> = by.iter().map(|e| e.date.label()).collect();
            for e in &by {
                r.exchange(e);
                if let Some(x) = e.mediators.iter().find(|x| &x.value == m) {
                    r.cite(&x.cite);
                }
            }
            let scope = q.periods.first().map_or(String::new(), |p| format!(" in {}", p.label()));
            r.line(format!(
                "Of the {} exchanges on record{scope}, my sources name {} as mediator of {}{}.",
                on_record.len(),
                the(m),
                by.len(),
                if dates.is_empty() { String::new() } else { format!(": {}", dates.join(", ")) }
            ));
            return r.finish(q, !on_record.is_empty(), ctx.corpus);
        }
        if !on_record.is_empty() {
            r.line(format!(
                "My own records hold {} of them{}.",
                on_record.len(),
                q.periods.first().map_or(String::new(), |p| format!(" in {}", p.label()))
            ));
        }
        let answered = !claims.is_empty() || !on_record.is_empty();
        if !answered {
            r.line("No source of mine counts the exchanges for that period.");
            r.line(coverage(ctx.facts));
        }
        return r.finish(q, answered, ctx.corpus);
    }
    if claims.is_empty() {
        r.line("No source of mine gives that figure.");
        r.line(coverage(ctx.facts));
        return r.finish(q, false, ctx.corpus);
    }
    r.finish(q, true, ctx.corpus)
}

fn list(ctx: &Context, q: &Question) -> Answer {
    let mut chosen: Vec<&Exchange> = match q.periods.first() {
        Some(p) => select::in_period(ctx.facts, p),
        None => ctx.facts.exchanges.iter().collect(),
    };
    // "Which exchanges did the UAE mediate?"
    if let Some(m) = &q.mediator {
        chosen.retain(|e| e.mediators.iter().any(|x| &x.value == m));
    }
    if chosen.is_empty() {
        return no_exchange(ctx, q);
    }
    let mut r = Reply::default();
    let mut scope = q.periods.first().map_or(String::new(), |p| format!(" in {}", p.label()));
    if let Some(m) = &q.mediator {
        scope.push_str(&format!(" mediated by {}", the(m)));
    }
    r.line(format!("{} exchanges on record{scope}, newest first:", chosen.len()));
    for e in chosen.iter().rev() {
        r.exchange(e);
        let mut parts: Vec<String> = Vec::new();
        for side in SIDES {
            let c = tally::counts(e, side, Category::Prisoners);
            if let Some(first) = c.first() {
                r.figure(format!("{}: returned to {}", e.date.label(), side.name()), first.figures[0]);
                let v: Vec<String> = c.iter().map(|x| num(x.value)).collect();
                parts.push(format!("{} to {}", v.join(" or "), side.name()));
            }
        }
        let mediator = e.mediators.first().map_or(String::new(), |m| format!(" · {}", m.value));
        r.line(format!("• **{}**{} — {}{mediator}", e.date.label(), stage_note(ctx, e), parts.join(", ")));
    }
    r.finish(q, true, ctx.corpus)
}

/// One exchange or a whole multi-day exchange, ranked by size.
struct Event<'f> {
    label: String,
    days: Vec<&'f Exchange>,
    /// Per side, per day: the agreed count (prisoners plus wounded returned
    /// on top), or `None` when sources differ.
    per_side: [Vec<Option<u64>>; 2],
    /// For ranking only, never stated: the size with the largest reported
    /// value wherever sources differ.
    rank: u64,
    /// Likewise with the smallest reported value.
    low: u64,
}

impl Event<'_> {
    /// The size, when every count in it is agreed.
    fn size(&self) -> Option<u64> {
        self.per_side.iter().flatten().copied().sum()
    }
}

fn events<'f>(ctx: &Context<'f>, chosen: &[&'f Exchange]) -> Vec<Event<'f>> {
    let mut out: Vec<Event> = Vec::new();
    for e in chosen {
        let label = ctx.facts.series_of(e).map_or_else(|| e.date.label(), |s| series_label(ctx, s));
        match out.iter_mut().find(|x| x.label == label && e.series.is_some()) {
            Some(ev) => ev.days.push(e),
            None => out.push(Event { label, days: vec![e], per_side: [Vec::new(), Vec::new()], rank: 0, low: 0 }),
        }
    }
    for ev in &mut out {
        for (i, side) in SIDES.iter().enumerate() {
            ev.per_side[i] = ev.days.iter().map(|e| tally::returned_to(e, *side).map(|(v, _)| v)).collect();
            for e in &ev.days {
                let agreed = tally::returned_to(e, *side).map(|(v, _)| v);
                let values: Vec<u64> = tally::counts(e, *side, Category::Prisoners).iter().map(|c| c.value).collect();
                ev.rank += agreed.or_else(|| values.iter().max().copied()).unwrap_or(0);
                ev.low += agreed.or_else(|| values.iter().min().copied()).unwrap_or(0);
            }
        }
    }
    out
}

/// "**19 March 2025**: 372 in all (197 to Ukraine + 175 to Russia)"; when
/// sources differ, each side's values instead of a total no source states.
fn event_text(ev: &Event, r: &mut Reply) -> String {
    for e in &ev.days {
        r.exchange(e);
        for side in SIDES {
            for cat in [Category::Prisoners, Category::Wounded] {
                for c in tally::counts(e, side, cat) {
                    r.figure(format!("{}: {} returned to {}", e.date.label(), cat.noun(), side.name()), c.figures[0]);
                }
            }
        }
        for c in tally::combined(e) {
            r.figure(format!("{}: total exchanged", e.date.label()), c.figures[0]);
        }
    }
    let Some(total) = ev.size() else {
        let parts: Vec<String> = SIDES
            .iter()
            .map(|&side| {
                let days: Vec<String> = ev
                    .days
                    .iter()
                    .map(|e| {
                        let v: Vec<String> = tally::counts(e, side, Category::Prisoners)
                            .iter()
                            .map(|c| format!("{} ({})", num(c.value), names(&c.reporters())))
                            .collect();
                        v.join(" or ")
                    })
                    .collect();
                format!("to {}: {}", side.name(), days.join(" + "))
            })
            .collect();
        return format!("**{}**: sources differ — {}", ev.label, parts.join("; "));
    };
    let side_values = |i: usize| -> Vec<u64> { ev.per_side[i].iter().map(|v| v.unwrap_or(0)).collect() };
    let (u, ru): (u64, u64) = (side_values(0).iter().sum(), side_values(1).iter().sum());
    if ev.days.len() > 1 {
        let each: Vec<String> = side_values(0).iter().map(|v| num(*v)).collect();
        format!(
            "**{}**: {} for {} over {} days, {} in all ({} + {}); to Ukraine day by day: {}",
            ev.label,
            num(u),
            num(ru),
            ev.days.len(),
            num(total),
            num(u),
            num(ru),
            each.join(" + ")
        )
    } else {
        // Every computed number is shown with its parts: "197" as "175 + 22 wounded".
        let part = |side: Side| -> String {
            let e = ev.days[0];
            let p = tally::agreed(e, side, Category::Prisoners).map_or(0, |c| c.value);
            match tally::returned_to(e, side) {
                Some((v, _)) if v > p => format!("{} + {} wounded to {}", num(p), num(v - p), side.name()),
                _ => format!("{} to {}", num(p), side.name()),
            }
        };
        format!("**{}**: {} in all ({} + {})", ev.label, num(total), part(Side::Ukraine), part(Side::Russia))
    }
}

fn extreme(ctx: &Context, q: &Question) -> Answer {
    let chosen: Vec<&Exchange> = match q.periods.first() {
        Some(p) => select::in_period(ctx.facts, p),
        None => ctx.facts.exchanges.iter().collect(),
    };
    let evs = events(ctx, &chosen);
    let pick = if q.intent == Intent::Largest {
        evs.iter().max_by_key(|e| e.rank)
    } else {
        evs.iter().filter(|e| e.rank > 0).min_by_key(|e| e.rank)
    };
    let Some(ev) = pick else {
        return no_exchange(ctx, q);
    };
    let mut r = Reply::default();
    let word = if q.intent == Intent::Largest { "largest" } else { "smallest" };
    let text = event_text(ev, &mut r);
    r.line(format!("The {word} exchange on record: {text}."));
    r.finish(q, true, ctx.corpus)
}

fn compare(ctx: &Context, q: &Question) -> Answer {
    // What is compared: each date named, and an "N-for-N" exchange.
    let mut targets: Vec<(String, Vec<&Exchange>)> =
        q.periods.iter().map(|p| (p.label(), select::in_period(ctx.facts, p))).collect();
    if let Some(n) = q.n_for_n {
        targets.push((format!("the {n}-for-{n} exchange"), select::n_for_n(ctx.facts, n)));
    }
    let mut picked: Vec<Event> = Vec::new();
    for (label, chosen) in targets.into_iter().take(2) {
        let mut evs = events(ctx, &chosen);
        if evs.is_empty() {
            let mut r = Reply::default();
            r.line(format!("I have no prisoner exchange on record for {label}, so I cannot compare it."));
            r.line(coverage(ctx.facts));
            return r.finish(q, false, ctx.corpus);
        }
        evs.sort_by_key(|e| std::cmp::Reverse(e.rank));
        picked.push(evs.remove(0));
    }
    if picked.len() < 2 {
        return no_exchange(ctx, q);
    }
    let mut r = Reply::default();
    let (a, b) = (&picked[0], &picked[1]);
    let (ta, tb) = (event_text(a, &mut r), event_text(b, &mut r));
    let verdict = match (a.size(), b.size()) {
        (Some(x), Some(y)) if x > y => format!("Yes: {} was bigger.", a.label),
        (Some(x), Some(y)) if x < y => format!("No: {} was bigger.", b.label),
        (Some(_), Some(_)) => "They were the same size.".to_string(),
        // Sources differ, but the answer holds whichever figures are used.
        _ if a.low > b.rank => format!("Yes: {} was bigger by every source's figures.", a.label),
        _ if b.low > a.rank => format!("No: {} was bigger by every source's figures.", b.label),
        _ => "Sources differ on the size of one of them, so it depends on whose figures you take:".to_string(),
    };
    r.line(verdict);
    r.line(format!("• {ta}"));
    r.line(format!("• {tb}"));
    r.finish(q, true, ctx.corpus)
}

/// Whose people a sentence is about, when it names exactly one nationality
/// ("Its troops … the Russian soldiers were in Belarus").
fn whose_people(sentence: &str) -> Option<Side> {
    let mut sides: Vec<Side> =
        crate::lang::text::words(sentence).iter().filter_map(|w| crate::lang::lexicon::nationality(&w.norm)).collect();
    sides.dedup();
    match sides[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// Nothing on record for what was asked: say so, and what is known.
pub fn no_exchange(ctx: &Context, q: &Question) -> Answer {
    let mut r = Reply::default();
    let what = match (q.periods.first(), q.descriptors.is_empty()) {
        (Some(p), _) => format!("on record for {}", p.label()),
        (None, false) => format!("matching “{}”", q.descriptors.join(" ")),
        (None, true) => "on record for that".to_string(),
    };
    r.line(format!("I have no prisoner exchange {what}."));
    r.line(coverage(ctx.facts));
    r.line("Ask me to list the exchanges to see them all.");
    r.finish(q, false, ctx.corpus)
}

/// One exchange by id, with everything on record about it.
pub fn describe_one(ctx: &Context, q: &Question, id: &str) -> Answer {
    let Some(e) = ctx.facts.exchange(id) else {
        return no_exchange(ctx, q);
    };
    let mut r = Reply::default();
    let ok = describe(ctx, q, e, &mut r);
    if let Some(a) = e.agreements.iter().max_by_key(|a| a.value.len()) {
        r.line(format!("Agreed at {}.", a.value));
        r.cite(&a.cite);
    }
    if let Some(d) = e.destinations.first() {
        let who = whose_people(&d.cite.sentence)
            .map_or("Released prisoners".to_string(), |s| format!("Released {}", s.people()));
        r.line(format!("{who} were taken to {}.", d.value));
        r.cite(&d.cite);
    }
    r.line(format!("Reported by {} source(s).", e.sources.len()));
    r.finish(q, ok, ctx.corpus)
}
