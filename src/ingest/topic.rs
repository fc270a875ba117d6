//! Is a page a report of a prisoner exchange? First the engine's own reading (it finds an
//! exchange: a figure, a report, a mediator), then, for what the English rules cannot read
//! (a Ukrainian or Russian page), a topic test on the words.

use crate::corpus::Article;
use crate::facts::read::Fact;

/// Phrases that name the topic, lower case, matched as substrings (so that "військовополонен"
/// covers every case ending). One table, English first, then Ukrainian, then Russian.
const TOPIC: &[&str] = &[
    "prisoner exchange",
    "prisoner swap",
    "prisoners of war",
    "exchange of prisoners",
    "swap of prisoners",
    "prisoners were exchanged",
    "prisoners were swapped",
    "pow exchange",
    "pow swap",
    "pows",
    "обмін полоненими",
    "обміну полоненими",
    "військовополонен",
    "повернулися з полону",
    "обмен пленными",
    "обмена пленными",
    "обмен военнопленными",
    "военнопленн",
];

/// A page passes the word test with this many mentions (title and text together).
const MIN_MENTIONS: usize = 2;

/// Why a page was found to be about exchanges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Topic {
    /// The engine read this many facts of an exchange from it.
    Read(usize),
    /// The topic's words occur this many times.
    Words(usize),
}

impl std::fmt::Display for Topic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Topic::Read(n) => write!(f, "the engine read {n} fact(s) of an exchange from it"),
            Topic::Words(n) => write!(f, "it names the topic {n} times (the engine's English rules read no facts)"),
        }
    }
}

/// Whether `article` is about prisoner exchanges, and why; `None` when it is not.
pub fn about_exchanges(article: &Article) -> Option<Topic> {
    let facts = crate::facts::read_guarded(article);
    let read = facts.observations.iter().filter(|o| !matches!(o.fact, Fact::Planned(_))).count();
    if read > 0 {
        return Some(Topic::Read(read));
    }
    let text = format!("{}\n{}", article.title, article.body).to_lowercase();
    let mentions: usize = TOPIC.iter().map(|phrase| text.matches(phrase).count()).sum();
    (mentions >= MIN_MENTIONS).then_some(Topic::Words(mentions))
}
