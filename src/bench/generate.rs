//! A seeded synthetic corpus for `powbot bench --articles N`: exchange reports
//! that read like the shipped articles (per-side figures, dates, mediators,
//! quotes, filler, page furniture), 2–6 KB each.
//!
//! The same seed and count always give the same files, so two runs (or two
//! machines) measure the same corpus. Exchanges are spread over the days of
//! 2022–2025 and several articles report each one, as the press does, so the
//! merge has real work to do: many reports per day, breakdowns, month-only
//! mentions and running totals.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Datelike, Days, NaiveDate};

/// SplitMix64: small, seeded, and the same everywhere (no dependency for a benchmark's dice).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `low..high` (`low` when the range is empty).
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        if high <= low { low } else { low + self.next_u64() % (high - low) }
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.range(0, 100) < percent
    }
}

/// One exchange of the synthetic war: what every article about it draws on.
#[derive(Debug, Clone)]
pub struct Event {
    pub day: NaiveDate,
    pub to_ukraine: u64,
    pub to_russia: u64,
    /// Of those returned to Ukraine, the seriously wounded (0: none said).
    pub wounded: u64,
    pub mediator: &'static str,
}

/// What was generated: the events (for the question set) and the corpus size.
#[derive(Debug, Clone)]
pub struct Generated {
    pub events: Vec<Event>,
    pub articles: usize,
    pub bytes: u64,
}

const OUTLETS: &[&str] =
    &["AFP", "Reuters", "Al Jazeera", "The Kyiv Independent", "RT", "TASS", "BBC News", "Ukrinform", "Meduza", "DW"];
const MEDIATORS: &[&str] = &["the United Arab Emirates", "Qatar", "Saudi Arabia", "Turkey", "the Vatican"];
const PLACES: &[&str] = &[
    "Kharkiv",
    "Zaporizhzhia",
    "Kherson",
    "Donetsk",
    "Luhansk",
    "Bakhmut",
    "Mariupol",
    "Avdiivka",
    "Kursk",
    "Belgorod",
    "Sumy",
    "Chernihiv",
    "Odesa",
    "Mykolaiv",
    "Pokrovsk",
    "Kupiansk",
];
const SPEAKERS: &[(&str, &str)] = &[
    ("Volodymyr Zelensky", "Ukrainian President"),
    ("Dmytro Lubinets", "Ukraine's human rights ombudsman"),
    ("Tatyana Moskalkova", "Russia's human rights commissioner"),
    ("Dmitry Peskov", "Kremlin spokesman"),
    ("Andriy Yermak", "the head of Ukraine's presidential office"),
    ("Kyrylo Budanov", "Ukraine's military intelligence chief"),
];
const QUOTES: &[&str] = &[
    "We are bringing our people home, and we will keep doing so until every one of them is free.",
    "Every exchange is the result of long and difficult negotiations.",
    "Some of the guys had been in captivity for more than two years.",
    "Our task is to return everyone, the military and the civilians alike.",
    "The work on the next stages continues.",
    "We thank our partners for their help in returning our defenders.",
];
/// Words for filler: news vocabulary plus rarer words, so that the index's vocabulary grows
/// with the corpus as a real one does.
const FILLER: &[&str] = &[
    "officials",
    "negotiations",
    "front",
    "line",
    "shelling",
    "drones",
    "overnight",
    "regional",
    "governor",
    "infrastructure",
    "energy",
    "grid",
    "missiles",
    "air",
    "defence",
    "forces",
    "counteroffensive",
    "sanctions",
    "talks",
    "ceasefire",
    "humanitarian",
    "corridor",
    "civilians",
    "evacuation",
    "villages",
    "reconstruction",
    "diplomats",
    "summit",
    "allies",
    "weapons",
    "artillery",
    "ammunition",
    "brigade",
    "battalion",
    "reservists",
    "mobilisation",
    "economy",
    "exports",
    "grain",
    "ports",
    "winter",
    "heating",
    "electricity",
    "blackouts",
    "hospitals",
    "volunteers",
    "journalists",
    "investigation",
    "tribunal",
    "parliament",
    "budget",
    "aid",
    "package",
    "delegation",
    "envoy",
    "statement",
    "monitoring",
    "mission",
    "observers",
    "satellite",
    "imagery",
];
const BOILERPLATE: &[&str] = &[
    "Advertisement",
    "Subscribe to our newsletter for the latest updates.",
    "Share this article",
    "Follow us on Telegram",
    "Read more:",
];

fn side_phrase(rng: &mut Rng, ukraine: bool) -> &'static str {
    if ukraine {
        rng.pick(&["Ukrainian servicemen", "Ukrainian prisoners of war", "Ukrainian defenders", "Ukrainian soldiers"])
    } else {
        rng.pick(&["Russian servicemen", "Russian soldiers", "Russian prisoners of war", "Russian troops"])
    }
}

/// A day in `2022-03-01 ..= 2025-12-31`.
fn day_of(rng: &mut Rng) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap_or_default();
    start + Days::new(rng.range(0, 1401))
}

/// The events of a corpus of `articles` articles: about one exchange per eight articles,
/// at most one a day (so that a question about a day has one answer).
pub fn events(rng: &mut Rng, articles: usize) -> Vec<Event> {
    let wanted = (articles / 8).clamp(4, 1200);
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut taken = std::collections::HashSet::new();
    while days.len() < wanted {
        let d = day_of(rng);
        if taken.insert(d) {
            days.push(d);
        }
    }
    days.sort();
    days.into_iter()
        .map(|day| {
            let n = rng.range(20, 400);
            let even = rng.chance(60);
            let to_russia = if even { n } else { rng.range(n / 2 + 1, n + 1) };
            let wounded = if rng.chance(40) { rng.range(2, n / 4 + 3) } else { 0 };
            Event { day, to_ukraine: n, to_russia, wounded, mediator: rng.pick(MEDIATORS) }
        })
        .collect()
}

fn weekday(day: NaiveDate) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        [day.weekday().num_days_from_monday() as usize]
}

fn date_words(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

fn filler_sentence(rng: &mut Rng, out: &mut String) {
    let n = rng.range(12, 28);
    let place = rng.pick(PLACES);
    let mut words: Vec<String> = Vec::with_capacity(n as usize);
    for k in 0..n {
        let w = rng.pick(FILLER);
        if k == n / 2 {
            words.push(format!("in {place}"));
        }
        if rng.chance(4) {
            // A rare token: the long tail of names and codes every real corpus has.
            words.push(format!("{w}{}", rng.range(0, 5000)));
        } else {
            words.push(w.to_string());
        }
    }
    let mut sentence = words.join(" ");
    if let Some(first) = sentence.get(..1) {
        sentence.replace_range(..1, &first.to_uppercase());
    }
    out.push_str(&sentence);
    out.push_str(". ");
}

/// One article about `event`, published on or a day after it.
pub fn article(rng: &mut Rng, index: usize, event: &Event, earlier: Option<&Event>) -> String {
    let published = event.day + Days::new(rng.range(0, 2));
    let outlet = rng.pick(OUTLETS);
    let id = format!("gen-{index:06}");
    let mut body = String::with_capacity(6 * 1024);
    let said_day = if published == event.day {
        format!("on {}", weekday(event.day))
    } else {
        format!("on {}", date_words(event.day))
    };
    let total = event.to_ukraine + event.to_russia;
    // The lead: a per-side or an "each" headline.
    if event.to_ukraine == event.to_russia {
        let _ = writeln!(
            body,
            "Russia and Ukraine each returned {} prisoners of war {said_day} in an exchange mediated by {}.",
            event.to_ukraine, event.mediator
        );
    } else {
        let _ = writeln!(
            body,
            "Russia and Ukraine exchanged {total} prisoners {said_day} in a swap brokered by {}.",
            event.mediator
        );
    }
    body.push('\n');
    if rng.chance(30) {
        let _ = writeln!(body, "{}\n", rng.pick(BOILERPLATE));
    }
    let _ = writeln!(
        body,
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said {} {} had returned home.",
        event.to_ukraine,
        side_phrase(rng, true)
    );
    let _ = writeln!(
        body,
        "Russia's Defence Ministry said {} {} had been returned from territory controlled by Kyiv.",
        event.to_russia,
        side_phrase(rng, false)
    );
    if event.wounded > 0 {
        let _ = writeln!(body, "Among those returned to Ukraine were {} seriously wounded soldiers.", event.wounded);
    }
    body.push('\n');
    let (speaker, role) = rng.pick(SPEAKERS);
    let _ = writeln!(body, "“{}” {role} {speaker} wrote on Telegram.\n", rng.pick(QUOTES));
    if let Some(prev) = earlier {
        let _ = writeln!(
            body,
            "The previous exchange took place on {}, when {} Ukrainians came home.\n",
            date_words(prev.day),
            prev.to_ukraine
        );
    }
    if rng.chance(20) {
        let _ = writeln!(
            body,
            "Since February 2022, {} Ukrainians have been returned from Russian captivity, officials said.\n",
            rng.range(3000, 6000)
        );
    }
    // Filler up to a size of 2–6 KB.
    let target = rng.range(2 * 1024, 6 * 1024) as usize;
    while body.len() < target {
        let sentences = rng.range(2, 6);
        for _ in 0..sentences {
            filler_sentence(rng, &mut body);
        }
        body.push_str("\n\n");
    }
    if rng.chance(50) {
        body.push_str("Related coverage\n");
        for _ in 0..3 {
            let _ = writeln!(body, "- {} {}", rng.pick(FILLER), rng.pick(PLACES));
        }
    }
    let _ = writeln!(body, "{}", rng.pick(BOILERPLATE));
    let title = format!("Russia and Ukraine swap prisoners in exchange brokered by {}", event.mediator);
    format!(
        "+++\nid = \"{id}\"\ntitle = \"{title}\"\noutlet = \"{outlet}\"\nurl = \"https://example.org/{id}\"\npublished = \"{published}\"\n+++\n\n{body}"
    )
}

/// Writes `count` articles under `data_dir/articles` (which must not hold other articles).
pub fn write(data_dir: &Path, count: usize, seed: u64) -> std::io::Result<Generated> {
    let dir = data_dir.join("articles");
    std::fs::create_dir_all(&dir)?;
    let mut rng = Rng::new(seed);
    let events = events(&mut rng, count);
    let mut bytes = 0;
    for i in 0..count {
        let k = rng.range(0, events.len() as u64) as usize;
        let earlier = k.checked_sub(1).map(|j| &events[j]).filter(|_| rng.chance(40));
        let text = article(&mut rng, i, &events[k], earlier);
        bytes += text.len() as u64;
        std::fs::write(dir.join(format!("gen-{i:06}.md")), text)?;
    }
    Ok(Generated { events, articles: count, bytes })
}

/// The fixed mixed question set: counts, mediators, dates, lists, rankings, totals, quotes,
/// typos, and a question the corpus cannot answer. Dates come from `events`.
pub fn questions(events: &[Event]) -> Vec<String> {
    let pick = |k: usize| &events[(k * 7919) % events.len()];
    let mut out = Vec::new();
    for k in 0..4 {
        let e = pick(k);
        out.push(format!("How many prisoners were exchanged on {}?", date_words(e.day)));
        out.push(format!("Who mediated the {} swap?", e.day.format("%B %Y")));
        out.push(format!("How many Ukrainians returned on {}?", date_words(e.day)));
    }
    let e = pick(5);
    out.push(format!("How many wounded were returned in {}?", e.day.year()));
    out.push(format!("List every exchange in {}", e.day.year()));
    out.push(format!("How many prisoners were exchanged in {}?", e.day.format("%B %Y")));
    out.extend(
        [
            "Which exchange was the largest?",
            "When was the last exchange?",
            "What did Zelensky say about the swap?",
            "What did Peskov say?",
            "How many prisoners have been exchanged since 2022?",
            "Who mediated the exchanges?",
            "How many prisonners were exchnaged in Kharkiv?",
            "What is the weather in Kyiv today?",
            "What did the Coordination Headquarters say about wounded defenders?",
        ]
        .iter()
        .map(|q| q.to_string()),
    );
    out
}

/// Query terms for the retrieval comparison: the content words of the question set, as
/// groups of one word each (what `PassageIndex::search`, bare Tantivy and FTS5 all take).
pub const QUERIES: &[&[&str]] = &[
    &["zelensky", "swap"],
    &["peskov"],
    &["coordination", "headquarters", "wounded", "defenders"],
    &["prisoners", "exchanged", "kharkiv"],
    &["mediated", "exchanges"],
    &["drones", "energy", "grid"],
    &["wounded", "soldiers", "returned"],
    &["telegram", "captivity"],
    &["ceasefire", "talks", "envoy"],
    &["brokered", "qatar"],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let ga = write(a.path(), 5, 7).unwrap();
        let gb = write(b.path(), 5, 7).unwrap();
        assert_eq!(ga.bytes, gb.bytes);
        for i in 0..5 {
            let name = format!("articles/gen-{i:06}.md");
            let ta = std::fs::read_to_string(a.path().join(&name)).unwrap();
            assert_eq!(ta, std::fs::read_to_string(b.path().join(&name)).unwrap());
            assert!((2 * 1024..8 * 1024).contains(&ta.len()), "{} bytes", ta.len());
        }
    }
}
