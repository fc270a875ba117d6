//! Counts become figures: each gets its kind, recipient, reporter, date,
//! confidence, and the group it is a part of.

use super::count::{self, Count};
use super::frames::{self, Scene};
use super::kind::{self, Kind};
use super::reporter::{self, Speech};
use super::sentence::Sentence;
use super::{ArticleFacts, Context, Fact, Observation, Reading};
use crate::facts::model::{Claim, ClaimKind, Confidence, ExchangeDate, Figure, Recipient, Reporter, Scope};
use crate::lang::lexicon::{Act, Category, Cue, Side, Tag, people};

mod date;
mod emit;
mod parts;
mod recipient;

use self::date::*;
use self::emit::*;
use self::parts::*;
use self::recipient::*;

/// What reading carries from one sentence to the next.
#[derive(Default)]
pub struct State {
    pub speakers: super::Speakers,
    /// The previous count read, for "an equal number of" in the next sentence.
    last_value: Option<(u64, Recipient)>,
    /// The group the last count read belongs to (itself, or the group it is
    /// a part of): "Six of the freed Ukrainians are officers … Of them, 74 …".
    last_group: Option<Parent>,
    /// The last headline and the counts read after it that may add up to it.
    run: Option<Run>,
    /// The sides the article's figures went to so far: whose people "came
    /// home" when a sentence does not say.
    home: Vec<Side>,
    /// The sides of the people the article said "came home" or "are home": whose
    /// home "home" is, when its figures went both ways.
    came_home: Vec<Side>,
    /// Each value read so far with the side it went to, for a group named
    /// again: "… as well as 22 seriously injured captives. … the return of
    /// the 22 severely wounded soldiers".
    seen: Vec<Seen>,
    /// Every value read as people exchanged, whatever side or none: "… the
    /// release of 230 captives. … The 230 captives were split equally".
    exchanged: Vec<u64>,
    /// Where the last sentence that said people came home without a count is
    /// ("Our people are back."): "207 of them" next counts them.
    uncounted_home: Option<(usize, usize)>,
}

impl State {
    /// Counts the sides a table's rows went to as figures read before the prose after
    /// it, and each row's head counts as groups its notes may break down ("| 95 | 94 |
    /// 93 privates and sergeants plus 2 officers |": Ukraine's 95).
    pub fn after_table(&mut self, out: &ArticleFacts) {
        for o in &out.observations {
            if let Fact::Figure(f) = &o.fact
                && let Recipient::To(side) = f.recipient
                && !f.part
            {
                self.home.push(side);
                self.seen.push(Seen {
                    value: f.value,
                    side,
                    category: f.category,
                    terms: f.terms.clone(),
                    head: true,
                    date: o.date,
                });
            }
        }
    }
}

/// A count read, for a group named again later ("the three pilots").
struct Seen {
    value: u64,
    side: Side,
    category: Category,
    terms: Vec<String>,
    /// A head count, not a part of one.
    head: bool,
    date: Option<ExchangeDate>,
}

impl Seen {
    /// The same group: the same number of the same kind of people, told by a
    /// word they share ("pilots") or a category other than plain prisoners
    /// ("seriously injured captives", "severely wounded soldiers").
    fn names(&self, c: &Count, value: u64) -> bool {
        self.value == value
            && self.category == c.category
            && (c.category != Category::Prisoners || c.terms.iter().any(|t| self.terms.contains(t)))
    }
}

/// Paragraphs after a headline's within which its breakdown may follow.
const RUN_PARAGRAPHS: usize = 2;

/// "Twenty-six Ukrainians have been released. … twelve Ukrainian
/// servicemen are returning home … In addition, fourteen civilians have
/// been freed": counts in the sentences after a headline that add up to it
/// are its breakdown, as they are inside one sentence.
struct Run {
    head: Parent,
    paragraph: usize,
    position: usize,
    /// Observations (indices into the article's) read since, and their sum.
    members: Vec<usize>,
    sum: u64,
}

/// A group a later count can be part of.
#[derive(Debug, Clone, Copy)]
struct Parent {
    value: u64,
    recipient: Recipient,
    date: Option<ExchangeDate>,
    category: Category,
}

/// One count, read.
struct Read {
    kind: Kind,
    value: u64,
    recipient: Option<Recipient>,
    confidence: Confidence,
    date: Option<ExchangeDate>,
    inferred: bool,
    part: bool,
    /// A part of an earlier sentence's headline, read into its breakdown.
    in_run: bool,
    /// The group it belongs to: its parent's for a part, else itself.
    group: Option<Parent>,
    category: Category,
}

pub fn read(ctx: &Context, p: &Reading, reporter: &Reporter, state: &mut State, out: &mut ArticleFacts) {
    let s = &p.s;
    let counts = count::find(s);
    let home_uncounted = counts.is_empty()
        && s.has(0..s.words.len(), |t| t == Tag::Act(Act::Home))
        && !s.has(0..s.words.len(), |t| t == Tag::Cue(Cue::Plan) || t == Tag::Cue(Cue::Negation));
    let previous_home = state.uncounted_home.take();
    if home_uncounted {
        state.uncounted_home = Some((s.paragraph, s.position));
    }
    if counts.is_empty() {
        return;
    }
    let speeches = reporter::speeches(s);
    // Every number but a date's: a frame's gap never reaches past one ("116 home, 63 to Russia").
    let numbers: Vec<usize> = (0..s.words.len())
        .filter(|&k| s.words[k].number().is_some() && !s.dates.iter().any(|(m, _)| m.words.contains(&k)))
        .chain(counts.iter().map(|c| c.at))
        .collect();
    let runs = list_parts(s, &counts);
    // "Two are officers and 114 are privates and sergeants": counts with no side
    // of their own that add up to a head count read before are its breakdown,
    // whatever group came last (63 Russians).
    let sideless: Vec<&Count> =
        counts.iter().filter(|c| c.nationality.is_none() && c.thing.is_none() && !c.swaps).collect();
    let sum: u64 = sideless.iter().map(|c| c.value).sum();
    // "Ukrainians: 82 privates and sergeants, 21 officers" in a row of 103 each way:
    // the side the label names.
    let labelled_side = sideless.first().and_then(|first| {
        (0..first.at).find_map(|k| match s.tag(k) {
            Some(Tag::Nationality(side)) => Some(side),
            _ => None,
        })
    });
    let breakdown_of = (sideless.len() >= 2)
        .then(|| {
            state
                .seen
                .iter()
                .rev()
                .find(|x| x.head && x.value == sum && labelled_side.is_none_or(|side| x.side == side))
                .map(|x| x.side)
        })
        .flatten();
    let ranks = rank_breakdown(s, &counts);
    let mut done: Vec<Read> = Vec::new();
    // Whether the count before was one of things, elided ("…, 1,200 on 14 June").
    let mut things_before = false;
    // The group read before this sentence, before its own counts replace it.
    let group_before = state.last_group;
    for (n, c) in counts.iter().enumerate() {
        let labelled;
        let c = match list_label(s, c) {
            Some(terms) if p.stamp.is_none() && !c.swaps && c.thing.is_none() => {
                labelled = Count { terms, ..c.clone() };
                &labelled
            }
            _ => c,
        };
        let quiet =
            if p.note { ctx.outlet.clone() } else { ctx.statement.clone().unwrap_or_else(|| ctx.outlet.clone()) };
        // "Volodymyr Zelensky gave a larger number — 189 Ukrainians": whoever gave it.
        let who = match super::reporter::subject(s) {
            Some((giver, _)) if kind::given_number(s, c) => giver,
            _ => count_reporter(s, &speeches, c, reporter, &quiet, &state.speakers),
        };
        let sides = super::sides(s, who.side);
        let scene = Scene { s, sides: &sides, speaker: who.side, numbers: &numbers };
        let mut kind = kind::of(s, c, p.today);
        // Read once: a vetoed count is no figure and no one's group.
        let vetoed = kind::vetoed(s, c);
        // "- 26 November: 12 Ukrainians, including three civilians, and nine Russians.":
        // a dated list item needs no verb, nor does the answer to "How many came back?".
        // "Yesterday, Saturday, it was 307": so is a day's count after "it was".
        if kind == Kind::Other
            && ((p.stamp.is_some() || p.answers) && !p.row_note && verbless(s, c) || count::day_copula(s, c))
            && c.thing.is_none()
            && !c.swaps
            && !vetoed
        {
            kind = Kind::Exchanged;
        }
        // "The 230 captives were split equally: …": the exchange's count named again.
        if kind == Kind::Other && c.at > 0 && s.is(c.at - 1, "the") && state.exchanged.contains(&c.value) {
            kind = Kind::Exchanged;
        }
        let mut kind = kind::plausible(kind, c.value);
        let own_kind = kind;
        let value = if c.same_number {
            match done.last().map(|r| r.value).or(state.last_value.map(|v| v.0)) {
                Some(v) => v,
                None => continue,
            }
        } else {
            c.value
        };
        // The group this count is part of: in this sentence, or read before.
        // "Russia launched 145 drones, and air defences downed 72 of them": of the drones.
        // Not a tally after one: "a war that has lasted 38 months, and it brings the number … to 4,757".
        // (Not "…, and Russia received 24", bodies too: its thing is read already, see `count`.)
        // "1,212 bodies on 11 June, 1,200 on 14 June and 1,200 on 15 June": each elided
        // count after the first is of the things too.
        let of_things = c.elliptic
            && c.thing.is_none()
            && (!done.is_empty() && counts[..n].last().is_some_and(|x| x.thing.is_some()) || things_before)
            && !count::tally_frame(s, c);
        things_before = of_things;
        // "a first list of 640 prisoners", "all 74 people aboard died": no one's group.
        let people = c.thing.is_none() && !c.swaps && !of_things && !vetoed;
        if of_things {
            continue;
        }
        // A gapped count stands for itself: "…; on 14 April, thirty".
        // "215 people … in return for 55 prisoners": those went the other way, no part of the 215.
        let given_for = s.tags.iter().any(|t| {
            t.tag == Tag::Cue(Cue::InReturn) && s.is(t.words.end - 1, "for") && (t.words.end..c.at).len() <= 2
        });
        let grouped = people && !c.gapped && !given_for;
        // "The first part of the 1,000-for-1,000 agreement has been carried out — 390
        // people, 270 of them military": the deal's name heads no breakdown.
        let in_sentence = if grouped { runs[n].or_else(|| explicit_parent(s, c, n, &counts)) } else { None }
            .filter(|&k| !counts.get(k).is_some_and(|x| x.pattern && kind::names_the_deal(s, x)));
        let sibling = grouped && sibling_of_part(s, c, &done);
        // "- 87 soldiers of the Armed Forces of Ukraine;" under "the group was made up of:".
        // "🔹 Navy sailors — 18" under "52 people are back": a labelled line of the list.
        let item = p.item || count::labelled_item(s, c).is_some();
        let listed = grouped && item && state.last_group.is_some_and(|g| g.value > c.value);
        // "230 captives …: 115 Ukrainians and 115 Russians": a both-ways count's
        // sides are each side's own figure, not parts of a side's group; so are
        // "150 for 150 — 150 Russian servicemen came back and 150 Ukrainian …".
        // So are "The exchange comprised 246 Ukrainian captives and 246 Russian captives"
        // after "the release of 538 captives from both sides".
        let both_before = in_sentence.is_none()
            && group_before.is_some_and(|g| g.recipient == Recipient::Combined && g.value > c.value);
        let sides_of_both = c.nationality.is_some()
            && (both_before
                || in_sentence.and_then(|k| done.get(k)).is_some_and(|r| {
                    r.kind == Kind::Exchanged
                        && match r.recipient {
                            Some(Recipient::Each) => r.value == c.value,
                            Some(Recipient::To(_)) => false,
                            _ => true,
                        }
                }));
        // "Our people are back. 207 of them": the count of a group the sentence before
        // brought home uncounted, larger than any group read before, is no part.
        let counts_them = n == 0
            && previous_home.is_some_and(|(para, pos)| para == s.paragraph && pos + 1 == s.position)
            && s.is(c.at + 1, "of")
            && (s.is(c.at + 2, "them") || s.is(c.at + 2, "those"))
            && state.last_group.is_none_or(|g| g.value < c.value);
        if counts_them && kind == Kind::Other {
            kind = Kind::Exchanged;
        }
        let part = grouped
            && !sides_of_both
            && !counts_them
            && kind != Kind::Planned
            && (in_sentence.is_some() || sibling || listed || ranks.contains(&n) || is_part(s, c));
        // A part is what its group is: of an exchange ("10 soldiers and two
        // civilians whom Russia had held hostage" are people freed), or of a
        // running total or a plan (then not an exchange figure either).
        // "all 74 people aboard were killed, including six crew members and three
        // Russian servicemen": a sibling is what its sibling part is.
        let listed_with = counts[..n].last().is_some_and(|prev| {
            s.clause_of(prev.at) == s.clause_of(c.at) && !s.has(prev.np.end..c.at, |t| matches!(t, Tag::Act(_)))
        });
        let sibling_read = done.last().filter(|r| r.part && (sibling || part && listed_with));
        let group_kind = in_sentence.and_then(|k| done.get(k)).or(sibling_read);
        if sides_of_both {
            kind = Kind::Exchanged;
        } else if let Some(parent_kind) = group_kind.map(|r| r.kind) {
            kind = if matches!(parent_kind, Kind::Exchanged | Kind::Part) { Kind::Part } else { Kind::Other };
        } else if part
            && (matches!(kind, Kind::Exchanged | Kind::Other)
                // "71 of those held the Azovstal steelworks": a verb describing the part.
                || kind == Kind::Held && s.is(c.at + 1, "of"))
        {
            kind = Kind::Part;
        }
        let recent = state.last_group;
        let open_run = state.run.as_ref().filter(|r| {
            (r.paragraph, r.position) != (s.paragraph, s.position)
                && s.paragraph <= r.paragraph + RUN_PARAGRAPHS
                && matches!(kind, Kind::Exchanged | Kind::Part)
                && people
        });
        let parent = match in_sentence {
            // "Of the 207, 180 are privates": a group restated without its side is the article's.
            Some(k) => done.get(k).and_then(|r| r.group).or(recent),
            None if sibling => done.last().and_then(|r| r.group),
            None if part => recent,
            None => None,
        };
        let (mut recipient, mut confidence) = recipient_of(&scene, c, &done, parent.as_ref(), part, counts.get(n + 1));
        // "Our people are back. 207 of them," he wrote: home is the speaker's.
        if counts_them && recipient.is_none() {
            recipient = who.side.map(Recipient::To);
            confidence = Confidence::Medium;
        }
        // "More than 7,000 since the full-scale invasion began, Zelensky said": a side's
        // running total that names no people is of its own people got back.
        // "How many Ukrainians have come back in total? / The President said more than
        // 7,000 since …": else the people the question just asked about.
        if recipient.is_none()
            && c.elliptic
            && matches!(kind, Kind::Cumulative(_))
            && let Some(side) = who.side.or(p.asked_side)
        {
            (recipient, confidence) = (Some(Recipient::To(side)), Confidence::Medium);
        }
        // "Kyiv's Coordination Headquarters says 33 were military and 51 civilians", read
        // after Moscow's 84: a side's breakdown of people no sentence names is of its own.
        if let (true, None, None, Some(own), Some(Recipient::To(to))) =
            (part && !sibling, in_sentence, c.nationality, who.side, recipient)
            && to == own.other()
            && !s.tags.iter().any(|t| matches!(t.tag, Tag::Nationality(_)))
            // Or under a live blog's stamp, an entry that starts afresh: "16:55 —
            // Coordination Headquarters: the 390 are …" below Moscow's 17:40 entry.
            && (state.seen.iter().any(|x| x.side == own && x.value >= c.value) || p.stamp.is_some())
        {
            recipient = Some(Recipient::To(own));
        }
        let mut part = part;
        // A part read into the breakdown of an earlier headline, not of this sentence's count.
        let mut in_run = false;
        // "Five National Guard soldiers … were also released": no side of its
        // own, fewer than the group just counted — one of them.
        // "Ukraine has freed 2,598 people in 48 swaps": a running total a side
        // gives is of its own people got back, not of the other side's.
        if let (Kind::Cumulative(_), Some(Recipient::To(to)), None, None) =
            (kind, recipient, c.nationality, c.possessive)
        {
            let clause = s.clause_of(c.at);
            // "the Coordination Headquarters said it had freed 4,306 people": "it" too.
            let subject = (clause.start..c.at).find_map(|k| match s.tag(k) {
                Some(Tag::State(side)) => Some(side),
                Some(Tag::Cue(Cue::Pronoun)) => sides.get(k).copied().flatten(),
                _ => None,
            });
            if subject == Some(to.other()) && s.has(clause.start..c.at, |t| t == Tag::Act(Act::Give)) {
                recipient = Some(Recipient::To(to.other()));
            }
        }
        // "In return, 95 prisoners of war … were handed over", opening a
        // sentence after Moscow's 95: the other way from the group just read.
        let in_return = (c.at.saturating_sub(3)..c.at).any(|k| s.tag(k) == Some(Tag::Cue(Cue::InReturn)));
        if recipient.is_none()
            && in_return
            && done.is_empty()
            && let Some(Recipient::To(side)) = recent.map(|g| g.recipient)
        {
            recipient = Some(Recipient::To(side.other()));
            confidence = Confidence::Medium;
        }
        let (own_date, undated) = date_of(ctx, p, c);
        // "the prisoners were being flown in for a 192-for-192 exchange … that day", a
        // day the article says the exchange did not happen: a plan, and its parts no one's.
        if matches!(own_date, Some(ExchangeDate::Day(d)) if ctx.called_off.contains(&d))
            && matches!(kind, Kind::Exchanged | Kind::Part)
        {
            kind = if kind == Kind::Exchanged { Kind::Planned } else { Kind::Other };
            part = false;
        }
        // "Two hundred Ukrainians were released in exchange for Viktor Medvedchuk", "the
        // five commanders were freed separately in return for 55", after the 215 of the
        // whole swap: a deal within it, so a part of its side's group.
        let sub_deal = s.tags_in(c.np.end..s.clause_of(c.at).end).any(|t| t.tag == Tag::Cue(Cue::InReturn));
        if let (true, false, Kind::Exchanged, Some(Recipient::To(side))) = (sub_deal, part, kind, recipient)
            && state.seen.iter().any(|x| x.side == side && x.head && x.value > value && (undated || x.date == own_date))
        {
            part = true;
            kind = Kind::Part;
        }
        // "So Ukraine got back 500 prisoners of war" in a report of the swaps
        // of 5 and 6 March: both days together.
        if kind == Kind::Exchanged && undated && p.stamp.is_none() && ctx.event_span && own_date == Some(ctx.event) {
            kind = Kind::Cumulative(crate::facts::model::Scope::Stages);
        }
        let same_day = |d: Option<ExchangeDate>| undated || d == own_date;
        // The group of the side they fought for, if named: not Moscow's 55 read last.
        // Or of the speaker's side: "Its Coordination Headquarters named two journalists
        // among those released", after Moscow's eight Kursk residents.
        let unnamed = !s.tags.iter().any(|t| matches!(t.tag, Tag::Nationality(_) | Tag::State(_)));
        let side_group = fought_for(s, c).or(who.side.filter(|_| unnamed)).and_then(|side| {
            state.seen.iter().rev().find(|x| x.side == side && x.head && x.value > value).map(|x| Parent {
                value: x.value,
                recipient: Recipient::To(side),
                date: x.date,
                category: x.category,
            })
        });
        if recipient.is_none()
            && matches!(kind, Kind::Exchanged | Kind::Part)
            && let Some(g) = side_group
                .or(recent)
                .filter(|g| g.value > value && matches!(g.recipient, Recipient::To(_)) && same_day(g.date))
        {
            recipient = Some(g.recipient);
            confidence = Confidence::Medium;
            part = true;
            kind = Kind::Part;
        }
        // Not when this sentence counted the group itself: "fifty Ukrainian soldiers
        // …: thirty-three officers and seventeen privates" after Moscow's own fifty.
        if let (true, None, Some(side), None) = (part, c.nationality, breakdown_of, in_sentence) {
            // Both sides freed as many: the speaker's own.
            let sum: u64 = sideless.iter().map(|c| c.value).sum();
            let own = who.side.filter(|own| state.seen.iter().any(|x| x.head && x.value == sum && x.side == *own));
            recipient = Some(Recipient::To(own.unwrap_or(side)));
        }
        // "the 22 severely wounded soldiers": a group of the same kind read
        // before, named again, went where it went then, whatever came last.
        let restated =
            c.at > 0 && (s.is(c.at - 1, "the") || s.is(c.at - 1, "all")) && c.nationality.is_none() && !c.gapped;
        // The group a restated count names again: what is said of it next is of it too
        // ("the 60 included soldiers …; 12 of them were women").
        let mut restated_as: Option<Parent> = None;
        if restated && matches!(kind, Kind::Exchanged | Kind::Part) {
            // The group named again by its words, else by its number alone.
            let named: Vec<&Seen> = state.seen.iter().rev().filter(|x| x.names(c, value)).collect();
            let numbered: Vec<&Seen> = state.seen.iter().rev().filter(|x| x.value == value && x.head).collect();
            let mut groups = if named.is_empty() { numbered } else { named };
            // "among the 107 handed to Kiev", after Moscow's 107 servicemen: the count's own
            // frame says whose they are, and only a group of that side is the one named again.
            if let Some((Recipient::To(side), _)) = frames::recipient(&scene, c) {
                groups.retain(|x| x.side == side);
            }
            // "all 307 were men", says Kyiv's headquarters, after 307 each way:
            // the speaker's own people.
            let own = who
                .side
                .and_then(|own| groups.iter().find(|x| x.side == own))
                .filter(|_| groups.iter().any(|x| Some(x.side) != who.side));
            if let Some(x) = own.or(groups.first()).copied() {
                recipient = Some(Recipient::To(x.side));
                restated_as = Some(Parent {
                    value: x.value,
                    recipient: Recipient::To(x.side),
                    date: x.date,
                    category: x.category,
                });
            }
        }
        // "the 390 are 270 defenders and 120 civilians", with no 390 read before (a
        // reverse-order live blog tells the breakdown first): the day's own count.
        if restated
            && restated_as.is_none()
            && part
            && in_sentence.is_none()
            && runs.contains(&Some(n))
            && matches!(recipient, Some(Recipient::To(_)))
            && matches!(kind, Kind::Part | Kind::Other)
        {
            part = false;
            kind = Kind::Exchanged;
        }
        // "Of the 185, 183 were privates …" after "185 soldiers and 20 civilians":
        // the group the opening names by its number, not the one read last.
        let opened_with = (part && restated_as.is_none())
            .then(|| opening_group(s))
            .flatten()
            .and_then(|v| state.seen.iter().rev().find(|x| x.value == v && x.head))
            .map(|x| Parent { value: x.value, recipient: Recipient::To(x.side), date: x.date, category: x.category });
        let parent = restated_as.or(opened_with).or(parent);
        // "…; on 14 April, thirty": what the first count was, so is this one.
        if c.gapped {
            let Some(first) = done.iter().find(|r| !r.part) else { continue };
            kind = first.kind;
            recipient = first.recipient;
            confidence = first.confidence.min(Confidence::Medium);
        }
        // "Units: / - 12th Special Forces Brigade "Azov" - 4 service members":
        // a labelled list item counts part of the exchange just reported.
        if recipient.is_none()
            && kind == Kind::Other
            && c.terms.len() > 1
            && list_label(s, c).is_some()
            && let Some(r) = state.run.as_ref().filter(|r| r.head.value > value && same_day(r.head.date))
        {
            recipient = Some(r.head.recipient);
            confidence = Confidence::Medium;
            part = true;
            kind = Kind::Part;
        }
        // "In addition, fourteen civilians have been freed": no side of its
        // own, and room left in the headline's breakdown.
        if recipient.is_none()
            && let Some(r) = open_run.filter(|r| r.sum + value <= r.head.value && same_day(r.head.date))
        {
            recipient = Some(r.head.recipient);
            confidence = Confidence::Medium;
            part = true;
            kind = Kind::Part;
            in_run = true;
        }
        // "On 30 April fourteen people came home", "On 29 October, 52 people
        // were freed" in an article whose every figure so far went to
        // Ukraine: Ukrainians.
        let clause = s.clause_of(c.at);
        // "came home", or "were freed" with no one named who freed them.
        let homecoming = s.has(clause.clone(), |t| t == Tag::Act(Act::Home))
            || s.has(clause.clone(), |t| t == Tag::Act(Act::Give))
                && s.has(clause.clone(), |t| t == Tag::Cue(Cue::Be))
                && !clause.clone().any(|k| s.is(k, "by"));
        let home_act = s.has(clause.clone(), |t| t == Tag::Act(Act::Home));
        // "130 Ukrainians are home … Moscow said 90 Russian servicemen had been returned
        // … On 16 February, 100 soldiers and one civilian came home": home is Kyiv's.
        let uniform = |sides: &[Side]| match sides {
            [side, rest @ ..] if rest.iter().all(|x| x == side) => Some(*side),
            _ => None,
        };
        let home_side = uniform(&state.home).or_else(|| uniform(&state.came_home).filter(|_| home_act));
        // "Altogether 76 people came back on 19 April": a total that came home went one way,
        // when no swap and no side is named beside it.
        let one_way = recipient == Some(Recipient::Combined)
            && home_act
            && !s.has(clause.clone(), |t| matches!(t, Tag::Act(Act::Swap) | Tag::Event))
            && !s.tags.iter().any(|t| matches!(t.tag, Tag::Nationality(_) | Tag::State(_)));
        if (recipient.is_none() || one_way)
            && kind == Kind::Exchanged
            && (homecoming || count::day_copula(s, c))
            && own_date.is_some()
            && let Some(side) = home_side
        {
            recipient = Some(Recipient::To(side));
            confidence = Confidence::Medium;
        }
        // "the 14 April group five officers": a part of an exchange the article
        // named by its day, in an article whose every figure went to one side.
        let dated_group = s.own_dates().any(|m| {
            m.words.start > 0
                && s.is(m.words.start - 1, "the")
                && m.words.end <= c.at
                && ["group", "exchange", "swap"].iter().any(|g| s.is(m.words.end, g))
                && s.clause_of(m.words.start) == s.clause_of(c.at)
        });
        if recipient.is_none()
            && part
            && dated_group
            && let [side, rest @ ..] = state.home.as_slice()
            && rest.iter().all(|x| x == side)
        {
            recipient = Some(Recipient::To(*side));
            confidence = Confidence::Medium;
        }
        // A part takes its group's date, unless it names its own day: "the
        // 14 April group five officers". A month in a part's sentence is
        // background more often than not ("Mariupol, the port that fell in May").
        let own_day = !undated && matches!(own_date, Some(ExchangeDate::Day(_)));
        // Under a stamp ("**Who came back on Friday?**"), the stamp's day, though
        // the group read last was Saturday's.
        let stamped = p.stamp.map(ExchangeDate::Day);
        let (date, inferred) = match parent {
            Some(x) if part && !own_day && stamped.is_some() && x.date != stamped => (stamped, true),
            Some(x) if part && x.date.is_some() && !own_day => (x.date, true),
            _ => (own_date, undated),
        };
        // "fourteen civilians …, nine of whom are women": nine civilians.
        let category = match parent {
            // Not "58 of those released", "77 of the returnees": of everyone freed.
            Some(p)
                if part
                    && c.category == Category::Prisoners
                    && !people::names_service(&c.terms)
                    && !s
                        .slice(c.at, (c.np.end + 3).min(s.words.len()))
                        .iter()
                        .any(|w| w.is("those") || w.is("returnees")) =>
            {
                p.category
            }
            _ => c.category,
        };
        let own = recipient.map(|recipient| Parent { value, recipient, date, category });
        // A part read against its group's side ("77 of the returnees belonged to his
        // ministry", said Kyiv's minister after Moscow's 15) heads its own breakdown.
        let crossed = matches!((parent.map(|p| p.recipient), recipient), (Some(Recipient::To(a)), Some(Recipient::To(b))) if a != b);
        // ""230 of our people," says Zelensky" after Moscow's 248: an exchange figure of
        // the other side's own people, not a part of the group read before.
        if crossed && in_sentence.is_none() && own_kind == Kind::Exchanged && c.possessive.is_some() {
            part = false;
            kind = Kind::Exchanged;
        }
        let group = if part && !crossed { parent.or(own) } else { own };
        let r = Read { kind, value, recipient, confidence, date, inferred, part, in_run, group, category };
        tracing::trace!(value, ?kind, ?recipient, ?confidence, part, date = ?date.map(|d| d.id()), reporter = %who.name, sentence = s.text, "count");
        let emitted = out.observations.len();
        emit(ctx, s, c, &r, &who, p.today, out);
        let emitted = (out.observations.len() > emitted).then_some(emitted);
        track_run(state, s, &r, emitted, out);
        if let Some(recipient) = r.recipient {
            state.last_value = Some((value, recipient));
        }
        if let (Some(Recipient::To(side)), Kind::Exchanged | Kind::Part) = (r.recipient, r.kind) {
            state.seen.push(Seen { value, side, category: c.category, terms: c.terms.clone(), head: !r.part, date });
        }
        if let (Some(Recipient::To(side)), Kind::Exchanged) = (r.recipient, r.kind)
            && r.confidence >= Confidence::Medium
        {
            state.home.push(side);
            if s.has(s.clause_of(c.at), |t| t == Tag::Act(Act::Home)) {
                state.came_home.push(side);
            }
        }
        if people && matches!(r.kind, Kind::Exchanged | Kind::Part) {
            state.last_group = r.group;
        }
        if people && r.kind == Kind::Exchanged && !r.part {
            state.exchanged.push(value);
        }
        done.push(r);
    }
}

/// Extends or restarts the breakdown run with a read count, and marks the
/// run's members as parts once they add up to its headline.
fn track_run(state: &mut State, s: &Sentence, r: &Read, emitted: Option<usize>, out: &mut ArticleFacts) {
    let Some(recipient @ Recipient::To(_)) = r.recipient else { return };
    // "one woman officer among them" breaks down its own sentence's count, not the headline.
    if !matches!(r.kind, Kind::Exchanged | Kind::Part) || r.part && !r.in_run {
        return;
    }
    let fits = |run: &Run| {
        run.head.recipient == recipient
            && run.head.date == r.date
            && (run.paragraph, run.position) != (s.paragraph, s.position)
            && s.paragraph <= run.paragraph + RUN_PARAGRAPHS
            && run.sum + r.value <= run.head.value
    };
    match (&mut state.run, emitted) {
        (Some(run), Some(i)) if fits(run) => {
            run.members.push(i);
            run.sum += r.value;
            if run.sum == run.head.value && run.members.len() >= 2 {
                for &m in &run.members {
                    if let Fact::Figure(f) = &mut out.observations[m].fact {
                        f.part = true;
                        f.confidence = f.confidence.min(Confidence::Medium);
                    }
                }
                state.run = None;
            }
        }
        _ if !r.part && r.confidence >= Confidence::High => {
            let head = Parent { value: r.value, recipient, date: r.date, category: r.category };
            state.run = Some(Run { head, paragraph: s.paragraph, position: s.position, members: Vec::new(), sum: 0 });
        }
        _ => {}
    }
}

/// No verb of its own in the count's clause.
fn verbless(s: &Sentence, c: &Count) -> bool {
    !s.has(s.clause_of(c.at), |t| matches!(t, Tag::Act(_) | Tag::Cue(Cue::Be)))
}

/// The speaker of a count: the nearest speech verb before it, else a
/// closing attribution after it ("…, the ministry announced"), else
/// whoever speaks the sentence.
fn count_reporter(
    s: &Sentence,
    speeches: &[Speech],
    c: &Count,
    sentence: &Reporter,
    quiet: &Reporter,
    heard: &super::Speakers,
) -> Reporter {
    let before = speeches.iter().rev().find(|x| x.verb < c.at);
    // A closing attribution ends the sentence: "…, the ministry announced on Saturday."
    let closing = speeches.iter().find(|x| x.verb > c.at && x.closing && s.clause_of(x.verb) == s.clause_of(c.at));
    match before.or(closing) {
        Some(x) if x.reporter.is_pending() => heard.pronoun(x.pronoun.as_deref()).unwrap_or_else(|| sentence.clone()),
        Some(x) => x.reporter.clone(),
        // "Ukraine received the bodies of 1,212 …; Medinsky said …": the
        // speaker of a later clause does not vouch for this one.
        None if speeches.iter().any(|x| !x.reporter.is_pending()) => quiet.clone(),
        None => sentence.clone(),
    }
}
