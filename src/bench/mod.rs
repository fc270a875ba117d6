//! `powbot bench`: how long start-up and answering take, measured on the
//! real engine. Speed targets live here, not in timed unit tests.
//!
//! `run` times a question file against a data directory (`--questions`); `scale` generates
//! a corpus of any size (`generate`) and measures it beside bare Tantivy and SQLite FTS5
//! (`baseline`) (`--articles N`). None of it is on the bot's path.

mod baseline;
pub mod generate;
pub mod scale;

use std::path::Path;
use std::time::{Duration, Instant};

use crate::engine::{Engine, EngineConfig, Error};
use crate::index::IndexOrigin;

/// Timings of one bench run.
#[derive(Debug, Clone)]
pub struct Report {
    /// Opening the engine with the index already on disk (the usual start).
    pub warm_start: Duration,
    /// Opening the engine after deleting the index (first start, or a changed corpus).
    pub cold_start: Duration,
    /// Every answer's latency, sorted.
    pub answers: Vec<Duration>,
    pub questions: usize,
    pub rounds: usize,
}

impl Report {
    pub fn percentile(&self, p: f64) -> Duration {
        if self.answers.is_empty() {
            return Duration::ZERO;
        }
        let i = ((self.answers.len() - 1) as f64 * p).round() as usize;
        self.answers[i.min(self.answers.len() - 1)]
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "start-up, index rebuilt: {:>8.1} ms", ms(self.cold_start))?;
        writeln!(f, "start-up, index reused:  {:>8.1} ms", ms(self.warm_start))?;
        writeln!(f, "answers: {} questions x {} rounds", self.questions, self.rounds)?;
        for (name, p) in [("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1.0)] {
            writeln!(f, "  {name}: {:>8.3} ms", ms(self.percentile(p)))?;
        }
        Ok(())
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Measures cold and warm start-up, then answers every question `rounds` times.
pub fn run(config: &EngineConfig, questions: &[String], rounds: usize) -> Result<Report, Error> {
    // Removes this corpus's index (only that folder: the cache powbot owns) so that the
    // first timed start builds it.
    let slot = match Engine::open(config)?.index_origin() {
        IndexOrigin::Built(passages) | IndexOrigin::Reused(passages) => passages.parent().map(Path::to_path_buf),
        IndexOrigin::InMemory { .. } => None,
    };
    if let Some(slot) = slot {
        let _ = std::fs::remove_dir_all(slot);
    }
    let t = Instant::now();
    drop(Engine::open(config)?);
    let cold_start = t.elapsed();
    let t = Instant::now();
    let engine = Engine::open(config)?;
    let warm_start = t.elapsed();
    let mut answers = Vec::with_capacity(questions.len() * rounds);
    for _ in 0..rounds {
        for q in questions {
            let t = Instant::now();
            std::hint::black_box(engine.answer(q));
            answers.push(t.elapsed());
        }
    }
    answers.sort();
    Ok(Report { warm_start, cold_start, answers, questions: questions.len(), rounds })
}
