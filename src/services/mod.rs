//! The services: the only door into the core for the pages, the JSON API, the form posts and
//! the server's jobs. One module per capability; each public operation takes the [`Caller`]
//! and checks its right in one place ([`Caller::require`]) before anything else, and answers
//! in the core's one error type ([`ServiceError`]), which knows its HTTP status and the Fluent
//! message that explains it. Nothing outside the core names the store or SQL.
//!
//! | module | what |
//! |---|---|
//! | [`catalogue`] | categories, a document's page, related and most helpful documents, votes |
//! | [`search`] | the results page, suggestions as you type, the JSON API's search; the search log |
//! | [`guided_form`] | request types, drafts, steps and their suggestions, solved by a suggestion |
//! | [`tickets`] | sending a draft as a ticket, the customer's status page and updates |
//! | [`outbox`] | the mail waiting to be delivered, for the delivery job |
//! | [`accounts`] | staff accounts, passwords, sign-in and sessions, the audit log |
//! | [`desk`] | the agents' queues and tickets, service-level clocks, alerts and the monthly report |
//! | [`webhooks`] | ticket events handed off to another desk, signed, from a persistent outbox |
//! | [`editing`] | the editors' workspace: drafts, revisions, publishing, translation status; analytics |
//!
//! The portal's own upkeep (open, import, export, reindex, purge) stays on [`Portal`]: only the
//! operator's command line and the server's jobs call it, never a request.

pub mod accounts;
mod analytics;
pub mod catalogue;
pub mod desk;
pub mod editing;
pub mod guided_form;
pub mod outbox;
pub mod search;
pub mod tickets;
mod tokens;
pub mod webhooks;

use crate::portal::PortalError;
use crate::staff::Role;
use crate::store::StoreError;

/// Who is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// Someone on the public pages or the JSON API: nobody is signed in.
    Customer,
    /// A signed-in member of staff, with their roles.
    Staff(accounts::StaffMember),
    /// The operator at the command line (`tuki user …`): may do what an admin may.
    Operator,
    /// The portal itself: the server's background jobs.
    System,
}

/// What a caller may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Right {
    /// Read published documents and search them; vote on them.
    ReadKnowledgeBase,
    /// Fill in guided forms, send tickets, follow a ticket with its status link.
    UseGuidedForms,
    /// Deliver the outbox's mail.
    DeliverMail,
    /// Create, change and disable staff accounts; read the audit log.
    ManageAccounts,
    /// Change the knowledge base: articles, solved cases, categories.
    EditContent,
    /// Work on tickets in the desk.
    WorkTickets,
}

impl Right {
    /// True for the rights only a signed-in member of staff can have.
    pub const fn is_staff_work(self) -> bool {
        matches!(self, Right::ManageAccounts | Right::EditContent | Right::WorkTickets)
    }
}

impl Caller {
    /// True when this caller has `right`.
    pub fn may(&self, right: Right) -> bool {
        match self {
            Caller::Customer => matches!(right, Right::ReadKnowledgeBase | Right::UseGuidedForms),
            Caller::Staff(member) => match right {
                Right::ReadKnowledgeBase | Right::UseGuidedForms => true,
                Right::DeliverMail => false,
                Right::ManageAccounts => member.has(Role::Admin),
                Right::EditContent => member.has(Role::Editor) || member.has(Role::Admin),
                Right::WorkTickets => member.has(Role::Agent),
            },
            Caller::Operator => right != Right::DeliverMail,
            Caller::System => matches!(right, Right::DeliverMail | Right::ReadKnowledgeBase | Right::UseGuidedForms),
        }
    }

    /// `Ok` when this caller has `right`; else [`ServiceError::NotSignedIn`] when signing in
    /// as staff could give it, [`ServiceError::Forbidden`] otherwise.
    pub fn require(&self, right: Right) -> Result<(), ServiceError> {
        if self.may(right) {
            Ok(())
        } else if *self == Caller::Customer && right.is_staff_work() {
            Err(ServiceError::NotSignedIn)
        } else {
            Err(ServiceError::Forbidden)
        }
    }
}

/// What a service answers when it does not do what was asked: the core's one error type.
/// Each kind has one HTTP status and one stable code, which is also the Fluent message id the
/// customer reads ([`ServiceError::code`], [`ServiceError::http_status`]).
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Nothing is there: no such document, form, draft, step or ticket (or a wrong token,
    /// which must look the same).
    #[error("not found")]
    NotFound,
    /// The draft has ended (solved, or sent as a ticket): its pages are gone.
    #[error("the draft has ended")]
    Finished,
    /// The caller may not do this.
    #[error("forbidden")]
    Forbidden,
    /// What was sent cannot be taken: the code says why.
    #[error("invalid input: {0}")]
    Invalid(&'static str),
    /// The e-mail address and password do not match an active account (the same answer for
    /// an unknown address, a wrong password and a disabled account).
    #[error("sign-in failed")]
    SignInFailed,
    /// Too many failed sign-ins for this account or from this address: wait a while.
    #[error("too many failed sign-ins")]
    SignInLocked,
    /// The caller is not signed in (or the session ended).
    #[error("not signed in")]
    NotSignedIn,
    /// Searching failed (the search threads, or the index).
    #[error("search failed: {0}")]
    Search(#[source] PortalError),
    /// The portal failed underneath: the database, the index.
    #[error(transparent)]
    Portal(#[from] PortalError),
    /// Something inside failed that is neither the database nor the index (hashing).
    #[error("{0}")]
    Internal(String),
}

impl From<StoreError> for ServiceError {
    fn from(error: StoreError) -> ServiceError {
        ServiceError::Portal(PortalError::Store(error))
    }
}

impl ServiceError {
    /// True when the same request may succeed later: the database is busy or read-only.
    pub fn is_transient(&self) -> bool {
        match self {
            ServiceError::Portal(error) | ServiceError::Search(error) => error.is_transient(),
            _ => false,
        }
    }

    /// The HTTP status that answers this error.
    pub fn http_status(&self) -> u16 {
        match self {
            ServiceError::NotFound | ServiceError::Finished => 404,
            ServiceError::Forbidden => 403,
            ServiceError::Invalid(_) => 400,
            ServiceError::SignInFailed | ServiceError::NotSignedIn => 401,
            ServiceError::SignInLocked => 429,
            ServiceError::Search(_) => 503,
            ServiceError::Portal(_) if self.is_transient() => 503,
            ServiceError::Portal(_) | ServiceError::Internal(_) => 500,
        }
    }

    /// The stable code, also the Fluent message id that explains the error to the customer.
    pub fn code(&self) -> &'static str {
        match self {
            ServiceError::NotFound | ServiceError::Finished => "error-not-found",
            ServiceError::Forbidden => "error-forbidden",
            ServiceError::Invalid(code) => code,
            ServiceError::SignInFailed => "error-sign-in-failed",
            ServiceError::SignInLocked => "error-sign-in-locked",
            ServiceError::NotSignedIn => "error-not-signed-in",
            ServiceError::Search(_) => "error-search-unavailable",
            ServiceError::Portal(_) | ServiceError::Internal(_) => "error-unavailable",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customer_may_read_and_use_forms_but_not_deliver_mail() {
        assert!(Caller::Customer.may(Right::ReadKnowledgeBase));
        assert!(Caller::Customer.may(Right::UseGuidedForms));
        assert!(matches!(Caller::Customer.require(Right::DeliverMail), Err(ServiceError::Forbidden)));
        assert!(Caller::System.require(Right::DeliverMail).is_ok());
    }

    #[test]
    fn a_customer_asking_for_staff_work_is_told_to_sign_in_and_staff_without_the_role_is_refused() {
        assert!(matches!(Caller::Customer.require(Right::EditContent), Err(ServiceError::NotSignedIn)));
        assert!(matches!(Caller::Customer.require(Right::ManageAccounts), Err(ServiceError::NotSignedIn)));
        assert!(matches!(staff(&[Role::Agent]).require(Right::EditContent), Err(ServiceError::Forbidden)));
        assert!(matches!(Caller::System.require(Right::EditContent), Err(ServiceError::Forbidden)));
    }

    fn staff(roles: &[Role]) -> Caller {
        Caller::Staff(accounts::StaffMember {
            id: crate::staff::StaffId(1),
            email: crate::email::Email::parse("a@b.fi").expect("address"),
            name: "A".into(),
            locale: crate::Locale::Fi,
            roles: roles.to_vec(),
            teams: Vec::new(),
        })
    }

    #[test]
    fn each_kind_of_caller_has_exactly_its_rights() {
        use Right::*;
        let rights = [ReadKnowledgeBase, UseGuidedForms, DeliverMail, ManageAccounts, EditContent, WorkTickets];
        let matrix: [(Caller, [bool; 6]); 7] = [
            (Caller::Customer, [true, true, false, false, false, false]),
            (staff(&[]), [true, true, false, false, false, false]),
            (staff(&[Role::Editor]), [true, true, false, false, true, false]),
            (staff(&[Role::Agent]), [true, true, false, false, false, true]),
            (staff(&[Role::Admin]), [true, true, false, true, true, false]),
            (Caller::Operator, [true, true, false, true, true, true]),
            (Caller::System, [true, true, true, false, false, false]),
        ];
        for (caller, expected) in matrix {
            for (right, may) in rights.into_iter().zip(expected) {
                assert_eq!(caller.may(right), may, "{caller:?} {right:?}");
            }
        }
    }

    #[test]
    fn every_error_has_a_status_and_a_translated_code() {
        let errors = [
            ServiceError::NotFound,
            ServiceError::Finished,
            ServiceError::Forbidden,
            ServiceError::Invalid("error-invalid-vote"),
            ServiceError::SignInFailed,
            ServiceError::SignInLocked,
            ServiceError::NotSignedIn,
            ServiceError::Portal(PortalError::SearchTask("x".into())),
            ServiceError::Search(PortalError::SearchTask("x".into())),
        ];
        for error in errors {
            assert!((400..600).contains(&error.http_status()), "{error}");
            for locale in crate::Locale::ALL {
                assert_ne!(crate::i18n::tr(locale, error.code()), error.code(), "{error} in {locale:?}");
            }
        }
    }
}
