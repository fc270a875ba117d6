//! Interactions over REST: registering the commands, and delivering a [`Reply`] (the response,
//! follow-ups, the completion of a deferred response). Shared by `serve` and `serve-http`.
//!
//! Every delivery goes through `rest::send`, so a `429` or a `5xx` is retried; and every one
//! has a deadline from the interaction's own clock: Discord drops an interaction that has no
//! response within 3 seconds, and its token (which follow-ups and edits use) lives 15
//! minutes. Past that a reply is logged as lost, never retried forever.

use std::time::Duration;

use serenity::all::{Command, CommandInteraction, GuildId, Http};
use tokio::time::Instant;

use super::commands;
use super::reply::{Message, Reply};
use super::rest::{Call, Rest};
use super::send;

/// How long after Discord sent it an interaction can still get its first response.
pub const RESPONSE_WINDOW: Duration = Duration::from_secs(3);

/// How long an interaction's token lets us edit the response and send follow-ups.
pub const TOKEN_LIFE: Duration = Duration::from_secs(15 * 60);

/// Registers the slash commands, replacing whatever was registered before (one bulk PUT, so
/// a renamed or removed command does not linger). `http` must know the application id.
pub async fn register(http: &Http, guild: Option<GuildId>) -> serenity::Result<Vec<Command>> {
    let definitions = commands::definitions();
    match guild {
        Some(guild) => guild.set_commands(http, definitions).await,
        None => Command::set_global_commands(http, definitions).await,
    }
}

/// One interaction being answered: where to send, and since when the clock runs.
pub struct Answering<'a> {
    pub http: &'a Http,
    pub rest: &'a Rest,
    pub command: &'a CommandInteraction,
    /// When the interaction reached us: its 3-second window and its token's 15 minutes are
    /// counted from here (our clock, not the id's timestamp, so clock skew cannot expire it).
    pub received: Instant,
}

impl Answering<'_> {
    /// Answers with a whole reply: the response, then follow-ups.
    pub async fn respond(&self, reply: Reply) {
        let Some((first, rest)) = reply.messages.split_first() else {
            return;
        };
        if self.callback(&send::response(first, reply.ephemeral)).await {
            self.followups(rest, reply.ephemeral).await;
        }
    }

    /// "Thinking…": buys the token's 15 minutes. Whether it got through.
    pub async fn defer(&self) -> bool {
        self.callback(&send::deferral()).await
    }

    /// Replaces a deferral's "thinking…" with the reply.
    ///
    /// A deferral is public, so an ephemeral reply (an abstention) cannot simply edit it: the
    /// placeholder is deleted and the reply goes out as ephemeral follow-ups instead.
    pub async fn complete_deferred(&self, reply: Reply) {
        let Some((first, rest)) = reply.messages.split_first() else {
            return;
        };
        let (application, token) = (self.command.application_id, self.command.token.as_str());
        if reply.ephemeral {
            // Best effort: a placeholder left behind is untidy, the answer still follows.
            self.send(&Call::delete_original(application, token), TOKEN_LIFE).await;
            self.followups(&reply.messages, true).await;
            return;
        }
        if self.send(&Call::edit_original(application, token, &send::edit(first)), TOKEN_LIFE).await {
            self.followups(rest, false).await;
        }
    }

    /// Further messages of a reply, in order; stops at the first that cannot be sent, since
    /// the ones after it would read out of context.
    pub async fn followups(&self, messages: &[Message], ephemeral: bool) {
        let (application, token) = (self.command.application_id, self.command.token.as_str());
        for message in messages {
            let body = send::followup(message, ephemeral);
            if !self.send(&Call::followup(application, token, &body), TOKEN_LIFE).await {
                return;
            }
        }
    }

    async fn callback(&self, body: &serenity::all::CreateInteractionResponse) -> bool {
        self.send(&Call::callback(self.command.id, &self.command.token, body), RESPONSE_WINDOW).await
    }

    /// Sends `call` within `window` of receiving the interaction; whether it got through.
    async fn send(&self, call: &Call<'_>, window: Duration) -> bool {
        match self.rest.send(self.http, call, self.received + window).await {
            Ok(()) => true,
            Err(error) => {
                tracing::warn!(%error, command = %self.command.data.name, "could not answer an interaction");
                false
            }
        }
    }
}
