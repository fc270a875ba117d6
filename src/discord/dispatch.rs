//! The one dispatcher: parse → limit → defer → answer → reply, for every request however it
//! arrives.
//!
//! The front doors only translate Discord's wire format: the gateway (`gateway.rs`) and the
//! HTTP endpoint (`interactions_http.rs`) hand an interaction to [`Dispatcher::interaction`]
//! with an [`InteractionDoor`](super::interaction::InteractionDoor) saying where its
//! responses go; the gateway hands a message addressed to the bot to
//! [`Dispatcher::message`] with a [`ChannelDoor`](super::channel::ChannelDoor). Everything
//! else (which requests the cooldown counts, when to defer, what to keep in the store)
//! happens here, once.

use std::sync::Arc;
use std::time::Duration;

use serenity::all::Interaction;
use serenity::async_trait;

use super::answering::{self, Progress, Shared};
use super::channel::{ChannelDoor, Place};
use super::cooldown::{self, Cooldown, Rate, Verdict};
use super::reply::Reply;
use super::request::{Asker, Outcome, Request, Response};
use super::ticket::{Reference, Ticket};

/// Where a request's responses go: an interaction's callback, edits and follow-ups, or a
/// channel.
#[async_trait]
pub trait Door: Send + Sync {
    /// Whether a slow answer can be deferred ("thinking…"): only interactions have a window.
    fn can_defer(&self) -> bool;
    /// Whether a request refused by the cooldown still needs a response: an interaction
    /// does, a message does not (one notice is enough).
    fn must_respond(&self) -> bool;
    /// The response, as the first thing sent.
    async fn respond(&self, response: Response);
    /// "Thinking…", private or not; whether it got through.
    async fn defer(&self, private: bool) -> bool;
    /// The reply, after a deferral.
    async fn complete(&self, reply: Reply);
    /// Told the ticket of the answer about to go out, before `respond` or `complete`.
    fn answered(&self, _ticket: &Ticket) {}
}

/// A message addressed to the bot, as the gateway reads it.
#[derive(Debug, Clone)]
pub struct Mention {
    pub question: String,
    pub asker: Asker,
    pub channel: u64,
    /// The ticket on the bot's answer this message replies to, if it replies to one.
    pub replying_to: Option<Reference>,
}

/// The dispatcher; one per bot, shared by every request.
pub struct Dispatcher {
    shared: Arc<Shared>,
    cooldown: Cooldown,
    /// How long to wait for an answer before deferring; normally [`answering::DEFER_AFTER`].
    defer_after: Duration,
}

impl Dispatcher {
    pub fn new(shared: Arc<Shared>, rate: Rate, defer_after: Duration) -> Dispatcher {
        Dispatcher { shared, cooldown: Cooldown::new(rate), defer_after }
    }

    pub fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    /// An interaction, from either front door.
    pub async fn interaction(&self, interaction: &Interaction, door: &dyn Door) {
        match Request::from_interaction(interaction) {
            Ok((request, asker)) => self.handle(request, asker, door).await,
            Err(unusable) => door.respond(Response::Reply(Reply::notice(&unusable.0))).await,
        }
    }

    /// A message that mentions the bot (or a DM). A reply to one of the bot's answers, or a
    /// message in a thread the bot started, continues from that answer; the first follow-up
    /// to an answer in a server channel gets its own thread.
    pub async fn message(&self, mention: Mention, door: &ChannelDoor) {
        let in_thread = self.thread(mention.channel).await;
        let after = mention.replying_to.clone().or_else(|| in_thread.clone().map(Reference::Inline));
        let place = match (&in_thread, &mention.replying_to, mention.asker.guild) {
            (Some(_), _, _) => Place::Thread(mention.channel),
            (None, Some(_), Some(_)) => Place::NewThread,
            _ => Place::Here,
        };
        door.set_place(place, Arc::clone(&self.shared));
        let request = Request::Ask { question: mention.question, after };
        self.handle(request, mention.asker, door).await;
    }

    /// The ticket of the bot's latest answer in `channel`, if it is a thread the bot started.
    async fn thread(&self, channel: u64) -> Option<Ticket> {
        let shared = Arc::clone(&self.shared);
        let found = tokio::task::spawn_blocking(move || shared.store.as_ref().map(|store| store.thread(channel))).await;
        match found {
            Ok(Some(Ok(ticket))) => ticket,
            Ok(Some(Err(error))) => {
                tracing::warn!(%error, "could not read the threads");
                None
            }
            _ => None,
        }
    }

    /// Limit → defer → answer → reply.
    async fn handle(&self, request: Request, asker: Asker, door: &dyn Door) {
        if request.limited()
            && let Verdict::Wait { remaining, notify } = self.cooldown.check(asker.user, std::time::Instant::now())
        {
            if notify || door.must_respond() {
                door.respond(Response::Reply(Reply::notice(&cooldown::notice(remaining)))).await;
            }
            return;
        }
        let private = request.private();
        let wait = if request.slow() { Duration::ZERO } else { self.defer_after };
        let deadline = (request.deferrable() && door.can_defer()).then_some(wait);
        match answering::within(Arc::clone(&self.shared), request, asker.locale, deadline).await {
            Progress::Ready(outcome) => {
                self.keep(&outcome).await;
                if let Some(ticket) = &outcome.ticket {
                    door.answered(ticket);
                }
                door.respond(outcome.response).await;
            }
            Progress::Pending(task) => {
                if !door.defer(private).await {
                    return;
                }
                let outcome = answering::finish(task).await;
                self.keep(&outcome).await;
                let Outcome { response, ticket } = outcome;
                if let Some(ticket) = &ticket {
                    door.answered(ticket);
                }
                match response {
                    Response::Reply(reply) => door.complete(reply).await,
                    // Not deferrable (see `Request::deferrable`), so never here.
                    other => tracing::error!(?other, "a response that cannot follow a deferral"),
                }
            }
        }
    }

    /// Keeps a ticket too long for its buttons in the store, before the buttons go out.
    async fn keep(&self, outcome: &Outcome) {
        let Some(ticket) = outcome.ticket.clone().filter(|ticket| !ticket.fits()) else {
            return;
        };
        let shared = Arc::clone(&self.shared);
        let kept = tokio::task::spawn_blocking(move || shared.store.as_ref().map(|store| store.keep_ticket(&ticket)));
        if let Ok(Some(Err(error))) = kept.await {
            tracing::warn!(%error, "could not keep a long ticket: its buttons will not work");
        }
    }
}
