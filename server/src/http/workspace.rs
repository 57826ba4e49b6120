//! The editors' workspace's post: one form per text, answered with 303 redirects like every
//! post (the pages are the app's `staff::workspace` area). The session's caller must have the
//! editing right, checked by the service; the cross-site guard (`same_origin`) refuses posts
//! from other sites.
//!
//! `POST /{lang}/staff/content/{kind}/{slug}/{locale}` with `_action`:
//!
//! | `_action` | does | then |
//! |---|---|---|
//! | `save` | saves the typed text as a draft revision | the editor, `?saved=1` |
//! | `preview` | the same | the editor, `?preview=1#preview` (the draft rendered) |
//! | `publish` | saves, then publishes the latest revision (searchable at once) | the editor, `?published=1` |
//! | `unpublish` | takes the document off the customers' pages | the editor, `?unpublished=1` |
//! | `restore` | makes `revision` the latest again, as a draft | the editor, `?restored=1` |
//! | `move` | moves the document to `category` | the editor, `?moved=1` |
//! | `request-review` | asks the editor at `reviewer` to review the draft | the editor, `?review_requested=1` |
//! | `return-draft` | the reviewer sends the draft back with a `comment` | the editor, `?returned=1` |
//! | `delete` | with `confirm=yes`: deletes the document (its revisions stay) | the workspace, `?deleted=1` |
//!
//! `POST /{lang}/staff/content/new` makes a new document (`kind`, `slug`, `category`, `locale`
//! and the text's fields) and opens its editor; `POST /{lang}/staff/categories` saves a
//! category's names (`_action=save-category`, `slug`, `name_fi`, `name_sv`, `name_en`) or
//! deletes an empty one (`_action=delete`, `slug`).
//!
//! A refused post goes back to its page with `?error=CODE`, having changed nothing.

use super::AppState;
use super::client_ip::ClientIp;
use super::error_page::not_found;
use super::staff::{StaffCaller, answer, back_with, field, post_locale};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use tuki::Locale;
use tuki::content::{ChangeSize, DocKind, RevisionId};
use tuki::i18n::tr_args;
use tuki::paths::{ACTION_FIELD, editor, staff_categories, staff_content, staff_editor_href, staff_new_document};
use tuki::services::ServiceError;
use tuki::services::editing::{Edit, document_ref};

/// `POST /{lang}/staff/content/{kind}/{slug}/{locale}`.
pub async fn edit(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    StaffCaller(caller): StaffCaller,
    Path((lang, kind, slug, text_locale)): Path<(String, String, String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let locale = match post_locale(&state, client, &lang) {
        Ok(locale) => locale,
        Err(refused) => return refused.into_response(),
    };
    let (Ok(document), Ok(text_locale)) = (document_ref(&kind, &slug), text_locale.parse::<Locale>()) else {
        return not_found(locale);
    };
    let page = staff_editor_href(locale, document.kind, document.slug.as_str(), text_locale);
    let editing = state.portal.editing();
    let field = |name| field(&fields, name);
    let action = field(ACTION_FIELD);
    let done = match action {
        editor::SAVE | editor::PREVIEW | editor::PUBLISH => {
            let change = field(editor::CHANGE);
            let change = if change.is_empty() { Ok(ChangeSize::default()) } else { change.parse::<ChangeSize>() };
            let Ok(change) = change else { return back_with(&page, &ServiceError::Invalid("error-editor-change")) };
            let edit = edit_of(&fields, change);
            match editing.save(&caller, &document, text_locale, &edit).await {
                Ok(_) if action == editor::PUBLISH => {
                    editing.publish(&caller, &document, text_locale).await.map(|_| "?published=1")
                }
                Ok(_) if action == editor::PREVIEW => Ok("?preview=1#preview"),
                Ok(_) => Ok("?saved=1"),
                Err(error) => Err(error),
            }
        }
        editor::UNPUBLISH => editing.unpublish(&caller, &document).await.map(|()| "?unpublished=1"),
        editor::MOVE => editing.move_to(&caller, &document, field(editor::CATEGORY)).await.map(|()| "?moved=1"),
        editor::REQUEST_REVIEW => editing
            .request_review(&caller, &document, text_locale, field(editor::REVIEWER))
            .await
            .map(|()| "?review_requested=1"),
        editor::RETURN_DRAFT => {
            editing.return_draft(&caller, &document, text_locale, field(editor::COMMENT)).await.map(|()| "?returned=1")
        }
        editor::DELETE => {
            let deleted = editing.delete(&caller, &document, field(editor::CONFIRM) == "yes").await;
            return answer(locale, &page, deleted.map(|()| format!("{}?deleted=1", staff_content(locale))));
        }
        editor::RESTORE => match field(editor::REVISION).parse::<RevisionId>() {
            Ok(revision) => {
                let note = tr_args(locale, "editor-restored-note", &[("revision", revision.0.into())]);
                editing.restore(&caller, &document, text_locale, revision, &note).await.map(|_| "?restored=1")
            }
            Err(_) => Err(ServiceError::Invalid("error-editor-revision")),
        },
        _ => Err(ServiceError::Invalid("error-editor-action")),
    };
    answer(locale, &page, done.map(|query| format!("{page}{query}")))
}

/// The text fields of a post, as an edit.
fn edit_of<'a>(fields: &'a [(String, String)], change: ChangeSize) -> Edit<'a> {
    Edit {
        title: field(fields, editor::TITLE),
        summary: field(fields, editor::SUMMARY),
        body: field(fields, editor::BODY),
        tags: field(fields, editor::TAGS),
        questions: field(fields, editor::QUESTIONS),
        change,
        note: field(fields, editor::NOTE),
    }
}

/// `POST /{lang}/staff/content/new`.
pub async fn create(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    StaffCaller(caller): StaffCaller,
    Path(lang): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let locale = match post_locale(&state, client, &lang) {
        Ok(locale) => locale,
        Err(refused) => return refused.into_response(),
    };
    let page = staff_new_document(locale);
    let (Ok(kind), Ok(text_locale)) =
        (field(&fields, editor::KIND).parse::<DocKind>(), field(&fields, editor::LOCALE).parse::<Locale>())
    else {
        return back_with(&page, &ServiceError::Invalid("error-editor-kind"));
    };
    let edit = edit_of(&fields, ChangeSize::Major);
    let made = state
        .portal
        .editing()
        .create(&caller, kind, field(&fields, editor::SLUG), field(&fields, editor::CATEGORY), text_locale, &edit)
        .await;
    let made = made.map(|document| {
        format!("{}?saved=1", staff_editor_href(locale, document.kind, document.slug.as_str(), text_locale))
    });
    answer(locale, &page, made)
}

/// `POST /{lang}/staff/categories`.
pub async fn categories(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    StaffCaller(caller): StaffCaller,
    Path(lang): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let locale = match post_locale(&state, client, &lang) {
        Ok(locale) => locale,
        Err(refused) => return refused.into_response(),
    };
    let page = staff_categories(locale);
    let editing = state.portal.editing();
    let slug = field(&fields, editor::SLUG);
    let done = match field(&fields, ACTION_FIELD) {
        editor::SAVE_CATEGORY => {
            let names: Vec<(Locale, String)> =
                Locale::ALL.iter().map(|l| (*l, field(&fields, &editor::name_field(*l)).to_owned())).collect();
            let names: Vec<(Locale, &str)> = names.iter().map(|(l, n)| (*l, n.as_str())).collect();
            editing
                .save_category(&caller, slug, &names)
                .await
                .map(|created| if created { "?created=1" } else { "?saved=1" })
        }
        editor::DELETE => editing.delete_category(&caller, slug).await.map(|()| "?deleted=1"),
        _ => Err(ServiceError::Invalid("error-editor-action")),
    };
    answer(locale, &page, done.map(|query| format!("{page}{query}")))
}
