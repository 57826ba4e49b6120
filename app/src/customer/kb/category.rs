//! `/{lang}/categories/{slug}`: every article and solved case of one category.

use super::api::catalogue;
use crate::components::OtherLanguageBadge;
use crate::i18n::use_i18n;
use crate::shared::{NotFound, loaded, route_locale};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use tuki::i18n::Value;
use tuki::paths::document_href;

/// The page of one category.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = route_locale();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let data = Resource::new(
        move || (locale.get(), slug()),
        |(locale, slug)| async move {
            match locale {
                Some(locale) => catalogue(locale.code().to_owned(), Some(slug)).await,
                None => Ok(None),
            }
        },
    );
    view! {
        {loaded(data, move |data| {
            let Some(category) = data.categories.iter().find(|c| c.slug == slug()).cloned() else {
                return view! { <NotFound/> }.into_any();
            };
            let page_locale = i18n.locale();
            let items = data
                .documents
                .into_iter()
                .map(|d| {
                    let href = document_href(page_locale, d.kind, &d.slug);
                    view! {
                        <li class="result">
                            <h2 class="result__title"><a href=href><span lang=d.locale.code()>{d.title}</span></a></h2>
                            <OtherLanguageBadge text=d.locale/>
                            {d.summary.map(|s| view! { <p class="result__snippet" lang=d.locale.code()>{s}</p> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <Title text=category.name.clone()/>
                <Meta
                    name="description"
                    content=i18n.t_args("category-description", &[("category", Value::from(category.name.clone()))])
                />
                <div class="container">
                    <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                        <ol>
                            <li><a href=i18n.href("/")>{i18n.t("breadcrumbs-home")}</a></li>
                            <li aria-current="page">{category.name.clone()}</li>
                        </ol>
                    </nav>
                    <h1>{category.name.clone()}</h1>
                    <ul class="results">{items}</ul>
                </div>
            }
            .into_any()
        })}
    }
}
