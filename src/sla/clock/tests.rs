use super::*;
use crate::sla::calendar::{CalendarSpec, WeekHours};
use crate::sla::holidays::{Holiday, HolidayRules};
use chrono::{TimeZone, Utc};
use proptest::prelude::*;

/// The instant of a UTC date and time.
fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> Timestamp {
    Timestamp::from_millis(Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("instant").timestamp_millis())
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn finland() -> BusinessCalendar {
    BusinessCalendar::finnish_office_hours()
}

/// Stockholm, Monday to Friday 08–12 and 13–17, Sweden's holidays.
fn sweden() -> BusinessCalendar {
    let day = vec!["08:00-12:00".to_owned(), "13:00-17:00".to_owned()];
    BusinessCalendar::new(&CalendarSpec {
        time_zone: "Europe/Stockholm".into(),
        holidays: Some(HolidayRules::Sweden),
        hours: WeekHours {
            monday: day.clone(),
            tuesday: day.clone(),
            wednesday: day.clone(),
            thursday: day.clone(),
            friday: day,
            ..WeekHours::default()
        },
        closed: Default::default(),
        open: Default::default(),
    })
    .expect("calendar")
}

/// Every hour of every day in Helsinki: business time is wall-clock time.
fn around_the_clock() -> BusinessCalendar {
    let day = vec!["00:00-24:00".to_owned()];
    BusinessCalendar::new(&CalendarSpec {
        time_zone: "Europe/Helsinki".into(),
        holidays: None,
        hours: WeekHours {
            monday: day.clone(),
            tuesday: day.clone(),
            wednesday: day.clone(),
            thursday: day.clone(),
            friday: day.clone(),
            saturday: day.clone(),
            sunday: day,
        },
        closed: Default::default(),
        open: Default::default(),
    })
    .expect("calendar")
}

#[test]
fn business_times_read_and_print_in_hours_and_minutes() {
    assert_eq!(BusinessMinutes::parse("8h"), Some(BusinessMinutes::hours(8)));
    assert_eq!(BusinessMinutes::parse("1h 30min"), Some(BusinessMinutes::new(90)));
    assert_eq!(BusinessMinutes::parse("45min"), Some(BusinessMinutes::new(45)));
    for bad in ["", "8", "h", "0h", "8 h", "-1h", "1d", "99999999h"] {
        assert_eq!(BusinessMinutes::parse(bad), None, "{bad:?}");
    }
    assert_eq!(BusinessMinutes::new(90).to_string(), "1h 30min");
    assert_eq!(BusinessMinutes::hours(8).share(75), BusinessMinutes::hours(6));
}

/// Hand-computed: (calendar, start in UTC, budget in hours, due in UTC, why).
#[test]
fn due_times_skip_finnish_and_swedish_holidays_of_2026_and_2027() {
    let cases = [
        // Maundy Thursday 17:30 EEST, after hours; Good Friday, the weekend and Easter Monday
        // closed; Tuesday 08–16 is the 8 hours.
        (finland(), utc(2026, 4, 2, 14, 30), 8, utc(2026, 4, 7, 13, 0), "FI Easter 2026"),
        // Thursday 15:00 EET: one hour; Easter 2027 crosses the change to summer time; Tuesday
        // 08:00–15:00 EEST the other seven.
        (finland(), utc(2027, 3, 25, 13, 0), 8, utc(2027, 3, 30, 12, 0), "FI Easter 2027 and DST"),
        // Wednesday 14:00: two hours; Christmas Eve to Sunday closed; Monday 08–14.
        (finland(), utc(2026, 12, 23, 12, 0), 8, utc(2026, 12, 28, 12, 0), "FI Christmas 2026"),
        // Ascension Day 2026 is Thursday 14 May.
        (finland(), utc(2026, 5, 13, 9, 0), 8, utc(2026, 5, 15, 9, 0), "FI Ascension 2026"),
        // Independence Day 2027 is a Monday.
        (finland(), utc(2027, 12, 3, 13, 0), 2, utc(2027, 12, 7, 7, 0), "FI Independence Day 2027"),
        // Midsummer Eve 2026 is Friday 19 June.
        (finland(), utc(2026, 6, 18, 12, 0), 4, utc(2026, 6, 22, 8, 0), "FI Midsummer 2026"),
        // New Year's Eve is a working day in Finland.
        (finland(), utc(2026, 12, 30, 13, 0), 2, utc(2026, 12, 31, 7, 0), "FI New Year's Eve 2026"),
        // Stockholm, 16:00 CEST the day before Midsummer Eve 2027: one hour; Monday 08–11 CEST.
        (sweden(), utc(2027, 6, 24, 14, 0), 4, utc(2027, 6, 28, 9, 0), "SE Midsummer 2027"),
        // Maundy Thursday 17:30 CEST in Stockholm; Tuesday 08–12 and 13–17.
        (sweden(), utc(2026, 4, 2, 15, 30), 8, utc(2026, 4, 7, 15, 0), "SE Easter 2026 and lunch"),
        // New Year's Eve and Day closed in Sweden: Wednesday 16–17, then Monday 4 January 08–09.
        (sweden(), utc(2026, 12, 30, 15, 0), 2, utc(2027, 1, 4, 8, 0), "SE New Year 2026"),
        // A lunch break is no business time.
        (sweden(), utc(2026, 11, 30, 10, 0), 2, utc(2026, 11, 30, 13, 0), "SE lunch"),
    ];
    for (calendar, start, hours, due, why) in cases {
        let budget = BusinessMinutes::hours(hours);
        assert_eq!(due_at(&calendar, start, budget, &[]), Some(due), "{why}");
        assert_eq!(business_time_between(&calendar, start, due, &[]), budget, "{why}");
    }
}

#[test]
fn the_explanation_names_the_holidays_and_counts_the_weekend() {
    let explained = explain_due(&finland(), utc(2026, 4, 2, 14, 30), BusinessMinutes::hours(8), &[]);
    assert_eq!(explained.due, Some(utc(2026, 4, 7, 13, 0)));
    assert_eq!(
        explained.closed_days,
        vec![
            (date(2026, 4, 3), DayKind::Holiday(Holiday::GoodFriday)),
            (date(2026, 4, 6), DayKind::Holiday(Holiday::EasterMonday))
        ]
    );
    assert_eq!(explained.days_without_hours, 2);
    assert!(explained.pauses.is_empty());
}

#[test]
fn waiting_on_the_customer_stops_the_clock_and_an_open_wait_has_no_due_time() {
    // Monday 30 November 2026 08:00 EET with 8 hours; waiting from 10:00 to Tuesday 10:00.
    let start = utc(2026, 11, 30, 6, 0);
    let pause = Pause { from: utc(2026, 11, 30, 8, 0), until: Some(utc(2026, 12, 1, 8, 0)) };
    let due = due_at(&finland(), start, BusinessMinutes::hours(8), &[pause]);
    assert_eq!(due, Some(utc(2026, 12, 1, 14, 0)));
    assert_eq!(business_time_between(&finland(), start, utc(2026, 12, 1, 14, 0), &[pause]), BusinessMinutes::hours(8));
    let waiting = Pause { from: pause.from, until: None };
    assert_eq!(due_at(&finland(), start, BusinessMinutes::hours(8), &[waiting]), None);
    assert_eq!(due_at(&finland(), start, BusinessMinutes::hours(1), &[waiting]), Some(utc(2026, 11, 30, 7, 0)));
    let explained = explain_due(&finland(), start, BusinessMinutes::hours(8), &[pause]);
    assert_eq!(explained.pauses, vec![pause]);
}

#[test]
fn a_local_day_lasts_23_hours_when_summer_time_starts_and_25_when_it_ends() {
    let calendar = around_the_clock();
    let day = |d: NaiveDate| {
        let open = calendar.open_intervals(d);
        (open[0].1 - open[0].0) / 3_600_000
    };
    assert_eq!(day(date(2026, 3, 29)), 23);
    assert_eq!(day(date(2026, 10, 25)), 25);
    assert_eq!(day(date(2027, 3, 28)), 23);
    // 24 hours from Saturday noon reach Sunday 13:00 local, 10:00 UTC.
    assert_eq!(
        due_at(&calendar, utc(2026, 3, 28, 10, 0), BusinessMinutes::hours(24), &[]),
        Some(utc(2026, 3, 29, 10, 0))
    );
}

#[test]
fn hours_inside_the_skipped_hour_of_summer_time_start_from_after_it() {
    let mut spec = CalendarSpec {
        time_zone: "Europe/Helsinki".into(),
        holidays: None,
        hours: WeekHours { sunday: vec!["03:30-05:00".into()], ..WeekHours::default() },
        closed: Default::default(),
        open: Default::default(),
    };
    let calendar = BusinessCalendar::new(&spec).expect("calendar");
    // 03:30 does not exist on 29 March 2026: it reads as 04:30 EEST, 01:30 UTC.
    assert_eq!(
        calendar.open_intervals(date(2026, 3, 29)),
        vec![(utc(2026, 3, 29, 1, 30).millis(), utc(2026, 3, 29, 2, 0).millis())]
    );
    spec.hours.sunday = vec!["03:00-04:00".into()];
    let calendar = BusinessCalendar::new(&spec).expect("calendar");
    assert!(calendar.open_intervals(date(2026, 3, 29)).is_empty(), "the hour that never was");
    // 03:30 happens twice on 25 October 2026: the first one (EEST) counts.
    spec.hours.sunday = vec!["03:30-05:00".into()];
    let calendar = BusinessCalendar::new(&spec).expect("calendar");
    assert_eq!(
        calendar.open_intervals(date(2026, 10, 25)),
        vec![(utc(2026, 10, 25, 0, 30).millis(), utc(2026, 10, 25, 3, 0).millis())]
    );
}

/// Whole minutes between 2025 and 2028 (instants in whole minutes keep every stretch whole).
fn instant() -> impl Strategy<Value = Timestamp> {
    let from = utc(2025, 1, 1, 0, 0).millis() / MINUTE;
    let to = utc(2028, 12, 31, 0, 0).millis() / MINUTE;
    (from..to).prop_map(|m| Timestamp::from_millis(m * MINUTE))
}

fn calendar() -> impl Strategy<Value = BusinessCalendar> {
    prop_oneof![Just(finland()), Just(sweden()), Just(around_the_clock())]
}

fn pauses() -> impl Strategy<Value = Vec<Pause>> {
    prop::collection::vec((instant(), 1i64..20_000), 0..4).prop_map(|list| {
        list.into_iter()
            .map(|(from, minutes)| Pause { from, until: Some(from.plus_millis(minutes * MINUTE)) })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_business_time_until_the_due_time_is_the_budget(
        calendar in calendar(), start in instant(), minutes in 1u32..20_000, pauses in pauses()
    ) {
        let budget = BusinessMinutes::new(minutes);
        let due = due_at(&calendar, start, budget, &pauses).expect("a due time");
        prop_assert!(due > start);
        prop_assert_eq!(business_time_between(&calendar, start, due, &pauses), budget);
        // One minute less of budget falls due earlier.
        if minutes > 1 {
            let earlier = due_at(&calendar, start, BusinessMinutes::new(minutes - 1), &pauses).expect("due");
            prop_assert!(earlier < due);
        }
    }

    #[test]
    fn business_time_adds_up_over_consecutive_stretches(
        calendar in calendar(), a in instant(), b in instant(), c in instant(), pauses in pauses()
    ) {
        let mut three = [a, b, c];
        three.sort();
        let [a, b, c] = three;
        let whole = business_time_between(&calendar, a, c, &pauses).minutes();
        let parts = business_time_between(&calendar, a, b, &pauses).minutes()
            + business_time_between(&calendar, b, c, &pauses).minutes();
        prop_assert_eq!(whole, parts);
        prop_assert!(u64::from(whole) * 60_000 <= (c.millis() - a.millis()).unsigned_abs());
    }

    #[test]
    fn a_due_time_never_falls_on_a_closed_day(calendar in calendar(), start in instant(), minutes in 1u32..20_000) {
        let due = due_at(&calendar, start, BusinessMinutes::new(minutes), &[]).expect("due");
        // The due time ends an open stretch: the minute before it is business time.
        let day = calendar.local_date(due.plus_millis(-1));
        prop_assert_eq!(calendar.day_kind(day), DayKind::Open);
        prop_assert_eq!(business_time_between(&calendar, due.plus_millis(-MINUTE), due, &[]), BusinessMinutes::new(1));
    }
}
