//! The customer's status page of a ticket.

pub mod api;
mod status_page;

pub use status_page::TicketStatusPage;
