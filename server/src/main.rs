//! `tuki`: the Tuki support portal in one binary. See `tuki --help`.

use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tuki::content::bundle::Bundle;
use tuki::portal::ImportReport;
use tuki::time::{CivilDate, Timestamp};
use tuki_server::cli::{Cli, Command, GlobalArgs};

/// jemalloc rather than glibc's allocator: results are built on the search threads and freed on
/// the async workers, and under glibc that pattern fragmented the heap until every search cost
/// 13 % more after a busy minute (`./.ci/bench` with `--clients 32` repeated). jemalloc stays
/// as fast however long the server runs, and keeps less memory resident.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
            let portal = tuki::Portal::open_without_index(portal_config).await?;
            let versions = portal.applied_migrations().await?;
            println!("database is up to date ({} migrations applied)", versions.len());
            portal.close().await;
            Ok(())
        }
        Command::Import { dir } => import(&cli.global, &dir).await,
        Command::Export { dir } => export(&cli.global, &dir).await,
        Command::Reindex => {
            let portal = tuki::Portal::open(cli.global.portal_config()?).await?;
            let count = portal.reindex().await?;
            println!("search index rebuilt: {count} documents");
            portal.close().await;
            Ok(())
        }
        Command::Purge { retention } => {
            let portal = tuki::Portal::open_without_index(cli.global.portal_config()?).await?;
            let report = portal.purge(retention.retention()).await?;
            println!(
                "purged: {} drafts deleted, personal data removed from {} tickets, {} mails deleted",
                report.drafts, report.tickets, report.mails
            );
            portal.close().await;
            Ok(())
        }
        Command::Eval { misses, ablation, dev, test, rankings, explain } => {
            eval(misses, ablation, [dev, test], rankings, explain).await
        }
        Command::Report { kind: tuki_server::cli::ReportKind::Deflection { since } } => {
            deflection_report(&cli.global, since.as_deref()).await
        }
        Command::Report { kind: tuki_server::cli::ReportKind::Sla { month } } => sla_report(&cli.global, &month).await,
        Command::Bench { documents, clients, seconds, accept_encoding } => {
            let options = tuki_server::bench::BenchOptions {
                documents,
                clients,
                duration: std::time::Duration::from_secs(seconds),
                data_dir: None,
                accept_encoding,
            };
            tuki_server::bench::run(options).await
        }
        Command::BenchPages { clients, seconds, site_dir } => {
            let duration = std::time::Duration::from_secs(seconds);
            tuki_server::bench_pages::run(tuki_server::bench_pages::PagesBenchOptions { clients, duration, site_dir })
                .await
        }
        Command::BenchTickets { clients, seconds } => {
            tuki_server::bench_tickets::run(clients, std::time::Duration::from_secs(seconds)).await
        }
        Command::BenchPublish { documents, rounds } => tuki_server::bench_publish::run(documents, rounds).await,
        Command::BenchDesk { tickets, requests, database_url } => {
            tuki_server::bench_desk::run(tickets, requests, database_url).await
        }
        Command::Webhook { action } => {
            let portal = tuki::Portal::open_without_index(cli.global.portal_config()?).await?;
            let result = tuki_server::webhooks::run(&portal, action).await;
            portal.close().await;
            result
        }
        Command::User { action } => {
            let portal = tuki::Portal::open_without_index(cli.global.portal_config()?).await?;
            let result = tuki_server::users::run(&portal, action).await;
            portal.close().await;
            result
        }
    }
}

/// `tuki eval --explain`: each `LOCALE:TEXT` query's weighted terms and first five hits.
fn explain_queries(index: &tuki::search::SearchIndex, queries: &[String]) -> anyhow::Result<()> {
    for query in queries {
        let Some((locale, text)) = query.split_once(':') else {
            anyhow::bail!("--explain takes LOCALE:TEXT, e.g. fi:kone ei tunnista tikkua; got {query:?}");
        };
        let locale: tuki::Locale =
            locale.parse().map_err(|_| anyhow::anyhow!("unknown locale {locale:?} in {query:?}"))?;
        let request = tuki::search::SearchRequest {
            text: text.to_owned(),
            locale,
            limit: 5,
            offset: 0,
            category: None,
            kind: None,
        };
        println!("{query}\n{}", index.explain(&request)?);
        for hit in index.search_uncached(&request)?.hits {
            println!("  {:>8.3}  {}:{} ({})", hit.score, hit.kind, hit.slug, hit.locale.code());
        }
        println!();
    }
    Ok(())
}

/// `tuki eval`: both parts of the labelled query set over the demo content and the
/// independent corpus, Tuki against FTS5; the test part as aggregates only.
async fn eval(
    misses: bool,
    ablation: bool,
    rewritten: [Option<PathBuf>; 2],
    rankings: Option<PathBuf>,
    explain: Vec<String>,
) -> anyhow::Result<()> {
    use tuki::search::eval::{
        LabelledQuery, Part, ablations, documents_jsonl, evaluate, evaluation_documents, parse_queries, rankings_jsonl,
    };
    let documents = evaluation_documents().map_err(anyhow::Error::msg)?;
    let mut index = tuki::search::SearchIndex::in_memory()?;
    index.rebuild(&documents, "eval")?;
    if !explain.is_empty() {
        return explain_queries(&index, &explain);
    }
    let mut sets: Vec<(Part, Vec<LabelledQuery>)> = Vec::new();
    for (part, file) in [Part::Dev, Part::Test].into_iter().zip(rewritten) {
        let queries = match file {
            Some(file) => parse_queries(&std::fs::read_to_string(&file)?).map_err(anyhow::Error::msg)?,
            None => part.queries(),
        };
        sets.push((part, queries));
    }
    if let Some(dir) = &rankings {
        use anyhow::Context as _;
        let cannot = || format!("cannot write the rankings into {}", dir.display());
        std::fs::create_dir_all(dir).with_context(cannot)?;
        std::fs::write(dir.join("documents.jsonl"), documents_jsonl(&documents)).with_context(cannot)?;
        for (part, queries) in &sets {
            let lines = rankings_jsonl(&index, queries).map_err(anyhow::Error::msg)?;
            std::fs::write(dir.join(format!("{}.jsonl", part.short_name())), lines).with_context(cannot)?;
        }
    }
    for (part, queries) in &sets {
        let (part, queries) = (*part, queries.as_slice());
        let report = evaluate(&index, &documents, queries).await.map_err(anyhow::Error::msg)?;
        println!("{}", report.render(part, misses));
    }
    if ablation {
        println!("Ablation (P@1 / R@3 / MRR@10 of each part; R@3 of its paraphrases and compounds):");
        let mut variants = ablations();
        let mut thesauri = Vec::new();
        for locale in tuki::Locale::ALL {
            let Some(path) = tuki::search::thesaurus::debian_path(locale) else { continue };
            if let Ok(bytes) = std::fs::read(&path) {
                index.set_thesaurus(locale, &tuki::search::thesaurus::read_mythes(&bytes))?;
                thesauri.push(locale.code());
            }
        }
        if !thesauri.is_empty() {
            let full = tuki::search::Weights::default();
            for (name, weight) in [("with packaged thesauri at 0.2", 0.2), ("with packaged thesauri at 0.5", 0.5)] {
                variants.push((name, tuki::search::Weights { thesaurus: weight, ..full }));
            }
            println!("  (thesauri found for {})", thesauri.join(", "));
        }
        for (name, weights) in variants {
            index.set_weights(weights);
            let mut line = format!("  {name:<36}");
            for (part, queries) in &sets {
                let part = *part;
                let r = evaluate(&index, &documents, queries).await.map_err(anyhow::Error::msg)?;
                let all = r.tuki.overall();
                let group = |g: &str| r.tuki.groups.get(g).map_or(0.0, |m| m.recall_at_3());
                line += &format!(
                    "   {}: {:.3} / {:.3} / {:.3} para {:.3} comp {:.3}",
                    part.short_name(),
                    all.p_at_1(),
                    all.recall_at_3(),
                    all.mrr_at_10(),
                    group("type:paraphrase"),
                    group("type:compound")
                );
            }
            println!("{line}");
        }
    }
    Ok(())
}

/// `tuki report deflection [--since YYYY-MM-DD]`.
async fn deflection_report(global: &GlobalArgs, since: Option<&str>) -> anyhow::Result<()> {
    let since_at = match since {
        None => Timestamp::default(),
        Some(day) => {
            let valid = tuki::forms::validation::is_date(day);
            let date = CivilDate::parse_iso(day).filter(|_| valid);
            let date = date.ok_or_else(|| anyhow::anyhow!("--since takes a day as YYYY-MM-DD, not {day:?}"))?;
            Timestamp::start_of(date)
        }
    };
    let portal = tuki::Portal::open_without_index(global.portal_config()?).await?;
    let report = portal.deflection_report(since_at).await?;
    println!("Deflection funnel{}", since.map(|d| format!(" since {d}")).unwrap_or_default());
    print!("{}", report.render());
    portal.close().await;
    Ok(())
}

/// `tuki report sla --month YYYY-MM`.
async fn sla_report(global: &GlobalArgs, month: &str) -> anyhow::Result<()> {
    let portal = tuki::Portal::open_without_index(global.portal_config()?).await?;
    let report = portal.desk().sla_report(&tuki::services::Caller::Operator, month).await;
    portal.close().await;
    let report = report.map_err(|e| match e {
        tuki::services::ServiceError::Invalid(_) => anyhow::anyhow!("--month takes a month as YYYY-MM, not {month:?}"),
        other => anyhow::Error::new(other),
    })?;
    println!("Service levels of the tickets sent in {month} (UTC), as they stand now");
    print!("{}", report.render());
    Ok(())
}

/// `tuki import DIR`: checks the whole bundle first; any problem aborts with every problem listed.
/// Works while servers run: it writes the database only, and every server's index follows the
/// content generation within a second (a server that is not running catches up when it starts).
async fn import(global: &GlobalArgs, dir: &Path) -> anyhow::Result<()> {
    let bundle = Bundle::read(dir)?;
    let portal = tuki::Portal::open_without_index(global.portal_config()?).await?;
    let report = portal.import(&bundle).await?;
    print_report(&report);
    println!("search indexes follow within a second (or when their server next starts)");
    portal.close().await;
    Ok(())
}

fn print_report(report: &ImportReport) {
    for (label, items) in [("added", &report.added), ("changed", &report.changed), ("unchanged", &report.unchanged)] {
        println!("{label}: {}", items.len());
        if label != "unchanged" {
            for item in items {
                println!("  {item}");
            }
        }
    }
    if !report.overwrote_edits.is_empty() {
        println!(
            "replaced text edited in the workspace since its last import: {} (the edits stay in each text's history)",
            report.overwrote_edits.len()
        );
        for item in &report.overwrote_edits {
            println!("  {item}");
        }
    }
}

/// `tuki export DIR`: refuses a folder that already has files, so nothing is overwritten or mixed.
async fn export(global: &GlobalArgs, dir: &Path) -> anyhow::Result<()> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        anyhow::bail!("{} is not empty: export into a new or empty folder", dir.display());
    }
    let portal = tuki::Portal::open_without_index(global.portal_config()?).await?;
    let bundle = portal.export().await?;
    bundle.write(dir)?;
    println!(
        "exported {} categories, {} documents, {} teams and {} forms to {}",
        bundle.categories.len(),
        bundle.documents.len(),
        bundle.teams.len(),
        bundle.forms.len(),
        dir.display()
    );
    portal.close().await;
    Ok(())
}
