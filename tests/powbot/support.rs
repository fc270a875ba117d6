//! Helpers: the shipped corpus, scratch data directories, the binary.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use powbot::{Engine, EngineConfig};

pub fn shipped_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// One engine over the shipped corpus, with its index in a temp dir, shared by tests.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<(Engine, tempfile::TempDir)> = OnceLock::new();
    &ENGINE
        .get_or_init(|| {
            let index = tempfile::tempdir().expect("temp dir");
            let config = EngineConfig {
                data_dir: shipped_data(),
                index_dir: index.path().to_path_buf(),
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 21),
            };
            (Engine::open(&config).expect("shipped corpus loads"), index)
        })
        .0
}

/// A data directory with the given article files (name, content).
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new(files: &[(&str, &str)]) -> Scratch {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("data/articles")).expect("mkdir");
        for (name, text) in files {
            std::fs::write(dir.path().join("data/articles").join(name), text).expect("write article");
        }
        Scratch { dir }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    pub fn config(&self) -> EngineConfig {
        EngineConfig { data_dir: self.data(), index_dir: self.index(), today: None }
    }
}

pub fn article(id: &str, published: &str, body: &str) -> String {
    article_titled(id, published, "", body)
}

pub fn article_titled(id: &str, published: &str, title: &str, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"{title}\"\noutlet = \"Test Wire\"\nurl = \"\"\npublished = \"{published}\"\n+++\n{body}\n"
    )
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_powbot")
}
