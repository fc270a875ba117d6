//! Counts: a number and the noun phrase it counts, before any decision on
//! who the people went to or whether they were freed at all.
//!
//! "175 Ukrainian prisoners of war", "22 seriously wounded", "150 of their
//! captured soldiers", "95 defended the Azovstal steel works", "15 are
//! women", "the same number of Ukrainian prisoners", "a 25-for-25 swap".

use std::ops::Range;

use super::sentence::Sentence;
use crate::lang::lexicon::{Act, Category, Cue, Side, Tag, Thing};
use crate::lang::text::WordKind;

/// A number that counts something, with its noun phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub value: u64,
    /// The number as written ("1,000", "forty-five", "the same number").
    pub text: String,
    /// Word index of the number.
    pub at: usize,
    /// Words of the noun phrase, the number included.
    pub np: Range<usize>,
    pub category: Category,
    /// Whose people the noun phrase says they are ("175 Ukrainian prisoners").
    pub nationality: Option<Side>,
    /// Descriptive words of the group counted ("women", "azovstal", "officers").
    pub terms: Vec<String>,
    /// "more than", "nearly", "at least": the value is not exact.
    pub approx: Option<String>,
    /// "150-for-150", "an 86 for 86 exchange": the same number each way.
    pub pattern: bool,
    /// "150 of their soldiers": word index of the possessive pronoun.
    pub possessive: Option<usize>,
    /// Counts something other than freed people.
    pub thing: Option<Thing>,
    /// Counts exchanges ("59 prisoner swaps").
    pub swaps: bool,
    /// No noun of its own: "390 freed on Friday", "Of the 144, 95 defended …".
    pub elliptic: bool,
    /// "the 50 Russians", "all 86": a group named before.
    pub definite: bool,
    /// "the same number of": the value of the count before it.
    pub same_number: bool,
    /// "Two of the fifty …": a part of a group counted before.
    pub of_group: bool,
    /// "… came home on 30 April; on 14 April, thirty": the verb and noun are
    /// those of the sentence's first count.
    pub gapped: bool,
    /// The side the head noun implies ("defenders"): weaker than a nationality.
    pub implied: Option<Side>,
}

/// Every count in the sentence, left to right.
pub fn find(s: &Sentence) -> Vec<Count> {
    let mut out: Vec<Count> = Vec::new();
    let mut i = 0;
    while i < s.words.len() {
        if let Some(c) = same_number_at(s, i).or_else(|| count_at(s, i)) {
            i = c.np.end.max(i + 1);
            out.push(c);
        } else {
            i += 1;
        }
    }
    out
}

/// Pronouns that say whose people a count is: "its 146 servicemen", "150 of their soldiers".
pub(crate) const POSSESSIVES: &[&str] = &["its", "their", "our"];

/// What a running total counts from: "7,000 since the full-scale invasion began", "since 2022".
const WAR_STARTS: &[&str] = &["invasion", "war", "2022", "2014"];

/// Words a noun phrase may not run past.
const STOPS: &[&str] = &[
    "on", "in", "at", "to", "for", "from", "by", "with", "as", "during", "after", "before", "since", "and", "or",
    "who", "which", "that", "whom", "while", "but", "into", "through", "under", "until", "when", "where", "had",
    "have", "has", "outside", "beyond", "besides", "without",
];

/// Heads that say nothing about which group: "15 people captured at Chornobyl".
const GENERIC_HEADS: &[&str] = &[
    "people",
    "prisoners",
    "soldiers",
    "servicemen",
    "persons",
    "individuals",
    "captives",
    "freed",
    "ukrainians",
    "russians",
    "pows",
    "returnees",
    "released",
    "servicemembers",
    "troops",
    // "Ninety-five of the freed men had defended the Azovstal steel plant".
    "men",
    "fighters",
    "defenders",
];

/// Words that carry nothing about who was counted.
const EMPTY: &[&str] = &[
    "of", "the", "a", "an", "their", "its", "our", "his", "her", "more", "other", "another", "some", "all", "those",
    "these", "them", "whom", "-", "“", "”", "\"", "'", "’", "‘", "also", "were", "was", "are", "is", "had", "have",
    "been", "who", "which", "that", "in", "at", "on", "and", "or", "to", "for", "from", "by", "with", "it", "they",
    "he", "she",
];

/// Verbs that say which body a part of the group belongs to, before "from",
/// "in", "to" or "of": "came from the interior ministry system", "served in
/// the territorial defence", "were members of the national guard".
const MEMBERSHIP_VERBS: &[&str] = &[
    "came", "come", "comes", "were", "are", "was", "is", "served", "serve", "serving", "belonged", "belong", "belongs",
    "members", "member",
];

/// Words that end the group named after a verb of belonging: "from the navy
/// and 14 …", "in the border guard before their capture".
const GROUP_NP_ENDS: &[&str] = &[
    "and",
    "or",
    "who",
    "which",
    "that",
    "before",
    "after",
    "when",
    "while",
    "until",
    "since",
    "for",
    "with",
    "on",
    "at",
    "during",
    "according",
];

fn count_at(s: &Sentence, i: usize) -> Option<Count> {
    let w = &s.words[i];
    let value = w.number()?;
    if value == 0 || in_date(s, i) || not_a_count(s, i) {
        return None;
    }
    let mut c = Count {
        value,
        text: s.text[w.span.clone()].to_string(),
        at: i,
        np: i..i + 1,
        category: Category::Prisoners,
        nationality: None,
        terms: Vec::new(),
        approx: approx_before(s, i),
        pattern: false,
        possessive: None,
        thing: None,
        swaps: false,
        elliptic: false,
        definite: i > 0 && (s.is(i - 1, "the") || s.is(i - 1, "all") || s.is(i - 1, "those")),
        same_number: false,
        of_group: false,
        gapped: false,
        implied: None,
    };
    let mut j = i + 1;
    // "150-for-150", "86 for 86".
    if let Some(end) = pattern_end(s, i, value) {
        c.pattern = true;
        j = end;
        c.np.end = end;
    }
    // "in addition to its 146 servicemen": whose people they are, said before the count.
    let before = i.checked_sub(1 + c.approx.as_ref().map_or(0, |a| a.split_whitespace().count()));
    if let Some(k) = before.filter(|&k| POSSESSIVES.contains(&s.words[k].norm.as_str())) {
        c.possessive = Some(k);
    }
    let has_head = noun_phrase(s, &mut c, j);
    if c.thing.is_some() || c.swaps {
        return Some(c);
    }
    if !has_head && !c.pattern && c.category == Category::Prisoners {
        c.elliptic = true;
        c.gapped = gapped(s, &c);
        // "Ukraine received 1,000 bodies, and Russia received 24.": the noun said once.
        if gapped_bodies(s, &c) {
            c.thing = Some(Thing::Bodies);
            return Some(c);
        }
        if !c.gapped && !elliptic_ok(s, &c) {
            return None;
        }
        if let Some(unit) = item_unit(s, &c) {
            push_terms(s, &mut c, unit);
        }
    }
    // "The Navy accounts for 88 of those freed": the subject names the part.
    if c.at >= 2
        && s.is(c.at - 1, "for")
        && ["accounts", "account", "accounted"].contains(&s.words[c.at - 2].norm.as_str())
        && c.terms.is_empty()
    {
        let subject = s.clause_of(c.at).start..c.at - 2;
        push_terms(s, &mut c, subject);
    }
    if !c.pattern {
        predicate(s, &mut c);
    }
    Some(c)
}

/// "Ukrainians", "Russians": a nationality used as a noun.
fn is_people_noun(s: &Sentence, k: usize) -> bool {
    matches!(s.tag(k), Some(Tag::Nationality(_))) && s.words[k].norm.ends_with('s')
}

/// "the same number of Ukrainian prisoners", "an equal number of captured Ukrainian troops".
fn same_number_at(s: &Sentence, i: usize) -> Option<Count> {
    let t = s.tagged(i).filter(|t| t.words.start == i && t.tag == Tag::Cue(Cue::SameNumber))?;
    let end = t.words.end;
    let text = s.text[s.words[i].span.start..s.words[end - 1].span.end].to_string();
    let mut c = Count {
        value: 0,
        text,
        at: i,
        np: i..end,
        category: Category::Prisoners,
        nationality: None,
        terms: Vec::new(),
        approx: None,
        pattern: false,
        possessive: None,
        thing: None,
        swaps: false,
        elliptic: false,
        definite: false,
        same_number: true,
        of_group: false,
        gapped: false,
        implied: None,
    };
    let from = if s.is(end, "of") { end + 1 } else { end };
    // "it had received the same number, 115 servicemen": the number after it is the count.
    let apposed = s.words.get(from).is_some_and(|w| w.is_punct())
        && s.words.get(from + 1).is_some_and(|w| w.kind == WordKind::Number);
    if apposed {
        return None;
    }
    noun_phrase(s, &mut c, from);
    if c.np.end == from {
        c.elliptic = true;
    }
    Some(c)
}

fn in_date(s: &Sentence, i: usize) -> bool {
    s.dates.iter().any(|(m, _)| m.words.contains(&i))
}

/// Numbers that are not counts of anything an exchange moves: times
/// ("18:10"), phone numbers, model names ("Il-76"), money, ages ("aged 21",
/// "the oldest is 65", "Suedi Murekezi, 35,").
pub(crate) fn not_a_count(s: &Sentence, i: usize) -> bool {
    let w = &s.words;
    let prev = |k: usize| i.checked_sub(k).map(|p| w[p].norm.as_str());
    let next = |k: usize| w.get(i + k).map(|x| x.norm.as_str());
    let digits_at = |k: Option<usize>| k.and_then(|k| w.get(k)).is_some_and(|x| x.is_digits());
    // "18:10", not "February and March 2022: 19 were defenders …": an hour then two digits.
    let clock = |h: usize| w[h].is_digits() && w[h].norm.len() <= 2 && w.get(h + 2).is_some_and(|m| m.norm.len() == 2);
    let time = next(1) == Some(":") && digits_at(Some(i + 2)) && clock(i)
        || prev(1) == Some(":") && digits_at(i.checked_sub(2)) && clock(i - 2);
    let joined = next(1) == Some("-") && w.get(i + 2).is_some_and(|x| x.is_digits()) && next(2) != Some("for");
    let model = prev(1) == Some("-") && i >= 2 && w[i - 2].capitalized && w[i - 2].norm.len() <= 3;
    // "(45)" after a name is an age or a note; "(seven soldiers and …)" counts.
    let bracketed = prev(1) == Some("(") && next(1) == Some(")");
    let money = matches!(prev(1), Some("$" | "€" | "£")) || matches!(next(1), Some("%")) || bracketed;
    let age_word = matches!(prev(1), Some("aged" | "age" | "ages"));
    let age_apposition =
        prev(1) == Some(",") && next(1).is_none_or(|n| n == ",") && i >= 2 && w[i - 2].capitalized && value_small(s, i);
    let superlative_age = (1..=4).any(|k| matches!(prev(k), Some("oldest" | "youngest")));
    time || joined || model || money || age_word || age_apposition || superlative_age
}

fn value_small(s: &Sentence, i: usize) -> bool {
    s.words[i].number().is_some_and(|v| v < 120)
}

/// "more than", "nearly", "at least" just before the number.
fn approx_before(s: &Sentence, i: usize) -> Option<String> {
    let t = (i.checked_sub(1)).and_then(|p| s.tagged(p)).filter(|t| t.words.end == i)?;
    (t.tag == Tag::Cue(Cue::Approx))
        .then(|| s.text[s.words[t.words.start].span.start..s.words[t.words.end - 1].span.end].to_lowercase())
}

/// The end of "150-for-150" / "86 for 86" starting at `i`.
fn pattern_end(s: &Sentence, i: usize, value: u64) -> Option<usize> {
    let w = &s.words;
    let same = |k: usize| w.get(k).and_then(|x| x.number()) == Some(value);
    if w.get(i + 1).is_some_and(|x| x.is("-")) && w.get(i + 2).is_some_and(|x| x.is("for")) {
        if w.get(i + 3).is_some_and(|x| x.is("-")) && same(i + 4) {
            return Some(i + 5);
        }
    } else if w.get(i + 1).is_some_and(|x| x.is("for")) && same(i + 2) {
        return Some(i + 3);
    }
    None
}

/// Reads the noun phrase from word `from`: its head, nationality, category,
/// descriptive words, or the thing it counts. Returns whether it has a head
/// noun for people.
fn noun_phrase(s: &Sentence, c: &mut Count, from: usize) -> bool {
    let limit = (from + 7).min(s.words.len());
    let mut j = from;
    while j < limit {
        let w = &s.words[j];
        // "150 of their captured soldiers", "37 of the women".
        if w.is("of") {
            if let Some(next) = s.words.get(j + 1)
                && ["their", "its", "our", "the", "those", "these", "them", "whom", "which"]
                    .contains(&next.norm.as_str())
            {
                if POSSESSIVES.contains(&next.norm.as_str()) {
                    c.possessive = Some(j + 1);
                }
                j += 2;
                // "Two of the fifty are officers": the number after "of the" is the group;
                // "Twelve of the freed were officers": a participle standing for it.
                let number = s.words.get(j).is_some_and(|x| x.number().is_some());
                let participle = s.words.get(j).is_some_and(|x| x.norm.ends_with("ed"))
                    && matches!(s.tag(j), Some(Tag::Act(Act::Give | Act::Home | Act::Swap | Act::Receive)))
                    // then the verb: "were officers", "defended Snake Island", "had fought".
                    && (matches!(s.tag(j + 1), Some(Tag::Cue(Cue::Be) | Tag::Act(_)))
                        || s.words.get(j + 1).is_some_and(|w| w.norm.ends_with("ed") || w.is("had")));
                if number || participle {
                    c.of_group = true;
                    j += 1;
                    c.np.end = j;
                }
                continue;
            }
            break;
        }
        match s.tag(j) {
            Some(Tag::People(cat)) => {
                let span = s.tagged(j).map_or(j..j + 1, |t| t.words.clone());
                c.implied = crate::lang::lexicon::people::implied_side(&s.words[span.end - 1].norm);
                if c.category == Category::Prisoners {
                    c.category = cat;
                }
                // "45 Azov fighters": the words before the head describe it too.
                push_terms(s, c, from..span.end);
                let mut end = span.end;
                // "members of the Armed Forces", "fighters of the Azov Regiment", "sailors from civilian ships".
                if (s.is(end, "of") || s.is(end, "from")) && !s.is(end + 1, "them") && !s.is(end + 1, "whom") {
                    let tail_end = (end + 7).min(s.words.len());
                    // "defenders of Zmiinyi (Snake) Island": a name given twice is one name.
                    let bracket = |k: usize| s.is(k, "(") || s.is(k, ")");
                    let stop = (end + 1..tail_end)
                        .find(|&k| {
                            s.words[k].is_punct() && !bracket(k)
                                || STOPS.contains(&s.words[k].norm.as_str())
                                || matches!(s.tag(k), Some(Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Be | Cue::Plan)))
                        })
                        .unwrap_or(tail_end);
                    // "members of the Russian military" are Russians; soldiers "from Russian captivity" are not.
                    // "servicemen of the Armed Forces of Ukraine", "defenders of Ukraine"
                    // are Ukraine's; "prisoners of Russia" are held by it.
                    let held = ["prisoners", "captives", "detainees", "hostages"].contains(&s.words[j].norm.as_str());
                    if s.is(end, "of") {
                        for k in end + 1..stop {
                            // "prisoners of war of the Armed Forces of Ukraine" are Ukraine's.
                            let holder =
                                held && (s.is(k - 1, "of") || s.is(k - 1, "the") && s.is(k - 2, "of")) && k <= end + 2;
                            match s.tag(k) {
                                Some(Tag::Nationality(side)) => c.nationality = c.nationality.or(Some(side)),
                                Some(Tag::State(side)) if !holder => c.nationality = c.nationality.or(Some(side)),
                                _ => {}
                            }
                        }
                    }
                    // "civilians from the Kursk Region" are Russia's.
                    if s.is(end, "from") {
                        let place = (end + 1..stop).find_map(|k| match s.tag(k) {
                            Some(Tag::Place(p)) => crate::lang::lexicon::names::residents_side(p),
                            _ => None,
                        });
                        c.nationality = c.nationality.or(place);
                    }
                    push_terms(s, c, end + 1..stop);
                    // "sailors from civilian ships": the words describe them, but
                    // "from Russian captivity" stays outside for the frames to read.
                    if s.is(end, "of") {
                        end = stop;
                    }
                }
                // "eight of its citizens — residents of the Kursk region": the apposition says
                // what kind of people they are.
                if crate::lang::text::DASHES.contains(&s.words.get(end).map_or("", |w| w.norm.as_str()))
                    && c.category == Category::Prisoners
                    && let Some(Tag::People(cat)) = s.tag(end + 1)
                    && cat != Category::Prisoners
                {
                    c.category = cat;
                    let to = (end + 1..(end + 7).min(s.words.len()))
                        .find(|&k| s.words[k].is_punct() || STOPS.contains(&s.words[k].norm.as_str()))
                        .unwrap_or((end + 7).min(s.words.len()));
                    push_terms(s, c, end + 1..to);
                }
                c.np.end = end;
                return true;
            }
            Some(Tag::Nationality(side)) => {
                c.nationality = Some(side);
                if is_people_noun(s, j) {
                    push_terms(s, c, j..j + 1);
                    c.np.end = j + 1;
                    return true;
                }
            }
            Some(Tag::Kind(cat)) => {
                c.category = cat;
                push_terms(s, c, s.tagged(j).map_or(j..j + 1, |t| t.words.clone()));
                c.np.end = s.tagged(j).map_or(j + 1, |t| t.words.end);
            }
            Some(Tag::Thing(t)) => {
                c.thing = Some(t);
                c.np.end = j + 1;
                return false;
            }
            Some(Tag::Event) => {
                // "59 prisoner swaps" counts swaps; "a 25-for-25 swap" names one.
                let end = s.tagged(j).map_or(j + 1, |t| t.words.end);
                c.swaps = !c.pattern && j <= from + 2 && s.words[end - 1].norm.ends_with('s');
                c.np.end = end;
                return false;
            }
            // "nine captured Russian soldiers", "freed Ukrainians".
            Some(Tag::Act(Act::Capture | Act::Give | Act::Hold)) if w.norm.ends_with("ed") => {}
            Some(Tag::Cue(Cue::Be | Cue::Plan | Cue::Negation | Cue::Part)) | Some(Tag::Speech) => break,
            Some(Tag::Act(_)) | Some(Tag::State(_)) | Some(Tag::Speaker(_)) => break,
            _ => {
                if w.kind == WordKind::Number || (w.is_punct() && !matches!(w.norm.as_str(), "-" | "“" | "\"" | "'"))
                {
                    break;
                }
                if STOPS.contains(&w.norm.as_str()) {
                    break;
                }
            }
        }
        j += 1;
    }
    // No head noun: the words read are not a noun phrase after all, except
    // for a category adjective ("22 seriously wounded") or a group ("two of the fifty").
    if c.category == Category::Prisoners && !c.of_group {
        c.terms.clear();
        c.np.end = from;
    }
    false
}

fn push_terms(s: &Sentence, c: &mut Count, range: Range<usize>) {
    for k in range {
        let w = &s.words[k];
        if w.is_punct() || w.kind == WordKind::Number || EMPTY.contains(&w.norm.as_str()) {
            continue;
        }
        if matches!(s.tag(k), Some(Tag::Nationality(_))) && !is_people_noun(s, k) {
            continue;
        }
        let term = crate::lang::lexicon::people::canonical_term(&w.norm).to_string();
        if !c.terms.contains(&term) {
            c.terms.push(term);
        }
    }
}

/// "… Ukraine received 1,000 bodies, and Russia received 24.": a bare count closing a
/// clause right after a verb of handing over, in a sentence that counted bodies before it.
fn gapped_bodies(s: &Sentence, c: &Count) -> bool {
    let closes = s.words.get(c.np.end).is_none_or(|w| w.is_punct());
    let verb = c.at >= 1 && matches!(s.tag(c.at - 1), Some(Tag::Act(Act::Receive | Act::Give | Act::Home)));
    let bodies_before = s.has(0..c.at, |t| t == Tag::Thing(Thing::Bodies));
    closes && verb && bodies_before && s.words[..c.at].iter().any(|w| w.number().is_some())
}

/// A count without a noun of its own stands only where the sentence says
/// what it counts: "390 freed on Friday", "307 on Saturday", "1,000 each",
/// "15 are women", "Of the 144, 95 defended …", "74 of them".
/// "- 87 from the army", "• 24 from the navy": a breakdown's item names its
/// unit after the number; the words of the unit, when it is one.
fn item_unit(s: &Sentence, c: &Count) -> Option<Range<usize>> {
    // "🔹 National Guard — 12 (two of them from Azov)": a label, a dash, then its count.
    if let Some(label) = labelled_item(s, c) {
        return Some(label);
    }
    let bullet = c.at == 1 && ["-", "•", "*", "–"].contains(&s.words[0].norm.as_str());
    // "gave a breakdown: eighty-seven from the Armed Forces …; forty-three from the National Guard".
    let listed =
        c.at >= 1 && [":", ";"].contains(&s.words[c.at - 1].norm.as_str()) && s.words[..c.at].iter().any(|w| w.is(":"));
    let n = c.np.end;
    if !(bullet || listed) || !["from", "in", "of"].iter().any(|p| s.is(n, p)) {
        return None;
    }
    let end = (n + 1..s.words.len()).find(|&k| s.words[k].is_punct() || STOPS.contains(&s.words[k].norm.as_str()));
    Some(n + 1..end.unwrap_or(s.words.len()))
}

/// "🔹 Navy sailors — 18", "Border guards – 8": a line of a list that names a group,
/// then gives its count after a dash, with at most a bracketed note after it.
pub(crate) fn labelled_item(s: &Sentence, c: &Count) -> Option<Range<usize>> {
    let dash = c.at.checked_sub(1).filter(|&k| crate::lang::text::DASHES.contains(&s.words[k].norm.as_str()))?;
    let start = (0..dash).find(|&k| !s.words[k].is_punct())?;
    let label = start..dash;
    let words_only = s.words[label.clone()].iter().all(|w| w.kind == crate::lang::text::WordKind::Word);
    let ends = s.words.get(c.np.end).is_none_or(|w| w.is("(") || w.is("."));
    (words_only && (1..=4).contains(&label.len()) && ends && s.words[start].capitalized).then_some(label)
}

fn elliptic_ok(s: &Sentence, c: &Count) -> bool {
    // "320 more came back": the verb after "more".
    let n = if s.is(c.np.end, "more") { c.np.end + 1 } else { c.np.end };
    let next = s.tag(n);
    let after_next = s.tag(n + 1);
    let acts = matches!(next, Some(Tag::Act(Act::Give | Act::Swap | Act::Home | Act::Receive)));
    let each = matches!(next, Some(Tag::Cue(Cue::Each)));
    let dated_on = s.is(n, "on") && s.own_dates().any(|m| m.words.start == n + 1);
    // "Another 88 were from the Navy", "12 were in the National Guard": a unit
    // named; "two were in the Kursk region" says where they were.
    const WHERE: &[&str] = &["region", "oblast", "city", "prison", "colony", "captivity", "hospital", "hospitals"];
    let unit = |k: usize| {
        let name = if s.is(k + 1, "the") { k + 2 } else { k + 1 };
        let place = matches!(s.tag(name), Some(Tag::Place(_)))
            || s.words[name.min(s.words.len())..(name + 3).min(s.words.len())]
                .iter()
                .any(|w| WHERE.contains(&w.norm.as_str()));
        (s.is(k, "from") || s.is(k, "with") || s.is(k, "in") && !place)
            && (s.words.get(name).is_some_and(|w| w.capitalized) || matches!(s.tag(name), Some(Tag::People(_))))
    };
    // "21 were National Guard members", "37 came from the Armed Forces": a copula, or
    // "came" before the unit, then people within the few words of the predicate.
    let came = s.is(n, "came") || s.is(n, "come");
    let people_in = |from: usize| {
        (from..(from + 4).min(s.words.len()))
            .take_while(|&k| !s.words[k].is_punct())
            .any(|k| matches!(s.tag(k), Some(Tag::People(_) | Tag::Kind(_))))
    };
    let copula = next == Some(Tag::Cue(Cue::Be))
        && (matches!(after_next, Some(Tag::People(_) | Tag::Kind(_) | Tag::Act(Act::Home)))
            || people_in(n + 1)
            || unit(n + 1))
        || came && unit(n + 1);
    let part = matches!(next, Some(Tag::Cue(Cue::Part)))
        || c.at >= 2 && s.is(c.at - 1, ",") && (c.at.saturating_sub(6)..c.at).any(|k| s.is(k, "of"));
    // "… 19 were …, and 48 had been listed as missing".
    let perfect = |k: usize| {
        s.words.get(k).is_some_and(|w| w.norm.ends_with("ed"))
            || s.is(k, "been") && s.words.get(k + 1).is_some_and(|w| w.norm.ends_with("ed"))
    };
    let predicate =
        s.words.get(n).is_some_and(|w| w.norm.ends_with("ed")) || (s.is(n, "had") || s.is(n, "have")) && perfect(n + 1);
    // "33 served in the National Guard and 14 in the Armed Forces": the verb gapped.
    let gapped_verb = c.at >= 1
        && s.is(c.at - 1, "and")
        && ["in", "at", "from", "with"].iter().any(|p| s.is(n, p))
        && s.words[s.clause_of(c.at).start..c.at - 1].iter().any(|w| w.number().is_some());
    if tally_frame(s, c) || day_copula(s, c) || item_unit(s, c).is_some() || super::kind::under_total_label(s, c) {
        return true;
    }
    // "In fact each side released 84.", "Kyiv got back 49 on Friday": the object
    // of an exchange verb whose subject is a side, ending the clause.
    let object = c.at > 0
        && matches!(s.tag(c.at - 1), Some(Tag::Act(Act::Give | Act::Swap | Act::Home | Act::Receive)))
        && (s.clause_of(c.at).start..c.at - 1)
            .any(|k| matches!(s.tag(k), Some(Tag::State(_))) || s.is(k, "side") || s.is(k, "sides"))
        && (s.words.get(n).is_none_or(|w| w.is_punct()) || dated_on || each);
    if object {
        return true;
    }
    // "277 of its soldiers came home today: 246 in the main exchange and 31 …":
    // a colon after a head count opens its breakdown.
    // "By service: 37 from the Armed Forces, 21 National Guard": so does a short label's.
    let label = |colon: usize| {
        colon <= 4
            && s.words[..colon].iter().all(|w| w.kind == WordKind::Word || w.is("-") || w.is("•"))
            && !s.has(0..colon, |t| matches!(t, Tag::Act(_) | Tag::Speech))
    };
    // Every item of the list, not only the first: "…: 37 from the Armed Forces, 21 National Guard".
    let colon = (0..c.at).rev().find(|&k| s.is(k, ":"));
    let after_colon = colon.is_some_and(|k| {
        let listed = k + 1 == c.at
            || s.is(c.at - 1, ",") && !s.has(k..c.at, |t| matches!(t, Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Be)));
        k >= 1 && listed && (s.words[..k].iter().any(|w| w.number().is_some()) || label(k))
    });
    let part = part || c.of_group || opens_a_part(s, c) || after_colon;
    // "More than 7,000 since the full-scale invasion began, Zelensky said": a running
    // total, answering a question that named the people ("How many have come home?").
    let since_war = s.words[c.at].kind == WordKind::Number
        && c.value >= 100
        && s.is(n, "since")
        && s.words[n + 1..(n + 7).min(s.words.len())].iter().any(|w| WAR_STARTS.contains(&w.norm.as_str()));
    let digits = s.words[c.at].is_digits() || copula || part;
    since_war
        || digits && (acts || each || dated_on || copula || part || (predicate || gapped_verb) && part_context(s, c))
}

/// "Yesterday, Saturday, it was three hundred and seven": a day named, then "it
/// was" (or "the figure was") and a bare number, says how many that day of a swap
/// told before freed.
pub(crate) fn day_copula(s: &Sentence, c: &Count) -> bool {
    // "On 24 May the figure was 307 each": so is the day's figure.
    let subject =
        |k: usize| s.is(k, "it") || k >= 1 && DAY_FIGURES.contains(&s.words[k].norm.as_str()) && s.is(k - 1, "the");
    c.at >= 2
        && (s.is(c.at - 1, "was") || s.is(c.at - 1, "were"))
        && subject(c.at - 2)
        && !c.pattern
        && s.own_dates().any(|m| matches!(m.period, crate::lang::Period::Day { .. }) && m.words.end <= c.at - 2)
}

/// Nouns for the count itself, as a day's subject: "On 24 May the figure was 307 each".
const DAY_FIGURES: &[&str] = &["figure", "number", "count", "tally"];

/// "… fourteen people came home on 30 April; on 14 April, thirty; on 9
/// April, twenty-six": a clause after a semicolon that is only a date and
/// a bare number repeats the first clause but for them.
fn gapped(s: &Sentence, c: &Count) -> bool {
    let clause = s.clause_of(c.at);
    let after_semicolon = clause.start > 0 && s.is(clause.start, ";");
    let date = s.dates.iter().map(|(m, _)| m).find(|m| m.words.start > clause.start && m.words.end <= c.at);
    let Some(date) = date else { return false };
    let lead = (clause.start + 1..date.words.start).all(|k| s.is(k, "on") || s.is(k, "in") || s.is(k, "and"));
    let comma = (date.words.end..c.at).all(|k| s.is(k, ","));
    let ends = s.words.get(c.np.end).is_none_or(|w| w.is_punct());
    let earlier_count = s.words[..clause.start].iter().any(|w| w.number().is_some());
    after_semicolon && lead && comma && ends && earlier_count
}

/// Words that open a sentence about part of a group: "Most of them - 71 people -".
const PART_QUANTIFIERS: &[&str] = &["most", "many", "some", "several", "half", "all", "none", "each"];

/// The sentence opens with "Of the N,", "Of them," or "Most of them": what
/// follows counts parts.
pub fn opens_with_of(s: &Sentence) -> bool {
    let w = &s.words;
    w.first().is_some_and(|x| x.is("of"))
        || w.first().is_some_and(|x| PART_QUANTIFIERS.contains(&x.norm.as_str()))
            && w.get(1).is_some_and(|x| x.is("of"))
}

/// What follows counts parts: the sentence opens with "Of the N," (see
/// `opens_with_of`), or a part of the group was counted before in it
/// ("Nineteen of those freed were …, and 48 had been listed as missing").
pub(crate) fn part_context(s: &Sentence, c: &Count) -> bool {
    let of_group_before = (1..c.at.saturating_sub(1)).any(|k| {
        s.is(k, "of")
            && (s.is(k + 1, "them") || s.is(k + 1, "those") || s.is(k + 1, "the"))
            && s.words[k - 1].number().is_some()
    });
    // "All 303 were men …; 70 had defended Mariupol": the group restated first.
    let restated_before = (1..c.at)
        .any(|k| s.words[k].number().is_some() && (s.is(k - 1, "all") || s.is(k - 1, "the")) && s.is(k + 1, "were"));
    (0..c.at).any(|k| s.is(k, "of")) && opens_with_of(s) || of_group_before || restated_before || opens_a_part(s, c)
}

/// "brings the number of prisoners swapped … to 6,691", "puts the total
/// exchanged through its mediation at 5,355": a running total's new value,
/// after "to" or "at", with no noun of its own.
pub(crate) fn tally_frame(s: &Sentence, c: &Count) -> bool {
    tally_start(s, c).is_some()
}

/// Where the verb of a running total's frame stands ("raised" in "raised the
/// number … to 1,994"), if the count is the new value of one.
pub(crate) fn tally_start(s: &Sentence, c: &Count) -> Option<usize> {
    let before = |k: usize, words: &[&str]| s.words.get(k).is_some_and(|w| words.contains(&w.norm.as_str()));
    if c.at == 0 || !before(c.at - 1, &["to", "at"]) {
        return None;
    }
    (c.at.saturating_sub(16)..c.at)
        .filter(|&k| before(k, TALLY_NOUNS))
        .find_map(|k| (k.saturating_sub(3)..k).find(|&j| before(j, TALLY_VERBS)))
}

/// Does a running total's frame open at `k` ("putting the total …", "brings the number …")?
pub(crate) fn tally_phrase(s: &Sentence, k: usize) -> bool {
    TALLY_VERBS.contains(&s.words[k].norm.as_str())
        && (k + 1..(k + 4).min(s.words.len())).any(|j| TALLY_NOUNS.contains(&s.words[j].norm.as_str()))
}

/// What a running total is called, and how a new value is given to it.
const TALLY_NOUNS: &[&str] = &["total", "number", "tally", "count"];
const TALLY_VERBS: &[&str] =
    &["brings", "bringing", "brought", "puts", "put", "putting", "raises", "raising", "raised", "takes", "taking"];

/// "Eighty-two had defended Mariupol, fifty of them at Azovstal.": a bare
/// count opening its sentence with a verb in the perfect says what some of
/// the group just counted had done; it can count no one else.
pub(crate) fn opens_a_part(s: &Sentence, c: &Count) -> bool {
    let n = c.np.end;
    c.at == 0
        && c.np.len() == 1
        && (s.is(n, "had") || s.is(n, "have"))
        && s.words.get(n + 1).is_some_and(|w| w.norm.ends_with("ed") || w.is("been") || w.is("fought"))
}

/// Words after the count that say more about who it counts: "15 are
/// women", "every one of the 108 Ukrainians it received was a woman",
/// "95 defended the Azovstal steel works in Mariupol".
fn predicate(s: &Sentence, c: &mut Count) {
    // "Most of them - 71 people - had defended Azovstal": a count between dashes
    // takes the predicate after the closing one.
    let dash = |k: usize| s.words.get(k).is_some_and(|w| matches!(w.norm.as_str(), "-" | "—" | "–"));
    let after = if c.at > 0 && dash(c.at - 1) && dash(c.np.end) { c.np.end + 1 } else { c.np.end };
    let clause = s.clause_of(after);
    let limit = (after + 12).min(clause.end);
    let mut k = after;
    // Skip a short relative clause ("it received") to reach a copula.
    while k < limit && k < after + 4 && s.tag(k) != Some(Tag::Cue(Cue::Be)) {
        if s.words[k].kind == WordKind::Number || s.words[k].is_punct() {
            break;
        }
        k += 1;
    }
    if s.tag(k) == Some(Tag::Cue(Cue::Be)) {
        let mut j = k + 1;
        while j < limit && (s.is(j, "a") || s.is(j, "an") || s.is(j, "all") || s.is(j, "also")) {
            j += 1;
        }
        let mut copula_terms = false;
        let from = j;
        while j < limit {
            match s.tag(j) {
                Some(Tag::People(cat)) | Some(Tag::Kind(cat)) => {
                    if cat != Category::Prisoners {
                        c.category = cat;
                    }
                    // "108 were Azov regiment fighters": the head and the words before it.
                    // Only plain modifiers: not "returned and the same number of Ukrainian prisoners".
                    let modifiers = j - from <= 3
                        && (from..j).all(|k| {
                            matches!(s.tag(k), None | Some(Tag::Place(_))) && s.words[k].kind == WordKind::Word
                        })
                        && !(from..j).any(|k| ["and", "or", "the", "of", "same"].contains(&s.words[k].norm.as_str()));
                    push_terms(s, c, if copula_terms || !modifiers { j..j + 1 } else { from..j + 1 });
                    // "were fighters of the Azov Regiment": the unit after the head too.
                    let head_end = s.tagged(j).map_or(j + 1, |t| t.words.end);
                    if s.is(head_end, "of") || s.is(head_end, "from") {
                        let stop = (head_end + 1..limit)
                            .find(|&k| {
                                s.words[k].is_punct()
                                    || STOPS.contains(&s.words[k].norm.as_str())
                                    || matches!(s.tag(k), Some(Tag::Act(_) | Tag::Speech | Tag::Cue(_)))
                            })
                            .unwrap_or(limit);
                        push_terms(s, c, head_end + 1..stop);
                        j = stop.max(j + 1) - 1;
                    }
                    copula_terms = true;
                }
                _ if s.words[j].is_punct() || s.words[j].kind == WordKind::Number => break,
                _ if copula_terms && !s.is(j, "or") && !s.is(j, "and") && !s.is(j, "seriously") => break,
                _ => {}
            }
            j += 1;
        }
        if copula_terms {
            return;
        }
    }
    // "eight citizens of the Russian Federation, residents of the Kursk region": an
    // apposition naming the people says who they are.
    if s.is(c.np.end, ",") && s.tag(c.np.end + 1) == Some(Tag::People(Category::Civilians)) && s.is(c.np.end + 2, "of")
    {
        let stop = (c.np.end + 1..limit).find(|&k| s.words[k].is_punct()).unwrap_or(limit);
        push_terms(s, c, c.np.end + 1..stop);
        c.category = Category::Civilians;
    }
    // A part described by what it did: "95 defended the Azovstal steel works
    // in Mariupol", "82 of those at the Azovstal plant", "15 people captured
    // at the Chornobyl plant", "46 of the freed soldiers were from the Navy".
    let generic = c.terms.iter().all(|t| GENERIC_HEADS.contains(&t.as_str()));
    if c.elliptic || generic {
        let stop = (after..limit)
            .find(|&k| {
                s.words[k].kind == WordKind::Number || s.is(k, ";") || s.is(k, ",") || s.tag(k) == Some(Tag::Speech)
            })
            .unwrap_or(limit);
        // "58 of them came from the interior ministry system": what follows a verb of
        // belonging and its preposition names the group, capitalised or not.
        let belongs = (after..stop.saturating_sub(1)).find(|&k| {
            MEMBERSHIP_VERBS.contains(&s.words[k].norm.as_str())
                && ["from", "in", "to", "of"].contains(&s.words[k + 1].norm.as_str())
        });
        let group_np = belongs.map_or(0..0, |k| {
            let end = (k + 2..stop).find(|&j| GROUP_NP_ENDS.contains(&s.words[j].norm.as_str())).unwrap_or(stop);
            k + 2..end
        });
        for k in after..stop {
            let w = &s.words[k];
            // Not the first half of "self-proclaimed".
            let compound = s.is(k + 1, "-");
            if group_np.contains(&k) && w.kind == WordKind::Word && !EMPTY.contains(&w.norm.as_str()) && !compound {
                if !c.terms.contains(&w.norm) {
                    c.terms.push(w.norm.clone());
                }
                continue;
            }
            let named_elsewhere =
                matches!(s.tag(k), Some(Tag::Speaker(_) | Tag::State(_) | Tag::Nationality(_) | Tag::Mediator(_)));
            if s.dates.iter().any(|(m, _)| m.words.contains(&k)) || named_elsewhere {
                continue;
            }
            if (w.capitalized || matches!(s.tag(k), Some(Tag::Place(_)))) && !EMPTY.contains(&w.norm.as_str()) {
                if !c.terms.contains(&w.norm) {
                    c.terms.push(w.norm.clone());
                }
            } else if crate::lang::lexicon::people::STATUS_TERMS.contains(&w.norm.as_str()) {
                // "Forty-eight of them had been listed as missing".
                if !c.terms.contains(&w.norm) {
                    c.terms.push(w.norm.clone());
                }
            } else if w.norm.starts_with("defend")
                || w.norm.starts_with("fought")
                // "the defence of Mariupol", not "the territorial defence".
                || ["defence", "defense"].contains(&w.norm.as_str()) && s.is(k + 1, "of")
            {
                let t = "defenders".to_string();
                if !c.terms.contains(&t) {
                    c.terms.push(t);
                }
                // "Eighty-four of the hundred defended Mariupol": defenders are Ukraine's,
                // unless what they defended is Russia's ("defended the Kursk region").
                let russian = (after..stop).any(|j| match s.tag(j) {
                    Some(Tag::Place(p)) => crate::lang::lexicon::names::residents_side(p) == Some(Side::Russia),
                    _ => false,
                });
                if !russian && c.nationality.is_none() {
                    c.implied = crate::lang::lexicon::people::implied_side("defenders");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    type Read = (u64, Option<Side>, Category, Vec<String>, bool);

    fn counts(text: &str) -> Vec<Read> {
        let s = Sentence::new(text, NaiveDate::from_ymd_opt(2025, 5, 24).unwrap(), 0, 0);
        find(&s).into_iter().map(|c| (c.value, c.nationality, c.category, c.terms, c.thing.is_some())).collect()
    }

    fn values(text: &str) -> Vec<u64> {
        counts(text).into_iter().filter(|c| !c.4).map(|c| c.0).collect()
    }

    #[test]
    fn noun_phrases() {
        let got = counts("Russia had handed over 140 Ukrainian service personnel, 132 men and eight women.");
        assert_eq!(got[0].0, 140);
        assert_eq!(got[0].1, Some(Side::Ukraine));
        assert_eq!(got[1].3, ["men"]);
        assert_eq!(got[2].0, 8);
        assert_eq!(got[2].3, ["women"]);
        let got = counts("Moscow returned 175 soldiers and 22 seriously wounded prisoners of war.");
        assert_eq!(got[1].2, Category::Wounded);
        assert_eq!(values("Russia and Ukraine each said that 150 of their captured soldiers had been returned"), [150]);
    }

    #[test]
    fn things_ages_times_are_not_people() {
        // The fallen are the dead, with "bodies" before them or not.
        assert_eq!(values("Ukraine received the bodies of 1,212 fallen soldiers."), Vec::<u64>::new());
        assert_eq!(values("757 fallen defenders were returned."), Vec::<u64>::new());
        assert_eq!(values("Air defences shot down all 13 Iranian-made Shahed drones."), Vec::<u64>::new());
        assert_eq!(values("The youngest is 19 years old and the oldest is 65."), Vec::<u64>::new());
        assert_eq!(values("20 June, 18:10 - Still no numbers."), Vec::<u64>::new());
        assert_eq!(values("He named the American as Suedi Murekezi, 35, who had helped."), Vec::<u64>::new());
        assert_eq!(values("an Il-76 transport plane"), Vec::<u64>::new());
        assert_eq!(values("call 16-48 from Ukraine"), Vec::<u64>::new());
    }

    #[test]
    fn elliptic_counts_need_a_reason() {
        assert_eq!(
            values("With 390 freed on Friday and 307 on Saturday, each side has now handed over 1,000 people."),
            [390, 307, 1000]
        );
        assert_eq!(counts("Of the Ukrainian soldiers coming home, 15 are women.")[0].3, ["women"]);
        let got = counts("Of the 144, 95 defended the Azovstal steel works in Mariupol.");
        assert_eq!(got.last().map(|c| c.0), Some(95));
        assert!(got.last().is_some_and(|c| c.3.contains(&"azovstal".to_string())), "{got:?}");
        assert_eq!(values("The 2 sides met in 3 rounds."), Vec::<u64>::new());
        // A verb gapped after "and", a perfect passive after a part of the group.
        assert_eq!(values("Of the 120, 33 served in the National Guard and 14 in the Armed Forces."), [33, 14]);
        assert_eq!(
            values("Nineteen of those freed were Snake Island defenders, and 48 had been listed as missing."),
            [19, 48]
        );
        assert_eq!(values("Russia freed 30 soldiers and 14 in the capital were hurt."), [30]);
    }

    #[test]
    fn predicates_past_an_apposition_and_places_as_modifiers() {
        let got = counts("Most of them - 71 people - had defended Azovstal.");
        assert!(got[0].3.contains(&"azovstal".to_string()), "{got:?}");
        let got = counts("Ninety-five of the freed men had defended the Azovstal steel plant.");
        assert!(got[0].3.contains(&"azovstal".to_string()), "{got:?}");
        let got = counts("- By service: 37 from the Armed Forces, 21 National Guard, seven border guards.");
        assert_eq!(got.iter().map(|c| c.0).collect::<Vec<_>>(), [37, 21, 7], "{got:?}");
        let got = counts("The Navy accounts for 88 of those freed.");
        assert!(got.iter().any(|c| c.0 == 88 && c.3 == ["sailors"]), "{got:?}");
        let got = counts("- 87 from the army");
        assert_eq!(got.iter().map(|c| (c.0, c.3.clone())).collect::<Vec<_>>(), [(87, vec!["army".to_string()])]);
        let got = counts("Among those freed: 19 defenders of Zmiinyi (Snake) Island.");
        assert!(got[0].3.contains(&"snake".to_string()) && got[0].3.contains(&"island".to_string()), "{got:?}");
        let got = counts("Nineteen of those freed were Snake Island defenders.");
        assert!(got[0].3.contains(&"snake".to_string()) && got[0].3.contains(&"defenders".to_string()), "{got:?}");
    }

    #[test]
    fn a_verb_of_belonging_names_the_group_in_lower_case() {
        let got = counts("The headquarters said 58 of them came from the interior ministry system.");
        assert_eq!(got[0].3, ["interior", "ministry", "system"], "{got:?}");
        let got = counts("Of the 90, 31 served in the territorial defence before their capture.");
        let terms = &got.iter().find(|c| c.0 == 31).expect("31 read").3;
        assert_eq!(terms, &["territorial", "defence"], "{got:?}");
        let got = counts("Twelve of the freed were officers, and three were women.");
        assert_eq!(
            got.iter().map(|c| (c.0, c.3.clone())).collect::<Vec<_>>(),
            [(12, vec!["officers".to_string()]), (3, vec!["women".to_string()])]
        );
        let got = counts("Forty of the returnees had been listed as missing in action.");
        assert!(got[0].3.contains(&"missing".to_string()), "{got:?}");
        let got = counts("Yermak said that 108 of those released were fighters of the Azov Regiment.");
        assert!(got[0].3.contains(&"azov".to_string()) && got[0].3.contains(&"regiment".to_string()), "{got:?}");
        let got = counts("Some 35 of them took part in the defence of Mariupol.");
        assert!(got[0].3.contains(&"defenders".to_string()), "{got:?}");
    }

    #[test]
    fn copulas_name_the_group() {
        let got = counts("Kyiv said every one of the 108 Ukrainians it received was a woman.");
        assert!(got[0].3.contains(&"women".to_string()), "{got:?}");
        let got = counts("The ministry said at least 28 were wounded or seriously ill.");
        assert_eq!(got[0].2, Category::Wounded);
    }

    #[test]
    fn patterns_and_same_numbers() {
        let s = Sentence::new("It was a 107-for-107 exchange.", NaiveDate::from_ymd_opt(2022, 11, 3).unwrap(), 0, 0);
        let c = find(&s);
        assert!(c[0].pattern && c[0].value == 107 && !c[0].swaps, "{c:?}");
        let s = Sentence::new(
            "205 Russian servicemen had been returned and the same number of Ukrainian prisoners handed over.",
            NaiveDate::from_ymd_opt(2025, 5, 6).unwrap(),
            0,
            0,
        );
        let c = find(&s);
        assert!(c[1].same_number && c[1].nationality == Some(Side::Ukraine), "{c:?}");
        let got = counts("Russia's Defence Ministry said it had received the same number, 115 servicemen.");
        assert_eq!(got.iter().map(|c| c.0).collect::<Vec<_>>(), [115], "{got:?}");
        assert!(counts("the two countries have held a total of 59 prisoner swaps").last().is_some_and(|c| c.0 == 59));
    }
}
