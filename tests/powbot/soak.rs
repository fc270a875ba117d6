//! The soak test: 50,000 questions from concurrent tasks against one engine, through the
//! path the Discord bot uses (`answering::within`, on the blocking pool). No reply may be the
//! failure notice, and memory must stay flat. Not part of `cargo test`; run it with
//!
//! ```sh
//! cargo test --release --test powbot soak -- --ignored --nocapture
//! ```
//!
//! and record what it prints in RELIABILITY.md.

use std::sync::Arc;
use std::time::Instant;

use powbot::discord::answering;
use powbot::discord::request::{Request, Response};
use powbot::{Engine, EngineConfig};

use crate::support::shipped_data;

const QUESTIONS: usize = 50_000;
const TASKS: usize = 16;

/// Varied enough to take every path: counts, totals, lists, comparisons, searches,
/// abstentions, impossible dates, noise and query syntax.
const ASKED: &[&str] = &[
    "How many prisoners were exchanged on 19 March 2025?",
    "Who mediated the February 2025 swap?",
    "Which exchange was the largest?",
    "List every exchange in 2025",
    "What did Zelensky say about the swap?",
    "How many prisoners did Ukraine get back in 2024?",
    "Was the December 2024 exchange bigger than the August 2024 one?",
    "How many wounded were returned?",
    "When was the last exchange?",
    "Where were the prisoners handed over?",
    "How many prisoners were exchanged on 31 February 2025?",
    "What is the weather in Kyiv today?",
    "title:foo AND \"unclosed (((( wild* fuzzy~2",
    "@everyone <@123> how many?",
    "1,000 for 1,000",
    "",
    "🇺🇦🇷🇺 обмін полоненими",
];

/// Resident memory of this process, in kilobytes (Linux).
fn rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[test]
#[ignore = "a soak run of about a minute; see the module docs"]
fn soak_50_000_questions_from_concurrent_tasks() {
    let index = tempfile::tempdir().unwrap();
    let config = EngineConfig { data_dir: shipped_data(), index_dir: index.path().to_path_buf(), today: None };
    let engine = Arc::new(Engine::open(&config).unwrap());
    let shared = Arc::new(answering::Shared::in_memory(Arc::clone(&engine)));
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let per_task = QUESTIONS / TASKS;
    let round = |from: usize| {
        let shared = Arc::clone(&shared);
        runtime.block_on(async move {
            let mut tasks = Vec::new();
            for task in 0..TASKS {
                let shared = Arc::clone(&shared);
                tasks.push(tokio::spawn(async move {
                    let mut failures = 0;
                    for i in 0..per_task / 5 {
                        let question = ASKED[(from + task * per_task + i) % ASKED.len()].to_string();
                        let request = Request::Ask { question, after: None };
                        let outcome = match answering::within(Arc::clone(&shared), request, None, None).await {
                            answering::Progress::Ready(outcome) => outcome,
                            answering::Progress::Pending(task) => answering::finish(task).await,
                        };
                        let first = match outcome.response {
                            Response::Reply(reply) => {
                                reply.messages.first().map(|m| format!("{}{:?}", m.content, m.embeds))
                            }
                            _ => None,
                        };
                        if first.is_none_or(|text| text.contains("something went wrong")) {
                            failures += 1;
                        }
                    }
                    failures
                }));
            }
            let mut failures = 0;
            for task in tasks {
                failures += task.await.expect("a soak task panicked");
            }
            failures
        })
    };
    // Five rounds of a fifth each; memory after the first is the baseline.
    let started = Instant::now();
    let mut rss = vec![rss_kb()];
    let mut failures = 0;
    for r in 0..5 {
        failures += round(r * QUESTIONS / 5);
        rss.push(rss_kb());
        println!(
            "after {:>6} questions: RSS {:>7} kB, {:.1} s",
            (r + 1) * QUESTIONS / 5,
            rss[r + 1],
            started.elapsed().as_secs_f64()
        );
    }
    let elapsed = started.elapsed();
    println!(
        "{QUESTIONS} questions from {TASKS} tasks in {:.1} s ({:.0} per second); failures: {failures}; RSS before {} kB, \
         after the first round {} kB, at the end {} kB",
        elapsed.as_secs_f64(),
        QUESTIONS as f64 / elapsed.as_secs_f64(),
        rss[0],
        rss[1],
        rss[5]
    );
    assert_eq!(failures, 0);
    // Flat: after warming up, the last four rounds may add no more than 5 MB between them.
    let growth = rss[5].saturating_sub(rss[1]);
    assert!(growth < 5 * 1024, "memory grew by {growth} kB over 40,000 questions: {rss:?}");
}
