//! Mail to customers: composed from Fluent templates in the customer's language (plain text
//! and HTML), kept in the database's outbox, and delivered from there (see [`Outbox`]).

use crate::Locale;
use crate::email::Email;
use crate::html::escape;
use crate::i18n::{Value, tr, tr_args};
use crate::ticket::TicketRef;

/// A composed mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    /// The recipient's address.
    pub to: Email,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
    /// The HTML body.
    pub html: String,
}

/// The confirmation of a new ticket, in `locale`.
///
/// Anyone can type anyone's address into the contact page, so the mail holds nothing the
/// sender wrote (not even the name they gave): a stranger cannot make the portal send their
/// words from the bank's address. It says what to do when the recipient sent nothing.
pub fn ticket_confirmation(to: &Email, locale: Locale, reference: &TicketRef, link: &str) -> OutgoingMail {
    let subject = tr_args(locale, "mail-confirmation-subject", &[("reference", Value::from(reference.to_string()))]);
    let greeting = tr(locale, "mail-greeting");
    let body = tr_args(locale, "mail-confirmation-body", &[("reference", Value::from(reference.to_string()))]);
    let link_intro = tr(locale, "mail-confirmation-link");
    let keep_private = tr(locale, "mail-confirmation-private");
    let not_you = tr(locale, "mail-not-you");
    let signature = tr(locale, "mail-signature");
    let text = format!("{greeting}\n\n{body}\n\n{link_intro}\n{link}\n\n{keep_private}\n\n{not_you}\n\n{signature}\n");
    let e = escape;
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{subject}</title></head><body>\
         <p>{greeting}</p><p>{body}</p><p>{link_intro}<br><a href=\"{href}\">{href}</a></p><p>{keep_private}</p>\
         <p>{not_you}</p><p>{signature}</p></body></html>",
        lang = locale.code(),
        subject = e(&subject),
        greeting = e(&greeting),
        body = e(&body),
        link_intro = e(&link_intro),
        href = e(link),
        keep_private = e(&keep_private),
        not_you = e(&not_you),
        signature = e(&signature),
    );
    OutgoingMail { to: to.clone(), subject, text, html }
}

/// A mail in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuedMail {
    /// Outbox id.
    pub id: i64,
    /// The mail.
    pub mail: OutgoingMail,
    /// When it was queued (milliseconds since the epoch).
    pub created_at: i64,
    /// How many deliveries failed so far.
    pub attempts: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_is_in_the_customers_language_with_the_link_in_both_parts() {
        let reference = TicketRef::new(2026, 1);
        let link = crate::paths::ticket_status_link("https://tuki.example/", Locale::Sv, &reference, "abc");
        assert_eq!(link, "https://tuki.example/sv/tickets/TK-2026-000001?token=abc");
        let to = Email::parse("a@example.se").expect("address");
        let mail = ticket_confirmation(&to, Locale::Sv, &reference, &link);
        assert!(mail.subject.contains("TK-2026-000001"));
        assert!(mail.text.contains(&link) && mail.html.contains(&link));
        assert!(mail.text.contains("bankkoder"), "says what to do when the recipient sent nothing");
        assert_ne!(mail.text, ticket_confirmation(&to, Locale::Fi, &reference, &link).text);
    }
}
