//! What the bot says, as plain data that already fits Discord's limits.
//!
//! Everything here is pure: text goes in, a [`Reply`] comes out, and `send.rs` turns it into
//! serenity builders. How an engine answer is laid out (the compact card) is `card.rs`'s job;
//! this module holds the shapes every reply shares and the generic ones: a notice, a titled
//! text split over as many messages as it needs.

use crate::render::text::{fit, measure, split_after_first};

use super::limits;

/// Accent colour of answers (Discord's "blurple").
pub const ANSWER_COLOUR: u32 = 0x5865F2;
/// Accent colour of reference replies (help, sources): neutral grey.
pub const INFO_COLOUR: u32 = 0x99AAB5;

/// Everything the bot sends in response to one request, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The first message answers; any others continue it. Never empty.
    pub messages: Vec<Message>,
    /// Only the asker sees the reply. Used for abstentions and notices on slash commands, where
    /// a public "I don't know" would only clutter the channel; ignored for mentions, which
    /// Discord cannot answer ephemerally.
    pub ephemeral: bool,
}

/// One Discord message: text, embeds, buttons and files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    /// Plain text; empty when the message is all embed.
    pub content: String,
    pub embeds: Vec<Embed>,
    /// One row of buttons under the message (at most [`limits::BUTTONS_PER_ROW`]).
    pub buttons: Vec<Button>,
    /// Files uploaded with the message; an embed shows one as `attachment://NAME`.
    pub files: Vec<File>,
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
    /// The name of an attached [`File`] shown as the embed's picture.
    pub image: Option<String>,
}

/// A name/value pair shown in an embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: String,
    /// Short values sit side by side, up to three in a row; sentences take the full width.
    pub inline: bool,
}

/// A button that sends the bot an interaction with its `id` (a `custom_id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub id: String,
    pub label: String,
    /// A Unicode emoji shown before the label.
    pub emoji: Option<String>,
    /// Primary buttons are blurple; the others grey.
    pub primary: bool,
}

/// A file uploaded with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// `timeline.png`: what `attachment://` names, and what a download is called.
    pub name: String,
    pub bytes: Vec<u8>,
    /// What a screen reader says for it (alt text); empty for none.
    pub description: String,
}

/// A form of one text input, opened in answer to a button (a modal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modal {
    /// Comes back with the submission.
    pub id: String,
    pub title: String,
    /// The text input's own id, label and placeholder.
    pub input_id: String,
    pub label: String,
    pub placeholder: String,
    /// Longest answer accepted.
    pub max_length: u16,
}

impl Embed {
    /// The size Discord counts towards [`limits::EMBED_TOTAL`].
    pub fn size(&self) -> usize {
        measure(&self.title)
            + measure(&self.description)
            + measure(&self.footer)
            + self.fields.iter().map(Field::size).sum::<usize>()
    }
}

impl Field {
    /// A field within the limits: an over-long name or value is shortened, never refused.
    pub fn new(name: &str, value: &str, inline: bool) -> Field {
        Field { name: fit(name, limits::FIELD_NAME), value: fit(value, limits::FIELD_VALUE), inline }
    }

    pub fn size(&self) -> usize {
        measure(&self.name) + measure(&self.value)
    }
}

impl Reply {
    /// A short text only the asker sees: cooldowns, bad input, failures, thanks.
    pub fn notice(text: &str) -> Reply {
        Reply { messages: vec![Message { content: fit(text, limits::CONTENT), ..Message::default() }], ephemeral: true }
    }

    /// Reference text such as `/help`: one titled embed, continued in further messages when long.
    pub fn info(title: &str, markdown: &str) -> Reply {
        let first = Embed { title: fit(title, limits::TITLE), colour: INFO_COLOUR, ..Embed::default() };
        Reply { messages: with_description(first, markdown, INFO_COLOUR), ephemeral: false }
    }

    /// `first` with `text` as its description, continued in further messages when long.
    pub fn titled(first: Embed, text: &str) -> Reply {
        let colour = first.colour;
        Reply { messages: with_description(first, text, colour), ephemeral: false }
    }

    /// The same reply, only for the asker.
    pub fn private(mut self) -> Reply {
        self.ephemeral = true;
        self
    }
}

/// Puts as much of `text` as fits into `first`'s description and the rest into continuation
/// embeds, one message each.
pub fn with_description(mut first: Embed, text: &str, colour: u32) -> Vec<Message> {
    let room = limits::DESCRIPTION.min(limits::EMBED_TOTAL.saturating_sub(first.size()));
    let mut pieces = split_after_first(text, room, limits::DESCRIPTION).into_iter();
    first.description = pieces.next().unwrap_or_default();
    let mut messages = vec![Message { embeds: vec![first], ..Message::default() }];
    for piece in pieces {
        messages.push(Message {
            embeds: vec![Embed { description: piece, colour, ..Embed::default() }],
            ..Message::default()
        });
    }
    messages
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every limit Discord enforces, checked on a whole reply.
    pub fn assert_within_limits(reply: &Reply) {
        assert!(!reply.messages.is_empty());
        for message in &reply.messages {
            assert!(measure(&message.content) <= limits::CONTENT);
            assert!(message.embeds.len() <= limits::EMBEDS);
            assert!(!message.content.is_empty() || !message.embeds.is_empty());
            assert!(message.buttons.len() <= limits::BUTTONS_PER_ROW);
            assert!(message.files.len() <= limits::ATTACHMENTS);
            for button in &message.buttons {
                assert!(!button.id.is_empty() && measure(&button.id) <= limits::CUSTOM_ID, "{button:?}");
                assert!(measure(&button.label) <= limits::BUTTON_LABEL);
            }
            let total: usize = message.embeds.iter().map(Embed::size).sum();
            assert!(total <= limits::EMBED_TOTAL, "embeds total {total}");
            for embed in &message.embeds {
                assert!(measure(&embed.title) <= limits::TITLE);
                assert!(measure(&embed.description) <= limits::DESCRIPTION);
                assert!(measure(&embed.footer) <= limits::FOOTER);
                assert!(embed.fields.len() <= limits::FIELDS);
                for field in &embed.fields {
                    assert!(!field.name.is_empty() && !field.value.is_empty());
                    assert!(measure(&field.name) <= limits::FIELD_NAME);
                    assert!(measure(&field.value) <= limits::FIELD_VALUE);
                }
            }
        }
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
