//! `powbot bench --articles N`: start-up, indexing and answering on a generated corpus of N
//! articles, beside bare Tantivy and SQLite FTS5 on the same sentences and query terms.
//!
//! Each engine start runs in a child process of its own (`powbot bench-phase`), so that the
//! peak memory of building (the cold start) and of serving (a warm start, then answering)
//! are measured apart, and a warm start really is a new process finding the caches on disk.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use serde::{Deserialize, Serialize};

use super::generate;
use crate::engine::{Engine, EngineConfig};

/// Seed of the generated corpus: fixed, so that every run measures the same articles.
pub const SEED: u64 = 0x00c0_ffee;

/// Everything one `--articles` run measured, printed as one JSON object.
#[derive(Debug, Clone, Serialize)]
pub struct ScaleReport {
    pub articles: usize,
    pub corpus_mb: f64,
    pub sentences: usize,
    pub exchanges: usize,
    /// First start: every article read and extracted, the index built.
    pub cold_start_ms: f64,
    /// A new process with the index and the facts cache on disk.
    pub warm_start_ms: f64,
    /// Corpus megabytes over the time the cold start spent building the Tantivy index.
    pub index_mb_per_s: f64,
    /// Corpus megabytes over the whole cold start (reading, extraction, merging, indexing).
    pub cold_mb_per_s: f64,
    pub answer_p50_us: f64,
    pub answer_p99_us: f64,
    pub answers_per_s_1_thread: f64,
    pub answers_per_s_all_threads: f64,
    pub threads: usize,
    /// The larger of the two below.
    pub peak_rss_mb: f64,
    pub peak_rss_build_mb: f64,
    pub peak_rss_serve_mb: f64,
    /// Where the cold and the warm start spent their time.
    pub cold_stages_ms: Vec<(String, f64)>,
    pub warm_stages_ms: Vec<(String, f64)>,
    /// powbot's own retrieval (`PassageIndex::search`, top 10) on the comparison queries.
    pub search_p50_us: f64,
    pub tantivy_raw_index_mb_per_s: f64,
    pub tantivy_raw_p50_us: f64,
    pub fts5_build_ms: f64,
    pub fts5_p50_us: f64,
    pub slowest_us: Vec<(String, f64)>,
}

/// What a `bench-phase` child reports on stdout.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PhaseReport {
    pub start_ms: f64,
    pub stages_ms: Vec<(String, f64)>,
    pub sentences: usize,
    pub exchanges: usize,
    pub peak_rss_mb: f64,
    pub answer_p50_us: f64,
    pub answer_p99_us: f64,
    pub answers_per_s_1_thread: f64,
    pub answers_per_s_all_threads: f64,
    pub threads: usize,
    pub search_p50_us: f64,
    /// The slowest questions (median latency), to say where a high p99 comes from.
    pub slowest_us: Vec<(String, f64)>,
}

/// Generates the corpus under `work` (kept there for a later look), runs the phases, and
/// measures the baselines.
pub fn run(articles: usize, work: &Path) -> anyhow::Result<ScaleReport> {
    if articles == 0 {
        bail!("--articles must be at least 1");
    }
    let data = work.join("data");
    let index = work.join("index");
    // Only what this benchmark made: a previous run's corpus of another size must not mix in.
    for dir in [&data, &index] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).with_context(|| format!("cannot clear {}", dir.display()))?;
        }
    }
    eprintln!("bench: generating {articles} articles in {}", data.display());
    let generated = generate::write(&data, articles, SEED).context("cannot write the generated corpus")?;
    let questions = work.join("questions.json");
    std::fs::write(&questions, serde_json::to_string(&generate::questions(&generated.events))?)?;
    let corpus_mb = generated.bytes as f64 / 1e6;

    eprintln!("bench: cold start");
    let cold = phase("cold", &data, &index, &questions)?;
    eprintln!("bench: warm start and answering");
    let warm = phase("warm", &data, &index, &questions)?;
    eprintln!("bench: bare Tantivy and FTS5 on the same sentences");
    let sentences = super::baseline::sentences(&data)?;
    let raw = super::baseline::tantivy(&sentences, &work.join("raw-tantivy"))?;
    let fts5 = super::baseline::fts5(&sentences)?;

    let index_ms = stage(&cold.stages_ms, "index").unwrap_or(cold.start_ms);
    Ok(ScaleReport {
        articles,
        corpus_mb: round(corpus_mb),
        sentences: warm.sentences,
        exchanges: warm.exchanges,
        cold_start_ms: round(cold.start_ms),
        warm_start_ms: round(warm.start_ms),
        index_mb_per_s: round(corpus_mb / (index_ms / 1000.0)),
        cold_mb_per_s: round(corpus_mb / (cold.start_ms / 1000.0)),
        answer_p50_us: warm.answer_p50_us,
        answer_p99_us: warm.answer_p99_us,
        answers_per_s_1_thread: warm.answers_per_s_1_thread,
        answers_per_s_all_threads: warm.answers_per_s_all_threads,
        threads: warm.threads,
        peak_rss_mb: cold.peak_rss_mb.max(warm.peak_rss_mb),
        peak_rss_build_mb: cold.peak_rss_mb,
        peak_rss_serve_mb: warm.peak_rss_mb,
        cold_stages_ms: cold.stages_ms,
        warm_stages_ms: warm.stages_ms,
        search_p50_us: warm.search_p50_us,
        tantivy_raw_index_mb_per_s: round(corpus_mb / raw.build.as_secs_f64()),
        tantivy_raw_p50_us: raw.p50_us,
        fts5_build_ms: round(fts5.build.as_secs_f64() * 1000.0),
        fts5_p50_us: fts5.p50_us,
        slowest_us: warm.slowest_us,
    })
}

fn stage(stages: &[(String, f64)], name: &str) -> Option<f64> {
    stages.iter().find(|(n, _)| n == name).map(|(_, ms)| *ms)
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Runs `powbot bench-phase NAME` and reads its report.
fn phase(name: &str, data: &Path, index: &Path, questions: &Path) -> anyhow::Result<PhaseReport> {
    let exe = std::env::current_exe().context("cannot find the powbot executable to run a phase")?;
    let out = Command::new(exe)
        .arg("bench-phase")
        .arg(name)
        .arg("--data")
        .arg(data)
        .arg("--index")
        .arg(index)
        .arg("--questions")
        .arg(questions)
        .output()
        .with_context(|| format!("cannot run the {name} phase"))?;
    if !out.status.success() {
        bail!("the {name} phase failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim());
    }
    serde_json::from_slice(&out.stdout).with_context(|| format!("the {name} phase printed no report"))
}

/// The child's side: `cold` opens the engine on an empty index directory; `warm` opens it
/// again and then answers.
pub fn run_phase(name: &str, config: &EngineConfig, questions: &[String]) -> anyhow::Result<PhaseReport> {
    let t = Instant::now();
    let engine = Engine::open(config)?;
    let start = t.elapsed();
    let mut report = PhaseReport {
        start_ms: ms(start),
        stages_ms: engine.startup().stages().iter().map(|(n, d)| (n.to_string(), ms(*d))).collect(),
        sentences: engine.indexed_sentences(),
        exchanges: engine.facts().exchanges.len(),
        ..PhaseReport::default()
    };
    if name == "warm" && !questions.is_empty() {
        answer_latency(&engine, questions, &mut report);
        report.search_p50_us = search_latency(&engine);
    }
    report.peak_rss_mb = peak_rss_mb().unwrap_or(0.0);
    Ok(report)
}

/// Latency over a few rounds of the question set, then answers per second on one thread and
/// on every core (the engine shared read-only by all of them).
fn answer_latency(engine: &Engine, questions: &[String], report: &mut PhaseReport) {
    // One round unmeasured: the index's pages come into memory.
    for q in questions {
        std::hint::black_box(engine.answer(q));
    }
    let rounds = 5;
    let mut times = Vec::with_capacity(questions.len() * rounds);
    let mut per_question: Vec<Vec<Duration>> = vec![Vec::new(); questions.len()];
    for _ in 0..rounds {
        for (q, own) in questions.iter().zip(&mut per_question) {
            let t = Instant::now();
            std::hint::black_box(engine.answer(q));
            times.push(t.elapsed());
            own.push(t.elapsed());
        }
    }
    times.sort();
    let mut slowest: Vec<(String, f64)> = questions
        .iter()
        .zip(per_question)
        .map(|(q, mut own)| {
            own.sort();
            (q.clone(), us(percentile(&own, 0.5)))
        })
        .collect();
    slowest.sort_by(|a, b| b.1.total_cmp(&a.1));
    slowest.truncate(3);
    report.slowest_us = slowest;
    report.answer_p50_us = us(percentile(&times, 0.50));
    report.answer_p99_us = us(percentile(&times, 0.99));
    let budget = Duration::from_millis(1500);
    report.answers_per_s_1_thread = round(throughput(engine, questions, 1, budget));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    report.threads = threads;
    report.answers_per_s_all_threads = round(throughput(engine, questions, threads, budget));
}

/// Answers per second with `threads` threads answering the question set for about `budget`.
fn throughput(engine: &Engine, questions: &[String], threads: usize, budget: Duration) -> f64 {
    let t = Instant::now();
    let answered: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|k| {
                scope.spawn(move || {
                    let mut n = 0;
                    // Each thread starts at another question, so they do not move in lockstep.
                    let mut i = k * questions.len() / threads;
                    while t.elapsed() < budget {
                        std::hint::black_box(engine.answer(&questions[i % questions.len()]));
                        i += 1;
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
    });
    answered as f64 / t.elapsed().as_secs_f64()
}

fn search_latency(engine: &Engine) -> f64 {
    let groups: Vec<Vec<Vec<String>>> =
        generate::QUERIES.iter().map(|q| q.iter().map(|w| vec![(*w).to_string()]).collect()).collect();
    for g in &groups {
        std::hint::black_box(engine.search(g, 10));
    }
    let mut times = Vec::new();
    for _ in 0..20 {
        for g in &groups {
            let t = Instant::now();
            std::hint::black_box(engine.search(g, 10));
            times.push(t.elapsed());
        }
    }
    times.sort();
    us(percentile(&times, 0.5))
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    round(d.as_secs_f64() * 1000.0)
}

fn us(d: Duration) -> f64 {
    round(d.as_secs_f64() * 1e6)
}

/// The process's peak resident memory (Linux `VmHWM`), in megabytes.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(round(kb / 1024.0))
}

/// Where a run keeps its corpus when no directory is given.
pub fn default_work_dir(articles: usize) -> PathBuf {
    std::env::temp_dir().join(format!("powbot-bench-{articles}"))
}
