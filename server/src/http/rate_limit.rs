//! Per-client rate limits on what costs the portal (sending forms) or invites abuse
//! (searching): a token bucket per client address and kind, refilled continuously.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// What is limited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limited {
    /// Form posts: starting a form, sending a step, sending a ticket.
    Submit,
    /// Searches through the JSON API.
    Search,
}

/// Requests allowed per minute and client address, per kind (a burst of the same size).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// Form posts per minute.
    pub submits_per_minute: u32,
    /// Searches per minute.
    pub searches_per_minute: u32,
}

impl Default for RateLimits {
    fn default() -> RateLimits {
        RateLimits { submits_per_minute: 30, searches_per_minute: 600 }
    }
}

/// Most buckets kept; beyond this, full (idle) buckets are forgotten.
const MAX_BUCKETS: usize = 100_000;

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// The buckets of every client.
#[derive(Debug)]
pub struct RateLimiter {
    limits: RateLimits,
    buckets: Mutex<HashMap<(IpAddr, Limited), Bucket>>,
}

impl RateLimiter {
    /// A limiter with these limits.
    pub fn new(limits: RateLimits) -> RateLimiter {
        RateLimiter { limits, buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one request of `kind` from `client`'s bucket; false when it is empty.
    pub fn allow(&self, client: IpAddr, kind: Limited) -> bool {
        let per_minute = f64::from(match kind {
            Limited::Submit => self.limits.submits_per_minute,
            Limited::Search => self.limits.searches_per_minute,
        });
        let now = Instant::now();
        let Ok(mut buckets) = self.buckets.lock() else { return true };
        if buckets.len() >= MAX_BUCKETS {
            buckets.retain(|(_, k), b| {
                let capacity = f64::from(match k {
                    Limited::Submit => self.limits.submits_per_minute,
                    Limited::Search => self.limits.searches_per_minute,
                });
                b.tokens + now.duration_since(b.updated).as_secs_f64() * capacity / 60.0 < capacity
            });
        }
        let bucket = buckets.entry((client, kind)).or_insert(Bucket { tokens: per_minute, updated: now });
        bucket.tokens =
            (bucket.tokens + now.duration_since(bucket.updated).as_secs_f64() * per_minute / 60.0).min(per_minute);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gets_its_burst_then_is_refused_while_others_are_not() {
        let limiter = RateLimiter::new(RateLimits { submits_per_minute: 3, searches_per_minute: 1 });
        let me: IpAddr = [127, 0, 0, 1].into();
        let other: IpAddr = [127, 0, 0, 2].into();
        assert!((0..3).all(|_| limiter.allow(me, Limited::Submit)));
        assert!(!limiter.allow(me, Limited::Submit));
        assert!(limiter.allow(other, Limited::Submit));
        assert!(limiter.allow(me, Limited::Search), "kinds have their own buckets");
    }
}
