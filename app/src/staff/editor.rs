//! `/{lang}/staff/content/{kind}/{slug}/{locale}`: the editor of one document's text in one
//! locale. The form posts to the server (`http::workspace`) and works without JavaScript:
//! Preview saves a draft and shows it rendered by the customers' renderer; with JavaScript the
//! preview follows the typing. Another locale's text can be shown beside it while translating.

use super::api::{load_editor, preview_markdown};
use super::history::DiffLines;
use super::workspace::state_label;
use super::{refusal, refusal_alert};
use crate::components::textarea_text;
use crate::i18n::use_i18n;
use crate::shared::{loaded, route_locale};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use std::time::Duration;
use tuki::content::{ChangeSize, Status, TranslationState};
use tuki::paths::{self, ACTION_FIELD, editor};
use tuki::views::editing::EditorData;

/// The refusals an editor post answers with.
const REFUSALS: &[&str] = &[
    "error-editor-title",
    "error-editor-summary",
    "error-editor-body",
    "error-editor-tags",
    "error-editor-questions",
    "error-editor-note",
    "error-editor-change",
    "error-editor-action",
    "error-editor-revision",
    "error-editor-nothing-to-publish",
    "error-editor-category",
    "error-editor-confirm",
    "error-review-no-draft",
    "error-review-reviewer",
    "error-review-none",
    "error-review-comment",
];

/// The editor page.
#[component]
pub fn EditorPage() -> impl IntoView {
    let locale = route_locale();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let (kind, slug, text) = params.with(|p| {
                (
                    p.get("kind").unwrap_or_default(),
                    p.get("slug").unwrap_or_default(),
                    p.get("text").unwrap_or_default(),
                )
            });
            (locale.get(), kind, slug, text, query.with(|q| q.get("compare")))
        },
        |(locale, kind, slug, text, compare)| async move {
            match locale {
                Some(locale) => load_editor(locale.code().to_owned(), kind, slug, text, compare).await,
                None => Ok(None),
            }
        },
    );
    view! {
        <Meta name="robots" content="noindex"/>
        {loaded(data, |data| view! { <Editor data/> })}
    }
}

/// The notice a finished post leaves (`?saved=1` and the like).
fn done_notice() -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        query.with(|q| {
            [
                ("published", "editor-published"),
                ("saved", "editor-saved"),
                ("preview", "editor-saved"),
                ("unpublished", "editor-unpublished"),
                ("restored", "editor-restored"),
                ("moved", "editor-moved"),
                ("review_requested", "review-requested"),
                ("returned", "review-returned"),
            ]
            .into_iter()
            .find(|(key, _)| q.get(key).is_some())
            .map(|(_, id)| id)
        })
    }
}

#[component]
fn Editor(data: EditorData) -> impl IntoView {
    let i18n = use_i18n();
    let page = i18n.locale();
    let action = paths::staff_editor_href(page, data.kind, &data.slug, data.locale);
    let history = paths::staff_history_href(page, data.kind, &data.slug, data.locale);
    let customer_page = (data.status == Status::Published && data.published.is_some())
        .then(|| paths::document_href(data.locale, data.kind, &data.slug));
    let error = refusal(REFUSALS);
    let notice = done_notice();
    let query = use_query_map();
    let confirm_delete = move || query.with_untracked(|q| q.get("delete").is_some());
    let title = format!("{} – {}", i18n.t("editor-title"), data.text.title);
    let heading = if data.text.title.is_empty() { data.slug.clone() } else { data.text.title.clone() };
    let language_switch = data
        .locales
        .iter()
        .map(|cell| {
            let href = paths::staff_editor_href(page, data.kind, &data.slug, cell.locale);
            let current = (cell.locale == data.locale).then_some("page");
            view! {
                <li>
                    <a href=href aria-current=current>
                        <span lang=cell.locale.code()>{cell.locale.native_name()}</span>
                        " · "{state_label(i18n, cell.state)}
                        {cell.has_draft.then(|| format!(" · {}", i18n.t("workspace-has-draft")))}
                    </a>
                </li>
            }
        })
        .collect_view()
        .into_any();
    let compare_options = data
        .locales
        .iter()
        .filter(|cell| cell.locale != data.locale && cell.state != TranslationState::Missing)
        .map(|cell| {
            let selected = data.compare.as_ref().is_some_and(|c| c.locale == cell.locale);
            view! { <option value=cell.locale.code() selected=selected>{cell.locale.native_name()}</option> }
        })
        .collect_view();
    let draft_line = match data.draft {
        Some(revision) => i18n.t_args("editor-draft-waiting", &[("revision", revision.0.into())]),
        None => i18n.t("editor-no-draft"),
    };
    let outdated = data.source_change.clone().map(|diff| {
        view! {
            <section class="notice notice--warning" aria-labelledby="source-change-heading">
                <h2 id="source-change-heading">{i18n.t("editor-outdated-heading")}</h2>
                <p>{i18n.t("editor-outdated-lead")}</p>
                <DiffLines diff/>
            </section>
        }
        .into_any()
    });
    let compare = data.compare.clone().map(|other| {
        view! {
            <section class="editor__compare" aria-labelledby="compare-heading" lang=other.locale.code()>
                <h2 id="compare-heading">{other.text.title.clone()}</h2>
                {(!other.text.summary.is_empty()).then(|| view! { <p class="article__summary">{other.text.summary.clone()}</p> })}
                <div class="article__body" inner_html=other.html.clone()></div>
            </section>
        }
        .into_any()
    });
    let changes = ChangeSize::ALL
        .map(|size| {
            let id = format!("change-{}", size.code());
            let checked = size == ChangeSize::default();
            view! {
                <div class="choice">
                    <input type="radio" id=id.clone() name=editor::CHANGE value=size.code() checked=checked/>
                    <label for=id>{i18n.t(&format!("editor-change-{}", size.code()))}</label>
                </div>
            }
        })
        .into_iter()
        .collect_view()
        .into_any();
    let is_source = data.locale == data.source_locale;
    let review_section = review_section(&data, &action);
    let move_options = data
        .categories
        .iter()
        .map(|c| view! { <option value=c.slug.clone() selected=c.slug == data.category_slug>{c.name.clone()}</option> })
        .collect_view()
        .into_any();
    let delete_section = if confirm_delete() {
        view! {
            <div class="notice notice--warning" role="alert">
                <p>{i18n.t("editor-delete-confirm")}</p>
                <form method="post" action=action.clone()>
                    <input type="hidden" name=editor::CONFIRM value="yes"/>
                    <button class="button" type="submit" name=ACTION_FIELD value=editor::DELETE>{i18n.t("editor-delete-yes")}</button>
                </form>
                <p><a href=action.clone()>{i18n.t("editor-delete-cancel")}</a></p>
            </div>
        }
        .into_any()
    } else {
        view! { <p><a href=format!("{action}?delete=1#manage-heading")>{i18n.t("editor-delete")}</a></p> }.into_any()
    };
    view! {
        <Title text=title/>
        <div class="container editor">
            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                <ol>
                    <li><a href=paths::staff_content(page)>{i18n.t("workspace-title")}</a></li>
                    <li aria-current="page">{heading.clone()}</li>
                </ol>
            </nav>
            <h1>{heading}" "<span class="editor__language" lang=data.locale.code()>"("{data.locale.native_name()}")"</span></h1>
            {move || notice().map(|id| view! { <p class="notice" role="status">{i18n.t(id)}</p> })}
            {move || error().map(|code| refusal_alert(i18n, code))}
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("workspace-status")}</dt>
                    <dd class="summary-list__value">{i18n.t(&format!("workspace-status-{}", data.status.code()))}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("workspace-translation")}</dt>
                    <dd class="summary-list__value">{state_label(i18n, data.state)}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("editor-draft")}</dt>
                    <dd class="summary-list__value">{draft_line}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("workspace-category")}</dt>
                    <dd class="summary-list__value">{data.category.clone()}</dd>
                </div>
            </dl>
            <p class="editor__links">
                <a href=history>{i18n.t("editor-history")}</a>
                {customer_page.map(|href| view! { " · "<a href=href>{i18n.t("editor-customer-page")}</a> })}
            </p>
            <nav aria-label=i18n.t("editor-languages")>
                <ul class="plain-list editor__languages">{language_switch}</ul>
            </nav>
            {outdated}
            {review_section}
            <form class="filters" method="get" action=action.clone()>
                <div class="field">
                    <label class="field__label" for="editor-compare">{i18n.t("editor-compare")}</label>
                    <select class="input" id="editor-compare" name="compare">
                        <option value="">{i18n.t("editor-compare-none")}</option>
                        {compare_options}
                    </select>
                </div>
                <button class="button button--secondary" type="submit">{i18n.t("editor-compare-show")}</button>
            </form>
            <div class="editor__columns">
                {compare}
                <form class="form editor__form" method="post" action=action.clone()>
                    <div class="field">
                        <label class="field__label" for="editor-title">{i18n.t("editor-field-title")}</label>
                        <input class="input" id="editor-title" type="text" name=editor::TITLE value=data.text.title.clone() required maxlength="200"/>
                    </div>
                    <div class="field">
                        <label class="field__label" for="editor-summary">{i18n.t("editor-field-summary")}</label>
                        <textarea class="input" id="editor-summary" name=editor::SUMMARY rows="2" maxlength="500">{textarea_text(&data.text.summary)}</textarea>
                    </div>
                    <div class="field">
                        <label class="field__label" for="editor-body">{i18n.t("editor-field-body")}</label>
                        <p class="field__hint" id="editor-body-hint">{i18n.t("editor-field-body-hint")}</p>
                        <textarea class="input editor__body" id="editor-body" name=editor::BODY rows="18" required maxlength="50000"
                            aria-describedby="editor-body-hint">{textarea_text(&data.text.body)}</textarea>
                    </div>
                    <div class="field">
                        <label class="field__label" for="editor-tags">{i18n.t("editor-field-tags")}</label>
                        <p class="field__hint" id="editor-tags-hint">{i18n.t("editor-field-tags-hint")}</p>
                        <input class="input" id="editor-tags" type="text" name=editor::TAGS value=data.text.tags.clone() maxlength="1100" aria-describedby="editor-tags-hint"/>
                    </div>
                    <div class="field">
                        <label class="field__label" for="editor-questions">{i18n.t("editor-field-questions")}</label>
                        <p class="field__hint" id="editor-questions-hint">{i18n.t("editor-field-questions-hint")}</p>
                        <textarea class="input" id="editor-questions" name=editor::QUESTIONS rows="4" maxlength="4100"
                            aria-describedby="editor-questions-hint">{textarea_text(&data.text.questions)}</textarea>
                    </div>
                    <fieldset class="field">
                        <legend class="field__label">{i18n.t(if is_source { "editor-change-source" } else { "editor-change" })}</legend>
                        {changes}
                    </fieldset>
                    <div class="field">
                        <label class="field__label" for="editor-note">{i18n.t("editor-field-note")}</label>
                        <input class="input" id="editor-note" type="text" name=editor::NOTE maxlength="500"/>
                    </div>
                    <div class="form__actions">
                        <button class="button button--secondary" type="submit" name=ACTION_FIELD value=editor::PREVIEW>{i18n.t("editor-preview")}</button>
                        <button class="button button--secondary" type="submit" name=ACTION_FIELD value=editor::SAVE>{i18n.t("editor-save")}</button>
                        <button class="button" type="submit" name=ACTION_FIELD value=editor::PUBLISH>{i18n.t("editor-publish")}</button>
                    </div>
                    <p class="field__hint">{i18n.t("editor-preview-hint")}</p>
                </form>
            </div>
            <section id="preview" class="editor__preview" aria-labelledby="preview-heading" lang=data.locale.code()>
                <h2 id="preview-heading">{i18n.t("editor-preview-heading")}</h2>
                <LivePreview html=data.preview_html.clone()/>
            </section>
            <section class="editor__manage" aria-labelledby="manage-heading">
                <h2 id="manage-heading">{i18n.t("editor-manage")}</h2>
                {(data.status == Status::Published).then(|| view! {
                    <form method="post" action=action.clone()>
                        <button class="button button--secondary" type="submit" name=ACTION_FIELD value=editor::UNPUBLISH>{i18n.t("editor-unpublish")}</button>
                    </form>
                })}
                <form class="filters" method="post" action=action.clone()>
                    <div class="field">
                        <label class="field__label" for="editor-move">{i18n.t("editor-move")}</label>
                        <select class="input" id="editor-move" name=editor::CATEGORY>{move_options}</select>
                    </div>
                    <button class="button button--secondary" type="submit" name=ACTION_FIELD value=editor::MOVE>{i18n.t("editor-move-button")}</button>
                </form>
                {delete_section}
            </section>
        </div>
    }
}

/// The draft's review: who was asked (with the reviewer's send-back form), the last comment of
/// a reviewer who sent it back, or a form to ask someone.
fn review_section(data: &EditorData, action: &str) -> AnyView {
    let i18n = use_i18n();
    let returned = data.returned.clone().map(|(reviewer, comment)| {
        view! {
            <div class="notice notice--warning">
                <p>{i18n.t_args("review-returned-by", &[("reviewer", reviewer.into())])}</p>
                <blockquote class="message__body">{comment}</blockquote>
            </div>
        }
    });
    let body = match (&data.review, data.draft) {
        (Some(review), _) if review.viewer_reviews => view! {
            <p>{i18n.t_args("review-for-you", &[("requested_by", review.requested_by.clone().into())])}</p>
            <form class="form" method="post" action=action.to_owned()>
                <div class="field">
                    <label class="field__label" for="review-comment">{i18n.t("review-comment")}</label>
                    <textarea class="input" id="review-comment" name=editor::COMMENT rows="3" required maxlength="500"></textarea>
                </div>
                <button class="button button--secondary" type="submit" name=ACTION_FIELD value=editor::RETURN_DRAFT>{i18n.t("review-return")}</button>
            </form>
            <p class="field__hint">{i18n.t("review-approve-hint")}</p>
        }
        .into_any(),
        (Some(review), _) => view! {
            <p>{i18n.t_args("review-waiting", &[("reviewer", review.reviewer.clone().into())])}</p>
        }
        .into_any(),
        (None, Some(_)) if !data.reviewers.is_empty() => {
            let options = data
                .reviewers
                .iter()
                .map(|(email, name)| view! { <option value=email.clone()>{format!("{name} <{email}>")}</option> })
                .collect_view();
            view! {
                <form class="filters" method="post" action=action.to_owned()>
                    <div class="field">
                        <label class="field__label" for="review-reviewer">{i18n.t("review-ask")}</label>
                        <select class="input" id="review-reviewer" name=editor::REVIEWER>{options}</select>
                    </div>
                    <button class="button button--secondary" type="submit" name=ACTION_FIELD value=editor::REQUEST_REVIEW>{i18n.t("review-ask-button")}</button>
                </form>
            }
            .into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <section class="editor__review" aria-labelledby="review-heading">
            <h2 id="review-heading">{i18n.t("review-title")}</h2>
            {returned}
            {body}
        </section>
    }
    .into_any()
}

/// The id of the body's text area, whose typing the preview follows.
const BODY_ID: &str = "editor-body";

/// The body rendered by the customers' renderer. An island: with JavaScript, it follows the
/// typing in the body's text area, rendered by the server a moment after typing stops.
#[island]
fn LivePreview(
    /// The body as last saved or previewed, rendered.
    html: String,
) -> impl IntoView {
    let preview = RwSignal::new(html);
    let typed = RwSignal::new(0_u64);
    // The text area is outside the island: its typing reaches the window as input events.
    let listener = window_event_listener(leptos::ev::input, move |ev| {
        let from_body = event_target::<leptos::web_sys::Element>(&ev).id() == BODY_ID;
        if !from_body {
            return;
        }
        let body = event_target_value(&ev);
        let turn = typed.get_untracked() + 1;
        typed.set(turn);
        set_timeout(
            move || {
                if typed.get_untracked() != turn {
                    return;
                }
                leptos::task::spawn_local(async move {
                    if let Ok(html) = preview_markdown(body).await
                        && typed.get_untracked() == turn
                    {
                        preview.set(html);
                    }
                });
            },
            Duration::from_millis(400),
        );
    });
    on_cleanup(move || listener.remove());
    view! { <div class="article__body" inner_html=move || preview.get()></div> }
}
