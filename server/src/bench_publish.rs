//! `tuki bench-publish`: how long an editor's publish takes until search finds the new text,
//! on a knowledge base of the demo content and `documents` synthetic ones (SQLite, local
//! index, the release build). Each round saves a draft with a new word, publishes it, and
//! searches for the word at once; the figure is the time from the publish until the search
//! finds it. The target (issue 13): every publish searchable within a second.

use crate::bench::{percentile, synthetic_corpus};
use std::time::{Duration, Instant};
use tuki::content::bundle::Bundle;
use tuki::content::demo::demo_bundle;
use tuki::content::{ChangeSize, DocRef};
use tuki::search::SearchRequest;
use tuki::services::Caller;
use tuki::services::accounts::NewAccount;
use tuki::services::editing::Edit;
use tuki::staff::Role;
use tuki::{Locale, Portal, PortalConfig};

/// The target: publish to searchable.
const TARGET: Duration = Duration::from_secs(1);

/// Runs `rounds` publishes on a portal of the demo content and `documents` synthetic ones.
pub async fn run(documents: usize, rounds: usize) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let config = PortalConfig::new(dir.path().join("data"), None);
    let portal = Portal::open(config).await?;
    let mut bundle: Bundle = demo_bundle()?;
    bundle.documents.extend(synthetic_corpus(documents)?);
    let started = Instant::now();
    portal.import(&bundle).await?;
    println!(
        "knowledge base: {} documents imported and indexed in {:.1} s",
        bundle.documents.len(),
        started.elapsed().as_secs_f64()
    );
    let new =
        NewAccount { email: "bench@bank.fi", name: "Bench", locale: Locale::Fi, roles: &[Role::Editor], teams: &[] };
    let (member, _) = portal.accounts().add(&Caller::Operator, new).await?;
    let editor = Caller::Staff(member);
    let document = DocRef::parse("article/card-lost-or-stolen").ok_or_else(|| anyhow::anyhow!("no demo article"))?;
    let editing = portal.editing();
    let mut latencies = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let word = format!("julkaisutesti{round}x");
        let body = format!("Sulje kortti heti.\n\n{word} on tämän kierroksen sana.");
        let edit = Edit {
            title: "Kortti kadonnut",
            summary: "",
            body: &body,
            tags: "kortti",
            questions: "",
            change: ChangeSize::Minor,
            note: "",
        };
        editing.save(&editor, &document, Locale::Fi, &edit).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        let published = Instant::now();
        editing.publish(&editor, &document, Locale::Fi).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        loop {
            let request = SearchRequest {
                text: word.clone(),
                locale: Locale::Fi,
                limit: 3,
                offset: 0,
                category: None,
                kind: None,
            };
            let results = portal.search(request).await?;
            if results.hits.iter().any(|hit| hit.slug == "card-lost-or-stolen") {
                break;
            }
            anyhow::ensure!(published.elapsed() < Duration::from_secs(10), "round {round}: not searchable after 10 s");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        latencies.push(published.elapsed());
    }
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let worst = latencies.last().copied().unwrap_or_default();
    println!(
        "publish → searchable over {rounds} rounds: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (target: every one within {} ms: {})",
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 95.0)),
        ms(worst),
        TARGET.as_millis(),
        if worst <= TARGET { "met" } else { "MISSED" }
    );
    portal.close().await;
    anyhow::ensure!(worst <= TARGET, "a publish took {:.0} ms to become searchable", ms(worst));
    Ok(())
}
