//! Dates written together: "14 and 31 December 2022" (two days of one
//! month), "17 October and 29 October 2022" (one year for both), "the day
//! after Orthodox Christmas 2023", "the day before the May 16 talks".

use chrono::{Datelike, Days, NaiveDate};

use super::{Anchor, DateMention, Period, day_value};
use crate::lang::text::Word;

pub fn resolve(words: &[Word], mut found: Vec<DateMention>, anchor: Anchor) -> Vec<DateMention> {
    found = day_lists(words, found);
    found = apposed(words, found);
    share_years(words, &mut found);
    if matches!(anchor, Anchor::Asked(_)) {
        yearly_day(&mut found);
    }
    for m in &mut found {
        day_range(words, m, anchor);
        last_year(words, m);
        // In an article "comes a day after Wednesday's exchange" still dates
        // that exchange Wednesday; in a question "the day after X" asks for the next day.
        if matches!(anchor, Anchor::Asked(_)) {
            shift(words, m);
        }
    }
    found
}

/// "Yesterday, 14 June, the headquarters announced …": a relative day and the
/// date beside it name one day, the date's (a stamp may have moved "today").
fn apposed(words: &[Word], found: Vec<DateMention>) -> Vec<DateMention> {
    const RELATIVE: &[&str] = &["yesterday", "today", "tonight"];
    let mut out: Vec<DateMention> = Vec::with_capacity(found.len());
    for m in found {
        if let Some(prev) = out.last_mut()
            && prev.words.len() == 1
            && RELATIVE.contains(&words[prev.words.start].norm.as_str())
            && matches!(m.period, Period::Day { .. })
            // "tonight, late on 21 September 2022", "Yesterday, on Ukraine's 34th Independence Day".
            && (prev.words.end..m.words.start).all(|k| {
                [",", "late", "early", "on"].contains(&words[k].norm.as_str())
                    || crate::lang::numbers::ordinal(&words[k].norm).is_some()
                    || words[k].capitalized && k + 1 < m.words.start
            })
            && m.words.start - prev.words.end <= 5
            && words.get(prev.words.end).is_some_and(|w| w.is(","))
        {
            prev.period = m.period;
            prev.words.end = m.words.end;
            continue;
        }
        // "on 8 January, the Orthodox Christmas period": a holiday named beside a day
        // says what the day was near; the day is the one written.
        let near = |date: NaiveDate| match m.period {
            Period::Recurring { month, day: Some(d) } => NaiveDate::from_ymd_opt(date.year(), month, d).map(|x| (x, x)),
            p => p.bounds(),
        };
        if let Some(prev) = out.last_mut()
            && let Period::Day { date } = prev.period
            && let Some((from, to)) = near(date)
            && (prev.words.end..m.words.start).all(|k| [",", "the"].contains(&words[k].norm.as_str()))
            && words.get(prev.words.end).is_some_and(|w| w.is(","))
            && from - Days::new(3) <= date
            && date <= to + Days::new(3)
        {
            prev.words.end = m.words.end;
            continue;
        }
        out.push(m);
    }
    out
}

/// "independence day swap 2025 vs 2024": a day of the year (a holiday, "24
/// August") asked with bare years away from it is that day in each year.
fn yearly_day(found: &mut Vec<DateMention>) {
    let whole_year = |p: &Period| match *p {
        Period::Span { from, to } => {
            from.ordinal() == 1 && to.month() == 12 && to.day() == 31 && from.year() == to.year()
        }
        _ => false,
    };
    let recurring: Vec<usize> =
        (0..found.len()).filter(|&i| matches!(found[i].period, Period::Recurring { day: Some(_), .. })).collect();
    let [at] = recurring.as_slice() else { return };
    let Period::Recurring { month, day: Some(day) } = found[*at].period else { return };
    let years = found.iter().filter(|m| whole_year(&m.period)).count();
    if years == 0 || found.len() != years + 1 {
        return;
    }
    let on = |m: &DateMention| {
        let (from, _) = m.period.bounds()?;
        NaiveDate::from_ymd_opt(from.year(), month, day).map(|date| Period::Day { date })
    };
    // The holiday takes the first year; every other year is the holiday in it.
    let Some(first) = found.iter().find(|m| whole_year(&m.period)).and_then(on) else { return };
    let mut out = Vec::with_capacity(years);
    let mut first_seen = false;
    for m in found.drain(..) {
        if matches!(m.period, Period::Recurring { .. }) {
            out.push(DateMention { period: first, words: m.words });
        } else if !first_seen {
            first_seen = true;
        } else if let Some(period) = on(&m) {
            out.push(DateMention { period, words: m.words });
        }
    }
    *found = out;
}

/// The most days one exchange has been reported to take: "23–25 May".
const MAX_SWAP_DAYS: i64 = 3;

/// "on the night of 21–22 September": in an article, a swap over two days is
/// dated by its first; in a question, both days are asked about.
fn day_range(words: &[Word], m: &mut DateMention, anchor: Anchor) {
    let Period::Day { date } = m.period else { return };
    let k = m.words.start;
    if k < 2 || !["-", "–", "—"].contains(&words[k - 1].norm.as_str()) || !words[k].is_digits() {
        return;
    }
    let Some(first) = day_value(&words[k - 2]).and_then(|d| date.with_day(d)).filter(|d| *d < date) else { return };
    // "Period covered: 1–25 August 2025" is no swap's days but a stretch of time.
    let long = (date - first).num_days() > MAX_SWAP_DAYS;
    m.period = match anchor {
        Anchor::Published(_) if !long => Period::Day { date: first },
        _ => Period::Span { from: first, to: date },
    };
    m.words.start = k - 2;
}

/// "February last year", "in March this year": a month of the year before the anchor's, or of its own.
fn last_year(words: &[Word], m: &mut DateMention) {
    let (Some(a), Some(b)) = (words.get(m.words.end), words.get(m.words.end + 1)) else { return };
    if !b.is("year") || !(a.is("last") || a.is("this")) {
        return;
    }
    let back = i32::from(a.is("last"));
    let moved = match m.period {
        Period::Month { year, month } => Some(Period::Month { year: year - back, month }),
        Period::Day { date } => date.with_year(date.year() - back).map(|date| Period::Day { date }),
        _ => None,
    };
    if let Some(p) = moved {
        m.period = p;
        m.words.end += 2;
    }
}

/// "14 and 31 December 2022", "14, 15 and 31 December": the bare day
/// numbers before a full date are days of the same month.
fn day_lists(words: &[Word], found: Vec<DateMention>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    for m in found {
        let mut extra: Vec<DateMention> = Vec::new();
        let mut k = m.words.start;
        // "from 23 to 25 May": the first and last days of a stretch, each a day.
        let from_to = |k: usize| k >= 3 && words[k - 1].is("to") && words[k - 3].is("from");
        while k >= 2 && (words[k - 1].is("and") || words[k - 1].is(",") || words[k - 1].is("or") || from_to(k)) {
            let Some(day) = day_value(&words[k - 2]) else { break };
            if out.last().is_some_and(|prev: &DateMention| prev.words.end > k - 2) {
                break;
            }
            let period = match m.period {
                Period::Day { date } => date.with_day(day).map(|date| Period::Day { date }),
                Period::Recurring { month, day: Some(_) } => Some(Period::Recurring { month, day: Some(day) }),
                _ => None,
            };
            let Some(period) = period else { break };
            extra.push(DateMention { period, words: k - 2..k - 1 });
            k -= 2;
        }
        extra.reverse();
        out.extend(extra);
        out.push(m);
    }
    out
}

/// "17 October and 29 October 2022": a month and day without a year take
/// the year of the date they are paired with.
fn share_years(words: &[Word], found: &mut [DateMention]) {
    for k in 1..found.len() {
        let (a, b) = (&found[k - 1], &found[k]);
        let paired = (a.words.end..b.words.start).all(|i| words[i].is("and") || words[i].is("or") || words[i].is(","))
            && b.words.start > a.words.end;
        let year = match b.period {
            Period::Day { date } => Some(date.year()),
            Period::Month { year, .. } => Some(year),
            _ => None,
        };
        if let (true, Some(year), Period::Recurring { month, day }) = (paired, year, a.period) {
            let period = match day {
                Some(d) => NaiveDate::from_ymd_opt(year, month, d).map(|date| Period::Day { date }),
                None => Some(Period::Month { year, month }),
            };
            if let Some(p) = period {
                found[k - 1].period = p;
            }
        }
    }
}

/// "the day after X", "the day before X": one day later or earlier.
fn shift(words: &[Word], m: &mut DateMention) {
    let s = m.words.start;
    let before = |k: usize, w: &str| s >= k && words[s - k].is(w);
    let after = before(1, "after") && before(2, "day");
    let earlier = before(1, "before") && before(2, "day");
    if !(after || earlier) {
        return;
    }
    let step = |d: NaiveDate| if after { d.checked_add_days(Days::new(1)) } else { d.checked_sub_days(Days::new(1)) };
    let shifted = match m.period {
        Period::Day { date } => step(date).map(|date| Period::Day { date }),
        // A yearless day: shift it within a leap year so 29 February survives.
        Period::Recurring { month, day: Some(d) } => NaiveDate::from_ymd_opt(2000, month, d)
            .and_then(step)
            .map(|x| Period::Recurring { month: x.month(), day: Some(x.day()) }),
        _ => None,
    };
    if let Some(p) = shifted {
        m.period = p;
        m.words.start = if before(3, "the") { s - 3 } else { s - 2 };
    }
}

#[cfg(test)]
mod tests {
    use super::super::find;
    use super::*;
    use crate::lang::text::words;

    fn periods(text: &str) -> Vec<Period> {
        let asked = Anchor::Asked(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        find(&words(text), asked).into_iter().map(|m| m.period).collect()
    }

    fn day(y: i32, m: u32, d: u32) -> Period {
        Period::Day { date: NaiveDate::from_ymd_opt(y, m, d).unwrap() }
    }

    #[test]
    fn spelled_days() {
        let published = Anchor::Published(NaiveDate::from_ymd_opt(2025, 5, 25).unwrap());
        let found: Vec<Period> = find(&words("at the talks in Istanbul on the sixteenth of May"), published)
            .into_iter()
            .map(|m| m.period)
            .collect();
        assert_eq!(found, [day(2025, 5, 16)]);
        assert_eq!(crate::lang::numbers::ordinal("twenty-third"), Some(23));
        let found: Vec<Period> = find(&words("On the twenty-fourth of May the same number came back"), published)
            .into_iter()
            .map(|m| m.period)
            .collect();
        assert_eq!(found, [day(2025, 5, 24)]);
    }

    #[test]
    fn day_ranges() {
        let published = Anchor::Published(NaiveDate::from_ymd_opt(2022, 9, 24).unwrap());
        let found: Vec<Period> =
            find(&words("delayed on the night of 21–22 September"), published).into_iter().map(|m| m.period).collect();
        assert_eq!(found, [day(2022, 9, 21)]);
        let found: Vec<Period> =
            find(&words("Period covered: 1–25 August 2025"), published).into_iter().map(|m| m.period).collect();
        let span = Period::Span {
            from: NaiveDate::from_ymd_opt(2025, 8, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2025, 8, 25).unwrap(),
        };
        assert_eq!(found, [span]);
    }

    #[test]
    fn compound_dates() {
        assert_eq!(periods("came home on 14 and 31 December 2022 combined"), [day(2022, 12, 14), day(2022, 12, 31)]);
        assert_eq!(periods("carried out from 23 to 25 May 2025"), [day(2025, 5, 23), day(2025, 5, 25)]);
        assert_eq!(periods("from 9 to 5 on 25 May 2025"), [day(2025, 5, 25)]);
        assert_eq!(periods("on 8 January 2023, the Orthodox Christmas period, 50 came home"), [day(2023, 1, 8)]);
        assert_eq!(periods("the 17 October and 29 October 2022 exchanges"), [day(2022, 10, 17), day(2022, 10, 29)]);
        assert_eq!(periods("the day after orthodox christmas 2023"), [day(2023, 1, 8)]);
        assert_eq!(periods("the day before 1 March 2024"), [day(2024, 2, 29)]);
        assert_eq!(periods("yesterday, 14 june 2024, the bodies came back"), [day(2024, 6, 14)]);
        assert_eq!(periods("twelve months ago tonight, late on 21 September 2022, kyiv"), [day(2022, 9, 21)]);
        assert_eq!(periods("Yesterday, on Ukraine's 34th Independence Day 2025, Kyiv"), [day(2025, 8, 24)]);
        // A holiday asked of two years is that day in each.
        assert_eq!(periods("independence day swap 2025 vs 2024"), [day(2025, 8, 24), day(2024, 8, 24)]);
        assert_eq!(periods("the independence day swap of 2025"), [day(2025, 8, 24)]);
    }
}
