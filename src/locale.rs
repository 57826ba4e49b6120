//! The three languages of the portal and how a request chooses one.
//!
//! Every page lives under `/fi/…`, `/sv/…` or `/en/…`. The bare `/` is negotiated:
//! the `lang` cookie first, then `Accept-Language`, then Finnish.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language the portal speaks. The locale is always part of the URL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Finnish, the default.
    #[default]
    Fi,
    /// Swedish.
    Sv,
    /// English.
    En,
}

/// A string that is not one of the portal's locale codes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale {0:?}: expected fi, sv or en")]
pub struct LocaleError(pub String);

/// Name of the cookie that remembers the customer's language.
pub const LOCALE_COOKIE: &str = "lang";

impl Locale {
    /// All locales, in the order the language switcher shows them.
    pub const ALL: [Locale; 3] = [Locale::Fi, Locale::Sv, Locale::En];

    /// The two-letter code used in URLs, cookies, `<html lang>` and `hreflang`.
    pub const fn code(self) -> &'static str {
        match self {
            Locale::Fi => "fi",
            Locale::Sv => "sv",
            Locale::En => "en",
        }
    }

    /// The language's name in the language itself, as a language switcher shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Locale::Fi => "Suomi",
            Locale::Sv => "Svenska",
            Locale::En => "English",
        }
    }

    /// The one translation-fallback rule of the portal: the entry of `texts` in this locale,
    /// else in Finnish (the bank's first language), else in any locale; with the locale found.
    pub fn pick<T>(self, texts: &std::collections::BTreeMap<Locale, T>) -> Option<(Locale, &T)> {
        texts
            .get_key_value(&self)
            .or_else(|| texts.get_key_value(&Locale::Fi))
            .or_else(|| texts.iter().next())
            .map(|(locale, text)| (*locale, text))
    }

    /// Chooses the locale for a request to `/`: the cookie when it names a locale,
    /// else the best match of `Accept-Language`, else Finnish.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        cookie
            .and_then(|c| c.trim().parse().ok())
            .or_else(|| accept_language.and_then(Self::from_accept_language))
            .unwrap_or_default()
    }

    /// The best locale an `Accept-Language` header asks for, honouring quality values
    /// (`sv-FI,sv;q=0.9,en;q=0.5`). Regional variants match their language; `*` and
    /// languages the portal does not speak are skipped.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(u16, usize, Locale)> = None;
        for (position, entry) in header.split(',').enumerate() {
            let mut parts = entry.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let quality = parts.find_map(|p| p.trim().strip_prefix("q=")).map_or(Some(1000), parse_quality);
            let Some(quality) = quality.filter(|q| *q > 0) else {
                continue;
            };
            let language = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            // Norwegian and Danish readers understand Swedish far better than Finnish.
            let locale = match language.as_str() {
                "fi" => Locale::Fi,
                "sv" => Locale::Sv,
                "en" => Locale::En,
                _ => continue,
            };
            // Highest quality wins; among equals, the one listed first.
            let better = match best {
                None => true,
                Some((q, p, _)) => quality > q || (quality == q && position < p),
            };
            if better {
                best = Some((quality, position, locale));
            }
        }
        best.map(|(_, _, locale)| locale)
    }

    /// Splits a request path into its locale and the rest: `/sv/search` → `(Sv, "/search")`,
    /// `/fi` → `(Fi, "/")`. `None` when the first segment is not a locale.
    pub fn split_path(path: &str) -> Option<(Locale, &str)> {
        let trimmed = path.strip_prefix('/')?;
        let (first, rest) = match trimmed.find('/') {
            Some(i) => (&trimmed[..i], &trimmed[i..]),
            None => (trimmed, "/"),
        };
        let locale = first.parse().ok()?;
        Some((locale, rest))
    }

    /// The same page in this locale: `Locale::Sv.localize_path("/fi/search")` → `/sv/search`.
    /// A path without a locale gets this locale in front of it.
    pub fn localize_path(self, path: &str) -> String {
        let rest = match Self::split_path(path) {
            Some((_, rest)) => rest,
            None if path.starts_with('/') => path,
            None => "/",
        };
        format!("/{}{}", self.code(), rest)
    }
}

/// Parses a quality value (`0.8`, `1`, `0.125`) into thousandths; `None` when malformed.
fn parse_quality(value: &str) -> Option<u16> {
    let value = value.trim();
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = match whole {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    let mut thousandths = 0u16;
    for (i, digit) in fraction.chars().enumerate() {
        thousandths += (digit as u16 - '0' as u16) * [100, 10, 1][i];
    }
    let quality = whole * 1000 + thousandths;
    (quality <= 1000).then_some(quality)
}

impl FromStr for Locale {
    type Err = LocaleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "fi" => Ok(Locale::Fi),
            "sv" => Ok(Locale::Sv),
            "en" => Ok(Locale::En),
            other => Err(LocaleError(other.to_owned())),
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_codes_round_trip_through_parsing() {
        for locale in Locale::ALL {
            assert_eq!(locale.code().parse::<Locale>(), Ok(locale));
        }
        assert!("FI".parse::<Locale>().is_err());
        assert!("de".parse::<Locale>().is_err());
    }

    #[test]
    fn accept_language_prefers_the_highest_quality_locale_we_speak() {
        assert_eq!(Locale::from_accept_language("sv-FI,sv"), Some(Locale::Sv));
        assert_eq!(Locale::from_accept_language("de-DE,de;q=0.9,en;q=0.5,fi;q=0.7"), Some(Locale::Fi));
        assert_eq!(Locale::from_accept_language("en-GB;q=0.8, sv;q=0.9"), Some(Locale::Sv));
        assert_eq!(Locale::from_accept_language("fi, en"), Some(Locale::Fi));
    }

    #[test]
    fn accept_language_ignores_unknown_zero_quality_and_malformed_entries() {
        assert_eq!(Locale::from_accept_language("de, fr"), None);
        assert_eq!(Locale::from_accept_language("sv;q=0, en"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("sv;q=abc, en;q=0.1"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("*"), None);
        assert_eq!(Locale::from_accept_language(""), None);
    }

    #[test]
    fn negotiation_takes_cookie_then_header_then_finnish() {
        assert_eq!(Locale::negotiate(Some("en"), Some("sv")), Locale::En);
        assert_eq!(Locale::negotiate(Some("xx"), Some("sv")), Locale::Sv);
        assert_eq!(Locale::negotiate(None, Some("de")), Locale::Fi);
        assert_eq!(Locale::negotiate(None, None), Locale::Fi);
    }

    #[test]
    fn paths_split_into_locale_and_rest() {
        assert_eq!(Locale::split_path("/sv/search"), Some((Locale::Sv, "/search")));
        assert_eq!(Locale::split_path("/fi"), Some((Locale::Fi, "/")));
        assert_eq!(Locale::split_path("/en/"), Some((Locale::En, "/")));
        assert_eq!(Locale::split_path("/fin/x"), None);
        assert_eq!(Locale::split_path("/"), None);
    }

    #[test]
    fn localizing_a_path_swaps_only_the_locale_segment() {
        assert_eq!(Locale::Sv.localize_path("/fi/search"), "/sv/search");
        assert_eq!(Locale::En.localize_path("/fi/"), "/en/");
        assert_eq!(Locale::En.localize_path("/nowhere"), "/en/nowhere");
        assert_eq!(Locale::Fi.localize_path(""), "/fi/");
    }
}
