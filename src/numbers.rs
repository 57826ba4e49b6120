//! Numbers as people read them in each locale: `10 000` and `75,5 %` in Finnish and Swedish
//! (with no-break spaces), `10,000` and `75.5%` in English.

use crate::Locale;

/// A no-break space: groups thousands in Finnish and Swedish, and stands before `%`.
const NBSP: char = '\u{a0}';

/// `n` with its thousands grouped as `locale` writes them.
pub fn integer(locale: Locale, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let separator = match locale {
        Locale::Fi | Locale::Sv => NBSP,
        Locale::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
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
}
