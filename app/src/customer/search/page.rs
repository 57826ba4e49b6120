//! `/{lang}/search?q=…`: results with highlighted snippets, filters, pagination, and a
//! helpful page when nothing was found. A plain GET form: works without JavaScript.

use super::SearchForm;
use super::api::search_page;
use crate::components::OtherLanguageBadge;
use crate::i18n::{I18n, use_i18n};
use crate::shared::{ErrorMessage, NotFound, route_locale};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use tuki::i18n::Value;
use tuki::paths::{document_href, encode_query_value};
use tuki::views::search::{PER_PAGE, SearchPageData};

/// The search results page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = route_locale();
    let query = use_query_map();
    let params = move || {
        query.with(|q| {
            (
                q.get("q").unwrap_or_default(),
                q.get("category").filter(|c| !c.is_empty()),
                q.get("kind").filter(|k| !k.is_empty()),
                q.get("page").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1),
            )
        })
    };
    let initial_query = query.with_untracked(|q| q.get("q").unwrap_or_default());
    let data = Resource::new(
        move || (locale.get(), params()),
        |(locale, (q, category, kind, page))| async move {
            match locale {
                Some(locale) => search_page(locale.code().to_owned(), q, category, kind, page).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Title text=move || {
            // leptos_meta reads the title after the body is rendered, when under load the
            // page's owner (and its query) may be gone: then the query it was rendered with.
            let q = query.try_with(|q| q.get("q").unwrap_or_default()).unwrap_or_else(|| initial_query.clone());
            if q.trim().is_empty() { i18n.t("search-title") } else { i18n.t_args("search-title-query", &[("query", Value::from(q))]) }
        }/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=move || view! { <p class="container">{move || i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(page)) => view! { <Results page params=params()/> }.into_any(),
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

type Params = (String, Option<String>, Option<String>, usize);

#[component]
fn Results(page: SearchPageData, params: Params) -> impl IntoView {
    let i18n = use_i18n();
    let (q, category, kind, page_number) = params;
    let total = page.results.total;
    let has_query = !q.trim().is_empty();
    let heading = if has_query {
        i18n.t_args("search-results-heading", &[("query", Value::from(q.clone())), ("count", Value::from(total))])
    } else {
        i18n.t("search-title")
    };
    let filters = view! { <Filters page=page.clone() q=q.clone() category=category.clone() kind=kind.clone()/> };
    let search_id = page.search_id;
    let hits = page.results.hits.clone();
    let list = hits
        .into_iter()
        .map(|hit| {
            let mut href = document_href(hit.locale, hit.kind, &hit.slug);
            if let Some(id) = search_id {
                href.push_str(&format!("?from={id}"));
            }
            let kind_label = i18n.t(match hit.kind {
                tuki::content::DocKind::Article => "kind-article",
                tuki::content::DocKind::Case => "kind-case",
            });
            view! {
                <li class="result">
                    <h2 class="result__title">
                        <a href=href hreflang=hit.locale.code()>
                            <span lang=hit.locale.code()>{hit.title.clone()}</span>
                        </a>
                    </h2>
                    <p class="result__meta">
                        <span class="result__kind">{kind_label}</span>
                        <OtherLanguageBadge text=hit.locale/>
                    </p>
                    <p class="result__snippet" lang=hit.locale.code() inner_html=hit.snippet.clone()></p>
                </li>
            }
        })
        .collect_view();
    let pages = total.div_ceil(PER_PAGE).min(100);
    view! {
        <div class="container search-page">
            <h1 class="search-page__heading">{heading}</h1>
            <SearchForm id="results-search" landmark_label="search-landmark-home" compact=false value=q.clone()/>
            {has_query.then_some(filters)}
            {if has_query && total == 0 {
                view! { <ZeroResults q=q.clone()/> }.into_any()
            } else {
                view! {
                    <ol class="results" start=(page_number - 1) * PER_PAGE + 1>{list}</ol>
                    <Pagination q=q.clone() category kind current=page_number pages/>
                }
                .into_any()
            }}
        </div>
    }
}

#[component]
fn Filters(page: SearchPageData, q: String, category: Option<String>, kind: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = page
        .categories
        .into_iter()
        .map(|c| {
            let selected = category.as_deref() == Some(c.slug.as_str());
            view! { <option value=c.slug.clone() selected=selected>{c.name.clone()}</option> }
        })
        .collect_view();
    let kind_option = |value: &'static str, label: &'static str| {
        let selected = kind.as_deref() == Some(value);
        view! { <option value=value selected=selected>{i18n.t(label)}</option> }
    };
    view! {
        <form class="filters" method="get" action=i18n.href("/search")>
            <input type="hidden" name="q" value=q/>
            <div class="filters__field">
                <label for="filter-category">{i18n.t("filter-category")}</label>
                <select id="filter-category" name="category">
                    <option value="">{i18n.t("filter-all-categories")}</option>
                    {categories}
                </select>
            </div>
            <div class="filters__field">
                <label for="filter-kind">{i18n.t("filter-kind")}</label>
                <select id="filter-kind" name="kind">
                    <option value="">{i18n.t("filter-all-kinds")}</option>
                    {kind_option("article", "kind-article-plural")}
                    {kind_option("case", "kind-case-plural")}
                </select>
            </div>
            <button class="button button--secondary" type="submit">{i18n.t("filter-apply")}</button>
        </form>
    }
}

#[component]
fn ZeroResults(q: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="zero-results" aria-labelledby="zero-results-heading">
            <h2 id="zero-results-heading">{i18n.t_args("zero-results-heading", &[("query", Value::from(q))])}</h2>
            <ul>
                <li>{i18n.t("zero-results-tip-spelling")}</li>
                <li>{i18n.t("zero-results-tip-fewer-words")}</li>
                <li>{i18n.t("zero-results-tip-language")}</li>
            </ul>
            <p>{i18n.t("zero-results-help")}</p>
            <p><a class="button" href=i18n.href("/help")>{i18n.t("zero-results-guided-forms")}</a></p>
        </section>
    }
}

fn page_href(i18n: I18n, q: &str, category: &Option<String>, kind: &Option<String>, page: usize) -> String {
    let mut href = format!("{}?q={}", i18n.href("/search"), encode_query_value(q));
    if let Some(c) = category {
        href.push_str(&format!("&category={}", encode_query_value(c)));
    }
    if let Some(k) = kind {
        href.push_str(&format!("&kind={}", encode_query_value(k)));
    }
    if page > 1 {
        href.push_str(&format!("&page={page}"));
    }
    href
}

#[component]
fn Pagination(
    q: String,
    category: Option<String>,
    kind: Option<String>,
    current: usize,
    pages: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    (pages > 1).then(|| {
        let links = (1..=pages)
            .map(|n| {
                let href = page_href(i18n, &q, &category, &kind, n);
                let label = i18n.t_args("pagination-page", &[("page", Value::from(n))]);
                view! {
                    <li>
                        <a href=href aria-current=(n == current).then_some("page") aria-label=label>{n}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="pagination" aria-label=i18n.t("pagination-label")>
                <ul>{links}</ul>
            </nav>
        }
    })
}
