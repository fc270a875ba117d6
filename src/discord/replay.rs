//! Refusing replayed interactions on `serve-http`.
//!
//! A signature proves that Discord sent a body once, not that it is sending it now: anyone
//! who captured a request could post it again. Discord signs the timestamp with the body, so
//! a request is refused when its timestamp is more than [`MAX_SKEW`] from our clock, and,
//! inside that window, when its interaction id was already seen. Ids are remembered for
//! [`REMEMBER`], longer than the whole window a timestamp can be accepted in (±5 minutes),
//! so a replay is caught by one check or the other.

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How far a request's timestamp may be from our clock: Discord's requests arrive within
/// seconds, and five minutes forgives a server clock that drifts.
pub const MAX_SKEW: Duration = Duration::from_secs(5 * 60);

/// How long an interaction id is remembered: also the life of an interaction's token.
pub const REMEMBER: Duration = Duration::from_secs(15 * 60);

/// How many ids are remembered at most. Only requests that passed the signature check are
/// remembered, so the set grows with Discord's traffic to this bot, not with an attacker's;
/// this bounds it anyway (about 2 MB). When full, the oldest id is forgotten early.
pub const CAPACITY: usize = 50_000;

/// Why a request is refused as a possible replay.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Replay {
    #[error("the signature timestamp {0:?} is not a number of seconds")]
    Unreadable(String),
    #[error("the signature timestamp is {0} s away from the server's clock (at most 300 s allowed)")]
    Stale(u64),
    #[error("interaction {0} was already received")]
    Seen(u64),
}

/// Checks that `timestamp` (Unix seconds, as Discord sends it) is within [`MAX_SKEW`] of `now`.
pub fn fresh(timestamp: &str, now: SystemTime) -> Result<(), Replay> {
    let sent: i64 = timestamp.trim().parse().map_err(|_| Replay::Unreadable(timestamp.chars().take(32).collect()))?;
    let now = match now.duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
        Err(_) => 0,
    };
    let skew = now.abs_diff(sent);
    if skew > MAX_SKEW.as_secs() {
        return Err(Replay::Stale(skew));
    }
    Ok(())
}

/// The interaction ids received in the last [`REMEMBER`].
#[derive(Debug, Default)]
pub struct Seen {
    inner: Mutex<Ids>,
}

#[derive(Debug, Default)]
struct Ids {
    set: HashSet<u64>,
    /// Arrival order, to forget the oldest first.
    order: VecDeque<(Instant, u64)>,
}

impl Seen {
    /// Records `id`; `Err` if it was already recorded within [`REMEMBER`] of `now`.
    pub fn first_time(&self, id: u64, now: Instant) -> Result<(), Replay> {
        // A poisoned lock only means another request panicked mid-update; the set is still
        // a set of ids, good enough to go on with.
        let mut ids = self.inner.lock().unwrap_or_else(|poison| poison.into_inner());
        while let Some(&(at, old)) = ids.order.front() {
            let expired = now.checked_duration_since(at).is_some_and(|age| age >= REMEMBER);
            if !expired && ids.order.len() < CAPACITY {
                break;
            }
            ids.order.pop_front();
            ids.set.remove(&old);
        }
        if !ids.set.insert(id) {
            return Err(Replay::Seen(id));
        }
        ids.order.push_back((now, id));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn timestamps_must_be_numbers_within_five_minutes() {
        let now = at(1_750_000_000);
        assert_eq!(fresh("1750000000", now), Ok(()));
        assert_eq!(fresh("1749999700", now), Ok(()));
        assert_eq!(fresh("1750000300", now), Ok(()));
        assert_eq!(fresh("1749996400", now), Err(Replay::Stale(3600)));
        assert_eq!(fresh("1718464000", now), Err(Replay::Stale(31_536_000)));
        assert_eq!(fresh("1750086400", now), Err(Replay::Stale(86_400)));
        assert!(matches!(fresh("abc", now), Err(Replay::Unreadable(_))));
        assert!(matches!(fresh("", now), Err(Replay::Unreadable(_))));
        assert!(matches!(fresh("99999999999999999999999", now), Err(Replay::Unreadable(_))));
        assert!(fresh("-9223372036854775808", now).is_err());
    }

    #[test]
    fn an_id_is_refused_a_second_time_until_it_is_forgotten() {
        let seen = Seen::default();
        let start = Instant::now();
        assert_eq!(seen.first_time(1, start), Ok(()));
        assert_eq!(seen.first_time(2, start), Ok(()));
        assert_eq!(seen.first_time(1, start + Duration::from_secs(60)), Err(Replay::Seen(1)));
        assert_eq!(seen.first_time(1, start + REMEMBER), Ok(()));
    }

    #[test]
    fn the_set_is_bounded() {
        let seen = Seen::default();
        let now = Instant::now();
        for id in 0..(CAPACITY as u64 + 10) {
            assert_eq!(seen.first_time(id, now), Ok(()));
        }
        let ids = seen.inner.lock().unwrap();
        assert_eq!(ids.set.len(), CAPACITY);
        assert_eq!(ids.order.len(), CAPACITY);
    }
}
