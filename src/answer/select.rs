//! Which exchanges a question is about: by date, by "N-for-N", by
//! description ("the Independence Day swap"), then by stage.

use super::tally;
use crate::corpus::Corpus;
use crate::facts::{Exchange, Facts, Recipient};
use crate::index::PassageIndex;
use crate::lang::{Category, Period, Side};
use crate::understand::{Question, StageRef};

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

/// Exchanges the best search hits for the question's descriptive words cite.
fn described<'f>(facts: &'f Facts, index: &PassageIndex, corpus: &Corpus, q: &Question) -> Vec<&'f Exchange> {
    let groups: Vec<Vec<String>> = q.descriptors.iter().map(|d| vec![d.clone()]).collect();
    if groups.is_empty() {
        return Vec::new();
    }
    for hit in index.search(&groups, corpus, 5) {
        let Some(article) = corpus.articles.get(hit.sentence.article) else {
            continue;
        };
        let Some(sentence) = article.sentence(hit.sentence.paragraph, hit.sentence.sentence) else {
            continue;
        };
        // The exchange whose facts cite this very sentence, else the one
        // most cited from its article.
        let exact: Vec<&Exchange> = facts
            .exchanges
            .iter()
            .filter(|e| e.figures.iter().any(|f| f.cite.sentence == sentence && f.cite.article == article.id))
            .collect();
        if exact.len() == 1 {
            return exact;
        }
        let best = facts
            .exchanges
            .iter()
            .map(|e| (e.figures.iter().filter(|f| f.cite.article == article.id).count(), e))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, _)| *n);
        if let Some((_, e)) = best {
            return vec![e];
        }
    }
    Vec::new()
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
    if !dated.is_empty() {
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
