//! `/ingest url:` through the fake Discord, against news pages served on 127.0.0.1 (the
//! fixture web of the ingest tests): a moderator's link is added and the running bot answers
//! from it through live reload, without a restart; the same link again is a duplicate; a 404
//! is a failed fetch; a page about something else is not added; a member without Manage Server
//! is refused; `/sources` then lists the new article first. Nothing but loopback is contacted.

use std::sync::Arc;
use std::time::{Duration, Instant};

use powbot::discord::answering::Shared;
use powbot::discord::config::Token;
use powbot::discord::cooldown::Rate;
use powbot::discord::gateway::{self, Settings};
use powbot::discord::rest::Policy;
use powbot::engine::EngineConfig;
use powbot::ingest::{FetchConfig, Options};
use powbot::reload::{self, Live};
use serde_json::{Value, json};

use super::support::fake_discord::{APPLICATION_ID, FakeDiscord};
use super::support::schemas::Schemas;
use super::support::{self};
use super::web::Web;
use super::{WAIT, ask, assert_all_valid, callback, interaction, shown_text};

/// Discord's MANAGE_GUILD bit, as an interaction's member permissions carry it.
const MANAGE_GUILD: &str = "32";
const QUESTION: &str = "How many prisoners were exchanged on 24 August 2025?";

/// `/ingest url:` from a member with `permissions`.
fn ingest(id: &str, url: &str, permissions: &str) -> Value {
    let mut command = interaction(id, 2, "5001", "ingest", json!([{ "name": "url", "type": 3, "value": url }]));
    command["member"]["permissions"] = json!(permissions);
    command
}

/// The text of the deferred reply to interaction `id`: a private "thinking…", then the edit.
async fn deferred_reply(fake: &FakeDiscord, id: &str) -> String {
    let deferral = callback(fake, id).await;
    assert_eq!((deferral.body["type"].as_u64(), deferral.body["data"]["flags"].as_u64()), (Some(5), Some(64)));
    let original = format!("/webhooks/{APPLICATION_ID}/token-{id}/messages/@original");
    let edit =
        fake.wait_for("the edit of the deferred reply", WAIT, |r| r.method == "PATCH" && r.path == original).await;
    shown_text(&edit.body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_adds_a_link_and_the_bot_answers_from_it_without_a_restart() {
    // The fixture web runs on a runtime of its own, started and dropped off this one.
    let web = tokio::task::spawn_blocking(Web::start).await.expect("the fixture web starts");
    let fake = FakeDiscord::start(Schemas::get()).await;
    let dirs = tempfile::tempdir().expect("temp dir");
    let data = support::corpus_with_extra_exchanges(&dirs.path().join("data"), 0);
    let index = dirs.path().join("index");
    let config = EngineConfig { data_dir: data.clone(), index_dir: index.clone(), today: None };
    let engine = {
        let (data, index) = (data.clone(), index.clone());
        tokio::task::spawn_blocking(move || support::engine_over(&data, &index)).await.expect("engine opens")
    };
    let before = engine.article_count();
    assert!(!engine.answer(QUESTION).text.contains("146"), "the corpus already knows the exchange");
    let live = Live::from(engine);
    let settings = reload::Settings { engine: config, watch: true, debounce: Duration::from_millis(200), feeds: None };
    let reloader = tokio::spawn(reload::run(live.clone(), settings, None));
    let options = Options {
        data_dir: data.clone(),
        dry_run: false,
        fetch: FetchConfig { timeout: Duration::from_secs(5), per_host_interval: Duration::ZERO, ..Default::default() },
    };
    let shared = Arc::new(Shared::in_memory(live.clone()).with_ingest(options));
    let settings = Settings {
        token: Token::new("fake-token"),
        guild_id: Some(super::GUILD.parse().unwrap()),
        proxy: Some(fake.rest_url.clone()),
        cooldown: Rate { burst: 10, every: Duration::from_secs(1) },
        defer_after: powbot::discord::answering::DEFER_AFTER,
        shards: None,
        retry: Policy::default(),
    };
    let bot = tokio::spawn(async move {
        let _ = gateway::run(settings, shared, std::future::pending()).await;
    });

    // Registered for Manage Server only, with its names in Ukrainian and Russian.
    let registration = fake.wait_for("command registration", WAIT, |r| r.method == "PUT").await;
    assert_eq!(registration.problems, Vec::<String>::new());
    let command = registration.body.as_array().into_iter().flatten().find(|c| c["name"] == "ingest").cloned();
    let command = command.expect("/ingest is registered");
    assert_eq!(command["default_member_permissions"], MANAGE_GUILD);
    assert_eq!(command["name_localizations"], json!({ "uk": "додати", "ru": "добавить" }));
    assert_eq!(command["options"][0]["name_localizations"], json!({ "uk": "посилання", "ru": "ссылка" }));
    // Let the watcher start before the article arrives.
    tokio::time::sleep(Duration::from_millis(300)).await;

    // A moderator's link: added, and answered from once the reload has it.
    let started = Instant::now();
    fake.dispatch("INTERACTION_CREATE", ingest("990000000000000001", &web.url("/news/kyiv-report"), MANAGE_GUILD));
    let added = deferred_reply(&fake, "990000000000000001").await;
    assert!(added.starts_with("Added: "), "{added}");
    assert!(added.contains("24 August 2025 — to Ukraine: 146, incl. 8 civilians; to Russia: 146"), "{added}");
    assert!(added.ends_with(&format!("Now answering from {} articles.", before + 1)), "{added}");
    fake.dispatch("INTERACTION_CREATE", ask("990000000000000002", "5002", QUESTION));
    let answer = shown_text(&callback(&fake, "990000000000000002").await.body);
    assert!(answer.contains("146"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
    assert_eq!(live.current().article_count(), before + 1);
    // /sources lists the newest first: the article just added.
    fake.dispatch("INTERACTION_CREATE", interaction("990000000000000007", 2, "5003", "sources", json!([])));
    let sources = callback(&fake, "990000000000000007").await;
    let embed = &sources.body["data"]["embeds"][0];
    let outlets = embed["description"].as_str().unwrap_or_default();
    let first = outlets.lines().find(|line| line.starts_with('•'));
    assert_eq!(first, Some("• The Kyiv Independent (1)"), "{embed:#}");
    let listed = embed["fields"][0]["value"].as_str().unwrap_or_default();
    assert!(listed.starts_with("1. [The Kyiv Independent, 2025-08-24]"), "{embed:#}");

    // The same link again: a duplicate, nothing written.
    fake.dispatch("INTERACTION_CREATE", ingest("990000000000000003", &web.url("/news/kyiv-report"), MANAGE_GUILD));
    let again = deferred_reply(&fake, "990000000000000003").await;
    assert!(again.starts_with("Not added: duplicate of an article I have"), "{again}");
    // A page that is not there, and one about something else.
    fake.dispatch("INTERACTION_CREATE", ingest("990000000000000004", &web.url("/status/404"), MANAGE_GUILD));
    let missing = deferred_reply(&fake, "990000000000000004").await;
    assert!(missing.starts_with("Not added: fetch failed") && missing.contains("404"), "{missing}");
    fake.dispatch("INTERACTION_CREATE", ingest("990000000000000005", &web.url("/news/grain"), MANAGE_GUILD));
    let grain = deferred_reply(&fake, "990000000000000005").await;
    assert_eq!(grain, "Not added: it is not about prisoner exchanges.");

    // A member without Manage Server: refused at once, in their language, nothing fetched.
    let mut refused = ingest("990000000000000006", &web.url("/news/ukrainian"), "0");
    refused["locale"] = json!("uk");
    fake.dispatch("INTERACTION_CREATE", refused);
    let reply = callback(&fake, "990000000000000006").await;
    assert_eq!((reply.body["type"].as_u64(), reply.body["data"]["flags"].as_u64()), (Some(4), Some(64)));
    assert!(shown_text(&reply.body).contains("«Керувати сервером»"), "{:#}", reply.body);
    assert_eq!(web.hits("/news/ukrainian"), 0);

    let articles = std::fs::read_dir(data.join("articles")).expect("the articles").count();
    assert_eq!(articles, before + 1, "one article written, no partial files");
    assert_all_valid(&fake.requests());
    bot.abort();
    reloader.abort();
    tokio::task::spawn_blocking(move || drop(web)).await.expect("the fixture web stops");
}
