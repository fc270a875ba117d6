//! Question understanding: typo repair, then slots read independently of
//! each other — the measure (what is asked: a count, a date, a mediator …),
//! the selectors (which exchanges: dates, "N-for-N", a description, a
//! stage, a rank, a neighbour) and the filters (whose people, by whose
//! count, which group) — into a `Question`.
//!
//! **Architecture invariant:** deterministic; no search, no facts. The same
//! question on the same day always yields the same `Question`.

mod parts;
mod question;
mod read;
mod spelling;

use chrono::NaiveDate;

pub use parts::parts;
pub use question::{Filters, Measure, Neighbour, PlaceOf, Question, Rank, ReporterRef, Selectors, StageRef};
pub use spelling::Spelling;

use self::read::Words;
use crate::facts::ClaimKind;
use crate::lang::lexicon::questions as q;
use crate::lang::lexicon::{self, Act, Tag};
use crate::lang::locale;
use crate::lang::text::{self, WordKind};

/// Reads a question. `today` completes "yesterday", "last week"; `fix`
/// repairs a misspelt word (see `Spelling`).
///
/// A Ukrainian or Russian question is first glossed into the English words
/// the rules read (`lang::gloss`), so it fills the same slots as the English
/// question it translates; `Question::lang` keeps the language for the reply.
pub fn understand(raw: &str, today: NaiveDate, fix: &dyn Fn(&str) -> Option<String>) -> Question {
    let lang = locale::detect(raw).unwrap_or_default();
    let glossed = lang.glossary().map(|g| g.gloss(raw));
    let repaired = repair(glossed.as_deref().unwrap_or(raw), fix);
    let w = Words::new(text::words(&repaired), today);
    let (periods, as_of) = read::periods(&w, today);
    let n_for_n = read::n_for_n(&w.words);
    let stage = read::stage(&w.words);
    let mut select = Selectors {
        periods,
        as_of,
        n_for_n,
        values: read::values(&w, n_for_n),
        stage,
        rank: read::rank(&w, stage),
        neighbour: read::neighbour(&w),
        whole: read::whole(&w) || read::first_days(&w).is_some(),
        first_days: read::first_days(&w),
        uneven: read::uneven(&w),
        disputed: false,
        descriptors: Vec::new(),
        as_of_exchange: false,
    };
    // "as of the Easter 2025 exchange": the exchange its words name gives the day the total
    // runs to ("after the swap of 7 March 2023" names the day itself).
    let day_named = select.periods.iter().any(|p| matches!(p, crate::lang::dates::Period::Day { .. }));
    select.as_of_exchange = select.as_of.is_none() && !day_named && read::total_after_exchange(&w);
    // "which exchange had the biggest gap between Kyiv's and Moscow's figures": a rank by dispute.
    select.disputed = matches!(select.rank, Some(Rank::Largest | Rank::Smallest)) && w.has_any(q::DISPUTE);
    // "the first swap after the 2 October one": the neighbour, not the year's first.
    if select.neighbour.is_some() && select.rank == Some(Rank::Nth(1)) {
        select.rank = None;
    }
    let mut filter = Filters {
        recipient: read::recipient(&w),
        both: read::both(&w),
        reporter: read::reporter(&w),
        category: read::category(&w),
        // "navy sailors": two words, one group.
        group: read::group(&w).into_iter().fold(Vec::new(), |mut g, x| {
            if !g.contains(&x) {
                g.push(x);
            }
            g
        }),
        mediator: read::mediator(&w),
        bodies: read::bodies(&w),
        breakdown: w.has_any(q::BREAKDOWN),
    };
    // "how many civilians vs military were among the 84": both groups, the group's breakdown.
    if filter.group.iter().any(|g| q::CONTRASTS.contains(&g.as_str())) {
        filter.breakdown = true;
        filter.group.clear();
        filter.category = None;
    }
    let search = search_words(&w);
    select.descriptors = descriptors(&w, &filter);
    let claim = read::claim(&w, &select, &filter);
    let measure = measure(&w, &select, &filter, claim);
    if measure == Measure::Quote || measure == Measure::Person {
        // "What did Yermak say …": Yermak is the speaker to find, not a filter on figures.
        filter.recipient = None;
    }
    Question {
        text: raw.trim().to_string(),
        lang,
        impossible_date: crate::lang::dates::impossible(&w.words),
        place: read::place_of(&w),
        words: w.words,
        measure,
        select,
        filter,
        claim: if measure == Measure::Claim { claim } else { None },
        search,
    }
}

/// The measure, by the question's own words, most specific first.
fn measure(w: &Words, s: &Selectors, f: &Filters, claim: Option<ClaimKind>) -> Measure {
    let first = w.first();
    // "give me the numbers for each of the three days of the 1000 for 1000 swap".
    let numbers_asked = claim.is_none() && w.has_any(q::NUMBERS_ASKED) && s.names_exchange();
    let how_many = read::asks_how_many(w) || numbers_asked;
    let says = w.has_any(q::SAY);
    // "What did Peskov say about …", "How did Russia's defence ministry describe …".
    if (first == "what" || first == "how" || first == "why") && says && !how_many {
        return Measure::Quote;
    }
    let lists = w.has("list")
        || (["which", "what"].contains(&first) && w.has_any(&["exchanges", "swaps"]))
        || w.phrase(&["all", "the", "exchanges"])
        || w.phrase(&["every", "exchange"])
        || w.phrase(&["all", "exchanges"])
        || w.phrase(&["all", "swaps"]);
    // "list the civilians ukraine got back on independence day 2025", "name the
    // journalists freed": people, by name, not exchanges.
    let names_asked = (w.has("list") || w.has("name") || w.has("names"))
        && w.tagged(|t| matches!(t, Tag::People(_)))
        && !w.has_any(&["exchanges", "swaps", "breakdown"]);
    if names_asked && !how_many {
        return Measure::Person;
    }
    if lists && !how_many {
        return Measure::List;
    }
    let targets = s.periods.len() + usize::from(s.n_for_n.is_some());
    // "how many more people came home in the jan 2024 swap than in the sept 2022 one".
    let how_many_more = (w.phrase(&["how", "many", "more"]) || w.phrase(&["how", "many", "fewer"])) && w.has("than");
    let compares =
        w.has_any(q::COMPARE) || w.phrase(&["more", "than"]) || (w.has("more") && w.has("or")) || how_many_more;
    if compares && targets >= 2 {
        return Measure::Compare;
    }
    // "compare Kyiv's and Moscow's numbers for the 31 Jan swap", "did Kyiv and
    // Moscow report the same numbers": one exchange, every source's count.
    // "which side got more people back": both sides' counts, side by side.
    let sides_compared = w.phrase(&["which", "side"]) && w.has_any(&["more", "most", "fewer", "less", "bigger"]);
    let balance = w.has_any(q::EVEN) || w.has_any(q::UNEVEN);
    let sources_compared = compares
        || sides_compared
        || balance
        || w.phrase(&["same", "numbers"])
        || w.phrase(&["same", "number"])
        || w.phrase(&["same", "figures"]);
    if sources_compared && targets == 1 && !how_many {
        return Measure::Count;
    }
    // "what total did the UAE give for captives exchanged through its mediation": its tally.
    if claim == Some(ClaimKind::SwappedTotal) {
        return Measure::Claim;
    }
    // "How old was the oldest person freed on 14 August?": ages are in the sentences.
    // Not "When did Ukraine get back 22 soldiers, the oldest of them 54?".
    if (w.has_any(q::AGE) || w.phrase(&["how", "old"]) || w.has_any(q::CHOSEN)) && first != "when" {
        return Measure::Search;
    }
    // "which country mediated getting ukrainian kids home from russia?": children
    // brought home are no prisoner exchange (see `facts`); the sentences tell of them.
    let child = |k: usize| lexicon::people::CHILDREN.contains(&w.words[k].norm.as_str());
    let children = (0..w.words.len()).any(child)
        && !w.tags.iter().any(|t| matches!(t.tag, Tag::People(_)) && !t.words.clone().any(child))
        && !w.tagged(|t| t == Tag::Event)
        && s.values.is_empty()
        && !w.has("among");
    if children {
        return Measure::Search;
    }
    if w.has_any(q::MEDIATE) && (first == "who" || first == "which" || !how_many) && first != "when" {
        return Measure::Mediator;
    }
    let asks_place = first == "where" || w.phrase(&["in", "which", "city"]) || w.phrase(&["in", "which", "country"]);
    // "what was the date of the 115-for-115 swap", "on which date …".
    // "date of the 20-for-20 swap …?": a bare noun phrase asks as much.
    let date_of = (first == "what" || first == "which")
        && (w.phrase(&["the", "date", "of"]) || w.phrase(&["the", "day", "of"]))
        || (first == "date" || first == "day") && w.words.get(1).is_some_and(|x| x.is("of"));
    // "after the 84-person exchange, when was the next swap": a question after a clause.
    let asks_date = first == "when"
        || w.phrase(&["when", "was"])
        || w.phrase(&["when", "did"])
        || date_of
        || w.phrase(&["what", "date"])
        || w.phrase(&["which", "date"])
        || w.phrase(&["which", "day"])
        || w.phrase(&["what", "day"]);
    // "When did the Il-76 go down?", "When did Medinsky say …?": the date
    // or place of something else than a handover; the articles' sentences say.
    if (asks_place || asks_date) && !about_a_handover(w) {
        return Measure::Search;
    }
    if asks_place {
        return Measure::Place;
    }
    // "When did 1,000 bodies come back in October 2025?": a handover of the dead is no
    // exchange of prisoners; its dates are in the claims about bodies. Not "the body of
    // Joshua Jones": one person's, handed over in an exchange.
    if asks_date && matches!(claim, Some(ClaimKind::Bodies(_))) && !s.values.is_empty() {
        return Measure::Claim;
    }
    if asks_date {
        return Measure::Date;
    }
    // "the running total after the 40th exchange": an ordinal naming the exchange it runs to.
    // "which single handover of bodies was the biggest": bodies are ranked among their handovers.
    let bodies_ranked =
        matches!(claim, Some(ClaimKind::Bodies(_))) && matches!(s.rank, Some(Rank::Largest | Rank::Smallest));
    // "After the 47th exchange, what was the ombudsman's total …": the ordinal names the day.
    let total_after_nth = matches!(s.rank, Some(Rank::Nth(n)) if n >= 2)
        && matches!(claim, Some(ClaimKind::ReturnedTotal(_) | ClaimKind::SwappedTotal));
    if claim.is_some() && (s.rank.is_none() || read::running_total(w) || bodies_ranked || total_after_nth) {
        return Measure::Claim;
    }
    // "which officials …", "which two civilians …" ask for people; "which
    // spring 2022 swap brought back the most officers" for an exchange.
    let which_exchange = first == "which"
        && w.words.iter().enumerate().skip(1).find_map(|(i, _)| match w.tag(i) {
            Some(Tag::Event) => Some(true),
            Some(Tag::People(_) | Tag::Act(_)) => Some(false),
            _ => None,
        }) == Some(true);
    if first == "who" || (first == "which" && !which_exchange && w.tagged(|t| matches!(t, Tag::People(_))) && !how_many)
    {
        return Measure::Person;
    }
    // Not "released together with Maksym Butkevych": company, not a sum.
    let totals = w.words.iter().enumerate().any(|(i, x)| {
        q::TOTAL.contains(&x.norm.as_str()) && !(x.is("together") && w.words.get(i + 1).is_some_and(|n| n.is("with")))
    });
    let sums = totals || w.phrase(&["in", "all"]) || s.whole || w.phrase(&["changed", "hands"]);
    // "add up the ukrainians freed in the 6 may, 25 may and 11 june 2023 exchanges".
    if sums && !s.periods.is_empty() && ["add", "sum", "total", "tally", "adding"].contains(&first) {
        return Measure::Total;
    }
    // "did russia get anyone back in june 2023?": a count asked as yes or no
    // (not "were any Mariupol defenders freed", which asks about some of them).
    // "… any civilians?": whether some were, and how many.
    let any_people = first == "any" && w.tagged(|t| matches!(t, Tag::People(_)));
    // "were there women among those returned …?", "mariupol defenders on the last day …?":
    // a group of people asked about with no question of its own is counted.
    let group_asked = !f.group.is_empty() && (w.has("there") || !read::opens_a_question(w));
    let yes_no_count = any_people
        || ["did", "were", "was", "has", "have"].contains(&first)
            && w.tagged(|t| matches!(t, Tag::Act(_)))
            && w.has_any(&["anyone", "any", "anybody"])
            && s.descriptors.is_empty()
            && f.group.is_empty();
    // "How many drones …": not people, so the articles' sentences answer it.
    let things = read::counted_noun(w).is_some_and(|(_, t)| matches!(t, Some(Tag::Thing(_))));
    if (how_many && !things) || yes_no_count || group_asked {
        return if sums { Measure::Total } else { Measure::Count };
    }
    if s.rank.is_some() {
        return Measure::Describe;
    }
    // "Tell me about the swap on 24 May 2025", "What happened on 23 May 2025?".
    let about_swap = w.tagged(|t| matches!(t, Tag::Event | Tag::Act(_) | Tag::People(_)));
    let dated = s.periods.iter().any(|p| {
        matches!(p, crate::lang::dates::Period::Day { .. } | crate::lang::dates::Period::Recurring { day: Some(_), .. })
    });
    if !s.periods.is_empty() && (about_swap || dated) && (s.descriptors.is_empty() || w.has_any(q::DESCRIBE)) {
        return Measure::Describe;
    }
    Measure::Search
}

/// Is the question's verb one of people changing hands ("When were 108
/// women freed?", "when was the first swap of 2023", "where did the 86 for
/// 86 exchange happen") rather than of another event ("When did the Il-76
/// go down?", "When did Medinsky say …")? The verb is the first after the
/// auxiliary ("did", "was", "were"); a question without one asks about
/// what it names.
fn about_a_handover(w: &Words) -> bool {
    let aux = w.words.iter().position(|x| q::AUXILIARIES.contains(&x.norm.as_str()));
    let Some(aux) = aux else { return true };
    // "When did Russia say 94 of its soldiers had been freed?" still asks
    // for a handover's date; "When did Medinsky say talks would go on?" not.
    let mut said = false;
    for (i, x) in w.words.iter().enumerate().skip(aux + 1) {
        // "what day was taira captured": being taken or held is no handover.
        if matches!(w.tag(i), Some(Tag::Act(Act::Capture | Act::Hold))) {
            return false;
        }
        if matches!(w.tag(i), Some(Tag::Act(_) | Tag::Event | Tag::Stage)) {
            return true;
        }
        if q::OTHER_EVENTS.contains(&x.norm.as_str()) {
            return false;
        }
        said |= q::SAY.contains(&x.norm.as_str());
    }
    !said
}

/// Words that describe an exchange beyond dates, numbers, sides and the
/// question's own vocabulary: "Independence Day", "all-female", "Melitopol
/// mayor", "Vatican".
fn descriptors(w: &Words, f: &Filters) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, x) in w.words.iter().enumerate() {
        if x.kind != WordKind::Word || w.in_date(i) {
            continue;
        }
        // "the full-scale war" is the war; "the first full swap" is a kind of swap.
        let full_scale = x.is("full") && w.words.get(i + 2).is_some_and(|n| n.is("scale"));
        let generic = GENERIC.contains(&x.norm.as_str())
            || full_scale
            // "their fourth prisoner exchange": a rank, read as one.
            || crate::lang::numbers::ordinal(&x.norm).is_some()
            || q::is_question_word(&x.norm)
            || lexicon::STOP_WORDS.contains(&x.norm.as_str())
            || q::GENERIC_PEOPLE.contains(&x.norm.as_str())
            || f.group.contains(&x.norm)
            || matches!(
                w.tag(i),
                Some(
                    Tag::State(_)
                        | Tag::Nationality(_)
                        | Tag::Act(_)
                        | Tag::Speech
                        | Tag::Cue(_)
                        | Tag::Kind(_)
                        | Tag::Stage
                        // People words say who was counted, not which exchange ("the crew of the Sapfir").
                        | Tag::People(_)
                )
            );
        if !generic && !out.contains(&x.norm) {
            out.push(x.norm.clone());
        }
        // "the all-for-all exchange": a name made of words that alone say nothing.
        let pattern: Vec<&str> = w.words.iter().skip(i).take(5).map(|y| y.norm.as_str()).collect();
        if let [a, "-", "for", "-", b] = pattern[..]
            && a == b
            && x.kind == WordKind::Word
        {
            out.push(format!("{a}-for-{b}"));
        }
    }
    out
}

/// Search words, each with its spelling variants.
fn search_words(w: &Words) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for (i, x) in w.words.iter().enumerate() {
        if x.kind == WordKind::Punct || w.in_date(i) {
            continue;
        }
        let group: Vec<String> = match lexicon::variants(&x.norm) {
            // "US" (never the pronoun "us") is written "American" and "United States" too.
            _ if x.is("us") && x.capitalized => {
                ["american", "americans", "united", "states"].map(String::from).to_vec()
            }
            Some(g) => g.iter().map(|s| (*s).to_string()).collect(),
            None => vec![x.norm.clone()],
        };
        if !out.contains(&group) {
            out.push(group);
        }
    }
    out
}

/// Words so common in questions about swaps that they describe no exchange
/// in particular. Typo repair also treats them as known words.
#[rustfmt::skip]
pub const GENERIC: &[&str] = &[
    "prisoner", "prisoners", "pow", "pows", "swap", "swaps", "swapped", "exchange", "exchanges", "exchanged",
    "released", "release", "freed", "free", "returned", "return", "came", "come", "home", "back", "soldiers",
    "troops", "people", "captives", "war", "russia", "russian", "russians", "ukraine", "ukrainian", "ukrainians",
    "kyiv", "kiev", "moscow", "side", "sides", "each", "number", "numbers", "figures", "figure", "day", "days", "first", "second", "third", "last",
    "final", "stage", "total", "largest", "biggest", "smallest", "recent", "latest", "earliest", "list", "every",
    "wounded", "civilians", "civilian", "hand", "handed", "get", "got", "getting", "over", "across", "happen",
    "happened", "take", "took", "place", "held", "hold", "did", "traded", "trade", "one", "two", "three", "begin",
    "began", "start", "started", "end", "ended", "bigger", "larger", "smaller", "compare", "brokered", "mediated",
    "broker", "mediator", "agreed", "terms", "according", "say", "said", "defence", "defense", "ministry", "among",
    "those", "year", "month", "week", "many", "much", "how", "when", "where", "who", "what", "which", "was", "were",
    "is", "are", "the", "a", "an", "of", "in", "on", "for", "to", "and", "any", "there", "been", "have", "has", "had",
    "since", "as", "by", "most", "least", "all", "do", "does", "with", "at", "from", "that", "this", "it", "its",
    "their", "they", "more", "than", "between", "tell", "me", "about", "give", "show", "killed", "include", "included",
    "including", "involve", "involved", "occur", "occurred", "believed", "captive", "captivity", "medical", "checks",
    "dates", "date", "servicemen", "fighters", "brought", "received", "injured", "estimated", "altogether", "yo",
    "guys", "anyone", "combined", "changed", "hands", "lopsided", "other", "each", "getting", "deal", "mediate",
    "helped", "help", "figure", "figures", "count", "counted", "match", "say", "went", "go", "taken", "sent",
    "record", "recorded", "ever", "far", "carry", "carried", "conduct", "conducted", "out", "counting", "excluding",
    "adding", "add", "up", "big", "large", "small", "size", "huge", "next", "previous", "followed", "preceded", "prior",
    // "the first proper exchange of the full-scale war": the war, not an exchange's trait.
    "proper", "real", "actual", "actually", "really", "scale", "invasion", "conflict",
    // "on top of the 246", "went the other way", "in the opposite direction": how, not which.
    "top", "way", "ways", "direction", "opposite",
    // "the biggest gap between the figures": a rank by dispute (`q::DISPUTE`), no description.
    "gap", "difference", "discrepancy", "mismatch", "disagreement",
];

/// The question with typos repaired word by word, keeping everything else:
/// chat shorthand first ("wen", "ppl"), then spelling against the corpus.
fn repair(raw: &str, fix: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut last = 0;
    for w in text::words(raw) {
        // Capitalised words are names the corpus may not know: repairing
        // "Kherson" to "person" would answer a question nobody asked.
        if w.kind != WordKind::Word {
            continue;
        }
        if w.capitalized {
            continue;
        }
        let short = q::SHORTHAND.iter().find(|(a, _)| *a == w.norm).map(|(_, b)| (*b).to_string());
        let better = short.or_else(|| fix(&w.norm));
        if let Some(better) = better {
            out.push_str(&raw[last..w.span.start]);
            out.push_str(&better);
            last = w.span.end;
        }
    }
    out.push_str(&raw[last..]);
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_local;
