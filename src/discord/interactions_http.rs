//! `powbot serve-http`: slash commands through Discord's Interactions Endpoint URL.
//!
//! Discord POSTs each interaction to us, signed with the application's Ed25519 key; we answer
//! in the HTTP response. A request must be signed, recent and not seen before (`replay`), and
//! slow or excess clients are cut off (`connections`). No gateway connection and little state
//! between requests (the cooldown and the replay check are per process, a best effort: a
//! replay sent to another instance behind the same load balancer is caught by the timestamp
//! alone), so any number of instances can sit behind a load balancer.
//!
//! Mentions are not available this way: messages only arrive over the gateway.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::body::Bytes;
use axum::error_handling::HandleErrorLayer;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serenity::all::{GuildId, Http, Interaction};
use serenity::interactions_endpoint::Verifier;
use tokio::sync::oneshot;
use tower::{BoxError, ServiceBuilder};
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutError, TimeoutLayer};

use super::answering::Shared;
use super::config::Token;
use super::connections::{self, Limits};
use super::cooldown::Rate;
use super::dispatch::Dispatcher;
use super::interaction::{self, InteractionDoor, Registration};
use super::replay::{self, Seen};
use super::rest::{Policy, Rest};

/// Where Discord should send interactions: set the Interactions Endpoint URL to
/// `https://<host><PATH>`.
pub const PATH: &str = "/interactions";

/// What the endpoint needs.
pub struct Settings {
    /// The application's public key, hex, from the developer portal.
    pub public_key: String,
    /// Bot token for follow-up messages and late answers. Optional: without it, long answers
    /// lose their continuation messages, and deferred answers cannot be delivered.
    pub token: Option<Token>,
    /// REST proxy base URL for those follow-ups (see `config::Config::proxy`).
    pub proxy: Option<String>,
    /// How many questions a user may ask, how fast.
    pub cooldown: Rate,
    /// How long to wait for an answer before deferring; normally `answering::DEFER_AFTER`.
    pub defer_after: Duration,
    /// Timeouts and caps on connections and requests.
    pub limits: Limits,
    /// How follow-ups and late answers that meet a `429` or a `5xx` are retried.
    pub retry: Policy,
}

/// A public key that is not 32 bytes of hex or not a valid Ed25519 point.
#[derive(Debug, thiserror::Error)]
#[error("DISCORD_PUBLIC_KEY must be the application's 64-digit hex public key")]
pub struct InvalidPublicKey;

/// Shared state of the endpoint.
pub struct Endpoint {
    dispatcher: Dispatcher,
    verifier: Verifier,
    /// REST client for follow-ups and completing deferred answers.
    http: Arc<Http>,
    /// Interaction ids recently received, to refuse replays.
    seen: Seen,
    limits: Limits,
    rest: Rest,
}

impl Endpoint {
    /// Fails on an invalid public key ([`InvalidPublicKey`]) or when no HTTP client can be set up.
    pub fn new(settings: &Settings, shared: Arc<Shared>) -> anyhow::Result<Endpoint> {
        let key = parse_hex_key(&settings.public_key).ok_or(InvalidPublicKey)?;
        let verifier = Verifier::try_new(key).map_err(|_| InvalidPublicKey)?;
        let token = settings.token.as_ref().map_or("", Token::expose);
        let (rest, http) = Rest::connect(token, settings.proxy.as_deref(), settings.retry.clone())?;
        Ok(Endpoint {
            dispatcher: Dispatcher::new(shared, settings.cooldown, settings.defer_after),
            verifier,
            http: Arc::new(http),
            seen: Seen::default(),
            limits: settings.limits.clone(),
            rest,
        })
    }

    /// Registers the slash commands (in `guild`, or globally) unless Discord already has them.
    /// Needs the bot token: the application id is looked up with it.
    pub async fn register_commands(&self, guild: Option<u64>) -> anyhow::Result<Registration> {
        let application = self
            .http
            .get_current_application_info()
            .await
            .map_err(|error| anyhow::anyhow!("could not look up the application: {error}"))?;
        self.http.set_application_id(application.id);
        interaction::register(&self.http, guild.map(GuildId::new))
            .await
            .map_err(|error| anyhow::anyhow!("could not register the slash commands: {error}"))
    }

    /// Why the request must be refused as unauthenticated: no or a bad signature, or a
    /// timestamp too far from now (see `replay`). `None` when it is Discord's, sent just now.
    fn unauthenticated(&self, headers: &HeaderMap, body: &[u8]) -> Option<String> {
        let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
        let (Some(signature), Some(timestamp)) = (header("X-Signature-Ed25519"), header("X-Signature-Timestamp"))
        else {
            return Some("missing request signature".into());
        };
        if self.verifier.verify(signature, timestamp, body).is_err() {
            return Some("invalid request signature".into());
        }
        replay::fresh(timestamp, SystemTime::now()).err().map(|replay| replay.to_string())
    }
}

/// The endpoint's routes, with the request limits of `connections` around them.
pub fn router(endpoint: Arc<Endpoint>) -> Router {
    let limits = endpoint.limits.clone();
    let overloaded = |_: BoxError| async {
        (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "1")], "too many requests at once")
    };
    Router::new().route(PATH, post(interactions)).with_state(endpoint).layer(
        ServiceBuilder::new()
            .layer(HandleErrorLayer::new(overloaded))
            .load_shed()
            .concurrency_limit(limits.in_flight)
            .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request))
            .layer(RequestBodyTimeoutLayer::new(limits.body))
            .layer(DefaultBodyLimit::max(limits.max_body)),
    )
}

/// Serves the endpoint on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    endpoint: Arc<Endpoint>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = endpoint.limits.clone();
    connections::serve(listener, router(endpoint), &limits, shutdown).await
}

async fn interactions(
    State(endpoint): State<Arc<Endpoint>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body = match body {
        Ok(body) => body,
        // The body did not arrive within `Limits::body`: a slow client, told so.
        Err(rejection) if timed_out(&rejection) => {
            return (StatusCode::REQUEST_TIMEOUT, "the request body was too slow").into_response();
        }
        Err(rejection) => return rejection.into_response(),
    };
    if let Some(reason) = endpoint.unauthenticated(&headers, &body) {
        tracing::debug!(%reason, "refused a request");
        return (StatusCode::UNAUTHORIZED, reason).into_response();
    }
    let interaction: Interaction = match serde_json::from_slice(&body) {
        Ok(interaction) => interaction,
        Err(error) => {
            tracing::warn!(%error, "could not read a signed interaction");
            return (StatusCode::BAD_REQUEST, "unreadable interaction").into_response();
        }
    };
    if let Err(replay) = endpoint.seen.first_time(interaction.id().get(), Instant::now()) {
        tracing::warn!(%replay, "refused a replayed interaction");
        return (StatusCode::UNAUTHORIZED, replay.to_string()).into_response();
    }
    // Sent by Discord when the URL is saved in the portal, and now and then to check on us.
    if let Interaction::Ping(_) = interaction {
        return json(&serde_json::json!({ "type": 1 }));
    }
    endpoint.dispatch(interaction).await
}

/// How long the handler waits for the dispatcher's first response: it defers after
/// `defer_after`, so this only guards against a dispatcher that never responds.
const FIRST_RESPONSE: Duration = Duration::from_secs(10);

impl Endpoint {
    /// Runs the interaction through the dispatcher; its first response becomes the HTTP
    /// response, and whatever follows it (follow-ups, a deferred answer) goes over REST from
    /// the dispatcher's task, which outlives this request.
    async fn dispatch(self: &Arc<Self>, interaction: Interaction) -> Response {
        let (first, response) = oneshot::channel();
        let endpoint = Arc::clone(self);
        tokio::spawn(async move {
            let door =
                InteractionDoor::over_http(Arc::clone(&endpoint.http), endpoint.rest.clone(), &interaction, first);
            endpoint.dispatcher.interaction(&interaction, &door).await;
        });
        match tokio::time::timeout(FIRST_RESPONSE, response).await {
            Ok(Ok(body)) => json(&body),
            Ok(Err(_)) => {
                tracing::error!("an interaction got no response");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
            Err(_) => {
                tracing::error!("an interaction's response took too long");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }
}

/// Whether `error` comes from the body timeout, however deep axum wrapped it.
fn timed_out(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(error);
    while let Some(error) = next {
        if error.is::<TimeoutError>() {
            return true;
        }
        next = error.source();
    }
    false
}

fn json(body: &impl serde::Serialize) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => ([(axum::http::header::CONTENT_TYPE, "application/json")], bytes).into_response(),
        Err(error) => {
            tracing::error!(%error, "could not serialise a response");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// 64 hex digits to 32 bytes; `None` for anything else.
fn parse_hex_key(hex: &str) -> Option<[u8; 32]> {
    let hex = hex.trim().as_bytes();
    if hex.len() != 64 {
        return None;
    }
    let mut key = [0u8; 32];
    for (byte, pair) in key.iter_mut().zip(hex.chunks_exact(2)) {
        let text = std::str::from_utf8(pair).ok()?;
        *byte = u8::from_str_radix(text, 16).ok()?;
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::parse_hex_key;

    #[test]
    fn public_keys_must_be_64_hex_digits() {
        assert!(parse_hex_key(&"ab".repeat(32)).is_some());
        assert!(parse_hex_key(&"ab".repeat(31)).is_none());
        assert!(parse_hex_key(&"zz".repeat(32)).is_none());
        assert!(parse_hex_key(&"é".repeat(32)).is_none());
        assert!(parse_hex_key("").is_none());
    }
}
