//! The home page of each locale: the big search box, the categories, and the articles
//! customers found most helpful.

use super::api::catalogue;
use crate::customer::search::SearchForm;
use crate::i18n::use_i18n;
use crate::shared::{NotFound, loaded, route_locale};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use tuki::i18n::Value;
use tuki::paths::{category_href, document_href};
use tuki::views::catalogue::CatalogueData;

/// `/{lang}/`.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = route_locale();
    let data = Resource::new(
        move || locale.get(),
        |locale| async move {
            match locale {
                Some(locale) => catalogue(locale.code().to_owned(), None).await,
                None => Ok(None),
            }
        },
    );
    move || match locale.get() {
        None => view! { <NotFound/> }.into_any(),
        Some(_) => view! {
            <Title text=move || i18n.t("home-title")/>
            <Meta name="description" content=move || i18n.t("home-description")/>
            <section class="hero" aria-labelledby="home-heading">
                <div class="container">
                    <h1 id="home-heading" class="hero__title">{move || i18n.t("home-heading")}</h1>
                    <p class="hero__lead">{move || i18n.t("home-lead")}</p>
                    <SearchForm id="home-search" landmark_label="search-landmark-home" compact=false value=""/>
                </div>
            </section>
            {loaded(data, |data| view! { <Catalogue data/> })}
        }
        .into_any(),
    }
}

#[component]
fn Catalogue(data: CatalogueData) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let categories = data
        .categories
        .into_iter()
        .map(|c| {
            let href = category_href(locale, &c.slug);
            let count = i18n.t_args("category-document-count", &[("count", Value::from(c.documents))]);
            view! {
                <li class="category-card">
                    <a href=href class="category-card__link">{c.name}</a>
                    <span class="category-card__count">{count}</span>
                </li>
            }
        })
        .collect_view();
    let helpful = data
        .documents
        .into_iter()
        .map(|d| {
            let href = document_href(locale, d.kind, &d.slug);
            view! { <li><a href=href><span lang=d.locale.code()>{d.title}</span></a></li> }
        })
        .collect_view();
    view! {
        <div class="container home-sections">
            <section aria-labelledby="categories-heading">
                <h2 id="categories-heading">{i18n.t("home-categories-heading")}</h2>
                <ul class="category-grid">{categories}</ul>
            </section>
            <section aria-labelledby="helpful-heading">
                <h2 id="helpful-heading">{i18n.t("home-helpful-heading")}</h2>
                <ul class="plain-list">{helpful}</ul>
            </section>
            <section class="home-tips" aria-labelledby="home-tips-heading">
                <h2 id="home-tips-heading">{i18n.t("home-tips-heading")}</h2>
                <ul class="home-tips__list">
                    <li>{i18n.t("home-tip-words")}</li>
                    <li>{i18n.t("home-tip-language")}</li>
                    <li>{i18n.t("home-tip-security")}</li>
                </ul>
            </section>
        </div>
    }
}
