//! Property tests over the two doors hostile text comes in by: questions and article files.
//! Whatever the input (arbitrary Unicode, Tantivy query syntax, 100 KB), nothing panics, the
//! answer is valid JSON, and every figure and snippet it shows is in the corpus.
//!
//! Case counts are modest so that `cargo test` stays quick on two cores; the fuzz targets in
//! `fuzz/` run the same properties for as long as one likes (see RELIABILITY.md).

use std::path::Path;

use powbot::answer::Answer;
use powbot::corpus::{Corpus, parse};
use powbot::engine::MAX_QUESTION_CHARS;
use powbot::{Engine, render};
use proptest::prelude::*;
use proptest::sample::select;

use crate::support::{Scratch, engine};

/// Tantivy's query syntax and other characters with a meaning somewhere.
const SYNTAX: &[&str] = &[
    "title:foo",
    "AND",
    "OR",
    "NOT",
    "+must",
    "-not",
    "\"a phrase\"",
    "\"unclosed",
    "fuzzy~2",
    "boost^3",
    "[2020 TO 2025]",
    "{a TO b}",
    "wild*",
    "q?",
    "\\",
    "(",
    ")",
    "((((",
    "))))",
    "*",
    ":",
    "^",
    "~",
    "IN [a b]",
    "<@123>",
    "@everyone",
    "```",
    "<script>",
    "%s%n",
    "\u{0}",
    "\u{202e}",
    "\u{feff}",
    "🇺🇦",
    "١٢٣",
    "٣١",
];

/// The words questions are made of, so that random questions reach past the first rule.
const WORDS: &[&str] = &[
    "how",
    "many",
    "prisoners",
    "exchanged",
    "swap",
    "on",
    "in",
    "between",
    "and",
    "19",
    "March",
    "2025",
    "31",
    "February",
    "2024",
    "who",
    "mediated",
    "largest",
    "smallest",
    "last",
    "first",
    "Ukraine",
    "Russia",
    "wounded",
    "civilians",
    "total",
    "since",
    "compare",
    "list",
    "every",
    "UAE",
    "Istanbul",
    "1,000",
    "-5",
    "0",
    "99999999999999999999",
    "yesterday",
    "week",
    "said",
    "Zelensky",
    "Peskov",
    "?",
    ",",
    "vs",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter)
}

/// Questions: pure noise, question words in any order, and either mixed with query syntax.
fn question() -> impl Strategy<Value = String> {
    let word = prop_oneof![select(WORDS), select(SYNTAX)];
    let words = prop::collection::vec(word, 0..16).prop_map(|w| w.join(" "));
    prop_oneof![
        text(200),
        words.clone(),
        (words, text(40), select(SYNTAX)).prop_map(|(w, noise, syntax)| format!("{w} {syntax}{noise}")),
    ]
}

/// What an answer must satisfy whatever was asked.
fn check(engine: &Engine, question: &str, answer: &Answer) -> Result<(), TestCaseError> {
    let json: serde_json::Value = serde_json::from_str(&render::json(answer))
        .map_err(|e| TestCaseError::fail(format!("invalid JSON for {question:?}: {e}")))?;
    prop_assert!(json["answered"].is_boolean() && json["text"].is_string());
    let corpus = engine.corpus();
    for figure in &answer.figures {
        let article = corpus.get(&figure.article);
        prop_assert!(article.is_some(), "{question:?}: figure from unknown article {:?}", figure.article);
        let body = article.map(|a| a.body.as_str()).unwrap_or_default();
        prop_assert!(body.contains(&figure.sentence), "{question:?}: sentence not in the article: {figure:?}");
        prop_assert!(
            figure.sentence.to_lowercase().contains(&figure.text.to_lowercase()),
            "{question:?}: figure not in its sentence: {figure:?}"
        );
    }
    for source in &answer.sources {
        let body = corpus.get(&source.article).map(|a| a.body.as_str()).unwrap_or_default();
        for piece in source.snippet.split(" … ").filter(|p| !p.is_empty()) {
            prop_assert!(body.contains(piece), "{question:?}: snippet not verbatim: {piece:?}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_question_gets_a_valid_answer_from_the_corpus(q in question()) {
        let engine = engine();
        let answer = engine.answer(&q);
        check(engine, &q, &answer)?;
        // The other ways in: /exchange's key and autocomplete.
        check(engine, &q, &engine.describe_exchange(&q))?;
        prop_assert!(engine.exchange_choices(&q).len() <= 25);
    }

    #[test]
    fn any_article_text_parses_or_is_refused(raw in text(2000), front in any::<bool>()) {
        // With front matter, the body is where rules read; without, the parser refuses.
        let raw = if front {
            format!("+++\nid = \"x\"\ntitle = \"\"\noutlet = \"O\"\nurl = \"\"\npublished = \"2025-02-05\"\n+++\n{raw}")
        } else {
            raw
        };
        if let Ok(article) = parse(Path::new("x.md"), &raw) {
            for (p, s, sentence) in article.sentences() {
                prop_assert_eq!(article.sentence(p, s), Some(sentence));
            }
            let _ = powbot::facts::read::article(&article);
        }
    }
}

proptest! {
    // Each case builds a corpus and an index on disk: few cases.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn an_engine_over_any_article_answers_from_it(
        body in prop::collection::vec(prop_oneof![select(WORDS), select(SYNTAX), text(12).prop_map(|s| &*s.leak())], 0..200),
        bytes in prop::collection::vec(any::<u8>(), 0..300),
        q in question(),
    ) {
        let good = format!(
            "+++\nid = \"good\"\ntitle = \"t\"\noutlet = \"O\"\nurl = \"\"\npublished = \"2025-02-05\"\n+++\n{}\n",
            body.join(" ")
        );
        let s = Scratch::new(&[("good.md", &good)]);
        std::fs::write(s.data().join("articles/bytes.md"), &bytes).unwrap();
        let (corpus, _skipped) = Corpus::load(&s.data()).unwrap();
        prop_assert!(corpus.get("good").is_some());
        let engine = Engine::open(&s.config()).unwrap();
        let answer = engine.answer(&q);
        check(&engine, &q, &answer)?;
    }
}

/// 100 KB inputs: a long paste, a long run of numbers, a long run of query syntax. Reading
/// one took a minute; they are refused at once, and the longest question read is answered.
#[test]
fn questions_of_100_kb_are_refused_quickly() {
    let engine = engine();
    let inputs = [
        "How many prisoners were exchanged on 19 March 2025? ".repeat(2000),
        "1,000 ".repeat(17_000),
        SYNTAX.join(" ").repeat(400),
        "é".repeat(50_000),
    ];
    for q in inputs {
        assert!(q.len() >= 80_000, "{}", q.len());
        let started = std::time::Instant::now();
        let answer = engine.answer(&q);
        assert!(started.elapsed() < std::time::Duration::from_secs(1), "{:?}", started.elapsed());
        assert!(!answer.answered && answer.text.contains("up to 2000"), "{}", answer.text);
        let result = check(engine, "(100 KB)", &answer);
        assert!(result.is_ok(), "{result:?}");
    }
    let longest: String = "1,000 How many were exchanged? ".repeat(100).chars().take(MAX_QUESTION_CHARS).collect();
    let answer = engine.answer(&longest);
    assert!(!answer.text.contains("up to 2000"), "{}", answer.text);
    assert!(check(engine, "(longest)", &answer).is_ok());
}

/// An article of a few megabytes (under the loader's limit) loads and is answered from.
#[test]
fn a_100_kb_article_is_read() {
    let sentence = "Russia and Ukraine each freed 150 soldiers on Wednesday. ";
    let raw = format!(
        "+++\nid = \"big\"\ntitle = \"t\"\noutlet = \"O\"\nurl = \"\"\npublished = \"2025-02-05\"\n+++\n{}\n",
        sentence.repeat(2000)
    );
    assert!(raw.len() > 100_000);
    let s = Scratch::new(&[("big.md", &raw)]);
    let engine = Engine::open(&s.config()).unwrap();
    let answer = engine.answer("How many soldiers were freed on 5 February 2025?");
    assert!(answer.answered, "{}", answer.text);
    assert!(check(&engine, "big", &answer).is_ok());
}

/// "31 February 2025" was answered with the 5 February exchange.
#[test]
fn an_impossible_date_is_said_to_be_impossible() {
    let answer = engine().answer("How many prisoners were exchanged on 31 February 2025?");
    assert!(answer.text.contains("no such date"), "{}", answer.text);
    assert!(answer.figures.is_empty());
}
