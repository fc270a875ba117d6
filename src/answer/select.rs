//! Which exchanges a question is about: by date, by "N-for-N", by
//! description ("the Independence Day swap"), then by stage.

use super::tally;
use crate::corpus::Corpus;
use crate::facts::{Exchange, Facts, Recipient};
use crate::index::PassageIndex;
use crate::lang::{Category, Period, Side};
use crate::understand::{Neighbour, Question, StageRef};

/// How the exchanges were chosen, which shapes what the reply can say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Period,
    Pattern,
    Description,
    /// Nothing narrowed the question: every exchange.
    All,
}

pub fn in_period<'f>(facts: &'f Facts, p: &Period) -> Vec<&'f Exchange> {
    facts
        .exchanges
        .iter()
        .filter(|e| {
            let (from, to) = e.date.bounds();
            p.overlaps(from, to)
        })
        .collect()
}

/// Exchanges (or whole multi-day exchanges) of N each way.
pub fn n_for_n(facts: &Facts, n: u64) -> Vec<&Exchange> {
    let each = |e: &Exchange| e.figures.iter().any(|f| f.value == n && f.recipient == Recipient::Each);
    // A multi-day exchange whose running or agreed total, or the sum of
    // either side's daily counts, is N.
    let side_sum = |days: &[&Exchange], side: Side| -> u64 {
        days.iter().filter_map(|e| tally::agreed(e, side, Category::Prisoners)).map(|c| c.value).sum()
    };
    for s in &facts.series {
        let days: Vec<&Exchange> = s.exchanges.iter().filter_map(|id| facts.exchange(id)).collect();
        let stated = s.totals.iter().chain(&s.planned).any(|f| f.value == n);
        if stated || side_sum(&days, Side::Ukraine) == n || side_sum(&days, Side::Russia) == n {
            return days;
        }
    }
    facts.exchanges.iter().filter(|e| each(e)).collect()
}

/// The exchange an article is mainly about: the one most of its figures cite.
fn main_exchange<'f>(facts: &'f Facts, article: &str) -> Option<&'f Exchange> {
    facts
        .exchanges
        .iter()
        .map(|e| (e.figures.iter().filter(|f| f.cite.article == article).count(), e))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, e)| e)
}

/// The exchange a description names ("the Independence Day swap", "the
/// New Year swap"): an article whose title has every descriptive word, else
/// the search hit covering the most of them (at least half), read as the
/// exchange whose figures cite that very sentence or its article's main one.
fn described<'f>(facts: &'f Facts, index: &PassageIndex, corpus: &Corpus, q: &Question) -> Vec<&'f Exchange> {
    let wanted: Vec<Vec<String>> = q.descriptors.iter().map(|d| index.terms(d)).filter(|t| !t.is_empty()).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let covered = |text: &str| {
        let terms = index.terms(text);
        wanted.iter().filter(|w| w.iter().all(|t| terms.contains(t))).count()
    };
    // Titles are not quoted (snippets come from bodies) but they name events.
    for a in &corpus.articles {
        if covered(&a.title) == wanted.len()
            && let Some(e) = main_exchange(facts, &a.id)
        {
            return vec![e];
        }
    }
    let groups: Vec<Vec<String>> = q.descriptors.iter().map(|d| vec![d.clone()]).collect();
    // (descriptive words covered, fits the rest of the question, exchange), best first.
    let mut candidates: Vec<(usize, bool, &Exchange)> = Vec::new();
    for hit in index.search(&groups, corpus, 10) {
        let Some(article) = corpus.articles.get(hit.sentence.article) else { continue };
        let Some(sentence) = article.sentence(hit.sentence.paragraph, hit.sentence.sentence) else { continue };
        let n = covered(sentence);
        if n * 2 < wanted.len() {
            continue;
        }
        let exact: Vec<&Exchange> = facts
            .exchanges
            .iter()
            .filter(|e| e.figures.iter().any(|f| f.cite.sentence == sentence && f.cite.article == article.id))
            .collect();
        let found = if exact.len() == 1 { Some(exact[0]) } else { main_exchange(facts, &article.id) };
        if let Some(e) = found {
            // "the first day of the Istanbul deal exchange" means a multi-day one.
            let fits = q.stage.is_none() || e.series.is_some();
            candidates.push((n, fits, e));
        }
    }
    // Stable sort: among equals, search rank decides.
    candidates.sort_by_key(|(n, fits, _)| std::cmp::Reverse((*n, *fits)));
    candidates.first().map(|(_, _, e)| vec![*e]).unwrap_or_default()
}

/// The exchanges a question is about, and how they were chosen. Every
/// constraint narrows: dates (a weekday filters within them), "N-for-N";
/// a description is searched only when nothing else names the exchange.
pub fn select<'f>(facts: &'f Facts, index: &PassageIndex, corpus: &Corpus, q: &Question) -> (Vec<&'f Exchange>, Basis) {
    let mut chosen: Vec<&Exchange> = facts.exchanges.iter().collect();
    let mut basis = Basis::All;
    let (weekdays, dated): (Vec<&Period>, Vec<&Period>) =
        q.periods.iter().partition(|p| matches!(p, Period::Weekday { .. }));
    let within = |e: &Exchange, p: &Period| {
        let (from, to) = e.date.bounds();
        p.overlaps(from, to)
    };
    if let (Some(n), Some(anchor)) = (q.neighbour, dated.first().and_then(|p| p.bounds())) {
        // "the exchange before the one on 19 March 2025": the nearest one on that side.
        let next = match n {
            Neighbour::Before => chosen.iter().rev().find(|e| e.date.bounds().1 < anchor.0).copied(),
            Neighbour::After => chosen.iter().find(|e| e.date.bounds().0 > anchor.1).copied(),
        };
        chosen = next.into_iter().collect();
        basis = Basis::Period;
    } else if !dated.is_empty() {
        // "in March and May 2025": either period.
        chosen.retain(|e| dated.iter().any(|p| within(e, p)));
        basis = Basis::Period;
    }
    if !weekdays.is_empty() {
        chosen.retain(|e| weekdays.iter().all(|p| within(e, p)));
        basis = Basis::Period;
    }
    if let Some(n) = q.n_for_n {
        let matching = n_for_n(facts, n);
        chosen.retain(|e| matching.iter().any(|m| m.id == e.id));
        basis = Basis::Pattern;
    }
    if basis == Basis::All && !q.descriptors.is_empty() {
        let v = described(facts, index, corpus, q);
        if let Some(e) = v.first() {
            // A described exchange that is one day of a series means the series.
            chosen = match facts.series_of(e) {
                Some(s) => s.exchanges.iter().filter_map(|id| facts.exchange(id)).collect(),
                None => v,
            };
            basis = Basis::Description;
        }
    }
    if let Some(stage) = q.stage {
        chosen = pick_stage(&chosen, stage);
    }
    (chosen, basis)
}

fn pick_stage<'f>(chosen: &[&'f Exchange], stage: StageRef) -> Vec<&'f Exchange> {
    let staged: Vec<&Exchange> = chosen.iter().copied().filter(|e| e.series.is_some()).collect();
    if staged.is_empty() {
        return chosen.to_vec();
    }
    let picked = match stage {
        StageRef::Last => staged.last().copied(),
        StageRef::Nth(n) => staged
            .iter()
            .copied()
            .find(|e| e.stage.as_ref().is_some_and(|s| s.number == n))
            .or_else(|| staged.get(n.saturating_sub(1) as usize).copied()),
    };
    picked.map_or_else(|| chosen.to_vec(), |e| vec![e])
}
