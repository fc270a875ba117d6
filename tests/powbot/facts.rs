//! Extraction over the shipped corpus: every article's facts as a snapshot
//! (a rule change shows every fact it moves), and the merged dataset's
//! invariants.

use powbot::facts::{Recipient, Scope};
use powbot::lang::{Category, Side};

use crate::support::engine;

/// What every shipped article is read as, one line per fact. Review the
/// diff when a rule changes; `UPDATE_EXPECT=1 cargo test` rewrites it.
#[test]
fn every_article_reads_as_its_snapshot() {
    let mut all = String::new();
    for a in &engine().corpus().articles {
        all.push_str(&format!("## {} ({})\n{}\n", a.id, a.published, powbot::facts::read_guarded(a).summary()));
    }
    expect_test::expect_file!["snapshots/facts.txt"].assert_eq(&all);
}

/// (exchange, recipient, category, value, article the figure is read from)
const EXPECTED: &[(&str, Recipient, Category, u64, &str)] = &[
    ("2024-07", Recipient::Each, Category::Prisoners, 95, "brief-2024-08-24"),
    ("2024-08-24", Recipient::Each, Category::Prisoners, 115, "brief-2024-08-24"),
    ("2024-10", Recipient::Each, Category::Prisoners, 95, "brief-2024-12-30"),
    ("2024-10", Recipient::Each, Category::Prisoners, 95, "rt-2025-03-19"),
    ("2024-12-30", Recipient::To(Side::Ukraine), Category::Prisoners, 150, "brief-2024-12-30"),
    ("2024-12-30", Recipient::To(Side::Ukraine), Category::Prisoners, 189, "brief-2024-12-30"),
    ("2025-02-05", Recipient::Each, Category::Prisoners, 150, "afp-2025-02-05"),
    ("2025-03-19", Recipient::Combined, Category::Prisoners, 372, "aljazeera-2025-03-19"),
    ("2025-03-19", Recipient::To(Side::Ukraine), Category::Wounded, 22, "dailyguardian-2025-03-19"),
    ("2025-03-19", Recipient::To(Side::Russia), Category::Prisoners, 175, "rt-2025-03-19"),
    ("2025-05-23", Recipient::Each, Category::Prisoners, 390, "wenews-2025-05-24"),
    ("2025-05-23", Recipient::To(Side::Russia), Category::Civilians, 120, "wenews-2025-05-24"),
    ("2025-05-24", Recipient::Each, Category::Prisoners, 307, "wenews-2025-05-24"),
    ("2025-05-25", Recipient::Each, Category::Prisoners, 303, "brief-2025-05-25"),
    // Numbers in words, and a count of nine that another article's undated mention joins.
    ("2022-10-29", Recipient::To(Side::Russia), Category::Prisoners, 50, "d2-2022-oct-servicemen-airlifted"),
    ("2022-03-16", Recipient::To(Side::Russia), Category::Prisoners, 9, "d2-2022-apr-servicewomen-home"),
    // A side's own count beside the other side's.
    ("2022-12-31", Recipient::To(Side::Ukraine), Category::Prisoners, 140, "d2-2022-dec-new-year-swap"),
    ("2022-12-31", Recipient::To(Side::Russia), Category::Prisoners, 82, "d2-2022-dec-new-year-swap"),
];

#[test]
fn every_expected_figure_is_extracted_with_its_source() {
    let facts = engine().facts();
    for &(id, recipient, category, value, article) in EXPECTED {
        let e = facts.exchange(id).unwrap_or_else(|| panic!("no exchange {id}"));
        assert!(
            e.figures.iter().any(|f| f.recipient == recipient
                && f.category == category
                && f.value == value
                && f.cite.article == article),
            "{id}: no {value} {category:?} for {recipient:?} from {article}; have {:?}",
            e.figures.iter().map(|f| (f.value, f.recipient, f.category, &f.cite.article)).collect::<Vec<_>>()
        );
    }
}

/// Numbers the corpus gives for something else than people freed in an
/// exchange: (a phrase of the sentence, the number it must not yield).
const NOT_FIGURES: &[(&str, u64)] = &[
    ("killed at least 12", 12),
    ("launched 145 drones", 145),
    ("downed 72 of them", 72),
    ("59 prisoner swaps", 59),
    ("3,956 Ukrainians have been returned", 3956),
    ("between 8,000 and 10,000", 8000),
    ("more than 2,500 defenders of Mariupol were being held", 2500),
    ("the bodies of 1,212 fallen soldiers", 1212),
    ("at least 1,200 prisoners from each side", 1200),
    ("carrying 65 captured Ukrainian servicemen", 65),
    ("Suedi Murekezi, 35", 35),
    ("3,569 Ukrainians have now been brought back", 3569),
    ("at least 600 Russian soldiers", 600),
    ("2005 Ukrainians have come home", 2005),
    ("hoped to free 1,000 more people", 1000),
    ("6,000-for-6,000 basis", 6000),
];

#[test]
fn no_figure_is_read_from_what_is_not_an_exchange() {
    let facts = engine().facts();
    let figures: Vec<_> = facts.exchanges.iter().flat_map(|e| &e.figures).collect();
    for (phrase, value) in NOT_FIGURES {
        let bad = figures.iter().find(|f| f.value == *value && f.cite.sentence.contains(phrase));
        assert!(bad.is_none(), "{value} read as an exchange figure from “{phrase}”: {bad:?}");
    }
}

#[test]
fn parts_of_a_group_are_kept_as_parts() {
    let e = engine().facts().exchange("2022-12-31").unwrap();
    let women = e.figures.iter().find(|f| f.value == 8).expect("eight women");
    assert!(women.part && women.describes(&["women".to_string()]), "{women:?}");
}

#[test]
fn reports_of_one_exchange_from_several_articles_merge() {
    let e = engine().facts().exchange("2025-03-19").unwrap();
    assert_eq!(e.sources, ["aljazeera-2025-03-19", "dailyguardian-2025-03-19", "rt-2025-03-19"]);
    assert_eq!(e.mediators[0].value, "United Arab Emirates");
    let oct = engine().facts().exchange("2024-10").unwrap();
    assert_eq!(oct.sources, ["brief-2024-12-30", "rt-2025-03-19"]);
}

#[test]
fn a_multi_day_exchange_is_one_series_with_stages() {
    let facts = engine().facts();
    let s = facts
        .series
        .iter()
        .find(|s| s.exchanges.first().is_some_and(|x| x == "2025-05-23"))
        .expect("the May 2025 series");
    assert_eq!(s.exchanges, ["2025-05-23", "2025-05-24", "2025-05-25"]);
    assert_eq!(s.totals[0].value, 1000);
    let stages: Vec<u32> =
        s.exchanges.iter().map(|id| facts.exchange(id).unwrap().stage.as_ref().map_or(0, |x| x.number)).collect();
    assert_eq!(stages, [1, 2, 3]);
    assert!(facts.exchange("2025-05-23").unwrap().agreements.iter().any(|a| a.value.contains("Istanbul")));
}

#[test]
fn exchanges_reported_without_a_number_are_on_record() {
    let facts = engine().facts();
    for id in ["2025-06-10", "2025-06-12", "2025-06-19", "2025-06-20", "2025-06-26"] {
        let e = facts.exchange(id).unwrap_or_else(|| panic!("no exchange {id}"));
        assert!(e.figures.is_empty() && !e.reports.is_empty(), "{id}: {e:?}");
    }
    assert!(facts.exchange("2025-06-11").is_none(), "a day of bodies returned is not a prisoner exchange");
}

#[test]
fn claims_carry_who_when_and_scope() {
    let facts = engine().facts();
    let swaps = facts.claims.iter().find(|c| c.low == 59).unwrap();
    assert_eq!((swaps.reporter.name.as_str(), swaps.as_of.to_string().as_str()), ("RT", "2025-03-19"));
    let held = facts.claims.iter().find(|c| c.low == 8000).unwrap();
    assert_eq!(held.high, Some(10000));
    let total = facts.claims.iter().find(|c| c.low == 3956).unwrap();
    assert_eq!(total.scope, Scope::War);
}

#[test]
fn the_shipped_dataset_passes_check() {
    assert_eq!(engine().check(), []);
}

/// Counts with no side of their own that add up to a head count read before are its
/// breakdown, not parts of whatever group the sentence before named.
#[test]
fn a_breakdown_that_adds_up_to_a_head_count_is_of_its_side() {
    let body = "Ukraine got 116 prisoners back on Saturday, Yermak said. Russia received 63 servicemen.\n\n\
                Two are officers and 114 are privates and sergeants.";
    let raw = crate::support::article("b", "2023-02-04", body);
    let article = powbot::corpus::parse(std::path::Path::new("b.md"), &raw).expect("article");
    let summary = powbot::facts::read_guarded(&article).summary();
    for value in ["figure 2 to Ukraine", "figure 114 to Ukraine"] {
        assert!(summary.contains(value), "{value} in:\n{summary}");
    }
    assert!(!summary.contains("figure 2 to Russia"), "{summary}");
}
