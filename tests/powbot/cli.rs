use std::process::Command;

use crate::support::{Scratch, article, bin, shipped_data};

fn powbot(args: &[&str], index: &std::path::Path) -> std::process::Output {
    Command::new(bin()).arg(args[0]).arg("--index").arg(index).args(&args[1..]).output().expect("run powbot")
}

#[test]
fn ask_json_prints_one_answer_object() {
    let index = tempfile::tempdir().unwrap();
    let data = shipped_data();
    let out = powbot(
        &["ask", "--json", "--data", data.to_str().unwrap(), "How many POWs were swapped on 19 March 2025?"],
        index.path(),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["question", "answered", "intent", "text", "figures", "exchanges", "sources"] {
        assert!(v.get(key).is_some(), "no {key} in {v}");
    }
    assert_eq!(v["intent"], "count");
    let f = &v["figures"][0];
    for key in ["label", "value", "article", "sentence"] {
        assert!(f.get(key).is_some(), "no figures[0].{key}");
    }
    let s = &v["sources"][0];
    for key in ["article", "outlet", "published", "url", "snippet"] {
        assert!(s.get(key).is_some(), "no sources[0].{key}");
    }
}

#[test]
fn plain_ask_fits_a_discord_message() {
    let index = tempfile::tempdir().unwrap();
    let data = shipped_data();
    let out = powbot(&["ask", "--data", data.to_str().unwrap(), "List every exchange"], index.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.trim_end().chars().count() <= 2000);
    // Off a terminal the Markdown is rendered as plain text: no asterisks to strip.
    assert!(text.contains("\nSources\n"), "{text}");
    assert!(!text.contains("**"), "{text}");
}

#[test]
fn empty_question_and_missing_data_exit_2() {
    let index = tempfile::tempdir().unwrap();
    let out = powbot(&["ask", "   "], index.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
    let out = powbot(&["ask", "--data", "/nonexistent/powbot", "How many?"], index.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("articles"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn skipped_articles_are_reported_on_stderr() {
    let s = Scratch::new(&[
        (
            "good.md",
            &article(
                "good",
                "2025-02-05",
                "Russia and Ukraine each said on Wednesday that 150 of their soldiers had been returned.",
            ),
        ),
        ("bad.md", "+++\nid = \"bad\"\npublished = \"soon\"\n+++\nx\n"),
    ]);
    let out = powbot(
        &["ask", "--data", s.data().to_str().unwrap(), "How many were returned on 5 February 2025?"],
        &s.index(),
    );
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.md:3"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("150"));
}

#[test]
fn check_passes_on_the_shipped_data_and_fails_on_a_bad_correction() {
    let index = tempfile::tempdir().unwrap();
    let data = shipped_data();
    let out = powbot(&["check", "--data", data.to_str().unwrap()], index.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));

    let s = Scratch::new(&[(
        "a.md",
        &article("a", "2025-02-05", "Russia and Ukraine each freed 150 soldiers on Wednesday."),
    )]);
    std::fs::write(
        s.data().join("exchanges.toml"),
        "[[figure]]\ndate = \"2025-02-05\"\nvalue = 151\nrecipient = \"each\"\nreporter = \"Test Wire\"\narticle = \"a\"\nsentence = \"Russia and Ukraine each freed 150 soldiers on Wednesday.\"\n",
    )
    .unwrap();
    let out = powbot(&["check", "--data", s.data().to_str().unwrap()], &s.index());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("151"), "{}", String::from_utf8_lossy(&out.stdout));
}

/// `chat` used to end the session at the first line that was not UTF-8.
#[test]
fn chat_reports_a_bad_line_and_goes_on() {
    use std::io::Write;
    let index = tempfile::tempdir().unwrap();
    let data = shipped_data();
    let mut chat = Command::new(bin())
        .args(["chat", "--data", data.to_str().unwrap(), "--index"])
        .arg(index.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run powbot chat");
    let mut input = b"How many prisoners were exchanged on 19 March 2025?\n\xff\xfe broken \xc3\n".to_vec();
    input.extend(vec![b'x'; 100_000]);
    input.extend(b"\nWho mediated the February 2025 swap?\n");
    chat.stdin.take().unwrap().write_all(&input).unwrap();
    let out = chat.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("longer than"), "{stderr}");
    assert!(stdout.contains("372"), "the first question was answered: {stdout}");
    assert!(stdout.contains("United Arab Emirates"), "the question after the bad lines was answered: {stdout}");
}

/// Logs to a file or a pipe carry no colour codes; `POWBOT_LOG_FORMAT=json` gives one JSON
/// object a line.
#[test]
fn logs_have_no_colour_off_a_terminal_and_json_on_request() {
    let index = tempfile::tempdir().unwrap();
    let data = shipped_data();
    let run = |format: &str| {
        Command::new(bin())
            .args(["index", "--data", data.to_str().unwrap(), "--index"])
            .arg(index.path())
            .env("RUST_LOG", "powbot=info")
            .env("POWBOT_LOG_FORMAT", format)
            .env_remove("NO_COLOR")
            .output()
            .expect("run powbot")
    };
    let text = run("");
    let logs = String::from_utf8_lossy(&text.stderr);
    assert!(logs.contains("engine ready"), "{logs}");
    assert!(!logs.contains('\u{1b}'), "colour codes in logs to a pipe: {logs:?}");
    let json = run("json");
    let logs = String::from_utf8_lossy(&json.stderr);
    let lines: Vec<&str> = logs.lines().collect();
    assert!(!lines.is_empty());
    for line in lines {
        let value: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(value["level"].is_string() && value["fields"].is_object(), "{line}");
    }
    assert!(logs.contains("engine ready"));
}

/// `powbot timeline` on the shipped corpus draws the reference picture: same size, and at
/// most 1% of its pixels different (room for a newer rasteriser's anti-aliasing, none for a
/// missing bar, label or font). After a deliberate change, regenerate the reference with
/// `powbot timeline --out tests/golden/timeline.png` and look at it.
#[test]
fn the_timeline_matches_its_golden_image() {
    let index = tempfile::tempdir().unwrap();
    let out = index.path().join("timeline.png");
    let data = shipped_data();
    let run = powbot(&["timeline", "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap()], index.path());
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(text.contains("19 Mar 2025: 197 / 175 · UAE"), "{text}");
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/timeline.png");
    let (want, got) = (pixels(&golden), pixels(&out));
    assert_eq!((want.0, want.1), (got.0, got.1), "the picture's size changed");
    let differing =
        want.2.chunks(3).zip(got.2.chunks(3)).filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 48));
    let share = differing.count() as f64 / (want.0 * want.1) as f64;
    assert!(share < 0.01, "{:.2}% of the pixels differ from tests/golden/timeline.png", share * 100.0);
}

/// Width, height and RGB bytes of a PNG.
fn pixels(path: &std::path::Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Rgb, "{}", path.display());
    buffer.truncate(info.buffer_size());
    (info.width, info.height, buffer)
}
