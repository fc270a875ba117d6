//! powbot answers questions about the prisoner-of-war exchanges between
//! Russia and Ukraine from a corpus of news articles, citing its sources.
//!
//! # Layout
//!
//! Data flows one way; a module uses only those above it in this list.
//!
//! - `lang`: words, sentences, dates and the vocabulary tables every stage shares; which language
//!   a question is in, and the Ukrainian and Russian glossaries that read it as English words.
//! - `corpus`: loads `DATA/articles/*.md` (front matter, body, boilerplate removal).
//! - `index`: Tantivy full-text index over article sentences (a cache in `index/`).
//! - `facts`: the structured dataset of exchanges, figures and claims, with citations.
//! - `curated`: loads the hand corrections of `DATA/exchanges.toml` entry by entry, refusing
//!   those that cite what the corpus does not hold.
//! - `understand`: turns a question into a `Question` (intent, dates, sides, …).
//! - `answer`: turns a `Question` into an `Answer` using facts and search.
//! - `render`: shows an `Answer` as plain Markdown, terminal text or JSON, and exchanges over time
//!   as a picture (the Discord layer lays out its own cards); `messages` writes replies in
//!   Ukrainian and Russian.
//! - `engine`: wires the stages together; the one type front ends hold.
//! - `ingest`: new articles from links and feeds into `DATA/articles/` (`powbot ingest`).
//! - `reload`: a running bot's engine, swapped whole when the data directory changes (`Live`).
//! - `discord`: the Discord front ends (`serve`, `serve-http`); knows only `Engine`, `Answer` and
//!   an exchange's `Summary`.

pub mod answer;
pub mod bench;
pub mod corpus;
pub mod curated;
pub mod discord;
pub mod engine;
pub mod facts;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod reload;
pub mod render;
pub mod understand;

pub use engine::{Engine, EngineConfig, Error};
