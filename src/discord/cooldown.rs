//! A per-user cooldown, so one user's spam costs one notice instead of a flood of answers.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Past this many remembered users, entries whose cooldown is over are forgotten, which bounds
/// memory on a busy bot without a background task.
const PRUNE_AT: usize = 10_000;

/// Remembers when each user was last answered.
#[derive(Debug)]
pub struct Cooldown {
    /// Minimum time between two answers to the same user; zero turns the cooldown off.
    period: Duration,
    users: Mutex<HashMap<u64, Entry>>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// When the user was last let through.
    last: Instant,
    /// Whether the user was already told to wait in this window: one notice per window is
    /// enough, and for mentions (which cannot be ephemeral) more would be the flood we avoid.
    notified: bool,
}

/// What to do with a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Answer it.
    Go,
    /// Too soon: say so (once per window, `notify`) and do not answer.
    Wait { remaining: Duration, notify: bool },
}

impl Cooldown {
    pub fn new(period: Duration) -> Cooldown {
        Cooldown { period, users: Mutex::new(HashMap::new()) }
    }

    /// Decides about a request from `user` at `now`, recording it when it goes through.
    pub fn check(&self, user: u64, now: Instant) -> Verdict {
        if self.period.is_zero() {
            return Verdict::Go;
        }
        // A poisoned lock only means another request panicked mid-update; the map is still a
        // valid map, so keep going rather than take the bot down.
        let mut users = self.users.lock().unwrap_or_else(|poison| poison.into_inner());
        if users.len() >= PRUNE_AT {
            let period = self.period;
            users.retain(|_, entry| now.saturating_duration_since(entry.last) < period);
        }
        match users.get_mut(&user) {
            Some(entry) if now.saturating_duration_since(entry.last) < self.period => {
                let notify = !entry.notified;
                entry.notified = true;
                Verdict::Wait { remaining: self.period - now.saturating_duration_since(entry.last), notify }
            }
            _ => {
                users.insert(user, Entry { last: now, notified: false });
                Verdict::Go
            }
        }
    }
}

/// The notice a user gets when they ask again too soon.
pub fn notice(remaining: Duration) -> String {
    let seconds = remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0);
    let unit = if seconds == 1 { "second" } else { "seconds" };
    format!("Slow down a little: you can ask again in {seconds} {unit}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_request_within_the_period_waits_and_is_notified_once() {
        let cooldown = Cooldown::new(Duration::from_secs(10));
        let start = Instant::now();
        assert_eq!(cooldown.check(1, start), Verdict::Go);
        let later = start + Duration::from_secs(3);
        assert_eq!(cooldown.check(1, later), Verdict::Wait { remaining: Duration::from_secs(7), notify: true });
        assert!(matches!(cooldown.check(1, later), Verdict::Wait { notify: false, .. }));
    }

    #[test]
    fn users_do_not_share_a_cooldown() {
        let cooldown = Cooldown::new(Duration::from_secs(10));
        let now = Instant::now();
        assert_eq!(cooldown.check(1, now), Verdict::Go);
        assert_eq!(cooldown.check(2, now), Verdict::Go);
    }

    #[test]
    fn after_the_period_the_user_goes_again() {
        let cooldown = Cooldown::new(Duration::from_secs(10));
        let start = Instant::now();
        assert_eq!(cooldown.check(1, start), Verdict::Go);
        assert_eq!(cooldown.check(1, start + Duration::from_secs(10)), Verdict::Go);
    }

    #[test]
    fn a_zero_period_turns_it_off() {
        let cooldown = Cooldown::new(Duration::ZERO);
        let now = Instant::now();
        assert_eq!(cooldown.check(1, now), Verdict::Go);
        assert_eq!(cooldown.check(1, now), Verdict::Go);
    }

    #[test]
    fn the_notice_rounds_up() {
        assert_eq!(notice(Duration::from_millis(1500)), "Slow down a little: you can ask again in 2 seconds.");
        assert_eq!(notice(Duration::from_secs(1)), "Slow down a little: you can ask again in 1 second.");
    }
}
