//! Questions as users type them, and the slots each must yield.

use chrono::NaiveDate;

use super::*;
use crate::lang::dates::Period;
use crate::lang::{Category, Side};

fn q(text: &str) -> Question {
    understand(text, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), &|_| None)
}

fn day(y: i32, m: u32, d: u32) -> Period {
    Period::Day { date: NaiveDate::from_ymd_opt(y, m, d).unwrap() }
}

#[test]
fn measures() {
    let cases = [
        ("How many POWs were swapped on 19 March 2025?", Measure::Count),
        ("How many prisoners did Ukraine get back over the three days of the May 2025 exchange?", Measure::Total),
        ("Who brokered the February 2025 swap?", Measure::Mediator),
        ("what were the figures for each day of the 500-for-500 exchange", Measure::Count),
        ("give me the numbers for the 19 march 2025 swap", Measure::Count),
        ("Who brokered the largest exchange?", Measure::Mediator),
        ("Where do freed Russian soldiers get medical checks?", Measure::Place),
        ("When did the 1,000-for-1,000 exchange begin?", Measure::Date),
        ("When did they exchange 372 prisoners?", Measure::Date),
        ("what was the date of the 115-for-115 swap right after the Kursk incursion?", Measure::Date),
        ("Which exchange was the largest?", Measure::Describe),
        ("What was the most recent exchange?", Measure::Describe),
        ("How many prisoner swaps had there been since 2022 as of March 2025?", Measure::Claim),
        ("How many Ukrainian captives is Russia believed to hold?", Measure::Claim),
        ("date of the 20-for-20 swap that included guys held in olenivka?", Measure::Date),
        ("what day was taira captured by the russians", Measure::Search),
        ("list the civilians ukraine got back on independence day 2025", Measure::Person),
        ("list the exchanges in which civilians were freed", Measure::List),
        ("was the 4 feb 2023 swap an even trade?", Measure::Count),
        ("According to Medinsky, out of roughly how many prisoners were the Ukrainians picked?", Measure::Search),
        ("Where did Qatar host the twenty Ukrainian and Russian families in April 2024?", Measure::Search),
        ("which country mediated getting ukrainian kids home from russia in october 2023?", Measure::Search),
        ("how many children were among the 103 freed?", Measure::Count),
        ("how many ukrainians were still held in russia in september 2022?", Measure::Claim),
        ("List every exchange in 2025", Measure::List),
        ("which 2023 swaps were lopsided, with one side getting more people back than the other?", Measure::List),
        ("Was the March 2025 exchange bigger than the one in February 2025?", Measure::Compare),
        ("did more ukrainians come home on nov 3 2022 or oct 29 2022", Measure::Compare),
        ("What did Peskov say about Zelensky's readiness for talks?", Measure::Quote),
        ("how did russias defence ministry describe the 50 soldiers it got back on jan 8 2023", Measure::Quote),
        ("Which US citizen was freed in the December 2022 swap?", Measure::Person),
        ("How many drones did Russia launch overnight after the Putin call?", Measure::Search),
        ("did russia get anyone back in june 2023?", Measure::Count),
        ("how many people changed hands in total on 11 june 2023", Measure::Total),
        ("What happened on 23 May 2025?", Measure::Describe),
        ("when did 1,000 bodies come back in october 2025", Measure::Claim),
        ("when was the body of joshua alan jones handed over", Measure::Date),
        ("how many people does kyiv hope to free under the deal", Measure::Claim),
        ("who announced the plan to free 1,200 ukrainians", Measure::Claim),
        ("did russia actually hand over all 23 wounded putin talked about in march 2025?", Measure::Claim),
        ("in june 2025 which single handover of bodies was the biggest?", Measure::Claim),
        ("which number exchange was the independence day 2025 swap", Measure::Claim),
        // Ages are in the sentences, not in any exchange's figures.
        ("oldest soldier freed on 2 october 2025?", Measure::Search),
        ("How old was the youngest person freed on 14 August 2025?", Measure::Search),
        ("When did Ukraine get back 22 soldiers, the oldest of them 54?", Measure::Date),
        // The counts sources gave for a swap, not the swap's place in the count.
        ("For the 8 February 2024 swap, what number did Moscow give?", Measure::Count),
        ("how many were swapped in may 2025", Measure::Count),
    ];
    for (text, want) in cases {
        assert_eq!(q(text).measure, want, "{text}");
    }
}

#[test]
fn filters() {
    let x = q("How many wounded Ukrainians did Russia hand over in March 2025?");
    assert_eq!((x.filter.recipient, x.filter.category), (Some(Side::Ukraine), Some(Category::Wounded)));
    let x = q("How many civilians were among those Russia got back on 23 May 2025?");
    assert_eq!((x.filter.recipient, x.filter.category), (Some(Side::Russia), Some(Category::Civilians)));
    assert_eq!(q("How many Ukrainians had come home after the first two days of the swap?").select.first_days, Some(2));
    assert!(q("How many came back in total in the three-day exchange in May 2025?").select.whole);
    assert!(q("How many people did Russia and Ukraine release altogether on 14 August 2025?").filter.both);
    // Sides set against each other: both, side by side.
    assert_eq!(q("On 4 May 2023, how many did Ukraine get back versus Russia?").filter.recipient, None);
    assert_eq!(q("How many Russians did Ukraine release on 4 May 2023?").filter.recipient, Some(Side::Russia));
    // A side that frees people may be freeing its own: no side, both shown.
    assert_eq!(q("How many soldiers did Ukraine free on October 11, 2022?").filter.recipient, None);
    assert_eq!(q("How many soldiers did Russia hand over on 11 October 2022?").filter.recipient, Some(Side::Ukraine));
    let x = q("By June 2024, how many captives had been exchanged through the UAE's mediation?");
    assert_eq!(x.claim, Some(ClaimKind::SwappedTotal));
    // A running total up to a day, not that year's sum.
    let x = q("how many ukrainians had come home in total by the end of 2024?");
    assert!(x.select.periods.is_empty() && x.select.as_of.is_some(), "{:?}", x.select);
    let x = q("what was ukraine's total number returned from captivity as of the end of 2024?");
    assert!(x.select.periods.is_empty() && x.select.as_of.is_some(), "{:?}", x.select);
    assert_eq!(x.filter.recipient, Some(Side::Ukraine));
    // Company, not a sum.
    assert_eq!(q("How many Azov fighters were released together with Maksym Butkevych?").measure, Measure::Count);
    let x = q("In the swap of 3 January 2024, which side got more people back?");
    assert_eq!((x.measure, x.filter.recipient), (Measure::Count, None));
    // The state before a ministry is its side, not a second speaker.
    let x = q("How many Ukrainian prisoners did Russia's defence ministry say it handed over on 4 February 2023?");
    assert_eq!(x.filter.reporter.as_ref().and_then(|r| r.side), Some(Side::Russia));
    // "from Russian captivity" names who held them, not who got them back.
    let x = q("How many people had Ukraine brought home from Russian captivity by the end of 2023?");
    assert_eq!(x.claim, Some(ClaimKind::ReturnedTotal(Side::Ukraine)));
    // A running total up to an exchange named by anything but a date.
    let x = q("After the 205-for-205 exchange, how many Ukrainians had been returned from captivity in total?");
    assert!(x.select.as_of_exchange && x.claim.is_some(), "{:?}", x.select);
    // A mediator as the source, and its tally "through its mediation" as of a swap.
    let x = q(
        "According to the UAE, how many prisoners had been exchanged through its mediation after the August 2024 swap?",
    );
    assert_eq!(x.claim, Some(ClaimKind::SwappedTotal));
    assert!(x.select.as_of.is_some() && x.filter.reporter.is_some_and(|r| r.names == ["united arab emirates"]));
    // A running total asked for by name, as it stood after an exchange named by its place in the count.
    let x = q("What was Kyiv's running total of people returned after the 52nd exchange in May 2024?");
    assert_eq!((x.measure, x.claim), (Measure::Claim, Some(ClaimKind::ReturnedTotal(Side::Ukraine))));
    assert!(x.select.periods.is_empty() && x.select.as_of.is_some(), "{:?}", x.select);
    // An ordinal names the stage, not the people.
    assert_eq!(q("how many civilians in the first stage of the 1000 for 1000 swap").filter.group, ["civilian"]);
    // "as of the feb 5 2025 swap": the running total that day left.
    let x = q("how many ukrainians had been returned from captivity in total as of the feb 5 2025 swap");
    assert_eq!(x.select.as_of, Some(day(2025, 2, 5)));
    // Typed without its apostrophe, "whats" still opens the question.
    let x = q("whats the uae's running total of captives exchanged through its mediation after the 103 for 103");
    assert_eq!((x.measure, x.claim), (Measure::Claim, Some(ClaimKind::SwappedTotal)));
    let x = q("What was Turkey's cumulative tally of captives swapped after its March 2023 mediation?");
    assert_eq!(x.claim, Some(ClaimKind::SwappedTotal));
    // A running total given to find the swap it followed: the swap is asked for.
    let x = q("Kyiv's running total was given as 2,300 after one 2023 swap - which swap was it?");
    assert!(x.select.as_of.is_none() && x.claim.is_none(), "{:?}", x.select);
    // A nationality before a ministry is its side, not a speaker named "Russian".
    let x = q("According to the Russian Defence Ministry, how many servicemen came back on 8 February 2024?");
    let r = x.filter.reporter.expect("a reporter");
    assert_eq!((r.side, r.names.iter().any(|n| n.contains("ministry"))), (Some(Side::Russia), true));
    let x = q("How many Ukrainians came home on 30 December 2024 according to Zelenskyy?");
    assert_eq!(x.filter.reporter.as_ref().and_then(|r| r.side), Some(Side::Ukraine));
    assert_eq!(q("how many women were in the nye 2022 swap").filter.group, ["women"]);
    // A group asked about without "how many" of it.
    let x = q("Were there women among those returned to Ukraine on 3 January 2024? How many?");
    assert_eq!((x.measure, x.filter.group.as_slice()), (Measure::Count, ["women".to_string()].as_slice()));
    let x = q("mariupol defenders on the last day of the 1000 for 1000?");
    assert_eq!((x.measure, x.filter.group.as_slice()), (Measure::Count, ["mariupol".to_string()].as_slice()));
    assert!(q("yermak quote about the guys freed on the 2nd day of the 1000-for-1000").filter.group.is_empty());
    assert!(q("30 dec 2024 swap: how much bigger was kyivs number than moscows?").filter.group.is_empty());
    let x = q("march 2023 swap numbers according to ukraine vs according to the russian defence ministry?");
    assert!(x.filter.reporter.is_none() && x.filter.recipient.is_none(), "{:?}", x.filter);
    let x = q("National Guard count in the 30 December 2024 exchange?");
    assert_eq!(
        (x.measure, x.filter.group.as_slice()),
        (Measure::Count, ["national".to_string(), "guard".to_string()].as_slice())
    );
    assert_eq!(q("how many officers among the 45 azov fighters released in may 2023?").filter.group, ["officers"]);
    assert_eq!(q("how many servicewomen were in the 86-for-86 exchange").filter.group, ["women"]);
    assert_eq!(q("how many of the guys freed on june 29 2022 were azovstal defenders").filter.group, ["azovstal"]);
    assert_eq!(q("of the feb 8 2024 returnees how many had defended azovstal").filter.group, ["azovstal"]);
    assert_eq!(
        q("how many civilian sailors did russia get back in the all-female swap?").filter.group,
        ["civilian", "sailors"]
    );
    assert!(q("compare what kyiv and moscow said about the 31 dec 2022 exchange").filter.reporter.is_none());
    // The speaker after "what figure did", not the month before it.
    let r = q("4 Feb 2023: what figure did Russia's defence ministry give").filter.reporter.expect("a reporter");
    assert_eq!((r.side, r.names.iter().any(|n| n.contains("ministry"))), (Some(Side::Russia), true));
}

#[test]
fn month_ranges_are_one_period() {
    let span = |y: i32, m1: u32, m2: u32, d2: u32| Period::Span {
        from: NaiveDate::from_ymd_opt(y, m1, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(y, m2, d2).unwrap(),
    };
    assert_eq!(q("list the prisoner exchanges from oct to dec 2022").select.periods, [span(2022, 10, 12, 31)]);
    assert_eq!(q("list the swaps october to december 2022").select.periods, [span(2022, 10, 12, 31)]);
    assert_eq!(q("which exchanges happened between march and may 2025").select.periods, [span(2025, 3, 5, 31)]);
}

#[test]
fn a_rank_is_no_description() {
    let x = q("When did Kyiv and Moscow carry out their fourth prisoner exchange of the war?");
    assert_eq!(x.select.rank, Some(Rank::Nth(4)));
    assert!(x.select.descriptors.is_empty(), "{:?}", x.select.descriptors);
    // "how big was it" asks for a size, it names no exchange.
    let x = q("when was the first prisoner swap of 2024 and how big was it?");
    assert!(x.select.descriptors.is_empty(), "{:?}", x.select.descriptors);
    // The full-scale war is the war; a "proper" exchange is any exchange; a "full" one is of a kind.
    let x = q("when was the first proper prisoner of war exchange of the full-scale war?");
    assert!(x.select.descriptors.is_empty(), "{:?}", x.select.descriptors);
    assert_eq!(q("Who announced the first full prisoner-of-war exchange in March 2022?").select.descriptors, ["full"]);
}

#[test]
fn selectors() {
    let x = q("How many were freed on the last day of the 1000-for-1000 swap?");
    assert_eq!((x.select.stage, x.select.n_for_n), (Some(StageRef::Last), Some(1000)));
    assert_eq!(q("how many pows in the forty-five-for-forty-five swap").select.n_for_n, Some(45));
    assert_eq!(q("wen did kyiv get back 12 ppl while moscow got 9").select.values, [12, 9]);
    assert_eq!(q("when was the first prisoner swap of 2023").select.rank, Some(Rank::Nth(1)));
    // A total as of an exchange named by its rank or its holiday.
    assert!(q("as of the 50th exchange, how many ukrainians had been returned in total?").select.as_of_exchange);
    let x = q("total number of people brought home per Zelensky as of the Easter 2025 exchange?");
    assert!(x.select.as_of_exchange && x.claim.is_some(), "{:?}", x.select);
    let x = q("after the 103-for-103 in sept 2024, when was the next swap and how big was it");
    assert_eq!(x.select.neighbour, Some(Neighbour::After));
    let x = q("When was the next exchange after the 51st, and how many came back?");
    assert_eq!((x.select.rank, x.select.neighbour), (Some(Rank::Nth(51)), Some(Neighbour::After)));
    assert_eq!(q("which was the oldest swap you know of").select.rank, Some(Rank::Nth(1)));
    // An age, not the earliest exchange: the articles' sentences answer it.
    let oldest = q("How old was the oldest of the freed men on 3 March 2023?");
    assert_eq!((oldest.select.rank, oldest.measure), (None, Measure::Search));
    let after = q("when was the first pow swap after the 2 oct 2025 one");
    assert_eq!((after.select.neighbour, after.select.rank), (Some(Neighbour::After), None));
    assert_eq!(q("where do the russian pows go after the may 6 2025 swap").select.neighbour, None);
    assert_eq!(q("what came next after the independence day 2025 exchange?").select.neighbour, Some(Neighbour::After));
    // A size named with a hyphen is no count of swaps; the question after the clause asks a date.
    let next = q("after the 84-person exchange in aug 2025, when was the next swap and how big was it?");
    assert_eq!(
        (next.select.neighbour, next.measure, next.select.values.clone()),
        (Some(Neighbour::After), Measure::Date, vec![84])
    );
    // "the three stages" counts no one.
    assert!(
        q("what were the three stages of the 1000 for 1000 and how many came back each day").select.values.is_empty()
    );
    assert_eq!(
        q("What exchange preceded the 101-for-101 swap in February 2023?").select.neighbour,
        Some(Neighbour::Before)
    );
    // "after" a day starts the day after it; "since" it includes it.
    let after = q("what was the first swap after 24 august 2024");
    let from = after.select.periods.first().and_then(|p| p.bounds()).map(|b| b.0.to_string());
    assert_eq!(from.as_deref(), Some("2024-08-25"));
    // Easter with the years beside it: each year's Easter weekend.
    let easter = q("Which Easter exchange brought more Ukrainians home, the 2023 one or the 2025 one?");
    let days: Vec<String> = easter.select.periods.iter().filter_map(|p| p.bounds()).map(|b| b.0.to_string()).collect();
    assert_eq!(days, ["2023-04-14", "2025-04-18"]);
    let before = q("which swap came right before the 95-for-95 one in july 2024?");
    assert_eq!((before.select.neighbour, before.select.n_for_n), (Some(Neighbour::Before), Some(95)));
    assert!(before.select.descriptors.is_empty(), "{:?}", before.select.descriptors);
    assert_eq!(
        q("How many Ukrainian service members came home on 14 and 31 December 2022 combined?").select.periods,
        [day(2022, 12, 14), day(2022, 12, 31)]
    );
    assert_eq!(q("How many prisoners were swapped on Christmas Day 2023?").select.periods, [day(2023, 12, 25)]);
    assert_eq!(q("How many were exchanged on 31 February 2025?").impossible_date.as_deref(), Some("31 February"));
}

#[test]
fn two_groups_set_side_by_side_ask_for_the_breakdown() {
    for text in [
        "how many civilians vs military were among the 84 returned aug 14 2025",
        "officers versus privates among the 205?",
    ] {
        let got = q(text);
        assert!(
            got.filter.breakdown && got.filter.group.is_empty() && got.filter.category.is_none(),
            "{text}: {:?}",
            got.filter
        );
    }
    // "at least 1,200": a bound on a number, no smallest exchange asked for.
    assert_eq!(q("how many were freed in the swap of at least 1,200 per side?").select.rank, None);
}

#[test]
fn the_next_day_is_a_second_day_beside_the_one_named() {
    let got = q("was the sept 13 2024 return bigger or smaller than the swap the next day?");
    assert_eq!(got.select.periods, [day(2024, 9, 13), day(2024, 9, 14)]);
    let got = q("how many came home on 25 may 2025 compared with the previous day");
    assert_eq!(got.select.periods, [day(2025, 5, 25), day(2025, 5, 24)]);
}

#[test]
fn how_people_went_describes_no_exchange() {
    let got = q("how many wounded russians went the other way on top of the 246 at easter 2025?");
    assert!(got.select.descriptors.is_empty(), "{:?}", got.select.descriptors);
}
