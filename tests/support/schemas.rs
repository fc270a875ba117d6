//! What every request body the bot sends is held to: the project's own schemas
//! (`tests/schemas/discord/`, compiled in), the rules they cannot state (`limits`), and, when it
//! is at hand, Discord's full OpenAPI spec.
//!
//! The spec is optional so that a fresh clone passes its own tests: it is found through
//! `DISCORD_OPENAPI_SPEC`, or at `../shared/discord/openapi.json` beside the crate, where CI
//! keeps it. Without it the tests print one line saying so and check the rest.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde_json::Value;

use super::limits;
use super::multipart::{self, Part};
use super::openapi::Spec;

const JSON: &str = "application/json";
const MULTIPART: &str = "multipart/form-data";

/// A request body as Discord reads it: JSON, or a multipart form whose `payload_json` is the
/// JSON and whose other parts are uploads.
#[derive(Debug, Clone)]
pub struct Body {
    pub json: Value,
    pub files: Vec<Part>,
    media: &'static str,
}

impl Body {
    pub fn json(json: Value) -> Body {
        Body { json, files: Vec::new(), media: JSON }
    }

    /// Reads a body sent with `content_type`; an error says why Discord could not.
    pub fn from_http(content_type: &str, bytes: &[u8]) -> Result<Body, String> {
        if !content_type.starts_with(MULTIPART) {
            return serde_json::from_slice(bytes).map(Body::json).map_err(|error| format!("body is not JSON: {error}"));
        }
        let (payload, files): (Vec<Part>, Vec<Part>) =
            multipart::parse(content_type, bytes)?.into_iter().partition(|part| part.name == "payload_json");
        let payload = payload.first().ok_or("a multipart body without payload_json")?;
        let json =
            serde_json::from_slice(&payload.bytes).map_err(|error| format!("payload_json is not JSON: {error}"))?;
        Ok(Body { json, files, media: MULTIPART })
    }
}

pub struct Schemas {
    own: Spec,
    upstream: Option<Spec>,
}

impl Schemas {
    /// The schemas, loaded once per test binary (the spec is large, and the note that it is
    /// missing is printed once).
    pub fn get() -> Arc<Schemas> {
        static SCHEMAS: OnceLock<Arc<Schemas>> = OnceLock::new();
        Arc::clone(SCHEMAS.get_or_init(|| Arc::new(Schemas { own: own(), upstream: upstream() })))
    }

    /// Discord's spec, if it was found.
    pub fn upstream(&self) -> Option<&Spec> {
        self.upstream.as_ref()
    }

    /// Every way `body` breaks the rules for `method path`; empty when it conforms.
    pub fn problems(&self, method: &str, path: &str, body: &Body) -> Vec<String> {
        let mut problems = self.own_problems(method, path, body);
        if let Some(upstream) = &self.upstream {
            let json = if body.media == MULTIPART { with_string_attachment_ids(&body.json) } else { body.json.clone() };
            let json = with_integer_permissions(&json);
            let found = check(upstream, method, path, body.media, &json);
            problems.extend(found.into_iter().map(|problem| format!("upstream spec: {problem}")));
        }
        problems
    }

    /// The problems the project's own schemas and limits find, whether or not the spec is here.
    pub fn own_problems(&self, method: &str, path: &str, body: &Body) -> Vec<String> {
        let mut problems = check(&self.own, method, path, body.media, &body.json);
        problems.extend(limits::problems(&body.json, &body.files));
        problems
    }
}

fn check(spec: &Spec, method: &str, path: &str, media: &str, json: &Value) -> Vec<String> {
    match spec.request_schema(method, path, media) {
        Some(schema) => spec.validate(schema, json),
        None => vec![format!("no {media} body for {method} {path}")],
    }
}

fn own() -> Spec {
    Spec::merge(&[
        ("commands.json", include_str!("../schemas/discord/commands.json")),
        ("components.json", include_str!("../schemas/discord/components.json")),
        ("interactions.json", include_str!("../schemas/discord/interactions.json")),
        ("messages.json", include_str!("../schemas/discord/messages.json")),
    ])
}

/// `DISCORD_OPENAPI_SPEC` must name a readable spec; the default place may be empty.
fn upstream() -> Option<Spec> {
    let chosen = std::env::var_os("DISCORD_OPENAPI_SPEC").filter(|path| !path.is_empty()).map(PathBuf::from);
    let path =
        chosen.clone().unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/discord/openapi.json"));
    if chosen.is_none() && !path.exists() {
        // Straight to stderr: the test harness captures print macros, and this should be seen.
        let _ = writeln!(
            std::io::stderr(),
            "note: skipped checking request bodies against Discord's OpenAPI spec, which is not at {} \
             (set DISCORD_OPENAPI_SPEC=/path/to/openapi.json to check them); tests/schemas/discord/ still applies",
            path.display()
        );
        return None;
    }
    Some(Spec::load(&path).unwrap_or_else(|error| panic!("Discord's OpenAPI spec: {error}")))
}

/// Discord's docs type a command's `default_member_permissions` as a string (a bit set in
/// decimal, which serenity sends), the spec as an integer; the spec is shown the number, so
/// that it still checks everything else.
fn with_integer_permissions(json: &Value) -> Value {
    let mut json = json.clone();
    for command in json.as_array_mut().into_iter().flatten() {
        if let Some(bits) = command["default_member_permissions"].as_str().and_then(|b| b.parse::<u64>().ok()) {
            command["default_member_permissions"] = Value::from(bits);
        }
    }
    json
}

/// The spec types an attachment's `id` as a snowflake string, but a new upload names its part
/// `files[n]` by the number n, as Discord documents and serenity sends. The spec is shown the
/// number as a string, so that it still checks everything else.
fn with_string_attachment_ids(json: &Value) -> Value {
    let mut json = json.clone();
    let message = if json.get("data").is_some_and(Value::is_object) { &mut json["data"] } else { &mut json };
    for attachment in message.get_mut("attachments").and_then(Value::as_array_mut).into_iter().flatten() {
        if let Some(n) = attachment["id"].as_u64() {
            attachment["id"] = Value::String(n.to_string());
        }
    }
    json
}
