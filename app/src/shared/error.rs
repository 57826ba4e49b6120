//! The translated message shown when a server function fails.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The stable code a failed server function carries ([`super::server::fail`]), which is also
/// the Fluent id of its message; `error-unavailable` for anything else (the network failed).
pub fn error_code(error: &ServerFnError) -> String {
    match error {
        ServerFnError::ServerError(code) if code.starts_with("error-") => code.clone(),
        _ => "error-unavailable".to_owned(),
    }
}

/// A translated error message for a failed server function, answered with 503: every error a
/// page's server function reports is the service's, never the customer's.
#[component]
pub fn ErrorMessage(error: ServerFnError) -> impl IntoView {
    let i18n = use_i18n();
    super::status::set_status(503);
    let code = error_code(&error);
    view! {
        <section class="container page-message" role="alert">
            <h1>{move || i18n.t("error-title")}</h1>
            <p>{move || i18n.t(&code)}</p>
        </section>
    }
}
