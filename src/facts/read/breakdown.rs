//! Breakdown tables: two columns, a group and a number, under a sentence
//! that counts the whole.
//!
//! ```text
//! Kyiv reports that 207 Ukrainians came home. The Coordination
//! Headquarters gave this breakdown:
//!
//! | Group | Number |
//! |---|---|
//! | Armed Forces | 95 |
//! | National Guard | 56 |
//! | **Total** | **207** |
//! ```
//!
//! Each row is a part of the head count read just before the table: its
//! day, its side and its source; the total row is that head count again.
//! Such a table has no date column, so `table` leaves it alone.

use super::sentence::Sentence;
use super::{ArticleFacts, Context, Fact, Observation};
use crate::facts::model::{Citation, Confidence, Figure};
use crate::lang::lexicon::{Category, Tag};

/// Names of a breakdown's number column.
const NUMBER_COLUMNS: &[&str] = &["number", "numbers", "count", "people", "how many", "returned", "freed"];
/// Labels of the row that sums the others.
const TOTAL_ROWS: &[&str] = &["total", "in all", "overall"];
/// How many paragraphs before the table its head count may be.
const HEAD_REACH: usize = 2;

/// "| Armed Forces | 95 |": the two cells of a row, markup trimmed.
fn pair(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<String> = inner.split('|').map(|c| c.trim().trim_matches('*').trim().to_string()).collect();
    match cells.as_slice() {
        [a, b] => Some((a.clone(), b.clone())),
        _ => None,
    }
}

/// Reads every breakdown table of the article into parts of the head count before it.
pub fn read(ctx: &Context, out: &mut ArticleFacts) {
    let a = ctx.article;
    let lines: Vec<&str> = a.paragraphs.iter().map(|p| a.text(&p.span)).collect();
    let mut i = 0;
    while i < lines.len() {
        let head = pair(lines[i]).filter(|(_, n)| NUMBER_COLUMNS.contains(&n.to_lowercase().as_str()));
        let Some(heads) = head.and_then(|_| head_count(ctx, out, i)) else {
            i += 1;
            continue;
        };
        let mut k = i + 1;
        while let Some((label, cell)) = lines.get(k).and_then(|l| pair(l)) {
            k += 1;
            let Ok(value) = cell.replace(',', "").parse::<u64>() else { continue };
            let lower = label.to_lowercase();
            if TOTAL_ROWS.iter().any(|t| lower.starts_with(t)) || value >= heads.value {
                continue;
            }
            let s = Sentence::new(&label, a.published, k - 1, 0);
            let category = s
                .tags
                .iter()
                .find_map(|t| match t.tag {
                    Tag::People(c) | Tag::Kind(c) if c != Category::Prisoners => Some(c),
                    _ => None,
                })
                .unwrap_or(Category::Prisoners);
            let terms: Vec<String> = s
                .words
                .iter()
                .filter(|w| !w.is_punct() && !["of", "the", "and"].contains(&w.norm.as_str()))
                // As written ("navy"): matching a question folds synonyms (`Figure::describes`).
                .map(|w| w.norm.clone())
                .collect();
            let figure = Figure {
                value,
                text: cell.clone(),
                approx: None,
                recipient: heads.recipient,
                category,
                terms,
                part: true,
                reporter: heads.reporter.clone(),
                confidence: Confidence::Medium,
                cite: Citation { article: a.id.clone(), sentence: lines[k - 1].trim().to_string() },
            };
            out.observations.push(Observation {
                date: heads.date,
                fact: Fact::Figure(figure),
                inferred: false,
                guessed: false,
            });
        }
        i = k.max(i + 1);
    }
}

/// The head count the table at `table` breaks down: the one its label names ("**Breakdown
/// of the 189 (Ukraine's coordination headquarters):**"), by the label's speaker if it
/// names one; else the last one read from the paragraphs just before it.
fn head_count(ctx: &Context, out: &ArticleFacts, table: usize) -> Option<Head> {
    let a = ctx.article;
    let before: Vec<&str> = (table.saturating_sub(HEAD_REACH)..table).map(|j| a.text(&a.paragraphs[j].span)).collect();
    let head = |o: &super::Observation, f: &Figure| Head {
        value: f.value,
        recipient: f.recipient,
        reporter: f.reporter.clone(),
        date: o.date,
    };
    let label = table.checked_sub(1).map(|j| Sentence::new(a.text(&a.paragraphs[j].span), a.published, j, 0));
    if let Some(label) = label {
        let named: Vec<u64> = label.words.iter().filter_map(|w| w.number()).collect();
        let by = (0..label.words.len()).find_map(|j| super::reporter::speaker_at(&label, j));
        let found = out.observations.iter().rev().find_map(|o| match &o.fact {
            Fact::Figure(f) if !f.part && named.contains(&f.value) => Some(head(o, f)),
            _ => None,
        });
        if let Some(mut found) = found {
            if let Some(by) = by {
                found.reporter = by;
            }
            return Some(found);
        }
    }
    out.observations.iter().rev().find_map(|o| match &o.fact {
        Fact::Figure(f) if !f.part && before.iter().any(|p| p.contains(f.cite.sentence.as_str())) => Some(head(o, f)),
        _ => None,
    })
}

/// What the rows of a breakdown take from the count they break down.
struct Head {
    value: u64,
    recipient: crate::facts::model::Recipient,
    reporter: crate::facts::model::Reporter,
    date: Option<crate::facts::model::ExchangeDate>,
}
