//! Sending to Discord's REST API, retrying what is worth retrying.
//!
//! serenity's builders send a request once and turn any failure into an error that no longer
//! has the response's headers, so a reply that met a `429` or a `502` was lost. Here each
//! request is made from serenity's own `Route` and `Request` (its URLs, proxy and token
//! handling) with our body, and the raw response is kept: a `429` is retried after its
//! `retry-after` (header, or the `retry_after` of the body), a `5xx` or a lost connection
//! after a backoff that doubles, up to [`Policy::attempts`] tries and never past the
//! deadline the caller gives (an interaction's token lives 15 minutes). Other `4xx` are
//! final: the same request would fail the same way.
//!
//! Without a proxy, serenity's ratelimiter sits underneath and already waits out `429`s on
//! its own; the deadline also bounds those waits, which it would otherwise repeat forever.
//!
//! A connection lost after Discord handled a request makes the retry send it twice: a
//! follow-up may then show twice, and a second callback is refused (`400`, logged). Both are
//! rarer, and better, than a reply lost to a blip.

use std::time::Duration;

use serde::Serialize;
use serenity::all::{
    ApplicationId, ChannelId, CreateAttachment, Http, HttpBuilder, InteractionId, LightMethod, MessageId, Request,
    Route,
};
use serenity::http::{Multipart, MultipartUpload};
use tokio::time::Instant;

/// How hard to try.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Tries in all, the first included.
    pub attempts: u32,
    /// The first backoff after a `5xx` or a lost connection; it doubles each time.
    pub backoff: Duration,
    /// The longest single wait, whatever `retry-after` says: a longer one is not waited for.
    pub max_wait: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { attempts: 5, backoff: Duration::from_millis(500), max_wait: Duration::from_secs(60) }
    }
}

/// One request to Discord: what it is for (in logs), where it goes, its JSON body and the
/// files uploaded with it (then the body goes as the `payload_json` of a multipart form).
#[derive(Debug, Clone)]
pub struct Call<'a> {
    pub what: &'static str,
    route: Route<'a>,
    method: LightMethod,
    body: Option<Vec<u8>>,
    files: Vec<CreateAttachment>,
}

impl<'a> Call<'a> {
    /// The response to an interaction (callback types 4, 5, 8).
    pub fn callback(interaction: InteractionId, token: &'a str, body: &impl Serialize) -> Call<'a> {
        Call::new("interaction response", Route::InteractionResponse { interaction_id: interaction, token })
            .method(LightMethod::Post)
            .json(body)
    }

    /// Replacing the original response (a deferral's placeholder).
    pub fn edit_original(application: ApplicationId, token: &'a str, body: &impl Serialize) -> Call<'a> {
        Call::new(
            "edit of the deferred response",
            Route::WebhookOriginalInteractionResponse { application_id: application, token },
        )
        .method(LightMethod::Patch)
        .json(body)
    }

    /// Removing the original response.
    pub fn delete_original(application: ApplicationId, token: &'a str) -> Call<'a> {
        Call::new(
            "removal of the deferral",
            Route::WebhookOriginalInteractionResponse { application_id: application, token },
        )
        .method(LightMethod::Delete)
    }

    /// A follow-up message to an interaction.
    pub fn followup(application: ApplicationId, token: &'a str, body: &impl Serialize) -> Call<'a> {
        Call::new("follow-up message", Route::WebhookFollowupMessages { application_id: application, token })
            .method(LightMethod::Post)
            .json(body)
    }

    /// A message in a channel (the reply to a mention).
    pub fn channel_message(channel: ChannelId, body: &impl Serialize) -> Call<'a> {
        Call::new("channel message", Route::ChannelMessages { channel_id: channel })
            .method(LightMethod::Post)
            .json(body)
    }

    /// A thread started from a message, for the follow-ups to an answer.
    pub fn start_thread(channel: ChannelId, message: MessageId, body: &impl Serialize) -> Call<'a> {
        Call::new("thread", Route::ChannelMessageThreads { channel_id: channel, message_id: message })
            .method(LightMethod::Post)
            .json(body)
    }

    /// Uploads `files` with the call (see `send::attachments`).
    pub fn with_files(mut self, files: Vec<CreateAttachment>) -> Call<'a> {
        self.files = files;
        self
    }

    fn new(what: &'static str, route: Route<'a>) -> Call<'a> {
        Call { what, route, method: LightMethod::Get, body: None, files: Vec::new() }
    }

    /// serenity's request for one try: JSON, or a multipart form when there are files.
    fn request(&self) -> Request<'a> {
        if self.files.is_empty() {
            return Request::new(self.route, self.method).body(self.body.clone());
        }
        let multipart = Multipart {
            upload: MultipartUpload::Attachments(self.files.clone()),
            fields: Vec::new(),
            payload_json: self.body.as_ref().map(|body| String::from_utf8_lossy(body).into_owned()),
        };
        Request::new(self.route, self.method).multipart(Some(multipart))
    }

    fn method(mut self, method: LightMethod) -> Call<'a> {
        self.method = method;
        self
    }

    fn json(mut self, body: &impl Serialize) -> Call<'a> {
        // serenity's builders always serialise; an error would be a bug in serenity, and
        // sending no body then gets a 400 that says so in the log.
        self.body = serde_json::to_vec(body).ok();
        self
    }
}

/// Why a call did not get through.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Discord refused the request itself (a `4xx` other than `429`): retrying cannot help.
    #[error("Discord refused the {what} with {status}: {body}")]
    Refused { what: &'static str, status: u16, body: String },
    /// Still failing after every try, or out of time.
    #[error("gave up on the {what} after {attempts} attempt(s): {last}")]
    GaveUp { what: &'static str, attempts: u32, last: String },
}

/// Sends requests to Discord through serenity's `Http`, retrying under a [`Policy`].
///
/// It owns the reqwest client that it hands to serenity, because serenity keeps the client
/// of an `Http` private and a raw response can only be had from the client itself.
#[derive(Debug, Clone)]
pub struct Rest {
    client: reqwest::Client,
    policy: Policy,
}

impl Rest {
    /// The one way both front doors reach Discord: a client (see [`Rest::new`]) and serenity's
    /// `Http` on it for `token`, through `proxy` if any.
    pub fn connect(token: &str, proxy: Option<&str>, policy: Policy) -> anyhow::Result<(Rest, Http)> {
        let rest = Rest::new(policy)?;
        let http = rest.http(token, proxy);
        Ok((rest, http))
    }

    pub fn new(policy: Policy) -> anyhow::Result<Rest> {
        // What serenity builds for itself with its rustls backend.
        let client = reqwest::Client::builder()
            .use_rustls_tls()
            .build()
            .map_err(|error| anyhow::anyhow!("could not set up an HTTP client: {error}"))?;
        Ok(Rest { client, policy })
    }

    /// serenity's `Http` for `token` (through `proxy`, if any), on this client: pass it to
    /// `send`, and to serenity for everything else.
    pub fn http(&self, token: &str, proxy: Option<&str>) -> Http {
        let mut http = HttpBuilder::new(token).client(self.client.clone());
        if let Some(proxy) = proxy {
            // The proxy owns rate limits; serenity's ratelimiter would also bypass the proxy.
            http = http.proxy(proxy).ratelimiter_disabled(true);
        }
        http.build()
    }

    /// Sends `call` through `http`, retrying `429`, `5xx` and lost connections until `deadline`;
    /// the body of Discord's answer.
    pub async fn send(&self, http: &Http, call: &Call<'_>, deadline: Instant) -> Result<Vec<u8>, Failure> {
        send(http, &self.client, call, &self.policy, deadline).await
    }
}

async fn send(
    http: &Http,
    client: &reqwest::Client,
    call: &Call<'_>,
    policy: &Policy,
    deadline: Instant,
) -> Result<Vec<u8>, Failure> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let request = call.request();
        let outcome = match tokio::time::timeout_at(deadline, execute(http, client, request)).await {
            Ok(outcome) => outcome,
            Err(_) => {
                return Err(Failure::GaveUp { what: call.what, attempts: attempt, last: "out of time".into() });
            }
        };
        let (wait, last) = match outcome {
            Ok(response) if response.status().is_success() => {
                // The answer is read for the few calls that need it (a thread's id); one that
                // cannot be read still means the request went through.
                return Ok(response.bytes().await.map(|bytes| bytes.to_vec()).unwrap_or_default());
            }
            Ok(response) => {
                let status = response.status();
                if status.as_u16() == 429 {
                    let header = retry_after_header(&response);
                    let text = response.text().await.unwrap_or_default();
                    let wait = header.or_else(|| retry_after_body(&text)).unwrap_or_else(|| backoff(policy, attempt));
                    (wait, format!("429 Too Many Requests (retry after {wait:?})"))
                } else if status.is_server_error() {
                    (backoff(policy, attempt), status.to_string())
                } else {
                    let body = response.text().await.unwrap_or_default().chars().take(300).collect();
                    return Err(Failure::Refused { what: call.what, status: status.as_u16(), body });
                }
            }
            Err(error) => (backoff(policy, attempt), error.to_string()),
        };
        let too_long = wait > policy.max_wait || Instant::now() + wait >= deadline;
        if attempt >= policy.attempts || too_long {
            return Err(Failure::GaveUp { what: call.what, attempts: attempt, last });
        }
        tracing::debug!(what = call.what, attempt, ?wait, %last, "retrying a Discord request");
        tokio::time::sleep(wait).await;
    }
}

/// `Http::request` without its last step: the response is returned whatever its status, so
/// that its headers can still be read.
async fn execute(http: &Http, client: &reqwest::Client, request: Request<'_>) -> serenity::Result<reqwest::Response> {
    match &http.ratelimiter {
        Some(ratelimiter) => ratelimiter.perform(request).await,
        None => {
            let built = request.build(client, http.token(), http.proxy.as_deref())?.build()?;
            Ok(client.execute(built).await?)
        }
    }
}

fn backoff(policy: &Policy, attempt: u32) -> Duration {
    policy.backoff.saturating_mul(2u32.saturating_pow(attempt.saturating_sub(1))).min(policy.max_wait)
}

/// `retry-after` in seconds (Discord sends a decimal number).
fn retry_after_header(response: &reqwest::Response) -> Option<Duration> {
    let value = response.headers().get("retry-after")?.to_str().ok()?;
    seconds(value.trim().parse().ok()?)
}

/// The `retry_after` of a rate-limit body, for a proxy that passes the body but not the header.
fn retry_after_body(text: &str) -> Option<Duration> {
    let body: serde_json::Value = serde_json::from_str(text).ok()?;
    seconds(body.get("retry_after")?.as_f64()?)
}

fn seconds(value: f64) -> Option<Duration> {
    Duration::try_from_secs_f64(value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let policy = Policy { attempts: 10, backoff: Duration::from_millis(500), max_wait: Duration::from_secs(3) };
        let waits: Vec<u128> = (1..=5).map(|attempt| backoff(&policy, attempt).as_millis()).collect();
        assert_eq!(waits, [500, 1000, 2000, 3000, 3000]);
        assert_eq!(backoff(&policy, u32::MAX), Duration::from_secs(3));
    }

    #[test]
    fn retry_after_is_read_from_the_body_too() {
        let body = r#"{"message": "You are being rate limited.", "retry_after": 0.25, "global": false, "code": 0}"#;
        assert_eq!(retry_after_body(body), Some(Duration::from_millis(250)));
        assert_eq!(retry_after_body("{}"), None);
        assert_eq!(retry_after_body(r#"{"retry_after": -1}"#), None);
        assert_eq!(retry_after_body("not json"), None);
    }
}
