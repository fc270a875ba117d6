//! Hand-curated corrections: `DATA/exchanges.toml`.
//!
//! Extraction rules miss things and occasionally misread them. A curator
//! can add a figure or mediator the rules missed, or reject a misread
//! figure, and every addition still cites an article and its verbatim
//! sentence, so `powbot check` holds corrections to the same standard.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use super::model::{Attributed, Citation, Confidence, ExchangeDate, Figure, Recipient, Reporter};
use super::read::{ArticleFacts, Fact, Observation};
use crate::lang::{Category, Side};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    #[serde(default)]
    pub figure: Vec<FigureEntry>,
    #[serde(default)]
    pub mediator: Vec<MediatorEntry>,
    #[serde(default)]
    pub reject: Vec<RejectEntry>,
}

/// A figure to add.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureEntry {
    pub date: String,
    pub value: u64,
    /// As written in the sentence ("1,000"); defaults to the plain number.
    pub text: Option<String>,
    /// "ukraine", "russia", "each" or "combined".
    pub recipient: String,
    #[serde(default = "prisoners")]
    pub category: Category,
    pub reporter: String,
    pub reporter_side: Option<Side>,
    pub article: String,
    pub sentence: String,
}

fn prisoners() -> Category {
    Category::Prisoners
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediatorEntry {
    pub date: String,
    pub name: String,
    pub article: String,
    pub sentence: String,
}

/// A misread figure to drop: every figure with this value read from this article
/// (and, if given, from a sentence containing `sentence_contains`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectEntry {
    pub article: String,
    pub value: u64,
    pub sentence_contains: Option<String>,
    pub reason: String,
}

#[derive(Debug, thiserror::Error)]
pub enum CorrectionsError {
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{path}: entry for {article:?}: date {date:?} is not YYYY-MM-DD or YYYY-MM")]
    Date { path: PathBuf, article: String, date: String },
    #[error("{path}: entry for {article:?}: recipient {recipient:?} is not ukraine, russia, each or combined")]
    Recipient { path: PathBuf, article: String, recipient: String },
}

impl Corrections {
    /// Reads `data_dir/exchanges.toml`; a missing file means no corrections.
    pub fn load(data_dir: &Path) -> Result<Corrections, CorrectionsError> {
        let path = data_dir.join("exchanges.toml");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            // No file means no corrections; a file that cannot be read is an error.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Corrections::default()),
            Err(e) => return Err(CorrectionsError::Parse { path: path.clone(), message: format!("cannot read: {e}") }),
        };
        toml::from_str(&text).map_err(|e| {
            let line = e.span().map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count());
            let message = match line {
                Some(l) => format!("line {l}: {}", e.message()),
                None => e.message().to_string(),
            };
            CorrectionsError::Parse { path: path.clone(), message }
        })
    }

    /// Applies rejections to what articles said, and returns the additions
    /// as one more set of observations.
    pub fn apply(&self, articles: &mut [ArticleFacts], path: &Path) -> Result<ArticleFacts, CorrectionsError> {
        for a in articles.iter_mut() {
            a.observations.retain(|o| {
                let Fact::Figure(f) = &o.fact else {
                    return true;
                };
                !self.reject.iter().any(|r| {
                    r.article == f.cite.article
                        && r.value == f.value
                        && r.sentence_contains.as_ref().is_none_or(|s| f.cite.sentence.contains(s.as_str()))
                })
            });
        }
        let mut added = ArticleFacts::default();
        for f in &self.figure {
            let date = parse_date(&f.date).ok_or_else(|| CorrectionsError::Date {
                path: path.to_path_buf(),
                article: f.article.clone(),
                date: f.date.clone(),
            })?;
            let recipient = match f.recipient.to_lowercase().as_str() {
                "ukraine" => Recipient::To(Side::Ukraine),
                "russia" => Recipient::To(Side::Russia),
                "each" => Recipient::Each,
                "combined" => Recipient::Combined,
                _ => {
                    return Err(CorrectionsError::Recipient {
                        path: path.to_path_buf(),
                        article: f.article.clone(),
                        recipient: f.recipient.clone(),
                    });
                }
            };
            added.observations.push(Observation {
                date: Some(date),
                fact: Fact::Figure(Figure {
                    value: f.value,
                    text: f.text.clone().unwrap_or_else(|| f.value.to_string()),
                    approx: None,
                    recipient,
                    category: f.category,
                    terms: Vec::new(),
                    part: false,
                    reporter: Reporter { side: f.reporter_side, name: f.reporter.clone() },
                    confidence: Confidence::High,
                    cite: Citation { article: f.article.clone(), sentence: f.sentence.clone() },
                }),
                inferred: false,
                guessed: false,
            });
        }
        for m in &self.mediator {
            let date = parse_date(&m.date).ok_or_else(|| CorrectionsError::Date {
                path: path.to_path_buf(),
                article: m.article.clone(),
                date: m.date.clone(),
            })?;
            added.observations.push(Observation {
                date: Some(date),
                fact: Fact::Mediator(Attributed {
                    value: m.name.clone(),
                    cite: Citation { article: m.article.clone(), sentence: m.sentence.clone() },
                }),
                inferred: false,
                guessed: false,
            });
        }
        Ok(added)
    }
}

fn parse_date(s: &str) -> Option<ExchangeDate> {
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(ExchangeDate::Day(d));
    }
    let (y, m) = s.split_once('-')?;
    let (year, month) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&month).then_some(ExchangeDate::Month { year, month })
}
