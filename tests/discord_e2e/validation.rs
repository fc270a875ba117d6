//! The checks themselves. For each kind of request, the project's schemas accept what the bot's
//! builders (or serenity's, for what the bot does not send yet) put on the wire, and reject a
//! bad instance for the reason given. With Discord's spec at hand the good bodies must pass it
//! too, which keeps the schemas honest about where they came from.

use serde_json::{Value, json};
use serenity::all::{
    ChannelId, CommandOptionType, CreateActionRow, CreateButton, CreateCommand, CreateCommandOption, CreateEmbed,
    CreateInputText, CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage,
    CreateMessage, CreateModal, CreateSelectMenu, CreateSelectMenuKind, CreateSelectMenuOption,
    EditInteractionResponse, InputTextStyle, MessageId, MessageReference, ReactionType,
};

use powbot::discord::reply::Reply;
use powbot::discord::{commands, send};

use super::support::schemas::{Body, Schemas};
use super::{APPLICATION_ID, CHANNEL};

/// The callback route; the ids in it do not matter.
const CALLBACK: &str = "/interactions/1/token/callback";

/// A body the rules accept for `method path`, and bad ones, each with a fragment its problems
/// must contain (so that it is refused for the reason meant, not another).
fn check(method: &str, path: &str, good: impl serde::Serialize, bad: &[(&str, Value)]) {
    let schemas = Schemas::get();
    let good = serde_json::to_value(good).expect("a builder serializes");
    let problems = schemas.problems(method, path, &Body::json(good.clone()));
    assert_eq!(problems, Vec::<String>::new(), "{method} {path} refused a good body: {good:#}");
    for (reason, bad) in bad {
        let problems = schemas.own_problems(method, path, &Body::json(bad.clone()));
        assert!(
            problems.iter().any(|problem| problem.contains(reason)),
            "{method} {path} did not refuse a body for {reason:?}; problems: {problems:#?}\nbody: {bad:#}"
        );
    }
}

/// `good`, serialized, with one change.
fn with(good: &impl serde::Serialize, change: impl FnOnce(&mut Value)) -> Value {
    let mut bad = serde_json::to_value(good).expect("a builder serializes");
    change(&mut bad);
    bad
}

fn text(length: usize) -> Value {
    json!("x".repeat(length))
}

/// What a later feature might send: an embed, a row of buttons (one a link, one with an emoji)
/// and a string select.
fn embed() -> CreateEmbed {
    CreateEmbed::new().title("19 March 2025").description("372 exchanged").field("Total", "372", true).colour(0x5865f2)
}

fn rows() -> Vec<CreateActionRow> {
    let buttons = vec![
        CreateButton::new("more").label("More").emoji(ReactionType::Unicode("📰".into())),
        CreateButton::new_link("https://www.aljazeera.com/").label("Read the article"),
    ];
    let options = vec![CreateSelectMenuOption::new("19 March 2025", "2025-03-19").description("372 in all")];
    let select = CreateSelectMenu::new("exchange", CreateSelectMenuKind::String { options }).placeholder("An exchange");
    vec![CreateActionRow::Buttons(buttons), CreateActionRow::SelectMenu(select)]
}

fn notice() -> powbot::discord::reply::Message {
    Reply::notice("I answer questions about prisoner exchanges.").messages.remove(0)
}

#[test]
fn command_registration() {
    let localized = CreateCommand::new("swap")
        .description("One exchange by side")
        .name_localized("uk", "обмін")
        .description_localized("uk", "Один обмін за стороною")
        .name_localized("de", "austausch")
        .description_localized("de", "Ein Austausch nach Seite")
        .add_option(
            CreateCommandOption::new(CommandOptionType::String, "side", "Which side returned them")
                .name_localized("uk", "сторона")
                .description_localized("uk", "Яка сторона їх повернула")
                .required(true)
                .add_string_choice_localized("Ukraine", "ukraine", [("uk", "Україна")])
                .add_string_choice("Russia", "russia"),
        )
        .add_option(
            CreateCommandOption::new(CommandOptionType::Integer, "year", "Which year")
                .min_int_value(2014)
                .max_int_value(2100)
                .add_int_choice("2025", 2025),
        );
    let mut good = commands::definitions();
    good.push(localized);
    let last = good.len() - 1;
    let option = |name: String| json!({ "type": 3, "name": name, "description": "d" });
    let big_choices: Vec<Value> =
        (0..25).map(|i| json!({ "name": format!("{i:0>100}"), "value": format!("{i:0>100}") })).collect();
    let big = |name: &str| json!({ "type": 3, "name": name, "description": "d", "choices": big_choices });
    let bad = [
        ("does not match pattern", with(&good, |b| b[0]["name"] = json!("Ask"))),
        ("does not match pattern", with(&good, |b| b[0]["name"] = json!("ask me"))),
        ("breaks minLength 1", with(&good, |b| b[0]["description"] = json!(""))),
        ("breaks maxLength 100", with(&good, |b| b[0]["description"] = text(101))),
        (r#""xx" is not one of"#, with(&good, |b| b[last]["name_localizations"]["xx"] = json!("swap"))),
        ("does not match pattern", with(&good, |b| b[last]["name_localizations"]["de"] = json!("Aus tausch"))),
        (
            "26 items breaks maxItems 25",
            with(&good, |b| b[last]["options"] = (0..26).map(|i| option(format!("o{i}"))).collect()),
        ),
        ("breaks maxLength 100", with(&good, |b| b[last]["options"][0]["choices"][0]["value"] = text(101))),
        ("oneOf matched 0 of 2", with(&good, |b| b[0]["options"][0]["type"] = json!(5))),
        (r#"property "descripton" is not allowed"#, with(&good, |b| b[0]["descripton"] = json!("typo"))),
        (r#"command "ask" is defined twice"#, with(&good, |b| b[1]["name"] = json!("ask"))),
        (
            "required option after an optional one",
            with(&good, |b| b[last]["options"] = json!([b[last]["options"][1], b[last]["options"][0]])),
        ),
        ("autocomplete and choices together", with(&good, |b| b[last]["options"][0]["autocomplete"] = json!(true))),
        ("over 8000", with(&good, |b| b[last]["options"] = json!([big("a"), big("b")]))),
    ];
    check("PUT", &format!("/applications/{APPLICATION_ID}/commands"), &good, &bad);
    check("PUT", &format!("/applications/{APPLICATION_ID}/guilds/1/commands"), &good, &[]);
}

#[test]
fn callbacks_pong_message_and_deferral() {
    let pong = CreateInteractionResponse::Pong;
    check(
        "POST",
        CALLBACK,
        &pong,
        &[
            (r#"$.data: expected type "null""#, with(&pong, |b| b["data"] = json!({}))),
            ("oneOf matched 0 of 5", json!({ "type": 2 })),
        ],
    );

    check("POST", CALLBACK, send::response(&notice(), true), &[]);
    let message = CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new()
            .content("372 exchanged")
            .embed(embed())
            .components(rows())
            .allowed_mentions(send::no_mentions())
            .ephemeral(true),
    );
    let astral = "🕊".repeat(1001);
    check(
        "POST",
        CALLBACK,
        &message,
        &[
            (r#"missing required property "data""#, json!({ "type": 4 })),
            ("breaks maxLength 2000", with(&message, |b| b["data"]["content"] = text(2001))),
            ("content of 2002 characters, over 2000", with(&message, |b| b["data"]["content"] = json!(astral))),
            ("is not one of [0,64]", with(&message, |b| b["data"]["flags"] = json!(4096))),
            ("anyOf matched 0 of 4", json!({ "type": 4, "data": { "content": "", "embeds": [] } })),
            ("11 items breaks maxItems 10", with(&message, |b| b["data"]["embeds"] = json!(vec![json!({}); 11]))),
            ("breaks maxLength 256", with(&message, |b| b["data"]["embeds"][0]["title"] = text(257))),
            (r#"missing required property "url""#, with(&message, |b| b["data"]["embeds"][0]["image"] = json!({}))),
            (
                r#"property "thumbnail" is not allowed"#,
                with(&message, |b| b["data"]["embeds"][0]["thumbnail"] = json!({ "url": "x" })),
            ),
            (
                "which the message does not carry",
                with(&message, |b| b["data"]["embeds"][0]["image"] = json!({ "url": "attachment://chart.png" })),
            ),
            (
                "over 6000",
                with(&message, |b| {
                    b["data"]["embeds"] = json!([{ "description": text(4000) }, { "description": text(4000) }])
                }),
            ),
        ],
    );

    check("POST", CALLBACK, send::deferral(false), &[]);
    check("POST", CALLBACK, send::deferral(true), &[]);
    let ephemeral = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true));
    check(
        "POST",
        CALLBACK,
        &ephemeral,
        &[
            (r#"property "content" is not allowed"#, with(&ephemeral, |b| b["data"]["content"] = json!("thinking"))),
            ("is not one of [0,64]", with(&ephemeral, |b| b["data"]["flags"] = json!(2))),
        ],
    );
}

#[test]
fn callbacks_autocomplete_and_modal() {
    let choices = send::choices(vec![("19 March 2025 — 372 in all".into(), "2025-03-19".into())]);
    let many: Vec<Value> = (0..26).map(|i| json!({ "name": format!("{i}"), "value": format!("{i}") })).collect();
    check(
        "POST",
        CALLBACK,
        &choices,
        &[
            ("26 items breaks maxItems 25", with(&choices, |b| b["data"]["choices"] = json!(many))),
            ("breaks maxLength 100", with(&choices, |b| b["data"]["choices"][0]["value"] = text(101))),
            ("breaks minLength 1", with(&choices, |b| b["data"]["choices"][0]["name"] = json!(""))),
            (r#"missing required property "choices""#, json!({ "type": 8, "data": {} })),
        ],
    );

    let input = |id: &str| CreateInputText::new(InputTextStyle::Paragraph, "Question", id).max_length(300);
    let modal = CreateInteractionResponse::Modal(CreateModal::new("ask-form", "Ask powbot").components(vec![
        CreateActionRow::InputText(input("question").placeholder("How many were exchanged on 19 March 2025?")),
        CreateActionRow::InputText(input("context").required(false)),
    ]));
    check(
        "POST",
        CALLBACK,
        &modal,
        &[
            ("breaks maxLength 45", with(&modal, |b| b["data"]["title"] = text(46))),
            ("0 items breaks minItems 1", with(&modal, |b| b["data"]["components"] = json!([]))),
            (
                "6 items breaks maxItems 5",
                with(&modal, |b| b["data"]["components"] = json!(vec![b["data"]["components"][0].clone(); 6])),
            ),
            (
                "2 items breaks maxItems 1",
                with(&modal, |b| {
                    let rows = &mut b["data"]["components"];
                    rows[0]["components"] = json!([rows[0]["components"][0], rows[1]["components"][0]]);
                }),
            ),
            (
                "3 is not one of [1,2]",
                with(&modal, |b| b["data"]["components"][0]["components"][0]["style"] = json!(3)),
            ),
            (
                r#"missing required property "label""#,
                with(&modal, |b| {
                    b["data"]["components"][0]["components"][0].as_object_mut().expect("an input").remove("label");
                }),
            ),
            (
                r#"custom_id "question" is used twice"#,
                with(&modal, |b| b["data"]["components"][1]["components"][0]["custom_id"] = json!("question")),
            ),
            ("breaks maxLength 100", with(&modal, |b| b["data"]["custom_id"] = text(101))),
        ],
    );
}

#[test]
fn follow_ups_and_edits() {
    let webhook = format!("/webhooks/{APPLICATION_ID}/token");
    check("POST", &webhook, send::followup(&notice(), true), &[]);
    let followup = CreateInteractionResponseFollowup::new()
        .embed(embed())
        .components(rows())
        .allowed_mentions(send::no_mentions());
    check(
        "POST",
        &webhook,
        &followup,
        &[
            ("is not one of [0,64]", with(&followup, |b| b["flags"] = json!(4))),
            (r#"property "username" is not allowed"#, with(&followup, |b| b["username"] = json!("powbot"))),
            ("anyOf matched 0 of 4", json!({ "content": "", "embeds": [], "components": [], "attachments": [] })),
            (r#""nobody" is not one of"#, with(&followup, |b| b["allowed_mentions"]["parse"] = json!(["nobody"]))),
            (
                "does not match pattern",
                with(&followup, |b| b["allowed_mentions"]["users"] = json!(["not-a-snowflake"])),
            ),
        ],
    );

    let original = format!("{webhook}/messages/@original");
    check("PATCH", &original, send::edit(&notice()), &[]);
    let edit = EditInteractionResponse::new().embed(embed()).allowed_mentions(send::no_mentions());
    check(
        "PATCH",
        &original,
        &edit,
        &[
            (r#"property "flags" is not allowed"#, with(&edit, |b| b["flags"] = json!(64))),
            ("breaks maxLength 4096", with(&edit, |b| b["embeds"][0]["description"] = text(4097))),
            (
                r#"missing required property "value""#,
                with(&edit, |b| b["embeds"][0]["fields"] = json!([{ "name": "no value" }])),
            ),
            (
                "26 items breaks maxItems 25",
                with(&edit, |b| b["embeds"][0]["fields"] = json!(vec![json!({ "name": "n", "value": "v" }); 26])),
            ),
            ("breaks minimum 0", with(&edit, |b| b["embeds"][0]["color"] = json!(-1))),
        ],
    );
}

#[test]
fn channel_messages_with_references_and_components() {
    let channel = format!("/channels/{CHANNEL}/messages");
    let reference: MessageReference = (ChannelId::new(1), MessageId::new(2)).into();
    check("POST", &channel, send::channel_message(&notice(), Some(reference)), &[]);
    let message = CreateMessage::new()
        .content("372 exchanged")
        .embed(embed())
        .components(rows())
        .reference_message((ChannelId::new(1), MessageId::new(2)))
        .allowed_mentions(send::no_mentions());
    let button = |id: &str| json!({ "type": 2, "style": 1, "custom_id": id, "label": id });
    check(
        "POST",
        &channel,
        &message,
        &[
            (
                r#"missing required property "message_id""#,
                with(&message, |b| b["message_reference"] = json!({ "channel_id": "1" })),
            ),
            ("does not match pattern", with(&message, |b| b["message_reference"]["message_id"] = json!("abc"))),
            ("breaks maxLength 2000", with(&message, |b| b["content"] = text(2001))),
            ("4 items breaks maxItems 3", with(&message, |b| b["sticker_ids"] = json!(["1", "2", "3", "4"]))),
            (
                "6 items breaks maxItems 5",
                with(&message, |b| {
                    b["components"][0]["components"] = (0..6).map(|i| button(&format!("b{i}"))).collect()
                }),
            ),
            (
                "6 items breaks maxItems 5",
                with(&message, |b| b["components"] = json!(vec![b["components"][1].clone(); 6])),
            ),
            (
                "oneOf matched 0 of 2",
                with(&message, |b| b["components"][1]["components"].as_array_mut().unwrap().push(button("extra"))),
            ),
            (
                r#"property "custom_id" is not allowed"#,
                with(&message, |b| b["components"][0]["components"][1]["custom_id"] = json!("read")),
            ),
            ("breaks maxLength 80", with(&message, |b| b["components"][0]["components"][0]["label"] = text(81))),
            (
                "0 items breaks minItems 1",
                with(&message, |b| b["components"][1]["components"][0]["options"] = json!([])),
            ),
            (
                r#"custom_id "more" is used twice"#,
                with(&message, |b| b["components"][1]["components"][0]["custom_id"] = json!("more")),
            ),
        ],
    );
}

/// The bodies that broke Discord's spec before the project had its own schemas: the validator
/// still refuses them when checking against the spec itself.
#[test]
fn the_upstream_spec_refuses_bodies_that_break_it() {
    let schemas = Schemas::get();
    let Some(spec) = schemas.upstream() else {
        return;
    };
    let json = "application/json";
    let message = spec.request_schema("POST", "/channels/1/messages", json).expect("create message is in the spec");
    let good = json!({
        "content": "372 prisoners",
        "embeds": [{ "title": "Exchange", "fields": [{ "name": "Total", "value": "372" }] }],
        "allowed_mentions": super::no_mentions(),
        "message_reference": { "message_id": "123" }
    });
    assert_eq!(spec.validate(message, &good), Vec::<String>::new());
    let bad_bodies = [
        json!({ "content": "x".repeat(4001) }),
        json!({ "embeds": [{ "title": "t".repeat(257) }] }),
        json!({ "embeds": [{ "fields": [{ "name": "no value" }] }] }),
        json!({ "embeds": [{ "fields": vec![json!({ "name": "n", "value": "v" }); 26] }] }),
        json!({ "embeds": [{ "description": "d".repeat(4097) }] }),
        json!({ "allowed_mentions": { "parse": ["nobody"] } }),
        json!({ "allowed_mentions": { "users": ["not-a-snowflake"] } }),
        json!({ "embeds": "not a list" }),
        json!({ "embeds": [{ "color": -1 }] }),
    ];
    for bad in &bad_bodies {
        assert!(!spec.validate(message, bad).is_empty(), "accepted a bad body: {bad}");
    }
    let commands = spec.request_schema("PUT", "/applications/1/commands", json).expect("bulk overwrite is in the spec");
    let bad_command = json!([{ "name": "Not A Valid Name With Spaces And Far Too Long", "description": "" }]);
    assert!(!spec.validate(commands, &bad_command).is_empty());
    let callback = spec.request_schema("POST", CALLBACK, json).expect("callback is in the spec");
    assert!(!spec.validate(callback, &json!({ "data": {} })).is_empty());
    assert!(!spec.validate(callback, &json!({ "type": 99 })).is_empty());
}
