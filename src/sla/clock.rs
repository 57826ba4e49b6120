//! Business-time arithmetic: when a target falls due, given its start, a budget of business
//! time and the stretches the clock stood still; how much business time passed between two
//! instants; and why a due time is what it is. Pure functions over a [`BusinessCalendar`].

use super::calendar::{BusinessCalendar, DayKind};
use crate::time::Timestamp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::ControlFlow;

/// How far ahead a due time is searched for: ten years of days. A calendar is open on some
/// weekday, so only a list of closed days this long could exhaust it.
const MAX_DAYS: u32 = 3_660;

/// Milliseconds in a minute.
const MINUTE: i64 = 60_000;

/// An amount of business time, in whole minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BusinessMinutes(u32);

impl BusinessMinutes {
    /// `minutes` of business time.
    pub const fn new(minutes: u32) -> BusinessMinutes {
        BusinessMinutes(minutes)
    }

    /// `hours` of business time.
    pub const fn hours(hours: u32) -> BusinessMinutes {
        BusinessMinutes(hours * 60)
    }

    /// The minutes.
    pub const fn minutes(self) -> u32 {
        self.0
    }

    /// Reads `8h`, `30min`, `1h 30min` (at most a year of minutes).
    pub fn parse(text: &str) -> Option<BusinessMinutes> {
        let mut total: u32 = 0;
        let mut any = false;
        for part in text.split_whitespace() {
            let (digits, unit) = part.split_at(part.find(|c: char| !c.is_ascii_digit())?);
            let value: u32 = digits.parse().ok()?;
            let factor = match unit {
                "h" => 60,
                "min" => 1,
                _ => return None,
            };
            total = total.checked_add(value.checked_mul(factor)?)?;
            any = true;
        }
        (any && total > 0 && total <= 366 * 24 * 60).then_some(BusinessMinutes(total))
    }

    /// A share of this budget, in whole minutes (rounded down): 75 % of 8 h is 6 h.
    pub const fn share(self, percent: u8) -> BusinessMinutes {
        BusinessMinutes(self.0 * percent as u32 / 100)
    }
}

impl fmt::Display for BusinessMinutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0 / 60, self.0 % 60) {
            (0, minutes) => write!(f, "{minutes}min"),
            (hours, 0) => write!(f, "{hours}h"),
            (hours, minutes) => write!(f, "{hours}h {minutes}min"),
        }
    }
}

impl TryFrom<String> for BusinessMinutes {
    type Error = String;

    fn try_from(text: String) -> Result<BusinessMinutes, String> {
        BusinessMinutes::parse(&text).ok_or_else(|| format!("not a business time such as 8h or 30min: {text:?}"))
    }
}

impl From<BusinessMinutes> for String {
    fn from(minutes: BusinessMinutes) -> String {
        minutes.to_string()
    }
}

/// A stretch during which a ticket's clock stands still (it waits on the customer); `until` is
/// `None` while it still does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    /// When the wait began.
    pub from: Timestamp,
    /// When it ended.
    pub until: Option<Timestamp>,
}

/// Why a due time is what it is: the start, the budget, the pauses and the closed days between
/// the start and the due time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DueExplanation {
    /// When the clock started.
    pub start: Timestamp,
    /// The business time allowed.
    pub budget: BusinessMinutes,
    /// When it falls due; `None` while the clock stands still short of it.
    pub due: Option<Timestamp>,
    /// The pauses that moved it.
    pub pauses: Vec<Pause>,
    /// Holidays and closed days skipped on the way, in order.
    pub closed_days: Vec<(NaiveDate, DayKind)>,
    /// Days without opening hours (weekends) skipped on the way.
    pub days_without_hours: u32,
}

/// The business time between `from` and `to` that the clock ran (outside `pauses`).
pub fn business_time_between(
    calendar: &BusinessCalendar,
    from: Timestamp,
    to: Timestamp,
    pauses: &[Pause],
) -> BusinessMinutes {
    let mut millis = 0i64;
    walk(calendar, from.millis(), Some(to.millis()), &stops(pauses), |a, b| {
        millis += b - a;
        ControlFlow::Continue(())
    });
    BusinessMinutes(u32::try_from(millis / MINUTE).unwrap_or(u32::MAX))
}

/// When `budget` of business time, counted from `start` and not during `pauses`, runs out;
/// `None` while the clock stands still short of it (or if the calendar never opens again).
pub fn due_at(
    calendar: &BusinessCalendar,
    start: Timestamp,
    budget: BusinessMinutes,
    pauses: &[Pause],
) -> Option<Timestamp> {
    let mut left = i64::from(budget.0) * MINUTE;
    let mut due = None;
    walk(calendar, start.millis(), None, &stops(pauses), |a, b| {
        if b - a >= left {
            due = Some(Timestamp::from_millis(a + left));
            return ControlFlow::Break(());
        }
        left -= b - a;
        ControlFlow::Continue(())
    });
    due
}

/// [`due_at`], with the reasons.
pub fn explain_due(
    calendar: &BusinessCalendar,
    start: Timestamp,
    budget: BusinessMinutes,
    pauses: &[Pause],
) -> DueExplanation {
    let due = due_at(calendar, start, budget, pauses);
    let last = due.unwrap_or_else(|| pauses.iter().map(|p| p.from).max().unwrap_or(start).max(start));
    let mut closed_days = Vec::new();
    let mut days_without_hours = 0;
    let mut day = calendar.local_date(start);
    let last_day = calendar.local_date(last);
    while day <= last_day {
        match calendar.day_kind(day) {
            DayKind::Open => {}
            DayKind::NoHours => days_without_hours += 1,
            kind => closed_days.push((day, kind)),
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    let pauses = pauses
        .iter()
        .filter(|p| p.until.is_none_or(|until| until > start) && p.from < last.max(start).plus_millis(1))
        .copied()
        .collect();
    DueExplanation { start, budget, due, pauses, closed_days, days_without_hours }
}

/// The pauses as sorted, merged UTC millisecond intervals (an open pause runs to `i64::MAX`).
fn stops(pauses: &[Pause]) -> Vec<(i64, i64)> {
    let mut intervals: Vec<(i64, i64)> = pauses
        .iter()
        .map(|p| (p.from.millis(), p.until.map_or(i64::MAX, Timestamp::millis)))
        .filter(|(a, b)| a < b)
        .collect();
    intervals.sort_unstable();
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(intervals.len());
    for (a, b) in intervals {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Calls `visit` with each stretch of running business time from `start` (up to `end`), in
/// order, until it breaks.
fn walk(
    calendar: &BusinessCalendar,
    start: i64,
    end: Option<i64>,
    stops: &[(i64, i64)],
    mut visit: impl FnMut(i64, i64) -> ControlFlow<()>,
) {
    // Past the start of a pause that never ends, nothing more runs.
    let forever = stops.iter().find(|(_, b)| *b == i64::MAX).map(|(a, _)| *a);
    let stop = match (end, forever) {
        (Some(e), Some(f)) => e.min(f),
        (e, f) => e.or(f).unwrap_or(i64::MAX),
    };
    if stop <= start {
        return;
    }
    let mut day = calendar.local_date(Timestamp::from_millis(start));
    for _ in 0..MAX_DAYS {
        for (open, close) in calendar.open_intervals(day) {
            if open >= stop {
                return;
            }
            let (mut a, b) = (open.max(start), close.min(stop));
            for &(pause_from, pause_until) in stops {
                if a >= b || pause_from >= b {
                    break;
                }
                if pause_until <= a {
                    continue;
                }
                if pause_from > a && visit(a, pause_from).is_break() {
                    return;
                }
                a = a.max(pause_until);
            }
            if a < b && visit(a, b).is_break() {
                return;
            }
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => return,
        }
    }
}

#[cfg(test)]
mod tests;
