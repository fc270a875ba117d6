//! An engine answer as a card people would rather read: each fact once.
//!
//! The old layout stated every figure three times (the text, a field per figure, a snippet
//! per source) under the user's own question as the title: 1,150 px tall at 520 px wide.
//! A card now says each thing once:
//!
//! - an answer about one exchange: the title names the exchange; inline fields "To Ukraine",
//!   "To Russia", "In all" and "Mediator" carry the figures, with who says which only where
//!   sources disagree; a lead line only when the question asked for something the fields do
//!   not show; at most two quoted sentences, attributed, after the numbers; a short numbered
//!   "Sources" field; the places (handover, destination) in the footer;
//! - any other answer: a title that says what it is (never the user's text, which Discord
//!   already shows above the reply), the engine's text, the numbered sources.
//!
//! Every figure's citation stays one click away: the "Sources" button under the card lists
//! every cited sentence ([`cited`]), rebuilt from the card's [`Ticket`].

use crate::answer::{Answer, Summary, summary::Returned, summary::Stated};
use crate::lang::Lang;
use crate::render::messages;
use crate::render::text::{fit, measure};
use crate::understand::Measure;

use super::limits;
use super::reply::{ANSWER_COLOUR, Button, Embed, Field, INFO_COLOUR, Reply, with_description};
use super::ticket::{Action, Ticket};

/// Quoted sentences on a card, at most: enough to show where the numbers come from.
const QUOTES: usize = 2;
/// Longest quote, in characters; a longer one is cut at a word with an ellipsis.
const QUOTE_LENGTH: usize = 160;
/// Sources listed on a card; the "Sources" button shows them all.
const SOURCES: usize = 3;
/// Longest lead line.
const LEAD_LENGTH: usize = 400;

/// What the card is about, when not one exchange: the title says it instead of the question.
fn title_of(answer: &Answer) -> String {
    match answer.measure {
        Measure::Quote | Measure::Person | Measure::Search => "From the articles".into(),
        Measure::Claim => "Over the whole war".into(),
        Measure::List => "Prisoner exchanges".into(),
        Measure::Compare => "Exchanges compared".into(),
        Measure::Sources => "Sources".into(),
        _ => match answer.exchanges.as_slice() {
            [one] => format!("Exchange of {}", one.label),
            [] => "Prisoner exchanges".into(),
            several => format!("{} exchanges", several.len()),
        },
    }
}

/// The reply to an engine answer. `summary` is the engine's summary of the answer's one
/// exchange, if it is about one; `heading` overrides the title (`/exchanges`, `/sources`);
/// `ticket` rebuilds the answer for the buttons (none on listings).
pub fn answer(answer: &Answer, summary: Option<&Summary>, heading: Option<&str>, ticket: Option<&Ticket>) -> Reply {
    if !answer.answered {
        return Reply::notice(&answer.text);
    }
    let one_exchange = matches!(
        answer.measure,
        Measure::Count | Measure::Total | Measure::Describe | Measure::Date | Measure::Mediator | Measure::Place
    ) && answer.exchanges.len() == 1;
    let mut reply = match summary.filter(|_| one_exchange && heading.is_none()) {
        Some(summary) => exchange_card(answer, summary),
        None => {
            let title = heading.map_or_else(|| title_of(answer), str::to_string);
            let colour = if heading.is_some() { INFO_COLOUR } else { ANSWER_COLOUR };
            let mut first = Embed { title: fit(&title, limits::TITLE), colour, ..Embed::default() };
            if let Some(field) = sources_field(answer) {
                first.fields.push(field);
            }
            Reply::titled(first, &answer.text)
        }
    };
    if let (Some(ticket), Some(first)) = (ticket, reply.messages.first_mut()) {
        first.buttons = buttons(ticket);
    }
    if answer.lang != Lang::En {
        in_lang(&mut reply, answer.lang);
    }
    reply
}

/// The card's own words (titles, field names and values, footers, button labels) in `lang`;
/// the answer's text is in it already. Each is fitted again: a translation can be longer.
fn in_lang(reply: &mut Reply, lang: Lang) {
    let tr = |s: &str, limit: usize| fit(&messages::localize(s, lang), limit);
    for message in &mut reply.messages {
        for embed in &mut message.embeds {
            embed.title = tr(&embed.title, limits::TITLE);
            embed.footer = tr(&embed.footer, limits::FOOTER);
            for field in &mut embed.fields {
                field.name = tr(&field.name, limits::FIELD_NAME);
                field.value = tr(&field.value, limits::FIELD_VALUE);
            }
        }
        for button in &mut message.buttons {
            button.label = tr(&button.label, limits::BUTTON_LABEL);
        }
    }
}

/// "Sources", 👍, 👎 under an answer.
pub fn buttons(ticket: &Ticket) -> Vec<Button> {
    vec![
        Button { id: ticket.custom_id(Action::Sources), label: "Sources".into(), emoji: None, primary: true },
        Button {
            id: ticket.custom_id(Action::Helpful),
            label: String::new(),
            emoji: Some("👍".into()),
            primary: false,
        },
        Button {
            id: ticket.custom_id(Action::Wrong), label: String::new(), emoji: Some("👎".into()), primary: false
        },
    ]
}

fn exchange_card(answer: &Answer, s: &Summary) -> Reply {
    let mut title = format!("Exchange of {}", s.label);
    if let Some(stage) = &s.stage {
        title.push_str(&format!(" · {stage}"));
    }
    let mut fields =
        vec![Field::new("To Ukraine", &side(&s.to_ukraine), true), Field::new("To Russia", &side(&s.to_russia), true)];
    if let Some(total) = in_all(s) {
        fields.push(Field::new("In all", &total, true));
    }
    if !s.mediators.is_empty() {
        fields.push(Field::new("Mediator", &s.mediators.join(", "), true));
    }
    // The numbers first: Discord shows a description above the fields, so the quotes go in
    // a field after them, and the places in the footer.
    let quoted = quotes(answer);
    if !quoted.is_empty() {
        fields.push(Field::new("Reported", &quoted.join("\n"), false));
    }
    if let Some(field) = sources_field(answer) {
        fields.push(field);
    }
    let lead = if needs_lead(answer, s) { answer.text.lines().next().unwrap_or_default() } else { "" };
    let first = Embed {
        title: fit(&title, limits::TITLE),
        colour: ANSWER_COLOUR,
        fields,
        footer: fit(&s.details.join(" · "), limits::FOOTER),
        ..Embed::default()
    };
    Reply::titled(first, &fit(lead, LEAD_LENGTH))
}

/// Whether the answer says something the fields do not: a date, a mediator or a place asked
/// for, a figure that is no headline of the card (a group, "how many women"), or only a part
/// of what the card shows (the wounded).
fn needs_lead(answer: &Answer, s: &Summary) -> bool {
    if !matches!(answer.measure, Measure::Count | Measure::Total | Measure::Describe) {
        return answer.measure != Measure::Mediator || s.mediators.is_empty();
    }
    let shown: Vec<u64> = [&s.to_ukraine, &s.to_russia]
        .iter()
        .flat_map(|r| r.prisoners.iter().chain(&r.wounded).chain(&r.civilians))
        .chain(&s.in_all)
        .map(|stated| stated.value)
        .chain(s.computed.as_ref().map(|(total, _)| *total))
        .collect();
    // A narrower question ("and how many were wounded?") states none of the headline counts:
    // its answer leads, the fields give the context.
    let headline: Vec<u64> =
        [&s.to_ukraine, &s.to_russia].iter().flat_map(|r| &r.prisoners).map(|stated| stated.value).collect();
    let narrower = !answer.figures.is_empty()
        && !answer.figures.iter().any(|f| f.value.parse::<u64>().is_ok_and(|v| headline.contains(&v)));
    narrower || answer.figures.iter().any(|f| f.value.parse::<u64>().map_or(true, |v| !shown.contains(&v)))
}

/// "175 + 22 seriously wounded"; "50 (Russia's Defence Ministry) · 52 (Zelenskyy)" where
/// sources disagree; "no figure" when none is given.
pub(super) fn side(r: &Returned) -> String {
    let mut text = match r.prisoners.as_slice() {
        [] if r.civilians.is_empty() => return "no figure".into(),
        [] => format!("{} civilians", values(&r.civilians)),
        _ => values(&r.prisoners),
    };
    if !r.wounded.is_empty() {
        let joiner = if r.wounded_within { ", incl." } else { " +" };
        text.push_str(&format!("{joiner} {} seriously wounded", values(&r.wounded)));
    }
    if !r.prisoners.is_empty() && !r.civilians.is_empty() {
        text.push_str(&format!(", incl. {} civilians", values(&r.civilians)));
    }
    text
}

/// One value alone; several, each with who states it.
fn values(stated: &[Stated]) -> String {
    match stated {
        [one] => one.text.clone(),
        several => {
            several.iter().map(|s| format!("{} ({})", s.text, speakers(&s.reporters))).collect::<Vec<_>>().join(" · ")
        }
    }
}

/// "Zelenskyy", "AFP; RT", "AFP; RT and 2 more", with outlets' notes in brackets dropped.
fn speakers(names: &[String]) -> String {
    let short: Vec<&str> = names.iter().map(|n| n.split(" (").next().unwrap_or(n).trim()).collect();
    match short.len() {
        0..=2 => short.join("; "),
        n => format!("{} and {} more", short[..2].join("; "), n - 2),
    }
}

fn in_all(s: &Summary) -> Option<String> {
    if !s.in_all.is_empty() {
        return Some(values(&s.in_all));
    }
    let (total, parts) = s.computed.as_ref()?;
    let parts: Vec<String> = parts.iter().map(|p| crate::answer::num(*p)).collect();
    Some(format!("{} ({})", crate::answer::num(*total), parts.join(" + ")))
}

/// At most [`QUOTES`] sentences, each from another outlet: the first sentence each cites.
fn quotes(answer: &Answer) -> Vec<String> {
    answer
        .sources
        .iter()
        .filter_map(|s| {
            let sentence = s.snippet.split(" … ").next()?.trim();
            (!sentence.is_empty()).then(|| format!("> {} — *{}*", fit(sentence, QUOTE_LENGTH), s.outlet.trim()))
        })
        .take(QUOTES)
        .collect()
}

/// "1. [Al Jazeera, 2025-03-19](url)" a line each, at most [`SOURCES`], then "and N more".
fn sources_field(answer: &Answer) -> Option<Field> {
    if answer.sources.is_empty() {
        return None;
    }
    let mut lines: Vec<String> = answer
        .sources
        .iter()
        .take(SOURCES)
        .enumerate()
        .map(|(i, s)| {
            let name = format!("{}, {}", s.outlet.trim(), s.published.trim());
            let url = s.url.trim();
            // A cut link would be broken, and a very long one crowds out the rest.
            if url.is_empty() || measure(url) > limits::FIELD_VALUE / 4 {
                format!("{}. {name}", i + 1)
            } else {
                format!("{}. [{name}]({url})", i + 1)
            }
        })
        .collect();
    if answer.sources.len() > SOURCES {
        lines.push(format!("and {} more", answer.sources.len() - SOURCES));
    }
    Some(Field::new("Sources", &lines.join("\n"), false))
}

/// Every sentence behind an answer, grouped by article with outlet, date and link: what the
/// "Sources" button shows, only to the one who pressed it.
pub fn cited(answer: &Answer) -> Reply {
    let mut blocks = Vec::new();
    for (i, source) in answer.sources.iter().enumerate() {
        let mut sentences: Vec<String> = Vec::new();
        let from_figures = answer.figures.iter().filter(|f| f.article == source.article).map(|f| f.sentence.trim());
        let from_snippet = source.snippet.split(" … ").map(str::trim);
        for sentence in from_figures.chain(from_snippet) {
            let flat = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
            if !flat.is_empty() && !sentences.contains(&flat) {
                sentences.push(flat);
            }
        }
        let url = source.url.trim();
        let link = if url.is_empty() { String::new() } else { format!(" — <{url}>") };
        let mut block = format!("**{}. {} · {}**{link}", i + 1, source.outlet.trim(), source.published.trim());
        for sentence in sentences {
            block.push_str(&format!("\n> {sentence}"));
        }
        blocks.push(block);
    }
    if blocks.is_empty() {
        return Reply::notice("This answer quotes no article.");
    }
    let first = Embed { title: "Every sentence behind this answer".into(), colour: INFO_COLOUR, ..Embed::default() };
    Reply { messages: with_description(first, &blocks.join("\n\n"), INFO_COLOUR), ephemeral: true }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{ExchangeRef, FigureRef, Source};
    use crate::discord::reply::tests::assert_within_limits;

    fn stated(value: u64, reporters: &[&str]) -> Stated {
        Stated { value, text: crate::answer::num(value), reporters: reporters.iter().map(|r| r.to_string()).collect() }
    }

    fn march() -> (Answer, Summary) {
        let figure = |value: &str| FigureRef {
            label: format!("19 March 2025: {value}"),
            value: value.into(),
            text: value.into(),
            article: "aljazeera-2025-03-19".into(),
            sentence: format!("They swapped {value} prisoners."),
        };
        let answer = Answer {
            question: "How many on 19 March 2025?".into(),
            answered: true,
            measure: Measure::Count,
            lang: crate::lang::Lang::En,
            text: "**19 March 2025**: 372 exchanged in all (Al Jazeera); to Ukraine: 175 …".into(),
            figures: vec![figure("372"), figure("175"), figure("22")],
            exchanges: vec![ExchangeRef {
                id: "2025-03-19".into(),
                date: "2025-03-19".into(),
                label: "19 March 2025".into(),
                stage: None,
                series: None,
                mediators: vec!["United Arab Emirates".into()],
                sources: vec!["aljazeera-2025-03-19".into()],
            }],
            sources: vec![Source {
                article: "aljazeera-2025-03-19".into(),
                outlet: "Al Jazeera".into(),
                published: "2025-03-19".into(),
                url: "https://example.org/a".into(),
                snippet: "They swapped 372 prisoners. … They swapped 175 prisoners.".into(),
            }],
        };
        let summary = Summary {
            id: "2025-03-19".into(),
            label: "19 March 2025".into(),
            stage: None,
            to_ukraine: Returned {
                prisoners: vec![stated(175, &["Russia's Defence Ministry"])],
                wounded: vec![stated(22, &["RT"])],
                ..Returned::default()
            },
            to_russia: Returned { prisoners: vec![stated(175, &["AFP"])], ..Returned::default() },
            in_all: vec![stated(372, &["Al Jazeera"])],
            computed: None,
            mediators: vec!["United Arab Emirates".into()],
            details: Vec::new(),
        };
        (answer, summary)
    }

    #[test]
    fn an_exchange_card_states_each_figure_once() {
        let (answer, summary) = march();
        let ticket = Ticket::Ask { question: answer.question.clone(), previous: None };
        let reply = super::answer(&answer, Some(&summary), None, Some(&ticket));
        assert_within_limits(&reply);
        let embed = &reply.messages[0].embeds[0];
        assert_eq!(embed.title, "Exchange of 19 March 2025");
        let fields: Vec<(&str, &str)> = embed.fields.iter().map(|f| (f.name.as_str(), f.value.as_str())).collect();
        assert_eq!(
            fields[..4],
            [
                ("To Ukraine", "175 + 22 seriously wounded"),
                ("To Russia", "175"),
                ("In all", "372"),
                ("Mediator", "United Arab Emirates")
            ]
        );
        // One quote per outlet, after the numbers.
        assert_eq!(fields[4], ("Reported", "> They swapped 372 prisoners. — *Al Jazeera*"));
        assert_eq!(fields[5], ("Sources", "1. [Al Jazeera, 2025-03-19](https://example.org/a)"));
        // No lead: the fields are the answer.
        assert_eq!(embed.description, "");
        assert_eq!(reply.messages[0].buttons.len(), 3);
    }

    #[test]
    fn a_dispute_is_shown_once_with_who_says_which() {
        let (answer, mut summary) = march();
        summary.to_russia.prisoners =
            vec![stated(50, &["Russia's Defence Ministry"]), stated(52, &["Zelenskyy", "AFP (wire)", "RT", "TASS"])];
        let reply = super::answer(&answer, Some(&summary), None, None);
        let to_russia = &reply.messages[0].embeds[0].fields[1];
        assert_eq!(to_russia.value, "50 (Russia's Defence Ministry) · 52 (Zelenskyy; AFP and 2 more)");
    }

    #[test]
    fn a_figure_the_fields_do_not_show_gets_the_lead() {
        let (mut answer, summary) = march();
        answer.figures[0].value = "108".into();
        answer.text = "**19 March 2025**: 108 women returned.".into();
        let reply = super::answer(&answer, Some(&summary), None, None);
        assert!(reply.messages[0].embeds[0].description.starts_with("**19 March 2025**: 108 women"));
        // Only the wounded: shown in the fields, but the answer to this question leads.
        answer.figures.truncate(1);
        answer.figures[0].value = "22".into();
        answer.text = "**19 March 2025**: 22 seriously wounded returned to Ukraine.".into();
        let reply = super::answer(&answer, Some(&summary), None, None);
        assert!(reply.messages[0].embeds[0].description.contains("22 seriously wounded"));
    }

    #[test]
    fn no_user_text_in_titles() {
        let (mut answer, _) = march();
        answer.question = "@everyone what did Peskov say?".into();
        answer.measure = Measure::Quote;
        let reply = super::answer(&answer, None, None, None);
        assert_eq!(reply.messages[0].embeds[0].title, "From the articles");
    }

    #[test]
    fn sources_lists_every_cited_sentence_once() {
        let (answer, _) = march();
        let reply = cited(&answer);
        assert!(reply.ephemeral);
        let text = &reply.messages[0].embeds[0].description;
        assert!(text.starts_with("**1. Al Jazeera · 2025-03-19** — <https://example.org/a>"), "{text}");
        for value in ["372", "175", "22"] {
            assert_eq!(text.matches(&format!("> They swapped {value} prisoners.")).count(), 1, "{text}");
        }
    }
}
