//! Running engine requests off the async executor, within Discord's response window.
//!
//! The engine is synchronous and reads its Tantivy index from disk, so every call goes through
//! `spawn_blocking`: a slow search must not stall the gateway heartbeat or other interactions.
//! Discord drops an interaction that gets no response within 3 seconds, so callers wait at most
//! [`DEFER_AFTER`] for the answer and otherwise defer ("thinking…") and finish later.

use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinHandle;

use crate::engine::Engine;

use super::commands::Request;
use super::reply::Reply;

/// How long to wait for an answer before deferring. Leaves more than a second of the 3-second
/// window for the response itself to reach Discord.
pub const DEFER_AFTER: Duration = Duration::from_millis(1500);

/// Said when the engine failed (it panicked): the user gets a reply, the log gets the details.
const FAILURE: &str = "Sorry, something went wrong while answering. Please try again later.";

/// An answer that is ready, or still being worked on.
#[derive(Debug)]
pub enum Progress {
    Ready(Reply),
    Pending(JoinHandle<Reply>),
}

/// Starts `request` on the blocking pool and waits up to `deadline` for it. A zero deadline
/// always defers (what the tests of the deferred path rely on).
pub async fn within(engine: Arc<Engine>, request: Request, deadline: Duration) -> Progress {
    let mut task = tokio::task::spawn_blocking(move || request.run(&engine));
    if deadline.is_zero() {
        return Progress::Pending(task);
    }
    match tokio::time::timeout(deadline, &mut task).await {
        Ok(joined) => Progress::Ready(settle(joined)),
        Err(_elapsed) => Progress::Pending(task),
    }
}

/// Runs `request` on the blocking pool and waits for it however long it takes (mentions have no
/// response window).
pub async fn run(engine: Arc<Engine>, request: Request) -> Reply {
    settle(tokio::task::spawn_blocking(move || request.run(&engine)).await)
}

/// Waits for a pending answer.
pub async fn finish(task: JoinHandle<Reply>) -> Reply {
    settle(task.await)
}

fn settle(joined: Result<Reply, tokio::task::JoinError>) -> Reply {
    joined.unwrap_or_else(|error| {
        tracing::error!(%error, "the engine failed while answering");
        Reply::notice(FAILURE)
    })
}
