//! The Discord layer: interactions and messages in, engine calls, Discord messages out.
//!
//! It is thin on purpose and knows the engine only through `Engine`, `Answer` and the
//! `Summary` of an exchange; how answers are found (Tantivy, facts) is none of its business.
//!
//! # Layout
//! - `config`: settings from the environment and an optional TOML file.
//! - `limits`: Discord's documented limits, defined once.
//! - `commands`: the slash commands' definitions, and reading one into a `Request`.
//! - `request`: every `Request` (commands, mentions, buttons, forms, autocomplete): reading
//!   an interaction into one, and running it.
//! - `dispatch`: the one dispatcher, parse → limit → defer → answer → reply, and the `Door`
//!   a response goes out through.
//! - `mention`: the question inside a message that mentions the bot.
//! - `ticket`: what rebuilds an answer, carried in its buttons' ids.
//! - `reply`: the shapes of a reply (embeds, buttons, files, forms) within the limits.
//! - `card`: an `Answer` as a compact card, and the list of every sentence behind it.
//! - `timeline`: `/timeline`'s picture and text.
//! - `send`: replies as serenity builders, every one with `allowed_mentions` empty.
//! - `adding`: `/ingest`: a link into the corpus through `crate::ingest`, and the reply.
//! - `answering`: requests on the blocking pool, with the engine and the store (`Shared`).
//! - `store`: SQLite beside the index: votes, long tickets, the bot's threads.
//! - `interaction`: command registration, and the door of an interaction (response,
//!   deferral, follow-ups) within its deadlines.
//! - `channel`: the door of a message: a reply, or a new thread for follow-ups.
//! - `rest`: one request to Discord's REST API, retried on `429` (after `retry-after`) and `5xx`.
//! - `cooldown`: a per-user token bucket.
//! - `gateway`: `powbot serve`, the serenity client and event handler.
//! - `interactions_http`: `powbot serve-http`, the signed HTTP interactions endpoint.
//! - `replay`: refusing stale timestamps and interaction ids seen before, for `serve-http`.
//! - `connections`: `serve-http`'s timeouts and caps on connections and requests.
//! - `cli`: the two subcommands' arguments and how they start.

pub mod adding;
pub mod answering;
pub mod card;
pub mod channel;
pub mod cli;
pub mod commands;
pub mod config;
pub mod connections;
pub mod cooldown;
pub mod dispatch;
pub mod gateway;
pub mod interaction;
pub mod interactions_http;
pub mod limits;
pub mod mention;
pub mod replay;
pub mod reply;
pub mod request;
pub mod rest;
pub mod send;
pub mod store;
pub mod ticket;
pub mod timeline;
