//! What the sources say about one exchange, side by side: per side and
//! group the distinct values, who reports each, and whether they agree.

use std::collections::BTreeMap;

use crate::facts::{Exchange, Figure, Recipient};
use crate::lang::{Category, Side};

/// Which people of a side are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Who<'q> {
    pub category: Category,
    /// Subgroup words ("women", "azovstal"); empty for the headline count.
    pub group: &'q [String],
}

impl<'q> Who<'q> {
    pub const HEADLINE: Who<'static> = Who { category: Category::Prisoners, group: &[] };

    pub fn of(category: Option<Category>, group: &'q [String]) -> Who<'q> {
        Who { category: category.unwrap_or(Category::Prisoners), group }
    }

    /// Is this a subgroup of a side's people rather than its headline count?
    pub fn is_subgroup(&self) -> bool {
        !self.group.is_empty() || self.category != Category::Prisoners
    }

    fn counts(&self, f: &Figure) -> bool {
        if !self.group.is_empty() {
            // A group asked by name: any figure that names it, part or not.
            let category_ok = self.category == Category::Prisoners || f.category == self.category;
            return category_ok && f.describes(self.group);
        }
        if self.category != Category::Prisoners {
            return f.category == self.category;
        }
        f.category == Category::Prisoners && !f.part
    }
}

/// One value for one side and group, with every figure that states it.
#[derive(Debug, Clone)]
pub struct Count<'a> {
    pub value: u64,
    pub figures: Vec<&'a Figure>,
    /// Only approximate figures state it ("more than 200").
    pub approx: Option<String>,
}

impl Count<'_> {
    /// Distinct speaker names, in first-seen order.
    pub fn reporters(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for f in &self.figures {
            if !out.contains(&f.reporter.name.as_str()) {
                out.push(&f.reporter.name);
            }
        }
        out
    }

    /// "more than 200", "1,000".
    pub fn text(&self) -> String {
        match &self.approx {
            Some(a) => format!("{a} {}", super::reply::num(self.value)),
            None => super::reply::num(self.value),
        }
    }
}

/// Values for one side and group: one when sources agree, several when they differ.
pub fn counts<'a>(e: &'a Exchange, side: Side, who: Who) -> Vec<Count<'a>> {
    let asked: Vec<&Figure> = e.figures.iter().filter(|f| f.recipient.reaches(side) && who.counts(f)).collect();
    // "22 seriously wounded … Of the 22 wounded, 21 served in the Armed Forces": a
    // smaller part of a category counted whole is a subgroup of it, not a second count.
    let whole = asked.iter().filter(|f| !f.part).map(|f| f.value).max();
    let by_category = who.group.is_empty() && who.category != Category::Prisoners;
    let mut out =
        group_values(asked.into_iter().filter(|f| !(by_category && f.part && whole.is_some_and(|w| f.value < w))));
    if who == Who::HEADLINE && out.len() > 1 {
        // "277 came home" beside "246, plus 31 seriously wounded": the same
        // people counted with their wounded, not a second count.
        let extra: u64 = e
            .figures
            .iter()
            .filter(|f| f.recipient.reaches(side) && !f.part && f.category != Category::Prisoners && f.approx.is_none())
            .map(|f| f.value)
            .collect::<std::collections::BTreeSet<u64>>()
            .iter()
            .sum();
        let values: Vec<u64> = out.iter().map(|c| c.value).collect();
        if extra > 0 {
            out.retain(|c| !values.contains(&(c.value.saturating_sub(extra))) || c.value <= extra);
        }
    }
    out
}

/// Reported totals of both directions together ("a combined 372").
pub fn combined(e: &Exchange) -> Vec<Count<'_>> {
    group_values(e.figures.iter().filter(|f| f.recipient == Recipient::Combined && !f.part))
}

fn group_values<'a>(figures: impl Iterator<Item = &'a Figure>) -> Vec<Count<'a>> {
    let mut exact: BTreeMap<u64, Vec<&Figure>> = BTreeMap::new();
    let mut approx: BTreeMap<u64, Vec<&Figure>> = BTreeMap::new();
    for f in figures {
        let map = if f.approx.is_some() { &mut approx } else { &mut exact };
        map.entry(f.value).or_default().push(f);
    }
    let mut out: Vec<Count> =
        exact.into_iter().map(|(value, figures)| Count { value, figures, approx: None }).collect();
    // "nearly a hundred" beside "95" adds nothing; alone, it is all there is.
    if out.is_empty() {
        out = approx
            .into_iter()
            .map(|(value, figures)| {
                let a = figures[0].approx.clone();
                Count { value, figures, approx: a }
            })
            .collect();
    }
    // Most-attested first.
    out.sort_by(|a, b| b.figures.len().cmp(&a.figures.len()).then(b.value.cmp(&a.value)));
    out
}

/// The count for a side and group, if sources agree on one. Each side is
/// the authority on its own people coming home: where the side itself gives
/// a figure, the other side's ("50 each", says Moscow; "52", says Kyiv) does
/// not make it a dispute.
pub fn agreed<'a>(e: &'a Exchange, side: Side, who: Who) -> Option<Count<'a>> {
    let mut c = counts(e, side, who);
    if c.len() > 1 {
        let own: Vec<Count> =
            c.iter().filter(|x| x.figures.iter().any(|f| f.reporter.side == Some(side))).cloned().collect();
        if own.len() == 1 {
            return own.into_iter().next();
        }
    }
    (c.len() == 1).then(|| c.remove(0))
}

/// People returned to `side`: prisoners plus the seriously wounded and
/// civilians counted on top of them ("175 … as well as 22 seriously
/// wounded", "ten servicemen; 19 civilian sailors"), never those counted
/// within ("including two civilians"). `None` when sources disagree or give
/// no figure.
pub fn returned_to(e: &Exchange, side: Side) -> Option<(u64, Vec<&Figure>)> {
    let (p, extra): (Count, &[Category]) = match agreed(e, side, Who::HEADLINE) {
        Some(p) => (p, &[Category::Wounded, Category::Civilians]),
        // "Ten Ukrainian civilians came home": an exchange of civilians only.
        None => (
            agreed(e, side, Who { category: Category::Civilians, group: &[] })
                .filter(|c| c.figures.iter().all(|f| !f.part))?,
            &[],
        ),
    };
    if p.approx.is_some() {
        return None;
    }
    let mut figures = vec![p.figures[0]];
    let mut total = p.value;
    for &category in extra {
        let who = Who { category, group: &[] };
        if let Some(w) = agreed(e, side, who).filter(|w| w.figures.iter().any(|f| !f.part) && w.approx.is_none()) {
            total += w.value;
            figures.push(w.figures[0]);
        }
    }
    Some((total, figures))
}

/// The size of an exchange: the reported combined total when there is one,
/// else the sum of both sides when both are agreed.
pub fn size(e: &Exchange) -> Option<u64> {
    if let Some(c) = combined(e).into_iter().find(|c| c.approx.is_none()) {
        return Some(c.value);
    }
    let (u, _) = returned_to(e, Side::Ukraine)?;
    let (r, _) = returned_to(e, Side::Russia)?;
    Some(u + r)
}

/// The largest and smallest size the sources allow, for ranking only
/// (never stated): where they differ, each end takes the matching value.
pub fn size_range(e: &Exchange) -> (u64, u64) {
    if let Some(s) = size(e) {
        return (s, s);
    }
    let mut low = 0;
    let mut high = 0;
    for side in [Side::Ukraine, Side::Russia] {
        let values: Vec<u64> = counts(e, side, Who::HEADLINE).iter().map(|c| c.value).collect();
        low += values.iter().min().copied().unwrap_or(0);
        high += values.iter().max().copied().unwrap_or(0);
    }
    if high == 0
        && let Some(c) = combined(e).first()
    {
        return (c.value, c.value);
    }
    (low, high)
}
