//! What the bot says, as plain data that already fits Discord's limits.
//!
//! Everything here is pure: an engine [`Answer`] (or help text, or a notice) goes in, a [`Reply`]
//! comes out. Turning a `Reply` into serenity builders is `send.rs`'s job, so these functions can
//! be tested without a network and the limits are enforced in exactly one place.
//!
//! Layout of an answer:
//! - first message: one embed with the question as title, the answer text as description, the
//!   figures as inline fields, up to [`MAX_SNIPPETS`] source snippets as fields and a footer that
//!   says how many sources back the answer;
//! - if the text does not fit, the rest follows in further messages, one embed each, cut at
//!   sentence or line boundaries;
//! - an abstention is a short plain-text message instead, ephemeral where Discord allows it.

use crate::answer::{Answer, FigureRef, Source};

use crate::render::text::{fit, measure, split_after_first};

/// Discord's documented message and embed limits.
pub mod limit {
    /// `content` of a message.
    pub const CONTENT: usize = 2000;
    /// An embed's title.
    pub const TITLE: usize = 256;
    /// An embed's description.
    pub const DESCRIPTION: usize = 4096;
    /// Fields in one embed.
    pub const FIELDS: usize = 25;
    /// A field's name.
    pub const FIELD_NAME: usize = 256;
    /// A field's value.
    pub const FIELD_VALUE: usize = 1024;
    /// An embed footer's text.
    pub const FOOTER: usize = 2048;
    /// Title, description, field names and values, footer and author of all embeds of a message.
    pub const EMBED_TOTAL: usize = 6000;
    /// Embeds in one message.
    pub const EMBEDS: usize = 10;
    /// Choices in one autocomplete response.
    pub const CHOICES: usize = 25;
    /// An autocomplete choice's name and its value.
    pub const CHOICE: usize = 100;
}

/// At most this many source snippets are shown: enough to show agreement between outlets
/// without burying the answer.
pub const MAX_SNIPPETS: usize = 3;

/// Accent colour of answers (Discord's "blurple").
const ANSWER_COLOUR: u32 = 0x5865F2;
/// Accent colour of reference replies (help, sources): neutral grey.
const INFO_COLOUR: u32 = 0x99AAB5;

/// How an answer is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A reply to a question (`/ask`, `/exchange`, mentions): the figures as fields, so the
    /// numbers stand out from the prose.
    Answer,
    /// A listing (`/exchanges`, `/sources`) whose text already holds every figure line by
    /// line: repeating them as dozens of fields would only bury the list.
    Listing,
}

/// Everything the bot sends in response to one question, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The first message answers; any others continue it. Never empty.
    pub messages: Vec<Message>,
    /// Only the asker sees the reply. Used for abstentions and notices on slash commands, where
    /// a public "I don't know" would only clutter the channel; ignored for mentions, which
    /// Discord cannot answer ephemerally.
    pub ephemeral: bool,
}

/// One Discord message: text, embeds or both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    /// Plain text; empty when the message is all embed.
    pub content: String,
    pub embeds: Vec<Embed>,
}

/// The parts of a Discord embed the bot uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embed {
    /// Empty for continuation embeds, which read as part of the one before.
    pub title: String,
    pub description: String,
    pub fields: Vec<Field>,
    /// Empty when there is nothing to say, e.g. on continuations.
    pub footer: String,
    pub colour: u32,
}

/// A name/value pair shown in an embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: String,
    /// Figures sit side by side; snippets, being sentences, take the full width.
    pub inline: bool,
}

impl Embed {
    /// The size Discord counts towards [`limit::EMBED_TOTAL`].
    pub fn size(&self) -> usize {
        measure(&self.title)
            + measure(&self.description)
            + measure(&self.footer)
            + self.fields.iter().map(Field::size).sum::<usize>()
    }
}

impl Field {
    fn size(&self) -> usize {
        measure(&self.name) + measure(&self.value)
    }
}

impl Reply {
    /// A short text only the asker sees: cooldowns, bad input, failures.
    pub fn notice(text: &str) -> Reply {
        Reply { messages: vec![Message { content: fit(text, limit::CONTENT), embeds: Vec::new() }], ephemeral: true }
    }

    /// Reference text such as `/help`: one titled embed, continued in further messages when long.
    pub fn info(title: &str, markdown: &str) -> Reply {
        let first = Embed { title: fit(title, limit::TITLE), colour: INFO_COLOUR, ..Embed::default() };
        Reply { messages: with_description(first, markdown, INFO_COLOUR), ephemeral: false }
    }

    /// The reply to an engine answer, titled with `heading` (usually the question).
    pub fn answer(answer: &Answer, heading: &str, layout: Layout) -> Reply {
        if !answer.answered {
            return Reply::notice(&answer.text);
        }
        let shown_sources = answer.sources.len().min(MAX_SNIPPETS);
        let shown_figures = match layout {
            Layout::Answer => limit::FIELDS - shown_sources,
            Layout::Listing => 0,
        };
        let figure_fields = answer.figures.iter().take(shown_figures).map(figure_field);
        let source_fields = answer.sources.iter().take(shown_sources).map(source_field);

        let mut first = Embed {
            title: fit(heading, limit::TITLE),
            footer: backing(answer.sources.len()),
            colour: ANSWER_COLOUR,
            ..Embed::default()
        };
        // Fields get what the title, the footer and a readable start of the text leave over;
        // ones that do not fit are dropped rather than the answer itself.
        let text_share = measure(answer.text.trim()).min(limit::DESCRIPTION / 2);
        let field_budget = limit::EMBED_TOTAL.saturating_sub(first.size() + text_share);
        let mut used = 0;
        for field in figure_fields.chain(source_fields) {
            if used + field.size() <= field_budget {
                used += field.size();
                first.fields.push(field);
            }
        }
        Reply { messages: with_description(first, &answer.text, ANSWER_COLOUR), ephemeral: false }
    }
}

/// Puts as much of `text` as fits into `first`'s description and the rest into continuation
/// embeds, one message each.
fn with_description(mut first: Embed, text: &str, colour: u32) -> Vec<Message> {
    let room = limit::DESCRIPTION.min(limit::EMBED_TOTAL.saturating_sub(first.size()));
    let mut pieces = split_after_first(text, room, limit::DESCRIPTION).into_iter();
    first.description = pieces.next().unwrap_or_default();
    let mut messages = vec![Message { content: String::new(), embeds: vec![first] }];
    for piece in pieces {
        messages.push(Message {
            content: String::new(),
            embeds: vec![Embed { description: piece, colour, ..Embed::default() }],
        });
    }
    messages
}

fn figure_field(figure: &FigureRef) -> Field {
    Field { name: fit(&figure.label, limit::FIELD_NAME), value: fit(&figure.value, limit::FIELD_VALUE), inline: true }
}

/// A snippet as a quote, with where it comes from and, when known, a link to the article.
fn source_field(source: &Source) -> Field {
    let name = format!("{} · {}", source.outlet.trim(), source.published.trim());
    let url = source.url.trim();
    // A link longer than half the field would crowd out the quote, and a cut link would be
    // broken, so such a link is left out.
    let link = if url.is_empty() || measure(url) > limit::FIELD_VALUE / 2 {
        String::new()
    } else {
        format!("\n[Read the article]({url})")
    };
    // A quote block covers one line only, so the snippet is flattened to one line.
    let snippet: String = source.snippet.split_whitespace().collect::<Vec<_>>().join(" ");
    let room = limit::FIELD_VALUE.saturating_sub(measure(&link)).saturating_sub(measure("> "));
    let quote = fit(&snippet, room);
    let value = if quote.is_empty() {
        fit(&format!("{}{link}", source.article), limit::FIELD_VALUE)
    } else {
        format!("> {quote}{link}")
    };
    Field { name: fit(&name, limit::FIELD_NAME), value: fit(&value, limit::FIELD_VALUE), inline: false }
}

/// The footer: how many sources back the answer, so a reader can judge it at a glance.
fn backing(sources: usize) -> String {
    match sources {
        0 => "No source quoted".to_string(),
        1 => "Backed by 1 source".to_string(),
        n => format!("Backed by {n} sources"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::Measure;

    fn figure(label: &str, value: &str) -> FigureRef {
        FigureRef {
            label: label.into(),
            value: value.into(),
            text: value.into(),
            article: "aljazeera-2025-03-19".into(),
            sentence: String::new(),
        }
    }

    fn source(outlet: &str, snippet: &str) -> Source {
        Source {
            article: "aljazeera-2025-03-19".into(),
            outlet: outlet.into(),
            published: "2025-03-19".into(),
            url: "https://example.org/a".into(),
            snippet: snippet.into(),
        }
    }

    fn answered(text: &str, figures: Vec<FigureRef>, sources: Vec<Source>) -> Answer {
        Answer {
            question: "How many?".into(),
            answered: true,
            measure: Measure::Count,
            text: text.into(),
            figures,
            exchanges: Vec::new(),
            sources,
        }
    }

    /// Every limit Discord enforces, checked on a whole reply.
    fn assert_within_limits(reply: &Reply) {
        assert!(!reply.messages.is_empty());
        for message in &reply.messages {
            assert!(measure(&message.content) <= limit::CONTENT);
            assert!(message.embeds.len() <= limit::EMBEDS);
            assert!(!message.content.is_empty() || !message.embeds.is_empty());
            let total: usize = message.embeds.iter().map(Embed::size).sum();
            assert!(total <= limit::EMBED_TOTAL, "embeds total {total}");
            for embed in &message.embeds {
                assert!(measure(&embed.title) <= limit::TITLE);
                assert!(measure(&embed.description) <= limit::DESCRIPTION);
                assert!(measure(&embed.footer) <= limit::FOOTER);
                assert!(embed.fields.len() <= limit::FIELDS);
                for field in &embed.fields {
                    assert!(!field.name.is_empty() && !field.value.is_empty());
                    assert!(measure(&field.name) <= limit::FIELD_NAME);
                    assert!(measure(&field.value) <= limit::FIELD_VALUE);
                }
            }
        }
    }

    #[test]
    fn an_answer_shows_text_figures_snippets_and_backing() {
        let answer = answered(
            "On 19 March 2025 the sides exchanged 372 prisoners.",
            vec![figure("Prisoners exchanged", "372")],
            vec![source("Al Jazeera", "Russia and Ukraine swapped **372** prisoners"), source("RT", "372 in total")],
        );
        let reply = Reply::answer(&answer, "How many prisoners were exchanged?", Layout::Answer);
        assert_within_limits(&reply);
        assert!(!reply.ephemeral);
        assert_eq!(reply.messages.len(), 1);
        let embed = &reply.messages[0].embeds[0];
        assert_eq!(embed.title, "How many prisoners were exchanged?");
        assert_eq!(embed.description, answer.text);
        assert_eq!(embed.fields[0].name, "Prisoners exchanged");
        assert_eq!(embed.fields[0].value, "372");
        assert_eq!(embed.fields[1].name, "Al Jazeera · 2025-03-19");
        assert_eq!(
            embed.fields[1].value,
            "> Russia and Ukraine swapped **372** prisoners\n[Read the article](https://example.org/a)"
        );
        assert_eq!(embed.footer, "Backed by 2 sources");
    }

    #[test]
    fn at_most_three_snippets_but_the_footer_counts_all_sources() {
        let sources = (0..5).map(|i| source(&format!("Outlet {i}"), "x")).collect();
        let reply = Reply::answer(&answered("Text.", vec![], sources), "Q", Layout::Answer);
        let embed = &reply.messages[0].embeds[0];
        assert_eq!(embed.fields.len(), MAX_SNIPPETS);
        assert_eq!(embed.footer, "Backed by 5 sources");
    }

    #[test]
    fn a_listing_keeps_its_figures_in_the_text() {
        let answer = answered(
            "• 19 March 2025 — 175 to Ukraine",
            vec![figure("19 March 2025: returned to Ukraine", "175")],
            vec![source("AFP", "175 returned")],
        );
        let reply = Reply::answer(&answer, "Exchanges", Layout::Listing);
        let embed = &reply.messages[0].embeds[0];
        assert_eq!(embed.fields.len(), 1, "only the snippet: {embed:?}");
        assert_eq!(embed.fields[0].name, "AFP · 2025-03-19");
    }

    #[test]
    fn a_source_without_url_has_no_link() {
        let mut src = source("AFP", "150 soldiers returned");
        src.url = String::new();
        let reply = Reply::answer(&answered("Text.", vec![], vec![src]), "Q", Layout::Answer);
        assert_eq!(reply.messages[0].embeds[0].fields[0].value, "> 150 soldiers returned");
    }

    #[test]
    fn an_abstention_is_a_short_ephemeral_notice() {
        let mut answer = answered("I cover prisoner exchanges only.", vec![], vec![]);
        answer.answered = false;
        let reply = Reply::answer(&answer, "Weather?", Layout::Answer);
        assert!(reply.ephemeral);
        assert_eq!(reply.messages.len(), 1);
        assert_eq!(reply.messages[0].content, "I cover prisoner exchanges only.");
        assert!(reply.messages[0].embeds.is_empty());
    }

    #[test]
    fn a_long_answer_is_split_at_sentences_within_limits() {
        let text: String = (0..400).map(|i| format!("Sentence number {i} describes the exchange. ")).collect();
        let reply = Reply::answer(&answered(&text, vec![figure("Total", "372")], vec![]), "Q", Layout::Answer);
        assert_within_limits(&reply);
        assert!(reply.messages.len() >= 4);
        let mut rebuilt = Vec::new();
        for message in &reply.messages {
            let description = &message.embeds[0].description;
            assert!(description.ends_with("exchange."), "cut mid-sentence: {description:?}");
            rebuilt.push(description.clone());
        }
        assert_eq!(rebuilt.join(" "), text.trim());
    }

    #[test]
    fn oversized_parts_are_trimmed_or_dropped_never_rejected() {
        let huge = "word ".repeat(3000);
        let figures = (0..40).map(|i| figure(&huge, &format!("{i} {huge}"))).collect();
        let sources = (0..4)
            .map(|_| {
                let mut src = source(&huge, &huge);
                src.url = format!("https://example.org/{}", "a".repeat(3000));
                src
            })
            .collect();
        let reply = Reply::answer(&answered(&huge, figures, sources), &huge, Layout::Answer);
        assert_within_limits(&reply);
        assert!(!reply.messages[0].embeds[0].description.is_empty());
    }

    #[test]
    fn info_splits_long_help() {
        let help = "- Ask about a date.\n".repeat(500);
        let reply = Reply::info("What I know", &help);
        assert_within_limits(&reply);
        assert!(reply.messages.len() > 1);
        assert_eq!(reply.messages[0].embeds[0].title, "What I know");
    }

    #[test]
    fn notice_is_trimmed_to_content_limit() {
        let reply = Reply::notice(&"Wait a moment. ".repeat(300));
        assert_within_limits(&reply);
        assert!(reply.ephemeral);
    }
}
