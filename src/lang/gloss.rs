//! Reading a Ukrainian or Russian question as the English words the rules
//! of `understand` know: "Скільки полонених повернулося 19 березня 2025?"
//! is glossed "how many prisoners returned 19 March 2025 ?", and from there
//! it fills the same question slots as the English question would.
//!
//! Why a gloss and not a second set of rules: every slot (measure, dates,
//! sides, categories, ranks …) already has one tested reading over English
//! words, and a second reading per language would drift from it. A gloss
//! keeps the languages answering alike by construction; what each language
//! needs is data — its `Glossary` in `lexicon::uk` and `lexicon::ru`:
//! word forms and stems for every case ("Україна", "України", "Україну" all
//! start "україн"), phrases ("минулого тижня" → "last week"), words read
//! differently beside a number ("з 2022" → "since 2022", "2025 року" → "2025",
//! "1000 на 1000" → "1000 for 1000"), and cardinal number words.
//!
//! Words a glossary does not know are kept as written, so a question about
//! something outside the corpus ("погода") still finds nothing rather than
//! losing the word that made it different; a near miss of a known word (one
//! edit, two for long words) is repaired first, as English typos are.

use super::text::{self, WordKind, edit_distance};

/// A language's vocabulary for reading questions. Keys are lower case; a
/// key ending in `*` is a stem that matches every word starting with it
/// (the longest matching stem wins; an exact form beats any stem). An empty
/// gloss drops the word (particles, auxiliaries with no English use).
#[derive(Debug)]
pub struct Glossary {
    /// Word forms and stems → English words.
    pub words: &'static [(&'static str, &'static str)],
    /// Runs of two or three words read as one, tried before single words.
    pub phrases: &'static [(&'static str, &'static str)],
    /// Words read differently right before a number ("з 2022" → "since 2022").
    pub before_number: &'static [(&'static str, &'static str)],
    /// Words read differently right after a number ("2025 року" → dropped).
    pub after_number: &'static [(&'static str, &'static str)],
    /// Words between two numbers ("1000 на 1000" → "for").
    pub between_numbers: &'static [(&'static str, &'static str)],
    /// Cardinal number words and stems; 1000 multiplies what precedes it ("дві тисячі").
    pub numbers: &'static [(&'static str, u64)],
}

fn matches(key: &str, word: &str) -> bool {
    match key.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => key == word,
    }
}

/// The entry for `word`: an exact key first, else the longest stem.
fn find<T: Copy>(table: &[(&'static str, T)], word: &str) -> Option<T> {
    if let Some((_, v)) = table.iter().find(|(k, _)| !k.ends_with('*') && *k == word) {
        return Some(*v);
    }
    table.iter().filter(|(k, _)| matches(k, word)).max_by_key(|(k, _)| k.len()).map(|(_, v)| *v)
}

/// Folds apostrophe variants (Ukrainian writes "пʼять", "п’ять" and "п'ять").
fn fold(word: &str) -> String {
    word.replace(['ʼ', '’', '`'], "'")
}

impl Glossary {
    /// The English for one word form, if the glossary has it.
    pub fn word(&self, word: &str) -> Option<&'static str> {
        find(self.words, &fold(word))
    }

    /// The value of a number word.
    pub fn number(&self, word: &str) -> Option<u64> {
        find(self.numbers, &fold(word))
    }

    /// Does the glossary know this form (for telling the languages apart)?
    pub fn knows(&self, word: &str) -> bool {
        let w = fold(word);
        self.word(&w).is_some()
            || self.number(&w).is_some()
            || [self.before_number, self.after_number, self.between_numbers].iter().any(|t| find(t, &w).is_some())
    }

    /// The known word an unknown one is most likely a typo of, as its gloss:
    /// one edit from a form (two for forms of eight letters or more), or one
    /// edit within a stem of five letters or more ("палонених" → "полонен*").
    pub fn repair(&self, word: &str) -> Option<&'static str> {
        let w: Vec<char> = fold(word).chars().collect();
        if w.len() < 5 || !w.iter().all(|c| c.is_alphabetic() || *c == '\'') {
            return None;
        }
        let mut best: Option<(usize, std::cmp::Reverse<usize>, &'static str)> = None;
        for (k, v) in self.words {
            let (d, len) = match k.strip_suffix('*') {
                Some(stem) => {
                    let n = stem.chars().count();
                    if n < 5 || w.len() < n {
                        continue;
                    }
                    let head: String = w[..n].iter().collect();
                    (edit_distance(&head, stem), n)
                }
                None => {
                    let n = k.chars().count();
                    if n < 5 || n.abs_diff(w.len()) > 2 {
                        continue;
                    }
                    (edit_distance(&w.iter().collect::<String>(), k), n)
                }
            };
            let max = if len >= 8 { 2 } else { 1 };
            if d <= max && best.is_none_or(|b| (d, std::cmp::Reverse(len)) < (b.0, b.1)) {
                best = Some((d, std::cmp::Reverse(len), v));
            }
        }
        best.map(|b| b.2)
    }

    /// The question as English words (see the module comment).
    pub fn gloss(&self, question: &str) -> String {
        let words = text::words(question);
        let mut out: Vec<String> = Vec::new();
        let raw = |i: usize| &question[words[i].span.clone()];
        let is_number =
            |i: usize| words.get(i).is_some_and(|w| w.kind == WordKind::Number || self.number(&w.norm).is_some());
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            match w.kind {
                WordKind::Punct => {
                    out.push(raw(i).to_string());
                    i += 1;
                    continue;
                }
                WordKind::Number => {
                    out.push(raw(i).to_string());
                    i += 1;
                    continue;
                }
                WordKind::Word => {}
            }
            // A run of number words becomes digits: "двісті п'ятдесят" → 250.
            if self.number(&w.norm).is_some() {
                let (mut total, mut current) = (0u64, 0u64);
                while let Some(v) = words.get(i).and_then(|x| self.number(&x.norm)) {
                    if v == 1000 {
                        total += current.max(1) * 1000;
                        current = 0;
                    } else {
                        current += v;
                    }
                    i += 1;
                }
                out.push((total + current).to_string());
                continue;
            }
            if let Some((n, en)) = self.phrase_at(&words, i) {
                push(&mut out, en);
                i += n;
                continue;
            }
            let around = if is_number(i + 1) && i > 0 && is_number(i - 1) {
                find(self.between_numbers, &fold(&w.norm))
            } else {
                None
            }
            .or_else(|| if is_number(i + 1) { find(self.before_number, &fold(&w.norm)) } else { None })
            .or_else(|| if i > 0 && is_number(i - 1) { find(self.after_number, &fold(&w.norm)) } else { None });
            let en = around.or_else(|| self.word(&w.norm)).or_else(|| {
                // Only words of the question's own script are repaired: a Latin
                // word in a Cyrillic question is a name or an English word.
                w.norm.chars().all(super::locale::is_cyrillic_or_apostrophe).then(|| self.repair(&w.norm)).flatten()
            });
            match en {
                Some(en) => push(&mut out, en),
                None => out.push(raw(i).to_string()),
            }
            i += 1;
        }
        subject_first(&mut out);
        out.join(" ")
    }

    /// A phrase starting at word `i`: its length in words and its English.
    fn phrase_at(&self, words: &[text::Word], i: usize) -> Option<(usize, &'static str)> {
        self.phrases
            .iter()
            .filter_map(|(k, v)| {
                let parts: Vec<&str> = k.split(' ').collect();
                let hit = parts.iter().enumerate().all(|(o, p)| {
                    words.get(i + o).is_some_and(|w| w.kind == WordKind::Word && matches(p, &fold(&w.norm)))
                });
                hit.then_some((parts.len(), *v))
            })
            .max_by_key(|(n, _)| *n)
    }
}

/// Verbs (as glossed) that Ukrainian and Russian often put before their
/// subject ("отримала назад Росія", "передала Україна"), and the subjects
/// that decide whose people are counted. English reads the side before the
/// verb ("Russia got back"), so the side moves there.
const VERBS_BEFORE_SUBJECT: &[&str] = &["got", "handed over", "returned", "freed", "released", "exchanged"];
const SUBJECTS: &[&str] = &["Russia", "Ukraine", "Kyiv", "Moscow"];

/// "how many civilians got back Russia" → "how many civilians Russia got back".
fn subject_first(out: &mut Vec<String>) {
    for k in 0..out.len() {
        if !VERBS_BEFORE_SUBJECT.contains(&out[k].as_str()) {
            continue;
        }
        let mut j = k + 1;
        if out.get(j).is_some_and(|w| w == "back" || w == "home") {
            j += 1;
        }
        if out.get(j).is_some_and(|w| SUBJECTS.contains(&w.as_str())) {
            let subject = out.remove(j);
            out.insert(k, subject);
        }
    }
}

fn push(out: &mut Vec<String>, en: &str) {
    if !en.is_empty() {
        out.push(en.to_string());
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::lexicon::{ru, uk};

    #[test]
    fn glosses_read_as_english() {
        let cases = [
            (
                &uk::GLOSSARY,
                "Скільки полонених повернулося 19 березня 2025?",
                "how many prisoners returned 19 March 2025 ?",
            ),
            (&ru::GLOSSARY, "Сколько пленных обменяли 24 мая 2025?", "how many prisoners exchanged 24 May 2025 ?"),
            (&uk::GLOSSARY, "обмін тисяча на тисячу", "exchange 1000 for 1000"),
            (&ru::GLOSSARY, "обмен двести пятьдесят на двести пятьдесят", "exchange 250 for 250"),
            (&uk::GLOSSARY, "з 2022 року", "since 2022"),
            (&uk::GLOSSARY, "минулого тижня", "last week"),
            (&uk::GLOSSARY, "скільки цивільних отримала назад Росія", "how many civilians Russia got back"),
            (&ru::GLOSSARY, "сколько вернула Украина", "how many Ukraine returned"),
            (&ru::GLOSSARY, "на прошлой неделе", "last week"),
        ];
        for (g, q, want) in cases {
            assert_eq!(g.gloss(q), want, "{q}");
        }
    }

    #[test]
    fn unknown_words_stay_and_typos_are_repaired() {
        assert_eq!(uk::GLOSSARY.gloss("кавун"), "кавун");
        assert_eq!(uk::GLOSSARY.gloss("скільки палонених"), "how many prisoners");
        assert_eq!(ru::GLOSSARY.gloss("сколко пленных"), "how many prisoners");
    }
}
