use std::path::{Path, PathBuf};

use powbot::index::IndexOrigin;
use powbot::{Engine, EngineConfig, render};

use crate::support::{Scratch, article, shipped_data};

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

/// The Tantivy directory an engine reads.
fn passages(engine: &Engine) -> PathBuf {
    match engine.index_origin() {
        IndexOrigin::Built(dir) | IndexOrigin::Reused(dir) => dir.clone(),
        other => panic!("the index is not on disk: {other:?}"),
    }
}

/// Damages a file the way a test can without ever touching a file some reader has mapped:
/// the garbage is a new file renamed over the old name (writing into a mapped file that
/// shrinks is what raises SIGBUS in the reader). Every powbot process sees the same thing
/// when it next opens the index.
fn damage(path: &Path) {
    let garbage = path.with_extension("garbage");
    std::fs::write(&garbage, b"garbage").unwrap();
    std::fs::rename(&garbage, path).unwrap();
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
    let first = passages(&Engine::open(&s.config()).unwrap());
    damage(&first.join("meta.json"));
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

/// Used to die of SIGBUS about one run in ten: it truncated segment files that a live reader
/// had mapped. Now the damage is done by rename (see `damage`), and the engine that was
/// reading the index before the damage goes on answering from the files it opened.
#[test]
fn a_damaged_segment_is_rebuilt_not_fatal() {
    let s = scratch();
    let question = "How many soldiers were returned on 5 February 2025?";
    let running = Engine::open(&s.config()).unwrap();
    let before = render::json(&running.answer(question));
    let mut damaged = 0;
    for entry in std::fs::read_dir(passages(&running)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "term" || x == "idx" || x == "store") {
            damage(&path);
            damaged += 1;
        }
    }
    assert!(damaged > 0, "no segment files found to damage");
    let engine = Engine::open(&s.config()).unwrap();
    assert!(matches!(engine.index_origin(), IndexOrigin::Built(_)), "{:?}", engine.index_origin());
    assert!(engine.answer(question).answered);
    assert_eq!(render::json(&running.answer(question)), before, "the running engine's answer changed");
}

/// Questions whose answers quote sentences by position: an index of another corpus read
/// against this one would quote the wrong sentences.
const QUESTIONS: &[&str] = &[
    "How many prisoners were exchanged on 19 March 2025?",
    "Who mediated the February 2025 swap?",
    "Which exchange was the largest?",
    "List every exchange in 2025",
    "What did Zelensky say about the swap?",
    "What did Peskov say?",
    "How many wounded were returned?",
    "Where were the prisoners handed over?",
    "What did the Defence Ministry say about the Emirates?",
    "When was the last exchange?",
];

fn answers(engine: &Engine) -> Vec<String> {
    QUESTIONS.iter().map(|q| render::json(&engine.answer(q))).collect()
}

/// The shipped corpus with one more paragraph at the top of every article: the same ids,
/// every sentence one paragraph further down.
fn shifted_corpus(dir: &Path) -> PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    for entry in std::fs::read_dir(shipped_data().join("articles")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let (front, body) = text[3..].split_once("+++\n").expect("front matter");
        let shifted =
            format!("+++{front}+++\nPrisoner exchanges between the two countries resumed this year.\n\n{body}");
        std::fs::write(articles.join(path.file_name().unwrap()), shifted).unwrap();
    }
    dir.to_path_buf()
}

/// A rolling deploy: two instances with different corpora on one index directory, each
/// starting while the other runs. Every answer of each must be what it gives alone.
#[test]
fn instances_with_different_corpora_share_an_index_dir_without_mixing() {
    let work = tempfile::tempdir().unwrap();
    let config =
        |data: PathBuf, index: &str| EngineConfig { data_dir: data, index_dir: work.path().join(index), today: None };
    let data_a = shipped_data();
    let data_b = shifted_corpus(&work.path().join("data-b"));
    let clean_a = answers(&Engine::open(&config(data_a.clone(), "clean-a")).unwrap());
    let clean_b = answers(&Engine::open(&config(data_b.clone(), "clean-b")).unwrap());
    assert_ne!(clean_a, clean_b, "the two corpora must answer differently for this test to mean anything");

    let a = Engine::open(&config(data_a.clone(), "shared")).unwrap();
    assert_eq!(answers(&a), clean_a);
    let b = Engine::open(&config(data_b.clone(), "shared")).unwrap();
    assert!(matches!(b.index_origin(), IndexOrigin::Built(_)));
    assert_ne!(passages(&a), passages(&b), "each corpus has its own directory");
    // Tantivy's default reader polls meta.json about every 500 ms; give it time to misbehave.
    std::thread::sleep(std::time::Duration::from_millis(1200));
    assert_eq!(answers(&a), clean_a, "instance A changed its answers when B built its index");
    assert_eq!(answers(&b), clean_b);

    // A restarts (the old version again, a rollback) and B goes on: both reuse their own.
    drop(a);
    let a = Engine::open(&config(data_a, "shared")).unwrap();
    assert!(matches!(a.index_origin(), IndexOrigin::Reused(_)), "{:?}", a.index_origin());
    assert_eq!(answers(&a), clean_a);
    assert_eq!(answers(&b), clean_b);
}

/// Old fingerprints' directories are removed once more than a few have piled up, but never
/// one that a running engine reads.
#[test]
fn old_index_directories_are_cleaned_up_but_not_while_in_use() {
    let s = scratch();
    let running = Engine::open(&s.config()).unwrap();
    let held = passages(&running).parent().unwrap().to_path_buf();
    for (i, day) in ["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05"].iter().enumerate() {
        std::fs::write(
            s.data().join(format!("articles/extra-{i}.md")),
            article(&format!("extra-{i}"), day, "Russia and Ukraine each freed 175 prisoners."),
        )
        .unwrap();
        // Each start sees one article more: a new fingerprint, a new directory.
        drop(Engine::open(&s.config()).unwrap());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let slots: Vec<String> = std::fs::read_dir(s.index())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("powbot-index-"))
        .collect();
    assert!(held.exists(), "the directory a running engine reads was removed");
    assert!(
        slots.len() <= powbot::index::store::KEEP + 1,
        "{} fingerprint directories were kept: {slots:?}",
        slots.len()
    );
    assert!(running.answer("How many soldiers were returned on 5 February 2025?").answered);
}

/// A copy of the shipped corpus (articles and curated file) to change.
fn shipped_copy(dir: &Path) -> PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    for entry in std::fs::read_dir(shipped_data().join("articles")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, articles.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::copy(shipped_data().join("exchanges.toml"), dir.join("exchanges.toml")).unwrap();
    dir.to_path_buf()
}

/// Query groups for the raw retrieval, common words (many tied scores) and rare ones.
const SEARCHES: &[&[&[&str]]] = &[
    &[&["prisoners"], &["exchange", "swap"]],
    &[&["Zelensky"]],
    &[&["Emirates", "UAE"], &["mediated"]],
    &[&["wounded"], &["returned"]],
    &[&["Belarus"], &["border"]],
    &[&["Kherson"], &["civilians"]],
    &[&["said"]],
];

/// What a full build and a grown index must agree on: sentences indexed, the raw retrieval
/// (sentences, scores and order, at limits that cut through ties), and the answers, typo
/// repair included.
fn observed(engine: &Engine) -> (usize, Vec<Vec<powbot::index::Hit>>, Vec<String>) {
    let mut searches = Vec::new();
    for groups in SEARCHES {
        let groups: Vec<Vec<String>> = groups.iter().map(|g| g.iter().map(|w| w.to_string()).collect()).collect();
        for limit in [1, 7, 30, 200] {
            searches.push(engine.search(&groups, limit));
        }
    }
    let mut replies = answers(engine);
    replies.push(render::json(&engine.answer("How many prisonrs were swaped on 14 June 2025?")));
    replies.push(render::json(&engine.answer("What did Lubinets say about the Chernihiv exchange?")));
    (engine.indexed_sentences(), searches, replies)
}

/// `engine` as a full build of its corpus in a fresh index directory gives it.
fn full_build(data: &Path, scratch: &Path) -> (usize, Vec<Vec<powbot::index::Hit>>, Vec<String>) {
    let config = EngineConfig { data_dir: data.to_path_buf(), index_dir: scratch.to_path_buf(), today: None };
    let engine = Engine::open(&config).unwrap();
    assert!(engine.index_growth().is_none() && matches!(engine.index_origin(), IndexOrigin::Built(_)));
    observed(&engine)
}

fn new_article(data: &Path, file: &str, id: &str, body: &str) {
    std::fs::write(data.join("articles").join(file), article(id, "2025-06-14", body)).unwrap();
}

/// Issue 8: a new article adds its sentences to the index; nothing else is indexed again,
/// and the grown index answers exactly as a full build of the same corpus.
#[test]
fn a_new_article_grows_the_index_into_what_a_full_build_gives() {
    let work = tempfile::tempdir().unwrap();
    let data = shipped_copy(&work.path().join("data"));
    let config = EngineConfig { data_dir: data.clone(), index_dir: work.path().join("index"), today: None };
    let first = Engine::open(&config).unwrap();
    let articles = first.corpus().articles.len();
    // First in file-name order, so that every other article's position in the corpus moves.
    new_article(
        &data,
        "000-new.md",
        "new-2025-06-14",
        "Ukraine and Russia exchanged prisoners on Saturday. The swap, mediated by the United Arab \
         Emirates, returned 84 prisoners to each side, Zelensky said.\n\nThe released prisoners \
         crossed the Belarus border and were taken to Chernihiv, where Lubinets greeted them.",
    );
    let grown = Engine::open(&config).unwrap();
    let growth = grown.index_growth().expect("the index was grown from the previous one").clone();
    assert_eq!((growth.added, growth.changed, growth.removed), (1, 0, 0), "{growth:?}");
    assert_eq!((growth.reused, growth.reindexed), (articles, 0), "{growth:?}");
    assert_eq!(growth.from, passages(&first).parent().unwrap());
    assert_eq!(observed(&grown), full_build(&data, &work.path().join("full")));
    // The next start reuses what was grown.
    drop(grown);
    assert!(matches!(Engine::open(&config).unwrap().index_origin(), IndexOrigin::Reused(_)));
}

/// Editing an article drops the segments that hold it (their unchanged articles are indexed
/// again beside it); removing one drops its segment; segments of untouched articles are
/// taken over. Every stage answers as a full build does.
#[test]
fn edited_and_removed_articles_grow_the_index_into_what_a_full_build_gives() {
    let work = tempfile::tempdir().unwrap();
    let data = shipped_copy(&work.path().join("data"));
    let config = EngineConfig { data_dir: data.clone(), index_dir: work.path().join("index"), today: None };
    let articles = Engine::open(&config).unwrap().corpus().articles.len();
    let full = |stage: &str| full_build(&data, &work.path().join(format!("full-{stage}")));

    // Two additions, one start each: two segments beside the shipped corpus's.
    new_article(
        &data,
        "zz-first.md",
        "first",
        "Russia and Ukraine each freed 95 prisoners on Saturday, Zelensky said.",
    );
    let engine = Engine::open(&config).unwrap();
    assert_eq!(engine.index_growth().map(|g| (g.added, g.reused)), Some((1, articles)));
    new_article(&data, "zz-second.md", "second", "The wounded prisoners were returned through Belarus, Lubinets said.");
    let engine = Engine::open(&config).unwrap();
    assert_eq!(engine.index_growth().map(|g| (g.added, g.reused)), Some((1, articles + 1)));
    assert_eq!(observed(&engine), full("two-added"));

    // The first edited and the second removed: only the shipped corpus's segment is kept.
    new_article(
        &data,
        "zz-first.md",
        "first",
        "Russia and Ukraine each freed 95 prisoners on Saturday, Zelensky said. The Emirates mediated the swap.",
    );
    std::fs::remove_file(data.join("articles/zz-second.md")).unwrap();
    let engine = Engine::open(&config).unwrap();
    let growth = engine.index_growth().expect("grown").clone();
    assert_eq!((growth.added, growth.changed, growth.removed), (0, 1, 1), "{growth:?}");
    assert_eq!((growth.reused, growth.reindexed), (articles, 0), "{growth:?}");
    assert_eq!(observed(&engine), full("edited-removed"));

    // A shipped article edited and another removed: their segment goes, its other articles
    // are indexed again, and the segment of `first` is kept.
    let afp = data.join("articles/afp-2025-02-05.md");
    let text = std::fs::read_to_string(&afp).unwrap();
    std::fs::write(&afp, format!("{text}\nThe exchange was the first since the new year, officials said.\n")).unwrap();
    std::fs::remove_file(data.join("articles/brief-2024-08-24.md")).unwrap();
    let engine = Engine::open(&config).unwrap();
    let growth = engine.index_growth().expect("grown").clone();
    assert_eq!((growth.added, growth.changed, growth.removed), (0, 1, 1), "{growth:?}");
    assert_eq!((growth.reused, growth.reindexed), (1, articles - 2), "{growth:?}");
    assert_eq!(observed(&engine), full("shipped-edited"));
}

/// The previous index is only a cache too: damaged, it is not grown from, and the new one is
/// built from scratch.
#[test]
fn a_damaged_previous_index_means_a_full_build() {
    let work = tempfile::tempdir().unwrap();
    let data = shipped_copy(&work.path().join("data"));
    let config = EngineConfig { data_dir: data.clone(), index_dir: work.path().join("index"), today: None };
    let first = passages(&Engine::open(&config).unwrap());
    for entry in std::fs::read_dir(&first).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "idx" || x == "store") {
            damage(&path);
        }
    }
    new_article(&data, "zz-new.md", "new", "Russia and Ukraine each freed 95 prisoners on Saturday.");
    let engine = Engine::open(&config).unwrap();
    assert!(engine.index_growth().is_none(), "{:?}", engine.index_growth());
    assert!(matches!(engine.index_origin(), IndexOrigin::Built(_)));
    assert_eq!(observed(&engine), full_build(&data, &work.path().join("full")));
}
