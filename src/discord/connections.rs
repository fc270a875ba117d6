//! How `serve-http` holds its connections: timeouts and caps, so that slow or idle clients
//! cannot take the endpoint down.
//!
//! `axum::serve` has no header timeout and no connection cap, and each connection it holds
//! costs a file descriptor: 200 clients trickling their headers held it for as long as they
//! liked, and 300 idle ones exhausted a low open-file limit. So connections are served by
//! hyper's HTTP/1 builder directly, with its settings:
//!
//! - `header_read_timeout`: a request's headers must arrive within [`Limits::header`]. hyper
//!   starts this clock whenever it waits for a request, so it is also the idle timeout of a
//!   kept-alive connection.
//! - at most [`Limits::connections`] connections at once; one more is answered `503` and
//!   closed at once, which frees its descriptor;
//!
//! and requests by tower layers around the router (`interactions_http::router`):
//!
//! - the body must arrive within [`Limits::body`] and the whole request be answered within
//!   [`Limits::request`] (`408` otherwise);
//! - at most [`Limits::in_flight`] requests are handled at once; more are shed with `503`
//!   rather than queued, since Discord gives up on an interaction after 3 seconds anyway.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

/// The limits of the endpoint; [`Limits::default`] suits production, tests shorten them.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Time for a request's headers to arrive, counted from when the server waits for them:
    /// also how long an idle connection stays open.
    pub header: Duration,
    /// Time for a request's body to arrive once its headers have.
    pub body: Duration,
    /// Time for a whole request, body and answer. An answer that takes longer than about a
    /// second is deferred (see `answering::DEFER_AFTER`), so this only cuts off stalls.
    pub request: Duration,
    /// Connections held at once.
    pub connections: usize,
    /// Requests handled at once.
    pub in_flight: usize,
    /// Largest request body accepted (`413` above). Interactions are a few kilobytes.
    pub max_body: usize,
    /// How long shutting down waits for requests in progress.
    pub drain: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header: Duration::from_secs(10),
            body: Duration::from_secs(10),
            request: Duration::from_secs(15),
            // Well under the usual open-file limit of 1,024, with room for the index files.
            connections: 512,
            in_flight: 64,
            max_body: 1024 * 1024,
            drain: Duration::from_secs(10),
        }
    }
}

/// What a connection over the cap gets before it is closed. Written by hand because hyper is
/// exactly what such a connection must not be handed to.
const SHED: &[u8] =
    b"HTTP/1.1 503 Service Unavailable\r\nretry-after: 1\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";

/// How long to pause accepting after an error such as "too many open files", which would
/// otherwise repeat at once in a busy loop.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Serves `router` on `listener` within `limits` until `shutdown` completes, then waits up
/// to `limits.drain` for the requests in progress.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: &Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header).keep_alive(true);
    let slots = Arc::new(Semaphore::new(limits.connections));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    let mut shed_count: u64 = 0;
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(error) => {
                    tracing::warn!(%error, "could not accept a connection");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            shed_count += 1;
            // Once, then now and then: a flood must not flood the log too.
            if shed_count % 1000 == 1 {
                tracing::warn!(shed = shed_count, "too many connections: refusing new ones with 503");
            }
            tokio::spawn(shed(stream));
            continue;
        };
        let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(router.clone()));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that times out or hangs up ends here; hyper has said why at debug level.
            let _ = connection.await;
            drop(slot);
        });
    }
    if tokio::time::timeout(limits.drain, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still in progress at shutdown were dropped");
    }
    Ok(())
}

/// Answers a connection over the cap with `503` and closes it.
async fn shed(mut stream: TcpStream) {
    let _ = tokio::time::timeout(Duration::from_secs(1), stream.write_all(SHED)).await;
}
