//! Exchange facts: the structured dataset read from the corpus.
//!
//! `read` reads one article at a time into observations and claims (see its
//! module doc for the design); `corrections` applies the curated
//! `DATA/exchanges.toml`; `merge` joins reports of one exchange from several
//! articles into `Exchange`s; `check` verifies every citation.
//!
//! **Architecture invariant:** every figure, name and claim carries the
//! article id and the verbatim sentence it came from.

pub mod cache;
mod check;
mod corrections;
mod merge;
mod model;
pub mod read;

use std::path::Path;

pub use check::{Problem, check};
pub use corrections::{Corrections, CorrectionsError};
pub use model::{
    Attributed, Citation, Claim, ClaimKind, Confidence, Exchange, ExchangeDate, Facts, Figure, Recipient, Reporter,
    Scope, Series, Stage,
};

use rayon::prelude::*;

pub use cache::FactsCache;

use crate::corpus::{Article, Corpus};

/// Reads one article. The rules index into sentences by position; should one
/// of them ever be wrong on text nobody foresaw, that article yields no facts
/// (and an error in the log) rather than stopping the bot.
pub fn read_guarded(a: &Article) -> read::ArticleFacts {
    read_checked(a).unwrap_or_else(|| unreadable(a))
}

/// What an article whose reading panicked yields: nothing, and an error in the log.
pub fn unreadable(a: &Article) -> read::ArticleFacts {
    tracing::error!(article = %a.id, "reading this article failed; it is indexed but yields no facts");
    read::ArticleFacts { article: a.id.clone(), published: a.published, ..read::ArticleFacts::default() }
}

/// Reads one article; `None` if a rule panicked on it.
pub fn read_checked(a: &Article) -> Option<read::ArticleFacts> {
    std::panic::catch_unwind(|| read::article(a)).ok()
}

/// Reads the facts of every article, applies corrections, merges.
pub fn build(corpus: &Corpus, corrections: &Corrections, data_dir: &Path) -> Result<Facts, CorrectionsError> {
    build_cached(corpus, corrections, data_dir, &FactsCache::in_memory())
}

/// `build`, taking each article's facts from `cache` (reading on every core those it does
/// not hold). Articles are read in any order but kept in corpus order, so the dataset is
/// the same however many threads read it and whatever the cache held.
pub fn build_cached(
    corpus: &Corpus,
    corrections: &Corrections,
    data_dir: &Path,
    cache: &FactsCache,
) -> Result<Facts, CorrectionsError> {
    let mut per_article: Vec<read::ArticleFacts> = corpus.articles.par_iter().map(|a| cache.facts_for(a)).collect();
    let added = corrections.apply(&mut per_article, &data_dir.join("exchanges.toml"))?;
    per_article.push(added);
    Ok(merge::merge(per_article))
}
