//! The facts of each article, kept on disk beside the index so that a start re-reads only
//! the articles that changed.
//!
//! Layout: `INDEX_DIR/facts/<extractor>.facts`, one file per extractor version, beside the
//! per-corpus index directories rather than inside one. An index directory belongs to one
//! exact corpus and is rebuilt whenever any article changes, but most articles' facts
//! survive that: keyed by each article's own content, the cache carries them over. The
//! file holds a header line, then one line per article:
//!
//! ```text
//! powbot-facts <TAB> <extractor>
//! <content key, 32 hex> <TAB> <checksum of the JSON, 16 hex> <TAB> <ArticleFacts as JSON>
//! ```
//!
//! - **Key**: SHA-256 (truncated to 128 bits) of everything of an article that reading
//!   looks at: id, title, outlet, url, publication day and body. An edit is a new key.
//! - **Extractor version** (`EXTRACTOR`): a hash of the sources that decide what an
//!   article's facts are, made by `build.rs`, so a rule change can never be served stale
//!   facts by a cache someone forgot to invalidate. Another version's file is never read.
//! - **Damage** costs what it touches: a line that fails its checksum or does not parse is a
//!   miss (logged) and that article is read again; a file with the wrong header is ignored
//!   whole. Nothing here ever stops a start.
//! - **Writes** go to a temporary file renamed over the old one, so a reader sees the old
//!   file or the new one, never half of either; two instances saving at once lose only the
//!   other's additions, which the next start re-extracts.
//! - **Format**: JSON lines. The fact types keep their public JSON shape (`powbot facts`,
//!   `ask --json`), whose untagged and internally tagged enums the compact binary formats
//!   (bincode, postcard) cannot read back; and a line is parsed only when its article is
//!   asked for, which keeps a warm start's parsing to the corpus at hand.
//!
//! The API is per article: `key_of` names an article's content, `get` and `put` read and
//! store its facts under that key, and `facts_for` is the two around a fresh read; `save`
//! writes what this run used and added. A start goes through `facts_for` for every article;
//! a live reload does the same for the files that changed and keeps the cache for the next
//! one. All of it may be called from many threads at once (extraction runs on every core).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use super::read::ArticleFacts;
use crate::corpus::Article;
use crate::corpus::key::{self, checksum, hex};

/// The extractor's version: a hash of its sources, computed by `build.rs`.
pub const EXTRACTOR: &str = env!("POWBOT_EXTRACTOR");

/// The folder under the index directory.
const DIR: &str = "facts";
const HEADER: &str = "powbot-facts";
/// How many extractor versions' files are kept (the newest by last write): a rollback
/// finds its cache still there.
const KEEP: usize = 3;

/// An article's content key (`key_of`).
pub use crate::corpus::key::Key;

/// What one start did with the cache, for logs and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Articles whose facts were read from the file.
    pub hits: usize,
    /// Articles read anew: new, edited, or first start.
    pub misses: usize,
    /// Entries found damaged (and read anew).
    pub damaged: usize,
}

/// Per-article facts by content, loaded from and saved to `INDEX_DIR/facts/`.
#[derive(Debug)]
pub struct FactsCache {
    /// `None`: not on disk (no directory could be used).
    file: Option<PathBuf>,
    /// The file as loaded; `loaded` points into it.
    text: String,
    loaded: HashMap<Key, Range<usize>>,
    /// Facts read this run, as JSON lines ready to save.
    fresh: Mutex<HashMap<Key, String>>,
    /// Keys asked for this run: the entries worth keeping.
    used: Mutex<HashSet<Key>>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    damaged: AtomicUsize,
}

impl FactsCache {
    /// The cache under `index_dir`, empty when there is none yet or it cannot be read.
    pub fn load(index_dir: &Path) -> FactsCache {
        let file = index_dir.join(DIR).join(format!("{EXTRACTOR}.facts"));
        let mut cache = FactsCache::empty(Some(file.clone()));
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return cache,
            Err(error) => {
                tracing::warn!(file = %file.display(), %error, "facts cache unreadable; reading every article");
                return cache;
            }
        };
        let Some(header_end) = text.find('\n') else { return cache };
        if text[..header_end] != format!("{HEADER}\t{EXTRACTOR}") {
            tracing::warn!(file = %file.display(), "facts cache has a wrong header; reading every article");
            return cache;
        }
        let mut offset = header_end + 1;
        let mut damaged = 0;
        for line in text[offset..].split_inclusive('\n') {
            let span = offset..offset + line.len();
            offset += line.len();
            match line.split_once('\t').and_then(|(key, _)| key::parse(key)) {
                Some(key) if line.ends_with('\n') => {
                    cache.loaded.insert(key, span);
                }
                _ => damaged += 1,
            }
        }
        if damaged > 0 {
            tracing::warn!(file = %file.display(), lines = damaged, "facts cache has damaged lines; their articles are read anew");
        }
        cache.damaged = AtomicUsize::new(damaged);
        cache.text = text;
        cache
    }

    /// A cache that starts empty and is never saved.
    pub fn in_memory() -> FactsCache {
        FactsCache::empty(None)
    }

    fn empty(file: Option<PathBuf>) -> FactsCache {
        FactsCache {
            file,
            text: String::new(),
            loaded: HashMap::new(),
            fresh: Mutex::new(HashMap::new()),
            used: Mutex::new(HashSet::new()),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            damaged: AtomicUsize::new(0),
        }
    }

    /// The facts of `article`: from the cache when its content was read before by this
    /// extractor, else read now (and stored for `save`).
    pub fn facts_for(&self, article: &Article) -> ArticleFacts {
        let key = key_of(article);
        if let Some(facts) = self.get(&key, &article.id) {
            return facts;
        }
        match super::read_checked(article) {
            Some(facts) => {
                self.put(key, &facts);
                facts
            }
            // Not stored: the failure is logged again at the next start, until it is fixed.
            None => super::unreadable(article),
        }
    }

    /// The facts stored under `key` for the article `id`, counted as a hit; `None` (a miss)
    /// when there are none or they are damaged. Either way the entry is kept by `save`.
    pub fn get(&self, key: &Key, id: &str) -> Option<ArticleFacts> {
        lock(&self.used).insert(*key);
        let facts = self.cached(key, id);
        let counter = if facts.is_some() { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
        facts
    }

    /// Stores the facts read from the article whose content is `key`, for `save`.
    pub fn put(&self, key: Key, facts: &ArticleFacts) {
        lock(&self.used).insert(key);
        match serde_json::to_string(facts) {
            Ok(json) => {
                lock(&self.fresh).insert(key, line(&key, &json));
            }
            Err(error) => tracing::warn!(article = %facts.article, %error, "facts not cacheable"),
        }
    }

    fn cached(&self, key: &Key, id: &str) -> Option<ArticleFacts> {
        if let Some(line) = lock(&self.fresh).get(key) {
            // Stored this run: it parses, having just been written.
            let json = line.trim_end_matches('\n').splitn(3, '\t').nth(2)?;
            return serde_json::from_str::<ArticleFacts>(json).ok().filter(|f| f.article == id);
        }
        let span = self.loaded.get(key)?;
        let line = self.text[span.clone()].trim_end_matches('\n');
        let mut fields = line.splitn(3, '\t');
        let (_, sum, json) = (fields.next()?, fields.next()?, fields.next()?);
        let facts = (sum == checksum(json))
            .then(|| serde_json::from_str::<ArticleFacts>(json).ok())
            .flatten()
            .filter(|f| f.article == id);
        if facts.is_none() {
            self.damaged.fetch_add(1, Ordering::Relaxed);
            tracing::warn!(article = %id, "facts cache entry damaged; reading the article anew");
        }
        facts
    }

    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            damaged: self.damaged.load(Ordering::Relaxed),
        }
    }

    /// Writes the cache if this run added to it or left entries unused: the entries asked
    /// for, plus as many unused ones (another corpus sharing the directory) as there are
    /// used ones at most. Atomic: a temporary file renamed into place.
    pub fn save(&self) -> std::io::Result<()> {
        let Some(file) = &self.file else { return Ok(()) };
        let fresh = lock(&self.fresh);
        let used = lock(&self.used);
        let damaged = self.damaged.load(Ordering::Relaxed);
        if fresh.is_empty() && damaged == 0 && self.loaded.len() <= used.len() * 2 {
            return Ok(());
        }
        let dir = file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut out = String::with_capacity(self.text.len() + fresh.values().map(String::len).sum::<usize>());
        let _ = writeln!(out, "{HEADER}\t{EXTRACTOR}");
        let mut kept_unused = 0;
        for (key, span) in &self.loaded {
            let keep = if fresh.contains_key(key) {
                false
            } else if used.contains(key) {
                true
            } else {
                kept_unused += 1;
                kept_unused <= used.len()
            };
            if keep {
                out.push_str(&self.text[span.clone()]);
            }
        }
        for line in fresh.values() {
            out.push_str(line);
        }
        let tmp = dir.join(format!(".tmp-{}-{}", std::process::id(), nanos()));
        let written = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(out.as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, file)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written?;
        clean(dir, file);
        Ok(())
    }
}

/// Removes other extractor versions' files beyond the `KEEP` newest, and temporary files
/// of saves that died.
fn clean(dir: &Path, current: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let now = SystemTime::now();
    let mut versions: Vec<(SystemTime, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let modified = entry.metadata().and_then(|m| m.modified()).unwrap_or(SystemTime::UNIX_EPOCH);
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".tmp-") {
            if now.duration_since(modified).unwrap_or_default() > Duration::from_secs(3600) {
                let _ = std::fs::remove_file(&path);
            }
        } else if name.ends_with(".facts") && path != current {
            versions.push((modified, path));
        }
    }
    versions.sort_by_key(|v| std::cmp::Reverse(v.0));
    for (_, path) in versions.into_iter().skip(KEEP - 1) {
        let _ = std::fs::remove_file(path);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A thread that panicked while holding it left a map that is still whole.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn nanos() -> u128 {
    SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// The content key of an article: everything reading it looks at.
pub fn key_of(a: &Article) -> Key {
    key::of(&[a.id.as_str(), &a.title, &a.outlet, &a.url, &a.published.to_string(), &a.body])
}

fn line(key: &Key, json: &str) -> String {
    format!("{}\t{}\t{json}\n", hex(key), checksum(json))
}
