//! Merging what each article says into one record per exchange.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::extract::{ArticleFacts, Fact, Observation};
use super::model::{Attributed, Claim, Exchange, ExchangeDate, Facts, Figure, Recipient, Series, Stage};
use crate::lang::{Category, Side};

/// Days between two stages of one multi-day exchange, at most.
const SERIES_GAP_DAYS: i64 = 1;

pub fn merge(articles: Vec<ArticleFacts>) -> Facts {
    let mut observations: Vec<Observation> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    for a in articles {
        observations.extend(a.observations);
        for c in a.claims {
            let dup = claims.iter().any(|k| k.kind == c.kind && k.low == c.low && k.high == c.high && k.cite == c.cite);
            if !dup {
                claims.push(c);
            }
        }
    }
    fold_months_into_days(&mut observations);
    redate_breakdowns(&mut observations);

    let mut by_date: BTreeMap<ExchangeDate, Vec<Observation>> = BTreeMap::new();
    for o in observations {
        by_date.entry(o.date).or_default().push(o);
    }
    let mut exchanges = Vec::new();
    let mut pending_series: Vec<(ExchangeDate, Fact)> = Vec::new();
    for (date, obs) in by_date {
        let mut e = Exchange {
            id: date.id(),
            date,
            figures: Vec::new(),
            mediators: Vec::new(),
            destinations: Vec::new(),
            agreements: Vec::new(),
            stage: None,
            series: None,
            sources: Vec::new(),
        };
        for o in obs {
            match o.fact {
                Fact::Figure(f) => push_figure(&mut e.figures, f),
                Fact::Mediator(a) => push_attr(&mut e.mediators, a),
                Fact::Destination(a) => push_attr(&mut e.destinations, a),
                Fact::Agreement(a) => push_attr(&mut e.agreements, a),
                Fact::Stage(s) => merge_stage(&mut e.stage, s),
                f @ (Fact::SeriesTotal(_) | Fact::Planned(_)) => pending_series.push((date, f)),
            }
        }
        // A date with no head count is not an exchange on record.
        if e.figures.is_empty() {
            continue;
        }
        let mut sources: Vec<String> = e
            .figures
            .iter()
            .map(|f| &f.cite)
            .chain(e.mediators.iter().chain(&e.destinations).chain(&e.agreements).map(|a| &a.cite))
            .map(|c| c.article.clone())
            .collect();
        sources.sort();
        sources.dedup();
        e.sources = sources;
        exchanges.push(e);
    }
    // `ExchangeDate` orders days before months; people read by calendar.
    exchanges.sort_by_key(|e| (e.date.sort_key(), e.id.clone()));
    let series = link_series(&mut exchanges, pending_series);
    Facts { exchanges, series, claims }
}

fn push_figure(figures: &mut Vec<Figure>, f: Figure) {
    let dup = figures
        .iter()
        .any(|g| g.value == f.value && g.recipient == f.recipient && g.category == f.category && g.cite == f.cite);
    if !dup {
        figures.push(f);
    }
}

fn push_attr(list: &mut Vec<Attributed>, a: Attributed) {
    if !list.iter().any(|x| x.value == a.value && x.cite.article == a.cite.article) {
        list.push(a);
    }
}

fn merge_stage(slot: &mut Option<Stage>, s: Stage) {
    match slot {
        None => *slot = Some(s),
        Some(old) => {
            if old.number == 0 && s.number > 0 {
                old.number = s.number;
                old.cite = s.cite;
            }
            old.last |= s.last;
        }
    }
}

/// "In October 2024, 95 each" and "on 18 October, 95 each" are one exchange:
/// a month-only date moves to the one dated exchange of that month, if there
/// is exactly one.
fn fold_months_into_days(observations: &mut [Observation]) {
    let days: Vec<ExchangeDate> = observations
        .iter()
        .filter(|o| matches!(o.fact, Fact::Figure(_)))
        .map(|o| o.date)
        .filter(|d| matches!(d, ExchangeDate::Day(_)))
        .collect();
    for o in observations.iter_mut() {
        if let ExchangeDate::Month { year, month } = o.date {
            let mut in_month: Vec<ExchangeDate> = days
                .iter()
                .copied()
                .filter(|d| matches!(d, ExchangeDate::Day(x) if x.year() == year && x.month() == month))
                .collect();
            in_month.sort();
            in_month.dedup();
            if let [only] = in_month[..] {
                o.date = only;
            }
        }
    }
}

/// Days within which a breakdown may belong to a neighbouring exchange.
const BREAKDOWN_WINDOW_DAYS: i64 = 3;

/// An undated sentence such as "Russia said it had received 270 Russian
/// troops and 120 civilians" in a report of a multi-day swap may describe
/// another day than the article's own. When its counts for a side add up to
/// no headline count of the day it was given, but to exactly one headline
/// count of one nearby exchange, it is moved there: arithmetic, not guessing.
fn redate_breakdowns(observations: &mut [Observation]) {
    // Headline counts of a day, leaving out the sentence under test.
    let headline = |obs: &[Observation], date: ExchangeDate, side: Side, skip: &[usize]| -> Vec<u64> {
        obs.iter()
            .enumerate()
            .filter(|(i, o)| o.date == date && !skip.contains(i))
            .map(|(_, o)| o)
            .filter_map(|o| match &o.fact {
                Fact::Figure(f) if f.category == Category::Prisoners && f.recipient.reaches(side) => Some(f.value),
                _ => None,
            })
            .collect()
    };
    let mut groups: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, o) in observations.iter().enumerate() {
        if let (true, Fact::Figure(f)) = (o.inferred, &o.fact) {
            groups.entry((f.cite.article.clone(), f.cite.sentence.clone())).or_default().push(i);
        }
    }
    for members in groups.values() {
        let figures: Vec<&Figure> = members
            .iter()
            .filter_map(|&i| match &observations[i].fact {
                Fact::Figure(f) => Some(f),
                _ => None,
            })
            .collect();
        let Some(Recipient::To(side)) = figures.first().map(|f| f.recipient) else {
            continue;
        };
        if figures.len() < 2 || figures.iter().any(|f| f.recipient != Recipient::To(side)) {
            continue;
        }
        let total: u64 = figures.iter().map(|f| f.value).sum();
        let date = observations[members[0]].date;
        let here = headline(observations, date, side, members);
        if here.contains(&total) || figures.iter().any(|f| here.contains(&f.value)) {
            continue;
        }
        let ExchangeDate::Day(day) = date else {
            continue;
        };
        let mut candidates: Vec<ExchangeDate> = observations
            .iter()
            .map(|o| o.date)
            .filter(|d| matches!(d, ExchangeDate::Day(x) if *x != day && (*x - day).num_days().abs() <= BREAKDOWN_WINDOW_DAYS))
            .filter(|d| headline(observations, *d, side, members).contains(&total))
            .collect();
        candidates.sort();
        candidates.dedup();
        if let [target] = candidates[..] {
            for &i in members {
                observations[i].date = target;
            }
        }
    }
}

/// Consecutive days that carry stage numbers or a series total form one
/// multi-day exchange; stages without a number get one from their position.
fn link_series(exchanges: &mut [Exchange], pending: Vec<(ExchangeDate, Fact)>) -> Vec<Series> {
    let staged = |e: &Exchange| e.stage.is_some();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..exchanges.len() {
        let ExchangeDate::Day(day) = exchanges[i].date else {
            continue;
        };
        let joins = groups.last().is_some_and(|g| {
            let prev = &exchanges[*g.last().unwrap_or(&0)];
            matches!(prev.date, ExchangeDate::Day(p) if (day - p).num_days() <= SERIES_GAP_DAYS)
                && (staged(prev) || staged(&exchanges[i]))
        });
        if joins {
            if let Some(g) = groups.last_mut() {
                g.push(i);
            }
        } else {
            groups.push(vec![i]);
        }
    }
    let mut series = Vec::new();
    for g in groups.into_iter().filter(|g| g.len() > 1) {
        let first = &exchanges[g[0]];
        let last = &exchanges[*g.last().unwrap_or(&g[0])];
        let id = format!("{}..{}", first.id, last.id);
        let (from, to) = (first.date.sort_key(), last.date.sort_key());
        let mut s = Series { id: id.clone(), exchanges: Vec::new(), totals: Vec::new(), planned: Vec::new() };
        let mut agreements: Vec<Attributed> = Vec::new();
        for (pos, &i) in g.iter().enumerate() {
            let e = &mut exchanges[i];
            e.series = Some(id.clone());
            s.exchanges.push(e.id.clone());
            agreements.extend(e.agreements.iter().cloned());
            let number = u32::try_from(pos + 1).unwrap_or(u32::MAX);
            match &mut e.stage {
                Some(stage) if stage.number == 0 => stage.number = number,
                _ => {}
            }
        }
        for &i in &g {
            for a in &agreements {
                push_attr(&mut exchanges[i].agreements, a.clone());
            }
        }
        for (date, fact) in &pending {
            let d = date.sort_key();
            if d < from || d > to {
                continue;
            }
            match fact {
                Fact::SeriesTotal(f) => push_figure(&mut s.totals, f.clone()),
                Fact::Planned(f) => push_figure(&mut s.planned, f.clone()),
                _ => {}
            }
        }
        series.push(s);
    }
    series
}
