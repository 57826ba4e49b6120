//! The staff's area (`/{lang}/staff/…`): signing in, setting a password with a single-use link,
//! the front page of a signed-in member, the admins' accounts and audit log, and the editors'
//! workspace (list, editor, history), and the agents' desk (queues, a ticket). Forms post to the server (`http::staff`, `http::accounts`,
//! `http::workspace`) and work without JavaScript; every page is `noindex`.

mod accounts;
mod analytics;
pub mod api;
mod audit;
mod categories;
mod desk;
mod desk_ticket;
mod editor;
mod history;
mod home;
mod new_document;
mod password;
mod reset;
mod sign_in;
mod workspace;

pub use accounts::AccountsPage;
pub use analytics::AnalyticsPage;
pub use audit::AuditPage;
pub use categories::CategoriesPage;
pub use desk::DeskPage;
pub use desk_ticket::DeskTicketPage;
pub use editor::EditorPage;
pub use history::HistoryPage;
pub use home::StaffHomePage;
pub use new_document::NewDocumentPage;
pub use password::SetPasswordPage;
pub use reset::PasswordResetPage;
pub use sign_in::SignInPage;
pub use workspace::WorkspacePage;

use crate::i18n::I18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The refusal a form's post was answered with (`?error=CODE`), when it is one of `known`.
fn refusal(known: &'static [&'static str]) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.with(|q| q.get("error")).filter(|code| known.contains(&code.as_str()))
}

/// A form's refusal as an alert, translated.
fn refusal_alert(i18n: I18n, code: String) -> impl IntoView {
    view! { <p class="form-error" role="alert">{i18n.t(&code)}</p> }
}
