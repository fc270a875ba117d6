//! `powbot check`: every figure occurs in its cited sentence, and every
//! cited sentence occurs in its article.

use super::model::{Citation, Facts};
use crate::corpus::Corpus;

/// One failed check, phrased for a curator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub exchange: String,
    pub message: String,
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn check(facts: &Facts, corpus: &Corpus) -> Vec<Problem> {
    let mut problems = Vec::new();
    let cite_ok =
        |owner: &str, what: &str, cite: &Citation, problems: &mut Vec<Problem>| match corpus.get(&cite.article) {
            None => problems.push(Problem {
                exchange: owner.into(),
                message: format!("{what}: cites unknown article {:?}", cite.article),
            }),
            Some(a) if !fold(&a.body).contains(&fold(&cite.sentence)) => problems.push(Problem {
                exchange: owner.into(),
                message: format!("{what}: sentence not found in {}: {:?}", cite.article, cite.sentence),
            }),
            Some(_) => {}
        };
    for e in &facts.exchanges {
        let series = facts.series_of(e);
        let figures = e.figures.iter().chain(series.into_iter().flat_map(|s| s.totals.iter().chain(&s.planned)));
        for f in figures {
            let what = format!("figure {} ({:?})", f.text, f.recipient);
            if !f.cite.sentence.to_lowercase().contains(&f.text.to_lowercase()) {
                problems.push(Problem {
                    exchange: e.id.clone(),
                    message: format!("{what}: not in its sentence {:?}", f.cite.sentence),
                });
            }
            cite_ok(&e.id, &what, &f.cite, &mut problems);
        }
        for a in e.mediators.iter().chain(&e.destinations).chain(&e.agreements) {
            cite_ok(&e.id, &format!("{:?}", a.value), &a.cite, &mut problems);
        }
        if let Some(s) = &e.stage {
            cite_ok(&e.id, "stage", &s.cite, &mut problems);
        }
    }
    for c in &facts.claims {
        let what = format!("claim {}", c.text);
        let first = c.text.split('–').next().unwrap_or(&c.text);
        if !c.cite.sentence.to_lowercase().contains(&first.to_lowercase()) {
            problems.push(Problem { exchange: "claims".into(), message: format!("{what}: not in its sentence") });
        }
        cite_ok("claims", &what, &c.cite, &mut problems);
    }
    problems
}
