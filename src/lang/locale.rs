//! Which language a question is written in: English, Ukrainian or Russian.
//!
//! Ukrainian and Russian share most of the Cyrillic alphabet, so letters
//! decide only when a letter of one language alone is present (і ї є ґ are
//! Ukrainian, ы э ъ ё Russian). Otherwise the words decide: each language's
//! glossary (`lexicon::uk`, `lexicon::ru`) knows the forms questions use
//! ("коли", "хто" are Ukrainian; "когда", "кто" Russian), and a word only
//! one of them knows is a vote for it. What neither settles (a Cyrillic
//! word no glossary knows) goes to `whatlang`'s trigram model, which is
//! good on sentences but guesses on two words, hence its last place.
//!
//! A question mixing scripts ("скільки POW 19 March") is Cyrillic: Latin
//! words in a Ukrainian or Russian question are loans and names, while an
//! English question has no reason to hold a Cyrillic word.

use serde::{Deserialize, Serialize};

use super::gloss::Glossary;
use super::lexicon::{ru, uk};

/// A language powbot reads questions in and writes replies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Uk,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Uk, Lang::Ru];

    /// The ISO 639-1 code ("en", "uk", "ru"), also Discord's locale for `uk` and `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
        }
    }

    /// A Discord locale ("uk", "ru", "en-US", "de") as a reply language; `None` for a
    /// language powbot does not write.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let base = locale.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match base.as_str() {
            "en" => Some(Lang::En),
            "uk" => Some(Lang::Uk),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// The glossary that reads this language into English words (`None` for English).
    pub fn glossary(self) -> Option<&'static Glossary> {
        match self {
            Lang::En => None,
            Lang::Uk => Some(&uk::GLOSSARY),
            Lang::Ru => Some(&ru::GLOSSARY),
        }
    }
}

const UK_ONLY: &[char] = &['і', 'ї', 'є', 'ґ'];
const RU_ONLY: &[char] = &['ы', 'э', 'ъ', 'ё'];

/// The question's language, or `None` when it has no letters to tell by
/// (only digits and punctuation).
pub fn detect(text: &str) -> Option<Lang> {
    let lower = text.to_lowercase();
    let cyrillic = lower.chars().filter(|c| is_cyrillic(*c)).count();
    let latin = lower.chars().filter(char::is_ascii_alphabetic).count();
    if cyrillic == 0 {
        return (latin > 0).then_some(Lang::En);
    }
    let uk_letters = lower.chars().filter(|c| UK_ONLY.contains(c)).count();
    let ru_letters = lower.chars().filter(|c| RU_ONLY.contains(c)).count();
    if uk_letters != ru_letters {
        return Some(if uk_letters > ru_letters { Lang::Uk } else { Lang::Ru });
    }
    let words: Vec<String> =
        super::text::words(&lower).into_iter().filter(|w| w.norm.chars().any(is_cyrillic)).map(|w| w.norm).collect();
    let (mut uk_votes, mut ru_votes) = (0, 0);
    for w in &words {
        let in_uk = uk::GLOSSARY.knows(w);
        let in_ru = ru::GLOSSARY.knows(w);
        uk_votes += usize::from(in_uk && !in_ru);
        ru_votes += usize::from(in_ru && !in_uk);
    }
    if uk_votes != ru_votes {
        return Some(if uk_votes > ru_votes { Lang::Uk } else { Lang::Ru });
    }
    match whatlang::detect_lang(&lower) {
        Some(whatlang::Lang::Ukr) => Some(Lang::Uk),
        // Russian is the likelier reading of Cyrillic nothing else decides (Bulgarian, Serbian …).
        _ => Some(Lang::Ru),
    }
}

pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// A letter of a Cyrillic word, the apostrophe of "п'ять" included.
pub fn is_cyrillic_or_apostrophe(c: char) -> bool {
    is_cyrillic(c) || c == '\'' || c == 'ʼ'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_decide_first() {
        assert_eq!(detect("Скільки полонених повернулося?"), Some(Lang::Uk));
        assert_eq!(detect("Сколько пленных обменяли 24 мая 2025?"), Some(Lang::Ru));
        assert_eq!(detect("Где проходят обследование?"), Some(Lang::Ru));
        assert_eq!(detect("Ще один обмін"), Some(Lang::Uk));
        assert_eq!(detect("Объявили обмен"), Some(Lang::Ru));
    }

    /// Three-word questions with no letter of one language alone.
    #[test]
    fn short_questions_by_their_words() {
        assert_eq!(detect("Хто був посередником?"), Some(Lang::Uk));
        assert_eq!(detect("Кто был посредником?"), Some(Lang::Ru));
        assert_eq!(detect("Коли був обмін?"), Some(Lang::Uk));
        assert_eq!(detect("Когда был обмен?"), Some(Lang::Ru));
        assert_eq!(detect("Список обменов 2025"), Some(Lang::Ru));
    }

    #[test]
    fn english_and_mixed() {
        assert_eq!(detect("How many POWs were swapped?"), Some(Lang::En));
        assert_eq!(detect("скільки POW 19 March"), Some(Lang::Uk));
        assert_eq!(detect("сколько POW 19 March"), Some(Lang::Ru));
        assert_eq!(detect("2025-03-19"), None);
        assert_eq!(detect(""), None);
    }

    #[test]
    fn discord_locales() {
        assert_eq!(Lang::from_locale("uk"), Some(Lang::Uk));
        assert_eq!(Lang::from_locale("ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_locale("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_locale("de"), None);
    }
}
