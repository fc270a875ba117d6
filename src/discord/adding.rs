//! `/ingest url:`: a moderator hands the bot a link; the reply says what it added, or why not.
//!
//! The work is `crate::ingest::link` (fetch, read, check, write the article file); the running
//! bot sees the new file through live reload (`crate::reload`), like any other. This module
//! only waits a little for that reload, to say how many articles the bot now answers from, and
//! words the outcome. It runs on the blocking pool, as every request does (`answering`).

use std::time::{Duration, Instant};

use crate::answer::Summary;
use crate::ingest::{self, Added, Link, NotAdded};
use crate::lang::Lang;
use crate::lang::dates::day_label;
use crate::render::messages;

use super::answering::Shared;
use super::card;
use super::reply::Reply;

/// How long to wait for the reload to pick up a new article before saying it will shortly:
/// the watcher's debounce and a rebuild take about two seconds on the shipped corpus.
pub const RELOAD_WAIT: Duration = Duration::from_secs(8);
/// How often to look for the new engine meanwhile.
const LOOK_EVERY: Duration = Duration::from_millis(100);

/// Said to a member without the Manage Server permission (Discord hides the command from them,
/// but a server can grant it to anyone; the bot checks again).
pub const NOT_ALLOWED: &str = "Only members with the Manage Server permission can add articles.";
/// Said when the bot was started without a data directory to write to.
pub const NOT_SET_UP: &str = "Adding articles is not set up on this bot.";

/// Ingests `url` into the data directory `shared` names, waits up to `wait` for the reload,
/// and words the outcome in `lang`. Blocking.
pub fn ingest(shared: &Shared, url: &str, lang: Lang, wait: Duration) -> Reply {
    let Some(options) = &shared.ingest else {
        return Reply::notice(messages::phrase(lang, NOT_SET_UP));
    };
    let text = match ingest::link(url, options) {
        Ok(Link::Added(added)) => added_text(shared, &added, wait),
        Ok(Link::NotAdded(why)) => not_added_text(&why),
        Err(error) => {
            tracing::error!(%error, %url, "/ingest could not run");
            format!("Not added: {error}.")
        }
    };
    Reply::notice(&messages::localize(&text, lang))
}

/// "Added: Kyiv Independent, 24 August 2025 — 146 to each side; United Arab Emirates. Now
/// answering from 33 articles."
fn added_text(shared: &Shared, added: &[Added], wait: Duration) -> String {
    let deadline = Instant::now() + wait;
    let engine = loop {
        let engine = shared.engine();
        if added.iter().all(|a| engine.holds_article(&a.id)) {
            break Some(engine);
        }
        if Instant::now() >= deadline {
            break None;
        }
        std::thread::sleep(LOOK_EVERY);
    };
    let lines: Vec<String> = added
        .iter()
        .map(|a| {
            let exchange = engine.as_ref().and_then(|e| e.summaries_from(&a.id).into_iter().next());
            let figures = exchange.as_ref().map(figures).filter(|f| !f.is_empty());
            match figures {
                Some(figures) => format!("Added: {}, {} — {figures}", a.outlet, day_label(a.published)),
                None => format!("Added: {}, {}", a.outlet, day_label(a.published)),
            }
        })
        .collect();
    let after = match &engine {
        Some(engine) => format!("Now answering from {} articles.", engine.article_count()),
        None => "I will be answering from it shortly.".to_string(),
    };
    format!("{}. {after}", lines.join(".\n"))
}

/// "146 to each side; United Arab Emirates", "to Ukraine: 146, incl. 8 civilians; to Russia: 146".
fn figures(s: &Summary) -> String {
    let one = |r: &crate::answer::summary::Returned| match r.prisoners.as_slice() {
        [] if r.civilians.is_empty() => None,
        _ => Some(card::side(r)),
    };
    let mut parts = match (one(&s.to_ukraine), one(&s.to_russia)) {
        (Some(u), Some(r)) if u == r => vec![format!("{u} to each side")],
        (u, r) => {
            u.map(|u| format!("to Ukraine: {u}")).into_iter().chain(r.map(|r| format!("to Russia: {r}"))).collect()
        }
    };
    if !s.mediators.is_empty() {
        parts.push(s.mediators.join(", "));
    }
    parts.join("; ")
}

fn not_added_text(why: &NotAdded) -> String {
    match why {
        NotAdded::NotAboutExchanges => "Not added: it is not about prisoner exchanges.".into(),
        NotAdded::Duplicate(what) => format!("Not added: duplicate of an article I have ({what})."),
        NotAdded::FetchFailed(error) => format!("Not added: fetch failed: {error}."),
        NotAdded::Other(why) => format!("Not added: {why}."),
    }
}
