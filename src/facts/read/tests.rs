//! Reading whole articles: each case is a body and the figures it must (and
//! must not) yield.

use super::*;
use crate::corpus;
use crate::facts::model::{ClaimKind, Recipient, Scope};

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

#[test]
fn plans_holdings_and_counts_of_swaps_are_claims_not_figures() {
    let f = read(
        "2024-07-18",
        "Russia and Ukraine swapped 90 prisoners of war each on Wednesday, the defence ministry in Moscow said.\n\nThe exchange, brokered by the United Arab Emirates, was the 54th of the war.\n\nLast month President Vladimir Putin told officials that Russia was holding 6,465 Ukrainian servicemen.\n\nUkraine's Interior Ministry says more than 8,000 Ukrainians are still in Russian captivity.\n\nThe sides had agreed to exchange 314 prisoners, an envoy wrote, and the wounded would receive care in Belarus for 30 days.",
    );
    assert_eq!(figures(&f), [("2024-07-17".to_string(), 90, Recipient::Each, false)]);
    let claims: Vec<(ClaimKind, u64, String)> = f.claims.iter().map(|c| (c.kind, c.low, c.as_of.to_string())).collect();
    assert!(claims.contains(&(ClaimKind::SwapCount, 54, "2024-07-17".into())), "{claims:?}");
    // Held as of the month it was said in, not the article's day.
    assert!(claims.contains(&(ClaimKind::Held(Side::Ukraine), 6465, "2024-06-30".into())), "{claims:?}");
    assert!(claims.contains(&(ClaimKind::Held(Side::Ukraine), 8000, "2024-07-17".into())), "{claims:?}");
    assert!(claims.contains(&(ClaimKind::Planned(Recipient::Combined), 314, "2024-07-17".into())), "{claims:?}");
    // "30 days" is no plan to free anyone.
    assert!(!claims.iter().any(|c| c.1 == 30), "{claims:?}");
}

#[test]
fn a_multi_day_roundup_dates_each_day_by_its_heading() {
    let f = read(
        "2025-05-27",
        "Kyiv and Moscow finished the \"500 for 500\" swap agreed at talks reached in Geneva on 10 May.\n\nFirst day - Thursday, 22 May\nOne hundred and eighty Ukrainians came home. Moscow's Defence Ministry reported 150 soldiers and 30 civilians returned to its side.\n\nSecond day - Friday, 23 May\nKyiv said 320 more came back, and that it expected the last group on Saturday and Sunday. The Defence Ministry in Moscow reported 320 of its servicemen returned. According to Ukraine's Coordination Headquarters, all 320 were men.",
    );
    let got = figures(&f);
    let (ua, ru) = (Recipient::To(Side::Ukraine), Recipient::To(Side::Russia));
    assert!(got.contains(&("2025-05-22".into(), 180, ua, false)), "{got:?}");
    // Joined by "and" to a count that went "to its side": Russia's, not Ukraine's.
    assert!(got.contains(&("2025-05-22".into(), 150, ru, false)), "{got:?}");
    assert!(got.contains(&("2025-05-23".into(), 320, ua, false)), "{got:?}");
    assert!(got.contains(&("2025-05-23".into(), 320, ru, false)), "{got:?}");
    // Kyiv's headquarters on "all 320": Kyiv's own people.
    assert!(got.contains(&("2025-05-23".into(), 320, ua, true)), "{got:?}");
    // The deal's name is no day's figure; the day of the talks and the planned days date nothing.
    assert!(!got.iter().any(|g| g.1 == 500 || g.0 == "2025-05-10" || g.0 == "2025-05-24"), "{got:?}");
}

#[test]
fn a_roundup_dates_each_entry_by_its_heading_and_keeps_holdings_out() {
    let f = read(
        "2024-10-19",
        "Here is what has happened since August.\n\n24 August - 115 for 115\nOn Ukraine's Independence Day each side released 115 prisoners of war.\n\n14 September - 103 for 103\nThe next day the two countries traded 103 prisoners each. Zelensky said 21 of the Ukrainians were officers.\n\nHow many are still held?\nIn January, Kyiv reported that about 8,000 Ukrainians were prisoners, including more than 1,600 civilians. By one agency's count, 103 Russians have been released in the past 96 hours.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-09-14".into(), 103, Recipient::Each, false)), "{got:?}");
    assert!(got.contains(&("2024-09-14".into(), 21, Recipient::To(Side::Ukraine), true)), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == "2024-08-24" && g.1 != 115), "{got:?}");
    // How many are held, and a running total of the past days, are no exchange figures.
    assert!(!got.iter().any(|g| g.1 == 8000 || g.1 == 1600), "{got:?}");
    assert_eq!(got.iter().filter(|g| g.1 == 103).count(), 2, "{got:?}");
}

#[test]
fn a_years_total_is_a_claim_since_its_first_day() {
    use crate::facts::model::Scope;
    let f = read(
        "2025-01-02",
        "In 2024, Russia released a total of 1,358 Ukrainians through swaps, and since the full-scale invasion began 3,956 people have been brought home.\n\nUkraine recovered nearly 1,600 prisoners of war over the course of 2022, the ministry said.\n\nThe first prisoner exchange of 2025 took place on Wednesday, a 25-for-25 swap.\n\nIn June, Putin claimed that Russia was holding 6,465 Ukrainian soldiers while Ukraine held 1,348 Russian service members.",
    );
    let scope = |v: u64| f.claims.iter().find(|c| c.low == v).map(|c| c.scope);
    let since = |y: i32| Some(Scope::Since { from: NaiveDate::from_ymd_opt(y, 1, 1).expect("a day") });
    assert_eq!(scope(1358), since(2024));
    assert_eq!(scope(1600), since(2022));
    assert_eq!(scope(3956), Some(Scope::War));
    assert!(figures(&f).iter().any(|g| g.1 == 25), "{:?}", figures(&f));
    let held: Vec<(ClaimKind, u64)> =
        f.claims.iter().filter(|c| matches!(c.kind, ClaimKind::Held(_))).map(|c| (c.kind, c.low)).collect();
    assert_eq!(held, [(ClaimKind::Held(Side::Ukraine), 6465), (ClaimKind::Held(Side::Russia), 1348)]);
}

#[test]
fn a_list_under_a_colon_breaks_down_the_group_just_counted() {
    let f = read(
        "2024-12-31",
        "The headquarters published details of the 189 Ukrainians released from Russian captivity on 30 December.\n\nBy service, the group was made up of:\n- 87 soldiers of the Armed Forces of Ukraine;\n- 33 border guards;\n- two civilians.\n\nAll 189 were men; 40 had defended Mariupol.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2024-12-30".into(), 189, ua, false)), "{got:?}");
    // Parts, not a second head count of 87.
    for v in [87, 33, 2, 40] {
        assert!(got.contains(&("2024-12-30".into(), v, ua, true)), "{v}: {got:?}");
    }
    assert!(!got.iter().any(|g| g.1 == 87 && !g.3), "{got:?}");
}

#[test]
fn the_same_day_is_the_day_named_before() {
    let f = read(
        "2023-07-07",
        "A medic's two children were taken to Russia after she was captured. On Thursday, 6 July, they crossed back into Ukraine.\n\nThe children came back on the same day as a prisoner exchange. Ukraine's Coordination Headquarters said 45 Ukrainians returned.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2023-07-06".into(), 45, Recipient::To(Side::Ukraine), false)), "{got:?}");
}

#[test]
fn an_office_before_a_name_makes_a_speaker() {
    let f = read(
        "2025-10-03",
        "Ukraine brought home 185 soldiers on Thursday. Ukraine's Interior Minister Ihor Klymenko said 58 of those released belong to the interior ministry system.",
    );
    let part = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 58 => Some(x.clone()),
        _ => None,
    });
    let part = part.expect("58 read");
    assert_eq!((part.reporter.name.as_str(), part.reporter.side, part.part), ("Klymenko", Some(Side::Ukraine), true));
    assert!(part.describes(&["interior".into(), "ministry".into(), "system".into()]), "{:?}", part.terms);
    // "How many were military": service members, soldiers and troops are the military.
    let f = read("2025-08-15", "Ukraine brought 84 people home on Thursday: 33 service members and 51 civilians.");
    let military = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 33 => Some(x.clone()),
        _ => None,
    });
    assert!(military.expect("33 read").describes(&["military".into()]));
}

#[test]
fn the_day_a_side_spoke_is_not_the_day_of_the_exchange() {
    let f = read(
        "2022-09-22",
        "Ukraine has brought 215 people home in the largest exchange of the war. Andriy Yermak said late on Wednesday, Sept. 21, that 108 of those released were fighters of the Azov Regiment.\n\nRussia's Defence Ministry said on Thursday that 55 servicemen had returned to Russia.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2022-09-21".into(), 55, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == "2022-09-22"), "{got:?}");
}

#[test]
fn a_date_alone_on_its_line_dates_the_entry_under_it() {
    let f = read(
        "2025-10-06",
        "Below are selected milestones.\n\n14 August 2025\n84 for 84, the day before the summit in Alaska.\n\n2 October 2025\n185 for 185, with 20 civilians also returned to each side.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-08-14".into(), 84, Recipient::Each, false)), "{got:?}");
    assert!(got.contains(&("2025-10-02".into(), 185, Recipient::Each, false)), "{got:?}");
}

#[test]
fn a_fact_checked_claim_rated_false_yields_nothing() {
    let f = read(
        "2023-06-14",
        "Claim: A post shared widely says Russia and Ukraine swapped exactly 100 prisoners each on 11 June 2023, and that Kyiv has now got back \"more than 5,000\" people.\n\nVerdict: FALSE on the swap figures.\n\nOn Sunday 11 June, Andriy Yermak said 95 Ukrainians had come home.",
    );
    let got = figures(&f);
    assert_eq!(got, [("2023-06-11".to_string(), 95, Recipient::To(Side::Ukraine), false)]);
    assert!(!f.claims.iter().any(|c| c.low == 5000), "{:?}", f.claims);
}

#[test]
fn a_breakdown_after_its_own_head_count_takes_that_counts_side() {
    let f = read(
        "2023-02-20",
        "Sixty Russian soldiers were brought back from Ukrainian-held territory on Sunday, the ministry in Moscow said.\n\nOleksandr Kubrakov wrote that sixty Ukrainian soldiers had come home in the same deal: forty-one privates and nineteen officers.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2023-02-19".into(), 60, Recipient::To(Side::Russia), false)), "{got:?}");
    for v in [41, 19] {
        assert!(got.contains(&("2023-02-19".into(), v, ua, true)), "{v}: {got:?}");
    }
}

#[test]
fn a_day_named_earlier_in_the_paragraph_dates_the_counts_after_it() {
    let f = read(
        "2024-01-06",
        "The last swap of the year was on 9 October, when 30 soldiers came home.\n\nThe wait ended on Thursday, 4 January. Kyiv says 210 Ukrainians came home; Russia's defence ministry says 190 of its servicemen were returned. Among those freed were nine defenders of Mariupol.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-01-04".into(), 210, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2024-01-04".into(), 190, Recipient::To(Side::Russia), false)), "{got:?}");
    // Defenders are Ukraine's, though Moscow's 190 came last.
    assert!(got.contains(&("2024-01-04".into(), 9, Recipient::To(Side::Ukraine), true)), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == "2023-10-09" && g.1 != 30), "{got:?}");
}

#[test]
fn parts_opening_a_sentence_and_sides_given_in_return() {
    let f = read(
        "2024-10-21",
        "As a result of talks, 64 Russian servicemen have been returned, the ministry said on Saturday, in line with the agreements of 2 June. In return, 64 prisoners of war from the Ukrainian armed forces were handed over.\n\nThirty had defended Kharkiv region, twenty of them near Vovchansk. Also freed were five soldiers convicted by Russian courts and two border guards.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2024-10-19".into(), 64, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(got.contains(&("2024-10-19".into(), 64, ua, false)), "{got:?}");
    // "Thirty had defended …" is a part; "by Russian courts" names no one's side.
    for v in [30, 20, 5, 2] {
        assert!(got.contains(&("2024-10-19".into(), v, ua, true)), "{v}: {got:?}");
    }
    assert!(!got.iter().any(|g| g.0 == "2024-06-02"), "{got:?}");
}

#[test]
fn a_qa_question_and_a_markdown_heading_date_what_is_under_them() {
    let f = read(
        "2024-05-20",
        "**What happened over the weekend?**\n\nOn Friday, 17 May, 60 Ukrainians were released. On Saturday, 18 May, Russia and Ukraine each handed over 80 prisoners of war.\n\n**Who came back on Friday?**\n\nZelensky said the 60 included soldiers and civilians. The headquarters said 12 of them were women.\n\n**And on Saturday?**\n\nRussia's defence ministry said the 80 Russians it received were in Belarus.\n\n### 2 April 2024 — the spring swap, 40 home and 40 to Russia\n\nYermak announced the return of 40 people.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2024-05-17".into(), 12, ua, true)), "{got:?}");
    assert!(got.contains(&("2024-05-18".into(), 80, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(got.contains(&("2024-04-02".into(), 40, ua, false)), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == "2024-05-18" && g.1 == 12), "{got:?}");
}

#[test]
fn a_mediators_tally_of_both_ways_is_a_claim_of_its_own() {
    let f = read(
        "2024-06-26",
        "Russia and Ukraine swapped 90 prisoners each on Tuesday. The UAE foreign ministry said it was its seventh mediation and that 1,750 captives have now been exchanged through its efforts.",
    );
    let claims: Vec<(ClaimKind, u64)> = f.claims.iter().map(|c| (c.kind, c.low)).collect();
    assert_eq!(claims, [(ClaimKind::SwappedTotal, 1750)]);
    assert!(!figures(&f).iter().any(|g| g.1 == 1750), "{:?}", figures(&f));
}

#[test]
fn ranks_joined_by_and_break_down_a_group_and_of_the_n_names_it() {
    let f = read(
        "2022-11-04",
        "Yermak said nine officers and 98 privates and sergeants had been returned on Thursday.\n\nZelensky said 150 soldiers and 12 civilians were home. Of the 150, 140 were privates and ten were officers.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    // Parts, not two accounts of one head count.
    assert!(
        got.contains(&("2022-11-03".into(), 9, ua, true)) && got.contains(&("2022-11-03".into(), 98, ua, true)),
        "{got:?}"
    );
    let civilians = |v: u64| {
        f.observations.iter().any(
            |o| matches!(&o.fact, Fact::Figure(x) if x.value == v && x.category == crate::lang::Category::Civilians),
        )
    };
    // "Of the 150": the soldiers' breakdown, not the civilians' read last.
    assert!(!civilians(140) && !civilians(10) && civilians(12), "{got:?}");
}

#[test]
fn the_military_beside_civilians_and_people_still_to_be_exchanged() {
    let f = read(
        "2025-05-26",
        "In the first stage on Friday Ukraine got back 390 people — 270 military and 120 civilians.\n\nMoscow said the plane had been carrying 40 Ukrainian prisoners of war to be exchanged.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(
        got.contains(&("2025-05-23".into(), 270, ua, true)) && got.contains(&("2025-05-23".into(), 120, ua, true)),
        "{got:?}"
    );
    assert!(!got.iter().any(|g| g.1 == 40), "{got:?}");
}

#[test]
fn a_dateline_and_a_quoted_today_do_not_date_the_exchange() {
    let f = read(
        "2024-08-26",
        "Monday, 26 August 2024\n\nNinety Ukrainian service members came home on Saturday, in an exchange mediated by the UAE.\n\n\"Another 90 of our defenders have returned home today,\" the president wrote. The ombudsman said 40 of the returnees had defended Mariupol.",
    );
    let got = figures(&f);
    assert!(!got.iter().any(|g| g.0 == "2024-08-26"), "{got:?}");
    assert!(got.contains(&("2024-08-24".into(), 40, Recipient::To(Side::Ukraine), true)), "{got:?}");
}

#[test]
fn a_table_rows_notes_are_read_dated_by_the_row() {
    let f = read(
        "2024-12-30",
        "DATE | RETURNED TO UKRAINE (UA) | RETURNED TO RUSSIA (RU) | MEDIATOR | NOTES\n\n14 September 2024 | 103 | 103 | UAE | Zelensky: 82 privates and sergeants and 21 officers from the Armed Forces. Moscow said its men were in Belarus.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2024-09-14".into(), 103, ua, false)), "{got:?}");
    assert!(
        got.contains(&("2024-09-14".into(), 82, ua, true)) && got.contains(&("2024-09-14".into(), 21, ua, true)),
        "{got:?}"
    );
}

#[test]
fn an_earlier_swap_named_in_a_paragraph_dates_what_is_said_of_it_next() {
    let f = read(
        "2025-03-21",
        "Russia and Ukraine each handed over 175 prisoners of war on Wednesday.\n\nWork on it began after the previous swap on 5 February. In that earlier exchange each side released 150 prisoners.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-02-05".into(), 150, Recipient::Each, false)), "{got:?}");
    assert!(got.contains(&("2025-03-19".into(), 175, Recipient::Each, false)), "{got:?}");
}

#[test]
fn a_paragraph_about_the_previous_swap_goes_on_about_it() {
    let f = read(
        "2025-10-03",
        "Russia and Ukraine each returned 185 soldiers on Thursday.\n\nThe previous exchange, on 24 August, fell on Independence Day. Moscow said 146 servicemen went each way. This time Kyiv also got back 20 civilians.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-08-24".into(), 146, Recipient::Each, false)), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == "2025-10-02" && g.1 == 146), "{got:?}");
    assert!(got.iter().any(|g| g.0 == "2025-10-02" && g.1 == 20), "{got:?}");
}

#[test]
fn a_sides_breakdown_of_unnamed_people_is_of_its_own() {
    let f = read(
        "2025-08-15",
        "Yesterday eighty-four Ukrainians came home, and Russia says it got eighty-four of its own people back. The Coordination Headquarters says 33 were military and 51 were civilians.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(
        got.contains(&("2025-08-14".into(), 33, ua, true)) && got.contains(&("2025-08-14".into(), 51, ua, true)),
        "{got:?}"
    );
}

#[test]
fn a_quoted_head_count_needs_no_verb_and_a_crash_toll_is_no_part() {
    let f = read("2024-01-04", "\"Two hundred and thirty of our people,\" Zelensky wrote on Wednesday, 3 January.");
    let got = figures(&f);
    assert!(got.contains(&("2024-01-03".into(), 230, Recipient::To(Side::Ukraine), false)), "{got:?}");
    // Neither the dead nor the soldiers among them were exchanged.
    let f = read(
        "2024-01-25",
        "Officials said all 70 people on board the plane were killed, including five crew members and four Russian soldiers.",
    );
    assert!(figures(&f).is_empty(), "{:?}", figures(&f));
}

#[test]
fn a_ministers_breakdown_and_a_unit_as_predicate_are_his_sides_service_members() {
    let f = read(
        "2025-04-20",
        "Ukraine brought home 246 soldiers on Saturday. Moscow said 15 wounded Russians were also returned. \
         Interior Minister Ihor Klymenko says 70 of the returnees belonged to his ministry: 66 national guardsmen and four border guards. \
         Another 40 were from the Navy.",
    );
    let ua = Recipient::To(Side::Ukraine);
    let got = figures(&f);
    for value in [70, 66, 4, 40] {
        assert!(got.contains(&("2025-04-19".into(), value, ua, true)), "{value}: {got:?}");
    }
    // After civilians, a part named by its rank is not a civilian.
    let f = read(
        "2025-10-03",
        "Zelensky said 185 soldiers and 20 civilians came home on Thursday. Of the soldiers, 183 are privates and sergeants.",
    );
    let privates = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 183 => Some(x.category),
        _ => None,
    });
    assert_eq!(privates, Some(crate::lang::lexicon::Category::Prisoners));
}

#[test]
fn a_correction_withdraws_what_the_earlier_version_said() {
    let f = read(
        "2025-08-16",
        "CORRECTION, 16 August 2025: An earlier version of this report said that 90 prisoners had been exchanged in total, 45 on each side. In fact each side released 90.\n\nRussia and Ukraine exchanged 90 prisoners each on Friday, 15 August, the latest in a run of swaps that has freed hundreds since the start of the year.",
    );
    let got = figures(&f);
    assert!(!got.iter().any(|g| g.1 == 45), "{got:?}");
    assert!(got.contains(&("2025-08-15".into(), 90, Recipient::Each, false)), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == "2025-08-16"), "{got:?}");
}

#[test]
fn a_claim_labelled_with_its_speaker_in_brackets_is_that_speakers() {
    let f = read(
        "2025-01-03",
        "Claim 1 (Russian Defence Ministry, 30 December): \"150 Russian servicemen were returned from territory controlled by the Kyiv regime.\"",
    );
    let who = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 150 => Some(x.reporter.side),
        _ => None,
    });
    assert_eq!(who, Some(Some(Side::Russia)));
}

#[test]
fn a_channels_posts_are_dated_by_the_stamp_line_under_each() {
    let f = read(
        "2024-06-01",
        "Zelensky: \"Another 60 of our people are home.\"\n👁 90K · 31.05 11:02\n\nThe previous one was on 8 February (100 came home).\n👁 80K · 31.05 12:50\n\nSaturday morning: the 60 released men have reached Kyiv hospitals.\n👁 70K · 01.06 09:10",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-05-31".into(), 60, Recipient::To(Side::Ukraine), false)), "{got:?}");
    // Neither the earlier swap nor a group named again makes an exchange of the day.
    assert!(!got.iter().any(|g| g.0 == "2024-06-01"), "{got:?}");
    assert!(!f.observations.iter().any(|o| o.date.is_some_and(|d| d.id() == "2024-06-01")), "{:?}", f.observations);
}

#[test]
fn a_wire_dateline_does_not_date_and_those_given_in_return_went_the_other_way() {
    let f = read(
        "2022-09-24",
        "KYIV, Sept 24 (Wire) - Ukraine has won the release of 215 people held by Russia, in return for 55 prisoners including a friend of Vladimir Putin, President Volodymyr Zelensky said.\n\nAnnouncing the deal in his nightly address on Wednesday, Zelensky said 108 of the freed were Azov fighters.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2022-09-21".into(), 215, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2022-09-21".into(), 55, Recipient::To(Side::Russia), false)), "{got:?}");
    let who = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 215 => Some(x.reporter.name.clone()),
        _ => None,
    });
    assert_eq!(who.as_deref(), Some("Zelenskyy"));
}

#[test]
fn a_two_day_heading_dates_by_its_first_day_and_the_missing_are_not_freed() {
    let f = read(
        "2024-01-10",
        "**21–22 September 2022**\n\n215 people freed by Russia, in return for 55 people.\n\nDay two - Saturday, 24 September\n\nAn outlet identified 129 conscripts who went missing or were taken prisoner.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2022-09-21".into(), 215, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(!got.iter().any(|g| g.1 == 129), "{got:?}");
}

#[test]
fn a_live_blogs_weekday_stamps_and_a_bulleted_breakdown_under_its_label() {
    let f = read(
        "2025-05-25",
        "Sat 24 May, 15:17\nStage two: 307 Ukrainian servicemen back from captivity.\n\nFri 23 May, 16:40\nZelensky confirms the first stage: 390 people home.\nCoordination HQ breakdown of today's 390:\n• 270 soldiers, 120 civilians\n• 19 Snake Island defenders, 10 Mariupol defenders",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2025-05-24".into(), 307, ua, false)), "{got:?}");
    assert!(got.contains(&("2025-05-23".into(), 390, ua, false)), "{got:?}");
    assert!(got.contains(&("2025-05-23".into(), 19, ua, true)), "{got:?}");
    let who = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 19 => Some(x.reporter.name.clone()),
        _ => None,
    });
    assert_eq!(who.as_deref(), Some("Coordination Headquarters"));
}

#[test]
fn the_nth_day_of_a_swap_is_counted_from_its_first() {
    let f = read(
        "2025-05-27",
        "On Friday 23 May each side released 390 people; on Saturday 24 May, 307; on Sunday 25 May, 303.\n\nOn the third day, Kyiv said, all 303 Ukrainians freed were servicemen.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-05-25".into(), 303, Recipient::To(Side::Ukraine), false)), "{got:?}");
}

#[test]
fn a_month_heading_dates_by_month_and_a_running_total_reports_no_swap() {
    let f = read(
        "2024-01-10",
        "**16 February 2023**\n\nYermak: 100 soldiers come home.\n\n**August 2023**\n\nThe last exchange of the year.\n\n**December 2023**\n\nKyiv says 2,598 people have been freed from Russian captivity in 48 exchanges so far.",
    );
    let total = f.claims.iter().find(|c| c.low == 2598).expect("2,598 read");
    assert_eq!(total.as_of.to_string(), "2023-12-31");
    let days: Vec<String> = f.observations.iter().filter_map(|o| o.date.map(|d| d.id())).collect();
    assert!(days.contains(&"2023-08".to_string()) && !days.contains(&"2023-12".to_string()), "{days:?}");
}

#[test]
fn a_byline_day_and_a_tally_after_a_measure_of_time() {
    let f = read(
        "2025-05-08",
        "By a contributing columnist · Thursday\n\nCompare that with what happened on Tuesday.\n\nThat day, for the fifth time this year, buses crossed the border. \"Today, Ukraine brought back 205 warriors,\" President Volodymyr Zelensky wrote, thanking the mediators.\n\nThis was the 64th exchange of a war that has lasted 38 months, and it brings the number of Ukrainians returned from captivity to 4,757.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-05-06".into(), 205, Recipient::To(Side::Ukraine), false)), "{got:?}");
    let who = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 205 => Some(x.reporter.name.clone()),
        _ => None,
    });
    assert_eq!(who.as_deref(), Some("Zelenskyy"));
    assert!(
        f.claims.iter().any(|c| c.low == 4757 && c.kind == ClaimKind::ReturnedTotal(Side::Ukraine)),
        "{:?}",
        f.claims
    );
}

#[test]
fn a_chronologys_days_with_weekdays_in_brackets_date_their_entries() {
    let f = read(
        "2023-04-18",
        "08.01.2023 (Sunday)\nThe first swap of the year: 50 for 50.\n\n4 February 2023 (Saturday)\nKyiv: 116 people home.\n\nMarch 7 (Tuesday)\nKyiv: 130 Ukrainians home.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2023-01-08".into(), 50, Recipient::Each, false)), "{got:?}");
    assert!(got.contains(&("2023-02-04".into(), 116, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2023-03-07".into(), 130, Recipient::To(Side::Ukraine), false)), "{got:?}");
}

#[test]
fn a_years_total_a_status_date_and_a_correction_note_date_no_swap() {
    let f = read(
        "2024-02-01",
        "CORRECTION, Feb. 1: An earlier version of this article said Ukraine had received 195. The 49th was the exchange of January 3.\n\nUkraine and Russia traded captured troops on Wednesday. Ukraine said it had won freedom for 207 people held by Russia.\n\nAt least 3,392 Ukrainians were still in Russian captivity as of Jan. 3. Ukraine recovered close to 1,600 prisoners of war in 2022.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-01-31".into(), 207, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == "2024-01-03" || g.1 == 1600 || g.1 == 195), "{got:?}");
}

#[test]
fn lists_foiled_swaps_and_deals_talked_of_are_not_figures() {
    let f = read(
        "2025-06-27",
        "Russian officials said the crash derailed a 192-for-192 exchange. Ukraine gave Russia a list of 339 children it says were deported. Earlier, Zelensky had spoken of a 1,000-for-1,000 exchange and possibly a further 200 for 200.",
    );
    assert!(figures(&f).is_empty(), "{:?}", figures(&f));
}

#[test]
fn a_day_the_article_says_no_swap_happened_dates_no_figure() {
    let f = read(
        "2024-02-05",
        "A transport plane crashed near the border on Wednesday, 24 January. The defence ministry in Moscow said 70 people were on board, 60 of them captured Ukrainian soldiers, and that they were being taken to a 190-for-190 exchange that day.\n\nKyiv confirmed that a swap had been scheduled for 24 January and did not take place.\n\nThe next exchange came a week later, on 31 January, when 200 Ukrainians came home.\n\nMoscow said 190 Russian soldiers returned.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert_eq!(
        got,
        [
            ("2024-01-31".to_string(), 200, ua, false),
            ("2024-01-31".to_string(), 190, Recipient::To(Side::Russia), false)
        ]
    );
    assert!(f.claims.iter().any(|c| c.kind == ClaimKind::Planned(Recipient::Each) && c.low == 190), "{:?}", f.claims);
}

#[test]
fn a_years_total_is_as_of_its_end_and_foreign_fighters_are_of_the_side_they_fought_for() {
    let f = read(
        "2023-01-10",
        "Ukraine got back 215 people on Wednesday, 21 September. In return, 55 Russians went home. Ten foreign nationals who had fought for Ukraine were also released.\n\nUkraine retrieved nearly 1,600 prisoners of war in 2022.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2022-09-21".into(), 10, Recipient::To(Side::Ukraine), true)), "{got:?}");
    let year = f.claims.iter().find(|c| c.low == 1600).expect("1,600 read");
    assert_eq!(year.as_of.to_string(), "2022-12-31");
}

#[test]
fn a_deal_within_the_swap_is_a_part_of_its_sides_group() {
    let f = read(
        "2022-09-22",
        "Ukraine has brought 215 people home on Wednesday. Two hundred Ukrainians were released in exchange for Viktor Medvedchuk. The five commanders were freed separately in return for 55 Russian prisoners of war.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(
        got.contains(&("2022-09-21".into(), 200, ua, true)) && got.contains(&("2022-09-21".into(), 5, ua, true)),
        "{got:?}"
    );
    assert!(got.contains(&("2022-09-21".into(), 55, Recipient::To(Side::Russia), false)), "{got:?}");
}

#[test]
fn residents_in_apposition_are_civilians_and_a_sides_body_names_its_own_people() {
    let f = read(
        "2025-08-25",
        "On August 24, 146 Russian servicemen were returned, the ministry said. The ministry added that eight citizens of the Russian Federation, residents of the Kursk region, were also returned. Ukraine got back 146 prisoners of war.\n\nIts Coordination Headquarters named two journalists among those released.",
    );
    let eight = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 8 => Some(x.category),
        _ => None,
    });
    assert_eq!(eight, Some(crate::lang::lexicon::Category::Civilians));
    let got = figures(&f);
    assert!(got.contains(&("2025-08-24".into(), 2, Recipient::To(Side::Ukraine), true)), "{got:?}");
}

#[test]
fn a_speaker_who_introduces_a_quotation_says_it_and_our_people_are_theirs() {
    let f = read(
        "2024-01-03",
        "16:05\nThe Russian Defence Ministry says 248 servicemen were returned after a complex negotiating process.\n\n14:10\nPresident Zelensky gives the figure on Telegram: \"190 of our people\" — 180 soldiers and ten civilians.\n\n13:00\nOmbudsman Dmytro Lubinets: six women are among those freed.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2024-01-03".into(), 190, ua, false)), "{got:?}");
    assert!(got.contains(&("2024-01-03".into(), 180, ua, true)), "{got:?}");
    assert!(got.contains(&("2024-01-03".into(), 6, ua, true)), "{got:?}");
    let six = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 6 => Some(x.reporter.name.as_str()),
        _ => None,
    });
    assert_eq!(six, Some("Lubinets"));
}

#[test]
fn a_weekly_digest_dates_its_weekday_headings_in_the_week_it_covers() {
    let raw = "+++\nid = \"t\"\ntitle = \"Week in review, 3-9 June: a swap and a storm\"\noutlet = \"Digest\"\npublished = \"2024-06-10\"\n+++\nMONDAY — 60 home in a \"hard\" swap\nUkraine got back 60 of its people, the Coordination Headquarters said. Russia's Defence Ministry said 58 of its servicemen were returned. The headquarters counted this as the 45th exchange, bringing the number of people returned to 2,900. The previous swap, on 20 May, had brought home 40 Ukrainians.\n\nSUNDAY — A \"quiet weekend exchange\"\nKyiv said that 40 more people were coming home.\n";
    let f = article(&corpus::parse(std::path::Path::new("t.md"), raw).expect("test article parses"));
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2024-06-03".into(), 60, ua, false)), "{got:?}");
    // Dated by its heading: not moved to the earlier swap of the same size.
    assert!(got.contains(&("2024-06-09".into(), 40, ua, false)), "{got:?}");
    let merged = crate::facts::merge::merge(vec![f.clone()]);
    let days: Vec<String> =
        merged.exchanges.iter().filter(|e| e.figures.iter().any(|x| x.value == 40)).map(|e| e.date.id()).collect();
    assert_eq!(days, ["2024-05-20", "2024-06-09"]);
    let total = f.claims.iter().find(|c| c.low == 2900).map(|c| c.reporter.name.as_str());
    assert_eq!(total, Some("Coordination Headquarters"));
}

#[test]
fn a_tracker_reads_rows_with_empty_cells_dates_them_in_the_past_and_keeps_the_mediators_tally() {
    let f = read(
        "2025-01-02",
        "| # | Date | Ukrainians home (Kyiv) | Russians home (Moscow) | UAE running total | Notes |\n|---|------|------|------|------|------|\n| 1 | 3 Jan | 230 | 248 | – | Largest so far |\n| 2 | 8 Feb | 100 | 100 | – | |\n| 3 | 17 Jul | 95 | 95 | 1,558 | |",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2024-01-03".into(), 230, ua, false)), "{got:?}");
    assert!(got.contains(&("2024-02-08".into(), 100, ua, false)), "{got:?}");
    let tally: Vec<(u64, String, String)> = f
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::SwappedTotal)
        .map(|c| (c.low, c.reporter.name.clone(), c.as_of.to_string()))
        .collect();
    assert_eq!(tally, [(1558, "United Arab Emirates".to_string(), "2024-07-17".to_string())]);
}

#[test]
fn a_dateline_sets_today_and_a_both_ways_count_splits_into_each_sides_figure() {
    let f = read(
        "2024-06-26",
        "DOHA, 25 June 2024\n\nThe ministry announced today the success of its mediation in an exchange between the two countries, which resulted in the release of 180 captives.\n\n- The 180 captives were split equally: 90 Ukrainians and 90 Russians.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-06-25".into(), 90, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2024-06-25".into(), 90, Recipient::To(Side::Russia), false)), "{got:?}");
}

#[test]
fn an_editions_weekday_dates_a_transcript_and_a_pattern_restated_by_side_is_each_sides_figure() {
    let f = read(
        "2024-12-31",
        "EVENING NEWS — broadcast transcript, Monday evening edition\n\nPRESENTER: Russia and Ukraine traded prisoners today, just ahead of New Year's Eve.\n\nCORRESPONDENT: Moscow's defence ministry says it was 150 for 150 — 150 Russian servicemen came back and 150 Ukrainian prisoners were handed over.\n\nThe previous swap took place on 8 January, on the eve of Orthodox Christmas, when 50 Russian servicemen came home.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-12-30".into(), 150, Recipient::Each, false)), "{got:?}");
    assert!(got.contains(&("2024-12-30".into(), 150, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(got.contains(&("2024-01-08".into(), 50, Recipient::To(Side::Russia), false)), "{got:?}");
}

#[test]
fn a_newest_first_live_blog_reads_each_entry_for_its_own_speaker() {
    let f = read(
        "2025-05-25",
        "SATURDAY\n\n18:30 — 307 more are home, Zelensky says. \"In these two days alone, 697 people have been returned.\"\n\nFRIDAY\n\n17:40 — Russia's Defence Ministry says it received 270 servicemen and 120 civilians.\n\n16:55 — Coordination Headquarters: the 390 are 270 defenders and 120 civilians.\n\n16:20 — Zelensky: \"The first part of the exchange agreement has been implemented.\"",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2025-05-23".into(), 390, ua, false)), "{got:?}");
    assert!(got.contains(&("2025-05-23".into(), 120, ua, true)), "{got:?}");
    assert!(got.contains(&("2025-05-23".into(), 270, Recipient::To(Side::Russia), false)), "{got:?}");
    // Two days together, not Saturday's figure.
    assert!(!got.iter().any(|g| g.1 == 697), "{got:?}");
    let stages: Vec<u32> = f
        .observations
        .iter()
        .filter_map(|o| match &o.fact {
            Fact::Stage(x) => Some(x.number),
            _ => None,
        })
        .collect();
    assert_eq!(stages, [1]);
}

#[test]
fn people_interviewed_are_no_figure_and_a_days_own_pattern_is_no_range_total() {
    let f = read(
        "2024-10-01",
        "- Since February 2022 the mission has interviewed 377 Ukrainian prisoners of war after their release and 434 Russian prisoners of war held in Ukraine.\n- Of 174 Ukrainian POWs interviewed in the last 18 months, 169 gave detailed accounts of torture.\n\nThree swaps took place between June and August: 90 for 90 on 25 June, 95 for 95 on 17 July and 115 for 115 on 24 August. Zelensky said the fourth stage will take place next week.",
    );
    let got = figures(&f);
    assert_eq!(
        got,
        [
            ("2024-06-25".to_string(), 90, Recipient::Each, false),
            ("2024-07-17".to_string(), 95, Recipient::Each, false),
            ("2024-08-24".to_string(), 115, Recipient::Each, false)
        ]
    );
    assert!(f.claims.iter().all(|c| ![377, 434, 174].contains(&c.low)), "{:?}", f.claims);
    assert!(!f.observations.iter().any(|o| matches!(o.fact, Fact::Stage(_))));
}

#[test]
fn a_timeline_keeps_foiled_swaps_and_the_dead_out_and_the_last_swap_is_an_earlier_one() {
    let f = read(
        "2024-01-25",
        "24.01.2024, morning\nAn Il-76 plane comes down. The Russian Defence Ministry says 65 captured Ukrainian servicemen were on board. Local authorities say all 74 people aboard died.\n\n24.01.2024, afternoon\nMoscow says the crash wrecked a 192-for-192 swap. He said Ukraine had been given a first list of 640 prisoners.",
    );
    assert!(figures(&f).is_empty(), "{:?}", figures(&f));
    let f = read(
        "2025-04-19",
        "LIVE BLOG | Saturday.\n\n15:05\nRussia's Defence Ministry says 246 Russian servicemen have been returned.\n\n17:30\nThe last swap was on 19 March, when 175 Ukrainians came home. Lubinets counted 4,552 Ukrainians brought back between the start of the full-scale invasion and today.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-04-19".into(), 246, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(got.contains(&("2025-03-19".into(), 175, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(!got.iter().any(|g| g.1 == 4552), "{got:?}");
    assert!(f.claims.iter().any(|c| c.low == 4552 && c.scope == Scope::War), "{:?}", f.claims);
}

#[test]
fn a_trackers_to_columns_notes_and_running_total_by_a_state() {
    let f = read(
        "2023-08-08",
        "| Date | To Ukraine | To Russia | Who came back / notes | Running total (Kyiv) |\n|---|---|---|---|---|\n| 11.06.2023 | 95 | 94 | 93 privates and sergeants plus 2 officers | 2,500 |",
    );
    let got = figures(&f);
    assert_eq!(
        got,
        [
            ("2023-06-11".to_string(), 95, Recipient::To(Side::Ukraine), false),
            ("2023-06-11".to_string(), 94, Recipient::To(Side::Russia), false),
            // The note's groups add up to Ukraine's 95: its parts.
            ("2023-06-11".to_string(), 93, Recipient::To(Side::Ukraine), true),
            ("2023-06-11".to_string(), 2, Recipient::To(Side::Ukraine), true)
        ]
    );
    let totals: Vec<(ClaimKind, u64)> = f.claims.iter().map(|c| (c.kind, c.low)).collect();
    assert_eq!(totals, [(ClaimKind::ReturnedTotal(Side::Ukraine), 2500)]);
}

#[test]
fn it_was_a_number_on_a_named_day_is_that_days_count() {
    let f = read(
        "2025-05-25",
        "The first stage was on Friday: 390 Ukrainians came back, 270 military and 120 civilians. Yesterday, Saturday, it was three hundred and seven, again all men. It was a long weekend.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-05-24".into(), 307, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2025-05-23".into(), 390, Recipient::To(Side::Ukraine), false)), "{got:?}");
}

#[test]
fn counts_traded_for_each_other_after_a_swap_is_announced_are_figures() {
    let f = read(
        "2024-10-20",
        "The Russian Defence Ministry was first to announce the exchange on 18 October: 95 Ukrainian prisoners of war for 95 Russian servicemen. A court sentenced him to 13 years for wounding 2 civilians.",
    );
    let got = figures(&f);
    assert_eq!(
        got,
        [
            ("2024-10-18".to_string(), 95, Recipient::To(Side::Ukraine), false),
            ("2024-10-18".to_string(), 95, Recipient::To(Side::Russia), false)
        ]
    );
}

#[test]
fn a_group_described_by_a_relative_clause_and_a_swap_between_other_states() {
    let f = read(
        "2024-05-31",
        "First swap in almost four months: 75 for 75, says the Russian MoD.\n\nZelensky: four civilians are among the 75 who came home.\n\nThe ministry also recalls its mediation between the US and Russia, which freed two prisoners.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-05-31".into(), 4, Recipient::To(Side::Ukraine), true)), "{got:?}");
    assert!(!got.iter().any(|g| g.1 == 2), "{got:?}");
}

#[test]
fn children_brought_home_are_no_prisoner_exchange() {
    let f = read(
        "2023-12-10",
        "- 16 October 2023: four children aged between two and 17 were the first to be returned under Qatari mediation.\n\n- 6 July 2023: the children came back on the same day as a prisoner exchange in which 45 Ukrainians returned.",
    );
    let reported: Vec<String> = f
        .observations
        .iter()
        .filter(|o| matches!(o.fact, Fact::Report(_)))
        .filter_map(|o| o.date.map(|d| d.id()))
        .collect();
    assert!(!reported.contains(&"2023-10-16".to_string()), "{reported:?}");
    assert!(reported.contains(&"2023-07-06".to_string()), "{reported:?}");
}

#[test]
fn a_bare_ordinal_day_is_of_the_month_named_before() {
    let f = read(
        "2024-09-16",
        "Look at last Saturday's exchange: 103 for 103. Then, in January 2024, the imbalance ran the other way. On the 3rd, Russia said 248 of its servicemen came back while Ukraine received 230.\n\nThe troops held the line on the 3rd Assault Brigade's sector.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-01-03".into(), 248, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(got.contains(&("2024-01-03".into(), 230, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == "2024-09-14" && g.1 == 248), "{got:?}");
    // After a weekday: the weekday alone would be the last one before publication.
    let f = read("2025-01-31", "On Friday the 17th Russia returned 25 Ukrainian soldiers, Kyiv said.");
    assert_eq!(figures(&f), [("2025-01-17".to_string(), 25, Recipient::To(Side::Ukraine), false)]);
}

#[test]
fn more_than_one_exchange_ever_freed_is_a_running_total() {
    let f = read(
        "2023-12-20",
        "Their running totals let you reconstruct the year. After the 3 April exchange the Headquarters said 2005 people had come home. After the 25 May exchange it was 2,430, including 139 civilians.",
    );
    assert!(figures(&f).is_empty(), "{:?}", figures(&f));
    let claims: Vec<(u64, String)> = f.claims.iter().map(|c| (c.low, c.as_of.to_string())).collect();
    assert!(claims.contains(&(2005, "2023-04-03".into())), "{claims:?}");
}

#[test]
fn a_channel_post_is_dated_by_its_stamp_line() {
    let f = read(
        "2022-10-13",
        "— 11.10.2022 19:05 —\n🇺🇦⚡️ EXCHANGE! Yermak: \"Our people are home.\" 32 of our soldiers freed today.\n👁 51.2K\n\n— 13.10.2022 17:30 —\n🇺🇦 ANOTHER SWAP — two days after the last one. 20 defenders home.\nRussian MoD says 20 of its servicemen came back the same day.\n👁 47.9K",
    );
    let got = figures(&f);
    assert!(got.contains(&("2022-10-11".into(), 32, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2022-10-13".into(), 20, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2022-10-13".into(), 20, Recipient::To(Side::Russia), false)), "{got:?}");
}

#[test]
fn a_bold_fact_check_claim_is_debunked_and_a_colon_opens_a_breakdown() {
    let f = read(
        "2025-04-21",
        "**CLAIM:** Posts shared widely say \"501 Ukrainian prisoners came home from Russia on Friday in a record swap.\"\n\n**VERDICT: FALSE.** 501 is the number of bodies returned.\n\nOn Saturday, Ukraine said 277 of its soldiers came home: 246 in the main exchange and 31 seriously wounded prisoners.",
    );
    let got = figures(&f);
    assert!(!got.iter().any(|g| g.1 == 501), "{got:?}");
    assert!(got.contains(&("2025-04-19".into(), 277, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2025-04-19".into(), 31, Recipient::To(Side::Ukraine), true)), "{got:?}");
}

#[test]
fn a_bold_heading_line_dates_the_entry_under_it() {
    let f = read(
        "2025-08-26",
        "Ukraine has marked its national day with a prisoner exchange two years running.\n\n**Saturday, 24 August 2024 — Independence Day swap No. 1**\n\nRussia and Ukraine exchange 115 prisoners of war each, with the United Arab Emirates mediating.\n\n**Sunday, 24 August 2025 — Independence Day swap No. 2**\n\nThe Russian Defence Ministry says 146 Russian servicemen were returned and 146 Ukrainian POWs handed over.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-08-24".into(), 115, Recipient::Each, false)), "{got:?}");
    assert!(got.contains(&("2025-08-24".into(), 146, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == "2025-08-26"), "{got:?}");
}

#[test]
fn a_table_rows_note_is_dated_by_its_row_and_a_label_names_the_side() {
    let f = read(
        "2024-10-19",
        "The tracker of exchanges this year.\n\n| Date | Ukrainians home | Russians home | Mediator | Notes |\n|---|---|---|---|---|\n| 24.08.2024 | 115 | 115 | UAE | First since the Kursk incursion |\n| 14.09.2024 | 103 | 103 | UAE | Ukrainians: 82 privates and sergeants, 21 officers; Russians were captured in Kursk region. |",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2024-09-14".into(), 21, ua, true)), "{got:?}");
    assert!(got.contains(&("2024-09-14".into(), 82, ua, true)), "{got:?}");
}

#[test]
fn a_mediators_statement_counts_both_sides_together_then_each() {
    let f = read(
        "2025-04-20",
        "GULF BULLETIN\n\nStatements · Archive\n\nPRESS STATEMENT (reproduced in full)\n\nABU DHABI, 19 April 2025\n\nThe Ministry announces a new mediation by the United Arab Emirates, resulting in the release of 538 captives from both sides.\n\nThe exchange comprised 246 Ukrainian captives and 246 Russian captives, together with 31 wounded Ukrainian soldiers and 15 wounded Russian soldiers.\n\n**The day before.** On Friday Ukraine announced the return of the bodies of 909 fallen soldiers, separate from the prisoner exchange.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-04-19".into(), 538, Recipient::Combined, false)), "{got:?}");
    assert!(got.contains(&("2025-04-19".into(), 246, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2025-04-19".into(), 246, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(!got.iter().any(|g| g.1 == 538 && g.2 == Recipient::Each), "{got:?}");
}

#[test]
fn a_bold_weekday_heading_dates_its_section_and_a_given_number_is_the_givers() {
    let f = read(
        "2024-12-31",
        "WASHINGTON — With three weeks left in office, President Joe Biden announced on Monday close to $2.5 billion in weapons before Donald Trump takes over on January 20.\n\n**Elsewhere on Monday**\n\nThe same day brought a rare piece of cooperation. In an exchange brokered by the United Arab Emirates, Russia's defence ministry said 150 Russian servicemen came home and 150 Ukrainian prisoners were handed over. Volodymyr Zelensky gave a larger number — 189 Ukrainians, including two civilians captured in Mariupol in 2022.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-12-30".into(), 150, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(got.contains(&("2024-12-30".into(), 189, Recipient::To(Side::Ukraine), false)), "{got:?}");
    let zelensky = f
        .observations
        .iter()
        .any(|o| matches!(&o.fact, Fact::Figure(x) if x.value == 189 && x.reporter.name.contains("Zelensk")));
    assert!(zelensky, "{got:?}");
}

#[test]
fn home_is_where_the_articles_people_came_home_to() {
    let f = read(
        "2023-03-07",
        "Another exchange of prisoners took place on Tuesday, and one hundred and thirty Ukrainians are home, Andriy Yermak announced.\n\nRussia's Ministry of Defence said 90 Russian servicemen had been returned from Ukrainian captivity.\n\n**Earlier this year.** On 16 February, 100 soldiers and one civilian came home.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2023-02-16".into(), 100, Recipient::To(Side::Ukraine), false)), "{got:?}");
}

#[test]
fn the_day_someone_was_taken_does_not_date_their_release() {
    let f = read(
        "2025-08-25",
        "Yesterday, on Ukraine's 34th Independence Day, Kyiv and Moscow carried out a prisoner exchange.\n\n- The Coordination Headquarters said eight Ukrainian civilians were freed, including journalist Dmytro Khyliuk, abducted from his home in March 2022, and Volodymyr Mykolaienko, taken in April 2022.",
    );
    let got = figures(&f);
    assert!(got.iter().any(|g| g.1 == 8 && g.2 == Recipient::To(Side::Ukraine)), "{got:?}");
    let days: Vec<String> = f.observations.iter().filter_map(|o| o.date.map(|d| d.id())).collect();
    assert!(days.iter().all(|d| d.starts_with("2025-08")), "{days:?}");
}

#[test]
fn a_tables_stage_column_and_total_row_make_one_multi_day_exchange() {
    let f = read(
        "2025-05-27",
        "| Stage | Date | To Ukraine | To Russia |\n|---|---|---|---|\n| 1 | Fri 23 May | 400 | 400 |\n| 2 | Sat 24 May | 300 | 300 |\n| 3 | Sun 25 May | 300 | 300 |\n| **Total** | 23–25 May | **1,000** | **1,000** |",
    );
    let got = figures(&f);
    assert_eq!(got.len(), 6, "{got:?}");
    assert!(!got.iter().any(|g| g.1 == 1000), "{got:?}");
    let stages: Vec<(String, u32)> = f
        .observations
        .iter()
        .filter_map(|o| match &o.fact {
            Fact::Stage(x) => Some((o.date.map_or("-".into(), |d| d.id()), x.number)),
            _ => None,
        })
        .collect();
    assert_eq!(stages, [("2025-05-23".to_string(), 1), ("2025-05-24".to_string(), 2), ("2025-05-25".to_string(), 3)]);
    let totals = f.observations.iter().filter(|o| matches!(&o.fact, Fact::SeriesTotal(x) if x.value == 1000)).count();
    assert_eq!(totals, 2);
}

#[test]
fn a_trackers_day_cells_are_stages_its_notes_list_parts_and_a_deal_over_a_stretch_of_days_is_their_total() {
    let f = read(
        "2025-06-17",
        "| Date | Exchange | Returned to Ukraine | Detail | Kyiv's running total after this row |\n|---|---|---|---|---|\n| 23.05.2025 | 65th, day 1 | 390 | 270 military + 120 civilians; 387 men, 3 women | 5,147 |\n| 24.05.2025 | 65th, day 2 | 307 | all men; 27 Mariupol defenders; ages 25 to 61 | 5,454 |\n\nThe 1000-for-1000 deal was agreed at the first Istanbul meeting on 16 May and carried out from 23 to 25 May.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2025-05-23".into(), 120, ua, true)), "{got:?}");
    assert!(got.contains(&("2025-05-23".into(), 3, ua, true)), "{got:?}");
    assert!(got.contains(&("2025-05-24".into(), 27, ua, true)), "{got:?}");
    assert!(!got.iter().any(|g| g.1 == 1000 || g.1 == 25 || g.1 == 61), "{got:?}");
    let stages = f.observations.iter().filter(|o| matches!(&o.fact, Fact::Stage(x) if x.number >= 1)).count();
    assert_eq!(stages, 2);
    let totals = f.observations.iter().filter(|o| matches!(&o.fact, Fact::SeriesTotal(x) if x.value == 1000)).count();
    assert_eq!(totals, 1);
}

#[test]
fn a_count_beside_a_stretch_of_days_in_another_clause_is_not_dated_by_it() {
    let f = read(
        "2025-05-26",
        "LIVE: the third day of the exchange\n\n**Sunday 25 May 2025**\n\n12:45 — Russia's defence ministry says 303 Russian servicemen have been returned in exchange for 303 Ukrainian prisoners, and that the 1,000-for-1,000 exchange carried out from 23 to 25 May is complete.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-05-25".into(), 303, Recipient::To(Side::Russia), false)), "{got:?}");
}

#[test]
fn a_sides_running_total_is_of_its_own_people_and_its_count_names_who_gives_it() {
    let f = read(
        "2024-12-31",
        "Kyiv's tally: 3,900 people brought back since the invasion began.\n\nPresident Zelensky said 4,100 people have now been returned since 2022.",
    );
    let claims: Vec<(ClaimKind, u64, String)> =
        f.claims.iter().map(|c| (c.kind, c.low, c.reporter.name.clone())).collect();
    assert!(claims.contains(&(ClaimKind::ReturnedTotal(Side::Ukraine), 3900, "Kyiv".into())), "{claims:?}");
    assert!(claims.contains(&(ClaimKind::ReturnedTotal(Side::Ukraine), 4100, "Zelenskyy".into())), "{claims:?}");
}

#[test]
fn a_chronologys_labelled_entries_go_on_about_the_day_before_them() {
    let f = read(
        "2022-10-01",
        "**Summer** — Talks drag on for months.\n\n**September 21, evening** — Kyiv says 215 people have come home.\n\n**Same evening** — Five officers land in Istanbul.\n\n**The price** — Kyiv says it handed over 55 Russian soldiers.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2022-09-21".into(), 55, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(!got.iter().any(|g| g.0 == "2022-10-01"), "{got:?}");
}

#[test]
fn a_table_rows_note_counts_no_head_of_its_own() {
    let f = read(
        "2025-05-27",
        "| Stage | Date | To Ukraine | To Russia | Notes |\n|---|---|---|---|---|\n| 2 | Sat 24 May | 300 | 300 | privates and sergeants; 31 Mariupol defenders |",
    );
    let got = figures(&f);
    assert!(!got.iter().any(|g| g.1 == 31 && !g.3), "{got:?}");
    assert!(got.contains(&("2025-05-24".into(), 300, Recipient::To(Side::Ukraine), false)), "{got:?}");
}

#[test]
fn the_dead_handed_over_are_no_exchange_figure() {
    let f = read(
        "2025-10-04",
        "On 18 September the two sides exchanged bodies: Russia handed over 900, Ukraine 30.\n\n| Date | Type | To Ukraine | To Russia |\n|---|---|---|---|\n| Fri 18 Oct | Repatriation of bodies | 480 bodies | 70 bodies |\n| Sat 19 Oct | POW exchange | 95 | 95 |",
    );
    let got = figures(&f);
    assert!(!got.iter().any(|g| [900, 480, 70].contains(&g.1)), "{got:?}");
    assert!(got.contains(&("2024-10-19".into(), 95, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(f.claims.iter().any(|c| c.kind == ClaimKind::Bodies(Side::Ukraine) && c.low == 480), "{:?}", f.claims);
}

#[test]
fn a_weekday_before_day_and_month_dates_a_chronologys_entry() {
    let f = read(
        "2025-05-26",
        "**Fri 23.05, afternoon — STAGE ONE: 400.**\nUkraine gets back 400 people.\n\n**Sat 24.05 — STAGE TWO: 300.**\nAnother 300 Ukrainian servicemen come home.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-05-23".into(), 400, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2025-05-24".into(), 300, Recipient::To(Side::Ukraine), false)), "{got:?}");
}

#[test]
fn an_explainers_lede_dates_the_swap_not_the_bodies_the_day_before() {
    let f = read(
        "2025-04-21",
        "*Updated Monday 21 April 2025*\n\nTwo numbers were everywhere on Easter Saturday, 19 April: 240 and 500.\n\n### What happened?\n\nRussia and Ukraine swapped prisoners on the eve of Easter. The core was a 240-for-240 swap.\n\n### Anything else?\n\nOn Friday, the day before, Ukraine received the bodies of 900 fallen soldiers, its second repatriation in three weeks.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-04-19".into(), 240, Recipient::Each, false)), "{got:?}");
}

#[test]
fn a_chronology_names_its_stages_in_headings_and_its_total_after_them() {
    let f = read(
        "2025-05-26",
        "The single agreement to come out of the Russian–Ukrainian talks in Istanbul was a swap of a thousand prisoners each.\n\n**Friday 16 May** — Umerov says the two sides discussed an exchange in a \"1000 for 1000\" format.\n\n**Friday 23 May, afternoon — stage one.** 390 Ukrainians come home.\n\n**Saturday 24 May — stage two.** 307 Ukrainian defenders return.\n\n**Sunday 25 May — stage three.** 303 more Ukrainian servicemen return.\n\n**Total:** 1,000 people returned to each side across the three days.",
    );
    let got = figures(&f);
    assert!(!got.iter().any(|g| g.1 == 1000), "the agreement and its total are no day's figure: {got:?}");
    let merged = crate::facts::merge::merge(vec![f]);
    let series = &merged.series[0];
    assert_eq!(series.exchanges, ["2025-05-23", "2025-05-24", "2025-05-25"]);
    assert_eq!(series.totals.iter().map(|t| t.value).collect::<Vec<_>>(), [1000]);
    let stages: Vec<u32> = merged.exchanges.iter().filter_map(|e| e.stage.as_ref().map(|s| s.number)).collect();
    assert_eq!(stages, [1, 2, 3]);
}

#[test]
fn a_kicker_dates_the_report_and_a_sitting_is_no_exchange_day() {
    let f = read(
        "2025-08-25",
        "*Match report* | Sunday\n\nThe organisers read out the news: in a prisoner exchange that day, 146 Ukrainian servicemen had come home. Russia's Defence Ministry said it had received the same number, 146 servicemen, captured in the Kursk region, where Ukraine launched an offensive on 6 August.",
    );
    let got = figures(&f);
    assert_eq!(
        got,
        [
            ("2025-08-24".into(), 146, Recipient::To(Side::Ukraine), false),
            ("2025-08-24".into(), 146, Recipient::To(Side::Russia), false)
        ]
    );
    let f = read(
        "2025-03-20",
        "**Sitting of 20.03.2025 — Item 1: Briefing on the exchange of 19 March**\n\nMembers were told that on Wednesday Ukraine and Russia each released 175 prisoners of war.\n\nSeparately, 22 severely wounded Ukrainian prisoners were also handed over. Members noted that on Tuesday, in a telephone call, the Russian President had spoken of releasing 23. In total, 197 Ukrainians came home on the day.",
    );
    let days: Vec<String> = figures(&f).into_iter().map(|g| g.0).collect();
    assert!(days.iter().all(|d| d == "2025-03-19"), "{days:?}");
}

#[test]
fn the_day_people_were_seized_in_a_long_relative_clause_dates_no_release() {
    let f = read(
        "2022-03-25",
        "Ukraine and Russia traded captured soldiers on Thursday. In return Russia freed 19 Ukrainian civilian crew members of the rescue ship Sapfir, who had been seized while the vessel was trying to reach the garrison on Snake Island at the end of February.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2022-03-24".into(), 19, Recipient::To(Side::Ukraine), false)), "{got:?}");
}

#[test]
fn live_blog_clocks_chronology_headings_and_datelines_date_their_entries() {
    // Entries stamped by the clock alone are of the day published; the recap keeps its own day.
    let f = read(
        "2023-08-07",
        "**17:05**\n\n- 22 Ukrainian soldiers returned home from Russian captivity.\n\n**14:15**\n\nA reminder of the last swap, on 6 July: 45 Ukrainian defenders came home.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2023-08-07".into(), 22, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2023-07-06".into(), 45, Recipient::To(Side::Ukraine), false)), "{got:?}");
    // A heading "11.10.2022, Tuesday" dates the entry under it.
    let f = read(
        "2022-10-27",
        "### 11.10.2022, Tuesday\n\nYermak announces a prisoner exchange: 32 soldiers are free.\n\n### 26.10.2022, Wednesday\n\nTen servicemen come home. Ukraine also receives the body of a US veteran killed in Donetsk region on 23 August 2022.",
    );
    let days: Vec<String> = figures(&f).into_iter().map(|g| g.0).collect();
    assert_eq!(days, ["2022-10-11", "2022-10-26"]);
    // A dateline opening the first paragraph dates the release; "since 8 February, when
    // 100 captives …" is that day's.
    let f = read(
        "2024-06-01",
        "ABU DHABI, 31 May 2024 - Mediation by the United Arab Emirates secured the release of 75 Russian servicemen and 75 Ukrainian prisoners.\n\nThis is the first exchange since 8 February, when 100 captives were released by each side.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-05-31".into(), 75, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.iter().any(|g| g.0 == "2024-02-08" && g.1 == 100), "{got:?}");
}

#[test]
fn a_bulletins_last_thursday_dates_its_exchange_not_the_day_it_was_sent() {
    let f = read(
        "2023-07-10",
        "*Sent to members on Monday. Please forward it.*\n\nLast Thursday brought another exchange.\n\n- **Both sides released 45 people.**\n\nTwo of the men turn a year older tomorrow, 11 July.",
    );
    let days: Vec<String> = figures(&f).into_iter().map(|g| g.0).collect();
    assert!(!days.is_empty() && days.iter().all(|d| d == "2023-07-06"), "{days:?}");
}

#[test]
fn a_captions_weekday_dates_the_exchange_its_paragraph_counts() {
    let f = read(
        "2025-10-03",
        "**1/12**\nEN: Thursday. The first bus arrives. Ukraine says 185 servicemen came home in this exchange.\n\n**3/12**\nEN: Of the 185 soldiers, 183 are privates and sergeants.\n\n**8/12**\nEN: Two of the men turn a year older tomorrow, 3 October.",
    );
    let days: Vec<String> = figures(&f).into_iter().map(|g| g.0).collect();
    assert!(!days.is_empty() && days.iter().all(|d| d == "2025-10-02"), "{days:?}");
}

#[test]
fn a_two_column_table_of_groups_breaks_down_the_head_count_before_it() {
    let f = read(
        "2024-02-02",
        "On 31 January Kyiv reported that 207 Ukrainians came home. The Coordination Headquarters gave this breakdown:\n\n| Group | Number |\n|---|---|\n| Armed Forces | 95 |\n| National Guard | 56 |\n| **Total** | **207** |",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2024-01-31".into(), 95, ua, true)), "{got:?}");
    assert!(got.contains(&("2024-01-31".into(), 56, ua, true)), "{got:?}");
    assert_eq!(got.iter().filter(|g| g.1 == 207).count(), 1, "{got:?}");
}

#[test]
fn a_speech_verb_with_an_unnamed_subject_is_the_outlets_report_not_the_last_speakers() {
    let f = read(
        "2025-03-20",
        "The United Arab Emirates said it had mediated. Members noted that on Tuesday the Russian President had spoken of releasing 23 seriously wounded prisoners.",
    );
    let who: Vec<&str> = f.claims.iter().filter(|c| c.low == 23).map(|c| c.reporter.name.as_str()).collect();
    assert_eq!(who, ["Wire"]);
}

#[test]
fn a_briefs_numbered_section_headings_date_their_exchanges_and_its_period_dates_none() {
    let f = read(
        "2025-08-26",
        "**MONITORING BRIEF 2025/08**\nPeriod covered: 1–25 August 2025\n\n## 1. Exchange of 14 August (67th exchange)\n\n1.1 The Coordination Headquarters reported the release of 84 Ukrainians: 33 military personnel and 51 civilians.\n\n## 2. Exchange of 24 August (68th exchange)\n\n2.1 The two sides each returned 146 prisoners of war.\n\n2.2 Russia reported that, in addition to its 146 servicemen, eight residents of its Kursk region who had been held in Ukraine were returned.",
    );
    let got = figures(&f);
    let (ua, ru) = (Recipient::To(Side::Ukraine), Recipient::To(Side::Russia));
    assert!(got.contains(&("2025-08-14".into(), 84, ua, false)), "{got:?}");
    assert!(got.contains(&("2025-08-14".into(), 51, ua, true)), "{got:?}");
    assert!(got.contains(&("2025-08-24".into(), 146, Recipient::Each, false)), "{got:?}");
    // "its 146 servicemen", "its Kursk region": Russia's people.
    assert!(got.contains(&("2025-08-24".into(), 146, ru, false)), "{got:?}");
    assert!(got.contains(&("2025-08-24".into(), 8, ru, false)), "{got:?}");
    assert!(!got.iter().any(|g| g.0.starts_with("2025-08-01")), "{got:?}");
}

#[test]
fn a_bold_dateline_that_says_today_dates_the_release_by_its_own_day() {
    let f = read(
        "2024-02-09",
        "GULF MEDIATION BULLETIN\n\n---\n\n**PRESS RELEASE**\n\n## Mediation succeeds\n\n**ABU DHABI, 8 February 2024** — The ministry announced today the release of 100 Russian prisoners of war in exchange for 100 Ukrainian prisoners of war.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-02-08".into(), 100, Recipient::To(Side::Ukraine), false)), "{got:?}");
}

#[test]
fn a_group_named_again_with_its_own_destination_is_that_sides_group() {
    let f = read(
        "2022-11-03",
        "One hundred and seven Russian servicemen came home, the ministry said. Andriy Yermak claimed that among the 107 handed to Kiev were six officers and 101 privates and sergeants.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2022-11-03".into(), 107, ua, false)), "{got:?}");
    assert!(got.contains(&("2022-11-03".into(), 6, ua, true)), "{got:?}");
}

#[test]
fn a_breakdown_announced_by_a_body_runs_on_over_the_paragraphs_that_give_it() {
    let f = read(
        "2024-06-02",
        "On 31 May Ukraine and Russia each handed over 75 people. Kyiv's Coordination Headquarters logged it as the 52nd exchange.\n\nThe headquarters published a breakdown that is worth reading slowly.\n\nOf the 75, seventy were men and five were women.\n\nBy service: 37 came from the Armed Forces; 21 were National Guard members; seven were border guards.\n\nBy place of capture, the list reads like a map of February and March 2022: 19 were defenders of Snake Island, 14 had guarded the Chornobyl nuclear power plant.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    for value in [70, 5, 37, 21, 7, 19, 14] {
        assert!(got.contains(&("2024-05-31".into(), value, ua, true)), "{value}: {got:?}");
    }
}

#[test]
fn a_channels_symbol_bulleted_items_and_a_colon_lists_items_are_parts() {
    let f = read(
        "2022-10-29",
        "Another swap went through today. Andriy Yermak says 52 people are back: 50 military and 2 civilians.\n\nWho came back, by service 👇\n🔹 National Guard — 12 (two of them from Azov)\n🔹 Navy sailors — 18\n🔹 Border guards — 8\n\nThe Coordination Headquarters gave a breakdown: thirty from the Armed Forces; four from the National Guard.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    for value in [12, 18, 8, 30, 4] {
        assert!(got.contains(&("2022-10-29".into(), value, ua, true)), "{value}: {got:?}");
    }
}

#[test]
fn a_tables_number_column_ranks_its_rows_exchanges_in_the_series() {
    let f = read(
        "2022-04-30",
        "| No. | Date | Ukrainians home | Notes |\n|---|---|---|---|\n| 6 | 21.04.2022 | 19 | 2 officers |\n| 7 | 28.04.2022 | 45 | 13 officers |\n\n| Date | Exchange | Returned to Ukraine |\n|---|---|---|\n| 06.05.2025 | 64th | 205 |",
    );
    let ranks: Vec<(String, u64, String)> = f
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::SwapCount)
        .map(|c| (c.as_of.to_string(), c.low, c.text.clone()))
        .collect();
    assert_eq!(
        ranks,
        [
            ("2022-04-21".to_string(), 6, "No. 6".to_string()),
            ("2022-04-28".to_string(), 7, "No. 7".to_string()),
            ("2025-05-06".to_string(), 64, "64th".to_string())
        ]
    );
    assert!(figures(&f).contains(&("2022-04-28".into(), 13, Recipient::To(Side::Ukraine), true)));
}

#[test]
fn a_qas_first_dated_question_names_its_exchange_and_a_question_about_the_previous_one_does_not() {
    let f = read(
        "2024-02-01",
        "*Updated Thursday morning.*\n\n**What happened on Wednesday?**\n\nOn 31 January Ukraine and Russia carried out another prisoner exchange. President Zelensky said 207 Ukrainians came home.\n\n**And what did Russia say?**\n\nRussia's Defence Ministry said 195 Russian servicemen were returned.\n\n**Which exchange was this?**\n\nOmbudsman Dmytro Lubinets called it the 50th of the full-scale war and said 3,035 Ukrainians have now been brought back from captivity.\n\n**When was the previous swap?**\n\nEarlier this month, on 3 January. That was the biggest of the war so far: Kyiv said 230 people came home.\n\n**There was a long gap before that, wasn't there?**\n\nYes. Before 3 January the last exchange of prisoners had been in August 2023.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-01-31".into(), 195, Recipient::To(Side::Russia), false)), "{got:?}");
    assert!(got.contains(&("2024-01-03".into(), 230, Recipient::To(Side::Ukraine), false)), "{got:?}");
    let ranks: Vec<(u64, String)> =
        f.claims.iter().filter(|c| c.kind == ClaimKind::SwapCount).map(|c| (c.low, c.as_of.to_string())).collect();
    assert_eq!(ranks, [(50, "2024-01-31".to_string())]);
}

#[test]
fn an_interviews_standfirst_dates_the_talk_not_the_exchange() {
    let f = read(
        "2025-04-22",
        "*Our editor spoke on Monday with a volunteer analyst who tracks prisoner exchanges.*\n\n**So: the Saturday before Easter. What actually happened?**\n\nOn 19 April Zelensky announced that 277 Ukrainian warriors had come back.\n\n**And the Russian version?**\n\nMoscow's defence ministry said 246 Russian servicemen were returned.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-04-19".into(), 246, Recipient::To(Side::Russia), false)), "{got:?}");
}

#[test]
fn a_threads_times_note_says_which_day_its_today_is_and_a_headline_dates_no_section() {
    let f = read(
        "2023-08-08",
        "Compiled from a thread. Timestamps are Kyiv time, Monday 7 August 2023.\n\n**1/** Prisoner swap today. Andriy Yermak says 22 Ukrainian soldiers have been returned home. (15:02)",
    );
    assert!(figures(&f).contains(&("2023-08-07".into(), 22, Recipient::To(Side::Ukraine), false)), "{:?}", figures(&f));
    let f = read(
        "2025-10-03",
        "# 185 soldiers and 20 civilians — your questions about Thursday's exchange\n\nYesterday Ukraine brought home 185 service members.",
    );
    assert!(
        figures(&f).contains(&("2025-10-02".into(), 185, Recipient::To(Side::Ukraine), false)),
        "{:?}",
        figures(&f)
    );
}

#[test]
fn an_apposition_says_what_kind_of_people_a_count_is() {
    let f = read(
        "2025-08-25",
        "On 24 August Russia's Defence Ministry said 146 Russian servicemen had been returned. It said Russia had also received eight of its citizens — residents of the Kursk region.",
    );
    let eight = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 8 => Some((x.recipient, x.category, x.terms.contains(&"kursk".to_string()))),
        _ => None,
    });
    assert_eq!(eight, Some((Recipient::To(Side::Russia), crate::lang::Category::Civilians, true)));
}

#[test]
fn a_trackers_intro_line_says_whose_counts_and_totals_its_table_holds() {
    let f = read(
        "2024-12-31",
        "| Source | Figure |\n|---|---|\n| President Zelensky (Kyiv) | 189 Ukrainians returned on 30 December |\n\n**Breakdown of the 189:**\n\n| Group | People |\n|---|---|\n| Navy | 24 |\n| **Total** | **189** |\n\nKyiv's official cumulative count of people returned from Russian captivity, with each swap beside it. Rows marked * are our own arithmetic.\n\n| No. | Date | Returned in this swap | Cumulative total |\n|---|---|---|---|\n| 58th | 18.10.2024 | 95 | 3,767* |\n| 59th | 30.12.2024 | 189 | 3,956 |",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2024-10-18".into(), 95, ua, false)), "{got:?}");
    assert!(got.contains(&("2024-12-30".into(), 24, ua, true)), "{got:?}");
    // The source row names who gives its figure.
    let by = f.observations.iter().find_map(|o| match &o.fact {
        Fact::Figure(x) if x.value == 189 && x.cite.sentence.contains("Ukrainians returned") => {
            Some(x.reporter.name.clone())
        }
        _ => None,
    });
    assert_eq!(by.as_deref(), Some("Zelenskyy"));
    let totals: Vec<(u64, String)> = f
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::ReturnedTotal(Side::Ukraine))
        .map(|c| (c.low, c.reporter.name.clone()))
        .collect();
    // The footnoted 3,767 is the outlet's arithmetic, not Kyiv's figure.
    assert_eq!(totals, [(3956, "Kyiv".to_string())]);
}

#[test]
fn a_bold_questions_answer_may_be_a_bare_running_total() {
    let f = read(
        "2025-10-03",
        "**How many Ukrainians have come home altogether?**\n\nMore than 7,000 since the full-scale invasion began, Zelensky said.",
    );
    let totals: Vec<(u64, Scope)> = f
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::ReturnedTotal(Side::Ukraine))
        .map(|c| (c.low, c.scope))
        .collect();
    assert_eq!(totals, [(7000, Scope::War)]);
    // A speaker of no known side: the question just above says whose people.
    let f = read(
        "2025-10-03",
        "JOURNALIST (online outlet): How many Ukrainians have come back in total?\n\nSPEAKER: The President said more than 7,000 since the full-scale invasion began.\n\nJOURNALIST: And what about the economy?\n\nSPEAKER: The minister said more than 4,000 since the war began.",
    );
    let totals: Vec<u64> =
        f.claims.iter().filter(|c| matches!(c.kind, ClaimKind::ReturnedTotal(_))).map(|c| c.low).collect();
    assert_eq!(totals, [7000]);
    let f = read(
        "2024-01-05",
        "Ukraine said in November that it believed 3,574 members of its military and 763 civilians had been taken captive by Russia since 2014.",
    );
    assert!(f.claims.iter().all(|c| !matches!(c.kind, ClaimKind::ReturnedTotal(_))), "{:?}", f.claims);
}

#[test]
fn a_table_of_bodies_received_is_of_the_dead_and_a_total_handed_over_by_one_side_is_its() {
    let f = read(
        "2025-06-17",
        "## 2. Stages of repatriation (bodies received by Ukraine)\n\n| Date | Bodies received | Remarks |\n|---|---|---|\n| 11.06.2025 | 1,212 | first stage |\n| 15.06.2025 | 1,200 | last stage by rail; Defence Minister Umerov: 4,812 received this week |\n\nVladimir Medinsky stated that Russia had handed over a total of 6,060 bodies of Ukrainian soldiers and officers.\n\nKYIV, Oct 17 - Russia and Ukraine handed over a combined 218 captives on Monday.",
    );
    let bodies: Vec<(u64, ClaimKind)> =
        f.claims.iter().filter(|c| matches!(c.kind, ClaimKind::Bodies(_))).map(|c| (c.low, c.kind)).collect();
    let ua = ClaimKind::Bodies(Side::Ukraine);
    assert_eq!(bodies, [(1212, ua), (1200, ua), (6060, ua)]);
    // No exchange of prisoners on the days of the dead, and no prisoners in their notes.
    assert!(!f.observations.iter().any(|o| matches!(&o.fact, Fact::Report(c) if c.sentence.starts_with('|'))));
    assert!(!f.claims.iter().any(|c| c.low == 4812), "{:?}", f.claims);
    // "Russia and Ukraine handed over" is both sides, not Russia giving to Ukraine.
    assert!(figures(&f).iter().any(|g| g.1 == 218 && g.2 == Recipient::Combined), "{:?}", figures(&f));
}

#[test]
fn children_reunited_are_counted_on_their_day_and_their_mediator_is_no_exchanges() {
    let f = read(
        "2023-10-16",
        "Four Ukrainian minors who were separated from their families after the outbreak of the war in February 2022 are being reunited with their relatives in Ukraine following mediation by the State of Qatar, officials announced on Monday.",
    );
    assert!(figures(&f).contains(&("2023-10-16".into(), 4, Recipient::To(Side::Ukraine), false)), "{:?}", figures(&f));
    assert!(!f.observations.iter().any(|o| matches!(o.fact, Fact::Mediator(_))));
}

#[test]
fn consecutive_days_one_of_them_a_stage_are_one_exchange() {
    let f = read(
        "2025-05-26",
        "On 23 May 390 Ukrainians came home. On 24 May 307 more came home.\n\nOn 25 May 303 came home. Zelensky: \"The third part of the exchange has been completed.\"",
    );
    let merged = crate::facts::merge::merge(vec![f]);
    let days: Vec<usize> = merged.series.iter().map(|s| s.exchanges.len()).collect();
    assert_eq!(days, [3]);
}

#[test]
fn a_compiled_threads_posting_day_is_its_today_and_the_nearest_subject_gives() {
    let f = read(
        "2025-08-25",
        "Compiled thread · 14 posts · originally posted 24 Aug 2025 by @captivity_notes\n\n2/ Moscow's defence ministry was first with a number today: 146 Russian servicemen returned.\n\n11/ Other direction: Russia says Ukraine also returned 8 residents of its Kursk region.",
    );
    let got = figures(&f);
    let ru = Recipient::To(Side::Russia);
    assert!(got.contains(&("2025-08-24".into(), 146, ru, false)), "{got:?}");
    assert!(got.iter().any(|g| g.1 == 8 && g.2 == ru), "{got:?}");
}

#[test]
fn the_dead_of_several_days_in_one_count_are_their_total_and_a_bodies_tables_running_total_is_of_the_dead() {
    let f = read(
        "2025-06-27",
        "- 11, 13, 14, 15 and 16 June: five handovers, completing the return of 6,057 bodies to Ukraine by Kyiv's count.\n\n| Date | Bodies received by Ukraine | Ukraine's running total |\n|---|---|---|\n| 11 June | 1,212 | 1,212 |\n| 13 June | 1,200 | 2,412 |",
    );
    let bodies: Vec<(u64, Scope)> =
        f.claims.iter().filter(|c| c.kind == ClaimKind::Bodies(Side::Ukraine)).map(|c| (c.low, c.scope)).collect();
    assert!(bodies.contains(&(6057, Scope::Stages)), "{bodies:?}");
    assert!(bodies.contains(&(1200, Scope::Day)), "{bodies:?}");
    assert!(bodies.contains(&(2412, Scope::Unstated)), "{bodies:?}");
    assert!(!f.claims.iter().any(|c| matches!(c.kind, ClaimKind::ReturnedTotal(_))), "{:?}", f.claims);
}

#[test]
fn a_bold_run_in_heading_after_a_list_opens_no_item() {
    let f = read(
        "2023-02-06",
        "Ukraine got 116 of its people back on Saturday, 4 February 2023.\n\nYermak's numbers:\n\n- 2 officers and 114 privates and sergeants\n- 8 territorial defence fighters\n\n**The other side.** Moscow's defence ministry said 63 Russian servicemen came back.",
    );
    assert!(figures(&f).contains(&("2023-02-04".into(), 63, Recipient::To(Side::Russia), false)), "{:?}", figures(&f));
}

#[test]
fn children_brought_home_are_no_running_total_of_people_freed() {
    let f = read("2024-02-20", "Kyiv says Doha has helped at least 20 children home since October.");
    assert!(f.claims.iter().all(|c| !matches!(c.kind, ClaimKind::ReturnedTotal(_))), "{:?}", f.claims);
}

#[test]
fn a_bare_count_after_bodies_counted_before_is_of_bodies_too() {
    let f = read("2025-10-03", "On 18 September Ukraine received 1,000 bodies, and Russia received 24.");
    let bodies: Vec<(ClaimKind, u64)> = f.claims.iter().map(|c| (c.kind, c.low)).collect();
    assert_eq!(bodies, [(ClaimKind::Bodies(Side::Ukraine), 1000), (ClaimKind::Bodies(Side::Russia), 24)]);
}

#[test]
fn running_totals_listed_under_a_label_are_each_as_of_their_own_item() {
    let f = read(
        "2024-07-19",
        "Cumulative returns announced by Ukrainian officials: 3,210 after the May exchange; about 3,300 after June; 3,405 after 17 July.",
    );
    let totals: Vec<(u64, String, String)> = f
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::ReturnedTotal(Side::Ukraine))
        .map(|c| (c.low, c.as_of.to_string(), c.reporter.name.clone()))
        .collect();
    let want = [(3210, "2024-05-31"), (3300, "2024-06-30"), (3405, "2024-07-17")];
    assert_eq!(totals, want.map(|(v, d)| (v, d.to_string(), "Kyiv".to_string())));
    // Without a running total's label the list items are no totals.
    let f = read("2024-07-19", "Prices in Kyiv: 3,210 after the May exchange; about 3,300 after June.");
    assert!(f.claims.is_empty(), "{:?}", f.claims);
}

#[test]
fn a_year_beside_an_ordinal_or_before_a_tally_scopes_neither_count() {
    let f = read(
        "2024-09-15",
        "The Emirati foreign ministry said the swap freed 206 captives, its eighth successful mediation between the two countries in 2024, and raised the number exchanged through UAE mediation to 1,994.",
    );
    let claims: Vec<(u64, ClaimKind, Scope)> = f.claims.iter().map(|c| (c.low, c.kind, c.scope)).collect();
    assert_eq!(claims, [(1994, ClaimKind::SwappedTotal, Scope::Unstated)]);
}

/// A live blog, newest entry first: its swap began on the earliest entry that
/// counts people (not the day of the talks that agreed it), and "Day two:" in
/// the wrap-up is that day of the swap, not the wrap-up's.
#[test]
fn a_live_blogs_day_labels_count_from_its_first_counted_entry() {
    let body = "At talks in Istanbul on 16 May the two delegations agreed to release 1,000 prisoners each.\n\nSun 25 May, 22:40\n\nWrapping up. Day one: 390 each. Day two: 307 each. Day three: 303 each.\n\nSat 24 May, 17:50\n\nDay two: 307 each.\n\nFri 23 May, 15:20\n\nFirst stage complete. Zelensky: 390 people home today.";
    let got = figures(&read("2025-05-25", body));
    for (day, value) in [("2025-05-23", 390), ("2025-05-24", 307), ("2025-05-25", 303)] {
        assert!(got.contains(&(day.into(), value, Recipient::Each, false)), "{day} {value}: {got:?}");
    }
    assert!(!got.iter().any(|(day, ..)| day == "2025-05-16"), "{got:?}");
}

/// "it" in a running total stands for whoever the sentence names nearest: the
/// headquarters' own people, or a mediator's tally of both sides.
#[test]
fn a_pronoun_in_a_running_total_is_the_nearest_named_speaker() {
    let f = read(
        "2025-04-20",
        "The Coordination Headquarters said it had freed 4,306 people through exchanges.\n\nKyiv says 4,552 people have now been brought back since 2022; the UAE said it has helped free 3,771 prisoners in all.",
    );
    let claims: Vec<(u64, ClaimKind)> = f.claims.iter().map(|c| (c.low, c.kind)).collect();
    assert_eq!(
        claims,
        [
            (4306, ClaimKind::ReturnedTotal(Side::Ukraine)),
            (4552, ClaimKind::ReturnedTotal(Side::Ukraine)),
            (3771, ClaimKind::SwappedTotal)
        ]
    );
}
/// A data piece: a table, then prose under bold run-in labels. The table's last
/// row dates no prose after it, and a paragraph opening on "The 3 January
/// exchange" is about that one, though it names the one before too.
#[test]
fn prose_after_a_table_is_dated_by_its_own_words() {
    let f = read(
        "2024-12-31",
        "| Date | Ukraine | Russia |\n|---|---|---|\n| 3 Jan 2024 | 230 | 248 |\n| 30 Dec 2024 | 189 | 150 |\n\n**The December puzzle.** On 30 December Russia said 150 prisoners went each way.\n\n**The January record.** The 3 January exchange was the first in almost five months — the previous one had been in August 2023. President Zelensky put it as \"230 of our people\": 213 soldiers and sergeants, 11 officers and six civilians.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-01-03".into(), 6, Recipient::To(Side::Ukraine), true)), "{got:?}");
    assert!(!got.iter().any(|(day, v, ..)| day == "2024-12-30" && *v == 230), "{got:?}");
}

/// Parts described by what they defended are Ukraine's, whichever side's hundred
/// was counted last ("one hundred Russian servicemen came back …").
#[test]
fn parts_that_defended_mariupol_are_ukraines() {
    let f = read(
        "2024-02-09",
        "On 8 February 2024 one hundred Ukrainians came home. Moscow said one hundred Russian servicemen came back.\n\nTARAS: Eighty-four of the hundred defended Mariupol, and eighty-two of those eighty-four were at Azovstal.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-02-08".into(), 84, Recipient::To(Side::Ukraine), true)), "{got:?}");
}

/// A channel's mirrored posts: each headed by a flag and a stamp, the quotation
/// attributed after it, a dash that sums up, and a total that came home.
#[test]
fn mirrored_posts_are_dated_by_their_stamps_and_summed_up() {
    let f = read(
        "2022-04-29",
        "👁 188K · 25.03.2022, 09:12\n\n🇺🇦 01.04.2022, 18:02\n\nTranslated:\n\n\"The second exchange is done. Eighty-six of our soldiers are coming home. Hold on.\"\n\n\
         Deputy head of the presidential office Kyrylo Tymoshenko added that all of them were home.\n\n\
         🇺🇦 09.04.2022, 16:40\n\n\"Twelve servicemen and fourteen civilians are free — 26 of our people in all.\"\n\n\
         🇺🇦 19.04.2022, 19:30\n\nAltogether 76 people came back on 19 April.",
    );
    let got = figures(&f);
    let ua = Recipient::To(Side::Ukraine);
    assert!(got.contains(&("2022-04-01".into(), 86, ua, false)), "{got:?}");
    assert!(got.contains(&("2022-04-09".into(), 26, ua, false)), "{got:?}");
    assert!(got.contains(&("2022-04-19".into(), 76, ua, false)), "{got:?}");
}

/// A column telling two swaps in turn: the day set off by a comma after "the summit"
/// is the swap's; the mediator and the paragraph after that goes on with "It" are
/// of the second swap, not of the first the article opens on.
#[test]
fn a_paragraph_goes_on_about_the_swap_the_one_before_ended_on() {
    let f = read(
        "2025-08-27",
        "The day before the summit, on 14 August, Ukraine brought home 84 people.\n\n\
         Then, on Sunday 24 August 2025, came another. Russia's defence ministry said 146 Russian servicemen were returned, again with Emirati mediation.\n\n\
         It also brought back eight Ukrainian civilians.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2025-08-14".into(), 84, Recipient::To(Side::Ukraine), false)), "{got:?}");
    assert!(got.contains(&("2025-08-24".into(), 8, Recipient::To(Side::Ukraine), false)), "{got:?}");
    let mediators: Vec<String> = f
        .observations
        .iter()
        .filter(|o| matches!(o.fact, Fact::Mediator(_)))
        .map(|o| o.date.map_or("-".into(), |d| d.id()))
        .collect();
    assert_eq!(mediators, ["2025-08-24"]);
}

/// "Our people are back. 207 of them": the count of a group the sentence before brought
/// home uncounted is its head count, not a part of Moscow's 195 read before.
#[test]
fn n_of_them_counts_a_group_brought_home_uncounted() {
    let f = read(
        "2024-01-31",
        "Russia said 195 Russian servicemen were returned. Zelensky gave a higher number. \"Our people are back. 207 of them,\" he wrote on X.",
    );
    let got = figures(&f);
    assert!(got.contains(&("2024-01-31".into(), 207, Recipient::To(Side::Ukraine), false)), "{got:?}");
    // Not when a larger group was counted: "Of the 230 … 11 of them were officers".
    let f = read("2024-01-03", "Ukraine said 230 Ukrainians came home. They are back. 11 of them are officers.");
    assert!(figures(&f).contains(&("2024-01-03".into(), 11, Recipient::To(Side::Ukraine), true)), "{:?}", figures(&f));
}

/// "1,212 bodies on 11 June, 1,200 on 14 June and 1,200 on 15 June": every elided count
/// after the first is of bodies too; "250 people per side" went each way.
#[test]
fn elided_counts_after_bodies_are_bodies_and_per_side_is_each_way() {
    let f = read(
        "2025-07-30",
        "Ukraine received 1,212 bodies on 11 June, 1,200 on 14 June and 1,200 on 15 June. Medinsky said about 250 people per side were exchanged on 23 July.",
    );
    let got = figures(&f);
    assert_eq!(got.iter().map(|g| (g.1, g.2)).collect::<Vec<_>>(), [(250, Recipient::Each)], "{got:?}");
}

/// A section heading naming the deal says no day's count; "the figure was 307 each"
/// after a day is that day's count, no part of the day before.
#[test]
fn a_deal_named_in_a_heading_is_no_figure_and_the_days_figure_is_its_count() {
    let f = read(
        "2025-07-30",
        "ITEM 1 — THE 1,000-FOR-1,000 EXCHANGE (MAY)\n\nOn Friday 23 May 2025 each side freed 390 people. On 24 May the figure was 307 each, all of them men.",
    );
    assert_eq!(
        figures(&f),
        [
            ("2025-05-23".to_string(), 390, Recipient::Each, false),
            ("2025-05-24".to_string(), 307, Recipient::Each, false)
        ]
    );
}

/// "saw 205 prisoners go each way": "go" moves people as "went" does.
#[test]
fn prisoners_that_go_each_way_were_exchanged() {
    let f = read("2025-05-25", "The previous swap, on 6 May, saw 205 prisoners go each way with the UAE mediating.");
    assert_eq!(figures(&f), [("2025-05-06".to_string(), 205, Recipient::Each, false)]);
}

/// "On Friday, 28 June, ten civilians were freed …, arriving overnight into Saturday.
/// This time the mediator was the Vatican": the paragraph goes on about the day its
/// sentence opened on, though it named a second.
#[test]
fn a_sentence_naming_two_days_carries_the_one_it_opens_on() {
    let f = read(
        "2024-06-30",
        "Russia and Ukraine swapped 90 prisoners of war each on Tuesday, 25 June, with UAE mediation.\n\n\
         On Friday, 28 June, ten Ukrainian civilians were freed and flown to Kyiv, arriving overnight into Saturday. This time the mediator was the Vatican.",
    );
    let vatican: Vec<String> = f
        .observations
        .iter()
        .filter(|o| matches!(&o.fact, Fact::Mediator(m) if m.value.contains("Vatican")))
        .map(|o| o.date.map_or("-".into(), |d| d.id()))
        .collect();
    assert_eq!(vatican, ["2024-06-28"]);
}
