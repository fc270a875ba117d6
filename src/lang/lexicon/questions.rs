//! Words of questions: what they ask for and how people type them.

/// Chat shorthand and short typos, repaired before anything else reads the
/// question: "wen did kyiv get back 12 ppl".
pub const SHORTHAND: &[(&str, &str)] = &[
    ("wen", "when"),
    // "whats the uae's running total": a contraction typed without its apostrophe.
    ("whats", "what is"),
    ("whos", "who is"),
    ("wheres", "where is"),
    ("wer", "were"),
    ("ppl", "people"),
    ("pls", "please"),
    ("plz", "please"),
    ("abt", "about"),
    ("u", "you"),
    ("r", "are"),
    ("ur", "your"),
    ("govt", "government"),
    ("ukr", "Ukraine"),
    ("rus", "Russia"),
    ("ua", "Ukraine"),
    ("ru", "Russia"),
    ("mod", "defence ministry"),
    ("xchange", "exchange"),
    ("swp", "swap"),
    ("nr", "number"),
    ("num", "number"),
    ("tot", "total"),
    ("w/", "with"),
];

/// Words that name prisoners in general, never a subgroup: "how many
/// prisoners", "how many guys came back", "how many had defended Azovstal".
pub const GENERIC_PEOPLE: &[&str] = &[
    "prisoners",
    "prisoner",
    "pows",
    "pow",
    "captives",
    "captive",
    "soldiers",
    "soldier",
    "troops",
    "servicemen",
    "service",
    "members",
    "member",
    "personnel",
    "people",
    "persons",
    "individuals",
    "guys",
    "folks",
    "fighters",
    "defenders",
    "defender",
    "defended",
    "defend",
    "fought",
    "returnees",
    "freed",
    "released",
    "war",
    "ukrainians",
    "russians",
    "ukrainian",
    "russian",
    "citizens",
    "nationals",
    "anyone",
    "everyone",
    "them",
    "those",
    // "missing in action" names the missing.
    "action",
];

/// Words after "how many" that are not the counted noun.
pub const COUNT_FILLER: &[&str] = &[
    "of",
    "the",
    "more",
    "other",
    "in",
    "total",
    "all",
    "were",
    "was",
    "did",
    "do",
    "does",
    "had",
    "have",
    "has",
    "are",
    "is",
    "will",
    "would",
    "got",
    "came",
    "come",
    "captured",
    "seriously",
    "severely",
    "badly",
    "heavily",
];

/// Words that make a question compare: "bigger than", "did more … or …".
pub const COMPARE: &[&str] = &[
    "compare",
    "compared",
    "comparison",
    "versus",
    "vs",
    "bigger",
    "larger",
    "smaller",
    "fewer",
    "match",
    "matches",
    "differ",
    "difference",
];

/// Words of a question that say nothing of what it is about, so the search
/// neither looks for them nor counts them as matched: "what's the weather
/// going to be in Kyiv tomorrow" is not answered by "coverage continues tomorrow".
pub const NOT_SEARCHED: &[&str] = &["going", "gonna", "tomorrow", "tonight", "today", "yesterday", "anyway"];

/// Subjects the bot never covers, whatever a page's furniture says of them
/// ("the weather for the week ahead" in a radio bulletin): "what's the weather
/// in kyiv tomorrow" is not answered from it. A question that also names people
/// freed or a swap is on topic.
pub const OFF_TOPIC: &[&str] = &[
    "weather",
    "forecast",
    "temperature",
    "rain",
    "snow",
    "recipe",
    "haiku",
    "poem",
    "joke",
    "horoscope",
    "bitcoin",
    "stocks",
    "lottery",
    "movie",
    "song",
    "lyrics",
];

/// Words that ask for a sum: "altogether", "in total", "combined".
pub const TOTAL: &[&str] =
    &["total", "altogether", "combined", "overall", "sum", "together", "adding", "add", "added", "tally", "tallied"];

/// Words that ask about a plan, not an exchange that happened: "how many
/// does Kyiv hope to free", "who announced the plan to free 1,200".
pub const PLAN: &[&str] = &[
    "hope", "hopes", "hoped", "hoping", "plan", "plans", "planned", "planning", "aim", "aims", "intend", "intends",
    "intended", "promise", "promised", "promises", "pledge", "pledged",
];
/// Phrases of the same: "the sides had agreed to exchange", "are to be freed".
/// Words that ask how old someone was: "how old was the oldest …", "youngest
/// soldier freed on 26 June - how old?". No figure of an exchange answers them;
/// the sentences that give ages do.
/// Words that open a yes/no question or carry a question's verb: "Did Russia
/// actually hand over …?", "When were 108 women freed?".
pub const AUXILIARIES: &[&str] = &["did", "does", "do", "was", "were", "is", "are", "had", "has", "have"];

/// Asking for the parts of a group: "give me the breakdown by service of the 189",
/// "how were they split by branch".
/// Words that set two groups side by side, asking for both: "how many civilians vs
/// military were among the 84", "officers vs privates/sergeants among the 205".
pub const CONTRASTS: &[&str] = &["vs", "versus"];

pub const BREAKDOWN: &[&str] = &["breakdown", "broken", "split", "branch", "branches", "service", "services"];

/// Asking for an exchange's figures without "how many": "give me the numbers for
/// each of the three days", "what were the figures for the 19 March swap".
pub const NUMBERS_ASKED: &[&str] =
    &["number", "numbers", "figures", "figure", "tally", "tallies", "headcount", "headcounts"];

pub const AGE: &[&str] = &["oldest", "youngest", "age", "aged"];

/// Words that ask what a group was chosen from, not how many were freed: "out of
/// roughly how many prisoners were the Ukrainians picked?" The sentences say.
pub const CHOSEN: &[&str] = &["picked", "selected", "chosen", "pool"];

/// Words that ask about the deal behind a swap rather than the swap: "when was
/// the 1000-for-1000 deal agreed", "where did the delegations agree to it".
pub const AGREED: &[&str] = &["agree", "agreed", "agreement", "negotiated", "struck"];

/// "the 23 wounded putin talked about in march 2025": a figure promised, as phrases.
pub const PLAN_PHRASES: &[&[&str]] = &[
    &["agreed", "to"],
    &["agree", "to"],
    &["agreeing", "to"],
    &["to", "be", "exchanged"],
    &["to", "be", "freed"],
    &["talked", "about"],
    &["talked", "of"],
    &["spoke", "of"],
    &["spoke", "about"],
    &["spoken", "of"],
];

/// Words that rank exchanges by size.
pub const LARGEST: &[&str] = &["largest", "biggest", "greatest", "most"];
pub const SMALLEST: &[&str] = &["smallest", "fewest", "least"];
/// Words that rank exchanges in time.
pub const LATEST: &[&str] = &["latest", "newest", "last", "recent", "lastest"];
pub const EARLIEST: &[&str] = &["earliest", "first", "oldest"];

/// Words that make a question about a mediator.
/// Who a mediator question asks for: "Which country's president helped …".
pub const MEDIATOR_ASKED: &[&str] = &["country", "countries", "nation", "state", "government"];

pub const MEDIATE: &[&str] = &[
    "brokered",
    "broker",
    "brokers",
    "mediated",
    "mediate",
    "mediator",
    "mediators",
    "mediation",
    "facilitated",
    "helped",
    "help",
    "arranged",
    "arrange",
    "organised",
    "organized",
    "go-between",
    "intermediary",
];

/// Verbs of "what did X say": a quote is wanted.
pub const SAY: &[&str] = &[
    "say",
    "said",
    "says",
    "react",
    "reacted",
    "describe",
    "described",
    "call",
    "called",
    "respond",
    "responded",
    "write",
    "wrote",
    "tell",
    "told",
    "announce",
    "announced",
    "claim",
    "claimed",
    "explain",
    "explained",
    "comment",
    "commented",
];

/// "the biggest gap between Kyiv's and Moscow's figures": sources that disagree, ranked by how far.
pub const DISPUTE: &[&str] = &["gap", "difference", "discrepancy", "mismatch", "disagreement"];

/// "lopsided", "uneven": one side got more back than the other.
pub const UNEVEN: &[&str] =
    &["lopsided", "uneven", "unequal", "imbalanced", "unbalanced", "asymmetric", "asymmetrical"];

/// "was the 4 feb 2023 swap an even trade?": whether one exchange was balanced,
/// asked of its two sides' counts.
pub const EVEN: &[&str] = &["even", "equal", "balanced", "symmetric", "symmetrical", "fair"];

/// Where: what kind of place is asked for.
pub const PLACE_DESTINATION: &[&str] = &[
    "taken",
    "go",
    "goes",
    "went",
    "sent",
    "flown",
    "treated",
    "treatment",
    "medical",
    "checks",
    "now",
    "brought",
    "transferred",
];
pub const PLACE_AGREEMENT: &[&str] = &["agreed", "terms", "negotiated", "deal", "talks", "agreement", "negotiations"];
pub const PLACE_VENUE: &[&str] = &["happen", "happened", "held", "place", "carried", "conducted", "handover", "handed"];

/// Verbs of events a question may ask the date or place of that are not a
/// handover: "When did the Il-76 go down?", "Where did it crash?".
pub const OTHER_EVENTS: &[&str] = &[
    "crash",
    "crashed",
    "down",
    "publish",
    "published",
    "post",
    "posted",
    "sign",
    "signed",
    "meet",
    "met",
    "die",
    "died",
    "attack",
    "attacked",
    "shoot",
    "shot",
    "strike",
    "struck",
    "arrest",
    "arrested",
    "capture",
    "captured",
    "seize",
    "seized",
    "fall",
    "fell",
    "begin",
    "start",
    // "Where did Qatar host the twenty families?", "Where was he born?".
    "host",
    "hosted",
    "stay",
    "stayed",
    "live",
    "lived",
    "born",
    "visit",
    "visited",
    "gather",
    "gathered",
    "treated",
    "buried",
];

/// Words of "what happened", "tell me about": the exchange itself.
pub const DESCRIBE: &[&str] = &["happened", "happen", "describe", "details", "about"];

/// Is this a word of how questions are put ("together", "biggest", "say"),
/// rather than of what they are about?
pub fn is_question_word(norm: &str) -> bool {
    [
        COMPARE,
        TOTAL,
        LARGEST,
        SMALLEST,
        LATEST,
        EARLIEST,
        MEDIATE,
        SAY,
        UNEVEN,
        EVEN,
        PLACE_DESTINATION,
        PLACE_AGREEMENT,
        PLACE_VENUE,
        DESCRIBE,
        COUNT_FILLER,
    ]
    .iter()
    .any(|table| table.contains(&norm))
}
