//! The customer's status page of a ticket.

use super::help::AnswerRow;
use crate::ticket::{TicketRef, TicketStatus};
use serde::{Deserialize, Serialize};

/// What the customer's status page of a ticket shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TicketStatusData {
    /// The ticket's reference.
    pub reference: TicketRef,
    /// The request type's name.
    pub form_title: String,
    /// Where the ticket is.
    pub status: TicketStatus,
    /// The day it was sent (UTC), as the page's language writes it: `29.11.2026`.
    pub sent_on: String,
    /// The answers.
    pub rows: Vec<AnswerRow>,
    /// The problem in the customer's words.
    pub description: String,
    /// The conversation after sending, oldest first.
    pub messages: Vec<MessageView>,
}

/// One entry of a ticket's conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    /// True when the customer wrote it (else the desk).
    pub from_customer: bool,
    /// The text, if any.
    pub body: Option<String>,
    /// The status the ticket moved to, if it did.
    pub new_status: Option<TicketStatus>,
    /// When, as the page's language writes it: `29.11.2026 klo 14.30 UTC`.
    pub at: String,
}
