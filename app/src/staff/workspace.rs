//! `/{lang}/staff/content`: the editors' workspace, every document with the state of each
//! locale's text, filtered by a plain GET form (works without JavaScript).

use super::api::load_workspace;
use crate::i18n::{I18n, use_i18n};
use crate::shared::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use tuki::Locale;
use tuki::content::{DocKind, Status, TranslationState};
use tuki::paths;
use tuki::views::editing::{TextCell, WorkspaceData, WorkspaceRow};

/// The filter form's field names (also the query's).
const CATEGORY: &str = "category";
const STATUS: &str = "status";
const LOCALE: &str = "locale";
const STATE: &str = "state";
const QUERY: &str = "q";
const PAGE: &str = "page";

/// The workspace's list page.
#[component]
pub fn WorkspacePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filters = move || {
        query.with(|q| [CATEGORY, STATUS, LOCALE, STATE, QUERY, PAGE].map(|name| q.get(name).unwrap_or_default()))
    };
    let data = Resource::new(
        move || (i18n.locale(), filters()),
        |(locale, [category, status, text_locale, state, q, page])| {
            load_workspace(locale.code().to_owned(), category, status, text_locale, state, q, Some(page))
        },
    );
    view! {
        <Title text=move || i18n.t("workspace-title")/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <Workspace data filters=filters()/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The label of a text's state.
pub(super) fn state_label(i18n: I18n, state: TranslationState) -> String {
    i18n.t(&format!("workspace-state-{}", state.code()))
}

/// One `<option>`, selected when it is the current value.
fn option(value: String, label: String, current: &str) -> impl IntoView + use<> {
    let selected = value == current;
    view! { <option value=value selected=selected>{label}</option> }
}

#[component]
fn Workspace(data: WorkspaceData, filters: [String; 6]) -> impl IntoView {
    let i18n = use_i18n();
    let [category, status, text_locale, state, q, _] = filters;
    // The same filters on another page.
    let page_href = {
        let query = [(CATEGORY, &category), (STATUS, &status), (LOCALE, &text_locale), (STATE, &state), (QUERY, &q)]
            .iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(name, value)| format!("{name}={}&", paths::encode_query_value(value)))
            .collect::<String>();
        let base = paths::staff_content(i18n.locale());
        move |page: usize| format!("{base}?{query}{PAGE}={page}")
    };
    let pager = (data.pages > 1).then(|| {
        let previous = (data.page > 1)
            .then(|| view! { <a href=page_href(data.page - 1) rel="prev">{i18n.t("workspace-previous")}</a> });
        let next = (data.page < data.pages)
            .then(|| view! { <a href=page_href(data.page + 1) rel="next">{i18n.t("workspace-next")}</a> });
        view! {
            <nav class="pager" aria-label=i18n.t("workspace-pages")>
                {previous}
                <span>{i18n.t_args("workspace-page", &[
                    ("page", (data.page as i64).into()),
                    ("pages", (data.pages as i64).into()),
                ])}</span>
                {next}
            </nav>
        }
        .into_any()
    });
    let categories = data.categories.iter().map(|c| option(c.slug.clone(), c.name.clone(), &category)).collect_view();
    let statuses = [Status::Published, Status::Draft]
        .map(|s| option(s.code().to_owned(), i18n.t(&format!("workspace-status-{}", s.code())), &status))
        .into_iter()
        .collect_view();
    let locales = Locale::ALL
        .map(|l| option(l.code().to_owned(), l.native_name().to_owned(), &text_locale))
        .into_iter()
        .collect_view();
    let states = [TranslationState::OutOfDate, TranslationState::Missing, TranslationState::UpToDate]
        .map(|s| option(s.code().to_owned(), state_label(i18n, s), &state))
        .into_iter()
        .collect_view();
    let reviews = (!data.reviews.is_empty()).then(|| {
        let items = data
            .reviews
            .iter()
            .map(|r| {
                let href = paths::staff_editor_href(i18n.locale(), r.kind, &r.slug, r.locale);
                view! {
                    <li>
                        <a href=href>{r.title.clone()}</a>" "
                        <span class="table__meta">{i18n.t_args("review-asked-by", &[("requested_by", r.requested_by.clone().into())])}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="notice" aria-labelledby="reviews-heading">
                <h2 id="reviews-heading">{i18n.t("review-waiting-for-you")}</h2>
                <ul class="plain-list">{items}</ul>
            </section>
        }
        .into_any()
    });
    let deleted = use_query_map().with_untracked(|q| q.get("deleted").is_some());
    let rows = data.rows.into_iter().map(|row| view! { <Row row/> }).collect_view().into_any();
    view! {
        <section class="container" aria-labelledby="workspace-heading">
            <h1 id="workspace-heading">{i18n.t("workspace-title")}</h1>
            {deleted.then(|| view! { <p class="notice" role="status">{i18n.t("workspace-deleted")}</p> })}
            <p class="editor__links">
                <a class="button" href=paths::staff_new_document(i18n.locale())>{i18n.t("new-document-title")}</a>
                " "
                <a href=paths::staff_categories(i18n.locale())>{i18n.t("categories-title")}</a>
                " · "
                <a href=paths::staff_analytics(i18n.locale())>{i18n.t("analytics-title")}</a>
            </p>
            {reviews}
            <form class="filters" method="get" action=paths::staff_content(i18n.locale())>
                <div class="field">
                    <label class="field__label" for="workspace-q">{i18n.t("workspace-search")}</label>
                    <input class="input" id="workspace-q" name=QUERY type="search" value=q maxlength="200"/>
                </div>
                <div class="field">
                    <label class="field__label" for="workspace-category">{i18n.t("workspace-category")}</label>
                    <select class="input" id="workspace-category" name=CATEGORY>
                        <option value="">{i18n.t("workspace-any")}</option>
                        {categories}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="workspace-status">{i18n.t("workspace-status")}</label>
                    <select class="input" id="workspace-status" name=STATUS>
                        <option value="">{i18n.t("workspace-any")}</option>
                        {statuses}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="workspace-state">{i18n.t("workspace-translation")}</label>
                    <select class="input" id="workspace-state" name=STATE>
                        <option value="">{i18n.t("workspace-any")}</option>
                        {states}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="workspace-locale">{i18n.t("workspace-language")}</label>
                    <select class="input" id="workspace-locale" name=LOCALE>
                        <option value="">{i18n.t("workspace-any-language")}</option>
                        {locales}
                    </select>
                </div>
                <button class="button" type="submit">{i18n.t("workspace-filter")}</button>
            </form>
            <p role="status">
                {i18n.t_args(
                    "workspace-count",
                    &[
                        ("count", data.total.into()),
                        ("shown", (data.matching as i64).into()),
                        ("total", (data.total as i64).into()),
                    ],
                )}
            </p>
            <div class="table-scroll">
                <table class="table">
                    <caption class="visually-hidden">{i18n.t("workspace-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("workspace-document")}</th>
                            <th scope="col">{i18n.t("workspace-category")}</th>
                            <th scope="col">{i18n.t("workspace-status")}</th>
                            {Locale::ALL.map(|l| view! { <th scope="col" lang=l.code()>{l.native_name()}</th> }).into_iter().collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {pager}
        </section>
    }
}

#[component]
fn Row(row: WorkspaceRow) -> impl IntoView {
    let i18n = use_i18n();
    let kind = i18n.t(match row.kind {
        DocKind::Article => "kind-article",
        DocKind::Case => "kind-case",
    });
    let href = paths::staff_editor_href(i18n.locale(), row.kind, &row.slug, row.source_locale);
    let cells = row.texts.into_iter().map(|cell| text_cell(i18n, row.kind, &row.slug, cell)).collect_view();
    view! {
        <tr>
            <th scope="row">
                <a href=href>{row.title}</a>
                <span class="table__meta">{kind}" · "{row.slug}</span>
            </th>
            <td>{row.category}</td>
            <td>{i18n.t(&format!("workspace-status-{}", row.status.code()))}</td>
            {cells}
        </tr>
    }
}

fn text_cell(i18n: I18n, kind: DocKind, slug: &str, cell: TextCell) -> impl IntoView + use<> {
    let href = paths::staff_editor_href(i18n.locale(), kind, slug, cell.locale);
    let class = format!("state state--{}", cell.state.code());
    view! {
        <td>
            <a class=class href=href>{state_label(i18n, cell.state)}</a>
            {cell.has_draft.then(|| view! { <span class="table__meta">{i18n.t("workspace-has-draft")}</span> })}
        </td>
    }
}
