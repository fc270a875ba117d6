//! [`Reply`], [`Modal`] and choices as serenity builders: the one place that knows how they go
//! on the wire.
//!
//! Every message builder here carries an empty `allowed_mentions` (and `replied_user: false`),
//! so no text the bot sends can ping anyone, whatever a question or an article contains.
//! Files are not in the builders' JSON: [`attachments`] gives them to `rest::Call`, which
//! sends them beside it as a multipart upload.

use serenity::all::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateAutocompleteResponse, CreateButton,
    CreateEmbed, CreateEmbedFooter, CreateInputText, CreateInteractionResponse, CreateInteractionResponseFollowup,
    CreateInteractionResponseMessage, CreateMessage, CreateModal, EditInteractionResponse, InputTextStyle,
    MessageReference, ReactionType,
};

use super::reply::{Button, Embed, Message, Modal};

/// Nobody may be pinged: not `@everyone`, not roles, not users, not the author replied to.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().everyone(false).all_users(false).all_roles(false).replied_user(false)
}

pub fn embed(embed: &Embed) -> CreateEmbed {
    // Empty parts are left out rather than sent empty: Discord rejects some empty strings.
    let mut out = CreateEmbed::new().colour(embed.colour);
    if !embed.title.is_empty() {
        out = out.title(&embed.title);
    }
    if !embed.description.is_empty() {
        out = out.description(&embed.description);
    }
    for field in &embed.fields {
        out = out.field(&field.name, &field.value, field.inline);
    }
    if !embed.footer.is_empty() {
        out = out.footer(CreateEmbedFooter::new(&embed.footer));
    }
    if let Some(file) = &embed.image {
        out = out.attachment(file);
    }
    out
}

fn embeds(message: &Message) -> Vec<CreateEmbed> {
    message.embeds.iter().map(embed).collect()
}

/// The message's buttons as one action row (none when it has no buttons).
fn rows(message: &Message) -> Vec<CreateActionRow> {
    if message.buttons.is_empty() {
        return Vec::new();
    }
    vec![CreateActionRow::Buttons(message.buttons.iter().map(button).collect())]
}

fn button(button: &Button) -> CreateButton {
    let style = if button.primary { ButtonStyle::Primary } else { ButtonStyle::Secondary };
    let mut out = CreateButton::new(&button.id).style(style);
    if !button.label.is_empty() {
        out = out.label(&button.label);
    }
    if let Some(emoji) = &button.emoji {
        out = out.emoji(ReactionType::Unicode(emoji.clone()));
    }
    out
}

/// The files of a message as serenity uploads them.
pub fn attachments(message: &Message) -> Vec<CreateAttachment> {
    message
        .files
        .iter()
        .map(|file| {
            let attachment = CreateAttachment::bytes(file.bytes.clone(), file.name.clone());
            if file.description.is_empty() { attachment } else { attachment.description(&file.description) }
        })
        .collect()
}

/// The first message of a reply as the immediate response to an interaction (callback type 4).
pub fn response(message: &Message, ephemeral: bool) -> CreateInteractionResponse {
    let mut out = CreateInteractionResponseMessage::new()
        .embeds(embeds(message))
        .components(rows(message))
        .allowed_mentions(no_mentions())
        .ephemeral(ephemeral)
        .add_files(attachments(message));
    if !message.content.is_empty() {
        out = out.content(&message.content);
    }
    CreateInteractionResponse::Message(out)
}

/// "Thinking…" (callback type 5): buys 15 minutes when the answer may miss the 3-second window.
/// A private one ("only you can see this") for the answers to buttons.
pub fn deferral(ephemeral: bool) -> CreateInteractionResponse {
    CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(ephemeral))
}

/// The first message of a reply replacing a deferral's placeholder.
pub fn edit(message: &Message) -> EditInteractionResponse {
    let mut out = EditInteractionResponse::new()
        .embeds(embeds(message))
        .components(rows(message))
        .allowed_mentions(no_mentions());
    for file in attachments(message) {
        out = out.new_attachment(file);
    }
    if !message.content.is_empty() {
        out = out.content(&message.content);
    }
    out
}

/// A further message of a reply to an interaction.
pub fn followup(message: &Message, ephemeral: bool) -> CreateInteractionResponseFollowup {
    let mut out = CreateInteractionResponseFollowup::new()
        .embeds(embeds(message))
        .components(rows(message))
        .allowed_mentions(no_mentions())
        .ephemeral(ephemeral)
        .add_files(attachments(message));
    if !message.content.is_empty() {
        out = out.content(&message.content);
    }
    out
}

/// A message in a channel, replying to `reply_to` when given (the first message of a reply).
pub fn channel_message(message: &Message, reply_to: Option<MessageReference>) -> CreateMessage {
    let mut out = CreateMessage::new()
        .embeds(embeds(message))
        .components(rows(message))
        .allowed_mentions(no_mentions())
        .add_files(attachments(message));
    if !message.content.is_empty() {
        out = out.content(&message.content);
    }
    if let Some(reference) = reply_to {
        out = out.reference_message(reference);
    }
    out
}

/// A form (callback type 9) of one paragraph input.
pub fn modal(modal: &Modal) -> CreateInteractionResponse {
    let input = CreateInputText::new(InputTextStyle::Paragraph, &modal.label, &modal.input_id)
        .placeholder(&modal.placeholder)
        .max_length(modal.max_length)
        .required(false);
    let form = CreateModal::new(&modal.id, &modal.title).components(vec![CreateActionRow::InputText(input)]);
    CreateInteractionResponse::Modal(form)
}

/// Autocomplete choices (callback type 8).
pub fn choices(choices: Vec<(String, String)>) -> CreateInteractionResponse {
    let response = choices
        .into_iter()
        .fold(CreateAutocompleteResponse::new(), |response, (name, value)| response.add_string_choice(name, value));
    CreateInteractionResponse::Autocomplete(response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discord::reply::{File, Reply};
    use serde_json::json;

    #[test]
    fn every_message_forbids_all_mentions() {
        let reply = Reply::notice("@everyone <@&1> <@2>");
        let message = &reply.messages[0];
        let expected = json!({"parse": [], "users": [], "roles": [], "replied_user": false});
        let bodies = [
            serde_json::to_value(response(message, true)).unwrap()["data"].clone(),
            serde_json::to_value(edit(message)).unwrap(),
            serde_json::to_value(followup(message, true)).unwrap(),
            serde_json::to_value(channel_message(message, None)).unwrap(),
        ];
        for body in bodies {
            assert_eq!(body["allowed_mentions"], expected, "{body}");
            assert_eq!(body["content"], "@everyone <@&1> <@2>");
        }
    }

    #[test]
    fn an_ephemeral_response_sets_the_flag() {
        let reply = Reply::notice("wait");
        let body = serde_json::to_value(response(&reply.messages[0], true)).unwrap();
        assert_eq!(body["type"], 4);
        assert_eq!(body["data"]["flags"], 64);
    }

    #[test]
    fn buttons_go_in_one_row_and_a_picture_names_its_file() {
        let message = Message {
            embeds: vec![Embed { title: "Timeline".into(), image: Some("timeline.png".into()), ..Embed::default() }],
            buttons: vec![Button { id: "src:q|x".into(), label: "Sources".into(), emoji: None, primary: true }],
            files: vec![File { name: "timeline.png".into(), bytes: vec![1, 2, 3], description: "A chart".into() }],
            ..Message::default()
        };
        let body = serde_json::to_value(response(&message, false)).unwrap();
        assert_eq!(body["data"]["components"][0]["components"][0]["custom_id"], "src:q|x");
        assert_eq!(body["data"]["embeds"][0]["image"]["url"], "attachment://timeline.png");
        assert_eq!(body["data"]["attachments"][0]["filename"], "timeline.png");
        assert_eq!(body["data"]["attachments"][0]["description"], "A chart");
    }
}
