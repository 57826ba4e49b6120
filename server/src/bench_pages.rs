//! `tuki bench-pages`: how fast the portal's pages reach a browser.
//!
//! Serves the demo content from a temporary data directory and a copy of the built site, then
//! asks for the pages a customer sees (home, an article, a category, search results, a step of
//! a guided form) with `wrk` on loopback, as a browser asks for them (`Accept-Encoding: gzip,
//! br`), at each number of clients. In the same run, as references: the stylesheet, the icon,
//! and the article page saved as a static file with precompressed copies, which is as fast as
//! this server can send those bytes. The slowest request of each run shows a stall (a response
//! waiting for a delayed ACK takes 40 ms).

use crate::bench::{RunningServer, WrkRun, wrk_run};
use crate::config::ServeConfig;
use crate::http::Bound;
use std::io::Write;
use std::path::Path;
use std::time::Duration;
use tuki::content::Slug;
use tuki::services::Caller;

/// What browsers send: the encodings every current browser accepts.
pub const BROWSER_ENCODINGS: &str = "gzip, br";

/// Where the saved article page is served from in the benchmark's copy of the site.
const STATIC_ARTICLE: &str = "/bench-article.html";

/// What to measure.
#[derive(Clone, Debug)]
pub struct PagesBenchOptions {
    /// Concurrent HTTP clients, one run each.
    pub clients: Vec<usize>,
    /// Length of each run.
    pub duration: Duration,
    /// The built site (`pkg/tuki.css`, `pkg/tuki.js`, `pkg/tuki_bg.wasm`, precompressed copies).
    pub site_dir: std::path::PathBuf,
}

/// Runs the benchmark and prints a line per page and number of clients.
pub async fn run(options: PagesBenchOptions) -> anyhow::Result<()> {
    let temp = tempfile::tempdir()?;
    let site = temp.path().join("site");
    copy_dir(&options.site_dir, &site)
        .map_err(|e| anyhow::anyhow!("cannot copy the built site from {}: {e}", options.site_dir.display()))?;
    let mut config = ServeConfig::for_benchmark(temp.path().join("data"), None);
    config.site_dir = site.clone();
    // A first server renders the article page, saved with precompressed copies as the static
    // reference; the measured server then holds it in memory like every other static file.
    let article_path = "/fi/articles/apply-consumer-loan";
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build()?;
    let first = RunningServer::start(Bound::bind(&config).await?)?;
    let article = client.get(format!("http://{}{article_path}", first.address)).send().await?.bytes().await;
    let _ = first.stop().await;
    save_precompressed(&site, STATIC_ARTICLE, &article?)?;

    let bound = Bound::bind(&config).await?;
    let portal = bound.state().portal.clone();
    let form = Slug::parse("general-request")?;
    let (draft, step) = portal.guided_form().start(&Caller::Customer, &form, tuki::Locale::Fi).await?;
    let pages = [
        ("home", "/fi/".to_owned()),
        ("article", article_path.to_owned()),
        // A query makes the server render the page again (see `http::page_cache`).
        ("article, rendered", format!("{article_path}?utm_source=bench")),
        ("category", "/fi/categories/cards".to_owned()),
        ("search results", "/fi/search?q=kortti+kadonnut".to_owned()),
        ("form step", format!("/fi/help/{form}/{draft}/{step}")),
    ];
    let server = RunningServer::start(bound)?;
    let address = server.address;
    for (name, path) in &pages {
        let response = client.get(format!("http://{address}{path}")).send().await?;
        anyhow::ensure!(response.status().is_success(), "the {name} page {path} answered {}", response.status());
    }
    println!(
        "Tuki pages benchmark: demo content, SQLite, {} s per run, Accept-Encoding: {BROWSER_ENCODINGS}",
        options.duration.as_secs()
    );
    let references = [
        ("article as a static file", STATIC_ARTICLE.to_owned()),
        ("stylesheet", "/pkg/tuki.css".to_owned()),
        ("icon", "/favicon.svg".to_owned()),
    ];
    let script_dir = temp.path().join("scripts");
    std::fs::create_dir_all(&script_dir)?;
    for clients in &options.clients {
        for (name, path) in references.iter().chain(pages.iter()) {
            let run = wrk_run(address, *clients, options.duration, &script_dir, path, BROWSER_ENCODINGS);
            print_run(name, *clients, run);
        }
    }
    let _ = server.stop().await;
    Ok(())
}

fn print_run(name: &str, clients: usize, run: anyhow::Result<WrkRun>) {
    match run {
        Ok(run) => println!("  {name:<25} {clients:>2} clients: {run}"),
        Err(e) => println!("  {name:<25} {clients:>2} clients: not measured: {e}"),
    }
}

/// Writes `bytes` at `path` under `site`, with the `.gz` and `.br` copies the build makes of
/// static files, compressed as hard as the build compresses them.
fn save_precompressed(site: &Path, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let file = site.join(path.trim_start_matches('/'));
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&file, bytes)?;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(bytes)?;
    std::fs::write(file.with_extension("html.gz"), gzip.finish()?)?;
    let mut brotli = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &params)?;
    std::fs::write(file.with_extension("html.br"), brotli)?;
    Ok(())
}

/// Copies the directory tree at `from` to `to`.
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
