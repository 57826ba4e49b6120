//! Sends the desk's service-level warnings and records breaches (see
//! `tuki::services::desk::Desk::send_due_alerts`).

use super::Job;
use std::time::Duration;
use tuki::Portal;
use tuki::services::Caller;

/// Looks for alerts that have fallen due, every minute.
#[derive(Debug)]
pub struct SlaAlerts {
    /// The portal whose tickets are watched.
    pub portal: Portal,
    /// The portal's public address, for the links in the mail.
    pub base_url: String,
}

impl Job for SlaAlerts {
    fn name(&self) -> &'static str {
        "service-level alerts"
    }

    fn every(&self) -> Duration {
        Duration::from_secs(60)
    }

    async fn run(&self) -> anyhow::Result<()> {
        let sent = self.portal.desk().send_due_alerts(&Caller::System, &self.base_url).await?;
        if sent > 0 {
            tracing::info!(sent, "service-level alerts sent");
        }
        Ok(())
    }
}
