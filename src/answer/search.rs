//! Free questions ("What did Peskov say …?", "How many drones …?") are
//! answered with the best verbatim sentences from the corpus.

use super::reply::{Reply, coverage};
use super::{Answer, Context};
use crate::corpus::SentenceRef;
use crate::facts::Citation;
use crate::lang::dates::day_label;
use crate::lang::lexicon;
use crate::lang::text::{self, WordKind};
use crate::understand::Question;

/// Snippets quoted in a search answer.
const SHOWN: usize = 3;
/// Hits fetched before filtering and re-ranking.
const FETCHED: usize = 40;

pub fn answer(ctx: &Context, q: &Question) -> Answer {
    let mut r = Reply::default();
    // Words the analyzer keeps; of those, the ones the corpus never uses.
    let content: Vec<&Vec<String>> = q.search.iter().filter(|g| !ctx.index.terms(&g[0]).is_empty()).collect();
    let unknown: Vec<&str> = content
        .iter()
        .filter(|g| !g.iter().any(|w| ctx.index.terms(w).iter().all(|t| ctx.index.knows(t))))
        .map(|g| g[0].as_str())
        .collect();
    if content.is_empty() || unknown.len() * 2 >= content.len() {
        let about = if unknown.is_empty() {
            String::new()
        } else {
            format!(" I found nothing about “{}”.", unknown.join(" "))
        };
        r.line(format!("I answer questions about the prisoner-of-war exchanges between Russia and Ukraine, from {} news articles.{about}", ctx.corpus.articles.len()));
        r.line(coverage(ctx.facts));
        return r.finish(q, false, ctx.corpus);
    }
    let known: Vec<Vec<String>> = content.iter().map(|g| (*g).clone()).collect();
    // Each group's analyzed terms, computed once rather than per candidate.
    let known_terms: Vec<Vec<String>> =
        known.iter().map(|g| g.iter().flat_map(|w| ctx.index.terms(w)).collect()).collect();
    let counted = counted_term(ctx, q);
    let mut scored: Vec<(f32, SentenceRef, usize)> = Vec::new();
    for hit in ctx.index.search(&known, ctx.corpus, FETCHED) {
        let Some(article) = ctx.corpus.articles.get(hit.sentence.article) else {
            continue;
        };
        // News of an event is published within days of it.
        if let Some(p) = q.periods.first()
            && !p.overlaps(article.published - chrono::Days::new(3), article.published)
        {
            continue;
        }
        let Some(sentence) = article.sentence(hit.sentence.paragraph, hit.sentence.sentence) else {
            continue;
        };
        let terms = ctx.index.terms(sentence);
        let matched = known_terms.iter().filter(|g| g.iter().any(|t| terms.contains(t))).count();
        let mut score = hit.score + matched as f32;
        if q.quote && sentence.contains(['“', '”', '"', '‘', '’']) {
            score += 1.0;
        }
        if let Some(names) = &q.speaker {
            // "What did X say": X's own statements come first.
            if speaks(sentence, names) {
                score += 10.0;
            }
        }
        if let Some(stem) = &counted
            && counts_term(ctx, sentence, stem)
        {
            score += 2.0;
        }
        tracing::debug!(score, matched, sentence, "search candidate");
        scored.push((score, hit.sentence, matched));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Some sentence must cover at least half of what was asked.
    let enough = scored.iter().any(|(_, _, m)| m * 2 >= known.len());
    if !enough {
        r.line("I found nothing in my sources that answers that.");
        r.line(coverage(ctx.facts));
        return r.finish(q, false, ctx.corpus);
    }
    r.line("From my sources:");
    for (_, at, _) in scored.iter().take(SHOWN) {
        let Some(article) = ctx.corpus.articles.get(at.article) else {
            continue;
        };
        let snippet = snippet(ctx, *at, q.quote);
        r.line(format!("> {snippet}\n— *{}, {}*", article.outlet, day_label(article.published)));
        r.cite(&Citation { article: article.id.clone(), sentence: snippet });
    }
    r.finish(q, true, ctx.corpus)
}

/// The sentence, and the next one of its paragraph when it is short or a
/// quotation continues there: one verbatim stretch of the body.
fn snippet(ctx: &Context, at: SentenceRef, quote: bool) -> String {
    let Some(article) = ctx.corpus.articles.get(at.article) else {
        return String::new();
    };
    let Some(para) = article.paragraphs.get(at.paragraph) else {
        return String::new();
    };
    let Some(span) = para.sentences.get(at.sentence) else {
        return String::new();
    };
    let text = article.text(span);
    let extend = quote || text.chars().count() < 80;
    match para.sentences.get(at.sentence + 1) {
        Some(next) if extend => article.body[span.start..next.end].to_string(),
        _ => text.to_string(),
    }
}

/// Is one of `names` the speaker of the sentence ("…,” Peskov told journalists)?
fn speaks(sentence: &str, names: &[String]) -> bool {
    let words = text::words(sentence);
    words.iter().enumerate().any(|(i, w)| {
        names.contains(&w.norm)
            && words[i.saturating_sub(3)..(i + 4).min(words.len())]
                .iter()
                .any(|x| lexicon::SPEECH_VERBS.contains(&x.norm.as_str()))
    })
}

/// The analyzed term of the noun a "how many" question counts ("drones").
fn counted_term(ctx: &Context, q: &Question) -> Option<String> {
    let at = q.words.windows(2).position(|w| w[0].is("how") && w[1].is("many"))?;
    let noun = q.words.get(at + 2)?;
    ctx.index.terms(&noun.norm).into_iter().next()
}

/// Does the sentence count the term ("145 drones")?
fn counts_term(ctx: &Context, sentence: &str, stem: &str) -> bool {
    let words = text::words(sentence);
    words.iter().enumerate().any(|(i, w)| {
        w.kind == WordKind::Number
            && words[i + 1..].iter().take(2).any(|n| ctx.index.terms(&n.norm).iter().any(|t| t == stem))
    })
}
