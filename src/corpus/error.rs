use std::fmt;
use std::path::PathBuf;

/// Why one article file could not be loaded. The file is skipped; the rest
/// of the corpus still loads.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub path: PathBuf,
    /// 1-based line of the problem, when it has one.
    pub line: Option<usize>,
    pub kind: LoadErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadErrorKind {
    Io(String),
    NotUtf8,
    MissingFrontMatter,
    UnclosedFrontMatter,
    BadFrontMatter(String),
    MissingField(&'static str),
    EmptyField(&'static str),
    BadDate(String),
    DuplicateId {
        id: String,
        first: PathBuf,
    },
    /// A `*.md` entry that is no regular file: what it is instead.
    NotAFile(&'static str),
    /// A symbolic link that cannot be followed, with the OS's reason.
    BrokenLink(String),
    TooLarge {
        bytes: u64,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        match &self.kind {
            LoadErrorKind::Io(e) => write!(f, "cannot read file: {e}"),
            LoadErrorKind::NotUtf8 => write!(f, "file is not valid UTF-8"),
            LoadErrorKind::MissingFrontMatter => {
                write!(f, "file does not start with a `+++` front matter line")
            }
            LoadErrorKind::UnclosedFrontMatter => {
                write!(f, "front matter opened with `+++` is never closed")
            }
            LoadErrorKind::BadFrontMatter(msg) => {
                write!(f, "invalid TOML front matter: {}", msg.trim())
            }
            LoadErrorKind::MissingField(name) => write!(
                f,
                "front matter has no `{name}` (every article needs id, title, outlet, url and published; \
                 title and url may be \"\")"
            ),
            LoadErrorKind::EmptyField(name) => write!(f, "`{name}` is empty; sources are shown by it"),
            LoadErrorKind::NotAFile(what) => write!(f, "it is {what}, not an article file"),
            LoadErrorKind::BrokenLink(why) => write!(f, "a symbolic link that cannot be followed: {why}"),
            LoadErrorKind::TooLarge { bytes } => {
                write!(f, "file is {bytes} bytes, more than the {} an article may have", super::MAX_ARTICLE_BYTES)
            }
            LoadErrorKind::BadDate(v) => write!(f, "`published` is {v:?}, expected YYYY-MM-DD"),
            LoadErrorKind::DuplicateId { id, first } => {
                write!(f, "article id {id:?} is already used by {}", first.display())
            }
        }
    }
}

impl std::error::Error for LoadError {}
