//! Secrets handed to people (status links, session cookies, set-password links): random,
//! stored only as their SHA-256, compared without timing hints.

/// A new secret: 64 hexadecimal digits from two random UUIDs (244 random bits).
pub(crate) fn new_token() -> String {
    format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple())
}

/// SHA-256 of a secret, as stored.
pub(crate) fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

/// Compares without stopping at the first difference (no timing hints about the hash).
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_fresh_and_only_their_hash_is_kept() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert!(constant_time_eq(token_hash(&a).as_bytes(), token_hash(&a).as_bytes()));
        assert!(!constant_time_eq(token_hash(&a).as_bytes(), token_hash(&b).as_bytes()));
    }
}
