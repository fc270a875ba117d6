//! Deterministic rules that read exchange facts out of one article.
//!
//! The unit is the sentence: each figure, mediator, destination, agreement
//! and stage is tied to the sentence it was read from. Dates come from the
//! sentence itself ("on Friday", "in mid-October") resolved against the
//! publication day, or else from the article's own exchange (the first dated
//! swap sentence, or the publication day).
//!
//! The rules prefer missing a figure to inventing one: a number whose
//! recipient cannot be told from the sentence is dropped.

use chrono::NaiveDate;

use super::model::{Attributed, Citation, Claim, ClaimKind, ExchangeDate, Figure, Recipient, Reporter, Stage};
use super::reporter;
use crate::corpus::Article;
use crate::lang::dates::{self, Anchor, DateMention, Period};
use crate::lang::lexicon::{self, Category, Side};
use crate::lang::text::{self, Word, WordKind};

/// Something learned about the exchange on `date`.
#[derive(Debug, Clone)]
pub struct Observation {
    pub date: ExchangeDate,
    pub fact: Fact,
    /// The date was not in the sentence but taken from the article's exchange.
    pub inferred: bool,
}

#[derive(Debug, Clone)]
pub enum Fact {
    Figure(Figure),
    /// A running total at the end of a multi-day exchange.
    SeriesTotal(Figure),
    /// A figure agreed or expected, not yet carried out.
    Planned(Figure),
    Mediator(Attributed),
    Destination(Attributed),
    Agreement(Attributed),
    Stage(Stage),
}

/// Everything read from one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleFacts {
    pub observations: Vec<Observation>,
    pub claims: Vec<Claim>,
}

/// One sentence, analysed once.
struct Sentence<'a> {
    text: &'a str,
    words: Vec<Word>,
    /// Date mentions that can date a swap (not "since the invasion began in 2022").
    dates: Vec<DateMention>,
    /// Mentions people changing hands.
    swap: bool,
    /// Is about an earlier exchange than the article's ("the previous swap").
    earlier: bool,
    reporter: Reporter,
    /// Word index of the speech verb when the speaker is named in this
    /// sentence: a speaker only vouches for what follows the verb, or for
    /// what precedes a closing attribution ("…,” the ministry said).
    speeches: Vec<(Reporter, usize)>,
    /// The article's outlet, for figures no named speaker vouches for.
    outlet: Reporter,
}

pub fn article(article: &Article) -> ArticleFacts {
    let sentences = analyse(article);
    let event = event_date(&sentences, article.published);
    let mut out = ArticleFacts::default();
    for s in &sentences {
        read_sentence(article, s, event, &mut out);
    }
    out
}

fn analyse(article: &Article) -> Vec<Sentence<'_>> {
    let outlet = Reporter {
        side: None,
        name: if article.outlet.is_empty() { article.id.clone() } else { article.outlet.clone() },
    };
    let anchor = Anchor::Published(article.published);
    let mut out: Vec<Sentence> = Vec::new();
    let mut last_speaker: Option<Reporter> = None;
    for para in &article.paragraphs {
        let texts: Vec<&str> = para.sentences.iter().map(|s| article.text(s)).collect();
        for (i, text) in texts.iter().enumerate() {
            let words = text::words(text);
            let dates = dates::find(&words, anchor).into_iter().filter(|m| !foreign_date(&words, m)).collect();
            let swap = words.iter().any(|w| {
                lexicon::SWAP_WORDS.contains(&w.norm.as_str())
                    || ["prisoners", "pows", "captives"].contains(&w.norm.as_str())
            });
            let earlier = words.windows(3).any(|w| {
                lexicon::EARLIER_WORDS.contains(&w[0].norm.as_str())
                    && (["exchange", "swap", "time", "one"].contains(&w[1].norm.as_str())
                        || ["exchange", "swap"].contains(&w[2].norm.as_str()))
            });
            // Speaker: named here; else the speaker of the quotation this
            // sentence opens; else the previous speaker when referred back to.
            let speeches = reporter::all(&words);
            let mut speaker = speeches.first().map(|(r, _)| r.clone());
            if speaker.is_none() && opens_quote(text) {
                speaker = texts[i + 1..].iter().find_map(|t| reporter::explicit(&text::words(t)).map(|(r, _)| r));
            }
            if speaker.is_none() && reporter::refers_back(&words) {
                speaker = last_speaker.clone();
            }
            if speaker.is_some() {
                last_speaker = speaker.clone();
            }
            let reporter = speaker.unwrap_or_else(|| outlet.clone());
            out.push(Sentence { text, words, dates, swap, earlier, reporter, speeches, outlet: outlet.clone() });
        }
    }
    out
}

fn opens_quote(text: &str) -> bool {
    let opens = text.matches(['“', '"']).count();
    let closes = text.matches('”').count();
    text.starts_with(['“', '"', '‘']) && (opens > closes || (text.matches('"').count() % 2 == 1))
}

/// A date that belongs to something else in the sentence: "since …",
/// "the offensive on August 6", "the May 16 talks".
fn foreign_date(words: &[Word], m: &DateMention) -> bool {
    let before = &words[m.words.start.saturating_sub(4)..m.words.start];
    let after = words.get(m.words.end).map(|w| w.norm.as_str());
    before.iter().any(|w| lexicon::FOREIGN_DATE_WORDS.contains(&w.norm.as_str()))
        || matches!(after, Some("talks" | "negotiations" | "meeting" | "summit" | "call" | "offensive" | "invasion"))
}

/// The exchange the article is about: the first dated sentence about a swap
/// (not an earlier one), else the publication day.
fn event_date(sentences: &[Sentence], published: NaiveDate) -> ExchangeDate {
    sentences
        .iter()
        .filter(|s| s.swap && !s.earlier)
        .find_map(|s| {
            s.dates.iter().find_map(|m| match m.period {
                Period::Day { date } if date <= published => Some(ExchangeDate::Day(date)),
                _ => None,
            })
        })
        .unwrap_or(ExchangeDate::Day(published))
}

/// A number and the noun phrase it counts.
#[derive(Debug, Clone)]
struct Count {
    value: u64,
    text: String,
    /// First word of the number.
    start: usize,
    /// One past the last word of the noun phrase.
    end: usize,
    category: Category,
    nationality: Option<Side>,
    each: bool,
    /// No noun of its own ("307 on Saturday").
    elliptic: bool,
}

fn read_sentence(article: &Article, s: &Sentence, event: ExchangeDate, out: &mut ArticleFacts) {
    let cite = Citation { article: article.id.clone(), sentence: s.text.to_string() };
    let own_date = s.dates.iter().find_map(|m| ExchangeDate::from_period(&m.period));
    // Facts without a figure of their own are about the sentence's exchange.
    let sentence_date = match (own_date, s.earlier) {
        (Some(d), _) => Some(d),
        (None, false) => Some(event),
        (None, true) => None,
    };

    read_claims(article, s, &cite, out);

    let counts = counts(&s.words, &s.dates);
    let mut previous: Option<Recipient> = None;
    let mut prev_end = 0;
    for (n, c) in counts.iter().enumerate() {
        let next_start = counts.get(n + 1).map_or(s.words.len(), |x| x.start);
        let left = &s.words[prev_end..c.start];
        let right = &s.words[c.end..next_start];
        prev_end = c.end;
        if !s.swap || near(left, 4, &["killed", "dead", "died", "killing", "casualties"]) {
            continue;
        }
        if near_after(right, 2, &["killed", "dead", "died"]) || counts_swaps(&s.words, c.end) {
            continue;
        }
        // The speaker of a count is the nearest one introducing it ("Moscow
        // saying 248"), or a closing attribution ("…,” the ministry said).
        let reporter = if s.speeches.is_empty() {
            &s.reporter
        } else {
            let before = s.speeches.iter().rev().find(|(_, v)| *v < c.start);
            let closing = s.speeches.iter().find(|(_, v)| *v > c.start && v + 8 >= s.words.len());
            before.or(closing).map_or(&s.outlet, |(r, _)| r)
        };
        let rest = &s.words[c.start..];
        let Some(recipient) = recipient(c, left, right, rest, previous, reporter) else {
            continue;
        };
        previous = Some(recipient);
        let included = left
            .iter()
            .rev()
            .take(4)
            .any(|w| ["including", "among", "whom", "incl", "included"].contains(&w.norm.as_str()));
        let figure = Figure {
            value: c.value,
            text: c.text.clone(),
            recipient,
            category: c.category,
            included,
            reporter: reporter.clone(),
            cite: cite.clone(),
        };
        let since = since_the_war(&s.words);
        if since {
            continue; // a running total since the war began: read as a claim
        }
        let own = date_of(&s.dates, c, next_start);
        let Some(date) = own.or(if s.earlier { None } else { Some(event) }) else {
            continue;
        };
        let before = &s.words[c.start.saturating_sub(10)..c.start];
        let after = &right[..right.len().min(6)];
        let planned = before.iter().any(|w| lexicon::PLAN_WORDS.contains(&w.norm.as_str()))
            || after.iter().any(|w| lexicon::FUTURE_WORDS.contains(&w.norm.as_str()));
        let fact = if planned {
            Fact::Planned(figure)
        } else if cumulative(left, right) {
            Fact::SeriesTotal(figure)
        } else {
            Fact::Figure(figure)
        };
        out.observations.push(Observation { date, fact, inferred: own.is_none() });
    }

    let Some(date) = sentence_date else { return };
    let mut push = |fact| out.observations.push(Observation { date, fact, inferred: own_date.is_none() });
    if s.swap || s.words.iter().any(|w| w.is("deal")) {
        for name in mediators(&s.words) {
            push(Fact::Mediator(Attributed { value: name, cite: cite.clone() }));
        }
    }
    if let Some(place) = destination(&s.words, s.text) {
        push(Fact::Destination(Attributed { value: place, cite: cite.clone() }));
    }
    if let Some(agreement) = agreement(&s.words, s.text, article.published) {
        out.observations.push(Observation {
            date: event,
            fact: Fact::Agreement(Attributed { value: agreement, cite: cite.clone() }),
            inferred: true,
        });
    }
    if s.swap
        && let Some((number, last)) = stage(&s.words)
    {
        out.observations.push(Observation {
            date,
            fact: Fact::Stage(Stage { number, last, cite: cite.clone() }),
            inferred: own_date.is_none(),
        });
    }
}

/// The date of a count: the first date after it in its own clause ("307 on
/// Saturday"), else the nearest one before it ("announced on Wednesday that
/// Moscow returned 175"), else any date in the sentence.
fn date_of(dates: &[DateMention], c: &Count, next_start: usize) -> Option<ExchangeDate> {
    let dated = |m: &DateMention| ExchangeDate::from_period(&m.period);
    dates
        .iter()
        .filter(|m| m.words.start >= c.end && m.words.start < next_start)
        .find_map(dated)
        .or_else(|| dates.iter().rev().filter(|m| m.words.end <= c.start).find_map(dated))
        .or_else(|| dates.iter().find_map(dated))
}

fn near(left: &[Word], n: usize, words: &[&str]) -> bool {
    left.iter().rev().take(n).any(|w| words.contains(&w.norm.as_str()))
}

fn near_after(right: &[Word], n: usize, words: &[&str]) -> bool {
    right.iter().take(n).any(|w| words.contains(&w.norm.as_str()))
}

/// "59 prisoner swaps": the number counts exchanges, not people.
fn counts_swaps(words: &[Word], end: usize) -> bool {
    words.get(end.saturating_sub(1)).is_some_and(|w| ["swaps", "exchanges"].contains(&w.norm.as_str()))
}

fn cumulative(left: &[Word], right: &[Word]) -> bool {
    let l: Vec<&str> = left.iter().rev().take(5).map(|w| w.norm.as_str()).collect();
    let r: Vec<&str> = right.iter().take(4).map(|w| w.norm.as_str()).collect();
    l.contains(&"now")
        || l.windows(2).any(|p| p == ["far", "so"])
        || l.contains(&"overall")
        || r.windows(2).any(|p| p == ["in", "all"] || p == ["so", "far"] || p == ["to", "date"] || p == ["in", "total"])
}

fn phrase_in(words: &[Word], phrase: &[&str]) -> bool {
    words.windows(phrase.len()).any(|w| w.iter().zip(phrase).all(|(a, b)| a.is(b)))
}

fn each_in(words: &[Word]) -> bool {
    lexicon::EACH_WORDS.iter().any(|p| {
        words.windows(p.len()).enumerate().any(|(i, w)| {
            w.iter().zip(p.iter()).all(|(a, b)| a.is(b))
                // "each other" is not distributive.
                && !(p == &["each"] && words.get(i + 1).is_some_and(|n| n.is("other")))
        })
    })
}

/// Who the counted people went to. `None` when the sentence does not say.
fn recipient(
    c: &Count,
    left: &[Word],
    right: &[Word],
    rest: &[Word],
    previous: Option<Recipient>,
    speaker: &Reporter,
) -> Option<Recipient> {
    if let Some(side) = c.nationality {
        return Some(Recipient::To(side));
    }
    let near_left = &left[left.len().saturating_sub(6)..];
    if lexicon::COMBINED_WORDS.iter().any(|p| phrase_in(near_left, p)) {
        return Some(Recipient::Combined);
    }
    let near_right = &right[..right.len().min(4)];
    // An elliptic count ("390 freed on Friday and 307 on Saturday, each side
    // has now …") shares the distribution stated later in the sentence.
    if c.each || each_in(left) || each_in(near_right) || (c.elliptic && each_in(rest)) {
        return Some(Recipient::Each);
    }
    // "Moscow returned 175 soldiers" / "Russia said it had received 270".
    for (i, w) in left.iter().enumerate().rev() {
        if let Some(side) = lexicon::side_name(&w.norm) {
            let after = &left[i + 1..(i + 5).min(left.len())];
            if after.iter().any(|x| lexicon::GIVE_VERBS.contains(&x.norm.as_str())) {
                return Some(Recipient::To(side.other()));
            }
            if after.iter().any(|x| lexicon::RECEIVE_VERBS.contains(&x.norm.as_str())) {
                return Some(Recipient::To(side));
            }
        }
    }
    // "returned from territory controlled by Kyiv", "released by Ukraine".
    for (i, w) in right.iter().enumerate() {
        if w.is("by") && i > 0 {
            let before = &right[i.saturating_sub(4)..i];
            let taken = before.iter().any(|x| {
                lexicon::GIVE_VERBS.contains(&x.norm.as_str())
                    || ["controlled", "held", "occupied"].contains(&x.norm.as_str())
            });
            if taken
                && let Some(side) =
                    right[i + 1..(i + 4).min(right.len())].iter().find_map(|x| lexicon::side_name(&x.norm))
            {
                return Some(Recipient::To(side.other()));
            }
        }
    }
    // "Russia and Ukraine have exchanged 372 prisoners".
    let names: Vec<Side> = left.iter().filter_map(|w| lexicon::side_name(&w.norm)).collect();
    let both = names.contains(&Side::Russia) && names.contains(&Side::Ukraine)
        || phrase_in(left, &["two", "sides"])
        || phrase_in(left, &["two", "countries"]);
    let trade = left.iter().any(|w| {
        ["exchange", "exchanged", "exchanging", "swap", "swapped", "swapping", "trade", "traded", "trading"]
            .contains(&w.norm.as_str())
    });
    if both && trade {
        return Some(Recipient::Combined);
    }
    if let Some(p) = previous {
        return Some(p);
    }
    // A side's own voice counts its own people coming home ("Zelenskyy said
    // 115 more defenders were back home"; "the headquarters said the 230
    // included 213 soldiers").
    speaker.side.map(Recipient::To)
}

/// Numbers that count people, with their noun phrase.
fn counts(words: &[Word], dates: &[DateMention]) -> Vec<Count> {
    let in_date = |i: usize| dates.iter().any(|m| m.words.contains(&i));
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let value = match w.kind {
            WordKind::Number => w.number(),
            WordKind::Word => lexicon::number_word(&w.norm),
            WordKind::Punct => None,
        };
        let Some(value) = value else {
            i += 1;
            continue;
        };
        if in_date(i) || value == 0 || is_money_or_share(words, i) {
            i += 1;
            continue;
        }
        // "150-for-150": the same number each way.
        if words.get(i + 1).is_some_and(|x| x.is("-"))
            && words.get(i + 2).is_some_and(|x| x.is("for"))
            && words.get(i + 4).and_then(|x| x.number()) == Some(value)
        {
            out.push(Count {
                value,
                text: w.norm.clone(),
                start: i,
                end: i + 5,
                category: Category::Prisoners,
                nationality: None,
                each: true,
                elliptic: false,
            });
            i += 5;
            continue;
        }
        if let Some(c) = noun_phrase(words, i, value) {
            i = c.end;
            out.push(c);
        } else {
            i += 1;
        }
    }
    out
}

fn is_money_or_share(words: &[Word], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| words[p].norm.as_str());
    let next = words.get(i + 1).map(|w| w.norm.as_str());
    matches!(prev, Some("$" | "€" | "£")) || matches!(next, Some("%" | "percent" | "per" | "million" | "billion"))
}

/// The noun phrase after a number at `i`: "175 Ukrainian prisoners of war",
/// "22 seriously wounded", "307 members of the Russian military",
/// "150 of their captured soldiers". Elliptic counts ("390 freed on
/// Friday", "307 on Saturday") count prisoners.
fn noun_phrase(words: &[Word], i: usize, value: u64) -> Option<Count> {
    let is_digit = words[i].kind == WordKind::Number;
    let mut category = Category::Prisoners;
    let mut nationality = None;
    let mut each = false;
    let limit = (i + 8).min(words.len());
    let mut j = i + 1;
    while j < limit {
        let w = &words[j];
        if w.is_punct() && !matches!(w.norm.as_str(), "-" | "“" | "\"") || w.kind == WordKind::Number {
            break;
        }
        if let Some(cat) = lexicon::category_word(&w.norm) {
            category = cat;
        }
        if let Some(side) = lexicon::nationality(&w.norm) {
            nationality = Some(side);
        }
        if w.is("their") {
            each = true;
        }
        if lexicon::NOT_PEOPLE.contains(&w.norm.as_str()) {
            return None;
        }
        if lexicon::is_person_noun(&w.norm) {
            // "members of the Russian military", "prisoners of war".
            let mut end = j + 1;
            if words.get(end).is_some_and(|x| x.is("of")) {
                let tail: Vec<&Word> = words[end..(end + 4).min(words.len())].iter().collect();
                if let Some(side) = tail.iter().find_map(|x| lexicon::nationality(&x.norm)) {
                    nationality = nationality.or(Some(side));
                    end += tail.iter().position(|x| lexicon::nationality(&x.norm).is_some()).unwrap_or(0) + 2;
                } else if tail.get(1).is_some_and(|x| x.is("war")) {
                    end += 2;
                }
            }
            // Only digits count anything; a number word must be right next
            // to its noun ("two civilians", not "two years of fighting men").
            if !is_digit && j > i + 2 {
                return None;
            }
            return Some(Count {
                value,
                text: words[i].norm.clone(),
                start: i,
                end: end.min(words.len()),
                category,
                nationality,
                each,
                elliptic: false,
            });
        }
        // A verb or preposition ends a noun phrase without a head noun.
        if [
            "were", "was", "had", "have", "has", "are", "is", "on", "in", "at", "who", "which", "that", "as", "for",
            "to", "and",
        ]
        .contains(&w.norm.as_str())
            && j > i + 1
        {
            break;
        }
        j += 1;
    }
    // "20 seriously wounded": the category word is the noun.
    if category != Category::Prisoners && is_digit {
        let end = (i + 1..j).rev().find(|&k| lexicon::category_word(&words[k].norm).is_some()).map_or(j, |k| k + 1);
        return Some(Count {
            value,
            text: words[i].norm.clone(),
            start: i,
            end,
            category,
            nationality,
            each,
            elliptic: false,
        });
    }
    // Elliptic: "390 freed on Friday", "307 on Saturday", "1,000 each".
    let next = words.get(i + 1).map(|w| w.norm.as_str());
    let elliptic =
        matches!(next, Some("freed" | "released" | "returned" | "exchanged" | "swapped" | "each" | "apiece"))
            || (next == Some("on") && words.get(i + 2).is_some_and(|w| w.capitalized));
    if is_digit && elliptic && value >= 2 && words[i].norm.len() < 6 {
        let each = matches!(next, Some("each" | "apiece"));
        return Some(Count {
            value,
            text: words[i].norm.clone(),
            start: i,
            end: i + 1,
            category,
            nationality: None,
            each,
            elliptic: true,
        });
    }
    None
}

/// Mediators named with a brokering word nearby ("brokered by the UAE",
/// "the UAE said it had brokered", "thanked Abu Dhabi for its help").
fn mediators(words: &[Word]) -> Vec<String> {
    const BROKER: &[&str] = &[
        "mediated",
        "mediation",
        "mediating",
        "brokered",
        "broker",
        "brokering",
        "facilitated",
        "facilitating",
        "mediator",
        "thanked",
        "thanks",
        "grateful",
        "possible",
        "help",
        "helped",
    ];
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((name, len)) = lexicon::mediator_at(words, i) {
            let name = name.to_string();
            let before = &words[i.saturating_sub(4)..i];
            let after = &words[i + len..(i + len + 6).min(words.len())];
            let brokered = before.iter().chain(after.iter()).any(|w| BROKER.contains(&w.norm.as_str()));
            // "US President Donald Trump … seeks to broker a truce" is not mediation:
            // the name must not be an adjective of a person.
            let adjective = after.first().is_some_and(|w| {
                ["president", "secretary", "envoy", "officials", "official"].contains(&w.norm.as_str())
            });
            if brokered && !adjective && !out.contains(&name) {
                out.push(name);
            }
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

/// Where released prisoners were taken: a known place after "in"/"to" in a
/// sentence about their care or transfer.
fn destination(words: &[Word], text: &str) -> Option<String> {
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
        "returning",
        "before",
    ];
    if !words.iter().any(|w| CARE.contains(&w.norm.as_str())) {
        return None;
    }
    lexicon::PLACES.iter().find_map(|place| {
        let first = place.split(' ').next()?.to_lowercase();
        let i = words.iter().position(|w| w.norm == first && w.capitalized)?;
        let before = &words[i.saturating_sub(3)..i];
        let located = before.iter().any(|w| w.is("in") || w.is("to"));
        let home = ["Moscow", "Kyiv"].contains(place);
        (located && !home && text.contains(place)).then(|| (*place).to_string())
    })
}

/// The talks an exchange implements: "agreed at talks in Istanbul on May 16",
/// "the May 16 talks in Istanbul".
fn agreement(words: &[Word], text: &str, published: NaiveDate) -> Option<String> {
    let agreed = words.iter().any(|w| w.is("agreed") || w.is("result") || w.is("deal"));
    let talks_at = words.iter().position(|w| ["talks", "negotiations", "meeting"].contains(&w.norm.as_str()))?;
    if !agreed {
        return None;
    }
    let place = lexicon::PLACES
        .iter()
        .find(|p| text.contains(*p) && words.iter().any(|w| w.norm == p.to_lowercase() && w.capitalized))?;
    let date = dates::find(words, Anchor::Published(published))
        .into_iter()
        .filter(|m| m.words.start.abs_diff(talks_at) <= 6)
        .find_map(|m| match m.period {
            Period::Day { date } => Some(dates::day_label(date)),
            _ => None,
        });
    Some(match date {
        Some(d) => format!("talks in {place} on {d}"),
        None => format!("talks in {place}"),
    })
}

/// "the second day", "the third and last stage", "the first stage", "final stage".
fn stage(words: &[Word]) -> Option<(u32, bool)> {
    for (i, w) in words.iter().enumerate() {
        if !lexicon::STAGE_NOUNS.contains(&w.norm.as_str()) {
            continue;
        }
        let before = &words[i.saturating_sub(4)..i];
        if before.iter().any(|x| x.is_punct()) && !before.iter().any(|x| x.is("-")) {
            continue;
        }
        let number = before.iter().find_map(|x| lexicon::ordinal(&x.norm));
        let last = before.iter().any(|x| x.is("last") || x.is("final"));
        // "day 2 of 3", "stage 2": a small number, and for "day" an "of".
        let numbered = words
            .get(i + 1)
            .and_then(Word::number)
            .filter(|n| (1..=10).contains(n))
            .filter(|_| !w.is("day") && !w.is("part") || words.get(i + 2).is_some_and(|x| x.is("of")))
            .map(|n| n as u32);
        match (number.or(numbered), last) {
            (Some(n), last) => return Some((n, last)),
            (None, true) => return Some((0, true)),
            _ => {}
        }
    }
    None
}

/// "since the full-scale invasion", "since 2022", "since the war began":
/// a running total over the war, unlike "the first swap since April".
fn since_the_war(words: &[Word]) -> bool {
    const WAR: &[&str] =
        &["war", "invasion", "start", "beginning", "escalation", "conflict", "full", "2014", "2022", "outbreak"];
    words
        .iter()
        .enumerate()
        .any(|(i, w)| w.is("since") && words[i + 1..].iter().take(5).any(|x| WAR.contains(&x.norm.as_str())))
}

/// "49th" → 49.
fn ordinal_value(norm: &str) -> Option<u64> {
    let digits: String = norm.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &norm[digits.len()..];
    (!digits.is_empty() && matches!(suffix, "st" | "nd" | "rd" | "th")).then(|| digits.parse().ok()).flatten()
}

/// Claims about the war as a whole: "a total of 59 prisoner swaps" since
/// 2022, "3,956 Ukrainians have been returned … since", "estimated to be
/// between 8,000 and 10,000" held.
fn read_claims(article: &Article, s: &Sentence, cite: &Citation, out: &mut ArticleFacts) {
    let w = &s.words;
    let claim = |kind, low, high: Option<u64>, text: String| Claim {
        kind,
        low,
        high,
        text,
        reporter: s.reporter.clone(),
        as_of: article.published,
        cite: cite.clone(),
    };
    let numbers: Vec<(usize, u64)> = w
        .iter()
        .enumerate()
        .filter(|(i, x)| x.kind == WordKind::Number && !s.dates.iter().any(|m| m.words.contains(i)))
        .filter_map(|(i, x)| x.number().map(|n| (i, n)))
        .filter(|(i, _)| {
            !dates::find(&w[*i..*i + 1], Anchor::Published(article.published))
                .iter()
                .any(|m| matches!(m.period, Period::Span { .. }))
        })
        .collect();
    for &(i, n) in &numbers {
        // "59 prisoner swaps", "the 60th exchange" is not a count.
        let next: Vec<&str> = w[i + 1..(i + 3).min(w.len())].iter().map(|x| x.norm.as_str()).collect();
        if next.first().is_some_and(|x| ["swaps", "exchanges"].contains(x))
            || next.len() == 2
                && ["prisoner", "pow", "pows"].contains(&next[0])
                && ["swaps", "exchanges"].contains(&next[1])
        {
            out.claims.push(claim(ClaimKind::SwapCount, n, None, w[i].norm.clone()));
        }
    }
    // "It was the 63rd exchange since the start of the war", "the exchange
    // was the 49th since …": an ordinal counts the swaps so far.
    for (i, x) in w.iter().enumerate() {
        let Some(n) = ordinal_value(&x.norm) else { continue };
        let swap_noun = |y: &Word| ["exchange", "swap"].contains(&y.norm.as_str());
        let after = w[i + 1..(i + 3).min(w.len())].iter().any(swap_noun);
        let before = w[i.saturating_sub(4)..i].iter().any(swap_noun) && w.get(i + 1).is_some_and(|y| y.is("since"));
        if after || before {
            out.claims.push(claim(ClaimKind::SwapCount, n, None, x.norm.clone()));
        }
    }
    // Running totals returned to a side since the war began.
    if since_the_war(w) && s.swap {
        for c in counts(w, &s.dates) {
            if let Some(side) = c.nationality
                && c.category == Category::Prisoners
            {
                out.claims.push(claim(ClaimKind::ReturnedTotal(side), c.value, None, c.text.clone()));
            }
        }
    }
    // Estimates of how many are held.
    let held = w.iter().any(|x| ["held", "hold", "holds", "holding", "captivity"].contains(&x.norm.as_str()));
    let estimate = w.iter().any(|x| {
        ["estimated", "believed", "thought", "estimates", "between", "around", "roughly", "approximately"]
            .contains(&x.norm.as_str())
    });
    let handover = w
        .iter()
        .any(|x| lexicon::GIVE_VERBS.contains(&x.norm.as_str()) || lexicon::RECEIVE_VERBS.contains(&x.norm.as_str()));
    if held && estimate && !handover && !w.iter().any(|x| x.is("since")) {
        let side = w.iter().find_map(|x| lexicon::nationality(&x.norm));
        let big: Vec<&(usize, u64)> = numbers.iter().filter(|(_, n)| *n >= 100).collect();
        if let (Some(side), Some(first)) = (side, big.first()) {
            let range = big.get(1).filter(|(j, _)| *j <= first.0 + 3);
            let text = match range {
                Some((j, _)) => format!("{}–{}", w[first.0].norm, w[*j].norm),
                None => w[first.0].norm.clone(),
            };
            out.claims.push(claim(ClaimKind::Held(side), first.1, range.map(|(_, n)| *n), text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use std::path::Path;

    fn facts(published: &str, body: &str) -> ArticleFacts {
        let raw = format!("+++\nid = \"t\"\noutlet = \"Wire\"\npublished = \"{published}\"\n+++\n{body}\n");
        article(&corpus::parse(Path::new("t.md"), &raw).unwrap())
    }

    fn figures(f: &ArticleFacts) -> Vec<(String, u64, Recipient, Category, String)> {
        f.observations
            .iter()
            .filter_map(|o| match &o.fact {
                Fact::Figure(x) => Some((o.date.id(), x.value, x.recipient, x.category, x.reporter.name.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn each_side_on_a_weekday() {
        let f = facts(
            "2025-02-05",
            "Russia and Ukraine each said on Wednesday that 150 of their captured soldiers had been returned in the latest prisoner-of-war exchange.",
        );
        assert_eq!(
            figures(&f),
            [("2025-02-05".into(), 150, Recipient::Each, Category::Prisoners, "both sides".into())]
        );
    }

    #[test]
    fn giver_nationality_and_wounded() {
        let f = facts(
            "2025-03-19",
            "The Russian Defence Ministry announced on Wednesday that Moscow returned 175 soldiers and “22 seriously wounded prisoners of war in need of urgent medical assistance”. It said that Kyiv returned 175 Russian troops.",
        );
        let got = figures(&f);
        let ua = Recipient::To(Side::Ukraine);
        assert_eq!(got[0], ("2025-03-19".into(), 175, ua, Category::Prisoners, "Russia's Defence Ministry".into()));
        assert_eq!(got[1], ("2025-03-19".into(), 22, ua, Category::Wounded, "Russia's Defence Ministry".into()));
        assert_eq!(
            got[2],
            (
                "2025-03-19".into(),
                175,
                Recipient::To(Side::Russia),
                Category::Prisoners,
                "Russia's Defence Ministry".into()
            )
        );
    }

    #[test]
    fn conflicting_counts_keep_their_speakers() {
        let f = facts(
            "2024-12-30",
            "Russia and Ukraine carried out a prisoner exchange on Monday, December 30.\n\nRussia's Ministry of Defence said 150 Russian servicemen had been returned from territory held by Kyiv and that 150 Ukrainian prisoners of war were handed over in return.\n\nUkrainian President Volodymyr Zelenskyy said 189 Ukrainians had come home, among them border guards and two civilians captured in Mariupol in 2022.",
        );
        let got = figures(&f);
        assert!(got.contains(&(
            "2024-12-30".into(),
            150,
            Recipient::To(Side::Russia),
            Category::Prisoners,
            "Russia's Defence Ministry".into()
        )));
        assert!(got.contains(&(
            "2024-12-30".into(),
            150,
            Recipient::To(Side::Ukraine),
            Category::Prisoners,
            "Russia's Defence Ministry".into()
        )));
        assert!(got.contains(&(
            "2024-12-30".into(),
            189,
            Recipient::To(Side::Ukraine),
            Category::Prisoners,
            "Zelenskyy".into()
        )));
        assert!(got.contains(&(
            "2024-12-30".into(),
            2,
            Recipient::To(Side::Ukraine),
            Category::Civilians,
            "Zelenskyy".into()
        )));
    }

    #[test]
    fn earlier_exchanges_get_their_own_month() {
        let f = facts("2024-12-30", "The previous swap, in mid-October, freed 95 prisoners on each side.");
        assert_eq!(figures(&f), [("2024-10".into(), 95, Recipient::Each, Category::Prisoners, "Wire".into())]);
    }

    #[test]
    fn combined_totals_and_stages() {
        let f = facts(
            "2025-05-24",
            "Russia and Ukraine have exchanged 372 prisoners of war.\n\nBoth sides received 390 people in the first stage on Friday and are expected to exchange 1,000 each in total.",
        );
        let got = figures(&f);
        assert_eq!(got[0].2, Recipient::Combined);
        assert_eq!(got[1], ("2025-05-23".into(), 390, Recipient::Each, Category::Prisoners, "Wire".into()));
        assert!(f.observations.iter().any(|o| matches!(&o.fact, Fact::Planned(x) if x.value == 1000)));
        assert!(
            f.observations
                .iter()
                .any(|o| o.date.id() == "2025-05-23" && matches!(&o.fact, Fact::Stage(s) if s.number == 1))
        );
    }

    #[test]
    fn since_an_earlier_swap_is_not_a_running_total() {
        let f = facts("2025-05-27", "Russia returned 200 Ukrainians on Tuesday in the first swap since April.");
        assert_eq!(
            figures(&f),
            [("2025-05-27".into(), 200, Recipient::To(Side::Ukraine), Category::Prisoners, "Wire".into())]
        );
        assert!(f.claims.is_empty());
    }

    #[test]
    fn wounded_included_in_a_count_are_marked() {
        let f =
            facts("2025-05-27", "Russia returned 200 Ukrainian prisoners on Tuesday, including 20 seriously wounded.");
        let included: Vec<bool> = f
            .observations
            .iter()
            .filter_map(|o| match &o.fact {
                Fact::Figure(x) => Some(x.included),
                _ => None,
            })
            .collect();
        assert_eq!(included, [false, true]);
    }

    #[test]
    fn running_totals_are_series_totals() {
        let f = facts(
            "2025-05-25",
            "With 390 freed on Friday and 307 on Saturday, each side has now handed over 1,000 people, the largest exchange of the war.",
        );
        let got = figures(&f);
        assert_eq!(got[0], ("2025-05-23".into(), 390, Recipient::Each, Category::Prisoners, "Wire".into()));
        assert_eq!(got[1], ("2025-05-24".into(), 307, Recipient::Each, Category::Prisoners, "Wire".into()));
        assert!(f.observations.iter().any(|o| matches!(&o.fact, Fact::SeriesTotal(x) if x.value == 1000)));
    }

    #[test]
    fn casualties_and_drones_are_not_figures() {
        let f = facts(
            "2025-05-25",
            "The final stage came only hours after an attack which killed at least 12 people.\n\nThe Ukrainian military said Russia launched 145 drones.\n\nThe deal includes the return of 6,000 bodies of dead soldiers to each side.\n\nKyiv said it hoped to free 1,000 more people in the coming weeks.",
        );
        assert!(figures(&f).is_empty());
    }

    #[test]
    fn claims() {
        let f = facts(
            "2025-03-19",
            "Since the escalation of the Ukraine conflict in 2022, the two countries have held a total of 59 prisoner swaps.\n\nAccording to Kyiv, 3,956 Ukrainians have been returned from Russian captivity since the full-scale invasion began in February 2022.\n\nRussia is believed to have the larger share, with the number of Ukrainian captives held by Moscow estimated to be between 8,000 and 10,000.",
        );
        let kinds: Vec<(ClaimKind, u64, Option<u64>)> = f.claims.iter().map(|c| (c.kind, c.low, c.high)).collect();
        assert_eq!(
            kinds,
            [
                (ClaimKind::SwapCount, 59, None),
                (ClaimKind::ReturnedTotal(Side::Ukraine), 3956, None),
                (ClaimKind::Held(Side::Ukraine), 8000, Some(10000)),
            ]
        );
        assert!(figures(&f).is_empty());
    }

    #[test]
    fn mediators_destinations_agreements() {
        let f = facts(
            "2025-05-24",
            "Both sides said the deal was mediated by the United Arab Emirates.\n\nIt said the Russian POWs would receive psychological and medical help in Belarus before travelling to Russia.\n\nThe prisoner exchange was agreed at talks in Istanbul on May 16 between Russian and Ukrainian delegations.\n\nUS President Donald Trump seeks to broker a truce in the war.",
        );
        let got: Vec<String> = f
            .observations
            .iter()
            .filter_map(|o| match &o.fact {
                Fact::Mediator(a) | Fact::Destination(a) | Fact::Agreement(a) => Some(a.value.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(got, ["United Arab Emirates", "Belarus", "talks in Istanbul on 16 May 2025"]);
    }
}
