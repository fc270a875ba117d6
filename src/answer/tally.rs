//! What the sources say about one exchange, side by side: per side and
//! category the distinct values, who reports each, and whether they agree.

use std::collections::BTreeMap;

use crate::facts::{Exchange, Figure, Recipient};
use crate::lang::{Category, Side};

/// One value for one side and category, with every figure that states it.
#[derive(Debug, Clone)]
pub struct Count<'a> {
    pub value: u64,
    pub figures: Vec<&'a Figure>,
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

    pub fn reported_by(&self, side: Side) -> bool {
        self.figures.iter().any(|f| f.reporter.side == Some(side))
    }
}

/// Values for one side and category: one when sources agree, several when they differ.
pub fn counts<'a>(e: &'a Exchange, side: Side, category: Category) -> Vec<Count<'a>> {
    let mut by_value: BTreeMap<u64, Vec<&Figure>> = BTreeMap::new();
    for f in &e.figures {
        if f.category == category && f.recipient.reaches(side) {
            by_value.entry(f.value).or_default().push(f);
        }
    }
    let mut out: Vec<Count> = by_value.into_iter().map(|(value, figures)| Count { value, figures }).collect();
    if category == Category::Prisoners {
        drop_breakdowns(e, side, &mut out);
    }
    // Most-attested first.
    out.sort_by(|a, b| b.figures.len().cmp(&a.figures.len()).then(b.value.cmp(&a.value)));
    out
}

/// "270 troops and 120 civilians" beside "390": the 270 is part of a
/// breakdown, not a competing count.
fn drop_breakdowns(e: &Exchange, side: Side, counts: &mut Vec<Count>) {
    let values: Vec<u64> = counts.iter().map(|c| c.value).collect();
    counts.retain(|c| {
        !c.figures.iter().all(|f| {
            let others: u64 = e
                .figures
                .iter()
                .filter(|g| g.cite == f.cite && g.category != Category::Prisoners && g.recipient == Recipient::To(side))
                .map(|g| g.value)
                .sum();
            others > 0 && values.contains(&(c.value + others))
        })
    });
}

/// Reported totals of both directions together ("a combined 372").
pub fn combined(e: &Exchange) -> Vec<Count<'_>> {
    let mut by_value: BTreeMap<u64, Vec<&Figure>> = BTreeMap::new();
    for f in e.figures.iter().filter(|f| f.recipient == Recipient::Combined) {
        by_value.entry(f.value).or_default().push(f);
    }
    by_value.into_iter().map(|(value, figures)| Count { value, figures }).collect()
}

/// The agreed count for a side and category, if sources agree on one.
pub fn agreed(e: &Exchange, side: Side, category: Category) -> Option<Count<'_>> {
    let mut c = counts(e, side, category);
    (c.len() == 1).then(|| c.remove(0))
}

/// People returned to `side`: prisoners plus seriously wounded (civilians
/// are usually counted within the prisoners' figure, so never added).
/// `None` when sources disagree.
pub fn returned_to(e: &Exchange, side: Side) -> Option<(u64, Vec<&Figure>)> {
    let p = agreed(e, side, Category::Prisoners)?;
    let mut figures = vec![p.figures[0]];
    let mut total = p.value;
    // "175 … as well as 22 seriously wounded" come on top; "200, including
    // 20 seriously wounded" are already counted.
    if let Some(w) = agreed(e, side, Category::Wounded).filter(|w| w.figures.iter().any(|f| !f.included)) {
        total += w.value;
        figures.push(w.figures[0]);
    }
    Some((total, figures))
}

/// The size of an exchange: the reported combined total when there is one,
/// else the sum of both sides when both are agreed.
pub fn size(e: &Exchange) -> Option<u64> {
    if let Some(c) = combined(e).into_iter().max_by_key(|c| c.figures.len()) {
        return Some(c.value);
    }
    let (u, _) = returned_to(e, Side::Ukraine)?;
    let (r, _) = returned_to(e, Side::Russia)?;
    Some(u + r)
}
