//! The answer as every front end receives it, and as `ask --json` prints it.

use serde::Serialize;

use crate::lang::Lang;
use crate::understand::Measure;

/// A reply to one question, with the figures and sources behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub question: String,
    /// `false` when the corpus does not support an answer; `text` then says
    /// what the bot does cover.
    pub answered: bool,
    /// What the question asked for ("count", "date", "mediator", …).
    #[serde(rename = "intent")]
    pub measure: Measure,
    /// The language of `text`: the question's (see `lang::locale`). Quoted
    /// sentences and `sources` stay in their articles' language.
    pub lang: Lang,
    /// The reply in Discord Markdown.
    pub text: String,
    /// Every figure the reply states, with the sentence it came from.
    pub figures: Vec<FigureRef>,
    /// The exchanges the reply is about.
    pub exchanges: Vec<ExchangeRef>,
    /// Articles behind the reply, each with verbatim snippets.
    pub sources: Vec<Source>,
}

impl Answer {
    /// One reply to a question asked in two parts ("… and who brokered it?"): both texts in
    /// order, every figure, exchange and source once. Answered only when both parts are.
    pub fn and(mut self, other: Answer, question: &str) -> Answer {
        self.question = question.to_string();
        self.answered &= other.answered;
        // Both parts may be answered by the same lines ("the swap after the 47th, and how
        // many came back?"): each line once.
        let mut text = self.text.trim_end().to_string();
        for line in other.text.lines().filter(|l| !self.text.lines().any(|x| x == *l)) {
            text.push('\n');
            text.push_str(line);
        }
        self.text = text;
        for f in other.figures {
            if !self.figures.contains(&f) {
                self.figures.push(f);
            }
        }
        for e in other.exchanges {
            if !self.exchanges.iter().any(|x| x.id == e.id && x.stage == e.stage) {
                self.exchanges.push(e);
            }
        }
        for src in other.sources {
            match self.sources.iter_mut().find(|x| x.article == src.article) {
                Some(x) if !x.snippet.contains(&src.snippet) => x.snippet = format!("{} … {}", x.snippet, src.snippet),
                Some(_) => {}
                None => self.sources.push(src),
            }
        }
        self
    }
}

/// A stated figure and its citation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct FigureRef {
    /// What the number counts, e.g. "19 March 2025: returned to Ukraine (Russia's Defence Ministry)".
    pub label: String,
    pub value: String,
    /// The number as the sentence writes it ("1,000", "nine").
    pub text: String,
    pub article: String,
    pub sentence: String,
}

/// An exchange a reply is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExchangeRef {
    /// "2025-03-19", or "2024-10" when only the month is known.
    pub id: String,
    /// ISO date (or month).
    pub date: String,
    /// "19 March 2025".
    pub label: String,
    /// Stage number within a multi-day exchange.
    pub stage: Option<u32>,
    pub series: Option<String>,
    pub mediators: Vec<String>,
    pub sources: Vec<String>,
}

/// An article behind a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub article: String,
    pub outlet: String,
    /// YYYY-MM-DD.
    pub published: String,
    pub url: String,
    /// Verbatim article text; several pieces are joined with " … ".
    pub snippet: String,
}

/// An autocomplete choice for an exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// What the user sees: "19 March 2025 — 372 in all".
    pub name: String,
    /// The exchange id.
    pub value: String,
}
