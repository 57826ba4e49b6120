//! # Tuki core
//!
//! Everything the portal *knows and decides*, with no HTTP and no UI.
//!
//! * Always compiled (also to wasm): the domain model — [`Locale`], translations ([`i18n`]).
//! * With the `server` feature (native only): the services — [`store`] (SQLite or PostgreSQL
//!   through sqlx) and the [`Portal`] handle that owns them.
//!
//! The dependency arrow never runs backwards: this crate knows nothing of Leptos or axum.

pub mod content;
pub mod forms;
pub mod html;
pub mod i18n;
pub mod locale;
pub mod search_types;

#[cfg(feature = "server")]
pub mod help_flow;
#[cfg(feature = "server")]
pub mod mail;
#[cfg(feature = "server")]
pub mod portal;
#[cfg(feature = "server")]
pub mod search;
#[cfg(feature = "server")]
pub mod store;

pub use locale::{Locale, LocaleError};

#[cfg(feature = "server")]
pub use portal::{Portal, PortalConfig, PortalError};
