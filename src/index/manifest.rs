//! Which version of each article an index holds (`articles.tsv` beside it): what the next
//! corpus's index needs to know to take over this one's segments (see `grow`).
//!
//! The index itself knows each sentence's article id (the raw `article` field), but not which
//! version of the article it came from; a hash per article does, the same one the corpus
//! fingerprint is made of, so an article counts as unchanged exactly when its part of the
//! fingerprint is.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::corpus::Corpus;

/// What an index holds, article by article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// `analyzer_hash()` of the analyzer that made the index's terms: another analyzer's
    /// segments cannot be taken over, whatever the articles.
    pub analyzer: u64,
    /// Article id → `article_hash` of the sentences indexed for it.
    pub articles: HashMap<String, u64>,
}

impl Manifest {
    /// The manifest of an index of `corpus`, whose articles hash to `hashes` (corpus order).
    pub fn of(corpus: &Corpus, hashes: &[u64]) -> Manifest {
        let articles = corpus.articles.iter().zip(hashes).map(|(a, &h)| (a.id.clone(), h)).collect();
        Manifest { analyzer: super::analyzer_hash(), articles }
    }

    /// Writes `#analyzer TAB hash`, then `id TAB hash` lines, then a checksum line. An id that
    /// a line cannot hold (a tab, a line break, a leading `#`) is left out: the next index
    /// then takes that article for new and indexes it again, which is merely slower.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let mut lines: Vec<(&String, &u64)> = self.articles.iter().filter(|(id, _)| representable(id)).collect();
        lines.sort();
        let mut out = format!("#analyzer\t{:016x}\n", self.analyzer);
        for (id, h) in lines {
            let _ = writeln!(out, "{id}\t{h:016x}");
        }
        std::fs::write(path, super::seal(out))
    }

    /// Reads what `write` wrote; `None` if it is missing or damaged.
    pub fn read(path: &Path) -> Option<Manifest> {
        let text = std::fs::read_to_string(path).ok()?;
        let body = super::unseal(&text)?;
        let mut lines = body.lines();
        let analyzer = hex(lines.next()?.strip_prefix("#analyzer\t")?)?;
        let articles = lines
            .map(|line| {
                let (id, h) = line.split_once('\t')?;
                Some((id.to_string(), hex(h)?))
            })
            .collect::<Option<_>>()?;
        Some(Manifest { analyzer, articles })
    }
}

fn representable(id: &str) -> bool {
    !id.contains(['\t', '\n', '\r']) && !id.starts_with('#')
}

fn hex(text: &str) -> Option<u64> {
    u64::from_str_radix(text, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("articles.tsv");
        let articles = [("a", 1), ("b-2", u64::MAX), ("tab\there", 3), ("#hash", 4)]
            .into_iter()
            .map(|(id, h)| (id.to_string(), h))
            .collect();
        let manifest = Manifest { analyzer: 7, articles };
        manifest.write(&path).unwrap();
        let read = Manifest::read(&path).unwrap();
        assert_eq!(read.analyzer, 7);
        assert_eq!(read.articles.len(), 2, "ids a line cannot hold are left out: {read:?}");
        assert_eq!(read.articles["b-2"], u64::MAX);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen("b-2", "b-3", 1)).unwrap();
        assert_eq!(Manifest::read(&path), None);
        assert_eq!(Manifest::read(&dir.path().join("missing.tsv")), None);
    }
}
