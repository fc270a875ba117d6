//! Word lists of the first rule set, still read by the code being replaced
//! by the tagged tables of this module's siblings.

use super::super::text::Word;
use super::{Category, Side};

/// Words that name a side as a state or government (who acts, who says).
pub const SIDE_NAMES: &[(&str, Side)] = &[
    ("russia", Side::Russia),
    ("moscow", Side::Russia),
    ("kremlin", Side::Russia),
    ("ukraine", Side::Ukraine),
    ("kyiv", Side::Ukraine),
    ("kiev", Side::Ukraine),
];

/// Words that give the nationality of people (whose people came home).
pub const NATIONALITIES: &[(&str, Side)] = &[
    ("russian", Side::Russia),
    ("russians", Side::Russia),
    ("ukrainian", Side::Ukraine),
    ("ukrainians", Side::Ukraine),
];

pub fn side_name(norm: &str) -> Option<Side> {
    SIDE_NAMES.iter().find(|(w, _)| *w == norm).map(|(_, s)| *s)
}

pub fn nationality(norm: &str) -> Option<Side> {
    NATIONALITIES.iter().find(|(w, _)| *w == norm).map(|(_, s)| *s)
}

/// Nouns for the people an exchange moves. A number followed (closely) by
/// one of these is a head count.
pub const PERSON_NOUNS: &[&str] = &[
    "prisoners",
    "prisoner",
    "pows",
    "pow",
    "soldiers",
    "soldier",
    "troops",
    "servicemen",
    "servicemembers",
    "personnel",
    "captives",
    "captive",
    "defenders",
    "people",
    "civilians",
    "civilian",
    "fighters",
    "members",
    "ukrainians",
    "russians",
    "detainees",
    "men",
    "women",
    "children",
    "marines",
    "guardsmen",
    "citizens",
    "persons",
    "individuals",
    "servicewomen",
    "combatants",
    "guys",
    "veterans",
];

/// Nouns that, right after a number, make it count something other than
/// living people ("6,000 bodies of dead soldiers", "145 drones", "30 days").
pub const NOT_PEOPLE: &[&str] = &[
    "bodies",
    "body",
    "remains",
    "corpses",
    "dead",
    "killed",
    "drones",
    "missiles",
    "shells",
    "tanks",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "tonnes",
    "tons",
    "dollars",
    "euros",
    "percent",
    "villages",
    "towns",
    "settlements",
    "hospitals",
];

pub fn is_person_noun(norm: &str) -> bool {
    PERSON_NOUNS.contains(&norm) || super::people::PEOPLE.iter().any(|(w, _)| *w == norm)
}

/// Words that put a figure (in a sentence) or a question into a category.
pub const CATEGORY_WORDS: &[(&str, Category)] = &[
    ("wounded", Category::Wounded),
    ("injured", Category::Wounded),
    ("sick", Category::Wounded),
    ("civilians", Category::Civilians),
    ("civilian", Category::Civilians),
    ("citizens", Category::Civilians),
];

pub fn category_word(norm: &str) -> Option<Category> {
    CATEGORY_WORDS.iter().find(|(w, _)| *w == norm).map(|(_, c)| *c)
}

/// Words that say people changed hands.
pub const SWAP_WORDS: &[&str] = &[
    "exchange",
    "exchanged",
    "exchanges",
    "exchanging",
    "swap",
    "swapped",
    "swaps",
    "swapping",
    "trade",
    "traded",
    "trading",
    "release",
    "released",
    "releasing",
    "releases",
    "free",
    "freed",
    "freeing",
    "return",
    "returned",
    "returning",
    "returns",
    "handed",
    "hand",
    "handing",
    "sent",
    "brought",
    "home",
    "back",
    "transferred",
    "transfer",
    "repatriated",
    "received",
    "receive",
    "got",
    "came",
    "come",
    "freedom",
    "captivity",
];

/// Verbs whose subject gives people away ("Moscow returned 175 soldiers").
pub const GIVE_VERBS: &[&str] = &[
    "returned",
    "returns",
    "returning",
    "released",
    "releases",
    "releasing",
    "freed",
    "frees",
    "freeing",
    "handed",
    "hands",
    "handing",
    "sent",
    "sends",
    "sending",
    "transferred",
    "gave",
    "gives",
    "giving",
    "repatriated",
];

/// Verbs whose subject gets people back ("Russia said it had received 270").
pub const RECEIVE_VERBS: &[&str] = &["received", "receives", "receiving", "got", "gets", "welcomed", "recovered"];

/// Words that make a figure distributive: the number went to *each* side.
pub const EACH_WORDS: &[&[&str]] = &[
    &["each"],
    &["apiece"],
    &["both", "sides"],
    &["both", "countries"],
    &["each", "side"],
    &["on", "each", "side"],
    &["of", "their"],
    &["for", "each"],
];

/// Words that make a figure the combined count of both directions.
pub const COMBINED_WORDS: &[&[&str]] =
    &[&["combined"], &["in", "total"], &["total", "of"], &["altogether"], &["in", "all"]];

/// Words that make a figure a plan rather than a fact ("should see 1,000 released").
pub const PLAN_WORDS: &[&str] = &[
    "should",
    "would",
    "will",
    "expected",
    "expects",
    "expect",
    "set",
    "plans",
    "planned",
    "plan",
    "could",
    "might",
    "hopes",
    "proposed",
    "agreed",
    "intends",
    "aims",
    "promised",
    "hope",
    "hoped",
    "hoping",
    "wants",
    "wanted",
    "seeks",
    "sought",
    "aim",
    "aimed",
    "intend",
    "intended",
    "planning",
    "expecting",
    "demanded",
    "offered",
    "proposes",
];

/// Words after a figure that put it in the future ("… 1,000 more people in the coming weeks").
pub const FUTURE_WORDS: &[&str] = &["coming", "next", "later", "soon", "future", "upcoming"];

/// Words that say a sentence is about an earlier exchange than the article's.
pub const EARLIER_WORDS: &[&str] = &["previous", "prior", "preceding", "earlier", "last"];

/// Words before a date that make it the date of something else than the swap
/// ("the offensive on August 6", "since the invasion began in February 2022").
pub const FOREIGN_DATE_WORDS: &[&str] = &[
    "since",
    "offensive",
    "invasion",
    "incursion",
    "began",
    "launched",
    "started",
    "start",
    "invaded",
    "born",
    "captured",
    "elected",
    "signed",
    "talks",
    "mandate",
    "expired",
    "interview",
    "published",
];

/// Mediators, with the names the press uses for them.
pub const MEDIATORS: &[(&str, &[&str])] = &[
    ("United Arab Emirates", &["united arab emirates", "uae", "emirates", "emirati", "abu dhabi"]),
    ("Qatar", &["qatar", "qatari", "doha"]),
    ("Saudi Arabia", &["saudi arabia", "saudi", "riyadh"]),
    ("Turkey", &["turkey", "türkiye", "turkiye", "turkish", "ankara"]),
    ("the Vatican", &["vatican", "holy see", "pope"]),
    ("the United States", &["united states", "us", "washington"]),
    ("the International Committee of the Red Cross", &["red cross", "icrc"]),
];

/// A known mediator named at word `i`: canonical name and length in words.
pub fn mediator_at(words: &[Word], i: usize) -> Option<(&'static str, usize)> {
    for (canonical, aliases) in MEDIATORS {
        for alias in *aliases {
            let parts: Vec<&str> = alias.split(' ').collect();
            let matches = parts.iter().enumerate().all(|(k, p)| words.get(i + k).is_some_and(|w| w.is(p)));
            // "us" is only the United States when written "US".
            let case_ok = *alias != "us" || words.get(i).is_some_and(|w| w.capitalized);
            if matches && case_ok {
                return Some((canonical, parts.len()));
            }
        }
    }
    None
}

/// Places the rules recognise: where released people go, where talks were held.
pub const PLACES: &[&str] = &[
    "Belarus",
    "Istanbul",
    "Turkey",
    "Poland",
    "Minsk",
    "Geneva",
    "Riyadh",
    "Jeddah",
    "Abu Dhabi",
    "Doha",
    "Qatar",
    "Kursk",
    "Mariupol",
    "Chernihiv",
    "Sumy",
    "Kharkiv",
    "Moscow",
    "Kyiv",
    "Belgorod",
    "Bryansk",
    "Azovstal",
    "Snake Island",
    "Crimea",
    "Donetsk",
    "Luhansk",
    "Zaporizhzhia",
    "Odesa",
    "Kherson",
    "Vatican",
    "Helsinki",
    "Alaska",
    "Washington",
];

/// Spelling variants, each group meaning the same thing; the first is canonical.
pub const VARIANTS: &[&[&str]] = &[
    &["zelensky", "zelenskyy", "zelenskiy", "zelenskyi", "zelenski"],
    &["kyiv", "kiev"],
    &["defence", "defense"],
    &["pow", "pows", "prisoner", "prisoners", "captives", "captive"],
    &["swap", "swaps", "swapped", "exchange", "exchanges", "exchanged", "trade", "traded"],
    &["uae", "emirates"],
    &["kharkiv", "kharkov"],
    &["odesa", "odessa"],
    &["zaporizhzhia", "zaporizhia", "zaporozhye"],
    &["peskov", "peskow"],
    &["soldiers", "troops", "servicemen", "fighters"],
];

/// The group of variants a word belongs to, if any.
pub fn variants(norm: &str) -> Option<&'static [&'static str]> {
    VARIANTS.iter().copied().find(|g| g.contains(&norm))
}

/// Small numbers written as words, as articles do for small counts.
pub const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
];

pub fn number_word(norm: &str) -> Option<u64> {
    NUMBER_WORDS.iter().find(|(w, _)| *w == norm).map(|(_, n)| *n)
}

/// Ordinals for stages ("the second day", "third and final stage").
pub const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
    ("5th", 5),
];

pub fn ordinal(norm: &str) -> Option<u32> {
    ORDINALS.iter().find(|(w, _)| *w == norm).map(|(_, n)| *n)
}

/// Nouns for one part of a multi-day exchange.
pub const STAGE_NOUNS: &[&str] = &["stage", "day", "phase", "round", "part", "leg"];

/// Verbs that introduce or close reported speech.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "saying",
    "says",
    "announced",
    "announces",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "wrote",
    "writes",
    "stated",
    "states",
    "told",
    "added",
    "adds",
    "posted",
    "claimed",
    "claims",
    "noted",
    "according",
    "declared",
    "tweeted",
];

/// Speakers named by one word, with the side they speak for and a label.
pub const SPEAKERS: &[(&str, Option<Side>, &str)] = &[
    ("zelensky", Some(Side::Ukraine), "Zelenskyy"),
    ("lubinets", Some(Side::Ukraine), "Ukraine's ombudsman"),
    ("yermak", Some(Side::Ukraine), "Zelenskyy's office"),
    ("budanov", Some(Side::Ukraine), "Ukraine's military intelligence"),
    ("kremlin", Some(Side::Russia), "the Kremlin"),
    ("peskov", Some(Side::Russia), "the Kremlin"),
    ("putin", Some(Side::Russia), "Putin"),
    ("moskalkova", Some(Side::Russia), "Russia's human rights commissioner"),
    ("lavrov", Some(Side::Russia), "Russia's foreign ministry"),
    ("medinsky", Some(Side::Russia), "Russia's negotiator Medinsky"),
    ("trump", None, "Trump"),
];

/// The side a one-word speaker speaks for ("Peskov" → Russia).
pub fn speaker_side(norm: &str) -> Option<Side> {
    let canonical = variants(norm).map_or(norm, |g| g[0]);
    SPEAKERS.iter().find(|(k, _, _)| *k == canonical).and_then(|(_, side, _)| *side)
}

#[rustfmt::skip]
/// Words that carry no meaning in a question or a news sentence. Besides the
/// usual function words this drops question words ("how many", "what did …
/// say") and reporting verbs, which every article sentence has and no
/// question is really about.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "about",
    "from",
    "as",
    "into",
    "than",
    "then",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "it's",
    "there",
    "their",
    "they",
    "them",
    "he",
    "she",
    "his",
    "her",
    "him",
    "we",
    "our",
    "us",
    "you",
    "your",
    "i",
    "me",
    "my",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "do",
    "does",
    "did",
    "doing",
    "has",
    "have",
    "had",
    "having",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "many",
    "much",
    "any",
    "some",
    "all",
    "each",
    "every",
    "also",
    "so",
    "such",
    "not",
    "no",
    "nor",
    "only",
    "own",
    "same",
    "too",
    "very",
    "just",
    "ever",
    "tell",
    "please",
    "say",
    "says",
    "said",
    "saying",
    "told",
    "according",
    "if",
    "while",
    "after",
    "before",
    "over",
    "under",
    "again",
    "further",
    "once",
    "here",
    "both",
    "more",
    "most",
    "other",
    "up",
    "down",
    "out",
    "off",
    "s",
    "t",
    "let",
    "know",
    "get",
    "got",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_answer_lookups() {
        assert_eq!(side_name("kiev"), Some(Side::Ukraine));
        assert_eq!(nationality("russians"), Some(Side::Russia));
        assert_eq!(category_word("injured"), Some(Category::Wounded));
        assert_eq!(variants("zelenskiy").map(|g| g[0]), Some("zelensky"));
        assert_eq!(number_word("two"), Some(2));
        assert_eq!(ordinal("third"), Some(3));
        assert!(is_person_noun("servicemen"));
    }

    #[test]
    fn no_word_is_in_two_variant_groups() {
        let mut seen = std::collections::HashSet::new();
        for group in VARIANTS {
            for w in *group {
                assert!(seen.insert(*w), "{w} is in two variant groups");
            }
        }
    }
}
