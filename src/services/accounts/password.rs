//! Passwords: the policy a new one must meet, and argon2id hashing.
//!
//! Hashes are argon2id v19 with the OWASP-recommended parameters (19 MiB of memory, 2
//! iterations, 1 lane) and a random 16-byte salt, stored as PHC strings. A password must be
//! 12–128 characters and not easy to guess: zxcvbn (the estimator with lists of the most
//! common passwords, words, names and dates) must score it at least 3 of 4, with the account's
//! address and name counted as known.

use super::ServiceError;
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// Shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longest password accepted, in characters.
pub const MAX_PASSWORD_CHARS: usize = 128;
/// Lowest zxcvbn score accepted (0–4; 3: more than 10^10 guesses).
const MIN_SCORE: u8 = 3;

/// `Ok` when `password` may be used by the person `known` describes (their address, name).
pub fn check_policy(password: &str, known: &[&str]) -> Result<(), ServiceError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(ServiceError::Invalid("error-password-too-short"));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(ServiceError::Invalid("error-password-too-long"));
    }
    if (zxcvbn::zxcvbn(password, known).score() as u8) < MIN_SCORE {
        return Err(ServiceError::Invalid("error-password-too-common"));
    }
    Ok(())
}

/// The argon2id PHC string of `password` with a fresh salt. Slow on purpose: call it off the
/// async threads.
pub fn hash(password: &str) -> Result<String, ServiceError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| ServiceError::Internal(format!("cannot hash a password: {e}")))
}

/// True when `password` matches the PHC string `stored`. Slow on purpose, like [`hash`].
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash no password is known for: checked against when there is no account (or no password
/// yet), so that an unknown address costs as much time as a wrong password.
pub fn stand_in_hash() -> &'static str {
    static STAND_IN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    STAND_IN.get_or_init(|| hash(&super::super::tokens::new_token()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_common_passwords_are_refused_and_a_passphrase_is_taken() {
        let code = |p: &str| check_policy(p, &["maija@bank.fi", "Maija Meikäläinen"]).err().map(|e| e.code());
        assert_eq!(code("Lyhyt1!"), Some("error-password-too-short"));
        assert_eq!(code(&"x".repeat(129)), Some("error-password-too-long"));
        assert_eq!(code("password1234"), Some("error-password-too-common"));
        assert_eq!(code("qwertyuiop123"), Some("error-password-too-common"));
        assert_eq!(code("maija@bank.fi1"), Some("error-password-too-common"), "the address is known");
        assert_eq!(code("kesäkuun sininen polkupyörä"), None);
    }

    #[test]
    fn a_hash_is_argon2id_salted_and_verifies_only_its_password() {
        let one = hash("kesäkuun sininen polkupyörä").expect("hash");
        let two = hash("kesäkuun sininen polkupyörä").expect("hash");
        assert!(one.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{one}");
        assert_ne!(one, two, "salted");
        assert!(verify("kesäkuun sininen polkupyörä", &one));
        assert!(!verify("kesäkuun sininen polkupyora", &one));
        assert!(!verify("anything", "not a hash"));
        assert!(!verify("", stand_in_hash()));
    }
}
