//! A per-user token bucket, so a flood costs one notice while a conversation flows.
//!
//! Each user has a bucket of [`Rate::burst`] questions that refills by one every
//! [`Rate::every`]. A fixed gap between questions (the old rule: one per 5 s) refused the most
//! natural thing a user does, a quick follow-up; a bucket lets a few quick questions through
//! and still holds a sustained flood to one answer per period.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Past this many remembered users, those whose bucket is full again are forgotten, which
/// bounds memory on a busy bot without a background task.
const PRUNE_AT: usize = 10_000;

/// How many questions a user may ask, how fast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// Questions that may come at once.
    pub burst: u32,
    /// One more question is allowed per this much time; zero turns the limit off.
    pub every: Duration,
}

impl Rate {
    /// A burst of 3, then one question every 10 seconds.
    pub const DEFAULT: Rate = Rate { burst: 3, every: Duration::from_secs(10) };
    /// No limit.
    pub const OFF: Rate = Rate { burst: 1, every: Duration::ZERO };
}

/// Every user's bucket.
#[derive(Debug)]
pub struct Cooldown {
    rate: Rate,
    users: Mutex<HashMap<u64, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    /// Questions left, in units of `Rate::every` (fractions refill continuously).
    tokens: f64,
    /// When `tokens` was last brought up to date.
    at: Instant,
    /// Whether the user was already told to wait since their last answer: one notice is
    /// enough, and for mentions (which cannot be private) more would be the flood we avoid.
    notified: bool,
}

/// What to do with a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Answer it.
    Go,
    /// Too soon: say so (once until the next answer, `notify`) and do not answer.
    Wait { remaining: Duration, notify: bool },
}

impl Cooldown {
    pub fn new(rate: Rate) -> Cooldown {
        Cooldown { rate, users: Mutex::new(HashMap::new()) }
    }

    /// Decides about a request from `user` at `now`, taking a token when it goes through.
    pub fn check(&self, user: u64, now: Instant) -> Verdict {
        if self.rate.every.is_zero() || self.rate.burst == 0 {
            return Verdict::Go;
        }
        let burst = f64::from(self.rate.burst);
        let every = self.rate.every.as_secs_f64();
        // A poisoned lock only means another request panicked mid-update; the map is still a
        // valid map, so keep going rather than take the bot down.
        let mut users = self.users.lock().unwrap_or_else(|poison| poison.into_inner());
        if users.len() >= PRUNE_AT {
            users.retain(|_, bucket| {
                bucket.tokens + now.saturating_duration_since(bucket.at).as_secs_f64() / every < burst
            });
        }
        let bucket = users.entry(user).or_insert(Bucket { tokens: burst, at: now, notified: false });
        let refilled = now.saturating_duration_since(bucket.at).as_secs_f64() / every;
        bucket.tokens = (bucket.tokens + refilled).min(burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            bucket.notified = false;
            return Verdict::Go;
        }
        let notify = !bucket.notified;
        bucket.notified = true;
        Verdict::Wait { remaining: Duration::from_secs_f64((1.0 - bucket.tokens) * every), notify }
    }
}

/// The notice a user gets when they ask too fast: when they may ask again.
pub fn notice(remaining: Duration) -> String {
    let seconds = remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0);
    let unit = if seconds == 1 { "second" } else { "seconds" };
    format!("That is a lot of questions at once: you can ask again in {seconds} {unit}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(burst: u32, secs: u64) -> Rate {
        Rate { burst, every: Duration::from_secs(secs) }
    }

    #[test]
    fn a_burst_goes_through_then_the_next_waits_once_notified() {
        let cooldown = Cooldown::new(rate(3, 10));
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(cooldown.check(1, start), Verdict::Go);
        }
        let later = start + Duration::from_secs(3);
        assert_eq!(cooldown.check(1, later), Verdict::Wait { remaining: Duration::from_secs(7), notify: true });
        assert!(matches!(cooldown.check(1, later), Verdict::Wait { notify: false, .. }));
    }

    #[test]
    fn the_bucket_refills_one_per_period_up_to_the_burst() {
        let cooldown = Cooldown::new(rate(3, 10));
        let start = Instant::now();
        for _ in 0..3 {
            cooldown.check(1, start);
        }
        assert_eq!(cooldown.check(1, start + Duration::from_secs(10)), Verdict::Go);
        assert!(matches!(cooldown.check(1, start + Duration::from_secs(11)), Verdict::Wait { .. }));
        // An hour later: a full burst again, not 360 questions.
        let hour = start + Duration::from_secs(3600);
        for _ in 0..3 {
            assert_eq!(cooldown.check(1, hour), Verdict::Go);
        }
        assert!(matches!(cooldown.check(1, hour), Verdict::Wait { .. }));
    }

    #[test]
    fn users_do_not_share_a_bucket() {
        let cooldown = Cooldown::new(rate(1, 10));
        let now = Instant::now();
        assert_eq!(cooldown.check(1, now), Verdict::Go);
        assert_eq!(cooldown.check(2, now), Verdict::Go);
        assert!(matches!(cooldown.check(1, now), Verdict::Wait { .. }));
    }

    #[test]
    fn off_lets_everything_through() {
        let cooldown = Cooldown::new(Rate::OFF);
        let now = Instant::now();
        for _ in 0..100 {
            assert_eq!(cooldown.check(1, now), Verdict::Go);
        }
    }

    #[test]
    fn the_notice_says_when_to_ask_again_rounded_up() {
        assert!(notice(Duration::from_millis(1500)).ends_with("ask again in 2 seconds."));
        assert!(notice(Duration::from_secs(1)).ends_with("ask again in 1 second."));
    }
}
