//! Black-box tests of the Discord layer: the real serenity client against a fake Discord, and
//! `serve-http` over real HTTP. Every body the bot sends is checked against the project's
//! schemas of Discord's requests (`tests/schemas/discord/`), the limits they cannot express,
//! and Discord's OpenAPI spec when it is at hand (see `support::schemas`). `validation` tests
//! those checks themselves, `uploads` them on multipart bodies.

#[path = "discord_e2e/cards.rs"]
mod cards;
#[path = "discord_e2e/ingest.rs"]
mod ingest;
#[path = "discord_e2e/languages.rs"]
mod languages;
#[path = "discord_e2e/retries.rs"]
mod retries;
#[path = "discord_e2e/serve_http.rs"]
mod serve_http;
mod support;
#[path = "discord_e2e/uploads.rs"]
mod uploads;
#[path = "discord_e2e/validation.rs"]
mod validation;
// The fixture news sites of the ingest tests, for `/ingest`; not every helper is used here.
#[allow(dead_code)]
#[path = "powbot/web.rs"]
mod web;

use std::sync::Arc;
use std::time::Duration;

use ed25519_dalek::{Signer, SigningKey};
use powbot::discord::config::Token;
use powbot::discord::connections::Limits;
use powbot::discord::cooldown::Rate;
use powbot::discord::gateway::{self, Settings, Shards};
use powbot::discord::interaction::Registration;
use powbot::discord::interactions_http::{self, Endpoint};
use powbot::discord::rest::Policy;
use serde_json::{Value, json};
use tokio::sync::oneshot;

use support::fake_discord::{APPLICATION_ID, BOT_ID, FakeDiscord, Recorded, user};
use support::schemas::{Body, Schemas};

/// Generous, so a loaded CI machine does not flake; a passing run takes well under a second
/// per step.
const WAIT: Duration = Duration::from_secs(30);
/// Distinctive, so finding it in the logs cannot be a coincidence.
const SECRET_TOKEN: &str = "secret-bot-token-31337";
const GUILD: &str = "930000000000000001";
const CHANNEL: &str = "930000000000000002";

/// The question the shipped corpus answers with 372 (Al Jazeera, Daily Guardian, RT).
const MARCH_QUESTION: &str = "How many prisoners were exchanged on 19 March 2025?";
const MARCH_OUTLETS: [&str; 3] = ["Al Jazeera", "The Daily Guardian", "RT"];
/// A question outside the corpus.
const WEATHER_QUESTION: &str = "What is the weather in Kyiv today?";

/// What `allowed_mentions` must be on everything the bot sends.
fn no_mentions() -> Value {
    json!({ "parse": [], "users": [], "roles": [], "replied_user": false })
}

/// A slash command (or, with `kind` 4, an autocomplete) interaction as the gateway sends it.
fn interaction(id: &str, kind: u8, user_id: &str, name: &str, options: Value) -> Value {
    json!({
        "id": id,
        "application_id": APPLICATION_ID,
        "type": kind,
        "data": { "id": "920000000000000001", "name": name, "type": 1, "options": options },
        "guild_id": GUILD,
        "channel_id": CHANNEL,
        "member": {
            "user": user(user_id, "asker", false),
            "roles": [],
            "joined_at": "2024-01-01T00:00:00.000000+00:00",
            "deaf": false,
            "mute": false,
            "permissions": "0",
            "flags": 0
        },
        "token": format!("token-{id}"),
        "version": 1,
        "app_permissions": "0",
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 8_388_608
    })
}

fn ask(id: &str, user_id: &str, question: &str) -> Value {
    interaction(id, 2, user_id, "ask", json!([{ "name": "question", "type": 3, "value": question }]))
}

/// A MESSAGE_CREATE payload in the test guild.
fn message(id: &str, author: Value, content: &str, mentions: Value) -> Value {
    json!({
        "id": id,
        "channel_id": CHANNEL,
        "guild_id": GUILD,
        "author": author,
        "content": content,
        "timestamp": "2025-03-19T12:00:00.000000+00:00",
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": mentions,
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0
    })
}

fn mention_of_bot() -> Value {
    json!([user(BOT_ID, "powbot", true)])
}

async fn callback(fake: &FakeDiscord, id: &str) -> Recorded {
    let path = format!("/interactions/{id}/token-{id}/callback");
    fake.wait_for(&format!("the callback of interaction {id}"), WAIT, |r| r.method == "POST" && r.path == path).await
}

async fn reply_to(fake: &FakeDiscord, message_id: &str) -> Recorded {
    let path = format!("/channels/{CHANNEL}/messages");
    fake.wait_for(&format!("the reply to message {message_id}"), WAIT, |r| {
        r.method == "POST" && r.path == path && r.body["message_reference"]["message_id"] == message_id
    })
    .await
}

/// All text an embed-carrying body shows, for "does it mention X" checks.
fn shown_text(body: &Value) -> String {
    let data = body.get("data").filter(|d| d.is_object()).unwrap_or(body);
    let mut text = data["content"].as_str().unwrap_or_default().to_string();
    for embed in data["embeds"].as_array().into_iter().flatten() {
        for part in [&embed["title"], &embed["description"], &embed["footer"]["text"]] {
            text.push('\n');
            text.push_str(part.as_str().unwrap_or_default());
        }
        for field in embed["fields"].as_array().into_iter().flatten() {
            text.push('\n');
            text.push_str(field["name"].as_str().unwrap_or_default());
            text.push('\n');
            text.push_str(field["value"].as_str().unwrap_or_default());
        }
    }
    text
}

/// Checks an answer to the March question: a card naming the exchange, its figures in
/// fields (each once), the sources numbered with their dates, and the buttons.
fn assert_march_answer(data: &Value) {
    let embed = &data["embeds"][0];
    assert_eq!(embed["title"], "Exchange of 19 March 2025", "{embed:#}");
    let field = |name: &str| {
        embed["fields"].as_array().into_iter().flatten().find(|f| f["name"] == name).map(|f| f["value"].clone())
    };
    assert_eq!(field("In all"), Some(json!("372")), "{embed:#}");
    assert_eq!(field("To Ukraine"), Some(json!("175 + 22 seriously wounded")), "{embed:#}");
    assert_eq!(field("Mediator"), Some(json!("United Arab Emirates")), "{embed:#}");
    let sources = field("Sources").unwrap_or_else(|| panic!("no Sources field: {embed:#}"));
    let sources = sources.as_str().unwrap_or_default();
    assert!(MARCH_OUTLETS.iter().any(|name| sources.contains(name)), "sources from unexpected outlets: {sources}");
    assert!(sources.contains("2025-03-19"), "sources without their date: {sources}");
    // Each figure once: no description repeating them, at most two quotes.
    assert_eq!(embed["description"], Value::Null, "{embed:#}");
    let quoted = field("Reported").unwrap_or_default();
    assert!((1..=2).contains(&quoted.as_str().unwrap_or_default().matches("> ").count()), "{quoted}");
    let buttons = &data["components"][0]["components"];
    assert_eq!(buttons.as_array().map(Vec::len), Some(3), "{data:#}");
    assert_eq!(buttons[0]["label"], "Sources");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_bot_answers_through_a_fake_discord() {
    let logs = support::captured_logs();
    let fake = FakeDiscord::start(Schemas::get()).await;
    let index = tempfile::tempdir().expect("temp dir");
    let index_path = index.path().to_path_buf();
    let engine = tokio::task::spawn_blocking(move || support::engine(&index_path)).await.expect("engine opens");
    let settings = Settings {
        token: Token::new(SECRET_TOKEN),
        guild_id: Some(GUILD.parse().unwrap()),
        proxy: Some(fake.rest_url.clone()),
        cooldown: Rate { burst: 3, every: Duration::from_secs(60) },
        defer_after: powbot::discord::answering::DEFER_AFTER,
        shards: None,
        retry: Policy::default(),
    };
    let (stop, stopped) = oneshot::channel::<()>();
    let bot = tokio::spawn(gateway::run(settings, support::shared(engine), async {
        let _ = stopped.await;
    }));

    // Connecting: only the intents the bot needs.
    let identify = fake.wait_for_identify(WAIT).await;
    let guild_messages = 1 << 9;
    let direct_messages = 1 << 12;
    assert_eq!(identify["intents"], guild_messages | direct_messages);

    // Registration: one PUT to the guild's commands listing every command.
    let registration = fake.wait_for("command registration", WAIT, |r| r.method == "PUT").await;
    assert_eq!(registration.path, format!("/applications/{APPLICATION_ID}/guilds/{GUILD}/commands"));
    assert_eq!(registration.authorization.as_deref(), Some(format!("Bot {SECRET_TOKEN}").as_str()));
    let names: Vec<&str> = registration
        .body
        .as_array()
        .expect("a list of commands")
        .iter()
        .map(|command| command["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(names, ["ask", "exchange", "exchanges", "timeline", "sources", "help", "ingest"]);
    let ingest = &registration.body[6];
    assert_eq!(ingest["default_member_permissions"], "32", "Manage Server only: {ingest:#}");
    // Discord's naming rules and lengths are in tests/schemas/discord/commands.json.
    assert_eq!(registration.problems, Vec::<String>::new());

    // /ask: an embed with the figure and a snippet.
    fake.dispatch("INTERACTION_CREATE", ask("940000000000000001", "1001", MARCH_QUESTION));
    let answer = callback(&fake, "940000000000000001").await;
    assert_eq!(answer.body["type"], 4);
    assert_march_answer(&answer.body["data"]);
    assert_eq!(answer.body["data"]["allowed_mentions"], no_mentions());
    assert_ne!(answer.body["data"]["flags"], 64, "an answer is public");

    // /exchange autocomplete: at most 25 choices, filtered by what was typed.
    let autocomplete_options = json!([{ "name": "date", "type": 3, "value": "2025", "focused": true }]);
    fake.dispatch("INTERACTION_CREATE", interaction("940000000000000002", 4, "1002", "exchange", autocomplete_options));
    let choices = callback(&fake, "940000000000000002").await;
    assert_eq!(choices.body["type"], 8);
    let choices = choices.body["data"]["choices"].as_array().expect("choices");
    assert!(!choices.is_empty() && choices.len() <= 25, "{choices:?}");

    // An abstention: short, ephemeral, says what the bot covers.
    fake.dispatch("INTERACTION_CREATE", ask("940000000000000003", "1003", WEATHER_QUESTION));
    let abstention = callback(&fake, "940000000000000003").await;
    assert_eq!(abstention.body["type"], 4);
    assert_eq!(abstention.body["data"]["flags"], 64, "abstentions are ephemeral");
    let text = abstention.body["data"]["content"].as_str().unwrap_or("");
    assert!(!text.is_empty() && text.chars().count() <= 2000, "{text:?}");

    // The cooldown: three quick questions are answered, the fourth gets an ephemeral notice
    // that says when to ask again.
    for id in ["940000000000000004", "940000000000000007", "940000000000000008"] {
        fake.dispatch("INTERACTION_CREATE", ask(id, "1004", MARCH_QUESTION));
        let answer = callback(&fake, id).await;
        assert_ne!(answer.body["data"]["flags"], 64, "a quick question was refused");
        assert_march_answer(&answer.body["data"]);
    }
    fake.dispatch("INTERACTION_CREATE", ask("940000000000000005", "1004", MARCH_QUESTION));
    let notice = callback(&fake, "940000000000000005").await;
    assert_eq!(notice.body["data"]["flags"], 64);
    let text = notice.body["data"]["content"].as_str().unwrap_or("");
    assert!(text.contains("ask again in"), "{text:?}");

    // A question with @everyone and mentions in /ask: shown as text, pinging nobody.
    let loud = format!("@everyone @here <@&5> <@6> {MARCH_QUESTION}");
    fake.dispatch("INTERACTION_CREATE", ask("940000000000000006", "1006", &loud));
    let quiet = callback(&fake, "940000000000000006").await;
    assert_eq!(quiet.body["data"]["allowed_mentions"], no_mentions());

    // Another bot mentioning powbot is ignored; the human after it is answered.
    fake.dispatch(
        "MESSAGE_CREATE",
        message(
            "950000000000000001",
            user("2001", "otherbot", true),
            &format!("<@{BOT_ID}> {MARCH_QUESTION}"),
            mention_of_bot(),
        ),
    );
    // A mention anywhere in the message: the rest is the question, the reply quotes it.
    fake.dispatch(
        "MESSAGE_CREATE",
        message(
            "950000000000000002",
            user("2002", "human", false),
            &format!("Hey <@{BOT_ID}>, how many prisoners were exchanged on 19 March 2025?"),
            mention_of_bot(),
        ),
    );
    let mention_reply = reply_to(&fake, "950000000000000002").await;
    assert_march_answer(&mention_reply.body);
    assert_eq!(mention_reply.body["allowed_mentions"], no_mentions());

    // @everyone in a mention: the reply pings nobody, the replied-to user included.
    fake.dispatch(
        "MESSAGE_CREATE",
        message(
            "950000000000000003",
            user("2003", "loud", false),
            &format!("<@{BOT_ID}> @everyone {MARCH_QUESTION}"),
            mention_of_bot(),
        ),
    );
    let everyone_reply = reply_to(&fake, "950000000000000003").await;
    assert_eq!(everyone_reply.body["allowed_mentions"], no_mentions());

    // A message that does not mention the bot gets nothing; checked with the one after it.
    fake.dispatch(
        "MESSAGE_CREATE",
        message("950000000000000004", user("2004", "chatter", false), MARCH_QUESTION, json!([])),
    );
    fake.dispatch(
        "MESSAGE_CREATE",
        message(
            "950000000000000005",
            user("2005", "asker", false),
            &format!("<@{BOT_ID}> {WEATHER_QUESTION}"),
            mention_of_bot(),
        ),
    );
    let abstention_reply = reply_to(&fake, "950000000000000005").await;
    assert!(!shown_text(&abstention_reply.body).is_empty());

    // In a DM every message is for the bot, mention or not.
    let mut direct = message("950000000000000006", user("2006", "dm-user", false), MARCH_QUESTION, json!([]));
    direct.as_object_mut().expect("an object").remove("guild_id");
    fake.dispatch("MESSAGE_CREATE", direct);
    let direct_reply = reply_to(&fake, "950000000000000006").await;
    assert_march_answer(&direct_reply.body);

    // Graceful shutdown.
    stop.send(()).expect("the bot is running");
    let finished = tokio::time::timeout(WAIT, bot).await;
    assert!(matches!(finished, Ok(Ok(Ok(())))), "the bot did not stop cleanly: {finished:?}");

    // Nothing was sent for the bot's message or the unaddressed one.
    let requests = fake.requests();
    for ignored in ["950000000000000001", "950000000000000004"] {
        assert!(
            !requests.iter().any(|r| r.body["message_reference"]["message_id"] == ignored),
            "the bot answered message {ignored}"
        );
    }
    assert_all_valid(&requests);

    // The logs saw the whole session (serenity's trace output included) but not the token.
    let logs = String::from_utf8_lossy(&logs.lock().unwrap()).to_string();
    assert!(logs.contains("registered slash commands"), "no logs captured");
    assert!(!logs.contains(SECRET_TOKEN), "the token leaked into the logs");
}

/// Every request conforms to the schemas and limits, and pings nobody.
fn assert_all_valid(requests: &[Recorded]) {
    assert!(!requests.is_empty());
    for request in requests {
        let mut problems = request.problems.clone();
        let data = request.body.get("data").filter(|d| d.is_object()).unwrap_or(&request.body);
        let sends_a_message = data.get("content").is_some() || data.get("embeds").is_some();
        if sends_a_message && data["allowed_mentions"] != no_mentions() {
            problems.push(format!("allowed_mentions is {}", data["allowed_mentions"]));
        }
        assert!(
            problems.is_empty(),
            "{} {} breaks the rules: {problems:#?}\nbody: {:#}",
            request.method,
            request.path,
            request.body
        );
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A client for `serve-http` that signs like Discord does: Ed25519 over timestamp + body.
struct Signed {
    url: String,
    client: reqwest::Client,
}

/// The current time as Discord writes it in `X-Signature-Timestamp`: Unix seconds.
fn now_timestamp() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("after 1970");
    now.as_secs().to_string()
}

impl Signed {
    /// Posts `body` signed by `key` (unsigned without one), with the current timestamp.
    async fn post(&self, key: Option<&SigningKey>, body: &Value) -> (u16, Value) {
        let (status, text) = self.post_at(key, &now_timestamp(), body).await;
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// Posts `body` signed by `key` with `timestamp`; the status and the body as text.
    async fn post_at(&self, key: Option<&SigningKey>, timestamp: &str, body: &Value) -> (u16, String) {
        self.try_post_at(key, timestamp, body).await.expect("serve-http answers")
    }

    /// `post_at`, with the transport error (a connection refused or reset) as an error.
    async fn try_post_at(
        &self,
        key: Option<&SigningKey>,
        timestamp: &str,
        body: &Value,
    ) -> reqwest::Result<(u16, String)> {
        let bytes = body.to_string();
        let mut request = self.client.post(&self.url).body(bytes.clone());
        if let Some(key) = key {
            let signature = key.sign(format!("{timestamp}{bytes}").as_bytes());
            request = request
                .header("X-Signature-Ed25519", hex(&signature.to_bytes()))
                .header("X-Signature-Timestamp", timestamp);
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let text = response.text().await?;
        Ok((status, text))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_http_verifies_signatures_and_answers_in_the_response() {
    let schemas = Schemas::get();
    let callback_problems =
        |body: &Value| schemas.problems("POST", "/interactions/1/token/callback", &Body::json(body.clone()));
    let index = tempfile::tempdir().expect("temp dir");
    let index_path = index.path().to_path_buf();
    let engine = tokio::task::spawn_blocking(move || support::engine(&index_path)).await.expect("engine opens");
    let key = SigningKey::from_bytes(&[7; 32]);
    let settings = interactions_http::Settings {
        public_key: hex(key.verifying_key().as_bytes()),
        token: None,
        proxy: None,
        cooldown: Rate::OFF,
        defer_after: powbot::discord::answering::DEFER_AFTER,
        limits: Limits::default(),
        retry: Policy::default(),
    };
    let endpoint = Arc::new(Endpoint::new(&settings, support::shared(engine)).expect("a valid key"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}{}", listener.local_addr().expect("address"), interactions_http::PATH);
    tokio::spawn(interactions_http::serve(listener, endpoint, std::future::pending()));
    let signed = Signed { url, client: reqwest::Client::new() };

    // PING → PONG.
    let ping = json!({ "id": "1", "application_id": APPLICATION_ID, "type": 1, "token": "t", "version": 1 });
    let (status, pong) = signed.post(Some(&key), &ping).await;
    assert_eq!((status, &pong), (200, &json!({ "type": 1 })));
    assert_eq!(callback_problems(&pong), Vec::<String>::new());

    // A wrong key, no signature, or a body other than the one signed → 401.
    let stranger = SigningKey::from_bytes(&[8; 32]);
    assert_eq!(signed.post(Some(&stranger), &ping).await.0, 401);
    assert_eq!(signed.post(None, &ping).await.0, 401);
    let timestamp = now_timestamp();
    let signature = key.sign(format!("{timestamp}{ping}").as_bytes());
    let tampered = signed
        .client
        .post(&signed.url)
        .header("X-Signature-Ed25519", hex(&signature.to_bytes()))
        .header("X-Signature-Timestamp", &timestamp)
        .body(ping.to_string().replace("\"t\"", "\"u\""))
        .send()
        .await
        .expect("serve-http answers");
    assert_eq!(tampered.status().as_u16(), 401);

    // /ask → type 4 with the answer, valid per the schemas.
    let (status, answer) = signed.post(Some(&key), &ask("960000000000000001", "3001", MARCH_QUESTION)).await;
    assert_eq!(status, 200);
    assert_eq!(answer["type"], 4);
    assert_march_answer(&answer["data"]);
    assert_eq!(answer["data"]["allowed_mentions"], no_mentions());
    assert_eq!(callback_problems(&answer), Vec::<String>::new());

    // An abstention → ephemeral.
    let (_, abstention) = signed.post(Some(&key), &ask("960000000000000002", "3002", WEATHER_QUESTION)).await;
    assert_eq!(abstention["type"], 4);
    assert_eq!(abstention["data"]["flags"], 64);
    assert_eq!(callback_problems(&abstention), Vec::<String>::new());

    // Autocomplete → type 8 with at most 25 choices.
    let typed = json!([{ "name": "date", "type": 3, "value": "", "focused": true }]);
    let (_, choices) = signed.post(Some(&key), &interaction("960000000000000003", 4, "3003", "exchange", typed)).await;
    assert_eq!(choices["type"], 8);
    let count = choices["data"]["choices"].as_array().map_or(0, Vec::len);
    assert!((1..=25).contains(&count), "{choices}");
    assert_eq!(callback_problems(&choices), Vec::<String>::new());
}

/// A slow answer must not miss Discord's 3-second window: the bot defers ("thinking…") and
/// then edits the placeholder. A zero `defer_after` makes every answer take that path.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_answers_are_deferred_then_completed() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let index = tempfile::tempdir().expect("temp dir");
    let index_path = index.path().to_path_buf();
    let engine = tokio::task::spawn_blocking(move || support::engine(&index_path)).await.expect("engine opens");

    // Over the gateway.
    let settings = Settings {
        token: Token::new("fake-token"),
        guild_id: None,
        proxy: Some(fake.rest_url.clone()),
        cooldown: Rate::OFF,
        defer_after: Duration::ZERO,
        shards: None,
        retry: Policy::default(),
    };
    let bot = tokio::spawn(gateway::run(settings, support::shared(Arc::clone(&engine)), std::future::pending()));
    let registration = fake.wait_for("command registration", WAIT, |r| r.method == "PUT").await;
    assert_eq!(
        registration.path,
        format!("/applications/{APPLICATION_ID}/commands"),
        "without a guild, commands are registered globally"
    );

    fake.dispatch("INTERACTION_CREATE", ask("970000000000000001", "4001", MARCH_QUESTION));
    let deferral = callback(&fake, "970000000000000001").await;
    assert_eq!(deferral.body["type"], 5);
    let original = format!("/webhooks/{APPLICATION_ID}/token-970000000000000001/messages/@original");
    let edit =
        fake.wait_for("the edit of the deferred answer", WAIT, |r| r.method == "PATCH" && r.path == original).await;
    assert_march_answer(&edit.body);
    assert_eq!(edit.body["allowed_mentions"], no_mentions());

    // A deferred abstention stays private: the public placeholder goes, an ephemeral
    // follow-up says what the bot covers.
    fake.dispatch("INTERACTION_CREATE", ask("970000000000000002", "4002", WEATHER_QUESTION));
    assert_eq!(callback(&fake, "970000000000000002").await.body["type"], 5);
    let original = format!("/webhooks/{APPLICATION_ID}/token-970000000000000002/messages/@original");
    fake.wait_for("the removal of the placeholder", WAIT, |r| r.method == "DELETE" && r.path == original).await;
    let webhook = format!("/webhooks/{APPLICATION_ID}/token-970000000000000002");
    let followup = fake.wait_for("the ephemeral follow-up", WAIT, |r| r.method == "POST" && r.path == webhook).await;
    assert_eq!(followup.body["flags"], 64);
    bot.abort();

    // Over serve-http: the response is the deferral, the answer follows over REST.
    let key = SigningKey::from_bytes(&[9; 32]);
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
    // With a token, serve-http registers the commands itself (here in a guild).
    let registered =
        endpoint.register_commands(Some(GUILD.parse().unwrap())).await.expect("registration through the fake");
    assert_eq!(registered, Registration::Registered(7));
    assert!(
        fake.requests().iter().any(|r| {
            r.method == "PUT" && r.path == format!("/applications/{APPLICATION_ID}/guilds/{GUILD}/commands")
        })
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}{}", listener.local_addr().expect("address"), interactions_http::PATH);
    tokio::spawn(interactions_http::serve(listener, endpoint, std::future::pending()));
    let signed = Signed { url, client: reqwest::Client::new() };
    let (status, deferral) = signed.post(Some(&key), &ask("970000000000000003", "4003", MARCH_QUESTION)).await;
    assert_eq!((status, deferral["type"].as_u64()), (200, Some(5)));
    let original = format!("/webhooks/{APPLICATION_ID}/token-970000000000000003/messages/@original");
    let edit = fake.wait_for("serve-http's late answer", WAIT, |r| r.method == "PATCH" && r.path == original).await;
    assert_march_answer(&edit.body);

    assert_all_valid(&fake.requests());
}

/// A listing longer than one embed arrives whole, split at line ends into follow-ups, every
/// message within Discord's limits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_listing_is_split_at_line_ends_within_limits() {
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
    let listing = engine.list_exchanges(None).text;
    assert!(listing.chars().count() > 4096, "the listing must outgrow one embed for this test to mean anything");

    let settings = Settings {
        token: Token::new("fake-token"),
        guild_id: None,
        proxy: Some(fake.rest_url.clone()),
        cooldown: Rate::OFF,
        defer_after: powbot::discord::answering::DEFER_AFTER,
        shards: Some(Shards { range: 0..=0, total: 2 }),
        retry: Policy::default(),
    };
    let bot = tokio::spawn(gateway::run(settings, support::shared(engine), std::future::pending()));
    // This process runs shard 0 of 2: it identifies as such and, owning shard 0, registers.
    let identify = fake.wait_for_identify(WAIT).await;
    assert_eq!(identify["shard"], json!([0, 2]));
    fake.wait_for("command registration", WAIT, |r| r.method == "PUT").await;

    fake.dispatch("INTERACTION_CREATE", interaction("980000000000000001", 2, "5001", "exchanges", json!([])));
    let first = callback(&fake, "980000000000000001").await;
    assert_eq!(first.body["type"], 4);
    let last_line = listing.lines().last().expect("a listing has lines").trim();
    let webhook = format!("/webhooks/{APPLICATION_ID}/token-980000000000000001");
    fake.wait_for("the follow-up with the end of the listing", WAIT, |r| {
        r.method == "POST" && r.path == webhook && shown_text(&r.body).contains(last_line)
    })
    .await;
    bot.abort();

    let requests = fake.requests();
    let mut descriptions = vec![first.body["data"]["embeds"][0]["description"].clone()];
    descriptions.extend(
        requests
            .iter()
            .filter(|r| r.method == "POST" && r.path == webhook)
            .map(|r| r.body["embeds"][0]["description"].clone()),
    );
    assert!(descriptions.len() >= 2, "the listing was not split");
    let descriptions: Vec<&str> = descriptions.iter().filter_map(Value::as_str).collect();
    for line in listing.lines().map(str::trim).filter(|line| !line.is_empty()) {
        assert!(
            descriptions.iter().any(|piece| piece.lines().any(|l| l.trim() == line)),
            "line {line:?} was cut or lost"
        );
    }
    assert_all_valid(&requests);
}

/// The shipped binary, configured only through the environment, against the fake Discord
/// (`DISCORD_PROXY` sends every REST call there, gateway discovery included), stopped by
/// SIGTERM like a service manager would.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_serves_through_discord_proxy_and_stops_on_sigterm() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let index = tempfile::tempdir().expect("temp dir");
    let mut bot = tokio::process::Command::new(env!("CARGO_BIN_EXE_powbot"))
        .arg("serve")
        .env("DISCORD_TOKEN", SECRET_TOKEN)
        .env("DISCORD_PROXY", &fake.rest_url)
        .env("DISCORD_GUILD_ID", GUILD)
        .env("POWBOT_DATA", concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
        .env("POWBOT_INDEX", index.path())
        .env("RUST_LOG", "trace")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the binary starts");
    let stderr = bot.stderr.take().expect("piped stderr");
    let logs = tokio::spawn(async move {
        use tokio::io::AsyncReadExt;
        let mut text = String::new();
        let mut stderr = stderr;
        let _ = stderr.read_to_string(&mut text).await;
        text
    });

    fake.wait_for("registration by the binary", WAIT, |r| {
        r.method == "PUT" && r.path.ends_with(&format!("/guilds/{GUILD}/commands"))
    })
    .await;
    fake.dispatch("INTERACTION_CREATE", ask("990000000000000001", "6001", MARCH_QUESTION));
    let answer = callback(&fake, "990000000000000001").await;
    assert_march_answer(&answer.body["data"]);

    let pid = bot.id().expect("a running process").to_string();
    let killed = std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill runs");
    assert!(killed.success());
    let status =
        tokio::time::timeout(WAIT, bot.wait()).await.expect("the bot stops after SIGTERM").expect("the bot's status");
    assert!(status.success(), "exit status {status}");
    let logs = logs.await.expect("stderr read");
    assert!(logs.contains("shutdown requested"), "logs: {logs}");
    assert!(!logs.contains(SECRET_TOKEN), "the token leaked into the logs");
    assert_all_valid(&fake.requests());
}

/// Without a token, `serve` fails at once with an error that says what to do.
#[test]
fn serve_without_a_token_says_how_to_get_one() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_powbot"))
        .arg("serve")
        .env_remove("DISCORD_TOKEN")
        .env("POWBOT_INDEX", std::env::temp_dir().join("powbot-unused-index"))
        .output()
        .expect("the binary runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("DISCORD_TOKEN is not set"), "stderr: {stderr}");
    assert!(stderr.contains("discord.com/developers"), "stderr: {stderr}");
}
