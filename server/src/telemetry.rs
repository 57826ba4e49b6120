//! Structured logs with `tracing`: human-readable text by default, JSON on request.
//! The filter comes from `TUKI_LOG` (e.g. `debug`, `tuki=debug,tower_http=info`).

use std::io::IsTerminal;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. Call once, at start.
pub fn init(format: &str) -> anyhow::Result<()> {
    let filter =
        EnvFilter::try_from_env("TUKI_LOG").unwrap_or_else(|_| EnvFilter::new("info,tower_http=info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    let result = match format {
        "json" => builder.json().flatten_event(true).try_init(),
        "text" => builder.try_init(),
        other => anyhow::bail!("TUKI_LOG_FORMAT must be text or json, not {other:?}"),
    };
    result.map_err(|e| anyhow::anyhow!("cannot install the logger: {e}"))
}
