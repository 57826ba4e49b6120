//! The content bundle: the demo content, invalid bundles, import reports and the export round trip.

use std::collections::BTreeSet;
use std::path::Path;
use tuki::content::bundle::Bundle;
use tuki::content::demo::demo_bundle;
use tuki::content::{DocKind, Status};
use tuki::store::testing::{backends, fresh_database};
use tuki::{Locale, Portal, PortalConfig};

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

const CATEGORIES: &str = "cards:\n  fi: Kortit\n  sv: Kort\n  en: Cards\n";

fn files_of(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, text) in tuki::content::bundle::files_in_dir(dir).expect("read dir") {
        out.push((path, text.expect("utf-8")));
    }
    out
}

async fn open_portal(backend: tuki::store::Backend, dir: &Path) -> Portal {
    let url = fresh_database(backend, dir).await.expect("database");
    Portal::open(PortalConfig::new(dir.join("data"), Some(url))).await.expect("open")
}

#[test]
fn the_demo_content_is_valid_and_covers_a_real_service_desk() {
    let bundle = demo_bundle().unwrap_or_else(|e| panic!("{e}"));
    let articles = bundle.documents.iter().filter(|d| d.kind == DocKind::Article).count();
    let cases = bundle.documents.iter().filter(|d| d.kind == DocKind::Case).count();
    assert!(articles >= 40, "{articles} articles");
    assert!(cases >= 15, "{cases} solved cases");
    assert!(bundle.categories.len() >= 8);
    let used: BTreeSet<_> = bundle.documents.iter().map(|d| d.category.clone()).collect();
    assert_eq!(used.len(), bundle.categories.len(), "every category has documents");
    for doc in &bundle.documents {
        for locale in Locale::ALL {
            assert!(doc.translations.contains_key(&locale), "{} {} has no {locale}", doc.kind, doc.slug);
        }
    }
}

#[test]
fn an_invalid_bundle_is_rejected_with_every_problem_and_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(d, "categories.yaml", CATEGORIES);
    write(d, "articles/good/fi.md", "---\ntitle: Hyvä\ncategory: cards\n---\nRunko\n");
    write(d, "articles/bad-yaml/fi.md", "---\ntitle: Rikki\ncategory: [cards\n---\nRunko\n");
    write(d, "articles/unknown-category/sv.md", "---\ntitle: Okänd\ntags: [a]\ncategory: loans\n---\nText\n");
    write(d, "articles/unknown-locale/de.md", "---\ntitle: Karte\ncategory: cards\n---\nText\n");
    write(d, "cases/no-title/en.md", "---\ncategory: cards\nsummary: x\n---\nBody\n");
    write(d, "articles/Bad_Slug/en.md", "---\ntitle: X\ncategory: cards\n---\n");
    write(
        d,
        "articles/mistyped-number/en.md",
        "---\ntitle: Lost card\ncategory: cards\n---\nBlock it.\n\nCall {card-blocking-fone} or write to {username}.\n",
    );
    write(d, "articles/known-number/en.md", "---\ntitle: Card\ncategory: cards\n---\nCall {card-blocking-phone}.\n");
    let errors = Bundle::read(d).expect_err("invalid bundle accepted");
    let listed: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    let expect = |prefix: &str, words: &str| {
        assert!(
            listed.iter().any(|p| p.starts_with(prefix) && p.contains(words)),
            "no problem {prefix}…{words} in:\n{}",
            listed.join("\n")
        );
    };
    expect("articles/bad-yaml/fi.md:3:", "invalid front matter");
    expect("articles/unknown-category/sv.md:4:", "unknown category \"loans\"");
    expect("articles/unknown-locale/de.md:1:", "unknown locale");
    expect("cases/no-title/en.md:", "missing title");
    expect("articles/Bad_Slug:1:", "invalid slug");
    expect("articles/mistyped-number/en.md:7:", "unknown placeholder {card-blocking-fone}");
    assert_eq!(listed.len(), 6, "{}", listed.join("\n"));
}

#[test]
fn categories_need_a_name_in_every_locale() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "categories.yaml",
        "cards:\n  fi: Kortit\n  en: Cards\nloans:\n  fi: Lainat\n  sv: Lån\n  en: Loans\n  de: Kredite\n",
    );
    let errors = Bundle::read(dir.path()).expect_err("accepted");
    let listed: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert!(listed.iter().any(|p| p.starts_with("categories.yaml:1:") && p.contains("no name in sv")), "{listed:?}");
    assert!(listed.iter().any(|p| p.starts_with("categories.yaml:4:") && p.contains("unknown locale")), "{listed:?}");
}

#[tokio::test]
async fn a_rejected_import_changes_nothing() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = open_portal(backend, dir.path()).await;
        let bundle_dir = dir.path().join("bundle");
        write(&bundle_dir, "categories.yaml", CATEGORIES);
        write(&bundle_dir, "articles/fine/fi.md", "---\ntitle: Hyvä\ncategory: cards\n---\nRunko\n");
        write(&bundle_dir, "articles/broken/fi.md", "---\ncategory: cards\n---\nRunko\n");
        assert!(Bundle::read(&bundle_dir).is_err());
        assert_eq!(tuki::store::testing::store_of(&portal).document_count().await.expect("count"), 0, "{backend:?}");
        assert!(tuki::store::testing::store_of(&portal).categories().await.expect("categories").is_empty());
    }
}

#[tokio::test]
async fn importing_reports_what_was_added_changed_and_left_unchanged() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = open_portal(backend, dir.path()).await;
        let b = dir.path().join("bundle");
        write(&b, "categories.yaml", CATEGORIES);
        write(&b, "articles/one/fi.md", "---\ntitle: Yksi\ncategory: cards\n---\nRunko\n");
        write(&b, "articles/two/en.md", "---\ntitle: Two\ncategory: cards\nstatus: draft\n---\nBody\n");
        let first = portal.import(&Bundle::read(&b).expect("valid")).await.expect("import");
        assert_eq!(first.added, vec!["category:cards", "article:one", "article:two"], "{backend:?}");
        write(&b, "articles/one/sv.md", "---\ntitle: Ett\ncategory: cards\n---\nText\n");
        let second = portal.import(&Bundle::read(&b).expect("valid")).await.expect("import");
        assert_eq!(second.changed, vec!["article:one"]);
        assert_eq!(second.unchanged, vec!["category:cards", "article:two"]);
        assert!(second.added.is_empty());
        let two = tuki::store::testing::store_of(&portal)
            .document(DocKind::Article, &tuki::content::Slug::parse("two").expect("slug"))
            .await
            .expect("load")
            .expect("exists");
        assert_eq!(two.status, Status::Draft);
    }
}

#[tokio::test]
async fn export_then_import_into_an_empty_portal_then_export_gives_identical_files() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = open_portal(backend, &dir.path().join("first")).await;
        first.import(&demo_bundle().expect("demo")).await.expect("import demo");
        let export_one = dir.path().join("export-1");
        first.export().await.expect("export").write(&export_one).expect("write");

        let second = open_portal(backend, &dir.path().join("second")).await;
        second.import(&Bundle::read(&export_one).expect("exported bundle is valid")).await.expect("import");
        assert_eq!(second.load_demo_content_if_empty().await.expect("demo check"), None, "no demo mixed in");
        let export_two = dir.path().join("export-2");
        second.export().await.expect("export").write(&export_two).expect("write");

        let one = files_of(&export_one);
        assert_eq!(one, files_of(&export_two), "{backend:?}");
        assert!(one.len() >= 160, "{} files", one.len());
    }
}

#[tokio::test]
async fn demo_content_is_loaded_only_into_an_empty_portal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let portal = open_portal(tuki::store::Backend::Sqlite, dir.path()).await;
    let report = portal.load_demo_content_if_empty().await.expect("load").expect("loaded");
    assert!(report.added.len() > 60);
    assert_eq!(portal.load_demo_content_if_empty().await.expect("again"), None);
}

const TEAMS: &str = "desk:\n  fi: Palvelupiste\n  sv: Servicedisk\n  en: Service desk\n";

fn form_text(question_en: &str) -> String {
    format!(
        "title: {{fi: Kysymys, sv: Fråga, en: Question}}\n\
         description: {{fi: Kuvaus, sv: Beskrivning, en: Description}}\n\
         team: desk\n\
         kind: service-request\n\
         priority: {{default: normal}}\n\
         steps:\n\
         \x20 - id: only\n\
         \x20   title: {{fi: Vaihe, sv: Steg, en: Step}}\n\
         \x20   fields:\n\
         \x20     - id: what\n\
         \x20       type: text\n\
         \x20       label: {{fi: Mitä, sv: Vad, en: {question_en}}}\n"
    )
}

#[test]
fn the_demo_desk_has_teams_and_complete_request_types() {
    let bundle = demo_bundle().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bundle.teams.len(), 3);
    assert!(bundle.forms.len() >= 6, "{} forms", bundle.forms.len());
    for slug in ["locked-account", "payment-problem", "card-lost", "online-banking", "e-invoice", "general-request"] {
        assert!(bundle.forms.iter().any(|f| f.slug.as_str() == slug), "no form {slug}");
    }
}

#[test]
fn a_form_with_an_unknown_team_or_a_bad_condition_is_rejected_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(d, "categories.yaml", CATEGORIES);
    write(d, "teams.yaml", TEAMS);
    write(d, "forms/fine.yaml", &form_text("What"));
    write(d, "forms/wrong-team.yaml", &form_text("What").replace("team: desk", "team: nobody"));
    let bad_condition = format!("{}        show_if: {{field: later, equals: x}}\n", form_text("What"));
    write(d, "forms/bad-condition.yaml", &bad_condition);
    write(d, "forms/Bad Name.yaml", &form_text("What"));
    let errors = Bundle::read(d).expect_err("invalid forms accepted");
    let listed: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(
        listed,
        vec![
            "forms/Bad Name.yaml:1: invalid slug \"Bad Name\": use lowercase letters a–z, digits and single hyphens, at most 80 characters".to_owned(),
            "forms/bad-condition.yaml:13: field what: show_if: later is not an earlier field".to_owned(),
            "forms/wrong-team.yaml:3: unknown team nobody (teams are listed in teams.yaml)".to_owned(),
        ]
    );
}

#[tokio::test]
async fn a_changed_form_gets_a_new_version_and_the_old_one_stays_readable() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = open_portal(backend, dir.path()).await;
        let b = dir.path().join("bundle");
        write(&b, "categories.yaml", CATEGORIES);
        write(&b, "teams.yaml", TEAMS);
        write(&b, "forms/question.yaml", &form_text("What"));
        let first = portal.import(&Bundle::read(&b).expect("valid")).await.expect("import");
        assert_eq!(first.added, vec!["category:cards", "team:desk", "form:question"], "{backend:?}");
        let again = portal.import(&Bundle::read(&b).expect("valid")).await.expect("import");
        assert!(again.unchanged.contains(&"form:question".to_owned()), "{again:?}");
        write(&b, "forms/question.yaml", &form_text("What exactly"));
        let changed = portal.import(&Bundle::read(&b).expect("valid")).await.expect("import");
        assert_eq!(changed.changed, vec!["form:question (version 2)"], "{backend:?}");
        let slug = tuki::content::Slug::parse("question").expect("slug");
        let (version, current) =
            tuki::store::testing::store_of(&portal).form(&slug).await.expect("read").expect("stored");
        assert_eq!(version, 2);
        assert_eq!(current.steps[0].fields[0].label[&Locale::En], "What exactly");
        let old = tuki::store::testing::store_of(&portal)
            .form_version(&slug, 1)
            .await
            .expect("read")
            .expect("version 1 kept");
        assert_eq!(old.steps[0].fields[0].label[&Locale::En], "What");
        portal.close().await;
    }
}

#[tokio::test]
async fn synonyms_and_questions_travel_with_the_bundle_and_reach_the_search_at_once() {
    use tuki::search::SearchRequest;
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = open_portal(backend, dir.path()).await;
        let b = dir.path().join("bundle");
        write(&b, "categories.yaml", CATEGORIES);
        write(
            &b,
            "articles/card-blocked/en.md",
            "---\ntitle: Blocking a card\ncategory: cards\nquestions:\n- \"Someone has my plastic\"\n---\nCall us.\n",
        );
        write(&b, "articles/other/en.md", "---\ntitle: Opening hours\ncategory: cards\n---\nWe are open.\n");
        write(&b, "synonyms/en.yaml", "# ours\n- zorblax => blocking\n");
        let report = portal.import(&Bundle::read(&b).expect("valid")).await.expect("import");
        assert!(report.added.contains(&"synonyms:en".to_owned()), "{report:?}");
        let first = |text: &str| {
            let request = SearchRequest {
                text: text.to_owned(),
                locale: Locale::En,
                limit: 5,
                offset: 0,
                category: None,
                kind: None,
            };
            portal.search_index().search(&request).expect("search").hits.first().map(|h| h.slug.clone())
        };
        assert_eq!(first("zorblax").as_deref(), Some("card-blocked"), "{backend:?}: the editors' rule");
        assert_eq!(first("plastic").as_deref(), Some("card-blocked"), "{backend:?}: a question it answers");

        // Exported as written, and the same file again changes nothing.
        let export = dir.path().join("export");
        portal.export().await.expect("export").write(&export).expect("write");
        assert_eq!(
            std::fs::read_to_string(export.join("synonyms/en.yaml")).expect("file"),
            "# ours\n- zorblax => blocking\n"
        );
        let exported = std::fs::read_to_string(export.join("articles/card-blocked/en.md")).expect("file");
        assert!(exported.contains("questions:\n- Someone has my plastic"), "{exported}");
        let again = portal.import(&Bundle::read(&b).expect("valid")).await.expect("import");
        assert!(again.unchanged.contains(&"synonyms:en".to_owned()), "{again:?}");

        // A changed file replaces the rules at once.
        write(&b, "synonyms/en.yaml", "- zorblax => opening\n");
        let changed = portal.import(&Bundle::read(&b).expect("valid")).await.expect("import");
        assert!(changed.changed.contains(&"synonyms:en".to_owned()), "{changed:?}");
        assert_eq!(first("zorblax").as_deref(), Some("other"), "{backend:?}: the new rule");
    }
}

#[test]
fn bad_synonyms_files_and_questions_are_rejected_with_their_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(d, "categories.yaml", CATEGORIES);
    let many: String = (0..21).map(|i| format!("- \"question {i}\"\n")).collect();
    write(d, "articles/too-many/en.md", &format!("---\ntitle: X\ncategory: cards\nquestions:\n{many}---\nBody\n"));
    write(d, "synonyms/de.yaml", "- a, b\n");
    write(d, "synonyms/fi.yaml", "# ok\n- kortti, kortit\n- yksinäinen\n- a => b => c\n");
    write(d, "synonyms/sv.yaml", "inte: en lista\n");
    let errors = Bundle::read(d).expect_err("accepted");
    let listed: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    for (prefix, words) in [
        ("articles/too-many/en.md:4:", "21 questions"),
        ("synonyms/de.yaml:1:", "synonyms/<locale>.yaml"),
        ("synonyms/fi.yaml:3:", "mean the same"),
        ("synonyms/fi.yaml:4:", "one =>"),
        ("synonyms/sv.yaml:1:", "not a list"),
    ] {
        assert!(listed.iter().any(|p| p.starts_with(prefix) && p.contains(words)), "{prefix} {words}: {listed:?}");
    }
    assert_eq!(listed.len(), 5, "{listed:?}");
}
