//! robots.txt (RFC 9309): which paths a site lets powbot fetch, and how often.
//!
//! Written here rather than taken from a crate: the rules powbot needs (the group for its
//! user agent or `*`, the longest matching `Allow`/`Disallow`, `*` and `$` in patterns, and
//! `Crawl-delay`) are a hundred lines, and the robots.txt crates on crates.io bring a parser
//! combinator library and an old byte-string crate with them.

use std::time::Duration;

/// One group of a robots.txt: its user agents, its (allow, pattern) rules, its crawl delay.
type Group = (Vec<String>, Vec<(bool, String)>, Option<Duration>);

/// The rules of one site's robots.txt that apply to powbot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// (allow, pattern) of the group that applies.
    rules: Vec<(bool, String)>,
    /// The group's `Crawl-delay`, if any.
    pub crawl_delay: Option<Duration>,
    /// The site could not say (its robots.txt answered 5xx or not at all): nothing is fetched.
    disallow_all: bool,
}

impl Robots {
    /// Everything allowed: a site without a robots.txt (404 and other 4xx).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Nothing allowed: RFC 9309 §2.3.1.4 asks crawlers to assume this when robots.txt is
    /// unreachable (5xx, timeouts), so a site in trouble is not crawled on.
    pub fn disallow_all() -> Robots {
        Robots { disallow_all: true, ..Robots::default() }
    }

    /// Reads a robots.txt for the user-agent token `agent` (e.g. `powbot`).
    pub fn parse(text: &str, agent: &str) -> Robots {
        let agent = agent.to_ascii_lowercase();
        // Groups: consecutive user-agent lines, then rules.
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else { continue };
            let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Vec::new(), None));
                        in_agents = true;
                    }
                    if let Some(group) = groups.last_mut() {
                        group.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(group) = groups.last_mut()
                        && !value.is_empty()
                    {
                        group.1.push((key == "allow", value.to_string()));
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let (Some(group), Ok(secs)) = (groups.last_mut(), value.parse::<f64>())
                        && secs.is_finite()
                        && secs >= 0.0
                    {
                        group.2 = Some(Duration::from_secs_f64(secs.min(60.0)));
                    }
                }
                _ => {}
            }
        }
        // The groups naming this agent win over `*`; several matching groups are merged.
        let mine: Vec<_> = groups.iter().filter(|g| g.0.iter().any(|a| a != "*" && agent.starts_with(a))).collect();
        let chosen =
            if mine.is_empty() { groups.iter().filter(|g| g.0.iter().any(|a| a == "*")).collect() } else { mine };
        Robots {
            rules: chosen.iter().flat_map(|g| g.1.iter().cloned()).collect(),
            crawl_delay: chosen.iter().filter_map(|g| g.2).max(),
            disallow_all: false,
        }
    }

    /// Whether `path` (with its query) may be fetched: the longest matching rule decides, and
    /// `Allow` wins a tie.
    pub fn allows(&self, path: &str) -> bool {
        if self.disallow_all {
            return false;
        }
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path) {
                let better = match best {
                    None => true,
                    Some((len, was_allow)) => pattern.len() > len || (pattern.len() == len && *allow && !was_allow),
                };
                if better {
                    best = Some((pattern.len(), *allow));
                }
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Whether a robots.txt pattern (a path prefix, with `*` for any run and a final `$` for the
/// end) matches `path`.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut rest = path;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(after) = rest.strip_prefix(part) else { return false };
            rest = after;
        } else if i == parts.len() - 1 && anchored {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
    }
    !anchored || rest.is_empty() || (parts.len() > 1 && parts.last().is_some_and(|p| p.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_rule_of_the_agents_group_decides() {
        let robots = Robots::parse(
            "User-agent: *\nDisallow: /\n\nUser-agent: powbot\nUser-agent: other\nDisallow: /private/\nAllow: /private/ok\nCrawl-delay: 3\n",
            "powbot",
        );
        assert!(robots.allows("/news/a"));
        assert!(!robots.allows("/private/x"));
        assert!(robots.allows("/private/ok.html"));
        assert_eq!(robots.crawl_delay, Some(Duration::from_secs(3)));
        let others = Robots::parse("User-agent: *\nDisallow: /\n", "powbot");
        assert!(!others.allows("/news/a"));
        assert!(others.allows("/robots.txt"));
    }

    #[test]
    fn wildcards_and_anchors() {
        let robots = Robots::parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\nAllow: /\n", "powbot");
        assert!(!robots.allows("/files/a.pdf"));
        assert!(robots.allows("/files/a.pdf?x=1"));
        assert!(!robots.allows("/search?q=swap"));
        assert!(robots.allows("/news"));
    }

    #[test]
    fn empty_disallow_and_no_file_allow_everything() {
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "powbot").allows("/a"));
        assert!(Robots::allow_all().allows("/a"));
        assert!(!Robots::disallow_all().allows("/a"));
    }
}
