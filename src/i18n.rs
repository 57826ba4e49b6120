//! User-facing text, from the Fluent files in `locales/{fi,sv,en}/`.
//!
//! The files are compiled into the binaries (the server's by `fluent-templates`, the browser
//! bundle's only [`BROWSER_FILES`]), so the server and the hydrating browser format exactly the
//! same strings: no hydration mismatch and no file to ship beside the binary. Unicode isolation marks are switched off because every
//! string ends up in HTML, where the browser handles bidirectional text itself.

use crate::Locale;
use fluent_templates::fluent_bundle::FluentValue;
use std::borrow::Cow;
use std::collections::HashMap;

/// The Fluent files the browser bundle carries (of each locale): the texts of the islands,
/// the parts of a page the browser renders again (the search box, a guided form's step). The
/// staff's, the desk's and the editors' texts are rendered by the server only, and leaving
/// them out keeps them out of every customer's download. The server has every file.
pub const BROWSER_FILES: [&str; 2] = ["main.ftl", "forms.ftl"];

#[cfg(not(target_family = "wasm"))]
mod messages {
    use super::{Cow, FluentValue, HashMap, Locale};
    use fluent_templates::{LanguageIdentifier, Loader, langid};

    fluent_templates::static_loader! {
        static LOCALES = {
            locales: "./locales",
            fallback_language: "en",
            customise: |bundle| {
                bundle.set_use_isolating(false);
                let language = bundle.locales.first().map(|l| l.language.as_str().to_owned()).unwrap_or_default();
                bundle.set_formatter(Some(super::number_formatter(&language)));
            },
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

    pub(super) fn lookup(
        locale: Locale,
        id: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>,
    ) -> Option<String> {
        match args {
            Some(args) => LOCALES.try_lookup_with_args(language_id(locale), id, args),
            None => LOCALES.try_lookup(language_id(locale), id),
        }
    }
}

#[cfg(target_family = "wasm")]
mod messages {
    //! The browser's messages: the [`super::BROWSER_FILES`] of each locale, parsed once.
    use super::{Cow, FluentValue, HashMap, Locale};
    use fluent_templates::fluent_bundle::concurrent::FluentBundle;
    use fluent_templates::fluent_bundle::{FluentArgs, FluentResource};
    use std::sync::LazyLock;

    macro_rules! browser_files {
        ($code:literal) => {
            [
                include_str!(concat!("../locales/", $code, "/main.ftl")),
                include_str!(concat!("../locales/", $code, "/forms.ftl")),
            ]
        };
    }

    fn bundle(code: &str, sources: [&'static str; 2]) -> FluentBundle<FluentResource> {
        let language = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![language]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(super::number_formatter(code)));
        for source in sources {
            // The server's tests parse the same files: a syntax error never gets this far.
            let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _)| resource);
            let _ = bundle.add_resource(resource);
        }
        bundle
    }

    static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 3]> = LazyLock::new(|| {
        [bundle("fi", browser_files!("fi")), bundle("sv", browser_files!("sv")), bundle("en", browser_files!("en"))]
    });

    fn format(
        bundle: &FluentBundle<FluentResource>,
        id: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>,
    ) -> Option<String> {
        let pattern = bundle.get_message(id)?.value()?;
        let args = args.map(|args| args.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<FluentArgs>());
        let mut errors = Vec::new();
        Some(bundle.format_pattern(pattern, args.as_ref(), &mut errors).into_owned())
    }

    pub(super) fn lookup(
        locale: Locale,
        id: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>,
    ) -> Option<String> {
        let index = match locale {
            Locale::Fi => 0,
            Locale::Sv => 1,
            Locale::En => 2,
        };
        // English is the fallback, as on the server.
        format(&BUNDLES[index], id, args).or_else(|| format(&BUNDLES[2], id, args))
    }
}

/// How a bundle of language `code` shows a number: as that language writes it
/// ([`crate::numbers::decimal`]), not as Rust prints it.
fn number_formatter<M>(code: &str) -> fn(&FluentValue, &M) -> Option<String> {
    match code {
        "fi" => crate::numbers::fluent_formatter::<0, M>,
        "sv" => crate::numbers::fluent_formatter::<1, M>,
        _ => crate::numbers::fluent_formatter::<2, M>,
    }
}

/// The message `id` in `locale`. A missing id yields the id itself, which the locale
/// completeness test makes sure never reaches a customer.
pub fn tr(locale: Locale, id: &str) -> String {
    messages::lookup(locale, id, None).unwrap_or_else(|| id.to_owned())
}

/// The message `id` in `locale` with its variables filled in.
pub fn tr_args(locale: Locale, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
    messages::lookup(locale, id, Some(&args)).unwrap_or_else(|| id.to_owned())
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
