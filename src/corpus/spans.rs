//! Each article's paragraph and sentence spans, kept on disk beside the index so that a start
//! does not split unchanged articles again.
//!
//! Splitting a body into content paragraphs and sentences (page furniture classified line by
//! line, then `text::sentences`) was most of a warm start: 1.5 of 2.3 s at 10,000 articles,
//! on every start, for articles that had not changed. Their spans depend only on the title,
//! the body and the splitting rules, so they are cached like the facts are
//! (`facts::cache`):
//!
//! - **File**: `INDEX_DIR/spans/<version>.spans`, a header line, then one line per body:
//!   `<key, 32 hex> TAB <checksum, 16 hex> TAB <spans>`, where `<spans>` is
//!   `start-end:start-end,start-end;…` (a paragraph's span, then its sentences' spans, byte
//!   offsets in the body), paragraphs separated by `;`.
//! - **Key**: SHA-256 (first 128 bits) of the title and body. **Version**: the extractor's
//!   (`POWBOT_EXTRACTOR`, a hash `build.rs` takes of `src/corpus` and `src/lang`, among
//!   others), so a change to the splitting rules is never served old spans.
//! - **Damage** costs a re-split: a line whose checksum fails, that does not parse, or whose
//!   spans do not fit the body (out of bounds, not on a character boundary, out of order) is
//!   a miss. Writes go to a temporary file renamed into place. Nothing here stops a start.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::article::{Paragraph, paragraphs};

const VERSION: &str = env!("POWBOT_EXTRACTOR");
const DIR: &str = "spans";
const HEADER: &str = "powbot-spans";

use super::key::{self, Key, checksum, hex};

/// Paragraph and sentence spans by content, loaded from and saved to `INDEX_DIR/spans/`.
#[derive(Debug)]
pub struct SpanCache {
    file: Option<PathBuf>,
    text: String,
    loaded: HashMap<Key, Range<usize>>,
    fresh: Mutex<HashMap<Key, String>>,
    used: Mutex<HashSet<Key>>,
    hits: AtomicUsize,
    misses: AtomicUsize,
}

impl SpanCache {
    /// The cache under `index_dir`; empty when there is none or it cannot be read.
    pub fn load(index_dir: &Path) -> SpanCache {
        let file = index_dir.join(DIR).join(format!("{VERSION}.spans"));
        let mut cache = SpanCache::empty(Some(file.clone()));
        let Ok(text) = std::fs::read_to_string(&file) else { return cache };
        let Some(header_end) = text.find('\n') else { return cache };
        if text[..header_end] != format!("{HEADER}\t{VERSION}") {
            return cache;
        }
        let mut offset = header_end + 1;
        for line in text[offset..].split_inclusive('\n') {
            let span = offset..offset + line.len();
            offset += line.len();
            if let Some(key) = line.split_once('\t').and_then(|(k, _)| key::parse(k))
                && line.ends_with('\n')
            {
                cache.loaded.insert(key, span);
            }
        }
        cache.text = text;
        cache
    }

    /// A cache that starts empty and is never saved.
    pub fn in_memory() -> SpanCache {
        SpanCache::empty(None)
    }

    fn empty(file: Option<PathBuf>) -> SpanCache {
        SpanCache {
            file,
            text: String::new(),
            loaded: HashMap::new(),
            fresh: Mutex::new(HashMap::new()),
            used: Mutex::new(HashSet::new()),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        }
    }

    /// The content paragraphs of `body`: from the cache when this body and title were split
    /// before by these rules, else split now (and kept for `save`).
    pub fn paragraphs(&self, body: &str, title: &str) -> Vec<Paragraph> {
        let key = key::of(&[title, body]);
        lock(&self.used).insert(key);
        if let Some(found) = self.cached(&key, body) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return found;
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let split = paragraphs(body, title);
        let encoded = encode(&split);
        lock(&self.fresh).insert(key, format!("{}\t{}\t{encoded}\n", hex(&key), checksum(&encoded)));
        split
    }

    fn cached(&self, key: &Key, body: &str) -> Option<Vec<Paragraph>> {
        let span = self.loaded.get(key)?;
        let line = self.text[span.clone()].trim_end_matches('\n');
        let mut fields = line.splitn(3, '\t');
        let (_, sum, spans) = (fields.next()?, fields.next()?, fields.next().unwrap_or(""));
        if sum != checksum(spans) {
            return None;
        }
        decode(spans, body)
    }

    /// (hits, misses) of this run.
    pub fn stats(&self) -> (usize, usize) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    /// Writes the cache if this run split anything or left many entries unused: the entries
    /// used, plus at most as many unused ones. Atomic: a temporary file renamed into place.
    pub fn save(&self) -> std::io::Result<()> {
        let Some(file) = &self.file else { return Ok(()) };
        let fresh = lock(&self.fresh);
        let used = lock(&self.used);
        if fresh.is_empty() && self.loaded.len() <= used.len() * 2 {
            return Ok(());
        }
        let dir = file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut out = String::with_capacity(self.text.len() + fresh.values().map(String::len).sum::<usize>());
        let _ = writeln!(out, "{HEADER}\t{VERSION}");
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
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let tmp = dir.join(format!(".tmp-{}-{nanos}", std::process::id()));
        let written = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(out.as_bytes())?;
            std::fs::rename(&tmp, file)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        // Other versions' files are stale for good: the rules that wrote them are gone.
        if written.is_ok()
            && let Ok(entries) = std::fs::read_dir(dir)
        {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".spans") && entry.path() != *file {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
        written
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn encode(paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        let _ = write!(out, "{}-{}:", p.span.start, p.span.end);
        for (j, s) in p.sentences.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            let _ = write!(out, "{}-{}", s.start, s.end);
        }
    }
    out
}

/// The spans `encode` wrote, if every one fits `body`: in bounds, on character boundaries,
/// sentences inside their paragraph and in order.
fn decode(text: &str, body: &str) -> Option<Vec<Paragraph>> {
    let span = |t: &str| -> Option<Range<usize>> {
        let (a, b) = t.split_once('-')?;
        let r = a.parse().ok()?..b.parse().ok()?;
        (r.start <= r.end && body.is_char_boundary(r.start) && body.is_char_boundary(r.end)).then_some(r)
    };
    let mut out = Vec::new();
    if text.is_empty() {
        return Some(out);
    }
    let mut last_end = 0;
    for p in text.split(';') {
        let (whole, sentences) = p.split_once(':')?;
        let whole = span(whole)?;
        if whole.start < last_end {
            return None;
        }
        last_end = whole.end;
        let mut at = whole.start;
        let mut list = Vec::new();
        for s in sentences.split(',').filter(|s| !s.is_empty()) {
            let s = span(s)?;
            if s.start < at || s.end > whole.end {
                return None;
            }
            at = s.end;
            list.push(s);
        }
        out.push(Paragraph { span: whole, sentences: list });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str =
        "First sentence here. Second one, “quoted”.\nAdvertisement\n\nAnother paragraph — with a dash. End.\n";

    fn same(a: &[Paragraph], b: &[Paragraph]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.span == y.span && x.sentences == y.sentences)
    }

    #[test]
    fn a_second_start_reads_the_spans_it_saved() {
        let dir = tempfile::tempdir().unwrap();
        let first = SpanCache::load(dir.path());
        let split = first.paragraphs(BODY, "Title");
        assert!(same(&split, &paragraphs(BODY, "Title")));
        assert_eq!(first.stats(), (0, 1));
        first.save().unwrap();
        let second = SpanCache::load(dir.path());
        assert!(same(&second.paragraphs(BODY, "Title"), &split));
        assert_eq!(second.stats(), (1, 0));
        // Another title is another key: split anew.
        second.paragraphs(BODY, "Other");
        assert_eq!(second.stats(), (1, 1));
    }

    #[test]
    fn damaged_or_ill_fitting_spans_are_split_again() {
        let split = paragraphs(BODY, "Title");
        let encoded = encode(&split);
        assert!(same(&decode(&encoded, BODY).unwrap(), &split));
        // Out of bounds, inside a character (the “), out of order: refused.
        assert!(decode("0-9999:0-5", BODY).is_none());
        let inside = BODY.find('“').unwrap() + 1;
        assert!(decode(&format!("0-{inside}:0-{inside}"), BODY).is_none());
        assert!(decode("10-20:15-20,10-14", BODY).is_none());

        let dir = tempfile::tempdir().unwrap();
        let cache = SpanCache::load(dir.path());
        cache.paragraphs(BODY, "Title");
        cache.save().unwrap();
        let file = dir.path().join(DIR).join(format!("{VERSION}.spans"));
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replacen(":0-", ":1-", 1)).unwrap();
        let damaged = SpanCache::load(dir.path());
        assert!(same(&damaged.paragraphs(BODY, "Title"), &split));
        assert_eq!(damaged.stats(), (0, 1), "a line failing its checksum is a miss");
    }
}
