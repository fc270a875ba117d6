//! Several exchanges at once: lists and comparisons.

use super::count::{SIDES, series_label};
use super::reply::{Reply, names, num};
use super::select::{self, Selection};
use super::tally::{self, Who};
use super::{Answer, Context, no_exchange};
use crate::facts::Exchange;
use crate::lang::Side;
use crate::understand::Question;

/// "List every exchange in 2025", "Which 2025 exchanges were mediated by
/// the UAE?", "which 2023 swaps were lopsided?".
pub fn list(ctx: &Context, q: &Question) -> Answer {
    let mut chosen: Vec<&Exchange> = match q.select.periods.first() {
        Some(_) => {
            ctx.facts.exchanges.iter().filter(|e| q.select.periods.iter().any(|p| select::within(e, p))).collect()
        }
        None => ctx.facts.exchanges.iter().collect(),
    };
    if let Some(m) = &q.filter.mediator {
        chosen.retain(|e| e.mediators.iter().any(|x| &x.value == m));
    }
    if q.select.uneven {
        chosen.retain(|e| uneven(e));
    }
    if chosen.is_empty() {
        return no_exchange(ctx, q);
    }
    let mut r = Reply::default();
    let mut scope = q.select.periods.first().map_or(String::new(), |p| format!(" in {}", p.label()));
    if let Some(m) = &q.filter.mediator {
        scope.push_str(&format!(" mediated by {}", super::count::the(m)));
    }
    if q.select.uneven {
        scope.push_str(" in which one side got more people back than the other");
    }
    r.line(format!("{} exchanges on record{scope}, newest first:", chosen.len()));
    for e in chosen.iter().rev() {
        r.exchange(e);
        let mut parts: Vec<String> = Vec::new();
        for side in SIDES {
            let c = tally::counts(e, side, Who::HEADLINE);
            if let Some(first) = c.first() {
                r.figure(format!("{}: returned to {}", e.date.label(), side.name()), first.figures[0]);
                let v: Vec<String> = c.iter().map(|x| x.text()).collect();
                parts.push(format!("{} to {}", v.join(" or "), side.name()));
            }
        }
        if parts.is_empty() {
            parts.push("no figures given".into());
            if let Some(c) = e.reports.first() {
                r.cite(c);
            }
        }
        let mediator = e.mediators.first().map_or(String::new(), |m| {
            r.cite(&m.cite);
            format!(" · {}", m.value)
        });
        let stage =
            e.stage.as_ref().filter(|s| s.number > 0).map_or(String::new(), |s| format!(" (stage {})", s.number));
        r.line(format!("• **{}**{stage} — {}{mediator}", e.date.label(), parts.join(", ")));
    }
    r.finish(q, true, ctx.corpus)
}

/// Both sides have an agreed count and they differ.
fn uneven(e: &Exchange) -> bool {
    match (tally::agreed(e, Side::Ukraine, Who::HEADLINE), tally::agreed(e, Side::Russia, Who::HEADLINE)) {
        (Some(u), Some(r)) => u.value != r.value,
        _ => false,
    }
}

/// One exchange or a whole multi-day exchange, for comparison.
struct Event<'f> {
    label: String,
    days: Vec<&'f Exchange>,
}

impl Event<'_> {
    /// The size for the side asked (or both), when every count in it is agreed.
    fn size(&self, side: Option<Side>) -> Option<u64> {
        self.days.iter().map(|e| side_size(e, side)).sum()
    }

    fn range(&self, side: Option<Side>) -> (u64, u64) {
        self.days.iter().fold((0, 0), |acc, e| {
            let (lo, hi) = match side {
                Some(s) => {
                    let v: Vec<u64> = tally::counts(e, s, Who::HEADLINE).iter().map(|c| c.value).collect();
                    (v.iter().min().copied().unwrap_or(0), v.iter().max().copied().unwrap_or(0))
                }
                None => tally::size_range(e),
            };
            (acc.0 + lo, acc.1 + hi)
        })
    }
}

fn side_size(e: &Exchange, side: Option<Side>) -> Option<u64> {
    match side {
        Some(s) => tally::returned_to(e, s).map(|(v, _)| v),
        None => tally::size(e),
    }
}

/// "**19 March 2025**: 372 in all (175 + 22 wounded to Ukraine + 175 to
/// Russia)"; when sources differ, each side's values and who gives them.
fn event_text(ev: &Event, side: Option<Side>, r: &mut Reply) -> String {
    for e in &ev.days {
        r.exchange(e);
        for s in SIDES {
            for c in tally::counts(e, s, Who::HEADLINE) {
                r.figure(format!("{}: returned to {}", e.date.label(), s.name()), c.figures[0]);
            }
        }
        for c in tally::combined(e) {
            r.figure(format!("{}: total exchanged", e.date.label()), c.figures[0]);
        }
    }
    let sides: Vec<Side> = side.map_or(SIDES.to_vec(), |s| vec![s]);
    let per_side: Vec<String> = sides
        .iter()
        .map(|&s| {
            let days: Vec<String> = ev
                .days
                .iter()
                .map(|e| {
                    let v: Vec<String> = tally::counts(e, s, Who::HEADLINE)
                        .iter()
                        .map(|c| format!("{} ({})", c.text(), names(&c.reporters())))
                        .collect();
                    if v.is_empty() { "no figure".into() } else { v.join(" or ") }
                })
                .collect();
            // A multi-day exchange with one figure a day: their sum, with its parts.
            let daily: Vec<Option<u64>> = ev
                .days
                .iter()
                .map(|e| match tally::counts(e, s, Who::HEADLINE).as_slice() {
                    [c] => Some(c.value),
                    _ => None,
                })
                .collect();
            let mut text = match daily.iter().copied().collect::<Option<Vec<u64>>>() {
                Some(values) if values.len() > 1 => {
                    format!("{}: {} in all ({}, computed)", s.name(), num(values.iter().sum()), days.join(" + "))
                }
                _ => format!("{}: {}", s.name(), days.join(" + ")),
            };
            // "120, plus 15 seriously wounded": those came home too.
            if let [e] = ev.days.as_slice()
                && let Some((total, figures)) = tally::returned_to(e, s)
                && let [_, extra @ ..] = figures.as_slice()
                && !extra.is_empty()
            {
                for f in extra {
                    r.figure(format!("{}: returned to {}", e.date.label(), s.name()), f);
                    text.push_str(&format!(", plus {} {}", num(f.value), f.category.noun()));
                }
                let addends: Vec<String> = figures.iter().map(|f| num(f.value)).collect();
                text.push_str(&format!(" — {} in all ({}, computed)", num(total), addends.join(" + ")));
            }
            text
        })
        .collect();
    let stated =
        ev.days.len() == 1 && ev.size(None).is_some_and(|t| tally::combined(ev.days[0]).iter().any(|c| c.value == t));
    match (ev.size(side), side) {
        (Some(total), None) if stated => format!("**{}**: {} in all; {}", ev.label, num(total), per_side.join("; ")),
        (Some(total), None) => {
            // Every computed number is shown with its parts, each side's own count.
            let parts: Vec<String> = SIDES.iter().filter_map(|&s| ev.size(Some(s))).map(num).collect();
            format!(
                "**{}**: {} in all ({}, computed from each side's own count); {}",
                ev.label,
                num(total),
                parts.join(" + "),
                per_side.join("; ")
            )
        }
        _ => format!("**{}**: {}", ev.label, per_side.join("; ")),
    }
}

/// "Which exchange was the largest?": the event the selection ranked first, in brief.
pub fn ranked(ctx: &Context, q: &Question, sel: &Selection, rank: crate::understand::Rank) -> Answer {
    let Some(first) = sel.exchanges.first() else {
        return no_exchange(ctx, q);
    };
    let label = ctx
        .facts
        .series_of(first)
        .filter(|_| sel.exchanges.len() > 1)
        .map_or_else(|| first.date.label(), |s| series_label(ctx, s));
    let ev = Event { label, days: sel.exchanges.clone() };
    let mut r = Reply::default();
    // "Which 2025 exchange brought back the most civilians?": that group's count says why.
    let who = Who::of(q.filter.category, &q.filter.group);
    if who.is_subgroup() {
        let noun = super::count::noun_of(who).trim().to_string();
        let word = if rank == crate::understand::Rank::Largest { "most" } else { "fewest" };
        let sides: Vec<Side> = q.filter.recipient.map_or(SIDES.to_vec(), |s| vec![s]);
        let mut parts = Vec::new();
        for e in &ev.days {
            r.exchange(e);
            for &s in &sides {
                for c in tally::counts(e, s, who) {
                    r.figure(format!("{}: {noun} returned to {}", e.date.label(), s.name()), c.figures[0]);
                    parts.push(format!("{} {noun} to {} ({})", c.text(), s.name(), names(&c.reporters())));
                }
            }
        }
        r.line(format!("The {word} {noun} on record: **{}**: {}.", ev.label, parts.join("; ")));
        return r.finish(q, true, ctx.corpus);
    }
    let word = if rank == crate::understand::Rank::Largest { "largest" } else { "smallest" };
    let text = event_text(&ev, q.filter.recipient.filter(|_| !q.filter.both), &mut r);
    r.line(format!("The {word} exchange on record: {text}."));
    if let Some(s) = ctx.facts.series_of(first)
        && let Some(f) = s.totals.first()
    {
        r.line(format!("At its end each side had handed over {} ({}).", num(f.value), f.reporter.name));
        r.figure(format!("{}: running total each way", ev.label), f);
    }
    // "The biggest exchange of 2022" has two honest readings: the most people
    // in all (144 for 144) or the most brought home to one side (215 for 55).
    // Where they name different exchanges, the other reading is shown too.
    if rank == crate::understand::Rank::Largest && q.filter.recipient.is_none() {
        for side in SIDES {
            let mut by_side = q.clone();
            by_side.filter.recipient = Some(side);
            let other = select::select(ctx, &by_side);
            if other.exchanges.is_empty()
                || other.exchanges.iter().any(|e| ev.days.iter().any(|d| std::ptr::eq(*d, *e)))
            {
                continue;
            }
            let label = match ctx.facts.series_of(other.exchanges[0]) {
                Some(s) if other.exchanges.len() > 1 => series_label(ctx, s),
                _ => other.exchanges[0].date.label(),
            };
            let text = event_text(&Event { label, days: other.exchanges.clone() }, Some(side), &mut r);
            r.line(format!("The most brought home to {} in one exchange: {text}.", side.name()));
        }
    }
    r.finish(q, true, ctx.corpus)
}

/// "Was the March 2025 exchange bigger than the one in February 2025?"
pub fn compare(ctx: &Context, q: &Question) -> Answer {
    let mut targets: Vec<(String, Vec<&Exchange>)> =
        q.select.periods.iter().map(|p| (p.label(), select::in_period(ctx.facts, p))).collect();
    if let Some(n) = q.select.n_for_n {
        targets.push((format!("the {n}-for-{n} exchange"), select::n_for_n(ctx.facts, n)));
    }
    let mut picked: Vec<Event> = Vec::new();
    for (label, chosen) in targets.into_iter().take(2) {
        let mut events: Vec<Event> = select::events(ctx.facts, &chosen)
            .into_iter()
            .map(|days| {
                let label = ctx
                    .facts
                    .series_of(days[0])
                    .filter(|_| days.len() > 1)
                    .map_or_else(|| days[0].date.label(), |s| series_label(ctx, s));
                Event { label, days }
            })
            .collect();
        if events.is_empty() {
            let mut r = Reply::default();
            r.line(format!("I have no prisoner exchange on record for {label}, so I cannot compare it."));
            r.line(super::reply::coverage(ctx.facts));
            return r.finish(q, false, ctx.corpus);
        }
        events.sort_by_key(|e| std::cmp::Reverse(e.range(q.filter.recipient).1));
        picked.push(events.remove(0));
    }
    // "Pushilin called the 29 October swap 50-for-50; does Kyiv's count match?": one exchange, every source.
    if picked.len() == 2 && picked[0].days.iter().any(|d| picked[1].days.iter().any(|x| x.id == d.id)) {
        let sel = Selection { exchanges: picked[0].days.clone(), basis: select::Basis::Named, evidence: Vec::new() };
        return super::count::count(ctx, q, &sel);
    }
    if picked.len() < 2 {
        return no_exchange(ctx, q);
    }
    let mut r = Reply::default();
    let side = q.filter.recipient.filter(|_| !q.filter.both);
    let (a, b) = (&picked[0], &picked[1]);
    // "which returned more civilians, the aug 14 exchange or the oct 2 one?": that group's counts.
    let who = Who::of(q.filter.category, &q.filter.group);
    if who.is_subgroup() {
        compare_groups(a, b, side, who, &mut r);
        return r.finish(q, true, ctx.corpus);
    }
    let (ta, tb) = (event_text(a, side, &mut r), event_text(b, side, &mut r));
    let (ra, rb) = (a.range(side), b.range(side));
    let whose = side.map_or(String::new(), |s| format!(" for {}", s.name()));
    // "Was the 5 Feb swap bigger than …?" is answered yes or no; "which was bigger, A or B?" by naming one.
    let yes_no = q.words.first().is_some_and(|w| ["was", "is", "were", "did"].contains(&w.norm.as_str()))
        && !q.words.iter().any(|w| w.is("or"));
    let (yes, no) = if yes_no { ("Yes: ", "No: ") } else { ("", "") };
    let verdict = match (a.size(side), b.size(side)) {
        // "how many more …": by how many, computed from the two figures shown below.
        (Some(x), Some(y)) if x > y => {
            format!("{yes}{} was bigger{whose}, by {} ({} − {}, computed).", a.label, num(x - y), num(x), num(y))
        }
        (Some(x), Some(y)) if x < y => {
            format!("{no}{} was bigger{whose}, by {} ({} − {}, computed).", b.label, num(y - x), num(y), num(x))
        }
        (Some(_), Some(_)) => "They were the same size.".to_string(),
        // Sources differ, but the answer holds whichever figures are used.
        _ if ra.0 > rb.1 => format!("{} was bigger{whose} by every source's figures.", a.label),
        _ if rb.0 > ra.1 => format!("{} was bigger{whose} by every source's figures.", b.label),
        _ => "Sources differ on the size of one of them, so it depends on whose figures you take:".to_string(),
    };
    r.line(verdict);
    r.line(format!("• {ta}"));
    r.line(format!("• {tb}"));
    r.finish(q, true, ctx.corpus)
}

/// One group's people in two events: "14 August 2025: Ukraine: 51 civilians
/// (Radio …)". The verdict only when each event has one agreed count.
fn compare_groups(a: &Event, b: &Event, side: Option<Side>, who: Who, r: &mut Reply) {
    let noun = super::count::noun_of(who).trim().to_string();
    let sides: Vec<Side> = side.map_or(SIDES.to_vec(), |s| vec![s]);
    let mut text_of = |ev: &Event| {
        let mut total = Some(0);
        let mut any = false;
        let mut parts: Vec<String> = Vec::new();
        for &s in &sides {
            for e in &ev.days {
                let counts = tally::counts(e, s, who);
                for c in &counts {
                    r.figure(format!("{}: {noun} returned to {}", e.date.label(), s.name()), c.figures[0]);
                }
                match counts.as_slice() {
                    [] => {}
                    [c] => {
                        total = total.map(|t| t + c.value);
                        any = true;
                    }
                    _ => total = None,
                }
                if !counts.is_empty() {
                    let v: Vec<String> =
                        counts.iter().map(|c| format!("{} {noun} ({})", c.text(), names(&c.reporters()))).collect();
                    parts.push(format!("to {}: {}", s.name(), v.join(" or ")));
                }
            }
        }
        let text = if parts.is_empty() {
            format!("**{}**: my sources give no figure for {noun}", ev.label)
        } else {
            format!("**{}**: {}", ev.label, parts.join("; "))
        };
        (total.filter(|_| any), text)
    };
    let (sa, ta) = text_of(a);
    let (sb, tb) = text_of(b);
    let whose = if sides.len() > 1 { ", both sides together" } else { "" };
    let verdict = match (sa, sb) {
        (Some(x), Some(y)) if x > y => {
            format!("{} returned more {noun}: {} against {}{whose}.", a.label, num(x), num(y))
        }
        (Some(x), Some(y)) if x < y => {
            format!("{} returned more {noun}: {} against {}{whose}.", b.label, num(y), num(x))
        }
        (Some(_), Some(_)) => format!("The same number of {noun} came back in both."),
        _ => format!("My sources do not give one agreed count of {noun} for both, so I cannot say which had more:"),
    };
    r.line(verdict);
    r.line(format!("• {ta}"));
    r.line(format!("• {tb}"));
}
