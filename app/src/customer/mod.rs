//! The customer's side of the portal, one module per area; each holds its pages and the server
//! functions they load their data with (`api`). The staff's areas (`editor`, `desk`) will sit
//! beside this one.

pub mod help;
pub mod kb;
pub mod search;
pub mod tickets;

/// Every server function that searches, as each area declares it next to its definitions.
#[cfg(feature = "ssr")]
pub fn searching_server_fns() -> impl Iterator<Item = &'static str> {
    search::api::SEARCHING.into_iter().chain(help::api::SEARCHING)
}
