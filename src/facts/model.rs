//! The structured dataset: exchanges, their figures, and claims about totals.
//! Every fact carries a `Citation`: the article and the verbatim sentence.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::lang::dates::{self, Period};
use crate::lang::{Category, Side};

/// Where a fact was read: the article id and the exact sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Citation {
    pub article: String,
    pub sentence: String,
}

/// Who a figure reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    /// Returned to this side.
    To(Side),
    /// The same number went each way ("150 each", "115 apiece").
    Each,
    /// Both directions together ("a combined 372").
    Combined,
}

impl Recipient {
    /// Does a figure for `self` count people returned to `side`?
    pub fn reaches(self, side: Side) -> bool {
        matches!(self, Recipient::To(s) if s == side) || self == Recipient::Each
    }
}

/// Who made a statement: a side's official voice, a mediator, or the outlet itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Reporter {
    /// The side the speaker speaks for, if any.
    pub side: Option<Side>,
    /// How a reply names the speaker: "Russia's Defence Ministry", "Zelenskyy", "AFP".
    pub name: String,
}

impl Reporter {
    /// A speaker not yet known ("It said …"): the reader fills in the one before.
    pub fn pending() -> Reporter {
        Reporter { side: None, name: String::new() }
    }

    pub fn is_pending(&self) -> bool {
        self.name.is_empty()
    }
}

/// How sure the reading of a figure is. Only `High` and `Medium` figures
/// become part of an exchange; a reply never states a `Low` one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// One head count in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub value: u64,
    /// The number as written ("1,000", "two", "the same number"): `powbot check` finds it in the sentence.
    pub text: String,
    /// "more than", "nearly", "at least" when the number is not exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approx: Option<String>,
    pub recipient: Recipient,
    pub category: Category,
    /// Words that say who the counted people are ("women", "officers",
    /// "azovstal"): subgroup questions match on them.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub terms: Vec<String>,
    /// Counted within a larger figure of its exchange ("132 men and eight
    /// women" of 140; "including 20 seriously wounded"), so never added to it.
    pub part: bool,
    pub reporter: Reporter,
    pub confidence: Confidence,
    pub cite: Citation,
}

impl Figure {
    /// Does this figure count people of the group a question names? Every
    /// word asked for must be among the figure's own words, but one of three
    /// or more ("the interior ministry system" is "the interior ministry").
    pub fn describes(&self, words: &[String]) -> bool {
        use crate::lang::lexicon::people::group_term;
        let found = words.iter().filter(|w| self.terms.iter().any(|t| same_term(group_term(t), group_term(w)))).count();
        let spare = usize::from(words.len() >= 3);
        found + spare >= words.len()
    }
}

/// "women" ~ "woman", "officers" ~ "officer", "defenders" ~ "defender".
fn same_term(a: &str, b: &str) -> bool {
    let stem = |x: &str| -> String {
        let x = x.strip_suffix("men").map(|r| format!("{r}man")).unwrap_or_else(|| x.to_string());
        x.trim_end_matches('s').to_string()
    };
    a == b || stem(a) == stem(b)
}

/// A fact that is a name rather than a number: a mediator, a destination, an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attributed {
    pub value: String,
    pub cite: Citation,
}

/// A day (or only a month) an exchange took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ExchangeDate {
    Day(NaiveDate),
    /// Only the month is known ("the previous swap, in mid-October").
    Month {
        year: i32,
        month: u32,
    },
}

impl ExchangeDate {
    /// The stable id of the exchange: "2025-03-19" or "2024-10".
    pub fn id(&self) -> String {
        match self {
            ExchangeDate::Day(d) => d.format("%Y-%m-%d").to_string(),
            ExchangeDate::Month { year, month } => format!("{year}-{month:02}"),
        }
    }

    pub fn label(&self) -> String {
        self.period().label()
    }

    pub fn period(&self) -> Period {
        match *self {
            ExchangeDate::Day(date) => Period::Day { date },
            ExchangeDate::Month { year, month } => Period::Month { year, month },
        }
    }

    pub fn bounds(&self) -> (NaiveDate, NaiveDate) {
        match *self {
            ExchangeDate::Day(d) => (d, d),
            ExchangeDate::Month { year, month } => dates::month_bounds(year, month).unwrap_or_default(),
        }
    }

    /// The day to sort by (the first of the month for month-only dates).
    pub fn sort_key(&self) -> NaiveDate {
        self.bounds().0
    }

    pub fn from_period(p: &Period) -> Option<ExchangeDate> {
        match *p {
            Period::Day { date } => Some(ExchangeDate::Day(date)),
            Period::Month { year, month } => Some(ExchangeDate::Month { year, month }),
            // "mid-October": the swap happened that month, day unknown.
            Period::Span { from, to } if from.year() == to.year() && from.month() == to.month() => {
                Some(ExchangeDate::Month { year: from.year(), month: from.month() })
            }
            _ => None,
        }
    }
}

/// One part of a multi-day exchange ("the second day", "third and last stage").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub number: u32,
    /// The stage is said to be the last one.
    pub last: bool,
    pub cite: Citation,
}

/// One exchange of prisoners on one day, merged from every article that reports it.
#[derive(Debug, Clone, Serialize)]
pub struct Exchange {
    pub id: String,
    pub date: ExchangeDate,
    pub figures: Vec<Figure>,
    pub mediators: Vec<Attributed>,
    /// Where released prisoners were taken ("Belarus").
    pub destinations: Vec<Attributed>,
    /// Where the handover took place ("the Ukrainian-Belarusian border").
    pub venues: Vec<Attributed>,
    /// Where the freed had been captured ("the Kursk region").
    pub origins: Vec<Attributed>,
    /// The talks or deal the exchange implements ("talks in Istanbul on 16 May 2025").
    pub agreements: Vec<Attributed>,
    /// Sentences saying the exchange took place, for exchanges reported with no head count.
    pub reports: Vec<Citation>,
    pub stage: Option<Stage>,
    /// Id of the multi-day series it belongs to.
    pub series: Option<String>,
    /// Article ids that report it.
    pub sources: Vec<String>,
}

/// Consecutive days of one agreed exchange ("1,000 for 1,000 over three days").
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub id: String,
    /// Exchange ids, first day first.
    pub exchanges: Vec<String>,
    /// Running totals reported at its end ("each side has now handed over 1,000").
    pub totals: Vec<Figure>,
    /// What was agreed in advance ("1,000 prisoners released on each side over three days").
    pub planned: Vec<Figure>,
}

impl Series {
    /// Which day of the series exchange `id` is, from 1, by date: "day 3 of 3" is
    /// the series' own order, whatever stage number a report gave.
    pub fn day_of(&self, id: &str) -> Option<usize> {
        self.exchanges.iter().position(|x| x == id).map(|k| k + 1)
    }
}

/// What a claim about the war as a whole counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "side", rename_all = "snake_case")]
pub enum ClaimKind {
    /// How many exchanges have taken place.
    SwapCount,
    /// How many people have been returned to a side, in all.
    ReturnedTotal(Side),
    /// How many people have changed hands in all, both ways counted together:
    /// "1,994 captives have now been exchanged through its efforts", as a
    /// mediator tallies them.
    SwappedTotal,
    /// How many of a side's people the other side holds.
    Held(Side),
    /// How many bodies of the fallen a side received.
    Bodies(Side),
    /// How many a deal, plan or hope would free ("agreed to exchange 1,000
    /// each", "Kyiv hopes to free 1,200"): never an exchange figure.
    Planned(Recipient),
}

impl ClaimKind {
    /// Does a claim of kind `self` answer a question asking for `asked`? A
    /// plan asked about matches whoever it would free.
    pub fn answers(self, asked: ClaimKind) -> bool {
        self == asked || matches!((self, asked), (ClaimKind::Planned(_), ClaimKind::Planned(_)))
    }
}

/// What stretch of time a running total covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "scope", rename_all = "snake_case")]
pub enum Scope {
    /// Since the full-scale invasion ("since February 2022").
    War,
    /// Since a later day ("since the start of the year").
    Since { from: NaiveDate },
    /// A recent stretch ("over the past week").
    Recent { from: NaiveDate },
    /// The stages of one multi-day exchange or deal ("across all the stages", "each side has now handed over").
    Stages,
    /// Stated as of a day, without saying since when.
    Unstated,
    /// One handover, on the day the claim is dated: "1,000 bodies were returned today".
    Day,
}

/// A claim about totals, with who claims it and as of when.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claim {
    pub kind: ClaimKind,
    pub scope: Scope,
    pub low: u64,
    /// Upper end of a range ("between 8,000 and 10,000").
    pub high: Option<u64>,
    /// The number(s) as written.
    pub text: String,
    pub approx: Option<String>,
    pub reporter: Reporter,
    pub as_of: NaiveDate,
    pub cite: Citation,
}

impl Exchange {
    /// Every citation that places a fact on this exchange (its origins aside: where the freed
    /// were captured says nothing of which swap a sentence reports).
    pub fn citations(&self) -> impl Iterator<Item = &Citation> {
        self.figures
            .iter()
            .map(|f| &f.cite)
            .chain(&self.reports)
            .chain(
                self.mediators
                    .iter()
                    .chain(&self.destinations)
                    .chain(&self.venues)
                    .chain(&self.agreements)
                    .map(|a| &a.cite),
            )
            .chain(self.stage.iter().map(|s| &s.cite))
    }
}

/// The whole dataset.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts {
    /// Oldest first.
    pub exchanges: Vec<Exchange>,
    pub series: Vec<Series>,
    pub claims: Vec<Claim>,
    /// Who speaks which sentence, for "What did X say …?".
    #[serde(skip)]
    pub speakers: Speakers,
    /// Built once by `reindex` after merging: answering looks exchanges up by id and by
    /// article instead of scanning all of them for every hit (at 4,000 articles a question
    /// about "the Qatar swap" once took 3.8 s, comparing every article with every citation).
    #[serde(skip)]
    lookup: Lookup,
}

/// Exchanges by id and by the articles that cite them.
#[derive(Debug, Clone, Default)]
struct Lookup {
    by_id: std::collections::HashMap<String, usize>,
    /// Article id → exchanges citing it, in dataset order.
    by_article: std::collections::HashMap<String, Vec<usize>>,
    /// Article id → the exchange it is about (see `Facts::sole_exchange`).
    sole: std::collections::HashMap<String, usize>,
}

/// Speakers of sentences: article id → (paragraph, sentence) → speaker, and the other way.
#[derive(Debug, Clone, Default)]
pub struct Speakers {
    by_article: std::collections::HashMap<String, std::collections::HashMap<(usize, usize), String>>,
    /// Speaker in lower case → the sentences they speak, in the order read: "What did X
    /// say" looks through the few distinct speakers, not every sentence of the corpus.
    by_speaker: std::collections::HashMap<String, Vec<(String, usize, usize)>>,
}

impl Speakers {
    pub fn insert(&mut self, article: &str, paragraph: usize, sentence: usize, speaker: String) {
        let key = speaker.to_lowercase();
        if let Some(old) =
            self.by_article.entry(article.to_string()).or_default().insert((paragraph, sentence), speaker)
        {
            // A sentence has one speaker: the last one said, in both maps.
            let old = old.to_lowercase();
            if old == key {
                return;
            }
            if let Some(list) = self.by_speaker.get_mut(&old) {
                list.retain(|(a, p, s)| !(a == article && *p == paragraph && *s == sentence));
            }
        }
        self.by_speaker.entry(key).or_default().push((article.to_string(), paragraph, sentence));
    }
}

impl Facts {
    /// The dataset with its lookups built; every way of making `Facts` ends here.
    pub fn new(exchanges: Vec<Exchange>, series: Vec<Series>, claims: Vec<Claim>, speakers: Speakers) -> Facts {
        let mut facts = Facts { exchanges, series, claims, speakers, lookup: Lookup::default() };
        facts.reindex();
        facts
    }

    /// Rebuilds the lookups after `exchanges` changed.
    pub fn reindex(&mut self) {
        let mut lookup = Lookup::default();
        // Article → (exchange, citations of it), exchanges in order.
        let mut counts: std::collections::HashMap<&str, Vec<(usize, usize)>> = std::collections::HashMap::new();
        for (i, e) in self.exchanges.iter().enumerate() {
            lookup.by_id.entry(e.id.clone()).or_insert(i);
            for c in e.citations() {
                let per = counts.entry(c.article.as_str()).or_default();
                match per.last_mut() {
                    Some((j, n)) if *j == i => *n += 1,
                    _ => per.push((i, 1)),
                }
            }
        }
        for (article, per) in counts {
            let total: usize = per.iter().map(|(_, n)| n).sum();
            // The last of equal maxima, as `Iterator::max_by_key` picks.
            let best = per.iter().copied().reduce(|a, b| if b.1 >= a.1 { b } else { a });
            if let Some((i, n)) = best.filter(|(_, n)| n * 3 >= total * 2) {
                let _ = n;
                lookup.sole.insert(article.to_string(), i);
            }
            lookup.by_article.insert(article.to_string(), per.into_iter().map(|(i, _)| i).collect());
        }
        self.lookup = lookup;
    }

    /// The exchange an article is about, when it is about one: the exchange holding at least
    /// two thirds of the article's citations (a roundup or an op-ed is about none).
    pub fn sole_exchange(&self, article: &str) -> Option<&Exchange> {
        self.lookup.sole.get(article).and_then(|&i| self.exchanges.get(i))
    }

    /// The exchange the sentence at `at` of `article` is about: that of the nearest
    /// sentence of its paragraph, at or before it, that one exchange alone cites ("It
    /// also brought back eight Ukrainian civilians. Among them were Dmytro Khyliuk …"),
    /// in an article that reports several; else the one the article is about.
    pub fn exchange_at(&self, article: &crate::corpus::Article, at: (usize, usize)) -> Option<&Exchange> {
        let citing: Vec<&Exchange> = self.citing_article(&article.id).collect();
        if citing.len() < 2 {
            return self.sole_exchange(&article.id);
        }
        let of = |text: &str| {
            let mut by = citing.iter().filter(|e| e.citations().any(|c| c.article == article.id && c.sentence == text));
            match (by.next(), by.next()) {
                (Some(e), None) => Some(*e),
                _ => None,
            }
        };
        article
            .sentences()
            .take_while(|(p, s, _)| (*p, *s) <= at)
            .filter(|(p, _, _)| *p == at.0)
            .filter_map(|(_, _, text)| of(text))
            .last()
            .or_else(|| self.sole_exchange(&article.id))
    }

    /// Exchanges that cite `article`, in dataset order.
    pub fn citing_article<'a>(&'a self, article: &str) -> impl Iterator<Item = &'a Exchange> + 'a {
        let found = self.lookup.by_article.get(article).map_or(&[][..], Vec::as_slice);
        found.iter().filter_map(|&i| self.exchanges.get(i))
    }

    /// Who speaks a sentence, when it names or points back to its speaker.
    pub fn speaker_of(&self, article: &str, paragraph: usize, sentence: usize) -> Option<&str> {
        self.speakers.by_article.get(article)?.get(&(paragraph, sentence)).map(String::as_str)
    }

    /// Every sentence whose speaker's name holds one of `names` (lower case).
    pub fn sentences_spoken_by<'a>(
        &'a self,
        names: &'a [String],
    ) -> impl Iterator<Item = (&'a str, usize, usize)> + 'a {
        let mut said: Vec<(&str, usize, usize)> = self
            .speakers
            .by_speaker
            .iter()
            .filter(|(who, _)| names.iter().any(|n| who.contains(n.as_str())))
            .flat_map(|(_, said)| said.iter().map(|(a, p, s)| (a.as_str(), *p, *s)))
            .collect();
        // One order whatever the maps' order: by article, then position.
        said.sort_unstable();
        said.dedup();
        said.into_iter()
    }

    pub fn exchange(&self, id: &str) -> Option<&Exchange> {
        match self.lookup.by_id.get(id) {
            Some(&i) => self.exchanges.get(i).filter(|e| e.id == id),
            // Lookups not built (a dataset assembled by hand, in a test): scan.
            None if self.lookup.by_id.is_empty() => self.exchanges.iter().find(|e| e.id == id),
            None => None,
        }
    }

    pub fn series_of(&self, exchange: &Exchange) -> Option<&Series> {
        let id = exchange.series.as_deref()?;
        self.series.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::Series;

    #[test]
    fn a_series_day_is_its_place_in_the_series_not_a_reported_stage_number() {
        let s = Series {
            id: "2025-05-24..2025-05-25".into(),
            exchanges: vec!["2025-05-24".into(), "2025-05-25".into()],
            totals: Vec::new(),
            planned: Vec::new(),
        };
        assert_eq!((s.day_of("2025-05-25"), s.day_of("2025-05-23")), (Some(2), None));
    }
}
