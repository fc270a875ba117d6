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
