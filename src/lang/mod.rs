//! Language rules shared by every stage: words and sentences, dates, and the
//! vocabulary tables. This module knows nothing of articles, indexes or
//! answers; everything else may use it.

pub mod dates;
pub mod gazetteer;
pub mod gloss;
pub mod lexicon;
pub mod locale;
pub mod numbers;
pub mod text;

pub use dates::{Anchor, DateMention, Period};
pub use lexicon::{Category, Side};
pub use locale::Lang;
pub use text::{Word, WordKind};
