//! A team's business calendar: opening hours per weekday (several intervals a day), a time
//! zone, public holidays by rule, and single dates closed or kept open. What it answers is
//! "when, in UTC, is the desk open on this local day", so that the arithmetic in
//! [`super::clock`] never has to think about daylight saving time.

use super::holidays::{Holiday, HolidayRules};
use crate::Locale;
use crate::time::Timestamp;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// Minutes in a day.
const DAY_MINUTES: u16 = 24 * 60;

/// A calendar as it is written in `desk.yaml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CalendarSpec {
    /// An IANA time zone, `Europe/Helsinki` unless told.
    #[serde(default = "default_zone")]
    pub time_zone: String,
    /// Whose public holidays close the desk; none when absent.
    #[serde(default)]
    pub holidays: Option<HolidayRules>,
    /// Opening hours per weekday, `monday` … `sunday`: a list of `HH:MM-HH:MM`.
    pub hours: WeekHours,
    /// Extra days the desk is closed (a company's own day off).
    #[serde(default)]
    pub closed: BTreeSet<NaiveDate>,
    /// Holidays the desk is open nevertheless, with the weekday's usual hours.
    #[serde(default)]
    pub open: BTreeSet<NaiveDate>,
}

fn default_zone() -> String {
    "Europe/Helsinki".to_owned()
}

/// Opening hours per weekday as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct WeekHours {
    #[serde(default)]
    pub monday: Vec<String>,
    #[serde(default)]
    pub tuesday: Vec<String>,
    #[serde(default)]
    pub wednesday: Vec<String>,
    #[serde(default)]
    pub thursday: Vec<String>,
    #[serde(default)]
    pub friday: Vec<String>,
    #[serde(default)]
    pub saturday: Vec<String>,
    #[serde(default)]
    pub sunday: Vec<String>,
}

impl WeekHours {
    /// The weekdays' lists, Monday first.
    fn days(&self) -> [&[String]; 7] {
        [&self.monday, &self.tuesday, &self.wednesday, &self.thursday, &self.friday, &self.saturday, &self.sunday]
    }
}

/// What is wrong with a calendar as written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// Not an IANA zone name.
    #[error("unknown time zone {0:?} (expected an IANA name such as Europe/Helsinki)")]
    UnknownZone(String),
    /// An interval that is not `HH:MM-HH:MM` with the start before the end.
    #[error("opening hours {0:?} are not HH:MM-HH:MM with the start before the end")]
    BadHours(String),
    /// Intervals of one day overlap.
    #[error("opening hours of one day overlap: {0}")]
    Overlap(String),
    /// No weekday has any opening hours.
    #[error("the calendar has no opening hours on any weekday")]
    NeverOpen,
}

/// Opening hours within a local day, in minutes after midnight (`to` may be 24:00).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OpenHours {
    from: u16,
    to: u16,
}

impl OpenHours {
    /// Reads `08:00-16:00`.
    pub fn parse(text: &str) -> Option<OpenHours> {
        let (from, to) = text.trim().split_once('-')?;
        let (from, to) = (minutes_of(from.trim())?, minutes_of(to.trim())?);
        (from < to).then_some(OpenHours { from, to })
    }
}

impl fmt::Display for OpenHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}-{:02}:{:02}", self.from / 60, self.from % 60, self.to / 60, self.to % 60)
    }
}

/// `HH:MM` as minutes after midnight, up to `24:00`.
fn minutes_of(text: &str) -> Option<u16> {
    let (hours, minutes) = text.split_once(':')?;
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours) || !digits(minutes) {
        return None;
    }
    let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.parse().ok()?);
    let total = hours * 60 + minutes;
    (minutes < 60 && total <= DAY_MINUTES).then_some(total)
}

/// Why the desk is closed on a day (or that it is open).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "holiday")]
pub enum DayKind {
    /// Open, with the weekday's hours.
    Open,
    /// The weekday has no opening hours (a weekend).
    NoHours,
    /// A public holiday.
    Holiday(Holiday),
    /// Closed by the calendar's own list.
    Closed,
}

/// A checked calendar, ready for arithmetic.
#[derive(Clone, Debug, PartialEq)]
pub struct BusinessCalendar {
    zone: Tz,
    week: [Vec<OpenHours>; 7],
    holidays: Option<HolidayRules>,
    closed: BTreeSet<NaiveDate>,
    open: BTreeSet<NaiveDate>,
}

impl BusinessCalendar {
    /// Checks a calendar as written.
    pub fn new(spec: &CalendarSpec) -> Result<BusinessCalendar, CalendarError> {
        let zone: Tz = spec.time_zone.parse().map_err(|_| CalendarError::UnknownZone(spec.time_zone.clone()))?;
        let mut week: [Vec<OpenHours>; 7] = Default::default();
        for (day, texts) in week.iter_mut().zip(spec.hours.days()) {
            for text in texts {
                day.push(OpenHours::parse(text).ok_or_else(|| CalendarError::BadHours(text.clone()))?);
            }
            day.sort();
            if let Some(pair) = day.windows(2).find(|pair| pair[0].to > pair[1].from) {
                return Err(CalendarError::Overlap(format!("{} and {}", pair[0], pair[1])));
            }
        }
        if week.iter().all(Vec::is_empty) {
            return Err(CalendarError::NeverOpen);
        }
        Ok(BusinessCalendar {
            zone,
            week,
            holidays: spec.holidays,
            closed: spec.closed.clone(),
            open: spec.open.clone(),
        })
    }

    /// Monday to Friday 08:00–16:00 in Helsinki with Finland's holidays: the desk's default.
    pub fn finnish_office_hours() -> BusinessCalendar {
        let weekday = vec![OpenHours { from: 8 * 60, to: 16 * 60 }];
        BusinessCalendar {
            zone: chrono_tz::Europe::Helsinki,
            week: [weekday.clone(), weekday.clone(), weekday.clone(), weekday.clone(), weekday, vec![], vec![]],
            holidays: Some(HolidayRules::Finland),
            closed: BTreeSet::new(),
            open: BTreeSet::new(),
        }
    }

    /// The calendar's time zone.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// `at` as people read it in `locale`, in the calendar's zone: `30.11.2026 klo 10.00`,
    /// `30.11.2026 kl. 10.00`, `30 November 2026, 10:00`.
    pub fn local_text(&self, at: Timestamp, locale: Locale) -> String {
        at.format_in(self.zone, locale)
    }

    /// The local day `at` falls on.
    pub fn local_date(&self, at: Timestamp) -> NaiveDate {
        at.in_zone(self.zone).date_naive()
    }

    /// Whether the desk is open on `day`, and if not, why (a holiday on a day without hours
    /// counts as the latter: it closed nothing).
    pub fn day_kind(&self, day: NaiveDate) -> DayKind {
        if self.closed.contains(&day) {
            return DayKind::Closed;
        }
        if self.week[day.weekday().num_days_from_monday() as usize].is_empty() {
            return DayKind::NoHours;
        }
        match self.holidays.and_then(|rules| rules.holiday_on(day)) {
            Some(holiday) if !self.open.contains(&day) => DayKind::Holiday(holiday),
            _ => DayKind::Open,
        }
    }

    /// The desk's open intervals on local `day`, as UTC instants in milliseconds, in order.
    /// Local times that daylight saving skips count from the moment after the skip; those it
    /// repeats, from their first occurrence.
    pub fn open_intervals(&self, day: NaiveDate) -> Vec<(i64, i64)> {
        if self.day_kind(day) != DayKind::Open {
            return Vec::new();
        }
        self.week[day.weekday().num_days_from_monday() as usize]
            .iter()
            .map(|hours| (self.instant(day, hours.from), self.instant(day, hours.to)))
            .filter(|(from, to)| from < to)
            .collect()
    }

    /// True when the desk is open at `at`.
    pub fn is_open(&self, at: Timestamp) -> bool {
        let t = at.millis();
        self.open_intervals(self.local_date(at)).iter().any(|(from, to)| *from <= t && t < *to)
    }

    /// `at` itself when the desk is open then, else when it next opens (within ten years).
    pub fn next_opening(&self, at: Timestamp) -> Option<Timestamp> {
        let mut day = self.local_date(at);
        for _ in 0..3_660 {
            if let Some((from, _)) = self.open_intervals(day).into_iter().find(|(_, to)| *to > at.millis()) {
                return Some(Timestamp::from_millis(from.max(at.millis())));
            }
            day = day.succ_opt()?;
        }
        None
    }

    /// The instant of `minutes` after midnight of local `day`, in UTC milliseconds.
    fn instant(&self, day: NaiveDate, minutes: u16) -> i64 {
        let midnight = NaiveDateTime::new(day, NaiveTime::MIN);
        let local = midnight + chrono::Duration::minutes(i64::from(minutes));
        match self.zone.from_local_datetime(&local) {
            chrono::LocalResult::Single(at) | chrono::LocalResult::Ambiguous(at, _) => at.timestamp_millis(),
            chrono::LocalResult::None => {
                // In a gap: read the local time with the offset in force just before it.
                let before = self.zone.from_utc_datetime(&(local - chrono::Duration::hours(3))).offset().fix();
                (local - chrono::Duration::seconds(i64::from(before.local_minus_utc()))).and_utc().timestamp_millis()
            }
        }
    }
}

/// `day` as people read it in `locale`: `3.4.2026`, `3 April 2026`.
pub fn date_text(day: NaiveDate, locale: Locale) -> String {
    crate::time::CivilDate::from(day).format_for(locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(hours: &[&str]) -> CalendarSpec {
        let list = hours.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>();
        CalendarSpec {
            time_zone: "Europe/Helsinki".into(),
            holidays: Some(HolidayRules::Finland),
            hours: WeekHours { monday: list, ..WeekHours::default() },
            closed: BTreeSet::new(),
            open: BTreeSet::new(),
        }
    }

    #[test]
    fn opening_hours_are_read_and_bad_ones_are_named() {
        assert!(BusinessCalendar::new(&spec(&["08:00-11:30", "12:00-16:00"])).is_ok());
        assert!(BusinessCalendar::new(&spec(&["00:00-24:00"])).is_ok());
        for bad in ["8-16", "08:00-08:00", "16:00-08:00", "08:00-24:01", "08:60-09:00", "xx:00-09:00", ""] {
            assert_eq!(BusinessCalendar::new(&spec(&[bad])), Err(CalendarError::BadHours(bad.into())), "{bad:?}");
        }
        assert!(matches!(
            BusinessCalendar::new(&spec(&["08:00-12:00", "11:00-16:00"])),
            Err(CalendarError::Overlap(_))
        ));
        assert_eq!(BusinessCalendar::new(&spec(&[])), Err(CalendarError::NeverOpen));
        let mut zone = spec(&["08:00-16:00"]);
        zone.time_zone = "Europe/Nowhere".into();
        assert!(matches!(BusinessCalendar::new(&zone), Err(CalendarError::UnknownZone(_))));
    }

    #[test]
    fn a_day_is_closed_by_the_list_before_the_holidays_and_a_kept_holiday_is_open() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("date");
        let mut written = spec(&["08:00-16:00"]);
        written.hours.friday = vec!["08:00-16:00".into()];
        written.closed.insert(day(12, 7));
        written.open.insert(day(4, 6));
        let calendar = BusinessCalendar::new(&written).expect("calendar");
        assert_eq!(calendar.day_kind(day(4, 3)), DayKind::Holiday(Holiday::GoodFriday));
        assert_eq!(calendar.day_kind(day(4, 6)), DayKind::Open, "Easter Monday kept open");
        assert_eq!(calendar.day_kind(day(12, 7)), DayKind::Closed);
        assert_eq!(calendar.day_kind(day(12, 8)), DayKind::NoHours, "a Tuesday without hours");
    }

    #[test]
    fn open_hours_become_utc_instants_in_winter_and_in_summer() {
        let calendar = BusinessCalendar::finnish_office_hours();
        let at =
            |y, m, d, h| chrono::Utc.with_ymd_and_hms(y, m, d, h, 0, 0).single().expect("instant").timestamp_millis();
        let winter = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        assert_eq!(calendar.open_intervals(winter), vec![(at(2026, 11, 30, 6), at(2026, 11, 30, 14))]);
        let winter_start = Timestamp::from_millis(at(2026, 11, 30, 6));
        assert_eq!(calendar.local_text(winter_start, Locale::Fi), "30.11.2026 klo 8.00");
        assert_eq!(calendar.local_text(winter_start, Locale::Sv), "30.11.2026 kl. 8.00");
        assert_eq!(calendar.local_text(winter_start, Locale::En), "30 November 2026, 08:00");
        assert!(calendar.is_open(winter_start) && !calendar.is_open(Timestamp::from_millis(at(2026, 11, 30, 14))));
        // Friday 4 December 2026 at 17:00: Saturday, Sunday (Independence Day), then Monday 08:00.
        let friday_evening = Timestamp::from_millis(at(2026, 12, 4, 15));
        assert_eq!(calendar.next_opening(friday_evening), Some(Timestamp::from_millis(at(2026, 12, 7, 6))));
        assert_eq!(calendar.next_opening(winter_start), Some(winter_start));
        let summer = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
        assert_eq!(calendar.open_intervals(summer), vec![(at(2026, 6, 1, 5), at(2026, 6, 1, 13))]);
    }
}
