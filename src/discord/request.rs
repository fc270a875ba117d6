//! Requests: everything a user can ask of the bot, however it arrives (a slash command, a
//! mention, a button, a form, autocomplete), and what running each one gives.
//!
//! Reading an interaction into a [`Request`] and running it are the same for both front
//! doors; `dispatch` decides when (cooldown, deferral) and the doors only carry the result.

use serenity::all::{ActionRowComponent, ComponentInteractionDataKind, Interaction};

use crate::answer::{Answer, Previous};
use crate::engine::Engine;
use crate::lang::Lang;
use crate::render::messages;

use super::adding;
use super::answering::Shared;
use super::card;
use super::commands::{self, Unusable};
use super::limits;
use super::reply::{Modal, Reply};
use super::store::Vote;
use super::ticket::{self, Action, Reference, Ticket};
use super::timeline;
use crate::render::text::fit;

/// One thing a user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// `/ask` or a mention: a free-text question, continuing from the answer `after` refers
    /// to when it is a follow-up (a reply to an answer, a message in the bot's thread).
    Ask { question: String, after: Option<Reference> },
    /// `/exchange`: one exchange, by id or date.
    Exchange { key: String },
    /// `/exchanges`: all exchanges, or those of one year.
    Exchanges { year: Option<i32> },
    /// `/timeline`: a picture of the exchanges from one year to another.
    Timeline { from: Option<i32>, to: Option<i32> },
    /// `/sources`: what the corpus holds.
    Sources,
    /// `/help`: what the bot knows and how to ask.
    Help,
    /// `/ingest`: a link to add to the corpus; `allowed` when the member may (Manage Server).
    Ingest { url: String, allowed: bool },
    /// Autocomplete of `/exchange`'s date.
    Choices { typed: String },
    /// The "Sources" button: every sentence behind an answer.
    Cited { answer: Reference },
    /// 👍 (`helpful`) or the 👎 whose form was closed without a word.
    Vote { answer: Reference, helpful: bool, asker: Asker },
    /// 👎: recorded at once, then the form asking what was wrong.
    Explain { answer: Reference, asker: Asker },
    /// The form, filled in.
    Comment { answer: Reference, text: String, asker: Asker },
}

/// Who asked, as feedback records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asker {
    pub user: u64,
    pub guild: Option<u64>,
    /// The user's Discord locale as a reply language (`uk`, `ru`, `en-*`), when it is one
    /// powbot writes: the reply's language when the question itself does not tell.
    pub locale: Option<Lang>,
}

/// What a request gets back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Reply(Reply),
    /// A form (only as an interaction's first response).
    Modal(Modal),
    /// Autocomplete choices as (name, value).
    Choices(Vec<(String, String)>),
}

/// A response, and the ticket of the answer in it (for the store: kept when too long for a
/// button, remembered as a thread's latest answer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub response: Response,
    pub ticket: Option<Ticket>,
}

/// The longest comment a 👎 form takes: enough for "the total is 372, not 175, see AFP".
const COMMENT_LENGTH: u16 = 500;
/// The form's text input.
const COMMENT_INPUT: &str = "what";

/// Said when a button's answer cannot be found again (a long ticket lost with its store).
const LOST: &str = "I no longer have that answer; please ask the question again.";

impl Request {
    /// Reads an interaction; who sent it, for the cooldown and feedback.
    pub fn from_interaction(interaction: &Interaction) -> Result<(Request, Asker), Unusable> {
        let unusable = || Unusable("That button or form is not one of mine, or it is out of date.".into());
        match interaction {
            Interaction::Command(command) => {
                let mut request = commands::parse(&command.data)?;
                if let Request::Ingest { allowed, .. } = &mut request {
                    // Registered for Manage Server only, but a server can grant the command to
                    // anyone; the member's permissions here are Discord's word on what they may.
                    *allowed = command.member.as_ref().and_then(|member| member.permissions).is_some_and(|p| {
                        p.contains(serenity::all::Permissions::MANAGE_GUILD)
                            || p.contains(serenity::all::Permissions::ADMINISTRATOR)
                    });
                }
                Ok((request, asker(command.user.id.get(), command.guild_id, &command.locale)))
            }
            Interaction::Autocomplete(autocomplete) => {
                let typed = autocomplete.data.autocomplete().map(|option| option.value.to_string()).unwrap_or_default();
                Ok((
                    Request::Choices { typed },
                    asker(autocomplete.user.id.get(), autocomplete.guild_id, &autocomplete.locale),
                ))
            }
            Interaction::Component(component) => {
                let from = asker(component.user.id.get(), component.guild_id, &component.locale);
                if !matches!(component.data.kind, ComponentInteractionDataKind::Button) {
                    return Err(unusable());
                }
                let request = match ticket::parse_custom_id(&component.data.custom_id).ok_or_else(unusable)? {
                    (Action::Sources, answer) => Request::Cited { answer },
                    (Action::Helpful, answer) => Request::Vote { answer, helpful: true, asker: from },
                    (Action::Wrong, answer) => Request::Explain { answer, asker: from },
                    (Action::Explain, _) => return Err(unusable()),
                };
                Ok((request, from))
            }
            Interaction::Modal(modal) => {
                let from = asker(modal.user.id.get(), modal.guild_id, &modal.locale);
                let (Action::Explain, answer) = ticket::parse_custom_id(&modal.data.custom_id).ok_or_else(unusable)?
                else {
                    return Err(unusable());
                };
                let text = modal
                    .data
                    .components
                    .iter()
                    .flat_map(|row| &row.components)
                    .find_map(|component| match component {
                        ActionRowComponent::InputText(input) if input.custom_id == COMMENT_INPUT => input.value.clone(),
                        _ => None,
                    })
                    .unwrap_or_default();
                let text = fit(text.trim(), usize::from(COMMENT_LENGTH));
                if text.is_empty() {
                    return Ok((Request::Vote { answer, helpful: false, asker: from }, from));
                }
                Ok((Request::Comment { answer, text, asker: from }, from))
            }
            _ => Err(Unusable("I cannot answer that kind of interaction.".into())),
        }
    }

    /// Whether the request costs a turn of the user's cooldown: questions do; buttons,
    /// forms and autocomplete, which follow from an answer, do not.
    pub fn limited(&self) -> bool {
        matches!(
            self,
            Request::Ask { .. }
                | Request::Exchange { .. }
                | Request::Exchanges { .. }
                | Request::Timeline { .. }
                | Request::Sources
                | Request::Help
                | Request::Ingest { .. }
        )
    }

    /// Whether to defer at once rather than wait for a quick answer: `/ingest` fetches over the
    /// network, which takes seconds.
    pub fn slow(&self) -> bool {
        matches!(self, Request::Ingest { allowed: true, .. })
    }

    /// Whether the answer may come after a deferral ("thinking…"): a form and autocomplete
    /// choices can only be a first response.
    pub fn deferrable(&self) -> bool {
        !matches!(self, Request::Choices { .. } | Request::Explain { .. })
    }

    /// Whether the reply is only for the user (the answers to buttons and forms), which a
    /// deferral must say up front.
    pub fn private(&self) -> bool {
        matches!(self, Request::Cited { .. } | Request::Vote { .. } | Request::Comment { .. } | Request::Ingest { .. })
    }

    /// Runs the request. Synchronous and possibly slow (index and store I/O): call it off the
    /// async executor, through `answering`.
    ///
    /// `locale` is the asker's language (see `Asker::locale`): replies are in the question's
    /// language, or in it when the question does not tell (a date, a year, `/help`).
    pub fn run(&self, shared: &Shared, locale: Option<Lang>) -> Outcome {
        // One engine for the whole request, even if a reload swaps it meanwhile.
        let current = shared.engine();
        let engine: &Engine = &current;
        let lang = locale.unwrap_or_default();
        let reply = |reply: Reply| Outcome { response: Response::Reply(reply), ticket: None };
        let phrase = |english: &'static str| messages::phrase(lang, english);
        match self {
            Request::Ask { question, .. } if question.is_empty() => {
                reply(Reply::info(phrase("How to ask"), &engine.help_in(lang)))
            }
            Request::Ask { question, after } => {
                let previous = after.as_ref().and_then(|after| {
                    let ticket = resolve(shared, after)?;
                    Previous::of(&ticket.answer(engine))
                });
                answered(shared, engine, Ticket::Ask { question: question.clone(), previous }, locale)
            }
            Request::Exchange { key } => answered(shared, engine, Ticket::Exchange { key: key.clone() }, locale),
            Request::Exchanges { year } => {
                let heading = match year {
                    Some(year) => format!("{} {year}", phrase("Prisoner exchanges in")),
                    None => phrase("Prisoner exchanges").to_string(),
                };
                let list = engine.in_lang(engine.list_exchanges(*year), lang);
                reply(card::answer(&list, None, Some(&heading), None))
            }
            Request::Timeline { from, to } => reply(timeline::reply(engine, *from, *to)),
            Request::Sources => {
                let overview = engine.in_lang(engine.corpus_overview(), lang);
                reply(card::answer(&overview, None, Some(phrase("Sources")), None))
            }
            Request::Help => reply(Reply::info(phrase("How to ask powbot"), &engine.help_in(lang))),
            Request::Ingest { allowed: false, .. } => reply(Reply::notice(phrase(adding::NOT_ALLOWED))),
            Request::Ingest { url, allowed: true } => reply(adding::ingest(shared, url, lang, adding::RELOAD_WAIT)),
            Request::Choices { typed } => {
                Outcome { response: Response::Choices(commands::exchange_choices(engine, typed)), ticket: None }
            }
            Request::Cited { answer } => match resolve(shared, answer) {
                Some(ticket) => reply(card::cited(&ticket.answer(engine))),
                None => reply(Reply::notice(LOST)),
            },
            Request::Explain { answer, asker } => {
                let Some(ticket) = resolve(shared, answer) else { return reply(Reply::notice(LOST)) };
                // The 👎 counts even if the form is closed unanswered.
                feedback(shared, engine, answer, *asker, -1, None, "");
                Outcome { response: Response::Modal(complaint_form(&ticket)), ticket: None }
            }
            Request::Vote { answer, helpful, asker } => {
                let thanks = if *helpful {
                    "Thanks! Glad it helped."
                } else {
                    "Thanks for telling me. Curators review answers marked wrong."
                };
                reply(feedback(shared, engine, answer, *asker, if *helpful { 1 } else { -1 }, None, thanks))
            }
            Request::Comment { answer, text, asker } => reply(feedback(
                shared,
                engine,
                answer,
                *asker,
                -1,
                Some(text),
                "Thanks for explaining. A curator will look at this answer.",
            )),
        }
    }
}

fn asker(user: u64, guild: Option<serenity::all::GuildId>, locale: &str) -> Asker {
    Asker { user, guild: guild.map(|guild| guild.get()), locale: Lang::from_locale(locale) }
}

/// The ticket a reference names: in it, or kept in the store.
fn resolve(shared: &Shared, reference: &Reference) -> Option<Ticket> {
    match reference {
        Reference::Inline(ticket) => Some(ticket.clone()),
        Reference::Kept(key) => {
            let store = shared.store.as_ref()?;
            store.ticket(key).unwrap_or_else(|error| {
                tracing::warn!(%error, "could not read a kept ticket");
                None
            })
        }
    }
}

/// An answer as a card, with the buttons that rebuild it; in the asker's language when the
/// question does not choose one.
fn answered(shared: &Shared, engine: &Engine, ticket: Ticket, locale: Option<Lang>) -> Outcome {
    let answer = match locale {
        Some(lang) if !ticket.decides_language() => engine.in_lang(ticket.answer(engine), lang),
        _ => ticket.answer(engine),
    };
    let summary = match answer.exchanges.as_slice() {
        [one] => engine.summary(&one.id),
        _ => None,
    };
    // Buttons only where they can be rebuilt: a long ticket needs the store.
    let buttons = ticket.fits() || shared.store.is_some();
    let reply = card::answer(&answer, summary.as_ref(), None, buttons.then_some(&ticket));
    Outcome { response: Response::Reply(reply), ticket: answer.answered.then_some(ticket) }
}

/// "What was wrong?"
fn complaint_form(ticket: &Ticket) -> Modal {
    Modal {
        id: ticket.custom_id(Action::Explain),
        title: fit("What was wrong with this answer?", limits::MODAL_TITLE),
        input_id: COMMENT_INPUT.into(),
        label: fit("What was wrong?", limits::MODAL_TITLE),
        placeholder: "e.g. the total was 372, not 175".into(),
        max_length: COMMENT_LENGTH,
    }
}

/// Records a vote (and a comment) on the answer `reference` names; the thanks, or why not.
fn feedback(
    shared: &Shared,
    engine: &Engine,
    reference: &Reference,
    asker: Asker,
    rating: i8,
    comment: Option<&str>,
    thanks: &str,
) -> Reply {
    let (Some(store), Some(ticket)) = (shared.store.as_ref(), resolve(shared, reference)) else {
        return Reply::notice("Thanks! (Feedback is not being recorded right now.)");
    };
    let answer: Answer = ticket.answer(engine);
    let corpus = super::answering::corpus_of(engine);
    let figures: Vec<String> =
        answer.figures.iter().map(|f| format!("{} = {} ({})", f.label, f.value, f.article)).collect();
    let vote = Vote {
        ticket: &ticket,
        question: &answer.question,
        answer: &answer.text,
        figures: &figures.join("\n"),
        user: asker.user,
        guild: asker.guild,
        rating,
        corpus: &corpus,
    };
    let recorded = match comment {
        Some(comment) => store.record_comment(&vote, comment),
        None => store.record_vote(&vote),
    };
    match recorded {
        Ok(()) => Reply::notice(thanks),
        Err(error) => {
            tracing::warn!(%error, "could not record feedback");
            Reply::notice("Sorry, I could not record that just now. Please try again later.")
        }
    }
}
