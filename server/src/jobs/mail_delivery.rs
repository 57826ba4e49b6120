//! Delivers the outbox (see [`crate::mailer`]).

use super::Job;
use crate::mailer::MailConfig;
use std::time::Duration;
use tuki::Portal;

/// Delivers the mail that is due, every half second.
#[derive(Debug)]
pub struct MailDelivery {
    /// The portal whose outbox is delivered.
    pub portal: Portal,
    /// How and from whom.
    pub config: MailConfig,
}

impl Job for MailDelivery {
    fn name(&self) -> &'static str {
        "mail delivery"
    }

    fn every(&self) -> Duration {
        Duration::from_millis(500)
    }

    async fn run(&self) -> anyhow::Result<()> {
        crate::mailer::deliver_due(&self.portal, &self.config).await.map(|_| ())
    }
}
