//! Building a reply: text plus the figures and citations behind it, turned
//! into an `Answer` with verbatim source snippets.

use std::collections::HashSet;

use super::model::{Answer, ExchangeRef, FigureRef, Source};
use crate::corpus::Corpus;
use crate::facts::{Citation, Exchange, Facts, Figure};
use crate::understand::Question;

/// Sources listed per answer, at most.
const MAX_SOURCES: usize = 5;
/// Sentences quoted per source, at most.
const MAX_PIECES: usize = 3;

#[derive(Debug, Default)]
pub struct Reply {
    pub text: String,
    figures: Vec<FigureRef>,
    cites: Vec<Citation>,
    exchanges: Vec<ExchangeRef>,
    /// What `figures`, `cites` and `exchanges` already hold: a sum over every exchange on
    /// record adds thousands, and a scan per addition made such a reply quadratic.
    seen_figures: HashSet<FigureRef>,
    seen_cites: HashSet<Citation>,
    seen_exchanges: HashSet<String>,
}

impl Reply {
    pub fn line(&mut self, line: impl AsRef<str>) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(line.as_ref());
    }

    /// Records a stated figure and cites its sentence.
    pub fn figure(&mut self, label: impl Into<String>, f: &Figure) {
        let r = FigureRef {
            label: label.into(),
            value: f.value.to_string(),
            text: f.text.clone(),
            article: f.cite.article.clone(),
            sentence: f.cite.sentence.clone(),
        };
        if !self.seen_figures.contains(&r) {
            self.seen_figures.insert(r.clone());
            self.figures.push(r);
        }
        self.cite(&f.cite);
    }

    pub fn cite(&mut self, c: &Citation) {
        if !self.seen_cites.contains(c) {
            self.seen_cites.insert(c.clone());
            self.cites.push(c.clone());
        }
    }

    pub fn exchange(&mut self, e: &Exchange) {
        if !self.seen_exchanges.insert(e.id.clone()) {
            return;
        }
        let mut mediators: Vec<String> = Vec::new();
        for m in &e.mediators {
            if !mediators.contains(&m.value) {
                mediators.push(m.value.clone());
            }
        }
        self.exchanges.push(ExchangeRef {
            id: e.id.clone(),
            date: e.id.clone(),
            label: e.date.label(),
            stage: e.stage.as_ref().map(|s| s.number),
            series: e.series.clone(),
            mediators,
            sources: e.sources.clone(),
        });
    }

    pub fn finish(self, q: &Question, answered: bool, corpus: &Corpus) -> Answer {
        Answer {
            question: q.text.clone(),
            answered,
            measure: q.measure,
            lang: q.lang,
            text: self.text,
            figures: self.figures,
            exchanges: self.exchanges,
            sources: sources(&self.cites, corpus),
        }
    }
}

/// One source per article, in the order first cited, each quoting the
/// cited sentences verbatim.
fn sources(cites: &[Citation], corpus: &Corpus) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    let mut pieces: Vec<Vec<&str>> = Vec::new();
    for c in cites {
        // Once every source is full, the rest cannot add anything: a reply citing thousands
        // of sentences looks no further.
        if out.len() == MAX_SOURCES && pieces.iter().all(|p| p.len() >= MAX_PIECES) {
            break;
        }
        // Whether the citation would add anything is asked first: checking it against its
        // article's body costs a search through the body, once per citation.
        let at = out.iter().position(|s| s.article == c.article);
        let adds = match at {
            Some(i) => pieces[i].len() < MAX_PIECES && !pieces[i].contains(&c.sentence.as_str()),
            None => out.len() < MAX_SOURCES,
        };
        if !adds {
            continue;
        }
        let Some(article) = corpus.get(&c.article) else {
            continue;
        };
        // Only text that really is in the body may be quoted.
        if !article.body.contains(c.sentence.as_str()) {
            continue;
        }
        match at {
            Some(i) => pieces[i].push(&c.sentence),
            None => {
                out.push(Source {
                    article: article.id.clone(),
                    outlet: article.outlet.clone(),
                    published: article.published.to_string(),
                    url: article.url.clone(),
                    snippet: String::new(),
                });
                pieces.push(vec![&c.sentence]);
            }
        }
    }
    for (s, p) in out.iter_mut().zip(pieces) {
        s.snippet = p.iter().flat_map(|x| unmarked(x)).collect::<Vec<_>>().join(" … ");
    }
    out
}

/// A sentence's verbatim stretches between Markdown marks: "**24 Aug,
/// 14:10** - Russia's …" quotes as "24 Aug, 14:10 … - Russia's …", so
/// every piece of a snippet is text of the article exactly as written.
fn unmarked(sentence: &str) -> Vec<&str> {
    sentence.split(crate::lang::text::MARKUP).map(str::trim).filter(|p| p.chars().any(char::is_alphanumeric)).collect()
}

/// "1,000" for 1000: how replies write numbers.
pub fn num(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "A; B and 2 more": speakers, briefly.
pub fn names(list: &[&str]) -> String {
    match list.len() {
        0 => String::new(),
        1..=3 => list.join("; "),
        n => format!("{} and {} more", list[..2].join("; "), n - 2),
    }
}

/// What the bot covers, for abstentions and replies that point beyond themselves.
pub fn coverage(facts: &Facts) -> String {
    match (facts.exchanges.first(), facts.exchanges.last()) {
        (Some(a), Some(b)) => format!(
            "I know of {} prisoner exchanges between Russia and Ukraine, from {} to {}.",
            facts.exchanges.len(),
            a.date.label(),
            b.date.label()
        ),
        _ => "I have no exchanges on record yet.".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(num(1000), "1,000");
        assert_eq!(num(372), "372");
        assert_eq!(num(1234567), "1,234,567");
    }
}
