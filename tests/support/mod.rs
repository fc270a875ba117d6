//! Helpers for the black-box Discord tests: a fake Discord, and what it holds request bodies to
//! (`schemas`: the project's own schemas, `limits` and, when at hand, Discord's OpenAPI spec).

pub mod fake_discord;
pub mod limits;
pub mod multipart;
pub mod openapi;
pub mod schemas;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use powbot::discord::answering::Shared;
use powbot::engine::{Engine, EngineConfig};

/// The engine over the shipped corpus, with its index in a fresh temporary directory.
pub fn engine(index: &Path) -> Arc<Engine> {
    let config = EngineConfig {
        data_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data"),
        index_dir: index.to_path_buf(),
        today: None,
    };
    Arc::new(Engine::open(&config).expect("the engine opens over the shipped corpus"))
}

/// The engine with a store of its own in memory, as the bots take it.
pub fn shared(engine: Arc<Engine>) -> Arc<Shared> {
    Arc::new(Shared::in_memory(engine))
}

/// Everything logged by any test in this binary, at every level, serenity's logs included.
///
/// Installed once as the global subscriber; tests that check logs look for their own markers.
pub fn captured_logs() -> Arc<std::sync::Mutex<Vec<u8>>> {
    static LOGS: std::sync::OnceLock<Arc<std::sync::Mutex<Vec<u8>>>> = std::sync::OnceLock::new();
    Arc::clone(LOGS.get_or_init(|| {
        let logs = Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = Arc::clone(&logs);
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("trace"))
            .with_ansi(false)
            .with_writer(move || LogWriter(Arc::clone(&sink)))
            .finish();
        // Another subscriber already installed would only mean fewer logs to check.
        let _ = tracing::subscriber::set_global_default(subscriber);
        logs
    }))
}

struct LogWriter(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for LogWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(|poison| poison.into_inner()).extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A corpus directory holding the shipped articles plus `extra` generated one-exchange
/// articles (one every four days from January 2023), so that listings outgrow one embed.
pub fn corpus_with_extra_exchanges(dir: &Path, extra: usize) -> PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).expect("create the articles directory");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
    for entry in std::fs::read_dir(&shipped).expect("the shipped corpus") {
        let path = entry.expect("a directory entry").path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, articles.join(name)).expect("copy an article");
        }
    }
    let months = powbot::lang::dates::MONTHS;
    let days_in = |month: usize| match month {
        1 => 28,
        3 | 5 | 8 | 10 => 30,
        _ => 31,
    };
    let (mut month, mut day) = (0usize, 2usize);
    for i in 0..extra {
        let iso = format!("2023-{:02}-{day:02}", month + 1);
        let count = 100 + i;
        let text = format!(
            "+++\nid = \"generated-{iso}\"\ntitle = \"Russia and Ukraine swap {count} prisoners each\"\n\
             outlet = \"Test Wire\"\nurl = \"\"\npublished = \"{iso}\"\n+++\n\
             On {day} {} 2023, Russia and Ukraine exchanged {count} prisoners of war apiece in a swap \
             brokered by the United Arab Emirates.\n\n\
             Both sides confirmed that {count} servicemen had been returned home.\n",
            months[month]
        );
        std::fs::write(articles.join(format!("generated-{iso}.md")), text).expect("write");
        day += 4;
        if day > days_in(month) {
            day -= days_in(month);
            month += 1;
        }
        assert!(month < 12, "at most a year of generated exchanges");
    }
    dir.to_path_buf()
}

/// The engine over `data`, with its index in `index`.
pub fn engine_over(data: &Path, index: &Path) -> Arc<Engine> {
    let config = EngineConfig { data_dir: data.to_path_buf(), index_dir: index.to_path_buf(), today: None };
    Arc::new(Engine::open(&config).expect("the engine opens"))
}
