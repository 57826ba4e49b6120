//! A ticket's two service-level clocks, derived from its history: the first response and the
//! resolution. The clocks run from the moment the ticket was sent and stand still while it
//! waits on the customer or stands solved (a reopened ticket's clock runs on from where it
//! stopped).

use super::calendar::BusinessCalendar;
use super::clock::{Pause, due_at};
use super::desk::Targets;
use crate::ticket::TicketStatus;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Where one target stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum TargetState {
    /// The clock runs; the target falls due at `due`.
    Running {
        /// When it falls due.
        due: Timestamp,
    },
    /// The clock stands still (waiting on the customer, or solved).
    Paused,
    /// Reached at `at`, `due` having been the target.
    Met {
        /// When it was reached.
        at: Timestamp,
    },
    /// Reached at `at`, after `due`.
    Missed {
        /// When it was reached.
        at: Timestamp,
        /// When it fell due.
        due: Timestamp,
    },
}

impl TargetState {
    /// The due time of a running clock.
    pub const fn running_due(self) -> Option<Timestamp> {
        match self {
            TargetState::Running { due } => Some(due),
            _ => None,
        }
    }
}

/// A ticket's clocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketClocks {
    /// To the first public reply.
    pub first_response: TargetState,
    /// To the solution.
    pub resolution: TargetState,
}

impl TicketClocks {
    /// The state of `target`.
    pub const fn of(&self, target: Target) -> TargetState {
        match target {
            Target::FirstResponse => self.first_response,
            Target::Resolution => self.resolution,
        }
    }

    /// The next due time of a running clock: what the queue sorts by.
    pub fn next_due(&self) -> Option<Timestamp> {
        match (self.first_response.running_due(), self.resolution.running_due()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// Which of a ticket's two targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// The desk's first public reply.
    FirstResponse,
    /// The solution.
    Resolution,
}

impl Target {
    /// The stored code (and the Fluent id's suffix): `first-response` or `resolution`.
    pub const fn code(self) -> &'static str {
        match self {
            Target::FirstResponse => "first-response",
            Target::Resolution => "resolution",
        }
    }

    /// The target stored as `code`.
    pub fn from_code(code: &str) -> Option<Target> {
        [Target::FirstResponse, Target::Resolution].into_iter().find(|t| t.code() == code)
    }
}

/// A service-level alert: a warning at a share of a target's budget, or its breach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AlertKind {
    /// `percent` of the budget is used.
    Warning(u8),
    /// The target is missed.
    Breach,
}

impl AlertKind {
    /// The stored code: `warning-75`, `breach`.
    pub fn code(self) -> String {
        match self {
            AlertKind::Warning(percent) => format!("warning-{percent}"),
            AlertKind::Breach => "breach".to_owned(),
        }
    }
}

/// An alert and when it falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Alert {
    /// Which target.
    pub target: Target,
    /// Warning or breach.
    pub kind: AlertKind,
    /// When it falls (a warning within business hours, a breach at the due time).
    pub at: Timestamp,
}

/// The alerts of the running targets of a ticket (its `clocks`, from `history`) not yet in
/// `sent` (target, kind code), in time order: a warning at each of `shares` of a budget, and
/// the breach at the due time.
pub fn pending_alerts(
    calendar: &BusinessCalendar,
    targets: Targets,
    created: Timestamp,
    history: &[(Timestamp, TicketStatus)],
    clocks: &TicketClocks,
    shares: &[u8],
    sent: &[(Target, String)],
) -> Vec<Alert> {
    let pauses = pauses_of(history);
    let mut alerts = Vec::new();
    for target in [Target::FirstResponse, Target::Resolution] {
        let TargetState::Running { due } = clocks.of(target) else { continue };
        let budget = targets.of(target);
        let warnings = shares.iter().filter_map(|share| {
            due_at(calendar, created, budget.share(*share), &pauses).map(|at| (AlertKind::Warning(*share), at))
        });
        for (kind, at) in warnings.chain([(AlertKind::Breach, due)]) {
            if !sent.iter().any(|(t, code)| *t == target && *code == kind.code()) {
                alerts.push(Alert { target, kind, at });
            }
        }
    }
    alerts.sort_by_key(|a| a.at);
    alerts
}

/// The stretches in `history` (status changes, oldest first) when the ticket waited on the
/// customer or stood solved.
pub fn pauses_of(history: &[(Timestamp, TicketStatus)]) -> Vec<Pause> {
    let mut pauses: Vec<Pause> = Vec::new();
    for &(at, status) in history {
        let stands_still = matches!(status, TicketStatus::Waiting | TicketStatus::Resolved | TicketStatus::Closed);
        match pauses.last_mut() {
            Some(open) if open.until.is_none() => {
                open.until = (!stands_still).then_some(at);
            }
            _ if stands_still => pauses.push(Pause { from: at, until: None }),
            _ => {}
        }
    }
    pauses
}

/// The clocks of a ticket sent at `created` with `targets`, given its status `history` (oldest
/// first) and the time of the desk's first public reply.
pub fn ticket_clocks(
    calendar: &BusinessCalendar,
    targets: Targets,
    created: Timestamp,
    history: &[(Timestamp, TicketStatus)],
    first_reply: Option<Timestamp>,
) -> TicketClocks {
    let pauses = pauses_of(history);
    let reached = |at: Timestamp, budget| match due_at(calendar, created, budget, &pauses_before(&pauses, at)) {
        Some(due) if at > due => TargetState::Missed { at, due },
        _ => TargetState::Met { at },
    };
    let running = |budget| match due_at(calendar, created, budget, &pauses) {
        Some(due) => TargetState::Running { due },
        None => TargetState::Paused,
    };
    let first_response = match first_reply {
        Some(at) => reached(at, targets.first_response),
        None => running(targets.first_response),
    };
    let solved_at = match history.last() {
        Some(&(at, TicketStatus::Resolved | TicketStatus::Closed)) => {
            // The moment it was first solved in its current run (solved then closed counts once).
            let run_start = history
                .iter()
                .rposition(|(_, s)| !matches!(s, TicketStatus::Resolved | TicketStatus::Closed))
                .map_or(0, |i| i + 1);
            Some(history.get(run_start).map_or(at, |(t, _)| *t))
        }
        _ => None,
    };
    let resolution = match solved_at {
        Some(at) => reached(at, targets.resolution),
        None => running(targets.resolution),
    };
    TicketClocks { first_response, resolution }
}

/// The pauses as they stood at `at`: ended ones, and the one running then cut at `at`.
fn pauses_before(pauses: &[Pause], at: Timestamp) -> Vec<Pause> {
    pauses
        .iter()
        .filter(|p| p.from < at)
        .map(|p| Pause { from: p.from, until: Some(p.until.map_or(at, |u| u.min(at))) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sla::BusinessMinutes;

    /// Monday 30 November 2026, `h`:`m` in Helsinki (EET, UTC+2).
    fn monday(h: i64, m: i64) -> Timestamp {
        Timestamp::from_millis(1_795_996_800_000 + ((h - 2) * 60 + m) * 60_000)
    }

    fn targets() -> Targets {
        Targets { first_response: BusinessMinutes::hours(2), resolution: BusinessMinutes::hours(6) }
    }

    #[test]
    fn a_new_ticket_runs_both_clocks_and_the_queue_sorts_by_the_first_response() {
        let calendar = BusinessCalendar::finnish_office_hours();
        let clocks = ticket_clocks(&calendar, targets(), monday(8, 0), &[], None);
        assert_eq!(clocks.first_response, TargetState::Running { due: monday(10, 0) });
        assert_eq!(clocks.resolution, TargetState::Running { due: monday(14, 0) });
        assert_eq!(clocks.next_due(), Some(monday(10, 0)));
    }

    #[test]
    fn waiting_on_the_customer_pauses_the_resolution_and_the_answer_restarts_it() {
        let calendar = BusinessCalendar::finnish_office_hours();
        let history = [(monday(9, 0), TicketStatus::Open), (monday(9, 30), TicketStatus::Waiting)];
        let clocks = ticket_clocks(&calendar, targets(), monday(8, 0), &history, Some(monday(9, 30)));
        assert_eq!(clocks.first_response, TargetState::Met { at: monday(9, 30) });
        assert_eq!(clocks.resolution, TargetState::Paused);
        assert_eq!(clocks.next_due(), None);
        let answered = [history[0], history[1], (monday(11, 30), TicketStatus::Open)];
        let clocks = ticket_clocks(&calendar, targets(), monday(8, 0), &answered, Some(monday(9, 30)));
        assert_eq!(clocks.resolution, TargetState::Running { due: monday(16, 0) }, "two hours later");
    }

    #[test]
    fn alerts_fall_at_the_warning_shares_and_the_due_time_and_sent_ones_are_left_out() {
        let calendar = BusinessCalendar::finnish_office_hours();
        let clocks = |reply| ticket_clocks(&calendar, targets(), monday(8, 0), &[], reply);
        let alerts = pending_alerts(&calendar, targets(), monday(8, 0), &[], &clocks(None), &[75, 90], &[]);
        let listed: Vec<_> = alerts.iter().map(|a| (a.target, a.kind, a.at)).collect();
        assert_eq!(
            listed,
            vec![
                (Target::FirstResponse, AlertKind::Warning(75), monday(9, 30)),
                (Target::FirstResponse, AlertKind::Warning(90), monday(9, 48)),
                (Target::FirstResponse, AlertKind::Breach, monday(10, 0)),
                (Target::Resolution, AlertKind::Warning(75), monday(12, 30)),
                (Target::Resolution, AlertKind::Warning(90), monday(13, 24)),
                (Target::Resolution, AlertKind::Breach, monday(14, 0)),
            ]
        );
        let sent = [(Target::FirstResponse, "warning-75".to_owned())];
        let replied =
            pending_alerts(&calendar, targets(), monday(8, 0), &[], &clocks(Some(monday(9, 0))), &[75, 90], &sent);
        assert_eq!(replied.len(), 3, "a reply ends the first-response alerts: {replied:?}");
        assert!(replied.iter().all(|a| a.target == Target::Resolution));
    }

    #[test]
    fn a_late_reply_and_a_late_solution_are_missed_and_an_early_one_met() {
        let calendar = BusinessCalendar::finnish_office_hours();
        let history = [(monday(15, 0), TicketStatus::Resolved), (monday(15, 5), TicketStatus::Closed)];
        let clocks = ticket_clocks(&calendar, targets(), monday(8, 0), &history, Some(monday(11, 0)));
        assert_eq!(clocks.first_response, TargetState::Missed { at: monday(11, 0), due: monday(10, 0) });
        assert_eq!(clocks.resolution, TargetState::Missed { at: monday(15, 0), due: monday(14, 0) });
        let early = [(monday(13, 0), TicketStatus::Resolved)];
        let clocks = ticket_clocks(&calendar, targets(), monday(8, 0), &early, Some(monday(9, 0)));
        assert_eq!(clocks.resolution, TargetState::Met { at: monday(13, 0) });
        // Reopened: the clock runs on from where it stopped (five hours used, one left).
        let reopened = [early[0], (monday(15, 0), TicketStatus::Open)];
        let clocks = ticket_clocks(&calendar, targets(), monday(8, 0), &reopened, Some(monday(9, 0)));
        assert_eq!(clocks.resolution, TargetState::Running { due: monday(16, 0) });
    }
}
