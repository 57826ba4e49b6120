//! `tuki`: the Tuki support portal in one binary. See `tuki --help`.

use clap::Parser;
use tuki_server::cli::{Cli, Command};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    tuki_server::telemetry::init(&cli.log_format)?;
    match cli.command {
        Command::Serve(args) => {
            let config = tuki_server::ServeConfig::from_cli(&cli.global, &args)?;
            tuki_server::serve(config).await
        }
        Command::Migrate => {
            let portal_config = cli.global.portal_config()?;
            let portal = tuki::Portal::open(portal_config).await?;
            let versions = portal.store().applied_migrations().await?;
            println!(
                "database is up to date ({} migrations applied)",
                versions.len()
            );
            portal.close().await;
            Ok(())
        }
    }
}
