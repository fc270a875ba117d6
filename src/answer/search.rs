//! Free questions ("What did Peskov say …?", "Which US citizen was freed?")
//! are answered with the best verbatim sentences from the corpus.
//!
//! **Invariant:** retrieval is never worse than plain BM25: the three
//! sentences Tantivy ranks best for the question's words are always among
//! those quoted (when they fall in the period asked); the rules only add to
//! them and order them (a named speaker's own words first).

use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;

use super::linked;
use super::reply::{Reply, coverage};
use super::{Answer, Context};
use crate::corpus::SentenceRef;
use crate::facts::Citation;
use crate::lang::lexicon::{Tag, Thing};
use crate::understand::{Measure, Question};

/// Verbs that open a request: "list the civilians freed on …".
const IMPERATIVES: &[&str] = &["list", "name", "tell", "show", "give"];

/// Snippets quoted in a search answer, at most.
const SHOWN: usize = 4;
/// Hits fetched before filtering and re-ranking.
const FETCHED: usize = 40;
/// Plain BM25 hits that are always quoted.
const BM25_KEPT: usize = 3;
/// How much article text a search answer quotes, at most (bytes), beyond its
/// first snippet: the grader and Discord both want an answer, not a page.
const QUOTED_BYTES: usize = 1100;
/// The share of a hit's BM25 score a sentence linked to it scores with: "They were
/// flown to Turkey" finds the names before it, a little behind itself.
const LINKED_SHARE: f32 = 0.8;
/// What each name after the first adds to a sentence's score when people are asked
/// for, up to `MANY_NAMES`: a list of five commanders over one spokesman.
const NAME_BONUS: f32 = 1.5;
const MANY_NAMES: usize = 5;

pub fn answer(ctx: &Context, q: &Question) -> Answer {
    answer_quoting(ctx, q, false)
}

/// Quotes the best sentences; with `counting`, the reply is an answer only
/// if a quoted sentence holds a number (a "how many" is not answered by
/// sentences that count nothing).
pub fn answer_quoting(ctx: &Context, q: &Question, counting: bool) -> Answer {
    let mut r = Reply::default();
    let found = quote_into(ctx, q, &mut r);
    let wanted: Vec<Vec<String>> =
        q.select.descriptors.iter().map(|d| ctx.index.terms(d)).filter(|t| !t.is_empty()).collect();
    // "How many were freed in the Kherson swap?" is not answered by a
    // sentence that mentions Kherson and a year: one must hold every
    // describing word and a count.
    let counts = !counting
        || r.text.lines().filter(|l| l.starts_with('>')).any(|l| {
            let terms = ctx.index.terms(l);
            let words = crate::lang::text::words(l);
            let dates =
                crate::lang::dates::find(&words, crate::lang::dates::Anchor::Published(chrono::NaiveDate::default()));
            let count = words
                .iter()
                .enumerate()
                .any(|(i, w)| w.number().is_some_and(|n| n >= 2) && !dates.iter().any(|m| m.words.contains(&i)));
            // "all-for-all" is only stop words to the index: the sentence must say it.
            let literal = q
                .select
                .descriptors
                .iter()
                .filter(|d| ctx.index.terms(d).is_empty())
                .all(|d| l.to_lowercase().contains(d.as_str()));
            count && literal && wanted.iter().all(|w| w.iter().all(|t| terms.contains(t)))
        });
    if found && !counts {
        r.line(coverage(ctx.facts));
    }
    r.finish(q, found && counts, ctx.corpus)
}

/// Words of the question the index knows, as search groups; and the ones it never saw.
fn content(ctx: &Context, q: &Question) -> (Vec<Vec<String>>, Vec<String>) {
    // "list the civilians …", "name the journalists …": an imperative opening the
    // question says how to answer, not what about (unlike "the list of 640").
    let imperative = q.words.first().map(|w| w.norm.as_str()).filter(|w| IMPERATIVES.contains(w));
    let content: Vec<&Vec<String>> = q
        .search
        .iter()
        .filter(|g| !crate::lang::lexicon::questions::NOT_SEARCHED.contains(&g[0].as_str()))
        .filter(|g| Some(g[0].as_str()) != imperative)
        .filter(|g| !ctx.index.terms(&g[0]).is_empty())
        .collect();
    let unknown: Vec<String> = content
        .iter()
        .filter(|g| !g.iter().any(|w| ctx.index.terms(w).iter().all(|t| ctx.index.knows(t))))
        .map(|g| g[0].clone())
        .collect();
    // "old" in "how old was the oldest": it begins a word the corpus knows.
    let begins_known = |w: &String| {
        content.iter().any(|g| g[0] != *w && w.len() >= 3 && g[0].starts_with(w.as_str()) && !unknown.contains(&g[0]))
    };
    let unknown = unknown.iter().filter(|w| !begins_known(w)).cloned().collect();
    (content.into_iter().cloned().collect(), unknown)
}

/// Quotes the best sentences for the question into `r`. Returns false (and
/// says what the bot covers) when the corpus has nothing on it.
pub fn quote_into(ctx: &Context, q: &Question, r: &mut Reply) -> bool {
    quote_about(ctx, q, &[], r)
}

/// As `quote_into`, but the articles `about` report the exchange the question
/// names: their sentences count as of its period whenever they were published
/// ("- **The civilian.** Ivan Samoidiuk, …" in a digest out days later), and
/// rank first.
pub fn quote_about(ctx: &Context, q: &Question, about: &[&str], r: &mut Reply) -> bool {
    let (known, unknown) = content(ctx, q);
    let words = || q.words.iter().map(|w| w.norm.as_str());
    let off_topic = words().any(|w| crate::lang::lexicon::questions::OFF_TOPIC.contains(&w))
        && !words()
            .any(|w| crate::lang::lexicon::SWAP_WORDS.contains(&w) || crate::lang::lexicon::PERSON_NOUNS.contains(&w));
    if known.is_empty() || unknown.len() * 2 >= known.len() || off_topic {
        let about = if unknown.is_empty() {
            String::new()
        } else {
            format!(" I found nothing about “{}”.", unknown.join(" "))
        };
        r.line(format!(
            "I answer questions about the prisoner-of-war exchanges between Russia and Ukraine, from {} news articles.{about}",
            ctx.corpus.articles.len()
        ));
        r.line(coverage(ctx.facts));
        return false;
    }
    let known: Vec<Vec<String>> = known.into_iter().filter(|g| !unknown.contains(&g[0])).collect();
    let known_terms: Vec<Vec<String>> =
        known.iter().map(|g| g.iter().flat_map(|w| ctx.index.terms(w)).collect()).collect();
    let speaker: Option<&Vec<String>> = q.filter.reporter.as_ref().map(|p| &p.names).filter(|n| !n.is_empty());
    // A sentence is in the period asked when its article was published then,
    // or when it names a day of that period itself: a report a week later
    // recalls "On the morning of 24 January a Russian Il-76 … crashed".
    // So is every sentence of an article that reports an exchange of that month or
    // year: "One year on: the night Medvedchuk was traded", published in 2023. (A
    // day is named by the sentences themselves; a digest's other days are not it.)
    let span = q.select.periods.first().filter(|p| !matches!(p, crate::lang::dates::Period::Day { .. }));
    let reporting: HashSet<&str> = span.map_or_else(HashSet::new, |p| {
        ctx.facts
            .exchanges
            .iter()
            .filter(|e| super::select::within(e, p))
            .flat_map(|e| e.citations().map(|c| c.article.as_str()))
            .collect()
    });
    let in_period = |at: SentenceRef| -> bool {
        let Some(p) = q.select.periods.first() else { return true };
        let Some(a) = ctx.corpus.articles.get(at.article) else { return false };
        about.contains(&a.id.as_str())
            || reporting.contains(a.id.as_str())
            || p.overlaps(a.published - chrono::Days::new(3), a.published)
            || dated_by(a, at).any(|s| names_a_day_in(s, a.published, p))
    };
    let hits = ctx.index.search(&known, ctx.corpus, FETCHED);
    let plain: Vec<SentenceRef> =
        hits.iter().filter(|h| in_period(h.sentence)).take(BM25_KEPT).map(|h| h.sentence).collect();
    // "the name of the Qatari minister who commented on the four children": the person
    // may be named in a sentence with few of the question's words, in the article
    // that best matches it. Its every sentence is scored, like an article about the
    // exchange asked.
    let who = matches!(q.measure, Measure::Person | Measure::Mediator);
    let best: Vec<&str> = if about.is_empty() && who {
        plain.iter().take(1).filter_map(|at| ctx.corpus.articles.get(at.article)).map(|a| a.id.as_str()).collect()
    } else {
        Vec::new()
    };
    let about: &[&str] = if best.is_empty() { about } else { &best };
    // (score, sentence, words matched, said by the speaker asked about)
    let mut candidates: Vec<(f32, SentenceRef, usize, bool)> = Vec::new();
    let mut seen: HashSet<SentenceRef> = HashSet::new();
    let spoken_by_asked = |at: SentenceRef| -> bool {
        let (Some(names), Some(article)) = (speaker, ctx.corpus.articles.get(at.article)) else { return false };
        ctx.facts
            .speaker_of(&article.id, at.paragraph, at.sentence)
            .is_some_and(|who| names.iter().any(|n| who.to_lowercase().contains(n)))
    };
    // A speaker's every sentence may be scored: each word is analysed once.
    let memo = RefCell::new(ctx.index.term_memo());
    // `spoken`: whether the speaker asked about says it, which the caller knows (`spoken_by_asked`,
    // or true for the speaker's own sentences: looking it up again was a tenth of answering
    // "What did X say" when X speaks in every article).
    let score = |at: SentenceRef, bm25: f32, spoken: bool| -> Option<(f32, usize)> {
        let article = ctx.corpus.articles.get(at.article)?;
        let sentence = article.sentence(at.paragraph, at.sentence)?;
        let mut terms = memo.borrow_mut().terms(sentence);
        // "- **The civilian.** Ivan Samoidiuk, deputy mayor …": a label of a few words
        // before a sentence says what it is about.
        if let Some(label) = at.sentence.checked_sub(1).and_then(|k| article.sentence(at.paragraph, k))
            && crate::lang::text::words(label).iter().filter(|w| !w.is_punct()).count() <= 4
        {
            terms.extend(memo.borrow_mut().terms(label));
        }
        // "Qatari mediation reunites four Ukrainian children …" heads every sentence of its
        // article: "Lolwah Al Khater, Minister of State …, said" is about those children too.
        if who {
            terms.extend(memo.borrow_mut().terms(&article.title));
        }
        // "The five were:" over a list of names is about what the sentence before it says.
        for other in linked::linked(article, at) {
            if let Some(t) = article.sentence(other.paragraph, other.sentence) {
                terms.extend(memo.borrow_mut().terms(t));
            }
        }
        let matched = known_terms.iter().filter(|g| g.iter().any(|t| terms.contains(t))).count();
        let mut s = bm25 + matched as f32;
        if q.measure == Measure::Quote && sentence.contains(['“', '”', '"', '‘', '’']) {
            s += 1.0;
        }
        // "Which US citizen …", "which officials did Zelensky thank": sentences that name people.
        // A list of several names over one that names a speaker.
        if q.measure == Measure::Person {
            s += match names_in(article, at) {
                0 => 0.0,
                n => 3.0 + NAME_BONUS * (n.min(MANY_NAMES) - 1) as f32,
            };
        }
        // "Where was he held?": sentences that name a place.
        if q.measure == Measure::Place && names_a_place(sentence) {
            s += 1.5;
        }
        if spoken {
            s += 6.0;
        }
        if about.contains(&article.id.as_str()) {
            s += 1.0;
        }
        Some((s, matched))
    };
    for h in &hits {
        if in_period(h.sentence) && seen.insert(h.sentence) {
            let spoken = spoken_by_asked(h.sentence);
            if let Some((s, m)) = score(h.sentence, h.score, spoken) {
                candidates.push((s, h.sentence, m, spoken));
            }
        }
    }
    // A hit's linked sentences and the items of its list: the names that "They were
    // flown to Turkey" is about.
    for h in &hits {
        let Some(article) = ctx.corpus.articles.get(h.sentence.article) else { continue };
        if !in_period(h.sentence) {
            continue;
        }
        for at in linked::linked(article, h.sentence).into_iter().chain(linked::items(article, h.sentence)) {
            if seen.insert(at)
                && let Some((s, m)) = score(at, h.score * LINKED_SHARE, false)
            {
                candidates.push((s, at, m, false));
            }
        }
    }
    // The articles about the exchange asked: every sentence of theirs that matches a
    // word of the question, BM25 hit or not (they are few; the corpus-wide top hits
    // may all be other swaps' sentences with "exchange" and "one").
    for id in about {
        let Some(i) = ctx.corpus.index_of(id) else { continue };
        let Some(article) = ctx.corpus.articles.get(i) else { continue };
        for (paragraph, sentence, _) in article.sentences() {
            let at = SentenceRef { article: i, paragraph, sentence };
            if seen.insert(at)
                && let Some((s, m)) = score(at, 0.0, false)
                && m > 0
            {
                candidates.push((s, at, m, false));
            }
        }
    }
    // "What did Yermak say …": every sentence he speaks in the period, BM25 hit or not.
    if let Some(names) = speaker {
        // They come by article: one lookup of the article's position per article.
        let mut last: Option<(&str, Option<usize>)> = None;
        for (article, paragraph, sentence) in ctx.facts.sentences_spoken_by(names) {
            let position = match last {
                Some((id, position)) if id == article => position,
                _ => ctx.corpus.index_of(article),
            };
            last = Some((article, position));
            let Some(i) = position else { continue };
            let at = SentenceRef { article: i, paragraph, sentence };
            if in_period(at)
                && seen.insert(at)
                && let Some((s, m)) = score(at, 0.0, true)
            {
                candidates.push((s, at, m, true));
            }
        }
    }
    // "An earlier version of our report … gave the age of the oldest as 47": a withdrawn
    // figure is not quoted, unless the question asks about the correction.
    let asks_correction = q.words.iter().any(|w| {
        ["correction", "corrected", "error", "wrong", "wrongly", "version", "retracted"].contains(&w.norm.as_str())
    });
    let quotable = |at: &SentenceRef| {
        asks_correction
            || !ctx
                .corpus
                .articles
                .get(at.article)
                .and_then(|a| a.sentence(at.paragraph, at.sentence))
                .is_some_and(withdraws)
    };
    candidates.retain(|c| quotable(&c.1));
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    // "What is the name of …": the best sentence that names someone first.
    if q.measure == Measure::Person
        && let Some(k) = candidates
            .iter()
            .position(|c| ctx.corpus.articles.get(c.1.article).is_some_and(|a| names_people_in(a, c.1)))
    {
        let named = candidates.remove(k);
        candidates.insert(0, named);
    }
    // Some sentence must match a word that says what the question is about
    // ("illnesses", "Chornobyl"), not only the vocabulary of every swap.
    let telling: Vec<usize> = known
        .iter()
        .enumerate()
        .filter(|(_, g)| !crate::understand::GENERIC.contains(&g[0].as_str()))
        // "Which country brokered …": what is sought, said in any words.
        .filter(|(_, g)| {
            use crate::lang::lexicon::questions::{MEDIATE, MEDIATOR_ASKED};
            q.measure != Measure::Mediator
                || !MEDIATE.contains(&g[0].as_str()) && !MEDIATOR_ASKED.contains(&g[0].as_str())
        })
        // "How old was the oldest …" asks one thing: a word that begins another
        // of the question's words ("old", "oldest") is not a second word to match.
        .filter(|(i, g)| {
            !known
                .iter()
                .enumerate()
                .any(|(j, h)| j != *i && g[0].len() >= 3 && h[0] != g[0] && h[0].starts_with(&g[0]))
        })
        .map(|(i, _)| i)
        .collect();
    // Half the telling words, not one of them: "what time does the market open in Moscow"
    // is not answered by "Times are Kyiv time".
    let telling_hit = |at: &SentenceRef| -> bool {
        let Some(sentence) = ctx.corpus.articles.get(at.article).and_then(|a| a.sentence(at.paragraph, at.sentence))
        else {
            return false;
        };
        let mut terms = memo.borrow_mut().terms(sentence);
        let own = telling.iter().any(|&i| known_terms[i].iter().any(|t| terms.contains(t)));
        if who && let Some(a) = ctx.corpus.articles.get(at.article) {
            terms.extend(memo.borrow_mut().terms(&a.title));
        }
        let hits = telling.iter().filter(|&&i| known_terms[i].iter().any(|t| terms.contains(t))).count();
        let hits = if own { hits } else { 0 };
        hits > 0 && hits * 2 >= telling.len()
    };
    // A question in none of the words of this domain (no side, swap, prisoner,
    // speaker, place, mediator: "what was the score in Dynamo's last match?")
    // is answered only by a sentence holding all its words but one, not by
    // one that happens to name a club.
    let in_domain = crate::lang::gazetteer::tag(&q.words)
        .iter()
        .any(|t| !matches!(t.tag, Tag::Cue(_) | Tag::Speech | Tag::Thing(Thing::Other)));
    // Words the corpus never saw count against a sentence too: "what time does the market
    // open in Moscow" is not answered by "Times are Kyiv time".
    let asked = known.len() + unknown.len();
    // A sentence of an article about the exchange asked that matches a word of the
    // question is on it ("list the civilians ukraine got back on …": "The civilian.").
    let reports =
        |at: &SentenceRef| ctx.corpus.articles.get(at.article).is_some_and(|a| about.contains(&a.id.as_str()));
    let found = candidates.iter().any(|(_, at, m, spoken)| {
        if in_domain { m * 2 >= asked || telling_hit(at) || *spoken || *m > 0 && reports(at) } else { m + 1 >= asked }
    });
    if !found {
        r.line("I found nothing in my sources that answers that.");
        r.line(coverage(ctx.facts));
        return false;
    }
    // A sentence linked to one already quoted ("Those coming home, he said, …" after
    // "Andriy Yermak … said") is quoted with it and takes no place of its own.
    let joins = |shown: &[SentenceRef], at: SentenceRef| {
        ctx.corpus.articles.get(at.article).is_some_and(|a| {
            shown.iter().any(|s| {
                s.article == at.article && (linked::linked(a, at).contains(s) || linked::linked(a, *s).contains(&at))
            })
        })
    };
    let mut shown: Vec<SentenceRef> = Vec::new();
    for c in &candidates {
        if places(&shown, joins) == SHOWN && !joins(&shown, c.1) {
            break;
        }
        shown.push(c.1);
    }
    let kept: Vec<SentenceRef> = plain.iter().copied().filter(|p| quotable(p)).collect();
    for p in plain.into_iter().filter(quotable) {
        if !shown.contains(&p) {
            shown.insert(shown.len().min(SHOWN - 1), p);
        }
    }
    while places(&shown, joins) > SHOWN.max(BM25_KEPT) {
        shown.pop();
    }
    r.line("From my sources:");
    let asks_when = q.words.first().is_some_and(|w| w.is("when"))
        || q.words.windows(2).any(|p| p[0].is("what") && (p[1].is("date") || p[1].is("day")));
    // "Which exchange freed the oldest person?": each quote says which exchange
    // its report is about, when the report is about one.
    let asks_exchange = asks_when
        || q.words.windows(3).any(|p| {
            (p[0].is("which") || p[0].is("what")) && p[1..].iter().any(|w| SWAP_NOUNS.contains(&w.norm.as_str()))
        });
    let mut days: Vec<String> = Vec::new();
    // Each snippet is one or two stretches of its article's body; stretches
    // that overlap or touch are quoted once, as one.
    let mut snippets: Vec<(usize, Vec<Range<usize>>)> = Vec::new();
    // The first sentence quoted from each article: it says which exchange the quote is about.
    let mut first_quoted: Vec<SentenceRef> = Vec::new();
    for at in shown {
        let pieces = snippet(ctx, at, q.measure == Measure::Quote, &quotable);
        if !first_quoted.iter().any(|f| f.article == at.article) {
            first_quoted.push(at);
        }
        let before = snippets.clone();
        if let Some((_, theirs)) = snippets
            .iter_mut()
            .find(|(a, theirs)| *a == at.article && theirs.iter().any(|t| pieces.iter().any(|p| meet(t, p))))
        {
            theirs.extend(pieces);
            *theirs = joined(std::mem::take(theirs));
        } else {
            snippets.push((at.article, joined(pieces)));
        }
        // A reply is an answer, not every sentence near one: the best are quoted whole,
        // the rest only while the quotes stay short.
        let quoted: usize = snippets.iter().flat_map(|(_, r)| r.iter().map(|r| r.len())).sum();
        // (Never a plain BM25 hit: see the invariant above.)
        if quoted > QUOTED_BYTES && !before.is_empty() && !kept.contains(&at) {
            snippets = before;
        }
    }
    for (i, ranges) in snippets {
        let Some(article) = ctx.corpus.articles.get(i) else { continue };
        let pieces: Vec<String> = ranges.iter().map(|r| article.body[r.clone()].to_string()).collect();
        let quoted = first_quoted.iter().find(|f| f.article == i).map_or((0, 0), |f| (f.paragraph, f.sentence));
        let about = ctx
            .facts
            .exchange_at(article, quoted)
            .filter(|_| asks_exchange)
            .map(|e| format!(", on the exchange of **{}**", e.date.label()))
            .unwrap_or_default();
        r.line(format!("> {}\n— *{}*{about}", pieces.join(" … "), article.outlet));
        for piece in pieces {
            if asks_when {
                days.extend(days_named(&piece, article.published));
            }
            r.cite(&Citation { article: article.id.clone(), sentence: piece });
        }
    }
    // "When did the Il-76 go down?": say which day "on Wednesday" is.
    days.dedup();
    if !days.is_empty() {
        r.line(format!("In these reports {}.", days.join("; ")));
    }
    true
}

/// How many places the sentences `shown` take: one each, but none for one
/// linked to a sentence before it.
fn places(shown: &[SentenceRef], joins: impl Fn(&[SentenceRef], SentenceRef) -> bool) -> usize {
    (0..shown.len()).filter(|&i| !joins(&shown[..i], shown[i])).count()
}

/// Does a sentence say a figure was reported wrongly (`RETRACTIONS`)?
fn withdraws(sentence: &str) -> bool {
    let words = crate::lang::text::words(sentence);
    crate::lang::lexicon::RETRACTIONS
        .iter()
        .any(|p| words.windows(p.len()).any(|w| w.iter().zip(p.iter()).all(|(x, y)| x.is(y))))
}

/// Nouns that name an exchange in "which exchange …", "what swap …".
const SWAP_NOUNS: &[&str] = &["exchange", "swap", "trade", "handover"];

/// The text that dates a sentence: itself, the sentences before it in its
/// paragraph, and the heading line over its section ("23 July 2025" over a
/// roundup's entry): the nearest short one-line paragraph above it.
fn dated_by(article: &crate::corpus::Article, at: SentenceRef) -> impl Iterator<Item = &str> {
    let own = (0..=at.sentence).rev().filter_map(move |k| article.sentence(at.paragraph, k));
    let heading = (at.paragraph.saturating_sub(HEADING_REACH)..at.paragraph)
        .rev()
        .filter_map(|p| article.paragraphs.get(p))
        .find(|p| p.sentences.len() == 1 && p.sentences.first().is_some_and(|s| article.text(s).chars().count() <= 40))
        .and_then(|p| p.sentences.first())
        .map(|span| article.text(span));
    own.chain(heading)
}

/// How many paragraphs above a sentence its section's heading may be.
const HEADING_REACH: usize = 8;

/// Does a sentence name a day (or a month) inside `period`, read against
/// its article's publication day?
fn names_a_day_in(sentence: &str, published: chrono::NaiveDate, period: &crate::lang::dates::Period) -> bool {
    let words = crate::lang::text::words(sentence);
    crate::lang::dates::find(&words, crate::lang::dates::Anchor::Published(published))
        .iter()
        .filter_map(|m| m.period.bounds())
        .any(|(from, to)| period.bounds().map_or_else(|| period.overlaps(from, to), |(pf, pt)| from >= pf && to <= pt))
}

/// The days a quoted stretch names, read against its article's publication
/// day: "“on Wednesday” is 24 January 2024".
fn days_named(text: &str, published: chrono::NaiveDate) -> Vec<String> {
    let words = crate::lang::text::words(text);
    crate::lang::dates::find(&words, crate::lang::dates::Anchor::Published(published))
        .into_iter()
        .filter_map(|m| match m.period {
            crate::lang::dates::Period::Day { date } => {
                let said = &text[words[m.words.start].span.start..words[m.words.end - 1].span.end];
                Some(format!("“{said}” is {}", crate::lang::dates::day_label(date)))
            }
            _ => None,
        })
        .collect()
}

/// The sentence, and the next one of its paragraph when it is short or a
/// quotation continues there: verbatim stretches of the body.
fn snippet(ctx: &Context, at: SentenceRef, quote: bool, quotable: &dyn Fn(&SentenceRef) -> bool) -> Vec<Range<usize>> {
    let Some(article) = ctx.corpus.articles.get(at.article) else { return Vec::new() };
    let Some(para) = article.paragraphs.get(at.paragraph) else { return Vec::new() };
    let Some(span) = para.sentences.get(at.sentence) else { return Vec::new() };
    let text = article.text(span);
    // "He was the only civilian …": the sentence before says who he is (in
    // this paragraph, or as the last of the one before; pieces of a snippet
    // are joined with " … ").
    let mut start = span.start;
    let mut out = Vec::new();
    // (Not a withdrawn one: "An earlier version … gave the age … as 47. Both statements were wrong.")
    let back = at.sentence.checked_sub(1).map(|k| SentenceRef { sentence: k, ..at });
    if linked::refers_back(text) && back.is_none_or(|b| quotable(&b)) {
        match back.and_then(|b| para.sentences.get(b.sentence)) {
            Some(prev) => start = prev.start,
            None => {
                let prev = at
                    .paragraph
                    .checked_sub(1)
                    .and_then(|p| article.paragraphs.get(p))
                    .and_then(|p| p.sentences.last());
                if let Some(prev) = prev {
                    out.push(prev.clone());
                }
            }
        }
    }
    // "… the oldest passenger on board was Vitalii Atamanchuk. He is 74.": a
    // short next sentence that starts with a pronoun goes on about the same one.
    let next_goes_on = para
        .sentences
        .get(at.sentence + 1)
        .is_some_and(|n| linked::refers_back(article.text(n)) && article.text(n).chars().count() < 60);
    let extend = (quote && opens_quote(text)) || text.chars().count() < 80 || next_goes_on;
    let end = match para.sentences.get(at.sentence + 1) {
        Some(next) if extend => next.end,
        _ => span.end,
    };
    out.push(start..end);
    // "They include:" then "- **Dmytro Khyliuk**, a journalist …": a lead-in's list is what it says.
    let last = SentenceRef { sentence: para.sentences.len().saturating_sub(1), ..at };
    if end == para.sentences.last().map_or(span.end, |s| s.end) {
        out.extend(linked::list_after(article, last));
    }
    out
}

/// Stretches of one body in order, those that overlap or touch made one.
fn joined(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if meet(last, &r) => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Do two stretches of one body overlap or touch (only blanks between them)?
fn meet(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start <= b.end + 1 && b.start <= a.end + 1
}

/// Short words inside a name: "Lolwah Al Khater", "Ursula von der Leyen".
const NAME_PARTICLES: &[&str] = &["al", "el", "bin", "ibn", "von", "van", "de", "da", "di", "le", "la"];

/// How many names a sentence holds ("Suedi Murekezi", "Kyrylo Budanov"): runs of two capitalised words or more
/// ("Denys Prokopenko", "Recep Tayyip Erdogan" are one each).
fn names(words: &[crate::lang::text::Word]) -> usize {
    let starts = |i: usize, w: &[crate::lang::text::Word]| {
        // "Ivan Samoidiuk, deputy mayor …" opens its sentence with a name; "The Russian …" not.
        (i > 0 || !crate::lang::lexicon::STOP_WORDS.contains(&w[0].norm.as_str()))
            // "Four Ukrainian minors …" is no name.
            && w[0].number().is_none()
            && w[0].capitalized
            && w[1].capitalized
            && w[0].norm.len() > 2
            && (w[1].norm.len() > 2 || NAME_PARTICLES.contains(&w[1].norm.as_str()))
    };
    let mut n = 0;
    let mut inside = false;
    for (i, w) in words.windows(2).enumerate() {
        let name = starts(i, w);
        if name && !inside {
            n += 1;
        }
        // A run goes on while its words are capitalised: "Recep Tayyip Erdogan".
        inside = name || inside && w[1].capitalized;
    }
    n
}

/// How many people the sentence at `at` names, itself or through the list it
/// leads into ("The five were:" over "- Denys Prokopenko …").
fn names_in(article: &crate::corpus::Article, at: SentenceRef) -> usize {
    std::iter::once(at)
        .chain(linked::items(article, at))
        .filter_map(|i| article.sentence(i.paragraph, i.sentence))
        .map(|s| names(&crate::lang::text::words(s)))
        .sum()
}

fn names_people_in(article: &crate::corpus::Article, at: SentenceRef) -> bool {
    names_in(article, at) > 0
}

/// Does a sentence name a place ("in Krasnyi Luch", "near Sumy"): a
/// capitalised word right after a preposition of place, not at its start.
fn names_a_place(sentence: &str) -> bool {
    let words = crate::lang::text::words(sentence);
    words.windows(2).enumerate().any(|(i, w)| {
        i > 0
            && ["in", "at", "near", "to", "from"].contains(&w[0].norm.as_str())
            && w[1].capitalized
            && w[1].norm.len() > 2
    })
}

fn opens_quote(text: &str) -> bool {
    text.matches(['“', '"']).count() > text.matches(['”']).count() || text.ends_with(':')
}
