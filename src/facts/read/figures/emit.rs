//! A read count becomes what it is: an exchange figure, a plan, a running
//! total or a count of bodies, each with its citation.

use super::*;

/// Turns a read count into an observation or a claim.
pub(super) fn emit(
    ctx: &Context,
    s: &Sentence,
    c: &Count,
    r: &Read,
    who: &Reporter,
    today: chrono::NaiveDate,
    out: &mut ArticleFacts,
) {
    // "the parties had agreed to exchange 314 prisoners": a plan names no side.
    // "its efforts have now led to the release of 2,883 prisoners in total", says
    // the UAE: a mediator counts people both ways together.
    let mediator_speaks = who.side.is_none()
        && (crate::lang::lexicon::names::is_mediator(&who.name)
            || s.tags.iter().any(|t| matches!(t.tag, Tag::Mediator(_))));
    let recipient = match (r.recipient, r.kind) {
        (Some(recipient), _) => recipient,
        (None, Kind::Planned) => Recipient::Combined,
        (None, Kind::Cumulative(_)) if mediator_speaks => Recipient::Combined,
        // "Zelensky said 4,552 people … have now been returned", "Kyiv's running total:
        // 3,956 people returned": a side's running total is of its own people.
        (None, Kind::Cumulative(_)) if c.thing.is_none() && who.side.is_some() => {
            who.side.map(Recipient::To).unwrap_or(Recipient::Combined)
        }
        (None, _) => return,
    };
    let figure = Figure {
        value: r.value,
        text: c.text.clone(),
        approx: c.approx.clone(),
        recipient,
        category: r.category,
        terms: c.terms.clone(),
        part: r.part,
        reporter: who.clone(),
        confidence: r.confidence,
        cite: ctx.cite(s),
    };
    let observe = |fact: Fact, out: &mut ArticleFacts| {
        out.observations.push(Observation { date: r.date, fact, inferred: r.inferred, guessed: false });
    };
    let as_of = match r.date {
        Some(ExchangeDate::Day(d)) => d,
        // Under a month's heading: as of its end, or of publication if sooner.
        Some(month @ ExchangeDate::Month { .. }) => month.bounds().1.min(today),
        None => today,
    };
    // "Ukraine retrieved nearly 1,600 prisoners of war in 2022", in an op-ed about a
    // swap of March: a year's total is as of the year's end, or of publication if sooner.
    let as_of = match r.kind {
        Kind::Cumulative(Scope::Since { from }) if chrono::Datelike::ordinal(&from) == 1 => {
            chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&from), 12, 31)
                .map_or(as_of, |end| end.min(ctx.article.published).max(as_of))
        }
        _ => as_of,
    };
    let claim = |kind: ClaimKind, scope: Scope| Claim {
        kind,
        scope,
        low: r.value,
        high: None,
        text: c.text.clone(),
        approx: c.approx.clone(),
        reporter: who.clone(),
        as_of,
        cite: ctx.cite(s),
    };
    let side = match recipient {
        Recipient::To(side) => Some(side),
        _ => None,
    };
    match r.kind {
        Kind::Exchanged | Kind::Part if r.confidence >= Confidence::Medium => observe(Fact::Figure(figure), out),
        Kind::Planned => {
            // A side named, or what an exchange would free: a plan worth answering with.
            if c.thing.is_none() && (r.recipient.is_some() || kind::plan_object(s, c)) {
                out.claims.push(claim(ClaimKind::Planned(recipient), Scope::Unstated));
            }
            if r.recipient.is_some() {
                observe(Fact::Planned(figure), out);
            }
        }
        Kind::Cumulative(Scope::Stages) => {
            if let Some(side) = side {
                out.claims.push(claim(ClaimKind::ReturnedTotal(side), Scope::Stages));
            }
            observe(Fact::SeriesTotal(figure), out);
        }
        // "Doha has helped at least 20 children home since October": children brought home
        // are no prisoners returned, so no running total of them.
        Kind::Cumulative(_) if c.terms.iter().any(|t| crate::lang::lexicon::people::CHILDREN.contains(&t.as_str())) => {
        }
        Kind::Cumulative(scope) => {
            let scope = year_scope(s, c).unwrap_or(scope);
            match (side, recipient) {
                (Some(side), _) => out.claims.push(claim(ClaimKind::ReturnedTotal(side), scope)),
                (None, Recipient::Combined) => out.claims.push(claim(ClaimKind::SwappedTotal, scope)),
                _ => {}
            }
        }
        Kind::Bodies => {
            if let Some(side) = side {
                out.claims.push(claim(ClaimKind::Bodies(side), kind::bodies_scope(s, c, today)));
            }
        }
        _ => {}
    }
}
