//! The guided forms: the list of request types, a form's introduction, its steps with their
//! suggestions, the answers to check, and the end pages (solved, or sent as a ticket).

pub mod api;
mod fields;
mod forms;
mod outcome;
mod step;

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
