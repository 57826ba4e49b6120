//! The deflection funnel, counted from the anonymous funnel events.

use super::{Store, StoreError};
use sqlx::Row;
use std::collections::BTreeMap;

/// One request type in one locale: how many drafts reached each stage of the funnel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FunnelRow {
    /// Drafts started.
    pub started: i64,
    /// Drafts that were shown suggestions at some step.
    pub saw_suggestions: i64,
    /// Drafts whose customer opened a suggested document.
    pub opened: i64,
    /// Drafts that ended with "this solved my problem".
    pub solved: i64,
    /// Drafts that became tickets.
    pub tickets: i64,
}

impl FunnelRow {
    /// Solved by a suggestion, of the drafts that ended (solved or sent): `None` when none ended.
    pub fn deflection_rate(&self) -> Option<f64> {
        let ended = self.solved + self.tickets;
        (ended > 0).then(|| self.solved as f64 / ended as f64)
    }

    fn add(&mut self, other: &FunnelRow) {
        self.started += other.started;
        self.saw_suggestions += other.saw_suggestions;
        self.opened += other.opened;
        self.solved += other.solved;
        self.tickets += other.tickets;
    }
}

/// The funnel per (form, locale), and the total.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeflectionReport {
    /// Per request type and locale code.
    pub rows: BTreeMap<(String, String), FunnelRow>,
}

impl DeflectionReport {
    /// Every row added up.
    pub fn total(&self) -> FunnelRow {
        let mut total = FunnelRow::default();
        for row in self.rows.values() {
            total.add(row);
        }
        total
    }

    /// The report as a text table.
    pub fn render(&self) -> String {
        let rate = |r: &FunnelRow| r.deflection_rate().map_or("–".to_owned(), |x| format!("{:.1} %", x * 100.0));
        let line = |form: &str, locale: &str, r: &FunnelRow| {
            format!(
                "{form:<24} {locale:<6} {:>8} {:>12} {:>8} {:>8} {:>8} {:>11}\n",
                r.started,
                r.saw_suggestions,
                r.opened,
                r.solved,
                r.tickets,
                rate(r)
            )
        };
        let mut out = format!(
            "{:<24} {:<6} {:>8} {:>12} {:>8} {:>8} {:>8} {:>11}\n",
            "request type", "locale", "started", "suggestions", "opened", "solved", "tickets", "deflection"
        );
        for ((form, locale), row) in &self.rows {
            out.push_str(&line(form, locale, row));
        }
        out.push_str(&line("all", "", &self.total()));
        out
    }
}

impl Store {
    /// The deflection funnel of the drafts with events since `since` (milliseconds since the
    /// epoch): each draft counts once per stage.
    pub async fn deflection_report(&self, since: i64) -> Result<DeflectionReport, StoreError> {
        self.deflection_between(since, i64::MAX).await
    }

    /// The deflection funnel of the events in `[from, to)` (milliseconds since the epoch).
    pub async fn deflection_between(&self, from: i64, to: i64) -> Result<DeflectionReport, StoreError> {
        let rows = sqlx::query(
            "SELECT form_slug, locale, event, COUNT(DISTINCT draft_id) FROM funnel_events \
             WHERE created_at >= $1 AND created_at < $2 GROUP BY form_slug, locale, event",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        let mut report = DeflectionReport::default();
        for row in rows {
            let (form, locale, event): (String, String, String) = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
            let count: i64 = row.try_get(3)?;
            let entry = report.rows.entry((form, locale)).or_default();
            match event.as_str() {
                "started" => entry.started = count,
                "suggestions-shown" => entry.saw_suggestions = count,
                "suggestion-opened" => entry.opened = count,
                "solved" => entry.solved = count,
                "ticket-submitted" => entry.tickets = count,
                _ => {}
            }
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deflection_rate_is_solved_of_the_drafts_that_ended() {
        let row = FunnelRow { started: 10, saw_suggestions: 8, opened: 5, solved: 3, tickets: 1 };
        assert_eq!(row.deflection_rate(), Some(0.75));
        assert_eq!(FunnelRow::default().deflection_rate(), None);
    }
}
