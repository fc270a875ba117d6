//! Discord's documented rules that JSON Schema cannot state, checked beside the schemas in
//! `tests/schemas/discord/`: sums over a whole message or command, order, uniqueness, and how
//! an upload's `payload_json` refers to its file parts.

use std::collections::HashSet;

use serde_json::Value;

use super::multipart::Part;

/// Every way `body` (with the uploaded `files` of a multipart request) breaks those rules.
pub fn problems(body: &Value, files: &[Part]) -> Vec<String> {
    // A callback carries its message in `data`; other bodies are the message.
    let message = body.get("data").filter(|data| data.is_object()).unwrap_or(body);
    let mut problems = message_problems(message);
    problems.extend(custom_id_problems(message));
    problems.extend(upload_problems(message, files));
    if let Some(commands) = body.as_array() {
        problems.extend(command_problems(commands));
    }
    problems
}

/// Measured as Discord does, in UTF-16 units (the schemas count characters).
fn len(value: &Value) -> usize {
    value.as_str().map_or(0, |text| text.encode_utf16().count())
}

/// A bot's content holds at most 2,000 units, and title, description, field names and values,
/// footer and author of all embeds of a message add up to at most 6,000.
fn message_problems(message: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if len(&message["content"]) > 2000 {
        problems.push(format!("content of {} characters, over 2000", len(&message["content"])));
    }
    let total: usize = message["embeds"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|embed| {
            len(&embed["title"])
                + len(&embed["description"])
                + len(&embed["footer"]["text"])
                + len(&embed["author"]["name"])
                + embed["fields"]
                    .as_array()
                    .map_or(0, |fields| fields.iter().map(|field| len(&field["name"]) + len(&field["value"])).sum())
        })
        .sum();
    if total > 6000 {
        problems.push(format!("embeds total {total} characters, over 6000"));
    }
    problems
}

/// The `custom_id`s of a message's or a modal's components are unique.
fn custom_id_problems(message: &Value) -> Vec<String> {
    let mut seen = HashSet::new();
    let rows = message["components"].as_array().into_iter().flatten();
    let components = rows.flat_map(|row| row["components"].as_array().into_iter().flatten());
    components
        .filter_map(|component| component["custom_id"].as_str())
        .filter(|id| !seen.insert(*id))
        .map(|id| format!("custom_id {id:?} is used twice"))
        .collect()
}

/// Each uploaded part is `files[n]` with a file name, n < 10, each new attachment in
/// `payload_json` (an `id` that is a number) names an uploaded part, and an embed's
/// `attachment://NAME` picture names a file the message carries.
fn upload_problems(message: &Value, files: &[Part]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut uploaded = HashSet::new();
    for file in files {
        let index = file.name.strip_prefix("files[").and_then(|n| n.strip_suffix(']')).and_then(|n| n.parse().ok());
        match index {
            Some(n @ 0..=9u64) if file.filename.is_some() => {
                uploaded.insert(n);
            }
            _ => problems.push(format!("part {:?} is not an upload files[0] … files[9] with a file name", file.name)),
        }
    }
    for attachment in message["attachments"].as_array().into_iter().flatten() {
        if let Some(n) = attachment["id"].as_u64().filter(|n| !uploaded.contains(n)) {
            problems.push(format!("attachment {n} names files[{n}], which was not uploaded"));
        }
    }
    // An embed's attachment://NAME shows a file of this message: one uploaded, or kept.
    let names: HashSet<&str> = files
        .iter()
        .filter_map(|file| file.filename.as_deref())
        .chain(message["attachments"].as_array().into_iter().flatten().filter_map(|a| a["filename"].as_str()))
        .collect();
    for embed in message["embeds"].as_array().into_iter().flatten() {
        let url = embed["image"]["url"].as_str().unwrap_or_default();
        if let Some(name) = url.strip_prefix("attachment://").filter(|name| !names.contains(name)) {
            problems.push(format!("an embed shows attachment://{name}, which the message does not carry"));
        }
    }
    problems
}

/// Per command: unique names, required options before optional ones, no autocomplete on an
/// option with fixed choices, and at most 8,000 characters of names, descriptions and choice
/// names and values, counting the longest localization of each.
fn command_problems(commands: &[Value]) -> Vec<String> {
    let mut problems = duplicates(commands, "command");
    for command in commands {
        let name = command["name"].as_str().unwrap_or_default();
        let options = command["options"].as_array().map(Vec::as_slice).unwrap_or_default();
        problems.extend(duplicates(options, &format!("option of /{name}")));
        let required = |option: &Value| option["required"].as_bool() == Some(true);
        if options.iter().skip_while(|option| required(option)).any(required) {
            problems.push(format!("/{name} lists a required option after an optional one"));
        }
        for option in options {
            let has_choices = option["choices"].as_array().is_some_and(|choices| !choices.is_empty());
            if has_choices && option["autocomplete"] == true {
                problems.push(format!("/{name} {}: autocomplete and choices together", option["name"]));
            }
        }
        let size =
            longest(command, "name") + longest(command, "description") + options.iter().map(option_size).sum::<usize>();
        if size > 8000 {
            problems.push(format!("/{name} has {size} characters, over 8000"));
        }
    }
    problems
}

fn duplicates(named: &[Value], what: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    named
        .iter()
        .filter_map(|item| item["name"].as_str())
        .filter(|name| !seen.insert(*name))
        .map(|name| format!("{what} {name:?} is defined twice"))
        .collect()
}

fn option_size(option: &Value) -> usize {
    let choices = option["choices"].as_array().into_iter().flatten();
    longest(option, "name")
        + longest(option, "description")
        + choices.map(|choice| longest(choice, "name") + longest(choice, "value")).sum::<usize>()
}

/// The longest of `key` and its localizations (`key_localizations`), in characters; a number
/// counts its digits.
fn longest(item: &Value, key: &str) -> usize {
    let localized = item[format!("{key}_localizations")].as_object().into_iter().flat_map(|map| map.values());
    let size = |value: &Value| match value {
        Value::String(text) => text.chars().count(),
        Value::Null => 0,
        other => other.to_string().len(),
    };
    std::iter::once(&item[key]).chain(localized).map(size).max().unwrap_or(0)
}
