//! `powbot serve`: the bot over Discord's gateway, with serenity.
//!
//! The event handler registers the slash commands once the first shard is ready, answers
//! slash commands and autocomplete, and answers messages that mention the bot (or any message
//! in a DM). It needs only the `GUILD_MESSAGES` and `DIRECT_MESSAGES` intents: Discord delivers
//! a message's content to a bot without the privileged `MESSAGE_CONTENT` intent when the message
//! mentions it, which is exactly the messages it answers.

use std::future::Future;
use std::ops::RangeInclusive;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::time::Instant;

use serenity::all::{
    ActivityData, Client, ClientBuilder, CommandInteraction, Context, EventHandler, GatewayIntents, GuildId,
    Interaction, Message as DiscordMessage, Ready, UserId,
};
use serenity::async_trait;

use crate::engine::Engine;

use super::answering::{self, Progress};
use super::commands::{self, Request};
use super::config::Token;
use super::cooldown::{self, Cooldown, Verdict};
use super::interaction::{self, Answering, RESPONSE_WINDOW};
use super::mention;
use super::reply::Reply;
use super::rest::{Call, Policy, Rest};
use super::send;

/// How long the reply to a mention keeps being retried: a channel has no token that expires,
/// but an answer minutes late reads as out of place.
const MENTION_DEADLINE: Duration = Duration::from_secs(5 * 60);

/// The only gateway events the bot needs; see the module docs for why this is enough.
pub const INTENTS: GatewayIntents = GatewayIntents::GUILD_MESSAGES.union(GatewayIntents::DIRECT_MESSAGES);

/// How to reach Discord and what to run.
#[derive(Debug, Clone)]
pub struct Settings {
    pub token: Token,
    /// Register commands in this guild (instant) instead of globally (up to an hour).
    pub guild_id: Option<u64>,
    /// REST proxy base URL; switches serenity's own ratelimiter off, since the proxy limits.
    pub proxy: Option<String>,
    pub cooldown: std::time::Duration,
    /// How long to wait for an answer before deferring; normally [`answering::DEFER_AFTER`].
    pub defer_after: std::time::Duration,
    /// Shards this process runs (inclusive) out of how many; `None` runs the single shard 0/1.
    pub shards: Option<Shards>,
    /// How replies that meet a `429` or a `5xx` are retried.
    pub retry: Policy,
}

/// A slice of the bot's shards, so several processes can split a large bot's guilds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shards {
    pub range: RangeInclusive<u32>,
    pub total: u32,
}

/// Runs the bot until the gateway fails or `shutdown` completes.
pub async fn run(
    settings: Settings,
    engine: Arc<Engine>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let rest = Rest::new(settings.retry.clone())?;
    let http = rest.http(settings.token.expose(), settings.proxy.as_deref());
    let handler = Handler {
        engine,
        cooldown: Cooldown::new(settings.cooldown),
        defer_after: settings.defer_after,
        guild_id: settings.guild_id.map(GuildId::new),
        me: OnceLock::new(),
        rest,
    };
    let mut client: Client = ClientBuilder::new_with_http(http, INTENTS)
        .event_handler(handler)
        .activity(ActivityData::listening("/ask"))
        .await
        .map_err(|error| anyhow::anyhow!("could not set up the Discord client: {error}"))?;

    let shard_manager = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down the gateway connection");
        shard_manager.shutdown_all().await;
    });

    let started = match &settings.shards {
        Some(shards) => {
            let (first, last) = (*shards.range.start(), *shards.range.end());
            // serenity reads the range's end as the last shard to start ("up to and including"),
            // so an inclusive range maps onto `first..last`.
            client.start_shard_range(first..last, shards.total).await
        }
        None => client.start().await,
    };
    started.map_err(|error| anyhow::anyhow!("the Discord gateway connection failed: {error}"))
}

/// serenity's event handler: the bridge from gateway events to engine requests.
struct Handler {
    engine: Arc<Engine>,
    cooldown: Cooldown,
    defer_after: std::time::Duration,
    guild_id: Option<GuildId>,
    /// The bot's own user, known from READY: needed to recognise mentions of it.
    me: OnceLock<UserId>,
    rest: Rest,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        let _ = self.me.set(ready.user.id);
        let shard = ready.shard.map_or(0, |info| info.id.0);
        tracing::info!(user = %ready.user.name, shard, "connected to Discord");
        // Every shard gets READY; registering once (from shard 0) is enough and spares the
        // command endpoints' tight rate limit.
        if shard == 0 {
            self.register(&ctx).await;
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        match interaction {
            Interaction::Command(command) => self.command(&ctx, command).await,
            Interaction::Autocomplete(autocomplete) => {
                let received = Instant::now();
                let typed = autocomplete.data.autocomplete().map(|option| option.value.to_string()).unwrap_or_default();
                let engine = Arc::clone(&self.engine);
                let choices = tokio::task::spawn_blocking(move || commands::exchange_choices(&engine, &typed))
                    .await
                    .unwrap_or_default();
                let call = Call::callback(autocomplete.id, &autocomplete.token, &send::choices(choices));
                if let Err(error) = self.rest.send(&ctx.http, &call, received + RESPONSE_WINDOW).await {
                    tracing::warn!(%error, "could not send autocomplete choices");
                }
            }
            _ => {}
        }
    }

    async fn message(&self, ctx: Context, message: DiscordMessage) {
        if message.author.bot {
            return; // other bots, and this one: never answer a bot, never loop
        }
        let Some(me) = self.me.get().copied() else {
            return;
        };
        let mentioned = message.mentions.iter().any(|user| user.id == me);
        let direct = message.guild_id.is_none();
        let Some(question) = mention::question(&message.content, me.get(), mentioned, direct) else {
            return;
        };
        let deadline = Instant::now() + MENTION_DEADLINE;
        let reply = match self.cooldown.check(message.author.id.get(), std::time::Instant::now()) {
            Verdict::Go => answering::run(Arc::clone(&self.engine), Request::Ask { question }).await,
            Verdict::Wait { remaining, notify } => {
                if !notify {
                    return;
                }
                Reply::notice(&cooldown::notice(remaining))
            }
        };
        for (index, part) in reply.messages.iter().enumerate() {
            let reply_to = (index == 0).then(|| (&message).into());
            let call = Call::channel_message(message.channel_id, &send::channel_message(part, reply_to));
            if let Err(error) = self.rest.send(&ctx.http, &call, deadline).await {
                tracing::warn!(%error, channel = %message.channel_id, "could not reply to a mention");
                return;
            }
        }
    }
}

impl Handler {
    async fn register(&self, ctx: &Context) {
        let registered = interaction::register(&ctx.http, self.guild_id).await;
        match registered {
            Ok(commands) => tracing::info!(
                count = commands.len(),
                guild = ?self.guild_id.map(GuildId::get),
                "registered slash commands"
            ),
            Err(error) => tracing::error!(%error, "could not register the slash commands"),
        }
    }

    async fn command(&self, ctx: &Context, command: CommandInteraction) {
        let answering = Answering { http: &ctx.http, rest: &self.rest, command: &command, received: Instant::now() };
        let request = match Request::parse(&command.data) {
            Ok(request) => request,
            Err(unusable) => return answering.respond(Reply::notice(&unusable.0)).await,
        };
        // A slash command must get a response, so a cooldown hit always gets its (ephemeral,
        // hence harmless) notice.
        if let Verdict::Wait { remaining, .. } = self.cooldown.check(command.user.id.get(), std::time::Instant::now()) {
            return answering.respond(Reply::notice(&cooldown::notice(remaining))).await;
        }
        match answering::within(Arc::clone(&self.engine), request, self.defer_after).await {
            Progress::Ready(reply) => answering.respond(reply).await,
            Progress::Pending(task) => {
                if !answering.defer().await {
                    return;
                }
                let reply = answering::finish(task).await;
                answering.complete_deferred(reply).await;
            }
        }
    }
}
