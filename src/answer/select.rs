//! Which exchanges a question is about. Every selector the question has
//! narrows the candidates: dates, "N-for-N", head counts named, a
//! description ("the all-female swap", "when the Melitopol mayor was
//! freed"), then a stage, a neighbour or a rank.

use std::collections::HashMap;

use super::Context;
use super::tally;
use crate::facts::{Citation, Exchange, Facts, Recipient, Series};
use crate::lang::{Period, Side};
use crate::understand::{Filters, Neighbour, Question, Rank, StageRef};

/// What narrowed the candidates; it shapes what a reply may say (a sum
/// over "every exchange" is not an answer to anything).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Dates, numbers, a pattern or a rank.
    Named,
    /// A description matched by words.
    Description,
    /// Nothing narrowed the question: every exchange.
    All,
}

pub struct Selection<'f> {
    pub exchanges: Vec<&'f Exchange>,
    pub basis: Basis,
    /// Sentences that matched the description, to cite.
    pub evidence: Vec<Citation>,
}

/// The exchanges of a period. A day asked finds the exchange of that day,
/// not one known only by its month ("on 6 May 2025", not "in May 2025").
pub fn in_period<'f>(facts: &'f Facts, p: &Period) -> Vec<&'f Exchange> {
    let mut found: Vec<&Exchange> = facts.exchanges.iter().filter(|e| within(e, p)).collect();
    let by_day = |e: &&Exchange| matches!(e.date, crate::facts::ExchangeDate::Day(_));
    if matches!(p, Period::Day { .. }) && found.iter().any(by_day) {
        found.retain(by_day);
    }
    found
}

pub fn within(e: &Exchange, p: &Period) -> bool {
    let (from, to) = e.date.bounds();
    p.overlaps(from, to)
}

pub fn select<'f>(ctx: &Context<'f>, q: &Question) -> Selection<'f> {
    // "the exchange before the 75-for-75 one", "the swap after the Easter one": the
    // nearest exchange on that side of the one the rest of the question names.
    if let Some(n) = q.select.neighbour {
        let mut anchor_q = q.clone();
        anchor_q.select.neighbour = None;
        // "the swap right after the 47th one", "the one before the largest": the rank names
        // the anchor; "the last swap before X" ranks what is sought.
        if matches!(q.select.rank, Some(crate::understand::Rank::Nth(1) | crate::understand::Rank::NthLast(_))) {
            anchor_q.select.rank = None;
        }
        let anchor = select(ctx, &anchor_q);
        let from = anchor.exchanges.iter().map(|e| e.date.bounds().0).min();
        let to = anchor.exchanges.iter().map(|e| e.date.bounds().1).max();
        if anchor.basis != Basis::All
            && let (Some(from), Some(to)) = (from, to)
        {
            let all = &ctx.facts.exchanges;
            let next = match n {
                Neighbour::Before => all.iter().rev().find(|e| e.date.bounds().1 < from),
                Neighbour::After => all.iter().find(|e| e.date.bounds().0 > to),
            };
            return Selection { exchanges: next.into_iter().collect(), basis: Basis::Named, evidence: anchor.evidence };
        }
    }
    let facts = ctx.facts;
    let s = &q.select;
    let mut chosen: Vec<&Exchange> = facts.exchanges.iter().collect();
    let mut named = false;
    let (weekdays, dated): (Vec<&Period>, Vec<&Period>) =
        s.periods.iter().partition(|p| matches!(p, Period::Weekday { .. }));
    if let (Some(n), Some((from, to))) = (s.neighbour, dated.first().and_then(|p| p.bounds())) {
        // "the exchange before the one on 19 March 2025": the nearest one on that side.
        let next = match n {
            Neighbour::Before => chosen.iter().rev().find(|e| e.date.bounds().1 < from).copied(),
            Neighbour::After => chosen.iter().find(|e| e.date.bounds().0 > to).copied(),
        };
        chosen = next.into_iter().collect();
        named = true;
    } else if !dated.is_empty() {
        chosen.retain(|e| dated.iter().any(|p| within(e, p)));
        // "on 24 November 2022": the exchange of that day, not one known only by its month.
        let days = dated.iter().all(|p| matches!(p, Period::Day { .. }));
        if days && chosen.iter().any(|e| matches!(e.date, crate::facts::ExchangeDate::Day(_))) {
            chosen.retain(|e| matches!(e.date, crate::facts::ExchangeDate::Day(_)));
        }
        named = true;
    }
    if !weekdays.is_empty() {
        chosen.retain(|e| weekdays.iter().all(|p| within(e, p)));
        named = true;
    }
    if let Some(n) = s.n_for_n {
        let matching = n_for_n(facts, n);
        chosen.retain(|e| matching.iter().any(|m| m.id == e.id));
        named = true;
    }
    if let Some(m) = &q.filter.mediator
        && !matches!(q.measure, crate::understand::Measure::Mediator)
    {
        let by: Vec<&Exchange> = chosen.iter().copied().filter(|e| e.mediators.iter().any(|x| &x.value == m)).collect();
        if !by.is_empty() {
            chosen = by;
            named = true;
        }
    }
    // Head counts named ("When were 108 women freed?"): the exchanges that
    // have the most of them. A number no exchange has narrows nothing.
    if !s.values.is_empty() {
        let score = |e: &Exchange| s.values.iter().filter(|v| e.figures.iter().any(|f| f.value == **v)).count();
        let best = chosen.iter().map(|e| score(e)).max().unwrap_or(0);
        if best > 0 {
            chosen.retain(|e| score(e) == best);
            named = true;
        }
    }
    // "the largest", "the first of 2023" name an exchange by rank.
    named |= s.rank.is_some() || s.stage.is_some();
    let mut evidence = Vec::new();
    let mut basis = if named { Basis::Named } else { Basis::All };
    if !q.select.descriptors.is_empty() && (chosen.len() > 1 || !named) {
        let (hits, cites) = described(ctx, q, &chosen, !named);
        if !hits.is_empty() {
            chosen = hits;
            evidence = cites;
            basis = Basis::Description;
        } else if !named {
            chosen.clear();
            basis = Basis::Description;
        }
    }
    // "over the three days of the May 2025 exchange": the multi-day exchange among the candidates.
    if s.whole && chosen.iter().any(|e| e.series.is_some()) {
        let series = chosen.iter().find_map(|e| e.series.clone());
        chosen.retain(|e| e.series == series);
    }
    if let Some(stage) = s.stage {
        chosen = pick_stage(facts, &chosen, stage);
    }
    // "the third exchange (9 April 2022)": a day names the exchange; its rank only describes it.
    let day_named = dated.iter().any(|p| matches!(p, Period::Day { .. }));
    if let Some(rank) = s.rank.filter(|_| !day_named && s.disputed) {
        chosen = most_disputed(&chosen, rank);
        basis = Basis::Named;
    } else if let Some(rank) = s.rank.filter(|_| !day_named) {
        chosen = pick_rank(facts, &chosen, rank, &q.filter);
        basis = Basis::Named;
    }
    Selection { exchanges: chosen, basis, evidence }
}

/// Exchanges (or whole multi-day exchanges) of N each way.
pub fn n_for_n(facts: &Facts, n: u64) -> Vec<&Exchange> {
    // "Russia called the 31 January exchange 195 for 195": one source's N each way
    // names it, whatever the other side counted.
    let one_source = |e: &Exchange| {
        let gives = |side: Side, name: &str| {
            e.figures
                .iter()
                .any(|f| f.value == n && !f.part && f.recipient == Recipient::To(side) && f.reporter.name == name)
        };
        e.figures.iter().any(|f| gives(Side::Ukraine, &f.reporter.name) && gives(Side::Russia, &f.reporter.name))
    };
    let each = |e: &Exchange| {
        e.figures.iter().any(|f| f.value == n && f.recipient == Recipient::Each)
            || [Side::Ukraine, Side::Russia]
                .iter()
                .all(|s| tally::agreed(e, *s, tally::Who::HEADLINE).is_some_and(|c| c.value == n))
            || one_source(e)
    };
    // A multi-day exchange whose running or agreed total, or the sum of
    // either side's daily counts, is N.
    let side_sum = |days: &[&Exchange], side: Side| -> u64 {
        days.iter().filter_map(|e| tally::agreed(e, side, tally::Who::HEADLINE)).map(|c| c.value).sum()
    };
    for s in &facts.series {
        let days = days_of(facts, s);
        let stated = s.totals.iter().chain(&s.planned).any(|f| f.value == n);
        if stated || side_sum(&days, Side::Ukraine) == n || side_sum(&days, Side::Russia) == n {
            return days;
        }
    }
    let strict: Vec<&Exchange> = facts.exchanges.iter().filter(|e| each(e)).collect();
    // "the 20-for-20 swap": one of 20 each, not a swap of 185 each that also
    // traded 20 civilians each.
    let largest = |e: &Exchange| e.figures.iter().filter(|f| !f.part).map(|f| f.value).max();
    let headline: Vec<&Exchange> = strict.iter().copied().filter(|e| largest(e) == Some(n)).collect();
    if !headline.is_empty() {
        return headline;
    }
    if !strict.is_empty() {
        return strict;
    }
    // "the 107 for 107 swap" where only Moscow gave its 107 and Kyiv only a
    // breakdown: one side's N, and no other figure for the other side.
    facts
        .exchanges
        .iter()
        .filter(|e| {
            let sides: Vec<Option<u64>> = [Side::Ukraine, Side::Russia]
                .iter()
                .map(|s| tally::agreed(e, *s, tally::Who::HEADLINE).map(|c| c.value))
                .collect();
            sides.contains(&Some(n)) && sides.iter().all(|v| v.is_none_or(|v| v == n))
        })
        .collect()
}

pub fn days_of<'f>(facts: &'f Facts, s: &Series) -> Vec<&'f Exchange> {
    s.exchanges.iter().filter_map(|id| facts.exchange(id)).collect()
}

/// Every citation of an exchange: figures, reports, names, stage.
pub fn citations(e: &Exchange) -> impl Iterator<Item = &Citation> {
    e.citations()
}

/// The exchanges a description names: the sentences Tantivy finds for the
/// describing words, each read as the exchange that cites it (or its
/// article's main exchange), and article titles, which name events. The
/// best-covered exchanges win if they cover at least half of the words and
/// either cover all of them or are the only ones that well covered.
fn described<'f>(
    ctx: &Context<'f>,
    q: &Question,
    candidates: &[&'f Exchange],
    alone: bool,
) -> (Vec<&'f Exchange>, Vec<Citation>) {
    let wanted: Vec<Vec<String>> =
        q.select.descriptors.iter().map(|d| ctx.index.terms(d)).filter(|t| !t.is_empty()).collect();
    if wanted.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let covered = |text: &str| -> usize {
        let terms = ctx.index.terms(text);
        wanted.iter().filter(|w| w.iter().all(|t| terms.contains(t))).count()
    };
    let is_candidate = |e: &Exchange| candidates.iter().any(|c| c.id == e.id);
    // Per exchange: the best coverage by a sentence that reports it (a
    // figure's, a report's) or its article's title — strong — and by any
    // other sentence of an article about it alone — weak ("the Kherson
    // swap" is not every exchange whose report mentions Kherson).
    let mut strong: HashMap<String, (usize, Option<Citation>)> = HashMap::new();
    let mut weak: HashMap<String, (usize, Option<Citation>)> = HashMap::new();
    let note =
        |map: &mut HashMap<String, (usize, Option<Citation>)>, e: &Exchange, n: usize, cite: Option<Citation>| {
            let slot = map.entry(e.id.clone()).or_insert((0, None));
            if n > slot.0 {
                *slot = (n, cite);
            }
        };
    let groups: Vec<Vec<String>> = q.select.descriptors.iter().map(|d| vec![d.clone()]).collect();
    for hit in ctx.index.search(&groups, ctx.corpus, 30) {
        let Some(article) = ctx.corpus.articles.get(hit.sentence.article) else { continue };
        let Some(sentence) = article.sentence(hit.sentence.paragraph, hit.sentence.sentence) else { continue };
        let n = covered(sentence);
        let cite = Citation { article: article.id.clone(), sentence: sentence.to_string() };
        let citing: Vec<&Exchange> = ctx
            .facts
            .citing_article(&article.id)
            .filter(|e| is_candidate(e) && citations(e).any(|c| *c == cite))
            .collect();
        if citing.is_empty() {
            // "Among the Ukrainians was the journalist …": of the exchange the article is
            // about, or in a roundup, of the one the paragraph reported just before.
            // "17 OCTOBER — THE ALL-FEMALE EXCHANGE" heading its section: of the day it names.
            let named_day = {
                let words = crate::lang::text::words(sentence);
                let days: Vec<chrono::NaiveDate> =
                    crate::lang::dates::find(&words, crate::lang::dates::Anchor::Published(article.published))
                        .into_iter()
                        .filter_map(|m| match m.period {
                            crate::lang::dates::Period::Day { date } => Some(date),
                            _ => None,
                        })
                        .collect();
                match days[..] {
                    [day] => ctx
                        .facts
                        .citing_article(&article.id)
                        .find(|e| is_candidate(e) && e.date == crate::facts::ExchangeDate::Day(day)),
                    _ => None,
                }
            };
            let about = named_day
                .or_else(|| sole_exchange(ctx.facts, &article.id))
                .or_else(|| reported_before(ctx, article, hit.sentence.paragraph, hit.sentence.sentence))
                .filter(|e| is_candidate(e));
            if let Some(e) = about {
                note(&mut weak, e, n, Some(cite));
            }
        } else {
            for e in citing {
                note(&mut strong, e, n, Some(cite.clone()));
            }
        }
    }
    // Only titles holding a describing word can cover one.
    for a in ctx.index.titled(wanted.iter().flatten()).iter().filter_map(|&i| ctx.corpus.articles.get(i)) {
        if let Some(e) = sole_exchange(ctx.facts, &a.id).filter(|e| is_candidate(e)) {
            note(&mut strong, e, covered(&a.title), None);
        }
    }
    let ranked = |map: &HashMap<String, (usize, Option<Citation>)>| -> (usize, Vec<&'f Exchange>) {
        let max = map.values().map(|(n, _)| *n).max().unwrap_or(0);
        (max, candidates.iter().copied().filter(|e| map.get(&e.id).is_some_and(|(n, _)| *n == max)).collect())
    };
    let (smax, stop) = ranked(&strong);
    let (wmax, wtop) = ranked(&weak);
    // Strong matches win; weak ones only when one exchange alone has them, fully.
    let (max, top, best) = if smax > 0 && smax >= wmax {
        (smax, stop, &strong)
    } else if wtop.len() == 1 && wmax == wanted.len() {
        (wmax, wtop, &weak)
    } else {
        return (Vec::new(), Vec::new());
    };
    // Alone, a description must be matched in full: "when did the Il-76 go
    // down" half-matches an exchange the crash is mentioned beside.
    let partial = max < wanted.len();
    if max * 2 < wanted.len() || (partial && (top.len() > 1 || alone)) {
        return (Vec::new(), Vec::new());
    }
    let cites = top.iter().filter_map(|e| best.get(&e.id).and_then(|(_, c)| c.clone())).collect();
    (top, cites)
}

/// The exchange a sentence earlier in the same paragraph reports ("On Friday
/// each side released 95. Among the Ukrainians was …").
fn reported_before<'f>(
    ctx: &Context<'f>,
    article: &crate::corpus::Article,
    paragraph: usize,
    sentence: usize,
) -> Option<&'f Exchange> {
    (0..sentence).rev().find_map(|k| {
        let text = article.sentence(paragraph, k)?;
        // A figure or a report of it; a mediator named in passing may be shared with others.
        let reports = |e: &&Exchange| {
            e.figures.iter().map(|f| &f.cite).chain(&e.reports).any(|c| c.sentence == text && c.article == article.id)
        };
        ctx.facts.citing_article(&article.id).find(reports)
    })
}

/// The exchange an article is about, when it is about one: at least two
/// thirds of its citations (a roundup or an op-ed is about none).
pub fn sole_exchange<'f>(facts: &'f Facts, article: &str) -> Option<&'f Exchange> {
    facts.sole_exchange(article)
}

fn pick_stage<'f>(facts: &'f Facts, chosen: &[&'f Exchange], stage: StageRef) -> Vec<&'f Exchange> {
    // A stage of a multi-day exchange: the series of the candidates.
    let mut staged: Vec<&Exchange> = Vec::new();
    for e in chosen {
        if let Some(s) = facts.series_of(e) {
            for d in days_of(facts, s) {
                if !staged.iter().any(|x| x.id == d.id) {
                    staged.push(d);
                }
            }
        } else if e.stage.is_some() {
            staged.push(e);
        }
    }
    staged.sort_by_key(|e| e.date.sort_key());
    if staged.is_empty() {
        return chosen.to_vec();
    }
    let picked = match stage {
        StageRef::Last => {
            staged.iter().copied().find(|e| e.stage.as_ref().is_some_and(|s| s.last)).or(staged.last().copied())
        }
        StageRef::Nth(n) => staged
            .iter()
            .copied()
            .find(|e| e.stage.as_ref().is_some_and(|s| s.number == n))
            .or_else(|| staged.get(n.saturating_sub(1) as usize).copied()),
    };
    picked.map_or_else(|| chosen.to_vec(), |e| vec![e])
}

/// The largest, smallest, first, second … last of the candidates. A
/// multi-day exchange ranks as one, by the sum of its days.
fn pick_rank<'f>(facts: &'f Facts, chosen: &[&'f Exchange], rank: Rank, by: &Filters) -> Vec<&'f Exchange> {
    match rank {
        // "its 67th prisoner exchange", "their fourth exchange of the war": a source's own
        // count of swaps names the day; without one, the exchanges on record are counted.
        Rank::Nth(n) if n > 4 || swap_numbered(facts, chosen, n).is_some() => {
            swap_numbered(facts, chosen, n).into_iter().collect()
        }
        Rank::Nth(n) => {
            let mut events = events(facts, chosen);
            events.sort_by_key(|ev| ev[0].date.sort_key());
            events.into_iter().nth(n.saturating_sub(1) as usize).unwrap_or_default()
        }
        Rank::NthLast(n) => {
            let mut days = chosen.to_vec();
            days.sort_by_key(|e| e.date.sort_key());
            days.iter().rev().nth(n.saturating_sub(1) as usize).map(|e| vec![*e]).unwrap_or_default()
        }
        // "Which 2025 exchange brought back the most civilians?": that category's counts.
        Rank::Largest | Rank::Smallest if by.category.is_some() && by.group.is_empty() => {
            let who = tally::Who::of(by.category, &by.group);
            let sides = by.recipient.map_or(vec![crate::lang::Side::Ukraine, crate::lang::Side::Russia], |s| vec![s]);
            let scored: Vec<(u64, u64, Vec<&Exchange>)> = chosen
                .iter()
                .filter_map(|e| {
                    let values: Vec<u64> =
                        sides.iter().flat_map(|&side| tally::counts(e, side, who)).map(|c| c.value).collect();
                    Some((*values.iter().min()?, *values.iter().max()?, vec![*e]))
                })
                .collect();
            extreme(scored, rank)
        }
        // "the most officers", "the most Ukrainians": ranked by that group's
        // or that side's figures; otherwise by the whole size.
        Rank::Largest | Rank::Smallest if !by.group.is_empty() || by.recipient.is_some() => {
            let scored: Vec<(u64, u64, Vec<&Exchange>)> = chosen
                .iter()
                .filter_map(|e| {
                    // A side's headline counts (not "and one civilian" beside "100 military
                    // personnel", which came home with them).
                    let headline = |f: &&crate::facts::Figure| match by.recipient {
                        Some(side) => tally::counts(e, side, tally::Who::HEADLINE)
                            .iter()
                            .any(|c| c.figures.iter().any(|x| std::ptr::eq(*x, *f))),
                        None => !f.part,
                    };
                    let values: Vec<u64> = e
                        .figures
                        .iter()
                        .filter(|f| by.recipient.is_none_or(|side| f.recipient.reaches(side)))
                        .filter(|f| if by.group.is_empty() { headline(f) } else { f.describes(&by.group) })
                        .map(|f| f.value)
                        // "246, plus 31 seriously wounded" brought 277 home.
                        .chain(
                            by.recipient
                                .filter(|_| by.group.is_empty())
                                .and_then(|side| tally::returned_to(e, side))
                                .map(|(n, _)| n),
                        )
                        .collect();
                    Some((*values.iter().min()?, *values.iter().max()?, vec![*e]))
                })
                .collect();
            extreme(scored, rank)
        }
        Rank::Largest | Rank::Smallest => {
            let scored: Vec<(u64, u64, Vec<&Exchange>)> = events(facts, chosen)
                .into_iter()
                .map(|ev| {
                    let (lo, hi) = ev.iter().map(|e| tally::size_range(e)).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
                    let total = facts.series_of(ev[0]).and_then(|s| s.totals.iter().map(|f| f.value * 2).max());
                    (total.unwrap_or(lo), total.unwrap_or(hi), ev)
                })
                .filter(|(_, hi, _)| *hi > 0)
                .collect();
            extreme(scored, rank)
        }
    }
}

/// The exchange a source calls the `n`th of the war.
fn swap_numbered<'f>(facts: &'f Facts, chosen: &[&'f Exchange], n: u32) -> Option<&'f Exchange> {
    use crate::facts::{ClaimKind, Scope};
    let day = facts
        .claims
        .iter()
        // An ordinal ("their fourth prisoner exchange"), not "these three swaps"; a low one
        // not of a month or a year ("the second exchange this month"). A list's "No. 7" only
        // past its first rows: "No. 1" may number a year's table, not the war's swaps.
        .find(|c| {
            let ordinal = crate::lang::numbers::ordinal(&c.text.to_lowercase()).is_some();
            c.kind == ClaimKind::SwapCount
                && c.low == u64::from(n)
                && crate::lang::numbers::numbered(&c.text).is_some()
                && (n > 4 || ordinal && matches!(c.scope, Scope::War | Scope::Unstated))
        })
        .map(|c| c.as_of)?;
    // The exchange of that very day before one known only by its month.
    let on_day = chosen.iter().copied().find(|e| e.date == crate::facts::ExchangeDate::Day(day));
    on_day.or_else(|| chosen.iter().copied().find(|e| e.date.bounds().0 <= day && day <= e.date.bounds().1))
}

/// Candidates grouped into events: a multi-day exchange is one event.
pub fn events<'f>(facts: &'f Facts, chosen: &[&'f Exchange]) -> Vec<Vec<&'f Exchange>> {
    let mut out: Vec<Vec<&Exchange>> = Vec::new();
    for e in chosen {
        match (&e.series, out.iter_mut().find(|ev| ev[0].series.is_some() && ev[0].series == e.series)) {
            (Some(_), Some(ev)) => ev.push(e),
            _ => out.push(vec![*e]),
        }
    }
    let _ = facts;
    out
}

/// The exchange whose sources disagree most (or least) about how many went to one side:
/// "the biggest gap between Kyiv's and Moscow's figures" (189 against 150 on 30 December
/// 2024). Only exchanges with at least two different counts of a side are ranked.
fn most_disputed<'f>(chosen: &[&'f Exchange], rank: Rank) -> Vec<&'f Exchange> {
    // A side's own head counts: to it, or each way (not a total of both, nor a part, nor
    // a mediator's, who counts both ways together).
    let counts_of = |f: &crate::facts::Figure, side: Side| {
        !f.part
            && !crate::lang::lexicon::names::is_mediator(&f.reporter.name)
            && f.category == crate::lang::Category::Prisoners
            && (f.recipient == Recipient::To(side) || f.recipient == Recipient::Each)
    };
    let spread = |e: &Exchange| {
        [Side::Ukraine, Side::Russia]
            .iter()
            .filter_map(|&side| {
                let values = e.figures.iter().filter(|f| counts_of(f, side)).map(|f| f.value);
                let (lo, hi) = (values.clone().min()?, values.max()?);
                (hi > lo).then(|| hi - lo)
            })
            .max()
    };
    let scored: Vec<(u64, u64, Vec<&Exchange>)> =
        chosen.iter().filter_map(|e| spread(e).map(|d| (d, d, vec![*e]))).collect();
    extreme(scored, rank)
}

/// The largest (by its high figure) or smallest (by its low figure) of scored exchanges,
/// the later one on a tie; each scored as (low, high, the exchanges of one event).
fn extreme(scored: Vec<(u64, u64, Vec<&Exchange>)>, rank: Rank) -> Vec<&Exchange> {
    let pick = if rank == Rank::Largest {
        scored.into_iter().max_by_key(|(_, hi, ev)| (*hi, ev[0].date.sort_key()))
    } else {
        scored.into_iter().min_by_key(|(lo, _, ev)| (*lo, ev[0].date.sort_key()))
    };
    pick.map(|(_, _, ev)| ev).unwrap_or_default()
}
