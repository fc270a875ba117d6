//! The `serve` and `serve-http` subcommands: arguments, start-up and shutdown.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;

use crate::engine::{Engine, EngineConfig};
use crate::reload::{self, Live};

use super::answering::{self, Shared};
use super::config::Config;
use super::connections::Limits;
use super::gateway::{self, Shards};
use super::interactions_http::{self, Endpoint};
use super::rest::Policy;

/// `powbot serve`: answer slash commands and mentions over the gateway.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// A TOML file with settings; environment variables override it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Run only these shards, e.g. `0-3` (inclusive), to split a large bot over processes.
    #[arg(long, value_name = "FIRST-LAST", requires = "shard_total", value_parser = parse_shard_range)]
    pub shards: Option<(u32, u32)>,
    /// How many shards the whole bot has (with --shards).
    #[arg(long, value_name = "N", requires = "shards")]
    pub shard_total: Option<u32>,
    #[command(flatten)]
    pub reload: ReloadArgs,
}

/// Live reload, for both front ends: new articles are answered without a restart.
#[derive(Debug, Clone, clap::Args)]
pub struct ReloadArgs {
    /// Do not watch the data directory (a changed article is then read at the next start).
    #[arg(long)]
    pub no_watch: bool,
    /// Ingest the feeds of --feeds this often (e.g. 30m, 2h); new articles are answered at once.
    #[arg(long, value_name = "PERIOD", env = "POWBOT_INGEST_EVERY", value_parser = reload::parse_every, requires = "feeds")]
    pub ingest_every: Option<std::time::Duration>,
    /// The feeds.toml polled with --ingest-every.
    #[arg(long, value_name = "FILE", env = "POWBOT_FEEDS")]
    pub feeds: Option<PathBuf>,
}

/// `powbot serve-http`: answer slash commands through the Interactions Endpoint URL.
#[derive(Debug, clap::Args)]
pub struct ServeHttpArgs {
    /// A TOML file with settings; environment variables override it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Address to listen on; put a TLS-terminating proxy in front, Discord only calls https.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    #[command(flatten)]
    pub reload: ReloadArgs,
}

/// Runs `powbot serve`.
pub async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let config = Config::load(args.config.as_deref())?;
    let token = config.require_token()?.clone();
    let shards = match (args.shards, args.shard_total) {
        (Some((first, last)), Some(total)) => {
            anyhow::ensure!(
                first <= last && last < total,
                "--shards {first}-{last} does not fit in --shard-total {total}"
            );
            Some(Shards { range: first..=last, total })
        }
        _ => None,
    };
    let shared = open(&config, &args.reload).await?;
    let settings = gateway::Settings {
        token,
        guild_id: config.guild_id,
        proxy: config.proxy.clone(),
        cooldown: config.cooldown,
        defer_after: answering::DEFER_AFTER,
        shards,
        retry: Policy::default(),
    };
    gateway::run(settings, shared, shutdown_signal()).await
}

/// Runs `powbot serve-http`.
pub async fn serve_http(args: ServeHttpArgs) -> anyhow::Result<()> {
    let config = Config::load(args.config.as_deref())?;
    let settings = interactions_http::Settings {
        public_key: config.require_public_key()?.to_string(),
        token: config.token.clone(),
        proxy: config.proxy.clone(),
        cooldown: config.cooldown,
        defer_after: answering::DEFER_AFTER,
        limits: Limits::default(),
        retry: Policy::default(),
    };
    let shared = open(&config, &args.reload).await?;
    let endpoint = Arc::new(Endpoint::new(&settings, shared)?);
    if settings.token.is_some() {
        let registration = endpoint.register_commands(config.guild_id).await?;
        tracing::info!(?registration, guild = ?config.guild_id, "slash commands");
    } else {
        tracing::warn!(
            "DISCORD_TOKEN is not set: the slash commands are not registered (and long answers \
             lose their follow-up messages); set it, or run `powbot serve` once to register them"
        );
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("could not listen on {}", args.listen))?;
    tracing::info!(
        address = %args.listen,
        path = interactions_http::PATH,
        "serving the interactions endpoint"
    );
    interactions_http::serve(listener, endpoint, shutdown_signal()).await.context("the interactions endpoint failed")
}

/// Opens (or builds) the index and the store off the async executor: it is disk- and CPU-bound;
/// then starts live reload (`crate::reload`) in the background.
async fn open(config: &Config, reload_args: &ReloadArgs) -> anyhow::Result<Arc<Shared>> {
    let feeds = match (&reload_args.feeds, reload_args.ingest_every) {
        (Some(file), Some(every)) => {
            // A feeds file that cannot be used is said at start, not half an hour later.
            crate::ingest::load_feeds(file)?;
            Some(reload::Feeds { file: file.clone(), every, fetch: Default::default() })
        }
        _ => None,
    };
    let engine_config =
        EngineConfig { data_dir: config.data_dir.clone(), index_dir: config.index_dir.clone(), today: None };
    let engine = tokio::task::spawn_blocking(move || Engine::open(&engine_config))
        .await
        .context("opening the engine panicked")?
        .with_context(|| {
            format!(
                "could not open the engine (data {}, index {})",
                config.data_dir.display(),
                config.index_dir.display()
            )
        })?;
    // Nothing here stops the bot; the operator reads about it in the log.
    for skipped in engine.skipped() {
        tracing::warn!("skipped {skipped}");
    }
    for refused in engine.refused() {
        tracing::warn!("{refused}");
    }
    let live = Live::from(engine);
    let index_dir = config.index_dir.clone();
    let engine = live.clone();
    // `/ingest` writes where the engine reads, and the reload below picks the article up.
    let ingest =
        crate::ingest::Options { data_dir: config.data_dir.clone(), dry_run: false, fetch: Default::default() };
    let shared = tokio::task::spawn_blocking(move || Shared::new(engine, &index_dir).with_ingest(ingest))
        .await
        .context("opening the store panicked")?;
    let settings = reload::Settings {
        engine: EngineConfig { data_dir: config.data_dir.clone(), index_dir: config.index_dir.clone(), today: None },
        watch: !reload_args.no_watch,
        debounce: std::time::Duration::from_secs(2),
        feeds,
    };
    // Runs as long as the runtime: the bot stops by ending the runtime.
    tokio::spawn(reload::run(live, settings, None));
    Ok(Arc::new(shared))
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM (what `docker stop` and systemd send).
pub async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "could not listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "could not listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutdown requested");
}

fn parse_shard_range(text: &str) -> Result<(u32, u32), String> {
    let parse = |part: &str| part.trim().parse::<u32>().map_err(|_| format!("{text:?} is not a shard range like 0-3"));
    match text.split_once('-') {
        Some((first, last)) => Ok((parse(first)?, parse(last)?)),
        None => {
            let only = parse(text)?;
            Ok((only, only))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_shard_range;

    #[test]
    fn shard_ranges() {
        assert_eq!(parse_shard_range("0-3"), Ok((0, 3)));
        assert_eq!(parse_shard_range("2"), Ok((2, 2)));
        assert!(parse_shard_range("a-b").is_err());
        assert!(parse_shard_range("-1").is_err());
    }
}
