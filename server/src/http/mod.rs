//! The HTTP server: routes, middleware, and start/stop.
//!
//! Request path: middleware (request id → trace span → panic guard → compression → body limit
//! → `lang` cookie) → router: `/` negotiation, health checks, Leptos pages (server-rendered,
//! with the [`Portal`] in context), static files under `/pkg/`, and the translated 404 page.
//! The background jobs run beside it ([`crate::jobs`]).

mod accounts;
mod analytics;
mod api;
mod client_ip;
mod desk;
mod error_page;
mod health;
mod help;
mod middleware;
mod negotiate;
mod page_cache;
mod rate_limit;
mod same_origin;
mod security_headers;
mod seo;
mod staff;
mod static_files;
mod vote;
mod workspace;

pub use client_ip::{TrustedProxies, TrustedProxiesError};
pub use middleware::{MAX_BODY_BYTES, with_middleware};
pub use page_cache::DEFAULT_ENTRIES as DEFAULT_PAGE_CACHE_ENTRIES;
pub use rate_limit::{Limited, RateLimiter, RateLimits};

use crate::config::ServeConfig;
use crate::jobs::{
    IndexFollower, LearnedAnswers, MailDelivery, MetricsGauges, RetentionJob, Scheduler, SlaAlerts, WebhookDelivery,
};
use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use leptos::config::LeptosOptions;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tuki::Portal;
use tuki_app::{App, shell};

/// What every handler can reach: the portal's services and Leptos's render options. Cheap to
/// clone (one shared allocation): every request clones it once per middleware layer that reads
/// it and once more for its handler.
#[derive(Clone, Debug)]
pub struct AppState(std::sync::Arc<SharedState>);

impl AppState {
    /// The state the handlers will share.
    pub fn new(shared: SharedState) -> AppState {
        AppState(std::sync::Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = SharedState;

    fn deref(&self) -> &SharedState {
        &self.0
    }
}

/// What [`AppState`] holds.
#[derive(Clone, Debug)]
pub struct SharedState {
    /// The portal's services.
    pub portal: Portal,
    /// Leptos's options (file names, site directory).
    pub leptos_options: LeptosOptions,
    /// The portal's public address (links in e-mails).
    pub base_url: String,
    /// Per-client request limits.
    pub limiter: std::sync::Arc<RateLimiter>,
    /// The helpful votes counted recently, per address and document.
    pub recent_votes: std::sync::Arc<vote::RecentVotes>,
    /// The reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: std::sync::Arc<TrustedProxies>,
    /// The built static files, served from memory.
    pub static_files: std::sync::Arc<static_files::StaticFiles>,
    /// Documents' pages as anonymous customers see them.
    pub page_cache: std::sync::Arc<page_cache::PageCache>,
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
    let origin = tuki_app::components::PublicOrigin(state.base_url.clone());
    let context = move || {
        provide_context(portal.clone());
        provide_context(origin.clone());
        // The nonce the Content-Security-Policy header names (see `security_headers`), in place
        // of the one leptos_axum made up for this render.
        let nonce = use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<Nonce>().cloned());
        if let Some(nonce) = nonce {
            provide_context(nonce);
        }
    };
    let options = state.leptos_options.clone();
    Router::new()
        .route("/", get(negotiate::root))
        .route("/fi", get(negotiate::add_trailing_slash))
        .route("/sv", get(negotiate::add_trailing_slash))
        .route("/en", get(negotiate::add_trailing_slash))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/robots.txt", get(seo::robots))
        .route("/sitemap.xml", get(seo::sitemap))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/{lang}/help/{form}", post(help::start))
        .route("/{lang}/help/{form}/{draft}/{step}", post(help::step))
        .route("/{lang}/tickets/{reference}", post(help::ticket_update))
        .route("/{lang}/articles/{slug}/vote", post(vote::article))
        .route("/{lang}/cases/{slug}/vote", post(vote::case))
        .route("/{lang}/staff/sign-in", post(staff::sign_in))
        .route("/{lang}/staff/sign-out", post(staff::sign_out))
        .route("/{lang}/staff/password/{token}", post(staff::set_password))
        .route("/{lang}/staff/password-reset", post(staff::request_reset))
        .route("/{lang}/staff/content/{kind}/{slug}/{text}", post(workspace::edit))
        .route("/{lang}/staff/accounts", post(accounts::manage))
        .route("/{lang}/staff/content/new", post(workspace::create))
        .route("/{lang}/staff/categories", post(workspace::categories))
        .route("/{lang}/staff/desk/{reference}", post(desk::act))
        .route("/{lang}/staff/analytics/csv/{table}", get(analytics::csv))
        .leptos_routes_with_context(&state, leptos_routes, context.clone(), move || shell(options.clone()))
        .fallback(file_and_error_handler_with_context::<AppState, _>(context, shell))
        .layer(axum::middleware::from_fn_with_state(state.clone(), page_cache::serve))
        .layer(axum::middleware::from_fn_with_state(state.clone(), rate_limit::limit_searches))
        .layer(axum::middleware::from_fn_with_state(state.clone(), staff::attach_caller))
        .layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::<str>::from(state.base_url.as_str()),
            same_origin::guard,
        ))
        .layer(axum::middleware::from_fn_with_state(state.static_files.clone(), static_files::serve))
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
    let https = state.base_url.starts_with("https://");
    let router = with_middleware(routes(state).layer(axum::middleware::from_fn(crate::metrics::record_request)));
    if https {
        router.layer(tower_http::set_header::SetResponseHeaderLayer::if_not_present(
            axum::http::header::STRICT_TRANSPORT_SECURITY,
            axum::http::HeaderValue::from_static(security_headers::HSTS),
        ))
    } else {
        router
    }
}

/// A server that is listening, for tests and for [`serve`].
pub struct Bound {
    listener: TcpListener,
    state: AppState,
    mail: crate::mailer::MailConfig,
    retention: tuki::portal::Retention,
    /// The metrics listener, when metrics are on.
    metrics: Option<(TcpListener, metrics_exporter_prometheus::PrometheusHandle)>,
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
        let metrics = match config.metrics_listen {
            None => None,
            Some(address) => {
                let handle = crate::metrics::handle()
                    .ok_or_else(|| anyhow::anyhow!("another metrics recorder is installed in this process"))?;
                Some((TcpListener::bind(address).await?, handle))
            }
        };
        let recent_votes = std::sync::Arc::default();
        let trusted_proxies = std::sync::Arc::new(config.trusted_proxies.clone());
        let static_files = std::sync::Arc::new(static_files::StaticFiles::load(&config.site_dir));
        tracing::info!(files = static_files.len(), site = %config.site_dir.display(), "static files held in memory");
        Ok(Bound {
            listener,
            state: AppState::new(SharedState {
                portal,
                leptos_options,
                base_url,
                limiter,
                recent_votes,
                trusted_proxies,
                static_files,
                page_cache: std::sync::Arc::new(page_cache::PageCache::new(config.page_cache_entries)),
            }),
            mail: config.mail.clone(),
            retention: config.retention,
            metrics,
        })
    }

    /// The address actually bound (the real port when the configuration said 0).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The address the metrics are served on, when they are.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().and_then(|(listener, _)| listener.local_addr().ok())
    }

    /// The state the handlers will see.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then lets open requests finish, stops the background
    /// jobs and closes the database.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        let portal = self.state.portal.clone();
        let mut jobs = Scheduler::default();
        jobs.start(MailDelivery { portal: portal.clone(), config: self.mail });
        jobs.start(IndexFollower { portal: portal.clone() });
        jobs.start(RetentionJob { portal: portal.clone(), retention: self.retention });
        jobs.start(SlaAlerts { portal: portal.clone(), base_url: self.state.base_url.clone() });
        jobs.start(LearnedAnswers { portal: portal.clone() });
        jobs.start(WebhookDelivery { portal: portal.clone(), client: crate::webhooks::client()? });
        let metrics = self.metrics.map(|(listener, handle)| {
            jobs.start(MetricsGauges { portal: portal.clone() });
            let server = axum::serve(listener, crate::metrics::routes(handle)).with_graceful_shutdown(jobs.stopped());
            tokio::spawn(server.into_future())
        });
        let (stopping, stop_requested) = tokio::sync::oneshot::channel::<()>();
        // Responses go out as soon as they are written: without TCP_NODELAY, a response written
        // in two parts (headers, then a file's body) waits for the client's delayed ACK, 40 ms.
        let listener = self.listener.tap_io(|stream| {
            if let Err(error) = stream.set_nodelay(true) {
                tracing::warn!(%error, "TCP_NODELAY could not be set on a connection");
            }
        });
        let server = axum::serve(listener, app(self.state).into_make_service_with_connect_info::<SocketAddr>())
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
        jobs.stop(SHUTDOWN_GRACE).await;
        if let Some(server) = metrics
            && tokio::time::timeout(SHUTDOWN_GRACE, server).await.is_err()
        {
            tracing::warn!("the metrics listener did not stop in time");
        }
        if tokio::time::timeout(SHUTDOWN_GRACE, portal.close()).await.is_err() {
            tracing::warn!("database connections still in use at shutdown; closing anyway");
        }
        Ok(())
    }
}

/// How long open requests, the background jobs and database connections get to finish at shutdown.
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
