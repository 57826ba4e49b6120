//! Delivers the outbox. Without `TUKI_SMTP_URL` (the only way for now) each mail is written as
//! an `.eml` file to `$TUKI_DATA_DIR/outbox/`, where a developer or a test opens it. A failed
//! delivery is retried with a growing pause; the customer's request never waits for it.

use std::path::{Path, PathBuf};
use std::time::Duration;
use tuki::Portal;
use tuki::mail::{QueuedMail, to_eml};

/// Sender address of the portal's mail.
pub const FROM: &str = "Tuki <no-reply@tuki.invalid>";
/// How often the outbox is looked at.
const POLL: Duration = Duration::from_millis(500);

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Where `.eml` files go.
pub fn outbox_dir(portal: &Portal) -> PathBuf {
    portal.config().data_dir.join("outbox")
}

fn write_eml(dir: &Path, queued: &QueuedMail) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{:08}.eml", queued.id));
    // Written under a temporary name and renamed: a reader never sees half a mail.
    let temporary = dir.join(format!(".{:08}.eml.tmp", queued.id));
    std::fs::write(&temporary, to_eml(queued, FROM))?;
    std::fs::rename(&temporary, &path)?;
    Ok(path)
}

/// Delivers every mail that is due; returns how many were delivered.
pub async fn deliver_due(portal: &Portal) -> anyhow::Result<usize> {
    let store = portal.store();
    let dir = outbox_dir(portal);
    let mut delivered = 0;
    for queued in store.due_mail(now_millis(), 50).await? {
        let (folder, mail) = (dir.clone(), queued.clone());
        let written = tokio::task::spawn_blocking(move || write_eml(&folder, &mail))
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e.to_string())));
        match written {
            Ok(path) => {
                store.mark_mail_sent(queued.id, now_millis()).await?;
                tracing::info!(id = queued.id, path = %path.display(), "mail written to the outbox folder");
                delivered += 1;
            }
            Err(error) => {
                // 2 s, 4 s, 8 s … up to an hour.
                let pause = 1000_i64 << queued.attempts.clamp(1, 11);
                store.mark_mail_failed(queued.id, &error.to_string(), now_millis() + pause.min(3_600_000)).await?;
                tracing::warn!(id = queued.id, %error, "mail delivery failed; will retry");
            }
        }
    }
    Ok(delivered)
}

/// Delivers the outbox until `stop` resolves.
pub async fn run(portal: Portal, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        if let Err(error) = deliver_due(&portal).await {
            tracing::warn!(%error, "cannot read the outbox");
        }
        tokio::select! {
            _ = tokio::time::sleep(POLL) => {}
            _ = stop.changed() => return,
        }
    }
}
