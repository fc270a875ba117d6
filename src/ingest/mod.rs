//! `powbot ingest`: new reports from links and feeds into `DATA/articles/`.
//!
//! # Layout
//! - `fetch`: HTTP(S) with robots.txt, a per-host pause, redirects checked hop by hop, a size
//!   cap, conditional requests; `decode` for charsets.
//! - `robots`: robots.txt rules.
//! - `feed`: `feeds.toml`, and a feed's items (feed-rs).
//! - `page`: a page's article text and metadata (dom_smoothie).
//! - `topic`: whether a page reports a prisoner exchange.
//! - `dedup`: one story under several URLs or on several sites.
//! - `write`: ids, front matter, atomic writes.
//! - `state`: what ingest remembers between runs.
//!
//! Every URL ends as one line of the `Report`: added (with why it counts as a report of an
//! exchange) or skipped (with why). Nothing here stops a run but a data directory that cannot
//! be used or a state file that cannot be read or written.
//!
//! **Architecture invariant:** ingest writes only new `*.md` files (and its state file), each
//! atomically, and rewrites only a file it wrote itself that nobody changed since; it never
//! touches the engine (a running bot sees new files through `reload`).

pub mod dedup;
pub mod feed;
pub mod fetch;
pub mod page;
pub mod robots;
pub mod state;
pub mod topic;
pub mod write;

use std::path::PathBuf;

use chrono::NaiveDate;
use reqwest::Url;

use crate::corpus::{Corpus, CorpusError};
use dedup::Shingles;
pub use feed::{FeedSpec, load_feeds};
pub use fetch::{FetchConfig, FetchError};
use fetch::{Fetcher, Outcome};
use state::{State, StateError, Written};
use write::Draft;

/// What to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A page or a feed, told apart once fetched.
    Url(String),
    /// A feed of `feeds.toml`, with its keywords.
    Feed(FeedSpec),
}

/// How to run.
#[derive(Debug, Clone)]
pub struct Options {
    pub data_dir: PathBuf,
    /// Report what would be added; write nothing (no article, no state).
    pub dry_run: bool,
    pub fetch: FetchConfig,
}

/// An article added (or, in a dry run, that would be).
#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    pub id: String,
    pub path: PathBuf,
    pub title: String,
    pub outlet: String,
    pub published: NaiveDate,
    pub url: String,
    /// Why it counts as a report of an exchange.
    pub topic: topic::Topic,
}

/// A URL that added nothing, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub url: String,
    pub reason: Reason,
}

/// Why a URL added nothing.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Reason {
    /// Not a URL powbot can fetch.
    BadUrl(String),
    Fetch(FetchError),
    /// A feed that answered `304 Not Modified`.
    FeedUnchanged,
    /// The feed's include/exclude keywords.
    Filtered(String),
    NotAFeed(String),
    NoArticle(String),
    /// Less text than a report (a paywall, a teaser).
    TooShort {
        words: usize,
        paywall: bool,
    },
    NoDate,
    NotAboutExchanges,
    /// The URL (or the page's canonical URL) was read before.
    Known(String),
    /// The same story as an article already held.
    SameStory {
        id: String,
        overlap: f64,
        noted: bool,
    },
    /// The text would not load as an article (a bug; said rather than written).
    Invalid(String),
    Write(String),
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::BadUrl(why) => write!(f, "not a URL powbot can fetch: {why}"),
            Reason::Fetch(e) => write!(f, "fetch failed: {e}"),
            Reason::FeedUnchanged => write!(f, "feed unchanged since the last run (304 Not Modified)"),
            Reason::Filtered(why) => write!(f, "left out: {why}"),
            Reason::NotAFeed(why) => write!(f, "{why}"),
            Reason::NoArticle(why) => write!(f, "{why}"),
            Reason::TooShort { words, paywall: true } => {
                write!(f, "behind a paywall: only {words} words of article text")
            }
            Reason::TooShort { words, paywall: false } => {
                write!(
                    f,
                    "too little article text ({words} words, fewer than {}): a stub or an index page",
                    page::MIN_WORDS
                )
            }
            Reason::NoDate => write!(f, "no publication date on the page (nor in a feed)"),
            Reason::NotAboutExchanges => {
                write!(
                    f,
                    "not about prisoner exchanges (the engine reads no exchange from it, and the topic test fails)"
                )
            }
            Reason::Known(what) => write!(f, "seen before: {what}"),
            Reason::SameStory { id, overlap, noted } => {
                write!(f, "the same story as {id} ({:.0}% of the text in common)", overlap * 100.0)?;
                if *noted {
                    write!(f, "; this URL is noted in it (also_at)")
                } else {
                    write!(f, "; {id} is not a file powbot wrote (or a curator changed it), so it is left as it is")
                }
            }
            Reason::Invalid(why) => write!(f, "the article would not load: {why}"),
            Reason::Write(why) => write!(f, "could not write the article: {why}"),
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub added: Vec<Added>,
    pub skipped: Vec<Skipped>,
    /// `.part` files of an interrupted earlier run that were removed.
    pub leftovers_removed: usize,
}

/// A run could not be made at all.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("data directory {0} has no articles/ folder (expected {0}/articles/*.md)")]
    NoArticlesDir(PathBuf),
    #[error(transparent)]
    Corpus(CorpusError),
    #[error(transparent)]
    State(#[from] StateError),
    #[error("cannot start the HTTP client: {0}")]
    Client(FetchError),
    #[error("cannot start a runtime for the fetches: {0}")]
    Runtime(std::io::Error),
}

/// An article held, for de-duplication.
struct Held {
    id: String,
    shingles: Shingles,
}

/// One run over `sources`.
pub async fn run(sources: &[Source], options: &Options) -> Result<Report, IngestError> {
    let articles_dir = options.data_dir.join("articles");
    if !articles_dir.is_dir() {
        return Err(IngestError::NoArticlesDir(options.data_dir.clone()));
    }
    let corpus = match Corpus::load(&options.data_dir) {
        Ok((corpus, _skipped)) => corpus,
        Err(CorpusError::Empty(_)) => Corpus::default(),
        Err(e) => return Err(IngestError::Corpus(e)),
    };
    let state = State::load(&options.data_dir)?;
    let mut run = Run {
        options,
        articles_dir: articles_dir.clone(),
        fetcher: Fetcher::new(options.fetch.clone()).map_err(IngestError::Client)?,
        held: corpus.articles.iter().map(|a| Held { id: a.id.clone(), shingles: Shingles::of(&a.body) }).collect(),
        ids: corpus.articles.iter().map(|a| a.id.clone()).collect(),
        corpus_urls: corpus
            .articles
            .iter()
            .filter_map(|a| dedup::text_key(&a.url).map(|k| (k, a.id.clone())))
            .collect(),
        state,
        report: Report::default(),
    };
    if !options.dry_run {
        run.report.leftovers_removed = write::remove_leftovers(&articles_dir);
    }
    for source in sources {
        match source {
            Source::Url(url) => run.url(url).await,
            Source::Feed(spec) => run.feed_url(spec).await,
        }
    }
    if !options.dry_run {
        run.state.save(&options.data_dir)?;
    }
    Ok(run.report)
}

struct Run<'a> {
    options: &'a Options,
    articles_dir: PathBuf,
    fetcher: Fetcher,
    held: Vec<Held>,
    /// Ids in use (files on disk and those added this run).
    ids: Vec<String>,
    /// URL key → id, of the corpus's `url` fields.
    corpus_urls: Vec<(String, String)>,
    state: State,
    report: Report,
}

impl Run<'_> {
    fn skip(&mut self, url: &str, reason: Reason) {
        tracing::info!(%url, %reason, "skipped");
        self.report.skipped.push(Skipped { url: url.to_string(), reason });
    }

    /// What was made of a URL before, if anything.
    fn known(&self, url: &Url) -> Option<String> {
        let key = dedup::url_key(url);
        if let Some((_, id)) = self.corpus_urls.iter().find(|(k, _)| *k == key) {
            return Some(format!("already in the corpus as {id}"));
        }
        self.state.seen.get(&key).cloned()
    }

    fn remember(&mut self, url: &Url, what: String) {
        self.state.seen.insert(dedup::url_key(url), what);
    }

    /// A URL on the command line: a feed or a page.
    async fn url(&mut self, text: &str) {
        let url = match parse_url(text) {
            Ok(url) => url,
            Err(why) => return self.skip(text, Reason::BadUrl(why)),
        };
        if let Some(what) = self.known(&url) {
            return self.skip(text, Reason::Known(what));
        }
        let validators = self.state.validators.get(url.as_str()).cloned();
        let fetched = match self.fetcher.get(&url, validators.as_ref()).await {
            Ok(Outcome::Fetched(f)) => f,
            Ok(Outcome::NotModified) => return self.skip(text, Reason::FeedUnchanged),
            Err(e) => return self.skip(text, Reason::Fetch(e)),
        };
        if feed::looks_like_feed(fetched.content_type.as_deref(), &fetched.bytes) {
            let spec = FeedSpec { url: text.to_string(), include: Vec::new(), exclude: Vec::new() };
            self.feed(&spec, &url, fetched).await;
        } else {
            self.page(text, fetched, None).await;
        }
    }

    /// A feed of `feeds.toml`.
    async fn feed_url(&mut self, spec: &FeedSpec) {
        let url = match parse_url(&spec.url) {
            Ok(url) => url,
            Err(why) => return self.skip(&spec.url, Reason::BadUrl(why)),
        };
        let validators = self.state.validators.get(url.as_str()).cloned();
        match self.fetcher.get(&url, validators.as_ref()).await {
            Ok(Outcome::Fetched(fetched)) => self.feed(spec, &url, fetched).await,
            Ok(Outcome::NotModified) => self.skip(&spec.url, Reason::FeedUnchanged),
            Err(e) => self.skip(&spec.url, Reason::Fetch(e)),
        }
    }

    async fn feed(&mut self, spec: &FeedSpec, url: &Url, fetched: fetch::Fetched) {
        let items = match feed::items(&fetched.bytes, &fetched.url) {
            Ok(items) => items,
            Err(why) => return self.skip(&spec.url, Reason::NotAFeed(why)),
        };
        // Remembered only once the feed was read: a feed that failed is fetched whole next time.
        if !fetched.validators.is_empty() {
            self.state.validators.insert(url.to_string(), fetched.validators.clone());
        }
        tracing::info!(feed = %spec.url, items = items.len(), "reading a feed");
        for item in items {
            if let Some(why) = feed::filtered_out(spec, &item) {
                self.skip(item.url.as_str(), Reason::Filtered(why));
                continue;
            }
            if let Some(what) = self.known(&item.url) {
                self.skip(item.url.as_str(), Reason::Known(what));
                continue;
            }
            match self.fetcher.get(&item.url, None).await {
                Ok(Outcome::Fetched(page)) => self.page(item.url.as_str(), page, item.published).await,
                Ok(Outcome::NotModified) => self.skip(item.url.as_str(), Reason::Fetch(FetchError::Status(304))),
                Err(e) => self.skip(item.url.as_str(), Reason::Fetch(e)),
            }
        }
    }

    /// A fetched page, `feed_day` the date its feed gave it.
    async fn page(&mut self, asked: &str, fetched: fetch::Fetched, feed_day: Option<NaiveDate>) {
        let html = fetch::decode(&fetched.bytes, fetched.content_type.as_deref());
        let page = match page::read(&html, &fetched.url) {
            Ok(page) => page,
            Err(why) => return self.skip(asked, Reason::NoArticle(why)),
        };
        // The page's own URL for itself, when it gives one on the same site.
        let canonical = page.canonical.clone().filter(|c| c.host_str() == fetched.url.host_str());
        let url = canonical.unwrap_or_else(|| fetched.url.clone());
        if url != fetched.url
            && let Some(what) = self.known(&url)
        {
            return self.skip(asked, Reason::Known(what));
        }
        let words = page.words();
        if words < page::MIN_WORDS {
            return self.skip(asked, Reason::TooShort { words, paywall: page.paywall });
        }
        let Some(published) = page.published.or(feed_day) else { return self.skip(asked, Reason::NoDate) };
        let outlet = page.outlet.clone().unwrap_or_else(|| url.host_str().unwrap_or("unknown").to_string());
        // An outlet written in another script gives no ASCII id; its site's name does.
        let named = if outlet.chars().any(|c| c.is_ascii_alphanumeric()) {
            outlet.clone()
        } else {
            url.host_str().unwrap_or("").trim_start_matches("www.").to_string()
        };
        let id = write::new_id(&named, published, &page.title, |id| {
            self.ids.iter().any(|x| x == id) || self.articles_dir.join(format!("{id}.md")).exists()
        });
        let draft = Draft {
            id: id.clone(),
            title: page.title.clone(),
            outlet: outlet.clone(),
            url: url.to_string(),
            published,
            also: Vec::new(),
            paragraphs: page.paragraphs.clone(),
        };
        let text = draft.render();
        let path = self.articles_dir.join(format!("{id}.md"));
        let article = match crate::corpus::parse_as_corpus(&path, &text) {
            Ok(article) => article,
            Err(e) => return self.skip(asked, Reason::Invalid(e.to_string())),
        };
        let Some(topic) = topic::about_exchanges(&article) else {
            self.remember(&url, "not about prisoner exchanges".into());
            return self.skip(asked, Reason::NotAboutExchanges);
        };
        let shingles = Shingles::of(&article.body);
        let same = self
            .held
            .iter()
            .map(|h| (h, h.shingles.overlap(&shingles)))
            .filter(|(_, overlap)| *overlap >= dedup::SAME_STORY)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(h, overlap)| (h.id.clone(), overlap));
        if let Some((id, overlap)) = same {
            let noted = self.note_other_url(&id, &url);
            self.remember(&url, format!("the same story as {id}"));
            return self.skip(asked, Reason::SameStory { id, overlap, noted });
        }
        if !self.options.dry_run {
            if let Err(e) = write::atomically(&path, &text) {
                return self.skip(asked, Reason::Write(format!("{}: {e}", path.display())));
            }
            self.state.written.insert(id.clone(), Written { hash: write::hash(&text), also: Vec::new() });
        }
        self.remember(&url, format!("added as {id}"));
        if url != fetched.url {
            self.remember(&fetched.url, format!("added as {id}"));
        }
        self.ids.push(id.clone());
        self.held.push(Held { id: id.clone(), shingles });
        tracing::info!(%id, %url, "added");
        self.report.added.push(Added { id, path, title: page.title, outlet, published, url: url.to_string(), topic });
    }

    /// Notes `url` in article `id`'s `also_at`, if powbot wrote that file and nobody changed it
    /// since; says whether it did.
    fn note_other_url(&mut self, id: &str, url: &Url) -> bool {
        let Some(written) = self.state.written.get(id).cloned() else { return false };
        let path = self.articles_dir.join(format!("{id}.md"));
        let Ok(text) = std::fs::read_to_string(&path) else { return false };
        if write::hash(&text) != written.hash {
            return false;
        }
        let Ok(article) = crate::corpus::parse(&path, &text) else { return false };
        let mut also = written.also.clone();
        if !also.iter().any(|u| u == url.as_str()) {
            also.push(url.to_string());
        }
        let updated = Draft::of(&article, also.clone()).render();
        if self.options.dry_run {
            return true;
        }
        if write::atomically(&path, &updated).is_err() {
            return false;
        }
        self.state.written.insert(id.to_string(), Written { hash: write::hash(&updated), also });
        true
    }
}

/// A URL from the command line or a feed list.
fn parse_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text.trim()).map_err(|e| format!("{text:?}: {e}"))?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(format!("{text:?} is a {other}: URL, not http(s)")),
    }
}

/// What `/ingest` made of one link: the articles it added, or why it added none.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// One article for a page; a feed's link may add several.
    Added(Vec<Added>),
    NotAdded(NotAdded),
}

/// Why a link added nothing, in the few kinds a moderator needs told apart; each carries the
/// detail of the ingest report.
#[derive(Debug, Clone, PartialEq)]
pub enum NotAdded {
    NotAboutExchanges,
    /// A URL read before, or the same story as an article held: what it duplicates.
    Duplicate(String),
    /// The page could not be fetched (404, a timeout, robots.txt).
    FetchFailed(String),
    /// Anything else (no date, a paywall, not an article).
    Other(String),
}

impl Report {
    /// The report of a run over one link, as [`Link`].
    pub fn link(&self) -> Link {
        if !self.added.is_empty() {
            return Link::Added(self.added.clone());
        }
        let Some(first) = self.skipped.first() else {
            return Link::NotAdded(NotAdded::Other("the link gave nothing to read".into()));
        };
        Link::NotAdded(match &first.reason {
            Reason::NotAboutExchanges => NotAdded::NotAboutExchanges,
            Reason::Known(what) => NotAdded::Duplicate(what.clone()),
            Reason::SameStory { id, .. } => NotAdded::Duplicate(format!("the same story as {id}")),
            Reason::Fetch(e) => NotAdded::FetchFailed(e.to_string()),
            other => NotAdded::Other(other.to_string()),
        })
    }
}

/// Ingests one link, as a moderator's `/ingest` asks. Blocking (network I/O with the fetcher's
/// timeouts, then disk): call it off the async executor. It runs on a runtime of its own, so
/// that it needs none from its caller.
pub fn link(url: &str, options: &Options) -> Result<Link, IngestError> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(IngestError::Runtime)?;
    let report = runtime.block_on(run(&[Source::Url(url.to_string())], options))?;
    Ok(report.link())
}
