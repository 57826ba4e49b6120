//! The server's resolved configuration, checked once at start.

use crate::cli::{GlobalArgs, ServeArgs};
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
}

/// A configuration value that cannot work.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `TUKI_BASE_URL` is not an absolute http(s) URL.
    #[error("TUKI_BASE_URL must be an absolute http:// or https:// URL, not {0:?}")]
    BaseUrl(String),
}

impl ServeConfig {
    /// Resolves the command line and environment into a configuration.
    pub fn from_cli(global: &GlobalArgs, args: &ServeArgs) -> anyhow::Result<ServeConfig> {
        let base_url = match args.base_url.as_deref().map(str::trim) {
            None | Some("") => format!("http://{}", args.listen),
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                url.trim_end_matches('/').to_owned()
            }
            Some(other) => return Err(ConfigError::BaseUrl(other.to_owned()).into()),
        };
        Ok(ServeConfig {
            portal: global.portal_config()?,
            listen: args.listen,
            base_url,
            site_dir: args.site_dir.clone(),
            rate_limits: crate::http::RateLimits {
                submits_per_minute: args.submits_per_minute,
                searches_per_minute: args.searches_per_minute,
            },
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
