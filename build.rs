//! Derives `POWBOT_EXTRACTOR`, the version of the facts extractor, from its sources.
//!
//! The facts cache (`src/facts/cache.rs`) keys each article's facts by its content and this
//! version. A constant bumped by hand would be forgotten one day, and the cache would then
//! serve facts the new rules no longer read; a hash of every source that decides what an
//! article's facts are cannot be forgotten. Those are the reading rules (`src/facts/read`),
//! the fact types (`src/facts/model.rs`, also the cache's format), the word and date tables
//! and tokenizer (`src/lang`), the article parser and boilerplate rules (`src/corpus`), and
//! `Cargo.lock` (a new `text2num` or `aho-corasick` could read numbers differently). Any
//! edit there, even to a comment, means one re-extraction on the next start: cheap and safe.

use std::path::{Path, PathBuf};

const INPUTS: &[&str] =
    &["src/facts/read", "src/facts/model.rs", "src/facts/mod.rs", "src/lang", "src/corpus", "Cargo.lock"];

fn main() {
    let mut files: Vec<PathBuf> = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.sort();
    // FNV-1a: enough to tell versions apart, and no build dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(env!("CARGO_PKG_VERSION").as_bytes());
    for file in &files {
        feed(file.to_string_lossy().as_bytes());
        feed(&[0]);
        // An unreadable input still changes the version (by its absence), never the build.
        feed(&std::fs::read(file).unwrap_or_default());
        feed(&[0]);
    }
    println!("cargo:rustc-env=POWBOT_EXTRACTOR={hash:016x}");
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            collect(&entry.path(), files);
        }
    } else if path.extension().is_some_and(|x| x == "rs") || path.ends_with("Cargo.lock") {
        files.push(path.to_path_buf());
    }
}
