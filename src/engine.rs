//! The engine: the corpus, its facts and its index, built once at start-up
//! and shared (it is `Send + Sync`) by every front end.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::answer::{self, Answer, Choice, Context, Previous, Summary};
use crate::corpus::{Corpus, CorpusError, LoadError, SpanCache};
use crate::curated::{self, Refused};
use crate::facts::cache::CacheStats;
use crate::facts::{self, CorrectionsError, Facts, FactsCache, Problem};
use crate::index::{Growth, IndexOrigin, PassageIndex};
use crate::lang::dates::day_label;
use crate::lang::{Lang, Period, locale};
use crate::render::messages;
use crate::understand::{self, Measure, Question, Spelling};

/// Longest question read, in characters: a Discord message (a mention) holds at most 2,000.
pub const MAX_QUESTION_CHARS: usize = 2000;

/// A second part's "by then": up to the day the first part names.
const THEN: &str = "by then";

/// Where a second part asks its count, for naming what the first part counted
/// ("… and how many did Russia get back" after bodies).
const HOW_MANY: &str = "how many";

/// Where the engine reads from.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// Holds `articles/*.md` and the optional curated `exchanges.toml`.
    pub data_dir: PathBuf,
    /// The Tantivy index cache.
    pub index_dir: PathBuf,
    /// The day questions are asked on ("yesterday", "last week"); today if unset.
    pub today: Option<NaiveDate>,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig { data_dir: "data".into(), index_dir: "index".into(), today: None }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error(transparent)]
    Corrections(#[from] CorrectionsError),
    #[error("cannot build the search index, even in memory: {0}")]
    Index(#[from] tantivy::TantivyError),
}

pub struct Engine {
    corpus: Corpus,
    facts: Facts,
    index: PassageIndex,
    spelling: Spelling,
    skipped: Vec<LoadError>,
    refused: Vec<Refused>,
    today: Option<NaiveDate>,
    startup: Startup,
    facts_cache: CacheStats,
}

/// Where start-up spent its time, stage by stage: for logs and `powbot bench`.
#[derive(Debug, Clone, Default)]
pub struct Startup {
    stages: Vec<(&'static str, Duration)>,
}

impl Startup {
    /// Times `f` as the stage `name`.
    fn time<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let out = f();
        self.stages.push((name, t.elapsed()));
        out
    }

    pub fn stages(&self) -> &[(&'static str, Duration)] {
        &self.stages
    }
}

impl Engine {
    /// Loads the corpus (skipping malformed articles, see `skipped`), reads
    /// the facts with the corrections that hold (see `refused`) and opens or
    /// rebuilds the index.
    pub fn open(config: &EngineConfig) -> Result<Engine, Error> {
        let mut startup = Startup::default();
        // Unchanged articles' paragraph and sentence spans come from the cache beside the index.
        let spans = startup.time("spans cache", || SpanCache::load(&config.index_dir));
        let (corpus, skipped) = startup.time("load", || Corpus::load_cached(&config.data_dir, &spans))?;
        startup.time("spans save", || {
            if let Err(error) = spans.save() {
                tracing::warn!(dir = %config.index_dir.display(), %error, "cannot save the spans cache; the next start splits every article again");
            }
        });
        drop(spans);
        let (corrections, refused) = startup.time("curated", || curated::load(&config.data_dir, &corpus));
        let cache = startup.time("facts cache", || FactsCache::load(&config.index_dir));
        let facts = startup.time("facts", || facts::build_cached(&corpus, &corrections, &config.data_dir, &cache))?;
        startup.time("facts save", || {
            if let Err(error) = cache.save() {
                tracing::warn!(dir = %config.index_dir.display(), %error, "cannot save the facts cache; the next start reads every article again");
            }
        });
        let cache_stats = cache.stats();
        drop(cache);
        let mut index = startup.time("index", || PassageIndex::open_or_build(&config.index_dir, &corpus))?;
        let spelling = startup.time("spelling", || Spelling::from_words(index.take_words()));
        tracing::info!(articles = corpus.articles.len(), exchanges = facts.exchanges.len(), index = ?index.origin, stages = ?startup.stages, facts_cache = ?cache_stats, "engine ready");
        Ok(Engine {
            corpus,
            facts,
            index,
            spelling,
            skipped,
            refused,
            today: config.today,
            startup,
            facts_cache: cache_stats,
        })
    }

    fn context(&self) -> Context<'_> {
        Context { corpus: &self.corpus, facts: &self.facts, index: &self.index }
    }

    fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Reads a question the way `answer` does.
    pub fn understand(&self, question: &str) -> Question {
        let fix = |w: &str| self.spelling.correct(w).map(str::to_string);
        understand::understand(question, self.today(), &fix)
    }

    /// Answers a free-text question.
    pub fn answer(&self, question: &str) -> Answer {
        self.ask_with(question, None)
    }

    /// Answers a question that may follow up on an earlier answer (`Previous::of` it): one
    /// that names no exchange of its own is about that answer's ("and how many were
    /// wounded?"); see `answer::followup`.
    pub fn ask_with(&self, question: &str, previous: Option<&Previous>) -> Answer {
        self.ask_in(question, previous, None)
    }

    /// `ask_with`, replying in the question's language, or in `fallback` (a Discord user's
    /// locale) when the question does not tell (no letters, as in "2025-03-19").
    pub fn ask_in(&self, question: &str, previous: Option<&Previous>, fallback: Option<Lang>) -> Answer {
        let lang = locale::detect(question).or(fallback).unwrap_or_default();
        self.in_lang(self.ask_english(question, previous), lang)
    }

    /// The answer with its text in `lang` (see `render::messages`).
    pub fn in_lang(&self, mut answer: Answer, lang: Lang) -> Answer {
        if lang != Lang::En {
            answer.text = messages::localize(&answer.text, lang);
            answer.lang = lang;
        }
        answer
    }

    /// The answer as the composers write it, in English.
    fn ask_english(&self, question: &str, previous: Option<&Previous>) -> Answer {
        if let Some(refusal) = self.too_long(question) {
            return refusal;
        }
        if question.trim().is_empty() {
            return Answer {
                question: String::new(),
                answered: false,
                measure: Measure::Search,
                lang: Lang::En,
                text: format!(
                    "Please ask a question, for example “How many prisoners were exchanged on 19 March 2025?”\n{}",
                    self.help_text()
                ),
                figures: Vec::new(),
                exchanges: Vec::new(),
                sources: Vec::new(),
            };
        }
        if let [first, second] = understand::parts(question).as_slice()
            && let Some(both) = self.ask_in_two(question, first, second, previous)
        {
            return both;
        }
        let mut q = self.understand(question);
        if let Some(previous) = previous {
            answer::followup::resolve(&mut q, previous, &self.facts);
        }
        answer::answer(&self.context(), &q)
    }

    /// "How many came home on 5 March 2026 and who brokered it?": each part answered, a part
    /// that names no exchange taking the other's. `None` when a part is not a question of its
    /// own (read as a free search): then the whole is asked as one.
    fn ask_in_two(&self, question: &str, first: &str, second: &str, previous: Option<&Previous>) -> Option<Answer> {
        let (mut a, mut b) = (self.understand(first), self.understand(second));
        // "What number was the 2 October 2025 exchange, and how many had come home by then?":
        // "then" is the day the first part names.
        if let [crate::lang::dates::Period::Day { date }] = a.select.periods.as_slice() {
            let then = second.to_ascii_lowercase().find(THEN).filter(|_| !b.select.names_exchange());
            if let Some(k) = then {
                let day = date.format("%-d %B %Y").to_string();
                b = self.understand(&format!("{}by {day}{}", &second[..k], &second[k + THEN.len()..]));
            }
        }
        // "how many bodies did Ukraine receive on 23 October and how many did Russia get
        // back?": a part that names nothing counted counts what the other does.
        // (Read again with the word: what bodies are asked changes the measure, not only a filter.)
        let names_who = |q: &Question| q.filter.category.is_some() || !q.filter.group.is_empty();
        if a.filter.bodies
            && !b.filter.bodies
            && !names_who(&b)
            && let Some(k) = second.to_ascii_lowercase().find(HOW_MANY)
        {
            let at = k + HOW_MANY.len();
            b = self.understand(&format!("{} bodies{}", &second[..at], &second[at..]));
        }
        if a.measure == Measure::Search || b.measure == Measure::Search {
            return None;
        }
        match (a.select.names_exchange(), b.select.names_exchange()) {
            (true, false) => b.select = a.select.clone(),
            (false, true) => a.select = b.select.clone(),
            (false, false) => {
                if let Some(previous) = previous {
                    answer::followup::resolve(&mut a, previous, &self.facts);
                    answer::followup::resolve(&mut b, previous, &self.facts);
                }
            }
            (true, true) => {}
        }
        // "as of december 2023 how many had been freed, and through how many swaps?": the
        // day one part counts up to is the other's.
        if b.select.as_of.is_none() && !b.select.names_exchange() {
            b.select.as_of = a.select.as_of;
        }
        if a.select.as_of.is_none() && !a.select.names_exchange() {
            a.select.as_of = b.select.as_of;
        }
        let ctx = self.context();
        Some(answer::answer(&ctx, &a).and(answer::answer(&ctx, &b), question))
    }

    /// A refusal of a question longer than [`MAX_QUESTION_CHARS`], or `None`.
    ///
    /// Reading a question costs more than linear time in its length (a 100 KB paste took
    /// a minute), and no question is that long: pasted text is refused at once instead.
    fn too_long(&self, question: &str) -> Option<Answer> {
        let chars = question.chars().count();
        (chars > MAX_QUESTION_CHARS).then(|| Answer {
            question: question.chars().take(100).collect(),
            answered: false,
            measure: Measure::Search,
            lang: Lang::En,
            text: format!(
                "That question is {chars} characters long; I read questions of up to {MAX_QUESTION_CHARS}. \
Please ask a shorter one, for example “How many prisoners were exchanged on 19 March 2025?”"
            ),
            figures: Vec::new(),
            exchanges: Vec::new(),
            sources: Vec::new(),
        })
    }

    /// One exchange in full; `key` is an exchange id or a date ("2025-03-19", "19 March 2025").
    pub fn describe_exchange(&self, key: &str) -> Answer {
        if let Some(refusal) = self.too_long(key) {
            return refusal;
        }
        let mut q = self.understand(key);
        q.measure = Measure::Describe;
        let id = self
            .facts
            .exchange(key.trim())
            .map(|e| e.id.clone())
            .or_else(|| {
                let p = q.select.periods.first()?;
                self.facts
                    .exchanges
                    .iter()
                    .find(|e| {
                        let (from, to) = e.date.bounds();
                        p.overlaps(from, to)
                    })
                    .map(|e| e.id.clone())
            })
            .unwrap_or_default();
        answer::describe(&self.context(), &q, &id)
    }

    /// Exchange `id` at a glance, for a compact display; see `answer::summary`.
    pub fn summary(&self, id: &str) -> Option<Summary> {
        answer::summary::summary(&self.facts, id)
    }

    /// Every exchange (in a year), newest first.
    pub fn list_exchanges(&self, year: Option<i32>) -> Answer {
        let periods = year.and_then(Period::year).into_iter().collect();
        let mut q = Question::of(Measure::List, periods);
        q.text = match year {
            Some(y) => format!("Every exchange in {y}"),
            None => "Every exchange".to_string(),
        };
        answer::answer(&self.context(), &q)
    }

    /// Autocomplete choices over the known exchanges (at most 25).
    pub fn exchange_choices(&self, typed: &str) -> Vec<Choice> {
        answer::choices(&self.facts, typed)
    }

    /// How many articles the engine answers from.
    pub fn article_count(&self) -> usize {
        self.corpus.articles.len()
    }

    /// Whether the engine answers from article `id` (`/ingest` waits for a reload to say so).
    pub fn holds_article(&self, id: &str) -> bool {
        self.corpus.articles.iter().any(|a| a.id == id)
    }

    /// The summaries of the exchanges article `id` reports, in the order the facts list them.
    pub fn summaries_from(&self, id: &str) -> Vec<Summary> {
        self.facts
            .exchanges
            .iter()
            .filter(|e| e.sources.iter().any(|s| s == id))
            .filter_map(|e| self.summary(&e.id))
            .collect()
    }

    /// The corpus: article count, dates, then its outlets and articles newest first (by
    /// publication day: the one date every article has, and an ingested article is added soon
    /// after it is published).
    pub fn corpus_overview(&self) -> Answer {
        let mut q = Question::of(Measure::Sources, Vec::new());
        q.text = "sources".into();
        // Newest first, then by id for a stable order.
        let mut articles: Vec<&crate::corpus::Article> = self.corpus.articles.iter().collect();
        articles.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id)));
        let mut outlets: Vec<&str> = Vec::new();
        for a in &articles {
            if !outlets.contains(&a.outlet.as_str()) {
                outlets.push(a.outlet.as_str());
            }
        }
        let first = self.corpus.articles.iter().map(|a| a.published).min();
        let last = self.corpus.articles.iter().map(|a| a.published).max();
        let span = match (first, last) {
            (Some(a), Some(b)) => format!(", published {} to {}", day_label(a), day_label(b)),
            _ => String::new(),
        };
        let mut text =
            format!("{} articles from {} outlets{span}; newest first:", self.corpus.articles.len(), outlets.len());
        for o in &outlets {
            let n = self.corpus.articles.iter().filter(|a| a.outlet == *o).count();
            text.push_str(&format!("\n• {o} ({n})"));
        }
        answer::Answer {
            question: "sources".into(),
            answered: true,
            measure: q.measure,
            lang: Lang::En,
            text,
            figures: Vec::new(),
            exchanges: Vec::new(),
            sources: articles
                .iter()
                .map(|a| answer::Source {
                    article: a.id.clone(),
                    outlet: a.outlet.clone(),
                    published: a.published.to_string(),
                    url: a.url.clone(),
                    snippet: a
                        .paragraphs
                        .first()
                        .and_then(|p| p.sentences.first())
                        .map(|s| a.text(s).to_string())
                        .unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// `help_text` in `lang`: the catalogue's guide, then what the bot knows.
    pub fn help_in(&self, lang: Lang) -> String {
        match messages::catalogue(lang) {
            None => self.help_text(),
            Some(c) => format!("{}\n{}", c.help, messages::localize(&answer::coverage(&self.facts), lang)),
        }
    }

    /// What the bot knows and how to ask, in Markdown.
    pub fn help_text(&self) -> String {
        let span = match (self.facts.exchanges.first(), self.facts.exchanges.last()) {
            (Some(a), Some(b)) => {
                format!("{} exchanges from {} to {}", self.facts.exchanges.len(), a.date.label(), b.date.label())
            }
            _ => "no exchanges yet".into(),
        };
        format!(
            "I answer questions about prisoner-of-war exchanges between Russia and Ukraine from {} news articles ({span}). \
Every figure comes with the sentence it was read from; when Moscow and Kyiv give different numbers I show both.\n\
Try:\n• How many prisoners were exchanged on 19 March 2025?\n• Who mediated the February 2025 swap?\n• Which exchange was the largest?\n\
• List every exchange in 2025\n• What did Zelensky say about the swap?",
            self.corpus.articles.len()
        )
    }

    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// Article files that were skipped, with the reason.
    pub fn skipped(&self) -> &[LoadError] {
        &self.skipped
    }

    /// Corrections in `exchanges.toml` that were not applied, with the reason.
    pub fn refused(&self) -> &[Refused] {
        &self.refused
    }

    pub fn index_origin(&self) -> &IndexOrigin {
        &self.index.origin
    }

    /// What start-up took over from the previous index when it grew the index from it.
    pub fn index_growth(&self) -> Option<&Growth> {
        self.index.growth.as_ref()
    }

    /// How many articles' facts start-up read from the facts cache, and how many anew.
    pub fn facts_cache(&self) -> CacheStats {
        self.facts_cache
    }

    /// How long each stage of start-up took.
    pub fn startup(&self) -> &Startup {
        &self.startup
    }

    /// The best sentences for groups of alternative words (see `PassageIndex::search`): the
    /// retrieval under free questions, alone, for benchmarks.
    pub fn search(&self, groups: &[Vec<String>], limit: usize) -> Vec<crate::index::Hit> {
        self.index.search(groups, &self.corpus, limit)
    }

    pub fn indexed_sentences(&self) -> usize {
        self.index.sentences
    }

    /// Verifies every citation of the dataset.
    pub fn check(&self) -> Vec<Problem> {
        facts::check(&self.facts, &self.corpus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Engine>();
    }
}
