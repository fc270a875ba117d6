//! Reading a question's slots: each function reads one slot from the
//! words, independently of the others; `understand` puts them together and
//! decides the measure.

use chrono::{Datelike, NaiveDate};

use super::question::{Filters, Neighbour, PlaceOf, Rank, ReporterRef, Selectors, StageRef};
use crate::facts::{ClaimKind, Recipient};
use crate::lang::dates::{self, Anchor, DateMention, Period};
use crate::lang::gazetteer::{self, Tagged};
use crate::lang::lexicon::questions::{self as q, GENERIC_PEOPLE};
use crate::lang::lexicon::{self, Act, Category, Cue, Side, Tag, Thing, names};
use crate::lang::numbers;
use crate::lang::text::{Word, WordKind};

/// The words of a question with their tags and dates.
pub struct Words {
    pub words: Vec<Word>,
    pub tags: Vec<Tagged>,
    pub dates: Vec<DateMention>,
}

impl Words {
    pub fn new(words: Vec<Word>, today: NaiveDate) -> Words {
        let tags = gazetteer::tag(&words);
        let dates = dates::find(&words, Anchor::Asked(today));
        Words { words, tags, dates }
    }

    pub fn has(&self, w: &str) -> bool {
        self.words.iter().any(|x| x.is(w))
    }

    pub fn has_any(&self, ws: &[&str]) -> bool {
        self.words.iter().any(|x| ws.contains(&x.norm.as_str()))
    }

    pub fn phrase(&self, p: &[&str]) -> bool {
        self.words.windows(p.len()).any(|w| w.iter().zip(p).all(|(a, b)| a.is(b)))
    }

    pub fn first(&self) -> &str {
        self.words.first().map_or("", |w| w.norm.as_str())
    }

    pub fn tag(&self, i: usize) -> Option<Tag> {
        self.tags.iter().find(|t| t.words.contains(&i)).map(|t| t.tag)
    }

    pub fn in_date(&self, i: usize) -> bool {
        self.dates.iter().any(|m| m.words.contains(&i))
    }

    pub fn tagged(&self, pred: impl Fn(Tag) -> bool) -> bool {
        self.tags.iter().any(|t| pred(t.tag))
    }
}

/// Periods and the "as of" day: "since March 2025", "before 2025",
/// "between March and May 2025", "by December 2024", "in the week up to
/// 26 November 2022".
pub fn periods(w: &Words, today: NaiveDate) -> (Vec<Period>, Option<Period>) {
    let words = &w.words;
    let mut periods: Vec<Period> = Vec::new();
    let mut as_of = None;
    for (k, m) in w.dates.iter().enumerate() {
        let at = |back: usize| m.words.start.checked_sub(back).and_then(|i| words.get(i)).map(|x| x.norm.as_str());
        // "between March and May 2025", "from oct to dec 2022", "October-December 2022": one range.
        let joined = matches!(at(1), Some("and" | "to" | "through" | "till" | "-"));
        if k > 0 && joined {
            let prev = &w.dates[k - 1];
            let opened = prev
                .words
                .start
                .checked_sub(1)
                .and_then(|i| words.get(i))
                .is_some_and(|x| x.is("between") || x.is("from"))
                || at(1) != Some("and") && prev.words.end + 1 == m.words.start;
            let start = match (prev.period, m.period.bounds()) {
                (Period::Recurring { month, day }, Some((end, _))) => {
                    NaiveDate::from_ymd_opt(end.year(), month, day.unwrap_or(1)).map(|d| (d, d))
                }
                (p, _) => p.bounds(),
            };
            if let (true, Some((from, _)), Some((_, to))) = (opened, start, m.period.bounds()) {
                periods.pop();
                periods.push(Period::Span { from, to });
                continue;
            }
        }
        // "in the week up to 26 November 2022".
        if at(1) == Some("to")
            && at(2) == Some("up")
            && at(3) == Some("week")
            && let Period::Day { date } = m.period
        {
            periods.push(Period::Span { from: date - chrono::Days::new(6), to: date });
            continue;
        }
        let period = with_year_of_others(m.period, &w.dates);
        // "by the 2 Oct 2025 swap", "what total … after the 5 March 2026 swap": a running total then.
        let total_after = at(1) == Some("the") && at(2) == Some("after") && (w.has_any(q::TOTAL) || mediator_tally(w));
        // "by the end of 2024", "as of the end of 2024": everything up to then, not 2024 alone.
        let by_end = at(1) == Some("of")
            && at(2) == Some("end")
            && at(3) == Some("the")
            && (at(4) == Some("by") || at(4) == Some("of") && at(5) == Some("as"));
        // "as of the feb 5 2025 swap": the running total as that swap left it.
        let as_of_the = at(1) == Some("the")
            && at(2) == Some("of")
            && at(3) == Some("as")
            && matches!(m.period, Period::Day { .. });
        match (at(1), at(2)) {
            (Some("of"), Some("as")) | (Some("by"), _) | (Some("the"), Some("by")) => as_of = Some(period),
            _ if as_of_the => as_of = Some(period),
            _ if total_after || by_end => as_of = Some(period),
            (Some("since"), _) => periods.extend(open_range(m.period, today, true)),
            // "the first swap after Independence Day 2024": from the day after it.
            (Some("after"), _) => {
                periods.extend(open_range(m.period, today, true).zip(m.period.bounds()).and_then(|(open, (_, end))| {
                    match open {
                        Period::Span { to, .. } => Some(Period::Span { from: end.succ_opt()?, to }),
                        other => Some(other),
                    }
                }))
            }
            (Some("before" | "until" | "till"), _) => periods.extend(open_range(m.period, today, false)),
            // "before the jan 2024 swap": up to the day before it.
            (Some("the"), Some("before")) if matches!(w.tag(m.words.end), Some(Tag::Event)) => {
                periods.extend(open_range(m.period, today, false))
            }
            // "the running total after the 40th exchange in April 2023": as it stood then.
            _ if running_total(w) => as_of = Some(period),
            _ => periods.push(period),
        }
    }
    // "the three autumn 2022 swaps (29 sep, 26 oct, 11 nov)": the days name
    // the exchanges; the season around them only gave their year.
    let within = |outer: &Period, inner: &Period| {
        outer != inner && matches!((outer.bounds(), inner.bounds()), (Some((a, b)), Some((c, d))) if a <= c && d <= b)
    };
    let mut narrowed: Vec<Period> = periods.iter().filter(|p| !periods.iter().any(|q| within(p, q))).copied().collect();
    // "was the sept 13 2024 return bigger than the swap the next day?": a second day, next to the one named.
    if let [Period::Day { date }] = narrowed[..]
        && let Some(shift) = NEXT_TO.iter().find(|(p, _)| w.phrase(p)).map(|(_, d)| *d)
        && let Some(other) = date.checked_add_signed(chrono::Duration::days(shift))
    {
        narrowed.push(Period::Day { date: other });
    }
    (easter_of_each_year(w, narrowed), as_of)
}

/// Phrases naming the day next to the one a question names, with how far.
const NEXT_TO: &[(&[&str], i64)] = &[
    (&["the", "next", "day"], 1),
    (&["the", "day", "after"], 1),
    (&["the", "following", "day"], 1),
    (&["the", "day", "before"], -1),
    (&["the", "previous", "day"], -1),
];

/// "Which Easter exchange brought more home, the 2023 one or the 2025 one?": Easter
/// with no year beside it, and whole years named, asks for each year's Easter.
fn easter_of_each_year(w: &Words, periods: Vec<Period>) -> Vec<Period> {
    let bare_easter = w.words.iter().enumerate().any(|(i, x)| x.is("easter") && !w.in_date(i));
    let whole_year = |p: &Period| {
        p.bounds().is_some_and(|(from, to)| {
            from.ordinal() == 1 && to.month() == 12 && to.day() == 31 && from.year() == to.year()
        })
    };
    if !bare_easter || periods.is_empty() || !periods.iter().all(whole_year) {
        return periods;
    }
    periods
        .iter()
        .map(|p| p.bounds().and_then(|(from, _)| crate::lang::dates::easter_weekend(from.year())).unwrap_or(*p))
        .collect()
}

/// "the nov 23 2022 swap or the nov 24 one": a day without a year takes the
/// year of the other dates of the question, when they all share one.
fn with_year_of_others(p: Period, all: &[DateMention]) -> Period {
    let Period::Recurring { month, day } = p else { return p };
    let years: Vec<i32> = all
        .iter()
        .filter_map(|m| match m.period {
            Period::Day { date } => Some(date.year()),
            Period::Month { year, .. } => Some(year),
            Period::Span { from, to } if from.year() == to.year() => Some(from.year()),
            _ => None,
        })
        .collect();
    match years.first() {
        // "June, July and August 2024": a bare month takes the year too.
        Some(&y) if years.iter().all(|x| *x == y) => match day {
            Some(d) => NaiveDate::from_ymd_opt(y, month, d).map_or(p, |date| Period::Day { date }),
            None => Period::Month { year: y, month },
        },
        _ => p,
    }
}

/// "since March 2025" → March 2025 to `today`; "before 2025" → up to 2024.
fn open_range(p: Period, today: NaiveDate, forward: bool) -> Option<Period> {
    let (from, to) = p.bounds()?;
    let origin = NaiveDate::from_ymd_opt(1991, 1, 1)?;
    Some(if forward {
        Period::Span { from, to: today.max(to) }
    } else {
        Period::Span { from: origin, to: from.pred_opt()? }
    })
}

/// "the 1,000-for-1,000 swap", "150 for 150", "forty-five-for-forty-five".
pub fn n_for_n(words: &[Word]) -> Option<u64> {
    words.iter().enumerate().find_map(|(i, w)| {
        let a = w.number()?;
        let same = |k: usize| words.get(k).and_then(Word::number) == Some(a);
        let hyphen = words.get(i + 1).is_some_and(|x| x.is("-"));
        let (for_at, second) = if hyphen { (i + 2, i + 4) } else { (i + 1, i + 2) };
        let second = if hyphen && !words.get(i + 3).is_some_and(|x| x.is("-")) { i + 3 } else { second };
        (words.get(for_at).is_some_and(|x| x.is("for")) && same(second)).then_some(a)
    })
}

/// Head counts a question names ("When were 108 women freed?"), besides dates and "N-for-N".
pub fn values(w: &Words, n_for_n: Option<u64>) -> Vec<u64> {
    let words = &w.words;
    // "the two 50-for-50 swaps" counts swaps, "the three stages" and "the three days" its
    // parts; "the Il-76" names a plane.
    // "the 84-person exchange" is its size.
    let sized = |i: usize| {
        words.get(i + 1).is_some_and(|x| x.is("-")) && words.get(i + 2).is_some_and(|x| x.kind == WordKind::Word)
    };
    let counts_swaps = |i: usize| {
        (i + 1..(i + 4).min(words.len())).any(|k| w.tag(k) == Some(Tag::Event)) && !sized(i)
            || words.get(i + 1).is_some_and(|x| x.is("days") || w.tag(i + 1) == Some(Tag::Stage))
            || words
                .get(i + 1)
                .and_then(Word::number)
                .is_some_and(|_| words.get(i + 2).is_some_and(|x| x.is("-") || x.is("for")))
    };
    let designation = |i: usize| i >= 2 && words[i - 1].is("-") && words[i - 2].kind == WordKind::Word;
    words
        .iter()
        .enumerate()
        .filter(|(i, x)| x.kind == WordKind::Number && !w.in_date(*i) && !counts_swaps(*i) && !designation(*i))
        .filter_map(|(_, x)| x.number())
        .filter(|v| Some(*v) != n_for_n && *v >= 1)
        .collect()
}

/// "the first day", "the third stage", "the last day of the … swap", "the final stage".
pub fn stage(words: &[Word]) -> Option<StageRef> {
    // "day one", "stage 2", "day two of the swap".
    let numbered = words.windows(2).find_map(|w| {
        let noun = ["day", "stage", "phase", "round"].contains(&w[0].norm.as_str());
        let n = w[1].number().filter(|n| (1..=10).contains(n)).or_else(|| w[1].is("one").then_some(1))?;
        noun.then_some(StageRef::Nth(n as u32))
    });
    if numbered.is_some() {
        return numbered;
    }
    words.windows(2).find_map(|w| {
        if !lexicon::verbs::STAGES.contains(&w[1].norm.as_str()) || w[1].is("group") {
            return None;
        }
        if w[0].is("last") || w[0].is("final") {
            return Some(StageRef::Last);
        }
        numbers::ordinal(&w[0].norm).map(StageRef::Nth)
    })
}

/// "the largest exchange", "the most recent swap", "the first swap of 2023", "the last one".
pub fn rank(w: &Words, stage: Option<StageRef>) -> Option<Rank> {
    // "the swap of at least 1,200 per side", "at most 50": a bound on a number, no rank.
    let ranks = |set: &[&str]| {
        w.words.iter().enumerate().any(|(i, x)| set.contains(&x.norm.as_str()) && !(i > 0 && w.words[i - 1].is("at")))
    };
    if ranks(q::LARGEST) && !w.phrase(&["most", "recent"]) && !w.phrase(&["the", "most", "of"]) {
        return Some(Rank::Largest);
    }
    if ranks(q::SMALLEST) {
        return Some(Rank::Smallest);
    }
    if stage.is_some() {
        return None;
    }
    // "the first swap of 2023", "the second exchange of the year", "the last
    // prisoner exchange", "the first severely wounded soldiers to come home".
    let swap_noun = |norm: &str| ["exchange", "swap", "one", "exchanges", "swaps", "trade", "handover"].contains(&norm);
    let swap_like = |i: usize| {
        (i + 1..(i + 6).min(w.words.len())).any(|k| {
            swap_noun(&w.words[k].norm) || matches!(w.tag(k), Some(Tag::People(_) | Tag::Kind(_) | Tag::Event))
        })
    };
    for (i, x) in w.words.iter().enumerate() {
        let norm = x.norm.as_str();
        if (q::LATEST.contains(&norm) && (swap_like(i) || norm != "last"))
            || w.phrase(&["most", "recent"]) && norm == "recent"
        {
            return Some(Rank::NthLast(1));
        }
        // "the oldest swap" is the earliest; "the oldest of the freed men" is a person's age.
        let of_people = norm == "oldest" && !(i + 1..(i + 4).min(w.words.len())).any(|k| swap_noun(&w.words[k].norm));
        if q::EARLIEST.contains(&norm) && (swap_like(i) || norm == "earliest") && !of_people {
            return Some(Rank::Nth(1));
        }
        if let Some(n) = numbers::ordinal(norm).filter(|n| *n >= 2)
            && (swap_like(i) || elliptic_ordinal(w, i))
        {
            return Some(Rank::Nth(n));
        }
    }
    None
}

/// "the exchange before the one on …", "the swap after that".
pub fn neighbour(w: &Words) -> Option<Neighbour> {
    let words = &w.words;
    (0..words.len()).find_map(|i| {
        let side = match words[i].norm.as_str() {
            "before" | "preceding" | "preceded" => Neighbour::Before,
            "after" | "following" | "followed" => Neighbour::After,
            _ => return None,
        };
        // "after the one", "before the exchange", "after the 2 Oct 2025 one".
        let mut k = i + 1;
        if !words.get(k).is_some_and(|x| x.is("the")) {
            return None;
        }
        k += 1;
        let dated = k;
        let thing = |x: &Word| ["one", "exchange", "swap"].contains(&x.norm.as_str());
        // "before the 2 Oct one", "before the 75-for-75 one", "after the Easter 2025 swap".
        while k < words.len() && k < dated + 6 && !thing(&words[k]) && (!words[k].is_punct() || words[k].is("-"))
            || w.in_date(k)
        {
            k += 1;
        }
        // With words between, only "the swap after the 2 Oct one", not "where do they go
        // after the 6 May swap".
        // "what came next after the independence day 2025 exchange?".
        const SEQUENCE: &[&str] = &["swaps", "exchanges", "next", "came", "come", "followed", "previous", "happened"];
        // "after the 84-person exchange in aug 2025, when was the next swap".
        let next_asked = words[k.min(words.len())..].iter().any(|x| x.is("next") || x.is("previous"));
        let named = k == dated
            || words.get(k).is_some_and(|x| x.is("one"))
            || words[i.saturating_sub(4)..i].iter().any(|x| thing(x) || SEQUENCE.contains(&x.norm.as_str()))
            || next_asked;
        // "after the 103-for-103 in sept 2024, when was the next swap": the anchor needs no noun.
        let anchored = next_asked && k > dated;
        (named && words.get(k).is_some_and(thing) || elliptic_ordinal(w, dated) || anchored).then_some(side)
    })
}

/// "the next exchange after the 51st": an ordinal standing for the exchange named before it.
fn elliptic_ordinal(w: &Words, i: usize) -> bool {
    let words = &w.words;
    i > 0
        && words[i - 1].is("the")
        && words.get(i + 1).is_none_or(|x| x.is_punct())
        && numbers::ordinal(&words[i].norm).is_some_and(|n| n >= 2)
        && words[..i].iter().any(|x| ["exchange", "swap", "exchanges", "swaps", "trade"].contains(&x.norm.as_str()))
}

/// "over the three days", "all stages", "the whole exchange", "the three-day exchange".
pub fn whole(w: &Words) -> bool {
    let n_day = w
        .words
        .windows(3)
        .any(|x| (x[0].number().is_some_and(|n| n >= 2) || x[0].is("multi")) && x[1].is("-") && x[2].is("day"));
    n_day
        || w.phrase(&["three", "days"])
        || w.phrase(&["two", "days"])
        || w.phrase(&["all", "three"])
        || w.has("whole")
        || w.has("entire")
        || w.phrase(&["all", "stages"])
        || (w.phrase(&["over", "the"]) && w.has_any(&["days", "stages"]))
}

/// "after the first two days", "in the first 2 days": how many days from the start.
pub fn first_days(w: &Words) -> Option<u32> {
    w.words.windows(3).find_map(|x| {
        let n = x[1].number().filter(|n| (1..=10).contains(n))?;
        (x[0].is("first") && (x[2].is("days") || x[2].is("stages"))).then(|| u32::try_from(n).ok()).flatten()
    })
}

/// "lopsided", "one side getting more people back than the other".
pub fn uneven(w: &Words) -> bool {
    w.has_any(q::UNEVEN) || (w.phrase(&["more"]) && w.phrase(&["than", "the", "other"]))
}

fn side_word(t: Option<Tag>) -> Option<Side> {
    match t {
        Some(Tag::State(s) | Tag::Nationality(s)) => Some(s),
        _ => None,
    }
}

/// Whose people are counted: a nationality ("wounded Ukrainians"), else a
/// side that gets people back ("did Russia get anyone back", "returned to
/// Ukraine") or gives them up ("did Russia hand over" → Ukraine's people).
pub fn recipient(w: &Words) -> Option<Side> {
    // "how many did Ukraine get back versus Russia", "did Russia get more back than
    // Ukraine": both sides, side by side.
    if sides_contrasted(w) {
        return None;
    }
    // A nationality of people counted, not of a speaker ("Russia's defence ministry").
    // Nor of the holder: "brought home from Russian captivity", "in Russian prisons".
    const HOLDING: &[&str] = &["captivity", "prisons", "prison", "custody", "colonies", "jails", "hands"];
    let holder = |t: &crate::lang::gazetteer::Tagged| {
        w.words.get(t.words.end).is_some_and(|x| HOLDING.contains(&x.norm.as_str()))
    };
    let nationality = w.tags.iter().find_map(|t| match t.tag {
        Tag::Nationality(s) if !matches!(w.tag(t.words.end), Some(Tag::Speaker(_))) && !holder(t) => Some(s),
        _ => None,
    });
    if nationality.is_some() {
        return nationality;
    }
    for t in &w.tags {
        let Tag::State(side) = t.tag else { continue };
        let after = t.words.end..(t.words.end + 4).min(w.words.len());
        let before: Vec<&str> = w.words[..t.words.start].iter().rev().take(2).map(|x| x.norm.as_str()).collect();
        let act_after = after.clone().find_map(|i| match w.tag(i) {
            Some(Tag::Act(a)) => Some(a),
            _ => None,
        });
        // "How many soldiers did Ukraine free?": the press says a side frees its own
        // people as often as the other's ("Ukraine frees 32 soldiers in a swap"),
        // so freeing names no side; handing over does.
        let freeing = after.clone().any(|i| FREEING.contains(&w.words[i].norm.as_str()));
        // "Ukraine's total number returned from captivity": its people came home.
        let home = after.clone().any(|i| {
            w.tag(i) == Some(Tag::Act(Act::Give))
                && (w.words.get(i + 1).is_some_and(|x| x.is("home"))
                    || w.words.get(i + 1).is_some_and(|x| x.is("from"))
                        && w.words.get(i + 2).is_some_and(|x| HOLDING.contains(&x.norm.as_str())))
        });
        match act_after {
            Some(Act::Receive | Act::Home) => return Some(side),
            Some(Act::Give) if home => return Some(side),
            Some(Act::Give) if freeing => return None,
            Some(Act::Give) => return Some(side.other()),
            _ => {}
        }
        // "returned to Ukraine", not "according to Ukraine".
        if before.first() == Some(&"to") && before.get(1) != Some(&"according") {
            return Some(side);
        }
        if before.first() == Some(&"by")
            && before.get(1).is_some_and(|x| ["returned", "released", "freed", "handed", "held", "sent"].contains(x))
        {
            return Some(side.other());
        }
    }
    None
}

/// Verbs that free people without saying whose they were.
const FREEING: &[&str] =
    &["free", "frees", "freed", "freeing", "release", "releases", "released", "releasing", "liberate", "liberated"];

/// Does the question set the two sides against each other ("Ukraine versus
/// Russia", "more … than Ukraine", "Kyiv or Moscow")?
fn sides_contrasted(w: &Words) -> bool {
    let sides: Vec<Side> = w
        .tags
        .iter()
        .filter_map(|t| match t.tag {
            Tag::State(s) | Tag::Nationality(s) if !matches!(w.tag(t.words.end), Some(Tag::Speaker(_))) => Some(s),
            _ => None,
        })
        .collect();
    let both = sides.contains(&Side::Ukraine) && sides.contains(&Side::Russia);
    both && (w.has_any(q::COMPARE) || w.phrase(&["more", "than"]) || w.has("or") || w.phrase(&["than"]))
}

/// "each side", "both sides", "changed hands", "in total on …": both directions.
pub fn both(w: &Words) -> bool {
    w.phrase(&["each", "side"])
        || w.phrase(&["each", "way"])
        || w.phrase(&["both", "sides"])
        || w.has("apiece")
        || w.phrase(&["each", "country"])
        || w.phrase(&["changed", "hands"])
        || w.phrase(&["change", "hands"])
        || w.phrase(&["both", "countries"])
        // "How many did Russia and Ukraine release altogether?": the two sides together.
        || (w.has_any(q::TOTAL) || w.phrase(&["in", "all"])) && both_states_together(w)
}

/// "Russia and Ukraine", "Kyiv and Moscow": both sides named as one subject.
fn both_states_together(w: &Words) -> bool {
    w.words.windows(3).enumerate().any(|(i, x)| {
        x[1].is("and") && matches!((w.tag(i), w.tag(i + 2)), (Some(Tag::State(a)), Some(Tag::State(b))) if a != b)
    })
}

/// Whose figures are wanted: "according to Zelenskyy", "did Russia say",
/// "the Defence Ministry say". Two speakers ("compare what Kyiv and Moscow
/// said") filter nothing.
pub fn reporter(w: &Words) -> Option<ReporterRef> {
    let mut found: Vec<ReporterRef> = Vec::new();
    for (i, x) in w.words.iter().enumerate() {
        let speech = x.is("according")
            || x.is("per")
            || q::SAY.contains(&x.norm.as_str())
            || x.is("count")
            || q::NUMBERS_ASKED.contains(&x.norm.as_str());
        if !speech {
            continue;
        }
        // "what figure did Russia's defence ministry give": the speaker after the auxiliary.
        let asked_of = q::NUMBERS_ASKED.contains(&x.norm.as_str())
            && w.words.get(i + 1).is_some_and(|n| ["did", "does", "do"].contains(&n.norm.as_str()));
        let window: Vec<usize> = if x.is("according") || x.is("per") {
            (i + 1..(i + 5).min(w.words.len())).collect()
        } else if asked_of {
            (i + 2..(i + 6).min(w.words.len())).collect()
        } else {
            (i.saturating_sub(4)..i).rev().collect()
        };
        // "according to the Russian Defence Ministry": the ministry, of Russia's side,
        // not a speaker named "Russian".
        let named = window.iter().copied().find(|&k| matches!(w.tag(k), Some(Tag::Speaker(_))));
        let window: Vec<usize> = match named {
            Some(k) if x.is("according") || x.is("per") => vec![k],
            _ => window,
        };
        // "what Kyiv and Moscow said": every speaker of the verb.
        for k in window {
            if let Some(r) = speaker_ref(w, k).filter(|r| r.side.is_some() || !r.names.is_empty())
                && !found.contains(&r)
                && (!x.is("according") || found.is_empty())
            {
                found.push(r);
            }
        }
    }
    // "according to ukraine vs according to the russian defence ministry": two sources compared.
    let according = w.words.iter().filter(|x| x.is("according")).count();
    if according >= 2 {
        return None;
    }
    // "Russia's defence ministry": the state is the ministry's side, not a second speaker.
    let named_sides: Vec<Option<Side>> = found.iter().filter(|r| !r.names.is_empty()).map(|r| r.side).collect();
    found.retain(|r| !r.names.is_empty() || !named_sides.contains(&r.side));
    // "Kyiv's count", "kyivs figure" written as one word.
    match found.len() {
        1 => found.pop(),
        _ => None,
    }
}

fn speaker_ref(w: &Words, k: usize) -> Option<ReporterRef> {
    let word = &w.words[k];
    match w.tag(k) {
        Some(Tag::Speaker(i)) => {
            let sp = names::SPEAKERS.get(usize::from(i))?;
            let side =
                sp.side.or_else(|| (k.saturating_sub(3)..(k + 3).min(w.words.len())).find_map(|j| side_word(w.tag(j))));
            Some(ReporterRef { side, names: sp.names.iter().map(|n| (*n).to_string()).collect() })
        }
        // "according to Russian officials": that side.
        Some(Tag::State(side) | Tag::Nationality(side)) => Some(ReporterRef { side: Some(side), names: Vec::new() }),
        // "according to the UAE": the mediator, by the name its figures carry.
        Some(Tag::Mediator(m)) => Some(ReporterRef { side: None, names: vec![names::mediator_name(m).to_lowercase()] }),
        // Not "Did" opening "Did Zelensky give a figure …", nor "Feb" of "4 Feb 2023: what figure …".
        _ if word.capitalized
            && !crate::lang::lexicon::STOP_WORDS.contains(&word.norm.as_str())
            && !w.dates.iter().any(|m| m.words.contains(&k)) =>
        {
            Some(ReporterRef { side: None, names: vec![word.norm.clone()] })
        }
        _ => None,
    }
}

/// "wounded", "seriously ill" → Wounded; "civilians" (as what is
/// counted, not "civilian sailors") → Civilians.
pub fn category(w: &Words) -> Option<Category> {
    // "(not counting wounded)", "excluding civilians": what is left out is not what is asked.
    // "civilians included", "counting the Kursk civilians", "soldiers and
    // civilians": what is added to the count is not what is asked either.
    let aside = |t: &crate::lang::gazetteer::Tagged| {
        let i = t.words.start;
        let before = (i.saturating_sub(3)..i).any(|k| {
            ["not", "excluding", "without", "except", "besides", "apart", "counting", "including", "plus", "with"]
                .contains(&w.words[k].norm.as_str())
        });
        let after = w.words.get(t.words.end).is_some_and(|x| x.is("included"));
        let listed = i >= 2 && w.words[i - 1].is("and") && matches!(w.tag(i - 2), Some(Tag::People(_)));
        before || after || listed
    };
    if let Some(c) = w.tags.iter().find_map(|t| match t.tag {
        Tag::Kind(c) if !aside(t) => Some(c),
        _ => None,
    }) {
        return Some(c);
    }
    let civilians = w.tags.iter().any(|t| {
        t.tag == Tag::People(Category::Civilians) && !matches!(w.tag(t.words.end), Some(Tag::People(_))) && !aside(t)
    });
    civilians.then_some(Category::Civilians)
}

/// The group counted, beyond prisoners in general: "how many women",
/// "how many azovstal defenders", "how many of the guys … were azovstal
/// defenders", "how many civilian sailors". Category words are left to
/// `category`, except a modifier ("civilian sailors" keeps "civilian").
pub fn group(w: &Words) -> Vec<String> {
    let words = &w.words;
    let Some(at) = how_many_at(words).filter(|&at| at + 2 < words.len() && !words[at + 2].is_punct()) else {
        return unasked_group(w);
    };
    // The noun phrase after "how many", up to its verb.
    let mut np: Vec<usize> = Vec::new();
    let mut i = at + 2;
    while i < words.len() {
        let x = &words[i];
        // "how many officers among the 45 azov fighters", "how many women of the 108
        // freed": what follows describes the whole group, not the part asked for.
        let of_the_n = x.is("of")
            && words.get(i + 1).is_some_and(|n| n.is("the"))
            && words.get(i + 2).is_some_and(|n| n.number().is_some());
        if !np.is_empty() && (x.is("among") || of_the_n) {
            break;
        }
        if x.is("of") && words.get(i + 1).is_some_and(|n| n.is("the") || n.is("them") || n.is("those")) {
            // "how many of the guys freed on … were azovstal defenders", "how many of them
            // were officers": the predicate names the group.
            return predicate_group(w, i + 2);
        }
        if x.is_punct() || matches!(w.tag(i), Some(Tag::Act(_) | Tag::Cue(Cue::Be) | Tag::Speech)) || is_verb(x) {
            break;
        }
        np.push(i);
        i += 1;
    }
    if np.is_empty() && words.get(at + 2).is_some_and(|x| ["had", "were", "was", "are"].contains(&x.norm.as_str())) {
        // "how many had defended azovstal", "how many were azovstal defenders".
        return predicate_group(w, at + 2);
    }
    // "how many served in the armed forces": a verb of the past, then the group.
    if np.first() == Some(&(at + 2)) && words[at + 2].norm.ends_with("ed") && w.tag(at + 2).is_none() {
        return group_after(w, at + 2);
    }
    let head = np.last().copied();
    np.into_iter()
        .filter(|&k| Some(k) != head || !matches!(w.tag(k), Some(Tag::People(Category::Civilians))))
        .filter_map(|k| group_word(w, k))
        .collect()
}

/// The group of a question that asks no "how many" of it: "were there (any)
/// women among those returned …", or, put tersely, "mariupol defenders on the
/// last day of the 1000 for 1000?" (a noun phrase of people opening it).
fn unasked_group(w: &Words) -> Vec<String> {
    let words = &w.words;
    let start = match words.iter().position(|x| x.is("there")) {
        Some(t) if t > 0 && is_verb(&words[t - 1]) => {
            t + 1 + usize::from(words.get(t + 1).is_some_and(|x| x.is("any")))
        }
        _ if words.first().is_some_and(|x| !QUESTION_WORDS.contains(&x.norm.as_str()) && !is_verb(x)) => 0,
        _ => return Vec::new(),
    };
    let np: Vec<usize> = (start..words.len())
        .take_while(|&k| {
            let x = &words[k];
            !x.is_punct()
                && !["among", "in", "on", "at", "during", "from", "of", "about", "where", "who", "that"]
                    .contains(&x.norm.as_str())
                && !matches!(w.tag(k), Some(Tag::Act(_) | Tag::Cue(Cue::Be) | Tag::Speech | Tag::Event))
                && !is_verb(x)
        })
        .collect();
    // "National Guard count in the 30 December 2024 exchange?": the people before the count.
    let mut np = np;
    if np.len() > 1 && np.last().is_some_and(|&k| COUNT_NOUNS.contains(&words[k].norm.as_str())) {
        np.pop();
    }
    // The people are the phrase's head: "mariupol defenders", not "yermak quote".
    if np.len() > 4 || !np.last().is_some_and(|&k| names_people(w, k)) {
        return Vec::new();
    }
    np.into_iter().filter_map(|k| group_word(w, k)).collect()
}

/// Does the question open with a question word or a verb ("what …", "did …")?
pub fn opens_a_question(w: &Words) -> bool {
    w.words.first().is_some_and(|x| QUESTION_WORDS.contains(&x.norm.as_str()) || is_verb(x))
}

/// Words that open a question rather than name what it is about.
const QUESTION_WORDS: &[&str] = &[
    "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "tell", "list", "show", "give", "compare",
    "any",
];

/// Words that compare sizes, never a group: "how much bigger was Kyiv's number".
const COMPARATIVES: &[&str] = &["bigger", "larger", "smaller", "higher", "lower", "greater", "more", "fewer", "less"];

/// A word that names a group, normalised ("servicewomen" → "women"); `None` for generic ones.
fn group_word(w: &Words, i: usize) -> Option<String> {
    let x = &w.words[i];
    let generic = GENERIC_PEOPLE.contains(&x.norm.as_str())
        || lexicon::STOP_WORDS.contains(&x.norm.as_str())
        || COMPARATIVES.contains(&x.norm.as_str())
        // "how many civilians in the first stage": the stage, not the people.
        || crate::lang::numbers::ordinal(&x.norm).is_some()
        || x.kind != WordKind::Word
        || w.in_date(i)
        || matches!(
            w.tag(i),
            Some(
                Tag::State(_)
                    | Tag::Nationality(_)
                    | Tag::Kind(_)
                    | Tag::Cue(_)
                    | Tag::Act(_)
                    | Tag::Event
                    | Tag::Stage
                    | Tag::Speaker(_)
                    | Tag::Mediator(_)
            )
        );
    if generic {
        return None;
    }
    if matches!(w.tag(i), Some(Tag::People(Category::Civilians))) {
        return Some("civilian".into());
    }
    Some(lexicon::people::canonical_term(&x.norm).to_string())
}

fn how_many_at(words: &[Word]) -> Option<usize> {
    words
        .windows(2)
        .position(|p| (p[0].is("how") && (p[1].is("many") || p[1].is("much"))) || (p[0].is("number") && p[1].is("of")))
}

fn is_verb(x: &Word) -> bool {
    ["did", "do", "does", "were", "was", "had", "have", "has", "are", "is", "came", "come", "got", "get", "went"]
        .contains(&x.norm.as_str())
}

/// The group named after a copula or "had": "… were azovstal defenders", "… had defended azovstal".
fn predicate_group(w: &Words, from: usize) -> Vec<String> {
    let words = &w.words;
    let Some(verb) =
        (from..words.len()).find(|&k| ["were", "was", "had", "are", "is"].contains(&words[k].norm.as_str()))
    else {
        return Vec::new();
    };
    group_after(w, verb)
}

/// The group words after the verb at `verb`.
fn group_after(w: &Words, verb: usize) -> Vec<String> {
    let words = &w.words;
    // "… had fought at Azovstal": places count too, up to the end of the
    // clause, a phrase of time ("on the last day", "during the swap") or
    // one naming the exchange ("in the Kherson swap").
    let names_exchange = |k: usize| {
        ["in", "at", "from", "of"].contains(&words[k].norm.as_str())
            && (k + 1..(k + 5).min(words.len()))
                .take_while(|&j| !words[j].is_punct())
                .any(|j| w.tag(j) == Some(Tag::Event))
    };
    (verb + 1..words.len())
        .take_while(|&k| {
            // "were civilians rather than military": the group ends where its contrast begins.
            !words[k].is_punct()
                && !["on", "during", "among", "rather", "instead", "not"].contains(&words[k].norm.as_str())
                && !names_exchange(k)
        })
        .filter_map(|k| group_word(w, k))
        .collect()
}

/// A mediator the question names ("exchanges the UAE mediated").
pub fn mediator(w: &Words) -> Option<String> {
    w.tags.iter().find_map(|t| match t.tag {
        Tag::Mediator(m) => Some(names::mediator_name(m).to_string()),
        _ => None,
    })
}

/// Is the question about bodies of the dead?
pub fn bodies(w: &Words) -> bool {
    w.tagged(|t| t == Tag::Thing(Thing::Bodies))
}

/// What a claim question counts: swaps, people held, bodies, or all
/// returned since the war began / so far / as of a day.
/// "After the 205-for-205 exchange, how many had been returned in total?", "by the
/// Easter one, how many altogether": a running total up to an exchange named by
/// anything but a date.
pub fn total_after_exchange(w: &Words) -> bool {
    let words = &w.words;
    // "after the 205-for-205 exchange", "as of the 50th exchange", "as of the Easter 2025 exchange".
    let as_of = |i: usize| i > 0 && words[i].is("of") && words[i - 1].is("as");
    let named = words.iter().enumerate().any(|(i, x)| {
        (["after", "by", "following"].contains(&x.norm.as_str()) || as_of(i))
            && words.get(i + 1).is_some_and(|n| n.is("the"))
            && (i + 2..(i + 9).min(words.len()))
                .take_while(|&k| !words[k].is_punct() || words[k].is("-"))
                .any(|k| w.tag(k) == Some(Tag::Event) || words[k].is("one"))
    });
    let total = w.has_any(&["total", "altogether", "overall"]) || w.phrase(&["in", "all"]) || w.phrase(&["so", "far"]);
    named && total && how_many_at(words).is_some()
}

/// "What was the UAE's running total …", "the cumulative tally": a running total asked for by name.
/// Not "Kyiv's running total was given as 2,430 after one swap - which swap?": the
/// question opens by asking for it.
pub fn running_total(w: &Words) -> bool {
    let opens = ["what", "how"].contains(&w.first()) || ["running", "cumulative"].contains(&w.first());
    opens && w.has_any(&["running", "cumulative"]) && w.has_any(&["total", "tally", "count", "number"])
}

/// "… had been exchanged through its mediation", "through the UAE's efforts": a
/// mediator's running tally of both ways.
fn mediator_tally(w: &Words) -> bool {
    w.has_any(&["through", "via"]) && w.has_any(&["mediation", "efforts", "mediations"])
}

/// "how many", "the number of", "how much", "Ukraine's total number returned": a number asked for.
/// Nouns that ask the count of the people named just before them: "National Guard count".
const COUNT_NOUNS: &[&str] = &["count", "number", "numbers", "figure", "tally", "headcount"];

/// "National Guard count in …", "women number on 17 October?": people, then a count noun.
fn terse_count(w: &Words) -> bool {
    (1..w.words.len()).any(|k| COUNT_NOUNS.contains(&w.words[k].norm.as_str()) && names_people(w, k - 1))
}

/// A word for people, or for a service they belong to ("guard", "navy").
fn names_people(w: &Words, k: usize) -> bool {
    matches!(w.tag(k), Some(Tag::People(_)))
        || crate::lang::lexicon::people::SERVICE_TERMS
            .contains(&crate::lang::lexicon::people::canonical_term(&w.words[k].norm))
}

pub fn asks_how_many(w: &Words) -> bool {
    terse_count(w)
        || w.phrase(&["how", "many"])
        || w.phrase(&["number", "of"])
        || w.phrase(&["how", "much"])
        || w.phrase(&["total", "number"])
}

pub fn claim(w: &Words, s: &Selectors, f: &Filters) -> Option<ClaimKind> {
    // "what total did the UAE give for captives exchanged …": a number asked for, too.
    // "What overall figure did Lubinets give …", "what was the ombudsman's total of
    // Ukrainians freed so far": a running total asked without "how many".
    let total_named =
        w.has("overall") && w.has_any(q::NUMBERS_ASKED) || w.has_any(&["what", "which"]) && w.phrase(&["total", "of"]);
    let how_many = asks_how_many(w) || w.phrase(&["what", "total"]) || running_total(w) || total_named;
    // "Which number exchange was the Independence Day swap?": its place in the count of swaps.
    // Not "For the 31 January swap, what number did Kyiv give?": a count asked of a swap.
    let ordinal_asked = w.words.windows(3).enumerate().any(|(i, x)| {
        (x[0].is("which") || x[0].is("what"))
            && x[1].is("number")
            && (w.tag(i + 2) == Some(Tag::Event) || x[2].is("prisoner") || x[2].is("pow"))
    });
    let number_was = w.phrase(&["what", "number", "was"]) || w.phrase(&["which", "number", "was"]);
    if ordinal_asked || number_was && w.tagged(|t| t == Tag::Event) {
        return Some(ClaimKind::SwapCount);
    }
    let counted = counted_noun(w);
    if how_many
        && counted
            .as_ref()
            .is_some_and(|(n, t)| *t == Some(Tag::Event) || ["swaps", "exchanges", "trades"].contains(&n.as_str()))
    {
        return Some(ClaimKind::SwapCount);
    }
    // "How many does Kyiv hope to free?", "who announced the plan to free 1,200?"
    let plan = w.has_any(q::PLAN) || q::PLAN_PHRASES.iter().any(|p| w.phrase(p));
    if plan && (how_many || ["who", "which"].contains(&w.first()) || !s.values.is_empty()) {
        return Some(ClaimKind::Planned(f.recipient.map_or(Recipient::Each, Recipient::To)));
    }
    let side = f.recipient.unwrap_or(Side::Ukraine);
    if f.bodies {
        return Some(ClaimKind::Bodies(side));
    }
    // "date of the 20-for-20 swap that included guys held in olenivka": a swap's
    // people described by where they were held.
    let held = w.tagged(|t| t == Tag::Act(Act::Hold))
        && !w.tagged(|t| matches!(t, Tag::Act(Act::Give | Act::Receive | Act::Home | Act::Swap) | Tag::Event))
        || w.has_any(&["still", "remain", "remaining"]) && w.has_any(&["captivity", "held", "hold"]);
    if held {
        return Some(ClaimKind::Held(side));
    }
    let since_war =
        w.has("since") && w.has_any(&["war", "invasion", "beginning", "start", "2022", "2014", "began", "escalation"]);
    let running = w.has_any(&["so", "far"]) && w.phrase(&["so", "far"])
        || w.phrase(&["to", "date"])
        || w.has("overall")
        || running_total(w);
    let cumulative = since_war
        || running
        || mediator_tally(w)
        || s.as_of.is_some()
        || s.as_of_exchange
        || w.has_any(&["altogether", "total"])
            && s.periods.is_empty()
            && s.values.is_empty()
            && s.descriptors.is_empty()
            && s.n_for_n.is_none()
            && s.stage.is_none()
            && !s.whole;
    let people = counted.as_ref().is_none_or(|(_, t)| !matches!(t, Some(Tag::Thing(_))));
    // "how many captives had been exchanged through the UAE's mediation": both ways
    // together, as a mediator counts them, when no side is asked about.
    let both_ways = f.recipient.is_none() && (w.tagged(|t| t == Tag::Act(Act::Swap)) || f.mediator.is_some());
    let kind = if both_ways { ClaimKind::SwappedTotal } else { ClaimKind::ReturnedTotal(side) };
    (how_many && cumulative && people).then_some(kind)
}

/// The head of the noun phrase after "how many" ("how many drones" →
/// "drones", "how many prisoner swaps" → "swaps"), with its tag; `None` for
/// "how many were freed".
pub fn counted_noun(w: &Words) -> Option<(String, Option<Tag>)> {
    let words = &w.words;
    let at = how_many_at(words)?;
    let mut head = None;
    for (i, x) in words.iter().enumerate().skip(at + 2) {
        let preposition =
            ["in", "on", "at", "during", "from", "among", "since", "for", "by", "over"].contains(&x.norm.as_str());
        if x.is_punct()
            || is_verb(x)
            || preposition
            || matches!(w.tag(i), Some(Tag::Act(_) | Tag::Cue(Cue::Be) | Tag::Speech))
        {
            break;
        }
        if x.kind == WordKind::Word && !q::COUNT_FILLER.contains(&x.norm.as_str()) {
            head = Some(i);
        }
    }
    head.map(|i| (words[i].norm.clone(), w.tag(i)))
}

/// Where a place question points: the talks ("where were the terms
/// agreed"), the handover ("where did the exchange happen"), or where the
/// released were taken.
pub fn place_of(w: &Words) -> PlaceOf {
    if w.tagged(|t| t == Tag::Act(Act::Capture)) {
        PlaceOf::Origin
    } else if w.has_any(q::PLACE_DESTINATION) {
        PlaceOf::Destination
    } else if w.has_any(q::PLACE_AGREEMENT) {
        PlaceOf::Agreement
    } else if w.has_any(q::PLACE_VENUE) {
        PlaceOf::Venue
    } else {
        PlaceOf::Destination
    }
}
