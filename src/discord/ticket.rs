//! Tickets: what rebuilds an answer, carried in the `custom_id` of the buttons under it.
//!
//! A button press may come long after the answer (after a restart, or to another
//! `serve-http` instance), so a button carries the request that made the answer and the bot
//! asks the engine again: the engine is deterministic, so on the same corpus the same request
//! gives the same answer. A follow-up's ticket carries the context it continued from (the
//! previous answer's exchanges and measure), so it needs no chain of earlier answers.
//!
//! A `custom_id` holds at most 100 characters. A ticket that does not fit with its action is
//! kept in the store (`store::Store::keep_ticket`) under a short key of its hash, and the
//! button carries the key instead ([`Reference::Kept`]).

use sha2::{Digest, Sha256};

use crate::answer::{Answer, Previous, followup};
use crate::engine::Engine;
use crate::render::text::measure;

use super::limits;

/// The request that made an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ticket {
    /// `/ask` or a mention, continuing from `previous` when it was a follow-up.
    Ask { question: String, previous: Option<Previous> },
    /// `/exchange` with this date or id.
    Exchange { key: String },
}

/// Where a button finds its ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// In the `custom_id` itself.
    Inline(Ticket),
    /// In the store, under this key (16 hex digits).
    Kept(String),
}

/// What a button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Every cited sentence of the answer, only for the presser.
    Sources,
    /// 👍
    Helpful,
    /// 👎: opens a short form asking what was wrong.
    Wrong,
    /// The form's submission.
    Explain,
}

impl Action {
    const ALL: [(Action, &'static str); 4] =
        [(Action::Sources, "src"), (Action::Helpful, "up"), (Action::Wrong, "down"), (Action::Explain, "why")];

    fn tag(self) -> &'static str {
        Action::ALL.iter().find(|(action, _)| *action == self).map_or("src", |(_, tag)| tag)
    }
}

impl Ticket {
    /// The ticket as text: `q|QUESTION`, `f|IDS|MEASURE|QUESTION` for a follow-up (ids joined
    /// by commas), `x|KEY`. The question comes last, so it may contain any character.
    pub fn encode(&self) -> String {
        match self {
            Ticket::Ask { question, previous: None } => format!("q|{question}"),
            Ticket::Ask { question, previous: Some(p) } => {
                format!("f|{}|{}|{question}", p.exchanges.join(","), p.measure)
            }
            Ticket::Exchange { key } => format!("x|{key}"),
        }
    }

    /// Reads [`Ticket::encode`]'s text; `None` for anything else.
    pub fn decode(text: &str) -> Option<Ticket> {
        let (kind, rest) = text.split_once('|')?;
        match kind {
            "q" => Some(Ticket::Ask { question: rest.to_string(), previous: None }),
            "x" => Some(Ticket::Exchange { key: rest.to_string() }),
            "f" => {
                let mut parts = rest.splitn(3, '|');
                let ids = parts.next()?;
                let measure = followup::measure_named(parts.next()?)?;
                let question = parts.next()?.to_string();
                let exchanges: Vec<String> = ids.split(',').filter(|id| !id.is_empty()).map(str::to_string).collect();
                if exchanges.is_empty() {
                    return None;
                }
                Some(Ticket::Ask { question, previous: Some(Previous { exchanges, measure }) })
            }
            _ => None,
        }
    }

    /// The short key the store keeps an over-long ticket under.
    pub fn key(&self) -> String {
        hash_hex(&self.encode())
    }

    /// Whether the ticket fits in a `custom_id` beside every action.
    pub fn fits(&self) -> bool {
        Action::ALL.iter().all(|(action, _)| measure(&inline_id(*action, self)) <= limits::CUSTOM_ID)
    }

    /// The button id for `action` on the answer this ticket makes.
    pub fn custom_id(&self, action: Action) -> String {
        if self.fits() { inline_id(action, self) } else { format!("{}:k|{}", action.tag(), self.key()) }
    }

    /// Whether the answer's language is the question's own: a question in words decides
    /// it, a date (`/exchange 2025-03-19`) does not, so the asker's locale may.
    pub fn decides_language(&self) -> bool {
        match self {
            Ticket::Ask { question, .. } => crate::lang::locale::detect(question).is_some(),
            Ticket::Exchange { .. } => false,
        }
    }

    /// Asks the engine again. Synchronous: call it off the async executor.
    pub fn answer(&self, engine: &Engine) -> Answer {
        match self {
            Ticket::Ask { question, previous } => engine.ask_with(question, previous.as_ref()),
            Ticket::Exchange { key } => engine.describe_exchange(key),
        }
    }
}

fn inline_id(action: Action, ticket: &Ticket) -> String {
    format!("{}:{}", action.tag(), ticket.encode())
}

/// Reads a button's or a form's `custom_id`.
pub fn parse_custom_id(id: &str) -> Option<(Action, Reference)> {
    let (tag, rest) = id.split_once(':')?;
    let action = Action::ALL.iter().find(|(_, t)| *t == tag)?.0;
    let reference = match rest.strip_prefix("k|") {
        Some(key) if key.len() == 16 && key.bytes().all(|b| b.is_ascii_hexdigit()) => Reference::Kept(key.to_string()),
        Some(_) => return None,
        None => Reference::Inline(Ticket::decode(rest)?),
    };
    Some((action, reference))
}

/// The first 16 hex digits of the SHA-256 of `text`: short, and not guessable from a user id.
pub fn hash_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().take(8).map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::Measure;

    #[test]
    fn tickets_read_back_what_they_wrote() {
        let tickets = [
            Ticket::Ask { question: "How many on 19 March 2025? | a pipe".into(), previous: None },
            Ticket::Ask {
                question: "and the one before?".into(),
                previous: Some(Previous {
                    exchanges: vec!["2025-05-23".into(), "2025-05-24".into()],
                    measure: Measure::Count,
                }),
            },
            Ticket::Exchange { key: "2025-03-19".into() },
        ];
        for ticket in tickets {
            for action in [Action::Sources, Action::Helpful, Action::Wrong, Action::Explain] {
                let id = ticket.custom_id(action);
                assert!(id.len() <= limits::CUSTOM_ID, "{id}");
                assert_eq!(parse_custom_id(&id), Some((action, Reference::Inline(ticket.clone()))), "{id}");
            }
        }
    }

    #[test]
    fn a_long_ticket_is_referred_to_by_key() {
        let ticket = Ticket::Ask { question: "why ".repeat(40), previous: None };
        assert!(!ticket.fits());
        let id = ticket.custom_id(Action::Sources);
        assert!(id.len() <= limits::CUSTOM_ID, "{id}");
        assert_eq!(parse_custom_id(&id), Some((Action::Sources, Reference::Kept(ticket.key()))));
    }

    #[test]
    fn ids_from_elsewhere_are_refused() {
        for id in ["", "src", "nope:q|x", "src:z|x", "src:k|xyz", "src:f|||", "src:f|2025-01-01|nonsense|q"] {
            assert_eq!(parse_custom_id(id), None, "{id}");
        }
    }
}
