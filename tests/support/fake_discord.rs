//! A fake Discord on 127.0.0.1: enough REST and gateway for serenity's real client.
//!
//! REST (axum): `GET /api/v10/gateway` hands out the fake gateway's `ws://` URL; every other
//! request is recorded, its body (JSON, or a multipart upload) checked by `Schemas`, and
//! answered with a plausible response (the objects serenity parses).
//!
//! Gateway (tokio-tungstenite): HELLO, then IDENTIFY is awaited and answered with READY, then
//! scripted events are sent as dispatches and heartbeats are acknowledged. Plain text frames:
//! serenity accepts them alongside zlib-compressed binary ones.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::{Notify, mpsc};
use tokio_tungstenite::tungstenite::Message as Frame;

use super::multipart::Part;
use super::schemas::{Body, Schemas};

pub const APPLICATION_ID: &str = "900000000000000001";
pub const BOT_ID: &str = "900000000000000002";

/// One REST request the bot made.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Without the `/api/v10` prefix, e.g. `/channels/5/messages`.
    pub path: String,
    pub authorization: Option<String>,
    /// `Value::Null` when there was no body; of a multipart upload, its `payload_json`.
    pub body: Value,
    /// The uploaded parts of a multipart body.
    pub files: Vec<Part>,
    /// How the body breaks the rules (or why it could not be checked); empty when it conforms.
    pub problems: Vec<String>,
    /// When it arrived.
    pub at: std::time::Instant,
    /// The status the fake answered with.
    pub status: u16,
}

/// A failure the fake answers with instead of success (see [`FakeDiscord::fail`]).
#[derive(Debug, Clone, Copy)]
pub enum Fault {
    /// `429 Too Many Requests` with this `retry-after`, in seconds, as header and in the body.
    RateLimited(f64),
    /// This error status (`5xx`, or a `4xx` such as `404 Unknown interaction`).
    Status(u16),
}

/// What the gateway saw the client do.
#[derive(Debug, Clone, Default)]
pub struct GatewayLog {
    /// The `d` of each IDENTIFY.
    pub identifies: Vec<Value>,
}

struct Shared {
    schemas: Arc<Schemas>,
    gateway_url: String,
    requests: Mutex<Vec<Recorded>>,
    gateway: Mutex<GatewayLog>,
    changed: Notify,
    next_id: AtomicU64,
    /// Failures still to answer with: (method, path, the next ones in order).
    faults: Mutex<Vec<(String, String, VecDeque<Fault>)>>,
    /// The commands last registered at each commands path, as Discord would return them.
    commands: Mutex<std::collections::HashMap<String, Value>>,
}

pub struct FakeDiscord {
    /// Base URL to give serenity as its REST proxy.
    pub rest_url: String,
    shared: Arc<Shared>,
    events: mpsc::UnboundedSender<(String, Value)>,
}

impl FakeDiscord {
    pub async fn start(schemas: Arc<Schemas>) -> FakeDiscord {
        let rest = TcpListener::bind("127.0.0.1:0").await.expect("bind REST");
        let gateway = TcpListener::bind("127.0.0.1:0").await.expect("bind gateway");
        let rest_url = format!("http://{}", rest.local_addr().expect("REST address"));
        let gateway_url = format!("ws://{}", gateway.local_addr().expect("gateway address"));
        let shared = Arc::new(Shared {
            schemas,
            gateway_url,
            requests: Mutex::new(Vec::new()),
            gateway: Mutex::new(GatewayLog::default()),
            changed: Notify::new(),
            next_id: AtomicU64::new(910_000_000_000_000_000),
            faults: Mutex::new(Vec::new()),
            commands: Mutex::new(std::collections::HashMap::new()),
        });
        let app = Router::new().fallback(rest_handler).with_state(Arc::clone(&shared));
        tokio::spawn(async move {
            axum::serve(rest, app).await.expect("fake REST server");
        });
        let (events, receiver) = mpsc::unbounded_channel();
        tokio::spawn(run_gateway(gateway, Arc::clone(&shared), receiver));
        FakeDiscord { rest_url, shared, events }
    }

    /// Sends a gateway dispatch (`op` 0) with event name `event` and payload `data`.
    pub fn dispatch(&self, event: &str, data: Value) {
        self.events.send((event.to_string(), data)).expect("the fake gateway is running");
    }

    /// Answers the next requests `method path` with `faults`, one each, in order; then as usual.
    pub fn fail(&self, method: &str, path: &str, faults: &[Fault]) {
        let faults = faults.iter().copied().collect();
        self.shared.faults.lock().unwrap().push((method.to_string(), path.to_string(), faults));
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.requests.lock().unwrap().clone()
    }

    pub fn gateway_log(&self) -> GatewayLog {
        self.shared.gateway.lock().unwrap().clone()
    }

    /// Waits for the first recorded request matching `wanted`, failing the test after `within`.
    pub async fn wait_for(&self, what: &str, within: Duration, wanted: impl Fn(&Recorded) -> bool) -> Recorded {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let changed = self.shared.changed.notified();
            if let Some(found) = self.requests().into_iter().find(|r| wanted(r)) {
                return found;
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                panic!(
                    "timed out waiting for {what}; requests so far: {:#?}",
                    self.requests().iter().map(|r| format!("{} {}", r.method, r.path)).collect::<Vec<_>>()
                );
            }
        }
    }

    /// Waits until the gateway has seen an IDENTIFY.
    pub async fn wait_for_identify(&self, within: Duration) -> Value {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let changed = self.shared.changed.notified();
            if let Some(first) = self.gateway_log().identifies.first() {
                return first.clone();
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                panic!("timed out waiting for IDENTIFY");
            }
        }
    }
}

async fn rest_handler(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().strip_prefix("/api/v10").unwrap_or(uri.path()).to_string();
    if method == Method::GET && path == "/gateway" {
        return axum::Json(json!({ "url": shared.gateway_url })).into_response();
    }
    let content_type = headers.get("content-type").and_then(|value| value.to_str().ok()).unwrap_or_default();
    let (body, problems) = if body.is_empty() {
        (Body::json(Value::Null), Vec::new())
    } else {
        match Body::from_http(content_type, &body) {
            Err(problem) => (Body::json(Value::Null), vec![problem]),
            Ok(read) => {
                let problems = shared.schemas.problems(method.as_str(), &path, &read);
                (read, problems)
            }
        }
    };
    let fault = {
        let mut faults = shared.faults.lock().unwrap();
        faults
            .iter_mut()
            .find(|(m, p, left)| *m == method.as_str() && *p == path && !left.is_empty())
            .and_then(|(_, _, left)| left.pop_front())
    };
    let recorded = Recorded {
        method: method.to_string(),
        path: path.clone(),
        authorization: headers.get("authorization").and_then(|value| value.to_str().ok()).map(str::to_string),
        body: body.json.clone(),
        files: body.files,
        problems,
        at: std::time::Instant::now(),
        status: match fault {
            Some(Fault::RateLimited(_)) => 429,
            Some(Fault::Status(status)) => status,
            None => 200,
        },
    };
    let body = body.json;
    shared.requests.lock().unwrap().push(recorded);
    shared.changed.notify_waiters();
    match fault {
        Some(Fault::RateLimited(seconds)) => {
            let body =
                json!({ "message": "You are being rate limited.", "retry_after": seconds, "global": false, "code": 0 });
            return (StatusCode::TOO_MANY_REQUESTS, [("retry-after", seconds.to_string())], axum::Json(body))
                .into_response();
        }
        Some(Fault::Status(status)) => {
            let status = StatusCode::from_u16(status).expect("a status code");
            return (status, axum::Json(json!({ "message": status.to_string(), "code": 0 }))).into_response();
        }
        None => {}
    }

    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let id = || shared.next_id.fetch_add(1, Ordering::Relaxed).to_string();
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["oauth2", "applications", "@me"]) => axum::Json(json!({
            "id": APPLICATION_ID,
            "name": "powbot",
            "icon": null,
            "description": "",
            "bot_public": true,
            "bot_require_code_grant": false,
            "verify_key": "00",
            "flags": 0
        }))
        .into_response(),
        ("PUT", ["applications", _, "commands"]) | ("PUT", ["applications", _, "guilds", _, "commands"]) => {
            let guild_id = segments.get(3).map(|g| g.to_string());
            let commands: Vec<Value> = body
                .as_array()
                .into_iter()
                .flatten()
                .map(|command| {
                    let mut command = command.clone();
                    command["id"] = json!(id());
                    command["application_id"] = json!(APPLICATION_ID);
                    command["version"] = json!(id());
                    command["guild_id"] = json!(guild_id);
                    if command.get("type").is_none() {
                        command["type"] = json!(1);
                    }
                    if command.get("default_member_permissions").is_none() {
                        command["default_member_permissions"] = Value::Null;
                    }
                    command
                })
                .collect();
            let commands = Value::Array(commands);
            shared.commands.lock().unwrap().insert(path.clone(), commands.clone());
            axum::Json(commands).into_response()
        }
        ("GET", ["applications", _, "commands"]) | ("GET", ["applications", _, "guilds", _, "commands"]) => {
            let registered = shared.commands.lock().unwrap().get(&path).cloned();
            axum::Json(registered.unwrap_or(json!([]))).into_response()
        }
        ("POST", ["channels", channel, "messages", message, "threads"]) => axum::Json(json!({
            "id": message,
            "type": 11,
            "guild_id": "930000000000000001",
            "parent_id": channel,
            "name": body["name"],
            "owner_id": BOT_ID,
            "flags": 0
        }))
        .into_response(),
        ("POST", ["interactions", _, _, "callback"]) => StatusCode::NO_CONTENT.into_response(),
        ("POST", ["channels", channel, "messages"]) => axum::Json(message(&id(), channel, &body)).into_response(),
        ("POST", ["webhooks", _, _]) | ("PATCH", ["webhooks", _, _, "messages", _]) => {
            axum::Json(message(&id(), "1", &body)).into_response()
        }
        ("DELETE", _) => StatusCode::NO_CONTENT.into_response(),
        _ => (StatusCode::NOT_FOUND, axum::Json(json!({ "message": "404: Not Found", "code": 0 }))).into_response(),
    }
}

/// A message object as Discord returns it after a create or edit.
fn message(id: &str, channel: &str, body: &Value) -> Value {
    json!({
        "id": id,
        "channel_id": channel,
        "author": user(BOT_ID, "powbot", true),
        "content": body.get("content").cloned().unwrap_or(json!("")),
        "timestamp": "2025-03-19T12:00:00.000000+00:00",
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0
    })
}

/// A user object.
pub fn user(id: &str, name: &str, bot: bool) -> Value {
    json!({
        "id": id,
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": null,
        "bot": bot
    })
}

async fn run_gateway(listener: TcpListener, shared: Arc<Shared>, mut events: mpsc::UnboundedReceiver<(String, Value)>) {
    // One connection at a time; if the client reconnects, the next one gets the same script.
    while let Ok((stream, _)) = listener.accept().await {
        let Ok(mut socket) = tokio_tungstenite::accept_async(stream).await else {
            continue;
        };
        let hello = json!({ "op": 10, "d": { "heartbeat_interval": 41_250 } });
        if socket.send(Frame::text(hello.to_string())).await.is_err() {
            continue;
        }
        let mut sequence = 0u64;
        loop {
            tokio::select! {
                frame = socket.next() => {
                    let Some(Ok(frame)) = frame else { break };
                    let Ok(text) = frame.to_text() else { continue };
                    let Ok(payload) = serde_json::from_str::<Value>(text) else { continue };
                    match payload["op"].as_u64() {
                        Some(1) => {
                            let ack = json!({ "op": 11 });
                            if socket.send(Frame::text(ack.to_string())).await.is_err() {
                                break;
                            }
                        }
                        Some(2) => {
                            shared.gateway.lock().unwrap().identifies.push(payload["d"].clone());
                            shared.changed.notify_waiters();
                            sequence += 1;
                            let ready = json!({
                                "op": 0, "s": sequence, "t": "READY",
                                "d": {
                                    "v": 10,
                                    "user": user(BOT_ID, "powbot", true),
                                    "guilds": [],
                                    "session_id": "fake-session",
                                    "resume_gateway_url": shared.gateway_url,
                                    "shard": [0, 1],
                                    "application": { "id": APPLICATION_ID, "flags": 0 }
                                }
                            });
                            if socket.send(Frame::text(ready.to_string())).await.is_err() {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                event = events.recv() => {
                    let Some((name, data)) = event else { return };
                    sequence += 1;
                    let dispatch = json!({ "op": 0, "s": sequence, "t": name, "d": data });
                    if socket.send(Frame::text(dispatch.to_string())).await.is_err() {
                        break;
                    }
                }
            }
        }
    }
}
