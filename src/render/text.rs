//! Measuring, trimming and splitting text so that it fits Discord's limits.
//!
//! Discord counts lengths the way JavaScript does, in UTF-16 code units, so an emoji outside the
//! Basic Multilingual Plane costs two. We measure the same way: that is never less than the
//! number of Unicode scalar values (what JSON Schema's `maxLength` counts), so text that fits
//! here fits both Discord and its OpenAPI spec.
//!
//! Cuts prefer, in order: a paragraph break in the second half of the window, the last sentence
//! end or line end, any paragraph break, the last space. Only a single "word" longer than the
//! whole limit (a pathological URL) is cut inside, at a character boundary.

/// Length as Discord counts it (UTF-16 code units).
pub fn measure(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Marks text that was cut short.
const ELLIPSIS: &str = "…";

/// Markdown's bold marker: the engine's snippets highlight figures with it, and a cut between an
/// opening and a closing marker would leave the rest of the message bold or show stray asterisks.
const BOLD: &str = "**";

/// Splits `text` into pieces of at most `max` units each, cutting at the best boundary available.
///
/// Bold spans cut by a split are closed at the end of one piece and reopened at the start of the
/// next, so every piece renders on its own. Leading and trailing whitespace of pieces is dropped;
/// empty input gives no pieces.
pub fn split(text: &str, max: usize) -> Vec<String> {
    split_after_first(text, max, max)
}

/// Like [`split`], but the first piece may have a different limit than the others: an embed
/// whose title and fields already take room continues in embeds that have the full room.
pub fn split_after_first(text: &str, first_max: usize, max: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text.trim();
    let mut reopen_bold = false;
    while !rest.is_empty() {
        let max = if pieces.is_empty() { first_max } else { max };
        // Room to close and reopen a bold span without breaking the limit.
        let reserve = if max > 4 * BOLD.len() { 2 * BOLD.len() } else { 0 };
        let prefix = if reopen_bold { BOLD } else { "" };
        let room = max - reserve;
        let (head, tail) = if measure(rest) <= room {
            (rest, "")
        } else {
            let cut = cut_point(rest, room);
            (&rest[..cut], &rest[cut..])
        };
        let mut piece = format!("{prefix}{}", head.trim_end());
        reopen_bold = reserve > 0 && piece.matches(BOLD).count() % 2 == 1;
        if reopen_bold {
            piece.push_str(BOLD);
        }
        pieces.push(piece);
        rest = tail.trim_start();
    }
    pieces
}

/// Shortens `text` to at most `max` units, ending at a sentence (or failing that, word) boundary.
///
/// A cut that does not end a sentence gets an ellipsis so the reader knows something is missing.
pub fn fit(text: &str, max: usize) -> String {
    let text = text.trim();
    if measure(text) <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(measure(ELLIPSIS));
    let Some(mut head) = split(text, room).into_iter().next() else {
        return String::new();
    };
    if measure(&head) > room {
        // Not even one character fits next to the ellipsis.
        return String::new();
    }
    if !ends_sentence(&head) {
        head.push_str(ELLIPSIS);
    }
    head
}

/// Byte index at which to cut `text` so that `text[..index]` measures at most `max` units.
fn cut_point(text: &str, max: usize) -> usize {
    let limit = longest_prefix(text, max);
    let boundaries = Boundaries::scan(text, limit);
    let late_paragraph = boundaries.paragraph.filter(|&at| at * 2 >= limit);
    late_paragraph
        .or(boundaries.sentence)
        .or(boundaries.paragraph)
        .or(boundaries.word)
        .unwrap_or_else(|| limit.max(first_char_len(text)))
}

/// The largest byte index at a character boundary whose prefix measures at most `max` units.
fn longest_prefix(text: &str, max: usize) -> usize {
    let mut units = 0;
    for (at, ch) in text.char_indices() {
        units += ch.len_utf16();
        if units > max {
            return at;
        }
    }
    text.len()
}

/// Guarantees progress when even one character does not fit (a limit of zero).
fn first_char_len(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

/// The last boundary of each kind at or before a limit, as byte indices where a piece may end.
#[derive(Debug, Default)]
struct Boundaries {
    paragraph: Option<usize>,
    sentence: Option<usize>,
    word: Option<usize>,
}

impl Boundaries {
    /// Looks at every whitespace character up to and including the one right after `limit`: a
    /// piece may end just before whitespace, so a sentence ending exactly at the limit counts.
    fn scan(text: &str, limit: usize) -> Boundaries {
        let mut found = Boundaries::default();
        for (at, ch) in text.char_indices() {
            if at > limit {
                break;
            }
            if !ch.is_whitespace() || at == 0 {
                continue;
            }
            let before = &text[..at];
            if ch == '\n' && before.ends_with('\n') {
                found.paragraph = Some(at - 1);
            }
            if ch == '\n' || ends_sentence(before) {
                found.sentence = Some(at);
            }
            found.word = Some(at);
        }
        found
    }
}

/// Whether `text` ends with sentence punctuation, allowing closing quotes, brackets and Markdown
/// emphasis after it (`He said "yes."`, `(see below.)`, `**372 soldiers.**`).
fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', '_']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_counts_utf16_units() {
        assert_eq!(measure("abc"), 3);
        assert_eq!(measure("é"), 1);
        assert_eq!(measure("🙂"), 2);
    }

    #[test]
    fn short_text_is_one_piece() {
        assert_eq!(split("  Hello there.  ", 100), vec!["Hello there."]);
        assert!(split("   ", 100).is_empty());
    }

    #[test]
    fn split_prefers_sentence_ends() {
        let text = "First sentence here. Second sentence is longer. Third one.";
        let pieces = split(text, 52);
        assert_eq!(pieces, vec!["First sentence here. Second sentence is longer.", "Third one."]);
    }

    #[test]
    fn split_falls_back_to_words_never_mid_word() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda";
        let pieces = split(text, 20);
        for piece in &pieces {
            assert!(measure(piece) <= 20, "{piece:?} too long");
            for word in piece.split_whitespace() {
                assert!(text.split_whitespace().any(|w| w == word), "{word:?} was cut");
            }
        }
        assert_eq!(pieces.join(" "), text);
    }

    #[test]
    fn split_uses_line_ends_for_lists() {
        let text = "- 2025-05-25: 303 for 303\n- 2025-03-19: 175 for 175\n- 2025-02-05: 150 for 150";
        let pieces = split(text, 55);
        assert_eq!(pieces, vec!["- 2025-05-25: 303 for 303\n- 2025-03-19: 175 for 175", "- 2025-02-05: 150 for 150"]);
    }

    #[test]
    fn split_prefers_a_late_paragraph_break() {
        let text = "One. Two three four.\n\nFive six. Seven.";
        assert_eq!(split(text, 30), vec!["One. Two three four.", "Five six. Seven."]);
    }

    #[test]
    fn split_keeps_bold_balanced_in_every_piece() {
        let text = format!("**{}**", "word ".repeat(40).trim_end());
        let pieces = split(&text, 60);
        assert!(pieces.len() > 1);
        for piece in &pieces {
            assert!(measure(piece) <= 60, "{piece:?} too long");
            assert_eq!(piece.matches("**").count() % 2, 0, "{piece:?} unbalanced");
        }
    }

    #[test]
    fn the_first_piece_can_have_less_room() {
        let text = "One two. Three four. Five six. Seven eight.";
        let pieces = split_after_first(text, 12, 30);
        assert_eq!(pieces, vec!["One two.", "Three four. Five six.", "Seven eight."]);
    }

    #[test]
    fn split_cuts_an_overlong_word_at_a_char_boundary() {
        let text = "é".repeat(30);
        let pieces = split(&text, 7);
        assert!(pieces.iter().all(|p| measure(p) <= 7));
        assert_eq!(pieces.concat(), text);
    }

    #[test]
    fn split_never_exceeds_with_astral_characters() {
        let text = "🙂 ".repeat(100);
        for piece in split(&text, 9) {
            assert!(measure(&piece) <= 9, "{piece:?} too long");
        }
    }

    #[test]
    fn fit_ends_at_a_sentence_when_it_can() {
        let text = "The swap took place on Wednesday. Both sides returned 150 soldiers.";
        assert_eq!(fit(text, 40), "The swap took place on Wednesday.");
    }

    #[test]
    fn fit_marks_a_cut_inside_a_sentence() {
        let fitted = fit("one two three four five six", 12);
        assert_eq!(fitted, "one two…");
        assert!(measure(&fitted) <= 12);
    }

    #[test]
    fn fit_leaves_short_text_alone() {
        assert_eq!(fit("Short.", 100), "Short.");
        assert_eq!(fit("anything", 0), "");
    }
}
