//! Any bytes as a question to the engine over the shipped corpus: no panic, valid JSON, and
//! every figure shown is in its cited sentence, which is in its cited article.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use powbot::{Engine, EngineConfig, render};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let index = std::env::temp_dir().join(format!("powbot-fuzz-index-{}", std::process::id()));
        let config = EngineConfig { data_dir: root.join("data"), index_dir: index, today: None };
        Engine::open(&config).expect("the shipped corpus loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let question = String::from_utf8_lossy(data);
    let engine = engine();
    for answer in [engine.answer(&question), engine.describe_exchange(&question)] {
        let json: serde_json::Value = serde_json::from_str(&render::json(&answer)).expect("valid JSON");
        assert!(json["answered"].is_boolean());
        for figure in &answer.figures {
            let article = engine.corpus().get(&figure.article).expect("a figure from a known article");
            assert!(article.body.contains(&figure.sentence), "sentence not in the article: {figure:?}");
            assert!(figure.sentence.to_lowercase().contains(&figure.text.to_lowercase()), "{figure:?}");
        }
    }
    assert!(engine.exchange_choices(&question).len() <= 25);
});
