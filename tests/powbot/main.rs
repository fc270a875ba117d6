//! Black-box tests of the engine and the `powbot` command over the shipped
//! corpus and over small corpora written for one test.

mod answers;
mod cache;
mod cli;
mod corpus;
mod curated;
mod facts;
mod followups;
mod index;
mod ingest;
mod properties;
mod reload;
mod soak;
mod support;
mod web;
