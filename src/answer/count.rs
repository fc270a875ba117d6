//! How many: the figures of one exchange (each source's, per side, for the
//! group asked), a multi-day exchange day by day, and sums over periods.
//!
//! **Invariant:** a stated number is a cited figure, or a sum shown with
//! the cited figures it adds; figures that sources dispute are never added.

use super::reply::{Reply, names, num};
use super::select::{self, Selection};
use super::tally::{self, Count, Who};
use super::{Context, no_exchange};
use crate::answer::Answer;
use crate::facts::{ClaimKind, Exchange, Scope, Series};
use crate::lang::dates::day_label;
use crate::lang::{Category, Period, Side};
use crate::understand::{Question, ReporterRef};

pub const SIDES: [Side; 2] = [Side::Ukraine, Side::Russia];

/// A count question about the selected exchanges.
pub fn count(ctx: &Context, q: &Question, sel: &Selection) -> Answer {
    let chosen = &sel.exchanges;
    let mut r = Reply::default();
    for c in &sel.evidence {
        r.cite(c);
    }
    let who = Who::of(q.filter.category, &q.filter.group);
    let mut answered = if let Some(s) = one_series(ctx, chosen).filter(|_| chosen.len() > 1 && !who.is_subgroup()) {
        series_summary(ctx, q, s, &mut r)
    } else if chosen.len() > 1 && spans_time(q) && !who.is_subgroup() {
        // "How many were exchanged in 2024?": the sum, with its parts.
        return total(ctx, q, sel);
    } else {
        if chosen.len() > 1 {
            r.line(format!("{} exchanges fit; which one do you mean?", chosen.len()));
        }
        let mut ok = false;
        for e in chosen.iter().rev().take(6) {
            ok |= describe(ctx, q, e, &mut r);
        }
        ok
    };
    answered |= running_totals(ctx, q, &mut r);
    if !answered {
        r.line(super::reply::coverage(ctx.facts));
    }
    r.finish(q, answered, ctx.corpus)
}

/// Does the question name a stretch of time (a month, a year, a range)
/// rather than a day that recurs ("on Wednesday", "on May 24")?
pub fn spans_time(q: &Question) -> bool {
    q.select
        .periods
        .iter()
        .any(|p| matches!(p, Period::Month { .. } | Period::Span { .. } | Period::Recurring { day: None, .. }))
        || q.select.periods.len() > 1
}

/// The exchanges form exactly one multi-day series.
pub fn one_series<'f>(ctx: &Context<'f>, chosen: &[&Exchange]) -> Option<&'f Series> {
    let first = ctx.facts.series_of(chosen.first()?)?;
    chosen.iter().all(|e| e.series.as_deref() == Some(first.id.as_str())).then_some(first)
}

pub fn series_label(ctx: &Context, s: &Series) -> String {
    let days = select::days_of(ctx.facts, s);
    match (days.first(), days.last()) {
        (Some(a), Some(b)) => format!("{} to {}", a.date.label(), b.date.label()),
        _ => s.id.clone(),
    }
}

fn stage_note(ctx: &Context, e: &Exchange) -> String {
    match (&e.stage, ctx.facts.series_of(e)) {
        (_, Some(s)) => s.day_of(&e.id).map_or(String::new(), |day| format!(" (day {day} of {})", s.exchanges.len())),
        (Some(st), None) if st.number > 0 => format!(" (stage {})", st.number),
        _ => String::new(),
    }
}

/// Does a figure come from the speaker the question names, or from the
/// side that speaker speaks for ("according to Yermak" is Kyiv's count)?
pub fn by(r: &ReporterRef, name: &str, side: Option<Side>) -> bool {
    let lower = name.to_lowercase();
    r.names.iter().any(|n| lower.contains(n.as_str())) || (r.side.is_some() && side == r.side)
}

/// One side's values: agreed, or each source's when they differ. Records
/// every stated figure with its citation.
fn side_text(
    r: &mut Reply,
    e: &Exchange,
    side: Side,
    who: Who,
    counts: &[Count],
    prefer: Option<&ReporterRef>,
) -> String {
    let noun = noun_of(who);
    let label = |c: &Count| {
        format!("{}: {}{noun} returned to {} ({})", e.date.label(), c.text(), side.name(), names(&c.reporters()))
    };
    let mut ordered: Vec<&Count> = counts.iter().collect();
    if let Some(p) = prefer {
        ordered.sort_by_key(|c| !c.figures.iter().any(|f| by(p, &f.reporter.name, f.reporter.side)));
    }
    for c in &ordered {
        r.figure(label(c), c.figures[0]);
        for f in c.figures.iter().skip(1).take(2) {
            r.cite(&f.cite);
        }
    }
    if ordered.len() == 1 {
        format!("{}{noun} ({})", ordered[0].text(), names(&ordered[0].reporters()))
    } else {
        let parts: Vec<String> =
            ordered.iter().map(|c| format!("{}{noun} according to {}", c.text(), names(&c.reporters()))).collect();
        // "By how many did the figures differ?": the gap between two exact counts.
        let gap = match ordered[..] {
            [a, b] if a.approx.is_none() && b.approx.is_none() => {
                format!(" (a difference of {})", num(a.value.abs_diff(b.value)))
            }
            _ => String::new(),
        };
        format!("sources differ: {}{gap}", parts.join("; "))
    }
}

/// " women", " seriously wounded", "" for the headline count.
pub(super) fn noun_of(who: Who) -> String {
    if !who.group.is_empty() {
        // The group's words are match terms ("civilian"); a reply names people ("2 civilians").
        let words: Vec<&str> =
            who.group.iter().map(|w| if w == "civilian" { "civilians" } else { w.as_str() }).collect();
        format!(" {}", words.join(" "))
    } else if who.category != Category::Prisoners {
        format!(" {}", who.category.noun())
    } else {
        String::new()
    }
}

/// "the breakdown by service of the 189": every part of a side's group the
/// sources give, once each, with who gives it (", made up of: 87 army, …").
fn breakdown(e: &Exchange, side: Side, r: &mut Reply) -> String {
    let mut seen: Vec<(u64, String)> = Vec::new();
    let mut items = Vec::new();
    // A "part" as large as the side's whole count is a restatement of it, no group within it.
    let whole = e.figures.iter().filter(|f| !f.part && f.recipient.reaches(side)).map(|f| f.value).max();
    for f in e.figures.iter().filter(|f| f.part && f.recipient.reaches(side) && whole.is_none_or(|w| f.value < w)) {
        let what = if f.terms.is_empty() { f.category.noun().to_string() } else { f.terms.join(" ") };
        if seen.contains(&(f.value, what.clone())) {
            continue;
        }
        seen.push((f.value, what.clone()));
        r.figure(format!("{}: part of those returned to {}", e.date.label(), side.name()), f);
        items.push(format!("{} {what} ({})", num(f.value), f.reporter.name));
    }
    if items.is_empty() { String::new() } else { format!("; by group: {}", items.join(", ")) }
}

/// The sides a question asks about.
pub fn sides_of(q: &Question) -> Vec<Side> {
    match q.filter.recipient {
        Some(s) if !q.filter.both => vec![s],
        _ => SIDES.to_vec(),
    }
}

/// One exchange, filtered by the question's side, group and reporter.
/// Returns whether it stated the figure asked for.
pub fn describe(ctx: &Context, q: &Question, e: &Exchange, r: &mut Reply) -> bool {
    r.exchange(e);
    let head = format!("**{}**{}", e.date.label(), stage_note(ctx, e));
    let sides = sides_of(q);
    let who = Who::of(q.filter.category, &q.filter.group);
    let prefer = q.filter.reporter.as_ref();
    if who.is_subgroup() {
        let mut parts = Vec::new();
        for &side in &sides {
            let c = tally::counts(e, side, who);
            if !c.is_empty() {
                parts.push(format!("{} returned to {}", side_text(r, e, side, who, &c, prefer), side.name()));
            }
        }
        if parts.is_empty() {
            r.line(format!("{head}: my sources give no figure for {} in this exchange.", noun_of(who).trim()));
            headline_context(e, &sides, r);
            return false;
        }
        r.line(format!("{head}: {}.", parts.join("; ")));
        return true;
    }
    let mut parts = Vec::new();
    if q.filter.recipient.is_none() || q.filter.both {
        for c in tally::combined(e) {
            parts.push(format!("{} exchanged in all ({})", c.text(), names(&c.reporters())));
            r.figure(format!("{}: total exchanged ({})", e.date.label(), names(&c.reporters())), c.figures[0]);
        }
    }
    let mut stated_sides = 0;
    let mut from_wanted = prefer.is_none();
    for &side in &sides {
        let c = tally::counts(e, side, Who::HEADLINE);
        if c.is_empty() {
            continue;
        }
        stated_sides += 1;
        if let Some(p) = prefer {
            from_wanted |= c.iter().any(|x| x.figures.iter().any(|f| by(p, &f.reporter.name, f.reporter.side)));
        }
        let mut text = format!("to {}: {}", side.name(), side_text(r, e, side, Who::HEADLINE, &c, prefer));
        let wounded = Who { category: Category::Wounded, group: &[] };
        let w = tally::counts(e, side, wounded);
        if !w.is_empty() {
            let joiner = if w.iter().all(|c| c.figures.iter().all(|f| f.part)) { "including" } else { "plus" };
            text.push_str(&format!(", {joiner} {}", side_text(r, e, side, wounded, &w, prefer)));
        }
        let civilians = Who { category: Category::Civilians, group: &[] };
        let civ = tally::counts(e, side, civilians);
        if !civ.is_empty() {
            // "185 soldiers and 20 civilians": beside the head count, not among it.
            let joiner = if civ.iter().all(|c| c.figures.iter().all(|f| f.part)) { "including" } else { "plus" };
            text.push_str(&format!(", {joiner} {}", side_text(r, e, side, civilians, &civ, prefer)));
        }
        if q.filter.breakdown {
            text.push_str(&breakdown(e, side, r));
        }
        // "246, plus 31 seriously wounded": how many came home is their sum.
        if let Some((total, figures)) = tally::returned_to(e, side)
            && figures.len() > 1
        {
            let addends: Vec<String> = figures.iter().map(|f| num(f.value)).collect();
            text.push_str(&format!(" — {} in all ({}, computed)", num(total), addends.join(" + ")));
        }
        parts.push(text);
    }
    if stated_sides == 0 {
        let whose = sides.iter().map(|s| s.people()).collect::<Vec<_>>().join(" or ");
        if parts.is_empty() {
            r.line(format!("{head}: the exchange took place, but my sources give no figure for {whose}."));
            for c in e.reports.iter().take(1) {
                r.cite(c);
            }
            if sides.len() == 1 {
                headline_context(e, &[sides[0].other()], r);
            }
            return false;
        }
        r.line(format!("{head}: {}; no figure for {whose}.", parts.join("; ")));
        return q.filter.recipient.is_none();
    }
    // A total computed from agreed side counts, with its parts shown, unless a
    // source states that very total.
    let stated = |v: u64| tally::combined(e).iter().any(|c| c.value == v && c.approx.is_none());
    if sides.len() == 2
        && let (Some((u, uf)), Some((ru, rf))) =
            (tally::returned_to(e, Side::Ukraine), tally::returned_to(e, Side::Russia))
        && !stated(u + ru)
    {
        let addends: Vec<String> = uf.iter().chain(&rf).map(|f| num(f.value)).collect();
        parts.push(format!("{} in all ({}, computed)", num(u + ru), addends.join(" + ")));
    }
    r.line(format!("{head}: {}.", parts.join("; ")));
    // "how many more Ukrainians than Russians were freed": the difference, with its terms.
    let more_than = q.words.iter().any(|w| w.is("more") || w.is("fewer")) && q.words.iter().any(|w| w.is("than"));
    if more_than
        && sides.len() == 2
        && let (Some(u), Some(ru)) =
            (tally::agreed(e, Side::Ukraine, Who::HEADLINE), tally::agreed(e, Side::Russia, Who::HEADLINE))
        && u.value != ru.value
    {
        let (more, less, a, b) = if u.value > ru.value {
            (Side::Ukraine, Side::Russia, u.value, ru.value)
        } else {
            (Side::Russia, Side::Ukraine, ru.value, u.value)
        };
        r.line(format!(
            "{} got back {} more than {} ({} − {}, computed).",
            more.name(),
            num(a - b),
            less.name(),
            num(a),
            num(b)
        ));
    }
    if let Some(m) = e.mediators.first() {
        r.line(format!("Mediated by {}.", the(&m.value)));
        r.cite(&m.cite);
    }
    if !from_wanted && let Some(p) = prefer {
        // The name as asked, lower-cased when read: "zelensky" is written "Zelensky".
        let capital = |n: &String| {
            n.split(' ')
                .map(|w| w.chars().take(1).flat_map(char::to_uppercase).chain(w.chars().skip(1)).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let who = p.names.first().map(capital).or(p.side.map(|s| s.name().to_string())).unwrap_or_default();
        r.line(format!("None of these figures is given by {who}."));
        // "Did Zelensky give a figure for …?" is answered by that: no.
        return q
            .words
            .first()
            .is_some_and(|w| crate::lang::lexicon::questions::AUXILIARIES.contains(&w.norm.as_str()));
    }
    true
}

/// What is known of the other side or the headline, for a reply that could
/// not give the figure asked for: which counts the sources do give, and by
/// whom, but not their numbers. A number under "how many Russians …" is read
/// as the answer by whoever skims the reply, whatever the words around it.
fn headline_context(e: &Exchange, sides: &[Side], r: &mut Reply) {
    let known: Vec<String> = sides
        .iter()
        .filter_map(|&s| tally::agreed(e, s, Who::HEADLINE).map(|c| (s, c)))
        .map(|(s, c)| {
            r.cite(&c.figures[0].cite);
            format!("how many {} returned ({})", s.people(), names(&c.reporters()))
        })
        .collect();
    if !known.is_empty() {
        r.line(format!("What my sources do give for this exchange: {}; ask for that by name.", known.join("; ")));
    }
}

/// A mediator's name as a sentence uses it: "the United Arab Emirates",
/// "the United States", but "Saudi Arabia" and "Turkey".
pub fn the(name: &str) -> String {
    if name.starts_with("United ") { format!("the {name}") } else { name.to_string() }
}

/// A multi-day exchange: day by day, and the totals.
fn series_summary(ctx: &Context, q: &Question, s: &Series, r: &mut Reply) -> bool {
    let days = select::days_of(ctx.facts, s);
    r.line(format!("The exchange of **{}** ran over {} days:", series_label(ctx, s), days.len()));
    let mut any = false;
    for e in &days {
        any |= describe(ctx, q, e, r);
    }
    series_totals(ctx, q, s, &days, r);
    any
}

/// Sums over the days per side, and reported running totals.
fn series_totals(ctx: &Context, q: &Question, s: &Series, days: &[&Exchange], r: &mut Reply) -> bool {
    let mut ok = false;
    for side in sides_of(q) {
        // Each day's people: the head count with the wounded and civilians counted beside it.
        let parts: Option<Vec<(u64, Vec<&crate::facts::Figure>)>> =
            days.iter().map(|e| tally::returned_to(e, side)).collect();
        if let Some(parts) = parts {
            let sum: u64 = parts.iter().map(|(v, _)| v).sum();
            let shown: Vec<String> = parts
                .iter()
                .flat_map(|(_, figures)| {
                    figures.iter().enumerate().map(|(k, f)| match k {
                        0 => num(f.value),
                        _ => format!("{} {}", num(f.value), f.category.noun()),
                    })
                })
                .collect();
            r.line(format!(
                "In all {} got back {} ({}, computed from the daily figures).",
                side.name(),
                num(sum),
                shown.join(" + ")
            ));
            for (_, figures) in &parts {
                for f in figures {
                    r.cite(&f.cite);
                }
            }
            ok = true;
        }
    }
    // The largest running total is the one given at the end ("697 in two days", then
    // "1,000 in total"), for the side asked or each way.
    let asked = |f: &&crate::facts::Figure| sides_of(q).iter().any(|&side| f.recipient.reaches(side));
    // Of the first days only: the running total given after them, the one that fits their sum.
    let fits = |f: &&crate::facts::Figure| {
        q.select.first_days.is_none_or(|_| {
            sides_of(q).iter().any(|&side| {
                let heads: Option<u64> =
                    days.iter().map(|e| tally::agreed(e, side, Who::HEADLINE).map(|c| c.value)).sum();
                let all: Option<u64> = days.iter().map(|e| tally::returned_to(e, side).map(|(v, _)| v)).sum();
                heads == Some(f.value) || all == Some(f.value)
            })
        })
    };
    if let Some(f) = s.totals.iter().filter(asked).filter(fits).max_by_key(|f| f.value) {
        let whom = match f.recipient {
            crate::facts::Recipient::To(side) => format!("to {}", side.name()),
            _ => "each way".to_string(),
        };
        let when = if q.select.first_days.is_some() { "after those days" } else { "in all" };
        r.line(format!("Reported {when}: {} {whom} ({}).", num(f.value), f.reporter.name));
        r.figure(format!("{}: running total {whom} ({})", series_label(ctx, s), f.reporter.name), f);
        ok = true;
    }
    ok
}

/// A sum over the selected exchanges, per side or for both together;
/// disputed counts are named, never added.
pub fn total(ctx: &Context, q: &Question, sel: &Selection) -> Answer {
    let chosen = &sel.exchanges;
    let mut r = Reply::default();
    if chosen.is_empty() {
        return no_exchange(ctx, q);
    }
    if let Some(s) = one_series(ctx, chosen).filter(|_| chosen.len() > 1 || q.select.whole) {
        let mut days = select::days_of(ctx.facts, s);
        // "after the first two days": those days only.
        if let Some(n) = q.select.first_days.map(|n| n as usize).filter(|n| *n < days.len()) {
            days.truncate(n);
            r.line(format!("Over the first {} days of the **{}** exchange:", n, series_label(ctx, s)));
        } else {
            r.line(format!("Over the {} days of the **{}** exchange:", days.len(), series_label(ctx, s)));
        }
        for e in &days {
            r.exchange(e);
        }
        let ok = series_totals(ctx, q, s, &days, &mut r);
        return r.finish(q, ok, ctx.corpus);
    }
    let both_together = q.filter.recipient.is_none() || q.filter.both;
    let mut ok = false;
    let mut side_sums: Vec<(Side, u64, usize)> = Vec::new();
    for side in sides_of(q) {
        let mut parts = Vec::new();
        let mut disputed = Vec::new();
        let mut missing = Vec::new();
        let mut sum = 0;
        let mut added = 0;
        for e in chosen {
            r.exchange(e);
            let counts = tally::counts(e, side, Who::HEADLINE);
            // Each side's own count when it gives one, with the other side's named.
            let own = tally::agreed(e, side, Who::HEADLINE).filter(|c| c.approx.is_none());
            match (counts.as_slice(), own) {
                ([], _) => missing.push(e.date.label()),
                (all, Some(c)) => {
                    r.figure(format!("{}: returned to {}", e.date.label(), side.name()), c.figures[0]);
                    for f in c.figures.iter().skip(1).take(3) {
                        r.cite(&f.cite);
                    }
                    added += 1;
                    let others: Vec<String> = all
                        .iter()
                        .filter(|x| x.value != c.value)
                        .map(|x| format!("{} says {}", names(&x.reporters()), x.text()))
                        .collect();
                    let note = if others.is_empty() {
                        String::new()
                    } else {
                        format!(", {}'s own count; {}", side.name(), others.join("; "))
                    };
                    match tally::returned_to(e, side) {
                        Some((v, figs)) if v > c.value => {
                            sum += v;
                            let extra: Vec<String> =
                                figs[1..].iter().map(|f| format!("{} {}", num(f.value), f.category.noun())).collect();
                            parts.push(format!("{} + {} on {}{note}", num(c.value), extra.join(" + "), e.date.label()));
                            for f in &figs[1..] {
                                r.figure(
                                    format!("{}: {} returned to {}", e.date.label(), f.category.noun(), side.name()),
                                    f,
                                );
                            }
                        }
                        _ => {
                            sum += c.value;
                            parts.push(format!("{} on {}{note}", num(c.value), e.date.label()));
                        }
                    }
                }
                (several, None) => {
                    let values: Vec<String> = several.iter().map(|c| c.text()).collect();
                    disputed.push(format!("{} ({})", e.date.label(), values.join(" or ")));
                    for c in several {
                        r.figure(format!("{}: returned to {} (disputed)", e.date.label(), side.name()), c.figures[0]);
                    }
                }
            }
        }
        if added > 0 {
            ok = true;
            let of = if added == 1 { "1 exchange".to_string() } else { format!("{added} exchanges") };
            r.line(format!("{} got back {} ({}; computed from {of}).", side.name(), num(sum), parts.join(" + ")));
            side_sums.push((side, sum, added));
        }
        if !disputed.is_empty() {
            r.line(format!("Not added, because sources differ: {}.", disputed.join("; ")));
        }
        if !missing.is_empty() && added > 0 {
            r.line(format!("No figure for {} on {}.", side.people(), missing.join(", ")));
        }
    }
    if both_together && let [(_, a, _), (_, b, _)] = side_sums[..] {
        r.line(format!("Both sides together: {} ({} + {}, computed).", num(a + b), num(a), num(b)));
    }
    // A reported total of both directions, when one exchange is asked about.
    if both_together && chosen.len() == 1 {
        for c in tally::combined(chosen[0]) {
            r.line(format!("{} in all according to {}.", c.text(), names(&c.reporters())));
            r.figure(format!("{}: total exchanged", chosen[0].date.label()), c.figures[0]);
            ok = true;
        }
    }
    ok |= running_totals(ctx, q, &mut r);
    if !ok {
        r.line(super::reply::coverage(ctx.facts));
    }
    r.finish(q, ok, ctx.corpus)
}

/// The full-scale invasion: a period asked from before it runs from the start.
const WAR_BEGAN: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(2022, 2, 24).expect("a valid day");

/// How long before the end of a period a source's running total may have been
/// given and still stand for it.
const RECENT_TOTAL_DAYS: i64 = 31;

/// Sources' own running totals over the period asked ("98 Ukrainians
/// released over the past week, Yermak said"), which no sum of mine replaces.
pub fn running_totals(ctx: &Context, q: &Question, r: &mut Reply) -> bool {
    let Some((from, to)) = q.select.periods.first().and_then(|p| p.bounds()) else { return false };
    if from == to {
        return false;
    }
    // "before the jan 2024 swap, how many had Ukraine got back": everything up to a day,
    // which a source's running total of then answers better than my sum.
    let since_ever = from < WAR_BEGAN;
    let mut any = false;
    for c in &ctx.facts.claims {
        let ClaimKind::ReturnedTotal(side) = c.kind else { continue };
        if q.filter.recipient.is_some_and(|s| s != side) {
            continue;
        }
        let whole_war = matches!(c.scope, Scope::War | Scope::Unstated);
        if since_ever && whole_war && c.as_of <= to && (to - c.as_of).num_days() <= RECENT_TOTAL_DAYS {
            r.line(format!(
                "{} said {} {} had been returned in all by {}.",
                c.reporter.name,
                c.text,
                side.people(),
                day_label(c.as_of)
            ));
            r.cite(&c.cite);
            any = true;
            continue;
        }
        let Scope::Recent { from: since } = c.scope else { continue };
        let fits = c.as_of >= from && c.as_of <= to && since >= from - chrono::Days::new(3);
        if fits && q.filter.reporter.as_ref().is_none_or(|p| by(p, &c.reporter.name, c.reporter.side)) {
            r.line(format!(
                "{} said {} {} had been returned between {} and {}.",
                c.reporter.name,
                c.text,
                side.people(),
                day_label(since),
                day_label(c.as_of)
            ));
            r.cite(&c.cite);
            any = true;
        }
    }
    any
}
