//! The server's background work: each job is a [`Job`] (a name, how often, one idempotent
//! run), and one [`Scheduler`] runs them all — each at start and then every interval — and
//! stops them together at shutdown. Nodes sharing a database may all run every job: a run
//! does nothing twice.
//!
//! | job | every | does |
//! |---|---|---|
//! | [`MailDelivery`] | 0.5 s | delivers the outbox |
//! | [`IndexFollower`] | 1 s (first after 1 s: opening caught up) | brings this node's search index to the database's content generation |
//! | [`RetentionJob`] | 1 h | deletes expired drafts and tickets' personal data |
//! | [`WebhookDelivery`] | 1 s | posts the ticket events to the registered endpoints, signed |
//! | [`SlaAlerts`] | 1 min | sends the desk's service-level warnings, records breaches |
//! | [`LearnedAnswers`] | 1 min | loads the answers learned from use as they count now into the search |
//! | [`MetricsGauges`] | 15 s | reads the gauges the metrics show (only when metrics are on) |

mod index_follower;
mod learned_answers;
mod mail_delivery;
mod metrics_gauges;
mod retention;
mod sla_alerts;
mod webhook_delivery;

pub use index_follower::IndexFollower;
pub use learned_answers::LearnedAnswers;
pub use mail_delivery::MailDelivery;
pub use metrics_gauges::MetricsGauges;
pub use retention::RetentionJob;
pub use sla_alerts::SlaAlerts;
pub use webhook_delivery::WebhookDelivery;

use std::future::Future;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// A piece of background work run again and again.
pub trait Job: Send + Sync + 'static {
    /// The job's name in the logs.
    fn name(&self) -> &'static str;

    /// How long to wait after a run before the next.
    fn every(&self) -> Duration;

    /// True (the default) to run at start; false to wait [`Job::every`] first (the work was
    /// just done while the portal opened).
    fn runs_at_start(&self) -> bool {
        true
    }

    /// One run. Idempotent: running it twice, or on two nodes, does no harm. A failure is
    /// logged and the job runs again after [`Job::every`].
    fn run(&self) -> impl Future<Output = anyhow::Result<()>> + Send;
}

/// Runs jobs until told to stop.
#[derive(Debug)]
pub struct Scheduler {
    stop: watch::Sender<bool>,
    running: Vec<(&'static str, JoinHandle<()>)>,
}

impl Default for Scheduler {
    fn default() -> Scheduler {
        Scheduler { stop: watch::channel(false).0, running: Vec::new() }
    }
}

impl Scheduler {
    /// Starts `job`: a run now (unless [`Job::runs_at_start`] says not), then one every
    /// [`Job::every`] until [`Scheduler::stop`].
    pub fn start(&mut self, job: impl Job) {
        let name = job.name();
        let mut stop = self.stop.subscribe();
        let handle = tokio::spawn(async move {
            if !job.runs_at_start() {
                tokio::select! {
                    () = tokio::time::sleep(job.every()) => {}
                    _ = stop.changed() => return,
                }
            }
            loop {
                if let Err(error) = job.run().await {
                    tracing::warn!(
                        job = job.name(),
                        error = format!("{error:#}"),
                        "background job failed; will try again"
                    );
                }
                tokio::select! {
                    () = tokio::time::sleep(job.every()) => {}
                    _ = stop.changed() => return,
                }
            }
        });
        self.running.push((name, handle));
    }

    /// A signal that completes when the scheduler stops: for work that stops with the jobs
    /// (the metrics listener).
    pub fn stopped(&self) -> impl Future<Output = ()> + Send + 'static {
        let mut stop = self.stop.subscribe();
        async move {
            let _ = stop.changed().await;
        }
    }

    /// Stops every job, letting a run in progress finish within `grace`.
    pub async fn stop(self, grace: Duration) {
        let _ = self.stop.send(true);
        for (name, handle) in self.running {
            if tokio::time::timeout(grace, handle).await.is_err() {
                tracing::warn!(job = name, "background job did not stop in time");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct Counting(Arc<AtomicUsize>);

    impl Job for Counting {
        fn name(&self) -> &'static str {
            "counting"
        }

        fn every(&self) -> Duration {
            Duration::from_millis(10)
        }

        async fn run(&self) -> anyhow::Result<()> {
            self.0.fetch_add(1, Ordering::SeqCst);
            anyhow::bail!("a failing run does not stop the job")
        }
    }

    #[tokio::test]
    async fn a_job_runs_at_start_and_again_after_failures_and_stops_with_the_scheduler() {
        let runs = Arc::new(AtomicUsize::new(0));
        let mut scheduler = Scheduler::default();
        scheduler.start(Counting(Arc::clone(&runs)));
        tokio::time::sleep(Duration::from_millis(100)).await;
        scheduler.stop(Duration::from_secs(1)).await;
        let stopped_at = runs.load(Ordering::SeqCst);
        assert!(stopped_at >= 2, "ran {stopped_at} times");
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(runs.load(Ordering::SeqCst), stopped_at, "no run after stop");
    }

    struct Later(Arc<AtomicUsize>);

    impl Job for Later {
        fn name(&self) -> &'static str {
            "later"
        }

        fn every(&self) -> Duration {
            Duration::from_secs(3600)
        }

        fn runs_at_start(&self) -> bool {
            false
        }

        async fn run(&self) -> anyhow::Result<()> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    }

    #[tokio::test]
    async fn a_job_that_does_not_run_at_start_waits_its_interval_and_stops_while_waiting() {
        let runs = Arc::new(AtomicUsize::new(0));
        let mut scheduler = Scheduler::default();
        scheduler.start(Later(Arc::clone(&runs)));
        tokio::time::sleep(Duration::from_millis(50)).await;
        scheduler.stop(Duration::from_secs(1)).await;
        assert_eq!(runs.load(Ordering::SeqCst), 0);
    }
}
