//! Recent results, answered again without searching: customers ask the same few questions
//! (and type the same beginnings of them) over and over. Entries belong to one state of the
//! index: every commit starts a new epoch, and a result computed in an older one is never
//! served. Least recently used entries make room for new ones.

use super::SearchRequest;
use crate::search_types::SearchResults;
use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Entries kept unless configured otherwise (a few MB of results).
pub const DEFAULT_ENTRIES: usize = 4096;

/// What identifies a search's results: the request with its text normalised the way the
/// analysers would see it anyway (lowercase, runs of spaces as one; a trailing space kept,
/// because it says the last word is complete).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    text: String,
    locale: crate::Locale,
    limit: usize,
    offset: usize,
    category: Option<String>,
    kind: Option<crate::content::DocKind>,
}

/// The text of a request as it is searched (and cached): the portal's one normalisation.
pub use crate::search_types::normalise;

/// Hits and misses so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Searches answered from the cache.
    pub hits: u64,
    /// Searches that ran.
    pub misses: u64,
}

/// The result cache of one index.
pub struct ResultCache {
    epoch: AtomicU64,
    entries: Mutex<Option<lru::LruCache<Key, (u64, SearchResults)>>>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl ResultCache {
    /// A cache of `capacity` entries (0: none).
    pub fn new(capacity: usize) -> ResultCache {
        ResultCache {
            epoch: AtomicU64::new(0),
            entries: Mutex::new(NonZeroUsize::new(capacity).map(lru::LruCache::new)),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// Changes the capacity (0 turns the cache off), dropping what does not fit.
    pub fn set_capacity(&self, capacity: usize) {
        if let Ok(mut entries) = self.entries.lock() {
            match (NonZeroUsize::new(capacity), entries.as_mut()) {
                (None, _) => *entries = None,
                (Some(capacity), Some(cache)) => cache.resize(capacity),
                (Some(capacity), None) => *entries = Some(lru::LruCache::new(capacity)),
            }
        }
    }

    /// The current epoch: read it before taking a searcher, and store results under it.
    pub fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::Acquire)
    }

    /// Starts a new epoch (after a commit): nothing cached before is served again.
    pub fn invalidate(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut entries) = self.entries.lock()
            && let Some(cache) = entries.as_mut()
        {
            cache.clear();
        }
    }

    /// The cached results of `request` (whose text is normalised) in the current epoch.
    pub fn get(&self, request: &SearchRequest) -> Option<SearchResults> {
        let epoch = self.epoch();
        let found = self.entries.lock().ok().and_then(|mut entries| {
            let cache = entries.as_mut()?;
            let (stored_epoch, results) = cache.get(&key(request))?;
            (*stored_epoch == epoch).then(|| results.clone())
        });
        let counter = if found.is_some() { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Keeps `results` of `request`, computed with a searcher taken in `epoch`.
    pub fn put(&self, request: &SearchRequest, epoch: u64, results: &SearchResults) {
        if epoch != self.epoch() {
            return;
        }
        if let Ok(mut entries) = self.entries.lock()
            && let Some(cache) = entries.as_mut()
        {
            cache.put(key(request), (epoch, results.clone()));
        }
    }

    /// Hits and misses since the start.
    pub fn stats(&self) -> CacheStats {
        CacheStats { hits: self.hits.load(Ordering::Relaxed), misses: self.misses.load(Ordering::Relaxed) }
    }
}

fn key(request: &SearchRequest) -> Key {
    Key {
        text: request.text.clone(),
        locale: request.locale,
        limit: request.limit,
        offset: request.offset,
        category: request.category.as_ref().map(|c| c.as_str().to_owned()),
        kind: request.kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;

    fn request(text: &str) -> SearchRequest {
        SearchRequest { text: normalise(text), locale: Locale::Fi, limit: 10, offset: 0, category: None, kind: None }
    }

    fn results(total: usize) -> SearchResults {
        SearchResults { total, hits: Vec::new() }
    }

    #[test]
    fn texts_that_search_alike_share_one_entry() {
        assert_eq!(normalise("  Kortti   KADONNUT"), "kortti kadonnut");
        assert_eq!(normalise("kortti "), "kortti ");
        assert_ne!(normalise("kortti "), normalise("kortti"), "a trailing space says the word is complete");
        assert_eq!(normalise("   "), "");
    }

    #[test]
    fn a_cached_result_is_served_until_the_index_changes() {
        let cache = ResultCache::new(8);
        let epoch = cache.epoch();
        assert_eq!(cache.get(&request("kortti")), None);
        cache.put(&request("kortti"), epoch, &results(3));
        assert_eq!(cache.get(&request("KORTTI")), Some(results(3)));
        cache.invalidate();
        assert_eq!(cache.get(&request("kortti")), None);
        assert_eq!(cache.stats(), CacheStats { hits: 1, misses: 2 });
    }

    #[test]
    fn a_result_computed_before_a_commit_is_not_kept_after_it() {
        let cache = ResultCache::new(8);
        let epoch = cache.epoch();
        cache.invalidate();
        cache.put(&request("kortti"), epoch, &results(3));
        assert_eq!(cache.get(&request("kortti")), None);
    }

    #[test]
    fn other_parameters_are_other_entries_and_a_zero_capacity_caches_nothing() {
        let cache = ResultCache::new(8);
        let epoch = cache.epoch();
        cache.put(&request("kortti"), epoch, &results(3));
        let mut other = request("kortti");
        other.locale = Locale::Sv;
        assert_eq!(cache.get(&other), None);
        cache.set_capacity(0);
        cache.put(&request("kortti"), epoch, &results(3));
        assert_eq!(cache.get(&request("kortti")), None);
    }
}
