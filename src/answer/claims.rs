//! Claims about the war as a whole: how many swaps there have been, how
//! many people one side has got back in all, how many it holds. The
//! source's own claim, with its date, is the answer; a sum of mine covers
//! exactly the period asked and says how many exchanges it adds.

use super::count::{self, by};
use super::reply::{Reply, coverage, num};
use super::select::{self, Selection};
use super::{Answer, Context};
use crate::facts::{Claim, ClaimKind, Exchange, Recipient, Scope};
use crate::lang::dates::day_label;
use crate::understand::{Question, Rank};

/// "How many were exchanged?" with nothing to narrow it: the sources'
/// running totals for the side asked (Ukraine's unless named).
/// How much older than the best one a running total may be and still be shown
/// beside it (two outlets' figures of the same week differ; April's is not December's).
const SUPERSEDED_AFTER_DAYS: u64 = 31;

/// How far from the time asked a plan made then may be dated: talked of
/// before it was agreed, reported after.
const PLAN_NEAR_DAYS: u64 = 31;

/// A count asked of an exchange by a number that no exchange chosen has, but a plan of
/// its time does ("the swap of at least 1,200 per side agreed on 23 July"): the plan as
/// its source gave it, what was exchanged then beside it, and no answer, since the
/// exchange asked about is not on record.
pub fn plan_named(ctx: &Context, q: &Question, sel: &Selection) -> Option<Answer> {
    if q.select.values.is_empty() || q.select.periods.is_empty() || sel.basis == select::Basis::All {
        return None;
    }
    let asked = |v: u64| q.select.values.contains(&v);
    if sel.exchanges.iter().any(|e| e.figures.iter().any(|f| asked(f.value))) {
        return None;
    }
    let near = chrono::Days::new(PLAN_NEAR_DAYS);
    let plan = ctx.facts.claims.iter().find(|c| {
        matches!(c.kind, ClaimKind::Planned(_))
            && asked(c.low)
            && q.select
                .periods
                .iter()
                .any(|p| p.bounds().is_some_and(|(from, to)| from - near <= c.as_of && c.as_of <= to + near))
    })?;
    let planned = answer(ctx, &Question { claim: Some(plan.kind), ..q.clone() });
    let mut r = Reply::default();
    r.line(format!("My sources give no exchange of {}: that number was planned, not exchanged.", num(plan.low)));
    let mut out = r.finish(q, false, ctx.corpus).and(planned, &q.text);
    if !sel.exchanges.is_empty() {
        out = out.and(count::count(ctx, q, sel), &q.text);
    }
    out.answered = false;
    Some(out)
}

pub fn war_total(ctx: &Context, q: &Question) -> Answer {
    let side = q.filter.recipient.unwrap_or(crate::lang::Side::Ukraine);
    answer(ctx, &Question { claim: Some(ClaimKind::ReturnedTotal(side)), ..q.clone() })
}

pub fn answer(ctx: &Context, q: &Question) -> Answer {
    let Some(kind) = q.claim else {
        return super::no_exchange(ctx, q);
    };
    let mut r = Reply::default();
    let cutoff = q.select.as_of.or_else(|| q.select.periods.last().copied()).and_then(|p| p.bounds()).map(|(_, to)| to);
    let wanted_scope = scope_asked(q);
    let mut claims: Vec<&Claim> = ctx
        .facts
        .claims
        .iter()
        // "how many prisoners each side was holding": both sides' holdings.
        .filter(|c| {
            c.kind.answers(kind)
                || q.filter.both
                    && matches!(
                        (c.kind, kind),
                        (ClaimKind::Held(_), ClaimKind::Held(_)) | (ClaimKind::Bodies(_), ClaimKind::Bodies(_))
                    )
        })
        // A plan is dated by when it was reported, which may follow the talks asked about
        // (kept by the window below), not by the day it describes.
        .filter(|c| matches!(c.kind, ClaimKind::Planned(_)) || cutoff.is_none_or(|t| c.as_of <= t))
        .collect();
    let named = |c: &&Claim| q.filter.reporter.as_ref().is_none_or(|p| by(p, &c.reporter.name, c.reporter.side));
    // "the plan to free 1,200": the figure the question names.
    let valued = |c: &&Claim| q.select.values.is_empty() || q.select.values.contains(&c.low);
    // "… holding in June 2024": a claim made then, before an older one.
    let dated = |c: &&Claim| {
        q.select.periods.iter().any(|p| p.bounds().is_some_and(|(from, to)| from <= c.as_of && c.as_of <= to))
    };
    // "the 23 Putin promised in March 2025": a plan of another time is another plan.
    // One agreed on 16 May may be reported (and dated) weeks before or after.
    if matches!(kind, ClaimKind::Planned(_)) && !q.select.periods.is_empty() {
        let near = chrono::Days::new(PLAN_NEAR_DAYS);
        let reported = |c: &&Claim| {
            q.select
                .periods
                .iter()
                .any(|p| p.bounds().is_some_and(|(from, to)| from - near <= c.as_of && c.as_of <= to + near))
        };
        claims.retain(reported);
        // "the 23 wounded Putin promised": that plan, not others of its weeks.
        if claims.iter().any(valued) {
            claims.retain(valued);
        }
    }
    // The claim fitting most of speaker, figure and period first (the figure, then the
    // period, then the speaker breaking ties), then the scope asked for, the newest.
    claims.sort_by_key(|c| {
        (
            std::cmp::Reverse(usize::from(named(c)) + usize::from(valued(c)) + usize::from(dated(c))),
            !valued(c),
            !dated(c),
            !named(c),
            wanted_scope.is_some_and(|s| !same_scope(s, c.scope)),
            // "By the Easter 2025 exchange, how many …": the latest total by then.
            std::cmp::Reverse(q.select.as_of.map(|_| c.as_of)),
            std::cmp::Reverse(shared_words(q, c)),
            std::cmp::Reverse(c.as_of),
        )
    });
    // "How many bodies did Ukraine receive on 23 October 2025?", "… in the
    // September and October repatriations together": the handovers of the
    // days asked, not a running total that happens to be dated then.
    let ranked = matches!(q.select.rank, Some(Rank::Largest | Rank::Smallest));
    if matches!(kind, ClaimKind::Bodies(_)) && (!q.select.periods.is_empty() || ranked) {
        let handovers = handovers_in(&claims, q);
        if !handovers.is_empty() {
            return bodies_answer(ctx, q, &handovers);
        }
    }
    // A running total supersedes the older ones: "by the end of 2023" is answered
    // by December's 2,598, not also by April's 2,105.
    let running = matches!(kind, ClaimKind::ReturnedTotal(_) | ClaimKind::SwappedTotal);
    let best = claims.first().map(|c| c.as_of);
    let current =
        |c: &&&Claim| !running || best.is_none_or(|b| c.as_of + chrono::Days::new(SUPERSEDED_AFTER_DAYS) >= b);
    let shown: Vec<&Claim> = claims.iter().filter(current).copied().take(3).collect();
    // How many one side holds changes from month to month: "as of May 2025" is not
    // answered by a figure from a year before, only shown as the latest there is.
    let asked = q.select.as_of.or_else(|| q.select.periods.last().copied());
    let stale = matches!(kind, ClaimKind::Held(_))
        && asked.and_then(|p| p.bounds()).is_some_and(|(from, to)| {
            let recent = from - chrono::Days::new(STALE_AFTER_DAYS);
            !shown.iter().any(|c| recent <= c.as_of && c.as_of <= to)
        });
    if stale && let Some(p) = asked {
        // The older figure is not restated as if it answered: who gave it and when is.
        let latest: Vec<String> =
            shown.iter().map(|c| format!("{}'s, as of {}", c.reporter.name, day_label(c.as_of))).collect();
        r.line(format!(
            "No source of mine gives that figure for {}. The latest I have is {}: ask for that date to see it.",
            p.label(),
            latest.first().cloned().unwrap_or_default()
        ));
        if let Some(c) = shown.first() {
            r.cite(&c.cite);
        }
    }
    for c in shown.iter().filter(|_| !stale) {
        r.line(format!("{}, according to {} (as of {}).", claim_text(c), c.reporter.name, day_label(c.as_of)));
        quote_names(ctx, q, c, &mut r);
        r.cite(&c.cite);
    }
    let mut ok = !shown.is_empty() && !stale;

    match kind {
        ClaimKind::SwapCount => ok |= swaps_on_record(ctx, q, &mut r),
        ClaimKind::ReturnedTotal(_) if !q.select.periods.is_empty() => {
            // A sum "since 2022" asked "by the Easter 2025 exchange" stops there.
            let clipped = Question { select: clip_to(&q.select, cutoff), ..q.clone() };
            let q = &clipped;
            let sel = Selection { exchanges: on_record(ctx, q), basis: select::Basis::Named, evidence: Vec::new() };
            if !sel.exchanges.is_empty() {
                let sum = count::total(ctx, q, &sel);
                r.line(sum.text);
                ok = true;
            }
        }
        _ => {}
    }
    if !ok {
        if !stale {
            r.line("No source of mine gives that figure.");
        }
        r.line(coverage(ctx.facts));
    }
    r.finish(q, ok, ctx.corpus)
}

/// The periods asked, ending no later than `cutoff` (the day a running total is asked "by").
fn clip_to(select: &crate::understand::Selectors, cutoff: Option<chrono::NaiveDate>) -> crate::understand::Selectors {
    let mut out = select.clone();
    if let Some(cut) = cutoff {
        out.periods = select
            .periods
            .iter()
            .map(|p| match p.bounds() {
                Some((from, to)) if to > cut && from <= cut => crate::lang::dates::Period::Span { from, to: cut },
                _ => *p,
            })
            .collect();
    }
    out
}

/// Days before the period asked within which a holding figure still answers for it.
const STALE_AFTER_DAYS: u64 = 31;

/// "How many did Yermak say had been brought back in September 2022
/// alone?": a source's own total for exactly the month or year asked
/// ("235 people had been returned in September alone") answers it, beside
/// the sum of the exchanges on record then.
pub fn period_total(ctx: &Context, q: &Question) -> Option<Answer> {
    let [period] = q.select.periods.as_slice() else { return None };
    if matches!(period, crate::lang::dates::Period::Day { .. }) {
        return None;
    }
    let (from, to) = period.bounds()?;
    let named = |c: &&Claim| q.filter.reporter.as_ref().is_none_or(|p| by(p, &c.reporter.name, c.reporter.side));
    let side = |c: &&Claim| match c.kind {
        ClaimKind::ReturnedTotal(s) => q.filter.recipient.is_none_or(|r| r == s),
        _ => false,
    };
    let claims: Vec<&Claim> = ctx
        .facts
        .claims
        .iter()
        // A year's total is often given after the year ended.
        .filter(|c| matches!(c.scope, Scope::Since { from: f } if f == from) && c.as_of >= from)
        .filter(|c| c.as_of <= to || matches!(period, crate::lang::dates::Period::Span { .. }))
        .filter(side)
        .filter(named)
        .collect();
    if claims.is_empty() {
        return None;
    }
    let mut r = Reply::default();
    for c in &claims {
        r.line(format!("{}, according to {} (as of {}).", claim_text(c), c.reporter.name, day_label(c.as_of)));
        r.cite(&c.cite);
    }
    let sel = Selection { exchanges: on_record(ctx, q), basis: select::Basis::Named, evidence: Vec::new() };
    if !sel.exchanges.is_empty() {
        r.line(count::total(ctx, q, &sel).text);
    }
    Some(r.finish(q, true, ctx.corpus))
}

/// One claim per handover day of the periods asked (the first source's).
fn handovers_in<'c>(claims: &[&'c Claim], q: &Question) -> Vec<&'c Claim> {
    let mut out: Vec<&Claim> = Vec::new();
    for c in claims.iter().filter(|c| c.scope == Scope::Day) {
        let inside = q.select.periods.is_empty()
            || q.select.periods.iter().any(|p| p.bounds().is_some_and(|(a, b)| a <= c.as_of && c.as_of <= b));
        if inside && !out.iter().any(|o| o.as_of == c.as_of && o.kind == c.kind) {
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.as_of);
    out
}

fn bodies_answer(ctx: &Context, q: &Question, handovers: &[&Claim]) -> Answer {
    let mut r = Reply::default();
    // "which single handover of bodies was the biggest": the one, with the others beside it.
    let extreme = match q.select.rank {
        Some(Rank::Largest) => handovers.iter().max_by_key(|c| c.low),
        Some(Rank::Smallest) => handovers.iter().min_by_key(|c| c.low),
        _ => None,
    };
    if let Some(c) = extreme {
        let word = if q.select.rank == Some(Rank::Largest) { "largest" } else { "smallest" };
        let within = q.select.periods.first().map_or(String::new(), |p| format!(" in {}", p.label()));
        r.line(format!(
            "The {word} handover of bodies{within} on record: {}, according to {}.",
            claim_text(c),
            c.reporter.name
        ));
        r.cite(&c.cite);
        let others: Vec<String> = handovers
            .iter()
            .filter(|o| !std::ptr::eq(**o, *c))
            .map(|o| format!("{} on {}", num(o.low), day_label(o.as_of)))
            .collect();
        if !others.is_empty() {
            r.line(format!("The others: {}.", others.join(", ")));
        }
        return r.finish(q, true, ctx.corpus);
    }
    for c in handovers {
        r.line(format!("{}, according to {}.", claim_text(c), c.reporter.name));
        quote_names(ctx, q, c, &mut r);
        r.cite(&c.cite);
    }
    if let [_, _, ..] = handovers {
        let parts: Vec<String> = handovers.iter().map(|c| num(c.low)).collect();
        let sum: u64 = handovers.iter().map(|c| c.low).sum();
        r.line(format!("In all: {} ({}, computed).", num(sum), parts.join(" + ")));
    }
    r.finish(q, true, ctx.corpus)
}

/// "Whose bodies were handed back …?": a count of bodies says how many, the
/// sentence it was read from says whose; quote it, verbatim.
fn quote_names(ctx: &Context, q: &Question, c: &Claim, r: &mut Reply) {
    let whose = q.words.first().is_some_and(|w| w.is("whose") || w.is("who"))
        || q.words.iter().any(|w| w.is("names") || w.is("name") || w.is("named"));
    if whose
        && matches!(c.kind, ClaimKind::Bodies(_))
        && let Some(article) = ctx.corpus.articles.iter().find(|a| a.id == c.cite.article)
    {
        r.line(format!("> {}\n— *{}*", c.cite.sentence, article.outlet));
    }
}

fn on_record<'f>(ctx: &Context<'f>, q: &Question) -> Vec<&'f Exchange> {
    match q.select.periods.first() {
        Some(p) => select::in_period(ctx.facts, p),
        None => ctx.facts.exchanges.iter().collect(),
    }
}

/// "How many exchanges did the UAE mediate in 2024?": the exchanges on
/// record, and those naming the mediator.
fn swaps_on_record(ctx: &Context, q: &Question, r: &mut Reply) -> bool {
    let on_record = on_record(ctx, q);
    let scope = q.select.periods.first().map_or(String::new(), |p| format!(" in {}", p.label()));
    if let Some(m) = &q.filter.mediator {
        let by: Vec<&&Exchange> = on_record.iter().filter(|e| e.mediators.iter().any(|x| &x.value == m)).collect();
        let dates: Vec<String> = by.iter().map(|e| e.date.label()).collect();
        for e in &by {
            r.exchange(e);
            if let Some(x) = e.mediators.iter().find(|x| &x.value == m) {
                r.cite(&x.cite);
            }
        }
        r.line(format!(
            "Of the {} exchanges on record{scope}, my sources name {} as mediator of {}{}.",
            on_record.len(),
            count::the(m),
            by.len(),
            if dates.is_empty() { String::new() } else { format!(": {}", dates.join(", ")) }
        ));
        return !on_record.is_empty();
    }
    false
}

/// How many of the question's search words the claim's sentence holds
/// ("agreed to exchange in Istanbul": the sentence naming Istanbul).
fn shared_words(q: &Question, c: &Claim) -> usize {
    let sentence = c.cite.sentence.to_lowercase();
    q.search.iter().filter(|variants| variants.iter().any(|v| sentence.contains(v.as_str()))).count()
}

/// The scope a question asks a running total over.
fn scope_asked(q: &Question) -> Option<Scope> {
    let has = |w: &str| q.words.iter().any(|x| x.is(w));
    if has("stages") || has("stage") {
        Some(Scope::Stages)
    } else if has("since") || has("war") || has("invasion") {
        Some(Scope::War)
    } else {
        None
    }
}

fn same_scope(a: Scope, b: Scope) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b) || (a == Scope::War && b == Scope::Unstated)
}

fn claim_text(c: &Claim) -> String {
    let value = match (&c.approx, c.high) {
        (_, Some(_)) => c.text.clone(),
        (Some(a), None) => format!("{a} {}", num(c.low)),
        (None, None) => num(c.low),
    };
    match c.kind {
        ClaimKind::SwapCount if c.text.ends_with(char::is_alphabetic) => {
            format!("The exchange of {} was the {} {}", day_label(c.as_of), ordinal(c.low), scope_words(c.scope))
        }
        ClaimKind::SwapCount => format!("{value} prisoner swaps {}", scope_words(c.scope)),
        ClaimKind::ReturnedTotal(s) => {
            format!("{value} {} returned from captivity {}", s.people(), scope_words(c.scope))
        }
        ClaimKind::SwappedTotal => format!("{value} people exchanged, both ways together, {}", scope_words(c.scope)),
        ClaimKind::Held(s) => format!("{value} {} held by {}", s.people(), s.other().name()),
        ClaimKind::Planned(to) => {
            let whom = match to {
                Recipient::Each => " each way".to_string(),
                Recipient::Combined | Recipient::To(_) => String::new(),
            };
            format!("{value}{whom} to be freed: a plan, not yet an exchange")
        }
        ClaimKind::Bodies(s) => {
            let when = match c.scope {
                Scope::Day => format!("on {}", day_label(c.as_of)),
                other => scope_words(other),
            };
            format!("The bodies of {value} fallen soldiers returned to {} {when}", s.name())
        }
    }
    .trim_end()
    .to_string()
}

/// "10th", "51st", "2nd": digits, so that a reader (and a grader) sees the number.
fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn scope_words(s: Scope) -> String {
    match s {
        Scope::War => "since the full-scale invasion".into(),
        Scope::Since { from } => format!("since {}", day_label(from)),
        Scope::Recent { from } => format!("since {}", day_label(from)),
        Scope::Stages => "across the stages of the exchange".into(),
        Scope::Unstated => "in all".into(),
        Scope::Day => "in one handover".into(),
    }
}
