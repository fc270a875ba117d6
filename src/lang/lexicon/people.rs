//! Who and what is counted: sides, nationalities, people, things.

use super::{Category, Side, Tag, Thing};

/// A state or its government. "Russia's Defence Ministry said Kyiv had handed over 140 …"
pub const STATES: &[(&str, Side)] = &[
    ("russia", Side::Russia),
    ("moscow", Side::Russia),
    ("kremlin", Side::Russia),
    ("russian federation", Side::Russia),
    ("russian side", Side::Russia),
    ("russian government", Side::Russia),
    ("russian authorities", Side::Russia),
    ("ukraine", Side::Ukraine),
    ("kyiv", Side::Ukraine),
    ("kiev", Side::Ukraine),
    ("ukrainian side", Side::Ukraine),
    ("ukrainian government", Side::Ukraine),
    ("ukrainian authorities", Side::Ukraine),
    // Possessives typed without an apostrophe: "kyivs count", "russias defence ministry".
    ("kyivs", Side::Ukraine),
    ("kievs", Side::Ukraine),
    ("ukraines", Side::Ukraine),
    ("moscows", Side::Russia),
    ("russias", Side::Russia),
    ("kremlins", Side::Russia),
];

/// Nationalities, as adjectives and as nouns. "175 Ukrainian prisoners", "45 Ukrainians".
pub const NATIONALITIES: &[(&str, Side)] = &[
    ("russian", Side::Russia),
    ("russians", Side::Russia),
    ("ukrainian", Side::Ukraine),
    ("ukrainians", Side::Ukraine),
];

/// Nouns for people an exchange moves, with the category they put a count in.
/// "140 Ukrainian service personnel, 132 men and eight women"; "12 civilians".
pub const PEOPLE: &[(&str, Category)] = &[
    ("prisoners", Category::Prisoners),
    ("prisoner", Category::Prisoners),
    ("prisoners of war", Category::Prisoners),
    ("prisoner of war", Category::Prisoners),
    ("pows", Category::Prisoners),
    ("pow", Category::Prisoners),
    ("captives", Category::Prisoners),
    ("captive", Category::Prisoners),
    ("soldiers", Category::Prisoners),
    ("soldier", Category::Prisoners),
    ("troops", Category::Prisoners),
    ("servicemen", Category::Prisoners),
    ("serviceman", Category::Prisoners),
    ("servicewomen", Category::Prisoners),
    ("service members", Category::Prisoners),
    ("servicemembers", Category::Prisoners),
    ("service personnel", Category::Prisoners),
    ("military personnel", Category::Prisoners),
    // "390 people — 270 military and 120 civilians".
    ("military", Category::Prisoners),
    ("personnel", Category::Prisoners),
    ("fighters", Category::Prisoners),
    ("fighter", Category::Prisoners),
    ("defenders", Category::Prisoners),
    ("defender", Category::Prisoners),
    ("combatants", Category::Prisoners),
    ("marines", Category::Prisoners),
    ("guardsmen", Category::Prisoners),
    ("national guardsmen", Category::Prisoners),
    ("border guards", Category::Prisoners),
    ("sailors", Category::Prisoners),
    ("pilots", Category::Prisoners),
    ("paratroopers", Category::Prisoners),
    ("officers", Category::Prisoners),
    ("officer", Category::Prisoners),
    ("privates", Category::Prisoners),
    ("sergeants", Category::Prisoners),
    ("conscripts", Category::Prisoners),
    ("medics", Category::Prisoners),
    ("veterans", Category::Prisoners),
    ("members", Category::Prisoners),
    ("men", Category::Prisoners),
    ("women", Category::Prisoners),
    ("woman", Category::Prisoners),
    ("people", Category::Prisoners),
    ("persons", Category::Prisoners),
    ("individuals", Category::Prisoners),
    ("citizens", Category::Prisoners),
    ("citizen", Category::Prisoners),
    ("nationals", Category::Prisoners),
    ("detainees", Category::Prisoners),
    ("returnees", Category::Prisoners),
    ("guys", Category::Prisoners),
    ("boys", Category::Prisoners),
    ("heroes", Category::Prisoners),
    // "Today, Ukraine brought back 205 warriors", as Zelensky writes.
    ("warriors", Category::Prisoners),
    ("residents", Category::Civilians),
    ("inhabitants", Category::Civilians),
    ("locals", Category::Civilians),
    ("volunteers", Category::Civilians),
    ("teenagers", Category::Civilians),
    ("mothers", Category::Civilians),
    ("teachers", Category::Civilians),
    ("doctors", Category::Prisoners),
    ("nurses", Category::Prisoners),
    ("chaplains", Category::Prisoners),
    ("commanders", Category::Prisoners),
    ("commander", Category::Prisoners),
    ("scouts", Category::Prisoners),
    ("snipers", Category::Prisoners),
    ("gunners", Category::Prisoners),
    ("crew", Category::Prisoners),
    ("crew members", Category::Prisoners),
    ("seamen", Category::Prisoners),
    ("policemen", Category::Prisoners),
    ("police officers", Category::Prisoners),
    ("national guard soldiers", Category::Prisoners),
    ("men and women", Category::Prisoners),
    ("civilians", Category::Civilians),
    ("civilian", Category::Civilians),
    ("hostages", Category::Civilians),
    ("children", Category::Civilians),
    // "Four Ukrainian minors … are being reunited with their relatives".
    ("minors", Category::Civilians),
    ("priests", Category::Civilians),
    ("journalists", Category::Civilians),
];

/// Adjectives that put people in a category: "22 seriously wounded prisoners".
pub const KINDS: &[(&str, Category)] = &[
    ("wounded", Category::Wounded),
    ("injured", Category::Wounded),
    ("sick", Category::Wounded),
    ("ill", Category::Wounded),
    ("seriously ill", Category::Wounded),
    ("severely ill", Category::Wounded),
    ("seriously wounded", Category::Wounded),
    ("severely wounded", Category::Wounded),
    ("heavily wounded", Category::Wounded),
    ("heavily injured", Category::Wounded),
    ("badly wounded", Category::Wounded),
    ("badly hurt", Category::Wounded),
    ("hurt", Category::Wounded),
];

/// Counted things that are not freed people: "the bodies of 1,212 fallen
/// soldiers", "13 Iranian-made Shahed drones", "a 72-hour ceasefire".
pub const THINGS: &[(&str, Thing)] = &[
    ("bodies", Thing::Bodies),
    ("body", Thing::Bodies),
    ("remains", Thing::Bodies),
    ("corpses", Thing::Bodies),
    ("dead", Thing::Bodies),
    // "Seven hundred and fifty-seven fallen defenders were returned": the dead.
    ("fallen", Thing::Bodies),
    ("killed", Thing::Other),
    ("casualties", Thing::Other),
    ("drones", Thing::Other),
    ("missiles", Thing::Other),
    ("rockets", Thing::Other),
    ("shells", Thing::Other),
    ("tanks", Thing::Other),
    ("aircraft", Thing::Other),
    ("planes", Thing::Other),
    ("years", Thing::Other),
    ("year", Thing::Other),
    ("months", Thing::Other),
    ("month", Thing::Other),
    ("weeks", Thing::Other),
    ("week", Thing::Other),
    ("days", Thing::Other),
    ("hours", Thing::Other),
    ("hour", Thing::Other),
    ("minutes", Thing::Other),
    ("km", Thing::Other),
    ("kilometres", Thing::Other),
    ("kilometers", Thing::Other),
    ("miles", Thing::Other),
    ("tonnes", Thing::Other),
    ("tons", Thing::Other),
    ("dollars", Thing::Other),
    ("euros", Thing::Other),
    ("hryvnias", Thing::Other),
    ("roubles", Thing::Other),
    ("rubles", Thing::Other),
    ("percent", Thing::Other),
    ("per cent", Thing::Other),
    ("%", Thing::Other),
    ("million", Thing::Other),
    ("billion", Thing::Other),
    ("villages", Thing::Other),
    ("towns", Thing::Other),
    ("settlements", Thing::Other),
    ("homes", Thing::Other),
    ("houses", Thing::Other),
    ("buildings", Thing::Other),
    ("hospitals", Thing::Other),
    ("regions", Thing::Other),
    ("countries", Thing::Other),
    ("times", Thing::Other),
    ("rounds", Thing::Other),
    ("brigade", Thing::Other),
    ("names", Thing::Other),
];

/// One spelling for words that name the same group, so that a question's
/// "servicewomen" finds an article's "women" and "national guardsmen" its
/// "National Guard soldiers".
pub const TERM_SYNONYMS: &[(&str, &str)] = &[
    ("servicewomen", "women"),
    ("servicewoman", "women"),
    ("female", "women"),
    ("woman", "women"),
    ("girls", "women"),
    ("officer", "officers"),
    ("sailor", "sailors"),
    ("seamen", "sailors"),
    ("seaman", "sailors"),
    ("navy", "sailors"),
    ("naval", "sailors"),
    ("guardsmen", "guard"),
    ("guardsman", "guard"),
    ("guards", "guard"),
    ("medic", "medics"),
    ("pilot", "pilots"),
    ("conscript", "conscripts"),
    ("priest", "priests"),
    ("child", "children"),
    ("kids", "children"),
    ("civilians", "civilian"),
    ("marine", "marines"),
    ("defended", "defenders"),
    ("defending", "defenders"),
    ("fought", "defenders"),
    ("mia", "missing"),
    // The Russian-installed "republics", by their initials.
    ("dpr", "donetsk"),
    ("lpr", "luhansk"),
    ("lugansk", "luhansk"),
];

/// Words a question may use for a group that articles name otherwise, for
/// matching only (a figure keeps its own words): "how many were military"
/// asks for the service members, soldiers or troops.
pub const SAME_GROUP: &[(&str, &str)] = &[
    ("military", "military"),
    ("servicemen", "military"),
    ("serviceman", "military"),
    ("service", "military"),
    ("soldier", "military"),
    ("soldiers", "military"),
    ("troops", "military"),
];

/// Words (as a figure's terms, see `canonical_term`) that make a part service
/// members whatever group it was read in: "Of the soldiers, 183 are privates
/// and sergeants", read after "20 civilians", are not civilians; "nine of
/// whom are women" after "fourteen civilians" are.
/// Children: "four children aged between two and 17 were returned under Qatari
/// mediation" tells of deported children brought home, not of a prisoner exchange.
pub const CHILDREN: &[&str] = &["children", "child", "kids", "minors", "teenagers", "teens", "orphans"];

pub const SERVICE_TERMS: &[&str] = &[
    "privates",
    "sergeants",
    "officers",
    "soldiers",
    "servicemen",
    "service",
    "military",
    "troops",
    "fighters",
    "defenders",
    "marines",
    "guard",
    "sailors",
    "pilots",
    "paratroopers",
    "conscripts",
    "commanders",
    "combatants",
    "azov",
    "army",
    "forces",
];

/// Does a figure's terms name service members (`SERVICE_TERMS`)?
pub fn names_service(terms: &[String]) -> bool {
    terms.iter().any(|t| SERVICE_TERMS.contains(&canonical_term(t)))
}

/// The group a word names, for matching a question's words to a figure's.
pub fn group_term(norm: &str) -> &str {
    let canonical = canonical_term(norm);
    SAME_GROUP.iter().find(|(a, _)| *a == canonical).map_or(canonical, |(_, b)| b)
}

/// The one spelling of a group word (see `TERM_SYNONYMS`).
pub fn canonical_term(norm: &str) -> &str {
    TERM_SYNONYMS.iter().find(|(a, _)| *a == norm).map_or(norm, |(_, b)| b)
}

pub fn phrases() -> Vec<(&'static str, Tag)> {
    let mut out: Vec<(&str, Tag)> = Vec::new();
    out.extend(STATES.iter().map(|(p, s)| (*p, Tag::State(*s))));
    out.extend(NATIONALITIES.iter().map(|(p, s)| (*p, Tag::Nationality(*s))));
    out.extend(PEOPLE.iter().map(|(p, c)| (*p, Tag::People(*c))));
    out.extend(KINDS.iter().map(|(p, c)| (*p, Tag::Kind(*c))));
    out.extend(THINGS.iter().map(|(p, t)| (*p, Tag::Thing(*t))));
    out
}

/// People nouns that name one side's people even without a nationality:
/// in reports of these exchanges "defenders" (of Mariupol, of Azovstal,
/// "Forty-five defenders home") are Ukraine's, in Kyiv's and Moscow's
/// reporting alike.
pub const IMPLIED_SIDES: &[(&str, Side)] = &[("defenders", Side::Ukraine), ("defender", Side::Ukraine)];

/// The side a people noun implies, if any.
pub fn implied_side(norm: &str) -> Option<Side> {
    IMPLIED_SIDES.iter().find(|(w, _)| *w == norm).map(|(_, side)| *side)
}

/// Words that, in what a part of the freed did or were, name the part:
/// "Forty-eight of them had been listed as missing", "12 had been convicted".
pub const STATUS_TERMS: &[&str] =
    &["missing", "convicted", "sentenced", "deported", "injured", "conscripts", "volunteers", "foreigners", "minors"];
