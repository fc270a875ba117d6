//! Any bytes as an article file: the parser either refuses it with an error or yields an
//! article whose every sentence is a slice of its body, and reading its facts never panics.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use powbot::corpus::parse;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Half the inputs get valid front matter, so that the body rules are reached too.
    let raw = if data.first().is_some_and(|b| b % 2 == 0) {
        format!("+++\nid = \"f\"\ntitle = \"\"\noutlet = \"O\"\nurl = \"\"\npublished = \"2025-02-05\"\n+++\n{text}")
    } else {
        text.into_owned()
    };
    if let Ok(article) = parse(Path::new("fuzz.md"), &raw) {
        for (p, s, sentence) in article.sentences() {
            assert_eq!(article.sentence(p, s), Some(sentence));
        }
        let _ = powbot::facts::read::article(&article);
    }
});
