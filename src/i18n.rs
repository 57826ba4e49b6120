//! User-facing text, from the Fluent files in `locales/{fi,sv,en}/`.
//!
//! The files are compiled into every binary (server and wasm) by `fluent-templates`, so the
//! server and the hydrating browser format exactly the same strings: no hydration mismatch and
//! no file to ship beside the binary. Unicode isolation marks are switched off because every
//! string ends up in HTML, where the browser handles bidirectional text itself.

use crate::Locale;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static FI: LanguageIdentifier = langid!("fi");
static SV: LanguageIdentifier = langid!("sv");
static EN: LanguageIdentifier = langid!("en");

fn language_id(locale: Locale) -> &'static LanguageIdentifier {
    match locale {
        Locale::Fi => &FI,
        Locale::Sv => &SV,
        Locale::En => &EN,
    }
}

/// The message `id` in `locale`. A missing id yields the id itself, which the locale
/// completeness test makes sure never reaches a customer.
pub fn tr(locale: Locale, id: &str) -> String {
    LOCALES.try_lookup(language_id(locale), id).unwrap_or_else(|| id.to_owned())
}

/// The message `id` in `locale` with its variables filled in.
pub fn tr_args(locale: Locale, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
    LOCALES.try_lookup_with_args(language_id(locale), id, &args).unwrap_or_else(|| id.to_owned())
}

/// Re-exported so callers can build arguments without naming fluent's crates.
pub use fluent_templates::fluent_bundle::FluentValue as Value;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_its_own_portal_tagline() {
        let taglines: Vec<String> = Locale::ALL.iter().map(|l| tr(*l, "portal-tagline")).collect();
        assert!(taglines.iter().all(|t| !t.is_empty() && t != "portal-tagline"));
        assert_ne!(taglines[0], taglines[1]);
        assert_ne!(taglines[1], taglines[2]);
    }

    #[test]
    fn variables_are_filled_in_without_isolation_marks() {
        let text = tr_args(Locale::En, "not-found-body", &[("path", Value::from("/en/x"))]);
        assert!(text.contains("/en/x"), "{text}");
        assert!(!text.contains('\u{2068}'), "isolation marks leaked: {text:?}");
    }

    #[test]
    fn an_unknown_message_id_shows_the_id_rather_than_nothing() {
        assert_eq!(tr(Locale::Sv, "no-such-message"), "no-such-message");
    }
}
