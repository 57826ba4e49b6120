//! The editors' workspace on every backend: drafts that customers do not see, publishing that
//! search follows at once, translations falling out of date on a major change of their source,
//! revisions with diffs and restoring, imports over edited content, and who may do any of it.

use tuki::content::{ChangeSize, DocKind, DocRef, TranslationState};
use tuki::search::SearchRequest;
use tuki::services::accounts::NewAccount;
use tuki::services::editing::Edit;
use tuki::services::{Caller, ServiceError};
use tuki::staff::Role;
use tuki::store::testing::{backends, fresh_database};
use tuki::views::editing::{LineChange, WorkspaceFilter};
use tuki::{Locale, Portal, PortalConfig};

const DOC: &str = "article/card-lost-or-stolen";

async fn portal_with_demo(backend: tuki::store::Backend, dir: &std::path::Path) -> Portal {
    let url = fresh_database(backend, dir).await.expect("database");
    let config = PortalConfig::new(dir.join("data"), Some(url));
    let portal = Portal::open(config).await.expect("open");
    portal.load_demo_content_if_empty().await.expect("demo");
    portal
}

async fn member(portal: &Portal, email: &str, roles: &[Role]) -> Caller {
    let new = NewAccount { email, name: "Eeva Editori", locale: Locale::Fi, roles, teams: &[] };
    let (member, _) = portal.accounts().add(&Caller::Operator, new).await.expect("account");
    Caller::Staff(member)
}

fn doc() -> DocRef {
    DocRef::parse(DOC).expect("reference")
}

fn edit<'a>(title: &'a str, body: &'a str, change: ChangeSize) -> Edit<'a> {
    Edit { title, summary: "", body, tags: "kortti", questions: "", change, note: "testi" }
}

async fn customer_body(portal: &Portal, locale: Locale) -> Option<(String, Option<Locale>)> {
    let catalogue = portal.catalogue();
    let page = catalogue.document_page(&Caller::Customer, locale, DocKind::Article, "card-lost-or-stolen", None, None);
    page.await.ok().map(|a| (a.html, a.outdated_against))
}

async fn finds(portal: &Portal, words: &str) -> bool {
    let request =
        SearchRequest { text: words.into(), locale: Locale::Fi, limit: 5, offset: 0, category: None, kind: None };
    let results = portal.search(request).await.expect("search");
    results.hits.iter().any(|hit| hit.slug == "card-lost-or-stolen")
}

#[tokio::test]
async fn a_draft_stays_hidden_until_published_and_then_search_finds_it_at_once() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = portal_with_demo(backend, dir.path()).await;
        let editor = member(&portal, "eeva@bank.fi", &[Role::Editor]).await;
        let editing = portal.editing();
        let before = editing.editor(&editor, Locale::Fi, &doc(), Locale::Fi, None).await.expect("editor");
        assert_eq!((before.state, before.draft), (TranslationState::Source, None), "{backend:?}");

        let body = "Sulje kortti heti. Zorblax-palvelu auttaa myös yöllä.";
        let saved = editing.save(&editor, &doc(), Locale::Fi, &edit("Kortti kadonnut", body, ChangeSize::Major)).await;
        let saved = saved.expect("saved");
        assert!(saved.added);
        let again = editing.save(&editor, &doc(), Locale::Fi, &edit("Kortti kadonnut", body, ChangeSize::Major)).await;
        assert!(!again.expect("same text").added, "the same text adds no revision");
        let (html, _) = customer_body(&portal, Locale::Fi).await.expect("page");
        assert!(!html.contains("Zorblax"), "{backend:?}: customers see the draft");
        assert!(!finds(&portal, "zorblax").await, "{backend:?}: search finds the draft");
        let page = editing.editor(&editor, Locale::Fi, &doc(), Locale::Fi, Some(Locale::Sv)).await.expect("editor");
        assert_eq!(page.draft, Some(saved.revision));
        assert_eq!(page.compare.as_ref().map(|c| c.locale), Some(Locale::Sv), "the Swedish text shown beside");

        editing.publish(&editor, &doc(), Locale::Fi).await.expect("published");
        let (html, outdated) = customer_body(&portal, Locale::Fi).await.expect("page");
        assert!(html.contains("Zorblax") && outdated.is_none(), "{backend:?}");
        assert!(finds(&portal, "zorblax").await, "{backend:?}: search follows the publish at once");

        // Unpublished: gone from the customers' pages and from search; published again: back.
        editing.unpublish(&editor, &doc()).await.expect("unpublished");
        assert!(customer_body(&portal, Locale::Fi).await.is_none(), "{backend:?}");
        assert!(!finds(&portal, "zorblax").await);
        editing.publish(&editor, &doc(), Locale::Fi).await.expect("published again");
        assert!(finds(&portal, "zorblax").await);
        portal.close().await;
    }
}

#[tokio::test]
async fn a_major_change_of_the_source_puts_translations_out_of_date_until_they_follow() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = portal_with_demo(backend, dir.path()).await;
        let editor = member(&portal, "eeva@bank.fi", &[Role::Editor]).await;
        let editing = portal.editing();
        let states = |locale| {
            let editing = portal.editing();
            let editor = editor.clone();
            async move { editing.editor(&editor, Locale::Fi, &doc(), locale, None).await.expect("editor").state }
        };
        assert_eq!(states(Locale::Sv).await, TranslationState::UpToDate, "{backend:?}: demo content starts in step");

        // A minor change leaves the translations alone.
        editing
            .save(&editor, &doc(), Locale::Fi, &edit("Kortti kadonnut", "Pieni muutos.", ChangeSize::Minor))
            .await
            .expect("saved");
        editing.publish(&editor, &doc(), Locale::Fi).await.expect("published");
        assert_eq!(states(Locale::Sv).await, TranslationState::UpToDate);

        // A major one (even followed by a typo fix in the same draft) does.
        editing
            .save(&editor, &doc(), Locale::Fi, &edit("Kortti kadonnut", "Iso muutos.", ChangeSize::Major))
            .await
            .expect("saved");
        editing
            .save(&editor, &doc(), Locale::Fi, &edit("Kortti kadonnut", "Iso muutos!", ChangeSize::Typo))
            .await
            .expect("saved");
        editing.publish(&editor, &doc(), Locale::Fi).await.expect("published");
        assert_eq!(states(Locale::Sv).await, TranslationState::OutOfDate, "{backend:?}");
        assert_eq!(states(Locale::En).await, TranslationState::OutOfDate);
        let sv = editing.editor(&editor, Locale::Fi, &doc(), Locale::Sv, None).await.expect("editor");
        let change = sv.source_change.expect("what changed since");
        assert!(
            change.lines.iter().any(|(kind, text)| *kind == LineChange::Added && text == "Iso muutos!"),
            "{change:?}"
        );
        let (_, outdated) = customer_body(&portal, Locale::Sv).await.expect("page");
        assert_eq!(outdated, Some(Locale::Fi), "{backend:?}: customers are told and pointed to the original");
        let filter = WorkspaceFilter {
            state: Some(TranslationState::OutOfDate),
            locale: Some(Locale::Sv),
            ..WorkspaceFilter::default()
        };
        let listed = editing.workspace(&editor, Locale::Fi, &filter).await.expect("workspace");
        assert_eq!(listed.rows.iter().map(|r| r.slug.as_str()).collect::<Vec<_>>(), ["card-lost-or-stolen"]);
        // The whole list comes a page at a time; a page past the end is the last one.
        let all = editing.workspace(&editor, Locale::Fi, &WorkspaceFilter::default()).await.expect("workspace");
        assert_eq!((all.matching, all.page), (all.total, 1));
        assert_eq!(all.rows.len(), all.total.min(tuki::services::editing::WORKSPACE_PAGE));
        assert_eq!(all.pages, all.total.div_ceil(tuki::services::editing::WORKSPACE_PAGE));
        let past = WorkspaceFilter { page: 999, ..WorkspaceFilter::default() };
        let last = editing.workspace(&editor, Locale::Fi, &past).await.expect("workspace");
        assert_eq!(last.page, all.pages);
        assert_eq!(last.rows.len(), all.total - (all.pages - 1) * tuki::services::editing::WORKSPACE_PAGE);

        // The Swedish text published again follows the current original.
        editing
            .save(&editor, &doc(), Locale::Sv, &edit("Kortet borttappat", "Stor ändring.", ChangeSize::Major))
            .await
            .expect("saved");
        editing.publish(&editor, &doc(), Locale::Sv).await.expect("published");
        assert_eq!(states(Locale::Sv).await, TranslationState::UpToDate, "{backend:?}");
        assert_eq!(customer_body(&portal, Locale::Sv).await.expect("page").1, None);
        assert_eq!(states(Locale::En).await, TranslationState::OutOfDate);
        portal.close().await;
    }
}

#[tokio::test]
async fn every_save_is_a_revision_and_restoring_one_makes_a_new_draft_without_losing_any() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = portal_with_demo(backend, dir.path()).await;
        let editor = member(&portal, "eeva@bank.fi", &[Role::Editor]).await;
        let editing = portal.editing();
        let (original, _) = customer_body(&portal, Locale::Fi).await.expect("page");
        editing
            .save(&editor, &doc(), Locale::Fi, &edit("Uusi otsikko", "Uusi teksti.", ChangeSize::Major))
            .await
            .expect("saved");
        editing.publish(&editor, &doc(), Locale::Fi).await.expect("published");
        let history = editing.history(&editor, &doc(), Locale::Fi, None, None).await.expect("history");
        assert_eq!(history.revisions.len(), 2, "{backend:?}: the import and the edit");
        let (first, latest) = (history.revisions[1].clone(), history.revisions[0].clone());
        assert_eq!((first.author.as_deref(), latest.author.as_deref()), (None, Some("Eeva Editori")));
        assert!(latest.published && !first.published);
        assert_eq!(latest.note, "testi");
        let diff = history.diff.expect("the latest against the one before");
        assert!(diff.lines.iter().any(|(kind, text)| *kind == LineChange::Added && text == "# Uusi otsikko"));
        assert!(diff.lines.iter().any(|(kind, _)| *kind == LineChange::Removed));

        let restored = editing.restore(&editor, &doc(), Locale::Fi, first.id, "palautus").await.expect("restored");
        assert!(restored.added);
        let (html, _) = customer_body(&portal, Locale::Fi).await.expect("page");
        assert!(html.contains("Uusi teksti."), "{backend:?}: a restore is a draft first");
        editing.publish(&editor, &doc(), Locale::Fi).await.expect("published");
        assert_eq!(customer_body(&portal, Locale::Fi).await.expect("page").0, original, "{backend:?}");
        let history = editing.history(&editor, &doc(), Locale::Fi, Some(first.id), Some(restored.revision)).await;
        let history = history.expect("history");
        assert_eq!(history.revisions.len(), 3, "nothing lost");
        assert!(history.diff.expect("diff").lines.iter().all(|(kind, _)| *kind == LineChange::Same));
        // A revision of another text is not restored here.
        let other = editing.restore(&editor, &doc(), Locale::Sv, first.id, "").await;
        assert!(matches!(other, Err(ServiceError::NotFound)), "{other:?}");
        portal.close().await;
    }
}

#[tokio::test]
async fn an_import_over_edited_content_says_what_it_replaced_and_the_edit_stays_in_the_history() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = portal_with_demo(backend, dir.path()).await;
        let editor = member(&portal, "eeva@bank.fi", &[Role::Editor]).await;
        let editing = portal.editing();
        let mut bundle = portal.export().await.expect("export");
        editing
            .save(&editor, &doc(), Locale::Fi, &edit("Luonnos", "Toimittajan luonnos.", ChangeSize::Minor))
            .await
            .expect("saved");
        let unchanged = portal.import(&bundle).await.expect("import");
        assert!(unchanged.overwrote_edits.is_empty() && unchanged.changed.is_empty(), "{backend:?}: {unchanged:?}");
        let document = bundle.documents.iter_mut().find(|d| d.reference() == doc()).expect("in the bundle");
        document.translations.get_mut(&Locale::Fi).expect("Finnish").body = "Tuotu teksti.".into();
        let report = portal.import(&bundle).await.expect("import");
        assert_eq!(report.overwrote_edits, ["article:card-lost-or-stolen"], "{backend:?}");
        let history = editing.history(&editor, &doc(), Locale::Fi, None, None).await.expect("history");
        assert_eq!(history.revisions.len(), 3, "{backend:?}: import, draft, import");
        assert_eq!(history.revisions[1].author.as_deref(), Some("Eeva Editori"));
        let page = editing.editor(&editor, Locale::Fi, &doc(), Locale::Fi, None).await.expect("editor");
        assert_eq!(page.draft, None, "the imported text is the published one now");
        // The imported source changed: the translations the bundle left alone are out of date.
        let sv = editing.editor(&editor, Locale::Fi, &doc(), Locale::Sv, None).await.expect("editor");
        assert_eq!(sv.state, TranslationState::OutOfDate);
        portal.close().await;
    }
}

#[tokio::test]
async fn only_editors_and_admins_may_use_the_workspace_and_a_refusal_changes_nothing() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = portal_with_demo(backend, dir.path()).await;
        let agent = member(&portal, "antti@bank.fi", &[Role::Agent]).await;
        let admin = member(&portal, "aino@bank.fi", &[Role::Admin]).await;
        let editing = portal.editing();
        let first = editing.history(&admin, &doc(), Locale::Fi, None, None).await.expect("admin reads").revisions[0].id;
        for (caller, refusal) in [(Caller::Customer, "error-not-signed-in"), (agent, "error-forbidden")] {
            let change = edit("T", "B", ChangeSize::Major);
            let codes = [
                editing.workspace(&caller, Locale::Fi, &WorkspaceFilter::default()).await.err().map(|e| e.code()),
                editing.editor(&caller, Locale::Fi, &doc(), Locale::Fi, None).await.err().map(|e| e.code()),
                editing.save(&caller, &doc(), Locale::Fi, &change).await.err().map(|e| e.code()),
                editing.publish(&caller, &doc(), Locale::Fi).await.err().map(|e| e.code()),
                editing.unpublish(&caller, &doc()).await.err().map(|e| e.code()),
                editing.history(&caller, &doc(), Locale::Fi, None, None).await.err().map(|e| e.code()),
                editing.restore(&caller, &doc(), Locale::Fi, first, "").await.err().map(|e| e.code()),
                editing.preview(&caller, "**x**").err().map(|e| e.code()),
            ];
            assert!(codes.iter().all(|code| *code == Some(refusal)), "{backend:?} {caller:?}: {codes:?}");
        }
        let history = editing.history(&admin, &doc(), Locale::Fi, None, None).await.expect("history");
        assert_eq!(history.revisions.len(), 1, "{backend:?}: nothing was saved");
        assert!(customer_body(&portal, Locale::Fi).await.is_some(), "nothing was unpublished");
        // An admin may edit too, and a hostile body is rendered harmless.
        let hostile = edit(
            "<img src=x onerror=alert(1)>",
            "<script>alert(1)</script>\n\n[x](javascript:alert(1))",
            ChangeSize::Minor,
        );
        editing.save(&admin, &doc(), Locale::Fi, &hostile).await.expect("saved");
        let preview = editing.preview(&admin, hostile.body).expect("preview");
        assert!(!preview.contains("<script") && !preview.contains("javascript:"), "{preview}");
        let bad = editing.save(&admin, &doc(), Locale::Fi, &edit("", "B", ChangeSize::Minor)).await;
        assert!(matches!(bad, Err(ServiceError::Invalid("error-editor-title"))));
        let unknown = DocRef::parse("article/no-such-article").expect("reference");
        let missing = editing.save(&admin, &unknown, Locale::Fi, &edit("T", "B", ChangeSize::Minor)).await;
        assert!(matches!(missing, Err(ServiceError::NotFound)), "{missing:?}");
        portal.close().await;
    }
}

#[tokio::test]
async fn a_new_document_is_a_draft_until_published_and_a_deleted_one_leaves_search_but_not_its_history() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = portal_with_demo(backend, dir.path()).await;
        let editor = member(&portal, "eeva@bank.fi", &[Role::Editor]).await;
        let editing = portal.editing();
        let body = "Kvasaaripalvelu auttaa.";
        let first = edit("Kvasaari", body, ChangeSize::Major);
        let made = editing.create(&editor, DocKind::Article, "kvasaari", "cards", Locale::Sv, &first).await;
        let made = made.expect("created");
        let again = editing.create(&editor, DocKind::Article, "kvasaari", "cards", Locale::Fi, &first).await;
        assert!(matches!(again, Err(ServiceError::Invalid("error-editor-slug-taken"))), "{backend:?}");
        for (slug, category, code) in
            [("Kva saari", "cards", "error-editor-slug"), ("uusi", "no-such", "error-editor-category")]
        {
            let refused = editing.create(&editor, DocKind::Article, slug, category, Locale::Fi, &first).await;
            assert_eq!(refused.err().map(|e| e.code()), Some(code), "{backend:?}");
        }
        let page = editing.editor(&editor, Locale::Fi, &made, Locale::Sv, None).await.expect("editor");
        assert_eq!(
            (page.status, page.published.is_some(), page.source_locale),
            (tuki::content::Status::Draft, false, Locale::Sv)
        );
        assert!(
            !portal.export().await.expect("export").documents.iter().any(|d| d.reference() == made),
            "no text to export yet"
        );
        editing.publish(&editor, &made, Locale::Sv).await.expect("published");
        assert!(finds_slug(&portal, "kvasaaripalvelu", "kvasaari").await, "{backend:?}");

        editing.move_to(&editor, &made, "online-banking").await.expect("moved");
        assert_eq!(
            editing.editor(&editor, Locale::Fi, &made, Locale::Sv, None).await.expect("editor").category_slug,
            "online-banking"
        );
        let refused = editing.delete(&editor, &made, false).await;
        assert!(matches!(refused, Err(ServiceError::Invalid("error-editor-confirm"))));
        let generation = portal.content_generation().await.expect("generation");
        editing.delete(&editor, &made, true).await.expect("deleted");
        assert!(!finds_slug(&portal, "kvasaaripalvelu", "kvasaari").await, "{backend:?}: gone from search at once");
        // An index that had not seen the deletion drops the document when it catches up.
        let changed =
            tuki::store::testing::store_of(&portal).documents_changed_after(generation).await.expect("changes");
        assert!(changed.iter().any(|d| d.reference() == made && d.translations.is_empty()), "{backend:?}: a tombstone");
        assert!(matches!(
            editing.editor(&editor, Locale::Fi, &made, Locale::Sv, None).await,
            Err(ServiceError::NotFound)
        ));
        let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM document_revisions WHERE slug = 'kvasaari'")
            .fetch_one(tuki::store::testing::store_of(&portal).pool())
            .await
            .expect("count");
        assert_eq!(kept, 1, "{backend:?}: the revisions stay");
        portal.close().await;
    }
}

#[tokio::test]
async fn categories_need_a_name_in_every_language_and_only_an_empty_one_can_be_deleted() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = portal_with_demo(backend, dir.path()).await;
        let editor = member(&portal, "eeva@bank.fi", &[Role::Editor]).await;
        let editing = portal.editing();
        let names = [(Locale::Fi, "Lainat"), (Locale::Sv, "Lån"), (Locale::En, "Loans")];
        assert!(editing.save_category(&editor, "lainat", &names).await.expect("created"), "{backend:?}");
        assert!(
            !editing
                .save_category(&editor, "lainat", &[(Locale::Fi, "Lainat ja luotot"), names[1], names[2]])
                .await
                .expect("renamed")
        );
        let missing = editing.save_category(&editor, "x", &names[..2]).await;
        assert!(matches!(missing, Err(ServiceError::Invalid("error-category-name"))));
        let bad = editing.save_category(&editor, "Ei kelpaa", &names).await;
        assert!(matches!(bad, Err(ServiceError::Invalid("error-category-slug"))));
        let rows = editing.categories(&editor).await.expect("categories");
        let row = rows.iter().find(|r| r.slug == "lainat").expect("listed");
        assert_eq!((row.names.get(&Locale::Fi).map(String::as_str), row.documents), (Some("Lainat ja luotot"), 0));
        let cards = rows.iter().find(|r| r.slug == "cards").expect("demo category");
        assert!(cards.documents > 0);
        let refused = editing.delete_category(&editor, "cards").await;
        assert!(matches!(refused, Err(ServiceError::Invalid("error-category-not-empty"))), "{backend:?}");
        editing.delete_category(&editor, "lainat").await.expect("deleted");
        assert!(matches!(editing.delete_category(&editor, "lainat").await, Err(ServiceError::NotFound)));
        portal.close().await;
    }
}

async fn finds_slug(portal: &Portal, words: &str, slug: &str) -> bool {
    let request =
        SearchRequest { text: words.into(), locale: Locale::Sv, limit: 5, offset: 0, category: None, kind: None };
    portal.search(request).await.expect("search").hits.iter().any(|hit| hit.slug == slug)
}

#[tokio::test]
async fn analytics_count_searches_openings_and_votes_in_the_period_and_export_them_safely() {
    use tuki::services::catalogue::Vote;
    use tuki::services::search::PageQuery;
    use tuki::views::analytics::Table;
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = portal_with_demo(backend, dir.path()).await;
        let editor = member(&portal, "eeva@bank.fi", &[Role::Editor]).await;
        let search = |q: &str| {
            let query = PageQuery { q: q.to_owned(), category: None, kind: None, page: 1 };
            let portal = &portal;
            async move { portal.searching().results_page(&Caller::Customer, Locale::Fi, &query).await.expect("search") }
        };
        let found = search("kortti kadonnut").await;
        search("kortti kadonnut").await;
        search("=HYPERLINK(\"http://x\") zqxv").await;
        let first = found.results.hits.first().expect("a hit").clone();
        let catalogue = portal.catalogue();
        catalogue
            .document_page(&Caller::Customer, Locale::Fi, first.kind, &first.slug, found.search_id, None)
            .await
            .expect("opened");
        let reference = DocRef::new(first.kind, tuki::content::Slug::parse(&first.slug).expect("slug"));
        let vote = Vote {
            document: reference,
            locale: Locale::Fi,
            helpful: Some(true),
            comment: Some("Kiitos"),
            from_search: None,
        };
        catalogue.vote(&Caller::Customer, &vote, || true).await.expect("voted");

        let data = portal.editing().analytics(&editor, Locale::Fi, "", "").await.expect("analytics");
        assert_eq!((data.searches, data.with_results, data.opened), (3, 2, 1), "{backend:?}");
        let top = &data.top_searches[0];
        assert_eq!((top.query.as_str(), top.searches, top.opened), ("kortti kadonnut", 2, 1));
        assert_eq!(data.without_results.len(), 1);
        assert!(data.nothing_opened.is_empty(), "the one search with results was opened");
        let doc = data.documents.iter().find(|d| d.slug == first.slug).expect("the opened document");
        assert_eq!((doc.opened_from_search, doc.helpful, doc.not_helpful, doc.comments), (1, 1, 0, 1));
        let csv = data.csv(Table::WithoutResults);
        assert!(csv.contains("\"'=hyperlink(\"\"http://x\"\") zqxv\""), "{backend:?}: a formula is defused: {csv}");
        // Another period sees none of it; a reversed one is refused; a customer may not look.
        let old = portal.editing().analytics(&editor, Locale::Fi, "2020-01-01", "2020-01-31").await.expect("old");
        assert_eq!((old.searches, old.top_searches.len(), old.documents.len()), (0, 0, 0));
        let reversed = portal.editing().analytics(&editor, Locale::Fi, "2026-02-01", "2026-01-01").await;
        assert!(matches!(reversed, Err(ServiceError::Invalid("error-analytics-period"))));
        let customer = portal.editing().analytics(&Caller::Customer, Locale::Fi, "", "").await;
        assert!(matches!(customer, Err(ServiceError::NotSignedIn)));
        portal.close().await;
    }
}

#[tokio::test]
async fn an_editor_asks_another_to_review_a_draft_who_sends_it_back_or_publishes_it() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = portal_with_demo(backend, dir.path()).await;
        let eeva = member(&portal, "eeva@bank.fi", &[Role::Editor]).await;
        let ville = member(&portal, "ville@bank.fi", &[Role::Editor]).await;
        member(&portal, "antti@bank.fi", &[Role::Agent]).await;
        let editing = portal.editing();
        let none = editing.request_review(&eeva, &doc(), Locale::Fi, "ville@bank.fi").await;
        assert!(matches!(none, Err(ServiceError::Invalid("error-review-no-draft"))), "{backend:?}");
        editing
            .save(&eeva, &doc(), Locale::Fi, &edit("Kortti kadonnut", "Luonnos.", ChangeSize::Minor))
            .await
            .expect("saved");
        for reviewer in ["eeva@bank.fi", "antti@bank.fi", "nobody@bank.fi", "<script>"] {
            let refused = editing.request_review(&eeva, &doc(), Locale::Fi, reviewer).await;
            assert!(matches!(refused, Err(ServiceError::Invalid("error-review-reviewer"))), "{backend:?} {reviewer}");
        }
        editing.request_review(&eeva, &doc(), Locale::Fi, "Ville@Bank.fi").await.expect("asked");
        let listed = editing.workspace(&ville, Locale::Fi, &WorkspaceFilter::default()).await.expect("workspace");
        assert_eq!(listed.reviews.iter().map(|r| r.slug.as_str()).collect::<Vec<_>>(), ["card-lost-or-stolen"]);
        let page = editing.editor(&ville, Locale::Fi, &doc(), Locale::Fi, None).await.expect("editor");
        assert!(page.review.as_ref().is_some_and(|r| r.viewer_reviews && r.requested_by == "Eeva Editori"));
        // Only the reviewer sends it back, with a comment.
        let not_mine = editing.return_draft(&eeva, &doc(), Locale::Fi, "Hyvä").await;
        assert!(matches!(not_mine, Err(ServiceError::Forbidden)), "{backend:?}");
        let empty = editing.return_draft(&ville, &doc(), Locale::Fi, "  ").await;
        assert!(matches!(empty, Err(ServiceError::Invalid("error-review-comment"))));
        editing.return_draft(&ville, &doc(), Locale::Fi, "Lisää sulkupalvelun numero.").await.expect("returned");
        let page = editing.editor(&eeva, Locale::Fi, &doc(), Locale::Fi, None).await.expect("editor");
        assert_eq!(page.review, None);
        assert_eq!(page.returned.as_ref().map(|(_, c)| c.as_str()), Some("Lisää sulkupalvelun numero."));
        // Asked again, the reviewer publishes: the review is answered.
        editing.request_review(&eeva, &doc(), Locale::Fi, "ville@bank.fi").await.expect("asked again");
        editing.publish(&ville, &doc(), Locale::Fi).await.expect("published");
        let listed = editing.workspace(&ville, Locale::Fi, &WorkspaceFilter::default()).await.expect("workspace");
        assert!(listed.reviews.is_empty(), "{backend:?}");
        assert_eq!(editing.editor(&eeva, Locale::Fi, &doc(), Locale::Fi, None).await.expect("editor").review, None);
        portal.close().await;
    }
}

#[tokio::test]
async fn helpful_votes_after_a_search_teach_the_search_and_editors_see_what_it_learned() {
    use tuki::services::catalogue::Vote;
    use tuki::services::search::PageQuery;
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let portal = portal_with_demo(backend, dir.path()).await;
        let editor = member(&portal, "eeva@bank.fi", &[Role::Editor]).await;
        let target = DocRef::new(DocKind::Article, tuki::content::Slug::parse("forgotten-card-pin").expect("slug"));
        let search = |q: &str| {
            let query = PageQuery { q: q.to_owned(), category: None, kind: None, page: 1 };
            let portal = &portal;
            async move { portal.searching().results_page(&Caller::Customer, Locale::Fi, &query).await.expect("search") }
        };
        let first = |q: &'static str| {
            let search = &search;
            async move { search(q).await.results.hits.first().map(|h| h.slug.clone()).unwrap_or_default() }
        };
        // A customer searches, opens the answer from the results and says it helped.
        let confirm = |q: &'static str, document: DocRef, helpful: bool| {
            let (portal, search) = (&portal, &search);
            async move {
                let found = search(q).await;
                let catalogue = portal.catalogue();
                let slug = document.slug.to_string();
                let page =
                    catalogue.document_page(&Caller::Customer, Locale::Fi, document.kind, &slug, found.search_id, None);
                page.await.expect("opened");
                let vote = Vote {
                    document,
                    locale: Locale::Fi,
                    helpful: Some(helpful),
                    comment: None,
                    from_search: found.search_id,
                };
                catalogue.vote(&Caller::Customer, &vote, || true).await.expect("voted");
            }
        };
        assert_ne!(first("kortti ongelma").await, "forgotten-card-pin", "{backend:?}: not first to begin with");
        confirm("kortti ongelma", target.clone(), true).await;
        confirm("Kortti  ongelma", target.clone(), true).await;
        assert_ne!(first("kortti ongelma").await, "forgotten-card-pin", "{backend:?}: two votes are below the floor");
        // Votes that teach nothing: not helpful, on another document than the one opened, personal.
        confirm("kortti ongelma", target.clone(), false).await;
        let found = search("kortti ongelma").await;
        let other = Vote {
            document: target.clone(),
            locale: Locale::Fi,
            helpful: Some(true),
            comment: None,
            from_search: found.search_id,
        };
        portal.catalogue().vote(&Caller::Customer, &other, || true).await.expect("voted without opening");
        for _ in 0..3 {
            confirm("kortti 1234 5678 ongelma", target.clone(), true).await;
        }
        assert_ne!(first("kortti ongelma").await, "forgotten-card-pin", "{backend:?}: none of those counted");
        assert_ne!(first("kortti 1234 5678 ongelma").await, "forgotten-card-pin", "{backend:?}: personal");

        confirm("ongelma kortti", target.clone(), true).await;
        assert_eq!(first("kortti ongelma").await, "forgotten-card-pin", "{backend:?}: the third vote promotes it");
        assert_eq!(first("Ongelma, kortti!").await, "forgotten-card-pin", "{backend:?}: the same words");
        assert_ne!(first("kortti").await, "forgotten-card-pin", "{backend:?}: not some of the words");

        let data = portal.editing().analytics(&editor, Locale::Fi, "", "").await.expect("analytics");
        let row = data.learned.iter().find(|r| r.slug == "forgotten-card-pin").expect("the learned pair");
        assert_eq!(
            (row.query.as_str(), row.evidence_tenths, row.promoted),
            ("ongelma kortti", 30, true),
            "{backend:?}"
        );
        assert!(data.learned.iter().all(|r| !r.query.contains("1234")), "nothing personal: {:?}", data.learned);
    }
}

#[tokio::test]
async fn customers_see_a_renamed_category_and_an_unpublished_text_on_their_next_page_on_every_server() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_database(backend, dir.path()).await.expect("database");
        let config = PortalConfig::new(dir.path().join("data"), Some(url.clone()));
        let portal = Portal::open(config).await.expect("open");
        portal.load_demo_content_if_empty().await.expect("demo");
        // A second server on the same database (without an index of its own).
        let config = PortalConfig::new(dir.path().join("other"), Some(url));
        let other = Portal::open_without_index(config).await.expect("second server");
        let editor = member(&portal, "eeva@bank.fi", &[Role::Editor]).await;
        let name_of_cards = |portal: &Portal| {
            let portal = portal.clone();
            async move {
                let categories =
                    portal.catalogue().categories(&Caller::Customer, Locale::Fi).await.expect("categories");
                categories.into_iter().find(|c| c.slug == "cards").map(|c| c.name).expect("cards")
            }
        };
        for server in [&portal, &other] {
            assert!(customer_body(server, Locale::Fi).await.is_some(), "{backend:?}: published");
            assert_ne!(name_of_cards(server).await, "Pankkikortit");
        }
        let names = [(Locale::Fi, "Pankkikortit"), (Locale::Sv, "Bankkort"), (Locale::En, "Bank cards")];
        portal.editing().save_category(&editor, "cards", &names).await.expect("renamed");
        portal.editing().unpublish(&editor, &doc()).await.expect("unpublished");
        for server in [&portal, &other] {
            assert_eq!(name_of_cards(server).await, "Pankkikortit", "{backend:?}");
            assert!(customer_body(server, Locale::Fi).await.is_none(), "{backend:?}: taken back at once");
        }
        other.close().await;
        portal.close().await;
    }
}
