//! Feeds: the operator's list (`feeds.toml`) and reading one feed (RSS, Atom or JSON Feed,
//! through feed-rs) into the items worth fetching.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use reqwest::Url;
use serde::Deserialize;

/// One feed of `feeds.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedSpec {
    pub url: String,
    /// An item is fetched only if its title or summary holds one of these (any case); empty:
    /// every item.
    #[serde(default)]
    pub include: Vec<String>,
    /// An item whose title or summary holds one of these is not fetched.
    #[serde(default)]
    pub exclude: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedsFile {
    #[serde(default)]
    feed: Vec<FeedSpec>,
}

/// `feeds.toml` could not be used.
#[derive(Debug, thiserror::Error)]
pub enum FeedsFileError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Syntax { path: PathBuf, line: usize, message: String },
    #[error("{path}: feed {index} has a URL that is not http(s): {url:?}")]
    BadUrl { path: PathBuf, index: usize, url: String },
    #[error("{path} lists no feed (add [[feed]] tables with a url)")]
    Empty { path: PathBuf },
}

/// Reads the operator's feed list.
pub fn load_feeds(path: &Path) -> Result<Vec<FeedSpec>, FeedsFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| FeedsFileError::Read { path: path.into(), source })?;
    let file: FeedsFile = toml::from_str(&text).map_err(|e| FeedsFileError::Syntax {
        path: path.into(),
        line: e.span().map_or(1, |s| 1 + text[..s.start.min(text.len())].matches('\n').count()),
        message: e.message().to_string(),
    })?;
    for (i, spec) in file.feed.iter().enumerate() {
        if !Url::parse(&spec.url).is_ok_and(|u| matches!(u.scheme(), "http" | "https")) {
            return Err(FeedsFileError::BadUrl { path: path.into(), index: i + 1, url: spec.url.clone() });
        }
    }
    if file.feed.is_empty() {
        return Err(FeedsFileError::Empty { path: path.into() });
    }
    Ok(file.feed)
}

/// An item of a feed, as far as ingest cares.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub url: Url,
    pub title: String,
    /// The item's date: used only when the page itself gives none.
    pub published: Option<NaiveDate>,
    /// Title and summary, for the include/exclude keywords.
    pub words: String,
}

/// Whether bytes look like a feed rather than a page: by content type, then by content.
pub fn looks_like_feed(content_type: Option<&str>, bytes: &[u8]) -> bool {
    let mime = content_type.unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if mime.contains("rss") || mime.contains("atom") || mime == "application/feed+json" {
        return true;
    }
    if mime == "text/html" || mime == "application/xhtml+xml" {
        return false;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.contains("<rss")
        || head.contains("<feed")
        || head.contains("<rdf:rdf")
        || head.contains("jsonfeed.org/version")
}

/// Reads a feed's items (those with a link), newest first as the feed lists them.
pub fn items(bytes: &[u8], source: &Url) -> Result<Vec<Item>, String> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(source.as_str()))
        .build()
        .parse(bytes)
        .map_err(|e| format!("not a feed: {e}"))?;
    let mut out = Vec::new();
    for entry in feed.entries {
        // The first link of an entry is its page (Atom may list `alternate` first or alone).
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone());
        let Some(url) = link.and_then(|href| source.join(&href).ok()) else { continue };
        let title = entry.title.map(|t| t.content).unwrap_or_default();
        let summary = entry.summary.map(|t| t.content).unwrap_or_default();
        let published = entry.published.or(entry.updated).map(|d| d.date_naive());
        out.push(Item { url, words: format!("{title}\n{summary}"), title, published });
    }
    Ok(out)
}

/// Why the keywords of `spec` leave `item` out, or `None` when it is to be fetched.
pub fn filtered_out(spec: &FeedSpec, item: &Item) -> Option<String> {
    let words = item.words.to_lowercase();
    if let Some(word) = spec.exclude.iter().find(|w| words.contains(&w.to_lowercase())) {
        return Some(format!("the feed's exclude keyword {word:?} is in its title or summary"));
    }
    if !spec.include.is_empty() && !spec.include.iter().any(|w| words.contains(&w.to_lowercase())) {
        return Some("none of the feed's include keywords is in its title or summary".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("http://127.0.0.1:9/feed").unwrap()
    }

    #[test]
    fn rss_atom_and_json_feeds() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>Swap</title><link>http://127.0.0.1:9/a</link><pubDate>Sun, 24 Aug 2025 10:00:00 GMT</pubDate></item>
            <item><title>No link</title></item></channel></rss>"#;
        let read = items(rss.as_bytes(), &base()).unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].published, NaiveDate::from_ymd_opt(2025, 8, 24));
        let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>x</id><updated>2025-09-14T00:00:00Z</updated>
            <entry><title>B</title><id>b</id><link rel="alternate" href="/b"/><updated>2025-09-14T00:00:00Z</updated></entry></feed>"#;
        assert_eq!(items(atom.as_bytes(), &base()).unwrap()[0].url.as_str(), "http://127.0.0.1:9/b");
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","url":"http://127.0.0.1:9/c","title":"C","date_published":"2025-10-19T12:00:00+03:00"}]}"#;
        assert!(looks_like_feed(Some("application/json"), json.as_bytes()));
        assert_eq!(items(json.as_bytes(), &base()).unwrap()[0].url.path(), "/c");
        assert!(items(b"<html><body>no</body></html>", &base()).is_err());
    }

    #[test]
    fn pages_and_feeds_are_told_apart() {
        assert!(looks_like_feed(Some("application/rss+xml"), b""));
        assert!(!looks_like_feed(Some("text/html; charset=utf-8"), b"<rss"));
        assert!(looks_like_feed(Some("text/xml"), b"<?xml version='1.0'?>\n<rss>"));
        assert!(!looks_like_feed(None, b"<!DOCTYPE html><html>"));
    }

    #[test]
    fn include_and_exclude_keywords() {
        let spec =
            FeedSpec { url: "http://x/".into(), include: vec!["prisoner".into()], exclude: vec!["Opinion".into()] };
        let item = |words: &str| Item { url: base(), title: String::new(), published: None, words: words.into() };
        assert_eq!(filtered_out(&spec, &item("Prisoner swap")), None);
        assert!(filtered_out(&spec, &item("Grain exports")).unwrap().contains("include"));
        assert!(filtered_out(&spec, &item("OPINION: the prisoner swap")).unwrap().contains("exclude"));
    }
}
