//! Which group a count is part of: breakdowns after a head count ("140
//! Ukrainians, 132 men and eight women"), ranks that add up, "of the 150",
//! labelled list items.

use super::*;

/// A list item "label - count" ("- 12th Special Forces Brigade "Azov" - 4
/// service members") with no verb: the count's terms with the label's words.
pub(super) fn list_label(s: &Sentence, c: &Count) -> Option<Vec<String>> {
    let item = s.words.first().is_some_and(|w| w.is("-") || w.is("•") || w.is("*"));
    let dash = (1..c.at).rev().find(|&k| s.is(k, "-") || s.is(k, "–") || s.is(k, "—"))?;
    let verb = s.has(0..s.words.len(), |t| matches!(t, Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Be)));
    if !item || verb || dash + 1 != c.at {
        return None;
    }
    let mut terms = c.terms.clone();
    for w in &s.words[1..dash] {
        if w.kind == crate::lang::text::WordKind::Word && w.capitalized && !terms.contains(&w.norm) {
            terms.push(w.norm.clone());
        }
    }
    Some(terms)
}

/// Lists that break a count down right after it: "140 Ukrainian service
/// personnel, 132 men and eight women"; "12 Ukrainians are home: 10
/// soldiers and sergeants, and two civilians"; "fourteen people came home
/// (seven soldiers and seven civilians)". The run of counts after a
/// head count, with no verb between them, whose values add up to it (or that
/// follow a colon, dash or bracket), are its parts. Returns, per count, the index of
/// the head count it belongs to.
pub(super) fn list_parts(s: &Sentence, counts: &[Count]) -> Vec<Option<usize>> {
    let mut out = vec![None; counts.len()];
    for (h, head) in counts.iter().enumerate() {
        if head.thing.is_some() || head.swaps || out[h].is_some() {
            continue;
        }
        let mut run: Vec<usize> = Vec::new();
        let mut marked = false;
        let mut from = head.np.end;
        for (k, c) in counts.iter().enumerate().skip(h + 1) {
            let mut between = from..c.at;
            // "12 Ukrainians are home: 10 soldiers …": only what follows the colon must be verbless.
            if let Some(m) =
                between.clone().rev().find(|&i| [":", "-", "—", "–", "("].contains(&s.words[i].norm.as_str()))
            {
                marked = true;
                between = m..c.at;
            }
            let verb = s.has(between.clone(), |t| {
                matches!(t, Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Plan | Cue::Part | Cue::InReturn))
            });
            // "Ten Ukrainian servicemen for ten Russians": the other side, not a part.
            let other_side = c.nationality.is_some() && head.nationality.is_some() && c.nationality != head.nationality;
            let swapped_for = between.clone().any(|i| s.is(i, "for"));
            if verb || c.thing.is_some() || c.pattern || c.swaps || other_side || swapped_for {
                break;
            }
            run.push(k);
            from = c.np.end;
            // "36 Ukrainians, 35 soldiers and a civilian": "a civilian" is one.
            let singles = usize::from(
                s.is(from, "and")
                    && (s.is(from + 1, "a") || s.is(from + 1, "an"))
                    && matches!(s.tag(from + 2), Some(Tag::People(_))),
            );
            let sum: u64 = run.iter().map(|&i| counts[i].value).sum::<u64>() + singles as u64;
            if sum == head.value || (marked && sum < head.value && run.len() >= 2) {
                for &i in &run {
                    out[i] = Some(h);
                }
            }
            if sum >= head.value {
                break;
            }
        }
    }
    out
}

/// "including 43 fighters", "among them border guards … and two civilians",
/// "5 of whom", "74 of them", "Of the 144, 95 …": a part cue between the
/// count before and this one makes that count the group.
pub(super) fn explicit_parent(s: &Sentence, c: &Count, n: usize, counts: &[Count]) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let group = (0..n).rev().find(|&k| counts[k].thing.is_none() && !counts[k].swaps && counts[k].value > c.value)?;
    // The cue must be this count's: "12 Ukrainians, including three
    // civilians, and nine Russians" makes the three a part, not the nine.
    // "215 people, including the commanders …, were freed in return for 55
    // Russians": a verb between the cue and the count ends the cue's list.
    let cue_before = (counts[n - 1].np.end..c.at).any(|k| {
        s.tag(k) == Some(Tag::Cue(Cue::Part))
            && !s.has(k..c.at, |t| matches!(t, Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::InReturn)))
    });
    let cue_after = s.tag(c.at + 1) == Some(Tag::Cue(Cue::Part)) || s.tag(c.np.end) == Some(Tag::Cue(Cue::Part));
    let of_the = s.words.first().is_some_and(|w| w.is("of")) && counts[group].at < c.at;
    (cue_before || cue_after || of_the).then_some(group)
}

/// "… 13 officers and 20 soldiers, 5 of whom are wounded - together with 12
/// civilians": a count joined to a part with no verb between is a part too.
pub(super) fn sibling_of_part(s: &Sentence, c: &Count, done: &[Read]) -> bool {
    let (Some(prev), Some(from)) = (done.last(), previous_count(s, c)) else { return false };
    if !prev.part || c.nationality.is_some() {
        return false;
    }
    !s.has(from..c.at, |t| matches!(t, Tag::Act(_) | Tag::Speech | Tag::Cue(Cue::Be)))
}

/// "six officers and 101 privates and sergeants": counts of one kind of
/// people joined by "and" with nothing between, of no side or the same side,
/// break down one group whether or not its total is given. Each is a part,
/// never a second account of the group. Returns their positions in `counts`.
/// Not "185 soldiers and 20 civilians" (civilians are counted beside), nor
/// "175 Ukrainian and 175 Russian soldiers".
pub(super) fn rank_breakdown(s: &Sentence, counts: &[Count]) -> Vec<usize> {
    let mut out = Vec::new();
    for (n, pair) in counts.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        // Joined by "and": "140 Ukrainian service personnel, 132 men and eight women"
        // is a total, then its breakdown.
        // "82 privates and sergeants and 21 officers": a noun joined to the first head is still its.
        let joined = b.at > a.np.end
            && (a.np.end..b.at).all(|k| s.is(k, "and") || s.is(k, ",") || matches!(s.tag(k), Some(Tag::People(_))))
            && (a.np.end..b.at).any(|k| s.is(k, "and"));
        let people = |c: &Count| {
            c.category == Category::Prisoners && c.thing.is_none() && !c.swaps && !c.pattern && !c.terms.is_empty()
        };
        let sides_agree = a.nationality.is_none() || b.nationality.is_none() || a.nationality == b.nationality;
        if joined && people(a) && people(b) && sides_agree && a.terms != b.terms {
            out.extend([n, n + 1]);
        }
    }
    out
}

/// "Of the 185, 183 were …": the number a sentence opens with to name the
/// group what follows is part of.
pub(super) fn opening_group(s: &Sentence) -> Option<u64> {
    let at = usize::from(s.is(0, "and") || s.is(0, "but"));
    (s.is(at, "of") && s.is(at + 1, "the")).then(|| s.words.get(at + 2).and_then(|w| w.number())).flatten()
}

/// A count that describes part of a group read before: "Of them, 74 had
/// defended …", "Six of the freed Ukrainians are officers", "A total of 23
/// women are in the group", "There are 23 officers … among them", or any
/// count of a sentence whose first count was such a part.
pub(super) fn is_part(s: &Sentence, c: &Count) -> bool {
    // "Yesterday, Saturday, it was 307": a day's own count.
    if count::day_copula(s, c) {
        return false;
    }
    let clause = s.clause_of(c.at);
    let of_the = s.is(c.at + 1, "of") && (s.is(c.at + 2, "the") || s.is(c.at + 2, "those") || s.is(c.at + 2, "them"));
    let opens_with_of = count::opens_with_of(s) && c.at > 0;
    // "including 43 fighters", "among them 5 officers"; or after the count in
    // a copula: "A total of 23 women are in the group".
    // "Among them: 40 Azov fighters, …": a label before a colon governs the list.
    let label = s.clauses.first().filter(|first| first.end == clause.start && s.is(clause.start, ":"));
    let after_previous = previous_count(s, c).unwrap_or(0).max(label.map_or(clause.start, |l| l.start));
    let cue_before = (after_previous..c.at).any(|k| s.tag(k) == Some(Tag::Cue(Cue::Part)));
    let cue_after =
        s.tag(c.np.end) == Some(Tag::Cue(Cue::Be)) && s.has(c.np.end..clause.end, |t| t == Tag::Cue(Cue::Part));
    let cue = cue_before || cue_after || s.tag(c.np.end) == Some(Tag::Cue(Cue::Part));
    // In "the Ukrainians coming home were 33 officers", the verbs before the
    // copula belong to its subject.
    let copula_at = (clause.start..c.at).rev().find(|&k| s.tag(k) == Some(Tag::Cue(Cue::Be)));
    let copula_after = s.tag(c.np.end) == Some(Tag::Cue(Cue::Be));
    // In "Those released include 95 members …" the verb before the cue is the subject's.
    let cue_at = (after_previous..c.at).rev().find(|&k| s.tag(k) == Some(Tag::Cue(Cue::Part)));
    // "Among those freed: 19 defenders …": the label's verb is its group's.
    let verbs_from = if label.is_some() { clause.start } else { copula_at.max(cue_at).unwrap_or(clause.start) };
    // "four civilians are among the 75 who came home": the relative clause's verb is the group's.
    let verbs_to = (c.np.end..clause.end)
        .find(|&k| ["who", "whom", "which", "that"].contains(&s.words[k].norm.as_str()))
        .unwrap_or(clause.end);
    let acts = s
        .tags_in(verbs_from..verbs_to)
        .filter(|t| !c.np.contains(&t.words.start))
        .any(|t| matches!(t.tag, Tag::Act(Act::Give | Act::Receive | Act::Swap | Act::Occur | Act::Home)));
    let group = s.words.iter().any(|w| ["group", "list", "listed", "include", "includes"].contains(&w.norm.as_str()));
    c.of_group
        || of_the
        || opens_with_of
        || (cue && !acts)
        || (copula_at.is_some() && !acts && (group || c.elliptic || copula_before_count(s, c)))
        || (copula_after && c.elliptic && !acts)
        // "All 303 were men …; 70 had defended Mariupol".
        || (c.elliptic && !acts && count::part_context(s, c))
        // "37 came from the Armed Forces": where in the group they came from.
        || (c.elliptic && s.is(c.np.end, "came") && s.is(c.np.end + 1, "from"))
}

/// "the Ukrainians were nine troops", "those returning are 59 members": the
/// count is the predicate of a copula whose subject is the group. Not "it was
/// 150 for 150": a pattern names the whole swap.
pub(super) fn copula_before_count(s: &Sentence, c: &Count) -> bool {
    c.at > 0 && s.tag(c.at - 1) == Some(Tag::Cue(Cue::Be)) && !c.pattern
}
