//! A news page: its article text (paragraphs, furniture removed) and what the page says about
//! itself (title, outlet, publication day, canonical URL, language).
//!
//! The body comes from dom_smoothie, a port of Mozilla's Readability. It was chosen over
//! `readability` (kumabook's port) by running both on the fixture pages in
//! `tests/fixtures/ingest/`: both found the article text on every layout (news page, live blog,
//! wire copy, Ukrainian, no date), but `readability`'s text runs the paragraphs together with
//! no break between them ("…Zelensky said.The swap was…"), which would make one unsplittable
//! line of each article, and it leaves the site's name in the title and reads no metadata.
//! dom_smoothie's formatted text keeps each paragraph apart, and it reads the metadata powbot
//! needs (JSON-LD `publisher` and `datePublished`, `og:site_name`, `article:published_time`,
//! `lang`). It is maintained (several releases a year) and builds on a current html5ever
//! through dom_query, where `readability` would add an older html5ever and, by default, a second
//! HTTP client. Neither dropped an inline "Advertisement" line or a newsletter box; the project's
//! own rules (`corpus::boilerplate`) drop those. What Readability leaves out
//! (`<link rel=canonical>`, `<time datetime>`) is read from the same dom_query document.

use chrono::NaiveDate;
use dom_query::Document;
use reqwest::Url;

use crate::corpus::boilerplate::{self, LineKind};

/// A page with less article text than this is a stub (a paywall, a teaser, an index).
pub const MIN_WORDS: usize = 60;

/// Phrases of paywalls and log-in walls, matched case-insensitively in the whole page.
const PAYWALL: &[&str] = &[
    "subscribe to continue reading",
    "subscribe to read",
    "to continue reading",
    "subscribers only",
    "already a subscriber",
    "log in to read",
];

/// What a page holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub title: String,
    /// `og:site_name` or the JSON-LD publisher.
    pub outlet: Option<String>,
    /// JSON-LD `datePublished`, `article:published_time`, else the first `<time datetime>`.
    pub published: Option<NaiveDate>,
    pub canonical: Option<Url>,
    /// `<html lang>`, e.g. `uk`.
    pub lang: Option<String>,
    /// The article's content paragraphs, one line each, whitespace collapsed.
    pub paragraphs: Vec<String>,
    /// The page carries a paywall's words.
    pub paywall: bool,
}

impl Page {
    pub fn words(&self) -> usize {
        self.paragraphs.iter().map(|p| p.split_whitespace().count()).sum()
    }
}

/// Reads a page fetched from `url`.
pub fn read(html: &str, url: &Url) -> Result<Page, String> {
    let document = Document::from(html);
    let canonical = first_attr(&document, "link[rel=canonical]", "href").and_then(|href| url.join(&href).ok());
    let time = first_attr(&document, "time[datetime]", "datetime");
    let lang = first_attr(&document, "html[lang]", "lang").map(|l| l.to_ascii_lowercase());
    let whole = document.text().to_lowercase();
    let paywall = PAYWALL.iter().any(|p| whole.contains(p));
    let config = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    let article = dom_smoothie::Readability::with_document(document, Some(url.as_str()), Some(config))
        .and_then(|mut r| r.parse())
        .map_err(|e| format!("no article found in the page: {e}"))?;
    let title = collapse(&article.title);
    let published = article.published_time.as_deref().and_then(day).or_else(|| time.as_deref().and_then(day));
    let mut paragraphs = Vec::new();
    for line in article.text_content.lines() {
        let line = collapse(line);
        if line.is_empty() || boilerplate::classify(&line, &title) != LineKind::Content || paragraphs.contains(&line) {
            continue;
        }
        paragraphs.push(line);
    }
    Ok(Page {
        title,
        outlet: article.site_name.map(|s| collapse(&s)).filter(|s| !s.is_empty()),
        published,
        canonical,
        lang,
        paragraphs,
        paywall,
    })
}

fn first_attr(document: &Document, selector: &str, attr: &str) -> Option<String> {
    let found = document.try_select(selector)?;
    found.first().attr(attr).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

/// The day of a date or timestamp as written ("2025-08-24T14:05:00+03:00" is the 24th: the
/// day where it was published, not in UTC).
pub fn day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d")
        .ok()
        .or_else(|| chrono::DateTime::parse_from_rfc2822(text).ok().map(|d| d.date_naive()))
}

/// One line of text, whitespace runs made single spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_as_written() {
        assert_eq!(day("2025-08-24T23:05:00-05:00"), NaiveDate::from_ymd_opt(2025, 8, 24));
        assert_eq!(day("2025-09-14"), NaiveDate::from_ymd_opt(2025, 9, 14));
        assert_eq!(day("Sun, 14 Sep 2025 10:00:00 GMT"), NaiveDate::from_ymd_opt(2025, 9, 14));
        assert_eq!(day("yesterday"), None);
    }
}
