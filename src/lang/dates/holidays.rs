//! Named days: "New Year's Eve 2022", "Christmas Day 2023", "Orthodox
//! Christmas", "Independence Day". A holiday without a year is completed
//! like any day without one (see `Anchor`).
//!
//! Only days fixed in the calendar are here. Easter moves, and "the Easter
//! swap" is found by its description instead.

use super::{Anchor, Period, complete_day, year_value};
use crate::lang::text::Word;

/// (words, month, day), longest first where one contains another.
const HOLIDAYS: &[(&[&str], u32, u32)] = &[
    (&["orthodox", "christmas", "day"], 1, 7),
    (&["orthodox", "christmas"], 1, 7),
    (&["christmas", "eve"], 12, 24),
    (&["christmas", "day"], 12, 25),
    (&["new", "year", "eve"], 12, 31),
    (&["new", "years", "eve"], 12, 31),
    (&["nye"], 12, 31),
    (&["new", "year", "day"], 1, 1),
    (&["new", "years", "day"], 1, 1),
    (&["independence", "day"], 8, 24),
    (&["victory", "day"], 5, 9),
    // Ukraine's own fixed days, around which swaps are often timed.
    (&["armed", "forces", "day"], 12, 6),
    (&["day", "of", "the", "armed", "forces"], 12, 6),
    (&["constitution", "day"], 6, 28),
    (&["unity", "day"], 1, 22),
    (&["flag", "day"], 8, 23),
    (&["international", "women", "day"], 3, 8),
    (&["international", "womens", "day"], 3, 8),
    (&["women", "day"], 3, 8),
    (&["womens", "day"], 3, 8),
    (&["russia", "day"], 6, 12),
];

/// The holiday named at word `i`, as a period, and where its words end
/// (a year right after it included).
pub fn at(words: &[Word], i: usize, anchor: Anchor) -> Option<(Period, usize)> {
    if let Some(found) = easter_at(words, i).or_else(|| christmas_at(words, i)) {
        return Some(found);
    }
    let (names, month, day) = HOLIDAYS
        .iter()
        .find(|(names, _, _)| names.iter().enumerate().all(|(k, n)| words.get(i + k).is_some_and(|w| w.is(n))))?;
    let mut end = i + names.len();
    let year = words.get(end).and_then(year_value);
    if year.is_some() {
        end += 1;
    }
    Some((complete_day(year, *month, *day, anchor)?, end))
}

/// "Easter 2023": Kyiv and Moscow keep the Orthodox Easter, and an Easter swap
/// falls on its weekend, from the Friday before to the Monday after (19 April
/// 2025 was the Saturday before Easter Sunday). Only with its year: Easter
/// moves, and "the Easter swap" alone is found by its description.
fn easter_at(words: &[Word], i: usize) -> Option<(Period, usize)> {
    if !words.get(i).is_some_and(|w| w.is("easter")) {
        return None;
    }
    let mut end = i + 1;
    if words.get(end).is_some_and(|w| w.is(",") || w.is("of")) {
        end += 1;
    }
    let year = words.get(end).and_then(year_value)?;
    Some((easter_weekend(year)?, end + 1))
}

/// "over Christmas 2023": Christmas Eve to the day after, 24–26 December
/// (Ukraine has kept 25 December since 2023; "Orthodox Christmas" is 7 January
/// above). Only with its year, like Easter.
fn christmas_at(words: &[Word], i: usize) -> Option<(Period, usize)> {
    if !words.get(i).is_some_and(|w| w.is("christmas")) {
        return None;
    }
    let year = words.get(i + 1).and_then(year_value)?;
    let from = chrono::NaiveDate::from_ymd_opt(year, 12, 24)?;
    let to = chrono::NaiveDate::from_ymd_opt(year, 12, 26)?;
    Some((Period::Span { from, to }, i + 2))
}

/// The Orthodox Easter weekend of `year`, Friday to Monday.
pub fn easter_weekend(year: i32) -> Option<Period> {
    let sunday = orthodox_easter(year)?;
    let from = sunday.checked_sub_days(chrono::Days::new(2))?;
    let to = sunday.checked_add_days(chrono::Days::new(1))?;
    Some(Period::Span { from, to })
}

/// Orthodox Easter Sunday of `year` in the Gregorian calendar (Meeus's Julian
/// computus, plus the 13 days between the calendars in 1900–2099).
pub fn orthodox_easter(year: i32) -> Option<chrono::NaiveDate> {
    if !(1900..=2099).contains(&year) {
        return None;
    }
    let (a, b, c) = (year % 4, year % 7, year % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = chrono::NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    julian.checked_add_days(chrono::Days::new(13))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::find;
    use super::*;
    use crate::lang::text::words;

    #[test]
    fn holidays_are_days() {
        let asked = Anchor::Asked(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let day = |y, m, d| Period::Day { date: NaiveDate::from_ymd_opt(y, m, d).unwrap() };
        let got: Vec<Period> =
            find(&words("how many were swapped on New Year's Eve 2022"), asked).into_iter().map(|m| m.period).collect();
        assert_eq!(got, [day(2022, 12, 31)]);
        let got: Vec<Period> = find(&words("on Christmas Day 2023"), asked).into_iter().map(|m| m.period).collect();
        assert_eq!(got, [day(2023, 12, 25)]);
        let got: Vec<Period> = find(&words("the nye 2022 swap"), asked).into_iter().map(|m| m.period).collect();
        assert_eq!(got, [day(2022, 12, 31)]);
        let got: Vec<Period> = find(&words("the swap held on Ukraine's Armed Forces Day 2022"), asked)
            .into_iter()
            .map(|m| m.period)
            .collect();
        assert_eq!(got, [day(2022, 12, 6)]);
        let span = |from, to| Period::Span { from, to };
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let got: Vec<Period> =
            find(&words("any swap over christmas 2023?"), asked).into_iter().map(|m| m.period).collect();
        assert_eq!(got, [span(ymd(2023, 12, 24), ymd(2023, 12, 26))]);
    }

    #[test]
    fn easter_is_the_orthodox_easter_weekend() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(orthodox_easter(2023), Some(ymd(2023, 4, 16)));
        assert_eq!(orthodox_easter(2025), Some(ymd(2025, 4, 20)));
        assert_eq!(orthodox_easter(2024), Some(ymd(2024, 5, 5)));
        let asked = Anchor::Asked(ymd(2026, 1, 1));
        let got: Vec<Period> =
            find(&words("how many came home at Easter 2025"), asked).into_iter().map(|m| m.period).collect();
        assert_eq!(got, [Period::Span { from: ymd(2025, 4, 18), to: ymd(2025, 4, 21) }]);
        assert!(find(&words("the Easter swap"), asked).is_empty());
    }
}
