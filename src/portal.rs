//! The [`Portal`]: one handle that owns the portal's services, shared by every request.

use crate::content::bundle::{Bundle, BundleErrors};
use crate::content::demo::demo_bundle;
use crate::content::service_numbers::ServiceNumbers;
use crate::search::pool::{PoolError, SearchPool};
use crate::search::{IndexState, SearchError, SearchIndex, SearchRequest, SearchResults};
use crate::store::Store;
pub use crate::store::{
    Backend, DatabaseUrl, DatabaseUrlError, DeflectionReport, FunnelRow, ImportReport, PurgeReport, Retention,
    StoreError,
};
use std::path::PathBuf;
use std::sync::Arc;

/// Where the portal keeps its state.
#[derive(Clone, Debug)]
pub struct PortalConfig {
    /// The data directory (`TUKI_DATA_DIR`): SQLite file, search index, mail outbox.
    pub data_dir: PathBuf,
    /// The database (`TUKI_DATABASE_URL`); `None` means the SQLite file `tuki.db` in `data_dir`.
    pub database_url: Option<DatabaseUrl>,
    /// The numbers content names by placeholder (`TUKI_CARD_BLOCKING_PHONE`).
    pub service_numbers: ServiceNumbers,
}

impl PortalConfig {
    /// The data directory and database, with the demo bank's service numbers.
    pub fn new(data_dir: PathBuf, database_url: Option<DatabaseUrl>) -> PortalConfig {
        PortalConfig { data_dir, database_url, service_numbers: ServiceNumbers::default() }
    }

    /// The database this configuration names, with the embedded default filled in.
    pub fn database_url(&self) -> DatabaseUrl {
        self.database_url.clone().unwrap_or_else(|| DatabaseUrl::sqlite_file(&self.data_dir.join("tuki.db")))
    }
}

/// The file in the index folder naming the service numbers the index was filled with.
const SERVICE_NUMBERS_FILE: &str = "service-numbers";

/// `portal_meta` key recording where the content came from: `demo` or `import`.
const CONTENT_SOURCE: &str = "content_source";

/// What can stop the portal from opening.
#[derive(Debug, thiserror::Error)]
pub enum PortalError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A content bundle has problems; nothing was imported.
    #[error(transparent)]
    Bundle(#[from] BundleErrors),
    /// The search index failed.
    #[error(transparent)]
    Search(#[from] SearchError),
    /// A search task was cancelled or panicked.
    #[error("search task failed: {0}")]
    SearchTask(String),
    /// The search pool's threads could not be started.
    #[error("cannot start the search threads: {0}")]
    SearchThreads(#[source] std::io::Error),
    /// A search on the pool gave no answer.
    #[error(transparent)]
    SearchPool(#[from] PoolError),
    /// The data directory could not be created.
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        /// The directory.
        path: String,
        /// Why not.
        source: std::io::Error,
    },
}

impl PortalError {
    /// True when the failure is the database's state (busy, read-only, unreachable) and the
    /// same request may succeed later.
    pub fn is_transient(&self) -> bool {
        matches!(self, PortalError::Store(error) if error.is_transient())
    }
}

/// The running portal's services. Cheap to clone: clones share the same pools.
#[derive(Clone, Debug)]
pub struct Portal {
    store: Store,
    search: Arc<SearchIndex>,
    /// The threads that run searches.
    search_pool: SearchPool,
    /// False for command-line work on the database alone ([`Portal::open_without_index`]).
    maintains_index: bool,
    /// One catch-up of the index at a time.
    index_turn: Arc<tokio::sync::Mutex<()>>,
    /// The published knowledge base as customers' pages read it, kept until the content changes.
    catalogue: Arc<crate::services::catalogue::SnapshotCell>,
    config: PortalConfig,
}

/// What [`Portal::catch_up_index`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatchUp {
    /// The index was at the database's content generation.
    UpToDate,
    /// The documents changed since the index's generation were re-indexed.
    Updated {
        /// How many documents.
        documents: usize,
    },
    /// The index was rebuilt from every document.
    Rebuilt {
        /// How many documents.
        documents: usize,
    },
}

impl Portal {
    /// The knowledge base's snapshot (see [`crate::services::catalogue`]).
    pub(crate) fn catalogue_cell(&self) -> &crate::services::catalogue::SnapshotCell {
        &self.catalogue
    }

    /// Opens the data directory and the database, brings the schema up to date, and opens the
    /// search index (this process becomes its only writer), catching it up with the database.
    pub async fn open(config: PortalConfig) -> Result<Portal, PortalError> {
        let store = Self::open_store(&config).await?;
        let index_dir = config.data_dir.join("index");
        let numbers_file = index_dir.join(SERVICE_NUMBERS_FILE);
        let (search, state) = tokio::task::spawn_blocking(move || SearchIndex::open(&index_dir))
            .await
            .map_err(|e| PortalError::SearchTask(e.to_string()))??;
        let fingerprint = config.service_numbers.fingerprint();
        let numbers_changed = std::fs::read_to_string(&numbers_file).ok().as_deref() != Some(fingerprint.as_str());
        let portal = Self::with_index(store, search, true, config)?;
        if state == IndexState::Created || numbers_changed {
            portal.reindex().await?;
            std::fs::write(&numbers_file, fingerprint)
                .map_err(|source| PortalError::DataDir { path: numbers_file.display().to_string(), source })?;
        } else {
            portal.catch_up_index().await?;
        }
        Ok(portal)
    }

    /// Opens the database only, for command-line work while a server may be running: the
    /// local index is left alone (its writer is the server's) and content changes reach it
    /// through the content generation, which every server follows ([`Portal::catch_up_index`]).
    /// Searches find nothing.
    pub async fn open_without_index(config: PortalConfig) -> Result<Portal, PortalError> {
        let store = Self::open_store(&config).await?;
        Self::with_index(store, SearchIndex::in_memory()?, false, config)
    }

    async fn open_store(config: &PortalConfig) -> Result<Store, PortalError> {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|source| PortalError::DataDir { path: config.data_dir.display().to_string(), source })?;
        let store = Store::connect(&config.database_url()).await?;
        store.migrate().await?;
        if store.meta("created_at").await?.is_none() {
            store.set_meta("created_at", &store.now().millis().to_string()).await?;
        }
        Ok(store)
    }

    fn with_index(
        store: Store,
        search: SearchIndex,
        maintains_index: bool,
        config: PortalConfig,
    ) -> Result<Portal, PortalError> {
        let search_pool = SearchPool::per_core().map_err(PortalError::SearchThreads)?;
        Ok(Portal {
            store,
            search: Arc::new(search),
            search_pool,
            maintains_index,
            index_turn: Arc::new(tokio::sync::Mutex::new(())),
            catalogue: Arc::default(),
            config,
        })
    }

    /// Rebuilds the search index from the database (`tuki reindex`; automatic at start when
    /// the index is missing, corrupt or outdated). Returns the number of documents.
    pub async fn reindex(&self) -> Result<usize, PortalError> {
        let _turn = self.index_turn.lock().await;
        self.rebuild_index().await
    }

    async fn rebuild_index(&self) -> Result<usize, PortalError> {
        let generation = self.store.content_generation().await?;
        let documents = self.customers_documents(self.store.documents().await?);
        let count = documents.len();
        let search = Arc::clone(&self.search);
        tokio::task::spawn_blocking(move || search.rebuild(&documents, &generation.to_string()))
            .await
            .map_err(|e| PortalError::SearchTask(e.to_string()))??;
        tracing::info!(documents = count, generation, "search index rebuilt");
        Ok(count)
    }

    /// Brings the index up to the database's content generation: re-indexes the documents
    /// changed since the index's generation, or rebuilds it when that is unknown or ahead of
    /// the database (a restored backup). Called after every content change of this process
    /// and, by a running server, every second, so changes made by another process or
    /// another node become searchable too.
    pub async fn catch_up_index(&self) -> Result<CatchUp, PortalError> {
        if !self.maintains_index {
            return Ok(CatchUp::UpToDate);
        }
        let _turn = self.index_turn.lock().await;
        let target = self.store.content_generation().await?;
        let indexed = self.search.generation().and_then(|g| g.parse::<i64>().ok());
        // A changed synonyms file takes a new generation too.
        if indexed != Some(target) || !self.search.synonyms_loaded() {
            self.search.set_synonyms(&self.store.synonyms().await?)?;
        }
        match indexed {
            Some(indexed) if indexed == target => Ok(CatchUp::UpToDate),
            Some(indexed) if indexed < target => {
                let changed = self.customers_documents(self.store.documents_changed_after(indexed).await?);
                let count = changed.len();
                let search = Arc::clone(&self.search);
                tokio::task::spawn_blocking(move || search.update(&changed, &target.to_string()))
                    .await
                    .map_err(|e| PortalError::SearchTask(e.to_string()))??;
                tracing::info!(documents = count, from = indexed, to = target, "search index caught up");
                Ok(CatchUp::Updated { documents: count })
            }
            _ => Ok(CatchUp::Rebuilt { documents: self.rebuild_index().await? }),
        }
    }

    /// Documents as customers see them: service numbers filled in.
    pub fn customers_documents(&self, documents: Vec<crate::content::Document>) -> Vec<crate::content::Document> {
        let numbers = &self.config.service_numbers;
        documents.into_iter().map(|d| numbers.fill_document(d)).collect()
    }

    /// Markdown as the article page will show it: service numbers filled in, sanitised HTML.
    pub fn render_markdown(&self, markdown: &str) -> String {
        crate::content::markdown::to_html(&self.config.service_numbers.fill_markdown(markdown))
    }

    /// Loads the answers learned from use ([`crate::search::learned`]) as they count now into
    /// the search index; true when they changed. Run every minute and after a vote that taught.
    pub async fn refresh_learned(&self) -> Result<bool, PortalError> {
        let pairs = self.store.learned_pairs().await?;
        let answers = crate::search::learned::LearnedAnswers::new(&pairs, self.store.now().millis());
        Ok(self.search.set_learned(answers)?)
    }

    /// Searches on the search pool (one thread per core); never touches the database.
    pub async fn search(&self, request: SearchRequest) -> Result<SearchResults, PortalError> {
        let search = Arc::clone(&self.search);
        let started = std::time::Instant::now();
        let results = self.search_pool.run(move || search.search(&request)).await??;
        metrics::histogram!("tuki_search_duration_seconds").record(started.elapsed().as_secs_f64());
        Ok(results)
    }

    /// The search index, for synchronous callers (evaluation, benchmarks).
    pub fn search_index(&self) -> &SearchIndex {
        &self.search
    }

    /// The database: for the services only.
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// The same portal taking every time it stores from `clock` (a fixed clock in tests; the
    /// system clock otherwise).
    pub fn with_clock(mut self, clock: Arc<dyn crate::time::Clock>) -> Portal {
        self.store.set_clock(clock);
        self
    }

    /// The current time on the portal's clock.
    pub fn now(&self) -> crate::time::Timestamp {
        self.store.now()
    }

    /// The configuration the portal was opened with.
    pub fn config(&self) -> &PortalConfig {
        &self.config
    }

    /// True when the database answers and can be written: what `/readyz` reports.
    pub async fn is_ready(&self) -> bool {
        match self.store.check_writable().await {
            Ok(()) => true,
            Err(error) => {
                tracing::warn!(%error, "not ready: the database cannot be written");
                false
            }
        }
    }

    /// The database migrations applied so far (`tuki migrate`).
    pub async fn applied_migrations(&self) -> Result<Vec<i64>, PortalError> {
        Ok(self.store.applied_migrations().await?)
    }

    /// The deflection funnel per form since `since` (`tuki report deflection`).
    pub async fn deflection_report(&self, since: crate::time::Timestamp) -> Result<DeflectionReport, PortalError> {
        Ok(self.store.deflection_report(since.millis()).await?)
    }

    /// The database's content generation: how many content changes it has seen.
    pub async fn content_generation(&self) -> Result<i64, PortalError> {
        Ok(self.store.content_generation().await?)
    }

    /// How many tickets there are.
    pub async fn ticket_count(&self) -> Result<i64, PortalError> {
        Ok(self.store.ticket_count().await?)
    }

    /// How many content generations the search index is behind the database (0: up to date).
    pub async fn index_generation_lag(&self) -> Result<i64, PortalError> {
        let target = self.store.content_generation().await?;
        let indexed = self.search.generation().and_then(|g| g.parse::<i64>().ok()).unwrap_or(0);
        Ok((target - indexed).max(0))
    }

    /// Deletes expired drafts and removes expired tickets' personal data (see
    /// [`crate::store::Retention`]).
    pub async fn purge(&self, retention: Retention) -> Result<PurgeReport, PortalError> {
        Ok(self.store.purge(retention).await?)
    }

    /// Imports a content bundle in one transaction and marks the portal's content as its own,
    /// so demo content is never mixed in later.
    pub async fn import(&self, bundle: &Bundle) -> Result<ImportReport, PortalError> {
        let report = self.store.import_bundle(bundle).await?;
        self.store.set_meta(CONTENT_SOURCE, "import").await?;
        self.catch_up_index().await?;
        Ok(report)
    }

    /// The whole knowledge base as a bundle.
    pub async fn export(&self) -> Result<Bundle, PortalError> {
        Ok(self.store.bundle().await?)
    }

    /// Loads the demo content into a portal that has no content and never imported any.
    /// Returns what was loaded, or `None` when the portal already has content of its own.
    pub async fn load_demo_content_if_empty(&self) -> Result<Option<ImportReport>, PortalError> {
        if self.store.meta(CONTENT_SOURCE).await?.is_some() || self.store.document_count().await? > 0 {
            return Ok(None);
        }
        let bundle = demo_bundle()?;
        let report = self.store.import_bundle(&bundle).await?;
        self.store.set_meta(CONTENT_SOURCE, "demo").await?;
        self.catch_up_index().await?;
        Ok(Some(report))
    }

    /// Closes the database pool at shutdown, after the last request finished.
    pub async fn close(&self) {
        self.store.close().await;
    }
}
