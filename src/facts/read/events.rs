//! What a sentence says about an exchange besides its head counts: that it
//! took place (even with no number), its stage, mediator, where the
//! released were taken, where the handover happened, and the talks behind it.

use super::sentence::Sentence;
use super::{ArticleFacts, Context, Fact, Observation, Reading};
use crate::facts::model::{Attributed, ExchangeDate, Stage};
use crate::lang::dates::Period;
use crate::lang::lexicon::names;
use crate::lang::lexicon::{Act, Cue, Tag, Thing};
use crate::lang::numbers;

/// Does the sentence tell of another, earlier event without dating it?
/// "The 86-for-86 deal comes two weeks after Ukraine released nine
/// conscripts", "only days after an exchange that brought home 76 people",
/// "The previous swap …".
pub fn elsewhere(s: &Sentence) -> bool {
    // "the previous swap", "an earlier exchange", "the last time" (not "earlier in May").
    // Not "Last Thursday brought another exchange": a day named, not an earlier swap.
    let in_date = |k: usize| s.dates.iter().any(|(m, _)| m.words.contains(&k));
    let earlier = s.tags.iter().filter(|t| t.tag == Tag::Cue(Cue::Earlier) && !in_date(t.words.start)).any(|t| {
        s.words[t.words.start].is("last")
            || s.is(t.words.end, "time")
            // "The previous one was on 8 February (100 came home)".
            || s.is(t.words.end, "one")
            || s.has(t.words.end..(t.words.end + 3).min(s.words.len()), |x| matches!(x, Tag::Event | Tag::Stage))
    });
    // "As Ukrinform reported, on 17 October …": a recap of an earlier report.
    // "Earlier, on 3 November, 107 …": so is a sentence opening with "Earlier,".
    let recap = s.words.first().is_some_and(|w| w.is("as"))
        && s.words.iter().take(6).any(|w| ["reported", "wrote", "said"].contains(&w.norm.as_str()))
        || s.words.first().is_some_and(|w| w.is("earlier")) && s.is(1, ",");
    // "The last swap was on 19 March, when 175 …", "The last exchange before this one":
    // an opening "the last <swap>" told in the past, not the one being reported.
    let last = s.is(0, "the")
        && s.is(1, "last")
        && s.tag(2) == Some(Tag::Event)
        && ["was", "before", "had", "came"].contains(&s.words.get(3).map_or("", |w| w.norm.as_str()));
    // "The one before was on 19 March, 175 for 175.", "The exchange before that …".
    let before = s.is(0, "the") && (s.is(1, "one") || s.tag(1) == Some(Tag::Event)) && s.is(2, "before");
    if earlier || recap || last || before {
        return true;
    }
    let exchange = |t: Tag| {
        matches!(
            t,
            Tag::Event | Tag::State(_) | Tag::Act(Act::Give | Act::Receive | Act::Swap | Act::Home | Act::Occur)
        )
    };
    s.words.iter().enumerate().any(|(i, w)| {
        // "two weeks after Ukraine released nine conscripts": the event follows the word;
        // "Ukraine released nine conscripts two weeks ago": it comes before ("since Russian
        // forces invaded a month ago, Vereshchuk said" is about no exchange).
        ["after", "follows", "followed"].contains(&w.norm.as_str())
            && s.has(i + 1..(i + 5).min(s.words.len()), exchange)
            || w.is("ago")
                && s.has(i.saturating_sub(6)..i, |t| {
                    matches!(t, Tag::Event | Tag::Act(Act::Give | Act::Receive | Act::Swap | Act::Home | Act::Occur))
                })
    })
}

/// Words that bring the corrected figure after a retraction: "In fact each side released 84".
const CORRECTED: &[&str] = &["fact", "actually", "correct", "corrected"];

/// Is the count at word `at` one a correction withdraws: after a retraction
/// cue, with no "in fact" between?
pub fn retracted(s: &Sentence, at: usize) -> bool {
    let cue = (0..at).rev().find(|&k| {
        crate::lang::lexicon::RETRACTIONS
            .iter()
            .any(|p| p.iter().enumerate().all(|(j, w)| s.is(k + j, w)) && k + p.len() <= at)
    });
    cue.is_some_and(|k| !s.slice(k, at).iter().any(|w| CORRECTED.contains(&w.norm.as_str())))
}

/// Does a phrase of `FOILED` ("cancelled", "did not take place") start in `range`?
pub fn foiled_in(s: &Sentence, range: std::ops::Range<usize>) -> bool {
    range
        .into_iter()
        .any(|k| crate::lang::lexicon::FOILED.iter().any(|p| p.iter().enumerate().all(|(j, w)| s.is(k + j, w))))
}

/// Does the sentence speak of an exchange that did not (or not yet) happen:
/// "an exchange had been planned for 24 January", "No exchange took place"?
pub fn not_done_in(s: &Sentence, clause: std::ops::Range<usize>) -> bool {
    s.has(clause.clone(), |t| t == Tag::Cue(Cue::Negation) || t == Tag::Cue(Cue::Plan))
        || s.slice(clause.start, clause.end)
            .iter()
            .any(|w| ["planned", "scheduled", "cancelled", "canceled", "postponed"].contains(&w.norm.as_str()))
}

pub fn read(ctx: &Context, p: &Reading, out: &mut ArticleFacts) {
    let s = &p.s;
    let whole = 0..s.words.len();
    let own = s.own_dates().find_map(|m| match m.period {
        // "the ministry said on Thursday": a day or two after the exchange reported.
        Period::Day { date }
            if s.dates_a_statement(m.words.start)
                && matches!(ctx.event, ExchangeDate::Day(e) if (1..=2).contains(&(date - e).num_days())) =>
        {
            Some(ctx.event)
        }
        Period::Day { date } => Some(ExchangeDate::Day(date)),
        _ => None,
    });
    let dated = own.or(p.stamp.map(ExchangeDate::Day)).or(p.month);
    let planned = s.has(whole.clone(), |t| t == Tag::Cue(Cue::Plan));
    let negated = s.has(whole.clone(), |t| t == Tag::Cue(Cue::Negation));
    let bodies = s.has(whole.clone(), |t| t == Tag::Thing(Thing::Bodies));
    let cite = ctx.cite(s);
    let mut push = |date: Option<ExchangeDate>, fact: Fact, inferred: bool| {
        out.observations.push(Observation { date, fact, inferred, guessed: false });
    };

    // It took place: "Another exchange took place today", "Another group … came home on Thursday".
    // Not "the 75 released servicemen have landed": a group named again, which is no new report.
    let restated = |k: usize| k >= 2 && s.words[k - 1].number().is_some() && (s.is(k - 2, "the") || s.is(k - 2, "all"));
    let act = s.tags.iter().any(|t| {
        matches!(t.tag, Tag::Act(Act::Give | Act::Receive | Act::Home | Act::Swap | Act::Occur))
            && !restated(t.words.start)
    });
    let event_noun = s.has(whole.clone(), |t| t == Tag::Event);
    let confirmed =
        event_noun && s.words.iter().any(|w| ["another", "confirmed", "confirms"].contains(&w.norm.as_str()));
    // "**August 2023** / The last exchange of the year.": an exchange under its date's heading.
    let headed = event_noun && (p.stamp.is_some() || p.month.is_some()) && own.is_none();
    if let Some(date) = dated
        && (act || confirmed || headed)
        && (event_noun || people(s))
        && !planned
        && !negated
        && !bodies
        && !only_totals(s, p.today)
        && !p.issue_note(ctx.article.published)
    {
        push(Some(date), Fact::Report(cite.clone()), own.is_none());
    }

    // Else the day the paragraph goes on about, as for a count ("Moscow said 146 … again
    // with Emirati mediation" after "Then, on Sunday 24 August, came another").
    let date = dated.or_else(|| nth_day(ctx, s)).or(if elsewhere(s) {
        None
    } else {
        Some(p.context_day().map_or(ctx.event, ExchangeDate::Day))
    });
    let inferred = dated.is_none();
    if let Some((number, last, at)) = stage(s)
        && (act || event_noun)
        // Not "the third stage will take place tomorrow" (but "the second day of an
        // extended swap set to be the largest" is a stage).
        && !s.has(s.clause_of(at).start..(at + 4).min(s.clause_of(at).end), |t| t == Tag::Cue(Cue::Plan))
    {
        push(date, Fact::Stage(Stage { number, last, cite: cite.clone() }), inferred);
    }
    // "Four Ukrainian minors … are being reunited … following mediation by the State of
    // Qatar": a child's return is no prisoner exchange, nor is its mediator one's.
    let children_only =
        s.words.iter().any(|w| crate::lang::lexicon::people::CHILDREN.contains(&w.norm.as_str())) && !people(s);
    if (!planned || s.words.iter().any(|w| w.norm.starts_with("mediat"))) && !children_only {
        for name in mediators(s) {
            push(date, Fact::Mediator(Attributed { value: name.to_string(), cite: cite.clone() }), inferred);
        }
    }
    if let Some(place) = destination(s) {
        push(date, Fact::Destination(Attributed { value: place.to_string(), cite: cite.clone() }), inferred);
    }
    if let Some(place) = venue(s) {
        push(date, Fact::Venue(Attributed { value: place.to_string(), cite: cite.clone() }), inferred);
    }
    if let Some(place) = origin(s) {
        push(date, Fact::Origin(Attributed { value: place.to_string(), cite: cite.clone() }), inferred);
    }
    if let Some(talks) = agreement(s) {
        push(Some(ctx.event), Fact::Agreement(Attributed { value: talks, cite }), true);
    }
}

/// "On the third day, all 303 Ukrainians freed were servicemen", in a report of a
/// swap over several days: that day of it, counted from the first.
pub fn nth_day(ctx: &Context, s: &Sentence) -> Option<ExchangeDate> {
    let ExchangeDate::Day(first) = ctx.event else { return None };
    if s.own_dates().next().is_some() {
        return None;
    }
    // Not "the third day of talks", "the 1,000th day of the war".
    let of_other = |k: usize| {
        s.is(k + 1, "of")
            && s.words
                .get(k + 2)
                .is_some_and(|w| ["talks", "negotiations", "war", "invasion", "captivity"].contains(&w.norm.as_str()))
    };
    let n = s.words.iter().enumerate().filter(|(k, _)| !of_other(*k)).find_map(|(k, w)| {
        let ordinal_before =
            w.is("day").then(|| k.checked_sub(1).and_then(|j| numbers::ordinal(&s.words[j].norm))).flatten();
        let number_after = (w.is("day") && !s.is(k + 1, "-"))
            .then(|| s.words.get(k + 1).and_then(|x| x.number().or(x.is("one").then_some(1))))
            .flatten();
        ordinal_before.or(number_after.and_then(|n| u32::try_from(n).ok()))
    })?;
    (1..=7).contains(&n).then(|| ExchangeDate::Day(first + chrono::Days::new(u64::from(n - 1))))
}

/// "Kyiv says 2,598 people have been freed … so far": a sentence whose every count
/// is a running total or a count of swaps reports no swap. Asked last, as the
/// sentence's counts are read again here.
fn only_totals(s: &Sentence, today: chrono::NaiveDate) -> bool {
    let counts = super::count::find(s);
    !counts.is_empty()
        && counts.iter().all(|c| {
            matches!(super::kind::of(s, c, today), super::kind::Kind::Cumulative(_) | super::kind::Kind::Swaps)
        })
}

/// Does the sentence speak of people (not only of bodies or weapons)?
/// Does the sentence tell of people who could have been exchanged? Not only of
/// children ("four children … were returned under Qatari mediation").
fn people(s: &Sentence) -> bool {
    let children = s.words.iter().any(|w| crate::lang::lexicon::people::CHILDREN.contains(&w.norm.as_str()));
    let others = s.tags.iter().any(|t| {
        matches!(t.tag, Tag::People(_))
            && !t.words.clone().any(|k| crate::lang::lexicon::people::CHILDREN.contains(&s.words[k].norm.as_str()))
    });
    others || !children && s.tags.iter().any(|t| matches!(t.tag, Tag::Nationality(_)))
}

/// "the third and last stage", "the seventh stage", "the first group",
/// "final stage": the number (0 when only "last"), whether it is the last,
/// and where the stage noun is.
fn stage(s: &Sentence) -> Option<(u32, bool, usize)> {
    // "The first part of the 1000-for-1000 exchange", "the third and final part is
    // done": a part with its ordinal right before it (not "took part in").
    let parts = (1..s.words.len()).filter(|&i| {
        (s.is(i, "part") || s.is(i, "parts"))
            && (i.saturating_sub(3)..i).any(|k| numbers::ordinal(&s.words[k].norm).is_some() || s.is(k, "final"))
            && !s.is(i + 1, "in")
    });
    let stages = s.tags.iter().filter(|t| t.tag == Tag::Stage).map(|t| (t.words.start, t.words.end));
    for (i, end) in stages.chain(parts.map(|i| (i, i + 1))).collect::<Vec<_>>() {
        // The words before the noun, back to a punctuation mark: "Zelensky: "The first part"".
        let from = (i.saturating_sub(4)..i)
            .rev()
            .find(|&k| s.words[k].is_punct() && !s.is(k, "-"))
            .map_or(i.saturating_sub(4), |k| k + 1);
        let before = from..i;
        // "a third round of direct talks" is not a stage of an exchange.
        if s.words[end..(end + 4).min(s.words.len())]
            .iter()
            .any(|w| ["talks", "negotiations", "consultations"].contains(&w.norm.as_str()))
        {
            continue;
        }
        // "on Ukraine's 34th Independence Day": a named day, not a day of the exchange.
        if s.is(i, "day") && i > 0 && s.words[i - 1].capitalized && numbers::ordinal(&s.words[i - 1].norm).is_none() {
            continue;
        }
        // "stage one.", "Stage 3 —": a small number right after a stage's noun (not "day 3").
        let after = s
            .words
            .get(end)
            .filter(|_| !s.is(i, "day") && !s.is(i, "group") && !s.is(i, "batch"))
            .and_then(|w| if w.is("one") { Some(1) } else { w.number() })
            .filter(|n| (1..=9).contains(n))
            .map(|n| n as u32);
        let number = s.words[before.clone()].iter().find_map(|w| numbers::ordinal(&w.norm)).or(after);
        let last = s.words[before].iter().any(|w| w.is("last") || w.is("final"));
        match (number, last) {
            (Some(n), last) => return Some((n, last, i)),
            (None, true) => return Some((0, true, i)),
            _ => {}
        }
    }
    None
}

/// Words that make a named state a mediator.
const BROKER: &[&str] = &[
    "mediated",
    "mediation",
    "mediating",
    "mediator",
    "mediators",
    "brokered",
    "broker",
    "brokering",
    "facilitated",
    "facilitating",
    "help",
    "helped",
    "thanks",
    "thanked",
    "thanking",
    "grateful",
    "diplomacy",
    "efforts",
    "assistance",
    "involvement",
    "role",
    "possible",
];

/// Mediators named with a brokering word nearby: "brokered by the UAE",
/// "the UAE had provided humanitarian mediation", "thanked Abu Dhabi",
/// "with the help of Vatican diplomacy". "US President Donald Trump … seeks
/// to broker a truce" is not one: the name is an adjective of a person.
fn mediators(s: &Sentence) -> Vec<&'static str> {
    let mut out: Vec<&str> = Vec::new();
    for t in &s.tags {
        let Tag::Mediator(m) = t.tag else { continue };
        let near = t.words.start.saturating_sub(6)..(t.words.end + 7).min(s.words.len());
        let brokered = s.words[near].iter().any(|w| BROKER.contains(&w.norm.as_str()));
        let adjective = s.words.get(t.words.end).is_some_and(|w| {
            ["president", "secretary", "envoy", "officials", "official", "citizen", "citizens", "national"]
                .contains(&w.norm.as_str())
        });
        let name = names::mediator_name(m);
        if brokered && !adjective && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Words of care or transfer that make "in Belarus" where the released went.
const CARE: &[&str] = &[
    "medical",
    "care",
    "treatment",
    "rehabilitation",
    "psychological",
    "checks",
    "airlifted",
    "flown",
    "taken",
    "transferred",
    "travelling",
    "traveling",
    "before",
    "assistance",
    "examined",
    "crossed",
];

/// Where released prisoners were taken: "would receive psychological and
/// medical help in Belarus", "The Russians are in Belarus".
fn destination(s: &Sentence) -> Option<&'static str> {
    // "captured in Mariupol", "detained in Crimea", "held in Russia and Belarus": where they were held.
    if s.has(0..s.words.len(), |t| matches!(t, Tag::Act(Act::Capture | Act::Hold))) {
        return None;
    }
    let care = s.words.iter().any(|w| CARE.contains(&w.norm.as_str()));
    for t in &s.tags {
        let name = match t.tag {
            Tag::Place(p) => names::place_name(p),
            Tag::Mediator(m) => names::mediator_name(m),
            // "flown to Moscow for treatment".
            Tag::State(_) if s.is(t.words.start, "moscow") && t.words.start > 0 && s.is(t.words.start - 1, "to") => {
                "Moscow"
            }
            _ => continue,
        };
        let i = t.words.start;
        // "in Belarus", "to Belarus", "on the territory of the Republic of Belarus".
        let located =
            (i.saturating_sub(6)..i).any(|k| s.is(k, "in") || s.is(k, "to") || s.is(k, "into") || s.is(k, "territory"));
        let copula = (i.saturating_sub(3)..i).any(|k| s.tag(k) == Some(Tag::Cue(Cue::Be)));
        if located && (care || copula) && !name.contains("border") {
            return Some(name);
        }
    }
    None
}

/// Where the handover itself happened: "the exchange was carried out in the
/// city of Zaporizhzhia", "exchanged … along the Ukrainian-Belarusian border".
fn venue(s: &Sentence) -> Option<&'static str> {
    for t in &s.tags {
        let Tag::Place(p) = t.tag else { continue };
        let i = t.words.start;
        let prep = (i.saturating_sub(4)..i)
            .find(|&k| ["in", "at", "on", "along", "near"].contains(&s.words[k].norm.as_str()))?;
        let from = prep.saturating_sub(6);
        let happened = s.has(from..prep, |t| matches!(t, Tag::Act(Act::Occur | Act::Swap) | Tag::Event));
        let origin = s.words[from..prep].iter().any(|w| {
            ["from", "captured", "defended", "held", "talks", "agreed", "negotiations", "deal", "meeting"]
                .contains(&w.norm.as_str())
        });
        if happened && !origin {
            return Some(names::place_name(p));
        }
    }
    None
}

/// Where the freed had been captured: "103 servicemen taken prisoner in the
/// Kursk Region", "captured at the Chornobyl nuclear plant".
fn origin(s: &Sentence) -> Option<&'static str> {
    let people = s.tags.iter().any(|t| matches!(t.tag, Tag::People(_) | Tag::Nationality(_)));
    for t in s.tags.iter().filter(|t| t.tag == Tag::Act(Act::Capture)) {
        let after = t.words.end..(t.words.end + 5).min(s.words.len());
        let place = s.tags_in(after).find_map(|x| match x.tag {
            Tag::Place(p) => Some(names::place_name(p)),
            _ => None,
        });
        if let (Some(p), true) = (place, people) {
            return Some(p);
        }
    }
    None
}

/// Cities where talks are held.
const TALKS_PLACES: &[&str] = &["Istanbul", "Minsk", "Geneva", "Jeddah"];

/// The talks an exchange implements: "agreed at talks in Istanbul on May
/// 16", "the exchanges agreed in Istanbul", "the June 2 talks in Istanbul".
fn agreement(s: &Sentence) -> Option<String> {
    let talks = s
        .words
        .iter()
        .any(|w| ["agreed", "deal", "talks", "negotiations", "agreement", "memorandum"].contains(&w.norm.as_str()));
    if !talks {
        return None;
    }
    let (place, at) = s.tags.iter().find_map(|t| match t.tag {
        Tag::Place(p) if TALKS_PLACES.contains(&names::place_name(p)) => Some((names::place_name(p), t.words.clone())),
        _ => None,
    })?;
    // The talks' own day, next to the place or the talks: "talks in Istanbul on 16 May",
    // "the June 2 talks in Istanbul"; not the swap's "on Sunday, … agreed at talks in
    // Istanbul earlier in May".
    let talks_at: Vec<usize> = (0..s.words.len())
        .filter(|&k| ["talks", "negotiations", "meeting"].contains(&s.words[k].norm.as_str()))
        .collect();
    // "exchanged prisoners on Wednesday, the same day their delegations met in Istanbul".
    let same_day = s.words.windows(2).any(|w| w[0].is("same") && w[1].is("day"));
    let near = |k: usize| {
        same_day || at.start.abs_diff(k) <= 4 || at.end.abs_diff(k) <= 4 || talks_at.iter().any(|&t| t.abs_diff(k) <= 3)
    };
    let day = s.dates.iter().find_map(|(m, _)| match m.period {
        Period::Day { date } if near(m.words.start) || near(m.words.end) => Some(crate::lang::dates::day_label(date)),
        _ => None,
    });
    Some(match day {
        Some(d) => format!("talks in {place} on {d}"),
        None => format!("talks in {place}"),
    })
}
