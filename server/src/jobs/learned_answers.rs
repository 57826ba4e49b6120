//! Keeps this node's search on the answers learned from use as they count now: new pairs from
//! other nodes' votes, and pairs whose evidence has faded below the floor (see
//! `tuki::search::learned`).

use super::Job;
use std::time::Duration;
use tuki::Portal;

/// Reloads the learned answers every minute.
#[derive(Debug)]
pub struct LearnedAnswers {
    /// The portal whose search learns.
    pub portal: Portal,
}

impl Job for LearnedAnswers {
    fn name(&self) -> &'static str {
        "learned answers"
    }

    fn every(&self) -> Duration {
        Duration::from_secs(60)
    }

    async fn run(&self) -> anyhow::Result<()> {
        if self.portal.refresh_learned().await? {
            tracing::info!("learned answers changed");
        }
        Ok(())
    }
}
