use powbot::Engine;
use powbot::index::IndexOrigin;

use crate::support::{Scratch, article};

fn scratch() -> Scratch {
    Scratch::new(&[(
        "a.md",
        &article(
            "a",
            "2025-02-05",
            "Russia and Ukraine each said on Wednesday that 150 of their soldiers had been returned.",
        ),
    )])
}

#[test]
fn index_is_reused_when_unchanged_and_rebuilt_when_the_corpus_changes() {
    let s = scratch();
    assert!(matches!(Engine::open(&s.config()).unwrap().index_origin(), IndexOrigin::Built(_)));
    assert!(matches!(Engine::open(&s.config()).unwrap().index_origin(), IndexOrigin::Reused(_)));
    std::fs::write(
        s.data().join("articles/b.md"),
        article("b", "2025-03-19", "Russia and Ukraine each freed 175 prisoners."),
    )
    .unwrap();
    let engine = Engine::open(&s.config()).unwrap();
    assert!(matches!(engine.index_origin(), IndexOrigin::Built(_)), "{:?}", engine.index_origin());
    assert!(engine.answer("How many were freed on 19 March 2025?").answered);
}

#[test]
fn a_corrupt_index_is_rebuilt() {
    let s = scratch();
    Engine::open(&s.config()).unwrap();
    std::fs::write(s.index().join("passages/meta.json"), "{ not json").unwrap();
    let engine = Engine::open(&s.config()).unwrap();
    assert!(matches!(engine.index_origin(), IndexOrigin::Built(_)));
    assert!(engine.answer("How many soldiers were returned on 5 February 2025?").answered);
}

#[test]
fn an_unwritable_index_dir_falls_back_to_memory() {
    let s = scratch();
    // A file where the index directory should be cannot hold an index.
    std::fs::write(s.index(), "not a directory").unwrap();
    let engine = Engine::open(&s.config()).unwrap();
    assert!(matches!(engine.index_origin(), IndexOrigin::InMemory { .. }));
    assert!(engine.answer("How many soldiers were returned on 5 February 2025?").answered);
}

#[test]
fn a_damaged_segment_is_rebuilt_not_fatal() {
    let s = scratch();
    Engine::open(&s.config()).unwrap();
    let dir = s.index().join("passages");
    let mut damaged = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "term" || x == "idx" || x == "store") {
            std::fs::write(&path, b"garbage").unwrap();
            damaged += 1;
        }
    }
    assert!(damaged > 0, "no segment files found to damage");
    let engine = Engine::open(&s.config()).unwrap();
    assert!(matches!(engine.index_origin(), IndexOrigin::Built(_)), "{:?}", engine.index_origin());
    assert!(engine.answer("How many soldiers were returned on 5 February 2025?").answered);
}
