//! Article files: a new id, the front matter the corpus reads, and writing atomically.
//!
//! A file appears whole or not at all: it is written to a hidden `.part` file beside it
//! (which the corpus loader, reading `*.md` only, never sees), flushed to disk and renamed.
//! A killed ingest leaves at most a `.part` file behind, which the next run removes.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::corpus::Article;

/// Everything a new article file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub url: String,
    pub published: NaiveDate,
    /// Other URLs the same story was found at.
    pub also: Vec<String>,
    pub paragraphs: Vec<String>,
}

impl Draft {
    /// The file's text: TOML front matter (the five fields the corpus requires, and
    /// `also_at` when the story has other URLs), then one paragraph per line.
    pub fn render(&self) -> String {
        let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut text = format!(
            "+++\nid = {}\ntitle = {}\noutlet = {}\nurl = {}\npublished = \"{}\"\n",
            quote(&self.id),
            quote(&self.title),
            quote(&self.outlet),
            quote(&self.url),
            self.published
        );
        if !self.also.is_empty() {
            let list: Vec<String> = self.also.iter().map(|u| quote(u)).collect();
            text.push_str(&format!("also_at = [{}]\n", list.join(", ")));
        }
        text.push_str("+++\n\n");
        for p in &self.paragraphs {
            text.push_str(p);
            text.push('\n');
        }
        text
    }

    /// The draft of an article file powbot wrote before, to note another URL in it.
    pub fn of(article: &Article, also: Vec<String>) -> Draft {
        Draft {
            id: article.id.clone(),
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            url: article.url.clone(),
            published: article.published,
            also,
            paragraphs: article.body.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect(),
        }
    }
}

/// An id like the shipped ones (`aljazeera-2025-03-19`): the outlet's name in lower-case
/// ASCII, then the day; then the title's first words, then a number, until `taken` says no.
pub fn new_id(outlet: &str, published: NaiveDate, title: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{}-{published}", slug(outlet, 3).unwrap_or_else(|| "article".into()));
    if !taken(&base) {
        return base;
    }
    let titled = match slug(title, 5) {
        Some(words) => format!("{base}-{words}"),
        None => base,
    };
    if !taken(&titled) {
        return titled;
    }
    (2..).map(|n| format!("{titled}-{n}")).find(|id| !taken(id)).unwrap_or(titled)
}

/// Up to `words` words of `text` as `a-b-c`, ASCII letters and digits only; `None` if none.
fn slug(text: &str, words: usize) -> Option<String> {
    let parts: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(words)
        .map(str::to_ascii_lowercase)
        .collect();
    (!parts.is_empty()).then(|| parts.join("-"))
}

/// SHA-256 of a file's text, hex: what powbot wrote, to tell a curator's edit from it.
pub fn hash(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `text` to `path` atomically (temp file, fsync, rename).
pub fn atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let part = part_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&part)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&part, path)?;
        // The rename itself reaches the disk with the directory.
        if let Some(dir) = path.parent()
            && let Ok(dir) = std::fs::File::open(dir)
        {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    result
}

/// The temp file beside `path`: hidden, and not `*.md`.
pub fn part_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.part"))
}

/// Removes `.part` files an interrupted run left in `dir`; returns how many.
pub fn remove_leftovers(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with('.') && name.ends_with(".part")
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadErrorKind, parse};

    fn draft() -> Draft {
        Draft {
            id: "kyiv-independent-2025-08-24".into(),
            title: "Swap \"146\" \\ each".into(),
            outlet: "The Kyiv Independent".into(),
            url: "https://x/a".into(),
            published: NaiveDate::from_ymd_opt(2025, 8, 24).unwrap(),
            also: vec!["https://y/b".into()],
            paragraphs: vec!["Ukraine and Russia exchanged 146 prisoners each.".into()],
        }
    }

    #[test]
    fn a_draft_reads_back_as_the_same_article() {
        let text = draft().render();
        let article = parse(Path::new("x.md"), &text).unwrap();
        assert_eq!(article.title, "Swap \"146\" \\ each");
        assert_eq!(Draft::of(&article, draft().also), draft());
        let _ = LoadErrorKind::NotUtf8;
    }

    #[test]
    fn ids_are_outlet_and_day_then_title() {
        let day = NaiveDate::from_ymd_opt(2025, 8, 24).unwrap();
        assert_eq!(new_id("The Kyiv Independent", day, "x", |_| false), "the-kyiv-independent-2025-08-24");
        let taken = |id: &str| id == "ap-2025-08-24";
        assert_eq!(new_id("AP", day, "Swap of 146", taken), "ap-2025-08-24-swap-of-146");
        assert_eq!(new_id("Укрінформ", day, "Обмін", |_| false), "article-2025-08-24");
        let all = |id: &str| !id.ends_with("-3");
        assert_eq!(new_id("AP", day, "", all), "ap-2025-08-24-3");
    }

    #[test]
    fn an_atomic_write_leaves_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        atomically(&path, "one").unwrap();
        atomically(&path, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert!(!part_path(&path).exists());
        std::fs::write(part_path(&path), "half").unwrap();
        assert_eq!(remove_leftovers(dir.path()), 1);
    }
}
