//! Question understanding: typo repair, then rules that read the intent and
//! the entities (dates, sides, categories, stages, number patterns).
//!
//! **Architecture invariant:** deterministic; no search, no facts. The same
//! question on the same day always yields the same `Question`.

mod intent;
mod spelling;

pub use intent::{Intent, Neighbour, Question, StageRef, understand};
pub use spelling::Spelling;
