//! The same article twice: by URL (normalised), and by content (the same wire story on
//! several sites).

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use reqwest::Url;

/// A URL as a key: no scheme, no `www.`, no fragment, no tracking parameters, no trailing
/// slash; so `https://www.x.com/a/?utm_source=rss#top` and `http://x.com/a` are one page.
pub fn url_key(url: &Url) -> String {
    let host = url.host_str().unwrap_or("").trim_start_matches("www.");
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let path = url.path().trim_end_matches('/');
    let query: Vec<String> = url
        .query_pairs()
        .filter(|(k, _)| !(k.starts_with("utm_") || k == "fbclid" || k == "gclid" || k == "ref"))
        .map(|(k, v)| if v.is_empty() { k.into_owned() } else { format!("{k}={v}") })
        .collect();
    let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
    format!("{host}{port}{path}{query}")
}

/// The key of a URL written as text; `None` when it is not a URL (an empty `url` field).
pub fn text_key(url: &str) -> Option<String> {
    Url::parse(url.trim()).ok().map(|u| url_key(&u))
}

/// Runs of five words of a text, hashed: two texts sharing most of them are one story.
#[derive(Debug, Clone, Default)]
pub struct Shingles(HashSet<u64>);

/// Words per shingle: long enough that unrelated reports of one exchange ("exchanged 103
/// prisoners of war") do not match, short enough to survive a changed word.
const WIDTH: usize = 5;

/// Share of the shorter text's shingles found in the other above which the two are one story.
pub const SAME_STORY: f64 = 0.6;

impl Shingles {
    pub fn of(text: &str) -> Shingles {
        let words: Vec<String> =
            text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        let set = words
            .windows(WIDTH)
            .map(|w| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                w.hash(&mut h);
                h.finish()
            })
            .collect();
        Shingles(set)
    }

    /// How much of the smaller text is in the larger (0 to 1); 0 for texts too short to say.
    pub fn overlap(&self, other: &Shingles) -> f64 {
        let (small, large) = if self.0.len() <= other.0.len() { (self, other) } else { (other, self) };
        if small.0.len() < 10 {
            return 0.0;
        }
        small.0.intersection(&large.0).count() as f64 / small.0.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_under_several_urls() {
        let key = |u: &str| url_key(&Url::parse(u).unwrap());
        assert_eq!(key("https://www.x.com/a/?utm_source=rss#top"), key("http://x.com/a"));
        assert_ne!(key("https://x.com/a?id=1"), key("https://x.com/a?id=2"));
        assert_eq!(text_key(""), None);
    }

    #[test]
    fn a_wire_story_is_one_story_and_two_reports_are_two() {
        let wire = "Russia and Ukraine exchanged 103 prisoners of war each on Sunday in a swap brokered by the United Arab Emirates, officials on both sides said. Zelensky said the returning soldiers included defenders of Mariupol.";
        let copy = format!("KYIV (AP) — {wire} Copyright 2025 The Associated Press.");
        assert!(Shingles::of(wire).overlap(&Shingles::of(&copy)) > SAME_STORY);
        let other = "Ukraine brought home 103 soldiers on Sunday after a swap with Moscow, the Coordination Headquarters said; the United Arab Emirates mediated the exchange of prisoners of war.";
        assert!(Shingles::of(wire).overlap(&Shingles::of(other)) < SAME_STORY);
    }
}
