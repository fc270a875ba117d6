//! Discord answering `429` and `5xx`: replies, follow-ups and callbacks are retried (after
//! `retry-after` for a `429`), within the interaction's deadlines, and given up with a log
//! line rather than retried forever.

use std::sync::Arc;
use std::time::Duration;

use ed25519_dalek::SigningKey;
use powbot::discord::config::Token;
use powbot::discord::connections::Limits;
use powbot::discord::cooldown::Rate;
use powbot::discord::gateway::{self, Settings};
use powbot::discord::interactions_http::{self, Endpoint};
use powbot::discord::rest::Policy;
use serde_json::json;

use super::support::fake_discord::{APPLICATION_ID, BOT_ID, FakeDiscord, Fault, Recorded, user};
use super::support::schemas::Schemas;
use super::support::{self, captured_logs};
use super::{
    CHANNEL, MARCH_QUESTION, Signed, WAIT, ask, assert_all_valid, assert_march_answer, hex, interaction,
    mention_of_bot, message,
};

/// Quick retries, so that giving up takes a fraction of a second.
fn quick() -> Policy {
    Policy { attempts: 3, backoff: Duration::from_millis(50), max_wait: Duration::from_secs(5) }
}

/// The requests to `method path`, in order.
fn attempts(fake: &FakeDiscord, method: &str, path: &str) -> Vec<Recorded> {
    fake.requests().into_iter().filter(|r| r.method == method && r.path == path).collect()
}

async fn delivered(fake: &FakeDiscord, what: &str, method: &str, path: &str) -> Recorded {
    fake.wait_for(what, WAIT, |r| r.method == method && r.path == path && r.status == 200).await
}

async fn gateway_bot(fake: &FakeDiscord, retry: Policy, engine: Arc<powbot::Engine>) -> tokio::task::JoinHandle<()> {
    let settings = Settings {
        token: Token::new("fake-token"),
        guild_id: None,
        proxy: Some(fake.rest_url.clone()),
        cooldown: Rate::OFF,
        defer_after: powbot::discord::answering::DEFER_AFTER,
        shards: None,
        retry,
    };
    let bot = tokio::spawn(async move {
        let _ = gateway::run(settings, support::shared(engine), std::future::pending()).await;
    });
    fake.wait_for("command registration", WAIT, |r| r.method == "PUT").await;
    bot
}

async fn shipped_engine() -> (Arc<powbot::Engine>, tempfile::TempDir) {
    let index = tempfile::tempdir().expect("temp dir");
    let path = index.path().to_path_buf();
    (tokio::task::spawn_blocking(move || support::engine(&path)).await.expect("engine opens"), index)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callbacks_and_mention_replies_are_retried_after_429_and_5xx() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let (engine, _index) = shipped_engine().await;
    let bot = gateway_bot(&fake, Policy::default(), engine).await;

    // The response to a slash command: rate limited, then a server error, then delivered.
    let callback = "/interactions/941000000000000001/token-941000000000000001/callback";
    fake.fail("POST", callback, &[Fault::RateLimited(0.3), Fault::Status(500)]);
    fake.dispatch("INTERACTION_CREATE", ask("941000000000000001", "1101", MARCH_QUESTION));
    let answer = delivered(&fake, "the retried callback", "POST", callback).await;
    assert_march_answer(&answer.body["data"]);
    let tries = attempts(&fake, "POST", callback);
    assert_eq!(tries.iter().map(|r| r.status).collect::<Vec<_>>(), [429, 500, 200]);
    let waited = tries[1].at - tries[0].at;
    assert!(waited >= Duration::from_millis(300), "retried {waited:?} after a retry-after of 0.3 s");
    assert_eq!(tries[0].body, tries[2].body, "the retry sends the same response");

    // The reply to a mention: two bad gateways, then delivered.
    let messages = format!("/channels/{CHANNEL}/messages");
    fake.fail("POST", &messages, &[Fault::Status(502), Fault::Status(503)]);
    fake.dispatch(
        "MESSAGE_CREATE",
        message(
            "951000000000000001",
            user("2101", "human", false),
            &format!("<@{BOT_ID}> {MARCH_QUESTION}"),
            mention_of_bot(),
        ),
    );
    let reply = delivered(&fake, "the retried mention reply", "POST", &messages).await;
    assert_march_answer(&reply.body);
    assert_eq!(attempts(&fake, "POST", &messages).len(), 3);

    // Autocomplete choices too.
    let choices = "/interactions/941000000000000002/token-941000000000000002/callback";
    fake.fail("POST", choices, &[Fault::Status(500)]);
    let typed = json!([{ "name": "date", "type": 3, "value": "2025", "focused": true }]);
    fake.dispatch("INTERACTION_CREATE", interaction("941000000000000002", 4, "1102", "exchange", typed));
    assert_eq!(delivered(&fake, "the retried choices", "POST", choices).await.body["type"], 8);
    bot.abort();
    assert_all_valid(&fake.requests());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deferred_answers_and_follow_ups_are_retried() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let data = tempfile::tempdir().expect("temp dir");
    let index = tempfile::tempdir().expect("temp dir");
    let (data_path, index_path) = (data.path().to_path_buf(), index.path().to_path_buf());
    let engine = tokio::task::spawn_blocking(move || {
        let corpus = support::corpus_with_extra_exchanges(&data_path, 80);
        support::engine_over(&corpus, &index_path)
    })
    .await
    .expect("engine opens");
    let settings = Settings {
        token: Token::new("fake-token"),
        guild_id: None,
        proxy: Some(fake.rest_url.clone()),
        cooldown: Rate::OFF,
        defer_after: Duration::ZERO,
        shards: None,
        retry: Policy::default(),
    };
    let bot = tokio::spawn(gateway::run(settings, support::shared(engine), std::future::pending()));
    fake.wait_for("command registration", WAIT, |r| r.method == "PUT").await;

    // A long listing, deferred: the edit and the first follow-up each fail once.
    let id = "942000000000000001";
    let original = format!("/webhooks/{APPLICATION_ID}/token-{id}/messages/@original");
    let webhook = format!("/webhooks/{APPLICATION_ID}/token-{id}");
    fake.fail("PATCH", &original, &[Fault::Status(500)]);
    fake.fail("POST", &webhook, &[Fault::RateLimited(0.2)]);
    fake.dispatch("INTERACTION_CREATE", interaction(id, 2, "1201", "exchanges", json!([])));
    delivered(&fake, "the retried edit", "PATCH", &original).await;
    delivered(&fake, "the retried follow-up", "POST", &webhook).await;
    let statuses: Vec<u16> = attempts(&fake, "POST", &webhook).iter().map(|r| r.status).collect();
    assert_eq!(&statuses[..2], [429, 200], "{statuses:?}");
    bot.abort();
    assert_all_valid(&fake.requests());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_that_keeps_failing_is_given_up_and_logged() {
    let logs = captured_logs();
    let fake = FakeDiscord::start(Schemas::get()).await;
    let (engine, _index) = shipped_engine().await;
    let bot = gateway_bot(&fake, quick(), engine).await;

    // Always 500: three tries, then a log line, then nothing more.
    let callback = "/interactions/943000000000000001/token-943000000000000001/callback";
    fake.fail("POST", callback, &[Fault::Status(500); 10]);
    fake.dispatch("INTERACTION_CREATE", ask("943000000000000001", "1301", MARCH_QUESTION));
    let gave_up = "gave up on the interaction response after 3 attempt(s)";
    wait_for_log(&logs, gave_up).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(attempts(&fake, "POST", callback).len(), 3);

    // A retry-after longer than the 3 seconds an interaction has for its response: not
    // waited for, since the response could only arrive too late.
    let late = "/interactions/943000000000000002/token-943000000000000002/callback";
    fake.fail("POST", late, &[Fault::RateLimited(30.0)]);
    fake.dispatch("INTERACTION_CREATE", ask("943000000000000002", "1302", MARCH_QUESTION));
    wait_for_log(&logs, "gave up on the interaction response after 1 attempt(s): 429").await;
    assert_eq!(attempts(&fake, "POST", late).len(), 1);

    // A 4xx other than 429 is not retried: the same request would fail the same way.
    let refused = "/interactions/943000000000000003/token-943000000000000003/callback";
    fake.fail("POST", refused, &[Fault::Status(404)]);
    fake.dispatch("INTERACTION_CREATE", ask("943000000000000003", "1303", MARCH_QUESTION));
    wait_for_log(&logs, "Discord refused the interaction response with 404").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(attempts(&fake, "POST", refused).len(), 1);
    bot.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_http_follow_ups_are_retried() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let (engine, _index) = shipped_engine().await;
    let key = SigningKey::from_bytes(&[12; 32]);
    let settings = interactions_http::Settings {
        public_key: hex(key.verifying_key().as_bytes()),
        token: Some(Token::new("fake-token")),
        proxy: Some(fake.rest_url.clone()),
        cooldown: Rate::OFF,
        defer_after: Duration::ZERO,
        limits: Limits::default(),
        retry: Policy::default(),
    };
    let endpoint = Arc::new(Endpoint::new(&settings, support::shared(engine)).expect("a valid key"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}{}", listener.local_addr().expect("address"), interactions_http::PATH);
    tokio::spawn(interactions_http::serve(listener, endpoint, std::future::pending()));
    let signed = Signed { url, client: reqwest::Client::new() };

    let id = "944000000000000001";
    let original = format!("/webhooks/{APPLICATION_ID}/token-{id}/messages/@original");
    fake.fail("PATCH", &original, &[Fault::RateLimited(0.2), Fault::Status(502)]);
    let (status, deferral) = signed.post(Some(&key), &ask(id, "1401", MARCH_QUESTION)).await;
    assert_eq!((status, deferral["type"].as_u64()), (200, Some(5)));
    let edit = delivered(&fake, "serve-http's retried late answer", "PATCH", &original).await;
    assert_march_answer(&edit.body);
    assert_eq!(attempts(&fake, "PATCH", &original).len(), 3);
}

async fn wait_for_log(logs: &std::sync::Mutex<Vec<u8>>, needle: &str) {
    let deadline = tokio::time::Instant::now() + WAIT;
    while !String::from_utf8_lossy(&logs.lock().unwrap()).contains(needle) {
        assert!(tokio::time::Instant::now() < deadline, "no log line containing {needle:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
