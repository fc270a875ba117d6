//! Loading the curated `DATA/exchanges.toml` so that a mistake in it costs only itself.
//!
//! `facts::Corrections` reads the file whole and `powbot check` verifies it afterwards, so
//! one syntax error stopped every command (`serve` included), and a figure citing an
//! article that does not exist was served until someone ran `check`. Here the file is read
//! entry by entry, each entry held to what `check` asks of it (its article exists, its
//! sentence is in that article, its figure is in its sentence, its date and recipient can be
//! read) before it may apply. A refused entry is reported with the file and the line of its
//! `[[table]]` header and the others still apply; a file that is not TOML at all is reported
//! and the facts are served as extracted, without corrections.
//!
//! **Architecture invariant:** nothing the corpus does not hold reaches the facts through
//! this file.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::corpus::Corpus;
use crate::facts::{self, Corrections};

/// The curated file inside the data directory.
pub const FILE: &str = "exchanges.toml";

/// A correction, or the whole file, that was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub path: PathBuf,
    /// 1-based line of the entry (or of the syntax error), when known.
    pub line: Option<usize>,
    pub kind: RefusedKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RefusedKind {
    /// The file exists but cannot be read: no correction applies.
    Unreadable(String),
    /// The file is not valid TOML, or not tables of corrections: no correction applies.
    Syntax(String),
    /// One entry (`[[figure]]`, `[[mediator]]`, `[[reject]]`, or a table of another name).
    Entry { table: String, reason: String },
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        match &self.kind {
            RefusedKind::Unreadable(e) => write!(f, ": cannot read it, so no correction applies: {e}"),
            RefusedKind::Syntax(e) => write!(f, ": not valid corrections, so none applies: {}", e.trim()),
            RefusedKind::Entry { table, reason } => write!(f, ": [[{table}]] refused: {reason}"),
        }
    }
}

impl std::error::Error for Refused {}

/// The file's top level: the three kinds of entry, each with its place in the file.
#[derive(Deserialize)]
struct Tables {
    #[serde(default)]
    figure: Vec<Spanned<toml::Table>>,
    #[serde(default)]
    mediator: Vec<Spanned<toml::Table>>,
    #[serde(default)]
    reject: Vec<Spanned<toml::Table>>,
    /// Anything else is a misspelt table name: refused, with the rest still applied.
    #[serde(flatten)]
    other: toml::Table,
}

/// Reads `data_dir/exchanges.toml` against `corpus`: the corrections that may apply, and
/// what was refused. A missing file means no corrections and nothing refused.
pub fn load(data_dir: &Path, corpus: &Corpus) -> (Corrections, Vec<Refused>) {
    let path = data_dir.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Corrections::default(), Vec::new()),
        Err(e) => {
            let refused = Refused { path, line: None, kind: RefusedKind::Unreadable(e.to_string()) };
            return (Corrections::default(), vec![refused]);
        }
    };
    let tables: Tables = match toml::from_str(&text) {
        Ok(tables) => tables,
        Err(e) => {
            let line = e.span().map(|span| line_at(&text, span.start));
            let refused = Refused { path, line, kind: RefusedKind::Syntax(e.message().to_string()) };
            return (Corrections::default(), vec![refused]);
        }
    };
    let mut loader = Loader { path: &path, text: &text, corpus, data_dir, refused: Vec::new() };
    let mut accepted = toml::Table::new();
    for (name, entries) in [("figure", tables.figure), ("mediator", tables.mediator), ("reject", tables.reject)] {
        let kept: Vec<toml::Value> = entries.into_iter().filter_map(|entry| loader.entry(name, entry)).collect();
        accepted.insert(name.to_string(), toml::Value::Array(kept));
    }
    for name in tables.other.keys() {
        let line = text.lines().position(|l| l.trim_start().trim_start_matches('[').starts_with(name.as_str()));
        loader.refuse(line.map(|l| l + 1), name, "not a kind of correction (figure, mediator or reject)".into());
    }
    let mut refused = loader.refused;
    refused.sort_by_key(|r| r.line);
    // Every entry in `accepted` was read as a correction on its own, so all of them are too.
    let corrections = toml::Value::Table(accepted).try_into().unwrap_or_default();
    (corrections, refused)
}

struct Loader<'a> {
    path: &'a Path,
    text: &'a str,
    corpus: &'a Corpus,
    data_dir: &'a Path,
    refused: Vec<Refused>,
}

impl Loader<'_> {
    /// The entry if it may apply; otherwise `None`, and the reason is recorded.
    fn entry(&mut self, table: &str, entry: Spanned<toml::Table>) -> Option<toml::Value> {
        let line = line_at(self.text, entry.span().start);
        let entry = toml::Value::Table(entry.into_inner());
        let mut single = toml::Table::new();
        single.insert(table.to_string(), toml::Value::Array(vec![entry.clone()]));
        let reason = match toml::Value::Table(single).try_into::<Corrections>() {
            Err(e) => Some(e.message().trim().to_string()),
            Ok(single) => self.problem(&single),
        };
        match reason {
            None => Some(entry),
            Some(reason) => {
                self.refuse(Some(line), table, reason);
                None
            }
        }
    }

    /// What is wrong with a correction of one entry, judged as `powbot check` would.
    fn problem(&self, single: &Corrections) -> Option<String> {
        if let Some(reject) = single.reject.first() {
            // A rejection adds nothing, so `check` has nothing to verify; its article
            // must still exist, or it is a typo that silently rejects nothing.
            return self
                .corpus
                .get(&reject.article)
                .is_none()
                .then(|| format!("cites unknown article {:?}", reject.article));
        }
        // `check` only sees a mediator through an exchange with figures, which one mediator
        // alone does not make: its citation is verified here as `check` would.
        for mediator in &single.mediator {
            match self.corpus.get(&mediator.article) {
                None => return Some(format!("cites unknown article {:?}", mediator.article)),
                Some(article) if !fold(&article.body).contains(&fold(&mediator.sentence)) => {
                    return Some(format!("sentence not found in {}: {:?}", mediator.article, mediator.sentence));
                }
                Some(_) => {}
            }
        }
        // The facts of this one entry alone, built and checked by the same code as the
        // whole dataset, so that "refused here" and "a problem for `check`" cannot drift.
        match facts::build(&Corpus::default(), single, self.data_dir) {
            // The error names the file; the reason is what follows it.
            Err(e) => {
                let text = e.to_string();
                Some(text.split_once(": ").map_or(text.as_str(), |(_, reason)| reason).to_string())
            }
            Ok(facts) => {
                let problems: Vec<String> = facts::check(&facts, self.corpus).into_iter().map(|p| p.message).collect();
                (!problems.is_empty()).then(|| problems.join("; "))
            }
        }
    }

    fn refuse(&mut self, line: Option<usize>, table: &str, reason: String) {
        let kind = RefusedKind::Entry { table: table.to_string(), reason };
        self.refused.push(Refused { path: self.path.to_path_buf(), line, kind });
    }
}

/// Whitespace runs as single spaces, as `check` compares sentences.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The 1-based line of byte `offset` in `text`.
fn line_at(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())].iter().filter(|b| **b == b'\n').count()
}
