//! Questions as users ask them, with the figure and the source the answer
//! must carry. Paraphrases of the same need sit next to each other: the
//! rules must not depend on one wording.

use powbot::answer::Answer;

use crate::support::engine;

fn ask(q: &str) -> Answer {
    engine().answer(q)
}

fn numbers(text: &str) -> Vec<u64> {
    let folded: String = text.replace(',', "");
    folded.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect()
}

/// (question, numbers the reply must state, an article it must cite or "")
const ANSWERED: &[(&str, &[u64], &str)] = &[
    ("How many POWs were swapped on 19 March 2025?", &[372], "aljazeera-2025-03-19"),
    ("how many prisoners were exchanged on March 19, 2025", &[372, 175], ""),
    ("How many prisonners were swaped in march 2025", &[372], ""),
    ("How many wounded Ukrainians did Russia hand over in March 2025?", &[22], ""),
    ("How many soldiers did each side free on 5 February 2025?", &[150], "afp-2025-02-05"),
    ("How many prisoners did each side release on the first day of the May 2025 exchange?", &[390], ""),
    ("How many civilians were among those Russia got back on 23 May 2025?", &[120], "wenews-2025-05-24"),
    ("How many were freed on the last day of the 1000-for-1000 swap?", &[303], ""),
    ("How many Russian troops came back in the August 2024 swap?", &[115], ""),
    ("How many prisoners were released in October 2024?", &[95], ""),
    (
        "How many prisoners did Ukraine get back over the three days of the May 2025 exchange?",
        &[1000, 390, 307, 303],
        "",
    ),
    ("What was the most recent exchange?", &[303], "brief-2025-05-25"),
    ("Which exchange was the largest?", &[1000], ""),
    ("Was the March 2025 exchange bigger than the one in February 2025?", &[372, 300], ""),
    ("How many prisoner swaps had there been since 2022 as of March 2025?", &[59], "rt-2025-03-19"),
    ("How many Ukrainian captives is Russia believed to hold?", &[8000, 10000], "wenews-2025-05-24"),
    ("How many drones did Russia launch overnight after the Putin call?", &[145], "aljazeera-2025-03-19"),
    ("What was the smallest exchange?", &[95], ""),
    ("When was the first exchange in 2025?", &[150], "afp-2025-02-05"),
    ("How many exchanges did the UAE mediate in 2024?", &[2], "brief-2024-08-24"),
    ("Did the March 2025 swap include wounded soldiers?", &[22], ""),
    ("How many prisoners were released by Ukraine on 19 March 2025?", &[175], ""),
    ("how many prisoners swapped 19.03.2025", &[372], ""),
    ("How many captives were exchanged in the New Year swap?", &[189, 150], "brief-2024-12-30"),
    ("How many prisoners were exchanged in the exchange before the one on 19 March 2025?", &[150], "afp-2025-02-05"),
    ("What happened on 23 May 2025?", &[390], ""),
    ("How many POWs came home to Ukraine on the first day of the Istanbul deal exchange?", &[390], ""),
];

#[test]
fn questions_get_their_figures_and_sources() {
    for (q, want, source) in ANSWERED {
        let a = ask(q);
        assert!(a.answered, "{q}: abstained: {}", a.text);
        let got = numbers(&a.text);
        for n in *want {
            assert!(got.contains(n), "{q}: {n} missing from {:?}", a.text);
        }
        if !source.is_empty() {
            assert!(a.sources.iter().any(|s| s.article == *source), "{q}: {source} not cited in {:?}", a.sources);
        }
        assert!(a.text.chars().count() <= 1500, "{q}: reply too long");
    }
}

#[test]
fn terms_the_reply_must_name() {
    let cases = [
        ("Who brokered the February 2025 swap?", "United Arab Emirates"),
        ("Who mediated the exchange on 24 August 2024?", "United Arab Emirates"),
        ("Where do freed Russian soldiers get medical checks?", "Belarus"),
        ("Where were the terms of the May 2025 exchange agreed?", "Istanbul"),
        ("When did the 1,000-for-1,000 exchange begin?", "23 May 2025"),
        ("When was the Independence Day prisoner swap?", "24 August 2024"),
        ("Were any Mariupol defenders freed in March 2025?", "Mariupol"),
        ("What did Peskov say about Zelensky's readiness for talks?", "empty words"),
        ("What did Zelenskiy say on Telegram about the second day of the swap?", "each and every one"),
    ];
    for (q, term) in cases {
        let a = ask(q);
        assert!(a.answered && a.text.contains(term), "{q}: {term:?} missing from {:?}", a.text);
    }
}

#[test]
fn when_names_only_the_exchange_asked_about() {
    let a = ask("When did the 1,000-for-1,000 exchange begin?");
    for other in ["24 August 2024", "19 March 2025"] {
        assert!(!a.text.contains(other), "{other} in {:?}", a.text);
    }
}

#[test]
fn conflicting_sources_are_shown_with_who_says_what() {
    let a = ask("How many Ukrainians came home on 30 December 2024 according to Zelenskyy?");
    assert!(a.text.contains("189") && a.text.contains("Zelenskyy"), "{}", a.text);
    assert!(a.text.contains("150") && a.text.contains("Russia's Defence Ministry"), "{}", a.text);
    let a = ask("How many prisoners did Russia say each side freed on 30 December 2024?");
    assert!(a.text.contains("150"), "{}", a.text);
}

#[test]
fn lists_cover_the_period_newest_first() {
    let a = ask("List every exchange in 2025");
    let dates = ["25 May 2025", "24 May 2025", "23 May 2025", "19 March 2025", "5 February 2025"];
    let positions: Vec<usize> = dates.iter().map(|d| a.text.find(d).unwrap_or_else(|| panic!("{d} missing"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", a.text);
    assert!(!a.text.contains("2024"), "{}", a.text);
}

#[test]
fn abstains_without_support_and_says_what_it_covers() {
    for q in [
        "How many prisoners were exchanged in August 2023?",
        "What is the weather in Kyiv today?",
        "Who won the football World Cup in 2022?",
        "How many wounded were returned on 5 February 2025?",
        "How many were freed in the Kherson swap?",
        "Who mediated the Bakhmut swap?",
    ] {
        let a = ask(q);
        assert!(!a.answered, "{q}: answered {:?}", a.text);
        assert!(a.text.contains("exchanges"), "{q}: {}", a.text);
    }
}

#[test]
fn every_snippet_is_verbatim_article_text() {
    let corpus = engine().corpus();
    for q in ANSWERED
        .iter()
        .map(|c| c.0)
        .chain(["What did Peskov say about Zelensky's readiness for talks?", "List every exchange"])
    {
        for s in ask(q).sources {
            let body = &corpus.get(&s.article).unwrap().body;
            for piece in s.snippet.split(" … ") {
                assert!(body.contains(piece), "{q}: not verbatim in {}: {piece:?}", s.article);
            }
        }
    }
}

#[test]
fn every_figure_is_cited_from_its_sentence() {
    for q in ANSWERED.iter().map(|c| c.0) {
        let a = ask(q);
        for f in &a.figures {
            assert!(f.sentence.replace(',', "").contains(&f.value), "{q}: {} not in {:?}", f.value, f.sentence);
            let body = &engine().corpus().get(&f.article).unwrap().body;
            assert!(body.contains(&f.sentence), "{q}: sentence not in {}", f.article);
        }
    }
}

#[test]
fn numbers_in_replies_come_from_the_corpus_or_are_shown_sums() {
    let bodies: String = engine().corpus().articles.iter().map(|a| a.body.as_str()).collect::<Vec<_>>().join("\n");
    let known = numbers(&bodies);
    let questions = ANSWERED.iter().map(|c| c.0).chain([
        "Was the December 2024 exchange bigger than the August 2024 one?",
        "How many prisoners did Ukraine get back in 2024?",
        "How many prisoners were exchanged in 2025?",
    ]);
    for q in questions {
        for line in ask(q).text.lines() {
            for n in numbers(line) {
                let date_part = (1990..=2100).contains(&n) || n <= 31;
                // A computed total is stated with its parts: "300 in all (150 + 150, computed)".
                let shown_sum = sums_in(line).contains(&n);
                assert!(date_part || known.contains(&n) || shown_sum, "{q}: {n} is in no article: {line:?}");
            }
        }
    }
}

/// Totals in a line that equal the sum of the "a + b + …" run after them
/// (dates inside the run, "95 on 24 August 2024 + …", are skipped).
fn sums_in(line: &str) -> Vec<u64> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let folded = line.replace(',', "").to_lowercase();
    let words: Vec<&str> =
        folded.split(|c: char| !(c.is_ascii_alphanumeric() || c == '+')).filter(|t| !t.is_empty()).collect();
    let is_month = |w: Option<&&str>| w.is_some_and(|w| MONTHS.contains(w));
    // Numbers and pluses, leaving out the numbers of dates.
    let mut tokens: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let date = w.chars().all(|c| c.is_ascii_digit())
            && (is_month(words.get(i + 1)) || i > 0 && is_month(words.get(i - 1)));
        if *w == "+" || (w.chars().all(|c| c.is_ascii_digit()) && !date) {
            tokens.push(w);
        }
    }
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Ok(total) = t.parse::<u64>() else { continue };
        let mut parts = Vec::new();
        let mut j = i + 1;
        while let Some(Ok(n)) = tokens.get(j).map(|x| x.parse::<u64>()) {
            parts.push(n);
            if tokens.get(j + 1) != Some(&"+") {
                break;
            }
            j += 2;
        }
        if parts.len() >= 2 && parts.iter().sum::<u64>() == total {
            out.push(total);
        }
    }
    out
}

#[test]
fn lists_can_be_narrowed_by_mediator() {
    let a = ask("Which exchanges did the UAE mediate in 2025?");
    assert!(a.text.contains("mediated by the United Arab Emirates"), "{}", a.text);
    assert!(a.text.contains("19 March 2025") && !a.text.contains("23 May 2025"), "{}", a.text);
}

#[test]
fn a_recurring_weekday_describes_each_match_instead_of_summing() {
    let a = ask("How many prisoners were swapped on Wednesday?");
    assert!(a.text.contains("19 March 2025") && a.text.contains("5 February 2025"), "{}", a.text);
    assert!(!a.text.contains("got back"), "{}", a.text);
}

#[test]
fn disputed_counts_are_never_summed() {
    let a = ask("Was the December 2024 exchange bigger than the August 2024 one?");
    assert!(!a.text.contains("339") && !a.text.contains("300 in all"), "{}", a.text);
    assert!(a.text.contains("189") && a.text.contains("150"), "{}", a.text);
    let a = ask("How many prisoners did Ukraine get back in 2024?");
    assert!(a.text.contains("sources differ"), "{}", a.text);
}
