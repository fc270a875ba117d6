//! Exchange facts: the structured dataset read from the corpus.
//!
//! `extract` reads one article at a time; `corrections` applies the curated
//! `DATA/exchanges.toml`; `merge` joins reports of one exchange from several
//! articles; `check` verifies every citation.
//!
//! **Architecture invariant:** every figure, name and claim carries the
//! article id and the verbatim sentence it came from.

mod check;
mod corrections;
mod extract;
mod merge;
mod model;
mod reporter;

use std::path::Path;

pub use check::{Problem, check};
pub use corrections::{Corrections, CorrectionsError};
pub use model::{
    Attributed, Citation, Claim, ClaimKind, Exchange, ExchangeDate, Facts, Figure, Recipient, Reporter, Series, Stage,
};

use crate::corpus::Corpus;

/// Reads the facts of every article, applies corrections, merges.
pub fn build(corpus: &Corpus, corrections: &Corrections, data_dir: &Path) -> Result<Facts, CorrectionsError> {
    let mut per_article: Vec<extract::ArticleFacts> = corpus.articles.iter().map(extract::article).collect();
    let added = corrections.apply(&mut per_article, &data_dir.join("exchanges.toml"))?;
    per_article.push(added);
    Ok(merge::merge(per_article))
}
