//! The slash commands: their definitions for registration, and the [`Request`] each one makes.

use serenity::all::{
    CommandData, CommandDataOptionValue, CommandOptionType, CreateCommand, CreateCommandOption, Permissions,
};

use crate::engine::Engine;
use crate::lang::Lang;
use crate::render::messages;
use crate::render::text::{fit, measure};

use super::limits;
use super::request::Request;

/// Longest question `/ask` accepts. Discord allows 6,000, but a question longer than an embed
/// title is almost certainly pasted text, not a question.
const MAX_QUESTION: u16 = 300;

/// The first and last year `/exchanges` and `/timeline` accept: exchanges of prisoners of war
/// between the two countries start with the war in 2014.
const YEARS: (i64, i64) = (2014, 2100);

/// Longest `/exchange` date (an exchange id or a date in words).
const MAX_KEY: u16 = 100;

/// Longest link `/ingest` takes: enough for any news article's URL.
const MAX_URL: u16 = 2000;

/// An interaction the bot cannot run; the text is shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable(pub String);

/// The commands to register, in the order Discord lists them.
pub fn definitions() -> Vec<CreateCommand> {
    vec![
        command("ask", "Ask about Russia–Ukraine prisoner-of-war exchanges").add_option(
            option(
                CommandOptionType::String,
                "ask.question",
                "e.g. How many prisoners were exchanged on 19 March 2025?",
            )
            .required(true)
            .max_length(MAX_QUESTION),
        ),
        command("exchange", "One prisoner exchange in full").add_option(
            option(CommandOptionType::String, "exchange.date", "Date of the exchange, e.g. 2025-03-19")
                .required(true)
                .set_autocomplete(true)
                .max_length(MAX_KEY),
        ),
        command("exchanges", "The known prisoner exchanges, newest first")
            .add_option(year_option("exchanges.year", "Only exchanges of this year")),
        command("timeline", "A picture of the exchanges over time, with each side's numbers")
            .add_option(year_option("timeline.from", "From this year on, e.g. 2024"))
            .add_option(year_option("timeline.to", "Up to this year, e.g. 2025")),
        command("sources", "The news articles the answers come from"),
        command("help", "What the bot knows and how to ask"),
        // Shown only to members who may manage the server (servers can change that in their
        // integration settings; `request` checks the member's permissions again).
        command("ingest", "Add a news report of a prisoner exchange by its link")
            .default_member_permissions(Permissions::MANAGE_GUILD)
            .add_option(
                option(
                    CommandOptionType::String,
                    "ingest.url",
                    "The article's link, e.g. https://kyivindependent.com/…",
                )
                .required(true)
                .max_length(MAX_URL),
            ),
    ]
}

/// The name and description of a command or option (`key` is `command` or
/// `command.option`) in each language of `render::messages` that has them.
fn localizations(key: &str) -> Vec<(&'static str, &'static str, &'static str)> {
    Lang::ALL
        .iter()
        .filter_map(|&lang| {
            let c = messages::catalogue(lang)?;
            let (_, name, description) = c.commands.iter().find(|(k, _, _)| *k == key)?;
            Some((lang.code(), *name, *description))
        })
        .collect()
}

fn command(name: &str, description: &str) -> CreateCommand {
    localizations(name).into_iter().fold(CreateCommand::new(name).description(description), |c, (locale, n, d)| {
        c.name_localized(locale, n).description_localized(locale, d)
    })
}

/// An option; `key` is `command.option`, the option's name what follows the dot.
fn option(kind: CommandOptionType, key: &str, description: &str) -> CreateCommandOption {
    let name = key.rsplit('.').next().unwrap_or(key);
    localizations(key).into_iter().fold(CreateCommandOption::new(kind, name, description), |o, (locale, n, d)| {
        o.name_localized(locale, n).description_localized(locale, d)
    })
}

/// Reads a slash command's name and options.
pub fn parse(data: &CommandData) -> Result<Request, Unusable> {
    match data.name.as_str() {
        "ask" => {
            let question = string_option(data, "question").unwrap_or_default();
            if question.trim().is_empty() {
                return Err(Unusable(
                    "Please type a question, e.g. `/ask How many prisoners were exchanged on 19 March 2025?`".into(),
                ));
            }
            // Discord enforces the registered limits, but a command registered before a
            // limit changed, or a request that did not come through Discord's client,
            // need not; the bot checks what it registered.
            if measure(question.trim()) > usize::from(MAX_QUESTION) {
                return Err(Unusable(format!(
                    "That question is longer than {MAX_QUESTION} characters; please ask a shorter one."
                )));
            }
            Ok(Request::Ask { question: question.trim().to_string(), after: None })
        }
        "exchange" => match string_option(data, "date") {
            Some(key) if measure(key.trim()) > usize::from(MAX_KEY) => {
                Err(Unusable(format!("A date is at most {MAX_KEY} characters, e.g. `/exchange 2025-03-19`.")))
            }
            Some(key) if !key.trim().is_empty() => Ok(Request::Exchange { key: key.trim().to_string() }),
            _ => Err(Unusable("Please pick a date, e.g. `/exchange 2025-03-19`.".into())),
        },
        "exchanges" => Ok(Request::Exchanges { year: year(data, "year")? }),
        "timeline" => {
            let (from, to) = (year(data, "from")?, year(data, "to")?);
            if let (Some(from), Some(to)) = (from, to)
                && from > to
            {
                return Err(Unusable(format!(
                    "`from` ({from}) comes after `to` ({to}); try `/timeline from:{to} to:{from}`."
                )));
            }
            Ok(Request::Timeline { from, to })
        }
        "sources" => Ok(Request::Sources),
        "help" => Ok(Request::Help),
        "ingest" => match string_option(data, "url").map(|url| url.trim().to_string()) {
            Some(url) if measure(&url) > usize::from(MAX_URL) => {
                Err(Unusable(format!("A link is at most {MAX_URL} characters.")))
            }
            Some(url) if !url.is_empty() => Ok(Request::Ingest { url, allowed: false }),
            _ => Err(Unusable("Please give the article's link, e.g. `/ingest url:https://…`.".into())),
        },
        other => Err(Unusable(format!("I don't know the command `/{}`; try `/help`.", fit(other, 32)))),
    }
}

/// Autocomplete choices for `/exchange`'s date as (label, value) pairs within Discord's limits.
///
/// A value that does not fit is skipped rather than cut: a cut value would name no exchange.
pub fn exchange_choices(engine: &Engine, typed: &str) -> Vec<(String, String)> {
    engine
        .exchange_choices(typed)
        .into_iter()
        .filter(|choice| !choice.value.is_empty() && measure(&choice.value) <= limits::CHOICE)
        .map(|choice| {
            let name = fit(&choice.name, limits::CHOICE);
            let name = if name.is_empty() { choice.value.clone() } else { name };
            (name, choice.value)
        })
        .take(limits::CHOICES)
        .collect()
}

/// A year option, checked against [`YEARS`]: Discord enforces the registered range, but a
/// command registered before a limit changed, or a request that did not come through
/// Discord's client, need not.
fn year(data: &CommandData, name: &str) -> Result<Option<i32>, Unusable> {
    let Some(option) = data.options.iter().find(|option| option.name == name) else {
        return Ok(None);
    };
    match option.value.as_i64() {
        Some(year) if (YEARS.0..=YEARS.1).contains(&year) => Ok(i32::try_from(year).ok()),
        _ => Err(Unusable(format!(
            "The year must be a whole number from {} to {}, e.g. `/exchanges year:2025`.",
            YEARS.0, YEARS.1
        ))),
    }
}

fn year_option(key: &str, description: &str) -> CreateCommandOption {
    option(CommandOptionType::Integer, key, description).min_int_value(YEARS.0 as u64).max_int_value(YEARS.1 as u64)
}

fn string_option(data: &CommandData, name: &str) -> Option<String> {
    data.options.iter().find(|option| option.name == name).and_then(|option| match &option.value {
        CommandDataOptionValue::String(value) => Some(value.clone()),
        CommandDataOptionValue::Autocomplete { value, .. } => Some(value.clone()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Command data as Discord sends it.
    fn data(value: serde_json::Value) -> CommandData {
        serde_json::from_value(value).expect("valid command data")
    }

    #[test]
    fn ask_reads_its_question() {
        let ask = data(json!({
            "id": "1", "name": "ask", "type": 1,
            "options": [{"name": "question", "type": 3, "value": "  How many on 19 March 2025? "}]
        }));
        assert_eq!(parse(&ask), Ok(Request::Ask { question: "How many on 19 March 2025?".into(), after: None }));
    }

    #[test]
    fn an_empty_question_is_unusable() {
        let ask = data(json!({
            "id": "1", "name": "ask", "type": 1,
            "options": [{"name": "question", "type": 3, "value": "   "}]
        }));
        assert!(parse(&ask).is_err());
    }

    #[test]
    fn exchanges_reads_an_optional_year() {
        let all = data(json!({"id": "1", "name": "exchanges", "type": 1}));
        assert_eq!(parse(&all), Ok(Request::Exchanges { year: None }));
        let one = data(json!({
            "id": "1", "name": "exchanges", "type": 1,
            "options": [{"name": "year", "type": 4, "value": 2025}]
        }));
        assert_eq!(parse(&one), Ok(Request::Exchanges { year: Some(2025) }));
    }

    /// `/exchanges year:-5` used to list everything under the heading "in -5".
    #[test]
    fn options_out_of_range_are_unusable() {
        let years = [(4, json!(-5)), (4, json!(0)), (4, json!(2013)), (4, json!(2101)), (4, json!(i64::MAX))];
        // A year sent as text (type 3), as an outdated registration might have it.
        for (kind, year) in years.into_iter().chain([(3, json!("2025"))]) {
            let bad = data(json!({
                "id": "1", "name": "exchanges", "type": 1,
                "options": [{"name": "year", "type": kind, "value": year}]
            }));
            let error = parse(&bad).expect_err("out of range");
            assert!(error.0.contains("2014 to 2100"), "{}", error.0);
        }
        let long = data(json!({
            "id": "1", "name": "ask", "type": 1,
            "options": [{"name": "question", "type": 3, "value": "why ".repeat(100)}]
        }));
        assert!(parse(&long).unwrap_err().0.contains("300"));
        let long = data(json!({
            "id": "1", "name": "exchange", "type": 1,
            "options": [{"name": "date", "type": 3, "value": "9".repeat(101)}]
        }));
        assert!(parse(&long).is_err());
    }

    /// The permission is the interaction's to tell (`request`), never the command data's.
    #[test]
    fn ingest_reads_its_link_and_allows_nothing_by_itself() {
        let ingest = |url: &str| {
            data(json!({
                "id": "1", "name": "ingest", "type": 1,
                "options": [{"name": "url", "type": 3, "value": url}]
            }))
        };
        assert_eq!(
            parse(&ingest(" https://example.com/a ")),
            Ok(Request::Ingest { url: "https://example.com/a".into(), allowed: false })
        );
        assert!(parse(&ingest("  ")).is_err());
        assert!(parse(&ingest(&"a".repeat(2001))).unwrap_err().0.contains("2000"));
        let ingest = serde_json::to_value(&definitions()[6]).unwrap();
        assert_eq!(ingest["default_member_permissions"], "32");
    }

    #[test]
    fn unknown_commands_are_unusable_not_a_panic() {
        let other = data(json!({"id": "1", "name": "weather", "type": 1}));
        assert!(parse(&other).is_err());
    }

    #[test]
    fn definitions_name_every_command_once() {
        let names: Vec<String> = definitions()
            .iter()
            .map(|command| serde_json::to_value(command).unwrap()["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(names, ["ask", "exchange", "exchanges", "timeline", "sources", "help", "ingest"]);
    }
}
