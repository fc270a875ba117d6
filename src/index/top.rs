//! The best-scoring sentences, ties broken by corpus order.
//!
//! Tantivy's `TopDocs` breaks ties by document address, which depends on how the index is
//! cut into segments: a grown index (see `grow`) and a full build of the same corpus hold the
//! same documents at different addresses, and generated or syndicated articles share whole
//! sentences, so ties are common. `Top` breaks them by place in the corpus (article, then
//! paragraph and sentence), read from the fast fields, which is also the address order of a
//! full build in one segment. It keeps Tantivy's pruning: each segment is scored through
//! `Weight::for_each_pruning`, with the threshold just below the worst score kept, so that
//! sentences tied with it still arrive and everything scoring lower is skipped. (Fetching
//! past the limit with `TopDocs` until the ties ran out made retrieval on 10,000 generated
//! articles fourteen times slower.)

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::Weight;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Where one segment's documents are in the corpus, from its fast fields.
#[derive(Clone)]
pub(super) struct Places {
    /// Document → ordinal of its article id in the segment's dictionary.
    pub article: Column<u64>,
    /// Document → `position` (paragraph << 32 | sentence).
    pub position: Column<u64>,
    /// Ordinal of an article id → that article's position in the corpus (`u32::MAX`: none).
    pub corpus: Arc<Vec<u32>>,
}

/// A scored sentence: its score and its place (article in the corpus, `position`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Ranked {
    pub score: Score,
    pub article: u32,
    pub position: u64,
}

impl Ranked {
    /// Better first: higher score, then earlier in the corpus.
    fn order(&self, other: &Ranked) -> Ordering {
        other.score.total_cmp(&self.score).then((self.article, self.position).cmp(&(other.article, other.position)))
    }
}

/// Ordered worst last (`order`), so that a `BinaryHeap` keeps the worst on top.
#[derive(Debug, Clone, Copy)]
struct Kept(Ranked);

impl PartialEq for Kept {
    fn eq(&self, other: &Kept) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Kept {}

impl PartialOrd for Kept {
    fn partial_cmp(&self, other: &Kept) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Kept {
    fn cmp(&self, other: &Kept) -> Ordering {
        self.0.order(&other.0)
    }
}

/// The `limit` best sentences over every segment, best first.
pub(super) struct Top<'a> {
    pub limit: usize,
    /// Per segment ordinal, as the searcher orders its segments.
    pub places: &'a [Places],
}

impl Collector for Top<'_> {
    type Fruit = Vec<Ranked>;
    type Child = SegmentTop;

    fn for_segment(&self, segment: SegmentOrdinal, _reader: &SegmentReader) -> tantivy::Result<SegmentTop> {
        let places = self
            .places
            .get(segment as usize)
            .cloned()
            .ok_or_else(|| tantivy::TantivyError::InternalError(format!("no places for segment {segment}")))?;
        Ok(SegmentTop { limit: self.limit, places, kept: BinaryHeap::with_capacity(self.limit + 1) })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, segments: Vec<Vec<Ranked>>) -> tantivy::Result<Vec<Ranked>> {
        let mut all: Vec<Ranked> = segments.into_iter().flatten().collect();
        all.sort_by(Ranked::order);
        all.truncate(self.limit);
        Ok(all)
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: u32,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<Ranked>> {
        let mut top = self.for_segment(segment, reader)?;
        let alive = reader.alive_bitset();
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if alive.is_none_or(|alive| alive.is_alive(doc)) {
                top.offer(doc, score);
            }
            top.threshold()
        })?;
        Ok(top.harvest())
    }
}

/// One segment's best sentences so far.
pub(super) struct SegmentTop {
    limit: usize,
    places: Places,
    kept: BinaryHeap<Kept>,
}

impl SegmentTop {
    fn offer(&mut self, doc: DocId, score: Score) {
        let (Some(ord), Some(position)) = (self.places.article.first(doc), self.places.position.first(doc)) else {
            return;
        };
        let article = usize::try_from(ord).ok().and_then(|ord| self.places.corpus.get(ord)).copied();
        let Some(article) = article.filter(|&a| a != u32::MAX) else {
            return;
        };
        let candidate = Kept(Ranked { score, article, position });
        if self.kept.len() < self.limit {
            self.kept.push(candidate);
        } else if self.kept.peek().is_some_and(|worst| candidate < *worst) {
            self.kept.pop();
            self.kept.push(candidate);
        }
    }

    /// Scores at or below this cannot enter: just below the worst kept, once `limit` are.
    fn threshold(&self) -> Score {
        match self.kept.peek() {
            Some(worst) if self.kept.len() >= self.limit => worst.0.score.next_down(),
            _ => Score::MIN,
        }
    }
}

impl SegmentCollector for SegmentTop {
    type Fruit = Vec<Ranked>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.offer(doc, score);
    }

    fn harvest(self) -> Vec<Ranked> {
        self.kept.into_iter().map(|kept| kept.0).collect()
    }
}
