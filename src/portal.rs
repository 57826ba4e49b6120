//! The [`Portal`]: one handle that owns the portal's services, shared by every request.

use crate::content::Document;
use crate::content::bundle::{Bundle, BundleErrors};
use crate::content::demo::demo_bundle;
use crate::search::{IndexState, SearchError, SearchIndex, SearchRequest, SearchResults};
use crate::store::{DatabaseUrl, ImportReport, Store, StoreError};
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Where the portal keeps its state.
#[derive(Clone, Debug)]
pub struct PortalConfig {
    /// The data directory (`TUKI_DATA_DIR`): SQLite file, search index, mail outbox.
    pub data_dir: PathBuf,
    /// The database (`TUKI_DATABASE_URL`); `None` means the SQLite file `tuki.db` in `data_dir`.
    pub database_url: Option<DatabaseUrl>,
}

impl PortalConfig {
    /// The database this configuration names, with the embedded default filled in.
    pub fn database_url(&self) -> DatabaseUrl {
        self.database_url.clone().unwrap_or_else(|| DatabaseUrl::sqlite_file(&self.data_dir.join("tuki.db")))
    }
}

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
    /// The data directory could not be created.
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        /// The directory.
        path: String,
        /// Why not.
        source: std::io::Error,
    },
}

/// `portal_meta` key of the content generation: bumped by every content change, recorded in
/// the search index's commits, so an index behind the database is noticed and rebuilt.
const CONTENT_GENERATION: &str = "content_generation";

/// The running portal's services. Cheap to clone: clones share the same pools.
#[derive(Clone, Debug)]
pub struct Portal {
    store: Store,
    search: Arc<SearchIndex>,
    /// Bounds the searches running at once on the blocking pool.
    search_slots: Arc<Semaphore>,
    config: PortalConfig,
}

impl Portal {
    /// Opens the data directory and the database and brings the schema up to date.
    pub async fn open(config: PortalConfig) -> Result<Portal, PortalError> {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|source| PortalError::DataDir { path: config.data_dir.display().to_string(), source })?;
        let store = Store::connect(&config.database_url()).await?;
        store.migrate().await?;
        if store.meta("created_at").await?.is_none() {
            store.set_meta("created_at", &crate::store::now_millis().to_string()).await?;
        }
        let index_dir = config.data_dir.join("index");
        let (search, state) = tokio::task::spawn_blocking(move || SearchIndex::open(&index_dir))
            .await
            .map_err(|e| PortalError::SearchTask(e.to_string()))??;
        let slots = std::thread::available_parallelism().map_or(2, |n| n.get()) * 2;
        let portal = Portal { store, search: Arc::new(search), search_slots: Arc::new(Semaphore::new(slots)), config };
        let generation = portal.generation().await?;
        if state == IndexState::Created || portal.search.generation().as_deref() != Some(generation.as_str()) {
            portal.reindex().await?;
        }
        Ok(portal)
    }

    async fn generation(&self) -> Result<String, PortalError> {
        Ok(self.store.meta(CONTENT_GENERATION).await?.unwrap_or_else(|| "0".to_owned()))
    }

    /// Records a content change: a new generation, which the index then catches up with.
    async fn next_generation(&self) -> Result<String, PortalError> {
        let next = self.generation().await?.parse::<u64>().unwrap_or(0) + 1;
        self.store.set_meta(CONTENT_GENERATION, &next.to_string()).await?;
        Ok(next.to_string())
    }

    /// Rebuilds the search index from the database (`tuki reindex`; automatic at start when
    /// the index is missing, corrupt, outdated or behind). Returns the number of documents.
    pub async fn reindex(&self) -> Result<usize, PortalError> {
        let documents = self.store.documents().await?;
        let generation = self.generation().await?;
        let count = documents.len();
        let search = Arc::clone(&self.search);
        tokio::task::spawn_blocking(move || search.rebuild(&documents, &generation))
            .await
            .map_err(|e| PortalError::SearchTask(e.to_string()))??;
        tracing::info!(documents = count, "search index rebuilt");
        Ok(count)
    }

    /// Brings the index up to date with documents that changed, right after their commit.
    async fn index_changed(&self, changed: Vec<Document>) -> Result<(), PortalError> {
        let generation = self.next_generation().await?;
        let search = Arc::clone(&self.search);
        tokio::task::spawn_blocking(move || search.update(&changed, &generation))
            .await
            .map_err(|e| PortalError::SearchTask(e.to_string()))??;
        Ok(())
    }

    /// Searches on the bounded blocking pool; never touches the database.
    pub async fn search(&self, request: SearchRequest) -> Result<SearchResults, PortalError> {
        let _slot = self.search_slots.acquire().await.map_err(|e| PortalError::SearchTask(e.to_string()))?;
        let search = Arc::clone(&self.search);
        tokio::task::spawn_blocking(move || search.search(&request))
            .await
            .map_err(|e| PortalError::SearchTask(e.to_string()))?
            .map_err(PortalError::from)
    }

    /// The search index, for synchronous callers (evaluation, benchmarks).
    pub fn search_index(&self) -> &SearchIndex {
        &self.search
    }

    /// The database.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The configuration the portal was opened with.
    pub fn config(&self) -> &PortalConfig {
        &self.config
    }

    /// True when the database answers: what `/readyz` reports.
    pub async fn is_ready(&self) -> bool {
        self.store.ping().await.is_ok()
    }

    /// Imports a content bundle in one transaction and marks the portal's content as its own,
    /// so demo content is never mixed in later.
    pub async fn import(&self, bundle: &Bundle) -> Result<ImportReport, PortalError> {
        let report = self.store.import_bundle(bundle).await?;
        self.store.set_meta(CONTENT_SOURCE, "import").await?;
        self.index_import(bundle, &report).await?;
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
        self.index_import(&bundle, &report).await?;
        Ok(Some(report))
    }

    async fn index_import(&self, bundle: &Bundle, report: &ImportReport) -> Result<(), PortalError> {
        let changed: std::collections::HashSet<(crate::content::DocKind, &str)> = report.changed_documents().collect();
        let documents: Vec<Document> =
            bundle.documents.iter().filter(|d| changed.contains(&(d.kind, d.slug.as_str()))).cloned().collect();
        if !documents.is_empty() {
            self.index_changed(documents).await?;
        }
        Ok(())
    }

    /// Closes the database pool at shutdown, after the last request finished.
    pub async fn close(&self) {
        self.store.close().await;
    }
}
