//! Tables: a header line of column names and rows under it, with cells
//! split by pipes or spaced dashes. Roundups print them as
//!
//! ```text
//! Date - Ukrainians freed - military / civilians - Russians freed - Mediator
//! - 19 April 2022 - 76 - 60 / 16 - not given - none named
//! ```
//!
//! A row is one exchange: its date cell dates it, and each number is read
//! through its column's name ("Ukrainians freed": to Ukraine; "military /
//! civilians" beside it: parts of that count). Sentence rules cannot read
//! such rows, which have no verbs and whose numbers mean what the header says.

use super::sentence::Sentence;
use super::{ArticleFacts, Context, Fact, Observation};
use crate::facts::model::{
    Attributed, Citation, Claim, ClaimKind, Confidence, ExchangeDate, Figure, Recipient, Reporter, Scope, Stage,
};
use crate::lang::dates::{self, Anchor};
use crate::lang::lexicon::{Category, Cue, Tag, names};
use crate::lang::text;
use chrono::Datelike;

/// Words of a column that holds no exchange figure.
/// ("Bodies received" is read, as the dead handed over, when it is the table's only count.)
const SKIPPED_COLUMNS: &[&str] = &["total", "running", "cumulative", "so far", "age", "ages"];
/// Words of a column that names the mediator.
const MEDIATOR_COLUMNS: &[&str] = &["mediator", "mediated", "broker", "brokered", "via"];
/// Words of a column for both sides together, or each side.
const COMBINED_COLUMNS: &[&str] = &["in all", "combined", "both sides"];

/// Words of a column that numbers the days of one multi-day exchange.
const STAGE_COLUMNS: &[&str] = &["stage", "phase"];
/// Names of a column numbering each row's exchange in the war's series: "| No. | Date |".
/// A plain number ("7") counts only under a list's own number column; "Exchange" needs a rank ("64th").
const NUMBER_COLUMNS: &[&str] = &["no", "#", "nr", "number", "exchange", "swap", "exchange no", "swap no"];
const LIST_NUMBER_COLUMNS: &[&str] = &["no", "#", "nr", "number"];
/// Words that open a row summing the rows above it: "| **Total** | 23–25 May | 1,000 |".
const TOTAL_ROWS: &[&str] = &["total", "overall", "in all", "all stages", "all days"];

/// How a column's cells are read.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Date,
    /// "| Stage | Date |": the row's day is that stage of one exchange.
    Stage,
    /// People freed: to whom, of what category, and a part of the column before.
    Count {
        recipient: Option<Recipient>,
        category: Category,
        terms: Vec<String>,
        reporter: Option<Reporter>,
    },
    Mediator,
    /// "| No. |", "| Exchange |": the exchange's number in the war's series ("7", "64th"),
    /// maybe with its day ("65th, day 1").
    Number,
    /// "| Detail |": words about the row; only lists of groups ("3 officers, 202
    /// soldiers and sergeants") are read from it, as parts of the count before.
    Note,
    /// "UAE running total": a running total its source gives as of each row's day.
    Tally {
        kind: ClaimKind,
        reporter: Reporter,
    },
    Other,
}

/// Words of a column that holds a running total.
const TALLY_COLUMNS: &[&str] = &["running", "cumulative", "so far"];
/// Words of a column of prose about the row ("Who came back / notes"): its numbers
/// are no breakdown of the column before (only a row's last cell is read as prose).
const NOTE_COLUMNS: &[&str] = &["notes", "note", "details", "detail", "comment", "comments", "remarks"];

/// Cells of a line, if it is a table line: pipes, or three or more spaced dashes' worth.
fn cells(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let split: Vec<String> = if t.contains('|') {
        // "| 3 | 8 Feb | 100 | 100 | – | |": an empty cell between pipes is still a cell.
        let inner = t.strip_prefix('|').unwrap_or(t);
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        inner.split('|').map(str::trim).map(String::from).collect()
    } else {
        let body = t.strip_prefix("- ").or_else(|| t.strip_prefix("– ")).unwrap_or(t);
        body.split(" - ").flat_map(|c| c.split(" – ")).map(str::trim).map(String::from).collect()
    };
    (split.len() >= 3).then_some(split)
}

/// "|---|:---:|": the line under a Markdown table's header.
fn rule(cells: &[String]) -> bool {
    cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// Reads every table of the article; returns the paragraphs that were rows of
/// the dead handed over, whose notes ("Umerov: 4,812 received this week") count bodies
/// too and are no one's prisoners.
pub fn read(ctx: &Context, out: &mut ArticleFacts) -> Vec<usize> {
    let a = ctx.article;
    let lines: Vec<&str> = a.paragraphs.iter().map(|p| a.text(&p.span)).collect();
    let mut bodies_rows = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(head) = cells(lines[i]).filter(|h| h.iter().all(|c| !c.chars().any(|ch| ch.is_ascii_digit()))) else {
            i += 1;
            continue;
        };
        let intro = intro_side(&a.body, lines[i], a.published);
        let columns = columns(&head, a.published, intro);
        if !columns.contains(&Column::Date) {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        while let Some(row) = lines.get(k).and_then(|l| cells(l)) {
            if !rule(&row) {
                if row.len() != head.len() {
                    break;
                }
                if read_row(ctx, &head, &columns, &row, k, out) {
                    bodies_rows.push(k);
                }
            }
            k += 1;
        }
        i = k.max(i + 1);
    }
    bodies_rows
}

/// "Kyiv's official cumulative count of people returned from Russian captivity …" over a
/// table whose columns name no side: whose people its counts and totals are. People come
/// home from the other side's captivity; else the one side the line names.
fn intro_side(body: &str, header: &str, published: chrono::NaiveDate) -> Option<crate::lang::Side> {
    // The lines just above the header in the raw body, headings included: "## 2. Stages of
    // repatriation (bodies received by Ukraine)".
    let lines: Vec<&str> = body.lines().map(str::trim).collect();
    let at = lines.iter().position(|l| *l == header.trim())?;
    lines[..at].iter().rev().filter(|l| !l.is_empty()).take(INTRO_LINES).find_map(|l| side_of_line(l, published))
}

/// How many lines above a table may say whose counts it holds.
const INTRO_LINES: usize = 2;

fn side_of_line(line: &str, published: chrono::NaiveDate) -> Option<crate::lang::Side> {
    let s = Sentence::new(line, published, 0, 0);
    let captivity = (1..s.words.len()).find_map(|k| match s.tag(k - 1) {
        Some(Tag::Nationality(side)) if s.is(k, "captivity") => Some(side.other()),
        _ => None,
    });
    let mut named = s.tags.iter().filter_map(|t| match t.tag {
        Tag::State(side) | Tag::Nationality(side) => Some(side),
        _ => None,
    });
    let first = named.next();
    captivity.or(first.filter(|f| named.all(|x| x == *f)))
}

fn columns(head: &[String], published: chrono::NaiveDate, intro: Option<crate::lang::Side>) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    for name in head {
        let lower = name.to_lowercase();
        let s = Sentence::new(name, published, 0, 0);
        let column = if lower.contains("date") || lower == "day" || lower == "when" {
            Column::Date
        } else if MEDIATOR_COLUMNS.iter().any(|w| lower.contains(w)) {
            Column::Mediator
        } else if NUMBER_COLUMNS.contains(&lower.trim_matches(['*', '_', ' ', '.'])) {
            Column::Number
        } else if STAGE_COLUMNS.iter().any(|w| lower.split(|c: char| !c.is_alphabetic()).any(|x| x == *w)) {
            Column::Stage
        } else if let Some(tally) = tally_column(&s, &lower, intro) {
            tally
        } else if SKIPPED_COLUMNS.iter().any(|w| lower.contains(w)) {
            Column::Other
        } else if lower.split(|c: char| !c.is_alphabetic()).any(|w| NOTE_COLUMNS.contains(&w)) {
            Column::Note
        } else {
            match count_column(&s, &lower) {
                // "Returned in this swap", under a line about Kyiv's count: Ukraine's people.
                Column::Count { recipient: None, category, terms, reporter }
                    if intro.is_some() && out.iter().all(|c| !matches!(c, Column::Count { .. })) =>
                {
                    Column::Count { recipient: intro.map(Recipient::To), category, terms, reporter }
                }
                other => other,
            }
        };
        out.push(column);
    }
    out
}

/// "UAE running total" (captives both ways, as the mediator counts them),
/// "Ukrainians returned so far": whose running total a column holds.
fn tally_column(s: &Sentence, lower: &str, intro: Option<crate::lang::Side>) -> Option<Column> {
    if !TALLY_COLUMNS.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let named = s.tags.iter().find_map(|t| match t.tag {
        Tag::Mediator(m) => Some(Column::Tally {
            kind: ClaimKind::SwappedTotal,
            reporter: Reporter { side: None, name: names::mediator_name(m).to_string() },
        }),
        // "Ukrainians returned so far", "Running total (Kyiv)": that side's people.
        Tag::Nationality(side) | Tag::State(side) => Some(Column::Tally {
            kind: ClaimKind::ReturnedTotal(side),
            reporter: super::reporter::speaker_at(s, t.words.start)
                .unwrap_or(Reporter { side: Some(side), name: side.name().to_string() }),
        }),
        _ => None,
    });
    // "Cumulative total" under "Kyiv's official cumulative count …": the side the line names.
    named.or_else(|| {
        intro.map(|side| Column::Tally {
            kind: ClaimKind::ReturnedTotal(side),
            reporter: Reporter { side: Some(side), name: side.capital().to_string() },
        })
    })
}

fn count_column(s: &Sentence, lower: &str) -> Column {
    let mut recipient = None;
    let mut category = Category::Prisoners;
    let mut reporter = None;
    let mut people = false;
    for t in &s.tags {
        match t.tag {
            Tag::Nationality(side) => {
                recipient = Some(Recipient::To(side));
                people = true;
            }
            // "Moscow's figure": who gives the column's numbers.
            Tag::State(_) => reporter = super::reporter::speaker_at(s, t.words.start),
            Tag::Cue(Cue::Each) => recipient = Some(Recipient::Each),
            Tag::Kind(c) | Tag::People(c) => {
                people = true;
                if c != Category::Prisoners {
                    category = c;
                }
            }
            Tag::Act(_) => people = true,
            _ => {}
        }
    }
    if COMBINED_COLUMNS.iter().any(|w| lower.contains(w)) {
        recipient = Some(Recipient::Combined);
    }
    // "Ukraine says came home", "Russia got back": the side people came home to.
    if recipient.is_none() {
        let home = |t: Tag| matches!(t, Tag::Act(crate::lang::lexicon::Act::Home | crate::lang::lexicon::Act::Receive));
        // "RETURNED TO UKRAINE (UA)", "To Russia": the side they went to.
        // "Bodies received by Ukraine": the side after "received by".
        let received_by = |k: usize| k >= 2 && s.is(k - 1, "by") && s.has(k - 2..k - 1, home);
        recipient = s.tags.iter().find_map(|t| match t.tag {
            Tag::State(side)
                if s.has(t.words.end..s.words.len(), home)
                    || t.words.start > 0 && s.is(t.words.start - 1, "to")
                    || received_by(t.words.start) =>
            {
                Some(Recipient::To(side))
            }
            _ => None,
        });
        people |= recipient.is_some();
    }
    let terms = (0..s.words.len())
        .filter(|&k| matches!(s.tag(k), Some(Tag::People(_) | Tag::Kind(_))))
        .map(|k| s.words[k].norm.clone())
        .collect();
    if people { Column::Count { recipient, category, terms, reporter } } else { Column::Other }
}

/// Reads one row into facts; returns whether it is a row of the dead handed over.
fn read_row(
    ctx: &Context,
    head: &[String],
    columns: &[Column],
    row: &[String],
    paragraph: usize,
    out: &mut ArticleFacts,
) -> bool {
    let a = ctx.article;
    let line = a.paragraphs.get(paragraph).and_then(|p| p.sentences.first()).map_or("", |s| a.text(s));
    let cite = Citation { article: a.id.clone(), sentence: line.to_string() };
    let Some(date) = columns.iter().zip(row).find(|(c, _)| **c == Column::Date).and_then(|(_, cell)| {
        let words = text::words(cell);
        let found = dates::find(&words, Anchor::Published(a.published));
        let date = found.first().and_then(|m| ExchangeDate::from_period(&m.period))?;
        // A row records a swap that happened: "3 Jan" in a tracker updated on
        // 2 January 2025 is last year's, whatever the few days ahead news may mean.
        let year_given = words.iter().any(|w| w.is_digits() && w.norm.len() == 4);
        match date {
            ExchangeDate::Day(d) if d > a.published && !year_given => d.with_year(d.year() - 1).map(ExchangeDate::Day),
            other => Some(other),
        }
    }) else {
        return false;
    };
    let observe = |fact: Fact, out: &mut ArticleFacts| {
        out.observations.push(Observation { date: Some(date), fact, inferred: false, guessed: false });
    };
    // "| **Total** | 23–25 May | **1,000** |": the sum of the days above, dated by
    // the first, not one more day's count.
    let total = row.iter().any(|cell| {
        let cell = cell.trim_matches(['*', '_', ' ']).to_lowercase();
        TOTAL_ROWS.iter().any(|w| cell.starts_with(w))
    }) || columns.iter().zip(row).any(|(c, cell)| *c == Column::Date && day_range(cell));
    // "| Fri 18 Oct | Repatriation of bodies | 501 bodies | 89 bodies |": the dead
    // handed over, no exchange of prisoners; said in a count cell or a short label
    // cell, not in a note ("Russia also handed over 212 bodies" beside a swap's 75).
    let dead = |s: &Sentence| s.has(0..s.words.len(), |t| t == Tag::Thing(crate::lang::lexicon::Thing::Bodies));
    // "| Date | Bodies received | Remarks |": the count columns' names say so for every row.
    let mut counts = columns.iter().zip(head).filter(|(c, _)| matches!(c, Column::Count { .. })).peekable();
    let bodies_table =
        counts.peek().is_some() && counts.all(|(_, name)| dead(&Sentence::new(name, a.published, paragraph, 0)));
    let bodies = columns.iter().zip(row).zip(head).any(|((column, cell), name)| {
        let s = Sentence::new(cell, a.published, paragraph, 0);
        let label = *column == Column::Other
            && !NOTE_COLUMNS.iter().any(|n| name.to_lowercase().contains(n))
            && s.words.iter().filter(|w| !w.is_punct()).count() <= 4;
        (label || matches!(column, Column::Count { .. })) && dead(&s)
    }) || bodies_table;
    if !total && !bodies {
        observe(Fact::Report(cite.clone()), out);
    }
    // The recipient of the last count column: "military / civilians" beside "Ukrainians freed" are its parts.
    let mut last: Option<Recipient> = None;
    // Head counts of the row and its note cells, whose groups break one of them down.
    let mut heads: Vec<(Recipient, u64)> = Vec::new();
    let mut notes: Vec<&String> = Vec::new();
    for ((column, cell), name) in columns.iter().zip(row).zip(head) {
        match column {
            Column::Mediator => {
                let s = Sentence::new(cell, a.published, paragraph, 0);
                for t in &s.tags {
                    if let Tag::Mediator(m) = t.tag {
                        let value = names::mediator_name(m).to_string();
                        observe(Fact::Mediator(Attributed { value, cite: cite.clone() }), out);
                    }
                }
            }
            Column::Count { recipient, category, terms, reporter } => {
                // "12 / 14" under "military / civilians": one figure per sub-column.
                let subnames: Vec<&str> = name.split('/').collect();
                let subcells: Vec<&str> = cell.split('/').collect();
                let split = subnames.len() > 1 && subnames.len() == subcells.len();
                let pieces: Vec<(&str, &str)> = if split {
                    subnames.into_iter().zip(subcells).collect()
                } else {
                    vec![(name.as_str(), cell.as_str())]
                };
                let part = recipient.is_none() && last.is_some();
                for (sub, piece) in pieces {
                    let counts = cell_counts(piece, a.published);
                    let Some(head) = counts.first() else { continue };
                    let (category, terms) = if split {
                        match count_column(&Sentence::new(sub, a.published, 0, 0), &sub.to_lowercase()) {
                            Column::Count { category, terms, .. } => (category, terms),
                            _ => (Category::Prisoners, vec![sub.trim().to_lowercase()]),
                        }
                    } else {
                        (*category, terms.clone())
                    };
                    let Some(to) = recipient.or(last) else { continue };
                    // "157, plus 3 Kursk civilians (Moscow's figure)": the cell names its source.
                    let reporter = head
                        .reporter
                        .clone()
                        .or(reporter.clone())
                        .unwrap_or_else(|| ctx.statement.clone().unwrap_or_else(|| ctx.outlet.clone()));
                    for (k, cc) in counts.iter().enumerate() {
                        let (category, terms) =
                            if k == 0 { (category, terms.clone()) } else { (cc.category, cc.terms.clone()) };
                        let part = part || cc.part;
                        let figure = Figure {
                            value: cc.value,
                            text: cc.written.clone(),
                            approx: None,
                            recipient: to,
                            category,
                            terms,
                            part,
                            reporter: reporter.clone(),
                            confidence: if part { Confidence::Medium } else { Confidence::High },
                            cite: cite.clone(),
                        };
                        match (total, bodies) {
                            (_, true) => {
                                if let (false, Recipient::To(side), ExchangeDate::Day(as_of)) = (part, to, date) {
                                    out.claims.push(Claim {
                                        kind: ClaimKind::Bodies(side),
                                        scope: Scope::Day,
                                        low: cc.value,
                                        high: None,
                                        text: cc.written.clone(),
                                        approx: None,
                                        reporter: reporter.clone(),
                                        as_of,
                                        cite: cite.clone(),
                                    });
                                }
                            }
                            (true, false) if !part => observe(Fact::SeriesTotal(figure), out),
                            (true, false) => {}
                            (false, false) => {
                                if !part {
                                    heads.push((to, cc.value));
                                }
                                observe(Fact::Figure(figure), out)
                            }
                        }
                    }
                }
                if recipient.is_some() {
                    last = *recipient;
                }
            }
            Column::Tally { kind, reporter } => {
                // "2,828*": a footnoted total ("our own arithmetic") is not the source's figure.
                let footnoted = cell.trim().ends_with('*') && !cell.trim().ends_with("**");
                if let (Some(c), ExchangeDate::Day(as_of), false) =
                    (cell_counts(cell, a.published).first(), date, footnoted)
                {
                    // "Ukraine's running total" beside "Bodies received by Ukraine": of the dead.
                    let kind = match *kind {
                        ClaimKind::ReturnedTotal(side) if bodies_table => ClaimKind::Bodies(side),
                        other => other,
                    };
                    out.claims.push(Claim {
                        kind,
                        scope: Scope::Unstated,
                        low: c.value,
                        high: None,
                        text: c.written.clone(),
                        approx: None,
                        reporter: reporter.clone(),
                        as_of,
                        cite: cite.clone(),
                    });
                }
            }
            Column::Stage => {
                let number = cell.trim_matches(['*', '_', ' ']).parse::<u32>().ok().filter(|n| (1..=20).contains(n));
                if let Some(number) = number.filter(|_| !total) {
                    observe(Fact::Stage(Stage { number, last: false, cite: cite.clone() }), out);
                }
            }
            // "| 390 | 270 military + 120 civilians; 387 men, 3 women |": parts of the 390.
            Column::Note => notes.push(cell),
            // "| 65th, day 1 |", "| stage |": a day or stage of one exchange, in a column of its own name.
            Column::Other => {
                if let Some(number) = stage_cell(cell).filter(|_| !total && !bodies) {
                    observe(Fact::Stage(Stage { number, last: false, cite: cite.clone() }), out);
                }
            }
            // "| 7 | 28.04.2022 |", "| 65th, day 1 |": the swap's number, and maybe its day.
            Column::Number => {
                if let Some(number) = stage_cell(cell).filter(|_| !total && !bodies) {
                    observe(Fact::Stage(Stage { number, last: false, cite: cite.clone() }), out);
                }
                let first = cell.trim_matches(['*', '_', ' ']).split([',', ' ']).next().unwrap_or("");
                let listed = LIST_NUMBER_COLUMNS.contains(&name.to_lowercase().trim_matches(['*', '_', ' ', '.']));
                let plain = first.parse::<u32>().ok().filter(|_| listed);
                let rank = plain.or_else(|| crate::lang::numbers::ordinal(&first.to_lowercase()));
                if let (Some(n), ExchangeDate::Day(as_of), false) =
                    (rank.filter(|n| (1..=500).contains(n)), date, total || bodies)
                {
                    // Written as a rank ("64th"), or as the list's number ("No. 7").
                    let text = if plain.is_some() { format!("No. {first}") } else { first.to_string() };
                    out.claims.push(Claim {
                        kind: ClaimKind::SwapCount,
                        scope: Scope::War,
                        low: u64::from(n),
                        high: None,
                        text,
                        approx: None,
                        reporter: ctx.statement.clone().unwrap_or_else(|| ctx.outlet.clone()),
                        as_of,
                        cite: cite.clone(),
                    });
                }
            }
            Column::Date => {}
        }
    }
    // "| 390 | 270 military + 120 civilians; 387 men, 3 women |": parts of the count
    // they add up to, or of the row's only side (not "93 privates and sergeants plus 2
    // officers" as parts of Russia's 94 beside Ukraine's 95).
    for cell in notes {
        let groups = group_lists(cell, a.published);
        let sum: u64 = groups.iter().map(|g| g.value).sum();
        let to = heads.iter().find(|(_, v)| *v == sum).map(|(to, _)| *to).or_else(|| {
            let first = heads.first()?.0;
            heads.iter().all(|(to, _)| *to == first).then_some(first)
        });
        let Some(to) = to else { continue };
        for g in groups {
            let figure = Figure {
                value: g.value,
                text: g.written,
                approx: None,
                recipient: to,
                category: g.category,
                terms: g.terms,
                part: true,
                reporter: ctx.statement.clone().unwrap_or_else(|| ctx.outlet.clone()),
                confidence: Confidence::Medium,
                cite: cite.clone(),
            };
            observe(Fact::Figure(figure), out);
        }
    }
    bodies
}

/// Words that name a day of a multi-day exchange in a cell.
const STAGE_CELLS: &[&str] = &["day", "stage", "phase", "round"];

/// "65th, day 1" → 1; "66th, stage 1" → 1; "stage" → 0 (numbered later by its place).
/// Not "day one of talks", nor a cell of prose.
fn stage_cell(cell: &str) -> Option<u32> {
    let words = text::words(cell.trim_matches(['*', '_', ' ']));
    let plain: Vec<&text::Word> = words.iter().filter(|w| !w.is_punct()).collect();
    let k = plain.iter().position(|w| STAGE_CELLS.contains(&w.norm.as_str()))?;
    match &plain[k + 1..] {
        [] if plain.len() <= 2 => Some(0),
        [n] => n.number().and_then(|n| u32::try_from(n).ok()).filter(|n| (1..=20).contains(n)),
        _ => None,
    }
}

/// "23–25 May", "5-6 March": a date cell spanning days.
fn day_range(cell: &str) -> bool {
    let words = text::words(cell);
    words.windows(3).any(|w| w[0].is_digits() && ["-", "–", "—"].contains(&w[1].norm.as_str()) && w[2].is_digits())
}

/// One number of a cell.
#[derive(Debug)]
struct CellCount {
    value: u64,
    written: String,
    /// "(150 military, 7 civilians)": a breakdown of the cell's first number.
    part: bool,
    category: Category,
    terms: Vec<String>,
    /// "(Moscow's figure)": who gives the cell's numbers.
    reporter: Option<Reporter>,
}

/// The numbers of a cell that starts with one: "76"; "157 (150 military,
/// 7 civilians)" (the bracket breaks the first down); "300, plus 2
/// civilians" (the second comes on top). "not given" and "UAE (its ninth
/// mediation)" have none.
fn cell_counts(cell: &str, published: chrono::NaiveDate) -> Vec<CellCount> {
    let s = Sentence::new(cell.trim(), published, 0, 0);
    let Some(first) = s.words.first().and_then(|w| w.number().map(|v| (v, w))) else { return Vec::new() };
    let reporter = s.tags.iter().find_map(|t| match t.tag {
        Tag::State(_) => super::reporter::speaker_at(&s, t.words.start),
        _ => None,
    });
    let mut out = vec![CellCount {
        value: first.0,
        written: s.text[first.1.span.clone()].to_string(),
        part: false,
        category: Category::Prisoners,
        terms: Vec::new(),
        reporter,
    }];
    for (i, w) in s.words.iter().enumerate().skip(1) {
        let Some(value) = w.number() else { continue };
        let bracketed = (0..i).rev().take_while(|&k| !s.is(k, ")")).any(|k| s.is(k, "("));
        let added = (i.saturating_sub(2)..i).any(|k| s.is(k, "plus") || s.is(k, "and"));
        if !(bracketed || added) {
            continue;
        }
        // The words after the number say whom it counts: "7 civilians", "150 military".
        let noun = (i + 1..s.words.len()).take_while(|&k| !s.words[k].is_punct() && s.words[k].number().is_none());
        let mut category = Category::Prisoners;
        let mut terms = Vec::new();
        for k in noun {
            if let Some(Tag::Kind(c) | Tag::People(c)) = s.tag(k) {
                category = if c == Category::Prisoners { category } else { c };
            }
            if s.words[k].kind == crate::lang::text::WordKind::Word && s.tag(k) != Some(Tag::Cue(Cue::Be)) {
                terms.push(s.words[k].norm.clone());
            }
        }
        out.push(CellCount {
            value,
            written: s.text[w.span.clone()].to_string(),
            part: bracketed,
            category,
            terms,
            reporter: None,
        });
    }
    out
}

/// Words that join the groups of a list in a note cell: "270 military + 120 civilians".
const LIST_JOINS: &[&str] = &[",", "and", "+", "plus"];

/// The groups a note cell lists, each a count and its people: "3 officers, 202 soldiers
/// and sergeants"; "all men; 27 Mariupol defenders" (the second). A piece of the cell
/// between semicolons is read only when every count in it names people and nothing
/// else stands between them: not "205-for-205", "ages 25 to 61", "handed over 212 bodies".
fn group_lists(cell: &str, published: chrono::NaiveDate) -> Vec<CellCount> {
    let mut out = Vec::new();
    for piece in cell.split(';') {
        let s = Sentence::new(piece.trim(), published, 0, 0);
        let w = &s.words;
        let mut items: Vec<CellCount> = Vec::new();
        let mut k = 0;
        let listed = loop {
            let Some(value) = w.get(k).and_then(|x| x.number()) else { break false };
            // "202 soldiers and sergeants": a join before a word, not a count, goes on with this group.
            let mut noun: Vec<usize> = Vec::new();
            let mut j = k + 1;
            while j < w.len() {
                if LIST_JOINS.contains(&w[j].norm.as_str()) {
                    let next = (j..w.len()).find(|&x| !LIST_JOINS.contains(&w[x].norm.as_str()));
                    match next {
                        Some(x) if w[x].number().is_none() => j = x,
                        _ => break,
                    }
                }
                noun.push(j);
                j += 1;
            }
            let people = noun.iter().any(|&j| matches!(s.tag(j), Some(Tag::People(_) | Tag::Kind(_))));
            let plain = noun.iter().all(|&j| {
                w[j].kind == text::WordKind::Word
                    && !matches!(s.tag(j), Some(Tag::Act(_) | Tag::Speech | Tag::Thing(_)))
            });
            if !people || !plain {
                break false;
            }
            let category = noun
                .iter()
                .find_map(|&j| match s.tag(j) {
                    Some(Tag::People(c) | Tag::Kind(c)) if c != Category::Prisoners => Some(c),
                    _ => None,
                })
                .unwrap_or(Category::Prisoners);
            items.push(CellCount {
                value,
                written: s.text[w[k].span.clone()].to_string(),
                part: true,
                category,
                terms: noun.iter().map(|&j| w[j].norm.clone()).collect(),
                reporter: None,
            });
            k = noun.last().map_or(k + 1, |j| j + 1);
            while w.get(k).is_some_and(|x| LIST_JOINS.contains(&x.norm.as_str())) {
                k += 1;
            }
            if k >= w.len() {
                break true;
            }
        };
        if listed {
            out.extend(items);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_into_cells() {
        assert_eq!(
            cells("- 19 April 2022 - 76 - 60 / 16 - not given").unwrap(),
            ["19 April 2022", "76", "60 / 16", "not given"]
        );
        assert_eq!(cells("| 19 April 2022 | 76 | UAE |").unwrap(), ["19 April 2022", "76", "UAE"]);
        assert!(cells("Kyiv said 76 came home - a record.").is_none());
        assert!(rule(&cells("|---|:---:|---|").unwrap()));
    }

    #[test]
    fn cells_with_breakdowns_and_additions() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 4, 27).unwrap();
        let values = |cell: &str| cell_counts(cell, day).iter().map(|c| (c.value, c.part)).collect::<Vec<_>>();
        assert_eq!(values(" 76 "), [(76, false)]);
        assert_eq!(values("not given"), []);
        assert_eq!(values("157 (150 military, 7 civilians)"), [(157, false), (150, true), (7, true)]);
        assert_eq!(values("300, plus 2 civilians"), [(300, false), (2, false)]);
        assert_eq!(values("UAE (its ninth mediation that year)"), []);
        let groups =
            |cell: &str| group_lists(cell, day).iter().map(|c| (c.value, c.terms.join(" "))).collect::<Vec<_>>();
        assert_eq!(
            groups("270 military + 120 civilians; 387 men, 3 women"),
            [(270, "military".into()), (120, "civilians".into()), (387, "men".into()), (3, "women".into())]
        );
        assert_eq!(groups("all men; 27 Mariupol defenders"), [(27, "mariupol defenders".into())]);
        assert_eq!(
            groups("205-for-205; 3 officers, 202 soldiers and sergeants; UAE mediated"),
            [(3, "officers".into()), (202, "soldiers sergeants".into())]
        );
        assert_eq!(groups("all men; 27 Mariupol defenders; ages 25 to 61"), [(27, "mariupol defenders".into())]);
        assert_eq!(groups("Russia also handed over 212 bodies"), []);
        assert_eq!(stage_cell("65th, day 1"), Some(1));
        assert_eq!(stage_cell("66th, stage 2"), Some(2));
        assert_eq!(stage_cell("stage"), Some(0));
        assert_eq!(stage_cell("day one of talks in Istanbul"), None);
        assert_eq!(stage_cell("fourth swap of the week; mostly officers"), None);
        let named = cell_counts("157, plus 3 Kursk civilians (Moscow's figure)", day);
        assert_eq!(named[0].reporter.as_ref().map(|r| r.name.as_str()), Some("Moscow"));
    }
}

#[cfg(test)]
mod header_tests {
    use super::*;

    #[test]
    fn a_column_of_who_says_came_home_counts_that_sides_people() {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 2).unwrap();
        let head: Vec<String> =
            ["Date", "Ukraine says came home", "Russia says came home", "Mediator", "Notes"].map(String::from).to_vec();
        let got = columns(&head, day, None);
        assert!(
            matches!(&got[1], Column::Count { recipient: Some(Recipient::To(crate::lang::Side::Ukraine)), .. }),
            "{got:?}"
        );
        assert!(
            matches!(&got[2], Column::Count { recipient: Some(Recipient::To(crate::lang::Side::Russia)), .. }),
            "{got:?}"
        );
        assert_eq!(got[4], Column::Note);
        let head: Vec<String> =
            ["DATE", "RETURNED TO UKRAINE (UA)", "RETURNED TO RUSSIA (RU)"].map(String::from).to_vec();
        let got = columns(&head, day, None);
        assert!(
            matches!(&got[2], Column::Count { recipient: Some(Recipient::To(crate::lang::Side::Russia)), .. }),
            "{got:?}"
        );
    }
}
