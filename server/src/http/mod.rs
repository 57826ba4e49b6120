//! The HTTP server: routes, middleware, and start/stop.
//!
//! Request path: middleware (request id → trace span → panic guard → compression → body limit
//! → `lang` cookie) → router: `/` negotiation, health checks, Leptos pages (server-rendered,
//! with the [`Portal`] in context), static files under `/pkg/`, and the translated 404 page.

mod api;
mod error_page;
mod health;
mod help;
mod middleware;
mod negotiate;
mod rate_limit;

pub use middleware::{MAX_BODY_BYTES, with_middleware};
pub use rate_limit::{Limited, RateLimiter, RateLimits};

use crate::config::ServeConfig;
use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tuki::Portal;
use tuki_app::{App, shell};

/// What every handler can reach: the portal's services and Leptos's render options.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The portal's services.
    pub portal: Portal,
    /// Leptos's options (file names, site directory).
    pub leptos_options: LeptosOptions,
    /// The portal's public address (links in e-mails).
    pub base_url: String,
    /// Per-client request limits.
    pub limiter: std::sync::Arc<RateLimiter>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> LeptosOptions {
        state.leptos_options.clone()
    }
}

/// The portal's routes, without middleware.
pub fn routes(state: AppState) -> Router {
    let leptos_routes = route_list();
    let portal = state.portal.clone();
    let context = move || provide_context(portal.clone());
    let options = state.leptos_options.clone();
    Router::new()
        .route("/", get(negotiate::root))
        .route("/fi", get(negotiate::add_trailing_slash))
        .route("/sv", get(negotiate::add_trailing_slash))
        .route("/en", get(negotiate::add_trailing_slash))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/api/v1/search", get(api::search))
        .route("/{lang}/help/{form}", post(help::start))
        .route("/{lang}/help/{form}/{draft}/{step}", post(help::step))
        .route("/{lang}/tickets/{reference}", post(help::ticket_update))
        .leptos_routes_with_context(&state, leptos_routes, context.clone(), move || shell(options.clone()))
        .fallback(file_and_error_handler_with_context::<AppState, _>(context, shell))
        .layer(axum::middleware::from_fn_with_state(state.clone(), rate_limit::limit_searches))
        .with_state(state)
}

/// The app's routes, listed once per process.
///
/// Listing them renders the app with resource loading switched off for the whole process
/// (leptos_server's `SuppressResourceLoad` is a process-wide flag): a resource that a page being
/// rendered meanwhile polls for the first time then waits for ever, and its response never comes
/// (leptos issue 4773). Listed once, before the first server in the process answers, no render
/// can overlap it, however many servers a process runs (the integration tests run dozens).
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The complete application: routes wrapped in the middleware.
pub fn app(state: AppState) -> Router {
    with_middleware(routes(state))
}

/// A server that is listening, for tests and for [`serve`].
pub struct Bound {
    listener: TcpListener,
    state: AppState,
    mail: crate::mailer::MailConfig,
}

impl Bound {
    /// Opens the portal (migrating the database, loading the demo content into an empty
    /// portal) and binds the listen address.
    pub async fn bind(config: &ServeConfig) -> anyhow::Result<Bound> {
        let portal = Portal::open(config.portal.clone()).await?;
        if let Some(report) = portal.load_demo_content_if_empty().await? {
            tracing::info!(items = report.added.len(), "loaded the demo content into the empty portal");
        }
        Self::bind_portal(config, portal).await
    }

    /// Like [`Bound::bind`], without demo content (benchmarks bring their own).
    pub async fn bind_without_demo(config: &ServeConfig) -> anyhow::Result<Bound> {
        Self::bind_portal(config, Portal::open(config.portal.clone()).await?).await
    }

    async fn bind_portal(config: &ServeConfig, portal: Portal) -> anyhow::Result<Bound> {
        let listener = TcpListener::bind(config.listen).await?;
        let bound = listener.local_addr()?;
        let leptos_options = config.leptos_options(bound);
        // Listening on port 0 (tests), the real port is known only now.
        let base_url = match config.base_url.strip_suffix(":0") {
            Some(_) => format!("http://{bound}"),
            None => config.base_url.clone(),
        };
        let limiter = std::sync::Arc::new(RateLimiter::new(config.rate_limits));
        portal.search_index().set_cache_capacity(config.search_cache_entries);
        Ok(Bound { listener, state: AppState { portal, leptos_options, base_url, limiter }, mail: config.mail.clone() })
    }

    /// The address actually bound (the real port when the configuration said 0).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The state the handlers will see.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then lets open requests finish and closes the database.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        let portal = self.state.portal.clone();
        let (stop_background, background_stopped) = tokio::sync::watch::channel(false);
        let mailer = tokio::spawn(crate::mailer::run(portal.clone(), self.mail, background_stopped.clone()));
        let follower = tokio::spawn(follow_content(portal.clone(), background_stopped));
        let (stopping, stop_requested) = tokio::sync::oneshot::channel::<()>();
        let server = axum::serve(self.listener, app(self.state).into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async move {
                shutdown.await;
                let _ = stopping.send(());
            });
        // Open requests get a grace period to finish; a connection that stays open longer (a
        // client that never lets go) does not keep the process from stopping.
        let deadline = async move {
            if stop_requested.await.is_ok() {
                tokio::time::sleep(SHUTDOWN_GRACE).await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            result = server => result?,
            () = deadline => tracing::warn!("connections still open after the grace period; stopping anyway"),
        }
        let _ = stop_background.send(true);
        if tokio::time::timeout(SHUTDOWN_GRACE, mailer).await.is_err() {
            tracing::warn!("the mailer did not stop in time");
        }
        if tokio::time::timeout(SHUTDOWN_GRACE, follower).await.is_err() {
            tracing::warn!("the index follower did not stop in time");
        }
        if tokio::time::timeout(SHUTDOWN_GRACE, portal.close()).await.is_err() {
            tracing::warn!("database connections still in use at shutdown; closing anyway");
        }
        Ok(())
    }
}

/// How often a server looks for content changes made by other processes or nodes.
const CONTENT_POLL: std::time::Duration = std::time::Duration::from_secs(1);

/// Keeps this node's search index at the database's content generation, so content imported
/// by `tuki import` or by another node sharing the PostgreSQL database becomes searchable here
/// within about a second. Runs until `stop` changes.
async fn follow_content(portal: Portal, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(CONTENT_POLL) => {}
            _ = stop.changed() => return,
        }
        if let Err(error) = portal.catch_up_index().await {
            tracing::warn!(%error, "cannot bring the search index up to date; will try again");
        }
    }
}

/// How long open requests, the mailer and database connections get to finish at shutdown.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// `tuki serve`: runs until SIGINT or SIGTERM.
pub async fn serve(config: ServeConfig) -> anyhow::Result<()> {
    let bound = Bound::bind(&config).await?;
    let addr = bound.local_addr()?;
    tracing::info!(
        %addr,
        base_url = %config.base_url,
        database = %config.portal.database_url().redacted(),
        data_dir = %config.portal.data_dir.display(),
        "Tuki is listening on http://{addr}/"
    );
    bound.run(shutdown_signal()).await?;
    tracing::info!("Tuki stopped");
    Ok(())
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing open requests");
}
