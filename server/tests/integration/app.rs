//! `spawn_app`: starts the real server on a free port with a fresh database.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use tokio::sync::oneshot;
use tuki::PortalConfig;
use tuki::store::testing::fresh_database;
use tuki::store::{Backend, DatabaseUrl};
use tuki_server::ServeConfig;
use tuki_server::http::Bound;
use tuki_server::mailer::MailConfig;

/// A running server and an HTTP client that does not follow redirects.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub state: tuki_server::AppState,
    /// `http://…` of the metrics listener, when the app was started with one.
    pub metrics_address: Option<String>,
    /// The directory static files are served from (`site` in the data directory; empty until
    /// a test writes into it).
    pub site_dir: PathBuf,
    stop: Option<oneshot::Sender<()>>,
    stopped: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    _dir: Option<tempfile::TempDir>,
}

impl TestApp {
    /// `GET path` with optional extra headers.
    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.client.get(format!("{}{path}", self.address));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("request failed")
    }
}

impl TestApp {
    /// Stops the server and waits until it has closed the database and the index.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(handle) = self.stopped.take() {
            let _ = handle.await;
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Starts the portal on `backend` with an empty data directory.
pub async fn spawn_app(backend: Backend) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database(backend, dir.path()).await.expect("fresh database");
    let path = dir.path().to_path_buf();
    start(database_url, &path, Some(dir), None).await
}

/// Starts the portal on `backend` with an empty data directory and its metrics listener on.
pub async fn spawn_app_with_metrics(backend: Backend) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database(backend, dir.path()).await.expect("fresh database");
    let path = dir.path().to_path_buf();
    start_with(database_url, &path, Some(dir), None, true).await
}

/// Starts the portal on `backend` with an empty data directory, delivering mail as `mail` says.
pub async fn spawn_app_with_mail(backend: Backend, mail: MailConfig) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database(backend, dir.path()).await.expect("fresh database");
    let path = dir.path().to_path_buf();
    start(database_url, &path, Some(dir), Some(mail)).await
}

/// Starts the portal with its data in `dir` (SQLite: reusing the database found there).
pub async fn spawn_app_in(backend: Backend, dir: &Path) -> TestApp {
    assert_eq!(backend, Backend::Sqlite, "a reusable data directory is a SQLite file");
    start(DatabaseUrl::sqlite_file(&dir.join("data").join("tuki.db")), dir, None, None).await
}

async fn start(
    database_url: DatabaseUrl,
    dir: &Path,
    owned: Option<tempfile::TempDir>,
    mail: Option<MailConfig>,
) -> TestApp {
    start_with(database_url, dir, owned, mail, false).await
}

async fn start_with(
    database_url: DatabaseUrl,
    dir: &Path,
    owned: Option<tempfile::TempDir>,
    mail: Option<MailConfig>,
    metrics: bool,
) -> TestApp {
    let config = ServeConfig {
        portal: PortalConfig::new(dir.join("data"), Some(database_url)),
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        base_url: "http://127.0.0.1:0".to_owned(),
        site_dir: dir.join("site"),
        rate_limits: tuki_server::http::RateLimits { submits_per_minute: 120, searches_per_minute: 600 },
        mail: mail.unwrap_or_else(|| MailConfig::folder(&dir.join("data"))),
        search_cache_entries: tuki::search::cache::DEFAULT_ENTRIES,
        page_cache_entries: tuki_server::http::DEFAULT_PAGE_CACHE_ENTRIES,
        trusted_proxies: Default::default(),
        retention: Default::default(),
        metrics_listen: metrics.then(|| SocketAddr::from(([127, 0, 0, 1], 0))),
    };
    let bound = Bound::bind(&config).await.expect("server starts");
    let address = format!("http://{}", bound.local_addr().expect("bound address"));
    let metrics_address = bound.metrics_addr().map(|a| format!("http://{a}"));
    let state = bound.state().clone();
    let (stop, stopped) = oneshot::channel::<()>();
    let handle = tokio::spawn(bound.run(async move {
        let _ = stopped.await;
    }));
    // A request that is never answered fails the test instead of hanging it.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .expect("client");
    let site_dir = config.site_dir.clone();
    TestApp { address, client, state, metrics_address, site_dir, stop: Some(stop), stopped: Some(handle), _dir: owned }
}
