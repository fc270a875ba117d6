//! Merging what each article says into one record per exchange.
//!
//! Arithmetic, not guessing: an observation moves to another exchange only
//! when its numbers match that exchange's (the same value for an undated
//! "nine conscripts", a breakdown that adds up to a neighbour's headline).
//! Every step is a pass over hash maps keyed by date and side, so merging
//! grows linearly with the corpus.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate};

use super::model::{
    Attributed, Citation, Claim, Exchange, ExchangeDate, Facts, Figure, Recipient, Series, Speakers, Stage,
};
use super::read::{ArticleFacts, Fact, Observation};
use crate::lang::{Category, Side};

/// Days between two stages of one multi-day exchange, at most.
const SERIES_GAP_DAYS: i64 = 1;
/// Days within which a breakdown may belong to a neighbouring exchange.
const BREAKDOWN_WINDOW_DAYS: i64 = 3;
/// How far back an undated mention ("two weeks after Ukraine released nine
/// conscripts") may reach for an exchange with the same figure.
const UNDATED_WINDOW_DAYS: u64 = 60;

pub fn merge(articles: Vec<ArticleFacts>) -> Facts {
    let mut observations: Vec<(Observation, NaiveDate)> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    let mut seen_claims = HashSet::new();
    let mut speakers = Speakers::default();
    for a in articles {
        let published = a.published;
        for (p, s, who) in a.speakers {
            speakers.insert(&a.article, p, s, who);
        }
        observations.extend(a.observations.into_iter().map(|o| (o, published)));
        for c in a.claims {
            if seen_claims.insert((c.kind, c.low, c.high, c.cite.clone())) {
                claims.push(c);
            }
        }
    }
    place_undated(&mut observations);
    let mut observations: Vec<Observation> =
        observations.into_iter().filter_map(|(o, _)| o.date.is_some().then_some(o)).collect();
    claims.extend(demote_running_totals(&mut observations));
    fold_months_into_days(&mut observations);
    redate_breakdowns(&mut observations);
    mark_breakdowns(&mut observations);

    let mut by_date: BTreeMap<ExchangeDate, Vec<Observation>> = BTreeMap::new();
    for o in observations {
        if let Some(d) = o.date {
            by_date.entry(d).or_default().push(o);
        }
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
            venues: Vec::new(),
            origins: Vec::new(),
            agreements: Vec::new(),
            reports: Vec::new(),
            stage: None,
            series: None,
            sources: Vec::new(),
        };
        let mut seen_figures = HashSet::new();
        for o in obs {
            match o.fact {
                Fact::Figure(f) => {
                    if seen_figures.insert((f.value, f.recipient, f.category, f.cite.clone())) {
                        e.figures.push(f);
                    }
                }
                Fact::Report(c) => push_cite(&mut e.reports, c),
                Fact::Mediator(a) => push_attr(&mut e.mediators, a),
                Fact::Destination(a) => push_attr(&mut e.destinations, a),
                Fact::Venue(a) => push_attr(&mut e.venues, a),
                Fact::Origin(a) => push_attr(&mut e.origins, a),
                Fact::Agreement(a) => push_attr(&mut e.agreements, a),
                Fact::Stage(s) => merge_stage(&mut e.stage, s),
                f @ (Fact::SeriesTotal(_) | Fact::Planned(_)) => pending_series.push((date, f)),
            }
        }
        // A date with neither a head count nor a report that a swap took place is not an exchange.
        if e.figures.is_empty() && e.reports.is_empty() {
            continue;
        }
        let mut sources: Vec<String> = e
            .figures
            .iter()
            .map(|f| &f.cite)
            .chain(&e.reports)
            .chain(e.mediators.iter().chain(&e.destinations).chain(&e.venues).chain(&e.agreements).map(|a| &a.cite))
            .map(|c| c.article.clone())
            .collect();
        sources.sort();
        sources.dedup();
        e.sources = sources;
        exchanges.push(e);
    }
    // `ExchangeDate` orders days before months; people read by calendar.
    exchanges.sort_by_key(|e| (e.date.sort_key(), e.id.clone()));
    share_agreements(&mut exchanges);
    let series = link_series(&mut exchanges, pending_series);
    Facts::new(exchanges, series, claims, speakers)
}

/// Days apart within which exchanges one article reports share the deal it names.
const AGREEMENT_WINDOW_DAYS: i64 = 30;

/// "The swaps follow the June 2 talks in Istanbul": a deal an article names
/// covers each exchange it reports nearby, not only the one the sentence
/// was dated to.
fn share_agreements(exchanges: &mut [Exchange]) {
    let mut by_article: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in exchanges.iter().enumerate() {
        for a in &e.sources {
            by_article.entry(a.clone()).or_default().push(i);
        }
    }
    let mut shared: Vec<(usize, Attributed)> = Vec::new();
    for (i, e) in exchanges.iter().enumerate() {
        for a in &e.agreements {
            for &j in by_article.get(&a.cite.article).into_iter().flatten() {
                let apart = (exchanges[j].date.sort_key() - e.date.sort_key()).num_days().abs();
                if j != i && apart <= AGREEMENT_WINDOW_DAYS {
                    shared.push((j, a.clone()));
                }
            }
        }
    }
    for (j, a) in shared {
        push_attr(&mut exchanges[j].agreements, a);
    }
}

fn push_cite(list: &mut Vec<Citation>, c: Citation) {
    if !list.contains(&c) {
        list.push(c);
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

fn figure(o: &Observation) -> Option<&Figure> {
    match &o.fact {
        Fact::Figure(f) => Some(f),
        _ => None,
    }
}

/// An undated figure joins the one exchange, within the weeks before its
/// article, that has a figure of the same value for the same side. An
/// article dated only by its publication day (`guessed`) moves as a whole:
/// its figures join an earlier exchange only when every head count in it
/// fits that one exchange ("On Oct. 2 … 185 soldiers and 20 civilians",
/// retold in November without its date), never one count at a time.
fn place_undated(observations: &mut [(Observation, NaiveDate)]) {
    let mut dated: HashMap<(u64, Recipient), Vec<ExchangeDate>> = HashMap::new();
    for (o, _) in observations.iter().filter(|(o, _)| !o.guessed) {
        if let (Some(d @ ExchangeDate::Day(_)), Some(f)) = (o.date, figure(o)) {
            dated.entry((f.value, f.recipient)).or_default().push(d);
        }
    }
    let fit = |f: &Figure, published: NaiveDate| -> Option<ExchangeDate> {
        let earliest = published - Days::new(UNDATED_WINDOW_DAYS);
        let mut fits: Vec<ExchangeDate> = dated
            .get(&(f.value, f.recipient))
            .into_iter()
            .flatten()
            .copied()
            .filter(|d| (earliest..=published).contains(&d.sort_key()))
            .collect();
        fits.sort();
        fits.dedup();
        if let [only] = fits[..] { Some(only) } else { None }
    };
    // Per article, where its guessed head counts all fit: `None` once one does not.
    let mut moves: HashMap<String, Option<ExchangeDate>> = HashMap::new();
    for (o, published) in observations.iter() {
        if let (true, Some(f)) = (o.guessed, figure(o))
            && !f.part
        {
            let to = fit(f, *published);
            moves
                .entry(article_of(o).to_string())
                .and_modify(|m| {
                    if *m != to {
                        *m = None;
                    }
                })
                .or_insert(to);
        }
    }
    for (o, published) in observations.iter_mut() {
        if o.guessed {
            if figure(o).is_some()
                && let Some(Some(to)) = moves.get(article_of(o))
            {
                o.date = Some(*to);
            }
            continue;
        }
        if o.date.is_some() {
            continue;
        }
        let Some(f) = figure(o) else { continue };
        if let Some(to) = fit(f, *published) {
            o.date = Some(to);
        }
    }
}

/// How many times larger than every other figure of its exchange and side
/// an undated figure must be to be read as a running total.
const OUTLIER_RATIO: u64 = 5;
/// …and how large, at least: exchanges of a thousand and more are rare.
const OUTLIER_MIN: u64 = 1000;

/// "Ukraine has returned 4,552 people from captivity" beside "277
/// Ukrainians came home on Saturday": a figure the sentence does not date,
/// many times any other the sources give for that exchange and side, is the
/// side's running total, not this exchange's. It becomes a claim.
fn demote_running_totals(observations: &mut Vec<Observation>) -> Vec<Claim> {
    let mut largest: HashMap<(ExchangeDate, Side), Vec<u64>> = HashMap::new();
    for o in observations.iter() {
        let (Some(date), Some(f)) = (o.date, figure(o)) else { continue };
        if let Recipient::To(side) = f.recipient
            && !f.part
            && f.category == Category::Prisoners
        {
            largest.entry((date, side)).or_default().push(f.value);
        }
    }
    let outlier = |o: &Observation| -> Option<Side> {
        let (Some(date), Some(f)) = (o.date, figure(o)) else { return None };
        let Recipient::To(side) = f.recipient else { return None };
        let others = largest.get(&(date, side))?;
        let next = others.iter().copied().filter(|v| *v < f.value).max()?;
        (o.inferred && !f.part && f.value >= OUTLIER_MIN && f.value >= OUTLIER_RATIO * next).then_some(side)
    };
    let mut claims = Vec::new();
    observations.retain(|o| {
        let Some(side) = outlier(o) else { return true };
        if let (Some(date), Some(f)) = (o.date, figure(o)) {
            claims.push(Claim {
                kind: crate::facts::ClaimKind::ReturnedTotal(side),
                scope: crate::facts::Scope::Unstated,
                low: f.value,
                high: None,
                text: f.text.clone(),
                approx: f.approx.clone(),
                reporter: f.reporter.clone(),
                as_of: date.sort_key(),
                cite: f.cite.clone(),
            });
        }
        false
    });
    claims
}

/// "In October 2024, each side released 95" and "on 18 October, 95 each"
/// are one exchange: a month-only figure moves to the one dated exchange of
/// that month with a figure of the same value and recipient.
fn fold_months_into_days(observations: &mut [Observation]) {
    let mut days: HashMap<(i32, u32, u64, Recipient), Vec<ExchangeDate>> = HashMap::new();
    for o in observations.iter() {
        // A headline, not a part: "mid-April, five Ukrainians" is not the five officers of 14 April.
        if let (Some(d @ ExchangeDate::Day(x)), Some(f)) = (o.date, figure(o))
            && !f.part
        {
            days.entry((x.year(), x.month(), f.value, f.recipient)).or_default().push(d);
        }
    }
    // Month-only facts that are not figures (a mediator) follow their figures.
    let mut moved: HashMap<(ExchangeDate, String), ExchangeDate> = HashMap::new();
    for o in observations.iter_mut() {
        let Some(ExchangeDate::Month { year, month }) = o.date else { continue };
        let Some(f) = figure(o) else { continue };
        // "95 for 95" in mid-October is the day each side's 95 was reported, and the other way round.
        let alike: &[Recipient] = match f.recipient {
            Recipient::Each => &[Recipient::Each, Recipient::To(Side::Ukraine), Recipient::To(Side::Russia)],
            Recipient::To(Side::Ukraine) => &[Recipient::To(Side::Ukraine), Recipient::Each],
            Recipient::To(Side::Russia) => &[Recipient::To(Side::Russia), Recipient::Each],
            Recipient::Combined => &[Recipient::Combined],
        };
        let mut fits: Vec<ExchangeDate> =
            alike.iter().flat_map(|r| days.get(&(year, month, f.value, *r)).cloned().unwrap_or_default()).collect();
        fits.sort();
        fits.dedup();
        if let [only] = fits[..] {
            moved.insert((ExchangeDate::Month { year, month }, f.cite.article.clone()), only);
            o.date = Some(only);
        }
    }
    for o in observations.iter_mut() {
        let (Some(d @ ExchangeDate::Month { .. }), article) = (o.date, article_of(o)) else { continue };
        if let Some(to) = moved.get(&(d, article.to_string())) {
            o.date = Some(*to);
        }
    }
}

fn article_of(o: &Observation) -> &str {
    match &o.fact {
        Fact::Figure(f) | Fact::SeriesTotal(f) | Fact::Planned(f) => &f.cite.article,
        Fact::Report(c) => &c.article,
        Fact::Mediator(a) | Fact::Destination(a) | Fact::Venue(a) | Fact::Origin(a) | Fact::Agreement(a) => {
            &a.cite.article
        }
        Fact::Stage(s) => &s.cite.article,
    }
}

/// Headline (non-part) prisoner counts per (date, side), each with the observation it is
/// (an index, not a copy of its citation: at 10,000 articles the copies were a tenth of
/// merging).
type Headlines = HashMap<(ExchangeDate, Side), Vec<(u64, usize)>>;

fn headlines(observations: &[Observation]) -> Headlines {
    let mut out: Headlines = HashMap::new();
    for (i, o) in observations.iter().enumerate() {
        let (Some(date), Some(f)) = (o.date, figure(o)) else { continue };
        if f.part || f.category != Category::Prisoners {
            continue;
        }
        for side in [Side::Ukraine, Side::Russia] {
            if f.recipient.reaches(side) {
                out.entry((date, side)).or_default().push((f.value, i));
            }
        }
    }
    out
}

/// The citation of observation `i`, if it is a figure.
fn cite_of(observations: &[Observation], i: usize) -> Option<&Citation> {
    observations.get(i).and_then(figure).map(|f| &f.cite)
}

/// Groups of figures read from one sentence for one side: a breakdown
/// ("270 Russian troops and 120 civilians") has several.
fn sentence_groups(observations: &[Observation]) -> Vec<(Side, Vec<usize>)> {
    // Borrowed keys, in the order owned ones had: (article, sentence, side).
    let mut groups: BTreeMap<(&str, &str, Side), Vec<usize>> = BTreeMap::new();
    for (i, o) in observations.iter().enumerate() {
        if let Some(f) = figure(o)
            && let Recipient::To(side) = f.recipient
            && !f.part
        {
            groups.entry((f.cite.article.as_str(), f.cite.sentence.as_str(), side)).or_default().push(i);
        }
    }
    groups.into_iter().filter(|(_, v)| v.len() >= 2).map(|((_, _, side), v)| (side, v)).collect()
}

/// An undated breakdown ("Russia said it had received 270 Russian troops
/// and 120 civilians") in a report of a multi-day swap may describe another
/// day than the article's own. When it adds up to no headline of its day
/// but to exactly one headline of one nearby day, it moves there.
fn redate_breakdowns(observations: &mut [Observation]) {
    let heads = headlines(observations);
    for (side, members) in sentence_groups(observations) {
        if !members.iter().all(|&i| observations[i].inferred) {
            continue;
        }
        let total: u64 = members.iter().filter_map(|&i| figure(&observations[i]).map(|f| f.value)).sum();
        let Some(date @ ExchangeDate::Day(day)) = observations[members[0]].date else { continue };
        let cite = cite_of(observations, members[0]);
        let here = heads.get(&(date, side)).into_iter().flatten().filter(|(_, j)| cite_of(observations, *j) != cite);
        let values: Vec<u64> = here.map(|(v, _)| *v).collect();
        let member_values: Vec<u64> =
            members.iter().filter_map(|&i| figure(&observations[i]).map(|f| f.value)).collect();
        if values.contains(&total) || member_values.iter().any(|v| values.contains(v)) {
            continue;
        }
        let candidates: Vec<ExchangeDate> = (-BREAKDOWN_WINDOW_DAYS..=BREAKDOWN_WINDOW_DAYS)
            .filter(|d| *d != 0)
            .filter_map(|d| day.checked_add_signed(chrono::Duration::days(d)).map(ExchangeDate::Day))
            .filter(|d| heads.get(&(*d, side)).is_some_and(|v| v.iter().any(|(x, _)| *x == total)))
            .collect();
        if let [target] = candidates[..] {
            for &i in &members {
                observations[i].date = Some(target);
            }
        }
    }
}

/// Figures of one sentence for one side that add up to another figure of
/// the same exchange and side are its breakdown: parts, never added again.
fn mark_breakdowns(observations: &mut [Observation]) {
    let heads = headlines(observations);
    for (side, members) in sentence_groups(observations) {
        let Some(date) = observations[members[0]].date else { continue };
        let total: u64 = members.iter().filter_map(|&i| figure(&observations[i]).map(|f| f.value)).sum();
        let cite = cite_of(observations, members[0]);
        let adds_up = heads
            .get(&(date, side))
            .is_some_and(|v| v.iter().any(|(x, j)| *x == total && cite_of(observations, *j) != cite));
        // "Twelve servicemen and fourteen civilians are free — 26 of our people in all":
        // the sentence's own total, the others its breakdown.
        let own_total = members
            .iter()
            .copied()
            .filter(|_| members.len() >= 3)
            .find(|&i| figure(&observations[i]).is_some_and(|f| !f.part && 2 * f.value == total));
        if adds_up || own_total.is_some() {
            for &i in members.iter().filter(|&&i| Some(i) != own_total) {
                if let Fact::Figure(f) = &mut observations[i].fact {
                    f.part = true;
                }
            }
        }
    }
}

/// Consecutive days that carry stage numbers or a series total form one
/// multi-day exchange; stages without a number get one from their position.
fn link_series(exchanges: &mut [Exchange], pending: Vec<(ExchangeDate, Fact)>) -> Vec<Series> {
    let staged = |e: &Exchange| e.stage.is_some();
    // Runs of consecutive days; a run is one exchange when any of its days is a stage
    // ("the third part of the exchange" on 25 May joins 23 and 24 May, unnumbered).
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..exchanges.len() {
        let ExchangeDate::Day(day) = exchanges[i].date else {
            continue;
        };
        let joins = groups.last().and_then(|g| g.last()).is_some_and(
            |&j| matches!(exchanges[j].date, ExchangeDate::Day(p) if (day - p).num_days() <= SERIES_GAP_DAYS),
        );
        match groups.last_mut() {
            Some(g) if joins => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    let mut by_day: BTreeMap<NaiveDate, Vec<Fact>> = BTreeMap::new();
    for (date, fact) in pending {
        by_day.entry(date.sort_key()).or_default().push(fact);
    }
    // "Over three days each side released 1,000 people", told on the last of them:
    // a total over several days joins them too, when its article tells of two of them.
    let totalled = |g: &[usize]| {
        g.iter().any(|&i| {
            let facts = by_day.get(&exchanges[i].date.sort_key()).map_or(&[][..], Vec::as_slice);
            facts.iter().any(|f| match f {
                Fact::SeriesTotal(f) => {
                    g.iter().filter(|&&j| exchanges[j].sources.contains(&f.cite.article)).count() >= 2
                }
                _ => false,
            })
        })
    };
    groups.retain(|g| g.iter().any(|&i| staged(&exchanges[i])) || totalled(g));
    let mut series = Vec::new();
    for g in groups.into_iter().filter(|g| g.len() > 1) {
        let first = &exchanges[g[0]];
        let last = &exchanges[g[g.len() - 1]];
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
        // "**Total:** 1,000 people returned to each side across the three days", undated
        // in a chronology published the day after: its article's series, just before.
        let sources: HashSet<&str> = g.iter().flat_map(|&i| exchanges[i].sources.iter().map(String::as_str)).collect();
        let after = to + chrono::Duration::days(SERIES_GAP_DAYS);
        for (day, facts) in by_day.range(from..=after) {
            for fact in facts {
                let told_with = match fact {
                    Fact::SeriesTotal(f) | Fact::Planned(f) => sources.contains(f.cite.article.as_str()),
                    _ => false,
                };
                if *day > to && !told_with {
                    continue;
                }
                match fact {
                    Fact::SeriesTotal(f) if !s.totals.contains(f) => s.totals.push(f.clone()),
                    Fact::Planned(f) if !s.planned.contains(f) => s.planned.push(f.clone()),
                    _ => {}
                }
            }
        }
        series.push(s);
    }
    series
}
