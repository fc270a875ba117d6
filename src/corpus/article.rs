//! One news article: front matter, raw body, and the body's content split
//! into paragraphs and sentences that point back into the raw body.

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use super::boilerplate::{self, LineKind};
use super::error::{LoadError, LoadErrorKind};
use super::key::{self, Key};
use crate::lang::text;

/// A news article as the corpus holds it.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable identifier from the front matter; sources cite it.
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub url: String,
    /// Publication day: the anchor for "on Wednesday", "in July".
    pub published: NaiveDate,
    /// The file it was read from, for error messages.
    pub path: PathBuf,
    /// The body exactly as in the file: every snippet is a slice of it.
    pub body: String,
    /// Content paragraphs, furniture and headings removed.
    pub paragraphs: Vec<Paragraph>,
    /// The body's content key (`corpus::key`), taken once as the body is read: the caches
    /// beside the index key on it rather than hash the body again. Private, so that it can
    /// only be the key of this body.
    body_key: Key,
}

/// A content line of the body.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Byte span of the paragraph in `Article::body`.
    pub span: Range<usize>,
    /// Byte spans of its sentences in `Article::body`.
    pub sentences: Vec<Range<usize>>,
}

/// Where one sentence is: article index in the corpus, paragraph, sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SentenceRef {
    pub article: usize,
    pub paragraph: usize,
    pub sentence: usize,
}

impl Article {
    /// The content key of `body` (see the field).
    pub fn body_key(&self) -> &Key {
        &self.body_key
    }

    pub fn text(&self, span: &Range<usize>) -> &str {
        &self.body[span.clone()]
    }

    pub fn sentence(&self, paragraph: usize, sentence: usize) -> Option<&str> {
        let p = self.paragraphs.get(paragraph)?;
        p.sentences.get(sentence).map(|s| self.text(s))
    }

    /// Every sentence with its (paragraph, sentence) position.
    pub fn sentences(&self) -> impl Iterator<Item = (usize, usize, &str)> {
        self.paragraphs
            .iter()
            .enumerate()
            .flat_map(move |(p, para)| para.sentences.iter().enumerate().map(move |(s, span)| (p, s, self.text(span))))
    }
}

#[derive(Deserialize)]
struct FrontMatter {
    id: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<toml::Value>,
}

/// Which front-matter fields an article must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fields {
    /// `id` and `published`; the others default to empty. For articles written in tests.
    Essential,
    /// All five, and a non-empty `outlet`: what a file in the corpus must have, so that
    /// every source it is cited as names where it comes from. `title` and `url` may be
    /// empty strings (unknown), but must be there, so that a misspelt key is caught.
    All,
}

/// Parses one article's text, requiring only `id` and `published` (see [`Fields`]); the
/// corpus loader requires every field. Errors carry the file and line.
pub fn parse(path: &Path, raw: &str) -> Result<Article, LoadError> {
    parse_with(path, raw, Fields::Essential)
}

pub(crate) fn parse_with(path: &Path, raw: &str, fields: Fields) -> Result<Article, LoadError> {
    parse_split(path, raw, fields, &|_, body, title| paragraphs(body, title))
}

/// `parse_with`, the body's paragraphs given by `split(body_key, body, title)`
/// (`paragraphs`, or the spans cache around it).
pub(crate) fn parse_split(
    path: &Path,
    raw: &str,
    fields: Fields,
    split: &dyn Fn(&Key, &str, &str) -> Vec<Paragraph>,
) -> Result<Article, LoadError> {
    let err = |line: usize, kind| LoadError { path: path.to_path_buf(), line: Some(line), kind };
    let mut lines = raw.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim() != "+++" {
        return Err(err(1, LoadErrorKind::MissingFrontMatter));
    }
    let fm_start = first.len();
    let mut offset = fm_start;
    let mut fm_end = None;
    for line in lines {
        if line.trim() == "+++" {
            fm_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((fm_end, body_start)) = fm_end else {
        return Err(err(1, LoadErrorKind::UnclosedFrontMatter));
    };
    let front = &raw[fm_start..fm_end];
    let line_of = |byte: usize| 2 + front[..byte.min(front.len())].matches('\n').count();
    let fm: FrontMatter = toml::from_str(front).map_err(|e| {
        let line = e.span().map_or(2, |s| line_of(s.start));
        err(line, LoadErrorKind::BadFrontMatter(e.message().to_string()))
    })?;
    let field_line = |name: &str| front.lines().position(|l| l.trim_start().starts_with(name)).map_or(1, |i| i + 2);
    let id = fm.id.filter(|s| !s.trim().is_empty()).ok_or_else(|| err(1, LoadErrorKind::MissingField("id")))?;
    let published = match fm.published {
        None => return Err(err(1, LoadErrorKind::MissingField("published"))),
        Some(v) => {
            let text = match &v {
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            // A full timestamp ("2025-03-19T10:00:00Z") gives its day.
            let day =
                text.trim().get(..10).filter(|_| text.trim().len() == 10 || text.trim()[10..].starts_with(['T', ' ']));
            day.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .ok_or_else(|| err(field_line("published"), LoadErrorKind::BadDate(text)))?
        }
    };
    if fields == Fields::All {
        for (name, value) in [("title", &fm.title), ("outlet", &fm.outlet), ("url", &fm.url)] {
            if value.is_none() {
                return Err(err(1, LoadErrorKind::MissingField(name)));
            }
        }
        if fm.outlet.as_deref().is_some_and(|o| o.trim().is_empty()) {
            return Err(err(field_line("outlet"), LoadErrorKind::EmptyField("outlet")));
        }
    }
    let body = raw[body_start..].to_string();
    let title = fm.title.unwrap_or_default();
    let body_key = key::of(&[body.as_bytes()]);
    let paragraphs = split(&body_key, &body, &title);
    Ok(Article {
        id: id.trim().to_string(),
        title,
        outlet: fm.outlet.unwrap_or_default(),
        url: fm.url.unwrap_or_default(),
        published,
        path: path.to_path_buf(),
        body,
        paragraphs,
        body_key,
    })
}

/// Content lines of a body, each split into sentences. A line that repeats
/// an earlier content line (pages often print the standfirst twice) is
/// dropped so that it is neither indexed nor counted twice.
pub(crate) fn paragraphs(body: &str, title: &str) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut offset = 0;
    let mut links = false;
    for line in body.split_inclusive('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        // "Related coverage" and the other stories' headlines under it.
        if boilerplate::opens_links(trimmed) {
            links = true;
            continue;
        }
        if links && boilerplate::is_link_entry(trimmed) {
            continue;
        }
        links = false;
        if boilerplate::classify(trimmed, title) != LineKind::Content {
            continue;
        }
        if !seen.insert(trimmed.to_string()) {
            continue;
        }
        let span = start..start + trimmed.len();
        let sentences =
            text::sentences(trimmed).into_iter().map(|s| span.start + s.start..span.start + s.end).collect();
        out.push(Paragraph { span, sentences });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(raw: &str) -> Result<Article, LoadError> {
        parse(Path::new("data/articles/x.md"), raw)
    }

    #[test]
    fn parses_front_matter_and_body() {
        let a = parse_str("+++\nid = \"a1\"\ntitle = \"\"\noutlet = \"AFP\"\nurl = \"\"\npublished = \"2025-02-05\"\n+++\n\nFirst sentence. Second one.\nAdvertisement · Scroll to continue\n").unwrap();
        assert_eq!(a.id, "a1");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 2, 5).unwrap());
        assert_eq!(a.paragraphs.len(), 1);
        let s: Vec<&str> = a.sentences().map(|(_, _, s)| s).collect();
        assert_eq!(s, ["First sentence.", "Second one."]);
    }

    #[test]
    fn unquoted_toml_dates_are_accepted() {
        let a = parse_str("+++\nid = \"a1\"\npublished = 2025-02-05\n+++\nText here.\n").unwrap();
        assert_eq!(a.published.to_string(), "2025-02-05");
        let a = parse_str("+++\nid = \"a1\"\npublished = \"2025-02-05T10:30:00Z\"\n+++\nText here.\n").unwrap();
        assert_eq!(a.published.to_string(), "2025-02-05");
        let a =
            parse_str("+++\r\nid = \"a1\"\r\npublished = 2025-02-05T10:30:00+02:00\r\n+++\r\nText here.\r\n").unwrap();
        assert_eq!(a.sentences().map(|(_, _, s)| s).collect::<Vec<_>>(), ["Text here."]);
    }

    #[test]
    fn the_corpus_requires_every_field_and_an_outlet() {
        let full =
            "+++\nid = \"a\"\ntitle = \"\"\noutlet = \"AFP\"\nurl = \"\"\npublished = \"2025-02-05\"\n+++\nText.\n";
        assert!(parse_with(Path::new("x.md"), full, Fields::All).is_ok());
        for field in ["title", "outlet", "url"] {
            let without: String = full.lines().filter(|l| !l.starts_with(field)).map(|l| format!("{l}\n")).collect();
            let e = parse_with(Path::new("x.md"), &without, Fields::All).unwrap_err();
            assert_eq!(e.kind, LoadErrorKind::MissingField(field), "{e}");
            assert!(parse_str(&without).is_ok(), "tests' articles need only id and published");
        }
        let e = parse_with(Path::new("x.md"), &full.replace("AFP", " "), Fields::All).unwrap_err();
        assert_eq!((e.line, e.kind), (Some(4), LoadErrorKind::EmptyField("outlet")));
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse_str("+++\nid = \"a1\"\npublished = \"5 Feb\"\n+++\nx\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(matches!(e.kind, LoadErrorKind::BadDate(_)));
        let e = parse_str("+++\nid = \"a1\"\ntitle = oops\npublished = \"2025-02-05\"\n+++\nx\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        let e = parse_str("+++\ntitle = \"t\"\npublished = \"2025-02-05\"\n+++\nx\n").unwrap_err();
        assert!(matches!(e.kind, LoadErrorKind::MissingField("id")));
        let e = parse_str("no front matter\n").unwrap_err();
        assert!(matches!(e.kind, LoadErrorKind::MissingFrontMatter));
        let e = parse_str("+++\nid = \"a\"\n").unwrap_err();
        assert!(matches!(e.kind, LoadErrorKind::UnclosedFrontMatter));
    }
}
