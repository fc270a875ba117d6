//! [`Reply`] as serenity builders: the one place that knows how a reply goes on the wire.
//!
//! Every builder here carries an empty `allowed_mentions` (and `replied_user: false`), so no
//! text the bot sends can ping anyone, whatever a question or an article contains.

use serenity::all::{
    CreateAllowedMentions, CreateAutocompleteResponse, CreateEmbed, CreateEmbedFooter, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, CreateMessage, EditInteractionResponse,
    MessageReference,
};

use super::reply::{Embed, Message};

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
    out
}

fn embeds(message: &Message) -> Vec<CreateEmbed> {
    message.embeds.iter().map(embed).collect()
}

/// The first message of a reply as the immediate response to an interaction (callback type 4).
pub fn response(message: &Message, ephemeral: bool) -> CreateInteractionResponse {
    let mut out = CreateInteractionResponseMessage::new()
        .embeds(embeds(message))
        .allowed_mentions(no_mentions())
        .ephemeral(ephemeral);
    if !message.content.is_empty() {
        out = out.content(&message.content);
    }
    CreateInteractionResponse::Message(out)
}

/// "Thinking…" (callback type 5): buys 15 minutes when the answer may miss the 3-second window.
pub fn deferral() -> CreateInteractionResponse {
    CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new())
}

/// The first message of a reply replacing a deferral's placeholder.
pub fn edit(message: &Message) -> EditInteractionResponse {
    let mut out = EditInteractionResponse::new().embeds(embeds(message)).allowed_mentions(no_mentions());
    if !message.content.is_empty() {
        out = out.content(&message.content);
    }
    out
}

/// A further message of a reply to an interaction.
pub fn followup(message: &Message, ephemeral: bool) -> CreateInteractionResponseFollowup {
    let mut out = CreateInteractionResponseFollowup::new()
        .embeds(embeds(message))
        .allowed_mentions(no_mentions())
        .ephemeral(ephemeral);
    if !message.content.is_empty() {
        out = out.content(&message.content);
    }
    out
}

/// A message in a channel, replying to `reply_to` when given (the first message of a reply).
pub fn channel_message(message: &Message, reply_to: Option<MessageReference>) -> CreateMessage {
    let mut out = CreateMessage::new().embeds(embeds(message)).allowed_mentions(no_mentions());
    if !message.content.is_empty() {
        out = out.content(&message.content);
    }
    if let Some(reference) = reply_to {
        out = out.reference_message(reference);
    }
    out
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
    use crate::discord::reply::Reply;
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
}
