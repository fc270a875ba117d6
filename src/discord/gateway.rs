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

use serenity::all::{
    ActionRowComponent, ActivityData, Client, ClientBuilder, Context, EventHandler, GatewayIntents, GuildId, Http,
    Interaction, Message as DiscordMessage, Ready, UserId,
};
use serenity::async_trait;

use super::answering::Shared;
use super::channel::ChannelDoor;
use super::config::Token;
use super::cooldown::Rate;
use super::dispatch::{Dispatcher, Mention};
use super::interaction::{self, InteractionDoor, Registration};
use super::mention;
use super::request::Asker;
use super::rest::{Policy, Rest};
use super::ticket::{self, Reference};

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
    /// How many questions a user may ask, how fast.
    pub cooldown: Rate,
    /// How long to wait for an answer before deferring; normally `answering::DEFER_AFTER`.
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
    shared: Arc<Shared>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let (rest, http) = Rest::connect(settings.token.expose(), settings.proxy.as_deref(), settings.retry.clone())?;
    let handler = Handler {
        dispatcher: Dispatcher::new(shared, settings.cooldown, settings.defer_after),
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

/// serenity's event handler: gateway events in Discord's wire format to the dispatcher.
struct Handler {
    dispatcher: Dispatcher,
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
        // Every shard gets READY, again on each reconnect; registering from shard 0 is enough,
        // and `register` sends nothing when Discord already has these commands.
        if shard == 0 {
            self.register(&ctx.http).await;
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let door = InteractionDoor::over_rest(Arc::clone(&ctx.http), self.rest.clone(), &interaction);
        self.dispatcher.interaction(&interaction, &door).await;
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
        let mention = Mention {
            question,
            asker: Asker { user: message.author.id.get(), guild: message.guild_id.map(GuildId::get), locale: None },
            channel: message.channel_id.get(),
            replying_to: answer_replied_to(&message, me),
        };
        let door = ChannelDoor::new(
            Arc::clone(&ctx.http),
            self.rest.clone(),
            message.channel_id,
            message.guild_id,
            message.id,
        );
        self.dispatcher.message(mention, &door).await;
    }
}

/// The ticket on the bot's answer that `message` replies to: the answer's buttons carry it.
fn answer_replied_to(message: &DiscordMessage, me: UserId) -> Option<Reference> {
    let replied = message.referenced_message.as_deref().filter(|replied| replied.author.id == me)?;
    replied.components.iter().flat_map(|row| &row.components).find_map(|component| match component {
        ActionRowComponent::Button(button) => match &button.data {
            serenity::all::ButtonKind::NonLink { custom_id, .. } => {
                ticket::parse_custom_id(custom_id).map(|(_, reference)| reference)
            }
            _ => None,
        },
        _ => None,
    })
}

impl Handler {
    async fn register(&self, http: &Http) {
        let guild = self.guild_id.map(GuildId::get);
        match interaction::register(http, self.guild_id).await {
            Ok(Registration::Registered(count)) => tracing::info!(count, ?guild, "registered slash commands"),
            Ok(Registration::Unchanged(count)) => {
                tracing::info!(count, ?guild, "slash commands already registered, unchanged")
            }
            Err(error) => tracing::error!(%error, "could not register the slash commands"),
        }
    }
}
