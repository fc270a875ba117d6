//! What a question asks for, read by rules over its words.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::facts::ClaimKind;
use crate::lang::dates::{self, Anchor, Period};
use crate::lang::lexicon::{self, Category, Side};
use crate::lang::text::{self, Word, WordKind};

/// The kinds of question the bot answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// How many people an exchange moved.
    Count,
    /// The sum over several exchanges.
    Total,
    When,
    /// Who mediated.
    Mediator,
    /// Where prisoners went, or where the deal was made.
    Where,
    Largest,
    Smallest,
    Latest,
    Earliest,
    List,
    Compare,
    /// A claim about the war as a whole ("59 swaps since 2022").
    Claim,
    /// Anything else: answered from search snippets.
    Search,
    /// One exchange in full (`/exchange`).
    Describe,
    /// The corpus itself (`/sources`).
    Sources,
}

impl std::fmt::Display for Intent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        f.write_str(&s)
    }
}

/// Which part of a multi-day exchange a question means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StageRef {
    Nth(u32),
    Last,
}

/// "the exchange before/after the one on …".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Neighbour {
    Before,
    After,
}

/// A question, understood.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub text: String,
    /// The words after typo repair, as the rules saw them.
    #[serde(skip)]
    pub words: Vec<Word>,
    pub intent: Intent,
    /// Dates and periods named, in order.
    pub periods: Vec<Period>,
    /// Whose people the question counts ("wounded Ukrainians", "Russia got back").
    pub recipient: Option<Side>,
    /// Whose figures the asker wants ("according to Zelenskyy", "did Russia say").
    pub reporter: Option<Side>,
    /// "each side".
    pub each: bool,
    pub category: Option<Category>,
    /// "the 1,000-for-1,000 swap".
    pub n_for_n: Option<u64>,
    pub stage: Option<StageRef>,
    /// "over the three days": the whole multi-day exchange.
    pub whole: bool,
    pub claim: Option<ClaimKind>,
    /// "what did X say": quotes are wanted.
    pub quote: bool,
    /// The X of "what did X say", with its spelling variants.
    pub speaker: Option<Vec<String>>,
    /// "as of March 2025": the day a running total is wanted for.
    pub as_of: Option<Period>,
    /// A mediator the question names ("exchanges the UAE mediated").
    pub mediator: Option<String>,
    /// The exchange next to the one the dates name.
    pub neighbour: Option<Neighbour>,
    /// Asks about the agreement (where terms were agreed) rather than where prisoners went.
    pub about_agreement: bool,
    /// Words that describe an exchange beyond dates and numbers ("Independence Day", "Kursk").
    pub descriptors: Vec<String>,
    /// Search words, each with its spelling variants.
    pub search: Vec<Vec<String>>,
}

/// Words so common in questions about swaps that they describe no exchange
/// in particular: they never make a question "about Kursk" or "about
/// Istanbul". Typo repair also treats them as known words.
#[rustfmt::skip]
pub const GENERIC: &[&str] = &[
    "prisoner", "prisoners", "pow", "pows", "swap", "swaps", "swapped", "exchange", "exchanges", "exchanged",
    "released", "release", "freed", "free", "returned", "return", "came", "come", "home", "back", "soldiers",
    "troops", "people", "captives", "war", "russia", "russian", "russians", "ukraine", "ukrainian", "ukrainians",
    "kyiv", "kiev", "moscow", "side", "sides", "each", "number", "day", "days", "first", "second", "third", "last",
    "final", "stage", "total", "largest", "biggest", "smallest", "recent", "latest", "earliest", "list", "every",
    "wounded", "civilians", "civilian", "hand", "handed", "get", "got", "getting", "over", "across", "happen",
    "happened", "take", "took", "place", "held", "hold", "did", "traded", "trade", "one", "two", "three", "begin",
    "began", "start", "started", "end", "ended", "bigger", "larger", "smaller", "compare", "brokered", "mediated",
    "broker", "mediator", "agreed", "terms", "according", "say", "said", "zelensky", "zelenskyy", "zelenskiy",
    "kremlin", "defence", "defense", "ministry", "among", "those", "year", "month", "week", "many", "much", "how",
    "when", "where", "who", "what", "which", "was", "were", "is", "are", "the", "a", "an", "of", "in", "on", "for",
    "to", "and", "any", "there", "been", "have", "has", "had", "since", "as", "by", "most", "least", "all", "do",
    "does", "with", "at", "from", "that", "this", "it", "its", "their", "they", "more", "than", "between", "tell",
    "me", "about", "give", "show", "exchange's", "swap's", "killed", "include", "included", "including", "involve",
    "involved", "occur", "occurred", "believed", "captive", "captivity", "medical", "checks", "dates", "date",
    "servicemen", "fighters", "brought", "received", "injured", "estimated", "altogether",
];

/// Reads a question. `today` completes "yesterday", "last week".
pub fn understand(raw: &str, today: NaiveDate, fix: &dyn Fn(&str) -> Option<String>) -> Question {
    let text = repair(raw, fix);
    let words = text::words(&text);
    let mentions = dates::find(&words, Anchor::Asked(today));
    let mut periods: Vec<Period> = Vec::new();
    let mut as_of = None;
    for (k, m) in mentions.iter().enumerate() {
        // "between March and May 2025": one range.
        if k > 0 && words.get(m.words.start.wrapping_sub(1)).is_some_and(|w| w.is("and")) {
            let prev = &mentions[k - 1];
            let opened = words.get(prev.words.start.wrapping_sub(1)).is_some_and(|w| w.is("between") || w.is("from"));
            // "between March and May 2025": the first month takes the second's year.
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
        let before: Vec<&str> = words[..m.words.start].iter().rev().take(2).map(|w| w.norm.as_str()).collect();
        match (before.first().copied(), before.get(1).copied()) {
            (Some("of"), Some("as")) | (Some("by"), _) => as_of = Some(m.period),
            (Some("since" | "after"), _) => periods.extend(open_range(m.period, today, true)),
            (Some("before" | "until" | "till"), _) => periods.extend(open_range(m.period, today, false)),
            _ => periods.push(m.period),
        }
    }
    let in_date = |i: usize| mentions.iter().any(|m| m.words.contains(&i));
    let has = |w: &str| words.iter().any(|x| x.is(w));
    let has_any = |ws: &[&str]| words.iter().any(|x| ws.contains(&x.norm.as_str()));
    let phrase = |p: &[&str]| words.windows(p.len()).any(|w| w.iter().zip(p).all(|(a, b)| a.is(b)));
    let first = words.first().map(|w| w.norm.as_str()).unwrap_or("");

    // Who says, who gets.
    let reporter = reporter_of(&words);
    let mut recipient = words.iter().find_map(|w| lexicon::nationality(&w.norm));
    if recipient.is_none() {
        recipient = receiver_of(&words);
    }
    let each = phrase(&["each", "side"]) || has("apiece") || phrase(&["both", "sides"]) || phrase(&["each", "country"]);
    let category = words.iter().find_map(|w| lexicon::category_word(&w.norm));

    // "1,000-for-1,000", "150 for 150".
    let n_for_n = words
        .windows(5)
        .find_map(|w| {
            let a = w[0].number()?;
            (w[1].is("-") && w[2].is("for") && w[3].is("-") && w[4].number() == Some(a)).then_some(a)
        })
        .or_else(|| {
            words.windows(3).find_map(|w| {
                let a = w[0].number()?;
                (w[1].is("for") && w[2].number() == Some(a)).then_some(a)
            })
        });

    // "the first day", "the third stage", "the last day of the … swap".
    let stage = words.windows(2).find_map(|w| {
        if !lexicon::STAGE_NOUNS.contains(&w[1].norm.as_str()) {
            return None;
        }
        if w[0].is("last") || w[0].is("final") {
            return Some(StageRef::Last);
        }
        lexicon::ordinal(&w[0].norm).map(StageRef::Nth)
    });
    let whole = phrase(&["three", "days"])
        || phrase(&["all", "three"])
        || phrase(&["whole"])
        || phrase(&["entire"])
        || phrase(&["two", "days"])
        || phrase(&["over", "the"]) && has_any(&["days", "stages"]);

    let how_many = phrase(&["how", "many"]) || phrase(&["number", "of"]) || phrase(&["how", "much"]);
    let counts_people = how_many
        && counted_noun(&words).is_none_or(|n| lexicon::is_person_noun(&n) || lexicon::category_word(&n).is_some());
    let counts_swaps = how_many
        && counted_noun(&words).is_some_and(|n| ["swaps", "exchanges", "swap", "exchange"].contains(&n.as_str()));

    let claim = if counts_swaps {
        Some(ClaimKind::SwapCount)
    } else if has_any(&["hold", "holds", "held", "holding"])
        && has_any(&["believed", "estimated", "still", "currently", "now", "remain", "thought"])
        || phrase(&["in", "captivity"]) && has_any(&["still", "remain", "remaining"])
    {
        Some(ClaimKind::Held(recipient.unwrap_or(Side::Ukraine)))
    } else if counts_people
        && (phrase(&["since", "the"]) && has_any(&["war", "invasion", "beginning", "start"])
            || (has_any(&["overall", "altogether"]) || phrase(&["in", "total"]) || phrase(&["so", "far"]))
                && periods.is_empty()
                && n_for_n.is_none()
                && stage.is_none()
                && !whole)
    {
        Some(ClaimKind::ReturnedTotal(recipient.unwrap_or(Side::Ukraine)))
    } else {
        None
    };

    let superlative = if has_any(&["largest", "biggest"]) || phrase(&["most", "prisoners"]) {
        Some(Intent::Largest)
    } else if has_any(&["smallest", "fewest"]) {
        Some(Intent::Smallest)
    } else if phrase(&["most", "recent"]) || has("latest") || followed_by_swap(&words, "last") {
        Some(Intent::Latest)
    } else if has("earliest") || followed_by_swap(&words, "first") {
        Some(Intent::Earliest)
    } else {
        None
    };
    let compares = has_any(&["bigger", "larger", "smaller", "compare", "versus", "vs", "compared", "fewer"])
        || phrase(&["more", "than"])
        || phrase(&["more", "prisoners", "than"]);
    let lists = has("list")
        || phrase(&["all", "exchanges"])
        || phrase(&["every", "exchange"])
        || phrase(&["all", "the", "exchanges"])
        || phrase(&["every", "swap"])
        || phrase(&["all", "swaps"])
        || (first == "which" || first == "what") && has_any(&["exchanges", "swaps"]);
    let mediator =
        has_any(&["brokered", "mediated", "mediator", "mediators", "broker", "facilitated", "mediate", "brokers"]);
    let sums = has_any(&["total", "altogether", "combined", "overall"]) || whole || phrase(&["in", "all"]);
    let about_agreement = has_any(&["agreed", "terms", "negotiated", "deal", "talks", "agreement"]);
    const SPEECH: &[&str] = &["say", "said", "says", "react", "reacted", "describe", "described", "call", "called"];
    let quote = (first == "what" || first == "how") && has_any(SPEECH);
    // "What did Peskov say": the speaker is the name just before the speech verb.
    let speaker = words
        .iter()
        .position(|w| quote && SPEECH.contains(&w.norm.as_str()))
        .and_then(|v| words[..v].iter().rev().take(3).find(|w| w.capitalized || lexicon::variants(&w.norm).is_some()))
        .map(|w| match lexicon::variants(&w.norm) {
            Some(g) => g.iter().map(|s| (*s).to_string()).collect(),
            None => vec![w.norm.clone()],
        });

    let intent = if lists && !how_many {
        Intent::List
    } else if compares && periods.len() + usize::from(n_for_n.is_some()) >= 2 {
        Intent::Compare
    } else if let Some(s) = superlative.filter(|_| !how_many || stage.is_none()) {
        s
    } else if claim.is_some() {
        Intent::Claim
    } else if first == "who" && (mediator || has_any(&["helped", "arranged", "organised", "organized"]))
        || mediator && !how_many
    {
        Intent::Mediator
    } else if first == "where" || phrase(&["in", "which", "city"]) || phrase(&["in", "which", "country"]) {
        Intent::Where
    } else if first == "when" || phrase(&["what", "date"]) || phrase(&["which", "day"]) || phrase(&["what", "day"]) {
        Intent::When
    } else if counts_people && sums && !quote {
        Intent::Total
    } else if counts_people && !quote {
        Intent::Count
    } else {
        Intent::Search
    };

    // Search words and descriptors: everything not a date, not a number pattern.
    let mut search: Vec<Vec<String>> = Vec::new();
    let mut descriptors = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.kind == WordKind::Punct || in_date(i) {
            continue;
        }
        if w.kind == WordKind::Number && n_for_n.is_some() {
            continue;
        }
        let group: Vec<String> = match lexicon::variants(&w.norm) {
            Some(g) => g.iter().map(|s| (*s).to_string()).collect(),
            None => vec![w.norm.clone()],
        };
        if !search.contains(&group) {
            search.push(group);
        }
        let generic = GENERIC.contains(&w.norm.as_str()) || lexicon::STOP_WORDS.contains(&w.norm.as_str());
        if !generic && w.kind == WordKind::Word && !descriptors.contains(&w.norm) {
            descriptors.push(w.norm.clone());
        }
    }

    // "Tell me about the swap on 24 May 2025": nothing to search for beyond
    // the date, so the exchange itself is the answer.
    let about_swap =
        words.iter().any(|w| lexicon::SWAP_WORDS.contains(&w.norm.as_str()) || lexicon::is_person_noun(&w.norm));
    // "What happened on 23 May 2025?": everything the bot knows is swaps.
    let dated = periods.iter().any(|p| matches!(p, Period::Day { .. } | Period::Recurring { day: Some(_), .. }));
    let intent =
        if intent == Intent::Search && !periods.is_empty() && descriptors.is_empty() && !quote && (about_swap || dated)
        {
            Intent::Count
        } else {
            intent
        };
    // "the exchange before the one on 19 March 2025".
    let neighbour = words.windows(3).find_map(|w| {
        let refers = w[1].is("the") && ["one", "exchange", "swap"].contains(&w[2].norm.as_str());
        match w[0].norm.as_str() {
            "before" | "preceding" if refers => Some(Neighbour::Before),
            "after" | "following" if refers => Some(Neighbour::After),
            _ => None,
        }
    });

    let mediator = (0..words.len()).find_map(|i| lexicon::mediator_at(&words, i)).map(|(m, _)| m.to_string());

    Question {
        text: raw.trim().to_string(),
        words,
        intent,
        periods,
        recipient,
        reporter,
        each,
        category,
        n_for_n,
        stage,
        whole,
        claim,
        quote,
        speaker,
        as_of,
        mediator,
        neighbour,
        about_agreement,
        descriptors,
        search,
    }
}

/// "last exchange", "first prisoner swap", "the last one".
fn followed_by_swap(words: &[Word], adjective: &str) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        w.is(adjective)
            && words[i + 1..]
                .iter()
                .take(3)
                .take_while(|x| {
                    ["prisoner", "pow", "-", "of", "war"].contains(&x.norm.as_str())
                        || ["exchange", "swap", "one"].contains(&x.norm.as_str())
                })
                .any(|x| ["exchange", "swap", "one"].contains(&x.norm.as_str()))
    })
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

/// The question with typos repaired word by word, keeping everything else.
fn repair(raw: &str, fix: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut last = 0;
    for w in text::words(raw) {
        // Capitalised words are names (places, people) the corpus may not
        // know: repairing "Kherson" to "person" would answer a question
        // nobody asked.
        if w.kind != WordKind::Word || w.capitalized {
            continue;
        }
        if let Some(better) = fix(&w.norm) {
            out.push_str(&raw[last..w.span.start]);
            out.push_str(&better);
            last = w.span.end;
        }
    }
    out.push_str(&raw[last..]);
    out
}

/// The noun after "how many" ("how many drones" → "drones"), skipping
/// adjectives; `None` for "how many were freed" (people, by default).
fn counted_noun(words: &[Word]) -> Option<String> {
    const ADJECTIVES: &[&str] =
        &["wounded", "injured", "seriously", "severely", "more", "of", "the", "prisoner", "pow", "other", "captured"];
    const VERBS: &[&str] =
        &["were", "did", "was", "have", "had", "has", "are", "is", "do", "does", "will", "would", "got", "came"];
    let at = words.windows(2).position(|w| {
        (w[0].is("how") && (w[1].is("many") || w[1].is("much"))) || (w[0].is("number") && w[1].is("of"))
    })?;
    let noun = words[at + 2..].iter().find(|w| {
        w.kind == WordKind::Word && lexicon::nationality(&w.norm).is_none() && !ADJECTIVES.contains(&w.norm.as_str())
    })?;
    (!VERBS.contains(&noun.norm.as_str())).then(|| noun.norm.clone())
}

/// "according to Zelenskyy", "did Russia say", "Kyiv's figures".
fn reporter_of(words: &[Word]) -> Option<Side> {
    let speaker = |w: &Word| -> Option<Side> {
        lexicon::speaker_side(&w.norm).or_else(|| lexicon::side_name(&w.norm)).or_else(|| lexicon::nationality(&w.norm))
    };
    for (i, w) in words.iter().enumerate() {
        if (w.is("according") || w.is("per"))
            && let Some(s) = words[i + 1..].iter().take(4).find_map(speaker)
        {
            return Some(s);
        }
        const REPORTING: &[&str] = &[
            "say",
            "says",
            "said",
            "claim",
            "claims",
            "claimed",
            "report",
            "reported",
            "count",
            "counted",
            "announce",
            "announced",
        ];
        if REPORTING.contains(&w.norm.as_str())
            && let Some(s) = words[i.saturating_sub(3)..i].iter().rev().find_map(speaker)
        {
            return Some(s);
        }
    }
    None
}

/// "Russia got back", "did Ukraine get back", "returned to Ukraine", "did Russia hand over" (→ Ukraine).
fn receiver_of(words: &[Word]) -> Option<Side> {
    for (i, w) in words.iter().enumerate() {
        let Some(side) = lexicon::side_name(&w.norm) else {
            continue;
        };
        let after: Vec<&str> = words[i + 1..].iter().take(3).map(|x| x.norm.as_str()).collect();
        let before: Vec<&str> = words[..i].iter().rev().take(2).map(|x| x.norm.as_str()).collect();
        if after.iter().any(|x| {
            ["get", "got", "gets", "receive", "received", "receives", "recover", "recovered", "welcome", "welcomed"]
                .contains(x)
        }) {
            return Some(side);
        }
        if before.first().is_some_and(|x| *x == "to")
            && before.get(1).is_some_and(|x| ["returned", "home", "back", "released", "handed", "sent"].contains(x))
        {
            return Some(side);
        }
        // "released by Ukraine", "held by Russia": the other side's people.
        if before.first().is_some_and(|x| *x == "by")
            && before
                .get(1)
                .is_some_and(|x| ["returned", "released", "freed", "handed", "sent", "held", "transferred"].contains(x))
        {
            return Some(side.other());
        }
        if after.iter().any(|x| {
            [
                "hand",
                "handed",
                "release",
                "released",
                "free",
                "freed",
                "return",
                "returned",
                "give",
                "gave",
                "send",
                "sent",
                "transfer",
                "transferred",
            ]
            .contains(x)
        }) {
            return Some(side.other());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Question {
        understand(text, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), &|_| None)
    }

    #[test]
    fn intents() {
        let cases = [
            ("How many POWs were swapped on 19 March 2025?", Intent::Count),
            ("How many prisoners did Ukraine get back over the three days of the May 2025 exchange?", Intent::Total),
            ("Who brokered the February 2025 swap?", Intent::Mediator),
            ("Where do freed Russian soldiers get medical checks?", Intent::Where),
            ("When did the 1,000-for-1,000 exchange begin?", Intent::When),
            ("Which exchange was the largest?", Intent::Largest),
            ("What was the most recent exchange?", Intent::Latest),
            ("How many prisoner swaps had there been since 2022 as of March 2025?", Intent::Claim),
            ("How many Ukrainian captives is Russia believed to hold?", Intent::Claim),
            ("How many Ukrainians have been freed in total according to Lubinets?", Intent::Claim),
            ("List every exchange in 2025", Intent::List),
            ("Was the March 2025 exchange bigger than the one in February 2025?", Intent::Compare),
            ("What did Peskov say about Zelensky's readiness for talks?", Intent::Search),
            ("How many drones did Russia launch overnight after the Putin call?", Intent::Search),
            ("How many were freed on the last day of the 1000-for-1000 swap?", Intent::Count),
            ("Tell me about the swap on 24 May 2025", Intent::Count),
            ("Were any Mariupol defenders freed in March 2025?", Intent::Search),
        ];
        for (text, intent) in cases {
            assert_eq!(q(text).intent, intent, "{text}");
        }
    }

    #[test]
    fn sides_reporters_and_categories() {
        let x = q("How many wounded Ukrainians did Russia hand over in March 2025?");
        assert_eq!((x.recipient, x.category), (Some(Side::Ukraine), Some(Category::Wounded)));
        let x = q("How many civilians were among those Russia got back on 23 May 2025?");
        assert_eq!((x.recipient, x.category), (Some(Side::Russia), Some(Category::Civilians)));
        let x = q("How many Ukrainians came home on 30 December 2024 according to Zelenskyy?");
        assert_eq!((x.recipient, x.reporter), (Some(Side::Ukraine), Some(Side::Ukraine)));
        let x = q("How many prisoners did Russia say each side freed on 30 December 2024?");
        assert_eq!((x.reporter, x.each), (Some(Side::Russia), true));
    }

    #[test]
    fn stages_and_patterns() {
        let x = q("How many were freed on the last day of the 1000-for-1000 swap?");
        assert_eq!((x.stage, x.n_for_n), (Some(StageRef::Last), Some(1000)));
        let x = q("How many prisoners did each side release on the first day of the May 2025 exchange?");
        assert_eq!(x.stage, Some(StageRef::Nth(1)));
        assert_eq!(x.periods, [Period::Month { year: 2025, month: 5 }]);
    }

    #[test]
    fn typos_are_repaired_before_reading() {
        let fix = |w: &str| (w == "prisonners").then(|| "prisoners".to_string());
        let x = understand(
            "how many prisonners were swaped in march 2025",
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            &fix,
        );
        assert_eq!(x.intent, Intent::Count);
        assert_eq!(x.periods, [Period::Month { year: 2025, month: 3 }]);
    }

    #[test]
    fn since_and_as_of() {
        let x = q("How many prisoner swaps had there been since 2022 as of March 2025?");
        assert_eq!(x.as_of, Some(Period::Month { year: 2025, month: 3 }));
        assert_eq!(
            x.periods,
            [Period::Span {
                from: NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(),
                to: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
            }]
        );
        assert_eq!(
            q("What did Peskov say about Zelensky's readiness for talks?").speaker,
            Some(vec!["peskov".to_string(), "peskow".to_string()])
        );
    }

    #[test]
    fn descriptors_skip_generic_words() {
        assert_eq!(q("When was the Independence Day prisoner swap?").descriptors, ["independence"]);
    }
}
