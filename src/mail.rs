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
    let reference = || Value::from(reference.to_string());
    let subject = tr_args(locale, "mail-confirmation-subject", &[("reference", reference())]);
    let before =
        [tr(locale, "mail-greeting"), tr_args(locale, "mail-confirmation-body", &[("reference", reference())])];
    let after = [tr(locale, "mail-confirmation-private"), tr(locale, "mail-not-you"), tr(locale, "mail-signature")];
    compose(to, locale, subject, &before, (&tr(locale, "mail-confirmation-link"), link), &after)
}

/// The link that sets a new password for a member of staff who asked for one, in `locale`.
/// Like every mail, it holds nothing anyone typed into the request.
pub fn password_reset(to: &Email, locale: Locale, link: &str) -> OutgoingMail {
    let before = [tr(locale, "mail-greeting"), tr(locale, "mail-reset-body")];
    let after = [tr(locale, "mail-reset-not-you"), tr(locale, "mail-reset-signature")];
    compose(to, locale, tr(locale, "mail-reset-subject"), &before, (&tr(locale, "mail-reset-link"), link), &after)
}

/// The mail that tells a new member of staff their account exists, with the single-use link
/// that sets its password (valid 24 hours).
pub fn account_invitation(to: &Email, locale: Locale, link: &str) -> OutgoingMail {
    let before = [tr(locale, "mail-greeting"), tr(locale, "mail-invite-body")];
    let after = [tr(locale, "mail-invite-sign-in"), tr(locale, "mail-reset-signature")];
    compose(to, locale, tr(locale, "mail-invite-subject"), &before, (&tr(locale, "mail-invite-link"), link), &after)
}

/// The desk's public reply to a ticket, in the ticket's reply language. The body is what an
/// agent wrote (staff, not a stranger); the customer answers on the status page whose private
/// link came with the confirmation.
pub fn desk_reply(to: &Email, locale: Locale, reference: &TicketRef, body: &str, status_href: &str) -> OutgoingMail {
    let reference = || Value::from(reference.to_string());
    let subject = tr_args(locale, "mail-reply-subject", &[("reference", reference())]);
    let before = [tr(locale, "mail-greeting"), body.to_owned()];
    let after = [tr(locale, "mail-reply-private"), tr(locale, "mail-signature")];
    compose(to, locale, subject, &before, (&tr(locale, "mail-reply-answer"), status_href), &after)
}

/// A new ticket for a team, to the team's address, in `locale` (the desk's language).
pub fn team_new_ticket(
    to: &Email,
    locale: Locale,
    reference: &TicketRef,
    request_type: &str,
    link: &str,
) -> OutgoingMail {
    let args = || [("reference", Value::from(reference.to_string())), ("type", Value::from(request_type.to_owned()))];
    let subject = tr_args(locale, "mail-team-new-subject", &args());
    let before = [tr_args(locale, "mail-team-new-body", &args())];
    compose(to, locale, subject, &before, (&tr(locale, "mail-desk-open"), link), &[tr(locale, "mail-reset-signature")])
}

/// The customer answered on a ticket: to its agent, in the agent's language.
pub fn customer_answered(to: &Email, locale: Locale, reference: &TicketRef, link: &str) -> OutgoingMail {
    let reference = || Value::from(reference.to_string());
    let subject = tr_args(locale, "mail-answered-subject", &[("reference", reference())]);
    let before = [tr_args(locale, "mail-answered-body", &[("reference", reference())])];
    compose(to, locale, subject, &before, (&tr(locale, "mail-desk-open"), link), &[tr(locale, "mail-reset-signature")])
}

/// What a service-level alert is about.
#[derive(Clone, Copy, Debug)]
pub struct SlaAlert<'a> {
    /// The ticket.
    pub reference: &'a TicketRef,
    /// Which target.
    pub target: crate::sla::Target,
    /// A warning at a share of the budget, or the breach.
    pub kind: crate::sla::AlertKind,
    /// The target's due time as the recipient reads it.
    pub due: &'a str,
}

/// A service-level warning or breach, to the agent or team, in `locale`.
pub fn sla_alert(to: &Email, locale: Locale, alert: &SlaAlert<'_>, link: &str) -> OutgoingMail {
    let target = tr(locale, &format!("sla-target-{}", alert.target.code()));
    let mut args = vec![
        ("reference", Value::from(alert.reference.to_string())),
        ("target", Value::from(target)),
        ("due", Value::from(alert.due.to_owned())),
    ];
    let (subject, body) = match alert.kind {
        crate::sla::AlertKind::Warning(percent) => {
            args.push(("percent", Value::from(i64::from(percent))));
            ("mail-sla-warning-subject", "mail-sla-warning-body")
        }
        crate::sla::AlertKind::Breach => ("mail-sla-breach-subject", "mail-sla-breach-body"),
    };
    let subject = tr_args(locale, subject, &args);
    let before = [tr_args(locale, body, &args)];
    compose(to, locale, subject, &before, (&tr(locale, "mail-desk-open"), link), &[tr(locale, "mail-reset-signature")])
}

/// A mail of paragraphs with one link, as plain text and as HTML (every text escaped).
fn compose(
    to: &Email,
    locale: Locale,
    subject: String,
    before: &[String],
    (link_intro, link): (&str, &str),
    after: &[String],
) -> OutgoingMail {
    let text = format!("{}\n\n{link_intro}\n{link}\n\n{}\n", before.join("\n\n"), after.join("\n\n"));
    let paragraphs = |texts: &[String]| texts.iter().map(|t| format!("<p>{}</p>", escape(t))).collect::<String>();
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\
         {before}<p>{intro}<br><a href=\"{href}\">{href}</a></p>{after}</body></html>",
        lang = locale.code(),
        title = escape(&subject),
        before = paragraphs(before),
        intro = escape(link_intro),
        href = escape(link),
        after = paragraphs(after),
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

    #[test]
    fn a_reset_mail_has_its_link_in_both_parts_and_says_what_to_do_if_unasked() {
        let to = Email::parse("eeva@bank.fi").expect("address");
        let link = "https://tuki.example/sv/staff/password/abc";
        let mail = password_reset(&to, Locale::Sv, link);
        assert!(mail.text.contains(link) && mail.html.contains(link));
        assert!(mail.text.contains("ditt lösenord förblir detsamma"));
        assert_ne!(mail.subject, password_reset(&to, Locale::Fi, link).subject);
    }
}
