//! The facts of each article, kept on disk beside the index so that a start re-reads only
//! the articles that changed.
//!
//! Layout (`corpus::line_cache`, which also keeps the spans cache): `INDEX_DIR/facts/<extractor>.facts`,
//! one file per extractor version, beside the per-corpus index directories rather than
//! inside one. An index directory belongs to one exact corpus and is rebuilt whenever any
//! article changes, but most articles' facts survive that: keyed by each article's own
//! content, the cache carries them over. One line per article, its `ArticleFacts` as JSON.
//!
//! - **Key**: everything of an article that reading looks at: id, title, outlet, url,
//!   publication day and the body's key (`Article::body_key`). An edit is a new key.
//! - **Extractor version** (`EXTRACTOR`): a hash of the sources that decide what an
//!   article's facts are, made by `build.rs`, so a rule change can never be served stale
//!   facts by a cache someone forgot to invalidate. Another version's file is never read.
//! - **Damage, writes**: as `LineCache` does them. A line that fails its checksum, or JSON
//!   that does not parse or names another article, is a miss, and that article is read
//!   again; nothing here ever stops a start.
//! - **Format**: JSON. The fact types keep their public JSON shape (`powbot facts`,
//!   `ask --json`), whose untagged and internally tagged enums the compact binary formats
//!   (bincode, postcard) cannot read back; and a line is parsed only when its article is
//!   asked for, which keeps a warm start's parsing to the corpus at hand.
//!
//! The API is per article: `key_of` names an article's content, `get` and `put` read and
//! store its facts under that key, and `facts_for` is the two around a fresh read; `save`
//! writes what this run used and added. A start goes through `facts_for` for every article;
//! a live reload does the same for the files that changed and keeps the cache for the next
//! one. All of it may be called from many threads at once (extraction runs on every core).

use std::path::Path;

use super::read::ArticleFacts;
use crate::corpus::Article;
use crate::corpus::key;
use crate::corpus::line_cache::{Kind, LineCache};

/// The extractor's version: a hash of its sources, computed by `build.rs`.
pub const EXTRACTOR: &str = env!("POWBOT_EXTRACTOR");

/// Three versions' files are kept: a rollback finds its cache still there.
const KIND: Kind = Kind { name: "facts", header: "powbot-facts", version: EXTRACTOR, keep: 3 };

/// An article's content key (`key_of`).
pub use crate::corpus::key::Key;
/// What one start did with the cache: `hits` articles' facts read from the file, `misses`
/// read anew (new, edited, damaged or a first start), `damaged` entries found damaged.
pub use crate::corpus::line_cache::CacheStats;

/// Per-article facts by content, loaded from and saved to `INDEX_DIR/facts/`.
#[derive(Debug)]
pub struct FactsCache {
    lines: LineCache,
}

impl FactsCache {
    /// The cache under `index_dir`, empty when there is none yet or it cannot be read.
    pub fn load(index_dir: &Path) -> FactsCache {
        FactsCache { lines: LineCache::load(index_dir, KIND) }
    }

    /// A cache that starts empty and is never saved.
    pub fn in_memory() -> FactsCache {
        FactsCache { lines: LineCache::in_memory(KIND) }
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
        self.lines.get(key, id, |json| serde_json::from_str::<ArticleFacts>(json).ok().filter(|f| f.article == id))
    }

    /// Stores the facts read from the article whose content is `key`, for `save`.
    pub fn put(&self, key: Key, facts: &ArticleFacts) {
        match serde_json::to_string(facts) {
            Ok(json) => self.lines.put(key, &json),
            Err(error) => tracing::warn!(article = %facts.article, %error, "facts not cacheable"),
        }
    }

    pub fn stats(&self) -> CacheStats {
        self.lines.stats()
    }

    /// Writes the cache if this run added to it or left entries unused (see
    /// `LineCache::save`).
    pub fn save(&self) -> std::io::Result<()> {
        self.lines.save()
    }
}

/// The content key of an article: everything reading it looks at.
pub fn key_of(a: &Article) -> Key {
    let published = a.published.to_string();
    key::of(&[
        a.id.as_bytes(),
        a.title.as_bytes(),
        a.outlet.as_bytes(),
        a.url.as_bytes(),
        published.as_bytes(),
        a.body_key(),
    ])
}
