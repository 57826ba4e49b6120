//! `tuki bench-tickets`: how fast the portal takes tickets. Prepares answered drafts of a demo
//! form in process, then sends their contact pages (the post that creates the ticket, its
//! confirmation mail and its funnel event, in one transaction) over HTTP on loopback from N
//! keep-alive clients, each draft exactly once, on SQLite in a temporary data directory. (wrk
//! cannot send each request once, and repeats would measure the cheap idempotent path.)
//! The clients run in the same process as the server, as wrk would on the same two cores.

use crate::bench::RunningServer;
use crate::config::ServeConfig;
use crate::http::Bound;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tuki::content::Slug;
use tuki::forms::Answers;
use tuki::services::Caller;
use tuki::services::guided_form::StepOutcome;

/// The contact page as a browser sends it, from a customer of their own (`{n}`: each draft's
/// number), so that every ticket's confirmation mail is queued (one address gets a few an hour).
const BODY: &str = "name=Maija+Meik%C3%A4l%C3%A4inen&email=maija{n}%40example.fi&phone=&reply-language=fi&\
                    description=En+p%C3%A4%C3%A4se+kirjautumaan+ty%C3%B6koneelle+aamusta+asti.";

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()])).collect()
}

/// Runs the benchmark and prints the figures.
pub async fn run(clients: usize, duration: Duration) -> anyhow::Result<()> {
    let temp = tempfile::tempdir()?;
    let config = ServeConfig::for_benchmark(temp.path().join("data"), None);
    let bound = Bound::bind(&config).await?;
    let portal = bound.state().portal.clone();
    // Drafts for 800 tickets a second (the target is 300): each is sent once. Should the
    // portal take more, the last line shows fewer new tickets than requests.
    let drafts = 800 * duration.as_secs().max(1) as usize;
    println!("Tuki ticket submission benchmark: {clients} clients, {} s, SQLite", duration.as_secs());
    let form = Slug::parse("general-request")?;
    let started = Instant::now();
    let mut paths = Vec::with_capacity(drafts);
    let (guided, caller) = (portal.guided_form(), Caller::Customer);
    for _ in 0..drafts {
        let (draft, first) = guided.start(&caller, &form, tuki::Locale::Fi).await?;
        let outcome = guided
            .submit_step(&caller, &form, &draft, &first, &answers(&[("area", "device"), ("summary", "Uusi näyttö")]))
            .await?;
        let StepOutcome::Next(second) = outcome else { anyhow::bail!("unexpected outcome {outcome:?}") };
        guided.submit_step(&caller, &form, &draft, &second, &answers(&[("for-someone-else", "no")])).await?;
        paths.push(format!("/fi/help/general-request/{draft}/contact"));
    }
    println!("  {drafts} answered drafts prepared in {:.1} s", started.elapsed().as_secs_f64());

    let server = RunningServer::start(bound)?;
    let address = server.address;
    let before = portal.ticket_count().await?;
    let next = Arc::new(AtomicUsize::new(0));
    let paths = Arc::new(paths);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (next, paths) = (Arc::clone(&next), Arc::clone(&paths));
        tasks.push(tokio::spawn(async move { client(address, &paths, &next, started + duration).await }));
    }
    let mut latencies = Vec::new();
    let mut failures = 0usize;
    for task in tasks {
        let (mine, failed) = task.await??;
        latencies.extend(mine);
        failures += failed;
    }
    let elapsed = started.elapsed();
    let after = portal.ticket_count().await?;
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  HTTP {clients} clients: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {:.0} tickets/s ({} requests in {:.1} s, {failures} failed)",
        ms(crate::bench::percentile(&latencies, 50.0)),
        ms(crate::bench::percentile(&latencies, 99.0)),
        ms(latencies.last().copied().unwrap_or_default()),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        latencies.len(),
        elapsed.as_secs_f64(),
    );
    println!("  tickets created: {} (each request one new ticket)", after - before);
    let _ = server.stop().await;
    Ok(())
}

/// One client on one keep-alive connection: sends contact pages of fresh drafts until the
/// time is up or the drafts run out; returns each request's latency and the failures.
async fn client(
    address: SocketAddr,
    paths: &[String],
    next: &AtomicUsize,
    until: Instant,
) -> anyhow::Result<(Vec<Duration>, usize)> {
    let mut stream = BufReader::new(TcpStream::connect(address).await?);
    let (mut latencies, mut failures) = (Vec::new(), 0);
    while Instant::now() < until {
        let n = next.fetch_add(1, Ordering::Relaxed);
        let Some(path) = paths.get(n) else { break };
        let body = BODY.replace("{n}", &n.to_string());
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let sent = Instant::now();
        stream.get_mut().write_all(request.as_bytes()).await?;
        let status = read_response(&mut stream).await?;
        latencies.push(sent.elapsed());
        if status != 303 {
            failures += 1;
        }
    }
    Ok((latencies, failures))
}

/// Reads one response (status line, headers, `Content-Length` body); returns the status.
async fn read_response(stream: &mut BufReader<TcpStream>) -> anyhow::Result<u16> {
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status: u16 = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0usize;
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            anyhow::bail!("the server closed the connection");
        }
        if line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse()?;
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body).await?;
    Ok(status)
}
