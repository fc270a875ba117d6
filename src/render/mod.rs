//! Showing an `Answer` outside Discord: plain Markdown (what Discord would
//! show) or JSON.

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
    fit(&out, MESSAGE_LIMIT)
}

pub fn json(answer: &Answer) -> String {
    serde_json::to_string_pretty(answer).unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise answer: {e}\"}}"))
}

/// Text shortened to at most `limit` characters at a line or sentence end,
/// never inside a word, marked with "…" when cut.
pub fn fit(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let budget = limit.saturating_sub(1);
    let cut: String = text.chars().take(budget).collect();
    let at = cut
        .rfind('\n')
        .filter(|&i| i > budget / 2)
        .or_else(|| cut.rfind(". ").map(|i| i + 1).filter(|&i| i > budget / 2))
        .or_else(|| cut.rfind(' '))
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_at_boundaries() {
        assert_eq!(fit("short", 10), "short");
        let long = "First sentence here. Second sentence is longer than the rest.";
        let got = fit(long, 30);
        assert!(got.chars().count() <= 30, "{got}");
        assert_eq!(got, "First sentence here.…");
        let words = "alpha beta gamma delta epsilon";
        let got = fit(words, 14);
        assert_eq!(got, "alpha beta…");
    }
}
