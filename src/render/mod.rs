//! Showing an `Answer`: plain Markdown (what Discord would show) or JSON,
//! and the text rules every front end shares (`text`: measuring, trimming
//! and splitting to Discord's limits).

pub mod text;

use crate::answer::Answer;

/// Discord's message content limit; plain replies keep to it too.
pub const MESSAGE_LIMIT: usize = 2000;

/// The reply as a Discord message: the text, then numbered sources.
pub fn plain(answer: &Answer) -> String {
    let mut out = answer.text.clone();
    if !answer.sources.is_empty() {
        out.push_str("\n\n**Sources**");
        for (i, s) in answer.sources.iter().take(3).enumerate() {
            let link = if s.url.is_empty() { String::new() } else { format!(" <{}>", s.url) };
            out.push_str(&format!("\n{}. {}, {}{link}", i + 1, s.outlet, s.published));
        }
    }
    text::fit(&out, MESSAGE_LIMIT)
}

pub fn json(answer: &Answer) -> String {
    serde_json::to_string_pretty(answer).unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise answer: {e}\"}}"))
}
