//! Replies in the question's language: one message catalogue per language
//! (`uk.rs`, `ru.rs`; English is the source language and needs none).
//!
//! The composers of `answer` write English, and the catalogue is keyed by
//! that English (the gettext convention: the source text is the message
//! id). `localize` turns a reply into Ukrainian or Russian in four steps,
//! each driven by the catalogue's tables:
//!
//! 1. quoted text — “…” and `> ` lines — is left exactly as the article
//!    wrote it (the catalogue's own heading for quotes says they are in the
//!    original language), and so are links and the outlets quoted ("— *Outlet*");
//! 2. dates become the local form ("19 March 2025" → "19 березня 2025",
//!    "March 2025" → "березень 2025");
//! 3. a number before a counted noun takes the noun's plural form ("5
//!    exchanges" → "5 обмінів", see `plural`);
//! 4. the fixed phrases, longest first, whole words only.
//!
//! Names of outlets and people pass through unchanged; numbers keep their
//! digits (thousands set off by a no-break space, as both languages write
//! them). An English reply is never touched, so English replies stay
//! byte for byte what the composers wrote. A phrase missing from a
//! catalogue stays English, which `tests` guard against for the reply
//! shapes the evals ask for.

mod ru;
mod uk;

use crate::lang::Lang;
use crate::lang::dates::MONTHS;

/// One language's reply vocabulary.
#[derive(Debug)]
pub struct Catalogue {
    /// Month names as a date writes them: "19 березня 2025".
    pub months_genitive: [&'static str; 12],
    /// Month names standing alone: "березень 2025".
    pub months: [&'static str; 12],
    /// "from 24 February 2022 to 19 March 2025": the words around a range of dates.
    pub range: (&'static str, &'static str),
    /// "and 2 more" (speakers not listed) → "і ще 2": the words before the number.
    pub and_more: &'static str,
    /// What follows the digits of an ordinal ("the 56th" → "56-м").
    pub ordinal: &'static str,
    /// English nouns that follow a count, with their forms for one, a few (2–4) and many.
    pub counted: &'static [(&'static str, [&'static str; 3])],
    /// English phrases of replies and their translations.
    pub phrases: &'static [(&'static str, &'static str)],
    /// `/help`, and the reply to an empty question.
    pub help: &'static str,
    /// Slash commands and their options as Discord shows them in this language:
    /// (`command` or `command.option`, localized name, localized description).
    pub commands: &'static [(&'static str, &'static str, &'static str)],
}

pub fn catalogue(lang: Lang) -> Option<&'static Catalogue> {
    match lang {
        Lang::En => None,
        Lang::Uk => Some(&uk::CATALOGUE),
        Lang::Ru => Some(&ru::CATALOGUE),
    }
}

/// A fixed phrase in `lang` (for labels such as a card's "To Ukraine"); the
/// English when the catalogue lacks it.
pub fn phrase(lang: Lang, english: &'static str) -> &'static str {
    catalogue(lang).and_then(|c| c.phrases.iter().find(|(en, _)| *en == english).map(|(_, t)| *t)).unwrap_or(english)
}

/// Which plural form a count takes in Ukrainian and Russian (their rules
/// are the same): 0 for one (1, 21, 101 обмін), 1 for a few (2–4, 22–24
/// обміни), 2 for many (5–20, 25–30, 11–14 обмінів).
pub fn plural(n: u64) -> usize {
    let (last, last_two) = (n % 10, n % 100);
    if last == 1 && last_two != 11 {
        0
    } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
        1
    } else {
        2
    }
}

/// The reply `text` (written in English) in `lang`; see the module comment.
pub fn localize(text: &str, lang: Lang) -> String {
    let Some(c) = catalogue(lang) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len() * 2);
    for (quoted, piece) in segments(text) {
        if quoted {
            out.push_str(piece);
        } else {
            out.push_str(&translate(piece, c));
        }
    }
    out
}

/// The text cut into stretches that are quoted (true) or the reply's own (false).
fn segments(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let at_line_start = i == 0 || bytes[i - 1] == b'\n';
        let rest = &text[i..];
        let end = if at_line_start && rest.starts_with("> ") {
            Some(i + rest.find('\n').unwrap_or(rest.len()))
        } else if rest.starts_with('“') {
            rest.find('”').map(|e| i + e + '”'.len_utf8())
        } else if let Some(name) = rest.strip_prefix("— *") {
            // "— *Outlet*": a name, as the outlet writes it.
            name.find('*').map(|e| i + "— *".len() + e + 1)
        } else if rest.starts_with("http://") || rest.starts_with("https://") {
            Some(i + rest.find(|c: char| c.is_whitespace() || c == ')' || c == '>').unwrap_or(rest.len()))
        } else {
            None
        };
        match end {
            Some(end) => {
                if start < i {
                    out.push((false, &text[start..i]));
                }
                out.push((true, &text[i..end]));
                start = end;
                i = end;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    if start < text.len() {
        out.push((false, &text[start..]));
    }
    out
}

/// A token of the reply's own text: a run of letters, a number (digits with
/// thousands commas), or any other single character.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let word = |x: char| x.is_alphabetic() || x == '\'' || x == '’';
        if word(c) {
            while let Some(&(j, x)) = chars.peek() {
                if !word(x) {
                    break;
                }
                end = j + x.len_utf8();
                chars.next();
            }
        } else if c.is_ascii_digit() {
            while let Some(&(j, x)) = chars.peek() {
                let comma_group = x == ',' && text[j + 1..].chars().take(3).filter(char::is_ascii_digit).count() == 3;
                if !(x.is_ascii_digit() || comma_group) {
                    break;
                }
                end = j + x.len_utf8();
                chars.next();
            }
        }
        out.push(&text[start..end]);
    }
    out
}

fn value(token: &str) -> Option<u64> {
    token.starts_with(|c: char| c.is_ascii_digit()).then(|| token.replace(',', "").parse().ok()).flatten()
}

fn month(token: &str) -> Option<usize> {
    MONTHS.iter().position(|m| *m == token)
}

/// Steps 2 to 4 of `localize` on text with no quotes in it.
fn translate(text: &str, c: &Catalogue) -> String {
    let t = tokens(text);
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < t.len() {
        let tok = t[i];
        // "19 March 2025" (day, space, month).
        if let (Some(_), Some(" "), Some(m)) = (value(tok), t.get(i + 1).copied(), t.get(i + 2).and_then(|x| month(x)))
        {
            out.push_str(tok);
            out.push(' ');
            out.push_str(c.months_genitive[m]);
            i += 3;
            continue;
        }
        if let Some(m) = month(tok) {
            // "from July 2024" → "з липня 2024": after a range word the month is genitive.
            let ranged = [c.range.0, c.range.1].iter().any(|w| out.ends_with(&format!(" {w} ")));
            out.push_str(if ranged { c.months_genitive[m] } else { c.months[m] });
            i += 1;
            continue;
        }
        if let Some(n) = value(tok) {
            out.push_str(&local_number(tok));
            // "56th" → "56-м" (after "став", "стал").
            if t.get(i + 1).is_some_and(|x| ["st", "nd", "rd", "th"].contains(x)) {
                out.push_str(c.ordinal);
                i += 2;
                continue;
            }
            // "5 exchanges", "1 prisoner exchanges" → the noun's form for n.
            if t.get(i + 1) == Some(&" ") {
                let rest: String = t[i + 2..].concat();
                if let Some((en, forms)) =
                    c.counted.iter().filter(|(en, _)| starts_with_word(&rest, en)).max_by_key(|(en, _)| en.len())
                {
                    out.push(' ');
                    out.push_str(forms[plural(n)]);
                    let mut used = 0;
                    let mut k = i + 2;
                    while used < en.len() && k < t.len() {
                        used += t[k].len();
                        k += 1;
                    }
                    i = k;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        // "and 2 more" → "і ще 2".
        if let ("and", Some(" "), Some(n), Some(" "), Some("more")) =
            (tok, t.get(i + 1).copied(), t.get(i + 2).copied(), t.get(i + 3).copied(), t.get(i + 4).copied())
            && value(n).is_some()
        {
            out.push_str(&format!("{} {}", c.and_more, local_number(n)));
            i += 5;
            continue;
        }
        // "from 24 February 2022 to 19 March 2025".
        let number_at = |k: Option<usize>| k.and_then(|k| t.get(k)).and_then(|x| value(x)).is_some();
        let spaced = t.get(i + 1) == Some(&" ") && (i == 0 || t[i - 1] == " ");
        let month_at = |k: usize| t.get(k).is_some_and(|x| month(x).is_some());
        if tok == "from" && spaced && (number_at(Some(i + 2)) || month_at(i + 2)) {
            out.push_str(c.range.0);
        } else if tok == "to" && spaced && number_at(Some(i + 2)) && number_at(i.checked_sub(2)) {
            out.push_str(c.range.1);
        } else {
            out.push_str(tok);
        }
        i += 1;
    }
    phrases(&out, c)
}

fn local_number(token: &str) -> String {
    token.replace(',', "\u{a0}")
}

/// `text` starts with `word` as a whole word (a key ending in a space, "on ", takes the
/// space with it).
fn starts_with_word(text: &str, word: &str) -> bool {
    text.starts_with(word) && (word.ends_with(' ') || !text[word.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

/// Step 4: every catalogue phrase, longest first, replaced where it stands as whole words
/// (a key that starts with a letter never starts inside a word; ", to" may follow one).
fn phrases(text: &str, c: &Catalogue) -> String {
    let mut order: Vec<&(&str, &str)> = c.phrases.iter().collect();
    order.sort_by_key(|(en, _)| std::cmp::Reverse(en.len()));
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'scan: while i < text.len() {
        let rest = &text[i..];
        let in_word = text[..i].ends_with(|x: char| x.is_alphanumeric());
        for (en, local) in &order {
            let starts_word = en.starts_with(|x: char| x.is_alphanumeric());
            if !(starts_word && in_word) && starts_with_word(rest, en) {
                out.push_str(local);
                i += en.len();
                continue 'scan;
            }
        }
        let ch = rest.chars().next().map_or(1, char::len_utf8);
        out.push_str(&rest[..ch]);
        i += ch;
    }
    out
}

#[cfg(test)]
mod tests;
