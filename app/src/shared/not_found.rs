//! The translated "page not found" page, answered with status 404.

use super::status::set_status;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;
use tuki::i18n::Value;

/// Shown for any path that names no page; sets the status to 404 on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    let i18n = use_i18n();
    let location = use_location();
    let body = move || i18n.t_args("not-found-body", &[("path", Value::from(location.pathname.get()))]);
    view! {
        <Title text=move || i18n.t("not-found-title")/>
        <section class="container page-message" aria-labelledby="page-message-heading">
            <h1 id="page-message-heading">{move || i18n.t("not-found-title")}</h1>
            <p>{body}</p>
            <p>
                <a class="button" href=move || i18n.href("/")>{move || i18n.t("back-to-home")}</a>
            </p>
        </section>
    }
}
