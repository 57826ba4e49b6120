//! What the agents' desk shows: the queues with their counts, a queue's lines with the time
//! left to the next service-level target, and one ticket with its history, clocks (and why each
//! falls due when it does) and the actions open to the agent.

use crate::Locale;
use crate::forms::{Priority, RequestKind};
use crate::sla::Holiday;
use crate::ticket::{TicketRef, TicketStatus};
use crate::views::help::AnswerRow;
use serde::{Deserialize, Serialize};

/// The queue key of the tickets assigned to the viewer.
pub const MINE: &str = "mine";

/// The queue page's choices, as its filter form sends them (all optional).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueQuery {
    /// `mine`, or a team's slug; the first team of the agent when absent.
    pub queue: Option<String>,
    /// Only this status.
    pub status: Option<TicketStatus>,
    /// Only this priority.
    pub priority: Option<Priority>,
    /// Only replies in this language.
    pub locale: Option<Locale>,
    /// The page, from 1.
    pub page: usize,
}

/// A queue the agent can open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueTab {
    /// `mine` or the team's slug.
    pub key: String,
    /// The team's name; empty for `mine` (the page names it).
    pub name: String,
    /// Its active tickets.
    pub count: i64,
    /// True for the queue shown.
    pub selected: bool,
}

/// How close a running target is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DueLevel {
    /// Less than the first warning share of the budget used.
    Calm,
    /// Past the first warning share.
    Warning,
    /// Past the last warning share.
    Urgent,
    /// Past due.
    Overdue,
}

/// The next target of a ticket in a queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DueCell {
    /// A clock runs.
    Running {
        /// The due time, in the agent's language and the team's time zone.
        due: String,
        /// Business minutes left; negative: minutes (wall clock) past due.
        left_minutes: i64,
        /// How close.
        level: DueLevel,
    },
    /// The clocks stand still (waiting on the customer).
    Paused,
}

/// A line of a queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueLine {
    /// The reference.
    pub reference: TicketRef,
    /// The request type's title in the agent's language.
    pub request_type: String,
    /// The first words of the description.
    pub subject: String,
    /// Incident or service request.
    pub kind: RequestKind,
    /// How urgent.
    pub priority: Priority,
    /// Where it is.
    pub status: TicketStatus,
    /// The customer's language.
    pub locale: Locale,
    /// Minutes since it was sent.
    pub age_minutes: i64,
    /// The next target.
    pub due: DueCell,
    /// Who has it.
    pub assignee: Option<String>,
}

/// The queue page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskQueueData {
    /// The agent's queues.
    pub tabs: Vec<QueueTab>,
    /// The lines of the page.
    pub lines: Vec<QueueLine>,
    /// The choices shown.
    pub query: QueueQuery,
    /// Lines matching the filters.
    pub total: i64,
    /// True when a next page exists.
    pub has_next: bool,
}

/// A document the customer was shown before sending.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownDocument {
    /// Its title (in the customer's language when it has one).
    pub title: String,
    /// Its address on the portal.
    pub href: String,
    /// True when the customer opened it.
    pub opened: bool,
}

/// An entry of the ticket's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryLine {
    /// The staff member; `None`: the customer.
    pub staff: Option<String>,
    /// The message or note.
    pub body: Option<String>,
    /// True for an internal note.
    pub internal: bool,
    /// The status the ticket moved to.
    pub new_status: Option<TicketStatus>,
    /// Another change: its code (`assigned`, `team`, `priority`, `merged`) and new value as
    /// shown (a name, not an id).
    pub event: Option<(String, String)>,
    /// When, in the agent's language.
    pub at: String,
}

/// Why a target falls due when it does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueWhy {
    /// When the clock started.
    pub start: String,
    /// The business time allowed, in hours and minutes.
    pub budget_minutes: u32,
    /// The team's hours and zone, as written (`Europe/Helsinki`).
    pub zone: String,
    /// Pauses: from, until (`None`: still waiting).
    pub pauses: Vec<(String, Option<String>)>,
    /// Holidays skipped: the date and which.
    pub holidays: Vec<(String, Holiday)>,
    /// The desk's own closed days skipped.
    pub closed: Vec<String>,
    /// Days without opening hours skipped.
    pub days_without_hours: u32,
}

/// One of a ticket's two clocks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockLine {
    /// `first-response` or `resolution` (the Fluent id's suffix).
    pub target: String,
    /// `running`, `paused`, `met` or `missed`.
    pub state: String,
    /// The due time, when known.
    pub due: Option<String>,
    /// When it was reached, if it was.
    pub reached: Option<String>,
    /// How close, while it runs.
    pub level: Option<DueLevel>,
    /// Why it falls due then.
    pub why: DueWhy,
}

/// A reply template, its placeholders filled in for this ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateChoice {
    /// Its id.
    pub id: i64,
    /// What the agent picks it by.
    pub title: String,
    /// The text, ready to edit.
    pub body: String,
}

/// The ticket page of the desk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskTicketData {
    /// The reference.
    pub reference: TicketRef,
    /// The request type's title in the agent's language.
    pub request_type: String,
    /// Incident or service request.
    pub kind: RequestKind,
    /// How urgent.
    pub priority: Priority,
    /// Where it is.
    pub status: TicketStatus,
    /// The statuses it may move to.
    pub next_statuses: Vec<TicketStatus>,
    /// The team's slug.
    pub team: String,
    /// The teams it may move to: slug and name.
    pub teams: Vec<(String, String)>,
    /// The team's agents: id and name.
    pub agents: Vec<(i64, String)>,
    /// Who has it.
    pub assignee: Option<i64>,
    /// True when the viewer has it.
    pub mine: bool,
    /// The customer's answers, labelled in the agent's language.
    pub answers: Vec<AnswerRow>,
    /// The problem in the customer's words.
    pub description: String,
    /// The customer's name.
    pub contact_name: String,
    /// The customer's address.
    pub contact_email: String,
    /// The customer's telephone number.
    pub contact_phone: Option<String>,
    /// The language replies go in.
    pub reply_locale: Locale,
    /// When it was sent.
    pub sent: String,
    /// What the customer was shown, and opened, before sending.
    pub shown: Vec<ShownDocument>,
    /// The history, oldest first.
    pub history: Vec<HistoryLine>,
    /// The two clocks.
    pub clocks: Vec<ClockLine>,
    /// Reply templates of the team in the reply language.
    pub templates: Vec<TemplateChoice>,
    /// The ticket this one was merged into.
    pub merged_into: Option<TicketRef>,
}
