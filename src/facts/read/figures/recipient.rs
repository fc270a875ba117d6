//! Whose people a count is: the side named beside it, the frame it stands in,
//! the group it is part of, or the side its people fought for.

use super::*;

/// Who the people of a count went to, and how sure that is.
pub(super) fn recipient_of(
    scene: &Scene,
    c: &Count,
    done: &[Read],
    parent: Option<&Parent>,
    part: bool,
    next: Option<&Count>,
) -> (Option<Recipient>, Confidence) {
    if c.pattern {
        return (Some(Recipient::Each), Confidence::High);
    }
    if let Some(side) = c.nationality {
        return (Some(Recipient::To(side)), Confidence::High);
    }
    let s = scene.s;
    // "put the number of Azovstal and Mariupol defenders in the group at 188": defenders are Ukraine's.
    if count::tally_frame(s, c)
        && let Some(side) = (c.at.saturating_sub(10)..c.at).find_map(|k| match s.tag(k) {
            Some(Tag::Nationality(side)) => Some(side),
            _ => people::implied_side(&s.words[k].norm),
        })
    {
        return (Some(Recipient::To(side)), Confidence::High);
    }
    // "…, bringing the number of people returned to 2,105", says Kyiv's headquarters: its own people.
    if count::tally_frame(s, c)
        && let Some(side) = scene.speaker
    {
        return (Some(Recipient::To(side)), Confidence::Medium);
    }
    // "We are returning 100 of our people", "twelve of its people": whose people they
    // are, even as a part ("\"230 of our people\"", says Zelensky after Moscow's 248).
    if let Some(side) = c.possessive.and_then(|k| scene.sides.get(k).copied().flatten()) {
        return (Some(Recipient::To(side)), Confidence::High);
    }
    if let (true, Some(side)) = (part, fought_for(s, c)) {
        return (Some(Recipient::To(side)), Confidence::Medium);
    }
    if part {
        // "the Ukrainians were nine troops", "Of the Ukrainian soldiers coming home, 15 are women".
        let clause = s.clause_of(c.at);
        // A nationality that names people ("the Ukrainians", "Ukrainian soldiers"),
        // not "convicted by Russian courts".
        let of_people = |k: usize| {
            s.words[k].norm.ends_with('s')
                || (k + 1..(k + 3).min(s.words.len())).any(|j| matches!(s.tag(j), Some(Tag::People(_))))
        };
        let named = (clause.start.min(c.at.saturating_sub(12))..c.at).rev().find_map(|k| match s.tag(k) {
            Some(Tag::Nationality(side)) if !(k > 0 && s.is(k - 1, "from")) && of_people(k) => Some(side),
            _ => None,
        });
        match (named, parent) {
            (Some(side), _) => return (Some(Recipient::To(side)), Confidence::Medium),
            // "seven defenders of Snake Island" after Moscow's 248: defenders are Ukraine's.
            (None, _) if c.implied.is_some() => {
                return (c.implied.map(Recipient::To), Confidence::Medium);
            }
            (None, Some(p)) if p.recipient != Recipient::Each && p.recipient != Recipient::Combined => {
                return (Some(p.recipient), Confidence::Medium);
            }
            (None, Some(_)) => {
                if let Some(side) = scene.speaker {
                    return (Some(Recipient::To(side)), Confidence::Medium);
                }
            }
            (None, None) => {}
        }
    }
    // "brings the number of Ukrainians returned from captivity to 4,757": the tally's people.
    if let Some((r, name)) = frames::recipient(scene, c) {
        let sure = if name.contains("speaker") || name.contains("freed as both") {
            Confidence::Medium
        } else {
            Confidence::High
        };
        return (Some(r), sure);
    }
    // "215 people were freed in return for 55 Russian prisoners": the other way from those.
    let clause = s.clause_of(c.at);
    let given_for = s.tags_in(c.np.end..clause.end).find(|t| t.tag == Tag::Cue(Cue::InReturn)).and_then(|t| {
        (t.words.end..(t.words.end + 4).min(clause.end)).find_map(|k| match s.tag(k) {
            Some(Tag::Nationality(side)) => Some(side),
            _ => None,
        })
    });
    if let Some(side) = given_for {
        return (Some(Recipient::To(side.other())), Confidence::High);
    }
    // "In exchange, …" / "in return for 80 …": the other way from the count before.
    let in_return = (c.at.saturating_sub(3)..c.at).any(|k| s.tag(k) == Some(Tag::Cue(Cue::InReturn)));
    if in_return && let Some(Recipient::To(side)) = done.last().and_then(|r| r.recipient) {
        return (Some(Recipient::To(side.other())), Confidence::Medium);
    }
    // "Moscow returned 175 soldiers and 22 seriously wounded": a count joined
    // to the one before with no verb between shares its recipient.
    if let (Some(prev), Some(prev_count)) = (done.last(), previous_count(s, c))
        && let Some(r) = prev.recipient
        && s.clause_of(c.at) == s.clause_of(prev_count)
        && !s.has(prev_count..c.at, |t| matches!(t, Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Be)))
    {
        return (Some(r), Confidence::Medium);
    }
    // "270 servicemen and 120 civilians returned to its side": joined by "and"
    // to the next count, with no verb between, it goes where that one goes.
    if let Some(next) = next
        && s.clause_of(next.at) == s.clause_of(c.at)
        && next.at > c.np.end
        && (c.np.end..next.at).all(|k| s.is(k, "and") || s.is(k, ","))
        && let Some((r, _)) = frames::recipient(scene, next)
    {
        return (Some(r), Confidence::Medium);
    }
    if let Some(r) = opened_by(s, c) {
        return (Some(r), Confidence::Medium);
    }
    if part && let Some(side) = scene.speaker {
        return (Some(Recipient::To(side)), Confidence::Medium);
    }
    // "Forty-five defenders home": whose defenders goes without saying.
    if let Some(side) = c.implied {
        return (Some(Recipient::To(side)), Confidence::Medium);
    }
    (None, Confidence::Low)
}

/// "Ten foreign nationals who had fought for Ukraine were also released": whose
/// side they fought on is whose people they are.
pub(super) fn fought_for(s: &Sentence, c: &Count) -> Option<Side> {
    let clause = s.clause_of(c.at);
    (c.np.end..clause.end.min(c.np.end + 8)).find_map(|k| {
        let fought = ["fought", "fighting", "served", "volunteered", "fight"].contains(&s.words[k].norm.as_str());
        let side = (k + 1..(k + 4).min(s.words.len())).find_map(|j| match s.tag(j) {
            Some(Tag::State(side)) if s.is(j - 1, "for") || s.is(j - 1, "alongside") => Some(side),
            _ => None,
        });
        side.filter(|_| fought)
    })
}

/// Where the count before `c` in its sentence ends.
pub(super) fn previous_count(s: &Sentence, c: &Count) -> Option<usize> {
    (0..c.at)
        .rev()
        .find(|&k| s.words[k].number().is_some() && !s.dates.iter().any(|(m, _)| m.words.contains(&k)))
        .map(|k| k + 1)
}

/// "Ukraine then received bodies in several stages: 1,212 on 11 June, …": a
/// count right after a colon, naming no one, goes where the clause before the
/// colon says (a side that received or gave).
fn opened_by(s: &Sentence, c: &Count) -> Option<Recipient> {
    let colon = (0..c.at).rev().find(|&k| s.is(k, ":"))?;
    if s.has(colon..c.at, |t| matches!(t, Tag::State(_) | Tag::Nationality(_) | Tag::Act(_))) || colon == 0 {
        return None;
    }
    let clause = s.clause_of(colon - 1);
    (clause.start..colon).find_map(|k| {
        let Some(Tag::State(side)) = s.tag(k) else { return None };
        let end = s.tagged(k).map_or(k + 1, |t| t.words.end);
        (end..(end + 3).min(colon)).find_map(|j| match s.tag(j) {
            Some(Tag::Act(Act::Receive | Act::Home)) => Some(Recipient::To(side)),
            Some(Tag::Act(Act::Give)) => Some(Recipient::To(side.other())),
            _ => None,
        })
    })
}
