//! One sentence of an article, analysed once: words, tags, dates, clauses.

use std::ops::Range;

use chrono::NaiveDate;

use super::clause;
use crate::lang::dates::{self, Anchor, DateMention};
use crate::lang::gazetteer::{self, Tagged};
use crate::lang::lexicon::{Act, Cue, Tag};
use crate::lang::text::{self, Word};

/// A sentence with everything the reading rules look at.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub words: Vec<Word>,
    pub tags: Vec<Tagged>,
    /// For each word, the index in `tags` of the tag that covers it.
    tag_at: Vec<Option<usize>>,
    /// Date mentions, each marked when it dates something other than an
    /// exchange ("captured in April 2022", "the June 2 talks").
    pub dates: Vec<(DateMention, bool)>,
    /// Clauses as word ranges, in order; they cover the sentence.
    pub clauses: Vec<Range<usize>>,
    /// Paragraph and sentence position in the article.
    pub paragraph: usize,
    pub position: usize,
}

impl<'a> Sentence<'a> {
    /// Analyses `text`; `today` completes "on Friday", "yesterday".
    pub fn new(text: &'a str, today: NaiveDate, paragraph: usize, position: usize) -> Sentence<'a> {
        let words = text::words(text);
        let tags = gazetteer::tag(&words);
        let mut tag_at = vec![None; words.len()];
        for (k, t) in tags.iter().enumerate() {
            for i in t.words.clone() {
                tag_at[i] = Some(k);
            }
        }
        let mut s = Sentence { text, words, tags, tag_at, dates: Vec::new(), clauses: Vec::new(), paragraph, position };
        s.dates = dates::find(&s.words, Anchor::Published(today))
            .into_iter()
            .filter(|m| !s.counts_people_at(m) && !s.quoted_relative_day(m) && !s.dateline(m))
            .map(|m| {
                let foreign = s.foreign_date(&m);
                (m, foreign)
            })
            .collect();
        s.clauses = clause::split(&s);
        s
    }

    /// The tag covering word `i`, if any.
    pub fn tag(&self, i: usize) -> Option<Tag> {
        self.tag_at.get(i).copied().flatten().map(|k| self.tags[k].tag)
    }

    /// The tagged span covering word `i`.
    pub fn tagged(&self, i: usize) -> Option<&Tagged> {
        self.tag_at.get(i).copied().flatten().map(|k| &self.tags[k])
    }

    /// Tags that start within `range`, with their spans.
    pub fn tags_in(&self, range: Range<usize>) -> impl Iterator<Item = &Tagged> {
        self.tags.iter().filter(move |t| range.contains(&t.words.start))
    }

    pub fn has(&self, range: Range<usize>, pred: impl Fn(Tag) -> bool) -> bool {
        self.tags_in(range).any(|t| pred(t.tag))
    }

    pub fn has_act(&self, range: Range<usize>, act: Act) -> bool {
        self.has(range, |t| t == Tag::Act(act))
    }

    pub fn has_cue(&self, range: Range<usize>, cue: Cue) -> bool {
        self.has(range, |t| t == Tag::Cue(cue))
    }

    /// Words `from..to`, empty where the range is out of order or out of
    /// bounds (a noun phrase may run past the end of its clause).
    pub fn slice(&self, from: usize, to: usize) -> &[Word] {
        self.words.get(from..to.min(self.words.len())).unwrap_or(&[])
    }

    pub fn is(&self, i: usize, norm: &str) -> bool {
        self.words.get(i).is_some_and(|w| w.is(norm))
    }

    /// The clause holding word `i`.
    pub fn clause_of(&self, i: usize) -> Range<usize> {
        self.clauses.iter().find(|c| c.contains(&i)).cloned().unwrap_or(0..self.words.len())
    }

    /// Dates that can date an exchange, with their positions.
    pub fn own_dates(&self) -> impl Iterator<Item = &DateMention> {
        self.dates.iter().filter(|(_, foreign)| !foreign).map(|(m, _)| m)
    }

    /// Does the date at word `k` date a speech verb just before it ("said on
    /// Thursday", "announced late on Wednesday"), rather than what was said?
    pub fn dates_a_statement(&self, k: usize) -> bool {
        (k.saturating_sub(4)..k).rev().find(|&j| self.tag(j) == Some(Tag::Speech)).is_some_and(|v| {
            (v + 1..k).all(|j| ["on", "late", "early", "in", "the", ","].contains(&self.words[j].norm.as_str()))
        })
    }

    /// "“Another 115 of our defenders have returned home today,” Zelensky
    /// wrote", in a report two days later: a quotation's "today" is the day
    /// it was said, not the day the article was published. Such a date is
    /// left out; the paragraph or the article's exchange dates the count.
    fn quoted_relative_day(&self, m: &DateMention) -> bool {
        let relative = m.words.clone().all(|k| RELATIVE_DAYS.contains(&self.words[k].norm.as_str()));
        relative && self.quoted(m.words.start)
    }

    /// "KYIV, Sept 24 (GWS) - Ukraine has won …": a wire story's opening
    /// dateline says when it was filed, not when what it reports happened.
    fn dateline(&self, m: &DateMention) -> bool {
        let place = &self.words[..m.words.start];
        let opens = matches!(place, [.., comma] if comma.is(","))
            && place.len() <= 4
            && place[..place.len() - 1].iter().all(|w| w.capitalized || w.is("/"));
        let mut after = m.words.end;
        if self.is(after, "(") {
            after = (after..self.words.len().min(after + 6)).find(|&k| self.is(k, ")")).map_or(after, |k| k + 1);
        }
        opens && ["-", "–", "—"].iter().any(|d| self.is(after, d))
    }

    /// Is word `k` inside a quotation opened earlier in the sentence?
    pub fn quoted(&self, k: usize) -> bool {
        let at = self.words[k].span.start;
        let before = &self.text[..at.min(self.text.len())];
        before.matches('“').count() > before.matches('”').count() || before.matches('"').count() % 2 == 1
    }

    /// "2005 Ukrainians have come home": a four-digit count, not a year.
    fn counts_people_at(&self, m: &DateMention) -> bool {
        m.words.len() == 1
            && self.words[m.words.start].is_digits()
            && matches!(self.tag(m.words.end), Some(Tag::People(_) | Tag::Nationality(_)))
    }

    /// A date of something else than the exchange: "captured in April 2022",
    /// "held since 2017", "born in 2002", "the June 2 talks", "since the
    /// invasion began in February 2022".
    fn foreign_date(&self, m: &DateMention) -> bool {
        let before = m.words.start.saturating_sub(4)..m.words.start;
        // "another prisoner exchange held on Friday": an exchange is held as a meeting is.
        let held_event = |k: usize| k > 0 && self.tag(k - 1) == Some(Tag::Event) && self.is(k, "held");
        // "The day before the summit, on 14 August, Ukraine brought home 84": a day set
        // off by a comma dates the clause it opens, not the noun before the comma.
        // Not "turn a year older tomorrow, 3 October": a day in apposition to a day word.
        let opens = m.words.start > 0 && ["on", "in"].contains(&self.words[m.words.start - 1].norm.as_str());
        let comma = before.clone().rev().find(|&k| self.is(k, ",")).filter(|_| opens);
        let near = comma.map_or(before.start, |k| k + 1)..before.end;
        let belongs_elsewhere = self.words[near].iter().any(|w| FOREIGN_BEFORE.contains(&w.norm.as_str()))
            || before.clone().any(|k| {
                // "captured in April 2022", "held since 2017"; not "traded captured troops on Thursday".
                // "captured in Mariupol in 2022" too: a preposition follows the verb.
                let governs = self.tagged(k).is_some_and(|t| {
                    m.words.start.saturating_sub(t.words.end) <= 1
                        || self.words.get(t.words.end).is_some_and(|w| {
                            ["in", "at", "on", "near", "during", "since", "by", "from"].contains(&w.norm.as_str())
                        })
                });
                matches!(self.tag(k), Some(Tag::Act(Act::Hold | Act::Capture) | Tag::Cue(Cue::Since)))
                    && governs
                    && !held_event(k)
            });
        // "still in Russian captivity as of Jan. 3": the day of a state of things.
        let as_of = m.words.start >= 2 && self.is(m.words.start - 2, "as") && self.is(m.words.start - 1, "of");
        let belongs_elsewhere = belongs_elsewhere || as_of;
        // "the 23 July Istanbul agreements": a place's name may sit between the day and its event.
        let named = (m.words.end..(m.words.end + 2).min(self.words.len()))
            .take_while(|&k| self.words[k].capitalized && self.words[k].kind == text::WordKind::Word)
            .count();
        let after = self.words.get(m.words.end + named).map(|w| w.norm.as_str());
        // "on Tuesday, in a telephone call with …": the day of the call.
        let occasion = {
            let mut k = m.words.end + usize::from(self.is(m.words.end, ","));
            let opens = ["in", "during", "at"].contains(&self.words.get(k).map_or("", |w| w.norm.as_str()));
            k += 1;
            while opens
                && k < self.words.len()
                && ["a", "an", "the", "telephone", "phone"].contains(&self.words[k].norm.as_str())
            {
                k += 1;
            }
            opens && self.words.get(k).is_some_and(|w| OCCASIONS.contains(&w.norm.as_str()))
        };
        // "he expects it to continue on Saturday and Sunday": the day of a plan.
        let segment = (m.words.start.saturating_sub(10)..m.words.start)
            .rev()
            .find(|&k| self.words[k].is_punct() && !self.is(k, "-"))
            .map_or(m.words.start.saturating_sub(10), |k| k + 1);
        let planned = self.has(segment..m.words.start, |t| t == Tag::Cue(Cue::Plan));
        belongs_elsewhere || planned || occasion || after.is_some_and(|a| FOREIGN_AFTER.contains(&a))
    }
}

/// Days named relative to when something is said.
const RELATIVE_DAYS: &[&str] = &["today", "yesterday", "tonight"];

/// Words before a date that make it the date of something else.
const FOREIGN_BEFORE: &[&str] = &[
    "born",
    "arrested",
    "offensive",
    "invasion",
    "incursion",
    "began",
    "launched",
    "started",
    "invaded",
    "elected",
    "signed",
    "mandate",
    "expired",
    "interview",
    // "Sitting of 20.03.2025 — Item 1: Briefing on the exchange of 19 March".
    "sitting",
    "session",
    "hearing",
    "published",
    "missing",
    "until",
    "siege",
    "fall",
    "talks",
    "meeting",
    "summit",
    "crashed",
    "shot",
    // "in line with the agreements reached in Istanbul on 16 May".
    "reached",
    // "in line with the Istanbul agreements of 23 July, 185 … had been returned".
    "agreement",
    "agreements",
    "accords",
    "agreed",
    // "just ahead of New Year's Eve", "on the eve of Orthodox Christmas": a day near the swap, not its own.
    "ahead",
    "eve",
    // "Two of the men turn a year older tomorrow, 3 October": a day still to come.
    "tomorrow",
];

/// What a day after "in", "during" or "at" may be the day of: "on Tuesday, in a
/// telephone call with …", "on 16 May, during talks in Istanbul".
const OCCASIONS: &[&str] = &["call", "conversation", "talks", "negotiations", "meeting", "summit", "interview"];

/// Words after a date that make it the date of something else: "the May 16 talks".
const FOREIGN_AFTER: &[&str] = &[
    "talks",
    "negotiations",
    "meeting",
    "summit",
    "call",
    "offensive",
    "invasion",
    "parade",
    "agreement",
    "agreements",
    "accords",
    "deal",
    "memorandum",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn four_digit_counts_are_not_years() {
        let s =
            Sentence::new("Since the start of the invasion, 2005 Ukrainians have come home.", day("2023-04-03"), 0, 0);
        assert!(s.dates.is_empty(), "{:?}", s.dates);
    }

    #[test]
    fn dates_of_other_things_are_foreign() {
        let s = Sentence::new(
            "Two priests, arrested on 16 November 2022, came home on Friday after the June 2 talks under the 23 July Istanbul agreements.",
            day("2024-06-29"),
            0,
            0,
        );
        let foreign: Vec<bool> = s.dates.iter().map(|(_, f)| *f).collect();
        assert_eq!(foreign, [true, false, true, true]);
        let s = Sentence::new(
            "On Tuesday, in a telephone call, he had spoken of releasing 23 wounded; they came home on Wednesday.",
            day("2025-03-20"),
            0,
            0,
        );
        let foreign: Vec<bool> = s.dates.iter().map(|(_, f)| *f).collect();
        assert_eq!(foreign, [true, false]);
    }
}
