//! Frames: who the people of a count went to, read from word order.
//!
//! Each frame is a pattern over tags and words around the count, with the
//! recipient it implies and a sentence that shows it. The first frame that
//! matches inside the count's clause decides. A count that names its
//! people's nationality ("175 Ukrainian prisoners") needs no frame; the
//! frames are for "Moscow returned 175 soldiers", "82 servicemen had been
//! released by Ukraine", "144 fighters went to each side".

use std::ops::Range;

use super::count::Count;
use super::sentence::Sentence;
use crate::facts::model::Recipient;
use crate::lang::lexicon::{Act, Cue, Side, Tag};

/// One element of a frame's pattern.
#[derive(Debug, Clone, Copy)]
pub enum El {
    /// The count being read (its whole noun phrase).
    Count,
    /// A word that stands for a side: a state, or a pronoun for one. Binds the side.
    Side,
    /// Both sides as joint actors: "Russia and Ukraine", "the two sides".
    BothSides,
    /// A noun naming an exchange: "swap", "prisoner exchange".
    Event,
    /// A nationality ("from Russian captivity"). Binds the side.
    Nat,
    Act(Act),
    Cue(Cue),
    /// One of these words.
    Word(&'static [&'static str]),
    /// Up to this many other words (never another count).
    Gap(usize),
}

/// Where the people of a matching count went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    /// To the side the pattern bound.
    Bound,
    /// To the other side than the one bound (the bound side gave them up).
    Other,
    Each,
    Combined,
    /// To the side of whoever reports it ("Zelenskyy said 115 more defenders were back home").
    Speaker,
}

pub struct Frame {
    pub name: &'static str,
    pub pattern: &'static [El],
    pub to: To,
    /// A sentence the frame reads, the value of the count it applies to, and
    /// the recipient it must give (checked by the tests below).
    pub example: (&'static str, u64, Recipient),
}

use El::*;

const UA: Recipient = Recipient::To(Side::Ukraine);
const RU: Recipient = Recipient::To(Side::Russia);

/// The frames, most specific first.
pub const FRAMES: &[Frame] = &[
    Frame {
        name: "count … each",
        pattern: &[Count, Gap(4), Cue(Cue::Each)],
        to: To::Each,
        example: ("Pushilin said 144 fighters went to each side.", 144, Recipient::Each),
    },
    Frame {
        name: "each … count",
        pattern: &[Cue(Cue::Each), Gap(6), Count],
        to: To::Each,
        example: (
            "Russia and Ukraine each said on Wednesday that 150 of their captured soldiers had been returned.",
            150,
            Recipient::Each,
        ),
    },
    Frame {
        name: "both sides swapped count",
        pattern: &[BothSides, Gap(4), Act(Act::Swap), Gap(3), Count],
        to: To::Combined,
        example: ("Russia and Ukraine have exchanged 372 prisoners of war.", 372, Recipient::Combined),
    },
    Frame {
        name: "count from side's captivity",
        pattern: &[Count, Gap(8), Word(&["from"]), Gap(1), Nat, Word(&["captivity", "prisons", "jails", "custody"])],
        to: To::Other,
        example: ("Ukraine returned 103 soldiers from Russian captivity on Saturday.", 103, UA),
    },
    Frame {
        name: "count from territory held by side",
        pattern: &[
            Count,
            Gap(8),
            Word(&["from"]),
            Gap(3),
            Word(&["controlled", "held", "occupied", "captured"]),
            Word(&["by"]),
            Gap(2),
            Side,
        ],
        to: To::Other,
        example: ("175 soldiers had been returned from territories controlled by Kiev.", 175, RU),
    },
    Frame {
        name: "side returns count from captivity",
        pattern: &[Side, Gap(3), Act(Act::Give), Gap(4), Count, Gap(2), Word(&["from"]), Gap(1), Word(&["captivity"])],
        to: To::Bound,
        example: ("Ukraine has returned 200 people from captivity.", 200, UA),
    },
    Frame {
        name: "side gives count",
        pattern: &[Side, Gap(3), Act(Act::Give), Gap(4), Count],
        to: To::Other,
        example: ("The ministry said that Moscow returned 175 soldiers.", 175, UA),
    },
    Frame {
        name: "side receives count",
        pattern: &[Side, Gap(3), Act(Act::Receive), Gap(4), Count],
        to: To::Bound,
        example: ("Ukraine got 106 of its soldiers back from captivity on Thursday.", 106, UA),
    },
    Frame {
        name: "count given by side",
        pattern: &[Count, Gap(6), Act(Act::Give), Word(&["by"]), Gap(1), Side],
        to: To::Other,
        example: ("The ministry said 82 servicemen had been released by Ukraine.", 82, RU),
    },
    Frame {
        name: "count held by side",
        pattern: &[Count, Gap(8), Word(&["held", "captured", "detained"]), Word(&["by"]), Gap(1), Side],
        to: To::Other,
        example: ("The swap freed 150 servicemen held by Kyiv.", 150, RU),
    },
    Frame {
        name: "count to side",
        pattern: &[Count, Gap(6), Word(&["to"]), Gap(1), Side],
        to: To::Bound,
        example: ("Three military pilots went back to Russia.", 3, RU),
    },
    Frame {
        // After the frames naming a side: "Russia had handed over a total of 6,060 bodies".
        name: "a total of count",
        pattern: &[Cue(Cue::Combined), Gap(1), Count],
        to: To::Combined,
        example: ("A total of 218 people changed hands on Monday.", 218, Recipient::Combined),
    },
    Frame {
        name: "both sides' swap of count",
        pattern: &[BothSides, Gap(3), Event, Gap(2), Count],
        to: To::Combined,
        example: ("Moscow and Kyiv carried out a swap of 60 people on Tuesday.", 60, Recipient::Combined),
    },
    Frame {
        name: "an exchange of count",
        pattern: &[Event, Word(&["of"]), Count],
        to: To::Combined,
        example: ("The mediation led to an exchange of 400 captives.", 400, Recipient::Combined),
    },
    Frame {
        name: "count swapped",
        pattern: &[Count, Gap(3), Act(Act::Swap)],
        to: To::Combined,
        example: ("On Monday 218 people changed hands.", 218, Recipient::Combined),
    },
    Frame {
        name: "count came home (speaker's side)",
        pattern: &[Count, Gap(4), Act(Act::Home)],
        to: To::Speaker,
        example: ("Zelenskyy said 115 more defenders were back home.", 115, UA),
    },
    Frame {
        name: "count was freed (speaker's side)",
        pattern: &[Count, Gap(3), Cue(Cue::Be), Gap(1), Act(Act::Give)],
        to: To::Speaker,
        example: ("Yermak said 95 service members had been freed.", 95, UA),
    },
    Frame {
        name: "count was brought back (speaker's side)",
        pattern: &[Count, Gap(3), Cue(Cue::Be), Gap(1), Act(Act::Receive)],
        to: To::Speaker,
        example: ("Zelenskyy said 303 defenders were being brought back.", 303, UA),
    },
    Frame {
        name: "the return of count (speaker's side)",
        pattern: &[Word(&["return", "homecoming"]), Word(&["of"]), Gap(1), Count],
        to: To::Speaker,
        example: ("Yermak announced the return of 116 people, describing them as Mariupol defenders.", 116, UA),
    },
    Frame {
        name: "count released, as a headline says it (speaker's side)",
        pattern: &[Count, Gap(1), Act(Act::Give)],
        to: To::Speaker,
        example: ("Yermak listed them: 20 defenders returned.", 20, UA),
    },
    Frame {
        name: "count freed as both sides swapped",
        pattern: &[Count, Gap(14), BothSides],
        to: To::Combined,
        example: (
            "More than 200 soldiers were freed on Saturday, as Moscow and Kyiv carried out another swap.",
            200,
            Recipient::Combined,
        ),
    },
];

/// What frames see besides the sentence: the side each word stands for and
/// the side of whoever reports the count.
pub struct Scene<'a> {
    pub s: &'a Sentence<'a>,
    /// Per word: the side a state name or pronoun there stands for.
    pub sides: &'a [Option<Side>],
    pub speaker: Option<Side>,
    /// Word indices of every count number in the sentence (gaps never cross them).
    pub numbers: &'a [usize],
}

/// The recipient the first matching frame gives, with the frame's name.
pub fn recipient(scene: &Scene, c: &Count) -> Option<(Recipient, &'static str)> {
    let clause = scene.s.clause_of(c.at);
    for f in FRAMES {
        if let Some(bound) = find(scene, c, f.pattern, clause.clone()) {
            let r = match (f.to, bound) {
                (To::Bound, Some(x)) => Recipient::To(x),
                (To::Other, Some(x)) => Recipient::To(x.other()),
                (To::Each, _) => Recipient::Each,
                (To::Combined, _) => Recipient::Combined,
                (To::Speaker, _) => match scene.speaker {
                    Some(x) => Recipient::To(x),
                    None => continue,
                },
                _ => continue,
            };
            return Some((r, f.name));
        }
    }
    None
}

/// Tries the pattern from every start in the clause up to the count, nearest first:
/// "Russia says Ukraine also returned 8" binds Ukraine, the subject of "returned".
fn find(scene: &Scene, c: &Count, pattern: &[El], clause: Range<usize>) -> Option<Option<Side>> {
    (clause.start..=c.at).rev().find_map(|start| step(scene, c, pattern, start, None, &clause))
}

fn step(
    scene: &Scene,
    c: &Count,
    pattern: &[El],
    pos: usize,
    bound: Option<Side>,
    clause: &Range<usize>,
) -> Option<Option<Side>> {
    let Some((el, rest)) = pattern.split_first() else {
        return Some(bound);
    };
    let s = scene.s;
    if pos > clause.end {
        return None;
    }
    let tag_end = |pos: usize| s.tagged(pos).filter(|t| t.words.start == pos).map(|t| t.words.end);
    match *el {
        Count => (pos == c.at).then(|| step(scene, c, rest, c.np.end, bound, clause)).flatten(),
        Gap(n) => (0..=n).find_map(|k| {
            let crosses = (pos..pos + k).any(|i| i == c.at || scene.numbers.contains(&i) || i >= clause.end);
            if crosses && k > 0 {
                return None;
            }
            step(scene, c, rest, pos + k, bound, clause)
        }),
        Side => {
            let side = scene.sides.get(pos).copied().flatten()?;
            // Not "Ukraine" of "Russia and Ukraine handed over a combined 218": both sides act.
            let joint = (pos.saturating_sub(3)..=pos).any(|k| both_sides_at(scene, k).is_some_and(|end| end > pos));
            if joint {
                return None;
            }
            let end = tag_end(pos).unwrap_or(pos + 1);
            step(scene, c, rest, end, Some(side), clause)
        }
        Nat => match s.tag(pos) {
            Some(Tag::Nationality(side)) => step(scene, c, rest, pos + 1, Some(side), clause),
            _ => None,
        },
        BothSides => {
            let end = both_sides_at(scene, pos)?;
            step(scene, c, rest, end, bound, clause)
        }
        Event => (s.tag(pos) == Some(Tag::Event)).then(|| step(scene, c, rest, tag_end(pos)?, bound, clause)).flatten(),
        Act(a) => {
            (s.tag(pos) == Some(Tag::Act(a))).then(|| step(scene, c, rest, tag_end(pos)?, bound, clause)).flatten()
        }
        Cue(cue) => {
            (s.tag(pos) == Some(Tag::Cue(cue))).then(|| step(scene, c, rest, tag_end(pos)?, bound, clause)).flatten()
        }
        Word(ws) => {
            s.words.get(pos).filter(|w| ws.contains(&w.norm.as_str()))?;
            step(scene, c, rest, pos + 1, bound, clause)
        }
    }
}

/// "Russia and Ukraine", "Moscow and Kyiv", "the two sides", "both countries": the end of the phrase.
fn both_sides_at(scene: &Scene, pos: usize) -> Option<usize> {
    let s = scene.s;
    if let (Some(a), true, Some(b)) =
        (scene.sides.get(pos).copied().flatten(), s.is(pos + 1, "and"), scene.sides.get(pos + 2).copied().flatten())
        && a != b
        && matches!(s.tag(pos), Some(Tag::State(_)))
    {
        return Some(pos + 3);
    }
    let two = (s.is(pos, "two") || s.is(pos, "both"))
        && s.words.get(pos + 1).is_some_and(|w| ["sides", "countries", "parties"].contains(&w.norm.as_str()));
    two.then_some(pos + 2)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::facts::read::count;

    #[test]
    fn every_frame_reads_its_example() {
        for f in FRAMES {
            let (text, value, want) = f.example;
            let s = Sentence::new(text, NaiveDate::from_ymd_opt(2025, 5, 24).unwrap(), 0, 0);
            let counts = count::find(&s);
            let c = counts.iter().find(|c| c.value == value).unwrap_or_else(|| panic!("{}: no count {value}", f.name));
            let sides: Vec<Option<Side>> = (0..s.words.len())
                .map(|i| match s.tag(i) {
                    Some(Tag::State(x)) => Some(x),
                    _ => None,
                })
                .collect();
            let numbers: Vec<usize> = counts.iter().map(|c| c.at).collect();
            let speaker = text.contains("Zelensk") || text.contains("Yermak");
            let scene = Scene { s: &s, sides: &sides, speaker: speaker.then_some(Side::Ukraine), numbers: &numbers };
            let got = recipient(&scene, c);
            assert_eq!(got.map(|g| g.0), Some(want), "{}: {text}", f.name);
            assert_eq!(got.map(|g| g.1), Some(f.name), "{text}: read by another frame first");
        }
    }
}
