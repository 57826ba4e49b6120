//! The search index follows the database's content generation: what another process or another
//! node changes reaches every index, by re-indexing only the documents that changed.

use std::path::Path;
use tuki::content::bundle::Bundle;
use tuki::portal::CatchUp;
use tuki::search::SearchRequest;
use tuki::store::testing::{backends, fresh_database};
use tuki::{Locale, Portal, PortalConfig};

fn bundle(dir: &Path, title: &str) -> Bundle {
    let write = |rel: &str, text: &str| {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write("categories.yaml", "cards:\n  fi: Kortit\n  sv: Kort\n  en: Cards\n");
    write("articles/night-lock/en.md", &format!("---\ntitle: {title}\ncategory: cards\n---\nWhat to do.\n"));
    Bundle::read(dir).expect("valid bundle")
}

async fn hits(portal: &Portal, text: &str) -> usize {
    let request =
        SearchRequest { text: text.to_owned(), locale: Locale::En, limit: 10, offset: 0, category: None, kind: None };
    portal.search(request).await.expect("search").hits.len()
}

#[tokio::test]
async fn another_node_or_process_changing_content_reaches_each_index_through_the_generation() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_database(backend, dir.path()).await.expect("database");
        let config = |node: &str| PortalConfig::new(dir.path().join(node), Some(url.clone()));
        let node_a = Portal::open(config("a")).await.expect("node a");
        let node_b = Portal::open(config("b")).await.expect("node b");
        node_a.import(&bundle(&dir.path().join("v1"), "Zebracard locked at night")).await.expect("import");
        assert_eq!(hits(&node_a, "zebracard").await, 1, "{backend:?}: the importing node at once");
        assert_eq!(hits(&node_b, "zebracard").await, 0, "the other node not yet");
        assert_eq!(node_b.catch_up_index().await.expect("catch up"), CatchUp::Updated { documents: 1 });
        assert_eq!(hits(&node_b, "zebracard").await, 1);
        assert_eq!(node_b.catch_up_index().await.expect("catch up"), CatchUp::UpToDate);

        // `tuki import` while node B runs: the database only, without B's index writer lock.
        let cli = Portal::open_without_index(config("b")).await.expect("opens beside a running node");
        cli.import(&bundle(&dir.path().join("v2"), "Okapicard locked at night")).await.expect("import");
        assert_eq!(node_b.catch_up_index().await.expect("catch up"), CatchUp::Updated { documents: 1 });
        assert_eq!((hits(&node_b, "okapicard").await, hits(&node_b, "zebracard").await), (1, 0));
        // The same import again changes nothing and leaves the generation alone.
        cli.import(&bundle(&dir.path().join("v2"), "Okapicard locked at night")).await.expect("import");
        assert_eq!(node_b.catch_up_index().await.expect("catch up"), CatchUp::UpToDate);
        cli.close().await;

        // An index ahead of its database (a restored backup) is rebuilt from it.
        drop(node_a);
        let empty = fresh_database(backend, dir.path()).await.expect("database");
        let restored = Portal::open(PortalConfig::new(dir.path().join("a"), Some(empty))).await.expect("reopened");
        assert_eq!(hits(&restored, "zebracard").await, 0, "rebuilt from the empty database");
        assert_eq!(restored.catch_up_index().await.expect("catch up"), CatchUp::UpToDate);
        node_b.close().await;
        restored.close().await;
    }
}

#[tokio::test]
async fn a_second_writer_on_the_same_index_is_refused_with_a_clear_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = PortalConfig::new(dir.path().to_path_buf(), None);
    let running = Portal::open(config.clone()).await.expect("first");
    let error = Portal::open(config).await.expect_err("second writer").to_string();
    assert!(error.contains("in use by another tuki process"), "{error}");
    running.close().await;
}
