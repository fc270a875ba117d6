//! A new corpus's index grown from the newest published one, so that a new article costs
//! indexing that article rather than the whole corpus.
//!
//! The new index's build directory starts as hard links to the previous index's files
//! (`store::link_files`; why that cannot change a published file is in `store`). The writer
//! opened there then drops the segments that cannot be taken over, adds the articles they
//! held and the new ones, and commits with the new fingerprint; the directory is then
//! published like any other build.
//!
//! What is taken over is whole segments, never single documents out of one. A segment is
//! kept when every article it holds is in the new corpus unchanged (`Manifest`); otherwise
//! all of its documents are deleted (which empties it, and Tantivy drops empty segments at
//! the commit), and its unchanged articles are indexed again beside the new ones. Deleting
//! only the changed articles' documents would leave the index answering differently from a
//! full build: BM25 takes document frequencies and token counts from the segments, deleted
//! documents included, and a merge that purges them only estimates the token counts again
//! (tantivy 0.27, `estimate_total_num_tokens`). Segments without deletions give exactly
//! the statistics of a full build, so the grown index scores every sentence as a full build
//! of the same corpus does. The price is that an edit re-indexes the edited article's
//! segment-mates (all of a small corpus, which fits one segment); an addition, the usual
//! change (ingest writes new files), indexes only itself. Every article is written as one
//! batch (`write_articles`), so it lies in a single segment and an edit costs one segment.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use tantivy::{Index, ReloadPolicy};

use super::manifest::Manifest;
use super::store::{self, Lease};
use super::{ARTICLES, PASSAGES, WORDS, schema};
use crate::corpus::{Article, Corpus};

/// What growing took over and what it indexed, for logs and `powbot index`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Growth {
    /// The fingerprint directory it grew from.
    pub from: PathBuf,
    /// Articles the previous index did not hold.
    pub added: usize,
    /// Articles it held in another version.
    pub changed: usize,
    /// Articles it held that the corpus no longer has.
    pub removed: usize,
    /// Articles whose sentences came with the previous index's segments, untouched.
    pub reused: usize,
    /// Unchanged articles indexed again: they shared a segment with a changed or removed one.
    pub reindexed: usize,
}

/// A grown index in its build directory, not yet published.
pub(super) struct Grown {
    pub growth: Growth,
    /// The new corpus's word counts (`word_counts`).
    pub words: HashMap<String, usize>,
}

/// Grows the index of `corpus` (article hashes `hashes`, fingerprint `fp`) in the empty
/// directory `built` from the published index in `base`, and writes the files beside it.
/// `Ok(None)` when no segment of `base` can be taken over (a full build is as cheap); `Err`
/// when `base` cannot be used or growing failed, which the caller answers with a full build.
pub(super) fn grow(
    base: &Path,
    built: &Path,
    corpus: &Corpus,
    hashes: &[u64],
    fp: &str,
) -> anyhow::Result<Option<Grown>> {
    let manifest = Manifest::read(&base.join(ARTICLES)).context("its list of articles is missing or damaged")?;
    if manifest.analyzer != super::analyzer_hash() {
        bail!("it was built with another analyzer");
    }
    // Held while its files are linked, so that no clean-up removes it half way.
    let _lease = Lease::hold(base).context("cannot lock its lease")?.context("it is being removed")?;
    let base_fp = base.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let plan = Plan::make(&base.join(PASSAGES), &base_fp, corpus, hashes, &manifest)?;
    if plan.reused == 0 {
        return Ok(None);
    }

    let passages = built.join(PASSAGES);
    std::fs::create_dir_all(&passages)?;
    let linked = store::link_files(&base.join(PASSAGES), &passages).context("cannot link its files")?;
    let index = Index::open_in_dir(&passages)?;
    let articles: Vec<&Article> = plan.to_index.iter().map(|&i| &corpus.articles[i]).collect();
    let (_, fields) = schema();
    super::write_articles(&index, fields, &plan.gone, &articles, fp)?;
    check(&index, corpus, fp)?;

    // Word counts are a sum over articles: an index that only gained articles adds theirs to
    // the previous counts. One that lost or changed any counts again, since what the lost
    // versions said is no longer on disk.
    let previous = (plan.changed == 0 && plan.removed == 0).then(|| super::read_words(&base.join(WORDS))).flatten();
    let words = match previous {
        Some(previous) => {
            let added: Vec<&Article> =
                articles.iter().copied().filter(|a| !manifest.articles.contains_key(&a.id)).collect();
            super::add_counts(previous, super::count_words(&added))
        }
        None => super::word_counts(corpus),
    };
    let growth = Growth {
        from: base.to_path_buf(),
        added: plan.added,
        changed: plan.changed,
        removed: plan.removed,
        reused: plan.reused,
        reindexed: plan.reindexed,
    };
    tracing::info!(
        from = %base.display(),
        added = growth.added,
        changed = growth.changed,
        removed = growth.removed,
        reused = growth.reused,
        reindexed = growth.reindexed,
        linked = linked.linked,
        copied = linked.copied,
        "grew the index from the previous one"
    );
    Ok(Some(Grown { growth, words }))
}

/// Which segments of the previous index are taken over and which articles are indexed anew.
struct Plan {
    /// Ids of every article in a segment that is not taken over: deleting them empties
    /// exactly those segments.
    gone: Vec<String>,
    /// Corpus positions of the articles to index, in corpus order.
    to_index: Vec<usize>,
    added: usize,
    changed: usize,
    removed: usize,
    reused: usize,
    reindexed: usize,
}

impl Plan {
    fn make(
        passages: &Path,
        base_fp: &str,
        corpus: &Corpus,
        hashes: &[u64],
        manifest: &Manifest,
    ) -> anyhow::Result<Plan> {
        let index = Index::open_in_dir(passages)?;
        let metas = index.load_metas()?;
        let (expected, fields) = schema();
        // The manifest beside it describes the commit it was published with, and no other.
        if metas.payload.as_deref() != Some(base_fp) || index.schema() != expected {
            bail!("its commit is not the one it was published with");
        }
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let searcher = reader.searcher();
        // Each segment's articles, from its term dictionary of the raw `article` field.
        let mut segments: Vec<(bool, Vec<String>)> = Vec::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(fields.article)?;
            let mut terms = inverted.terms().stream()?;
            let mut ids = Vec::new();
            while terms.advance() {
                ids.push(String::from_utf8(terms.key().to_vec()).context("an article id is not UTF-8")?);
            }
            segments.push((segment.has_deletes(), ids));
        }

        let mut current: HashMap<&str, u64> = HashMap::with_capacity(corpus.articles.len());
        for (article, &h) in corpus.articles.iter().zip(hashes) {
            if current.insert(&article.id, h).is_some() {
                // Deleting by id would take both articles' documents.
                bail!("the corpus holds the id {:?} twice", article.id);
            }
        }
        let unchanged = |id: &str| current.get(id).is_some_and(|h| manifest.articles.get(id) == Some(h));
        // A segment with deletions would score differently from a full build (see above).
        let mut kept: Vec<bool> =
            segments.iter().map(|(deletes, ids)| !deletes && ids.iter().all(|id| unchanged(id))).collect();
        // An article is indexed whole or not at all, so a segment holding part of an article
        // whose other part goes goes too (only indexes written a document at a time split
        // articles); repeated until nothing more goes.
        loop {
            let doomed: HashSet<&str> = segments
                .iter()
                .zip(&kept)
                .filter(|(_, kept)| !**kept)
                .flat_map(|((_, ids), _)| ids.iter().map(String::as_str))
                .collect();
            let mut more = false;
            for ((_, ids), kept) in segments.iter().zip(kept.iter_mut()) {
                if *kept && ids.iter().any(|id| doomed.contains(id.as_str())) {
                    *kept = false;
                    more = true;
                }
            }
            if !more {
                break;
            }
        }

        let taken: HashSet<&str> = segments
            .iter()
            .zip(&kept)
            .filter(|(_, kept)| **kept)
            .flat_map(|((_, ids), _)| ids.iter().map(String::as_str))
            .collect();
        let mut gone: Vec<String> = segments
            .iter()
            .zip(&kept)
            .filter(|(_, kept)| !**kept)
            .flat_map(|((_, ids), _)| ids.iter().cloned())
            .collect();
        gone.sort();
        gone.dedup();
        let to_index: Vec<usize> =
            (0..corpus.articles.len()).filter(|&i| !taken.contains(corpus.articles[i].id.as_str())).collect();
        let added = corpus.articles.iter().filter(|a| !manifest.articles.contains_key(&a.id)).count();
        let changed =
            corpus.articles.iter().filter(|a| manifest.articles.contains_key(&a.id) && !unchanged(&a.id)).count();
        let removed = manifest.articles.keys().filter(|id| !current.contains_key(id.as_str())).count();
        let reindexed = to_index
            .iter()
            .map(|&i| &corpus.articles[i])
            .filter(|a| unchanged(&a.id) && a.sentences().next().is_some())
            .count();
        Ok(Plan { gone, to_index, added, changed, removed, reused: taken.len(), reindexed })
    }
}

/// The grown index must be what a full build would be: the new fingerprint, every sentence
/// of the corpus once, no deleted documents left, and every file (linked ones too) intact.
fn check(index: &Index, corpus: &Corpus, fp: &str) -> anyhow::Result<()> {
    let metas = index.load_metas()?;
    if metas.payload.as_deref() != Some(fp) {
        bail!("the grown index does not carry the new fingerprint");
    }
    if metas.segments.iter().any(|s| s.has_deletes()) {
        bail!("a segment of the grown index keeps deleted documents");
    }
    let docs: u64 = metas.segments.iter().map(|s| u64::from(s.num_docs())).sum();
    let sentences: usize = corpus.articles.iter().map(|a| a.sentences().count()).sum();
    if docs != sentences as u64 {
        bail!("the grown index holds {docs} sentences, the corpus {sentences}");
    }
    let damaged = index.validate_checksum()?;
    if !damaged.is_empty() {
        bail!("damaged index files: {damaged:?}");
    }
    Ok(())
}
