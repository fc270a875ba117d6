//! One exchange at a glance, for a compact display (a Discord card): per side what the
//! sources say, the total, the mediator and the places, as data rather than prose.
//!
//! An `Answer`'s text states each figure with its speakers in one sentence, which reads well
//! once; a card shows the same facts in fields ("To Ukraine: 175 + 22 seriously wounded").
//! Building those fields from the text would mean parsing the engine's own prose, so the
//! facts are summarised here instead, with the same `tally` rules the text uses: a value is
//! shown alone when sources agree and with who says which when they do not. Nothing here is
//! new: every value is a figure of the facts (with its citation in the answer's figures).

use serde::Serialize;

use super::reply::num;
use super::tally::{self, Count, Who};
use crate::facts::{Exchange, Facts};
use crate::lang::{Category, Side};

/// One exchange in fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The exchange id ("2025-03-19").
    pub id: String,
    /// "19 March 2025".
    pub label: String,
    /// "day 2 of 3" for a day of a multi-day exchange.
    pub stage: Option<String>,
    pub to_ukraine: Returned,
    pub to_russia: Returned,
    /// Totals of both directions a source states ("a combined 372").
    pub in_all: Vec<Stated>,
    /// Both sides' agreed counts added up, with the addends, when no source states a total.
    pub computed: Option<(u64, Vec<u64>)>,
    pub mediators: Vec<String>,
    /// "Agreed at talks in Istanbul", "Handover at the Belarusian border", "Taken to Chernihiv".
    pub details: Vec<String>,
}

/// Who came home to one side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Returned {
    /// The headline count: one value when sources agree, each source's when they differ.
    pub prisoners: Vec<Stated>,
    /// Seriously wounded, on top of the headline count or (`wounded_within`) among it.
    pub wounded: Vec<Stated>,
    pub wounded_within: bool,
    /// Civilians counted among the people returned.
    pub civilians: Vec<Stated>,
}

/// A value and who states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stated {
    pub value: u64,
    /// As a reply writes it: "1,000", "more than 200".
    pub text: String,
    /// Speakers in first-seen order ("Russia's Defence Ministry", "Zelenskyy", "AFP").
    pub reporters: Vec<String>,
}

/// The summary of exchange `id`, or `None` when there is no such exchange.
pub fn summary(facts: &Facts, id: &str) -> Option<Summary> {
    let e = facts.exchange(id)?;
    let stage = match (&e.stage, facts.series_of(e)) {
        (_, Some(s)) => s.day_of(&e.id).map(|day| format!("day {day} of {}", s.exchanges.len())),
        (Some(st), None) if st.number > 0 => Some(format!("stage {}", st.number)),
        _ => None,
    };
    let stated_total = |v: u64| tally::combined(e).iter().any(|c| c.value == v && c.approx.is_none());
    let computed = match (tally::returned_to(e, Side::Ukraine), tally::returned_to(e, Side::Russia)) {
        (Some((u, uf)), Some((r, rf))) if !stated_total(u + r) => {
            Some((u + r, uf.iter().chain(&rf).map(|f| f.value).collect()))
        }
        _ => None,
    };
    let mut mediators: Vec<String> = Vec::new();
    for m in &e.mediators {
        if !mediators.contains(&m.value) {
            mediators.push(m.value.clone());
        }
    }
    Some(Summary {
        id: e.id.clone(),
        label: e.date.label(),
        stage,
        to_ukraine: returned(e, Side::Ukraine),
        to_russia: returned(e, Side::Russia),
        in_all: tally::combined(e).iter().map(stated).collect(),
        computed,
        mediators,
        details: details(e),
    })
}

fn returned(e: &Exchange, side: Side) -> Returned {
    let wounded = Who { category: Category::Wounded, group: &[] };
    let civilians = Who { category: Category::Civilians, group: &[] };
    let w = tally::counts(e, side, wounded);
    Returned {
        prisoners: values(e, side, Who::HEADLINE),
        wounded_within: !w.is_empty() && w.iter().all(|c| c.figures.iter().all(|f| f.part)),
        wounded: values(e, side, wounded),
        civilians: values(e, side, civilians),
    }
}

/// The agreed value alone, or every source's value when they differ (see `tally::agreed`).
fn values(e: &Exchange, side: Side, who: Who) -> Vec<Stated> {
    match tally::agreed(e, side, who) {
        Some(c) => {
            // The agreed value, credited to everyone who states it.
            let all = tally::counts(e, side, who);
            let same = all.iter().find(|x| x.value == c.value).unwrap_or(&c);
            vec![stated(same)]
        }
        None => tally::counts(e, side, who).iter().map(stated).collect(),
    }
}

fn stated(c: &Count) -> Stated {
    Stated {
        value: c.value,
        text: if c.approx.is_some() { c.text() } else { num(c.value) },
        reporters: c.reporters().into_iter().map(str::to_string).collect(),
    }
}

fn details(e: &Exchange) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(a) = e.agreements.iter().max_by_key(|a| a.value.len()) {
        out.push(format!("Agreed at {}", a.value));
    }
    if let Some(v) = e.venues.first() {
        out.push(format!("Handover in {}", v.value));
    }
    if let Some(d) = e.destinations.first() {
        out.push(format!("Taken to {}", d.value));
    }
    out
}
