//! Delivers the webhook outbox (see [`crate::webhooks`]).

use super::Job;
use std::time::Duration;
use tuki::Portal;

/// Delivers the ticket events that are due, every second.
#[derive(Debug)]
pub struct WebhookDelivery {
    /// The portal whose outbox is delivered.
    pub portal: Portal,
    /// The HTTP client.
    pub client: reqwest::Client,
}

impl Job for WebhookDelivery {
    fn name(&self) -> &'static str {
        "webhook delivery"
    }

    fn every(&self) -> Duration {
        Duration::from_secs(1)
    }

    async fn run(&self) -> anyhow::Result<()> {
        crate::webhooks::deliver_due(&self.portal, &self.client).await.map(|_| ())
    }
}
