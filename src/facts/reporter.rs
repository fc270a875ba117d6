//! Who says a sentence: "Russia's defence ministry said …", "… Zelensky said",
//! "according to Kyiv", "It said …" (the last speaker again).

use super::model::Reporter;
use crate::lang::lexicon::{self, Side};
use crate::lang::text::Word;

/// The first speaker named in a sentence, if it names one.
pub fn explicit(words: &[Word]) -> Option<(Reporter, usize)> {
    all(words).into_iter().next()
}

/// Every named speaker of a sentence with the position of its speech verb:
/// "with Kyiv saying 230 … and Moscow saying 248 …" has two.
pub fn all(words: &[Word]) -> Vec<(Reporter, usize)> {
    let mut out = Vec::new();
    for (v, w) in words.iter().enumerate() {
        if !lexicon::SPEECH_VERBS.contains(&w.norm.as_str()) {
            continue;
        }
        // "It said", "he added": a pronoun, resolved by the caller.
        if v > 0 && PRONOUNS.contains(&words[v - 1].norm.as_str()) {
            if out.is_empty() {
                return out;
            }
            continue;
        }
        // "according to X", "announced by X", "said X": the speaker follows.
        let follows = w.is("according") || words.get(v + 1).is_some_and(|n| n.is("by"));
        // Institutions have long names ("Ukraine's Coordination Headquarters
        // for the Treatment of Prisoners of War said"): look well back.
        let before = (v.saturating_sub(10)..v).rev().find_map(|j| speaker_at(words, j));
        let after = (v + 1..(v + 7).min(words.len())).find_map(|j| speaker_at(words, j));
        let found = if follows { after.or(before) } else { before.or(after) };
        if let Some(r) = found {
            out.push((r, v));
        }
    }
    out
}

const PRONOUNS: &[&str] = &["it", "he", "she", "they"];

/// Does the sentence point back at the previous speaker ("It said", "the ministry added")?
pub fn refers_back(words: &[Word]) -> bool {
    words.windows(2).any(|p| {
        (p[0].is("it") || p[0].is("ministry") || p[0].is("he") || p[0].is("she") || p[0].is("they"))
            && lexicon::SPEECH_VERBS.contains(&p[1].norm.as_str())
    })
}

fn speaker_at(words: &[Word], j: usize) -> Option<Reporter> {
    let w = words.get(j)?;
    let canonical = lexicon::variants(&w.norm).map_or(w.norm.as_str(), |g| g[0]);
    if let Some((_, side, name)) = lexicon::SPEAKERS.iter().find(|(k, _, _)| *k == canonical) {
        return Some(Reporter { side: *side, name: (*name).to_string() });
    }
    if w.is("ministry") || w.is("ombudsman") || w.is("headquarters") {
        return institution(words, j);
    }
    if w.is("each") || (w.is("sides") && j > 0 && words[j - 1].is("both")) {
        return Some(Reporter { side: None, name: "both sides".into() });
    }
    if let Some(side) = lexicon::side_name(&w.norm) {
        // "Russia's defence ministry": let the institution name it.
        let inst = (j + 1..(j + 4).min(words.len())).find(|&k| words[k].is("ministry") || words[k].is("ombudsman"));
        if let Some(k) = inst {
            return institution(words, k);
        }
        let name = match side {
            Side::Russia => "Moscow",
            Side::Ukraine => "Kyiv",
        };
        return Some(Reporter { side: Some(side), name: name.into() });
    }
    None
}

fn mediator_at(words: &[Word], j: usize) -> Option<Reporter> {
    let name = lexicon::mediator_at(words, j)?.0.to_string();
    Some(Reporter { side: None, name })
}

/// "Russia's Defence Ministry", "the Ukrainian ombudsman": an institution
/// word at `k`, with its side and kind read from the words before (or after,
/// for "Ministry of Defence of Russia").
fn institution(words: &[Word], k: usize) -> Option<Reporter> {
    let window = k.saturating_sub(4)..(k + 5).min(words.len());
    let side = words[window.clone()]
        .iter()
        .find_map(|w| lexicon::side_name(&w.norm).or_else(|| lexicon::nationality(&w.norm)));
    let has = |n: &str| words[window.clone()].iter().any(|w| w.is(n));
    let kind = if words[k].is("ombudsman") {
        "ombudsman"
    } else if words[k].is("headquarters") {
        "Coordination Headquarters"
    } else if has("defence") || has("defense") {
        "Defence Ministry"
    } else if has("foreign") {
        "Foreign Ministry"
    } else {
        "ministry"
    };
    if side.is_none() {
        // A mediator's ministry ("the UAE foreign ministry").
        if let Some(m) = (k.saturating_sub(3)..k).find_map(|j| mediator_at(words, j)) {
            return Some(m);
        }
        return None;
    }
    let side = side?;
    Some(Reporter { side: Some(side), name: format!("{}'s {kind}", side.name()) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::text::words;

    fn who(s: &str) -> Option<String> {
        explicit(&words(s)).map(|(r, _)| r.name)
    }

    #[test]
    fn finds_the_speaker() {
        assert_eq!(
            who("Russia’s defence ministry said it had swapped 150 captured Ukrainian troops").as_deref(),
            Some("Russia's Defence Ministry")
        );
        assert_eq!(
            who("The Russian Defence Ministry announced on Wednesday that Moscow returned 175 soldiers").as_deref(),
            Some("Russia's Defence Ministry")
        );
        assert_eq!(who("Zelensky said 150 Ukrainian troops were being brought back").as_deref(), Some("Zelenskyy"));
        assert_eq!(
            who("Ukrainian President Volodymyr Zelenskyy said 189 Ukrainians had come home").as_deref(),
            Some("Zelenskyy")
        );
        assert_eq!(
            who("Russia and Ukraine each said on Wednesday that 150 of their captured soldiers had been returned")
                .as_deref(),
            Some("both sides")
        );
        assert_eq!(who("According to Kyiv, 3,956 Ukrainians have been returned").as_deref(), Some("Kyiv"));
        assert_eq!(
            who("Saturday’s swap was announced by Russia’s defence ministry, and separately by Zelenskiy").as_deref(),
            Some("Russia's Defence Ministry")
        );
        assert_eq!(who("Russia and Ukraine traded 115 prisoners of war apiece on Saturday."), None);
    }

    #[test]
    fn pronouns_refer_back() {
        assert!(refers_back(&words("It said the Russian POWs would receive help in Belarus")));
        assert!(!refers_back(&words("Russia and Ukraine exchanged 372 prisoners")));
    }
}
