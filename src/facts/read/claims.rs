//! Claims about the war as a whole that are not head counts of one
//! exchange: how many swaps there have been ("a total of 59 prisoner
//! swaps", "the 56th exchange since the invasion"), and how many one side
//! holds ("estimated to be between 8,000 and 10,000"). Running totals of
//! people returned are read with the other counts (`figures`).

use chrono::{Datelike, NaiveDate};

use super::count;
use super::sentence::Sentence;
use super::{ArticleFacts, Context, Reading};
use crate::facts::model::{Claim, ClaimKind, ExchangeDate, Reporter, Scope};
use crate::lang::dates::Period;
use crate::lang::lexicon::{Act, Side, Tag};
use crate::lang::numbers;

pub fn read(ctx: &Context, p: &Reading, reporter: &Reporter, out: &mut ArticleFacts) {
    let s = &p.s;
    let as_of = match (ctx.event, p.month) {
        // Under a month's heading: as of its end, or of publication if sooner.
        (_, Some(month)) => month.bounds().1.min(p.today),
        // "Then, on Sunday 24 August, came another. … called it the 68th exchange": the
        // day the paragraph is about.
        (ExchangeDate::Day(d), None) if p.stamp.is_none() => p.context_day().unwrap_or(d),
        _ => p.today,
    };
    let claim = |kind, scope, low, high, text: String| Claim {
        kind,
        scope,
        low,
        high,
        text,
        approx: None,
        reporter: reporter.clone(),
        as_of,
        cite: ctx.cite(s),
    };
    let scope = swap_scope(s, as_of);
    // "a total of 59 prisoner swaps".
    for c in count::find(s).into_iter().filter(|c| c.swaps) {
        // "Last month Ukraine said 2,598 people had been freed through 48 previous swaps":
        // as of when it was said, not of the swap the article reports.
        let said = said_before(s, c.at, p.today).unwrap_or(as_of);
        out.claims.push(Claim { as_of: said, ..claim(ClaimKind::SwapCount, scope, c.value, None, c.text) });
    }
    // "the 56th exchange since the invasion", "its 51st exchange", "the fifth
    // exchange of the year"; not "the second exchange in less than a week".
    for (i, w) in s.words.iter().enumerate() {
        let Some(n) = numbers::ordinal(&w.norm).filter(|n| *n >= 2) else { continue };
        // "The exchange, brokered by the UAE, was the 54th of the war": the noun said before.
        let next = s.words.get(i + 1).map(|x| x.norm.as_str());
        // "Lubinets called it the 50th of the full-scale war": "it" stands for the exchange.
        let it = s.words[i.saturating_sub(4)..i].iter().any(|x| x.is("it") || x.is("this"));
        let elided = i > 0
            && s.words[i - 1].is("the")
            && matches!(next, Some("of" | "since"))
            && (s.has(0..i, |t| t == Tag::Event) || it)
            && !s.has(i + 1..(i + 3).min(s.words.len()), |t| t == Tag::Event);
        if elided {
            out.claims.push(claim(ClaimKind::SwapCount, scope, u64::from(n), None, s.text[w.span.clone()].to_string()));
            continue;
        }
        let Some(event) = (i + 1..(i + 3).min(s.words.len())).find(|&k| s.tag(k) == Some(Tag::Event)) else { continue };
        let after: Vec<&str> =
            s.words[event + 1..(event + 4).min(s.words.len())].iter().map(|x| x.norm.as_str()).collect();
        // "This was the 65th such swap.": a high ordinal with nothing after it counts the war's.
        let closes = after.first().is_none_or(|a| [".", ",", ";", "—", "-"].contains(a));
        let counted = i > 0 && count::POSSESSIVES.contains(&s.words[i - 1].norm.as_str())
            || n >= 5 && closes
            || after.first().is_some_and(|a| ["since", "this", "of", "it", "so"].contains(a))
            || after.first() == Some(&"in")
                && s.words.get(event + 2).is_some_and(|y| y.is_digits() && y.norm.len() == 4);
        if counted {
            out.claims.push(claim(ClaimKind::SwapCount, scope, u64::from(n), None, s.text[w.span.clone()].to_string()));
        }
    }
    for (side, low, high, text) in held(s) {
        // "Last month Putin said Russia was holding 6,465": as of when it was said.
        let said = said_on(s, p.today).unwrap_or(as_of);
        // "more than 8,000 Ukrainians are still in Russian captivity".
        let approx = count::find(s).into_iter().find(|c| c.value == low).and_then(|c| c.approx);
        out.claims.push(Claim {
            as_of: said,
            approx,
            ..claim(ClaimKind::Held(side), Scope::Unstated, low, high, text)
        });
    }
}

/// The day a sentence names before word `at`, as `said_on` reads it, unless it
/// bounds a span ("since February 2022", "after the 3 April exchange").
fn said_before(s: &Sentence, at: usize, today: NaiveDate) -> Option<NaiveDate> {
    s.dates
        .iter()
        .filter(|(m, _)| m.words.end <= at)
        .filter(|(m, _)| {
            !m.words
                .start
                .checked_sub(1)
                .is_some_and(|k| ["since", "from", "after", "before", "until"].contains(&s.words[k].norm.as_str()))
        })
        .filter_map(|(m, _)| match m.period {
            Period::Day { date } => Some(date),
            Period::Month { .. } => m.period.bounds().map(|(_, to)| to),
            _ => None,
        })
        .find(|d| *d <= today)
}

/// The day a statement names for itself ("last month", "on 12 June"), its
/// last day when it names a month, never after `today`.
fn said_on(s: &Sentence, today: NaiveDate) -> Option<NaiveDate> {
    s.dates
        .iter()
        .filter_map(|(m, _)| match m.period {
            Period::Day { date } => Some(date),
            Period::Month { .. } | Period::Span { .. } => m.period.bounds().map(|(_, to)| to),
            _ => None,
        })
        .find(|d| *d <= today)
}

/// What a count of swaps covers: "since 2022", "of the year", "in 2024".
fn swap_scope(s: &Sentence, as_of: NaiveDate) -> Scope {
    let year_of = s.words.windows(3).any(|w| w[0].is("of") && w[1].is("the") && w[2].is("year"));
    if year_of {
        return NaiveDate::from_ymd_opt(as_of.year(), 1, 1).map_or(Scope::Unstated, |from| Scope::Since { from });
    }
    // "the 54th of the war", "since 2022".
    let of_war = s.words.windows(3).any(|w| w[0].is("of") && w[1].is("the") && w[2].is("war"));
    if of_war || s.words.iter().any(|w| w.is("since")) {
        return Scope::War;
    }
    for (m, _) in &s.dates {
        if let Period::Span { from, to } = m.period
            && from.ordinal() == 1
            && to.month() == 12
        {
            return Scope::Since { from };
        }
    }
    Scope::Unstated
}

/// Estimates of how many one side holds: "the number of Ukrainian captives
/// held by Moscow estimated to be between 8,000 and 10,000", "Russia holds
/// 6,465 Ukrainians", and both at once ("Russia was holding 6,465 Ukrainian
/// soldiers while Ukraine held 1,348 Russian service members").
fn held(s: &Sentence) -> Vec<(Side, u64, Option<u64>, String)> {
    let whole = 0..s.words.len();
    let holds = s.has(whole.clone(), |t| t == Tag::Act(Act::Hold));
    let freed = s.has(whole.clone(), |t| matches!(t, Tag::Act(Act::Give | Act::Receive | Act::Home | Act::Swap)));
    if !holds || freed || s.words.iter().any(|w| w.is("since")) {
        return Vec::new();
    }
    let nationality = |range: std::ops::Range<usize>| {
        range.filter_map(|k| match s.tag(k) {
            Some(Tag::Nationality(side)) => Some(side),
            _ => None,
        })
    };
    let Some(first_side) = nationality(whole.clone()).next() else { return Vec::new() };
    // "Moscow described it as 195 for 195": a swap's size, not a holding.
    let swapped: Vec<usize> = count::find(s).into_iter().filter(|c| c.pattern).flat_map(|c| c.at..c.np.end).collect();
    let numbers: Vec<(usize, u64)> = s
        .words
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            !s.dates.iter().any(|(m, _)| m.words.contains(i)) && !count::not_a_count(s, *i) && !swapped.contains(i)
        })
        .filter_map(|(i, w)| w.number().filter(|n| *n >= 100).map(|n| (i, n)))
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(&(at, low)) = numbers.get(k) {
        let range = numbers.get(k + 1).filter(|(j, _)| *j <= at + 3);
        let text = match range {
            Some((j, _)) => format!("{}–{}", s.words[at].norm, s.words[*j].norm),
            None => s.words[at].norm.clone(),
        };
        let end = range.map_or(at, |(j, _)| *j);
        // Whose people: the nationality right after the figure, else the sentence's first.
        let own = nationality(end + 1..(end + 4).min(s.words.len())).next();
        // A second figure counts only with its own nationality: not "including 1,600 civilians".
        if out.is_empty() || own.is_some() {
            out.push((own.unwrap_or(first_side), low, range.map(|(_, n)| *n), text));
        }
        k += if range.is_some() { 2 } else { 1 };
    }
    out
}
