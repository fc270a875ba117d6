//! Content keys for the caches kept beside the index (`corpus::spans`, `facts::cache`, both
//! through `corpus::line_cache`): a key names exactly the content a cached result was
//! computed from.
//!
//! An article's body, by far the largest thing either cache keys on, is hashed once when
//! the article is read (`Article::body_key`); each cache's key then combines that key with
//! the few short fields it also depends on. Hashing every body once per cache was 10 % of a
//! warm start.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

/// The first 16 bytes of a SHA-256: collisions are out of reach for any corpus.
pub type Key = [u8; 16];

/// The key of `fields` taken together; each is length-prefixed, so ("ab", "c") and
/// ("a", "bc") differ. A field may be another key (a body's).
pub fn of(fields: &[&[u8]]) -> Key {
    let mut h = Sha256::new();
    for field in fields {
        h.update((field.len() as u64).to_le_bytes());
        h.update(field);
    }
    let digest = h.finalize();
    let mut key = [0; 16];
    key.copy_from_slice(&digest[..16]);
    key
}

/// The key as 32 lowercase hex digits, as the cache files write it.
pub fn hex(key: &Key) -> String {
    key.iter().fold(String::with_capacity(32), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Reads back what `hex` wrote; `None` for anything else.
pub fn parse(text: &str) -> Option<Key> {
    if text.len() != 32 || !text.is_ascii() {
        return None;
    }
    let mut key = [0; 16];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_fields_are_kept_apart() {
        let k = of(&[b"ab", b"c"]);
        assert_eq!(parse(&hex(&k)), Some(k));
        assert_ne!(k, of(&[b"a", b"bc"]));
        assert_eq!(parse("not hex"), None);
    }
}
