//! Page furniture that scraped article bodies carry: breadcrumbs, ad slots,
//! share prompts, repeated headlines, section headings.
//!
//! Rules are general (what such lines look like), never per outlet or file,
//! because new articles arrive from outlets we have not seen.

/// Phrases that mark a whole line as furniture, matched case-insensitively.
const FURNITURE: &[&str] = &[
    // "Last updated: 15.09.2024, 11:00 Kyiv · Next update after the next confirmed swap".
    "last updated:",
    "next update",
    "advertisement",
    "scroll to continue",
    "share this story",
    "share this article",
    "share on ",
    "you can share",
    "sign up for",
    "subscribe to",
    "subscribe now",
    "read more:",
    "read more »",
    "related:",
    "related articles",
    "related stories",
    "follow us on",
    "click here",
    "all rights reserved",
    "copyright ©",
    "cookie",
    "newsletter",
    "most read",
    "recommended stories",
    "skip to content",
    "listen to this article",
    "getty images",
];

/// Characters that only navigation uses (breadcrumb separators, bullets).
const NAVIGATION_MARKS: &[char] = &['»', '•', '›', '|', '▸'];

/// What a line of an article body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Article text: indexed and mined for facts.
    Content,
    /// A short line without a full stop: a section heading or a headline.
    Heading,
    /// Navigation, ads, share prompts, repeated headlines.
    Furniture,
}

/// Classifies one trimmed, non-empty line. `title` is the article's title
/// from its front matter: bodies often repeat it, sometimes several times.
pub fn classify(line: &str, title: &str) -> LineKind {
    let lower = line.to_lowercase();
    // "**Who came back on Friday?**": a Q&A's question, in bold or not, is text.
    let question = line.trim_matches(['*', '_', '#', ' ']).ends_with('?');
    // "- Denys Prokopenko, commander of Azov;": a list item that goes on in the next is text.
    let prose = question || line.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ')', ';']);
    // "»" separates breadcrumbs, but also closes «quotes» in prose.
    let breadcrumb = line.contains('»') && !prose && line.split_whitespace().count() < 10;
    // "| Date | Ukrainians | Russians |": a Markdown table's line, not a navigation bar.
    // "| Armed Forces | 95 |": a two-column breakdown is a table too.
    let table = line.starts_with('|') && line.ends_with('|') && line.matches('|').count() >= 3;
    if table {
        return LineKind::Content;
    }
    // "• 19 Snake Island defenders, 14 who guarded the Chornobyl NPP": a bulleted
    // breakdown, not a menu ("• HOME»", "• Top News»").
    let bullet_with_figures = line.starts_with("• ")
        && line.chars().any(|c| c.is_ascii_digit())
        && line.split_whitespace().count() >= 4
        && !line.contains('»');
    if bullet_with_figures {
        return LineKind::Content;
    }
    if FURNITURE.iter().any(|p| lower.contains(p)) || line.starts_with(NAVIGATION_MARKS) || breadcrumb {
        return LineKind::Furniture;
    }
    if !title.is_empty() && fold(line) == fold(title) {
        return LineKind::Furniture;
    }
    // "5 March, 15:40 - Stage one": a live blog's entry stamp dates the text under it.
    if stamp_line(line) || date_heading(line) {
        return LineKind::Content;
    }
    // "- 17 October 2022 - 108 women released": a list item or table row with figures is text.
    let item_with_figures =
        (crate::lang::text::bulleted(line) || line.starts_with('|')) && line.chars().any(|c| c.is_ascii_digit());
    // "### Who are the five commanders, and where are they?": an explainer's question
    // heading is the question its section answers, as in a Q&A.
    if (!prose && line.split_whitespace().count() < 10 && !item_with_figures) || line.starts_with('#') && !question {
        return LineKind::Heading;
    }
    LineKind::Content
}

/// A live-blog stamp: a day of the month and a month name, then a clock
/// time ("5 March, 15:40", "12 June 09:05 - …"), or a clock time alone ("15:40").
fn stamp_line(line: &str) -> bool {
    // "Sun 25 May, 17:40", "Friday 23 May 16:40": a weekday may lead.
    let weekday = |w: &str| crate::lang::dates::is_weekday_word(&w.to_lowercase());
    let words: Vec<&str> = line.split_whitespace().take(5).collect();
    let words: &[&str] = match words.as_slice() {
        [w, rest @ ..] if weekday(w) && !rest.is_empty() => rest,
        all => all,
    };
    let clock = |w: &str| {
        let w = w.trim_end_matches(|c: char| !c.is_ascii_digit());
        w.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len()) && m.len() == 2 && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
        })
    };
    let day = |w: &str| w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit());
    let month = |w: &str| w.trim_end_matches(',').chars().next().is_some_and(char::is_uppercase);
    match words {
        [d, m, t, ..] | [d, m, t] if day(d) && month(m) && clock(t) => true,
        [t, ..] => clock(t),
        _ => false,
    }
}

/// Times of day a stamp may name after its day: "Fri 23.05, afternoon — …".
const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night", "noon", "midday", "midnight"];

/// A short heading that ends with a day ("Day two - Saturday, 24 May",
/// "Stage 3 — 25 May 2025") or opens with one before a label ("14 September
/// - 103 for 103"). It dates the entry under it, so it is text.
fn date_heading(line: &str) -> bool {
    use crate::lang::dates::{self, Anchor, Period};
    // A markdown heading ("### 8 January 2023 — the first swap of the new year")
    // is a heading by its mark, so its label may run longer.
    let marked = line.trim_start_matches('#');
    let limit = if marked.len() < line.len() { 14 } else { 8 };
    // "**Elsewhere on Monday**": a bold line is a heading by its mark too.
    let bold = line.starts_with("**") && line.ends_with("**");
    let mut words = crate::lang::text::words(marked.trim().trim_matches('*').trim());
    // "08.01.2023 (Sunday)", "March 7 (Tuesday)": a weekday in brackets after the day.
    if words.last().is_some_and(|w| w.is(")"))
        && let Some(open) = words.iter().rposition(|w| w.is("("))
        && open > 0
    {
        words.truncate(open);
    }
    // "11.10.2022, Tuesday": a weekday after a comma, too.
    if let [.., comma, day] = words.as_slice()
        && comma.is(",")
        && dates::is_weekday_word(&day.norm)
        && words.len() > 2
    {
        words.truncate(words.len() - 2);
    }
    // Words, not punctuation: "MONDAY — 100 home in "difficult" swap" is six.
    if words.iter().filter(|w| !w.is_punct()).count() > limit {
        return false;
    }
    let dash = |k: usize| words.get(k).is_some_and(|w| crate::lang::text::LABEL_MARKS.contains(&w.norm.as_str()));
    let found = dates::find(&words, Anchor::Published(chrono::NaiveDate::default()));
    let day = |m: &&dates::DateMention| matches!(m.period, Period::Day { .. });
    // "24 August - 115 for 115": a day, then a label; "Fri 23.05, afternoon — STAGE ONE":
    // a time of day may follow the day.
    let part_of_day = |m: &dates::DateMention| {
        let k = m.words.end;
        let timed = words.get(k).is_some_and(|w| w.is(","))
            && words.get(k + 1).is_some_and(|w| PARTS_OF_DAY.contains(&w.norm.as_str()));
        if timed { k + 2 } else { k }
    };
    let leads = found.first().filter(day).is_some_and(|m| m.words.start == 0 && dash(part_of_day(m)));
    // "Day two - Saturday, 24 May": a label, then a day.
    // "**Elsewhere on Monday**": a bold label ending on its day.
    let ends = found.last().filter(day).is_some_and(|m| m.words.end == words.len())
        && ((0..words.len()).any(dash) || bold && words.len() <= 5);
    // "19 March 2025" alone on its line, over the entry it dates.
    let alone = found.first().filter(day).is_some_and(|m| m.words == (0..words.len()));
    // "**December 2023**" over a chronology's entry: a month with its year, alone.
    let month = matches!(found.as_slice(), [m] if matches!(m.period, Period::Month { .. })
        && m.words == (0..words.len())
        && words.iter().any(|w| w.is_digits() && w.norm.len() == 4));
    // "## 1. Exchange of 14 August (67th exchange)": a heading naming an exchange and its day.
    let event = (line.starts_with("##") || bold)
        && found.iter().filter(day).count() == 1
        && crate::lang::gazetteer::tag(&words).iter().any(|t| t.tag == crate::lang::lexicon::Tag::Event);
    leads || ends || alone || month || event
}

/// Headings that open a list of links to other stories ("Related coverage",
/// "Read more:"): the lines under them are other articles' headlines.
const LINK_LISTS: &[&str] = &[
    "related",
    "read more",
    "read also",
    "also read",
    "see also",
    "more on this",
    "more from",
    "more stories",
    "more coverage",
    "latest stories",
    "you may also like",
    "recommended",
];

/// Does this line open a list of links?
pub fn opens_links(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    LINK_LISTS.iter().any(|p| lower.starts_with(p)) && line.split_whitespace().count() <= 6
}

/// A line that reads as one entry of a list of links: a bullet, or a headline without a full stop.
pub fn is_link_entry(line: &str) -> bool {
    let t = line.trim();
    t.starts_with(['-', '•', '*', '–', '—']) || !t.ends_with(['.', '!', '?', '"', '”', ':'])
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(['.', '!', '?']).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for line in [
            "Advertisement · Scroll to continue",
            "You can share this story on social media:",
            "• HOME»",
            "• Top News»",
        ] {
            assert_eq!(classify(line, ""), LineKind::Furniture, "{line}");
        }
    }

    #[test]
    fn repeated_headline_is_furniture_even_with_a_full_stop() {
        let title = "Russia, Ukraine swap 372 prisoners of war";
        assert_eq!(classify("Russia, Ukraine swap 372 prisoners of war.", title), LineKind::Furniture);
    }

    #[test]
    fn live_blog_stamps_are_text() {
        assert_eq!(classify("5 March, 15:40 - Stage one", ""), LineKind::Content);
        assert_eq!(classify("18:20", ""), LineKind::Content);
        assert_eq!(classify("Stage one", ""), LineKind::Heading);
        assert_eq!(classify("5 things to know", ""), LineKind::Heading);
    }

    #[test]
    fn headings_and_prose() {
        assert_eq!(classify("Diplomatic push", ""), LineKind::Heading);
        assert_eq!(classify("Dozens of attacks", ""), LineKind::Heading);
        // A chronology's stamp: the day (with its time of day), then the entry's label.
        assert_eq!(classify("**Fri 12.09, evening — PART TWO: 120.**", ""), LineKind::Content);
        assert_eq!(classify("**Sat 13.09 — PART THREE: 95.**", ""), LineKind::Content);
        assert_eq!(classify("Zelensky said: «Our people are home», thanking the mediators.", ""), LineKind::Content);
        assert_eq!(classify("Russia and Ukraine released 303 more prisoners each on Sunday.", ""), LineKind::Content);
        // A long standfirst without a full stop is still text.
        assert_eq!(
            classify(
                "President Vladimir Putin had previously agreed to swap 175 prisoners and return 22 heavily wounded fighters",
                ""
            ),
            LineKind::Content
        );
        // Headings holding a day date the entry under them.
        assert_eq!(classify("Day two - Saturday, 24 May", ""), LineKind::Content);
        assert_eq!(classify("14 September - 103 for 103", ""), LineKind::Content);
        assert_eq!(classify("19 March 2025", ""), LineKind::Content);
        assert_eq!(classify("### 11.10.2022, Tuesday", ""), LineKind::Content);
        assert_eq!(classify("| National Guard | 56 |", ""), LineKind::Content);
        assert_eq!(classify("### 2 May 2023 — the second swap of the spring season", ""), LineKind::Content);
        assert_eq!(classify("### The numbers behind the spring swaps", ""), LineKind::Heading);
        assert_eq!(classify("## 1. Exchange of 14 August (67th exchange)", ""), LineKind::Content);
        assert_eq!(classify("## The talks of 16 May", ""), LineKind::Heading);
        assert_eq!(classify("**Elsewhere on Monday**", ""), LineKind::Content);
        assert_eq!(
            classify("Last updated: 15.09.2024, 11:00 Kyiv · Next update after the next confirmed swap", ""),
            LineKind::Furniture
        );
        assert_eq!(classify("**The fiscal cliff**", ""), LineKind::Heading);
        assert_eq!(classify("**Who came back on Friday?**", ""), LineKind::Content);
        // An explainer's question heading asks what its section answers.
        assert_eq!(classify("### Who are the five commanders, and where are they?", ""), LineKind::Content);
        // A list item that goes on in the next one.
        assert_eq!(classify("- Denys Prokopenko, commander of Azov;", ""), LineKind::Content);
        // A table's header names its columns: text, however short.
        assert_eq!(
            classify("| Date | Ukraine says came home | Russia says came home | Mediator | Notes |", ""),
            LineKind::Content
        );
        assert_eq!(classify("| Date | Ukrainians | Russians |", ""), LineKind::Content);
        assert_eq!(classify("The numbers", ""), LineKind::Heading);
    }
}
