//! The corpus: every article under `DATA/articles/*.md`.
//!
//! **Architecture invariant:** loading never fails because of one bad file.
//! A malformed article becomes a `LoadError` (file and line) and is skipped;
//! only a missing or empty data directory is fatal.

mod article;
pub mod boilerplate;
mod error;
pub mod key;
pub mod line_cache;
pub mod spans;

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use article::{Article, Paragraph, SentenceRef, parse};
use article::{Fields, parse_split, parse_with};
pub use spans::SpanCache;

/// Largest article file read. News articles are tens of kilobytes; a file far beyond that is
/// a mistake (a log, a dump) that would only slow start-up down: reading costs about a
/// second per megabyte on one core, paid again whenever the file changes (the facts cache
/// spares unchanged files). Such a file is skipped and reported, like any bad file, rather
/// than cut: a cut article would be cited as if it ended there.
pub const MAX_ARTICLE_BYTES: u64 = 2 * 1024 * 1024;
pub use error::{LoadError, LoadErrorKind};

/// All articles that loaded, in file-name order.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Read-only once built: `by_id` indexes it (see `Corpus::new`).
    pub articles: Vec<Article>,
    /// Article id → position in `articles`: citations and search hits resolve by id on
    /// every answer, and a scan per hit grew with the corpus.
    by_id: HashMap<String, usize>,
}

/// The corpus could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("data directory {0} has no articles/ folder (expected {0}/articles/*.md)")]
    NoArticlesDir(PathBuf),
    #[error("cannot list {path}: {source}")]
    List { path: PathBuf, source: std::io::Error },
    #[error("no article loaded from {0}/articles")]
    Empty(PathBuf),
}

/// Parses one article's text as the corpus loader would read its file (every field required),
/// for writers of article files (`ingest`) to check a file before writing it.
pub fn parse_as_corpus(path: &Path, raw: &str) -> Result<Article, LoadError> {
    parse_with(path, raw, Fields::All)
}

impl Corpus {
    /// Loads `data_dir/articles/*.md`. Returns the corpus and the files that
    /// were skipped, each with the reason.
    pub fn load(data_dir: &Path) -> Result<(Corpus, Vec<LoadError>), CorpusError> {
        Corpus::load_cached(data_dir, &SpanCache::in_memory())
    }

    /// `load`, taking each unchanged article's paragraph and sentence spans from `spans`
    /// instead of splitting its body again (and adding the others to it).
    pub fn load_cached(data_dir: &Path, spans: &SpanCache) -> Result<(Corpus, Vec<LoadError>), CorpusError> {
        let dir = data_dir.join("articles");
        if !dir.is_dir() {
            return Err(CorpusError::NoArticlesDir(data_dir.to_path_buf()));
        }
        let entries = std::fs::read_dir(&dir).map_err(|source| CorpusError::List { path: dir.clone(), source })?;
        let mut errors = Vec::new();
        let mut paths: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(e) => {
                    errors.push(LoadError { path: dir.clone(), line: None, kind: LoadErrorKind::Io(e.to_string()) })
                }
            }
        }
        paths.retain(|p| p.extension().is_some_and(|x| x == "md"));
        paths.sort();
        // Files are read and split into sentences on every core, then taken in name order.
        let read: Vec<(PathBuf, Result<Article, LoadError>)> =
            paths.into_par_iter().map(|p| (p.clone(), read(&p, spans))).collect();
        let mut articles = Vec::with_capacity(read.len());
        let mut by_id: HashMap<String, usize> = HashMap::with_capacity(read.len());
        for (path, result) in read {
            match result {
                Ok(article) => match by_id.entry(article.id.clone()) {
                    Entry::Occupied(first) => {
                        let first: &Article = &articles[*first.get()];
                        errors.push(LoadError {
                            line: Some(id_line(&path)),
                            kind: LoadErrorKind::DuplicateId { id: article.id.clone(), first: first.path.clone() },
                            path,
                        });
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(articles.len());
                        articles.push(article);
                    }
                },
                Err(e) => errors.push(e),
            }
        }
        if articles.is_empty() {
            return Err(CorpusError::Empty(data_dir.to_path_buf()));
        }
        Ok((Corpus { articles, by_id }, errors))
    }

    /// A corpus of these articles; of two with one id, the first is kept.
    pub fn new(articles: Vec<Article>) -> Corpus {
        let mut by_id = HashMap::with_capacity(articles.len());
        for (i, a) in articles.iter().enumerate() {
            by_id.entry(a.id.clone()).or_insert(i);
        }
        Corpus { articles, by_id }
    }

    pub fn get(&self, id: &str) -> Option<&Article> {
        self.index_of(id).map(|i| &self.articles[i])
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied().filter(|&i| self.articles.get(i).is_some_and(|a| a.id == id))
    }
}

fn read(path: &Path, spans: &SpanCache) -> Result<Article, LoadError> {
    let fail = |kind| LoadError { path: path.to_path_buf(), line: None, kind };
    // Looked at before opening: opening a FIFO would wait for a writer forever.
    let meta = std::fs::metadata(path).map_err(|e| fail(not_followed(path, &e)))?;
    if !meta.is_file() {
        return Err(fail(LoadErrorKind::NotAFile(kind_of(&meta.file_type()))));
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(fail(LoadErrorKind::TooLarge { bytes: meta.len() }));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(LoadErrorKind::Io(e.to_string())))?;
    let raw = String::from_utf8(bytes).map_err(|e| {
        let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|b| **b == b'\n').count();
        LoadError { path: path.to_path_buf(), line: Some(line), kind: LoadErrorKind::NotUtf8 }
    })?;
    parse_split(path, &raw, Fields::All, &|body_key, body, title| spans.paragraphs(body_key, body, title))
}

/// Why the metadata of `path` cannot be had: for a symbolic link, where it leads.
fn not_followed(path: &Path, error: &std::io::Error) -> LoadErrorKind {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match error.kind() {
        std::io::ErrorKind::NotFound if is_link => LoadErrorKind::NotAFile("a symbolic link to nothing"),
        // A loop, mostly; the OS's words say which ("Too many levels of symbolic links").
        _ if is_link => LoadErrorKind::BrokenLink(error.to_string()),
        _ => LoadErrorKind::Io(error.to_string()),
    }
}

/// What a file type that is not a regular file is, in words.
fn kind_of(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if file_type.is_dir() { "a directory" } else { "not a regular file" }
}

/// The line of a file's `id = …` (for a duplicate-id error; 1 if not found).
fn id_line(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| t.lines().position(|l| l.trim_start().starts_with("id") && l.contains('=')))
        .map_or(1, |i| i + 1)
}
