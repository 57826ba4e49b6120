//! Keeps this node's search index at the database's content generation, so content imported
//! by `tuki import` or by another node sharing the PostgreSQL database becomes searchable here
//! within about a second.

use super::Job;
use std::time::Duration;
use tuki::Portal;

/// Catches the index up every second.
#[derive(Debug)]
pub struct IndexFollower {
    /// The portal whose index follows its database.
    pub portal: Portal,
}

impl Job for IndexFollower {
    fn name(&self) -> &'static str {
        "index follower"
    }

    fn every(&self) -> Duration {
        Duration::from_secs(1)
    }

    fn runs_at_start(&self) -> bool {
        // `Portal::open` has just brought the index up to date.
        false
    }

    async fn run(&self) -> anyhow::Result<()> {
        self.portal.catch_up_index().await?;
        Ok(())
    }
}
