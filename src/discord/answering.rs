//! Running requests off the async executor, within Discord's response window.
//!
//! The engine is synchronous and reads its Tantivy index from disk, and the store is SQLite,
//! so every request runs through `spawn_blocking`: a slow search must not stall the gateway
//! heartbeat or other interactions. Discord drops an interaction that gets no response within
//! 3 seconds, so `dispatch` waits at most [`DEFER_AFTER`] for the answer and otherwise defers
//! ("thinking…") and finishes later.

use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinHandle;

use crate::engine::Engine;
use crate::reload::Live;

use crate::lang::Lang;

use super::reply::Reply;
use super::request::{Outcome, Request, Response};
use super::store::Store;

/// How long to wait for an answer before deferring. Leaves more than a second of the 3-second
/// window for the response itself to reach Discord.
pub const DEFER_AFTER: Duration = Duration::from_millis(1500);

/// Said when a request failed (it panicked): the user gets a reply, the log gets the details.
const FAILURE: &str = "Sorry, something went wrong while answering. Please try again later.";

/// What running a request reads: the engine, and what the bot remembers.
pub struct Shared {
    /// The engine in service; a reload swaps it (see `crate::reload`). A request takes it once
    /// with [`Shared::engine`] and answers with that one throughout.
    pub engine: Live,
    /// Votes, long tickets, threads; `None` only when not even an in-memory store could be had.
    pub store: Option<Store>,
    /// Where `/ingest` writes articles and how it fetches; `None`: the bot does not ingest.
    pub ingest: Option<crate::ingest::Options>,
}

impl Shared {
    /// The engine with a store in `index_dir` (or in memory, when that cannot be used).
    pub fn new(engine: impl Into<Live>, index_dir: &std::path::Path) -> Shared {
        Shared { engine: engine.into(), store: Store::open_or_in_memory(index_dir), ingest: None }
    }

    /// The engine with a store of its own in memory (tests, and bots without a disk).
    pub fn in_memory(engine: impl Into<Live>) -> Shared {
        Shared { engine: engine.into(), store: Store::in_memory().ok(), ingest: None }
    }

    /// The same, with `/ingest` writing into `options.data_dir` (the directory the reload
    /// watches).
    pub fn with_ingest(self, options: crate::ingest::Options) -> Shared {
        Shared { ingest: Some(options), ..self }
    }

    /// The engine in service now, for one request.
    pub fn engine(&self) -> Arc<Engine> {
        self.engine.current()
    }
}

/// Which corpus `engine` answers from, as feedback records it.
pub fn corpus_of(engine: &Engine) -> String {
    crate::index::fingerprint(engine.corpus())
}

/// An answer that is ready, or still being worked on.
#[derive(Debug)]
pub enum Progress {
    Ready(Outcome),
    Pending(JoinHandle<Outcome>),
}

/// Starts `request` on the blocking pool and waits up to `deadline` for it (`None`: however
/// long it takes). A zero deadline always defers (what the tests of the deferred path rely on).
pub async fn within(
    shared: Arc<Shared>,
    request: Request,
    locale: Option<Lang>,
    deadline: Option<Duration>,
) -> Progress {
    let mut task = tokio::task::spawn_blocking(move || request.run(&shared, locale));
    let Some(deadline) = deadline else {
        return Progress::Ready(settle(task.await));
    };
    if deadline.is_zero() {
        return Progress::Pending(task);
    }
    match tokio::time::timeout(deadline, &mut task).await {
        Ok(joined) => Progress::Ready(settle(joined)),
        Err(_elapsed) => Progress::Pending(task),
    }
}

/// Waits for a pending answer.
pub async fn finish(task: JoinHandle<Outcome>) -> Outcome {
    settle(task.await)
}

fn settle(joined: Result<Outcome, tokio::task::JoinError>) -> Outcome {
    joined.unwrap_or_else(|error| {
        tracing::error!(%error, "a request failed while being answered");
        Outcome { response: Response::Reply(Reply::notice(FAILURE)), ticket: None }
    })
}
