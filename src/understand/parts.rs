//! Two questions in one: "How many did Kyiv say returned on 19 March and how
//! many did Moscow say?", "how many came home on 5 March 2026 and who
//! brokered it?". Each part is read on its own; a part that names no
//! exchange is about the other part's (see `Selectors::names_exchange`).
//!
//! The cut is made after a question mark with more text after it, and where
//! a conjunction is followed by a word that opens a question of its own, so "how many Ukrainians and Russians were freed"
//! and "on 5 and 6 March" stay whole.

/// How a second question opens after "and" or a semicolon, each with an example.
const OPENERS: &[&[&str]] = &[
    // "… and how many of them were officers?"
    &["how", "many"],
    // "… and how much did each side get?"
    &["how", "much"],
    // "… and through how many swaps?"
    &["through", "how", "many"],
    &["in", "how", "many"],
    &["across", "how", "many"],
    &["over", "how", "many"],
    // "… and who brokered it?"
    &["who"],
    // "… and when did it happen?"
    &["when"],
    // "… and where were they taken?"
    &["where"],
    // "… and which country mediated?"
    &["which", "country"],
    &["which", "mediator"],
    // "…; what did Moscow say?"
    &["what", "did"],
    &["what", "was"],
];

/// A second question that only asks the first's count: "Were there women among them? How many?".
const BARE_COUNTS: &[&str] = &["how many", "if so, how many", "if so how many", "how many exactly", "and how many"];

/// The question's parts, verbatim and in order: one part when it asks one thing.
pub fn parts(text: &str) -> Vec<&str> {
    let words = word_starts(text);
    let opens_at = |i: usize| {
        OPENERS.iter().any(|o| {
            o.iter().enumerate().all(|(k, w)| words.get(i + k).is_some_and(|(_, x)| x.eq_ignore_ascii_case(w)))
        })
    };
    for (i, &(at, word)) in words.iter().enumerate().skip(1) {
        // "how many pows did each side release on 2 oct 2025? any civilians?": two questions.
        if word.ends_with('?') && i + 1 < words.len() {
            let first = text[..at + word.len()].trim();
            let second = text[at + word.len()..].trim();
            // "Were there women among them? How many?": one question, its count asked again.
            if BARE_COUNTS.iter().any(|b| second.trim_end_matches('?').eq_ignore_ascii_case(b)) {
                return vec![text];
            }
            return vec![first, second];
        }
        // "… 2025 and how many …" cuts before "and"; "… 6 May; what …" after the semicolon.
        let (end, rest) = if word.eq_ignore_ascii_case("and") {
            (at, at + word.len())
        } else if word.ends_with(';') {
            (at + word.len(), at + word.len())
        } else {
            continue;
        };
        if !opens_at(i + 1) {
            continue;
        }
        let first = text[..end].trim().trim_end_matches([',', ';']).trim_end();
        let second = text[rest..].trim();
        if !first.is_empty() && !second.is_empty() {
            return vec![first, second];
        }
    }
    vec![text]
}

/// Each whitespace-separated word with its byte offset.
fn word_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, ch) in text.char_indices() {
        match (ch.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..k]));
                start = None;
            }
            (false, None) => start = Some(k),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parts;

    #[test]
    fn two_questions_in_one_and_one_that_is_one() {
        let cases: &[(&str, &[&str])] = &[
            (
                "How many did Kyiv say returned on 19 March 2025 and how many did Moscow say?",
                &["How many did Kyiv say returned on 19 March 2025", "how many did Moscow say?"],
            ),
            (
                "how many came home on 5 march 2026, and who brokered it?",
                &["how many came home on 5 march 2026", "who brokered it?"],
            ),
            (
                "How many were freed on 6 May; what did Moscow say?",
                &["How many were freed on 6 May", "what did Moscow say?"],
            ),
            (
                "How many Ukrainians and Russians were freed on 6 May?",
                &["How many Ukrainians and Russians were freed on 6 May?"],
            ),
            ("How many were exchanged on 5 and 6 March?", &["How many were exchanged on 5 and 6 March?"]),
            ("Who mediated, and how?", &["Who mediated, and how?"]),
            (
                "by june 2024 how many had come back, and across how many exchanges?",
                &["by june 2024 how many had come back", "across how many exchanges?"],
            ),
            (
                "how many pows did each side release on 2 oct 2025? any civilians?",
                &["how many pows did each side release on 2 oct 2025?", "any civilians?"],
            ),
            (
                "Were there women among those freed on 3 January? If so, how many?",
                &["Were there women among those freed on 3 January? If so, how many?"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parts(text), *want, "{text}");
        }
    }
}
