//! One cache file of one line per content key, kept beside the index: the format, loading,
//! lookups and the atomic save that `corpus::spans` (each body's paragraph and sentence
//! spans) and `facts::cache` (each article's facts) share. Each of them only encodes and
//! decodes its own payload.
//!
//! - **File**: `INDEX_DIR/<name>/<version>.<name>`: a header line `<header> TAB <version>`,
//!   then one line per entry, `<key, 32 hex> TAB <checksum, 16 hex> TAB <payload>`. The
//!   payload is whatever its user encodes, on one line.
//! - **Version**: the code that computes the entries (`POWBOT_EXTRACTOR`, a hash `build.rs`
//!   takes of their sources). Another version's file is never read: a rule change is never
//!   served what the old rules computed.
//! - **Damage** costs what it touches: a line whose key does not parse, whose checksum fails,
//!   or whose payload its user cannot decode is a miss, counted as damaged and logged, and its
//!   entry is computed anew; a file with a wrong header is ignored whole. Nothing here stops a
//!   start.
//! - **Writes** go to a temporary file renamed over the old one, so a reader sees the old
//!   file or the new one, never half of either; two instances saving at once lose only the
//!   other's additions, which the next start computes again.
//!
//! Payloads are decoded only when asked for (`get`), so a start decodes what its corpus needs
//! and nothing else. Every method may be called from many threads at once.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use super::key::{self, Key};

/// What a cache file holds and how it is told apart from others.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// The folder under the index directory, and the files' extension ("spans", "facts").
    pub name: &'static str,
    /// The first field of the header line.
    pub header: &'static str,
    /// The version of the code that computes the entries: the file's name.
    pub version: &'static str,
    /// How many versions' files are kept, this one included (the newest by last write): a
    /// rollback may find its cache still there.
    pub keep: usize,
}

/// What one run did with a cache, for logs and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Entries found and decoded.
    pub hits: usize,
    /// Entries computed anew: new, edited, damaged, or a first start.
    pub misses: usize,
    /// Entries or lines found damaged (their entries are computed anew).
    pub damaged: usize,
}

/// The entries of one cache file, loaded, looked up by key and saved.
#[derive(Debug)]
pub struct LineCache {
    kind: Kind,
    /// `None`: not on disk (an in-memory cache, never saved).
    file: Option<PathBuf>,
    /// The file as loaded; `loaded` points into it, so loading copies no payload.
    text: String,
    loaded: HashMap<Key, Range<usize>>,
    /// Lines computed this run, ready to save.
    fresh: Mutex<HashMap<Key, String>>,
    /// Keys asked for this run: the entries worth keeping.
    used: Mutex<HashSet<Key>>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    damaged: AtomicUsize,
}

impl LineCache {
    /// The cache of `kind` under `index_dir`; empty when there is none yet or it cannot be read.
    pub fn load(index_dir: &Path, kind: Kind) -> LineCache {
        let file = index_dir.join(kind.name).join(format!("{}.{}", kind.version, kind.name));
        let mut cache = LineCache::empty(kind, Some(file.clone()));
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return cache,
            Err(error) => {
                tracing::warn!(cache = kind.name, file = %file.display(), %error, "cache unreadable; computing every entry");
                return cache;
            }
        };
        let Some(header_end) = text.find('\n') else { return cache };
        if text[..header_end] != format!("{}\t{}", kind.header, kind.version) {
            tracing::warn!(cache = kind.name, file = %file.display(), "cache has a wrong header; computing every entry");
            return cache;
        }
        let mut offset = header_end + 1;
        let mut damaged = 0;
        for line in text[offset..].split_inclusive('\n') {
            let span = offset..offset + line.len();
            offset += line.len();
            match line.split_once('\t').and_then(|(k, _)| key::parse(k)) {
                Some(key) if line.ends_with('\n') => {
                    cache.loaded.insert(key, span);
                }
                _ => damaged += 1,
            }
        }
        if damaged > 0 {
            tracing::warn!(cache = kind.name, file = %file.display(), lines = damaged, "cache has damaged lines; their entries are computed anew");
        }
        cache.damaged = AtomicUsize::new(damaged);
        cache.text = text;
        cache
    }

    /// A cache of `kind` that starts empty and is never saved.
    pub fn in_memory(kind: Kind) -> LineCache {
        LineCache::empty(kind, None)
    }

    fn empty(kind: Kind, file: Option<PathBuf>) -> LineCache {
        LineCache {
            kind,
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

    /// The entry under `key`, decoded by `decode`: a hit, or `None` (a miss) when there is
    /// none or it is damaged (`what` names it in the log). Either way `save` keeps the key.
    pub fn get<T>(&self, key: &Key, what: &str, decode: impl FnOnce(&str) -> Option<T>) -> Option<T> {
        lock(&self.used).insert(*key);
        let found = if let Some(payload) = self.fresh_payload(key) {
            // Stored this run: it decodes, having just been encoded.
            decode(&payload)
        } else if let Some(payload) = self.loaded_payload(key) {
            let decoded = payload.and_then(decode);
            if decoded.is_none() {
                self.damaged.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(cache = self.kind.name, entry = what, "cache entry damaged; computed anew");
            }
            decoded
        } else {
            None
        };
        let counter = if found.is_some() { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// The payload of an entry stored this run.
    fn fresh_payload(&self, key: &Key) -> Option<String> {
        let fresh = lock(&self.fresh);
        let line = fresh.get(key)?;
        line.trim_end_matches('\n').splitn(3, '\t').nth(2).map(str::to_string)
    }

    /// The loaded entry under `key`: `None` when there is none, `Some(None)` when its line is
    /// damaged, else its payload.
    fn loaded_payload(&self, key: &Key) -> Option<Option<&str>> {
        let span = self.loaded.get(key)?;
        let line = self.text[span.clone()].trim_end_matches('\n');
        let mut fields = line.splitn(3, '\t');
        let (_, sum, payload) = (fields.next(), fields.next(), fields.next());
        Some(payload.filter(|p| sum == Some(checksum(p).as_str())))
    }

    /// Stores `payload` under `key` for `save`. A payload must fit on one line: one that does
    /// not is not stored (and computed again next time).
    pub fn put(&self, key: Key, payload: &str) {
        lock(&self.used).insert(key);
        if payload.contains('\n') {
            tracing::warn!(cache = self.kind.name, "cache entry spans lines; not stored");
            return;
        }
        let line = format!("{}\t{}\t{payload}\n", key::hex(&key), checksum(payload));
        lock(&self.fresh).insert(key, line);
    }

    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            damaged: self.damaged.load(Ordering::Relaxed),
        }
    }

    /// Writes the cache if this run added to it, found damage, or left many entries unused:
    /// the entries asked for, plus as many unused ones (another corpus sharing the directory)
    /// as there are used ones at most. Atomic: a temporary file renamed into place.
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
        let _ = writeln!(out, "{}\t{}", self.kind.header, self.kind.version);
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
        self.clean(dir, file);
        Ok(())
    }

    /// Removes other versions' files beyond the `keep` newest, and temporary files of saves
    /// that died.
    fn clean(&self, dir: &Path, current: &Path) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let now = SystemTime::now();
        let extension = format!(".{}", self.kind.name);
        let mut versions: Vec<(SystemTime, PathBuf)> = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let modified = entry.metadata().and_then(|m| m.modified()).unwrap_or(SystemTime::UNIX_EPOCH);
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(".tmp-") {
                if now.duration_since(modified).unwrap_or_default() > Duration::from_secs(3600) {
                    let _ = std::fs::remove_file(&path);
                }
            } else if name.ends_with(&extension) && path != current {
                versions.push((modified, path));
            }
        }
        versions.sort_by_key(|v| std::cmp::Reverse(v.0));
        for (_, path) in versions.into_iter().skip(self.kind.keep.saturating_sub(1)) {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A thread that panicked while holding it left a map that is still whole.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn nanos() -> u128 {
    SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// A checksum of a line's payload: catches a flipped byte that would still decode.
///
/// Eight bytes at a time: byte-wise FNV-1a over every cached line was 3–4 % of a warm start
/// (the facts cache alone is tens of megabytes at 10,000 articles). Each step (xor, multiply
/// by an odd constant, rotate) is a bijection of the state, so two payloads that differ in
/// one word always differ in their sums.
pub fn checksum(text: &str) -> String {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes = text.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(K).rotate_left(29);
    }
    let mut tail = [0; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^= h >> 32;
    let mut out = String::with_capacity(16);
    let _ = write!(out, "{h:016x}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const KIND: Kind = Kind { name: "test", header: "powbot-test", version: "v1", keep: 1 };

    fn file(dir: &Path) -> PathBuf {
        dir.join("test").join("v1.test")
    }

    #[test]
    fn checksums_tell_payloads_apart() {
        assert_ne!(checksum("{\"a\":1}"), checksum("{\"a\":2}"));
        // Tails shorter than a word, and a payload that only adds zero bytes.
        assert_ne!(checksum("abcdefgh1"), checksum("abcdefgh2"));
        assert_ne!(checksum("abc"), checksum("abc\0"));
        assert_eq!(checksum("same"), checksum("same"));
    }

    #[test]
    fn a_second_run_reads_what_the_first_saved() {
        let dir = tempfile::tempdir().unwrap();
        let first = LineCache::load(dir.path(), KIND);
        let k = key::of(&[b"one"]);
        assert_eq!(first.get(&k, "one", |p| Some(p.to_string())), None);
        first.put(k, "payload one");
        // Stored this run: found again at once.
        assert_eq!(first.get(&k, "one", |p| Some(p.to_string())).as_deref(), Some("payload one"));
        assert_eq!(first.stats(), CacheStats { hits: 1, misses: 1, damaged: 0 });
        first.save().unwrap();
        let second = LineCache::load(dir.path(), KIND);
        assert_eq!(second.get(&k, "one", |p| Some(p.to_string())).as_deref(), Some("payload one"));
        assert_eq!(second.stats(), CacheStats { hits: 1, misses: 0, damaged: 0 });
    }

    #[test]
    fn damage_is_a_miss_and_is_repaired() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (key::of(&[b"a"]), key::of(&[b"b"]));
        let cache = LineCache::load(dir.path(), KIND);
        cache.put(a, "alpha");
        cache.put(b, "beta");
        cache.save().unwrap();
        let text = std::fs::read_to_string(file(dir.path())).unwrap();
        // One payload altered (its checksum fails), one line that is not an entry.
        std::fs::write(file(dir.path()), text.replace("alpha", "alphA") + "garbage\n").unwrap();
        let damaged = LineCache::load(dir.path(), KIND);
        assert_eq!(damaged.get(&a, "a", |p| Some(p.to_string())), None);
        assert_eq!(damaged.get(&b, "b", |p| Some(p.to_string())).as_deref(), Some("beta"));
        // A payload its user cannot decode is damaged too.
        assert_eq!(damaged.get(&b, "b", |_| None::<String>), None);
        assert_eq!(damaged.stats(), CacheStats { hits: 1, misses: 2, damaged: 3 });
        damaged.put(a, "alpha");
        damaged.save().unwrap();
        let repaired = LineCache::load(dir.path(), KIND);
        assert_eq!(repaired.get(&a, "a", |p| Some(p.to_string())).as_deref(), Some("alpha"));
        assert_eq!(repaired.stats().damaged, 0);
    }

    #[test]
    fn another_versions_file_is_not_read_and_is_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let k = key::of(&[b"k"]);
        let old = LineCache::load(dir.path(), Kind { version: "v0", ..KIND });
        old.put(k, "old");
        old.save().unwrap();
        let new = LineCache::load(dir.path(), KIND);
        assert_eq!(new.get(&k, "k", |p| Some(p.to_string())), None);
        new.put(k, "new");
        new.save().unwrap();
        assert!(file(dir.path()).exists());
        assert!(!dir.path().join("test").join("v0.test").exists(), "keep 1: only this version's file");
        assert!(LineCache::in_memory(KIND).save().is_ok());
    }

    #[test]
    fn a_payload_on_two_lines_is_not_stored() {
        let cache = LineCache::in_memory(KIND);
        let k = key::of(&[b"k"]);
        cache.put(k, "two\nlines");
        assert_eq!(cache.get(&k, "k", |p| Some(p.to_string())), None);
    }
}
