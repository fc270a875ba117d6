//! `/timeline` (and `powbot timeline`): the exchanges of a span of years as a picture, with its
//! numbers in text for screen readers. The drawing is `render::timeline`'s; this gathers the
//! exchanges from the engine and lays the reply out: an embed showing the attached PNG
//! (`attachment://timeline.png`), the figures in its description.

use crate::engine::Engine;
use crate::render::text::fit;
use crate::render::timeline::{self, Slot};

use super::limits;
use super::reply::{ANSWER_COLOUR, Embed, File, Reply, with_description};

/// The attachment's name, which the embed refers to.
pub const FILE_NAME: &str = "timeline.png";

/// The exchanges from year `from` to year `to` (either open), oldest first, multi-day ones
/// joined.
pub fn slots(engine: &Engine, from: Option<i32>, to: Option<i32>) -> Vec<Slot> {
    let mut listed = engine.list_exchanges(None).exchanges;
    // The listing is newest first.
    listed.reverse();
    let summaries: Vec<_> = listed
        .iter()
        .filter(|e| {
            let year: i32 = e.id.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
            from.is_none_or(|from| year >= from) && to.is_none_or(|to| year <= to)
        })
        .filter_map(|e| engine.summary(&e.id).map(|s| (s, e.series.clone())))
        .collect();
    timeline::slots(&summaries)
}

/// "Prisoner exchanges, 2024–2025".
pub fn title(slots: &[Slot], from: Option<i32>, to: Option<i32>) -> String {
    let first = from.or(slots.first().map(|s| s.year));
    let last = to.or(slots.last().map(|s| s.year));
    match (first, last) {
        (Some(a), Some(b)) if a == b => format!("Prisoner exchanges in {a}"),
        (Some(a), Some(b)) => format!("Prisoner exchanges, {a}–{b}"),
        _ => "Prisoner exchanges".to_string(),
    }
}

/// The picture and the PNG bytes, or a notice saying why there is none.
pub fn reply(engine: &Engine, from: Option<i32>, to: Option<i32>) -> Reply {
    let slots = slots(engine, from, to);
    if slots.is_empty() {
        return Reply::notice(&format!(
            "I know of no exchanges in that span. {}",
            engine.help_text().lines().next().unwrap_or_default()
        ));
    }
    let title = title(&slots, from, to);
    let png = match timeline::png(&slots, &title) {
        Ok(png) if png.len() <= limits::UPLOAD_BYTES => png,
        Ok(_) => return Reply::notice("The picture came out too large to send; try a shorter span of years."),
        Err(error) => {
            tracing::error!(%error, "could not draw the timeline");
            return Reply::notice("Sorry, I could not draw that picture. The figures are in `/exchanges`.");
        }
    };
    // The picture first, its numbers under it: a screen reader gets them as the picture's
    // alt text, and everyone in the footer-sized text of a second embed.
    let numbers = timeline::describe(&slots);
    let picture = Embed {
        title: fit(&title, limits::TITLE),
        colour: ANSWER_COLOUR,
        image: Some(FILE_NAME.to_string()),
        ..Embed::default()
    };
    let figures = Embed { colour: ANSWER_COLOUR, ..Embed::default() };
    let mut messages = with_description(figures, &numbers, ANSWER_COLOUR);
    messages[0].embeds.insert(0, picture);
    messages[0].files.push(File {
        name: FILE_NAME.to_string(),
        bytes: png,
        description: fit(&numbers, limits::ATTACHMENT_DESCRIPTION),
    });
    Reply { messages, ephemeral: false }
}
