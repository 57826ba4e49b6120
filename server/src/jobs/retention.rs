//! Applies the retention policy: expired drafts deleted, expired tickets' personal data
//! removed.

use super::Job;
use std::time::Duration;
use tuki::Portal;
use tuki::portal::{PurgeReport, Retention};

/// Purges at start and every hour.
#[derive(Debug)]
pub struct RetentionJob {
    /// The portal whose data is purged.
    pub portal: Portal,
    /// How long things are kept.
    pub retention: Retention,
}

impl Job for RetentionJob {
    fn name(&self) -> &'static str {
        "retention"
    }

    fn every(&self) -> Duration {
        Duration::from_secs(3600)
    }

    async fn run(&self) -> anyhow::Result<()> {
        let report = self.portal.purge(self.retention).await?;
        if report != PurgeReport::default() {
            tracing::info!(
                drafts = report.drafts,
                tickets = report.tickets,
                mails = report.mails,
                "removed expired drafts and personal data"
            );
        }
        Ok(())
    }
}
