//! A question, understood: what is measured, which exchanges it selects,
//! and what filters the answer. Each slot is read on its own (`read`), so
//! "Who brokered the largest exchange?" is a mediator measure with a
//! superlative selector, not one of two competing intents.

use serde::Serialize;

use crate::facts::ClaimKind;
use crate::lang::dates::Period;
use crate::lang::text::Word;
use crate::lang::{Category, Lang, Side};

/// What the asker wants to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// How many people an exchange moved.
    Count,
    /// A sum over several exchanges, or both directions together.
    Total,
    /// When.
    Date,
    /// Who mediated.
    Mediator,
    /// Where prisoners went, where the handover was, where the deal was made.
    Place,
    /// What someone said.
    Quote,
    /// Which person ("Which US citizen was freed …?", "Who announced …?").
    Person,
    /// A claim about the war as a whole ("59 swaps since 2022", "held by Russia").
    Claim,
    /// Which exchanges.
    List,
    /// Two exchanges side by side.
    Compare,
    /// One exchange in full ("What happened on 23 May 2025?", `/exchange`).
    Describe,
    /// The corpus itself (`/sources`).
    Sources,
    /// Anything else: answered from the articles' sentences.
    Search,
}

impl std::fmt::Display for Measure {
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

/// An exchange singled out by rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    Largest,
    Smallest,
    /// The nth from the start (1 = first, earliest) within the periods asked.
    Nth(u32),
    /// The nth from the end (1 = latest).
    NthLast(u32),
}

/// Which exchanges the question is about.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Selectors {
    /// Dates and periods named, in order.
    pub periods: Vec<Period>,
    /// "as of March 2025", "by December 2024": the day a running total is wanted for.
    pub as_of: Option<Period>,
    /// "the 1,000-for-1,000 swap".
    pub n_for_n: Option<u64>,
    /// Head counts named: "When were 108 women freed?", "12 … while moscow got 9".
    pub values: Vec<u64>,
    pub stage: Option<StageRef>,
    pub rank: Option<Rank>,
    pub neighbour: Option<Neighbour>,
    /// "over the three days": the whole multi-day exchange.
    pub whole: bool,
    /// "after the first two days": only the first days of a multi-day exchange.
    pub first_days: Option<u32>,
    /// "lopsided", "one side getting more back than the other".
    pub uneven: bool,
    /// "the biggest gap between Kyiv's and Moscow's figures": a rank by how far the sources'
    /// counts of one side's people differ.
    pub disputed: bool,
    /// Words that describe an exchange beyond dates and numbers ("all-female", "Melitopol mayor").
    pub descriptors: Vec<String>,
    /// "After the 205-for-205 exchange, how many … in total?": a running total as of
    /// the exchange the rest of the question names, whose day only the facts know.
    pub as_of_exchange: bool,
}

impl Selectors {
    /// The question names an exchange of its own: a date, "N-for-N", a
    /// description, a rank, a stage or a head count. One that does not
    /// ("and who brokered it?") is about the exchange of the answer before.
    pub fn names_exchange(&self) -> bool {
        !self.periods.is_empty()
            || self.n_for_n.is_some()
            || !self.descriptors.is_empty()
            || self.rank.is_some()
            || self.stage.is_some()
            || !self.values.is_empty()
    }
}

/// Whose figures, and of whom, the answer should give.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Filters {
    /// Whose people the question counts ("wounded Ukrainians", "Russia got back").
    pub recipient: Option<Side>,
    /// "each side", "both sides", "changed hands": both directions.
    pub both: bool,
    /// Whose figures the asker wants ("according to Zelenskyy", "did Russia say").
    pub reporter: Option<ReporterRef>,
    pub category: Option<Category>,
    /// Words naming the group counted ("women", "officers", "azovstal").
    pub group: Vec<String>,
    /// A mediator the question names ("exchanges the UAE mediated").
    pub mediator: Option<String>,
    /// The question is about bodies of the dead.
    pub bodies: bool,
    /// "the breakdown by service of the 189": the parts of each side's group, listed.
    pub breakdown: bool,
}

/// A speaker the question names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReporterRef {
    pub side: Option<Side>,
    /// The speaker's name as spelt in the question, with its variants ("zelensky", "zelenskyy", …).
    pub names: Vec<String>,
}

/// Where a place question points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceOf {
    /// Where released prisoners were taken.
    Destination,
    /// Where the handover happened.
    Venue,
    /// Where the deal was made.
    Agreement,
    /// Where the freed had been captured.
    Origin,
}

/// A question, understood.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub text: String,
    /// The language the question was asked in, which the reply is written in.
    pub lang: Lang,
    /// The words after typo repair, as the rules saw them.
    #[serde(skip)]
    pub words: Vec<Word>,
    pub measure: Measure,
    pub select: Selectors,
    pub filter: Filters,
    /// What a claim question asks for.
    pub claim: Option<ClaimKind>,
    /// What a place question asks for.
    pub place: PlaceOf,
    /// "31 February 2025": a day that does not exist.
    pub impossible_date: Option<String>,
    /// Search words, each with its spelling variants.
    pub search: Vec<Vec<String>>,
}

impl Question {
    /// A question of this measure about exactly these periods (for `/exchange`, `/exchanges`).
    pub fn of(measure: Measure, periods: Vec<Period>) -> Question {
        Question {
            text: String::new(),
            lang: Lang::En,
            words: Vec::new(),
            measure,
            select: Selectors { periods, ..Selectors::default() },
            filter: Filters::default(),
            claim: None,
            place: PlaceOf::Destination,
            impossible_date: None,
            search: Vec::new(),
        }
    }
}
