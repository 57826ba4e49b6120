//! Numbers as people read them in each locale: `10 000` and `75,5 %` in Finnish and Swedish
//! (with no-break spaces), `10,000` and `75.5%` in English.

use crate::Locale;
use fluent_templates::fluent_bundle;

/// A no-break space: groups thousands in Finnish and Swedish, and stands before `%`.
const NBSP: char = '\u{a0}';

/// `n` with its thousands grouped as `locale` writes them.
pub fn integer(locale: Locale, n: i64) -> String {
    let digits = grouped(locale, &n.unsigned_abs().to_string());
    if n < 0 { format!("-{digits}") } else { digits }
}

/// `tenths` / 10 with one decimal, as `locale` writes it: `3,5` or `3.5`.
pub fn tenths(locale: Locale, tenths: i64) -> String {
    let (whole, tenth) = (tenths / 10, (tenths % 10).abs());
    let mark = if locale == Locale::En { '.' } else { ',' };
    format!("{}{mark}{tenth}", integer(locale, whole))
}

/// `share` (0.0–1.0) as a percentage with one decimal, as `locale` writes it.
pub fn percent(locale: Locale, share: f64) -> String {
    let tenths = (share * 1000.0).round() as i64;
    let (whole, tenth) = (tenths / 10, (tenths % 10).abs());
    match locale {
        Locale::Fi | Locale::Sv => format!("{},{tenth}{NBSP}%", integer(locale, whole)),
        Locale::En => format!("{}.{tenth}%", integer(locale, whole)),
    }
}

/// `value` as `locale` writes it, with at least `min_fraction` decimals and at most six
/// (or `min_fraction`, if more), rounded: `10 000`, `0,01`, `12,50` in Finnish and Swedish;
/// `10,000`, `0.01`, `12.50` in English.
pub fn decimal(locale: Locale, value: f64, min_fraction: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{:.*}", min_fraction.max(6), value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut fraction = fraction.trim_end_matches('0');
    if fraction.len() < min_fraction {
        fraction = &text[whole.len() + 1..whole.len() + 1 + min_fraction];
    }
    let shows_a_digit = whole.bytes().chain(fraction.bytes()).any(|b| b != b'0');
    let sign = if value < 0.0 && shows_a_digit { "-" } else { "" };
    let mark = if locale == Locale::En { '.' } else { ',' };
    let whole = grouped(locale, whole);
    match fraction {
        "" => format!("{sign}{whole}"),
        fraction => format!("{sign}{whole}{mark}{fraction}"),
    }
}

/// A run of digits with its thousands grouped as `locale` writes them.
fn grouped(locale: Locale, digits: &str) -> String {
    let separator = match locale {
        Locale::Fi | Locale::Sv => NBSP,
        Locale::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A number as a person types it in `locale`, or `None`: `1 000,50`, `12,50`, `12.50` and `-3`
/// in Finnish and Swedish (spaces, no-break spaces or apostrophes group thousands; the comma or
/// the point is the decimal mark); `1,000.50`, `12.50` in English (a comma followed by three
/// digits groups thousands, otherwise it is the decimal mark). Never NaN or infinite.
pub fn parse_decimal(locale: Locale, text: &str) -> Option<f64> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let mut plain = String::with_capacity(digits.len());
    let mut chars = digits.chars().peekable();
    let mut seen_mark = false;
    let mut previous_digit = false;
    while let Some(c) = chars.next() {
        match c {
            '0'..='9' => plain.push(c),
            ' ' | NBSP | '\u{202f}' | '\'' | '\u{2019}' if previous_digit && locale != Locale::En => {
                // A group separator stands between digits only.
                if !chars.peek().is_some_and(char::is_ascii_digit) {
                    return None;
                }
                previous_digit = false;
                continue;
            }
            ',' if locale == Locale::En && previous_digit && !seen_mark && groups_of_three(chars.clone()) => {
                previous_digit = false;
                continue;
            }
            ',' | '.' if !seen_mark && previous_digit => {
                seen_mark = true;
                plain.push('.');
            }
            _ => return None,
        }
        previous_digit = c.is_ascii_digit();
    }
    if !previous_digit {
        return None;
    }
    let number: f64 = plain.parse().ok()?;
    let number = if negative { -number } else { number };
    number.is_finite().then_some(number)
}

/// Whether what follows a comma is a group of exactly three digits (then the end, a point, or
/// another comma): `1,000` is a thousand in English, `1,5` is one and a half.
fn groups_of_three(mut rest: impl Iterator<Item = char>) -> bool {
    for _ in 0..3 {
        if !rest.next().is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    matches!(rest.next(), None | Some('.') | Some(','))
}

/// Fluent's formatter for numbers in `L` (0 fi, 1 sv, 2 en): what a message shows for a numeric
/// variable. Fluent's own is Rust's `to_string` (`10000000`, `0.01`) in every language.
pub fn fluent_formatter<const L: usize, M>(value: &fluent_bundle::FluentValue, _: &M) -> Option<String> {
    let locale = [Locale::Fi, Locale::Sv, Locale::En][L.min(2)];
    match value {
        fluent_bundle::FluentValue::Number(number) => {
            Some(decimal(locale, number.value, number.options.minimum_fraction_digits.unwrap_or(0)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_have_the_local_decimal_mark() {
        assert_eq!(tenths(Locale::Fi, 35), "3,5");
        assert_eq!(tenths(Locale::Sv, 12_340), "1\u{a0}234,0");
        assert_eq!(tenths(Locale::En, 35), "3.5");
    }

    #[test]
    fn thousands_are_grouped_the_local_way() {
        assert_eq!(integer(Locale::Fi, 10_000_000), "10\u{a0}000\u{a0}000");
        assert_eq!(integer(Locale::Sv, 999), "999");
        assert_eq!(integer(Locale::En, 1_234_567), "1,234,567");
        assert_eq!(integer(Locale::En, -1_000), "-1,000");
        assert_eq!(integer(Locale::Fi, 0), "0");
    }

    #[test]
    fn percentages_have_a_decimal_comma_in_finnish_and_swedish() {
        assert_eq!(percent(Locale::Fi, 0.755), "75,5\u{a0}%");
        assert_eq!(percent(Locale::Sv, 1.0), "100,0\u{a0}%");
        assert_eq!(percent(Locale::En, 0.0123), "1.2%");
    }

    #[test]
    fn decimals_show_only_the_digits_they_have_in_the_local_way() {
        assert_eq!(decimal(Locale::Fi, 0.01, 0), "0,01");
        assert_eq!(decimal(Locale::Sv, 10_000_000.0, 0), "10\u{a0}000\u{a0}000");
        assert_eq!(decimal(Locale::En, 10_000_000.0, 0), "10,000,000");
        assert_eq!(decimal(Locale::Fi, 12.5, 2), "12,50");
        assert_eq!(decimal(Locale::En, 1234.5, 0), "1,234.5");
        assert_eq!(decimal(Locale::Fi, -3.25, 0), "-3,25");
        assert_eq!(decimal(Locale::En, 3.0, 0), "3");
    }

    #[test]
    fn amounts_typed_the_finnish_and_swedish_way_are_read() {
        for locale in [Locale::Fi, Locale::Sv] {
            assert_eq!(parse_decimal(locale, "1 000,50"), Some(1000.5));
            assert_eq!(parse_decimal(locale, "1\u{a0}000,50"), Some(1000.5));
            assert_eq!(parse_decimal(locale, "12,50"), Some(12.5));
            assert_eq!(parse_decimal(locale, "12.50"), Some(12.5));
            assert_eq!(parse_decimal(locale, " 10 000 000 "), Some(10_000_000.0));
            assert_eq!(parse_decimal(locale, "-3"), Some(-3.0));
        }
    }

    #[test]
    fn amounts_typed_the_english_way_are_read() {
        assert_eq!(parse_decimal(Locale::En, "1,000.50"), Some(1000.5));
        assert_eq!(parse_decimal(Locale::En, "12.50"), Some(12.5));
        assert_eq!(parse_decimal(Locale::En, "1,000"), Some(1000.0));
        assert_eq!(parse_decimal(Locale::En, "12,5"), Some(12.5));
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for text in
            ["", " ", "many", "1 000 ,5", "1,2,3", "12,", ",5", "1..2", "NaN", "inf", "1e5", "1 0 0 0,5 x", "--1"]
        {
            assert_eq!(parse_decimal(Locale::Fi, text), None, "{text:?}");
        }
        assert_eq!(parse_decimal(Locale::En, "1 000"), None);
        assert_eq!(parse_decimal(Locale::Fi, &"9".repeat(400)), None);
    }
}
