//! Ukrainian and Russian questions fill the same slots as English ones.

use chrono::NaiveDate;

use super::*;
use crate::lang::dates::Period;
use crate::lang::{Lang, Side};

fn q(text: &str) -> Question {
    understand(text, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), &|_| None)
}

fn day(y: i32, m: u32, d: u32) -> Period {
    Period::Day { date: NaiveDate::from_ymd_opt(y, m, d).unwrap() }
}

/// The slots an English question and its translations must share.
fn slots(x: &Question) -> String {
    format!(
        "{} {:?} {:?} {:?} {:?}",
        x.measure, x.select.periods, x.filter.recipient, x.filter.category, x.select.n_for_n
    )
}

#[test]
fn the_same_slots_in_three_languages() {
    let cases = [
        [
            "How many prisoners were exchanged on 19 March 2025?",
            "Скільки полонених обміняли 19 березня 2025?",
            "Сколько пленных обменяли 19 марта 2025?",
        ],
        [
            "Who brokered the February 2025 swap?",
            "Хто був посередником обміну в лютому 2025?",
            "Кто был посредником обмена в феврале 2025?",
        ],
        [
            "When did the 1000-for-1000 exchange begin?",
            "Коли почався обмін 1000 на 1000?",
            "Когда начался обмен тысяча на тысячу?",
        ],
        ["List every exchange in 2025", "Перелічи всі обміни у 2025 році", "Перечисли все обмены в 2025 году"],
        [
            "How many wounded Ukrainians did Russia hand over in March 2025?",
            "Скільки поранених українців Росія передала в березні 2025 року?",
            "Сколько раненых украинцев Россия передала в марте 2025 года?",
        ],
        [
            "How many civilians did Russia get back on 23 May 2025?",
            "Скільки цивільних отримала назад Росія 23 травня 2025?",
            "Сколько гражданских получила обратно Россия 23 мая 2025?",
        ],
    ];
    for [en, uk, ru] in cases {
        let (en_q, uk_q, ru_q) = (q(en), q(uk), q(ru));
        assert_eq!((en_q.lang, uk_q.lang, ru_q.lang), (Lang::En, Lang::Uk, Lang::Ru), "{en}");
        assert_eq!(slots(&uk_q), slots(&en_q), "{uk}");
        assert_eq!(slots(&ru_q), slots(&en_q), "{ru}");
    }
}

/// Every month in the cases a question puts it in: "19 березня", "у березні", "березень 2025".
#[test]
fn every_month_in_every_case() {
    #[rustfmt::skip]
    let uk = [
        ["січня", "січні", "січень"], ["лютого", "лютому", "лютий"], ["березня", "березні", "березень"],
        ["квітня", "квітні", "квітень"], ["травня", "травні", "травень"], ["червня", "червні", "червень"],
        ["липня", "липні", "липень"], ["серпня", "серпні", "серпень"], ["вересня", "вересні", "вересень"],
        ["жовтня", "жовтні", "жовтень"], ["листопада", "листопаді", "листопад"], ["грудня", "грудні", "грудень"],
    ];
    #[rustfmt::skip]
    let ru = [
        ["января", "январе", "январь"], ["февраля", "феврале", "февраль"], ["марта", "марте", "март"],
        ["апреля", "апреле", "апрель"], ["мая", "мае", "май"], ["июня", "июне", "июнь"],
        ["июля", "июле", "июль"], ["августа", "августе", "август"], ["сентября", "сентябре", "сентябрь"],
        ["октября", "октябре", "октябрь"], ["ноября", "ноябре", "ноябрь"], ["декабря", "декабре", "декабрь"],
    ];
    for (i, (u, r)) in uk.iter().zip(&ru).enumerate() {
        let m = i as u32 + 1;
        let month = Period::Month { year: 2024, month: m };
        let checks = [
            (format!("Скільки полонених обміняли 3 {} 2024?", u[0]), day(2024, m, 3)),
            (format!("Скільки полонених обміняли у {} 2024 року?", u[1]), month),
            (format!("Обміни за {} 2024", u[2]), month),
            (format!("Сколько пленных обменяли 3 {} 2024?", r[0]), day(2024, m, 3)),
            (format!("Сколько пленных обменяли в {} 2024 года?", r[1]), month),
            (format!("Обмены за {} 2024", r[2]), month),
        ];
        for (text, want) in checks {
            assert_eq!(q(&text).select.periods, vec![want], "{text}");
        }
    }
}

#[test]
fn relative_dates() {
    // 21 November 2026 is a Saturday.
    let week = q("Скільки полонених обміняли минулого тижня?").select.periods;
    assert_eq!(week, q("How many prisoners were exchanged last week?").select.periods);
    assert_eq!(q("Сколько пленных обменяли на прошлой неделе?").select.periods, week);
    assert_eq!(q("Сколько пленных обменяли вчера?").select.periods, vec![day(2026, 11, 20)]);
    assert_eq!(q("Скільки полонених обміняли вчора?").select.periods, vec![day(2026, 11, 20)]);
}

#[test]
fn sides_in_their_cases() {
    for text in [
        "Скільки полонених повернулося в Україну?",
        "Скільки полонених отримала Україна?",
        "Скільки українців повернулося додому?",
        "Сколько украинцев вернулись домой?",
        "Сколько пленных получила Украина?",
    ] {
        assert_eq!(q(text).filter.recipient, Some(Side::Ukraine), "{text}");
    }
    for text in ["Скільки росіян повернулося?", "Сколько россиян вернулось?", "Сколько пленных получила Россия?"]
    {
        assert_eq!(q(text).filter.recipient, Some(Side::Russia), "{text}");
    }
}

#[test]
fn mixed_language_questions() {
    let x = q("скільки POW 19 March 2025");
    assert_eq!(x.lang, Lang::Uk);
    assert_eq!(x.measure, Measure::Count);
    assert_eq!(x.select.periods, vec![day(2025, 3, 19)]);
    let y = q("сколько POW 24 May 2025");
    assert_eq!(y.lang, Lang::Ru);
    assert_eq!(y.select.periods, vec![day(2025, 5, 24)]);
}

#[test]
fn numbers_in_words() {
    assert_eq!(q("Коли почався обмін тисяча на тисячу?").select.n_for_n, Some(1000));
    assert_eq!(q("Когда был обмен двести пятьдесят на двести пятьдесят?").select.n_for_n, Some(250));
}
