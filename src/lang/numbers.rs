//! Numbers written as words ("forty-five", "two hundred", "Fifty") and
//! ordinals ("third", "56th").
//!
//! News writes small counts in words and starts sentences with them, so a
//! count read only from digits misses real figures. Parsing the words is
//! left to `text2num`, a maintained crate; this module only finds where a
//! run of number words starts and ends in our tokens (which split hyphens)
//! and folds the run into one `Number` token that keeps its verbatim span.

use std::sync::OnceLock;

use text2num::{Language, text2digits};

use super::text::{Word, WordKind};

fn english() -> &'static Language {
    static EN: OnceLock<Language> = OnceLock::new();
    EN.get_or_init(Language::english)
}

/// Words that can be part of a cardinal number. "one" is left out on purpose:
/// it is far more often a pronoun ("each and every one", "the one before")
/// than a count, and "one civilian" is read by `ONE_BEFORE_NOUN` instead.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
];

fn is_number_word(norm: &str) -> bool {
    NUMBER_WORDS.contains(&norm)
}

/// Folds runs of number words into single `Number` tokens: "forty - five"
/// becomes one token "forty-five" worth 45, "two hundred and five" one worth
/// 205, "a hundred" one worth 100, "one" before a noun one worth 1. Spans
/// stay verbatim (they cover the whole run in the original text).
pub fn fold_words(text: &str, words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        // "sixty-seventh": one ordinal word (not 60 and a "seventh").
        if tens(&w.norm).is_some()
            && words.get(i + 1).is_some_and(|x| x.is("-"))
            && words.get(i + 2).and_then(|x| ordinal(&x.norm)).is_some_and(|u| u < 10)
        {
            let span = w.span.start..words[i + 2].span.end;
            out.push(Word { norm: text[span.clone()].to_lowercase(), span, ..w.clone() });
            i += 3;
            continue;
        }
        // "several hundred", "hundreds": no number; "a hundred", "two hundred": one.
        let scale = w.is("hundred") || w.is("thousand");
        let starts_run = w.kind == WordKind::Word
            && ((is_number_word(&w.norm) && !scale)
                || (w.is("a") || w.is("one")) && words.get(i + 1).is_some_and(|n| n.is("hundred") || n.is("thousand")));
        if !starts_run {
            if w.is("one") && words.get(i + 1).is_some_and(|n| super::lexicon::is_person_noun(&n.norm)) {
                out.push(Word { kind: WordKind::Number, value: Some(1), ..w.clone() });
            } else {
                out.push(w.clone());
            }
            i += 1;
            continue;
        }
        // Extend over number words joined by hyphens or "and".
        let mut end = i + 1;
        loop {
            let joiner = words.get(end).is_some_and(|x| x.is("-") || x.is("and"));
            // "forty-one": "one" is a number word only inside a compound.
            let hyphen_one =
                words.get(end).is_some_and(|x| x.is("-")) && words.get(end + 1).is_some_and(|x| x.is("one"));
            // "one hundred and one": "one" after a scale and "and" ends the number.
            let scale_and_one = words.get(end).is_some_and(|x| x.is("and"))
                && words.get(end - 1).is_some_and(|x| x.is("hundred") || x.is("thousand"))
                && words.get(end + 1).is_some_and(|x| x.is("one"));
            // "three thousand one hundred and thirty-five": "one" opens the hundreds.
            let scale_one = words.get(end).is_some_and(|x| x.is("one"))
                && words.get(end - 1).is_some_and(|x| x.is("thousand"))
                && words.get(end + 1).is_some_and(|x| x.is("hundred"));
            if joiner && words.get(end + 1).is_some_and(|x| is_number_word(&x.norm)) || hyphen_one || scale_and_one {
                end += 2;
            } else if scale_one || words.get(end).is_some_and(|x| is_number_word(&x.norm)) {
                end += 1;
            } else {
                break;
            }
        }
        // The longest prefix of the run that text2num reads as one number.
        let parsed = (i + 1..=end).rev().find_map(|e| {
            let phrase = phrase_of(&words[i..e]);
            let digits = text2digits(&phrase, english()).ok()?;
            digits.parse::<u64>().ok().map(|v| (e, v))
        });
        match parsed {
            Some((e, value)) => {
                let span = words[i].span.start..words[e - 1].span.end;
                out.push(Word {
                    norm: text[span.clone()].to_lowercase(),
                    span,
                    kind: WordKind::Number,
                    capitalized: words[i].capitalized,
                    value: Some(value),
                });
                i = e;
            }
            None => {
                out.push(w.clone());
                i += 1;
            }
        }
    }
    out
}

/// "forty - five" → "forty-five": text2num reads hyphenated compounds as one word.
fn phrase_of(words: &[Word]) -> String {
    let mut s = String::new();
    for w in words {
        if w.is("-") {
            s.push('-');
        } else {
            if !s.is_empty() && !s.ends_with('-') {
                s.push(' ');
            }
            s.push_str(if w.is("a") { "one" } else { &w.norm });
        }
    }
    s
}

/// "twenty" → 20 … "ninety" → 90.
fn tens(norm: &str) -> Option<u32> {
    const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    TENS.iter().position(|t| *t == norm).map(|k| 20 + 10 * k as u32)
}

/// Ordinals in words and digits: "first" → 1, "ninth" → 9, "56th" → 56.
pub fn ordinal(norm: &str) -> Option<u32> {
    const WORDS: &[(&str, u32)] = &[
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
    ];
    if let Some((_, n)) = WORDS.iter().find(|(w, _)| *w == norm) {
        return Some(*n);
    }
    // "twenty-third", "sixty-seventh".
    if let Some((ten, unit)) = norm.split_once('-') {
        return ordinal(unit).filter(|u| *u < 10).zip(tens(ten)).map(|(u, t)| t + u);
    }
    let digits: String = norm.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &norm[digits.len()..];
    if digits.is_empty() || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

/// A number that ranks an exchange in a series, as written: "56th", "sixty-seventh",
/// or a list's "No. 7" and "#7".
pub fn numbered(text: &str) -> Option<u32> {
    let lower = text.trim().to_lowercase();
    if let Some(n) = ordinal(&lower) {
        return Some(n);
    }
    let rest = lower.strip_prefix("no.").or_else(|| lower.strip_prefix("no ")).or_else(|| lower.strip_prefix('#'))?;
    rest.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::text::words;

    #[test]
    fn a_rank_in_a_series_is_an_ordinal_or_a_list_number() {
        assert_eq!(numbered("56th"), Some(56));
        assert_eq!(numbered("sixty-seventh"), Some(67));
        assert_eq!(numbered("No. 7"), Some(7));
        assert_eq!(numbered("#12"), Some(12));
        assert_eq!(numbered("7"), None);
        assert_eq!(numbered("three"), None);
    }

    fn values(text: &str) -> Vec<(String, u64)> {
        words(text).into_iter().filter_map(|w| w.value.map(|v| (text[w.span].to_string(), v))).collect()
    }

    #[test]
    fn number_words_become_numbers_with_verbatim_spans() {
        assert_eq!(values("forty-five for forty-five"), [("forty-five".into(), 45), ("forty-five".into(), 45)]);
        assert_eq!(values("Fifty Russian servicemen"), [("Fifty".into(), 50)]);
        assert_eq!(values("two hundred and five soldiers"), [("two hundred and five".into(), 205)]);
        assert_eq!(values("a hundred people"), [("a hundred".into(), 100)]);
        assert_eq!(values("One hundred and one Ukrainians"), [("One hundred and one".into(), 101)]);
        assert_eq!(values("two hundred and one or two"), [("two hundred and one".into(), 201), ("two".into(), 2)]);
        assert_eq!(values("24 military personnel and one civilian"), [("24".into(), 24), ("one".into(), 1)]);
        assert_eq!(values("1,000 each"), [("1,000".into(), 1000)]);
        assert_eq!(values("Forty-one Ukrainians"), [("Forty-one".into(), 41)]);
        assert_eq!(values("A: Forty-one Ukrainians"), [("Forty-one".into(), 41)]);
        assert_eq!(
            values("three thousand one hundred and thirty-five Ukrainians"),
            [("three thousand one hundred and thirty-five".into(), 3135)]
        );
    }

    #[test]
    fn pronoun_one_and_plain_and_stay_words() {
        assert!(values("each and every one of us").is_empty());
        assert_eq!(values("two officers and seven privates"), [("two".into(), 2), ("seven".into(), 7)]);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("ninth"), Some(9));
        assert_eq!(ordinal("56th"), Some(56));
        assert_eq!(ordinal("51st"), Some(51));
        assert_eq!(ordinal("fifty"), None);
        assert_eq!(ordinal("sixty-seventh"), Some(67));
        let w = words("the sixty-seventh exchange");
        assert_eq!(w.iter().filter_map(|w| ordinal(&w.norm)).collect::<Vec<_>>(), [67]);
    }
}
