//! The day of a count: a date in its clause, else the stamp, paragraph or
//! exchange the article is about; never the day someone was taken or held.

use super::*;

/// The date of a count: a date in its own clause (the first after it,
/// else the nearest before), else one elsewhere in the sentence, else the
/// paragraph's stamp or the article's exchange, unless the sentence is
/// about another, undated event.
/// Verbs of people taken or held: a date after one says when that befell them.
/// Verbs of how people were taken or lost; the day after them dates that, not their return
/// ("minors who were separated from their families after the outbreak of the war in February 2022").
pub(super) const TAKEN: &[&str] = &[
    "abducted",
    "taken",
    "detained",
    "arrested",
    "kidnapped",
    "seized",
    "captured",
    "imprisoned",
    "jailed",
    "separated",
    "deported",
];

pub(super) fn date_of(ctx: &Context, p: &Reading, c: &Count) -> (Option<ExchangeDate>, bool) {
    let s = &p.s;
    let clause = s.clause_of(c.at);
    // "eight civilians were freed, including Dmytro Khyliuk, abducted with his father
    // … in March 2022": the day someone was taken or held dates no freeing.
    let of_captivity = |m: &crate::lang::dates::DateMention| {
        // Not "nine captured Russian soldiers over to Moscow on Wednesday": the count's own words.
        // "19 crew members, who had been seized while the vessel was trying to reach the
        // garrison on Snake Island at the end of February": a long clause of its own.
        (m.words.start.saturating_sub(20).max(c.np.end)..m.words.start)
            .rev()
            .find_map(|k| match s.tag(k) {
                _ if TAKEN.contains(&s.words[k].norm.as_str()) => Some(true),
                Some(Tag::Act(Act::Capture | Act::Hold)) => Some(true),
                Some(Tag::Act(_)) => Some(false),
                _ => None,
            })
            .unwrap_or(false)
            && m.words.start > c.np.end
    };
    // "the first exchange since 8 February, when 100 captives went each way": a
    // clause opened by "when" after a day happened that day, whatever that day is to
    // the rest of the sentence.
    // Not "on 8 January, on the eve of Orthodox Christmas, when 50 …": a day only near it.
    let when_then = s
        .dates
        .iter()
        .filter(|(m, foreign)| !foreign || m.words.start > 0 && s.is(m.words.start - 1, "since"))
        .map(|(m, _)| m)
        .find(|m| {
            let k = m.words.end + usize::from(s.is(m.words.end, ","));
            // "last month, when authorities announced on March 7 that 130 …": the clause's own day.
            let own_day = s.dates.iter().any(|(d, _)| d.words.start > k && d.words.start < c.at);
            s.is(k, "when") && k < c.at && !own_day && !(k + 1..c.at).any(|j| s.is(j, ",") || s.is(j, ";"))
        });
    if let Some(m) = when_then
        && let Some(d) = ExchangeDate::from_period(&m.period)
    {
        return (Some(d), false);
    }
    // "Two of the men turn a year older tomorrow, 3 October": no one was freed on a day to come.
    let to_come = |m: &crate::lang::dates::DateMention| {
        m.period.bounds().is_some_and(|(from, _)| from > ctx.article.published.max(p.today))
    };
    let dated: Vec<(usize, ExchangeDate)> = s
        .own_dates()
        .filter(|m| !of_captivity(m) && !to_come(m))
        .filter_map(|m| ExchangeDate::from_period(&m.period).map(|d| (m.words.start, d)))
        .collect();
    let in_clause = |k: &usize| clause.contains(k);
    // "90 Ukrainians freed on 14 April": a date right after the count; in
    // "the 14 April group five officers, the 19 April group ten", the one before.
    // "ten officers and the 21 April group two": a date after "the" names another group.
    let close_after = |k: usize| k < c.np.end + 6 && !(c.np.end..k).any(|j| s.is(j, ",")) && !s.is(k - 1, "the");
    let pick = dated
        .iter()
        .filter(|(k, _)| in_clause(k) && *k >= c.np.end && close_after(*k))
        .copied()
        .next()
        .or_else(|| dated.iter().rev().filter(|(k, _)| in_clause(k) && *k < c.at).copied().next())
        .or_else(|| dated.iter().filter(|(k, _)| in_clause(k) && *k >= c.np.end).copied().next())
        .or_else(|| {
            // A clause about another event ("one day after 49 Ukrainians were freed") takes no date from the rest.
            let other_event = s.words.get(clause.start).is_some_and(|w| w.is("after") || w.is("before"));
            // Nor does "…, and that the exchange carried out from 23 to 25 May is complete":
            // a stretch of days in another clause dates that clause's exchange as a whole.
            let stretch = |k: usize| k > 0 && ["from", "to", "between"].contains(&s.words[k - 1].norm.as_str());
            if other_event {
                None
            } else {
                // "3,300 after June; 3,405 after 17 July": a semicolon parts the items of a list.
                let parted = |k: usize| (k.min(c.at)..k.max(c.at)).any(|j| s.is(j, ";"));
                dated.iter().filter(|(k, _)| !stretch(*k)).min_by_key(|(k, _)| (parted(*k), k.abs_diff(c.at))).copied()
            }
        });
    if let Some((k, d)) = pick {
        // "Russia's Defence Ministry said on Thursday that 55 had returned": the day it
        // spoke, a day or two after the exchange the article reports.
        if s.dates_a_statement(k)
            && let (ExchangeDate::Day(event), ExchangeDate::Day(said)) = (ctx.event, d)
            && (1..=2).contains(&(said - event).num_days())
        {
            return (Some(ctx.event), false);
        }
        return (Some(d), false);
    }
    if super::super::events::elsewhere(s) {
        return (p.earlier_day.map(ExchangeDate::Day), true);
    }
    // "Sun 25 May, 22:40 — Wrapping up. … Day one: 390 each.": a sentence opening on
    // its day of the swap is dated by it under an entry's stamp too, if the day is no later.
    let opens_on_day = s.words.first().is_some_and(|w| w.is("day"));
    if let Some(ExchangeDate::Day(day)) = super::super::events::nth_day(ctx, s)
        && (p.stamp.is_none() || opens_on_day && p.stamp.is_some_and(|stamp| day <= stamp))
    {
        return (Some(ExchangeDate::Day(day)), false);
    }
    // Under a stamp or a dated heading ("SUNDAY — A great Easter exchange"): dated by
    // it, not a figure to move to an earlier exchange of the same value.
    if let Some(day) = p.stamp {
        return (Some(ExchangeDate::Day(day)), false);
    }
    match p.context_day() {
        Some(day) => (Some(ExchangeDate::Day(day)), true),
        None => (Some(p.month.unwrap_or(ctx.event)), true),
    }
}

/// "In 2024, Russia released a total of 1,358", "nearly 1,600 over the course
/// of 2022": a running total of one calendar year, named in the count's clause
/// before it or just after it (not "since 2022").
pub(super) fn year_scope(s: &Sentence, c: &Count) -> Option<crate::facts::model::Scope> {
    use chrono::Datelike;
    let clause = s.clause_of(c.at);
    // "its eighth mediation in 2024, and raised the number exchanged through it to
    // 1,994": a running total's new value takes a year only inside its own frame.
    let frame = super::super::count::tally_start(s, c);
    s.own_dates().filter(|m| frame.is_none_or(|k| m.words.start > k)).find_map(|m| {
        let (from, to) = m.period.bounds()?;
        let whole_year = from.ordinal() == 1 && to.month() == 12 && to.day() == 31 && from.year() == to.year();
        let near = (clause.contains(&m.words.start) || m.words.start + 2 >= clause.start && m.words.start < c.at)
            && (m.words.start < c.at || m.words.start <= c.np.end + 6);
        // Not "since 2022", nor "In 2024 …, and since the invasion began 3,956".
        let since_cue = |t: Tag| t == Tag::Cue(crate::lang::lexicon::Cue::Since);
        let since = m.words.start > 0 && s.tag(m.words.start - 1).is_some_and(since_cue)
            || m.words.end < c.at && s.has(m.words.end..c.at, since_cue);
        (whole_year && near && !since).then_some(crate::facts::model::Scope::Since { from })
    })
}
