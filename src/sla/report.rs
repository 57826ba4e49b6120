//! `tuki report sla`: per team and priority, how many tickets met and missed their two
//! targets. Pure: the rows are counted from each ticket's clocks.

use super::targets::TargetState;
use crate::forms::Priority;
use crate::time::Timestamp;
use std::collections::BTreeMap;
use std::fmt::Write;

/// How one target fared over a set of tickets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TargetCounts {
    /// Reached in time.
    pub met: u64,
    /// Reached late, or past due and not reached.
    pub missed: u64,
    /// Not reached and not yet due (or paused).
    pub open: u64,
}

impl TargetCounts {
    /// Counts `state` as it stands at `now`.
    pub fn add(&mut self, state: TargetState, now: Timestamp) {
        match state {
            TargetState::Met { .. } => self.met += 1,
            TargetState::Missed { .. } => self.missed += 1,
            TargetState::Running { due } if due < now => self.missed += 1,
            TargetState::Running { .. } | TargetState::Paused => self.open += 1,
        }
    }

    /// The share met of those decided, in percent (100 when none is decided yet).
    pub fn met_percent(&self) -> f64 {
        let decided = self.met + self.missed;
        if decided == 0 { 100.0 } else { self.met as f64 * 100.0 / decided as f64 }
    }
}

/// The report: per team and priority, the first response's and the resolution's counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SlaReport {
    /// (team, priority) → (first response, resolution).
    pub rows: BTreeMap<(String, Priority), (TargetCounts, TargetCounts)>,
}

impl SlaReport {
    /// Counts one ticket.
    pub fn add(&mut self, team: &str, priority: Priority, clocks: super::TicketClocks, now: Timestamp) {
        let row = self.rows.entry((team.to_owned(), priority)).or_default();
        row.0.add(clocks.first_response, now);
        row.1.add(clocks.resolution, now);
    }

    /// A plain-text table, one line per team and priority, and the totals.
    pub fn render(&self) -> String {
        let mut out =
            String::from("team\tpriority\tfirst response met/missed/open\tmet %\tresolution met/missed/open\tmet %\n");
        let mut total = (TargetCounts::default(), TargetCounts::default());
        let mut line = |name: &str, priority: &str, (first, resolution): (TargetCounts, TargetCounts)| {
            let _ = writeln!(
                out,
                "{name}\t{priority}\t{}/{}/{}\t{:.1}\t{}/{}/{}\t{:.1}",
                first.met,
                first.missed,
                first.open,
                first.met_percent(),
                resolution.met,
                resolution.missed,
                resolution.open,
                resolution.met_percent()
            );
        };
        for ((team, priority), counts) in &self.rows {
            line(team, priority.code(), *counts);
            for (sum, part) in [(&mut total.0, counts.0), (&mut total.1, counts.1)] {
                sum.met += part.met;
                sum.missed += part.missed;
                sum.open += part.open;
            }
        }
        line("all", "all", total);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_past_due_counts_as_missed_and_an_empty_month_as_all_met() {
        let now = Timestamp::from_millis(10_000);
        let mut report = SlaReport::default();
        let met = TargetState::Met { at: Timestamp::from_millis(1) };
        let late = TargetState::Running { due: Timestamp::from_millis(5_000) };
        report.add(
            "payments",
            Priority::High,
            super::super::TicketClocks { first_response: met, resolution: late },
            now,
        );
        let waiting = TargetState::Paused;
        report.add(
            "payments",
            Priority::High,
            super::super::TicketClocks { first_response: met, resolution: waiting },
            now,
        );
        let text = report.render();
        assert!(text.contains("payments\thigh\t2/0/0\t100.0\t0/1/1\t0.0"), "{text}");
        assert!(text.ends_with("all\tall\t2/0/0\t100.0\t0/1/1\t0.0\n"), "{text}");
        assert!(SlaReport::default().render().contains("all\tall\t0/0/0\t100.0\t0/0/0\t100.0"));
    }
}
