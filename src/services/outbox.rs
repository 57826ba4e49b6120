//! The mail waiting to be delivered, for the server's delivery job: what is due, and what to
//! do after an attempt (sent; retried later with a growing pause; or abandoned when refused
//! for good or undeliverable for [`GIVE_UP_AFTER`]). The transport itself is the server's.

use super::{Caller, Right, ServiceError};
use crate::Portal;
use crate::mail::QueuedMail;

/// A mail not delivered this long after it was queued is abandoned (milliseconds).
pub const GIVE_UP_AFTER: i64 = 3 * 24 * 3600 * 1000;
/// Longest pause between two attempts (milliseconds).
const LONGEST_PAUSE: i64 = 3_600_000;

/// The outbox service ([`Portal::outbox`]).
#[derive(Clone, Copy, Debug)]
pub struct Outbox<'a> {
    portal: &'a Portal,
}

/// How one delivery attempt went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Delivered (to this place: a file, a relay).
    Delivered(String),
    /// Failed for now; worth trying again.
    Failed(String),
    /// Refused for good (a 5xx answer).
    Refused(String),
}

/// What became of a mail after an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailFate {
    /// Sent.
    Sent,
    /// To be tried again later.
    Retried,
    /// Given up.
    Abandoned,
}

impl Portal {
    /// The outbox service.
    pub fn outbox(&self) -> Outbox<'_> {
        Outbox { portal: self }
    }
}

impl Outbox<'_> {
    /// Up to `limit` mails whose next attempt is due now, oldest first.
    pub async fn due(&self, caller: &Caller, limit: i64) -> Result<Vec<QueuedMail>, ServiceError> {
        caller.require(Right::DeliverMail)?;
        Ok(self.portal.store().due_mail(self.portal.store().now().millis(), limit).await?)
    }

    /// Records how an attempt to deliver `mail` went, and decides its fate: a failure is
    /// retried after 2 s, 4 s, 8 s … up to an hour, until [`GIVE_UP_AFTER`].
    pub async fn record(
        &self,
        caller: &Caller,
        mail: &QueuedMail,
        attempt: &Attempt,
    ) -> Result<MailFate, ServiceError> {
        caller.require(Right::DeliverMail)?;
        let store = self.portal.store();
        let now = store.now().millis();
        Ok(match attempt {
            Attempt::Delivered(_) => {
                store.mark_mail_sent(mail.id, now).await?;
                MailFate::Sent
            }
            Attempt::Refused(error) => {
                store.abandon_mail(mail.id, error, now).await?;
                MailFate::Abandoned
            }
            Attempt::Failed(error) if now - mail.created_at > GIVE_UP_AFTER => {
                store.abandon_mail(mail.id, error, now).await?;
                MailFate::Abandoned
            }
            Attempt::Failed(error) => {
                let pause = (1000_i64 << (mail.attempts + 1).clamp(1, 12)).min(LONGEST_PAUSE);
                store.mark_mail_failed(mail.id, error, now + pause).await?;
                MailFate::Retried
            }
        })
    }

    /// How many mails wait to be delivered (not sent, not abandoned).
    pub async fn undelivered(&self, caller: &Caller) -> Result<i64, ServiceError> {
        caller.require(Right::DeliverMail)?;
        Ok(self.portal.store().undelivered_mail_count().await?)
    }
}
