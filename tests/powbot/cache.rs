//! The facts cache: what a warm start reads back is what a cold start extracts, an edited
//! article is read anew, and a damaged or foreign cache costs a re-read, never a start.

use std::path::{Path, PathBuf};
use std::process::Command;

use powbot::Engine;
use powbot::facts::FactsCache;
use powbot::facts::cache::{CacheStats, EXTRACTOR};

use crate::support::{Scratch, article, bin, shipped_data};

fn scratch() -> Scratch {
    Scratch::new(&[
        (
            "a.md",
            &article(
                "a",
                "2025-02-05",
                "Russia and Ukraine each said on Wednesday that 150 of their soldiers had been returned.",
            ),
        ),
        (
            "b.md",
            &article(
                "b",
                "2025-03-19",
                "Russia and Ukraine each freed 175 prisoners on Wednesday, mediated by the United Arab Emirates.",
            ),
        ),
        ("c.md", &article("c", "2025-05-25", "Russia and Ukraine each returned 303 prisoners of war on Sunday.")),
    ])
}

fn cache_file(index: &Path) -> PathBuf {
    index.join("facts").join(format!("{EXTRACTOR}.facts"))
}

fn facts_json(engine: &Engine) -> String {
    serde_json::to_string_pretty(engine.facts()).unwrap()
}

#[test]
fn a_warm_start_reads_every_article_from_the_cache() {
    let s = scratch();
    let cold = Engine::open(&s.config()).unwrap();
    assert_eq!(cold.facts_cache(), CacheStats { hits: 0, misses: 3, damaged: 0 });
    assert!(cache_file(&s.index()).exists());
    let warm = Engine::open(&s.config()).unwrap();
    assert_eq!(warm.facts_cache(), CacheStats { hits: 3, misses: 0, damaged: 0 });
    assert_eq!(facts_json(&warm), facts_json(&cold));
}

#[test]
fn an_edited_article_is_read_anew() {
    let s = scratch();
    drop(Engine::open(&s.config()).unwrap());
    std::fs::write(
        s.data().join("articles/b.md"),
        article("b", "2025-03-19", "Russia and Ukraine each freed 176 prisoners on Wednesday."),
    )
    .unwrap();
    let engine = Engine::open(&s.config()).unwrap();
    assert_eq!(engine.facts_cache(), CacheStats { hits: 2, misses: 1, damaged: 0 });
    let e = engine.facts().exchange("2025-03-19").unwrap();
    assert!(e.figures.iter().any(|f| f.value == 176), "{e:?}");
    assert!(!e.figures.iter().any(|f| f.value == 175), "the old reading was served: {e:?}");
}

#[test]
fn a_damaged_cache_is_read_anew_not_fatal() {
    let s = scratch();
    let cold = facts_json(&Engine::open(&s.config()).unwrap());
    let file = cache_file(&s.index());
    let text = std::fs::read_to_string(&file).unwrap();
    // One entry's JSON altered but still valid (150 → 151), another cut short.
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let flipped = lines.iter().position(|l| l.contains("\"value\":150")).expect("the 150 entry");
    lines[flipped] = lines[flipped].replace("\"value\":150", "\"value\":151");
    let other = (1..lines.len()).find(|&i| i != flipped).unwrap();
    let half = lines[other].len() / 2;
    lines[other].truncate(half);
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let engine = Engine::open(&s.config()).unwrap();
    let stats = engine.facts_cache();
    assert_eq!((stats.hits, stats.misses), (1, 2), "{stats:?}");
    assert_eq!(facts_json(&engine), cold);
    // The damage was repaired: the next start reads everything from the cache.
    assert_eq!(Engine::open(&s.config()).unwrap().facts_cache().hits, 3);

    // Garbage in place of the whole file.
    std::fs::write(&file, b"\x00\xffnot a cache").unwrap();
    let engine = Engine::open(&s.config()).unwrap();
    assert_eq!(engine.facts_cache().misses, 3);
    assert_eq!(facts_json(&engine), cold);
}

#[test]
fn another_extractor_versions_cache_is_not_read() {
    let s = scratch();
    drop(Engine::open(&s.config()).unwrap());
    let file = cache_file(&s.index());
    // The same entries under another version's header (a file renamed by hand, say).
    let text = std::fs::read_to_string(&file).unwrap();
    let (_, entries) = text.split_once('\n').unwrap();
    std::fs::write(&file, format!("powbot-facts\t0123456789abcdef\n{entries}")).unwrap();
    assert_eq!(Engine::open(&s.config()).unwrap().facts_cache().misses, 3);
    // Another version's file beside ours is left alone, and not read.
    std::fs::rename(&file, s.index().join("facts/0123456789abcdef.facts")).unwrap();
    assert_eq!(Engine::open(&s.config()).unwrap().facts_cache().misses, 3);
    assert!(s.index().join("facts/0123456789abcdef.facts").exists());
}

#[test]
fn an_unwritable_cache_dir_only_costs_the_cache() {
    let s = scratch();
    std::fs::create_dir_all(s.index()).unwrap();
    // A file where the cache's folder should be.
    std::fs::write(s.index().join("facts"), "not a directory").unwrap();
    let first = Engine::open(&s.config()).unwrap();
    assert!(first.facts().exchange("2025-02-05").is_some());
    assert_eq!(Engine::open(&s.config()).unwrap().facts_cache().misses, 3);
}

/// Every shipped article's facts, read back from the cache, are the facts read fresh.
#[test]
fn cached_facts_of_the_shipped_corpus_are_the_fresh_facts() {
    let index = tempfile::tempdir().unwrap();
    let (corpus, _) = powbot::corpus::Corpus::load(&shipped_data()).unwrap();
    let first = FactsCache::load(index.path());
    for a in &corpus.articles {
        first.facts_for(a);
    }
    first.save().unwrap();
    let cache = FactsCache::load(index.path());
    for a in &corpus.articles {
        let fresh = powbot::facts::read_guarded(a);
        let cached = cache.facts_for(a);
        assert_eq!(serde_json::to_string(&cached).unwrap(), serde_json::to_string(&fresh).unwrap(), "{}", a.id);
        assert_eq!(cached.summary(), fresh.summary(), "{}", a.id);
    }
    assert_eq!(cache.stats().hits, corpus.articles.len());
}

/// Extraction on every core, or on one, from the cache or not: the same dataset.
#[test]
fn the_dataset_does_not_depend_on_threads_or_the_cache() {
    let data = shipped_data();
    let (corpus, _) = powbot::corpus::Corpus::load(&data).unwrap();
    let (corrections, _) = powbot::curated::load(&data, &corpus);
    let build = || serde_json::to_string(&powbot::facts::build(&corpus, &corrections, &data).unwrap()).unwrap();
    let parallel = build();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap().install(build);
    assert_eq!(parallel, one);
}

fn facts_command(data: &Path, index: &Path) -> String {
    let out = Command::new(bin()).arg("facts").arg("--data").arg(data).arg("--index").arg(index).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `powbot facts` prints the same dataset on a cold start and on a warm one.
#[test]
fn powbot_facts_is_the_same_cold_and_warm() {
    let index = tempfile::tempdir().unwrap();
    let cold = facts_command(&shipped_data(), index.path());
    assert!(cache_file(index.path()).exists());
    let warm = facts_command(&shipped_data(), index.path());
    assert_eq!(cold, warm);
    assert!(cold.contains("2025-03-19"));
}
