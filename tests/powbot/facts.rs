//! Extraction over the shipped corpus, per article, and merging across articles.

use powbot::facts::Recipient;
use powbot::lang::{Category, Side};

use crate::support::engine;

/// (exchange, recipient, category, value, article the figure is read from)
const EXPECTED: &[(&str, Recipient, Category, u64, &str)] = &[
    ("2024-07", Recipient::Each, Category::Prisoners, 95, "brief-2024-08-24"),
    ("2024-08-24", Recipient::Each, Category::Prisoners, 115, "brief-2024-08-24"),
    ("2024-08-24", Recipient::To(Side::Russia), Category::Prisoners, 115, "brief-2024-08-24"),
    ("2024-10", Recipient::Each, Category::Prisoners, 95, "brief-2024-12-30"),
    ("2024-10", Recipient::Each, Category::Prisoners, 95, "rt-2025-03-19"),
    ("2024-12-30", Recipient::To(Side::Ukraine), Category::Prisoners, 150, "brief-2024-12-30"),
    ("2024-12-30", Recipient::To(Side::Ukraine), Category::Prisoners, 189, "brief-2024-12-30"),
    ("2024-12-30", Recipient::To(Side::Ukraine), Category::Civilians, 2, "brief-2024-12-30"),
    ("2025-02-05", Recipient::Each, Category::Prisoners, 150, "afp-2025-02-05"),
    ("2025-03-19", Recipient::Combined, Category::Prisoners, 372, "aljazeera-2025-03-19"),
    ("2025-03-19", Recipient::To(Side::Ukraine), Category::Wounded, 22, "dailyguardian-2025-03-19"),
    ("2025-03-19", Recipient::To(Side::Russia), Category::Prisoners, 175, "rt-2025-03-19"),
    ("2025-05-23", Recipient::Each, Category::Prisoners, 390, "wenews-2025-05-24"),
    ("2025-05-23", Recipient::To(Side::Russia), Category::Civilians, 120, "wenews-2025-05-24"),
    ("2025-05-24", Recipient::Each, Category::Prisoners, 307, "wenews-2025-05-24"),
    ("2025-05-25", Recipient::Each, Category::Prisoners, 303, "brief-2025-05-25"),
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

#[test]
fn no_figure_is_invented_from_casualties_drones_or_plans() {
    let facts = engine().facts();
    let all: Vec<u64> = facts.exchanges.iter().flat_map(|e| e.figures.iter().map(|f| f.value)).collect();
    for bogus in [145, 72, 57, 12, 59, 3956, 8000, 10000] {
        assert!(!all.contains(&bogus), "{bogus} read as an exchange figure");
    }
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
    assert_eq!(facts.series.len(), 1);
    let s = &facts.series[0];
    assert_eq!(s.exchanges, ["2025-05-23", "2025-05-24", "2025-05-25"]);
    assert_eq!(s.totals[0].value, 1000);
    let stages: Vec<u32> =
        s.exchanges.iter().map(|id| facts.exchange(id).unwrap().stage.as_ref().unwrap().number).collect();
    assert_eq!(stages, [1, 2, 3]);
    assert!(facts.exchange("2025-05-23").unwrap().agreements.iter().any(|a| a.value.contains("Istanbul")));
}

#[test]
fn claims_carry_who_and_when() {
    let facts = engine().facts();
    let swaps = facts.claims.iter().find(|c| c.low == 59).unwrap();
    assert_eq!((swaps.reporter.name.as_str(), swaps.as_of.to_string().as_str()), ("RT", "2025-03-19"));
    let held = facts.claims.iter().find(|c| c.low == 8000).unwrap();
    assert_eq!(held.high, Some(10000));
}

#[test]
fn the_shipped_dataset_passes_check() {
    assert_eq!(engine().check(), []);
}
