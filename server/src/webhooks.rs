//! `tuki webhook …` (endpoints, as the operator) and the delivery of the webhook outbox: each
//! event posted as JSON with its HMAC-SHA256 signature, its name and its delivery id in the
//! headers; the outcome recorded by the core's webhooks service (retry with back-off, or
//! abandon).

use crate::cli::WebhookAction;
use std::time::Duration;
use tuki::Portal;
use tuki::services::Caller;
use tuki::services::webhooks::{Attempt, DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, sign};

/// Runs one `tuki webhook` command.
pub async fn run(portal: &Portal, action: WebhookAction) -> anyhow::Result<()> {
    let webhooks = portal.webhooks();
    let explained = |e: tuki::services::ServiceError| anyhow::anyhow!("{}", tuki::i18n::tr(tuki::Locale::En, e.code()));
    match action {
        WebhookAction::Add { url } => {
            let (id, secret) = webhooks.add(&Caller::Operator, &url).await.map_err(explained)?;
            println!("endpoint {id} added: {url}");
            println!("its secret (shown only now; the receiver checks {SIGNATURE_HEADER} with it):");
            println!("{secret}");
        }
        WebhookAction::List => {
            for endpoint in webhooks.list(&Caller::Operator).await.map_err(explained)? {
                let state = if endpoint.active { "active" } else { "removed" };
                println!("{}\t{state}\t{} waiting\t{}", endpoint.id, endpoint.waiting, endpoint.url);
            }
        }
        WebhookAction::Remove { id } => {
            webhooks.remove(&Caller::Operator, id).await.map_err(explained)?;
            println!("endpoint {id} removed");
        }
    }
    Ok(())
}

/// Delivers the webhook deliveries that are due; how many were delivered.
pub async fn deliver_due(portal: &Portal, client: &reqwest::Client) -> anyhow::Result<usize> {
    let webhooks = portal.webhooks();
    let mut delivered = 0;
    for webhook in webhooks.due(&Caller::System, 20).await? {
        let response = client
            .post(&webhook.url)
            .header("content-type", "application/json")
            .header(SIGNATURE_HEADER, sign(&webhook.secret, webhook.payload.as_bytes()))
            .header(EVENT_HEADER, &webhook.event)
            .header(DELIVERY_HEADER, webhook.id.to_string())
            .body(webhook.payload.clone())
            .send()
            .await;
        let attempt = match response {
            Ok(r) if r.status().is_success() => Attempt::Delivered,
            Ok(r) if r.status().is_server_error() || matches!(r.status().as_u16(), 408 | 429) => {
                Attempt::Failed(format!("HTTP {}", r.status()))
            }
            Ok(r) => Attempt::Refused(format!("HTTP {}", r.status())),
            Err(e) => Attempt::Failed(e.to_string()),
        };
        if attempt == Attempt::Delivered {
            delivered += 1;
        }
        webhooks.record(&Caller::System, &webhook, &attempt).await?;
    }
    Ok(delivered)
}

/// The HTTP client of the deliveries: ten seconds per attempt, no redirects (a signed body is
/// not forwarded elsewhere).
pub fn client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Tuki/", env!("CARGO_PKG_VERSION")))
        .build()?)
}
