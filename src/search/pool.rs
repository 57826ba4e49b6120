//! The search pool: a fixed set of threads, one per core, that run searches for async callers.
//!
//! A search is half a millisecond of CPU work that must not hold up an async worker. Each pool
//! thread takes the next search from one shared queue as soon as it has finished the last, so
//! under load the cores keep searching without waiting for the async runtime. (A semaphore in
//! front of tokio's blocking pool needed an async worker to start every search: with as many
//! slots as cores the cores idled between searches, and with more slots searches preempted one
//! another. At 32 concurrent clients that spread the slowest searches over several
//! milliseconds; `./.ci/bench` measures it.)
//!
//! After each search the thread yields its core, so the async worker woken to send the answer
//! runs at once instead of after the next search's time slice (at 32 clients the slowest of
//! those handoffs fell from 3 ms to 0.5 ms).
//!
//! The queue is not bounded by itself: every queued search has a caller awaiting its answer, so
//! it holds at most one search per request in flight, which the server's connections bound.
//! A search whose caller went away (a closed connection) is skipped.

use std::panic::{AssertUnwindSafe, catch_unwind};
use tokio::sync::oneshot;

/// Work for a pool thread.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// Why pooled work gave no answer.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    /// The work panicked; the thread lives on.
    #[error("the search panicked")]
    Panicked,
    /// The pool's threads are gone (the process is shutting down).
    #[error("the search pool has stopped")]
    Stopped,
}

/// A fixed set of threads running searches in the order they were asked for. Cheap to clone:
/// clones share the threads, which end when the last clone is dropped.
#[derive(Clone, Debug)]
pub struct SearchPool {
    queue: crossbeam_channel::Sender<Job>,
}

impl SearchPool {
    /// Starts `threads` threads (at least one), named `tuki-search-N`.
    pub fn start(threads: usize) -> std::io::Result<SearchPool> {
        let (queue, jobs) = crossbeam_channel::unbounded::<Job>();
        for n in 0..threads.max(1) {
            let jobs = jobs.clone();
            std::thread::Builder::new().name(format!("tuki-search-{n}")).spawn(move || {
                while let Ok(job) = jobs.recv() {
                    job();
                    // The async worker just woken to send the answer gets the core now, not
                    // once this thread's time slice is over.
                    std::thread::yield_now();
                }
            })?;
        }
        Ok(SearchPool { queue })
    }

    /// One thread per core.
    pub fn per_core() -> std::io::Result<SearchPool> {
        Self::start(std::thread::available_parallelism().map_or(2, |n| n.get()))
    }

    /// Runs `work` on a pool thread and waits for its answer without blocking the async worker.
    /// Whatever `work` holds is dropped on the pool thread before the answer is sent.
    pub async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, PoolError> {
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move || {
            if answer.is_closed() {
                return;
            }
            let _ = answer.send(catch_unwind(AssertUnwindSafe(work)).map_err(|_| PoolError::Panicked));
        });
        self.queue.send(job).map_err(|_| PoolError::Stopped)?;
        answered.await.map_err(|_| PoolError::Stopped)?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn work_runs_on_a_pool_thread_and_its_answer_comes_back() {
        let pool = SearchPool::start(2).expect("threads");
        let name = pool.run(|| std::thread::current().name().map(str::to_owned)).await.expect("answer");
        assert!(name.is_some_and(|n| n.starts_with("tuki-search-")));
    }

    #[tokio::test]
    async fn a_panic_is_an_error_and_the_thread_keeps_serving() {
        let pool = SearchPool::start(1).expect("threads");
        let panicked = pool.run(|| -> u32 { panic!("broken search") }).await;
        assert!(matches!(panicked, Err(PoolError::Panicked)));
        assert_eq!(pool.run(|| 7).await.expect("answer"), 7);
    }

    #[tokio::test]
    async fn no_more_searches_run_at_once_than_the_pool_has_threads() {
        let pool = SearchPool::start(2).expect("threads");
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let searches = (0..16).map(|_| {
            let (pool, running, most) = (pool.clone(), Arc::clone(&running), Arc::clone(&most));
            async move {
                pool.run(move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    running.fetch_sub(1, Ordering::SeqCst);
                })
                .await
            }
        });
        let answers = futures_join_all(searches).await;
        assert_eq!(answers.iter().filter(|answer| answer.is_ok()).count(), 16);
        assert!(most.load(Ordering::SeqCst) <= 2);
    }

    #[tokio::test]
    async fn what_the_work_holds_is_dropped_before_the_answer_arrives() {
        let pool = SearchPool::start(1).expect("threads");
        let held = Arc::new(());
        let moved = Arc::clone(&held);
        pool.run(move || drop(Arc::clone(&moved))).await.expect("answer");
        assert_eq!(Arc::strong_count(&held), 1);
    }

    #[tokio::test]
    async fn a_search_whose_caller_has_gone_is_not_run() {
        let pool = SearchPool::start(1).expect("threads");
        let (release, released) = std::sync::mpsc::channel::<()>();
        let (started, running) = oneshot::channel::<()>();
        let busy = pool.clone();
        let blocker = tokio::spawn(async move {
            busy.run(move || {
                let _ = started.send(());
                released.recv().is_ok()
            })
            .await
        });
        running.await.expect("the blocker runs");
        let ran = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&ran);
        let waited = std::time::Duration::from_millis(50);
        let gone = tokio::time::timeout(waited, pool.run(move || counted.fetch_add(1, Ordering::SeqCst))).await;
        assert!(gone.is_err(), "the only thread is busy, so the search waits in the queue");
        release.send(()).expect("blocker waiting");
        assert!(blocker.await.expect("task").expect("answer"));
        assert_eq!(pool.run(|| 1).await.expect("answer"), 1);
        assert_eq!(ran.load(Ordering::SeqCst), 0);
    }

    /// Awaits every future concurrently (tasks on the test's runtime).
    async fn futures_join_all<T: Send + 'static>(
        futures: impl Iterator<Item = impl std::future::Future<Output = T> + Send + 'static>,
    ) -> Vec<T> {
        let tasks: Vec<_> = futures.map(tokio::spawn).collect();
        let mut out = Vec::new();
        for task in tasks {
            out.push(task.await.expect("task"));
        }
        out
    }
}
