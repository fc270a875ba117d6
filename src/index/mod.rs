//! Full-text search over article sentences, with Tantivy.
//!
//! One document per sentence (article id, paragraph, sentence position), so
//! a hit names exactly the verbatim text a snippet will quote.
//!
//! **Architecture invariant:** the on-disk index is a cache. Each corpus
//! fingerprint (corpus + analyzer) has its own directory, written once (see
//! `store`), from scratch or grown from the previous corpus's (see `grow`);
//! an index is reused only when its commit carries that
//! fingerprint, and a reader never reloads. A stale, corrupt or locked
//! directory falls back to a rebuild or to an in-memory index, and never
//! stops the bot.

pub mod analyzer;
mod grow;
mod manifest;
pub mod store;
mod top;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use tantivy::collector::TopDocs;
use tantivy::indexer::UserOperation;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term, doc};

use crate::corpus::{Article, Corpus, SentenceRef};
pub use grow::Growth;
use manifest::Manifest;
use store::Lease;
use top::{Places, Top};

/// The Tantivy directory inside a fingerprint's slot.
const PASSAGES: &str = "passages";
/// Beside it: which version of each article it holds (see `manifest`), so that the next
/// corpus's index can take over its segments (see `grow`).
const ARTICLES: &str = "articles.tsv";
/// Beside it: how often the corpus uses each word (for typo repair), counted at build time
/// so that a start that reuses the index does not tokenise the corpus again.
const WORDS: &str = "words.tsv";

/// How the index came to be, for `powbot index` and logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexOrigin {
    /// The on-disk index matched the corpus and was reused.
    Reused(PathBuf),
    /// The on-disk index was (re)built.
    Built(PathBuf),
    /// The directory could not be used; the index lives in memory.
    InMemory { reason: String },
}

/// The sentence index.
pub struct PassageIndex {
    reader: IndexReader,
    /// Keeps other instances' clean-up away from the directory `reader` reads.
    _lease: Option<Lease>,
    fields: Fields,
    analyzer: TextAnalyzer,
    /// Analyzed title term → articles (positions in the corpus) whose title holds it: the
    /// titles a description can match, without reading every title for every question.
    titles: HashMap<String, Vec<u32>>,
    /// Every word of the corpus with its count (`word_counts`), for typo repair; the engine
    /// takes it (`take_words`) to build its spelling table.
    words: HashMap<String, usize>,
    /// Per segment (by ordinal), where its documents are in the corpus: `None` if a column
    /// could not be opened, and the document store is read instead.
    places: Option<Vec<Places>>,
    pub origin: IndexOrigin,
    /// When this start grew the index from the previous one (`origin` is then `Built`): what
    /// it took over and what it indexed.
    pub growth: Option<Growth>,
    pub sentences: usize,
}

#[derive(Clone, Copy)]
struct Fields {
    text: Field,
    article: Field,
    position: Field,
}

/// Where each segment's documents are in `corpus` (see `top`), `None` if a fast field cannot
/// be read.
fn places(searcher: &tantivy::Searcher, corpus: &Corpus) -> Option<Vec<Places>> {
    searcher
        .segment_readers()
        .iter()
        .map(|segment| {
            let fast = segment.fast_fields();
            let (dictionary, article) = fast.str("article").ok()??.into_parts();
            let position = fast.u64("position").ok()?;
            let mut ids = dictionary.stream().ok()?;
            let mut at = vec![u32::MAX; dictionary.num_terms()];
            while ids.advance() {
                let place = std::str::from_utf8(ids.key()).ok().and_then(|id| corpus.index_of(id));
                if let (Some(slot), Some(place)) = (at.get_mut(ids.term_ord() as usize), place) {
                    *slot = u32::try_from(place).unwrap_or(u32::MAX);
                }
            }
            Some(Places { article, position, corpus: Arc::new(at) })
        })
        .collect()
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub sentence: SentenceRef,
    pub score: f32,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer::NAME)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = b.add_text_field("text", TextOptions::default().set_indexing_options(indexing));
    // Raw (one term per id: `grow` deletes an article's documents by it) and a fast field,
    // like `position`: a hit is placed in the corpus from columns, without the document store.
    let article = b.add_text_field("article", STRING | STORED | FAST);
    // paragraph << 32 | sentence
    let position = b.add_u64_field("position", STORED | FAST);
    (b.build(), Fields { text, article, position })
}

/// FNV-1a: stable across Rust versions and platforms, unlike `DefaultHasher`.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *hash ^= u64::from(*b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

/// The analyzer's part of every fingerprint: its version and stop words. Two indexes whose
/// analyzers hash alike have the same terms for the same sentences.
pub fn analyzer_hash() -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325;
    fnv(&mut h, &analyzer::VERSION.to_le_bytes());
    for w in analyzer::STOP_WORDS {
        fnv(&mut h, str::as_bytes(w));
        fnv(&mut h, &[0]);
    }
    h
}

/// Each article's part of the fingerprint (corpus order), hashed on every core: its id and
/// every indexed sentence with its position. Equal hashes mean equal documents in the index.
pub fn article_hashes(corpus: &Corpus) -> Vec<u64> {
    corpus
        .articles
        .par_iter()
        .map(|a| {
            // Each sentence as its byte span in a body named by the body's key
            // (`Article::body_key`, taken when the article was read): the same sentences
            // as hashing their text, without reading every byte of the corpus again
            // (byte-wise FNV over every sentence was 9 % of a warm 10k start).
            let mut h = 0xcbf2_9ce4_8422_2325;
            fnv(&mut h, a.id.as_bytes());
            fnv(&mut h, a.body_key());
            for (p, paragraph) in a.paragraphs.iter().enumerate() {
                for (s, span) in paragraph.sentences.iter().enumerate() {
                    for n in [p, s, span.start, span.end] {
                        fnv(&mut h, &(n as u64).to_le_bytes());
                    }
                }
            }
            h
        })
        .collect()
}

/// Identifies exactly what an index holds: the analyzer and every indexed
/// sentence with its position. Hashing the sentences rather than the raw
/// files means a change to boilerplate or sentence-splitting rules (which
/// moves positions) also invalidates the cache.
pub fn fingerprint(corpus: &Corpus) -> String {
    fingerprint_of(&article_hashes(corpus))
}

/// The fingerprint of a corpus whose articles hash to `articles` (`article_hashes`).
fn fingerprint_of(articles: &[u64]) -> String {
    let mut h = analyzer_hash();
    for a in articles {
        fnv(&mut h, &a.to_le_bytes());
    }
    format!("powbot-index-v{}-{h:016x}", analyzer::VERSION)
}

/// How often the corpus uses each word (`text::words`, words proper only), counted on every
/// core: typo repair corrects only towards these.
pub fn word_counts(corpus: &Corpus) -> HashMap<String, usize> {
    let all: Vec<&Article> = corpus.articles.iter().collect();
    count_words(&all)
}

/// `word_counts` over some articles only.
fn count_words(articles: &[&Article]) -> HashMap<String, usize> {
    articles
        .par_iter()
        .fold(HashMap::new, |mut words: HashMap<String, usize>, a| {
            for (_, _, s) in a.sentences() {
                for w in crate::lang::text::words(s) {
                    if w.kind == crate::lang::text::WordKind::Word {
                        *words.entry(w.norm).or_default() += 1;
                    }
                }
            }
            words
        })
        .reduce(HashMap::new, add_counts)
}

/// `a` plus `b`, word by word (adding the smaller map into the larger).
fn add_counts(mut a: HashMap<String, usize>, mut b: HashMap<String, usize>) -> HashMap<String, usize> {
    if a.len() < b.len() {
        std::mem::swap(&mut a, &mut b);
    }
    for (w, n) in b {
        *a.entry(w).or_default() += n;
    }
    a
}

/// Deletes every document of the articles `gone` (ids) from `index`, adds the sentences of
/// `articles`, and commits with the payload `fp`, waiting for the merges it starts.
///
/// Each article goes to the writer as one batch: Tantivy flushes a segment only between
/// batches, so an article's sentences always lie in one segment, and an edit later costs
/// that segment only (see `grow`).
fn write_articles(
    index: &Index,
    fields: Fields,
    gone: &[String],
    articles: &[&Article],
    fp: &str,
) -> tantivy::Result<()> {
    index.tokenizers().register(analyzer::NAME, analyzer::build());
    // A few sentences are indexed on one thread into one segment (searched fastest), in the
    // small memory budget they need. Many are indexed on every core (up to four), with a
    // budget per thread that keeps segments, and so merges, few.
    let sentences: usize = articles.iter().map(|a| a.paragraphs.iter().map(|p| p.sentences.len()).sum::<usize>()).sum();
    let (threads, budget) = if sentences < 100_000 {
        (1, 15_000_000)
    } else {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        (threads, threads * 100_000_000)
    };
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, budget)?;
    // Deletions first: a deletion applies only to documents added before it.
    for id in gone {
        writer.delete_term(Term::from_field_text(fields.article, id));
    }
    for article in articles {
        let batch: Vec<UserOperation> = article
            .sentences()
            .map(|(p, s, text)| {
                UserOperation::Add(doc!(
                    fields.text => text,
                    fields.article => article.id.as_str(),
                    fields.position => ((p as u64) << 32) | s as u64,
                ))
            })
            .collect();
        writer.run(batch)?;
    }
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(fp);
    commit.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// Writes `words` as `word TAB count` lines and a checksum line.
fn write_words(path: &Path, words: &HashMap<String, usize>) -> std::io::Result<()> {
    let mut sorted: Vec<(&String, &usize)> = words.iter().filter(|(w, _)| !w.contains(['\t', '\n'])).collect();
    sorted.sort();
    let mut out = String::new();
    for (w, n) in sorted {
        out.push_str(w);
        out.push('\t');
        out.push_str(&n.to_string());
        out.push('\n');
    }
    std::fs::write(path, seal(out))
}

/// Reads what `write_words` wrote; `None` if it is missing or damaged.
fn read_words(path: &Path) -> Option<HashMap<String, usize>> {
    let text = std::fs::read_to_string(path).ok()?;
    unseal(&text)?
        .lines()
        .map(|l| {
            let (w, n) = l.split_once('\t')?;
            Some((w.to_string(), n.parse().ok()?))
        })
        .collect()
}

/// `body` (whole lines) with a last line holding its checksum, as the files beside the index
/// are written: a flipped byte that would still parse is caught when they are read back.
fn seal(mut body: String) -> String {
    let mut h = 0xcbf2_9ce4_8422_2325;
    fnv(&mut h, body.as_bytes());
    body.push_str(&format!("#fnv\t{h:016x}\n"));
    body
}

/// The body of a `seal`ed text if its checksum holds.
fn unseal(text: &str) -> Option<&str> {
    let body_end = text.trim_end_matches('\n').rfind('\n').map_or(0, |i| i + 1);
    let (body, sum) = text.split_at(body_end);
    let mut h = 0xcbf2_9ce4_8422_2325;
    fnv(&mut h, body.as_bytes());
    (sum.trim_end() == format!("#fnv\t{h:016x}")).then_some(body)
}

/// `PassageIndex::terms` over many sentences: the analyzer's filters (length, case, accents,
/// stop words, stemming) each look at one word alone, so a word's term is the same in every
/// sentence and is worked out once. A question that scores every sentence of a speaker found
/// in every article stemmed the same few thousand words hundreds of thousands of times.
pub struct TermMemo {
    words: TextAnalyzer,
    analyzer: TextAnalyzer,
    memo: HashMap<String, Option<String>>,
}

impl TermMemo {
    fn new(analyzer: TextAnalyzer) -> TermMemo {
        let words = TextAnalyzer::builder(tantivy::tokenizer::SimpleTokenizer::default()).build();
        TermMemo { words, analyzer, memo: HashMap::new() }
    }

    /// The same as `PassageIndex::terms(text)`.
    pub fn terms(&mut self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = self.words.token_stream(text);
        while stream.advance() {
            let word = &stream.token().text;
            let term = match self.memo.get(word) {
                Some(term) => term.clone(),
                None => {
                    // A word alone is one token of the same tokenizer: at most one term.
                    let term = analyzer::terms(&mut self.analyzer, word).into_iter().next();
                    self.memo.insert(word.clone(), term.clone());
                    term
                }
            };
            out.extend(term);
        }
        out
    }
}

/// A reader over `index`, with powbot's analyzer registered for queries.
///
/// It never reloads: the segments it opened are the ones it reads until the engine stops.
/// (Tantivy's default watches `meta.json` and reloads on change, which is how an instance
/// once picked up another instance's segments and quoted the wrong sentences.)
fn open_reader(index: &Index) -> tantivy::Result<IndexReader> {
    index.tokenizers().register(analyzer::NAME, analyzer::build());
    index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()
}

/// An index ready to search, with the lease that keeps its directory from being cleaned up.
struct Opened {
    reader: IndexReader,
    lease: Option<Lease>,
}

/// An index built and published by this start, with what went into it.
struct Built {
    opened: Opened,
    words: HashMap<String, usize>,
    growth: Option<Growth>,
}

impl PassageIndex {
    /// Opens the index of `corpus` under `dir` if one was built, else builds it there (see
    /// `store` for the layout); if `dir` cannot be used, builds it in memory. Fails only if
    /// even the in-memory index cannot be built.
    pub fn open_or_build(dir: &Path, corpus: &Corpus) -> tantivy::Result<PassageIndex> {
        let hashes = article_hashes(corpus);
        let fp = fingerprint_of(&hashes);
        let slot = store::slot(dir, &fp);
        let passages = slot.join(PASSAGES);
        match Self::reuse(&slot, &fp) {
            Ok(Some(opened)) => {
                store::clean(dir, &slot);
                let words = read_words(&slot.join(WORDS)).unwrap_or_else(|| {
                    tracing::warn!(dir = %slot.display(), "word counts missing or damaged; counting them again");
                    word_counts(corpus)
                });
                return Ok(Self::finish(opened, corpus, words, IndexOrigin::Reused(passages), None));
            }
            Ok(None) => {}
            Err(reason) => tracing::warn!(dir = %passages.display(), %reason, "index unusable, rebuilding"),
        }
        match Self::build_on_disk(dir, &slot, corpus, &hashes, &fp) {
            Ok(built) => {
                store::clean(dir, &slot);
                Ok(Self::finish(built.opened, corpus, built.words, IndexOrigin::Built(passages), built.growth))
            }
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "cannot write index, keeping it in memory");
                let (schema, fields) = schema();
                let index = Index::create_in_ram(schema);
                Self::fill(&index, fields, corpus, &fp)?;
                let reader = open_reader(&index)?;
                let opened = Opened { reader, lease: None };
                let origin = IndexOrigin::InMemory { reason: format!("{e:#}") };
                Ok(Self::finish(opened, corpus, word_counts(corpus), origin, None))
            }
        }
    }

    /// The index in `slot` if it is there, whole, and built from this corpus with this
    /// analyzer; `Err` with the reason when it is there but cannot be used.
    fn reuse(slot: &Path, fp: &str) -> Result<Option<Opened>, String> {
        let passages = slot.join(PASSAGES);
        if !passages.join("meta.json").exists() {
            return Ok(None);
        }
        let lease = match Lease::take(slot) {
            Ok(Some(lease)) => Some(lease),
            // Being removed by another instance's clean-up: build a fresh one.
            Ok(None) => return Ok(None),
            // A read-only directory: nobody can remove it either, so no lease is needed.
            Err(_) => None,
        };
        // Tantivy trusts the files it opens: a truncated segment can panic inside it rather
        // than return an error. The index is only a cache, so such a panic means "rebuild",
        // never "stop the bot".
        let checked = std::panic::catch_unwind(|| Self::checked_reader(&passages, fp));
        match checked {
            Ok(Ok(Some(reader))) => Ok(Some(Opened { reader, lease })),
            Ok(Ok(None)) => Err("it was built from another corpus".into()),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err("tantivy panicked reading it".into()),
        }
    }

    /// A reader of the index in `dir` if its commit carries fingerprint `fp` and every file
    /// is intact; `None` for another fingerprint or schema.
    fn checked_reader(dir: &Path, fp: &str) -> tantivy::Result<Option<IndexReader>> {
        let index = Index::open_in_dir(dir)?;
        let metas = index.load_metas()?;
        let (expected, _) = schema();
        if metas.payload.as_deref() != Some(fp) || index.schema() != expected {
            return Ok(None);
        }
        // Verify every file's checksum before use, so that damage is found
        // now rather than by a search later. The cost is one read of the index.
        let damaged = index.validate_checksum()?;
        if !damaged.is_empty() {
            return Err(tantivy::TantivyError::InvalidArgument(format!("damaged index files: {damaged:?}")));
        }
        let reader = open_reader(&index)?;
        // The reader loads the directory's commit anew; make sure it is the one just checked.
        let mut checked: Vec<_> = metas.segments.iter().map(|s| s.id()).collect();
        let mut loaded: Vec<_> = reader.searcher().segment_readers().iter().map(|s| s.segment_id()).collect();
        checked.sort();
        loaded.sort();
        Ok((checked == loaded).then_some(reader))
    }

    /// Builds the index in a fresh directory and publishes it as `slot`: grown from the
    /// newest published index when that one shares segments with this corpus (see `grow`),
    /// else from scratch.
    fn build_on_disk(dir: &Path, slot: &Path, corpus: &Corpus, hashes: &[u64], fp: &str) -> anyhow::Result<Built> {
        if let Some(base) = store::newest(dir, slot) {
            let built = store::build_dir(dir, fp)?;
            // Tantivy trusts the files it opens, and the previous index's files are read here
            // before any checksum is: a panic means "build from scratch" (see `reuse`).
            let grown = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                grow::grow(&base, &built, corpus, hashes, fp)
            }));
            let result = match grown {
                Ok(Ok(Some(grown))) => Self::publish(&built, slot, corpus, hashes, fp, &grown.words)
                    .map(|opened| Built { opened, words: grown.words, growth: Some(grown.growth) }),
                Ok(Ok(None)) => Err(anyhow::anyhow!("it shares no segment with this corpus")),
                Ok(Err(e)) => Err(e),
                Err(_) => Err(anyhow::anyhow!("tantivy panicked reading it")),
            };
            if built.exists() {
                store::remove(&built);
            }
            match result {
                Ok(built) => return Ok(built),
                Err(reason) => {
                    tracing::info!(from = %base.display(), reason = %format!("{reason:#}"), "not growing the index from the previous one; building it from scratch")
                }
            }
        }
        let built = store::build_dir(dir, fp)?;
        let words = word_counts(corpus);
        let result = Self::build_fresh(&built, slot, corpus, hashes, fp, &words);
        if built.exists() {
            store::remove(&built);
        }
        result.map(|opened| Built { opened, words, growth: None })
    }

    /// Builds the index of `corpus` from scratch in `built` and publishes it as `slot`.
    fn build_fresh(
        built: &Path,
        slot: &Path,
        corpus: &Corpus,
        hashes: &[u64],
        fp: &str,
        words: &HashMap<String, usize>,
    ) -> anyhow::Result<Opened> {
        let passages = built.join(PASSAGES);
        std::fs::create_dir_all(&passages)?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(&passages, schema)?;
        Self::fill(&index, fields, corpus, fp)?;
        drop(index);
        Self::publish(built, slot, corpus, hashes, fp, words)
    }

    /// Writes the files beside the index in `built` and publishes it as `slot`.
    fn publish(
        built: &Path,
        slot: &Path,
        corpus: &Corpus,
        hashes: &[u64],
        fp: &str,
        words: &HashMap<String, usize>,
    ) -> anyhow::Result<Opened> {
        // Written before publishing: nothing is ever written into a published directory.
        write_words(&built.join(WORDS), words)?;
        Manifest::of(corpus, hashes).write(&built.join(ARTICLES))?;
        // Leased before it is published, so that no clean-up can take it in between.
        let lease = Lease::take(built)?;
        if !store::publish(built, slot)? {
            // Another instance published the same corpus first: use theirs if it is sound.
            if let Ok(Some(opened)) = Self::reuse(slot, fp) {
                return Ok(opened);
            }
            store::replace(built, slot)?;
        }
        let reader = Self::checked_reader(&slot.join(PASSAGES), fp)?
            .ok_or_else(|| anyhow::anyhow!("{} changed while it was being published", slot.display()))?;
        Ok(Opened { reader, lease })
    }

    fn fill(index: &Index, fields: Fields, corpus: &Corpus, fp: &str) -> tantivy::Result<()> {
        let articles: Vec<&Article> = corpus.articles.iter().collect();
        write_articles(index, fields, &[], &articles, fp)
    }

    fn finish(
        opened: Opened,
        corpus: &Corpus,
        words: HashMap<String, usize>,
        origin: IndexOrigin,
        growth: Option<Growth>,
    ) -> PassageIndex {
        let (_, fields) = schema();
        let analyzer = analyzer::build();
        let mut titles: HashMap<String, Vec<u32>> = HashMap::new();
        // Titles share most of their words: each is stemmed once (stemming every title was
        // most of opening a 10k index).
        let mut memo = TermMemo::new(analyzer.clone());
        for (i, article) in corpus.articles.iter().enumerate() {
            let mut terms = memo.terms(&article.title);
            terms.sort();
            terms.dedup();
            for t in terms {
                titles.entry(t).or_default().push(i as u32);
            }
        }
        let searcher = opened.reader.searcher();
        let sentences = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let places = places(&searcher, corpus);
        if places.is_none() {
            tracing::warn!("the index's fast fields cannot be read; search reads the document store");
        }
        PassageIndex {
            reader: opened.reader,
            _lease: opened.lease,
            fields,
            analyzer,
            titles,
            words,
            places,
            origin,
            growth,
            sentences,
        }
    }

    /// The corpus's word counts (see `word_counts`), moved out: the index no longer holds them.
    pub fn take_words(&mut self) -> HashMap<String, usize> {
        std::mem::take(&mut self.words)
    }

    /// Articles (positions in the corpus, ascending) whose title holds any of `terms`.
    pub fn titled<'a>(&self, terms: impl IntoIterator<Item = &'a String>) -> Vec<usize> {
        let mut out: Vec<usize> =
            terms.into_iter().flat_map(|t| self.titles.get(t).into_iter().flatten()).map(|&i| i as usize).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Analyzed terms of a piece of text (question words, a phrase).
    pub fn terms(&self, text: &str) -> Vec<String> {
        analyzer::terms(&mut self.analyzer.clone(), text)
    }

    /// A `terms` for many texts at once, analysing each distinct word once (see `TermMemo`).
    pub fn term_memo(&self) -> TermMemo {
        TermMemo::new(self.analyzer.clone())
    }

    /// Does the corpus use this analyzed term anywhere? Asked of the index's own term
    /// dictionaries, rather than of a set of every term kept in memory and rebuilt at each
    /// start by analysing every sentence.
    pub fn knows(&self, term: &str) -> bool {
        self.reader.searcher().segment_readers().iter().any(|segment| {
            segment
                .inverted_index(self.fields.text)
                .is_ok_and(|inverted| inverted.terms().get(term.as_bytes()).is_ok_and(|info| info.is_some()))
        })
    }

    /// Where the document at `addr` is in the corpus, from the document store.
    fn stored_place(&self, searcher: &tantivy::Searcher, addr: DocAddress, corpus: &Corpus) -> Option<SentenceRef> {
        let doc: TantivyDocument = searcher.doc(addr).ok()?;
        let article = corpus.index_of(doc.get_first(self.fields.article)?.as_str()?)?;
        let pos = doc.get_first(self.fields.position)?.as_u64()?;
        Some(SentenceRef { article, paragraph: (pos >> 32) as usize, sentence: (pos & 0xffff_ffff) as usize })
    }

    /// Best sentences for a query given as groups of alternative words: a
    /// sentence scores for each group it matches any word of. Article ids
    /// resolve through `corpus`.
    pub fn search(&self, groups: &[Vec<String>], corpus: &Corpus, limit: usize) -> Vec<Hit> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for group in groups {
            let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut seen = HashSet::new();
            for word in group {
                for term in self.terms(word) {
                    if seen.insert(term.clone()) {
                        let t = Term::from_field_text(self.fields.text, &term);
                        alts.push((Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs))));
                    }
                }
            }
            if !alts.is_empty() {
                clauses.push((Occur::Should, Box::new(BooleanQuery::new(alts))));
            }
        }
        if clauses.is_empty() || limit == 0 {
            return Vec::new();
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let Some(places) = &self.places else {
            // Without the fast fields, ties at the limit fall as Tantivy's document addresses do.
            let Ok(top) = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score()) else {
                return Vec::new();
            };
            let mut hits: Vec<Hit> = top
                .into_iter()
                .filter_map(|(score, addr)| Some(Hit { sentence: self.stored_place(&searcher, addr, corpus)?, score }))
                .collect();
            hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
            return hits;
        };
        let Ok(top) = searcher.search(&query, &Top { limit, places }) else {
            return Vec::new();
        };
        top.into_iter()
            .filter(|r| (r.article as usize) < corpus.articles.len())
            .map(|r| Hit {
                sentence: SentenceRef {
                    article: r.article as usize,
                    paragraph: (r.position >> 32) as usize,
                    sentence: (r.position & 0xffff_ffff) as usize,
                },
                score: r.score,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memoised_terms_are_the_analyzers() {
        let mut memo = TermMemo::new(analyzer::build());
        let texts = [
            "How many prisoners were swapped? The Coordination Headquarters said 150 defenders came home.",
            "Défenders défendèd the readiness, ready: 1,000-for-1,000; \u{201c}They are home\u{201d}, Zelensky said.",
            "How many prisoners were swapped again, the defenders asked",
            "averyveryveryveryveryveryverylongwordthatisoverfortybytes long",
        ];
        for _ in 0..2 {
            for t in texts {
                assert_eq!(memo.terms(t), analyzer::terms(&mut analyzer::build(), t), "{t}");
            }
        }
    }
}
