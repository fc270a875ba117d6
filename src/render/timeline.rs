//! The exchanges over time as a picture (`/timeline`, `powbot timeline`): a PNG bar chart with
//! the same numbers in text beside it, for screen readers and for the log.
//!
//! One slot per exchange, oldest on the left, evenly spaced: exchanges come in bursts, and a
//! time-true axis would pile them into a few unreadable clumps. Each slot has a pair of bars,
//! people returned to Ukraine and to Russia. A multi-day exchange is one slot (its days
//! summed, "3 days" under it). Where sources disagree the bar is drawn to the lowest figure
//! with an outline up to the highest and a "?" above it. A dot under the slot marks an
//! exchange with a named mediator, coloured by mediator.
//!
//! Text goes through ab_glyph with the DejaVu Sans Condensed font shipped in `assets/fonts/`
//! (its licence beside it), never a system font, so the picture is the same on every machine
//! (which the golden-image test relies on). It is drawn at 800 px wide with large type, so
//! that it still reads when Discord shrinks it to a phone's 400.

use std::sync::OnceLock;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::answer::Summary;
use crate::answer::summary::Stated;

/// The picture's size: twice a phone's embed width, so it stays sharp when shrunk.
pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 500;

const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf");
const FAMILY: &str = "sans-serif";

const BACKGROUND: RGBColor = RGBColor(0x2b, 0x2d, 0x31);
const TEXT: RGBColor = RGBColor(0xdb, 0xde, 0xe1);
const MUTED: RGBColor = RGBColor(0x94, 0x9b, 0xa4);
const GRID: RGBColor = RGBColor(0x40, 0x43, 0x49);
/// Blue and amber: told apart with every common colour-vision deficiency.
const UKRAINE: RGBColor = RGBColor(0x4c, 0x9a, 0xff);
const RUSSIA: RGBColor = RGBColor(0xf5, 0xa6, 0x23);
/// Mediators, in order of first appearance; the last colour repeats beyond them.
const MEDIATOR_COLOURS: [RGBColor; 5] = [
    RGBColor(0x57, 0xf2, 0x87),
    RGBColor(0xeb, 0x45, 0x9e),
    RGBColor(0xfe, 0xe7, 0x5c),
    RGBColor(0xed, 0x42, 0x45),
    RGBColor(0xb5, 0xba, 0xc1),
];

/// One slot of the chart: an exchange, or every day of a multi-day one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// "19 Mar 2025", or "23–25 May 2025" for several days.
    pub label: String,
    /// The year, for the axis.
    pub year: i32,
    pub days: usize,
    /// People returned to each side: the lowest and highest figure sources give (equal when
    /// they agree); `None` without a figure.
    pub to_ukraine: Option<(u64, u64)>,
    pub to_russia: Option<(u64, u64)>,
    pub mediators: Vec<String>,
}

impl Slot {
    pub fn disputed(&self) -> bool {
        [self.to_ukraine, self.to_russia].iter().flatten().any(|(low, high)| low != high)
    }
}

/// Why no picture could be made.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the chart font could not be read")]
    Font,
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the chart as PNG failed: {0}")]
    Encode(#[from] png::EncodingError),
}

/// The slots of `summaries` (oldest first), a multi-day exchange's days joined into one.
/// `series` gives each summary's multi-day exchange, if any.
pub fn slots(summaries: &[(Summary, Option<String>)]) -> Vec<Slot> {
    let mut out: Vec<(Slot, Option<String>)> = Vec::new();
    for (s, series) in summaries {
        let year = s.id.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        let day = Slot {
            label: short_label(&s.label),
            year,
            days: 1,
            to_ukraine: range(&s.to_ukraine.prisoners, &s.to_ukraine.wounded, s.to_ukraine.wounded_within),
            to_russia: range(&s.to_russia.prisoners, &s.to_russia.wounded, s.to_russia.wounded_within),
            mediators: s.mediators.clone(),
        };
        match out.last_mut() {
            Some((slot, Some(previous))) if series.as_ref() == Some(previous) => {
                slot.days += 1;
                slot.to_ukraine = add(slot.to_ukraine, day.to_ukraine);
                slot.to_russia = add(slot.to_russia, day.to_russia);
                for m in day.mediators {
                    if !slot.mediators.contains(&m) {
                        slot.mediators.push(m);
                    }
                }
                slot.label = span_label(&slot.label, &day.label);
            }
            _ => out.push((day, series.clone())),
        }
    }
    out.into_iter().map(|(slot, _)| slot).collect()
}

/// The people a side got back: the headline count plus wounded counted on top of it.
fn range(prisoners: &[Stated], wounded: &[Stated], within: bool) -> Option<(u64, u64)> {
    let low = prisoners.iter().map(|s| s.value).min()?;
    let high = prisoners.iter().map(|s| s.value).max()?;
    let extra = if within { 0 } else { wounded.iter().map(|s| s.value).max().unwrap_or(0) };
    Some((low + extra, high + extra))
}

fn add(a: Option<(u64, u64)>, b: Option<(u64, u64)>) -> Option<(u64, u64)> {
    match (a, b) {
        (Some(a), Some(b)) => Some((a.0 + b.0, a.1 + b.1)),
        (a, b) => a.or(b),
    }
}

/// "19 March 2025" → "19 Mar 2025".
fn short_label(label: &str) -> String {
    label
        .split(' ')
        .map(|word| if word.len() > 3 && word.chars().all(char::is_alphabetic) { &word[..3] } else { word })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "23 May 2025" and "25 May 2025" → "23–25 May 2025".
fn span_label(first: &str, last: &str) -> String {
    match (first.split_once(' '), last.split_once(' ')) {
        (Some((days, rest1)), Some((d2, rest2))) if rest1 == rest2 => {
            format!("{}–{d2} {rest1}", days.split('–').next().unwrap_or(days))
        }
        _ => format!("{first} – {last}"),
    }
}

/// The numbers of the picture as text, a line per slot ("19 Mar 2025: 197 / 175 · UAE", to
/// Ukraine first): for screen readers, and anyone who wants the figures rather than the shape.
pub fn describe(slots: &[Slot]) -> String {
    let lines = slots.iter().map(|slot| {
        let side = |r: Option<(u64, u64)>| match r {
            None => "–".to_string(),
            Some((low, high)) if low == high => crate::answer::num(low),
            Some((low, high)) => format!("{}–{}?", crate::answer::num(low), crate::answer::num(high)),
        };
        let days = if slot.days > 1 { format!(" ({} days)", slot.days) } else { String::new() };
        let by = slot.mediators.first().map_or(String::new(), |m| format!(" · {}", short_mediator(m)));
        format!("{}{days}: {} / {}{by}", slot.label, side(slot.to_ukraine), side(slot.to_russia))
    });
    std::iter::once("People returned to Ukraine / to Russia (– no figure, ? sources differ):".to_string())
        .chain(lines)
        .collect::<Vec<_>>()
        .join("\n")
}

fn font() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    if ok { Ok(()) } else { Err(ChartError::Font) }
}

/// The chart of `slots` under `title`, as PNG bytes.
pub fn png(slots: &[Slot], title: &str) -> Result<Vec<u8>, ChartError> {
    font()?;
    let mut pixels = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    draw(&mut pixels, slots, title).map_err(|error| ChartError::Draw(error.to_string()))?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(out)
}

type Area<'a> = DrawingArea<BitMapBackend<'a>, plotters::coord::Shift>;
type DrawResult = Result<(), DrawingAreaErrorKind<<BitMapBackend<'static> as DrawingBackend>::ErrorType>>;

fn style(size: u32, colour: RGBColor) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&colour)
}

fn draw(pixels: &mut [u8], slots: &[Slot], title: &str) -> DrawResult {
    let root: Area = BitMapBackend::with_buffer(pixels, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&BACKGROUND)?;
    let (w, h) = (WIDTH as i32, HEIGHT as i32);
    root.draw(&Text::new(title.to_string(), (24, 16), style(34, TEXT)))?;
    let mut mediators: Vec<&str> = Vec::new();
    for m in slots.iter().filter_map(|slot| slot.mediators.first()) {
        if !mediators.contains(&m.as_str()) {
            mediators.push(m);
        }
    }
    legend(&root, slots, &mediators)?;

    // The plot: left margin for the axis labels, bottom for years and mediator dots.
    let (left, right, top, bottom) = (70, w - 20, 110, h - 64);
    let max = slots.iter().flat_map(|s| [s.to_ukraine, s.to_russia]).flatten().map(|(_, high)| high).max();
    let Some(max) = max.filter(|m| *m > 0) else {
        root.draw(&Text::new("No figures for these exchanges.", (left, top + 40), style(26, MUTED)))?;
        return root.present();
    };
    let step = nice_step(max);
    let ceiling = max.div_ceil(step) * step;
    let y = |value: u64| bottom - ((value as f64 / ceiling as f64) * f64::from(bottom - top)) as i32;
    let mut tick = 0;
    while tick <= ceiling {
        let at = y(tick);
        root.draw(&PathElement::new(vec![(left, at), (right, at)], GRID))?;
        let label = Text::new(
            crate::answer::num(tick),
            (left - 8, at),
            style(20, MUTED).pos(Pos::new(HPos::Right, VPos::Center)),
        );
        root.draw(&label)?;
        tick += step;
    }

    let slot_width = f64::from(right - left) / slots.len() as f64;
    let bar = ((slot_width * 0.36).floor() as i32).clamp(2, 40);
    let mut last_year = None;
    for (i, slot) in slots.iter().enumerate() {
        let centre = left + (slot_width * (i as f64 + 0.5)) as i32;
        for (value, colour, x0) in [(slot.to_ukraine, UKRAINE, centre - bar), (slot.to_russia, RUSSIA, centre)] {
            let Some((low, high)) = value else { continue };
            root.draw(&Rectangle::new([(x0, y(low)), (x0 + bar - 1, bottom)], colour.filled()))?;
            if high > low {
                root.draw(&Rectangle::new([(x0, y(high)), (x0 + bar - 1, y(low))], colour.stroke_width(2)))?;
                root.draw(&Text::new(
                    "?",
                    (x0 + bar / 2, y(high) - 4),
                    style(22, TEXT).pos(Pos::new(HPos::Center, VPos::Bottom)),
                ))?;
            }
        }
        // Values over the bars when there is room for them.
        if slot_width >= 56.0 && (slot.to_ukraine.is_some() || slot.to_russia.is_some()) {
            let most = [slot.to_ukraine, slot.to_russia].iter().flatten().map(|(_, high)| *high).max().unwrap_or(0);
            let text = match (slot.to_ukraine, slot.to_russia) {
                (Some(u), Some(r)) if u == r => crate::answer::num(u.0),
                (u, r) => [u, r]
                    .iter()
                    .map(|side| side.map_or("–".to_string(), |(low, _)| crate::answer::num(low)))
                    .collect::<Vec<_>>()
                    .join("/"),
            };
            let at = (centre, y(most) - if slot.disputed() { 30 } else { 6 });
            root.draw(&Text::new(text, at, style(20, TEXT).pos(Pos::new(HPos::Center, VPos::Bottom))))?;
        }
        if slot.days > 1 {
            let note = format!("{}d", slot.days);
            root.draw(&Text::new(note, (centre, bottom + 6), style(20, MUTED).pos(Pos::new(HPos::Center, VPos::Top))))?;
        }
        if slot.to_ukraine.is_none() && slot.to_russia.is_none() {
            // Reported, but with no figure: a mark, so the slot does not look like a gap.
            root.draw(&PathElement::new(
                vec![(centre - bar / 2, bottom - 3), (centre + bar / 2, bottom - 3)],
                MUTED.stroke_width(3),
            ))?;
        }
        if let Some(index) = slot.mediators.first().and_then(|m| mediators.iter().position(|x| x == m)) {
            let colour = MEDIATOR_COLOURS[index.min(MEDIATOR_COLOURS.len() - 1)];
            root.draw(&Circle::new((centre, bottom + 24), 6, colour.filled()))?;
        }
        if last_year != Some(slot.year) {
            last_year = Some(slot.year);
            let x = left + (slot_width * i as f64) as i32;
            root.draw(&PathElement::new(vec![(x, top - 6), (x, h - 8)], GRID))?;
            let label = Text::new(
                slot.year.to_string(),
                (x + 5, h - 16),
                style(20, TEXT).pos(Pos::new(HPos::Left, VPos::Center)),
            );
            root.draw(&label)?;
        }
    }
    root.draw(&PathElement::new(vec![(left, bottom), (right, bottom)], MUTED))?;
    root.present()
}

/// One row under the title: the sides' colours, "? sources differ", the mediators' dots.
fn legend(root: &Area, slots: &[Slot], mediators: &[&str]) -> DrawResult {
    let mut x = 24;
    let y = 71;
    let item = |root: &Area, x: &mut i32, label: &str| -> DrawResult {
        root.draw(&Text::new(label.to_string(), (*x, y), style(26, TEXT).pos(Pos::new(HPos::Left, VPos::Center))))?;
        *x += text_width(root, label, 26) + 20;
        Ok(())
    };
    for (label, colour) in [("to Ukraine", UKRAINE), ("to Russia", RUSSIA)] {
        root.draw(&Rectangle::new([(x, y - 9), (x + 18, y + 9)], colour.filled()))?;
        x += 26;
        item(root, &mut x, label)?;
    }
    if slots.iter().any(Slot::disputed) {
        item(root, &mut x, "? sources differ")?;
    }
    if !mediators.is_empty() {
        item(root, &mut x, "mediator:")?;
        x -= 12;
    }
    for (i, m) in mediators.iter().enumerate().take(MEDIATOR_COLOURS.len()) {
        root.draw(&Circle::new((x + 6, y), 6, MEDIATOR_COLOURS[i].filled()))?;
        x += 20;
        item(root, &mut x, &short_mediator(m))?;
    }
    Ok(())
}

/// "United Arab Emirates" → "UAE": legends have little room.
fn short_mediator(name: &str) -> String {
    let words: Vec<&str> =
        name.split_whitespace().filter(|w| !["the", "of", "and"].contains(&w.to_lowercase().as_str())).collect();
    if words.len() >= 3 {
        words.iter().filter_map(|w| w.chars().next()).collect()
    } else {
        name.trim_start_matches("the ").to_string()
    }
}

fn text_width(root: &Area, text: &str, size: u32) -> i32 {
    root.estimate_text_size(text, &style(size, TEXT)).map_or(text.len() as i32 * size as i32 / 2, |(w, _)| w as i32)
}

/// A round step for about five gridlines up to `max`: 1, 2 or 5 times a power of ten.
fn nice_step(max: u64) -> u64 {
    let rough = (max / 5).max(1);
    let mut power = 1;
    while power * 10 <= rough {
        power *= 10;
    }
    [1, 2, 5, 10].into_iter().map(|m| m * power).find(|step| *step >= rough).unwrap_or(power * 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(label: &str, ukraine: Option<(u64, u64)>) -> Slot {
        Slot {
            label: label.into(),
            year: 2025,
            days: 1,
            to_ukraine: ukraine,
            to_russia: Some((175, 175)),
            mediators: vec![],
        }
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(1000), 200);
        assert_eq!(nice_step(372), 100);
        assert_eq!(nice_step(3), 1);
    }

    #[test]
    fn labels_are_short() {
        assert_eq!(short_label("19 March 2025"), "19 Mar 2025");
        assert_eq!(span_label("23 May 2025", "24 May 2025"), "23–24 May 2025");
        assert_eq!(span_label("23–24 May 2025", "25 May 2025"), "23–25 May 2025");
        assert_eq!(short_mediator("United Arab Emirates"), "UAE");
        assert_eq!(short_mediator("Qatar"), "Qatar");
    }

    #[test]
    fn the_text_says_what_the_picture_shows() {
        let text = describe(&[slot("19 Mar 2025", Some((197, 197))), slot("5 Feb 2025", Some((150, 152)))]);
        let lines: Vec<&str> = text.lines().skip(1).collect();
        assert_eq!(lines, ["19 Mar 2025: 197 / 175", "5 Feb 2025: 150–152? / 175"]);
    }

    #[test]
    fn a_picture_is_a_png_of_the_stated_size() {
        let bytes = png(&[slot("19 Mar 2025", Some((197, 197)))], "Prisoner exchanges").unwrap();
        assert_eq!(&bytes[1..4], b"PNG");
        let empty = png(&[], "Nothing").unwrap();
        assert_eq!(&empty[1..4], b"PNG");
    }
}
