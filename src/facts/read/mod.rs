//! Reading one article into facts.
//!
//! Tag, then chunk: each sentence is tagged once (`lang::gazetteer`), cut
//! into clauses (`clause`), its counts found with their noun phrases
//! (`count`), each count given a kind (`kind`: exchanged, planned, held,
//! running total, bodies …) and a recipient (`frames`), then turned into a
//! `Figure` with its reporter, date, confidence and the group it is part of
//! (`figures`). Sentences that report an exchange without a number, its
//! mediator, place and stage are read by `events`; running totals and swap
//! counts by `claims`; tables, whose numbers mean what their header says,
//! by `table`.
//!
//! The rules prefer missing a figure to inventing one: a count whose
//! recipient or date cannot be told is dropped.

mod breakdown;
mod claims;
pub mod clause;
pub mod count;
mod events;
mod figures;
pub mod frames;
pub mod kind;
pub mod reporter;
pub mod sentence;
mod table;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use self::sentence::Sentence;
use super::model::{Attributed, Citation, Claim, ExchangeDate, Figure, Reporter, Stage};
use crate::corpus::Article;
use crate::lang::dates::{Anchor, Period};
use crate::lang::lexicon::{Act, Cue, Side, Tag};
use crate::lang::text;

/// Something learned about the exchange on `date`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Observation {
    /// `None` when the sentence does not date it ("only days after an
    /// exchange that brought home 76"); merging may still place it by value.
    pub date: Option<ExchangeDate>,
    pub fact: Fact,
    /// The date was not in the sentence but taken from the article's exchange.
    pub inferred: bool,
    /// The date is only the article's publication day: nothing in the article
    /// dates its exchange ("On 2 October, 185 … were swapped" may be retold a
    /// month later without its date). Merging moves it to the one earlier
    /// exchange reported with the same figure, if there is one.
    #[serde(default)]
    pub guessed: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Fact {
    Figure(Figure),
    /// A running total within a multi-day exchange ("each side has now handed over 1,000").
    SeriesTotal(Figure),
    /// A figure agreed or expected, not yet carried out.
    Planned(Figure),
    /// The exchange took place (said with or without a number).
    Report(Citation),
    Mediator(Attributed),
    Destination(Attributed),
    Venue(Attributed),
    /// Where the freed had been captured.
    Origin(Attributed),
    Agreement(Attributed),
    Stage(Stage),
}

/// Everything read from one article. Serialized into the facts cache (`facts::cache`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ArticleFacts {
    /// The article's id; empty for curated additions.
    pub article: String,
    pub observations: Vec<Observation>,
    pub claims: Vec<Claim>,
    /// The article's publication day: how far back an undated mention may reach.
    pub published: NaiveDate,
    /// Who speaks each sentence that names (or points back to) its speaker:
    /// (paragraph, sentence, speaker).
    pub speakers: Vec<(usize, usize, String)>,
}

/// What the rules know about the article a sentence is in.
pub struct Context<'a> {
    pub article: &'a Article,
    /// The exchange the article is about: its first dated report of one.
    pub event: ExchangeDate,
    /// The article's exchange was dated by a list of days ("on 5 and 6
    /// March"): an undated count in it is over all of them.
    pub event_span: bool,
    /// The speaker of a statement the article reproduces ("STATEMENT - Coordination Headquarters").
    pub statement: Option<Reporter>,
    /// The outlet, for what no named speaker says.
    pub outlet: Reporter,
    /// Days the article says an exchange was due and did not happen.
    pub called_off: Vec<NaiveDate>,
}

/// Where a sentence sits and what it inherits from its paragraph.
pub struct Reading<'s> {
    pub s: Sentence<'s>,
    /// A paragraph's own date ("20 June, 18:10 - …", "- 17 October: …").
    pub stamp: Option<NaiveDate>,
    /// The one day an earlier sentence of the paragraph named, when it was not
    /// about an earlier event: "That silence ended on Wednesday, 3 January.
    /// Kyiv says 230 Ukrainians came home" — the 230 came home on 3 January.
    pub paragraph_day: Option<NaiveDate>,
    /// The one day an earlier sentence of the paragraph named for an earlier
    /// swap: "… after the previous swap on 5 February. In that earlier
    /// exchange each side released 150" — those 150 were freed on 5 February.
    pub earlier_day: Option<NaiveDate>,
    /// The day "today" means for this sentence.
    pub today: NaiveDate,
    /// After an "Editor's note": the outlet speaks again.
    pub note: bool,
    /// The first sentence of an answer to a question about people changing
    /// hands ("Q: How many people came back? / A: Forty-one Ukrainians"):
    /// it needs no verb of its own.
    pub answers: bool,
    /// An item of a list under a line that ends with a colon ("the group was
    /// made up of: / - 33 border guards;"): a part of the group just counted.
    pub item: bool,
    /// The prose of a table row's last cell ("all men; 27 Mariupol defenders"):
    /// the row's columns hold its figures, so a bare count here is no head.
    pub row_note: bool,
    /// Who a table row's cells before its last name as the source of its figure.
    pub row_speaker: Option<Reporter>,
    /// An answer under a question about another exchange than the article's
    /// ("**When was the previous swap?** Earlier this month, on 3 January."):
    /// its day does not say which exchange the article reports.
    pub aside: bool,
    /// The stamp came from a Q&A's question ("**What happened on Wednesday?**"): the
    /// day the article asks about, not an entry of a blog or a chronology.
    pub asked_on: Option<NaiveDate>,
    /// The side whose people the question just above asked about ("How many
    /// Ukrainians have come back in total?"), in the paragraph answering it.
    pub asked_side: Option<Side>,
    /// The month of a heading over the paragraph that names no day ("**December
    /// 2023**" in a chronology): what is said under it happened then.
    pub month: Option<ExchangeDate>,
    /// The next sentence calls this one false ("… claimed that Russia
    /// received only 200. That is wrong: …"): nothing in it is a figure.
    pub debunked: bool,
}

impl Reading<'_> {
    /// The day the sentence goes on about when it names none: the paragraph's day, else
    /// the earlier swap it named ("The previous exchange, on 24 August, fell on
    /// Independence Day. Moscow said 146 servicemen went each way"), unless the sentence
    /// turns back to this one ("this time", "now").
    pub fn context_day(&self) -> Option<NaiveDate> {
        let s = &self.s;
        let back_to_now =
            s.words.windows(2).any(|w| w[0].is("this") && w[1].is("time")) || s.words.iter().any(|w| w.is("now"));
        self.paragraph_day.or(self.earlier_day.filter(|_| !back_to_now))
    }
}

/// Words that open a paragraph going on about the exchange the paragraph before
/// ended on: "Then, on Sunday 24 August 2025, came another. … / It also brought back
/// eight Ukrainian civilians."
const GOES_ON: &[&str] = &["it", "they", "there"];

/// Verbs an interview's standfirst dates: "Our editor spoke on Monday with …".
const TALK_VERBS: &[&str] = &["spoke", "talked", "interviewed", "met", "sat"];

impl Reading<'_> {
    /// Does the day at word `k` date a statement or the interview itself?
    fn dates_the_talk(&self, k: usize) -> bool {
        let talk = k >= 2 && self.s.is(k - 1, "on") && TALK_VERBS.contains(&self.s.words[k - 2].norm.as_str());
        talk || self.s.dates_a_statement(k)
    }

    /// "*Sent to members on Monday. Please forward it …*": an italic note on the
    /// issue itself, dated the day it went out; it reports no exchange.
    pub fn issue_note(&self, published: NaiveDate) -> bool {
        let italic = self.s.text.starts_with('*') && !self.s.text.starts_with("**");
        // "*Our editor spoke on Monday with a volunteer analyst …*": the day of the interview.
        italic
            && self.s.position == 0
            && self.today == published
            && self
                .s
                .own_dates()
                .all(|m| m.period == Period::Day { date: published } || self.dates_the_talk(m.words.start))
    }
}

pub fn article(a: &Article) -> ArticleFacts {
    let places = sentences(a);
    let called_off = called_off(&places);
    let found = event_date(&places, a.published, &called_off)
        .or_else(|| paragraph_event(&places, a.published))
        .or_else(|| lede_day(&places, a.published))
        .or_else(|| first_entry(&places, a.published));
    let (event, event_span) = found.unwrap_or((ExchangeDate::Day(anchor(a)), false));
    let outlet = Reporter { side: None, name: if a.outlet.is_empty() { a.id.clone() } else { a.outlet.clone() } };
    let ctx = Context { article: a, event, event_span, statement: statement_speaker(&a.body), outlet, called_off };
    let mut out = ArticleFacts { article: a.id.clone(), published: a.published, ..ArticleFacts::default() };
    let mut state = figures::State::default();
    // Table rows say what their numbers are in the header, not in words.
    let bodies_rows = table::read(&ctx, &mut out);
    state.after_table(&out);
    for (k, p) in places.iter().enumerate() {
        if p.row_note && bodies_rows.contains(&p.s.paragraph) {
            continue;
        }
        let (reporter, named) = sentence_reporter(&ctx, &places, k, &mut state.speakers);
        if named {
            out.speakers.push((p.s.paragraph, p.s.position, reporter.name.clone()));
        }
        if p.debunked {
            continue;
        }
        figures::read(&ctx, p, &reporter, &mut state, &mut out);
        events::read(&ctx, p, &mut out);
        claims::read(&ctx, p, &reporter, &mut out);
    }
    // A table of groups under a head count breaks it down.
    breakdown::read(&ctx, &mut out);
    if found.is_none() {
        for o in out.observations.iter_mut().filter(|o| o.inferred && o.date == Some(event)) {
            o.guessed = true;
        }
    }
    out
}

fn sentences(a: &Article) -> Vec<Reading<'_>> {
    let mut out = Vec::new();
    let mut note = false;
    let mut asked = false;
    // A bare stamp line ("5 March, 15:40 - Stage one") dates the entry under it.
    let mut carried: Option<NaiveDate> = None;
    // "the group was made up of:" — the items under it need no verb of their own.
    let mut listing = false;
    // Under a Q&A's question about an earlier exchange, until the next question.
    let mut aside = false;
    // The day a Q&A's question asks about ("**What happened on Wednesday?**").
    let mut asked_on: Option<NaiveDate> = None;
    // The side whose people the last paragraph, a question, asked about.
    let mut question_side: Option<Side> = None;
    // The last day a sentence named: "on the same day" after it means that day.
    let mut last_day: Option<NaiveDate> = None;
    // The last month a sentence named: "On the 3rd" after "in January 2024" is 3 January.
    let mut last_month: Option<(i32, u32)> = None;
    // Whether a paragraph before named a day.
    let mut dated_before = false;
    let posted = post_days(a);
    let mut carried_month: Option<ExchangeDate> = None;
    // The day the last paragraph ended on (its `paragraph_day` after its last sentence).
    let mut last_paragraph_day: Option<NaiveDate> = None;
    // The day of the last dated entry of a chronology ("**September 21, evening** — …"):
    // "**Same evening** — …" and "**What Russia got** — …" after it go on about that day.
    let mut entry_day: Option<NaiveDate> = None;
    // "The week in Ukraine, 10-16 April", published the Monday after: its "MONDAY"
    // and "on Sunday" are days of the week it covers.
    let published = anchor(a);
    // Entry stamps carry a clock time ("Sun 25 May, 22:40"); table rows are no stamps.
    let stamp_lines = a
        .paragraphs
        .iter()
        .map(|p| a.text(&p.span))
        .filter(|t| !t.contains('|') && clock_time(t) && bare_stamp(t) && stamp_of(t, published).is_some())
        .count();
    for (pi, para) in a.paragraphs.iter().enumerate() {
        let first = para.sentences.first().map(|s| a.text(s)).unwrap_or("");
        // "Monday, 26 August 2024" over the story: the dateline says when it was
        // published, not when what follows happened.
        // "By a contributing columnist · Thursday": a byline's day is the publication's too.
        let byline = first.trim_start().starts_with("By ") && para.sentences.len() == 1;
        // Not a live blog's newest entry ("Sun 25 May, 22:40" over "Wrapping up. …"): its
        // stamp lines are many, each over its entry.
        let dateline = (pi <= DATELINE_REACH || byline)
            && !dated_before
            && para.sentences.len() == 1
            && stamp_lines < LIVE_BLOG_STAMPS;
        // "## 1. Exchange of 14 August": a markdown heading is one line, however it splits.
        let whole = a.text(&para.span);
        let line = if whole.trim_start().starts_with('#') { whole } else { first };
        let own = stamp_of(line, published).filter(|d| !(dateline && *d == a.published));
        if own.is_some() {
            // A table row dates itself only: "| 30 Dec 2024 | 189 | 150 |" stamps no prose after it.
            let row = a.text(&para.span).matches('|').count() >= 3;
            carried = own.filter(|_| bare_stamp(a.text(&para.span)) && !row);
            carried_month = None;
        }
        // "**December 2023**": a month heading ends the day above it and dates what follows by month.
        if let Some(m) = month_heading(first, a.published).filter(|_| para.sentences.len() == 1) {
            carried = None;
            carried_month = Some(m);
        }
        // "**Who came back on Friday?**": a Q&A's question dates the answer under it,
        // until the next question.
        let asked_side = question_side.take();
        if para.sentences.len() == 1 && first.trim_matches(['*', '_', '#', ' ']).ends_with('?') {
            question_side = people_asked(&Sentence::new(first, published, pi, 0));
            carried = question_day(first, a.published);
            asked_on = carried;
            // "**When was the previous swap?**": its answer is about another exchange.
            aside = events::elsewhere(&Sentence::new(first, published, pi, 0));
        }
        let label = entry_label(first);
        let entry = label.filter(|l| !UNDATED_LABELS.iter().any(|w| l.to_lowercase().contains(w))).and(entry_day);
        entry_day = if label.is_some() { own.or(entry) } else { None };
        let stamp = own.or(carried).or(entry).or(posted[pi]);
        let today = stamp.unwrap_or(published);
        // "… came back the same day", in a post stamped 13 October: the post's day.
        if stamp.is_some() {
            last_day = stamp;
        }
        note |= first.to_lowercase().starts_with("editor's note") || first.to_lowercase().starts_with("editor’s note");
        let answer = asked && opens_with(first, ANSWER_MARKS);
        // "It also brought back eight Ukrainian civilians": the paragraph before's day.
        let goes_on = text::words(first).first().is_some_and(|w| GOES_ON.contains(&w.norm.as_str()));
        let mut paragraph_day: Option<NaiveDate> = last_paragraph_day.filter(|_| goes_on);
        let mut earlier_day: Option<NaiveDate> = None;
        for (si, span) in para.sentences.iter().enumerate() {
            // A table row's cells are read by `table`; the prose of its last
            // cell ("Kyiv: 82 privates and sergeants and 21 officers") is read
            // here, dated by the row.
            let row_note = si == 0 && a.text(span).matches('|').count() >= 3;
            // "| President Zelensky (Kyiv) | 189 Ukrainians returned |": the row names who says it.
            let row_speaker = if row_note {
                let row = a.text(span).trim().trim_end_matches('|');
                let before = row.rsplit_once('|').map_or("", |(b, _)| b);
                let cells = Sentence::new(before, today, pi, si);
                (0..cells.words.len()).find_map(|j| reporter::speaker_at(&cells, j))
            } else {
                None
            };
            let text = match a.text(span) {
                t if row_note => t.trim_end().trim_end_matches('|').rsplit('|').next().unwrap_or(t).trim_start(),
                t => t,
            };
            // A dated item ("- 29 October: 52 home") is an entry of its own, not a part.
            // Not "**The other side.** Moscow's …": bold opens no list item.
            let item = text::bulleted(text) && stamp_of(text, a.published).is_none();
            listing &= item;
            let mut s = Sentence::new(text, today, pi, si);
            // The publication day says no more than the article's own date would.
            same_day(&mut s, last_day.filter(|d| *d != a.published));
            ordinal_day(&mut s, last_month, today);
            // A sentence naming two days ("on Saturday … until the end of Sunday") leaves
            // "the same day" after it ambiguous.
            let mut days: Vec<NaiveDate> = s
                .own_dates()
                .filter_map(|m| match m.period {
                    Period::Day { date } => Some(date),
                    _ => None,
                })
                .collect();
            days.dedup();
            dated_before |= !days.is_empty();
            last_month = s
                .own_dates()
                .filter_map(|m| match m.period {
                    Period::Day { date } => Some((date.year(), date.month())),
                    Period::Month { year, month } => Some((year, month)),
                    _ => None,
                })
                .last()
                .or(last_month);
            last_day = match days.as_slice() {
                [] => last_day,
                [day] => Some(*day),
                _ => None,
            };
            let elsewhere = events::elsewhere(&s);
            // "CORRECTION, 15 August 2025: An earlier version … said": the day of the note.
            let retraction = events::retracted(&s, s.words.len());
            // "On Friday, 28 June, ten civilians were freed …, arriving overnight into
            // Saturday. This time the mediator was the Vatican": of several days, the one
            // the sentence opens on is the one it reports.
            let carries = match days.as_slice() {
                _ if retraction => paragraph_day,
                [day, ..] if *day <= a.published && !elsewhere => Some(*day),
                [] => paragraph_day,
                _ => None,
            };
            let carries_earlier = match days.as_slice() {
                [day] if *day <= a.published && elsewhere => Some(*day),
                [] => earlier_day,
                _ => None,
            };
            out.push(Reading {
                s,
                stamp,
                paragraph_day,
                earlier_day,
                today,
                note,
                answers: answer && si == 0 || listing,
                item: listing,
                row_note,
                row_speaker,
                aside,
                asked_on: asked_on.filter(|d| stamp == Some(*d)),
                asked_side,
                debunked: false,
                month: carried_month.filter(|_| stamp.is_none()),
            });
            listing |= text.trim_end().ends_with(':') && !item;
            paragraph_day = carries;
            earlier_day = carries_earlier;
        }
        last_paragraph_day = paragraph_day;
        // "Q: How many people came back?" asks about a handover; "Q: Where did it take place?" not.
        // "**How many Ukrainians have come home altogether?**" over "More than 7,000 since …":
        // a Q&A's bold question line asks it too.
        let bold_question = para.sentences.len() == 1 && first.starts_with("**") && first.trim_end().ends_with("?**");
        asked = (opens_with(first, QUESTION_MARKS) || bold_question)
            && out
                .last()
                .is_some_and(|r| about_exchange(&r.s) && r.s.text.trim_end().trim_end_matches('*').ends_with('?'));
    }
    for k in 1..out.len() {
        if opens_with(out[k].s.text, DEBUNKS) {
            out[k - 1].debunked = true;
        }
        // A fact-check: "Claim: a post says … 100 each" then "Verdict: FALSE …".
        let verdict = out[k].s.text.to_lowercase();
        if opens_with(&verdict, VERDICTS) && FALSE_VERDICTS.iter().any(|v| verdict.contains(v)) {
            let claim = (k.saturating_sub(4)..k).rev().find(|&j| opens_with(out[j].s.text, CLAIMS));
            for r in &mut out[claim.map_or(k..k, |j| j..k)] {
                r.debunked = true;
            }
        }
    }
    out
}

/// "On Thursday, 6 July, they crossed back … The children came back on the same
/// day as a prisoner exchange": "the same day" (or "that day") is the last day
/// named before, when the sentence names none of its own.
fn same_day(s: &mut Sentence, last: Option<NaiveDate>) {
    let Some(date) = last else { return };
    // Not when the sentence names its own day; "for the fifth time this year" names none.
    if s.own_dates().any(|m| matches!(m.period, Period::Day { .. })) {
        return;
    }
    let at = s.words.windows(2).position(|w| (w[0].is("same") || w[0].is("that")) && w[1].is("day"));
    if let Some(k) = at {
        let mention = crate::lang::dates::DateMention { period: Period::Day { date }, words: k..k + 2 };
        s.dates.push((mention, false));
    }
}

/// "Then, in January 2024, the imbalance ran the other way. On the 3rd, Russia
/// said …": a bare ordinal day after "on" is a day of the last month named, or
/// else of the month the text was written in (the month before, when that day
/// is still to come). Only when nothing follows it but punctuation: "on the 3rd
/// Assault Brigade's position" names no day.
fn ordinal_day(s: &mut Sentence, month: Option<(i32, u32)>, today: NaiveDate) {
    // "On Friday the 24th": the weekday alone was read as the last Friday; the day
    // after it says which.
    let weekday_of = |m: &crate::lang::dates::DateMention| {
        m.words.len() == 1
            && crate::lang::dates::is_weekday_word(&s.words[m.words.start].norm)
            && s.is(m.words.end, "the")
            && s.words.get(m.words.end + 1).is_some_and(|w| crate::lang::dates::day_value(w).is_some())
    };
    if s.own_dates().any(|m| matches!(m.period, Period::Day { .. }) && !weekday_of(m)) {
        return;
    }
    // "on the 3rd.", "the morning of the 24th,"; after a weekday the next word may be
    // anything ("On Friday the 24th the headquarters announced"): not "the 24th exchange".
    let at = (0..s.words.len().saturating_sub(2)).find(|&k| {
        let w = &s.words;
        let weekday = crate::lang::dates::is_weekday_word(&w[k].norm);
        (w[k].is("on") || w[k].is("of") || weekday)
            && w[k + 1].is("the")
            && !w[k + 2].norm.chars().all(|c| c.is_ascii_digit())
            && crate::lang::dates::day_value(&w[k + 2]).is_some()
            && (weekday || w.get(k + 3).is_none_or(|n| n.kind == text::WordKind::Punct))
    });
    let Some(k) = at else { return };
    let Some(day) = crate::lang::dates::day_value(&s.words[k + 2]) else { return };
    let date = match month {
        Some((year, month)) => NaiveDate::from_ymd_opt(year, month, day),
        None => NaiveDate::from_ymd_opt(today.year(), today.month(), day)
            .filter(|d| *d <= today)
            .or_else(|| today.checked_sub_months(chrono::Months::new(1)).and_then(|p| p.with_day(day))),
    };
    if let Some(date) = date {
        s.dates.retain(|(m, _)| !m.words.contains(&k));
        let mention = crate::lang::dates::DateMention { period: Period::Day { date }, words: k..k + 3 };
        s.dates.push((mention, false));
    }
}

/// Labels of a chronology's entries that name another time than the entry before:
/// "**Summer** —", "**Later** —".
const UNDATED_LABELS: &[&str] =
    &["spring", "summer", "autumn", "fall", "winter", "later", "earlier", "before", "weeks", "months", "year"];

/// "**Same evening** — Five senior …": the bold label opening a chronology's entry.
fn entry_label(first: &str) -> Option<&str> {
    let rest = first.trim_start().strip_prefix("**")?;
    let end = rest.find("**")?;
    let after = rest[end + 2..].trim_start();
    ["—", "–", "-", ":"].iter().any(|d| after.starts_with(d)).then(|| &rest[..end])
}

/// How a fact-check labels what it checks, and its verdict on it.
const CLAIMS: &[&str] = &["claim:", "the claim:", "claim -"];
const VERDICTS: &[&str] = &["verdict:", "rating:", "our verdict", "verdict -"];
const FALSE_VERDICTS: &[&str] = &["false", "wrong", "misleading", "incorrect", "fake"];

/// How a text says the sentence before it is false.
const DEBUNKS: &[&str] = &[
    "that is wrong",
    "this is wrong",
    "that is false",
    "this is false",
    "that is not true",
    "this is not true",
    "false:",
];

/// A paragraph that is only a stamp and a short label: "5 March, 08:30 -
/// What to expect", "6 March, 14:10 - Stage two", "14 September - 103 for 103".
/// A line that is only a month and year ("**December 2023**", "August 2023").
fn month_heading(line: &str, published: NaiveDate) -> Option<ExchangeDate> {
    let words = text::words(line.trim_matches(['*', '#', '_', ' ']));
    match crate::lang::dates::find(&words, Anchor::Published(published)).as_slice() {
        [m] if m.words == (0..words.len()) => match m.period {
            Period::Month { year, month } => Some(ExchangeDate::Month { year, month }),
            _ => None,
        },
        _ => None,
    }
}

/// A channel archive's posts each end with a stamp line ("👁 210K · 31.05 11:02"):
/// every paragraph takes the day of the first stamp line after it. Or each
/// opens with one ("— 11.10.2022 19:05 —"): every paragraph takes the day of
/// the last stamp line before it. Only when the article has two stamp lines or
/// more, so a layout, not a stray time.
fn post_days(a: &Article) -> Vec<Option<NaiveDate>> {
    // Stamp lines may be page furniture to the corpus, so they are looked for in the raw body.
    let mut offset = 0;
    let mut footers: Vec<(usize, NaiveDate)> = Vec::new();
    let mut headers: Vec<(usize, NaiveDate)> = Vec::new();
    // "**17:05**", "**14:15**": a live blog's entries stamped by the clock alone are of
    // the day it was published.
    let mut clocks: Vec<(usize, NaiveDate)> = Vec::new();
    for raw in a.body.split_inclusive('\n') {
        let line = raw.trim();
        // "🇺🇦 01.04.2022, 18:02" over a post heads it; "👁 210K · 31.05 11:02" under one closes it.
        if !line.chars().any(char::is_alphabetic)
            && let Some(day) = stamp_of(line, a.published)
        {
            headers.push((offset, day));
        } else if let Some(day) = post_stamp(line, a.published) {
            footers.push((offset, day));
        } else if is_clock(line.trim_matches(|c: char| text::MARKUP.contains(&c) || c.is_whitespace())) {
            clocks.push((offset, anchor(a)));
        }
        offset += raw.len();
    }
    if headers.is_empty() && clocks.len() >= 2 {
        headers = clocks;
    }
    if footers.len() >= 2 {
        let after =
            |p: &crate::corpus::Paragraph| footers.iter().find(|(at, _)| *at >= p.span.end).map(|(_, day)| *day);
        return a.paragraphs.iter().map(after).collect();
    }
    if headers.len() >= 2 {
        let before =
            |p: &crate::corpus::Paragraph| headers.iter().rev().find(|(at, _)| *at < p.span.start).map(|(_, day)| *day);
        return a.paragraphs.iter().map(before).collect();
    }
    vec![None; a.paragraphs.len()]
}

/// "17:05", "9:40": a clock time and nothing else.
fn is_clock(t: &str) -> bool {
    t.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len()) && m.len() == 2 && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    })
}

/// The day of a post's stamp line: a day and month with a clock time and no
/// year ("👁 210K · 31.05 11:02"), the latest such day on or before publication.
fn post_stamp(line: &str, published: NaiveDate) -> Option<NaiveDate> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.len() > 8 {
        return None;
    }
    // "👁 188K · 25.03.2022, 09:12": the year may be given.
    let (day, month, year) = tokens.windows(2).find_map(|p| {
        let (d, m) = p[0].trim_end_matches(',').split_once('.')?;
        let (m, y) = m.split_once('.').map_or((m, None), |(m, y)| (m, Some(y)));
        let day: u32 = d.parse().ok().filter(|_| d.len() <= 2)?;
        let month: u32 = m.parse().ok().filter(|_| m.len() == 2)?;
        let year: Option<i32> = match y {
            Some(y) => Some(y.parse().ok().filter(|_| y.len() == 4)?),
            None => None,
        };
        is_clock(p[1]).then_some((day, month, year))
    })?;
    if let Some(year) = year {
        return NaiveDate::from_ymd_opt(year, month, day).filter(|d| *d <= published);
    }
    let this_year = NaiveDate::from_ymd_opt(published.year(), month, day)?;
    if this_year <= published { Some(this_year) } else { NaiveDate::from_ymd_opt(published.year() - 1, month, day) }
}

/// How many clock-stamped lines make a page a live blog, whose first stamp
/// heads its newest entry rather than dating the page.
const LIVE_BLOG_STAMPS: usize = 3;

/// Does the line carry a clock time ("22:40", "9.15")?
fn clock_time(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).any(|k| {
        b[k - 1].is_ascii_digit()
            && (b[k] == b':' || b[k] == b'.')
            && b[k + 1].is_ascii_digit()
            && b[k + 2].is_ascii_digit()
    })
}

fn bare_stamp(text: &str) -> bool {
    let words = text::words(text);
    let Some(date) = crate::lang::dates::find(&words, Anchor::Published(NaiveDate::default())).into_iter().next()
    else {
        return false;
    };
    // After the date: a clock time, then a label of a few words and no figure.
    let mut rest = words[date.words.end..].iter().skip_while(|w| w.is_punct() || w.is_digits());
    // Its words, not its quotation marks: "SUNDAY — A "great Easter exchange"".
    let label: Vec<&text::Word> = rest.by_ref().filter(|w| !w.is_punct()).collect();
    // A list item ("- 17 October: 108 …") is an entry of its own; a heading
    // ("14 September - 103 for 103") may carry a figure and still head the text under it.
    let trimmed = text.trim();
    let bold = trimmed.starts_with("**") && trimmed.ends_with("**");
    let item = trimmed.starts_with(['-', '•', '*']) && !bold;
    // A markdown heading ("### 8 January 2023 — the first swap of the new year"), or a
    // bold line ("**Sunday, 24 August 2025 — Independence Day swap No. 2**"), heads
    // its section whatever its length.
    let heading = (trimmed.starts_with('#') || bold) && !trimmed.trim_end_matches('*').ends_with('.');
    heading
        || label.len() <= 5 && (!item || label.iter().all(|w| w.number().is_none())) && !text.trim_end().ends_with('.')
}

/// How many paragraphs into the body a dateline may stand (after navigation lines kept as text).
const DATELINE_REACH: usize = 3;

/// The one day a question names ("Who came back on Friday?"), read against the publication day.
fn question_day(question: &str, published: NaiveDate) -> Option<NaiveDate> {
    let words = text::words(question);
    match crate::lang::dates::find(&words, Anchor::Published(published)).as_slice() {
        [only] => match only.period {
            Period::Day { date } if date <= published => Some(date),
            _ => None,
        },
        _ => None,
    }
}

/// The one side whose people a question names: "How many Ukrainians have come back?".
fn people_asked(s: &Sentence) -> Option<Side> {
    let mut sides = (0..s.words.len()).filter_map(|k| match s.tag(k) {
        Some(Tag::Nationality(side)) => Some(side),
        _ => None,
    });
    let first = sides.next()?;
    sides.all(|x| x == first).then_some(first)
}

/// How interviews and Q&As mark a question and its answer.
const QUESTION_MARKS: &[&str] = &["q:", "q.", "question:"];
const ANSWER_MARKS: &[&str] = &["a:", "a.", "answer:"];

fn opens_with(text: &str, marks: &[&str]) -> bool {
    // "**CLAIM:** Posts say …": markdown emphasis around the label.
    let head: String = text.trim_start_matches(['*', '_', '#', '>', ' ']).chars().take(20).collect::<String>();
    let head = head.to_lowercase().replace(['*', '_'], "");
    marks.iter().any(|m| head.starts_with(m))
}

/// A date that opens a paragraph and dates all of it: a live-blog entry
/// ("20 June, 18:10 - …"), a list item ("- 17 October: 108 …"), a heading
/// line ("Day two - Saturday, 24 May") or an answer that is only a date
/// ("On 2 October 2025. Moscow said at the time …").
/// The last day of the week a digest's title says it covers ("The week in
/// Ukraine, 10-16 April: …"), when that week ended before publication.
fn covered_until(a: &Article) -> Option<NaiveDate> {
    let words = text::words(&a.title);
    let found = crate::lang::dates::find(&words, Anchor::Published(a.published));
    found.iter().find_map(|m| {
        // "10-16 April": a range of days, ending on its second (not "the exchanges of 2023").
        let Period::Span { from, to: date } = m.period else { return None };
        if (date - from).num_days() > 14 {
            return None;
        }
        let recent = date < a.published && a.published - date <= chrono::TimeDelta::days(7);
        recent.then_some(date)
    })
}

/// The day "today" means in an article: the day it was published, or the day
/// its dateline says it was written, or the last day of the week a digest covers.
fn anchor(a: &Article) -> NaiveDate {
    covered_until(a).or_else(|| written_on(a)).or_else(|| times_of(a)).unwrap_or(a.published)
}

/// Words of a note that says which day a thread's or a blog's times are of.
/// "Compiled thread · originally posted 24 Aug 2025 by @captivity_notes", too.
const TIMES_NOTES: &[&str] = &["timestamps", "timestamp", "times", "posted"];

/// "Timestamps are Kyiv time, Monday 7 August 2023.": the day a compiled thread was
/// posted, whose "today" it is, a day or more before the page was published.
fn times_of(a: &Article) -> Option<NaiveDate> {
    opening_lines(a).find_map(|line| {
        let words = text::words(line);
        if !words.iter().any(|w| TIMES_NOTES.contains(&w.norm.as_str())) {
            return None;
        }
        let found = crate::lang::dates::find(&words, Anchor::Published(a.published));
        match found.as_slice() {
            [m] => match m.period {
                Period::Day { date } if date < a.published && a.published - date <= chrono::TimeDelta::days(7) => {
                    Some(date)
                }
                _ => None,
            },
            _ => None,
        }
    })
}

/// Words of a masthead line that names the edition's day ("Monday evening edition").
const EDITIONS: &[&str] = &["edition", "broadcast", "bulletin", "transcript", "newsletter"];

/// The first lines of the raw body, where datelines and notes on a page's times stand
/// (they are no paragraphs of text): a masthead, section links, a kicker and the
/// headline may come first ("PRESS STATEMENT (reproduced in full)"); rules ("---") don't count.
fn opening_lines(a: &Article) -> impl Iterator<Item = &str> {
    a.body.lines().map(str::trim).filter(|l| l.chars().any(char::is_alphanumeric)).take(3 * DATELINE_REACH)
}

/// The day a dateline line says the story was written, a day or two before it was
/// published: "ABU DHABI, 24 August 2024" over a release that says "announced today".
fn written_on(a: &Article) -> Option<NaiveDate> {
    opening_lines(a).find_map(|line| {
        // "**ABU DHABI, 8 February 2024** — …": emphasis is no word of the dateline.
        let line = &line.replace(['*', '_'], "");
        let words = text::words(line);
        // "WORLD TONIGHT — broadcast transcript, Monday evening edition".
        if words.iter().any(|w| EDITIONS.contains(&w.norm.as_str())) && !line.ends_with('.') {
            // Not the programme's name ("WORLD TONIGHT"): the day before publication it names.
            let found = crate::lang::dates::find(&words, Anchor::Published(a.published));
            let day = found.iter().find_map(|m| match m.period {
                Period::Day { date } if date < a.published && a.published - date <= chrono::TimeDelta::days(3) => {
                    Some(date)
                }
                _ => None,
            });
            if day.is_some() {
                return day;
            }
        }
        let comma = words.iter().position(|w| w.is(","))?;
        let place = comma > 0 && words[..comma].iter().all(|w| w.capitalized && !w.is_punct());
        let found = crate::lang::dates::find(&words[comma + 1..], Anchor::Published(a.published));
        // "… — The ministry announced today …": later dates of the paragraph are its own.
        let m = found.first()?;
        let Period::Day { date } = m.period else { return None };
        // "ABU DHABI, 31 May 2024 - Mediation efforts …": the dateline may open the first paragraph.
        let mut end = comma + 1 + m.words.end;
        if words.get(end).is_some_and(|w| w.is("(")) {
            end = (end..words.len().min(end + 6)).find(|&k| words[k].is(")")).map_or(end, |k| k + 1);
        }
        let opens = words.get(end).is_some_and(|w| text::DASHES.contains(&w.norm.as_str()));
        let whole = m.words.start == 0 && (end == words.len() || opens);
        let before = date < a.published && a.published - date <= chrono::TimeDelta::days(3);
        (place && whole && before).then_some(date)
    })
}

/// How many marks may lead a stamp: a bullet, a flag (two symbols), a pin.
const LEADING_MARKS: usize = 3;

fn stamp_of(first: &str, published: NaiveDate) -> Option<NaiveDate> {
    let words = text::words(first);
    // "- 17 October: …", "— 11.10.2022 19:05 —", "| 14.09.2024 | 103 | …" (a table row).
    // "🇺🇦 01.04.2022, 18:02": a post's flag or pin may lead too.
    let symbol = |w: &text::Word| !w.norm.is_ascii() && !w.norm.chars().any(char::is_alphanumeric);
    let mut start = words
        .iter()
        .take_while(|w| ["-", "–", "—", "•", "|"].contains(&w.norm.as_str()) || symbol(w))
        .take(LEADING_MARKS)
        .count();
    // "| 1 | Fri 23 May | 390 |": a row's number cell before its date.
    if start == 1
        && words[0].is("|")
        && words.get(1).is_some_and(|w| w.is_digits())
        && words.get(2).is_some_and(|w| w.is("|"))
    {
        start = 3;
    }
    let on = words.get(start).is_some_and(|w| w.is("on"));
    start += usize::from(on);
    let found = crate::lang::dates::find(&words, Anchor::Published(published));
    // A heading line: "Day two - Saturday, 24 May", "Stage 3 — 25 May", then the entry;
    // a kicker "*Match report* | Sunday" dates the report under it.
    if let Some(last) = found.last()
        && let Period::Day { date } = last.period
        && last.words.end == words.len()
        && words.len() <= 8
    {
        let label = &words[..last.words.start];
        let dashed = label.iter().any(|w| text::DASHES.contains(&w.norm.as_str()) || w.is(":"));
        // "Sunday digest · 3–9 July 2023" heads a week, not its first day.
        let range = words[last.words.clone()].iter().any(|w| text::DASHES.contains(&w.norm.as_str()));
        let kicker = label.iter().any(|w| text::LABEL_MARKS.contains(&w.norm.as_str())) && !range;
        if dashed || kicker {
            // "Day two - 21–22 September 2022": the date finder dates a range by its first day.
            return Some(date);
        }
    }
    // "**Elsewhere on Monday**": a bold label ending on its day heads the section under it.
    let trimmed = first.trim();
    if trimmed.starts_with("**")
        && trimmed.ends_with("**")
        && let Some(last) = found.last()
        && let Period::Day { date } = last.period
        && words[last.words.end..].iter().all(|w| w.is_punct())
        && words.iter().filter(|w| !w.is_punct()).count() <= 5
    {
        return Some(date);
    }
    // "## 1. Exchange of 14 August (67th exchange)": a short heading naming an exchange
    // and one day heads the section under it (not "## The talks of 16 May").
    // Not the headline ("# 185 soldiers … about Thursday's exchange"): it heads the whole story.
    let heading = trimmed.starts_with("##") || trimmed.starts_with("**") && trimmed.ends_with("**");
    if heading && words.iter().filter(|w| !w.is_punct()).count() <= 10 {
        let s = Sentence::new(trimmed, published, 0, 0);
        let days: Vec<NaiveDate> = s
            .own_dates()
            .filter_map(|m| match m.period {
                Period::Day { date } => Some(date),
                _ => None,
            })
            .collect();
        if let [day] = days[..]
            && s.tags.iter().any(|t| t.tag == Tag::Event)
        {
            return Some(day);
        }
    }
    // "19 March 2025" as a line of its own, heading the entry under it.
    if let [only] = found.as_slice()
        && only.words == (0..words.len())
        && let Period::Day { date } = only.period
    {
        return Some(date);
    }
    let m = found.into_iter().next()?;
    // "— 11.10.2022 14:20 —": a post's clock time may follow the day.
    let clock = |k: usize| {
        let digits = |k: usize| words.get(k).is_some_and(|w| w.kind == text::WordKind::Number && w.norm.len() <= 2);
        digits(k) && words.get(k + 1).is_some_and(|w| w.is(":")) && digits(k + 2)
    };
    let mut after = m.words.end + if clock(m.words.end) { 3 } else { 0 };
    // "- 24 August 2025 (Independence Day) - …": a note in brackets may sit before the dash.
    let mut bracketed = false;
    if words.get(after).is_some_and(|w| w.is("(")) {
        let open = after;
        after = (after..words.len()).find(|&k| words[k].is(")")).map_or(after, |k| k + 1);
        bracketed = after > open;
    }
    let closed = words.get(after).is_some_and(|w| [",", ":", "-", "–", "—", "|"].contains(&w.norm.as_str()));
    // "08.01.2023 (Sunday)" alone on its line.
    let alone = words.get(after).is_some_and(|w| w.is(".")) && after + 1 == words.len()
        || (bracketed || after > m.words.end) && after == words.len();
    let closed = if on { alone } else { closed || alone };
    // "Sun 25 May, 17:40": a weekday the date finder leaves out may lead.
    let lead = words.get(start).is_some_and(|w| crate::lang::dates::is_weekday_word(&w.norm));
    let opens = m.words.start == start || lead && m.words.start == start + 1;
    match m.period {
        Period::Day { date } if opens && closed => Some(date),
        _ => None,
    }
}

/// The exchange an article is about: the first dated sentence about a swap
/// that is not about an earlier one; `None` when no sentence dates one.
/// Words before a day that make it the bound of a stretch of time, not the day of a swap.
const BOUNDS: &[&str] = &["before", "until", "till", "since"];

fn event_date(places: &[Reading], published: NaiveDate, called_off: &[NaiveDate]) -> Option<(ExchangeDate, bool)> {
    // "CORRECTION, Feb. 1: An earlier version … The 49th was the exchange of January 3.":
    // a correction note speaks of the article, not of the exchange.
    let retraction = |s: &Sentence| events::retracted(s, s.words.len());
    let notes: Vec<usize> =
        places.iter().filter(|p| p.s.position == 0 && retraction(&p.s)).map(|p| p.s.paragraph).collect();
    places
        .iter()
        .filter(|p| (p.stamp.is_none() || p.asked_on.is_some()) && about_exchange(&p.s))
        .filter(|p| !events::elsewhere(&p.s) && !p.aside)
        .filter(|p| !retraction(&p.s) && !notes.contains(&p.s.paragraph))
        // "On Friday Ukraine announced the return of the bodies of 909 fallen soldiers —
        // a repatriation of the dead, separate from the prisoner exchange".
        .filter(|p| !only_bodies(&p.s, p.today) && !only_plans(&p.s, p.today))
        .filter(|p| !p.issue_note(published))
        .find_map(|p| {
            // Not the day of a swap only planned, or one that did not happen.
            // The cue before the day: "had been planned for 24 January", not "on Saturday,
            // … of a swap set to be the largest".
            let days: Vec<&crate::lang::dates::DateMention> =
                p.s.own_dates()
                    .filter(|m| {
                        let clause = p.s.clause_of(m.words.start);
                        // "Erdogan had said on Monday that the two sides would swap 200": the day
                        // of a statement about a plan.
                        let said_of_plan = p.s.dates_a_statement(m.words.start)
                            && events::not_done_in(&p.s, m.words.end..p.s.words.len());
                        // "Before 3 January the last exchange had been in August": a bound, not a swap's day.
                        let bound = m.words.start > 0 && BOUNDS.contains(&p.s.words[m.words.start - 1].norm.as_str());
                        !events::not_done_in(&p.s, clause.start..m.words.start) && !said_of_plan && !bound
                    })
                    .collect();
            days.iter().enumerate().find_map(|(k, m)| match m.period {
                Period::Day { date } if date <= published && !called_off.contains(&date) => {
                    let listed = days.get(k + 1).is_some_and(|n| {
                        matches!(n.period, Period::Day { date: other } if other != date)
                            && (m.words.end..n.words.start).all(|j| p.s.is(j, "and") || p.s.is(j, ","))
                    });
                    Some((ExchangeDate::Day(date), listed))
                }
                _ => None,
            })
        })
}

/// "EN: Thursday. The first bus arrives. Ukraine says 185 servicemen … came home
/// in this exchange.": with no sentence dating a swap itself, the day an earlier
/// sentence of its paragraph named dates the first counted homecoming.
fn paragraph_event(places: &[Reading], published: NaiveDate) -> Option<(ExchangeDate, bool)> {
    places
        .iter()
        .filter(|p| p.stamp.is_none() && about_exchange(&p.s) && !events::elsewhere(&p.s) && !p.aside)
        .filter(|p| count::find(&p.s).iter().any(|c| c.thing.is_none() && !c.swaps))
        .find_map(|p| p.paragraph_day.filter(|d| *d <= published).map(|d| (ExchangeDate::Day(d), false)))
}

/// A live blog's entries are all stamped: its exchange began on the earliest
/// day an entry counts people changing hands ("Fri 23 May, 15:20 — First stage
/// complete … 390 people home today"), whatever order the entries run in.
fn first_entry(places: &[Reading], published: NaiveDate) -> Option<(ExchangeDate, bool)> {
    places
        .iter()
        .filter(|p| about_exchange(&p.s) && !events::elsewhere(&p.s) && !p.aside)
        .filter(|p| {
            count::find(&p.s).iter().any(|c| c.thing.is_none() && kind::of(&p.s, c, p.today) == kind::Kind::Exchanged)
        })
        .filter_map(|p| p.stamp.filter(|d| *d <= published))
        .min()
        .map(|d| (ExchangeDate::Day(d), false))
}

/// How many paragraphs open an article: its lede.
const LEDE_PARAGRAPHS: usize = 3;

/// "Three numbers were everywhere on Easter Saturday, 19 April: 246, 277 and
/// 538.": when no sentence dates a swap, an opening sentence that names one day
/// and counts something dates what the article is about (better than the day
/// it was published or updated).
fn lede_day(places: &[Reading], published: NaiveDate) -> Option<(ExchangeDate, bool)> {
    let first = places.iter().find(|p| p.stamp.is_none())?.s.paragraph;
    places
        .iter()
        .filter(|p| p.stamp.is_none() && p.s.paragraph < first + LEDE_PARAGRAPHS)
        .filter(|p| !events::elsewhere(&p.s) && !only_bodies(&p.s, p.today) && !only_plans(&p.s, p.today))
        .find_map(|p| {
            let mut days = p.s.own_dates().filter_map(|m| match m.period {
                Period::Day { date } if date <= published => Some(date),
                _ => None,
            });
            let counts = count::find(&p.s).iter().any(|c| c.thing.is_none());
            match (days.next(), days.next()) {
                (Some(day), None) if counts => Some((ExchangeDate::Day(day), false)),
                _ => None,
            }
        })
}

/// Days an article says an exchange was due on and did not happen: "an
/// exchange had been planned for January 24 and did not take place". No one
/// counted on such a day was freed, and it is no exchange's day. Only a
/// sentence naming one day ("postponed from Friday to Sunday" names two), and
/// not the day someone spoke.
fn called_off(places: &[Reading]) -> Vec<NaiveDate> {
    places
        .iter()
        .filter(|p| about_exchange(&p.s) && events::foiled_in(&p.s, 0..p.s.words.len()))
        .filter_map(|p| {
            // Any day, the day of a plan too: "had been planned for January 24".
            let mut days = p.s.dates.iter().map(|(m, _)| m).filter_map(|m| match m.period {
                Period::Day { date } if !p.s.dates_a_statement(m.words.start) => Some(date),
                _ => None,
            });
            match (days.next(), days.next()) {
                (Some(day), None) => Some(day),
                _ => None,
            }
        })
        .collect()
}

/// Does the sentence count only the dead?
fn only_bodies(s: &Sentence, today: NaiveDate) -> bool {
    only_kind(s, today, kind::Kind::Bodies)
}

/// "At talks in Istanbul on 16 May the delegations agreed to release 1,000
/// prisoners each": a day whose every count is a plan is no exchange's.
fn only_plans(s: &Sentence, today: NaiveDate) -> bool {
    only_kind(s, today, kind::Kind::Planned)
}

fn only_kind(s: &Sentence, today: NaiveDate, kind: kind::Kind) -> bool {
    // "… the bodies of 909 fallen soldiers, its second repatriation in three weeks": a
    // span of time counts no one.
    let counts: Vec<count::Count> =
        count::find(s).into_iter().filter(|c| c.thing != Some(crate::lang::lexicon::Thing::Other)).collect();
    !counts.is_empty() && counts.iter().all(|c| kind::of(s, c, today) == kind)
}

/// Does the sentence speak of people changing hands?
pub fn about_exchange(s: &Sentence) -> bool {
    s.tags
        .iter()
        .any(|t| matches!(t.tag, Tag::Event | Tag::Act(Act::Give | Act::Receive | Act::Home | Act::Swap | Act::Occur)))
}

/// "STATEMENT - Coordination Headquarters for the Treatment of Prisoners of War":
/// the body reproduces someone's statement, who then speaks every sentence
/// that names no one else (until an editor's note).
fn statement_speaker(body: &str) -> Option<Reporter> {
    let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    let speaker_in = |text: &str| {
        let s = Sentence::new(text, NaiveDate::default(), 0, 0);
        (0..s.words.len()).find_map(|j| reporter::speaker_at(&s, j))
    };
    if let Some(rest) = first.strip_prefix("STATEMENT").or_else(|| first.strip_prefix("Statement")) {
        return speaker_in(rest);
    }
    // "COORDINATION HEADQUARTERS FOR THE TREATMENT OF PRISONERS OF WAR /
    // Press release | 26.10.2022": a body's release under its letterhead.
    let second = lines.next().unwrap_or("").to_lowercase();
    let release = ["press release", "statement", "communiqué", "communique", "press service"];
    if release.iter().any(|r| second.starts_with(r)) {
        return speaker_in(first);
    }
    None
}

/// The speakers named so far, for "It said …" and "he added …".
#[derive(Default, Clone)]
pub struct Speakers {
    pub last: Option<Reporter>,
    /// The speaker of the sentence just read, if it had one.
    pub continuing: Option<Reporter>,
    pub last_person: Option<Reporter>,
    pub last_body: Option<Reporter>,
    /// Every body heard, latest last, for "the headquarters said" after the ministry spoke.
    pub bodies: Vec<Reporter>,
}

impl Speakers {
    fn heard(&mut self, r: &Reporter, person: bool) {
        self.last = Some(r.clone());
        if person {
            self.last_person = Some(r.clone());
        } else {
            self.last_body = Some(r.clone());
            self.bodies.push(r.clone());
        }
    }

    /// Whom "he", "she", "it" or "they" stands for, or "the headquarters":
    /// the last body of that name.
    pub fn pronoun(&self, pronoun: Option<&str>) -> Option<Reporter> {
        match pronoun {
            Some("he" | "she") => self.last_person.clone().or(self.last.clone()),
            Some("it" | "they") => self.last_body.clone().or(self.last.clone()),
            Some("we") | None => self.last.clone(),
            // Not Moscow for "the headquarters said" when no headquarters spoke yet: the
            // one body of a side with that name, if only one is known.
            Some(noun) => {
                self.bodies.iter().rev().find(|b| b.name.to_lowercase().contains(noun)).cloned().or_else(|| {
                    let mut known = crate::lang::lexicon::names::SPEAKERS
                        .iter()
                        .filter(|sp| !sp.person && sp.side.is_some() && sp.label.to_lowercase().contains(noun));
                    match (known.next(), known.next()) {
                        (Some(sp), None) => Some(Reporter { side: sp.side, name: sp.label.to_string() }),
                        _ => None,
                    }
                })
            }
        }
    }
}

/// Words of a sentence announcing the breakdown the next paragraphs give.
const BREAKDOWN_WORDS: &[&str] = &["breakdown", "breakdowns"];
/// How many paragraphs a breakdown announced runs on for.
const BREAKDOWN_REACH: usize = 3;

/// Who says a sentence: a speaker named in it; else the speaker of the
/// quotation it opens; else the previous speaker when it refers back ("It
/// said …"); else the statement the article reproduces; else the outlet.
fn sentence_reporter(ctx: &Context, places: &[Reading], k: usize, heard: &mut Speakers) -> (Reporter, bool) {
    let s = &places[k].s;
    let speeches = reporter::speeches(s);
    let mut speaker = speeches.iter().map(|x| &x.reporter).find(|r| !r.is_pending()).cloned();
    // "Zelensky: 82 privates and sergeants …", "Kyiv: 32 National Guard …",
    // "Ombudsman Dmytro Lubinets: this is …": a label ending in its speaker.
    // "16:55 — Coordination Headquarters: the 390 are …": not the clock's colon.
    if speaker.is_none() {
        speaker = (1..s.words.len().min(9)).filter(|&k| s.is(k, ":")).find_map(|colon| {
            (0..colon)
                .find(|&j| s.tagged(j).is_some_and(|t| t.words.start == j && t.words.end == colon))
                .and_then(|j| reporter::speaker_at(s, j))
        });
    }
    if speaker.is_none() {
        speaker = places[k].row_speaker.clone();
    }
    // "Zelensky gives the breakdown on Telegram: "230 of our people" …": the
    // subject who introduces a quotation or a colon says what follows it.
    if speaker.is_none() {
        speaker = reporter::introducer(s);
    }
    // "Claim 1 (Russian Defence Ministry, 30 December): "150 …"": a label naming
    // its speaker in brackets before the quotation.
    if speaker.is_none()
        && let Some(colon) = s.words.iter().take(14).position(|w| w.is(":"))
        && s.words.get(colon + 1).is_some_and(|w| ["\"", "“", "«"].contains(&w.norm.as_str()))
        && let Some(open) = s.words[..colon].iter().position(|w| w.is("("))
    {
        speaker = (open + 1..colon).find_map(|j| reporter::speaker_at(s, j));
    }
    // "Coordination HQ breakdown of today's 75:" over "• 70 men, 5 women": the
    // label's speaker gives the list under it.
    if speaker.is_none() && places[k].item {
        let label = places[..k].iter().rev().find(|p| !p.item);
        speaker = label.and_then(|p| (0..p.s.words.len()).find_map(|j| reporter::speaker_at(&p.s, j)));
    }
    // A quotation of several sentences is attributed after it: "…  Hold on."" then
    // "Deputy head of the presidential office Kyrylo Tymoshenko added …".
    if speaker.is_none() && opens_quote(s.text) {
        let after = places[k + 1..].iter().skip_while(|p| p.s.paragraph == s.paragraph).take(2);
        speaker = places[k + 1..]
            .iter()
            .take(3)
            .chain(after)
            .find_map(|p| reporter::speeches(&p.s).into_iter().map(|x| x.reporter).find(|r| !r.is_pending()));
    }
    // "Members noted that … the Russian President had spoken of 23": the outlet reports it.
    if speaker.is_none() && reporter::unnamed_speaker(s) {
        speaker = Some(ctx.outlet.clone());
    }
    if speaker.is_none() {
        if let Some(p) = speeches.iter().find(|x| x.reporter.is_pending()) {
            speaker = heard.pronoun(p.pronoun.as_deref());
        } else if reporter::refers_back(s) {
            speaker = heard.last.clone();
        }
    }
    // "The headquarters published a breakdown …", then paragraphs of "Of the 75, seventy
    // were men …": the one who gave the breakdown says them.
    if speaker.is_none() && reporter::subject(s).is_none() {
        speaker = places[..k]
            .iter()
            .rev()
            .take_while(|p| p.s.paragraph + BREAKDOWN_REACH >= s.paragraph)
            .filter(|p| p.s.words.iter().any(|w| BREAKDOWN_WORDS.contains(&w.norm.as_str())))
            .find_map(|p| {
                let back = || heard.last.clone().filter(|_| reporter::opens_on_previous_speaker(&p.s));
                reporter::subject(&p.s).map(|(r, _)| r).or_else(back)
            });
    }
    // "Yermak says another exchange has taken place. Thirty-six Ukrainians
    // are home: …": a sentence that names no speaker goes on with the one
    // before it in the same paragraph.
    if speaker.is_none()
        && reporter::subject(s).is_none()
        && !events::elsewhere(s)
        && k > 0
        && places[k - 1].s.paragraph == s.paragraph
    {
        speaker = heard.continuing.clone();
    }
    // The subject, then the speaker a verb names: "Ukraine got back 60 of its people,
    // the Coordination Headquarters said. … The headquarters counted …".
    let said = speeches.iter().map(|x| &x.reporter).find(|r| !r.is_pending());
    if let Some((r, person)) = reporter::subject(s) {
        heard.heard(&r, person);
    }
    if let Some(r) = said.or(speaker.as_ref().filter(|_| reporter::subject(s).is_none())) {
        let person = crate::lang::lexicon::names::SPEAKERS.iter().any(|sp| sp.person && sp.label == r.name);
        heard.heard(r, person);
    }
    let named = speaker.is_some();
    heard.continuing.clone_from(&speaker);
    let fallback = if places[k].note { None } else { ctx.statement.clone() };
    (speaker.or(fallback).unwrap_or_else(|| ctx.outlet.clone()), named)
}

fn opens_quote(text: &str) -> bool {
    let opens = text.matches(['“', '"']).count();
    let closes = text.matches('”').count();
    text.starts_with(['“', '"', '‘']) && (opens > closes || text.matches('"').count() % 2 == 1)
}

/// The side a word stands for: a state's, or a pronoun's ("its", "we").
pub fn sides(s: &Sentence, speaker: Option<Side>) -> Vec<Option<Side>> {
    (0..s.words.len())
        .map(|i| match s.tag(i) {
            Some(Tag::State(x)) => Some(x),
            Some(Tag::Cue(Cue::Pronoun)) => reporter::pronoun_side(s, i, speaker),
            _ => None,
        })
        .collect()
}

impl Context<'_> {
    pub fn cite(&self, s: &Sentence) -> Citation {
        Citation { article: self.article.id.clone(), sentence: s.text.to_string() }
    }
}

#[cfg(test)]
mod tests;

impl ArticleFacts {
    /// One line per fact, for curators and the snapshot tests: what each
    /// sentence was read as.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        let short = |s: &str| -> String {
            let t: String = s.chars().take(72).collect();
            if t.len() < s.len() { format!("{t}…") } else { t }
        };
        for o in &self.observations {
            let date = o.date.map_or("undated".to_string(), |d| d.id());
            let line = match &o.fact {
                Fact::Figure(f) | Fact::SeriesTotal(f) | Fact::Planned(f) => {
                    let kind = match &o.fact {
                        Fact::Figure(_) => "figure",
                        Fact::SeriesTotal(_) => "running total",
                        _ => "planned",
                    };
                    let to = match f.recipient {
                        super::Recipient::To(s) => format!("to {}", s.name()),
                        super::Recipient::Each => "each way".into(),
                        super::Recipient::Combined => "in all".into(),
                    };
                    format!(
                        "{kind} {}{} {to} {:?}{}{} | {} [{:?}] “{}”",
                        f.approx.as_deref().map_or(String::new(), |a| format!("{a} ")),
                        f.value,
                        f.category,
                        if f.part { " part" } else { "" },
                        if f.terms.is_empty() { String::new() } else { format!(" ({})", f.terms.join(" ")) },
                        f.reporter.name,
                        f.confidence,
                        short(&f.cite.sentence)
                    )
                }
                Fact::Report(c) => format!("took place “{}”", short(&c.sentence)),
                Fact::Mediator(a) => format!("mediator {} “{}”", a.value, short(&a.cite.sentence)),
                Fact::Destination(a) => format!("taken to {} “{}”", a.value, short(&a.cite.sentence)),
                Fact::Venue(a) => format!("handover in {} “{}”", a.value, short(&a.cite.sentence)),
                Fact::Origin(a) => format!("captured in {} “{}”", a.value, short(&a.cite.sentence)),
                Fact::Agreement(a) => format!("agreed at {} “{}”", a.value, short(&a.cite.sentence)),
                Fact::Stage(s) => {
                    format!("stage {}{} “{}”", s.number, if s.last { " (last)" } else { "" }, short(&s.cite.sentence))
                }
            };
            out.push_str(&format!("{date}{} {line}\n", if o.inferred { "*" } else { "" }));
        }
        for c in &self.claims {
            out.push_str(&format!(
                "claim {:?} {:?} {}{} | {} as of {} “{}”\n",
                c.kind,
                c.scope,
                c.low,
                c.high.map_or(String::new(), |h| format!("–{h}")),
                c.reporter.name,
                c.as_of,
                short(&c.cite.sentence)
            ));
        }
        out
    }
}
