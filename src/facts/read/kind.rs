//! What a count is a count of: people freed in an exchange, or something
//! else that a careless reader would take for it (a plan, how many one side
//! holds, a running total since 2022, bodies, swaps).
//!
//! Every cue is judged inside the count's clause: "Both sides received 390
//! people on Friday | and are expected to exchange 1,000 each" has one
//! figure and one plan.

use chrono::{Datelike, NaiveDate};

use super::count::Count;
use super::sentence::Sentence;
use crate::facts::model::Scope;
use crate::lang::dates::Period;
use crate::lang::lexicon::{Act, Cue, Tag, Thing};
use crate::lang::numbers;

/// What a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// People freed in the exchange the sentence reports.
    Exchanged,
    /// A part of a group counted before ("132 men and eight women", "15 are women").
    Part,
    /// Agreed, hoped for or expected, not (yet) done.
    Planned,
    /// Held by one side: "Russia holds 6,465 Ukrainians".
    Held,
    /// A running total: "3,956 Ukrainians have been returned since the invasion".
    Cumulative(Scope),
    /// Bodies of the fallen.
    Bodies,
    /// Exchanges, not people: "59 prisoner swaps".
    Swaps,
    /// Anything else (captured, killed, ages, a group described with no event).
    Other,
}

/// Words that make a clause about the war-long picture: "since the start of
/// the full-scale invasion", "since 2022".
const WAR: &[&str] = &[
    "war",
    "invasion",
    "start",
    "beginning",
    "escalation",
    "conflict",
    "full",
    "outbreak",
    "2014",
    "2022",
    "hostilities",
    "operation",
];

/// "In a separate local deal, commanders traded four captured soldiers
/// for five defenders": another exchange than the one reported, which the
/// sentence neither dates nor names.
/// Words that open a relative clause about the people just counted.
const RELATIVES: &[&str] = &["whose", "who", "whom", "which"];

fn separate_event(s: &Sentence) -> bool {
    s.words.iter().enumerate().any(|(i, w)| {
        w.is("separate")
            && (i + 1..(i + 4).min(s.words.len()))
                .any(|k| s.tag(k) == Some(Tag::Event) || ["deal", "agreement"].contains(&s.words[k].norm.as_str()))
            // "its mediation between the US and Russia, which freed two prisoners": a
            // swap between other parties than Kyiv and Moscow.
            || w.is("between")
                && (i + 1..(i + 3).min(s.words.len())).any(|k| matches!(s.tag(k), Some(Tag::Mediator(_))))
    })
}

/// The scope of a count of bodies: one handover ("1,000 bodies were
/// returned today"), or a running total ("Russia had returned more than
/// 6,000 bodies by June 2025").
pub fn bodies_scope(s: &Sentence, c: &Count, today: NaiveDate) -> Scope {
    // "11, 13, 14, 15 and 16 June: five handovers, completing the return of 6,057 bodies":
    // the dead of several days named in the sentence are all of them together.
    // Not "1,212 and 1,245 bodies on 11 and 16 June": a count for each day.
    let days = s.own_dates().filter(|m| matches!(m.period, Period::Day { .. })).count();
    let counts = super::count::find(s).iter().filter(|x| !x.swaps && x.thing == c.thing).count();
    let over_days = days >= 2 && counts == 1;
    cumulative(s, c, s.clause_of(c.at), today).unwrap_or(if over_days { Scope::Stages } else { Scope::Day })
}

/// A count its clause says freed no one, whatever else the sentence or its
/// place says: withdrawn ("An earlier version of this article said 42 on each
/// side"), a list ("a list of 640"), a swap stopped ("the crash wrecked a
/// 192-for-192 swap"), people described by what else befell them ("all 74
/// people aboard died", "interviewed 377 prisoners"). Neither a heading's
/// date nor a group read before makes it a figure.
pub fn vetoed(s: &Sentence, c: &Count) -> bool {
    super::events::retracted(s, c.at) || listed(s, c) || foiled(s, c) || described(s, c)
}

/// Reads the kind of `c` in `s`; `today` dates "over the past week".
pub fn of(s: &Sentence, c: &Count, today: NaiveDate) -> Kind {
    if c.swaps {
        return Kind::Swaps;
    }
    if vetoed(s, c) {
        return Kind::Other;
    }
    let clause = s.clause_of(c.at);
    if planned(s, c, clause.clone()) || names_the_deal(s, c) {
        return Kind::Planned;
    }
    // "the bodies of more than 7,000 defenders": past the count's approximation.
    let lead = (0..c.at).rev().take_while(|&k| s.tag(k) == Some(Tag::Cue(Cue::Approx))).last().unwrap_or(c.at);
    let bodies_before = (lead.saturating_sub(3)..lead).any(|k| matches!(s.tag(k), Some(Tag::Thing(Thing::Bodies))));
    let bodies_in_clause = s.has(clause.clone(), |t| t == Tag::Thing(Thing::Bodies));
    // "the two sides exchanged bodies: Russia handed over 1,000, Ukraine 24": counts
    // naming no one, after a colon that follows the bodies, break the bodies down.
    let bodies_opened = c.terms.is_empty()
        && (0..c.at).rev().find(|&k| s.is(k, ":")).is_some_and(|colon| {
            s.has(0..colon, |t| t == Tag::Thing(Thing::Bodies))
                && !s.has(colon..c.at, |t| matches!(t, Tag::People(_) | Tag::Kind(_)))
        });
    if c.thing == Some(Thing::Bodies) || bodies_before || (c.pattern && bodies_in_clause) || bodies_opened {
        return Kind::Bodies;
    }
    if c.thing.is_some() {
        return Kind::Other;
    }
    // Not a negation inside a relative clause after the count: "55 Russian prisoners
    // of war whose names were not made public" were still exchanged.
    let relative = (c.np.end..clause.end).find(|&k| RELATIVES.contains(&s.words[k].norm.as_str()));
    let negated = s
        .tags_in(clause.clone())
        .any(|t| t.tag == Tag::Cue(Cue::Negation) && relative.is_none_or(|r| t.words.start < r));
    if negated || separate_event(s) {
        return Kind::Other;
    }
    let exchange_act = |t: Tag| matches!(t, Tag::Act(Act::Give | Act::Receive | Act::Home | Act::Swap | Act::Occur));
    // Verbs inside the count's own noun phrase ("freed Ukrainians") describe it, not the clause.
    let outside_np = |t: &&crate::lang::gazetteer::Tagged| !c.np.contains(&t.words.start);
    // "the 84 Ukrainians included soldiers, some of whom had been held since 2014":
    // what a subset of them had done is not what the count did.
    let subset = (c.np.end + 1..clause.end).find(|&k| {
        s.is(k, "of") && (s.is(k + 1, "whom") || s.is(k + 1, "which")) && k > 0 && {
            let q = &s.words[k - 1];
            ["some", "many", "most", "several", "few", "half"].contains(&q.norm.as_str()) || q.number().is_some()
        }
    });
    let own = |t: &&crate::lang::gazetteer::Tagged| subset.is_none_or(|k| t.words.start < k);
    let acts: Vec<Tag> = s.tags_in(clause.clone()).filter(outside_np).filter(own).map(|t| t.tag).collect();
    // "led to an exchange of 400 captives, 200 on each side": the noun says it.
    // "Russia and Ukraine exchange 115 prisoners of war each": a timeline's present
    // tense, the noun's form used as the verb.
    let exchange_of = s.tags_in(clause.clone()).any(|t| {
        t.tag == Tag::Event
            && (s.is(t.words.end, "of") && s.words.get(t.words.end + 1).is_some_and(|w| w.number().is_some())
                || t.words.end == c.at)
    });
    let exchanged =
        acts.iter().any(|t| exchange_act(*t)) || c.pattern || exchange_of || traded_for(s, c) || given_number(s, c);
    // A verbless total ("Running total of the table: 26, 56 and 206") is one too; not
    // "it believed 3,574 … had been taken captive since 2014", people lost, not returned.
    let lost = acts.iter().any(|t| matches!(t, Tag::Act(Act::Capture | Act::Hold)));
    if let Some(scope) = cumulative(s, c, clause.clone(), today)
        && (exchanged
            || acts.is_empty()
            || acts.contains(&Tag::Speech) && !lost
            || scope == Scope::Stages
            || under_total_label(s, c))
    {
        return Kind::Cumulative(scope);
    }
    // "He said it was the 50th exchange since the invasion and that 3,035
    // service members had been freed": beside a count of exchanges, a count
    // of people in the perfect tense is the running total.
    let perfect = s.slice(clause.start, clause.end).iter().any(|x| ["have", "has", "had"].contains(&x.norm.as_str()));
    if exchanged && perfect && c.value >= 1000 && counts_exchanges(s) {
        let war = s.words.iter().any(|x| x.is("since"));
        return Kind::Cumulative(if war { Scope::War } else { Scope::Unstated });
    }
    // "UAE: its eighth mediation, 1,994 captives freed through its efforts": a
    // mediator's count of more than a thousand, of no side, is its tally.
    let sideless = !s.tags.iter().any(|t| matches!(t.tag, Tag::Nationality(_) | Tag::State(_)));
    if exchanged && c.value > 1000 && sideless && s.tags.iter().any(|t| matches!(t.tag, Tag::Mediator(_))) {
        return Kind::Cumulative(Scope::Unstated);
    }
    if !exchanged && acts.iter().any(|t| matches!(t, Tag::Act(Act::Hold))) {
        return Kind::Held;
    }
    if !exchanged && acts.iter().any(|t| matches!(t, Tag::Act(Act::Capture))) {
        return Kind::Other;
    }
    if exchanged || verbless_quote(s, c) { plausible(Kind::Exchanged, c.value) } else { Kind::Other }
}

/// "Volodymyr Zelensky gave a larger number — 189 Ukrainians, including two
/// civilians": a count a speaker gave as the number, after a dash or colon, in
/// a paragraph about a swap (the caller's sentence names none).
pub fn given_number(s: &Sentence, c: &Count) -> bool {
    const NUMBER: &[&str] = &["number", "figure", "count", "tally", "total"];
    const GAVE: &[&str] = &["gave", "give", "gives", "put", "puts", "cited", "offered", "reported"];
    let Some(mark) = c.at.checked_sub(1).filter(|&k| ["—", "–", "-", ":"].contains(&s.words[k].norm.as_str()))
    else {
        return false;
    };
    let noun = (mark.saturating_sub(3)..mark).find(|&k| NUMBER.contains(&s.words[k].norm.as_str()));
    noun.is_some_and(|n| (n.saturating_sub(4)..n).any(|k| GAVE.contains(&s.words[k].norm.as_str())))
        && c.thing.is_none()
        && !c.elliptic
}

/// "After the 3 April exchange the Headquarters said 2005 people had come
/// home": more people than any one exchange of the war has freed is a running
/// total, however it is phrased.
pub fn plausible(kind: Kind, value: u64) -> Kind {
    match kind {
        Kind::Exchanged if value > MOST_IN_ONE_EXCHANGE => Kind::Cumulative(Scope::Unstated),
        kind => kind,
    }
}

/// The most people one exchange has moved, both ways together: 1,000 for 1,000
/// (the Istanbul deal, May 2025, over three days).
const MOST_IN_ONE_EXCHANGE: u64 = 2_000;

/// "“230 of our people,” Zelensky wrote", "“Today — 390 people.”": a
/// quoted phrase that is only a head count of the speaker's people names
/// the exchange's figure without a verb. The phrase runs between the
/// quotation marks or sentence stops around the count.
fn verbless_quote(s: &Sentence, c: &Count) -> bool {
    let stop = |w: &crate::lang::text::Word| w.is_punct() && [".", "\"", "“", "”", "!", ";"].contains(&w.norm.as_str());
    let start = (0..c.at).rev().find(|&k| stop(&s.words[k])).map_or(0, |k| k + 1);
    let end = (c.np.end..s.words.len()).find(|&k| stop(&s.words[k])).unwrap_or(s.words.len());
    let people = c.thing.is_none() && !c.elliptic && !c.swaps;
    let bare = !s.has(start..end, |t| {
        matches!(t, Tag::Act(_) | Tag::Event | Tag::Speech)
            || matches!(t, Tag::Cue(q) if !matches!(q, Cue::Part | Cue::Pronoun))
    });
    let short = end - start <= c.np.len() + 3;
    // Said by someone: a speech verb, or a speaker opening the sentence ("Zelensky
    // gives the breakdown on Telegram: "230 of our people"").
    let said = s.has(0..s.words.len(), |t| t == Tag::Speech) || super::reporter::subject(s).is_some();
    people && bare && short && s.quoted(c.at) && said
}

/// Verbs that say what was done to or by people other than freeing them: "the
/// mission has interviewed 377 Ukrainian prisoners", "Of 174 POWs interviewed …".
/// Not "tortured", "convicted" or "sentenced": "five soldiers convicted by
/// Russian courts" were freed too.
const DESCRIBED: &[&str] =
    &["interviewed", "surveyed", "questioned", "polled", "documented", "executed", "killed", "died"];

/// A count of people the clause only describes: the participle right after its
/// noun is one of `DESCRIBED`, or the verb before it is, with no other verb
/// between ("has interviewed 377 Ukrainian prisoners after their release and 434
/// Russian prisoners": "their release" is a noun).
fn described(s: &Sentence, c: &Count) -> bool {
    // "the bodies of four soldiers killed in action" are bodies, not described people.
    if c.thing == Some(Thing::Bodies) || s.has(s.clause_of(c.at), |t| t == Tag::Thing(Thing::Bodies)) {
        return false;
    }
    let after = s.words.get(c.np.end).map(|w| w.norm.as_str());
    if after.is_some_and(|w| DESCRIBED.contains(&w)) {
        return true;
    }
    // "there were 74 people on board — 65 Ukrainian POWs, six crew members": who
    // was on a plane or a bus, not who was freed.
    let be = usize::from(s.tag(c.np.end) == Some(Tag::Cue(Cue::Be)));
    let at = c.np.end + be;
    if s.is(at, "aboard") || s.is(at, "on") && s.is(at + 1, "board") {
        return true;
    }
    let nominal = |k: usize| k > 0 && NOMINAL_BEFORE.contains(&s.words[k - 1].norm.as_str());
    // "all 74 people aboard died": the clause's verb after the count, before any other.
    let clause = s.clause_of(c.at);
    for k in c.np.end..clause.end {
        if DESCRIBED.contains(&s.words[k].norm.as_str()) {
            return true;
        }
        if s.tag(k).is_some_and(|t| matches!(t, Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Be))) {
            break;
        }
    }
    for k in (clause.start..c.at).rev() {
        if DESCRIBED.contains(&s.words[k].norm.as_str()) {
            return true;
        }
        if matches!(s.tag(k), Some(Tag::Act(_) | Tag::Speech)) && !nominal(k) {
            return false;
        }
    }
    false
}

/// Words that make the act after them a noun: "after their release", "on the return".
const NOMINAL_BEFORE: &[&str] = &["their", "the", "its", "his", "her", "after", "before", "upon", "of", "a"];

/// "announced the exchange: 95 Ukrainian prisoners of war for 95 Russian
/// servicemen": two counts of people joined by "for", in a sentence about a swap.
fn traded_for(s: &Sentence, c: &Count) -> bool {
    let number_at = |k: usize| s.words.get(k).is_some_and(|w| w.number().is_some());
    let before = c.at >= 2 && s.is(c.at - 1, "for") && (c.at.saturating_sub(8)..c.at - 1).any(number_at);
    let after = s.is(c.np.end, "for") && number_at(c.np.end + 1);
    (before || after) && s.has(0..s.words.len(), |t| t == Tag::Event || t == Tag::Act(Act::Swap))
}

/// Nouns for a list of names: "a list of 339 children", "the register of 640".
const LISTS: &[&str] = &["list", "lists", "register", "registry", "database", "pool"];

/// "Ukraine gave Russia a list of 339 children it says were deported": people on a
/// list, not people freed.
fn listed(s: &Sentence, c: &Count) -> bool {
    // "a list of about 640": past the hedge.
    const HEDGES: &[&str] = &["around", "about", "some", "nearly", "almost", "roughly", "approximately", "over"];
    let mut k = c.at;
    while k > 0 && HEDGES.contains(&s.words[k - 1].norm.as_str()) {
        k -= 1;
    }
    // "the soldiers returned were picked from a group of around 1,000 prisoners":
    // the pool they were chosen from, not who was freed.
    let pool = |j: usize| j >= 2 && s.is(j, "group") && s.is(j - 1, "a") && s.is(j - 2, "from");
    k >= 2 && s.is(k - 1, "of") && (LISTS.contains(&s.words[k - 2].norm.as_str()) || pool(k - 2))
}

/// An exchange the clause says was stopped: its count freed no one.
fn foiled(s: &Sentence, c: &Count) -> bool {
    let clause = s.clause_of(c.at);
    super::events::foiled_in(s, clause.start..c.at)
}

/// "the "1,000 for 1,000" exchange", "the third part of the 1000-for-1000
/// exchange": the pattern names the whole agreed deal, not what one day of
/// it freed ("a 95-for-95 exchange on Friday", "what Vereshchuk called an
/// "86 for 86" exchange" are a day's figure).
pub fn names_the_deal(s: &Sentence, c: &Count) -> bool {
    const QUOTES: &[&str] = &["\"", "“", "”", "'", "‘", "’", "«", "»"];
    if !c.pattern {
        return false;
    }
    // Quoted after "the": a name ("an "86 for 86" exchange" is what happened).
    let quoted = c.at > 1
        && s.is(c.at - 2, "the")
        && QUOTES.contains(&s.words[c.at - 1].norm.as_str())
        && (c.at + 1..=c.np.end).any(|k| s.words.get(k).is_some_and(|w| QUOTES.contains(&w.norm.as_str())));
    // "part of the", "final stage of the", "first round of the".
    let of_the = c.at >= 2 && s.is(c.at - 1, "the") && s.is(c.at - 2, "of");
    let part_of = of_the
        && (c.at.saturating_sub(5)..c.at - 2)
            .any(|k| s.tag(k) == Some(Tag::Stage) || ["part", "half"].contains(&s.words[k].norm.as_str()));
    // "on the 1,000 for 1,000 formula", "a 1,000-for-1,000 deal", "in a "1000 for 1000"
    // format": the deal's name.
    let after =
        if s.words.get(c.np.end).is_some_and(|w| QUOTES.contains(&w.norm.as_str())) { c.np.end + 1 } else { c.np.end };
    let deal = s.words.get(after).is_some_and(|w| DEAL_NOUNS.contains(&w.norm.as_str()));
    // "Zelensky had spoken of a 1,000-for-1,000 exchange": talk of one.
    let spoken_of = (s.clause_of(c.at).start..c.at).any(|k| {
        ["spoken", "spoke", "talked", "talk", "mentioned", "proposed", "offered"].contains(&s.words[k].norm.as_str())
    });
    // "ITEM 1 — THE 1,000-FOR-1,000 EXCHANGE (MAY)": a heading with no verb names the
    // exchange its section reports; it says no day's count.
    let named_alone = c.at >= 1
        && s.is(c.at - 1, "the")
        && (c.at..=c.np.end).any(|k| s.tag(k) == Some(Tag::Event))
        && !s.has(0..s.words.len(), |t| matches!(t, Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Be)));
    quoted || part_of || deal || spoken_of || named_alone
}

/// Nouns that, after "N for N", name a deal rather than a handover.
const DEAL_NOUNS: &[&str] = &["formula", "format", "principle"];

/// A plan cue governs the count: before it in its clause ("hopes to free
/// 1,200", "agreed on another exchange of at least 1,200"), or between the
/// count and its verb ("110 Ukrainians would be freed").
fn planned(s: &Sentence, c: &Count, clause: std::ops::Range<usize>) -> bool {
    let before = clause.start..c.at;
    let after = c.np.end..(c.np.end + 4).min(clause.end);
    let plan = |t: Tag| t == Tag::Cue(Cue::Plan);
    let cue_before = s.tags_in(before).any(|t| plan(t.tag));
    let cue_after = s.tags_in(after).any(|t| plan(t.tag));
    // "future", "next", "more … in the coming weeks" after the count.
    // Not "who came home a week later": a span back in time.
    const SPANS: &[&str] = &["day", "days", "week", "weeks", "month", "months", "year", "years", "hours"];
    let rest = s.slice(c.np.end, clause.end);
    let future = rest.iter().take(8).enumerate().any(|(i, w)| {
        ["future", "next"].contains(&w.norm.as_str())
            || w.is("later") && !(i > 0 && SPANS.contains(&rest[i - 1].norm.as_str()))
    });
    cue_before
        || cue_after
        || future
        || purpose(s, c, clause.clone())
        || to_be_done(s, c, clause.clone())
        || what_was_agreed(s, c, clause)
}

/// Nouns for what two sides agree on.
const AGREEMENTS: &[&str] = &["agreement", "deal", "accord", "accords", "outcome", "result"];

/// "The single agreement to come out of the talks was a swap of a thousand
/// prisoners each": an agreement said to be a swap names what was agreed.
/// Not "Under the deal, 84 were freed" (no copula before the count).
fn what_was_agreed(s: &Sentence, c: &Count, clause: std::ops::Range<usize>) -> bool {
    let Some(copula) = (clause.start..c.at).find(|&k| s.tag(k) == Some(Tag::Cue(Cue::Be))) else {
        return false;
    };
    let subject = (clause.start..copula).find(|&k| AGREEMENTS.contains(&s.words[k].norm.as_str()));
    subject.is_some_and(|k| {
        !(k.saturating_sub(3)..k).any(|j| ["under", "per", "with"].contains(&s.words[j].norm.as_str()))
            && !s.has(copula..c.at, |t| matches!(t, Tag::Act(_)))
    })
}

/// "carrying 65 Ukrainian prisoners of war to be exchanged": people a
/// passive infinitive says were still to change hands.
fn to_be_done(s: &Sentence, c: &Count, clause: std::ops::Range<usize>) -> bool {
    let end = (c.np.end + 6).min(clause.end);
    (c.np.end..end.saturating_sub(1)).any(|k| {
        s.is(k, "to")
            && s.is(k + 1, "be")
            && s.has(k + 2..(k + 4).min(s.words.len()), |t| {
                matches!(t, Tag::Act(Act::Give | Act::Swap | Act::Home | Act::Receive))
            })
    })
}

/// A planned count is what the plan would free: the object of an exchange
/// verb or noun just before it ("agreed to exchange 314 prisoners", "an
/// exchange of at least 1,200"), not "the 303 returned servicemen would
/// receive care".
pub fn plan_object(s: &Sentence, c: &Count) -> bool {
    let clause = s.clause_of(c.at);
    let from = c.at.saturating_sub(4).max(clause.start);
    c.thing.is_none()
        && s.has(from..c.at, |t| matches!(t, Tag::Event | Tag::Act(Act::Give | Act::Receive | Act::Swap | Act::Home)))
}

/// "work was under way to resume exchanges and free 1,200 Ukrainians": an
/// infinitive of purpose governs the count; "managed to free 45" was done.
fn purpose(s: &Sentence, c: &Count, clause: std::ops::Range<usize>) -> bool {
    let done = ["managed", "able", "helped", "succeeded"];
    (clause.start..c.at).any(|k| {
        s.is(k, "to")
            && !(k > 0 && done.contains(&s.words[k - 1].norm.as_str()))
            && (s.has(k + 1..(k + 2).min(s.words.len()), |t| {
                matches!(t, Tag::Act(Act::Give | Act::Receive | Act::Swap | Act::Home))
            }) || s
                .words
                .get(k + 1)
                .is_some_and(|w| ["resume", "continue", "carry", "hold", "conduct"].contains(&w.norm.as_str())))
    })
}

/// A running total: "since the invasion", "so far", "have now come home",
/// "across all the stages", "over the past week". `None` when the clause
/// reports one exchange, including "the first swap since April" and "held
/// since 2022".
fn cumulative(s: &Sentence, c: &Count, clause: std::ops::Range<usize>, today: NaiveDate) -> Option<Scope> {
    let w = &s.words;
    // "brings the number swapped since the start of the crisis to 6,691".
    if super::count::tally_frame(s, c) {
        let war = (0..c.at).any(|k| s.tag(k) == Some(Tag::Cue(Cue::Since)))
            && w[..c.at].iter().any(|x| WAR.contains(&x.norm.as_str()) || x.is("crisis"));
        return Some(if war { Scope::War } else { Scope::Unstated });
    }
    for k in clause.clone() {
        if s.tag(k) != Some(Tag::Cue(Cue::Since)) {
            continue;
        }
        // "held since 2022", "held by Russia since 2014", "in captivity since 2017" describe the people.
        // Not "brought back from Russian captivity since March": out of it, since then.
        let from = |j: usize| (j.saturating_sub(2)..j).any(|i| s.is(i, "from"));
        let modifier =
            (k.saturating_sub(3)..k).any(|j| matches!(s.tag(j), Some(Tag::Act(Act::Hold | Act::Capture))) && !from(j));
        // "exchanged 84 each, the latest in a series of swaps that has freed hundreds
        // since the start of the year": a relative clause after the count has its own.
        let relative = c.at < k && (c.np.end..k).any(|j| RELATIVES.contains(&w[j].norm.as_str()) || w[j].is("that"));
        // "three officers … came home, putting the total returned since 2022 at 4,757":
        // the "since" of a later running total's frame.
        let tallied = c.at < k && (c.np.end..k).any(|j| super::count::tally_phrase(s, j));
        if relative || tallied {
            continue;
        }
        // "the first swap since April", "the largest exchange since 2022".
        // "the seventh prisoner exchange since the invasion began".
        let ranking =
            (k.saturating_sub(4)..k).any(|j| {
                (["first", "largest", "biggest", "last", "only"].contains(&w[j].norm.as_str())
                    || numbers::ordinal(&w[j].norm).is_some())
                    && s.has(j + 1..k, |t| t == Tag::Event)
            }) || w[clause.start..k].iter().any(|x| ["first", "largest", "biggest"].contains(&x.norm.as_str()));
        if modifier || ranking {
            continue;
        }
        let object = &w[k + 1..(k + 7).min(w.len())];
        if object.iter().any(|x| WAR.contains(&x.norm.as_str())) {
            return Some(Scope::War);
        }
        // "Since then", "since the exchanges began", "since the process started": from a
        // start the clause does not date.
        let started = object
            .iter()
            .take(4)
            .any(|x| ["started", "began", "begun", "start", "beginning"].contains(&x.norm.as_str()));
        if w.get(k + 1).is_some_and(|x| x.is("then"))
            || started
            || s.has(k + 1..(k + 4).min(w.len()), |t| t == Tag::Event)
        {
            return Some(Scope::Unstated);
        }
        let since = s.own_dates().chain(s.dates.iter().map(|(m, _)| m)).find(|m| m.words.start == k + 1);
        if let Some(m) = since {
            let from = match m.period {
                Period::Day { date } => Some(date),
                other => other.bounds().map(|b| b.0),
            };
            return from
                .map(|f| if f.year() < 2022 || f < war_start() { Scope::War } else { Scope::Since { from: f } });
        }
    }
    // "The three-day exchange … brought back 1,000 Ukrainians in total"; on one
    // day, "150 Ukrainians in total came home" is that day's sum.
    let in_total = s
        .tags_in(c.np.end..(c.np.end + 3).min(w.len()))
        .any(|t| t.tag == Tag::Cue(Cue::Combined) && s.is(t.words.start, "in"));
    if in_total && multi_day(s) || over_days(s, clause.clone()) {
        return Some(Scope::Stages);
    }
    // "235 people had been returned in September alone": the month's total.
    if let Some(m) = s.own_dates().find(|m| clause.contains(&m.words.start) && s.is(m.words.end, "alone"))
        && let Some((from, _)) = m.period.bounds()
    {
        return Some(Scope::Since { from });
    }
    // "Ukraine recovered nearly 1,600 over the course of 2022", "during 2023": a year's total.
    let year = s.own_dates().find(|m| {
        let whole = m.period.bounds().is_some_and(|(from, to)| {
            from.ordinal() == 1 && to.month() == 12 && to.day() == 31 && from.year() == to.year()
        });
        let lead = |back: usize| m.words.start.checked_sub(back).map(|k| s.words[k].norm.as_str());
        let leads = matches!(lead(1), Some("during" | "throughout" | "over"))
            || lead(1) == Some("of") && lead(2) == Some("course");
        whole && clause.contains(&m.words.start) && leads
    });
    if let Some((from, _)) = year.and_then(|m| m.period.bounds()) {
        return Some(Scope::Since { from });
    }
    // "1,358 prisoners were returned over the year", "this year": the current year's total.
    let this_year = clause.clone().any(|k| {
        s.is(k, "year")
            && (k >= 2
                && s.is(k - 1, "the")
                && ["over", "during", "throughout", "across"].contains(&w[k - 2].norm.as_str())
                || k >= 1 && s.is(k - 1, "this"))
    });
    // Not "This year's fifth swap, on 18 October, freed 95": a day of its own.
    let own_day = s.own_dates().any(|m| clause.contains(&m.words.start) && matches!(m.period, Period::Day { .. }));
    if this_year
        && !own_day
        && let Some(from) = NaiveDate::from_ymd_opt(today.year(), 1, 1)
    {
        return Some(Scope::Since { from });
    }
    // "Ukraine recovered close to 1,600 prisoners of war in 2022": a count dated by a
    // whole year and nothing nearer is that year's total, for an exchange is reported by
    // its day or at least its month.
    let whole_year = |m: &&crate::lang::dates::DateMention| {
        m.period.bounds().is_some_and(|(from, to)| from.ordinal() == 1 && to.month() == 12 && to.day() == 31)
    };
    let in_clause: Vec<&crate::lang::dates::DateMention> =
        s.own_dates().filter(|m| clause.contains(&m.words.start)).collect();
    // Not "82 of the returnees had defended Mariupol in 2022": what was done that year is no freeing.
    let freed = s.has(clause.clone(), |t| matches!(t, Tag::Act(Act::Give | Act::Receive | Act::Home | Act::Swap)));
    // Not "the swap freed 206 captives, its eighth mediation in 2024": the year
    // belongs to the ordinal between them.
    let ranked = |m: &crate::lang::dates::DateMention| {
        (c.np.end..m.words.start).any(|k| numbers::ordinal(&s.words[k].norm).is_some())
    };
    if let [m] = in_clause.as_slice()
        && freed
        && !c.of_group
        && !ranked(m)
        && whole_year(m)
        && m.words.start > 0
        && s.is(m.words.start - 1, "in")
        && s.dates.len() == 1
        && let Some((from, _)) = m.period.bounds()
    {
        return Some(Scope::Since { from });
    }
    // "swapped 500 for 500 on 5 and 6 March": a count over several days of one exchange.
    // "The 1000-for-1000 deal was agreed … and carried out from 23 to 25 May": a deal's
    // "N for N" with no day in its clause is dated by its sentence's days (not "303
    // … in exchange for 303, and that the … exchange carried out from 23 to 25 May").
    let days_in = |whole: bool| -> Vec<&crate::lang::dates::DateMention> {
        s.own_dates()
            .filter(|m| (whole || clause.contains(&m.words.start)) && matches!(m.period, Period::Day { .. }))
            .collect()
    };
    let days = match days_in(false) {
        here if here.is_empty() && c.pattern => days_in(true),
        here => here,
    };
    let listed = days.windows(2).any(|p| {
        p[0].period != p[1].period
            && (p[0].words.end..p[1].words.start).all(|k| ["and", ",", "-", "to", "–"].contains(&w[k].norm.as_str()))
    });
    if listed {
        return Some(Scope::Stages);
    }
    // "had returned more than 6,000 bodies by June 2025": a total up to then.
    if s.own_dates().chain(s.dates.iter().map(|(m, _)| m)).any(|m| {
        clause.contains(&m.words.start) && m.words.start > c.at && m.words.start > 0 && w[m.words.start - 1].is("by")
    }) {
        return Some(Scope::Unstated);
    }
    // "Ukraine has freed 2,598 people in 48 swaps": people over many exchanges.
    let over_swaps = w[clause.clone()].iter().enumerate().any(|(k, x)| {
        let k = clause.start + k;
        x.number().is_some_and(|n| n >= 2)
            && k != c.at
            && s.has(k + 1..(k + 3).min(w.len()), |t| t == Tag::Event)
            && w[k + 1..(k + 3).min(w.len())].iter().any(|y| y.norm.ends_with('s'))
    });
    if over_swaps {
        return Some(Scope::Unstated);
    }
    // "Including today's group, 4,552 defenders have been brought back".
    let including_today =
        w[clause.start..c.at].windows(2).any(|p| p[0].is("including") && p[1].norm.starts_with("today"));
    if including_today {
        return Some(Scope::Unstated);
    }
    // "bringing the total to 4,552", "raising the number of those freed to 3,000".
    let to_total = c.at >= 2
        && w[c.at - 1].is("to")
        && w[c.at.saturating_sub(6)..c.at - 1]
            .iter()
            .any(|x| ["total", "number", "tally", "count"].contains(&x.norm.as_str()));
    if to_total {
        return Some(Scope::Unstated);
    }
    // "2,598 … brought back between the start of the full-scale invasion and 7 August".
    let from_war = clause.clone().any(|k| {
        (w[k].is("between") || w[k].is("from"))
            && w[k + 1..(k + 6).min(clause.end)]
                .iter()
                .any(|x| ["invasion", "war", "start", "beginning"].contains(&x.norm.as_str()))
    });
    if from_war {
        return Some(Scope::War);
    }
    // "Between mid-March and November, more than 1,130 prisoners of war were returned".
    let dates: Vec<&crate::lang::dates::DateMention> = s.own_dates().collect();
    for (k, m) in dates.iter().enumerate() {
        let opened = m.words.start > 0 && (w[m.words.start - 1].is("between") || w[m.words.start - 1].is("from"));
        let closed = dates
            .get(k + 1)
            .is_some_and(|n| n.words.start == m.words.end + 1 && (w[m.words.end].is("and") || w[m.words.end].is("to")));
        // Not "… between June and August: 90 for 90 on 25 June, 95 for 95 on 17 July":
        // a count with a day of its own is that day's.
        let own_day = dates.iter().any(|d| {
            matches!(d.period, Period::Day { .. }) && d.words.start >= c.np.end && d.words.start <= c.np.end + 2
        });
        if opened && closed && m.words.start < c.at && !own_day {
            return m.period.bounds().map(|(from, _)| Scope::Since { from });
        }
    }
    let perfect = w[clause.clone()].iter().any(|x| ["have", "has", "had"].contains(&x.norm.as_str()));
    // "Sum of the table: 945 …", "Running total: …": a label before a colon governs what follows.
    let labelled = label_of(s, c.at);
    let cues = labelled.map_or(clause.start, |first| first.start)..clause.end;
    for t in s.tags_in(cues) {
        if t.tag != Tag::Cue(Cue::SoFar) {
            continue;
        }
        // The cue must govern this count: "2,430 people have now come home",
        // "across all the stages, … 1,000 Ukrainians", not "390 freed on
        // Friday and …, each side has now handed over 1,000".
        let phrase: Vec<&str> = t.words.clone().map(|k| w[k].norm.as_str()).collect();
        // "… have been returned from Russian captivity to date": a closing
        // "to date", "so far" governs its whole clause; "now" only its neighbour.
        // So does "in the past 96 hours" after the verb.
        let closing = matches!(
            phrase.as_slice(),
            ["to", "date"]
                | ["so", "far"]
                | ["thus", "far"]
                | ["until", "now"]
                | ["over" | "in", "the", "past"]
                | ["over", "the", "last"]
                | [.., "the", "war"]
        );
        let governs = (t.words.start >= c.np.end && t.words.start <= c.np.end + 3)
            || (t.words.end <= c.at && c.at <= t.words.end + 8)
            || (closing && t.words.start > c.at)
            || labelled.is_some_and(|l| l.contains(&t.words.start));
        if !governs {
            continue;
        }
        match phrase.as_slice() {
            ["across", "all"] | ["in", "all", "stages"] => return Some(Scope::Stages),
            // "over the course of the war", "throughout the war".
            [.., "the", "war"] => return Some(Scope::War),
            ["over" | "across" | "in", .., "days"] | ["completes" | "completing", ..] => return Some(Scope::Stages),
            // "Sum of the table: 945 prisoners of war freed on each side".
            // "Together these three swaps brought home 61", not "together with 64 soldiers".
            // "Cumulative returns announced by Kyiv: 3,210 after May; 3,405 after 17 July".
            ["sum", "of"] | ["running", "total"] | ["cumulative"] => return Some(Scope::Unstated),
            ["together"] if !s.is(t.words.end, "with") => return Some(Scope::Unstated),
            ["over" | "in", "the", "past"] | ["over", "the", "last"] if perfect => {
                let days = match w.get(t.words.end).map(|x| x.norm.as_str()) {
                    Some("week") => 7,
                    Some("month") => 31,
                    Some("year") => 365,
                    _ => 7,
                };
                return Some(Scope::Recent { from: today - chrono::Days::new(days) });
            }
            // "each side has now handed over 1,000": the running total of a multi-day swap.
            _ if perfect && each_way(s, clause.clone()) => return Some(Scope::Stages),
            _ if perfect => return Some(Scope::Unstated),
            _ => {}
        }
    }
    None
}

/// The label a count is listed under: the sentence's first clause, ending
/// with a colon, and no verb between it and the count ("Cumulative returns:
/// 3,210 after the May exchange; about 3,300 after June; 3,405 after 17 July").
fn label_of<'s>(s: &'s Sentence, at: usize) -> Option<&'s std::ops::Range<usize>> {
    let first = s.clauses.first()?;
    let verb = |t: Tag| matches!(t, Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Be));
    (s.is(first.end, ":") && first.end < at && !s.has(first.end..at, verb)).then_some(first)
}

/// Is the count a dated item under a running total's label ("Cumulative returns
/// announced by Kyiv: 3,210 after May; …")? It needs no verb. Undated items
/// ("Running total of the table: 26, 56 and 206") are the table's rows, read there.
pub(crate) fn under_total_label(s: &Sentence, c: &Count) -> bool {
    let dated = s.own_dates().any(|m| m.words.start > c.at && !(c.at..m.words.start).any(|k| s.is(k, ";")));
    dated
        && label_of(s, c.at).is_some_and(|label| {
            s.tags_in(label.clone()).any(|t| {
                let phrase: Vec<&str> = t.words.clone().map(|k| s.words[k].norm.as_str()).collect();
                t.tag == Tag::Cue(Cue::SoFar) && matches!(phrase.as_slice(), ["running", "total"] | ["cumulative"])
            })
        })
}

/// "a three-day exchange", "the two-day swap".
fn multi_day(s: &Sentence) -> bool {
    s.words.windows(4).enumerate().any(|(i, w)| {
        w[0].number().is_some_and(|n| n >= 2) && w[1].is("-") && w[2].is("day") && s.tag(i + 3) == Some(Tag::Event)
    })
}

/// Words before "N days" that make the days a stretch the count adds up.
const SPAN_OPENERS: &[&str] = &["these", "the", "past", "last", "over", "first"];

/// "In these two days alone, 697 people have been returned", "over the past three
/// days": a count of several days of a swap together (not "care for 30 days").
fn over_days(s: &Sentence, clause: std::ops::Range<usize>) -> bool {
    // "Two days, 697 people home.": the span opens the sentence.
    let opens = s.words.first().and_then(|w| w.number()).is_some_and(|n| (2..=7).contains(&n))
        && s.is(1, "days")
        && s.is(2, ",");
    opens
        || clause.clone().any(|k| {
            k >= 1
                && s.is(k, "days")
                && s.words[k - 1].number().is_some_and(|n| (2..=7).contains(&n))
                && SPAN_OPENERS.contains(&s.words.get(k.wrapping_sub(2)).map_or("", |w| w.norm.as_str()))
        })
}

fn each_way(s: &Sentence, clause: std::ops::Range<usize>) -> bool {
    s.has(clause, |t| t == Tag::Cue(Cue::Each))
}

/// "the 50th exchange", "its 53rd exchange of prisoners of war".
fn counts_exchanges(s: &Sentence) -> bool {
    (0..s.words.len()).any(|i| {
        numbers::ordinal(&s.words[i].norm).is_some_and(|n| n >= 2)
            && s.has(i + 1..(i + 3).min(s.words.len()), |t| t == Tag::Event)
    })
}

fn war_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 2, 24).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::read::count;

    fn kinds(published: &str, text: &str) -> Vec<(u64, Kind)> {
        let day = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
        let s = Sentence::new(text, day, 0, 0);
        count::find(&s).iter().map(|c| (c.value, of(&s, c, day))).collect()
    }

    #[test]
    fn figures_and_what_is_not_one() {
        let cases: &[(&str, &[(u64, Kind)])] = &[
            (
                "Both sides received 390 people in the first stage on Friday and are expected to exchange 1,000 each in total.",
                &[(390, Kind::Exchanged), (1000, Kind::Planned)],
            ),
            ("Kyiv said it hoped to free 1,000 more people in the coming weeks.", &[(1000, Kind::Planned)]),
            ("Ukraine is insisting that 350 specific prisoners be returned first.", &[(350, Kind::Planned)]),
            ("Umerov said more than 6,000 bodies had come back since the process started.", &[(6000, Kind::Bodies)]),
            (
                "The single agreement to come out of the first direct Russian–Ukrainian talks in Istanbul was a swap of a thousand prisoners each.",
                &[(1000, Kind::Planned)],
            ),
            (
                "The sides discussed a ceasefire and an exchange in a \"1000 for 1000\" format.",
                &[(1000, Kind::Planned)],
            ),
            ("Under the deal, 84 prisoners were freed on each side.", &[(84, Kind::Exchanged)]),
            (
                "The ministry said 70 people were on board the plane that was carrying prisoners to a swap.",
                &[(70, Kind::Other)],
            ),
            ("There were 40 prisoners aboard the bus that brought them to the exchange.", &[(40, Kind::Other)]),
            (
                "The 207 Ukrainians who came home a week later included 95 from the Armed Forces.",
                &[(207, Kind::Exchanged)],
            ),
            (
                "Volodymyr Zelensky gave a larger number — 189 Ukrainians, including two civilians.",
                &[(189, Kind::Exchanged), (2, Kind::Other)],
            ),
            (
                "UAE: its eighth mediation, 1,994 captives freed through its efforts",
                &[(1994, Kind::Cumulative(Scope::Unstated))],
            ),
            (
                "He claims the soldiers returned were picked from a group of around 1,000 prisoners.",
                &[(1000, Kind::Other)],
            ),
            (
                "Earlier this month Zelenskyy said more than 2,500 defenders of Mariupol were being held by Russia.",
                &[(2500, Kind::Held)],
            ),
            (
                "Since the start of the full-scale invasion, 2005 Ukrainians have come home through exchanges.",
                &[(2005, Kind::Cumulative(Scope::War))],
            ),
            (
                "The headquarters says 2,700 captured soldiers have been returned to Ukraine over the course of the war.",
                &[(2700, Kind::Cumulative(Scope::War))],
            ),
            ("Russia returned 200 Ukrainians on Tuesday in the first swap since April.", &[(200, Kind::Exchanged)]),
            (
                "Three pilots were released in return for 40 Russian soldiers whose names were not made public.",
                &[(3, Kind::Exchanged), (40, Kind::Exchanged)],
            ),
            ("Kyiv did not say how many Russians were released.", &[]),
            (
                "Moscow said the plane was carrying 65 Ukrainian prisoners of war to be exchanged.",
                &[(65, Kind::Planned)],
            ),
            (
                "The ministry said the swap brings the number of prisoners exchanged through its mediation since the start of the crisis to 4,180.",
                &[(4180, Kind::Cumulative(Scope::War))],
            ),
            (
                "It puts the total exchanged through its mediation at 3,233.",
                &[(3233, Kind::Cumulative(Scope::Unstated))],
            ),
            (
                "The ministry said its mediation led to an exchange of 300 captives, 150 on each side.",
                &[(300, Kind::Exchanged), (150, Kind::Exchanged)],
            ),
            ("Ukraine received the bodies of 1,212 fallen soldiers.", &[(1212, Kind::Bodies)]),
            (
                "The two sides agreed an all-for-all exchange plus the return of bodies on a 6,000-for-6,000 basis.",
                &[(6000, Kind::Planned)],
            ),
            (
                "Ukraine says its troops have captured at least 600 Russian soldiers since the incursion.",
                &[(600, Kind::Other)],
            ),
            (
                "With 390 freed on Friday and 307 on Saturday, each side has now handed over 1,000 people.",
                &[(390, Kind::Exchanged), (307, Kind::Exchanged), (1000, Kind::Cumulative(Scope::Stages))],
            ),
            ("A total of 49 servicemen held since 2022 were freed on Friday.", &[(49, Kind::Exchanged)]),
            ("Since then more than 300 Ukrainians have been released.", &[(300, Kind::Cumulative(Scope::Unstated))]),
            (
                "After the 3 April exchange the Headquarters said 2005 people had come home.",
                &[(2005, Kind::Cumulative(Scope::Unstated))],
            ),
            (
                "Ukraine has freed 2,598 people in 48 swaps.",
                &[(2598, Kind::Cumulative(Scope::Unstated)), (48, Kind::Swaps)],
            ),
            (
                "4,552 Ukrainians have been returned from captivity to date.",
                &[(4552, Kind::Cumulative(Scope::Unstated))],
            ),
            (
                "Including today's group, 4,552 defenders have been brought back.",
                &[(4552, Kind::Cumulative(Scope::Unstated))],
            ),
            ("Umerov said work was under way to resume exchanges and free 1,200 Ukrainians.", &[(1200, Kind::Planned)]),
            ("Ukraine managed to free forty-five servicemen on Friday.", &[(45, Kind::Exchanged)]),
            ("Russia and Ukraine swapped 500 for 500 on 5 and 6 March.", &[(500, Kind::Cumulative(Scope::Stages))]),
            ("Lubinets said 500 defenders came home over the two days.", &[(500, Kind::Cumulative(Scope::Stages))]),
            ("Two days, 697 people home.", &[(2, Kind::Other), (697, Kind::Cumulative(Scope::Stages))]),
            (
                "Ukraine said it believed 3,574 members of its military had been taken captive since 2014.",
                &[(3574, Kind::Other)],
            ),
            (
                "Ukraine says 1,358 prisoners were returned over the year.",
                &[(1358, Kind::Cumulative(Scope::Since { from: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() }))],
            ),
            (
                "Friday's exchange completes the release of 500 prisoners on each side.",
                &[(500, Kind::Cumulative(Scope::Stages))],
            ),
            (
                "He added that 235 people had been returned in September alone.",
                &[(235, Kind::Cumulative(Scope::Since { from: NaiveDate::from_ymd_opt(2024, 9, 1).unwrap() }))],
            ),
            ("Two Ukrainian women declined to return.", &[(2, Kind::Other)]),
            (
                "The Il-76 was carrying 65 captured Ukrainian servicemen who were due to be exchanged.",
                &[(65, Kind::Planned)],
            ),
            // What a deal provides for is not what happened.
            ("The deal, he said, concerns the release of 1,200 Ukrainians.", &[(1200, Kind::Planned)]),
            // A pattern naming the whole deal, not one day of it.
            ("The third part of the 1000-for-1000 exchange is complete.", &[(1000, Kind::Planned)]),
            ("The first round yielded the \"1,000 for 1,000\" exchange.", &[(1000, Kind::Planned)]),
            (
                "They traded 86 each in what she called an \"86 for 86\" exchange.",
                &[(86, Kind::Exchanged), (86, Kind::Exchanged)],
            ),
            // The dead, a running total past its approximation; people freed outside exchanges.
            (
                "The headquarters said it had freed 4,306 people through exchanges, returned 469 more outside exchanges, and repatriated the bodies of more than 7,000 defenders.",
                &[(4306, Kind::Cumulative(Scope::Unstated)), (7000, Kind::Bodies)],
            ),
            // "since" in a later tally's frame is the tally's; "from captivity since March" is a total.
            (
                "Kyiv said three officers came home, putting the total returned since 2022 at 4,757.",
                &[(3, Kind::Exchanged), (4757, Kind::Cumulative(Scope::War))],
            ),
            (
                "More than 1,000 civilians have been brought back from Russian captivity since March.",
                &[(1000, Kind::Cumulative(Scope::Since { from: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap() }))],
            ),
            // Running totals of a multi-day exchange.
            (
                "Zelensky added that 697 people had been returned in two days.",
                &[(697, Kind::Cumulative(Scope::Stages))],
            ),
            (
                "The three-day exchange brought back 1,000 Ukrainians in total.",
                &[(1000, Kind::Cumulative(Scope::Stages))],
            ),
            ("Officials said 150 Ukrainians in total came home.", &[(150, Kind::Exchanged)]),
            // A label before a colon governs the list after it.
            (
                "Running total of the table: 26, 56 and 206 Ukrainians.",
                &[(56, Kind::Other), (206, Kind::Cumulative(Scope::Unstated))],
            ),
            ("Sum of the table: 945 prisoners of war freed on each side.", &[(945, Kind::Cumulative(Scope::Unstated))]),
        ];
        for (text, want) in cases {
            let got = kinds("2025-05-25", text);
            assert_eq!(got, *want, "{text}");
        }
    }
}
