//! Delivers the outbox: through an SMTP relay when `TUKI_SMTP_URL` is set, otherwise as `.eml`
//! files in `$TUKI_DATA_DIR/outbox/`, where a developer or a test opens them. A failed delivery
//! is retried with a growing pause; a mail the relay refuses for good (5xx) or that could not be
//! delivered for three days is abandoned and logged (the policy is the core's outbox service).
//! The customer's request never waits.

use crate::smtp::{SmtpClient, SmtpError};
use lettre::Message;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tuki::Portal;
use tuki::mail::QueuedMail;
use tuki::services::Caller;
use tuki::services::outbox::{Attempt, MailFate};

/// The sender of the portal's mail when `TUKI_MAIL_FROM` is not set.
pub const DEFAULT_FROM: &str = "Tuki <no-reply@tuki.invalid>";

/// Where mail goes.
#[derive(Clone, Debug)]
pub enum Delivery {
    /// `.eml` files in this folder.
    Folder(PathBuf),
    /// An SMTP relay.
    Smtp(SmtpClient),
}

/// The mailer's configuration.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// The `From:` mailbox, e.g. `Tuki <no-reply@bank.fi>`.
    pub from: String,
    /// Where mail goes.
    pub delivery: Delivery,
}

impl MailConfig {
    /// Mail from [`DEFAULT_FROM`] as `.eml` files in the outbox folder of `data_dir`.
    pub fn folder(data_dir: &Path) -> MailConfig {
        MailConfig { from: DEFAULT_FROM.to_owned(), delivery: Delivery::Folder(outbox_dir(data_dir)) }
    }
}

/// The outbox folder of a data directory.
pub fn outbox_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("outbox")
}

fn write_eml(dir: &Path, queued: &QueuedMail, from: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{:08}.eml", queued.id));
    // Written under a temporary name and renamed: a reader never sees half a mail.
    let temporary = dir.join(format!(".{:08}.eml.tmp", queued.id));
    let message = message(queued, from).map_err(std::io::Error::other)?;
    std::fs::write(&temporary, message.formatted())?;
    std::fs::rename(&temporary, &path)?;
    Ok(path)
}

/// The mail as a MIME message (lettre's builder): multipart/alternative, the plain text and
/// the HTML in UTF-8, each base64-encoded; dated when it was queued, with a Message-ID made
/// from its outbox row.
pub fn message(queued: &QueuedMail, from: &str) -> Result<Message, SmtpError> {
    use lettre::message::header::{ContentTransferEncoding, ContentType};
    use lettre::message::{Mailbox, MultiPart, SinglePart};
    let mail = &queued.mail;
    let mailbox = |text: &str| -> Result<Mailbox, SmtpError> {
        text.parse().map_err(|e| SmtpError::Message(format!("{text:?} is not a mailbox: {e}")))
    };
    let part = |kind: ContentType, body: &str| {
        SinglePart::builder().header(kind).header(ContentTransferEncoding::Base64).body(body.to_owned())
    };
    let queued_at = std::time::UNIX_EPOCH + Duration::from_millis(u64::try_from(queued.created_at).unwrap_or(0));
    Message::builder()
        .from(mailbox(from)?)
        .to(mailbox(mail.to.as_str())?)
        .subject(mail.subject.as_str())
        .date(queued_at)
        .message_id(Some(format!("<outbox-{}-{}@tuki>", queued.id, queued.created_at)))
        .multipart(
            MultiPart::alternative()
                .singlepart(part(ContentType::TEXT_PLAIN, &mail.text))
                .singlepart(part(ContentType::TEXT_HTML, &mail.html)),
        )
        .map_err(|e| SmtpError::Message(e.to_string()))
}

/// Delivers every mail that is due; returns how many were delivered.
pub async fn deliver_due(portal: &Portal, config: &MailConfig) -> anyhow::Result<usize> {
    let outbox = portal.outbox();
    let due = outbox.due(&Caller::System, 50).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let attempts = match &config.delivery {
        Delivery::Folder(dir) => write_all(dir, &due, &config.from).await,
        Delivery::Smtp(client) => send_all(client, &due, &config.from).await,
    };
    let mut delivered = 0;
    for (queued, attempt) in due.iter().zip(attempts) {
        let fate = outbox.record(&Caller::System, queued, &attempt).await?;
        match (&attempt, fate) {
            (Attempt::Delivered(to), _) => {
                tracing::info!(id = queued.id, to = %to, "mail delivered");
                delivered += 1;
            }
            (Attempt::Refused(error), _) => tracing::error!(id = queued.id, %error, "mail refused for good; abandoned"),
            (Attempt::Failed(error), MailFate::Abandoned) => {
                tracing::error!(id = queued.id, %error, "mail undeliverable for three days; abandoned");
            }
            (Attempt::Failed(error), _) => tracing::warn!(id = queued.id, %error, "mail delivery failed; will retry"),
        }
    }
    Ok(delivered)
}

async fn write_all(dir: &Path, due: &[QueuedMail], from: &str) -> Vec<Attempt> {
    let (dir, mails, from) = (dir.to_owned(), due.to_vec(), from.to_owned());
    let written = tokio::task::spawn_blocking(move || {
        mails
            .iter()
            .map(|queued| match write_eml(&dir, queued, &from) {
                Ok(path) => Attempt::Delivered(path.display().to_string()),
                Err(error) => Attempt::Failed(error.to_string()),
            })
            .collect::<Vec<_>>()
    })
    .await;
    written.unwrap_or_else(|error| due.iter().map(|_| Attempt::Failed(error.to_string())).collect())
}

async fn send_all(client: &SmtpClient, due: &[QueuedMail], from: &str) -> Vec<Attempt> {
    let mut attempts = Vec::with_capacity(due.len());
    for queued in due {
        let sent = match message(queued, from) {
            Ok(message) => client.send(message).await,
            Err(error) => Err(error),
        };
        attempts.push(match sent {
            Ok(()) => Attempt::Delivered(format!("smtp {}:{}", client.url().host, client.url().port)),
            Err(error) if error.is_permanent() => Attempt::Refused(error.to_string()),
            Err(error) => Attempt::Failed(error.to_string()),
        });
    }
    attempts
}
