//! Who says what: "Russia's defence ministry said …", "…, Zelensky said",
//! "according to Kyiv", "It said …" (the speaker before), and which side a
//! pronoun stands for ("Kyiv said twelve of its people …").

use super::sentence::Sentence;
use crate::facts::model::Reporter;
use crate::lang::lexicon::names::{self, SPEAKERS};
use crate::lang::lexicon::{Cue, Side, Tag};

/// A speech verb and who speaks with it.
#[derive(Debug, Clone)]
pub struct Speech {
    pub reporter: Reporter,
    /// Word index of the verb.
    pub verb: usize,
    /// The verb closes the sentence ("…, the ministry announced on
    /// Saturday."), so it vouches for what came before it.
    pub closing: bool,
    /// The pronoun of "he said", "it added", when the speaker is one, or
    /// the noun of "the headquarters said" (the body named before).
    pub pronoun: Option<String>,
}

/// Every speech verb of the sentence with its speaker, when one is named.
/// "with Kyiv saying 230 … and Moscow saying 248" has two.
pub fn speeches(s: &Sentence) -> Vec<Speech> {
    let mut out = Vec::new();
    // "The Coordination Headquarters listed three officers and 202 privates": a part cue
    // that reports, too.
    // "… named two journalists among those released" (not "a medic named Iryna").
    let counted_next = |k: usize| (k + 1..(k + 3).min(s.words.len())).any(|j| s.words[j].number().is_some());
    let reports = |t: &&crate::lang::gazetteer::Tagged| {
        t.tag == Tag::Speech
            || t.tag == Tag::Cue(crate::lang::lexicon::Cue::Part)
                && (s.is(t.words.start, "listed") || s.is(t.words.start, "named") && counted_next(t.words.start))
    };
    for t in s.tags.iter().filter(reports) {
        let v = t.words.start;
        // "according to X", "announced by X", "said X": the speaker follows.
        let follows = s.is(v, "according") || s.is(t.words.end, "by");
        let before = speaker_before(s, v);
        let after = (t.words.end..(t.words.end + 7).min(s.words.len())).find_map(|j| speaker_at(s, j));
        let pronoun = (v > 0 && ["it", "he", "she", "they", "we"].contains(&s.words[v - 1].norm.as_str()))
            .then(|| s.words[v - 1].norm.clone());
        // "According to the Deputy Prime Minister", "the Head of the Office of
        // the President wrote": a title alone stands for the person named before.
        // "…, the ministry said": a body named before, without its side here.
        let bare_body = !follows
            && ((v.saturating_sub(3)..v).any(|j| {
                j > 0
                    && s.is(j - 1, "the")
                    && s.tagged(j)
                        .is_some_and(|t| t.words.start == j && t.words.end == v && matches!(t.tag, Tag::Speaker(_)))
                    && speaker_at(s, j).is_none()
            }) || v >= 2 && s.is(v - 2, "the") && BODIES.contains(&s.words[v - 1].norm.as_str()));
        if bare_body {
            out.push(Speech {
                reporter: Reporter::pending(),
                verb: v,
                closing: s.words.len() <= t.words.end + 6,
                pronoun: Some(s.words[v - 1].norm.clone()),
            });
            continue;
        }
        let titled = if follows { title_at(s, t.words.end) == Some(true) } else { title_ending(s, v) };
        let pronoun = if titled { Some("he".to_string()) } else { pronoun };
        let found = if titled {
            None
        } else if follows {
            after.clone().or(before)
        } else if pronoun.is_some() {
            None
        } else {
            before.or(after.clone())
        };
        let inverted = !follows && after.is_some() && s.words.get(t.words.end).is_some_and(|w| w.capitalized);
        // "\"Today, Ukraine brought back 205 warriors,\" President Volodymyr Zelensky wrote,
        // thanking …": the speaker right after a quotation says all of it.
        let after_quote = (v.saturating_sub(8)..v).any(|j| {
            j > 0
                && ["\"", "”", "»"].contains(&s.words[j].norm.as_str())
                && [",", ".", "!", "?"].contains(&s.words[j - 1].norm.as_str())
        });
        let closing = s.words.len() <= t.words.end + 6 || inverted || after_quote;
        match found {
            Some(reporter) => out.push(Speech { reporter, verb: v, closing, pronoun: None }),
            None if pronoun.is_some() => out.push(Speech { reporter: Reporter::pending(), verb: v, closing, pronoun }),
            None => {}
        }
    }
    out.extend(accounts(s));
    out.sort_by_key(|x| x.verb);
    out
}

/// Subjects of a speech verb that name no one: "Members noted that …",
/// "Officials said …". What follows is the outlet's report, not the last
/// speaker's.
const UNNAMED: &[&str] = &[
    "members",
    "officials",
    "reports",
    "analysts",
    "observers",
    "sources",
    "diplomats",
    "experts",
    "media",
    "lawmakers",
    "deputies",
    "mps",
    "witnesses",
    "relatives",
    "families",
    "activists",
];

/// Does a speech verb of the sentence have an unnamed subject ("Members noted")?
pub fn unnamed_speaker(s: &Sentence) -> bool {
    s.tags.iter().filter(|t| t.tag == Tag::Speech).any(|t| {
        let v = t.words.start;
        v > 0 && UNNAMED.contains(&s.words[v - 1].norm.as_str()) && speaker_before(s, v).is_none()
    })
}

/// Nouns after a nationality that make it the state speaking: "Ukrainian officials".
const STATE_VOICES: &[&str] = &["officials", "authorities", "government"];

/// Nouns for someone's own numbers: "by Kyiv's count", "Kyiv's running total:".
const ACCOUNTS: &[&str] = &["count", "tally", "total", "figure", "figures", "estimate", "estimates", "data", "numbers"];

/// "By Kyiv's count this was the 69th exchange", "Kyiv's running total: 3,956
/// people returned": the owner of the numbers speaks them. The noun stands in
/// for the verb, with at most one word between it and the possessive.
fn accounts(s: &Sentence) -> Vec<Speech> {
    let possessive = |j: usize| {
        let w = &s.words[j];
        let raw = s.text.get(w.span.clone()).unwrap_or("");
        raw.ends_with("'s") || raw.ends_with("’s")
    };
    let mut out = Vec::new();
    for k in 1..s.words.len() {
        if !ACCOUNTS.contains(&s.words[k].norm.as_str()) {
            continue;
        }
        let owner = (k.saturating_sub(2)..k).rev().filter(|&j| possessive(j)).find_map(|j| {
            let t = s.tags.iter().find(|t| t.words.end == j + 1)?;
            speaker_at(s, t.words.start)
        });
        if let Some(reporter) = owner {
            out.push(Speech { reporter, verb: k, closing: false, pronoun: None });
        }
    }
    out
}

/// Nouns that, after "the", stand for the institution named before: "…, the ministry said".
const BODIES: &[&str] = &["ministry", "headquarters", "office", "agency", "service", "department", "committee"];

/// Titles that, after "the" and without a name after them, stand for the
/// person who holds them and was named before.
const TITLES: &[&[&str]] = &[
    &["head", "of", "the", "office", "of", "the", "president"],
    &["head", "of", "the", "presidential", "office"],
    &["deputy", "prime", "minister"],
    &["prime", "minister"],
    &["ombudsman"],
    &["ombudsperson"],
    &["commissioner"],
    &["minister"],
    &["president"],
];

/// Does a title start at `j` ("the Deputy Prime Minister")? `Some(true)`
/// when it stands alone, `Some(false)` when a name follows it.
fn title_at(s: &Sentence, j: usize) -> Option<bool> {
    let start = if s.is(j, "the") { j + 1 } else { return None };
    let title = TITLES.iter().find(|t| t.iter().enumerate().all(|(k, w)| s.is(start + k, w)))?;
    let end = start + title.len();
    Some(!s.words.get(end).is_some_and(|w| w.capitalized))
}

/// Does a lone title end right before the verb at `v`?
fn title_ending(s: &Sentence, v: usize) -> bool {
    (v.saturating_sub(9)..v).any(|j| {
        title_at(s, j) == Some(true)
            && TITLES.iter().any(|t| j + 1 + t.len() == v && t.iter().enumerate().all(|(k, w)| s.is(j + 1 + k, w)))
    })
}

/// The subject of a speech verb at `v`: a person named in the words before
/// it wins over the institution of their title ("Andriy Yermak, head of the
/// presidential office, said" is Yermak), else the nearest speaker.
fn speaker_before(s: &Sentence, v: usize) -> Option<Reporter> {
    // "Ukraine counts this as the 59th exchange since the full-scale invasion and says
    // 3,956 …": a second verb of the subject that opened the sentence.
    let reach = if v > 0 && s.is(v - 1, "and") { 24 } else { 12 };
    let mut from = v.saturating_sub(reach);
    // Never reach back over another speech or a clause of its own.
    if let Some(k) = (from..v).rev().find(|&k| s.tag(k) == Some(Tag::Speech) || s.is(k, ";") || s.is(k, "while")) {
        from = k + 1;
    }
    let found: Vec<(usize, Reporter)> = (from..v).filter_map(|j| speaker_at(s, j).map(|r| (j, r))).collect();
    // The person right before the verb ("friend of Vladimir Putin, President Volodymyr
    // Zelensky said"), else the first ("Andrey Yermak, who heads Zelensky's office, claimed").
    let adjacent = |j: usize| s.tagged(j).is_some_and(|t| t.words.end == v);
    let person = found
        .iter()
        .rev()
        .find(|(j, _)| is_person(s, *j) && adjacent(*j))
        .or_else(|| found.iter().find(|(j, _)| is_person(s, *j)));
    // A person before the institution or state of their title: "Ukraine's Interior
    // Minister Ihor Klymenko said" is Klymenko, on Ukraine's side.
    person
        .map(|(_, r)| r.clone())
        .or_else(|| titled_person(s, from, v))
        .or_else(|| found.last().map(|(_, r)| r.clone()))
}

/// Office words that, before a capitalised name, make it a person who speaks:
/// "Interior Minister Ihor Klymenko said", "Governor Vyacheslav Gladkov wrote".
const OFFICES: &[&str] = &[
    "minister",
    "ombudsman",
    "ombudsperson",
    "commissioner",
    "governor",
    "mayor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "aide",
    "adviser",
    "advisor",
    "commander",
    "chief",
    "head",
    "president",
    "senator",
    "lawmaker",
    "deputy",
    "secretary",
    "ambassador",
    "general",
];

/// A person the speaker table does not know, named with an office right
/// before the verb: the surname speaks; the side is the nationality or state
/// named with the office, if any ("Ukraine's Interior Minister …").
fn titled_person(s: &Sentence, from: usize, v: usize) -> Option<Reporter> {
    // The name: capitalised words ending right before the verb (or its comma).
    let end = if v > 0 && s.is(v - 1, ",") { v - 1 } else { v };
    // "Interior Minister Ihor Klymenko": the name is what follows the office word.
    let office = (from..end)
        .rev()
        .take_while(|&k| (s.words[k].capitalized || OFFICES.contains(&s.words[k].norm.as_str())) && s.tag(k).is_none())
        .find(|&k| OFFICES.contains(&s.words[k].norm.as_str()))?;
    let start = office + 1;
    if start >= end || end - start > 3 {
        return None;
    }
    let side = (from..start).rev().find_map(|k| match s.tag(k) {
        Some(Tag::State(side) | Tag::Nationality(side)) => Some(side),
        _ => None,
    });
    Some(Reporter { side, name: s.text[s.words[end - 1].span.clone()].to_string() })
}

/// The speaker a sentence opens with even without a speech verb: "Russia's
/// defence ministry gave its own account", "President Zelenskyy called it
/// the ninth stage". A later "It said" or "he said" points back at it.
pub fn subject(s: &Sentence) -> Option<(Reporter, bool)> {
    let first_verb = (0..s.words.len())
        .find(|&k| matches!(s.tag(k), Some(Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Be))))
        .unwrap_or(s.words.len());
    (0..first_verb.min(10)).find_map(|j| speaker_at(s, j).map(|r| (r, is_person(s, j))))
}

/// A person or body opening the sentence who then introduces a quotation or
/// a colon: "Zelensky gives the breakdown on Telegram: "230 of our people"".
/// Not a wire's dateline ("KYIV - Ukraine and Russia traded …").
pub fn introducer(s: &Sentence) -> Option<Reporter> {
    let first_verb = (0..s.words.len())
        .find(|&k| matches!(s.tag(k), Some(Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Be))))
        .unwrap_or(s.words.len());
    let j = (0..first_verb.min(10)).find(|&j| speaker_at(s, j).is_some())?;
    let named = s.tagged(j).is_some_and(|t| matches!(t.tag, Tag::Speaker(_)))
        || s.tagged(j).is_some_and(|t| s.tagged(t.words.end).is_some_and(|n| matches!(n.tag, Tag::Speaker(_))));
    let end = s.tagged(j).map_or(j + 1, |t| t.words.end);
    let introduces = (end + 1..s.words.len()).any(|k| [":", "\"", "“", "«"].contains(&s.words[k].norm.as_str()));
    (named && introduces).then(|| speaker_at(s, j)).flatten()
}

fn is_person(s: &Sentence, j: usize) -> bool {
    matches!(s.tag(j), Some(Tag::Speaker(i)) if SPEAKERS.get(usize::from(i)).is_some_and(|sp| sp.person))
}

/// Words that point back at the previous speaker as the subject of a verb.
const BACK_REFERENCES: &[&str] = &["it", "he", "she", "they", "ministry", "office", "headquarters", "statement"];

/// Does the sentence point back at the previous speaker ("It said", "the ministry added")?
pub fn refers_back(s: &Sentence) -> bool {
    s.tags.iter().filter(|t| t.tag == Tag::Speech).any(|t| {
        let v = t.words.start;
        v > 0 && BACK_REFERENCES.contains(&s.words[v - 1].norm.as_str())
    })
}

/// Does the sentence open on the previous speaker named again ("The headquarters
/// published a breakdown …", "It gave the numbers …")?
pub fn opens_on_previous_speaker(s: &Sentence) -> bool {
    let k = usize::from(s.is(0, "the"));
    s.words.get(k).is_some_and(|w| BACK_REFERENCES.contains(&w.norm.as_str())) && s.tag(k).is_none()
}

/// The speaker named at word `j`, if a speaker starts there.
pub fn speaker_at(s: &Sentence, j: usize) -> Option<Reporter> {
    let t = s.tagged(j).filter(|t| t.words.start == j)?;
    match t.tag {
        Tag::Speaker(i) => {
            let sp = SPEAKERS.get(usize::from(i))?;
            let side = sp.side.or_else(|| side_near(s, j, t.words.end));
            let name = match (sp.person, side, sp.side) {
                (true, _, _) | (false, _, Some(_)) => sp.label.to_string(),
                (false, Some(side), None) => format!("{}'s {}", side.name(), sp.label),
                (false, None, None) => return None,
            };
            Some(Reporter { side, name })
        }
        Tag::State(side) => {
            // "Russia's defence ministry": let the institution name it.
            let inst = (t.words.end..(t.words.end + 3).min(s.words.len()))
                .find(|&k| matches!(s.tag(k), Some(Tag::Speaker(_))));
            if let Some(k) = inst {
                return speaker_at(s, k);
            }
            Some(Reporter { side: Some(side), name: side.capital().into() })
        }
        Tag::Nationality(side) => {
            // "Ukrainian officials said", "the Russian authorities": the state speaks.
            if s.words.get(t.words.end).is_some_and(|w| STATE_VOICES.contains(&w.norm.as_str())) {
                return Some(Reporter { side: Some(side), name: side.capital().into() });
            }
            // "the Ukrainian ombudsman", "the Russian Defence Ministry".
            let next = s.tagged(t.words.end).filter(|n| matches!(n.tag, Tag::Speaker(_)))?;
            speaker_at(s, next.words.start)
        }
        Tag::Mediator(i) => Some(Reporter { side: None, name: names::mediator_name(i).to_string() }),
        Tag::Cue(Cue::Each) if s.is(j, "both") || s.is(j, "each") => {
            Some(Reporter { side: None, name: "both sides".into() })
        }
        _ => None,
    }
}

/// The side named next to an institution: "Russia's Defence Ministry",
/// "the Ukrainian ombudsman", "the Ministry of Defence of Russia", or "its
/// Defence Ministry" after "Russia received 90 …".
fn side_near(s: &Sentence, start: usize, end: usize) -> Option<Side> {
    let before = start.saturating_sub(3)..start;
    let after = end..(end + 3).min(s.words.len());
    before.clone().rev().chain(after).find_map(|k| match s.tag(k) {
        Some(Tag::State(side) | Tag::Nationality(side)) => Some(side),
        Some(Tag::Cue(Cue::Pronoun)) if s.is(k, "its") || s.is(k, "their") => pronoun_side(s, k, None),
        _ => None,
    })
}

/// Which side a pronoun at `i` stands for: the nearest state named before
/// it in the sentence, else the speaker's side. "Kyiv said twelve of its
/// people", "we brought home 49 Ukrainians" (a Ukrainian statement).
pub fn pronoun_side(s: &Sentence, i: usize, speaker: Option<Side>) -> Option<Side> {
    if s.tag(i) != Some(Tag::Cue(Cue::Pronoun)) {
        return None;
    }
    // "Kyiv says …; the UAE said it has helped free 3,771": a mediator named nearer
    // is whom the pronoun stands for, and it is no side.
    let named = (0..i)
        .rev()
        .find_map(|k| match s.tag(k) {
            Some(Tag::State(side)) => Some(Some(side)),
            Some(Tag::Mediator(_)) => Some(None),
            _ => None,
        })
        .flatten();
    // "Russia and Ukraine each said … 150 of their soldiers": both sides' people.
    let plural = s.is(i, "their") || s.is(i, "they") || s.is(i, "them");
    let both = [Side::Russia, Side::Ukraine].iter().all(|x| (0..i).any(|k| s.tag(k) == Some(Tag::State(*x))));
    if plural && both {
        return None;
    }
    let first_person = s.is(i, "we") || s.is(i, "our");
    if first_person { speaker.or(named) } else { named.or(speaker) }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn who(text: &str) -> Vec<String> {
        let s = Sentence::new(text, NaiveDate::from_ymd_opt(2025, 5, 24).unwrap(), 0, 0);
        speeches(&s).into_iter().map(|x| x.reporter.name).collect()
    }

    #[test]
    fn finds_the_speakers() {
        assert_eq!(
            who("Russia’s defence ministry said it had swapped 150 captured Ukrainian troops"),
            ["Russia's Defence Ministry"]
        );
        assert_eq!(
            who("The Russian Defence Ministry announced on Wednesday that Moscow returned 175 soldiers"),
            ["Russia's Defence Ministry"]
        );
        assert_eq!(who("Ukrainian President Volodymyr Zelenskyy said 189 Ukrainians had come home"), ["Zelenskyy"]);
        assert_eq!(who("According to Kyiv, 3,956 Ukrainians have been returned"), ["Kyiv"]);
        assert_eq!(
            who("Kyiv said 52 Ukrainians had been freed, while Moscow said 50 Russians had come back."),
            ["Kyiv", "Moscow"]
        );
        assert_eq!(
            who("Andriy Yermak, head of the Ukrainian president's office, said Russia had handed over 140"),
            ["Yermak"]
        );
        assert_eq!(
            who("Fifty Russian servicemen have been returned, the Russian Defence Ministry announced on Saturday."),
            ["Russia's Defence Ministry"]
        );
        assert_eq!(who("Russia and Ukraine traded 115 prisoners of war apiece on Saturday."), Vec::<String>::new());
    }
}
