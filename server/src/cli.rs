//! The command line. Every option can also come from a `TUKI_*` environment variable.

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use tuki::PortalConfig;
use tuki::content::service_numbers::{PhoneNumber, ServiceNumbers};
use tuki::portal::DatabaseUrl;

/// Tuki — a self-service support portal in Finnish, Swedish and English.
#[derive(Debug, Parser)]
#[command(name = "tuki", version, about, long_about = None)]
pub struct Cli {
    /// Options every command shares.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, env = "TUKI_LOG_FORMAT", default_value = "text", global = true)]
    pub log_format: String,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Where the portal keeps its state.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Data directory: SQLite file, search index and mail outbox.
    #[arg(long, env = "TUKI_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,
    /// Database URL: `postgres://…` or `sqlite://PATH` (default: `DATA_DIR/tuki.db`).
    #[arg(long, env = "TUKI_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// The 24-hour card blocking number that articles and the lost-card form name by
    /// `{card-blocking-phone}`: digits, spaces, hyphens and a leading `+`.
    #[arg(long, env = "TUKI_CARD_BLOCKING_PHONE", default_value = "020 333", global = true)]
    pub card_blocking_phone: String,
}

impl GlobalArgs {
    /// The core's configuration, with the database URL checked.
    pub fn portal_config(&self) -> anyhow::Result<PortalConfig> {
        let database_url = match self.database_url.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(url) => Some(DatabaseUrl::parse(url)?),
        };
        let card_blocking = PhoneNumber::parse(&self.card_blocking_phone)
            .map_err(|e| anyhow::anyhow!("TUKI_CARD_BLOCKING_PHONE (--card-blocking-phone): {e}"))?;
        Ok(PortalConfig {
            service_numbers: ServiceNumbers { card_blocking },
            ..PortalConfig::new(self.data_dir.clone(), database_url)
        })
    }
}

/// How long personal data is kept (`tuki serve` applies it hourly, `tuki purge` at once).
#[derive(Clone, Copy, Debug, Args)]
pub struct RetentionArgs {
    /// Days after which a guided form's draft nobody touched is deleted (its answers with it).
    #[arg(long, env = "TUKI_DRAFT_DAYS", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..))]
    pub draft_days: u32,
    /// Days after which a resolved or closed ticket nobody touched loses its personal data
    /// (contact details, description, answers, messages, mail); the reference, form, team,
    /// status and times stay for statistics. Unset: kept.
    #[arg(long, env = "TUKI_TICKET_RETENTION_DAYS", value_parser = clap::value_parser!(u32).range(1..))]
    pub ticket_retention_days: Option<u32>,
}

impl RetentionArgs {
    /// The core's retention policy.
    pub fn retention(&self) -> tuki::portal::Retention {
        tuki::portal::Retention { draft_days: self.draft_days, ticket_days: self.ticket_retention_days }
    }
}

/// The reports of `tuki report`.
#[derive(Debug, Subcommand)]
pub enum ReportKind {
    /// The guided forms' funnel per request type and locale (started → saw suggestions →
    /// solved by a suggestion → ticket) and the deflection rate.
    Deflection {
        /// Only drafts with activity on or after this day (YYYY-MM-DD, UTC).
        #[arg(long)]
        since: Option<String>,
    },
    /// The desk's service levels: per team and priority, how many tickets sent in a month met
    /// and missed their first-response and resolution targets (as things stand now).
    Sla {
        /// The month the tickets were sent in (YYYY-MM, UTC).
        #[arg(long)]
        month: String,
    },
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the portal's web server (migrates the database first).
    Serve(ServeArgs),
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Import a content bundle (categories.yaml, articles/, cases/) in one transaction.
    /// Any invalid file aborts the whole import and lists every problem as file:line: reason.
    Import {
        /// The bundle folder.
        dir: PathBuf,
    },
    /// Export the knowledge base as a content bundle into an empty or new folder.
    Export {
        /// The folder to write.
        dir: PathBuf,
    },
    /// Rebuild the search index from the database.
    Reindex,
    /// Delete expired drafts and remove expired tickets' personal data now (`tuki serve` does
    /// it every hour).
    Purge {
        /// How long things are kept.
        #[command(flatten)]
        retention: RetentionArgs,
    },
    /// Print a report from the anonymous usage records.
    Report {
        /// Which report.
        #[command(subcommand)]
        kind: ReportKind,
    },
    /// Measure search quality on both parts of the labelled query set (development and
    /// held-out test) over the demo content and an independent corpus, against an SQLite FTS5
    /// baseline: P@1, recall@3 and MRR@10 overall, per locale and per query type.
    Eval {
        /// Also list every development query whose first hit was not acceptable (the test
        /// part's are never listed).
        #[arg(long)]
        misses: bool,
        /// Also evaluate with each signal switched off in turn, and with the packaged
        /// thesauri where they are installed.
        #[arg(long)]
        ablation: bool,
        /// Evaluate a rewritten copy of the development part instead (same columns), e.g. the
        /// queries as a morphological analyser reads them (`.ci/voikko-queries`).
        #[arg(long, value_name = "FILE")]
        dev: Option<PathBuf>,
        /// Evaluate a rewritten copy of the test part instead (aggregates only, as always).
        #[arg(long, value_name = "FILE")]
        test: Option<PathBuf>,
        /// Also write the searched documents and Tuki's ranking of every query into this
        /// directory (`documents.jsonl`, `dev.jsonl`, `test.jsonl`), for measuring another
        /// ranker fused with Tuki's (`.ci/embedding-eval`).
        #[arg(long, value_name = "DIR")]
        rankings: Option<PathBuf>,
        /// Instead of evaluating, print the weighted terms and the first five hits of a query
        /// over the evaluation documents, given as `LOCALE:TEXT` (`fi:kone ei tunnista tikkua`);
        /// may be repeated. For tracing a development miss.
        #[arg(long, value_name = "LOCALE:TEXT")]
        explain: Vec<String>,
    },
    /// Benchmark search on a synthetic corpus: index build time, in-process latency, HTTP
    /// latency and throughput with wrk (must be installed), peak RSS.
    Bench {
        /// Documents to generate.
        #[arg(long, default_value_t = 100_000)]
        documents: usize,
        /// Concurrent HTTP clients, one run each.
        #[arg(long, value_delimiter = ',', default_values_t = [1, 8, 32])]
        clients: Vec<usize>,
        /// Seconds per HTTP run.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// What the HTTP requests send as `Accept-Encoding` (browsers send `gzip, br`;
        /// `identity` measures without compression).
        #[arg(long, default_value = crate::bench_pages::BROWSER_ENCODINGS, value_parser = crate::bench::accept_encoding)]
        accept_encoding: String,
    },
    /// Benchmark the customer's pages over HTTP as browsers ask for them (home, article,
    /// category, search results, form step), beside static files as the reference, with wrk.
    BenchPages {
        /// Concurrent HTTP clients, one run each.
        #[arg(long, value_delimiter = ',', default_values_t = [1, 32])]
        clients: Vec<usize>,
        /// Seconds per run.
        #[arg(long, default_value_t = 5)]
        seconds: u64,
        /// Directory of the built static files (a release build for figures worth quoting).
        #[arg(long, env = "TUKI_SITE_DIR", default_value = "target/site")]
        site_dir: PathBuf,
    },
    /// Benchmark ticket submission over HTTP on SQLite: p50/p99 and tickets per second with wrk.
    BenchTickets {
        /// Concurrent HTTP clients.
        #[arg(long, default_value_t = 8)]
        clients: usize,
        /// Seconds to run.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
    },
    /// Benchmark an editor's publish until search finds it, on the demo content and synthetic
    /// documents (SQLite, local index).
    BenchPublish {
        /// Synthetic documents besides the demo content.
        #[arg(long, default_value_t = 20_000)]
        documents: usize,
        /// Publishes to time.
        #[arg(long, default_value_t = 30)]
        rounds: usize,
    },
    /// Benchmark the agents' queue page with many tickets in the database (SQLite in a
    /// temporary folder, or the PostgreSQL database at --database-url).
    BenchDesk {
        /// Synthetic tickets to add.
        #[arg(long, default_value_t = 100_000)]
        tickets: usize,
        /// Pages to ask for per run (1 client, then 8).
        #[arg(long, default_value_t = 2_000)]
        requests: usize,
        /// A fresh PostgreSQL database instead of SQLite.
        #[arg(long)]
        database_url: Option<String>,
    },
    /// Manage the endpoints that receive ticket events (hand-off to another desk).
    Webhook {
        /// What to do.
        #[command(subcommand)]
        action: WebhookAction,
    },
    /// Manage staff accounts (administrators, editors, agents).
    User {
        /// What to do.
        #[command(subcommand)]
        action: UserAction,
    },
}

/// What `tuki webhook` does.
#[derive(Debug, Subcommand)]
pub enum WebhookAction {
    /// Register an endpoint and print the secret its receiver checks signatures with (shown
    /// only now).
    Add {
        /// Where ticket events are posted: https://… (or http:// on the same network).
        url: String,
    },
    /// List the endpoints with their waiting deliveries.
    List,
    /// Stop sending to an endpoint (what waits for it is abandoned).
    Remove {
        /// The endpoint's id (see `list`).
        id: i64,
    },
}

/// What `tuki user` does.
#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Create an account without a password and print its single-use set-password link
    /// (valid 24 hours).
    Add {
        /// The person's e-mail address: their sign-in name.
        email: String,
        /// A role: admin, editor or agent (repeat for several).
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// The name colleagues see (default: the address's part before `@`).
        #[arg(long)]
        name: Option<String>,
        /// The staff pages' language: fi, sv or en.
        #[arg(long, default_value = "fi")]
        locale: String,
        /// A desk team the agent works in (repeat for several).
        #[arg(long = "team")]
        teams: Vec<String>,
        /// The portal's public URL, for the link.
        #[arg(long, env = "TUKI_BASE_URL", default_value = "http://127.0.0.1:3000")]
        base_url: String,
    },
    /// Set an account's password, read from the first line of standard input (never an
    /// argument: arguments show in the process list and the shell's history). Ends its sessions.
    Passwd {
        /// The account's e-mail address.
        email: String,
    },
    /// Print a new single-use set-password link for an account (valid 24 hours).
    Link {
        /// The account's e-mail address.
        email: String,
        /// The portal's public URL, for the link.
        #[arg(long, env = "TUKI_BASE_URL", default_value = "http://127.0.0.1:3000")]
        base_url: String,
    },
    /// Disable an account: it cannot sign in, and its sessions end.
    Disable {
        /// The account's e-mail address.
        email: String,
    },
    /// Enable a disabled account again.
    Enable {
        /// The account's e-mail address.
        email: String,
    },
    /// List the accounts with their roles, teams and state.
    List,
}

/// Options of `tuki serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "TUKI_LISTEN", default_value = "127.0.0.1:3000")]
    pub listen: SocketAddr,
    /// The portal's public URL, used in links that leave the site (e-mails).
    /// Default: `http://` + the listen address.
    #[arg(long, env = "TUKI_BASE_URL")]
    pub base_url: Option<String>,
    /// Directory of the built static files (`pkg/tuki.js`, `pkg/tuki_bg.wasm`, `pkg/tuki.css`).
    #[arg(long, env = "TUKI_SITE_DIR", default_value = "target/site")]
    pub site_dir: PathBuf,
    /// Form posts (starting a form, sending a step or a ticket) allowed per minute and client address.
    #[arg(long, env = "TUKI_SUBMITS_PER_MINUTE", default_value_t = 30)]
    pub submits_per_minute: u32,
    /// Searches allowed per minute and client address (the JSON API, the results page and the
    /// suggestions as one types).
    #[arg(long, env = "TUKI_SEARCHES_PER_MINUTE", default_value_t = 600)]
    pub searches_per_minute: u32,
    /// Recent search results kept in memory and answered again until the content changes
    /// (0 turns the cache off).
    #[arg(long, env = "TUKI_SEARCH_CACHE_ENTRIES", default_value_t = tuki::search::cache::DEFAULT_ENTRIES)]
    pub search_cache_entries: usize,
    /// Articles' and solved cases' pages kept rendered for customers who are not signed in,
    /// sent again until the content changes (0 turns the cache off).
    #[arg(long, env = "TUKI_PAGE_CACHE_ENTRIES", default_value_t = crate::http::DEFAULT_PAGE_CACHE_ENTRIES)]
    pub page_cache_entries: usize,
    /// SMTP relay for the portal's mail: `smtp://host[:port]` (no TLS),
    /// `smtp+starttls://user:password@host[:port]` or `smtps://…` (percent-encode special
    /// characters). Without it, mail is written as `.eml` files to `DATA_DIR/outbox/`.
    #[arg(long, env = "TUKI_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// PEM file of a private CA the SMTP relay's certificate is signed by (the Mozilla roots
    /// are always trusted).
    #[arg(long, env = "TUKI_SMTP_CA_FILE")]
    pub smtp_ca_file: Option<PathBuf>,
    /// Reverse proxies or load balancers (addresses and networks, comma-separated, e.g.
    /// `10.0.0.0/8,::1`) whose `X-Forwarded-For` or `Forwarded` header names the client.
    /// Requests from anywhere else are the client themselves.
    #[arg(long, env = "TUKI_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: String,
    /// How long personal data is kept.
    #[command(flatten)]
    pub retention: RetentionArgs,
    /// Serve Prometheus metrics at `http://ADDRESS/metrics` (a separate address, e.g.
    /// `127.0.0.1:9100`, never the public one). Off when unset.
    #[arg(long, env = "TUKI_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
    /// The sender of the portal's mail, `Name <address>`.
    #[arg(long, env = "TUKI_MAIL_FROM", default_value = crate::mailer::DEFAULT_FROM)]
    pub mail_from: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// The command line with only the global options given.
    #[derive(Debug, Parser)]
    struct Globals {
        #[command(flatten)]
        global: GlobalArgs,
    }

    fn config(args: &[&str]) -> anyhow::Result<PortalConfig> {
        Globals::try_parse_from(std::iter::once("tuki").chain(args.iter().copied()))?.global.portal_config()
    }

    #[test]
    fn the_card_blocking_number_defaults_to_the_demo_banks_and_can_be_configured() {
        assert_eq!(config(&[]).expect("config").service_numbers.card_blocking.as_str(), "020 333");
        let configured = config(&["--card-blocking-phone", "+358 9  123 456"]).expect("config");
        assert_eq!(configured.service_numbers.card_blocking.tel_uri(), "tel:+3589123456");
    }

    #[test]
    fn a_search_benchmark_accept_encoding_that_is_not_a_list_of_codings_is_refused_with_a_clear_error() {
        let bench = |value: &str| Cli::try_parse_from(["tuki", "bench", "--accept-encoding", value]);
        for fine in ["gzip, br", "identity", "br;q=1.0, gzip;q=0.8, *;q=0"] {
            assert!(bench(fine).is_ok(), "{fine}");
        }
        for hostile in ["gzip\"} os.execute(\"id\") --", "gzip\nX-Evil: 1", "", "br]]", &"gzip,".repeat(40)] {
            let error = bench(hostile).expect_err(hostile).to_string();
            assert!(error.contains("--accept-encoding") && error.contains("codings"), "{error}");
        }
    }

    #[test]
    fn a_card_blocking_number_with_markup_or_letters_stops_the_start_with_a_clear_error() {
        for hostile in ["020<script>alert(1)</script>", "\" onmouseover=\"x", "call us", ""] {
            let error = config(&["--card-blocking-phone", hostile]).expect_err(hostile).to_string();
            assert!(error.contains("TUKI_CARD_BLOCKING_PHONE"), "{error}");
        }
    }
}
