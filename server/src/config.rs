//! The server's resolved configuration, checked once at start.

use crate::cli::{GlobalArgs, ServeArgs};
use crate::mailer::{Delivery, MailConfig, outbox_dir};
use crate::smtp::{SmtpClient, SmtpUrl, SmtpUrlError, bare_address};
use leptos::config::{Env, LeptosOptions};
use std::net::SocketAddr;
use std::path::PathBuf;
use tuki::PortalConfig;

/// Everything `tuki serve` needs, validated.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    /// Data directory and database.
    pub portal: PortalConfig,
    /// Address to listen on (port 0 picks a free port).
    pub listen: SocketAddr,
    /// Public URL of the portal, without a trailing slash.
    pub base_url: String,
    /// Directory of the built static files.
    pub site_dir: PathBuf,
    /// Per-client request limits.
    pub rate_limits: crate::http::RateLimits,
    /// Sender and delivery of the portal's mail.
    pub mail: MailConfig,
    /// Recent search results kept (0: none).
    pub search_cache_entries: usize,
    /// Documents' pages kept rendered for anonymous customers (0: none).
    pub page_cache_entries: usize,
    /// Reverse proxies whose forwarding headers name the client.
    pub trusted_proxies: crate::http::TrustedProxies,
    /// How long personal data is kept (applied every hour).
    pub retention: tuki::portal::Retention,
    /// Where Prometheus metrics are served (`None`: nowhere).
    pub metrics_listen: Option<SocketAddr>,
}

/// A configuration value that cannot work.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `TUKI_BASE_URL` is not an absolute http(s) URL.
    #[error("TUKI_BASE_URL must be an absolute http:// or https:// URL, not {0:?}")]
    BaseUrl(String),
    /// `TUKI_TRUSTED_PROXIES` lists something that is no network.
    #[error(transparent)]
    TrustedProxies(#[from] crate::http::TrustedProxiesError),
    /// `TUKI_SMTP_URL` cannot be used.
    #[error(transparent)]
    SmtpUrl(#[from] SmtpUrlError),
    /// `TUKI_MAIL_FROM` has no usable address.
    #[error("TUKI_MAIL_FROM must be an address or `Name <address>`, not {0:?}")]
    MailFrom(String),
    /// `TUKI_SMTP_CA_FILE` cannot be read or holds no certificate.
    #[error("TUKI_SMTP_CA_FILE {path}: {reason}")]
    SmtpCaFile {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

impl ServeConfig {
    /// The configuration the benchmarks serve with: loopback on a free port, no rate limits
    /// (the load generator is one client), mail as files in `data_dir`, the built site.
    pub fn for_benchmark(data_dir: PathBuf, database_url: Option<tuki::store::DatabaseUrl>) -> ServeConfig {
        ServeConfig {
            mail: MailConfig::folder(&data_dir),
            portal: PortalConfig::new(data_dir, database_url),
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            base_url: "http://127.0.0.1".to_owned(),
            site_dir: PathBuf::from("target/site"),
            rate_limits: crate::http::RateLimits { submits_per_minute: u32::MAX, searches_per_minute: u32::MAX },
            search_cache_entries: tuki::search::cache::DEFAULT_ENTRIES,
            page_cache_entries: crate::http::DEFAULT_PAGE_CACHE_ENTRIES,
            trusted_proxies: Default::default(),
            retention: Default::default(),
            metrics_listen: None,
        }
    }

    /// Resolves the command line and environment into a configuration.
    pub fn from_cli(global: &GlobalArgs, args: &ServeArgs) -> anyhow::Result<ServeConfig> {
        let base_url = match args.base_url.as_deref().map(str::trim) {
            None | Some("") => format!("http://{}", args.listen),
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                url.trim_end_matches('/').to_owned()
            }
            Some(other) => return Err(ConfigError::BaseUrl(other.to_owned()).into()),
        };
        let portal = global.portal_config()?;
        let mail = mail_config(args, &base_url, &portal.data_dir)?;
        Ok(ServeConfig {
            portal,
            listen: args.listen,
            base_url,
            site_dir: args.site_dir.clone(),
            rate_limits: crate::http::RateLimits {
                submits_per_minute: args.submits_per_minute,
                searches_per_minute: args.searches_per_minute,
            },
            mail,
            search_cache_entries: args.search_cache_entries,
            page_cache_entries: args.page_cache_entries,
            trusted_proxies: args.trusted_proxies.parse().map_err(ConfigError::from)?,
            retention: args.retention.retention(),
            metrics_listen: args.metrics_listen,
        })
    }

    /// Leptos's options for rendering: file names under `/pkg/` and the site directory.
    /// Live reload is on only under `cargo leptos watch`, which sets `LEPTOS_ENV=DEV`.
    pub fn leptos_options(&self, bound: SocketAddr) -> LeptosOptions {
        let env = match std::env::var("LEPTOS_ENV").as_deref() {
            Ok("DEV" | "dev" | "development") => Env::DEV,
            _ => Env::PROD,
        };
        let reload_port = std::env::var("LEPTOS_RELOAD_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(3001);
        LeptosOptions::builder()
            .output_name(tuki_app::OUTPUT_NAME)
            .site_root(self.site_dir.display().to_string())
            .site_pkg_dir("pkg")
            .env(env)
            .site_addr(bound)
            .reload_port(reload_port)
            .build()
    }
}

/// The mailer's configuration: `.eml` files unless an SMTP relay is configured.
fn mail_config(args: &ServeArgs, base_url: &str, data_dir: &std::path::Path) -> Result<MailConfig, ConfigError> {
    let from = args.mail_from.trim().to_owned();
    let address = bare_address(&from);
    if !tuki::forms::validation::is_email(address) {
        return Err(ConfigError::MailFrom(from));
    }
    let delivery = match args.smtp_url.as_deref().map(str::trim) {
        None | Some("") => Delivery::Folder(outbox_dir(data_dir)),
        Some(url) => {
            let url: SmtpUrl = url.parse()?;
            let ca = match &args.smtp_ca_file {
                None => None,
                Some(path) => Some(
                    std::fs::read(path)
                        .map_err(|e| ConfigError::SmtpCaFile { path: path.clone(), reason: e.to_string() })?,
                ),
            };
            // The relay is greeted with the portal's public host name.
            let host = base_url.split("://").nth(1).and_then(|rest| rest.split(['/', ':']).next()).unwrap_or("");
            let helo = if host.is_empty() { "localhost" } else { host };
            let client = SmtpClient::new(url, helo, ca.as_deref()).map_err(|e| ConfigError::SmtpCaFile {
                path: args.smtp_ca_file.clone().unwrap_or_default(),
                reason: e.to_string(),
            })?;
            Delivery::Smtp(client)
        }
    };
    Ok(MailConfig { from, delivery })
}
