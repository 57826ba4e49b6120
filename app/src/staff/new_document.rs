//! `/{lang}/staff/content/new`: a new article or solved case, with its first text. The form
//! posts to the server (`http::workspace`), which opens the new document's editor.

use super::api::load_categories;
use super::{refusal, refusal_alert};
use crate::i18n::use_i18n;
use crate::shared::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use tuki::Locale;
use tuki::content::DocKind;
use tuki::paths::{self, editor};
use tuki::views::editing::CategoryRow;

const REFUSALS: &[&str] = &[
    "error-editor-kind",
    "error-editor-slug",
    "error-editor-slug-taken",
    "error-editor-category",
    "error-editor-title",
    "error-editor-summary",
    "error-editor-body",
    "error-editor-tags",
    "error-editor-questions",
];

/// The new document page.
#[component]
pub fn NewDocumentPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |()| load_categories());
    view! {
        <Title text=move || i18n.t("new-document-title")/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(categories) => view! { <NewDocument categories/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewDocument(categories: Vec<CategoryRow>) -> impl IntoView {
    let i18n = use_i18n();
    let page = i18n.locale();
    let error = refusal(REFUSALS);
    // "Write an article for this" from the analytics passes the search's text.
    let suggested_title = use_query_map().with_untracked(|q| q.get("title")).unwrap_or_default();
    let kinds = DocKind::ALL
        .map(|kind| {
            let label = i18n.t(match kind {
                DocKind::Article => "kind-article",
                DocKind::Case => "kind-case",
            });
            view! { <option value=kind.code()>{label}</option> }
        })
        .into_iter()
        .collect_view();
    let categories = categories
        .into_iter()
        .map(|c| {
            let name = c.names.get(&page).cloned().unwrap_or_else(|| c.slug.clone());
            view! { <option value=c.slug>{name}</option> }
        })
        .collect_view();
    let languages = Locale::ALL
        .map(|l| view! { <option value=l.code() selected=l == Locale::Fi lang=l.code()>{l.native_name()}</option> })
        .into_iter()
        .collect_view();
    view! {
        <div class="container narrow">
            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                <ol>
                    <li><a href=paths::staff_content(page)>{i18n.t("workspace-title")}</a></li>
                    <li aria-current="page">{i18n.t("new-document-title")}</li>
                </ol>
            </nav>
            <h1>{i18n.t("new-document-title")}</h1>
            <p>{i18n.t("new-document-lead")}</p>
            {move || error().map(|code| refusal_alert(i18n, code))}
            <form class="form editor__form" method="post" action=paths::staff_new_document(page)>
                <div class="field">
                    <label class="field__label" for="new-kind">{i18n.t("new-document-kind")}</label>
                    <select class="input" id="new-kind" name=editor::KIND>{kinds}</select>
                </div>
                <div class="field">
                    <label class="field__label" for="new-slug">{i18n.t("new-document-slug")}</label>
                    <p class="field__hint" id="new-slug-hint">{i18n.t("categories-slug-hint")}</p>
                    <input class="input" type="text" id="new-slug" name=editor::SLUG required maxlength="80"
                        pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby="new-slug-hint"/>
                </div>
                <div class="field">
                    <label class="field__label" for="new-category">{i18n.t("workspace-category")}</label>
                    <select class="input" id="new-category" name=editor::CATEGORY>{categories}</select>
                </div>
                <div class="field">
                    <label class="field__label" for="new-locale">{i18n.t("new-document-language")}</label>
                    <select class="input" id="new-locale" name=editor::LOCALE>{languages}</select>
                </div>
                <div class="field">
                    <label class="field__label" for="new-title">{i18n.t("editor-field-title")}</label>
                    <input class="input" type="text" id="new-title" name=editor::TITLE required maxlength="200" value=suggested_title/>
                </div>
                <div class="field">
                    <label class="field__label" for="new-summary">{i18n.t("editor-field-summary")}</label>
                    <textarea class="input" id="new-summary" name=editor::SUMMARY rows="2" maxlength="500"></textarea>
                </div>
                <div class="field">
                    <label class="field__label" for="new-body">{i18n.t("editor-field-body")}</label>
                    <p class="field__hint" id="new-body-hint">{i18n.t("editor-field-body-hint")}</p>
                    <textarea class="input editor__body" id="new-body" name=editor::BODY rows="12" required maxlength="50000"
                        aria-describedby="new-body-hint"></textarea>
                </div>
                <div class="field">
                    <label class="field__label" for="new-tags">{i18n.t("editor-field-tags")}</label>
                    <p class="field__hint" id="new-tags-hint">{i18n.t("editor-field-tags-hint")}</p>
                    <input class="input" type="text" id="new-tags" name=editor::TAGS maxlength="1100" aria-describedby="new-tags-hint"/>
                </div>
                <div class="field">
                    <label class="field__label" for="new-questions">{i18n.t("editor-field-questions")}</label>
                    <p class="field__hint" id="new-questions-hint">{i18n.t("editor-field-questions-hint")}</p>
                    <textarea class="input" id="new-questions" name=editor::QUESTIONS rows="4" maxlength="4100"
                        aria-describedby="new-questions-hint"></textarea>
                </div>
                <button class="button" type="submit">{i18n.t("new-document-create")}</button>
            </form>
        </div>
    }
}
