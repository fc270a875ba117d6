//! Names: who speaks for a side, who mediates, and places.

use super::{Side, Tag};

/// A speaker the rules recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speaker {
    /// The phrases that name it (normalised; spelling variants included).
    pub names: &'static [&'static str],
    /// The side it speaks for; `None` for institutions every state has (a
    /// defence ministry), whose side comes from the words around them.
    pub side: Option<Side>,
    /// How a reply names it: "Zelenskyy", "Defence Ministry" (prefixed with the side when known).
    pub label: &'static str,
    /// A person rather than an institution.
    pub person: bool,
}

const fn person(names: &'static [&'static str], side: Option<Side>, label: &'static str) -> Speaker {
    Speaker { names, side, label, person: true }
}

const fn body(names: &'static [&'static str], side: Option<Side>, label: &'static str) -> Speaker {
    Speaker { names, side, label, person: false }
}

const UA: Option<Side> = Some(Side::Ukraine);
const RU: Option<Side> = Some(Side::Russia);

/// Speakers: "Andriy Yermak, head of the presidential office, said …",
/// "Russia's Defence Ministry said …", "Denis Pushilin … announced …".
pub const SPEAKERS: &[Speaker] = &[
    person(&["zelensky", "zelenskyy", "zelenskiy", "zelenskyi", "zelenski"], UA, "Zelenskyy"),
    person(&["yermak"], UA, "Yermak"),
    person(&["lubinets"], UA, "Lubinets"),
    person(&["budanov"], UA, "Budanov"),
    person(&["umerov"], UA, "Umerov"),
    person(&["vereshchuk"], UA, "Vereshchuk"),
    person(&["tymoshenko"], UA, "Tymoshenko"),
    person(&["kuleba"], UA, "Kuleba"),
    person(&["sybiha"], UA, "Sybiha"),
    person(&["yusov"], UA, "Yusov"),
    person(&["lutsenko"], UA, "Lutsenko"),
    // Interior minister since 2023; the National Guard and border guards are his ministry's.
    person(&["klymenko"], UA, "Klymenko"),
    // Ombudsman until mid-2022.
    person(&["denisova"], UA, "Denisova"),
    // Coordination Headquarters secretary and spokesman.
    person(&["usov"], UA, "Usov"),
    person(&["yatsenko"], UA, "Yatsenko"),
    person(&["putin"], RU, "Putin"),
    person(&["peskov", "peskow"], RU, "Peskov"),
    person(&["lavrov"], RU, "Lavrov"),
    person(&["zakharova"], RU, "Zakharova"),
    person(&["moskalkova"], RU, "Moskalkova"),
    person(&["medinsky"], RU, "Medinsky"),
    person(&["shoigu"], RU, "Shoigu"),
    person(&["pushilin"], RU, "Pushilin"),
    person(&["pasechnik"], RU, "Pasechnik"),
    person(&["lantratova"], RU, "Lantratova"),
    // Defence Ministry spokesman; Kremlin aide; governors of the border regions.
    person(&["konashenkov"], RU, "Konashenkov"),
    person(&["ushakov"], RU, "Ushakov"),
    person(&["gladkov"], RU, "Gladkov"),
    person(&["khinshtein"], RU, "Khinshtein"),
    person(&["trump"], None, "Trump"),
    body(
        &[
            "coordination headquarters",
            "coordination hq",
            "coordination staff",
            "coordination centre",
            "coordination center",
        ],
        UA,
        "Coordination Headquarters",
    ),
    body(&["defence intelligence", "military intelligence", "hur", "gur"], None, "military intelligence"),
    body(
        &["presidential office", "president's office", "presidential administration", "office of the president"],
        UA,
        "the presidential office",
    ),
    body(
        &[
            "ombudsman",
            "ombudswoman",
            "human rights commissioner",
            "human rights ombudsman",
            "commissioner for human rights",
        ],
        None,
        "human rights commissioner",
    ),
    body(
        &[
            "defence ministry",
            "defense ministry",
            "ministry of defence",
            "ministry of defense",
            "defence ministry's",
            "mod",
        ],
        None,
        "Defence Ministry",
    ),
    body(&["foreign ministry", "ministry of foreign affairs", "foreign affairs ministry"], None, "Foreign Ministry"),
    body(&["general staff"], None, "General Staff"),
    body(&["security service", "sbu"], UA, "the SBU"),
    body(&["tass", "ria novosti", "ria"], RU, "Russian state media"),
    // "The White House has played down expectations": it speaks for a mediator.
    body(&["white house"], None, "the White House"),
];

/// Mediators, with the names the press uses for them.
pub const MEDIATORS: &[(&str, &[&str])] = &[
    ("United Arab Emirates", &["united arab emirates", "uae", "emirates", "emirati", "abu dhabi"]),
    ("Qatar", &["qatar", "qatari", "doha"]),
    ("Saudi Arabia", &["saudi arabia", "saudi", "riyadh", "saudis"]),
    ("Turkey", &["turkey", "türkiye", "turkiye", "turkish", "ankara", "erdogan"]),
    ("the Vatican", &["vatican", "holy see", "pope francis", "pope leo", "pope"]),
    ("the United States", &["united states", "us", "washington"]),
    ("the International Committee of the Red Cross", &["red cross", "icrc"]),
];

/// Places, with the spellings the press uses; the first is how replies write it.
pub const PLACES: &[&[&str]] = &[
    &["Belarus", "belarusian", "belarussian"],
    &[
        "the Ukrainian-Belarusian border",
        "ukrainian - belarusian border",
        "belarus - ukraine border",
        "belarusian - ukrainian border",
        "ukraine - belarus border",
    ],
    &["Istanbul"],
    &["Minsk"],
    &["Geneva"],
    &["Jeddah"],
    &["Kursk", "kursk region"],
    &["Belgorod"],
    &["Bryansk"],
    &["Mariupol"],
    &["Azovstal", "azovstal plant", "azovstal steel works", "azovstal steelworks"],
    &["Bakhmut", "artemovsk"],
    &["Kreminna"],
    &["Melitopol"],
    &["Berdyansk", "berdiansk"],
    &["Olenivka", "olenivka prison"],
    &["Chornobyl", "chernobyl"],
    &["Snake Island"],
    &["Chernihiv"],
    &["Sumy"],
    &["Kharkiv", "kharkov"],
    &["Kherson"],
    &["Zaporizhzhia", "zaporizhia", "zaporozhye"],
    &["Odesa", "odessa"],
    &["Donetsk"],
    &["Luhansk", "lugansk"],
    &["Crimea"],
    &["Dnipro"],
    &["Lviv"],
    &["Poland"],
    &["Moscow region"],
];

/// Places whose people are Russia's: "three civilians from the Kursk Region".
pub const RUSSIAN_REGIONS: &[&str] = &["Kursk", "Belgorod", "Bryansk", "Moscow region"];

/// The side whose residents a place's people are, when that is certain.
pub fn residents_side(place: u16) -> Option<super::Side> {
    let name = place_name(place);
    RUSSIAN_REGIONS.contains(&name).then_some(super::Side::Russia)
}

pub fn phrases() -> Vec<(&'static str, Tag)> {
    let mut out: Vec<(&str, Tag)> = Vec::new();
    for (i, s) in SPEAKERS.iter().enumerate() {
        out.extend(s.names.iter().map(|n| (*n, Tag::Speaker(i as u16))));
    }
    for (i, (_, aliases)) in MEDIATORS.iter().enumerate() {
        out.extend(aliases.iter().map(|n| (*n, Tag::Mediator(i as u16))));
    }
    for (i, names) in PLACES.iter().enumerate() {
        out.extend(names.iter().map(|n| (*n, Tag::Place(i as u16))));
    }
    out
}

/// How a reply names a place.
pub fn place_name(i: u16) -> &'static str {
    PLACES.get(usize::from(i)).map_or("", |p| p[0])
}

/// Is this reporter a mediator ("United Arab Emirates"), not a side?
pub fn is_mediator(name: &str) -> bool {
    MEDIATORS.iter().any(|m| m.0 == name)
}

/// How a reply names a mediator.
pub fn mediator_name(i: u16) -> &'static str {
    MEDIATORS.get(usize::from(i)).map_or("", |m| m.0)
}
