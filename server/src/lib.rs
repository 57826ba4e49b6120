//! # The `tuki` binary's library
//!
//! Command line ([`cli`]), configuration ([`config`]), logging ([`telemetry`]) and the HTTP
//! server ([`http`]): the Leptos pages, health checks, static files and the middleware around
//! them. The integration tests start the same server on port 0.

pub mod bench;
pub mod bench_desk;
pub mod bench_pages;
pub mod bench_publish;
pub mod bench_tickets;
pub mod cli;
pub mod config;
pub mod http;
pub mod jobs;
pub mod mailer;
pub mod metrics;
pub mod smtp;
pub mod telemetry;
pub mod users;
pub mod webhooks;

pub use config::ServeConfig;
pub use http::{AppState, serve};
