//! Reading whole articles: each case is a body and the figures it must (and
//! must not) yield.

use super::*;
use crate::corpus;
use crate::facts::model::Recipient;

fn read(published: &str, body: &str) -> ArticleFacts {
    let raw = format!("+++\nid = \"t\"\noutlet = \"Wire\"\npublished = \"{published}\"\n+++\n{body}\n");
    article(&corpus::parse(std::path::Path::new("t.md"), &raw).expect("test article parses"))
}

/// (date, value, recipient, part) of every figure read.
fn figures(f: &ArticleFacts) -> Vec<(String, u64, Recipient, bool)> {
    f.observations
        .iter()
        .filter_map(|o| match &o.fact {
            Fact::Figure(x) => Some((o.date.map_or("-".into(), |d| d.id()), x.value, x.recipient, x.part)),
            _ => None,
        })
        .collect()
}

#[test]
fn roundup_items_are_dated_by_their_stamp() {
    let f = read(
        "2023-01-09",
        "How the autumn went:\n\n- 17 October: 108 Ukrainian women freed in the first all-female exchange; Moscow said 110 Russians came back.\n\n- 3 November: 107 prisoners on each side.\n\n- 14 December: 64 Ukrainian soldiers and a U.S. citizen came home; Kyiv gave no figure for the Russian side.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2022-10-17".into(), 108, ua, false)), "{got:?}");
    assert!(got.contains(&("2022-10-17".into(), 110, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(got.contains(&("2022-11-03".into(), 107, Recipient::Each, false)), "{got:?}");
    assert!(got.contains(&("2022-12-14".into(), 64, ua, false)), "{got:?}");
}

#[test]
fn running_totals_across_stages_are_claims() {
    let f = read(
        "2025-07-24",
        "President Volodymyr Zelenskyy called it the ninth stage of the exchanges agreed in Istanbul and said seriously ill and severely wounded defenders were coming home. Across all the stages, he said, more than 1,000 Ukrainians had been brought back.",
    );
    assert!(figures(&f).is_empty(), "{:?}", figures(&f));
    let claims: Vec<(u64, String)> = f.claims.iter().map(|c| (c.low, c.reporter.name.clone())).collect();
    assert_eq!(claims, [(1000, "Zelenskyy".to_string())]);
}
