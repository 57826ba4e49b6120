//! The [`Portal`]: one handle that owns the portal's services, shared by every request.

use crate::store::{DatabaseUrl, Store, StoreError};
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

/// What can stop the portal from opening.
#[derive(Debug, thiserror::Error)]
pub enum PortalError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
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

    /// Closes the database pool at shutdown, after the last request finished.
    pub async fn close(&self) {
        self.store.close().await;
    }
}
