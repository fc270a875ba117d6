//! `powbot ingest` against the fixture web (`web.rs`, 127.0.0.1 only): what each page and feed
//! becomes, every reason to skip, de-duplication, dry runs, and files that are never lost.

use std::path::{Path, PathBuf};
use std::time::Duration;

use powbot::ingest::{self, FeedSpec, FetchConfig, FetchError, Options, Reason, Report, Source};
use powbot::{Engine, EngineConfig};

use crate::web::Web;

/// A data directory holding one shipped article, so the corpus is not empty.
fn data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/afp-2025-02-05.md");
    std::fs::copy(shipped, dir.path().join("articles/afp-2025-02-05.md")).expect("copy");
    dir
}

fn options(data: &Path) -> Options {
    Options {
        data_dir: data.to_path_buf(),
        dry_run: false,
        fetch: FetchConfig { timeout: Duration::from_secs(2), per_host_interval: Duration::ZERO, ..Default::default() },
    }
}

fn feed(web: &Web, path: &str) -> Source {
    Source::Feed(FeedSpec { url: web.url(path), include: Vec::new(), exclude: vec!["Opinion".into()] })
}

fn run(web: &Web, sources: &[Source], options: &Options) -> Report {
    web.block_on(ingest::run(sources, options)).expect("ingest runs")
}

/// The reason a URL ending in `tail` was skipped.
fn reason<'a>(report: &'a Report, tail: &str) -> &'a Reason {
    &report
        .skipped
        .iter()
        .find(|s| s.url.ends_with(tail))
        .unwrap_or_else(|| panic!("{tail} not skipped: {report:#?}"))
        .reason
}

fn article_files(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(data.join("articles")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

#[test]
fn every_fixture_page_and_what_became_of_it() {
    let web = Web::start();
    let data = data();
    let sources = [feed(&web, "/feeds/rss.xml"), feed(&web, "/feeds/atom.xml"), feed(&web, "/feeds/feed.json")];
    let report = run(&web, &sources, &options(data.path()));
    let added: Vec<(&str, &str, String)> =
        report.added.iter().map(|a| (a.id.as_str(), a.outlet.as_str(), a.published.to_string())).collect();
    assert_eq!(
        added,
        [
            ("the-kyiv-independent-2025-08-24", "The Kyiv Independent", "2025-08-24".to_string()),
            ("frontline-digest-2025-09-16", "Frontline Digest", "2025-09-16".into()),
            ("daily-herald-2025-09-14", "Daily Herald", "2025-09-14".into()),
            ("wire-live-2025-10-02", "Wire Live", "2025-10-02".into()),
            ("127-0-0-2025-08-24", "Укрінформ", "2025-08-24".into()),
            ("127-0-0-2025-10-19", "Вести Регион", "2025-10-19".into()),
            ("geneva-courier-2025-11-05", "Geneva Courier", "2025-11-05".into()),
        ],
        "{report:#?}"
    );
    // The news layout: every paragraph kept, one a line; no cookie banner, ad, share bar,
    // related links, newsletter box or footer.
    let kyiv = std::fs::read_to_string(data.path().join("articles/the-kyiv-independent-2025-08-24.md")).unwrap();
    let canonical = format!("url = \"{}\"", web.url("/news/ukraine-russia-swap-146-prisoners"));
    assert!(kyiv.contains(&canonical), "{kyiv}");
    for kept in [
        "exchanged 146 prisoners of war each",
        "mediated by the United Arab Emirates",
        "eight civilians",
        "Our people are home",
    ] {
        assert!(kyiv.contains(kept), "{kept} lost:\n{kyiv}");
    }
    for furniture in
        ["cookies", "Advertisement", "Share on", "Related stories", "Drone attack", "newsletter", "All rights reserved"]
    {
        assert!(!kyiv.contains(furniture), "{furniture} kept:\n{kyiv}");
    }
    // Charsets: windows-1251 declared only in the page, ISO-8859-1 in the header.
    let cp1251 = std::fs::read_to_string(data.path().join("articles/127-0-0-2025-10-19.md")).unwrap();
    assert!(cp1251.contains("обмен военнопленными по формуле 185 на 185"), "{cp1251}");
    let latin1 = std::fs::read_to_string(data.path().join("articles/geneva-courier-2025-11-05.md")).unwrap();
    assert!(latin1.contains("Genève") && latin1.contains("café") && latin1.contains("«without delay»"), "{latin1}");
    // The live blog keeps its entries.
    let live = std::fs::read_to_string(data.path().join("articles/wire-live-2025-10-02.md")).unwrap();
    assert!(live.contains("84 Ukrainian prisoners of war have returned home"), "{live}");
    // What was skipped, and why.
    assert_eq!(*reason(&report, "/news/grain"), Reason::NotAboutExchanges);
    assert!(matches!(reason(&report, "/news/paywall"), Reason::TooShort { paywall: true, .. }));
    assert!(matches!(reason(&report, "/news/opinion"), Reason::Filtered(why) if why.contains("Opinion")));
    assert!(matches!(reason(&report, "/private/secret"), Reason::Fetch(FetchError::Robots(_))));
    assert_eq!(web.hits("/private/secret"), 0, "robots.txt is honoured");
    assert_eq!(*reason(&report, "/status/404"), Reason::Fetch(FetchError::Status(404)));
    assert!(
        matches!(reason(&report, "/news/wire-b"), Reason::SameStory { id, noted: true, .. } if id == "daily-herald-2025-09-14")
    );
    let herald = std::fs::read_to_string(data.path().join("articles/daily-herald-2025-09-14.md")).unwrap();
    assert!(herald.contains(&format!("also_at = [\"{}\"]", web.url("/news/2025/09/14/pow-exchange"))), "{herald}");
    // Every file loads, and the engine answers from them.
    let index = tempfile::tempdir().unwrap();
    let engine =
        Engine::open(&EngineConfig { data_dir: data.path().into(), index_dir: index.path().into(), today: None })
            .expect("the corpus loads");
    assert!(engine.skipped().is_empty(), "{:?}", engine.skipped());
    let answer = engine.answer("How many prisoners were exchanged on 24 August 2025?");
    assert!(answer.text.contains("146"), "{}", answer.text);
    assert!(engine.check().is_empty());

    // Run again: the feeds answer 304 and nothing is added.
    let again = run(&web, &sources, &options(data.path()));
    assert!(again.added.is_empty(), "{again:#?}");
    assert_eq!(again.skipped.iter().filter(|s| s.reason == Reason::FeedUnchanged).count(), 3, "{again:#?}");
}

#[test]
fn pages_given_as_links_and_every_failure() {
    let web = Web::start();
    let data = data();
    let urls = [
        "/news/kyiv-report",
        "/moved",
        "/news/nodate",
        "/status/500",
        "/loop/a",
        "/big",
        "/slow",
        "/news/does-not-exist",
    ];
    let mut sources: Vec<Source> = urls.iter().map(|u| Source::Url(web.url(u))).collect();
    sources.push(Source::Url("ftp://127.0.0.1/x".into()));
    sources.push(Source::Feed(FeedSpec { url: web.url("/news/grain"), include: Vec::new(), exclude: Vec::new() }));
    let report = run(&web, &sources, &options(data.path()));
    assert_eq!(report.added.len(), 1, "{report:#?}");
    assert!(
        matches!(reason(&report, "/moved"), Reason::Known(what) if what.contains("the-kyiv-independent-2025-08-24"))
    );
    assert_eq!(*reason(&report, "/news/nodate"), Reason::NoDate);
    assert_eq!(*reason(&report, "/status/500"), Reason::Fetch(FetchError::Status(500)));
    assert!(matches!(reason(&report, "/loop/a"), Reason::Fetch(FetchError::RedirectLoop(_))));
    assert!(matches!(reason(&report, "/big"), Reason::Fetch(FetchError::TooLarge { .. })));
    assert!(matches!(reason(&report, "/slow"), Reason::Fetch(FetchError::Timeout(_))));
    assert_eq!(*reason(&report, "/does-not-exist"), Reason::Fetch(FetchError::Status(404)));
    assert!(matches!(reason(&report, "ftp://127.0.0.1/x"), Reason::BadUrl(_)));
    assert!(matches!(reason(&report, "/news/grain"), Reason::NotAFeed(_)));
    // A link already added is not fetched again.
    let before = web.hits("/news/kyiv-report");
    let again = run(&web, &[Source::Url(web.url("/news/kyiv-report"))], &options(data.path()));
    assert!(matches!(reason(&again, "/news/kyiv-report"), Reason::Known(_)));
    assert_eq!(web.hits("/news/kyiv-report"), before);
}

#[test]
fn a_dry_run_writes_nothing() {
    let web = Web::start();
    let data = data();
    let before = article_files(data.path());
    let options = Options { dry_run: true, ..options(data.path()) };
    let report = run(&web, &[feed(&web, "/feeds/atom.xml")], &options);
    assert_eq!(report.added.len(), 2, "{report:#?}");
    assert_eq!(article_files(data.path()), before);
    assert!(!data.path().join(ingest::state::FILE).exists());
}

#[test]
fn a_file_a_curator_edited_is_never_overwritten() {
    let web = Web::start();
    let data = data();
    let first = run(&web, &[Source::Url(web.url("/news/wire-a"))], &options(data.path()));
    assert_eq!(first.added.len(), 1);
    let path = data.path().join("articles/daily-herald-2025-09-14.md");
    let edited =
        std::fs::read_to_string(&path).unwrap().replace("title = ", "title = \"Edited\"\n#") + "Curator's note.\n";
    std::fs::write(&path, &edited).unwrap();
    let second = run(&web, &[Source::Url(web.url("/news/wire-b"))], &options(data.path()));
    assert!(matches!(reason(&second, "/news/wire-b"), Reason::SameStory { noted: false, .. }), "{second:#?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

#[test]
fn an_interrupted_run_leaves_no_partial_article() {
    let web = Web::start();
    let data = data();
    // What a run killed between writing and renaming leaves: a hidden .part file.
    let part = data.path().join("articles/.the-kyiv-independent-2025-08-24.md.part");
    std::fs::write(&part, "+++\nid = \"half").unwrap();
    let index = tempfile::tempdir().unwrap();
    let config = EngineConfig { data_dir: data.path().into(), index_dir: index.path().into(), today: None };
    let engine = Engine::open(&config).expect("loads");
    assert!(engine.skipped().is_empty(), "the loader never reads a .part file");
    let report = run(&web, &[Source::Url(web.url("/news/kyiv-report"))], &options(data.path()));
    assert_eq!(report.leftovers_removed, 1);
    assert!(!part.exists());
    assert_eq!(report.added.len(), 1);
}

/// The binary killed while it reads a page (the fixture trickles it over three seconds), after
/// it wrote an article from an earlier link: the article is whole, nothing partial is left,
/// and the next run adds the page and does not add the first one again.
#[test]
fn a_killed_ingest_leaves_no_partial_article_and_the_next_run_succeeds() {
    let web = Web::start();
    let data = data();
    let articles = data.path().join("articles");
    let urls = [web.url("/news/latin1"), web.url("/trickle/kyiv-report")];
    let ingest = || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_powbot"));
        command.arg("ingest").arg("--data").arg(data.path()).args(["--per-host-delay", "0"]).args(&urls);
        command.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::null());
        command
    };
    let mut child = ingest().spawn().expect("powbot ingest starts");
    let started = std::time::Instant::now();
    while web.hits("/trickle/kyiv-report") == 0 {
        assert!(started.elapsed() < Duration::from_secs(30), "powbot ingest never asked for the slow page");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Halfway through the page.
    std::thread::sleep(Duration::from_millis(1500));
    child.kill().expect("kill powbot ingest");
    child.wait().expect("it ends");

    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("the articles")
            .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names(&articles), ["afp-2025-02-05.md", "geneva-courier-2025-11-05.md"], "nothing partial");
    let index = tempfile::tempdir().unwrap();
    let config = EngineConfig { data_dir: data.path().into(), index_dir: index.path().into(), today: None };
    let engine = Engine::open(&config).expect("loads");
    assert!(engine.skipped().is_empty(), "every file whole: {:?}", engine.skipped());
    assert_eq!(engine.corpus().articles.len(), 2);

    let output = ingest().output().expect("powbot ingest runs again");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{said}");
    let after = ["afp-2025-02-05.md", "geneva-courier-2025-11-05.md", "the-kyiv-independent-2025-08-24.md"];
    assert_eq!(names(&articles), after, "{said}");
    let engine = Engine::open(&config).expect("loads");
    assert!(engine.answer("How many prisoners were exchanged on 24 August 2025?").text.contains("146"));
}

#[test]
fn a_broken_state_file_is_refused_and_kept() {
    let web = Web::start();
    let data = data();
    let state = data.path().join(ingest::state::FILE);
    std::fs::write(&state, "{not json").unwrap();
    let error =
        web.block_on(ingest::run(&[Source::Url(web.url("/news/kyiv-report"))], &options(data.path()))).unwrap_err();
    assert!(error.to_string().contains("move it away"), "{error}");
    assert_eq!(std::fs::read_to_string(&state).unwrap(), "{not json");
    assert_eq!(article_files(data.path()).len(), 1);
}
