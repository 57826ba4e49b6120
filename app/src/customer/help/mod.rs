//! The guided forms: the list of request types, a form's introduction, its steps with their
//! suggestions, the answers to check, and the end pages (solved, or sent as a ticket).

pub mod api;
mod fields;
mod forms;
mod outcome;
mod step;
mod urgent;

pub use forms::{FormIntroPage, HelpPage};
pub use outcome::{CheckPage, DonePage, SolvedPage};
pub use step::StepPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A parameter of the current route (`form`, `draft`, `step`), empty when absent.
fn param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get(name).unwrap_or_default())
}

/// True for one of this area's searching server functions (the live suggestions).
#[cfg(feature = "ssr")]
pub(crate) fn runs_search(method: &http::Method, uri: &http::Uri) -> bool {
    method == http::Method::POST && api::SEARCHING.contains(&uri.path())
}

/// True for a step page, which searches for its suggestions and records them in the funnel:
/// `GET /{lang}/help/{form}/{draft}/{step}` (not the check, contact and end pages), or the
/// server function the hydrated app loads it with.
#[cfg(feature = "ssr")]
pub(crate) fn is_step_page(method: &http::Method, uri: &http::Uri) -> bool {
    use tuki::paths::{CHECK, CONTACT, DONE, SOLVED};
    if method == http::Method::POST {
        return uri.path() == api::STEP_PAGE;
    }
    let mut segments = uri.path().trim_matches('/').split('/');
    let mut next = || segments.next();
    method == http::Method::GET
        && matches!((next(), next(), next(), next(), next(), next()), (Some(lang), Some("help"), Some(_), Some(_), Some(step), None)
            if lang.parse::<tuki::Locale>().is_ok() && ![CHECK, CONTACT, SOLVED, DONE].contains(&step))
}
