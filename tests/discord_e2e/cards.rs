//! What users see and press: cards, their buttons, the 👎 form, follow-up questions by reply
//! and in a thread, `/timeline`'s picture, registering only what changed. All through the
//! fake Discord, every body held to the schemas (and the spec, when at hand).
//!
//! With `POWBOT_CAPTURE=DIR`, the bodies are also written to DIR (`card.json`,
//! `follow-up.json`, `timeline.json` with `timeline.png`, …) for
//! `../shared/discord/preview.py` to render: the README's pictures come from there.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use ed25519_dalek::SigningKey;
use powbot::discord::answering::Shared;
use powbot::discord::config::Token;
use powbot::discord::connections::Limits;
use powbot::discord::cooldown::Rate;
use powbot::discord::gateway::{self, Settings};
use powbot::discord::interaction::Registration;
use powbot::discord::interactions_http::{self, Endpoint};
use powbot::discord::rest::Policy;
use serde_json::{Value, json};

use super::support::fake_discord::{APPLICATION_ID, BOT_ID, FakeDiscord, Recorded, user};
use super::support::schemas::Schemas;
use super::support::{self};
use super::{
    CHANNEL, GUILD, MARCH_QUESTION, WAIT, ask, assert_all_valid, assert_march_answer, callback, hex, interaction,
    mention_of_bot, message,
};

/// Writes `body` (and `files`) where `POWBOT_CAPTURE` says, if it says.
fn capture(name: &str, body: &Value, files: &[(String, Vec<u8>)]) {
    let Some(dir) = std::env::var_os("POWBOT_CAPTURE").map(PathBuf::from) else {
        return;
    };
    std::fs::create_dir_all(&dir).expect("the capture directory");
    std::fs::write(dir.join(format!("{name}.json")), serde_json::to_string_pretty(body).unwrap()).expect("write");
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).expect("write a file");
    }
}

/// The gateway bot over `shared`, with the fake's registration awaited.
async fn bot(fake: &FakeDiscord, shared: Arc<Shared>, cooldown: Rate) -> tokio::task::JoinHandle<()> {
    let settings = Settings {
        token: Token::new("fake-token"),
        guild_id: Some(GUILD.parse().unwrap()),
        proxy: Some(fake.rest_url.clone()),
        cooldown,
        defer_after: powbot::discord::answering::DEFER_AFTER,
        shards: None,
        retry: Policy::default(),
    };
    let bot = tokio::spawn(async move {
        let _ = gateway::run(settings, shared, std::future::pending()).await;
    });
    fake.wait_for("command registration", WAIT, |r| r.method == "PUT").await;
    bot
}

async fn shipped() -> (Arc<Shared>, tempfile::TempDir) {
    let index = tempfile::tempdir().expect("temp dir");
    let path = index.path().to_path_buf();
    let engine = tokio::task::spawn_blocking(move || support::engine(&path)).await.expect("engine opens");
    (support::shared(engine), index)
}

/// A button press (a component interaction) on `on`, a message the bot sent.
fn press(id: &str, user_id: &str, custom_id: &str, on: &Value) -> Value {
    let mut pressed = interaction(id, 3, user_id, "unused", json!([]));
    pressed["data"] = json!({ "custom_id": custom_id, "component_type": 2 });
    let mut shown = message("955000000000000001", user(BOT_ID, "powbot", true), "", json!([]));
    shown["components"] = on["components"].clone();
    shown["embeds"] = on["embeds"].clone();
    pressed["message"] = shown;
    pressed
}

/// The 👎 form submitted with `text`.
fn submit(id: &str, user_id: &str, custom_id: &str, text: &str) -> Value {
    let mut submitted = interaction(id, 5, user_id, "unused", json!([]));
    submitted["data"] = json!({
        "custom_id": custom_id,
        "components": [{ "type": 1, "components": [{ "type": 4, "custom_id": "what", "value": text }] }]
    });
    submitted
}

fn buttons(data: &Value) -> Vec<String> {
    data["components"][0]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|button| button["custom_id"].as_str().map(str::to_string))
        .collect()
}

fn field(data: &Value, name: &str) -> Option<String> {
    data["embeds"][0]["fields"].as_array()?.iter().find(|f| f["name"] == name)?["value"].as_str().map(str::to_string)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sources_and_a_thumbs_down_with_its_form_round_trip() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let (shared, _index) = shipped().await;
    let bot = bot(&fake, Arc::clone(&shared), Rate::OFF).await;

    fake.dispatch("INTERACTION_CREATE", ask("943000000000000001", "1201", MARCH_QUESTION));
    let card = callback(&fake, "943000000000000001").await.body["data"].clone();
    assert_march_answer(&card);
    capture("card", &json!({ "type": 4, "data": card }), &[]);
    let ids = buttons(&card);
    assert_eq!(ids.len(), 3, "{card:#}");

    // "Sources": every cited sentence, with outlet, date and link, only for the presser.
    fake.dispatch("INTERACTION_CREATE", press("943000000000000002", "1202", &ids[0], &card));
    let sources = callback(&fake, "943000000000000002").await;
    assert_eq!((sources.body["type"].as_u64(), sources.body["data"]["flags"].as_u64()), (Some(4), Some(64)));
    let listed = super::shown_text(&sources.body);
    for sentence in ["Russia and Ukraine have exchanged 372 prisoners of war", "175"] {
        assert!(listed.contains(sentence), "{sentence:?} not among the sources: {listed}");
    }
    assert!(listed.contains("Al Jazeera · 2025-03-19") && listed.contains("https://www.aljazeera.com/"), "{listed}");
    capture("sources", &sources.body, &[]);

    // 👍: thanks, privately.
    fake.dispatch("INTERACTION_CREATE", press("943000000000000003", "1203", &ids[1], &card));
    let thanks = callback(&fake, "943000000000000003").await;
    assert_eq!(thanks.body["data"]["flags"], 64);

    // 👎: the form, then its submission: thanks, and the store has it.
    fake.dispatch("INTERACTION_CREATE", press("943000000000000004", "1204", &ids[2], &card));
    let form = callback(&fake, "943000000000000004").await;
    assert_eq!(form.body["type"], 9, "{:#}", form.body);
    let form_id = form.body["data"]["custom_id"].as_str().expect("the form's id").to_string();
    capture("form", &form.body, &[]);
    fake.dispatch("INTERACTION_CREATE", submit("943000000000000005", "1204", &form_id, "Russia got 175, not 372"));
    let thanks = callback(&fake, "943000000000000005").await;
    assert_eq!((thanks.body["type"].as_u64(), thanks.body["data"]["flags"].as_u64()), (Some(4), Some(64)));
    assert!(super::shown_text(&thanks.body).contains("Thanks"));

    let store = shared.store.as_ref().expect("a store");
    let worst = store.worst(5).expect("the store reads");
    assert_eq!(worst.len(), 1, "{worst:?}");
    assert_eq!((worst[0].wrong, worst[0].helpful), (1, 1));
    assert_eq!(worst[0].question, MARCH_QUESTION);
    assert!(worst[0].answer.contains("372") && worst[0].figures.contains("aljazeera-2025-03-19"), "{worst:?}");
    assert_eq!(worst[0].comments, ["Russia got 175, not 372"]);
    assert_eq!(worst[0].corpus, powbot::discord::answering::corpus_of(&shared.engine()));

    bot.abort();
    assert_all_valid(&fake.requests());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_ups_by_reply_then_in_the_thread_continue_from_the_answer() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let (shared, _index) = shipped().await;
    let bot = bot(&fake, shared, Rate::OFF).await;
    let messages = format!("/channels/{CHANNEL}/messages");

    // The first answer, to a mention.
    fake.dispatch(
        "MESSAGE_CREATE",
        message(
            "956000000000000001",
            user("2101", "asker", false),
            &format!("<@{BOT_ID}> {MARCH_QUESTION}"),
            mention_of_bot(),
        ),
    );
    let first = super::reply_to(&fake, "956000000000000001").await;
    assert_march_answer(&first.body);

    // A reply to it: its question names no exchange, so it is about 19 March 2025. It gets a
    // thread of its own, started from the reply.
    let mut answer = message("956000000000000002", user(BOT_ID, "powbot", true), "", json!([]));
    answer["embeds"] = first.body["embeds"].clone();
    answer["components"] = first.body["components"].clone();
    let mut follow_up =
        message("956000000000000003", user("2101", "asker", false), "and how many were wounded?", mention_of_bot());
    follow_up["type"] = json!(19);
    follow_up["message_reference"] =
        json!({ "message_id": "956000000000000002", "channel_id": CHANNEL, "guild_id": GUILD });
    follow_up["referenced_message"] = answer;
    fake.dispatch("MESSAGE_CREATE", follow_up);
    let thread_path = format!("{messages}/956000000000000003/threads");
    let thread = fake.wait_for("the thread", WAIT, |r| r.method == "POST" && r.path == thread_path).await;
    assert_eq!(thread.body["name"], "Exchange of 19 March 2025");
    let in_thread = "/channels/956000000000000003/messages";
    let wounded = fake.wait_for("the answer in the thread", WAIT, |r| r.method == "POST" && r.path == in_thread).await;
    assert_eq!(wounded.body["embeds"][0]["title"], "Exchange of 19 March 2025", "{:#}", wounded.body);
    assert!(
        field(&wounded.body, "To Ukraine").is_some_and(|v| v.contains("22 seriously wounded")),
        "{:#}",
        wounded.body
    );
    capture("follow-up", &json!([first.body, wounded.body]), &[]);

    // In the thread, a mention goes on from the thread's latest answer.
    let mut asked = message(
        "956000000000000004",
        user("2101", "asker", false),
        &format!("<@{BOT_ID}> who mediated it?"),
        mention_of_bot(),
    );
    asked["channel_id"] = json!("956000000000000003");
    fake.dispatch("MESSAGE_CREATE", asked);
    let mediator = fake
        .wait_for("the mediator, in the thread", WAIT, |r| {
            r.method == "POST"
                && r.path == in_thread
                && r.body["message_reference"]["message_id"] == "956000000000000004"
        })
        .await;
    assert_eq!(mediator.body["embeds"][0]["title"], "Exchange of 19 March 2025");
    assert_eq!(field(&mediator.body, "Mediator").as_deref(), Some("United Arab Emirates"));

    // "And the one before?": the exchange before it, asked the same way.
    let mut before = message(
        "956000000000000005",
        user("2101", "asker", false),
        &format!("<@{BOT_ID}> and the one before?"),
        mention_of_bot(),
    );
    before["channel_id"] = json!("956000000000000003");
    fake.dispatch("MESSAGE_CREATE", before);
    let earlier = fake
        .wait_for("the one before, in the thread", WAIT, |r| {
            r.method == "POST"
                && r.path == in_thread
                && r.body["message_reference"]["message_id"] == "956000000000000005"
        })
        .await;
    assert_eq!(earlier.body["embeds"][0]["title"], "Exchange of 5 February 2025", "{:#}", earlier.body);
    bot.abort();
    assert_all_valid(&fake.requests());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeline_uploads_a_png_the_embed_shows() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let (shared, _index) = shipped().await;
    let bot = bot(&fake, shared, Rate::OFF).await;
    let options = json!([{ "name": "from", "type": 4, "value": 2024 }, { "name": "to", "type": 4, "value": 2025 }]);
    fake.dispatch("INTERACTION_CREATE", interaction("944000000000000001", 2, "1301", "timeline", options));
    let upload = callback(&fake, "944000000000000001").await;
    check_timeline(&upload);
    capture("timeline", &upload.body, &[("timeline.png".into(), upload.files[0].bytes.clone())]);
    // Out of order years: a clear private error.
    let options = json!([{ "name": "from", "type": 4, "value": 2025 }, { "name": "to", "type": 4, "value": 2024 }]);
    fake.dispatch("INTERACTION_CREATE", interaction("944000000000000002", 2, "1301", "timeline", options));
    let refused = callback(&fake, "944000000000000002").await;
    assert_eq!(refused.body["data"]["flags"], 64);
    assert!(super::shown_text(&refused.body).contains("comes after"), "{:#}", refused.body);
    bot.abort();
    assert_all_valid(&fake.requests());
}

/// A multipart upload of one PNG, which the embed shows, with the numbers in text.
fn check_timeline(upload: &Recorded) {
    assert_eq!(upload.problems, Vec::<String>::new());
    let data = upload.body.get("data").filter(|d| d.is_object()).unwrap_or(&upload.body);
    let [png] = upload.files.as_slice() else { panic!("uploaded {:?}", upload.files) };
    assert_eq!((png.name.as_str(), png.filename.as_deref()), ("files[0]", Some("timeline.png")));
    assert_eq!(&png.bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(data["embeds"][0]["image"]["url"], "attachment://timeline.png");
    assert_eq!(data["attachments"][0]["filename"], "timeline.png");
    // The numbers: as the picture's alt text, and under it.
    let line = "19 Mar 2025: 197 / 175 · UAE";
    let alt = data["attachments"][0]["description"].as_str().unwrap_or_default();
    assert!(alt.contains(line), "{alt}");
    let text = data["embeds"][1]["description"].as_str().unwrap_or_default();
    assert!(text.contains(line), "{text}");
}

/// serve-http cannot put a file in its HTTP response: it defers, then uploads with the edit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_http_defers_a_timeline_and_uploads_it_with_the_edit_and_registers_once() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let (shared, _index) = shipped().await;
    let key = SigningKey::from_bytes(&[12; 32]);
    let settings = interactions_http::Settings {
        public_key: hex(key.verifying_key().as_bytes()),
        token: Some(Token::new("fake-token")),
        proxy: Some(fake.rest_url.clone()),
        cooldown: Rate::OFF,
        defer_after: powbot::discord::answering::DEFER_AFTER,
        limits: Limits::default(),
        retry: Policy::default(),
    };
    let endpoint = Arc::new(Endpoint::new(&settings, shared).expect("a valid key"));
    // Registered once; a restart finds them unchanged and sends nothing.
    let guild = Some(GUILD.parse().unwrap());
    assert_eq!(endpoint.register_commands(guild).await.expect("registers"), Registration::Registered(7));
    assert_eq!(endpoint.register_commands(guild).await.expect("registers"), Registration::Unchanged(7));
    assert_eq!(fake.requests().iter().filter(|r| r.method == "PUT").count(), 1);

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}{}", listener.local_addr().expect("address"), interactions_http::PATH);
    tokio::spawn(interactions_http::serve(listener, endpoint, std::future::pending()));
    let signed = super::Signed { url, client: reqwest::Client::new() };
    let options = json!([{ "name": "from", "type": 4, "value": 2025 }]);
    let (status, deferral) =
        signed.post(Some(&key), &interaction("964000000000000001", 2, "1401", "timeline", options)).await;
    assert_eq!((status, deferral["type"].as_u64()), (200, Some(5)));
    let original = format!("/webhooks/{APPLICATION_ID}/token-964000000000000001/messages/@original");
    let edit = fake.wait_for("the picture", WAIT, |r| r.method == "PATCH" && r.path == original).await;
    assert_eq!(edit.problems, Vec::<String>::new());
    assert_eq!(edit.files.len(), 1);
    assert_eq!(edit.body["embeds"][0]["image"]["url"], "attachment://timeline.png");

    // A button pressed on a card works over serve-http too (and after a restart: the ticket
    // is in the button).
    let card_id = "src:q|How many prisoners were exchanged on 19 March 2025?";
    let on = json!({ "components": [], "embeds": [] });
    let (status, sources) = signed.post(Some(&key), &press("964000000000000002", "1402", card_id, &on)).await;
    assert_eq!((status, sources["data"]["flags"].as_u64()), (200, Some(64)));
    assert!(super::shown_text(&sources).contains("Al Jazeera"), "{sources:#}");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_all_valid(&fake.requests());
}

/// A dispute is shown once, in its side's field, with who says which.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_card_shows_a_dispute_once_with_who_says_which() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let data = tempfile::tempdir().expect("temp dir");
    let index = tempfile::tempdir().expect("temp dir");
    let articles = data.path().join("articles");
    std::fs::create_dir_all(&articles).expect("mkdir");
    for (id, outlet, count) in [("wire-one", "Wire One", 50), ("wire-two", "Wire Two", 52)] {
        let text = format!(
            "+++\nid = \"{id}\"\ntitle = \"Prisoner swap\"\noutlet = \"{outlet}\"\nurl = \"\"\npublished = \"2023-03-02\"\n+++\n\
             Russia and Ukraine exchanged prisoners of war on 2 March 2023.\n\n\
             Ukraine handed over {count} Russian servicemen, and 60 Ukrainian soldiers came home.\n"
        );
        std::fs::write(articles.join(format!("{id}.md")), text).expect("write");
    }
    let (data_path, index_path) = (data.path().to_path_buf(), index.path().to_path_buf());
    let engine =
        tokio::task::spawn_blocking(move || support::engine_over(&data_path, &index_path)).await.expect("engine");
    let bot = bot(&fake, support::shared(engine), Rate::OFF).await;
    fake.dispatch(
        "INTERACTION_CREATE",
        interaction(
            "945000000000000001",
            2,
            "1501",
            "exchange",
            json!([{ "name": "date", "type": 3, "value": "2023-03-02" }]),
        ),
    );
    let card = callback(&fake, "945000000000000001").await.body["data"].clone();
    assert_eq!(card["embeds"][0]["title"], "Exchange of 2 March 2023", "{card:#}");
    assert_eq!(field(&card, "To Ukraine").as_deref(), Some("60"), "{card:#}");
    assert_eq!(field(&card, "To Russia").as_deref(), Some("52 (Wire Two) · 50 (Wire One)"), "{card:#}");
    capture("dispute", &json!({ "type": 4, "data": card }), &[]);
    bot.abort();
    assert_all_valid(&fake.requests());
}
