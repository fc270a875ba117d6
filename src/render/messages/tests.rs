use super::*;

#[test]
fn plural_forms() {
    let forms = ["обмін", "обміни", "обмінів"];
    let cases = [
        (1, "обмін"),
        (2, "обміни"),
        (4, "обміни"),
        (5, "обмінів"),
        (11, "обмінів"),
        (12, "обмінів"),
        (14, "обмінів"),
        (21, "обмін"),
        (22, "обміни"),
        (25, "обмінів"),
        (59, "обмінів"),
        (101, "обмін"),
        (111, "обмінів"),
        (0, "обмінів"),
    ];
    for (n, want) in cases {
        assert_eq!(forms[plural(n)], want, "{n}");
    }
    assert_eq!(localize("1 exchanges, 2 exchanges, 5 exchanges", Lang::Uk), "1 обмін, 2 обміни, 5 обмінів");
    assert_eq!(localize("1 exchanges, 3 exchanges, 12 exchanges", Lang::Ru), "1 обмен, 3 обмена, 12 обменов");
}

#[test]
fn dates_the_local_way() {
    assert_eq!(localize("19 March 2025", Lang::Uk), "19 березня 2025");
    assert_eq!(localize("24 May 2025", Lang::Ru), "24 мая 2025");
    assert_eq!(localize("March 2025", Lang::Uk), "березень 2025");
    assert_eq!(localize("from 24 August 2024 to 25 May 2025", Lang::Ru), "с 24 августа 2024 по 25 мая 2025");
}

#[test]
fn speakers_not_listed() {
    assert_eq!(localize("(AFP; RT and 2 more)", Lang::Uk), "(AFP; RT і ще 2)");
    assert_eq!(localize("(AFP; RT and 3 more)", Lang::Ru), "(AFP; RT и ещё 3)");
}

#[test]
fn numbers_keep_their_digits() {
    assert_eq!(localize("1,000 in all", Lang::Uk), "1\u{a0}000 загалом");
}

#[test]
fn quotes_stay_as_written() {
    let text = "From my sources:\n> Russia returned 175 Ukrainian prisoners of war to Ukraine.\n— *Al Jazeera*";
    let uk = localize(text, Lang::Uk);
    assert!(uk.starts_with("З моїх джерел (цитати мовою оригіналу):"), "{uk}");
    assert!(uk.contains("> Russia returned 175 Ukrainian prisoners of war to Ukraine."), "{uk}");
    assert!(localize("“each and every one” in all", Lang::Ru).starts_with("“each and every one” всего"));
}

#[test]
fn english_is_untouched() {
    let text = "**19 March 2025**: 372 exchanged in all (Al Jazeera); to Ukraine: 175.";
    assert_eq!(localize(text, Lang::En), text);
}

#[test]
fn phrases_are_whole_words() {
    // "on" is dropped as a word, never inside "Ukrainians" or "mention".
    assert_eq!(localize("on Monday", Lang::Uk), "Monday");
    assert_eq!(localize("mention", Lang::Uk), "mention");
}

/// A phrase given twice would be translated by whichever comes first.
#[test]
fn each_phrase_once() {
    for lang in [Lang::Uk, Lang::Ru] {
        let c = catalogue(lang).expect("a catalogue");
        let mut seen = std::collections::HashSet::new();
        for (english, _) in c.phrases {
            assert!(seen.insert(*english), "{english:?} is twice in the {lang:?} catalogue");
        }
    }
}
