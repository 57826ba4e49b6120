//! Reads the gauges the metrics endpoint shows: the outbox's backlog and how far the search
//! index is behind the database.

use super::Job;
use std::time::Duration;
use tuki::Portal;
use tuki::services::Caller;

/// Updates the gauges every [`crate::metrics::GAUGES_EVERY`].
#[derive(Debug)]
pub struct MetricsGauges {
    /// The portal measured.
    pub portal: Portal,
}

impl Job for MetricsGauges {
    fn name(&self) -> &'static str {
        "metrics gauges"
    }

    fn every(&self) -> Duration {
        crate::metrics::GAUGES_EVERY
    }

    async fn run(&self) -> anyhow::Result<()> {
        let backlog = self.portal.outbox().undelivered(&Caller::System).await?;
        metrics::gauge!("tuki_outbox_backlog").set(backlog as f64);
        let lag = self.portal.index_generation_lag().await?;
        metrics::gauge!("tuki_index_generation_lag").set(lag as f64);
        Ok(())
    }
}
