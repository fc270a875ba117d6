//! What ingest remembers between runs, in `DATA/ingest-state.json`: the validators of each
//! feed (so an unchanged feed costs a `304`), the files it wrote (with their hash, so a
//! curator's edit is never overwritten) and what became of each URL it read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fetch::Validators;

/// The state file's name inside the data directory.
pub const FILE: &str = "ingest-state.json";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// By feed URL.
    #[serde(default)]
    pub validators: BTreeMap<String, Validators>,
    /// By article id: the files powbot wrote.
    #[serde(default)]
    pub written: BTreeMap<String, Written>,
    /// By URL key (`dedup::url_key`): what became of it ("added as …", "not about …").
    #[serde(default)]
    pub seen: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Written {
    /// SHA-256 of the file as powbot last wrote it.
    pub hash: String,
    /// The other URLs of the same story (`also_at`).
    #[serde(default)]
    pub also: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path} is not ingest's state ({message}); move it away to start afresh (nothing else depends on it)")]
    Corrupt { path: PathBuf, message: String },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

impl State {
    /// Reads the state of `data_dir`; none yet is an empty state.
    pub fn load(data_dir: &Path) -> Result<State, StateError> {
        let path = data_dir.join(FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| StateError::Corrupt { path, message: e.to_string() }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
            Err(source) => Err(StateError::Read { path, source }),
        }
    }

    pub fn save(&self, data_dir: &Path) -> Result<(), StateError> {
        let path = data_dir.join(FILE);
        let text = serde_json::to_string_pretty(self).unwrap_or_default();
        super::write::atomically(&path, &text).map_err(|source| StateError::Write { path, source })
    }
}
