use powbot::Engine;
use powbot::corpus::{Corpus, CorpusError, LoadErrorKind};

use crate::support::{Scratch, article};

#[test]
fn malformed_articles_are_skipped_with_file_and_line_and_the_rest_loads() {
    let good = article("good", "2025-03-19", "Russia and Ukraine each freed 175 prisoners on Wednesday.");
    let s = Scratch::new(&[
        ("a-good.md", &good),
        ("b-no-front-matter.md", "Just text.\n"),
        ("c-bad-toml.md", "+++\nid = \"c\"\ntitle = oops\npublished = \"2025-01-01\"\n+++\nBody.\n"),
        ("d-no-id.md", "+++\ntitle = \"\"\npublished = \"2025-01-01\"\n+++\nBody.\n"),
        ("e-duplicate.md", &good),
        ("f-bad-date.md", "+++\nid = \"f\"\npublished = \"March 5\"\n+++\nBody.\n"),
    ]);
    std::fs::write(
        s.data().join("articles/g-latin1.md"),
        b"+++\nid = \"g\"\npublished = \"2025-01-01\"\n+++\ncaf\xe9\n",
    )
    .unwrap();
    let (corpus, errors) = Corpus::load(&s.data()).unwrap();
    assert_eq!(corpus.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["good"]);
    let got: Vec<(String, Option<usize>)> =
        errors.iter().map(|e| (e.path.file_name().unwrap().to_string_lossy().into_owned(), e.line)).collect();
    assert_eq!(
        got,
        [
            ("b-no-front-matter.md".to_string(), Some(1)),
            ("c-bad-toml.md".to_string(), Some(3)),
            ("d-no-id.md".to_string(), Some(1)),
            ("e-duplicate.md".to_string(), Some(2)),
            ("f-bad-date.md".to_string(), Some(3)),
            ("g-latin1.md".to_string(), Some(5)),
        ]
    );
    assert!(matches!(errors[3].kind, LoadErrorKind::DuplicateId { .. }));
    assert!(errors[5].to_string().contains("g-latin1.md:5: file is not valid UTF-8"), "{}", errors[5]);
    // The engine still starts and answers from what loaded.
    let engine = Engine::open(&s.config()).unwrap();
    assert_eq!(engine.skipped().len(), 6);
}

#[test]
fn missing_or_empty_data_dir_is_an_error() {
    let s = Scratch::new(&[]);
    assert!(matches!(Corpus::load(&s.data()), Err(CorpusError::Empty(_))));
    assert!(matches!(Corpus::load(&s.dir.path().join("nowhere")), Err(CorpusError::NoArticlesDir(_))));
}

#[test]
fn boilerplate_is_not_indexed_or_quoted() {
    let engine = crate::support::engine();
    for a in &engine.corpus().articles {
        for (_, _, s) in a.sentences() {
            assert!(
                !s.contains("Scroll to continue") && !s.contains("share this story") && !s.contains('»'),
                "{}: {s}",
                a.id
            );
        }
    }
}

/// Entries named `*.md` that are not article files used to be skipped without a word.
#[cfg(unix)]
#[test]
fn every_skipped_entry_is_reported_with_its_reason() {
    use std::os::unix::fs::symlink;
    let good = article("good", "2025-03-19", "Russia and Ukraine each freed 175 prisoners on Wednesday.");
    let s = Scratch::new(&[
        ("good.md", &good),
        ("no-outlet.md", "+++\nid = \"n\"\ntitle = \"t\"\nurl = \"\"\npublished = \"2025-02-05\"\n+++\nBody.\n"),
        (
            "empty-outlet.md",
            "+++\nid = \"e\"\ntitle = \"\"\noutlet = \"\"\nurl = \"\"\npublished = \"2025-02-05\"\n+++\nBody.\n",
        ),
    ]);
    let articles = s.data().join("articles");
    symlink("loop.md", articles.join("loop.md")).unwrap();
    symlink("missing-target", articles.join("dangling.md")).unwrap();
    std::fs::create_dir(articles.join("folder.md")).unwrap();
    let fifo = articles.join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    std::fs::write(articles.join("huge.md"), vec![b'x'; powbot::corpus::MAX_ARTICLE_BYTES as usize + 1]).unwrap();

    let (corpus, errors) = Corpus::load(&s.data()).unwrap();
    assert_eq!(corpus.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["good"]);
    let got: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let expect = [
        ("dangling.md", "a symbolic link to nothing"),
        ("empty-outlet.md:4", "`outlet` is empty"),
        ("folder.md", "it is a directory"),
        ("huge.md", "more than the"),
        ("loop.md", "a symbolic link that cannot be followed"),
        ("no-outlet.md:1", "front matter has no `outlet`"),
        ("pipe.md", "it is a FIFO"),
    ];
    assert_eq!(got.len(), expect.len(), "{got:#?}");
    for ((name, reason), line) in expect.iter().zip(&got) {
        assert!(
            line.contains(&format!("{name}: ")) && line.contains(reason),
            "expected {name}: …{reason}…, got {line}"
        );
    }
}
