//! The site header: skip link, portal name, search box and language switcher.

use super::LanguageSwitcher;
use crate::customer::search::SearchForm;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// "Skip to main content", the first focusable element of every page.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    view! { <a class="skip-link" href="#main">{move || i18n.t("skip-to-content")}</a> }
}

/// The header every page shares.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            <div class="container site-header__inner">
                <a class="brand" href=move || i18n.href("/")>
                    <span class="brand__name">{move || i18n.t("portal-name")}</span>
                    <span class="brand__tagline">{move || i18n.t("portal-tagline")}</span>
                </a>
                <SearchForm id="header-search" landmark_label="search-landmark-header" compact=true value=""/>
                <a class="header-help" href=move || i18n.href("/help")>{move || i18n.t("help-title")}</a>
                <LanguageSwitcher/>
            </div>
        </header>
    }
}
