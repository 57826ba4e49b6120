//! `tuki`: the Tuki support portal in one binary. See `tuki --help`.

use clap::Parser;
use std::path::Path;
use std::process::ExitCode;
use tuki::content::bundle::Bundle;
use tuki::store::ImportReport;
use tuki_server::cli::{Cli, Command, GlobalArgs};

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
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
        Command::Import { dir } => import(&cli.global, &dir).await,
        Command::Export { dir } => export(&cli.global, &dir).await,
    }
}

/// `tuki import DIR`: checks the whole bundle first; any problem aborts with every problem listed.
async fn import(global: &GlobalArgs, dir: &Path) -> anyhow::Result<()> {
    let bundle = Bundle::read(dir)?;
    let portal = tuki::Portal::open(global.portal_config()?).await?;
    let report = portal.import(&bundle).await?;
    print_report(&report);
    portal.close().await;
    Ok(())
}

fn print_report(report: &ImportReport) {
    for (label, items) in [
        ("added", &report.added),
        ("changed", &report.changed),
        ("unchanged", &report.unchanged),
    ] {
        println!("{label}: {}", items.len());
        if label != "unchanged" {
            for item in items {
                println!("  {item}");
            }
        }
    }
}

/// `tuki export DIR`: refuses a folder that already has files, so nothing is overwritten or mixed.
async fn export(global: &GlobalArgs, dir: &Path) -> anyhow::Result<()> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        anyhow::bail!(
            "{} is not empty: export into a new or empty folder",
            dir.display()
        );
    }
    let portal = tuki::Portal::open(global.portal_config()?).await?;
    let bundle = portal.export().await?;
    bundle.write(dir)?;
    println!(
        "exported {} categories and {} documents to {}",
        bundle.categories.len(),
        bundle.documents.len(),
        dir.display()
    );
    portal.close().await;
    Ok(())
}
