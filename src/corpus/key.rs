//! Content keys for the caches kept beside the index (`corpus::spans`,
//! `facts::cache`): a key names exactly the text a cached result was computed
//! from, and a checksum per cached line catches a flipped byte that would
//! still parse.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

/// The first 16 bytes of a SHA-256: collisions are out of reach for any corpus.
pub type Key = [u8; 16];

/// The key of `fields` taken together; each is length-prefixed, so
/// ("ab", "c") and ("a", "bc") differ.
pub fn of(fields: &[&str]) -> Key {
    let mut h = Sha256::new();
    for field in fields {
        h.update((field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
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

/// FNV-1a of a cached line's payload.
pub fn checksum(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_fields_are_kept_apart() {
        let k = of(&["ab", "c"]);
        assert_eq!(parse(&hex(&k)), Some(k));
        assert_ne!(k, of(&["a", "bc"]));
        assert_eq!(parse("not hex"), None);
        assert_ne!(checksum("{\"a\":1}"), checksum("{\"a\":2}"));
    }
}
