//! Multipart uploads, which the bot does not send yet: serenity's own forms, through the fake
//! Discord, pass every check; forms that break the rules, written by hand, are refused.

use serde_json::{Value, json};
use serenity::all::{
    ChannelId, CreateAttachment, CreateInteractionResponse, CreateInteractionResponseFollowup,
    CreateInteractionResponseMessage, CreateMessage, EditInteractionResponse, HttpBuilder, InteractionId,
};
use serenity::builder::Builder as _;

use super::support::fake_discord::FakeDiscord;
use super::support::schemas::{Body, Schemas};
use super::{APPLICATION_ID, CHANNEL};

const CONTENTS: &str = "2025-03-19: 372 exchanged\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serenity_uploads_pass_every_check() {
    let fake = FakeDiscord::start(Schemas::get()).await;
    let application: u64 = APPLICATION_ID.parse().expect("an id");
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.rest_url.clone())
        .ratelimiter_disabled(true)
        .application_id(application.into())
        .build();
    let file = || CreateAttachment::bytes(CONTENTS, "exchanges.txt");

    let channel = ChannelId::new(CHANNEL.parse().expect("an id"));
    channel.send_message(&http, CreateMessage::new().content("Every exchange").add_file(file())).await.expect("sent");
    let response = CreateInteractionResponseMessage::new().content("Every exchange").add_file(file());
    CreateInteractionResponse::Message(response)
        .execute(&http, (InteractionId::new(1), "token-1"))
        .await
        .expect("answered");
    let followup = CreateInteractionResponseFollowup::new().content("Every exchange").add_file(file());
    followup.execute(&http, (None, "token-1")).await.expect("followed up");
    let edit = EditInteractionResponse::new().content("Every exchange").new_attachment(file());
    edit.execute(&http, "token-1").await.expect("edited");

    let requests = fake.requests();
    assert_eq!(requests.len(), 4, "{requests:#?}");
    for request in &requests {
        assert_eq!(request.problems, Vec::<String>::new(), "{} {}", request.method, request.path);
        let message = request.body.get("data").filter(|data| data.is_object()).unwrap_or(&request.body);
        assert_eq!(message["attachments"][0]["id"], 0, "{}", request.body);
        let [upload] = request.files.as_slice() else {
            panic!("{} {} uploaded {:?}", request.method, request.path, request.files);
        };
        assert_eq!((upload.name.as_str(), upload.filename.as_deref()), ("files[0]", Some("exchanges.txt")));
        assert_eq!(upload.bytes, CONTENTS.as_bytes());
    }
}

/// A form of `(name, filename, contents)` parts, as a client would send it.
fn form(parts: &[(&str, Option<&str>, &str)]) -> (String, Vec<u8>) {
    let boundary = "powbot-boundary";
    let mut body = String::from("a preamble, ignored\r\n");
    for (name, filename, contents) in parts {
        let filename = filename.map(|filename| format!("; filename=\"{filename}\"")).unwrap_or_default();
        body +=
            &format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{filename}\r\n\r\n{contents}\r\n");
    }
    body += &format!("--{boundary}--\r\n");
    (format!("multipart/form-data; boundary={boundary}"), body.into_bytes())
}

fn payload(attachments: Value) -> String {
    json!({ "content": "Every exchange", "attachments": attachments }).to_string()
}

#[test]
fn bad_uploads_are_refused() {
    let schemas = Schemas::get();
    let path = format!("/channels/{CHANNEL}/messages");
    let problems = |(content_type, bytes): (String, Vec<u8>)| match Body::from_http(&content_type, &bytes) {
        Ok(body) => schemas.own_problems("POST", &path, &body),
        Err(problem) => vec![problem],
    };
    let one = payload(json!([{ "id": 0, "filename": "exchanges.txt" }]));
    let good = form(&[("payload_json", None, &one), ("files[0]", Some("exchanges.txt"), CONTENTS)]);
    assert_eq!(problems(good), Vec::<String>::new());

    let eleven = payload((0..11).map(|n| json!({ "id": n % 10, "filename": "a.txt" })).collect());
    let long_name = payload(json!([{ "id": 0, "filename": "x".repeat(1025) }]));
    let second = payload(json!([{ "id": 1, "filename": "exchanges.txt" }]));
    let cases = [
        (
            "names files[1], which was not uploaded",
            form(&[("payload_json", None, &second), ("files[0]", Some("a.txt"), "")]),
        ),
        ("is not an upload files[0]", form(&[("payload_json", None, &one), ("file", Some("exchanges.txt"), CONTENTS)])),
        ("is not an upload files[0]", form(&[("payload_json", None, &one), ("files[0]", None, CONTENTS)])),
        ("11 items breaks maxItems 10", form(&[("payload_json", None, &eleven), ("files[0]", Some("a.txt"), "")])),
        ("breaks maxLength 1024", form(&[("payload_json", None, &long_name), ("files[0]", Some("a.txt"), "")])),
        ("payload_json is not JSON", form(&[("payload_json", None, "{"), ("files[0]", Some("a.txt"), "")])),
        ("without payload_json", form(&[("files[0]", Some("exchanges.txt"), CONTENTS)])),
    ];
    for (reason, bad) in cases {
        let found = problems(bad);
        assert!(found.iter().any(|problem| problem.contains(reason)), "not refused for {reason:?}: {found:#?}");
    }
    let (content_type, unfinished) = form(&[("payload_json", None, &one)]);
    let unfinished = &unfinished[..unfinished.len() - "--powbot-boundary--\r\n".len()];
    assert_eq!(Body::from_http(&content_type, unfinished).unwrap_err(), "no closing delimiter");
}
