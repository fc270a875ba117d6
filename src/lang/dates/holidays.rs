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
    }
}
