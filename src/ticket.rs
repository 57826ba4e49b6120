//! The ticket vocabulary: a draft's id ([`DraftId`]), a ticket's reference ([`TicketRef`]) and
//! status ([`TicketStatus`]) with the moves between statuses. Parsed once at the edge; past it
//! nothing travels as a bare string. Pure and wasm-safe (the status page receives them).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The id of a guided form's draft: 32 lowercase hexadecimal digits (a random UUID).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DraftId(String);

impl DraftId {
    /// Reads a draft id; `None` for anything but 32 hexadecimal digits.
    pub fn parse(text: &str) -> Option<DraftId> {
        (text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit())).then(|| DraftId(text.to_ascii_lowercase()))
    }

    /// A new random id.
    #[cfg(feature = "server")]
    pub fn random() -> DraftId {
        DraftId(uuid::Uuid::new_v4().simple().to_string())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DraftId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for DraftId {
    type Error = String;

    fn try_from(text: String) -> Result<DraftId, String> {
        DraftId::parse(&text).ok_or_else(|| format!("not a draft id: {text:?}"))
    }
}

impl From<DraftId> for String {
    fn from(id: DraftId) -> String {
        id.0
    }
}

/// A ticket's reference as customers and agents quote it: `TK-2026-000123` (the year it was
/// sent and its number in that year, at least six digits).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TicketRef(String);

impl TicketRef {
    /// The reference of ticket `number` of `year`.
    pub fn new(year: i64, number: i64) -> TicketRef {
        TicketRef(format!("TK-{year}-{number:06}"))
    }

    /// Reads a reference; `None` for anything not shaped like one.
    pub fn parse(text: &str) -> Option<TicketRef> {
        let rest = text.strip_prefix("TK-")?;
        let (year, number) = rest.split_once('-')?;
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        (year.len() == 4 && digits(year) && (6..=12).contains(&number.len()) && digits(number))
            .then(|| TicketRef(text.to_owned()))
    }

    /// The reference as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TicketRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for TicketRef {
    type Error = String;

    fn try_from(text: String) -> Result<TicketRef, String> {
        TicketRef::parse(&text).ok_or_else(|| format!("not a ticket reference: {text:?}"))
    }
}

impl From<TicketRef> for String {
    fn from(reference: TicketRef) -> String {
        reference.0
    }
}

/// Where a ticket is in its life. The codes are stored and are the Fluent ids' suffixes
/// (`ticket-status-open`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TicketStatus {
    /// Sent; nobody has looked at it yet.
    New,
    /// The desk is working on it.
    Open,
    /// The desk waits for the customer's answer.
    Waiting,
    /// Solved; the customer may still reopen it.
    Resolved,
    /// Done for good.
    Closed,
}

impl TicketStatus {
    /// Every status, in the order of a ticket's life.
    pub const ALL: [TicketStatus; 5] =
        [TicketStatus::New, TicketStatus::Open, TicketStatus::Waiting, TicketStatus::Resolved, TicketStatus::Closed];

    /// The stored code: `new`, `open`, `waiting`, `resolved` or `closed`.
    pub const fn code(self) -> &'static str {
        match self {
            TicketStatus::New => "new",
            TicketStatus::Open => "open",
            TicketStatus::Waiting => "waiting",
            TicketStatus::Resolved => "resolved",
            TicketStatus::Closed => "closed",
        }
    }

    /// True when the customer sees the matter as finished (no "mark solved" any more).
    pub const fn is_finished(self) -> bool {
        matches!(self, TicketStatus::Resolved | TicketStatus::Closed)
    }

    /// True when a ticket may move from this status to `to`: forwards through its life,
    /// back to open while the desk and the customer talk, and reopened after being solved.
    /// A closed ticket stays closed (a new matter is a new ticket).
    pub const fn may_move_to(self, to: TicketStatus) -> bool {
        use TicketStatus::{Closed, New, Open, Resolved, Waiting};
        matches!(
            (self, to),
            (New, Open | Waiting | Resolved | Closed)
                | (Open, Waiting | Resolved | Closed)
                | (Waiting, Open | Resolved | Closed)
                | (Resolved, Open | Closed)
        )
    }

    /// The status after the customer writes to the ticket: information from the customer puts
    /// a ticket waiting for it (or already solved) back on the desk's list. `None`: unchanged.
    pub const fn after_customer_message(self) -> Option<TicketStatus> {
        match self {
            TicketStatus::Waiting | TicketStatus::Resolved => Some(TicketStatus::Open),
            _ => None,
        }
    }
}

impl fmt::Display for TicketStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for TicketStatus {
    type Err = String;

    fn from_str(code: &str) -> Result<TicketStatus, String> {
        TicketStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or_else(|| format!("unknown ticket status {code:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_have_the_year_and_at_least_six_digits_and_read_back() {
        assert_eq!(TicketRef::new(2026, 123).as_str(), "TK-2026-000123");
        assert_eq!(TicketRef::new(2026, 1_234_567).as_str(), "TK-2026-1234567");
        assert_eq!(TicketRef::parse("TK-2026-000123"), Some(TicketRef::new(2026, 123)));
        for bad in ["", "TK-2026-123", "tk-2026-000123", "TK-26-000123", "TK-2026-00012a", "TK-2026-000123\n"] {
            assert_eq!(TicketRef::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn draft_ids_are_32_hexadecimal_digits() {
        assert!(DraftId::parse(&"a".repeat(32)).is_some());
        assert_eq!(DraftId::parse(&"A".repeat(32)).map(String::from), Some("a".repeat(32)));
        for bad in ["", "abc", &"g".repeat(32), &"a".repeat(33), "../../../../../../etc/passwd00000"] {
            assert_eq!(DraftId::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn every_status_reads_back_from_its_code_and_a_closed_ticket_stays_closed() {
        for status in TicketStatus::ALL {
            assert_eq!(status.code().parse::<TicketStatus>(), Ok(status));
            assert!(!status.may_move_to(status), "{status} to itself is no move");
            assert!(!TicketStatus::Closed.may_move_to(status));
        }
        assert!(TicketStatus::Resolved.may_move_to(TicketStatus::Open), "reopen");
        assert!(!TicketStatus::Open.may_move_to(TicketStatus::New));
        assert!("solved".parse::<TicketStatus>().is_err());
    }

    #[test]
    fn a_customer_message_reopens_a_waiting_or_solved_ticket_only() {
        assert_eq!(TicketStatus::Waiting.after_customer_message(), Some(TicketStatus::Open));
        assert_eq!(TicketStatus::Resolved.after_customer_message(), Some(TicketStatus::Open));
        assert_eq!(TicketStatus::New.after_customer_message(), None);
        assert_eq!(TicketStatus::Open.after_customer_message(), None);
        assert_eq!(TicketStatus::Closed.after_customer_message(), None);
        for status in TicketStatus::ALL {
            if let Some(next) = status.after_customer_message() {
                assert!(status.may_move_to(next));
            }
        }
    }
}
