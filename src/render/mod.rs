//! Showing an `Answer`: plain Markdown (what Discord would show) or JSON,
//! the same Markdown for a terminal (`terminal`), the exchanges over time as
//! a picture (`timeline`), and the text rules every front end shares (`text`:
//! measuring, trimming and splitting to Discord's limits).

pub mod messages;
pub mod terminal;
pub mod text;
pub mod timeline;

use crate::answer::Answer;

/// Discord's message content limit; plain replies keep to it too.
pub const MESSAGE_LIMIT: usize = 2000;

/// The reply as a Discord message: the text, then numbered sources.
pub fn plain(answer: &Answer) -> String {
    let mut sources = String::new();
    if !answer.sources.is_empty() {
        sources.push_str(&format!("\n\n**{}**", messages::phrase(answer.lang, "Sources")));
        for (i, s) in answer.sources.iter().take(3).enumerate() {
            let link = if s.url.is_empty() { String::new() } else { format!(" <{}>", s.url) };
            sources.push_str(&format!("\n{}. {}, {}{link}", i + 1, s.outlet, s.published));
        }
    }
    // A long answer is shortened, never its sources.
    let room = MESSAGE_LIMIT.saturating_sub(text::measure(&sources));
    let body = text::fit(&answer.text, room);
    text::fit(&format!("{body}{sources}"), MESSAGE_LIMIT)
}

pub fn json(answer: &Answer) -> String {
    serde_json::to_string_pretty(answer).unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise answer: {e}\"}}"))
}
