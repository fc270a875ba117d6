//! The engine's steps one by one, on one corpus opened once (see Cargo.toml for how to run).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use powbot::engine::{Engine, EngineConfig};

/// Questions of every shape the engine answers: a count on a day, a war total summed over
/// every exchange, a free search with a named speaker, a mediator, a list.
const QUESTIONS: &[&str] = &[
    "How many prisoners were exchanged on 19 March 2025?",
    "How many prisoners have been exchanged since 2022?",
    "What did the Coordination Headquarters say about wounded defenders?",
    "Who mediated the February 2025 swap?",
    "Which exchange was the largest?",
];

fn engine() -> (Engine, tempfile::TempDir) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let data = std::env::var_os("POWBOT_BENCH_DATA").map_or_else(|| root.join("data"), PathBuf::from);
    let index = tempfile::tempdir().expect("a temporary index directory");
    let config = EngineConfig {
        data_dir: data,
        index_dir: index.path().to_path_buf(),
        // A fixed "today", so that relative dates read the same on every run.
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
    };
    (Engine::open(&config).expect("the corpus opens"), index)
}

fn benches(c: &mut Criterion) {
    let (engine, _index) = engine();

    let mut g = c.benchmark_group("understand");
    for q in QUESTIONS {
        g.bench_function(*q, |b| b.iter(|| black_box(engine.understand(black_box(q)))));
    }
    g.finish();

    let facts = engine.facts();
    let ids: Vec<String> = facts.exchanges.iter().map(|e| e.id.clone()).collect();
    let middle = ids.get(ids.len() / 2).cloned().unwrap_or_default();
    c.bench_function("fact lookup: exchange by id", |b| b.iter(|| black_box(facts.exchange(black_box(&middle)))));
    c.bench_function("fact lookup: summary of an exchange", |b| {
        b.iter(|| black_box(engine.summary(black_box(&middle))))
    });

    let groups = vec![vec!["wounded".to_string()], vec!["defenders".to_string()]];
    c.bench_function("search: top 10 sentences", |b| b.iter(|| black_box(engine.search(black_box(&groups), 10))));
    c.bench_function("search with snippets: What did Zelensky say about the swap?", |b| {
        b.iter(|| black_box(engine.answer(black_box("What did Zelensky say about the swap?"))))
    });

    let mut g = c.benchmark_group("whole answer");
    for q in QUESTIONS {
        g.bench_function(*q, |b| b.iter(|| black_box(engine.answer(black_box(q)))));
    }
    g.finish();
}

criterion_group!(engine_benches, benches);
criterion_main!(engine_benches);
