//! The [`Portal`]: one handle that owns the portal's services, shared by every request.

use crate::content::bundle::{Bundle, BundleErrors};
use crate::content::demo::demo_bundle;
use crate::store::{DatabaseUrl, ImportReport, Store, StoreError};
use std::path::PathBuf;

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
        self.database_url
            .clone()
            .unwrap_or_else(|| DatabaseUrl::sqlite_file(&self.data_dir.join("tuki.db")))
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
    /// The data directory could not be created.
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        /// The directory.
        path: String,
        /// Why not.
        source: std::io::Error,
    },
}

/// The running portal's services. Cheap to clone: clones share the same pools.
#[derive(Clone, Debug)]
pub struct Portal {
    store: Store,
    config: PortalConfig,
}

impl Portal {
    /// Opens the data directory and the database and brings the schema up to date.
    pub async fn open(config: PortalConfig) -> Result<Portal, PortalError> {
        std::fs::create_dir_all(&config.data_dir).map_err(|source| PortalError::DataDir {
            path: config.data_dir.display().to_string(),
            source,
        })?;
        let store = Store::connect(&config.database_url()).await?;
        store.migrate().await?;
        if store.meta("created_at").await?.is_none() {
            store
                .set_meta("created_at", &crate::store::now_millis().to_string())
                .await?;
        }
        Ok(Portal { store, config })
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
        Ok(report)
    }

    /// The whole knowledge base as a bundle.
    pub async fn export(&self) -> Result<Bundle, PortalError> {
        Ok(self.store.bundle().await?)
    }

    /// Loads the demo content into a portal that has no content and never imported any.
    /// Returns what was loaded, or `None` when the portal already has content of its own.
    pub async fn load_demo_content_if_empty(&self) -> Result<Option<ImportReport>, PortalError> {
        if self.store.meta(CONTENT_SOURCE).await?.is_some()
            || self.store.document_count().await? > 0
        {
            return Ok(None);
        }
        let report = self.store.import_bundle(&demo_bundle()?).await?;
        self.store.set_meta(CONTENT_SOURCE, "demo").await?;
        Ok(Some(report))
    }

    /// Closes the database pool at shutdown, after the last request finished.
    pub async fn close(&self) {
        self.store.close().await;
    }
}
