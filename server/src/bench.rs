//! `tuki bench`: search performance on a synthetic corpus.
//!
//! Generates N documents in fi, sv and en from the demo content's own words (so the analyzers
//! see real Finnish, Swedish and English), then measures: index build time; in-process query
//! latency; HTTP latency and throughput of `GET /api/v1/search` at several concurrencies with
//! `wrk` (a separate process on loopback, bounded duration); and the peak RSS of this process.

use crate::config::ServeConfig;
use crate::http::Bound;
use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tuki::Locale;
use tuki::content::demo::demo_bundle;
use tuki::content::{DocKind, Document, Slug, Status, Translation};
use tuki::paths::encode_query_value;
use tuki::search::eval::{DEV_SET, parse_queries};
use tuki::search::{SearchIndex, SearchRequest};

/// What to measure.
#[derive(Clone, Debug)]
pub struct BenchOptions {
    /// Documents to generate (each in one locale).
    pub documents: usize,
    /// Concurrent HTTP clients per run.
    pub clients: Vec<usize>,
    /// Length of each HTTP run.
    pub duration: Duration,
    /// Where to keep the data directory (a temporary one when `None`).
    pub data_dir: Option<PathBuf>,
    /// The HTTP requests' `Accept-Encoding`.
    pub accept_encoding: String,
}

/// A small deterministic generator (xorshift64*), so every run measures the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Words of the demo content per locale, with their frequencies kept (repeats), so generated
/// text has a natural distribution.
fn word_pools(documents: &[Document]) -> [Vec<String>; 3] {
    let mut pools: [Vec<String>; 3] = Default::default();
    for doc in documents {
        for (locale, t) in &doc.translations {
            let text = format!("{} {} {}", t.title, t.tags.join(" "), t.body);
            pools[*locale as usize].extend(
                text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() > 1).map(str::to_owned),
            );
        }
    }
    pools
}

/// `n` synthetic published documents, a third in each locale, generated one at a time.
pub fn synthetic_corpus(n: usize) -> anyhow::Result<impl Iterator<Item = Document>> {
    let demo = demo_bundle()?;
    let pools = word_pools(&demo.documents);
    let categories: Vec<Slug> = demo.categories.iter().map(|c| c.slug.clone()).collect();
    let slugs = (0..n).map(|i| Slug::parse(&format!("synthetic-{i}"))).collect::<Result<Vec<_>, _>>()?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    Ok(slugs.into_iter().enumerate().map(move |(i, slug)| {
        let locale = Locale::ALL[i % 3];
        let pool = &pools[locale as usize];
        let mut words = |count: usize| (0..count).map(|_| pool[rng.below(pool.len())].as_str()).collect::<Vec<_>>();
        let title = words(4 + i % 5).join(" ");
        let tags = words(3).into_iter().map(str::to_owned).collect();
        let body = (0..4).map(|_| words(25).join(" ") + ".").collect::<Vec<_>>().join("\n\n");
        let summary = Some(words(12).join(" "));
        let mut translations = std::collections::BTreeMap::new();
        translations.insert(locale, Translation { title, summary, body, tags, questions: Vec::new() });
        Document {
            kind: if i % 4 == 3 { DocKind::Case } else { DocKind::Article },
            slug,
            category: categories[i % categories.len()].clone(),
            status: Status::Published,
            translations,
        }
    }))
}

pub(crate) fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A memory figure of this process from `/proc/self/status`, in MiB: `VmHWM` is the peak
/// resident set, `VmRSS` the current one.
fn memory_mib(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.strip_prefix(key).is_some_and(|rest| rest.starts_with(':')))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The queries the benchmark sends: the labelled set's, as customers typed them.
fn bench_queries() -> anyhow::Result<Vec<(Locale, String)>> {
    let queries = parse_queries(DEV_SET).map_err(anyhow::Error::msg)?;
    Ok(queries.into_iter().map(|q| (q.locale, q.text)).collect())
}

/// Runs the whole benchmark and prints the figures.
pub async fn run(options: BenchOptions) -> anyhow::Result<()> {
    let temp = tempfile::tempdir()?;
    let data_dir = options.data_dir.clone().unwrap_or_else(|| temp.path().join("data"));
    println!("Tuki search benchmark: {} synthetic documents (fi, sv, en)", options.documents);
    let corpus = synthetic_corpus(options.documents)?;

    // The load generator is one client sending thousands of searches a second.
    let config = ServeConfig::for_benchmark(data_dir.clone(), None);
    let bound = Bound::bind_without_demo(&config).await?;
    let portal = bound.state().portal.clone();
    // The benchmark measures the index, so the corpus goes straight into it (the database is
    // not on the search path). The generation stays the database's, so nothing is rebuilt.
    let generation = portal.content_generation().await?.to_string();
    let started = Instant::now();
    let index = portal.search_index();
    tokio::task::block_in_place(|| index.rebuild(corpus, &generation))?;
    let build = started.elapsed();
    println!(
        "  index build (generating the corpus as it goes): {:.1} s for {} documents in {} segment(s) ({:.0} docs/s)",
        build.as_secs_f64(),
        index.num_docs(),
        index.num_segments(),
        options.documents as f64 / build.as_secs_f64()
    );
    print_memory("after the build");

    let queries = bench_queries()?;
    let mut latencies = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for round in 0..10 {
        for (locale, text) in &queries {
            let request = bench_request(*locale, text);
            let t = Instant::now();
            let results = tokio::task::block_in_place(|| index.search_uncached(&request))?;
            if round > 0 {
                latencies.push(t.elapsed());
                slowest.push((t.elapsed(), format!("{}: {text}", locale.code())));
            }
            std::hint::black_box(results);
        }
    }
    latencies.sort();
    println!(
        "  in-process query latency over {} searches: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms, mean {:.3} ms",
        latencies.len(),
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 99.0)),
        ms(*latencies.last().unwrap_or(&Duration::ZERO)),
        ms(latencies.iter().sum()) / latencies.len().max(1) as f64
    );
    slowest.sort_by_key(|(d, _)| std::cmp::Reverse(*d));
    let mut seen = std::collections::HashSet::new();
    slowest.retain(|(_, q)| seen.insert(q.clone()));
    let slowest: Vec<String> = slowest.iter().take(5).map(|(d, q)| format!("{q} ({:.2} ms)", ms(*d))).collect();
    println!("  slowest queries: {}", slowest.join("; "));
    in_process_throughput(index, &queries)?;
    print_memory("after the searches");

    let server = RunningServer::start(bound)?;
    let address = server.address;
    // Every request searches: the query set over and over with the result cache off. Requests
    // accept what browsers accept (by default), so the figures include compressing the answers.
    let encodings = Some(options.accept_encoding.as_str());
    let cycling = temp.path().join("queries.lua");
    let distinct: BTreeSet<String> = queries.iter().map(|(l, q)| search_path(*l, q)).collect();
    std::fs::write(&cycling, wrk_script(&distinct.into_iter().collect::<Vec<_>>(), false, encodings))?;
    // Traffic as a help centre sees it: popular questions often, a long tail once.
    let mixed = temp.path().join("mixed.lua");
    std::fs::write(&mixed, wrk_script(&zipf_mix(&queries, 20_000), true, encodings))?;
    let index = portal.search_index();
    for clients in &options.clients {
        index.set_cache_capacity(0);
        match wrk(address, *clients, options.duration, &cycling) {
            Ok(run) => println!("  HTTP {clients:>2} clients, cache off:     {run}"),
            Err(e) => println!("  HTTP {clients:>2} clients, cache off: not measured: {e}"),
        }
        index.set_cache_capacity(tuki::search::cache::DEFAULT_ENTRIES);
        let before = index.cache_stats();
        match wrk(address, *clients, options.duration, &mixed) {
            Ok(run) => {
                let after = index.cache_stats();
                let (hits, misses) = (after.hits - before.hits, after.misses - before.misses);
                let rate = 100.0 * hits as f64 / (hits + misses).max(1) as f64;
                println!("  HTTP {clients:>2} clients, realistic mix: {run}, {rate:.0} % from the cache");
            }
            Err(e) => println!("  HTTP {clients:>2} clients, realistic mix: not measured: {e}"),
        }
    }
    let _ = server.stop().await;
    print_memory("after the HTTP runs");
    Ok(())
}

/// A server started for a benchmark in this process, until [`RunningServer::stop`].
pub struct RunningServer {
    /// Where it listens.
    pub address: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl RunningServer {
    /// Starts serving `bound`.
    pub fn start(bound: Bound) -> anyhow::Result<RunningServer> {
        let address = bound.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(bound.run(async move {
            let _ = stopped.await;
        }));
        Ok(RunningServer { address, stop, task })
    }

    /// Stops it and waits until it has closed; what it failed with, if it did.
    pub async fn stop(self) -> anyhow::Result<()> {
        let _ = self.stop.send(());
        self.task.await?
    }
}

/// A first page of ten hits for `text` in `locale`, as the HTTP runs ask for it.
fn bench_request(locale: Locale, text: &str) -> SearchRequest {
    SearchRequest { text: text.to_owned(), locale, limit: 10, offset: 0, category: None, kind: None }
}

/// Searches per second in process with one thread per core, each cycling the query set from
/// another place: what the index gives with every core searching, before HTTP.
fn in_process_throughput(index: &SearchIndex, queries: &[(Locale, String)]) -> anyhow::Result<()> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let per_thread = queries.len() * 5;
    let started = Instant::now();
    let busy: Duration = tokio::task::block_in_place(|| {
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|thread| {
                    scope.spawn(move || -> anyhow::Result<Duration> {
                        let mut busy = Duration::ZERO;
                        for n in 0..per_thread {
                            let (locale, text) = &queries[(n + thread * 7919) % queries.len()];
                            let request = bench_request(*locale, text);
                            let searching = Instant::now();
                            std::hint::black_box(index.search_uncached(&request)?);
                            busy += searching.elapsed();
                        }
                        Ok(busy)
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().map_err(|_| anyhow::anyhow!("a search thread panicked")).and_then(|busy| busy))
                .sum::<anyhow::Result<Duration>>()
        })
    })?;
    let elapsed = started.elapsed();
    let searches = threads * per_thread;
    println!(
        "  in-process throughput, {threads} threads: {:.0} searches/s, mean {:.3} ms per search",
        searches as f64 / elapsed.as_secs_f64(),
        ms(busy) / searches as f64
    );
    Ok(())
}

fn print_memory(when: &str) {
    if let (Some(now), Some(peak)) = (memory_mib("VmRSS"), memory_mib("VmHWM")) {
        println!("  RSS {when}: {now:.0} MiB now, {peak:.0} MiB peak so far");
    }
}

fn search_path(locale: Locale, query: &str) -> String {
    // The query last: the realistic mix appends a word to some of them.
    format!("/api/v1/search?locale={}&limit=10&q={}", locale.code(), encode_query_value(query))
}

/// `n` searches of the query set as a help centre receives them: the first questions far
/// more often than the last (Zipf: the k-th as often as 1/k). [`wrk_script`] makes 30 % of
/// the requests one-off questions on top.
fn zipf_mix(queries: &[(Locale, String)], n: usize) -> Vec<String> {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let weights: Vec<f64> = (1..=queries.len()).map(|k| 1.0 / k as f64).collect();
    let sum: f64 = weights.iter().sum();
    (0..n)
        .map(|_| {
            let mut pick = (rng.next() % 1_000_000) as f64 / 1_000_000.0 * sum;
            let index = weights.iter().position(|w| {
                pick -= w;
                pick < 0.0
            });
            let (locale, query) = &queries[index.unwrap_or(queries.len() - 1)];
            search_path(*locale, query)
        })
        .collect()
}

/// A wrk script that sends `paths` in order, each wrk thread starting at another place. With
/// `one_offs`, 3 requests in 10 get a number no other request has as a last word: a question
/// asked once, which the cache cannot answer (and which costs about what its query costs).
/// With `accept_encoding`, every request says which compressions it accepts, as browsers do.
fn wrk_script(paths: &[String], one_offs: bool, accept_encoding: Option<&str>) -> String {
    let list = paths.iter().map(|p| format!("  {},", lua_string(p))).collect::<Vec<_>>().join("\n");
    let one_offs = if one_offs { "true" } else { "false" };
    let headers =
        accept_encoding.map(|e| format!("{{[\"Accept-Encoding\"] = {}}}", lua_string(e))).unwrap_or("nil".into());
    format!(
        "paths = {{\n{list}\n}}\none_offs = {one_offs}\nheaders = {headers}\nlocal threads = 0\n\
         function setup(thread)\n  thread:set(\"offset\", threads)\n  threads = threads + 1\nend\n\
         function init(args)\n  i = ((offset or 0) * 7919) % #paths\n  n = 0\nend\n\
         request = function()\n  i = i % #paths + 1\n  n = n + 1\n  local path = paths[i]\n\
         if one_offs and n % 10 < 3 then path = path .. \"%20\" .. tostring((offset or 0) * 1000000000 + n) end\n\
         return wrk.format(\"GET\", path, headers)\nend\n\
         done = function(summary, latency, requests)\n  io.write(string.format(\"RESULT %.3f %.3f %.3f %.1f %d %d %d\\n\", \
         latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, \
         summary.requests / (summary.duration / 1e6), \
         summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, \
         summary.requests, summary.bytes))\nend\n"
    )
}

/// `text` as a Lua string literal: quotes, backslashes and control characters escaped.
fn lua_string(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                literal.push('\\');
                literal.push(c);
            }
            c if c.is_control() => {
                for byte in c.to_string().bytes() {
                    literal.push_str(&format!("\\{byte:03}"));
                }
            }
            c => literal.push(c),
        }
    }
    literal.push('"');
    literal
}

/// Longest `Accept-Encoding` the benchmark sends.
const MAX_ACCEPT_ENCODING: usize = 100;

/// Checks a `--accept-encoding` value: codings with optional weights (`gzip, br`, `identity`,
/// `br;q=1.0, *;q=0`), nothing a header or wrk's script could not hold.
pub fn accept_encoding(value: &str) -> Result<String, String> {
    let codings = |c: char| c.is_ascii_alphanumeric() || " ,;=.*-_".contains(c);
    if value.trim().is_empty() || value.len() > MAX_ACCEPT_ENCODING || !value.chars().all(codings) {
        return Err(format!(
            "expected codings such as `gzip, br` or `identity`, with optional `;q=` weights, at most \
             {MAX_ACCEPT_ENCODING} characters"
        ));
    }
    Ok(value.to_owned())
}

/// One wrk run's figures.
#[derive(Clone, Copy, Debug)]
pub struct WrkRun {
    /// Median latency, ms.
    pub p50_ms: f64,
    /// 99th percentile latency, ms.
    pub p99_ms: f64,
    /// The slowest request, ms.
    pub max_ms: f64,
    /// Requests per second.
    pub per_second: f64,
    /// Requests that failed (non-2xx/3xx status, connect, read, write or time-out).
    pub errors: u64,
    /// Requests answered.
    pub requests: u64,
    /// Bytes received (headers and bodies).
    pub bytes: u64,
}

impl std::fmt::Display for WrkRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "p50 {:.2} ms, p99 {:.2} ms, max {:.1} ms, {:.0} req/s, {} B per response ({} requests, {} errors)",
            self.p50_ms,
            self.p99_ms,
            self.max_ms,
            self.per_second,
            self.bytes / self.requests.max(1),
            self.requests,
            self.errors
        )
    }
}

/// Runs wrk with `script` against the server.
fn wrk(address: SocketAddr, clients: usize, duration: Duration, script: &std::path::Path) -> anyhow::Result<WrkRun> {
    let output = std::process::Command::new("wrk")
        .arg(format!("-t{}", clients.min(2)))
        .arg(format!("-c{clients}"))
        .arg(format!("-d{}s", duration.as_secs().max(1)))
        .arg("-s")
        .arg(script)
        .arg(format!("http://{address}"))
        .output()
        .map_err(|e| anyhow::anyhow!("cannot run wrk ({e}); install it with `apt-get install wrk`"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line =
        stdout.lines().find_map(|l| l.strip_prefix("RESULT ")).ok_or_else(|| anyhow::anyhow!("wrk said: {stdout}"))?;
    let v: Vec<f64> = line.split_whitespace().map(str::parse).collect::<Result<_, _>>()?;
    let [p50_ms, p99_ms, max_ms, per_second, errors, requests, bytes] = v[..] else {
        anyhow::bail!("unexpected wrk output {line}")
    };
    let count = |x: f64| x as u64;
    Ok(WrkRun {
        p50_ms,
        p99_ms,
        max_ms,
        per_second,
        errors: count(errors),
        requests: count(requests),
        bytes: count(bytes),
    })
}

/// Runs wrk against one `path` with `clients` keep-alive connections, every request accepting
/// `accept_encoding`; the script is written to `script_dir`.
pub fn wrk_run(
    address: SocketAddr,
    clients: usize,
    duration: Duration,
    script_dir: &std::path::Path,
    path: &str,
    accept_encoding: &str,
) -> anyhow::Result<WrkRun> {
    let script = script_dir.join("page.lua");
    std::fs::write(&script, wrk_script(&[path.to_owned()], false, Some(accept_encoding)))?;
    wrk(address, clients, duration, &script)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_wrks_script_stays_one_lua_string_whatever_it_holds() {
        assert_eq!(lua_string("/api/v1/search?q=kortti"), "\"/api/v1/search?q=kortti\"");
        assert_eq!(lua_string("a\"b\\c\nd\u{85}"), "\"a\\\"b\\\\c\\010d\\194\\133\"");
        let script = wrk_script(&["/x\") os.exit(1) --".into()], false, Some("gzip\"}"));
        assert!(script.contains("\"/x\\\") os.exit(1) --\""), "{script}");
        assert!(script.contains("{[\"Accept-Encoding\"] = \"gzip\\\"}\"}"), "{script}");
    }
}
