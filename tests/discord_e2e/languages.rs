//! Ukrainian and Russian users through the fake Discord: the commands registered with their
//! names and descriptions in both languages (held to the schemas, and to Discord's spec when
//! at hand), `/help` in the user's locale, a Russian mention answered in Russian with the
//! figures of the English answer, and `/exchange` with only a date in the user's locale.

use std::time::Duration;

use powbot::discord::config::Token;
use powbot::discord::cooldown::Rate;
use powbot::discord::gateway::{self, Settings};
use powbot::discord::rest::Policy;
use serde_json::{Value, json};

use super::support::fake_discord::{BOT_ID, FakeDiscord, user};
use super::support::schemas::Schemas;
use super::support::{self};
use super::{GUILD, WAIT, assert_all_valid, callback, interaction, mention_of_bot, message, reply_to, shown_text};

fn field<'a>(embed: &'a Value, name: &str) -> Option<&'a Value> {
    embed["fields"].as_array().into_iter().flatten().find(|f| f["name"] == name).map(|f| &f["value"])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ukrainian_and_russian_users_are_answered_in_their_language() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let index = tempfile::tempdir().expect("temp dir");
    let index_path = index.path().to_path_buf();
    let engine = tokio::task::spawn_blocking(move || support::engine(&index_path)).await.expect("engine opens");
    let settings = Settings {
        token: Token::new("fake-token"),
        guild_id: Some(GUILD.parse().unwrap()),
        proxy: Some(fake.rest_url.clone()),
        cooldown: Rate { burst: 10, every: Duration::from_secs(1) },
        defer_after: powbot::discord::answering::DEFER_AFTER,
        shards: None,
        retry: Policy::default(),
    };
    let bot = tokio::spawn(async move {
        let _ = gateway::run(settings, support::shared(engine), std::future::pending()).await;
    });

    // Every command and option carries a Ukrainian and a Russian name and description.
    let registration = fake.wait_for("command registration", WAIT, |r| r.method == "PUT").await;
    assert_eq!(registration.problems, Vec::<String>::new());
    let commands = registration.body.as_array().expect("a list of commands");
    let options = commands.iter().flat_map(|c| c["options"].as_array().cloned().unwrap_or_default());
    for item in commands.iter().cloned().chain(options) {
        for locale in ["uk", "ru"] {
            for key in ["name_localizations", "description_localizations"] {
                assert!(item[key][locale].as_str().is_some_and(|s| !s.is_empty()), "{key}.{locale} missing: {item:#}");
            }
        }
    }
    assert_eq!(commands[0]["name_localizations"], json!({ "uk": "запитати", "ru": "спросить" }));

    // /help from a user whose Discord is in Ukrainian.
    let mut help = interaction("960000000000000001", 2, "3001", "help", json!([]));
    help["locale"] = json!("uk");
    fake.dispatch("INTERACTION_CREATE", help);
    let text = shown_text(&callback(&fake, "960000000000000001").await.body);
    assert!(text.contains("Як питати powbot"), "{text}");
    assert!(text.contains("Скільки полонених обміняли 19 березня 2025?"), "{text}");

    // A mention in Russian: the card in Russian, with the English answer's figures.
    let question = format!("<@{BOT_ID}> Сколько пленных обменяли 19 марта 2025?");
    fake.dispatch(
        "MESSAGE_CREATE",
        message("960000000000000002", user("3002", "ru-user", false), &question, mention_of_bot()),
    );
    let reply = reply_to(&fake, "960000000000000002").await;
    let embed = &reply.body["embeds"][0];
    assert_eq!(embed["title"], "Обмен 19 марта 2025", "{embed:#}");
    assert_eq!(field(embed, "Всего"), Some(&json!("372")), "{embed:#}");
    assert_eq!(field(embed, "В Украину"), Some(&json!("175 + 22 тяжелораненых")), "{embed:#}");
    assert_eq!(reply.body["components"][0]["components"][0]["label"], "Источники");

    // /exchange with a date: the question does not tell the language, the user's locale does.
    let mut exchange = interaction(
        "960000000000000003",
        2,
        "3003",
        "exchange",
        json!([{ "name": "date", "type": 3, "value": "2025-03-19" }]),
    );
    exchange["locale"] = json!("uk");
    fake.dispatch("INTERACTION_CREATE", exchange);
    let card = callback(&fake, "960000000000000003").await;
    assert_eq!(card.body["data"]["embeds"][0]["title"], "Обмін 19 березня 2025", "{:#}", card.body);

    assert_all_valid(&fake.requests());
    bot.abort();
}
