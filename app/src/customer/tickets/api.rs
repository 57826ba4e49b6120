//! The ticket status page's server function. The customer's update is a plain form post
//! (`tuki-server`'s `http::tickets`), like the guided forms' posts.

// The `#[server]` macro generates argument structs whose fields cannot carry doc comments.
#![allow(missing_docs)]

use leptos::prelude::*;
use tuki::views::ticket::TicketStatusData;

/// A ticket for whoever holds its status link; `None` for an unknown ticket or a wrong token.
#[server]
pub async fn ticket_status(
    locale: String,
    reference: String,
    token: String,
) -> Result<Option<TicketStatusData>, ServerFnError> {
    use crate::shared::server::*;
    let locale = parse_locale(&locale)?;
    let Some(reference) = tuki::ticket::TicketRef::parse(&reference) else { return Ok(None) };
    found(portal()?.tickets().status_page(&caller(), locale, &reference, &token).await)
}
