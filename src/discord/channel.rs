//! Replies in a channel, to messages that mention the bot: as a reply to the message, or in a
//! thread started from it for the first follow-up to an answer, so that a conversation does
//! not fill the channel.
//!
//! A channel has no response window and no deferral, and nothing can be private there.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use serenity::all::{ChannelId, GuildId, Http, MessageId, MessageReference};
use serenity::async_trait;
use tokio::time::Instant;

use crate::render::text::fit;

use super::answering::Shared;
use super::dispatch::Door;
use super::limits;
use super::reply::Reply;
use super::request::Response;
use super::rest::{Call, Rest};
use super::send;
use super::ticket::Ticket;

/// How long the reply to a mention keeps being retried: a channel has no token that expires,
/// but an answer minutes late reads as out of place.
const DEADLINE: Duration = Duration::from_secs(5 * 60);

/// A thread the bot starts is archived after a day without messages (Discord's choices are
/// an hour, a day, three days, a week).
const THREAD_ARCHIVE_MINUTES: u32 = 1440;

/// Where in a channel the reply goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A reply to the message, where it is.
    Here,
    /// A thread started from the message: the first follow-up to an answer.
    NewThread,
    /// The message is in this thread of the bot's: the reply goes there, and the thread goes
    /// on from it.
    Thread(u64),
}

/// Where the reply to one message goes.
pub struct ChannelDoor {
    http: Arc<Http>,
    rest: Rest,
    channel: ChannelId,
    guild: Option<GuildId>,
    message: MessageId,
    deadline: Instant,
    /// Where the reply goes, and the store to remember a thread's latest answer in.
    place: Mutex<(Place, Option<Arc<Shared>>)>,
    /// The ticket of the answer going out.
    ticket: Mutex<Option<Ticket>>,
}

impl ChannelDoor {
    pub fn new(http: Arc<Http>, rest: Rest, channel: ChannelId, guild: Option<GuildId>, message: MessageId) -> Self {
        ChannelDoor {
            http,
            rest,
            channel,
            guild,
            message,
            deadline: Instant::now() + DEADLINE,
            place: Mutex::new((Place::Here, None)),
            ticket: Mutex::new(None),
        }
    }

    /// Where the reply goes; `shared`'s store remembers a thread's latest answer.
    pub fn set_place(&self, place: Place, shared: Arc<Shared>) {
        *self.place.lock().unwrap_or_else(|poison| poison.into_inner()) = (place, Some(shared));
    }

    /// Remembers `ticket` as the latest answer in `thread`, before the answer is posted: the
    /// next question there may come the moment it shows.
    async fn remember(&self, thread: ChannelId, shared: Option<Arc<Shared>>) {
        let ticket = self.ticket.lock().unwrap_or_else(|poison| poison.into_inner()).clone();
        let (Some(shared), Some(ticket)) = (shared, ticket) else {
            return;
        };
        let thread = thread.get();
        let kept = tokio::task::spawn_blocking(move || match &shared.store {
            Some(store) => store.set_thread(thread, &ticket).map_err(|error| error.to_string()),
            None => Ok(()),
        })
        .await;
        if let Ok(Err(error)) = kept {
            tracing::warn!(%error, thread, "could not remember a thread's answer");
        }
    }

    /// Starts a thread from the message, named `name`; `None` (logged) when Discord refuses,
    /// e.g. without the Create Public Threads permission: the reply then goes in place.
    async fn start_thread(&self, name: &str) -> Option<ChannelId> {
        let name = fit(if name.is_empty() { "Follow-up questions" } else { name }, limits::THREAD_NAME);
        let body = json!({ "name": name, "auto_archive_duration": THREAD_ARCHIVE_MINUTES });
        let call = Call::start_thread(self.channel, self.message, &body);
        let answer = match self.rest.send(&self.http, &call, self.deadline).await {
            Ok(answer) => answer,
            Err(error) => {
                tracing::warn!(%error, channel = %self.channel, "could not start a thread; replying in place");
                return None;
            }
        };
        let id = serde_json::from_slice::<serde_json::Value>(&answer)
            .ok()
            .and_then(|thread| thread["id"].as_str().and_then(|id| id.parse::<u64>().ok()))
            .filter(|id| *id > 0)
            .map(ChannelId::new);
        if id.is_none() {
            tracing::warn!(channel = %self.channel, "Discord's answer to a new thread has no id; replying in place");
        }
        id
    }

    async fn deliver(&self, reply: Reply) {
        let (place, shared) = self.place.lock().unwrap_or_else(|poison| poison.into_inner()).clone();
        let title = reply.messages.first().and_then(|m| m.embeds.first()).map(|e| e.title.clone()).unwrap_or_default();
        let thread = match place {
            Place::Here => None,
            Place::Thread(id) => Some(ChannelId::new(id)),
            // A notice (no answer) starts no thread.
            Place::NewThread if reply.ephemeral => None,
            Place::NewThread => self.start_thread(&title).await,
        };
        if let Some(thread) = thread {
            self.remember(thread, shared).await;
        }
        let channel = thread.unwrap_or(self.channel);
        let started = place == Place::NewThread && thread.is_some();
        for (index, message) in reply.messages.iter().enumerate() {
            // In a thread started from the message the reply needs no reference: the thread
            // hangs from the question.
            let reference = (index == 0 && !started).then(|| {
                let mut reference = MessageReference::from((self.channel, self.message));
                reference.guild_id = self.guild;
                reference
            });
            let body = send::channel_message(message, reference);
            let call = Call::channel_message(channel, &body).with_files(send::attachments(message));
            if let Err(error) = self.rest.send(&self.http, &call, self.deadline).await {
                tracing::warn!(%error, %channel, "could not reply to a mention");
                return;
            }
        }
    }
}

#[async_trait]
impl Door for ChannelDoor {
    fn can_defer(&self) -> bool {
        false
    }

    fn must_respond(&self) -> bool {
        false
    }

    async fn respond(&self, response: Response) {
        match response {
            Response::Reply(reply) => self.deliver(reply).await,
            other => tracing::error!(?other, "only replies can go to a channel"),
        }
    }

    async fn defer(&self, _private: bool) -> bool {
        true
    }

    async fn complete(&self, reply: Reply) {
        self.deliver(reply).await;
    }

    fn answered(&self, ticket: &Ticket) {
        *self.ticket.lock().unwrap_or_else(|poison| poison.into_inner()) = Some(ticket.clone());
    }
}
