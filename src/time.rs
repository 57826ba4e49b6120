//! Time: the portable [`Timestamp`] every table stores, the [`Clock`] that gives the current
//! one (a fixed clock in tests), and the proleptic Gregorian calendar the dates shown to people
//! and the command line's `--since` days are computed with. Pure and wasm-safe, except the
//! system clock, which exists natively only.

use chrono::{Datelike, Timelike};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The clock of the times and days shown to people: Finland's, daylight saving included.
/// (Stored instants and the command line's days stay in UTC.)
pub const PEOPLES_ZONE: chrono_tz::Tz = chrono_tz::Europe::Helsinki;

/// Milliseconds in a day.
const DAY_MILLIS: i64 = 86_400_000;

/// An instant, as Unix milliseconds (UTC): what every table stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The instant `millis` milliseconds after 1970-01-01 00:00 UTC.
    pub const fn from_millis(millis: i64) -> Timestamp {
        Timestamp(millis)
    }

    /// Milliseconds since 1970-01-01 00:00 UTC.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// Midnight (UTC) starting `date`.
    pub fn start_of(date: CivilDate) -> Timestamp {
        Timestamp(days_from_civil(date.year, date.month, date.day) * DAY_MILLIS)
    }

    /// The calendar day (UTC) this instant falls on.
    pub fn date(self) -> CivilDate {
        let (year, month, day) = civil_from_days(self.0.div_euclid(DAY_MILLIS));
        CivilDate { year, month, day }
    }

    /// Hours and minutes (UTC) into the day.
    pub fn hour_minute(self) -> (i64, i64) {
        let minutes = self.0.rem_euclid(DAY_MILLIS) / 60_000;
        (minutes / 60, minutes % 60)
    }

    /// `YYYY-MM-DD HH:MM` (UTC).
    pub fn format_date_time(self) -> String {
        let (hour, minute) = self.hour_minute();
        format!("{} {hour:02}:{minute:02}", self.date())
    }

    /// The date and time as people in Finland read them in `locale`, on Helsinki's clock
    /// (daylight saving included): `29.11.2026 klo 17.04`, `29.11.2026 kl. 17.04`,
    /// `29 November 2026, 17:04`.
    pub fn format_for(self, locale: crate::Locale) -> String {
        self.format_in(PEOPLES_ZONE, locale)
    }

    /// The date and time as people read them in `locale`, on the clock of `zone`.
    pub fn format_in(self, zone: chrono_tz::Tz, locale: crate::Locale) -> String {
        let local = self.in_zone(zone);
        let date = CivilDate::from(local.date_naive()).format_for(locale);
        let (hour, minute) = (local.hour(), local.minute());
        match locale {
            crate::Locale::Fi => format!("{date} klo {hour}.{minute:02}"),
            crate::Locale::Sv => format!("{date} kl. {hour}.{minute:02}"),
            crate::Locale::En => format!("{date}, {hour:02}:{minute:02}"),
        }
    }

    /// The calendar day this instant falls on in Helsinki: the day shown to people.
    pub fn local_date(self) -> CivilDate {
        CivilDate::from(self.in_zone(PEOPLES_ZONE).date_naive())
    }

    /// This instant on the clock of `zone`.
    pub fn in_zone(self, zone: chrono_tz::Tz) -> chrono::DateTime<chrono_tz::Tz> {
        chrono::DateTime::from_timestamp_millis(self.0).unwrap_or_default().with_timezone(&zone)
    }

    /// This instant moved by `millis` (saturating).
    pub const fn plus_millis(self, millis: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(millis))
    }
}

/// A calendar day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// Year.
    pub year: i64,
    /// Month, 1–12.
    pub month: i64,
    /// Day of the month, 1–31.
    pub day: i64,
}

impl CivilDate {
    /// Reads `YYYY-MM-DD`; `None` for anything else, including days that do not exist.
    pub fn parse_iso(text: &str) -> Option<CivilDate> {
        let mut parts = text.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            return None;
        }
        let date = CivilDate { year: y.parse().ok()?, month: m.parse().ok()?, day: d.parse().ok()? };
        // A day that does not exist comes back as another one.
        (Timestamp::start_of(date).date() == date && (1..=12).contains(&date.month)).then_some(date)
    }
}

impl CivilDate {
    /// The day as people read it in `locale`: `29.11.2026` in Finnish and Swedish (no leading
    /// zeros), `29 November 2026` in English.
    pub fn format_for(self, locale: crate::Locale) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match locale {
            crate::Locale::Fi | crate::Locale::Sv => format!("{}.{}.{}", self.day, self.month, self.year),
            crate::Locale::En => {
                let month = MONTHS[usize::try_from(self.month - 1).unwrap_or(0).min(11)];
                format!("{} {month} {}", self.day, self.year)
            }
        }
    }

    /// Reads a day as a person types it: `29.11.2026` or `29.11.2026.` (days and months with or
    /// without leading zeros, as in Finland), `29/11/2026`, or `2026-11-29` (what a browser's date
    /// picker sends). `None` for anything else, including days that do not exist.
    pub fn parse_typed(text: &str) -> Option<CivilDate> {
        let text = text.trim();
        if let Some(date) = CivilDate::parse_iso(text) {
            return Some(date);
        }
        let text = text.strip_suffix('.').unwrap_or(text);
        let separator = if text.contains('/') { '/' } else { '.' };
        let mut parts = text.split(separator);
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        let short = |part: &str| (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        if parts.next().is_some() || !short(d) || !short(m) || y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let date = CivilDate { year: y.parse().ok()?, month: m.parse().ok()?, day: d.parse().ok()? };
        (Timestamp::start_of(date).date() == date && (1..=12).contains(&date.month) && date.day >= 1).then_some(date)
    }
}

impl From<chrono::NaiveDate> for CivilDate {
    fn from(day: chrono::NaiveDate) -> CivilDate {
        CivilDate { year: i64::from(day.year()), month: i64::from(day.month()), day: i64::from(day.day()) }
    }
}

impl fmt::Display for CivilDate {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// (year, month, day) of a day count since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Days since 1970-01-01 of a calendar day (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Where the current time comes from: the system clock in the portal, a fixed one in tests.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current instant.
    fn now(&self) -> Timestamp;
}

/// The operating system's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let since_epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            Timestamp(i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX))
        }
        #[cfg(target_arch = "wasm32")]
        {
            Timestamp::default()
        }
    }
}

/// A clock that says what it was set to: for tests of anything that depends on the time.
#[derive(Debug, Default)]
pub struct FixedClock(std::sync::atomic::AtomicI64);

impl FixedClock {
    /// A clock standing at `at`.
    pub fn at(at: Timestamp) -> FixedClock {
        FixedClock(std::sync::atomic::AtomicI64::new(at.millis()))
    }

    /// Moves the clock to `at`.
    pub fn set(&self, at: Timestamp) {
        self.0.store(at.millis(), std::sync::atomic::Ordering::Relaxed);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        Timestamp(self.0.load(std::sync::atomic::Ordering::Relaxed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_convert_both_ways_across_leap_years_and_before_1970() {
        for days in [-800_000, -1, 0, 59, 60, 11_016, 20_000, 20_786, 1_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2024, 2, 29) + 1, days_from_civil(2024, 3, 1));
    }

    #[test]
    fn a_timestamp_is_stored_as_its_utc_day_and_shown_on_helsinki_time() {
        let at = Timestamp::from_millis(1_795_000_000_000);
        assert_eq!(at.date().to_string(), "2026-11-18");
        assert_eq!(at.format_date_time(), "2026-11-18 11:06");
        assert_eq!(at.format_for(crate::Locale::Fi), "18.11.2026 klo 13.06");
        assert_eq!(at.format_for(crate::Locale::Sv), "18.11.2026 kl. 13.06");
        assert_eq!(at.format_for(crate::Locale::En), "18 November 2026, 13:06");
        assert_eq!(Timestamp::start_of(at.date()).format_date_time(), "2026-11-18 00:00");
    }

    #[test]
    fn people_see_summer_time_and_the_helsinki_day_after_a_utc_evening() {
        // 2026-06-30 22:30 UTC is 1.30 on 1 July in Helsinki (UTC+3 in summer).
        let summer_night = Timestamp::start_of(CivilDate { year: 2026, month: 6, day: 30 }).plus_millis(81_000_000);
        assert_eq!(summer_night.date().to_string(), "2026-06-30");
        assert_eq!(summer_night.local_date().to_string(), "2026-07-01");
        assert_eq!(summer_night.format_for(crate::Locale::Fi), "1.7.2026 klo 1.30");
        assert_eq!(summer_night.format_for(crate::Locale::En), "1 July 2026, 01:30");
    }

    #[test]
    fn only_real_days_in_iso_form_are_read() {
        assert_eq!(CivilDate::parse_iso("2026-02-28").map(|d| d.to_string()).as_deref(), Some("2026-02-28"));
        for bad in ["2026-02-30", "2026-13-01", "2026-2-1", "26-02-01", "2026-02-01x", "", "2026+02-01"] {
            assert_eq!(CivilDate::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_fixed_clock_says_what_it_was_set_to() {
        let clock = FixedClock::at(Timestamp::from_millis(5));
        assert_eq!(clock.now().millis(), 5);
        clock.set(Timestamp::from_millis(9));
        assert_eq!(clock.now().millis(), 9);
    }

    #[test]
    fn days_are_shown_without_leading_zeros_or_with_the_month_named() {
        let day = CivilDate { year: 2026, month: 3, day: 5 };
        assert_eq!(day.format_for(crate::Locale::Fi), "5.3.2026");
        assert_eq!(day.format_for(crate::Locale::Sv), "5.3.2026");
        assert_eq!(day.format_for(crate::Locale::En), "5 March 2026");
    }

    #[test]
    fn days_typed_the_finnish_way_or_picked_are_read_and_impossible_ones_refused() {
        let day = Some(CivilDate { year: 2026, month: 3, day: 5 });
        for text in ["5.3.2026", "05.03.2026", "5.3.2026.", "5/3/2026", "2026-03-05", " 5.3.2026 "] {
            assert_eq!(CivilDate::parse_typed(text), day, "{text:?}");
        }
        for text in ["29.2.2026", "31.4.2026", "0.1.2026", "1.13.2026", "5.3.26", "5.3", "5..2026", "5.3.2026.1", "x"] {
            assert_eq!(CivilDate::parse_typed(text), None, "{text:?}");
        }
    }
}
