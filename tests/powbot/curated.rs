//! The curated `exchanges.toml`: a bad entry is refused at load with its line and the rest
//! applies; a file that is not TOML leaves the extracted facts served without corrections.

use std::process::Command;

use powbot::Engine;
use powbot::curated::RefusedKind;

use crate::support::{Scratch, article, bin};

const SENTENCE: &str = "Russia and Ukraine each freed 150 soldiers on Wednesday.";
const CIVILIANS: &str = "Separately, 12 civilians were returned to Ukraine.";

fn scratch(corrections: &str) -> Scratch {
    let s = Scratch::new(&[("a.md", &article("a", "2025-02-05", &format!("{SENTENCE} {CIVILIANS}")))]);
    std::fs::write(s.data().join("exchanges.toml"), corrections).unwrap();
    s
}

/// Every figure value the engine serves, with its reporter.
fn served(engine: &Engine) -> Vec<(u64, String)> {
    engine.facts().exchanges.iter().flat_map(|e| &e.figures).map(|f| (f.value, f.reporter.name.clone())).collect()
}

fn figure(value: u64, article: &str, sentence: &str, date: &str, recipient: &str) -> String {
    format!(
        "[[figure]]\ndate = \"{date}\"\nvalue = {value}\nrecipient = \"{recipient}\"\ncategory = \"civilians\"\n\
         reporter = \"Curator Wire\"\narticle = \"{article}\"\nsentence = \"{sentence}\"\n\n"
    )
}

#[test]
fn bad_corrections_are_refused_with_their_line_and_the_rest_applies() {
    let mut file = String::from("# corrections\n\n");
    file += &figure(12, "a", CIVILIANS, "2025-02-05", "ukraine"); // line 3: good
    file += &figure(9999, "nowhere", "9,999 were freed.", "2025-02-05", "each"); // line 12: unknown article
    file += &figure(12, "a", "12 civilians came home.", "2025-02-05", "ukraine"); // line 21: not in the article
    file += &figure(13, "a", CIVILIANS, "2025-02-05", "ukraine"); // line 30: 13 is not in the sentence
    file += &figure(12, "a", CIVILIANS, "5 February", "ukraine"); // line 39: bad date
    file += &figure(12, "a", CIVILIANS, "2025-02-05", "belarus"); // line 48: bad recipient
    file += "[[figure]]\nvalue = \"twelve\"\n\n"; // line 57: wrong field types
    file += "[[figures]]\nvalue = 1\n\n"; // line 60: no such table
    file += "[[reject]]\narticle = \"nowhere\"\nvalue = 150\nreason = \"typo\"\n\n"; // line 63
    file += "[[mediator]]\ndate = \"2025-02-05\"\nname = \"Qatar\"\narticle = \"a\"\nsentence = \"Qatar helped.\"\n"; // line 68
    let s = scratch(&file);
    let engine = Engine::open(&s.config()).unwrap();

    let refused: Vec<(Option<usize>, String)> = engine
        .refused()
        .iter()
        .map(|r| match &r.kind {
            RefusedKind::Entry { reason, .. } => (r.line, reason.clone()),
            other => panic!("the whole file was refused: {other:?}"),
        })
        .collect();
    let lines: Vec<Option<usize>> = refused.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [12, 21, 30, 39, 48, 57, 60, 63, 68].map(Some), "{refused:#?}");
    let reason = |line: usize| refused.iter().find(|(l, _)| *l == Some(line)).unwrap().1.clone();
    assert!(reason(12).contains("unknown article \"nowhere\""), "{}", reason(12));
    assert!(reason(21).contains("sentence not found in a"), "{}", reason(21));
    assert!(reason(30).contains("not in its sentence"), "{}", reason(30));
    assert!(reason(39).contains("YYYY-MM-DD"), "{}", reason(39));
    assert!(reason(48).contains("belarus"), "{}", reason(48));
    assert!(reason(57).contains("invalid type"), "{}", reason(57));
    assert!(reason(60).contains("not a kind of correction"), "{}", reason(60));
    let shown = engine.refused()[0].to_string();
    assert!(shown.contains("exchanges.toml:12: [[figure]] refused: "), "{shown}");

    // The good correction (line 3) applies; nothing refused reaches the facts.
    let figures = served(&engine);
    assert!(figures.iter().any(|(value, _)| *value == 12), "{figures:?}");
    assert!(!figures.iter().any(|(value, _)| [9999, 13].contains(value)), "{figures:?}");
    assert!(engine.facts().exchanges.iter().all(|e| e.mediators.iter().all(|m| m.value != "Qatar")));
    assert!(!engine.answer("How many civilians were returned on 5 February 2025?").text.contains("9,999"));
    assert!(engine.check().is_empty(), "what was applied passes check: {:?}", engine.check());
}

#[test]
fn a_syntax_error_serves_the_extracted_facts_without_corrections() {
    let broken = scratch("[[figure]\ndate = \"2025-02-05\"\n");
    let engine = Engine::open(&broken.config()).expect("a broken exchanges.toml must not stop the engine");
    assert_eq!(engine.refused().len(), 1);
    assert!(matches!(engine.refused()[0].kind, RefusedKind::Syntax(_)));
    assert_eq!(engine.refused()[0].line, Some(1));
    let none = scratch("");
    let clean = Engine::open(&none.config()).unwrap();
    assert!(clean.refused().is_empty());
    assert_eq!(served(&engine), served(&clean));
    assert!(engine.answer("How many soldiers were freed on 5 February 2025?").answered);
}

#[test]
fn the_command_line_reports_refusals_and_check_fails_on_them() {
    for (what, file) in [
        ("a syntax error", "[[figure]\n".to_string()),
        ("an unknown article", figure(9999, "nowhere", "9,999 were freed.", "2025-02-05", "each")),
    ] {
        let s = scratch(&file);
        let run = |command: &str| {
            let mut run = Command::new(bin());
            run.arg(command).arg("--data").arg(s.data()).arg("--index").arg(s.index());
            if command == "ask" {
                run.arg("How many soldiers were freed on 5 February 2025?");
            }
            run.output().expect("run powbot")
        };
        let out = run("ask");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{what}: ask failed: {stderr}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("150"), "{what}");
        assert!(stderr.contains("exchanges.toml:1"), "{what}: {stderr}");
        let check = run("check");
        assert_eq!(check.status.code(), Some(1), "{what}: {}", String::from_utf8_lossy(&check.stdout));
        assert!(String::from_utf8_lossy(&check.stdout).contains("exchanges.toml:1"), "{what}");
    }
}
