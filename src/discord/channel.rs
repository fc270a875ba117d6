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

use super::dispatch::Door;
use super::limits;
use super::reply::Reply;
use super::request::Response;
use super::rest::{Call, Rest};
use super::send;

/// How long the reply to a mention keeps being retried: a channel has no token that expires,
/// but an answer minutes late reads as out of place.
const DEADLINE: Duration = Duration::from_secs(5 * 60);

/// A thread the bot starts is archived after a day without messages (Discord's choices are
/// an hour, a day, three days, a week).
const THREAD_ARCHIVE_MINUTES: u32 = 1440;

/// Where the reply to one message goes.
pub struct ChannelDoor {
    http: Arc<Http>,
    rest: Rest,
    channel: ChannelId,
    guild: Option<GuildId>,
    message: MessageId,
    deadline: Instant,
    /// Answer in a new thread started from the message, rather than as a reply to it.
    starts_thread: Mutex<bool>,
    /// The thread the reply went to, once started.
    thread: Mutex<Option<ChannelId>>,
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
            starts_thread: Mutex::new(false),
            thread: Mutex::new(None),
        }
    }

    pub fn set_starts_thread(&self, starts: bool) {
        *self.starts_thread.lock().unwrap_or_else(|poison| poison.into_inner()) = starts;
    }

    /// The thread the reply started, if it did.
    pub fn thread(&self) -> Option<u64> {
        self.thread.lock().unwrap_or_else(|poison| poison.into_inner()).map(ChannelId::get)
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
        let starts_thread = *self.starts_thread.lock().unwrap_or_else(|poison| poison.into_inner());
        let title = reply.messages.first().and_then(|m| m.embeds.first()).map(|e| e.title.clone()).unwrap_or_default();
        let thread = if starts_thread { self.start_thread(&title).await } else { None };
        *self.thread.lock().unwrap_or_else(|poison| poison.into_inner()) = thread;
        let channel = thread.unwrap_or(self.channel);
        for (index, message) in reply.messages.iter().enumerate() {
            // In a thread started from the message the reply needs no reference: the thread
            // hangs from the question.
            let reference = (index == 0 && thread.is_none()).then(|| {
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
}
