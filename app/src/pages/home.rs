//! The home page of each locale: where a customer starts looking for help.

use super::{NotFound, route_locale};
use crate::components::SearchForm;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/{lang}/`: the greeting and the big search box.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = route_locale();
    move || match locale.get() {
        None => view! { <NotFound/> }.into_any(),
        Some(_) => view! {
            <Title text=move || i18n.t("home-title")/>
            <Meta name="description" content=move || i18n.t("home-description")/>
            <section class="hero" aria-labelledby="home-heading">
                <div class="container">
                    <h1 id="home-heading" class="hero__title">{move || i18n.t("home-heading")}</h1>
                    <p class="hero__lead">{move || i18n.t("home-lead")}</p>
                    <SearchForm id="home-search" landmark_label="search-landmark-home"/>
                </div>
            </section>
            <section class="container home-tips" aria-labelledby="home-tips-heading">
                <h2 id="home-tips-heading">{move || i18n.t("home-tips-heading")}</h2>
                <ul class="home-tips__list">
                    <li>{move || i18n.t("home-tip-words")}</li>
                    <li>{move || i18n.t("home-tip-language")}</li>
                    <li>{move || i18n.t("home-tip-security")}</li>
                </ul>
            </section>
        }
        .into_any(),
    }
}
