//! Integration tests: the real server on port 0, on SQLite and (when configured) PostgreSQL.

mod app;
mod delivery;
mod desk;
mod errors;
mod health;
mod help;
mod metrics;
mod pages;
mod retention;
mod rights;
mod search;
mod security;
mod smtp;
mod staff;
mod webhooks;
mod workspace;
