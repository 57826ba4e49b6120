//! Public holidays by rule, for Finland and Sweden: fixed dates, the days that move with
//! Easter, and those on "the Saturday between" two dates (Midsummer, All Saints' Day). Only the
//! days on which a bank's or an IT service desk's office is closed are listed: the de facto
//! holidays Midsummer Eve and Christmas Eve (and New Year's Eve in Sweden) are, Maundy Thursday
//! is not.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Whose public holidays a calendar keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HolidayRules {
    /// Finland's (juhlapyhät).
    Finland,
    /// Sweden's (helgdagar).
    Sweden,
}

/// A public holiday. The code is the Fluent id's suffix (`sla-holiday-good-friday`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Holiday {
    /// 1 January.
    NewYearsDay,
    /// 6 January.
    Epiphany,
    /// Easter Sunday − 2.
    GoodFriday,
    /// Easter Sunday.
    EasterSunday,
    /// Easter Sunday + 1.
    EasterMonday,
    /// 1 May.
    MayDay,
    /// Easter Sunday + 39.
    AscensionDay,
    /// Easter Sunday + 49.
    Whitsunday,
    /// 6 June (Sweden).
    NationalDayOfSweden,
    /// The Friday between 19 and 25 June.
    MidsummerEve,
    /// The Saturday between 20 and 26 June.
    MidsummerDay,
    /// The Saturday between 31 October and 6 November.
    AllSaintsDay,
    /// 6 December (Finland).
    IndependenceDay,
    /// 24 December.
    ChristmasEve,
    /// 25 December.
    ChristmasDay,
    /// 26 December.
    BoxingDay,
    /// 31 December (Sweden).
    NewYearsEve,
}

impl Holiday {
    /// The code: `new-years-day`, `good-friday`, …
    pub const fn code(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "new-years-day",
            Holiday::Epiphany => "epiphany",
            Holiday::GoodFriday => "good-friday",
            Holiday::EasterSunday => "easter-sunday",
            Holiday::EasterMonday => "easter-monday",
            Holiday::MayDay => "may-day",
            Holiday::AscensionDay => "ascension-day",
            Holiday::Whitsunday => "whitsunday",
            Holiday::NationalDayOfSweden => "national-day-of-sweden",
            Holiday::MidsummerEve => "midsummer-eve",
            Holiday::MidsummerDay => "midsummer-day",
            Holiday::AllSaintsDay => "all-saints-day",
            Holiday::IndependenceDay => "independence-day",
            Holiday::ChristmasEve => "christmas-eve",
            Holiday::ChristmasDay => "christmas-day",
            Holiday::BoxingDay => "boxing-day",
            Holiday::NewYearsEve => "new-years-eve",
        }
    }

    /// Every holiday either country keeps.
    pub const ALL: [Holiday; 17] = [
        Holiday::NewYearsDay,
        Holiday::Epiphany,
        Holiday::GoodFriday,
        Holiday::EasterSunday,
        Holiday::EasterMonday,
        Holiday::MayDay,
        Holiday::AscensionDay,
        Holiday::Whitsunday,
        Holiday::NationalDayOfSweden,
        Holiday::MidsummerEve,
        Holiday::MidsummerDay,
        Holiday::AllSaintsDay,
        Holiday::IndependenceDay,
        Holiday::ChristmasEve,
        Holiday::ChristmasDay,
        Holiday::BoxingDay,
        Holiday::NewYearsEve,
    ];
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm of Meeus, Jones
/// and Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month, day)
}

impl HolidayRules {
    /// The holidays of `year`, by date.
    pub fn holidays(self, year: i32) -> Vec<(NaiveDate, Holiday)> {
        let easter = easter_sunday(year);
        let from_easter = |days: i64| {
            if days >= 0 {
                easter.checked_add_days(Days::new(days.unsigned_abs()))
            } else {
                easter.checked_sub_days(Days::new(days.unsigned_abs()))
            }
            .unwrap_or(easter)
        };
        let mut days = vec![
            (date(year, 1, 1), Holiday::NewYearsDay),
            (date(year, 1, 6), Holiday::Epiphany),
            (from_easter(-2), Holiday::GoodFriday),
            (easter, Holiday::EasterSunday),
            (from_easter(1), Holiday::EasterMonday),
            (date(year, 5, 1), Holiday::MayDay),
            (from_easter(39), Holiday::AscensionDay),
            (from_easter(49), Holiday::Whitsunday),
            (weekday_between(year, (6, 19), Weekday::Fri), Holiday::MidsummerEve),
            (weekday_between(year, (6, 20), Weekday::Sat), Holiday::MidsummerDay),
            (weekday_between(year, (10, 31), Weekday::Sat), Holiday::AllSaintsDay),
            (date(year, 12, 24), Holiday::ChristmasEve),
            (date(year, 12, 25), Holiday::ChristmasDay),
            (date(year, 12, 26), Holiday::BoxingDay),
        ];
        match self {
            HolidayRules::Finland => days.push((date(year, 12, 6), Holiday::IndependenceDay)),
            HolidayRules::Sweden => {
                days.push((date(year, 6, 6), Holiday::NationalDayOfSweden));
                days.push((date(year, 12, 31), Holiday::NewYearsEve));
            }
        }
        days.sort();
        days
    }

    /// The holiday on `day`, if it is one.
    pub fn holiday_on(self, day: NaiveDate) -> Option<Holiday> {
        self.holidays(day.year()).into_iter().find(|(d, _)| *d == day).map(|(_, h)| h)
    }
}

/// The first `weekday` on or after `first` (month, day) of `year`: "the Saturday between
/// 20 and 26 June".
fn weekday_between(year: i32, first: (u32, u32), weekday: Weekday) -> NaiveDate {
    let start = date(year, first.0.cast_signed(), first.1.cast_signed());
    let ahead = (7 + weekday.num_days_from_monday() - start.weekday().num_days_from_monday()) % 7;
    start.checked_add_days(Days::new(u64::from(ahead))).unwrap_or(start)
}

/// A date known to exist (the rules above only build real ones).
fn date(year: i32, month: i32, day: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month.cast_unsigned(), day.cast_unsigned()).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("date")
    }

    #[test]
    fn easter_falls_on_the_published_dates() {
        for (year, month, day) in
            [(2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2028, 4, 16), (2038, 4, 25)]
        {
            assert_eq!(easter_sunday(year), d(year, month, day), "{year}");
        }
    }

    #[test]
    fn finnish_holidays_of_2026_are_the_official_list() {
        let days: Vec<_> = HolidayRules::Finland.holidays(2026);
        let expected = [
            (d(2026, 1, 1), Holiday::NewYearsDay),
            (d(2026, 1, 6), Holiday::Epiphany),
            (d(2026, 4, 3), Holiday::GoodFriday),
            (d(2026, 4, 5), Holiday::EasterSunday),
            (d(2026, 4, 6), Holiday::EasterMonday),
            (d(2026, 5, 1), Holiday::MayDay),
            (d(2026, 5, 14), Holiday::AscensionDay),
            (d(2026, 5, 24), Holiday::Whitsunday),
            (d(2026, 6, 19), Holiday::MidsummerEve),
            (d(2026, 6, 20), Holiday::MidsummerDay),
            (d(2026, 10, 31), Holiday::AllSaintsDay),
            (d(2026, 12, 6), Holiday::IndependenceDay),
            (d(2026, 12, 24), Holiday::ChristmasEve),
            (d(2026, 12, 25), Holiday::ChristmasDay),
            (d(2026, 12, 26), Holiday::BoxingDay),
        ];
        assert_eq!(days, expected);
    }

    #[test]
    fn swedish_holidays_of_2027_have_national_day_and_new_years_eve_but_no_independence_day() {
        let days = HolidayRules::Sweden.holidays(2027);
        let on = |h| days.iter().find(|(_, x)| *x == h).map(|(d, _)| *d);
        assert_eq!(on(Holiday::GoodFriday), Some(d(2027, 3, 26)));
        assert_eq!(on(Holiday::EasterMonday), Some(d(2027, 3, 29)));
        assert_eq!(on(Holiday::AscensionDay), Some(d(2027, 5, 6)));
        assert_eq!(on(Holiday::NationalDayOfSweden), Some(d(2027, 6, 6)));
        assert_eq!(on(Holiday::MidsummerEve), Some(d(2027, 6, 25)));
        assert_eq!(on(Holiday::MidsummerDay), Some(d(2027, 6, 26)));
        assert_eq!(on(Holiday::AllSaintsDay), Some(d(2027, 11, 6)));
        assert_eq!(on(Holiday::NewYearsEve), Some(d(2027, 12, 31)));
        assert_eq!(on(Holiday::IndependenceDay), None);
        assert_eq!(HolidayRules::Finland.holiday_on(d(2027, 12, 6)), Some(Holiday::IndependenceDay));
        assert_eq!(HolidayRules::Finland.holiday_on(d(2027, 12, 31)), None);
        assert_eq!(HolidayRules::Sweden.holiday_on(d(2027, 3, 25)), None, "Maundy Thursday is a working day");
    }
}
