//! The Discord layer: interactions and messages in, engine calls, Discord messages out.
//!
//! It is thin on purpose and knows the engine only through `Engine` and `Answer`; how answers
//! are found (Tantivy, facts) is none of its business.
//!
//! # Layout
//! - `config`: settings from the environment and an optional TOML file.
//! - `commands`: the slash commands' definitions and the [`commands::Request`] each one makes.
//! - `mention`: the question inside a message that mentions the bot.
//! - `text`: measuring, trimming and splitting text to Discord's limits.
//! - `reply`: an `Answer` as a [`reply::Reply`]: embeds and messages that fit those limits.
//! - `send`: a `Reply` as serenity builders, every one with `allowed_mentions` empty.
//! - `answering`: engine calls on the blocking pool, within Discord's 3-second window.
//! - `interaction`: delivering a reply to an interaction over REST (response, follow-ups),
//!   within the interaction's deadlines.
//! - `rest`: one request to Discord's REST API, retried on `429` (after `retry-after`) and `5xx`.
//! - `cooldown`: per-user rate limiting of questions.
//! - `gateway`: `powbot serve`, the serenity client and event handler.
//! - `interactions_http`: `powbot serve-http`, the signed HTTP interactions endpoint.
//! - `replay`: refusing stale timestamps and interaction ids seen before, for `serve-http`.
//! - `connections`: `serve-http`'s timeouts and caps on connections and requests.
//! - `cli`: the two subcommands' arguments and how they start.

pub mod answering;
pub mod cli;
pub mod commands;
pub mod config;
pub mod connections;
pub mod cooldown;
pub mod gateway;
pub mod interaction;
pub mod interactions_http;
pub mod mention;
pub mod replay;
pub mod reply;
pub mod rest;
pub mod send;
