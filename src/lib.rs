//! # Tuki core
//!
//! Everything the portal *knows and decides*, with no HTTP and no UI.
//!
//! * Always compiled (also to wasm), pure: the domain model and the concepts every crate shares
//!   — [`Locale`] and translations ([`i18n`]), [`content`], [`forms`], [`paths`] (every address
//!   and form word), [`time`], the ticket vocabulary ([`ticket`], [`email`]), the search's
//!   request and result types ([`search_types`]) and what each page shows ([`views`]).
//! * With the `server` feature (native only): the [`Portal`] handle and its [`services`], the
//!   only door for the UI and the HTTP server; underneath them [`store`] (SQLite or PostgreSQL
//!   through sqlx), [`search`] (tantivy) and [`mail`].
//!
//! The dependency arrow never runs backwards: this crate knows nothing of Leptos or axum.

pub mod content;
pub mod email;
pub mod forms;
pub mod html;
pub mod i18n;
pub mod locale;
pub mod numbers;
pub mod paths;
pub mod search_types;
pub mod sla;
pub mod staff;
pub mod ticket;
pub mod time;
pub mod views;

#[cfg(feature = "server")]
pub mod mail;
#[cfg(feature = "server")]
pub mod portal;
#[cfg(feature = "server")]
pub mod search;
#[cfg(feature = "server")]
pub mod services;
#[cfg(feature = "server")]
pub mod store;

pub use locale::{Locale, LocaleError};

#[cfg(feature = "server")]
pub use portal::{Portal, PortalConfig, PortalError};
