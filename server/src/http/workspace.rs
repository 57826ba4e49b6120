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
//!
//! A refused edit goes back to the editor with `?error=CODE`, having changed nothing.

use super::AppState;
use super::client_ip::ClientIp;
use super::error_page::{for_service_error, not_found};
use super::staff::{back_with, field, post_locale};
use axum::Form;
use axum::extract::{Extension, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use tuki::Locale;
use tuki::content::{ChangeSize, RevisionId};
use tuki::i18n::tr_args;
use tuki::paths::{ACTION_FIELD, editor, staff_editor_href};
use tuki::services::editing::{Edit, document_ref};
use tuki::services::{Caller, ServiceError};

/// `POST /{lang}/staff/content/{kind}/{slug}/{locale}`.
pub async fn edit(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    caller: Option<Extension<Caller>>,
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
    let caller = caller.map_or(Caller::Customer, |Extension(caller)| caller);
    let page = staff_editor_href(locale, document.kind, document.slug.as_str(), text_locale);
    let editing = state.portal.editing();
    let field = |name| field(&fields, name);
    let action = field(ACTION_FIELD);
    let done = match action {
        editor::SAVE | editor::PREVIEW | editor::PUBLISH => {
            let change = field(editor::CHANGE);
            let change = if change.is_empty() { Ok(ChangeSize::default()) } else { change.parse::<ChangeSize>() };
            let Ok(change) = change else { return back_with(&page, &ServiceError::Invalid("error-editor-change")) };
            let edit = Edit {
                title: field(editor::TITLE),
                summary: field(editor::SUMMARY),
                body: field(editor::BODY),
                tags: field(editor::TAGS),
                change,
                note: field(editor::NOTE),
            };
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
        editor::RESTORE => match field(editor::REVISION).parse::<RevisionId>() {
            Ok(revision) => {
                let note = tr_args(locale, "editor-restored-note", &[("revision", revision.0.into())]);
                editing.restore(&caller, &document, text_locale, revision, &note).await.map(|_| "?restored=1")
            }
            Err(_) => Err(ServiceError::Invalid("error-editor-revision")),
        },
        _ => Err(ServiceError::Invalid("error-editor-action")),
    };
    match done {
        Ok(query) => Redirect::to(&format!("{page}{query}")).into_response(),
        Err(error @ ServiceError::Invalid(_)) => back_with(&page, &error),
        Err(error) => for_service_error(locale, &error),
    }
}
