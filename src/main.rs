//! The `powbot` command: ask, chat, index, check, timeline, feedback, ingest, and the Discord front ends
//! serve, serve-http.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use powbot::answer::Previous;
use powbot::discord::cli::{ServeArgs, ServeHttpArgs};
use powbot::render::terminal::{self, Style};
use powbot::{Engine, EngineConfig, ingest, render};

#[derive(Parser)]
#[command(
    name = "powbot",
    version,
    about = "Answers questions about Russia–Ukraine prisoner-of-war exchanges, citing its sources"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct DataArgs {
    /// Data directory holding articles/*.md and exchanges.toml.
    #[arg(long, env = "POWBOT_DATA", default_value = "data")]
    data: PathBuf,
    /// Index directory (a cache, rebuilt when the corpus changes).
    #[arg(long, env = "POWBOT_INDEX", default_value = "index")]
    index: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Answer one question and print the reply.
    Ask {
        /// Print the answer as one JSON object.
        #[arg(long)]
        json: bool,
        /// Also print, on stderr, how the question was understood (its slots).
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        data: DataArgs,
        /// The question.
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
    },
    /// Ask questions interactively, one per line.
    Chat {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Build (or reuse) the index and report what was loaded.
    Index {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Print the extracted dataset (exchanges, series, claims) as JSON, for curators.
    Facts {
        #[command(flatten)]
        data: DataArgs,
        /// Instead, what each article's sentences were read as, one line per fact.
        #[arg(long)]
        by_article: bool,
    },
    /// Measure start-up and answer latency over a question set (`--questions`), or on a
    /// generated corpus of N articles beside bare Tantivy and SQLite FTS5 (`--articles`).
    Bench {
        #[command(flatten)]
        data: DataArgs,
        /// Questions: a JSON array of strings or of objects with a "q" field
        /// (the eval format), or plain text with one question per line.
        #[arg(long, required_unless_present = "articles", conflicts_with = "articles")]
        questions: Option<PathBuf>,
        /// How many times each question is answered.
        #[arg(long, default_value_t = 20)]
        rounds: usize,
        /// Generate a seeded corpus of this many articles and measure start-up, indexing,
        /// answering and memory on it.
        #[arg(long)]
        articles: Option<usize>,
        /// With --articles: where the generated corpus, its index and the baselines go
        /// (default: a folder in the system's temp directory, replaced on each run).
        #[arg(long, requires = "articles")]
        dir: Option<PathBuf>,
        /// With --articles: print the report as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// One measured phase of `bench --articles`, run in a process of its own.
    #[command(hide = true)]
    BenchPhase {
        /// `cold` or `warm`.
        phase: String,
        #[command(flatten)]
        data: DataArgs,
        #[arg(long)]
        questions: PathBuf,
    },
    /// Check that every figure occurs in its cited sentence and every sentence in its article.
    Check {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Draw the exchanges over time as a PNG chart, and print its numbers.
    Timeline {
        #[command(flatten)]
        data: DataArgs,
        /// Where to write the picture.
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
        /// The first year shown.
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// The last year shown.
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
    },
    /// Print the questions users marked wrong most often, with their answers (for curators).
    Feedback {
        /// Index directory, which holds the bot's feedback (powbot.sqlite3).
        #[arg(long, env = "POWBOT_INDEX", default_value = "index")]
        index: PathBuf,
        /// How many questions to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Add reports of exchanges from links and feeds to DATA/articles/ (prints what it added and
    /// why it skipped the rest).
    Ingest {
        /// Data directory holding articles/*.md.
        #[arg(long, env = "POWBOT_DATA", default_value = "data")]
        data: PathBuf,
        /// A feeds.toml: [[feed]] tables with url, and optional include / exclude keywords.
        #[arg(long, value_name = "FILE")]
        feeds: Option<PathBuf>,
        /// Print what would be added; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Seconds between two requests to one site (a robots.txt Crawl-delay may lengthen it).
        #[arg(long, value_name = "SECS", default_value_t = 2.0)]
        per_host_delay: f64,
        /// Pages or feeds (told apart by their content).
        #[arg(value_name = "URL")]
        urls: Vec<String>,
    },
    /// Run the Discord bot over the gateway: slash commands and mentions.
    Serve(ServeArgs),
    /// Answer slash commands on Discord's Interactions Endpoint URL instead of the gateway.
    ServeHttp(ServeHttpArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A long-running bot should say that it connected and registered its commands; the
    // one-shot commands stay quiet unless something is wrong.
    let default_filter = match cli.command {
        Command::Serve(_) | Command::ServeHttp(_) => "warn,powbot=info",
        _ => "warn",
    };
    init_logs(default_filter);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("powbot: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Logs go to stderr: as text, coloured only on a terminal (a file or a journal gets no
/// escape codes), or one JSON object a line with `POWBOT_LOG_FORMAT=json`, for collectors.
fn init_logs(default_filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| default_filter.into());
    let logs = tracing_subscriber::fmt().with_writer(std::io::stderr).with_env_filter(filter);
    let format = std::env::var("POWBOT_LOG_FORMAT").unwrap_or_default();
    match format.trim().to_ascii_lowercase().as_str() {
        "json" => logs.json().init(),
        other => {
            let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            logs.with_ansi(colour).init();
            if !matches!(other, "" | "text") {
                tracing::warn!(value = other, "POWBOT_LOG_FORMAT is json or text; logging as text");
            }
        }
    }
}

fn open(data: &DataArgs) -> anyhow::Result<Engine> {
    let engine =
        Engine::open(&EngineConfig { data_dir: data.data.clone(), index_dir: data.index.clone(), today: None })
            .with_context(|| format!("cannot load the corpus from {}", data.data.display()))?;
    for skipped in engine.skipped() {
        eprintln!("powbot: skipped {skipped}");
    }
    for refused in engine.refused() {
        eprintln!("powbot: {refused}");
    }
    Ok(engine)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ask { json, explain, data, question } => {
            let question = question.join(" ");
            if question.trim().is_empty() {
                eprintln!(
                    "powbot: the question is empty; try: powbot ask \"How many prisoners were exchanged on 19 March 2025?\""
                );
                return Ok(ExitCode::from(2));
            }
            let engine = open(&data)?;
            if explain {
                eprintln!("{}", serde_json::to_string_pretty(&engine.understand(&question))?);
            }
            let answer = engine.answer(&question);
            say(if json { render::json(&answer) } else { for_console(&render::plain(&answer)) });
            Ok(ExitCode::SUCCESS)
        }
        Command::Chat { data } => {
            let engine = open(&data)?;
            say(format!("{}\n(type a question, or an empty line to quit)", for_console(&engine.help_text())));
            let mut stdin = std::io::stdin().lock();
            // What the last answer was about: "and how many were wounded?" continues from it.
            let mut previous: Option<Previous> = None;
            loop {
                write!(std::io::stdout(), "> ")?;
                std::io::stdout().flush()?;
                let line = match read_line(&mut stdin)? {
                    Line::End => return Ok(ExitCode::SUCCESS),
                    Line::Text(line) if line.trim().is_empty() => return Ok(ExitCode::SUCCESS),
                    Line::Text(line) => line,
                    // A bad line costs that line, not the session.
                    Line::NotUtf8 => {
                        eprintln!("powbot: that line is not valid UTF-8 text; please type it again");
                        continue;
                    }
                    Line::TooLong => {
                        eprintln!("powbot: that line is longer than {MAX_LINE} bytes; please ask a shorter question");
                        continue;
                    }
                };
                let answer = engine.ask_with(line.trim(), previous.as_ref());
                say(format!("{}\n", for_console(&render::plain(&answer))));
                // An answer about no exchange (a quote, an abstention) keeps the context before it.
                previous = Previous::of(&answer).or(previous);
            }
        }
        Command::Index { data } => {
            let engine = open(&data)?;
            let facts = engine.facts();
            say(format!("articles:   {} ({} skipped)", engine.corpus().articles.len(), engine.skipped().len()));
            say(format!("sentences:  {}", engine.indexed_sentences()));
            say(format!("index:      {:?}", engine.index_origin()));
            if let Some(g) = engine.index_growth() {
                say(format!(
                    "grown from: {} ({} added, {} changed, {} removed; {} taken over, {} indexed again)",
                    g.from.display(),
                    g.added,
                    g.changed,
                    g.removed,
                    g.reused,
                    g.reindexed
                ));
            }
            say(format!("exchanges:  {} ({} multi-day series)", facts.exchanges.len(), facts.series.len()));
            say(format!("figures:    {}", facts.exchanges.iter().map(|e| e.figures.len()).sum::<usize>()));
            say(format!("claims:     {}", facts.claims.len()));
            Ok(ExitCode::SUCCESS)
        }
        Command::Facts { data, by_article } => {
            let engine = open(&data)?;
            if by_article {
                for a in &engine.corpus().articles {
                    say(format!("## {} ({})\n{}", a.id, a.published, powbot::facts::read_guarded(a).summary()));
                }
            } else {
                say(serde_json::to_string_pretty(engine.facts())?);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Timeline { data, out, from, to } => {
            if let (Some(from), Some(to)) = (from, to)
                && from > to
            {
                anyhow::bail!("--from {from} comes after --to {to}");
            }
            let engine = open(&data)?;
            let slots = powbot::discord::timeline::slots(&engine, from, to);
            if slots.is_empty() {
                anyhow::bail!("no exchanges between those years; `powbot ask \"list every exchange\"` shows them all");
            }
            let title = powbot::discord::timeline::title(&slots, from, to);
            let png = render::timeline::png(&slots, &title)?;
            std::fs::write(&out, png).with_context(|| format!("cannot write {}", out.display()))?;
            say(format!("{title}\n{}", render::timeline::describe(&slots)));
            eprintln!("powbot: wrote {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Feedback { index, limit } => {
            let path = index.join(powbot::discord::store::FILE);
            if !path.exists() {
                say(format!("No feedback yet: {} does not exist (the bot creates it).", path.display()));
                return Ok(ExitCode::SUCCESS);
            }
            let store = powbot::discord::store::Store::open(&index)?;
            let worst = store.worst(limit.max(1))?;
            if worst.is_empty() {
                say("No answer has been marked wrong.".to_string());
            }
            for (i, rated) in worst.iter().enumerate() {
                say(format!(
                    "{}. {}  (👎 {}, 👍 {}; corpus {})\n{}\n",
                    i + 1,
                    rated.question,
                    rated.wrong,
                    rated.helpful,
                    rated.corpus,
                    indent(&for_console(&rated.answer))
                ));
                if !rated.figures.is_empty() {
                    say(format!("   Figures:\n{}", indent(&rated.figures)));
                }
                for comment in &rated.comments {
                    say(format!("   What was wrong: {comment}"));
                }
                say(String::new());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest { data, feeds, dry_run, per_host_delay, urls } => {
            let mut sources: Vec<ingest::Source> = urls.into_iter().map(ingest::Source::Url).collect();
            if let Some(feeds) = &feeds {
                sources.extend(ingest::load_feeds(feeds)?.into_iter().map(ingest::Source::Feed));
            }
            if sources.is_empty() {
                eprintln!("powbot: nothing to ingest; give URLs, or --feeds FILE (see feeds.example.toml)");
                return Ok(ExitCode::from(2));
            }
            anyhow::ensure!(
                per_host_delay.is_finite() && (0.0..=3600.0).contains(&per_host_delay),
                "--per-host-delay is seconds between 0 and 3600, not {per_host_delay}"
            );
            let fetch = ingest::FetchConfig {
                per_host_interval: std::time::Duration::from_secs_f64(per_host_delay),
                ..Default::default()
            };
            let options = ingest::Options { data_dir: data, dry_run, fetch };
            let report = tokio::runtime::Runtime::new()?.block_on(ingest::run(&sources, &options))?;
            say(ingest_report(&report, dry_run));
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => {
            tokio::runtime::Runtime::new()?.block_on(powbot::discord::cli::serve(args))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::ServeHttp(args) => {
            tokio::runtime::Runtime::new()?.block_on(powbot::discord::cli::serve_http(args))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { articles: Some(articles), dir, json, .. } => {
            let work = dir.unwrap_or_else(|| powbot::bench::scale::default_work_dir(articles));
            let report = powbot::bench::scale::run(articles, &work)?;
            if json {
                say(serde_json::to_string(&report)?);
            } else {
                say(serde_json::to_string_pretty(&report)?);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::BenchPhase { phase, data, questions } => {
            let list = question_list(&std::fs::read_to_string(&questions)?);
            let config = EngineConfig { data_dir: data.data.clone(), index_dir: data.index.clone(), today: None };
            say(serde_json::to_string(&powbot::bench::scale::run_phase(&phase, &config, &list)?)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { data, questions, rounds, .. } => {
            let Some(questions) = questions else {
                anyhow::bail!("bench needs --questions FILE or --articles N");
            };
            let text =
                std::fs::read_to_string(&questions).with_context(|| format!("cannot read {}", questions.display()))?;
            let list = question_list(&text);
            if list.is_empty() {
                anyhow::bail!("no questions in {}", questions.display());
            }
            let config = EngineConfig { data_dir: data.data.clone(), index_dir: data.index.clone(), today: None };
            say(powbot::bench::run(&config, &list, rounds.max(1))?.to_string());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { data } => {
            let engine = open(&data)?;
            let problems = engine.check();
            if problems.is_empty() && engine.refused().is_empty() {
                let figures: usize = engine.facts().exchanges.iter().map(|e| e.figures.len()).sum();
                say(format!(
                    "ok: {} exchanges, {figures} figures, {} claims; every figure is in its sentence and every sentence in its article",
                    engine.facts().exchanges.len(),
                    engine.facts().claims.len()
                ));
                return Ok(ExitCode::SUCCESS);
            }
            for p in &problems {
                say(format!("{}: {}", p.exchange, p.message));
            }
            // Refused corrections are not in the facts checked above, but they are problems
            // of the curated file all the same.
            for refused in engine.refused() {
                say(refused.to_string());
            }
            say(format!("{} problem(s)", problems.len() + engine.refused().len()));
            Ok(ExitCode::from(1))
        }
    }
}

/// What an ingest run did, a line per URL.
fn ingest_report(report: &ingest::Report, dry_run: bool) -> String {
    let verb = if dry_run { "would add" } else { "added" };
    let mut lines = Vec::new();
    for a in &report.added {
        lines.push(format!("{verb} {}: {}, {} — {:?} <{}> ({})", a.id, a.outlet, a.published, a.title, a.url, a.topic));
    }
    for s in &report.skipped {
        lines.push(format!("skipped {}: {}", s.url, s.reason));
    }
    if report.leftovers_removed > 0 {
        lines.push(format!("removed {} partial file(s) an interrupted run left", report.leftovers_removed));
    }
    lines.push(format!("{} {verb}, {} skipped", report.added.len(), report.skipped.len()));
    lines.join("\n")
}

/// Longest line `chat` reads as a question: far beyond any question, short of any harm.
const MAX_LINE: usize = 16 * 1024;

/// One line of `chat`'s input.
enum Line {
    End,
    Text(String),
    NotUtf8,
    TooLong,
}

/// Reads a line of at most `MAX_LINE` bytes; the rest of a longer one is read and dropped.
fn read_line(input: &mut impl BufRead) -> std::io::Result<Line> {
    let mut bytes = Vec::new();
    let limit = MAX_LINE as u64 + 1;
    if input.take(limit).read_until(b'\n', &mut bytes)? == 0 {
        return Ok(Line::End);
    }
    if bytes.len() > MAX_LINE && !bytes.ends_with(b"\n") {
        let mut rest = Vec::new();
        while input.take(limit).read_until(b'\n', &mut rest)? > 0 && !rest.ends_with(b"\n") {
            rest.clear();
        }
        return Ok(Line::TooLong);
    }
    Ok(String::from_utf8(bytes).map_or(Line::NotUtf8, Line::Text))
}

/// Questions from a JSON array (strings, or objects with "q") or from lines of text.
fn question_list(text: &str) -> Vec<String> {
    match serde_json::from_str::<Vec<serde_json::Value>>(text) {
        Ok(items) => items
            .iter()
            .filter_map(|v| v.as_str().or_else(|| v.get("q").and_then(|q| q.as_str())).map(str::to_string))
            .collect(),
        Err(_) => text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect(),
    }
}

/// Text indented under a heading.
fn indent(text: &str) -> String {
    text.lines().map(|line| format!("   {line}")).collect::<Vec<_>>().join("\n")
}

/// Discord Markdown as this console shows it: bold on a terminal, plain text in a pipe or file.
fn for_console(markdown: &str) -> String {
    let tty = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    terminal::render(markdown, if tty { Style::Ansi } else { Style::Plain })
}

/// Writes a line to stdout. A closed pipe (`powbot ask … | head`) ends the
/// program quietly instead of panicking, as command-line tools should.
fn say(text: String) {
    if let Err(e) = writeln!(std::io::stdout().lock(), "{text}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("powbot: cannot write output: {e}");
        std::process::exit(1);
    }
}
