//! `/{lang}/staff/categories`: the categories and their names in every language, a new
//! category, and deleting one without documents. Plain forms (`http::workspace`).

use super::api::load_categories;
use super::{refusal, refusal_alert};
use crate::i18n::use_i18n;
use crate::shared::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use tuki::Locale;
use tuki::paths::{self, ACTION_FIELD, editor};
use tuki::views::editing::CategoryRow;

const REFUSALS: &[&str] =
    &["error-category-slug", "error-category-name", "error-category-not-empty", "error-editor-action"];

/// The categories page.
#[component]
pub fn CategoriesPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |()| load_categories());
    view! {
        <Title text=move || i18n.t("categories-title")/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(rows) => view! { <Categories rows/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The three name fields of a category's form, `prefix` keeping their ids apart.
fn name_fields(prefix: &str, row: Option<&CategoryRow>) -> impl IntoView + use<> {
    let i18n = use_i18n();
    Locale::ALL
        .map(|locale| {
            let id = format!("{prefix}-{}", locale.code());
            let value = row.and_then(|r| r.names.get(&locale).cloned()).unwrap_or_default();
            let label = i18n.t_args("categories-name", &[("language", locale.code().into())]);
            view! {
                <div class="field">
                    <label class="field__label" for=id.clone()>{label}</label>
                    <input class="input" type="text" id=id name=editor::name_field(locale) value=value required maxlength="100" lang=locale.code()/>
                </div>
            }
        })
        .into_iter()
        .collect_view()
}

#[component]
fn Categories(rows: Vec<CategoryRow>) -> impl IntoView {
    let i18n = use_i18n();
    let page = i18n.locale();
    let action = paths::staff_categories(page);
    let error = refusal(REFUSALS);
    let query = use_query_map();
    let notice = move || {
        query.with(|q| {
            [("created", "categories-created"), ("saved", "categories-saved"), ("deleted", "categories-deleted")]
                .into_iter()
                .find(|(key, _)| q.get(key).is_some())
                .map(|(_, id)| id)
        })
    };
    let sections = rows
        .iter()
        .map(|row| {
            let heading_id = format!("category-{}", row.slug);
            let name = row.names.get(&page).cloned().unwrap_or_else(|| row.slug.clone());
            let delete = (row.documents == 0).then(|| {
                view! {
                    <form method="post" action=action.clone()>
                        <input type="hidden" name=editor::SLUG value=row.slug.clone()/>
                        <button class="button button--secondary" type="submit" name=ACTION_FIELD value=editor::DELETE>
                            {i18n.t("categories-delete")}<span class="visually-hidden">": "{name.clone()}</span>
                        </button>
                    </form>
                }
            });
            view! {
                <section class="category-editor" aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>{name.clone()}</h2>
                    <p class="table__meta">
                        {row.slug.clone()}" · "
                        {i18n.t_args("categories-documents", &[("count", row.documents.into())])}
                    </p>
                    <form class="form" method="post" action=action.clone()>
                        <input type="hidden" name=ACTION_FIELD value=editor::SAVE_CATEGORY/>
                        <input type="hidden" name=editor::SLUG value=row.slug.clone()/>
                        {name_fields(&format!("category-{}", row.slug), Some(row))}
                        <button class="button" type="submit">
                            {i18n.t("categories-save")}<span class="visually-hidden">": "{name.clone()}</span>
                        </button>
                    </form>
                    {delete}
                </section>
            }
        })
        .collect_view()
        .into_any();
    view! {
        <div class="container narrow">
            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                <ol>
                    <li><a href=paths::staff_content(page)>{i18n.t("workspace-title")}</a></li>
                    <li aria-current="page">{i18n.t("categories-title")}</li>
                </ol>
            </nav>
            <h1>{i18n.t("categories-title")}</h1>
            {move || notice().map(|id| view! { <p class="notice" role="status">{i18n.t(id)}</p> })}
            {move || error().map(|code| refusal_alert(i18n, code))}
            {sections}
            <section class="category-editor" aria-labelledby="new-category-heading">
                <h2 id="new-category-heading">{i18n.t("categories-new")}</h2>
                <form class="form" method="post" action=action.clone()>
                    <input type="hidden" name=ACTION_FIELD value=editor::SAVE_CATEGORY/>
                    <div class="field">
                        <label class="field__label" for="new-category-slug">{i18n.t("categories-slug")}</label>
                        <p class="field__hint" id="new-category-slug-hint">{i18n.t("categories-slug-hint")}</p>
                        <input class="input" type="text" id="new-category-slug" name=editor::SLUG required maxlength="80"
                            pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby="new-category-slug-hint"/>
                    </div>
                    {name_fields("new-category", None)}
                    <button class="button" type="submit">{i18n.t("categories-create")}</button>
                </form>
            </section>
        </div>
    }
}
