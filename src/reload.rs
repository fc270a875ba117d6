//! Live reload: a running bot picks up new and changed articles without a restart.
//!
//! The bot holds a [`Live`] engine: an `ArcSwap` that every request loads once, so a question
//! is answered start to end by one engine, and one that began before a swap finishes on the
//! old engine (dropped when its last request ends). [`run`] watches `DATA/articles/*.md` and
//! `DATA/exchanges.toml` (inotify through notify, debounced so a burst of writes is one
//! rebuild), optionally ingests the operator's feeds every so often, and on a change builds a
//! new engine in the background with [`Engine::open`] — the same call as at start-up — then
//! swaps it in. A rebuild that fails keeps the engine in service and logs why.
//!
//! Each rebuild reads the article files again, but extracts and indexes only what changed:
//! `Engine::open` takes unchanged articles' spans and facts from their caches and grows the
//! index from the previous one (`index::grow`). This module only ever calls `Engine::open`.
//!
//! **Architecture invariant:** the engine is never mutated; a reload replaces it whole.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use notify::{EventKind, RecursiveMode, Watcher as _};
use tokio::sync::mpsc;

use crate::engine::{Engine, EngineConfig};
use crate::ingest::{self, FetchConfig, Source};

/// The engine in service, swapped whole by a reload. Cheap to clone (one `Arc`).
#[derive(Clone)]
pub struct Live(Arc<ArcSwap<Engine>>);

impl Live {
    pub fn new(engine: Arc<Engine>) -> Live {
        Live(Arc::new(ArcSwap::new(engine)))
    }

    /// The engine to answer one request with; hold it for the whole request.
    pub fn current(&self) -> Arc<Engine> {
        self.0.load_full()
    }

    /// Puts `engine` in service; requests already running keep the one they hold.
    pub fn replace(&self, engine: Arc<Engine>) {
        self.0.store(engine);
    }
}

impl From<Arc<Engine>> for Live {
    fn from(engine: Arc<Engine>) -> Live {
        Live::new(engine)
    }
}

impl From<Engine> for Live {
    fn from(engine: Engine) -> Live {
        Live::new(Arc::new(engine))
    }
}

/// What to reload from, and when.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where the engine is built from (the same as at start-up).
    pub engine: EngineConfig,
    /// Watch the data directory for changed files.
    pub watch: bool,
    /// How long the files must be quiet before a rebuild.
    pub debounce: Duration,
    /// Ingest these feeds every `every`.
    pub feeds: Option<Feeds>,
}

/// Feed polling.
#[derive(Debug, Clone)]
pub struct Feeds {
    pub file: PathBuf,
    pub every: Duration,
    pub fetch: FetchConfig,
}

/// What a reload did, for whoever listens (the tests; the log says it all too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A new engine is in service.
    Reloaded { articles: usize, exchanges: usize },
    /// The rebuild failed; the previous engine stays in service.
    Failed(String),
}

/// Runs until the future is dropped: watches, polls, rebuilds and swaps. `events` hears of
/// every rebuild.
pub async fn run(live: Live, settings: Settings, events: Option<mpsc::UnboundedSender<Event>>) {
    let (changed, mut changes) = mpsc::unbounded_channel::<&'static str>();
    // Kept alive as long as this future: dropping it stops watching.
    let _watcher = if settings.watch { watch(&settings.engine.data_dir, changed.clone()) } else { None };
    if let Some(feeds) = settings.feeds.clone() {
        let data_dir = settings.engine.data_dir.clone();
        let changed = changed.clone();
        tokio::spawn(async move { poll(feeds, data_dir, changed).await });
    }
    drop(changed);
    while let Some(why) = changes.recv().await {
        // Debounced: rebuild once the files have been quiet for `debounce`, so that a burst of
        // writes (a curator saving several files, an ingest run) is one rebuild.
        while let Ok(Some(_)) = tokio::time::timeout(settings.debounce, changes.recv()).await {}
        let event = rebuild(&live, &settings.engine, why).await;
        if let Some(events) = &events {
            let _ = events.send(event);
        }
    }
}

/// Builds a new engine off the executor and swaps it in, or keeps the old one.
pub async fn rebuild(live: &Live, config: &EngineConfig, why: &str) -> Event {
    tracing::info!(why, "rebuilding the engine");
    let config = config.clone();
    let built = tokio::task::spawn_blocking(move || Engine::open(&config)).await;
    let engine = match built {
        Ok(Ok(engine)) => engine,
        Ok(Err(error)) => {
            tracing::error!(%error, "reload failed; still answering from the previous engine");
            return Event::Failed(error.to_string());
        }
        Err(error) => {
            tracing::error!(%error, "reload panicked; still answering from the previous engine");
            return Event::Failed(error.to_string());
        }
    };
    for skipped in engine.skipped() {
        tracing::warn!("skipped {skipped}");
    }
    for refused in engine.refused() {
        tracing::warn!("{refused}");
    }
    let event = Event::Reloaded { articles: engine.corpus().articles.len(), exchanges: engine.facts().exchanges.len() };
    live.replace(Arc::new(engine));
    tracing::info!(?event, "the new engine is in service");
    event
}

/// Watches `data_dir/articles/*.md` and `data_dir/exchanges.toml`; `None` (and an error in the
/// log) when the platform cannot watch: the bot then runs without live reload. Reads are not
/// changes: inotify reports every open, including the rebuild's own.
fn watch(data_dir: &Path, changed: mpsc::UnboundedSender<&'static str>) -> Option<notify::RecommendedWatcher> {
    let handler = move |result: notify::Result<notify::Event>| match result {
        Ok(event) => {
            if !matches!(event.kind, EventKind::Access(_)) && event.paths.iter().any(|p| relevant(p)) {
                let _ = changed.send("files changed in the data directory");
            }
        }
        Err(error) => tracing::warn!(%error, "watching the data directory"),
    };
    let mut watcher = match notify::recommended_watcher(handler) {
        Ok(w) => w,
        Err(error) => {
            tracing::error!(%error, "cannot watch the data directory; live reload is off");
            return None;
        }
    };
    for dir in [data_dir.join("articles"), data_dir.to_path_buf()] {
        if let Err(error) = watcher.watch(&dir, RecursiveMode::NonRecursive) {
            tracing::error!(%error, dir = %dir.display(), "cannot watch; live reload is off");
            return None;
        }
    }
    tracing::info!(dir = %data_dir.display(), "watching for new and changed articles");
    Some(watcher)
}

/// The files an engine is built from: `*.md` (not hidden: ingest's `.part` files are) and
/// `exchanges.toml`.
fn relevant(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    (name.ends_with(".md") && !name.starts_with('.')) || name == "exchanges.toml"
}

/// Ingests the feeds every so often; a run that added articles asks for a rebuild (the watcher
/// would see them too, but it may be off).
async fn poll(feeds: Feeds, data_dir: PathBuf, changed: mpsc::UnboundedSender<&'static str>) {
    let mut ticks = tokio::time::interval(feeds.every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let sources = match ingest::load_feeds(&feeds.file) {
            Ok(list) => list.into_iter().map(Source::Feed).collect::<Vec<_>>(),
            Err(error) => {
                tracing::error!(%error, "feed polling: the feeds file cannot be used; trying again next time");
                continue;
            }
        };
        let options = ingest::Options { data_dir: data_dir.clone(), dry_run: false, fetch: feeds.fetch.clone() };
        match ingest::run(&sources, &options).await {
            Ok(report) => {
                tracing::info!(added = report.added.len(), skipped = report.skipped.len(), "feeds polled");
                for added in &report.added {
                    tracing::info!(id = %added.id, url = %added.url, "ingested");
                }
                if !report.added.is_empty() && changed.send("feeds brought new articles").is_err() {
                    return;
                }
            }
            Err(error) => tracing::error!(%error, "feed polling failed; trying again next time"),
        }
    }
}

/// Reads a period like `30m`, `2h`, `90s` or `1d`.
pub fn parse_every(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number.parse().map_err(|_| format!("{text:?} is not a period like 30m, 2h or 90s"))?;
    let secs = match unit.trim() {
        "s" => n,
        "m" | "" => n * 60,
        "h" => n * 3600,
        "d" => n * 86_400,
        other => return Err(format!("{other:?} in {text:?} is not a unit (s, m, h or d)")),
    };
    if secs < 10 {
        return Err(format!("{text:?} is too often; poll at most every 10 seconds"));
    }
    Ok(Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(parse_every("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(parse_every("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse_every("90s"), Ok(Duration::from_secs(90)));
        assert!(parse_every("5s").is_err());
        assert!(parse_every("soon").is_err());
        assert!(parse_every("3w").is_err());
    }

    #[test]
    fn only_the_files_an_engine_reads() {
        assert!(relevant(Path::new("data/articles/a.md")));
        assert!(relevant(Path::new("data/exchanges.toml")));
        assert!(!relevant(Path::new("data/articles/.a.md.part")));
        assert!(!relevant(Path::new("data/ingest-state.json")));
    }
}
