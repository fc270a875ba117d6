//! Each article's paragraph and sentence spans, kept on disk beside the index so that a start
//! does not split unchanged articles again.
//!
//! Splitting a body into content paragraphs and sentences (page furniture classified line by
//! line, then `text::sentences`) was most of a warm start: 1.5 of 2.3 s at 10,000 articles,
//! on every start, for articles that had not changed. Their spans depend only on the title,
//! the body and the splitting rules, so they are cached like the facts are
//! (`facts::cache`):
//!
//! - **Entries** (`corpus::line_cache`, in `INDEX_DIR/spans/`): one line per body, its
//!   spans as `start-end:start-end,start-end;…` (a paragraph's span, then its sentences'
//!   spans, byte offsets in the body), paragraphs separated by `;`.
//! - **Key**: the title and the body's key (`Article::body_key`). **Version**: the
//!   extractor's (`POWBOT_EXTRACTOR`, a hash `build.rs` takes of `src/corpus` and `src/lang`,
//!   among others), so a change to the splitting rules is never served old spans.
//! - **Damage** costs a re-split: besides what `LineCache` refuses, spans that do not fit the
//!   body (out of bounds, not on a character boundary, out of order) are a miss.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use super::article::{Paragraph, paragraphs};
use super::key::{self, Key};
use super::line_cache::{CacheStats, Kind, LineCache};

/// One version's file only: splitting again after a rollback costs seconds, not the minutes
/// reading facts again does (which is why `facts::cache` keeps three).
const KIND: Kind = Kind { name: "spans", header: "powbot-spans", version: env!("POWBOT_EXTRACTOR"), keep: 1 };

/// Paragraph and sentence spans by content, loaded from and saved to `INDEX_DIR/spans/`.
#[derive(Debug)]
pub struct SpanCache {
    lines: LineCache,
}

impl SpanCache {
    /// The cache under `index_dir`; empty when there is none or it cannot be read.
    pub fn load(index_dir: &Path) -> SpanCache {
        SpanCache { lines: LineCache::load(index_dir, KIND) }
    }

    /// A cache that starts empty and is never saved.
    pub fn in_memory() -> SpanCache {
        SpanCache { lines: LineCache::in_memory(KIND) }
    }

    /// The content paragraphs of `body` (whose key is `body_key`): from the cache when this
    /// body and title were split before by these rules, else split now (and kept for `save`).
    pub fn paragraphs(&self, body_key: &Key, body: &str, title: &str) -> Vec<Paragraph> {
        let key = key::of(&[title.as_bytes(), body_key]);
        if let Some(found) = self.lines.get(&key, title, |spans| decode(spans, body)) {
            return found;
        }
        let split = paragraphs(body, title);
        self.lines.put(key, &encode(&split));
        split
    }

    pub fn stats(&self) -> CacheStats {
        self.lines.stats()
    }

    /// Writes the cache if this run split anything (see `LineCache::save`).
    pub fn save(&self) -> std::io::Result<()> {
        self.lines.save()
    }
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
        let body_key = key::of(&[BODY.as_bytes()]);
        let first = SpanCache::load(dir.path());
        let split = first.paragraphs(&body_key, BODY, "Title");
        assert!(same(&split, &paragraphs(BODY, "Title")));
        assert_eq!((first.stats().hits, first.stats().misses), (0, 1));
        first.save().unwrap();
        let second = SpanCache::load(dir.path());
        assert!(same(&second.paragraphs(&body_key, BODY, "Title"), &split));
        assert_eq!((second.stats().hits, second.stats().misses), (1, 0));
        // Another title is another key: split anew.
        second.paragraphs(&body_key, BODY, "Other");
        assert_eq!((second.stats().hits, second.stats().misses), (1, 1));
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
        let body_key = key::of(&[BODY.as_bytes()]);
        let cache = SpanCache::load(dir.path());
        cache.paragraphs(&body_key, BODY, "Title");
        cache.save().unwrap();
        let file = dir.path().join(KIND.name).join(format!("{}.spans", KIND.version));
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replacen(":0-", ":1-", 1)).unwrap();
        let damaged = SpanCache::load(dir.path());
        assert!(same(&damaged.paragraphs(&body_key, BODY, "Title"), &split));
        let stats = damaged.stats();
        assert_eq!((stats.hits, stats.misses, stats.damaged), (0, 1, 1), "a line failing its checksum is a miss");
    }
}
