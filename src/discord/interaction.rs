//! Interactions over REST: registering the commands, and delivering a [`Reply`] (the response,
//! follow-ups, the completion of a deferred response). Shared by `serve` and `serve-http`.

use serenity::all::{Command, CommandInteraction, CreateInteractionResponseFollowup, GuildId, Http};

use super::commands;
use super::reply::{Message, Reply};
use super::send;

/// Registers the slash commands, replacing whatever was registered before (one bulk PUT, so
/// a renamed or removed command does not linger). `http` must know the application id.
pub async fn register(http: &Http, guild: Option<GuildId>) -> serenity::Result<Vec<Command>> {
    let definitions = commands::definitions();
    match guild {
        Some(guild) => guild.set_commands(http, definitions).await,
        None => Command::set_global_commands(http, definitions).await,
    }
}

/// Answers an interaction with a whole reply: the response, then follow-ups.
pub async fn respond(http: &Http, command: &CommandInteraction, reply: Reply) {
    let Some((first, rest)) = reply.messages.split_first() else {
        return;
    };
    if let Err(error) = command.create_response(http, send::response(first, reply.ephemeral)).await {
        tracing::warn!(%error, command = %command.data.name, "could not answer an interaction");
        return;
    }
    followups(http, command, rest, reply.ephemeral).await;
}

/// Replaces a deferral's "thinking…" with the reply.
///
/// A deferral is public, so an ephemeral reply (an abstention) cannot simply edit it: the
/// placeholder is deleted and the reply goes out as ephemeral follow-ups instead.
pub async fn complete_deferred(http: &Http, command: &CommandInteraction, reply: Reply) {
    let Some((first, rest)) = reply.messages.split_first() else {
        return;
    };
    if reply.ephemeral {
        if let Err(error) = command.delete_response(http).await {
            tracing::warn!(%error, "could not remove the deferral placeholder");
        }
        followups(http, command, &reply.messages, true).await;
        return;
    }
    if let Err(error) = command.edit_response(http, send::edit(first)).await {
        tracing::warn!(%error, "could not complete a deferred interaction");
        return;
    }
    followups(http, command, rest, false).await;
}

pub async fn followups(http: &Http, command: &CommandInteraction, messages: &[Message], ephemeral: bool) {
    for message in messages {
        let followup: CreateInteractionResponseFollowup = send::followup(message, ephemeral);
        if let Err(error) = command.create_followup(http, followup).await {
            tracing::warn!(%error, "could not send a follow-up message");
            return;
        }
    }
}
