//! Words and sentences with byte spans into the original text.
//!
//! Everything downstream (fact extraction, question understanding, snippets)
//! needs to point back at *verbatim* article text, so tokens never own a
//! rewritten copy of the text without also keeping where it came from.

use std::ops::Range;

/// What a token is, as far as the rules above care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Letters (possibly with digits), e.g. `Zelenskyy`, `POWs`.
    Word,
    /// Digits, possibly with thousands separators, e.g. `1,000`.
    Number,
    /// One punctuation character, e.g. `,` `“` `-`.
    Punct,
}

/// One token of a sentence or question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lower-cased, quotes folded, possessive `’s` removed: the form rules match on.
    pub norm: String,
    /// Where the token sits in the text it was cut from.
    pub span: Range<usize>,
    pub kind: WordKind,
    /// The original token started with an upper-case letter (proper-noun hint).
    pub capitalized: bool,
    /// The value of a `Number` token, whether written in digits (`1,000`)
    /// or words (`forty-five`, see `numbers`).
    pub value: Option<u64>,
}

impl Word {
    pub fn is(&self, norm: &str) -> bool {
        self.norm == norm
    }

    pub fn is_punct(&self) -> bool {
        self.kind == WordKind::Punct
    }

    /// The numeric value of a `Number` token (`1,000` → 1000, `forty-five` → 45).
    pub fn number(&self) -> Option<u64> {
        if self.kind != WordKind::Number {
            return None;
        }
        self.value
    }

    /// A number written in digits (not a number word), e.g. for dates and "N-for-N".
    pub fn is_digits(&self) -> bool {
        self.kind == WordKind::Number && self.norm.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// Characters scraped Markdown uses for layout only.
pub const MARKUP: &[char] = &['*', '`', '#', '_'];

/// Marks between a heading's label and its day: "Day two - Saturday, 24 May",
/// "Stage 3 — 25 May", "*Match report* | Sunday", "Kyiv · Friday".
pub const LABEL_MARKS: &[&str] = &["-", "–", "—", ":", "|", "·"];

/// The marks of `LABEL_MARKS` that also join a range of days ("3–9 July").
pub const DASHES: &[&str] = &["-", "–", "—"];

/// Does the line open with a list bullet: "- ", "* ", "• ", or a symbol a channel
/// uses as one ("🔹 National Guard — 12", "▪️ 87 from the army")?
pub fn bulleted(line: &str) -> bool {
    let line = line.trim_start();
    let mut chars = line.chars();
    let Some(first) = chars.next() else { return false };
    match first {
        '-' | '*' | '•' | '–' => chars.next().is_some_and(char::is_whitespace),
        // Not a letter, a digit, a quotation mark or a bracket: an emoji or a dingbat.
        c => !c.is_ascii() && !c.is_alphanumeric() && !"“”‘’«»„".contains(c),
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits text into words, numbers and punctuation.
///
/// Hyphens split words (`mid-October` → `mid` `-` `october`) so that date and
/// `150-for-150` patterns see their parts; a comma between digit groups stays
/// inside the number (`3,956`); runs of number words become one number
/// (`forty-five`, see `numbers::fold_words`).
pub fn words(text: &str) -> Vec<Word> {
    super::numbers::fold_words(text, tokens(text))
}

fn tokens(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let digit_at = |k: usize| chars.get(k).is_some_and(|(_, x)| x.is_ascii_digit());
            let mut j = i;
            while digit_at(j) {
                j += 1;
            }
            // A comma followed by exactly three digits continues the number.
            while chars.get(j).is_some_and(|(_, x)| *x == ',') && (1..=3).all(|o| digit_at(j + o)) && !digit_at(j + 4) {
                j += 4;
            }
            // Letters glued to digits (`30-day` is split by the hyphen, but `2nd` is not).
            let mut k = j;
            while k < chars.len() && chars[k].1.is_alphabetic() {
                k += 1;
            }
            let end = chars.get(k).map_or(text.len(), |(b, _)| *b);
            let raw = &text[start..end];
            let kind = if k == j { WordKind::Number } else { WordKind::Word };
            let norm = raw.to_lowercase();
            let value = if kind == WordKind::Number { norm.replace(',', "").parse().ok() } else { None };
            out.push(Word { norm, span: start..end, kind, capitalized: false, value });
            i = k;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = i;
            while j < chars.len() {
                let d = chars[j].1;
                let inner_apostrophe = is_apostrophe(d) && chars.get(j + 1).is_some_and(|(_, x)| x.is_alphabetic());
                if !(d.is_alphanumeric() || inner_apostrophe) {
                    break;
                }
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
            let raw = &text[start..end];
            let mut norm = raw.to_lowercase().replace('’', "'");
            if let Some(stem) = norm.strip_suffix("'s") {
                norm = stem.to_string();
            }
            out.push(Word { norm, span: start..end, kind: WordKind::Word, capitalized: c.is_uppercase(), value: None });
            i = j;
            continue;
        }
        // Markdown emphasis and code marks ("**24 Aug, 14:10**") are layout, not words.
        if MARKUP.contains(&c) {
            i += 1;
            continue;
        }
        let end = chars.get(i + 1).map_or(text.len(), |(b, _)| *b);
        out.push(Word {
            norm: c.to_string(),
            span: start..end,
            kind: WordKind::Punct,
            capitalized: false,
            value: None,
        });
        i += 1;
    }
    out
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "prof", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "no", "vs", "etc", "approx", "u.s", "u.k", "e.g", "i.e",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | '»' | ']')
}

fn is_opening_or_capital(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '«' | '[')
}

/// Splits a paragraph into sentence spans. Spans are trimmed, so
/// `&paragraph[span]` is always verbatim sentence text.
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && (is_closing(chars[j].1) || matches!(chars[j].1, '.' | '!' | '?')) {
                j += 1;
            }
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_starts_sentence = k < chars.len() && is_opening_or_capital(chars[k].1);
            let abbreviation = c == '.' && ends_with_abbreviation(&paragraph[start..pos]);
            if followed_by_space && next_starts_sentence && !abbreviation {
                let end = chars.get(j).map_or(paragraph.len(), |(b, _)| *b);
                push_trimmed(&mut spans, paragraph, start..end);
                start = chars[k].0;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(&mut spans, paragraph, start..paragraph.len());
    spans
}

fn ends_with_abbreviation(before: &str) -> bool {
    let last = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("").to_lowercase();
    // Initials such as "J." in "Donald J. Trump".
    if last.chars().count() == 1 && last.chars().all(char::is_alphabetic) {
        return true;
    }
    ABBREVIATIONS.contains(&last.as_str())
}

fn push_trimmed(spans: &mut Vec<Range<usize>>, text: &str, span: Range<usize>) {
    let piece = &text[span.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let trimmed = span.start + lead..span.end - trail;
    if trimmed.start < trimmed.end {
        spans.push(trimmed);
    }
}

/// Optimal string alignment distance: edits plus adjacent transpositions
/// ("exchnaged" is one step from "exchanged").
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.norm).collect()
    }

    #[test]
    fn bullets_are_marks_and_symbols_not_words_or_quotes() {
        for line in ["- 87 from the army", "• 24 from the navy", "🔹 Navy sailors — 18", "* item"] {
            assert!(bulleted(line), "{line}");
        }
        for line in ["-5 degrees", "**Bold**", "“Quote” he said", "Navy sailors — 18", "(note)"] {
            assert!(!bulleted(line), "{line}");
        }
    }

    #[test]
    fn numbers_keep_thousands_separators() {
        assert_eq!(norms("3,956 Ukrainians"), ["3,956", "ukrainians"]);
        assert_eq!(words("1,000")[0].number(), Some(1000));
        assert_eq!(norms("150-for-150"), ["150", "-", "for", "-", "150"]);
        assert_eq!(norms("prisoners, 175 each"), ["prisoners", ",", "175", "each"]);
    }

    #[test]
    fn possessives_and_hyphens() {
        assert_eq!(norms("Russia’s mid-October"), ["russia", "mid", "-", "october"]);
        assert!(words("Kyiv")[0].capitalized);
    }

    #[test]
    fn sentences_split_at_stops_but_not_abbreviations() {
        let p = "“We expect the exchange to continue tomorrow,” Zelensky said. “Our goal is to return each and every one.” Mr. Smith agreed.";
        let got: Vec<&str> = sentences(p).into_iter().map(|s| &p[s]).collect();
        assert_eq!(
            got,
            [
                "“We expect the exchange to continue tomorrow,” Zelensky said.",
                "“Our goal is to return each and every one.”",
                "Mr. Smith agreed."
            ]
        );
    }

    #[test]
    fn sentence_spans_are_verbatim() {
        let p = "  One sentence here.   Two here!  ";
        let got: Vec<&str> = sentences(p).into_iter().map(|s| &p[s]).collect();
        assert_eq!(got, ["One sentence here.", "Two here!"]);
    }
}
