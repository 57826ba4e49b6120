//! The staff pages' server functions.

// The `#[server]` macro generates argument structs whose fields cannot carry doc comments.
#![allow(missing_docs)]

use leptos::prelude::*;
use tuki::views::staff::StaffHomeData;

/// The signed-in member's front page; `None` when the caller is not signed in.
#[server]
pub async fn staff_home() -> Result<Option<StaffHomeData>, ServerFnError> {
    use crate::shared::server::*;
    match portal()?.accounts().home(&caller()) {
        Ok(data) => Ok(Some(data)),
        Err(tuki::services::ServiceError::NotSignedIn) => Ok(None),
        Err(error) => Err(fail(error)),
    }
}

/// The editors' workspace list in the page's language `lang`, through the filter form's
/// fields (empty: no filter).
#[server]
pub async fn load_workspace(
    lang: String,
    category: String,
    status: String,
    text_locale: String,
    state: String,
    query: String,
    page: Option<String>,
) -> Result<tuki::views::editing::WorkspaceData, ServerFnError> {
    use crate::shared::server::*;
    use tuki::content::{Status, TranslationState};
    let viewer = parse_locale(&lang)?;
    let filter = tuki::views::editing::WorkspaceFilter {
        category: Some(category).filter(|c| !c.is_empty()),
        status: status.parse::<Status>().ok(),
        locale: text_locale.parse().ok(),
        state: [
            TranslationState::Source,
            TranslationState::UpToDate,
            TranslationState::OutOfDate,
            TranslationState::Missing,
        ]
        .into_iter()
        .find(|s| s.code() == state),
        query,
        page: page.and_then(|p| p.parse().ok()).unwrap_or(1),
    };
    portal()?.editing().workspace(&caller(), viewer, &filter).await.map_err(fail)
}

/// The editor of a document's text in `text_locale`, with `compare`'s text beside it.
#[server]
pub async fn load_editor(
    lang: String,
    kind: String,
    slug: String,
    text_locale: String,
    compare: Option<String>,
) -> Result<Option<tuki::views::editing::EditorData>, ServerFnError> {
    use crate::shared::server::*;
    let viewer = parse_locale(&lang)?;
    let Ok(text_locale) = text_locale.parse() else { return Ok(None) };
    let Ok(document) = tuki::services::editing::document_ref(&kind, &slug) else { return Ok(None) };
    let compare = compare.and_then(|c| c.parse().ok());
    found(portal()?.editing().editor(&caller(), viewer, &document, text_locale, compare).await)
}

/// A text's history, with the diff from revision `from` to `to`.
#[server]
pub async fn load_history(
    kind: String,
    slug: String,
    text_locale: String,
    from: Option<String>,
    to: Option<String>,
) -> Result<Option<tuki::views::editing::HistoryData>, ServerFnError> {
    use crate::shared::server::*;
    let Ok(text_locale) = text_locale.parse() else { return Ok(None) };
    let Ok(document) = tuki::services::editing::document_ref(&kind, &slug) else { return Ok(None) };
    let from = from.and_then(|r| r.parse().ok());
    let to = to.and_then(|r| r.parse().ok());
    found(portal()?.editing().history(&caller(), &document, text_locale, from, to).await)
}

/// Markdown rendered as customers will see it: the editor's live preview.
#[server]
pub async fn preview_markdown(body: String) -> Result<String, ServerFnError> {
    use crate::shared::server::*;
    portal()?.editing().preview(&caller(), &body).map_err(fail)
}

/// The admins' page of accounts, in the page's language `lang`.
#[server]
pub async fn load_accounts(lang: String) -> Result<tuki::views::staff::AccountsData, ServerFnError> {
    use crate::shared::server::*;
    let viewer = parse_locale(&lang)?;
    portal()?.accounts().accounts_page(&caller(), viewer).await.map_err(fail)
}

/// The newest entries of the audit log.
#[server]
pub async fn load_audit() -> Result<Vec<tuki::views::staff::AuditRow>, ServerFnError> {
    use crate::shared::server::*;
    portal()?.accounts().audit_page(&caller(), 500).await.map_err(fail)
}

/// Every category with its names and number of documents.
#[server]
pub async fn load_categories() -> Result<Vec<tuki::views::editing::CategoryRow>, ServerFnError> {
    use crate::shared::server::*;
    portal()?.editing().categories(&caller()).await.map_err(fail)
}

/// The editors' analytics for the days `from`–`to` (`YYYY-MM-DD`; empty: the last 30 days).
#[server]
pub async fn load_analytics(
    lang: String,
    from: String,
    to: String,
) -> Result<tuki::views::analytics::AnalyticsData, ServerFnError> {
    use crate::shared::server::*;
    let viewer = parse_locale(&lang)?;
    portal()?.editing().analytics(&caller(), viewer, &from, &to).await.map_err(fail)
}

/// The agents' queue page in the page's language `lang`: `queue` (`mine` or a team; empty:
/// the agent's first team) with the filter form's fields (empty: no filter).
#[server]
pub async fn load_desk(
    lang: String,
    queue: String,
    status: String,
    priority: String,
    reply_locale: String,
    page: Option<String>,
) -> Result<tuki::views::desk::DeskQueueData, ServerFnError> {
    use crate::shared::server::*;
    let viewer = parse_locale(&lang)?;
    let query = tuki::views::desk::QueueQuery {
        queue: Some(queue).filter(|q| !q.is_empty()),
        status: status.parse().ok(),
        priority: tuki::forms::Priority::from_code(&priority),
        locale: reply_locale.parse().ok(),
        page: page.and_then(|p| p.parse().ok()).unwrap_or(1),
    };
    portal()?.desk().queue(&caller(), viewer, query).await.map_err(fail)
}

/// A ticket on the desk, in the page's language `lang`; `None` for an address that is no
/// ticket reference.
#[server]
pub async fn load_desk_ticket(
    lang: String,
    reference: String,
) -> Result<Option<tuki::views::desk::DeskTicketData>, ServerFnError> {
    use crate::shared::server::*;
    let viewer = parse_locale(&lang)?;
    let Some(reference) = tuki::ticket::TicketRef::parse(&reference) else { return Ok(None) };
    found(portal()?.desk().ticket(&caller(), viewer, &reference).await)
}

/// Every staff server function's path: the rights-matrix test calls each as every kind of
/// caller.
pub const STAFF_SERVER_FNS: [&str; 11] = [
    <LoadDesk as leptos::server_fn::ServerFn>::PATH,
    <LoadDeskTicket as leptos::server_fn::ServerFn>::PATH,
    <LoadAnalytics as leptos::server_fn::ServerFn>::PATH,
    <LoadCategories as leptos::server_fn::ServerFn>::PATH,
    <StaffHome as leptos::server_fn::ServerFn>::PATH,
    <LoadAccounts as leptos::server_fn::ServerFn>::PATH,
    <LoadAudit as leptos::server_fn::ServerFn>::PATH,
    <LoadWorkspace as leptos::server_fn::ServerFn>::PATH,
    <LoadEditor as leptos::server_fn::ServerFn>::PATH,
    <LoadHistory as leptos::server_fn::ServerFn>::PATH,
    <PreviewMarkdown as leptos::server_fn::ServerFn>::PATH,
];
