//! The customer's side of the portal, one module per area; each holds its pages and the server
//! functions they load their data with (`api`). The staff's areas (`editor`, `desk`) will sit
//! beside this one.

pub mod help;
pub mod kb;
pub mod search;
pub mod tickets;

/// What a request costs of the client's search budget, as each area declares it next to the
/// pages and server functions it defines.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchCost {
    /// It searches: refused with 429 when the budget is spent.
    Search,
    /// A guided form's step page, which searches for its suggestions: shown without them when
    /// the budget is spent (the customer can always go on).
    StepPage,
}

/// The search budget `method` `uri` spends, if any. (The JSON API counts its own.)
#[cfg(feature = "ssr")]
pub fn search_cost(method: &http::Method, uri: &http::Uri) -> Option<SearchCost> {
    if help::is_step_page(method, uri) {
        Some(SearchCost::StepPage)
    } else if search::runs_search(method, uri) || help::runs_search(method, uri) {
        Some(SearchCost::Search)
    } else {
        None
    }
}
