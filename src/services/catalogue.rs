//! The knowledge base as customers read it: categories, a document's page with its related
//! documents, the most helpful articles, and "Was this helpful?" votes.
//!
//! Pages read a [`Snapshot`] of the categories and documents, loaded at once and kept until the
//! database's content generation moves on (a publish, a published text edited, taken back or
//! moved, a category changed, an import): a page then costs one small query for the generation
//! instead of one per list, document and count. Every server sees a change with its next page.

use super::{Caller, Right, ServiceError};
use crate::Locale;
use crate::Portal;
use crate::content::markdown::to_html;
use crate::content::{Category, DocKind, DocRef, Document, Slug, Status};
use crate::store::MAX_COMMENT;
use crate::views::catalogue::{ArticleData, CatalogueData, CategoryView, DocumentLink, IndexablePage};
use std::sync::{Arc, Mutex, PoisonError};

/// How many articles the home page lists as most helpful.
const MOST_HELPFUL: i64 = 6;
/// How many related documents an article page lists.
const RELATED: usize = 5;

/// The categories and documents (drafts included) at one content generation.
#[derive(Debug)]
pub struct Snapshot {
    generation: i64,
    categories: Vec<Category>,
    /// Ordered by kind and slug, as the store lists them.
    documents: Vec<Document>,
    /// Published documents per category.
    published: std::collections::HashMap<Slug, usize>,
}

impl Snapshot {
    fn new(generation: i64, categories: Vec<Category>, documents: Vec<Document>) -> Snapshot {
        let mut published = std::collections::HashMap::new();
        for document in documents.iter().filter(|d| d.status == Status::Published) {
            *published.entry(document.category.clone()).or_insert(0) += 1;
        }
        Snapshot { generation, categories, documents, published }
    }

    fn document(&self, kind: DocKind, slug: &Slug) -> Option<&Document> {
        self.documents.iter().find(|d| d.kind == kind && &d.slug == slug)
    }
}

/// Where a portal keeps its latest [`Snapshot`].
#[derive(Debug, Default)]
pub struct SnapshotCell(Mutex<Option<Arc<Snapshot>>>);

impl SnapshotCell {
    fn at(&self, generation: i64) -> Option<Arc<Snapshot>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone().filter(|s| s.generation == generation)
    }

    fn keep(&self, snapshot: Arc<Snapshot>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(snapshot);
    }
}

/// The catalogue service ([`Portal::catalogue`]).
#[derive(Clone, Copy, Debug)]
pub struct Catalogue<'a> {
    portal: &'a Portal,
}

/// A customer's "Was this helpful?" answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vote<'a> {
    /// The document voted on.
    pub document: DocRef,
    /// The page's language.
    pub locale: Locale,
    /// Yes or no; `None` when the form sent neither.
    pub helpful: Option<bool>,
    /// The optional comment, as typed.
    pub comment: Option<&'a str>,
    /// The logged search the document was opened from, as the page's link said.
    pub from_search: Option<i64>,
}

impl Portal {
    /// The catalogue service.
    pub fn catalogue(&self) -> Catalogue<'_> {
        Catalogue { portal: self }
    }
}

impl Catalogue<'_> {
    /// Every category with its name in `locale` and its number of published documents,
    /// sorted by name (from the snapshot).
    pub async fn categories(&self, caller: &Caller, locale: Locale) -> Result<Vec<CategoryView>, ServiceError> {
        caller.require(Right::ReadKnowledgeBase)?;
        Ok(category_views(&*self.snapshot().await?, locale))
    }

    /// The snapshot at the database's content generation: the kept one, or a fresh one.
    async fn snapshot(&self) -> Result<Arc<Snapshot>, ServiceError> {
        let store = self.portal.store();
        let generation = store.content_generation().await?;
        if let Some(snapshot) = self.portal.catalogue_cell().at(generation) {
            return Ok(snapshot);
        }
        // Read after the generation: a change meanwhile is in it, and the next page, seeing a
        // later generation, reads it again.
        let snapshot = Arc::new(Snapshot::new(
            generation,
            store.categories().await?,
            self.portal.customers_documents(store.documents().await?),
        ));
        self.portal.catalogue_cell().keep(Arc::clone(&snapshot));
        Ok(snapshot)
    }

    /// The categories and either the most helpful articles (`category` = `None`) or the
    /// documents of one category, sorted by kind and title. [`ServiceError::NotFound`] when
    /// the category does not exist.
    pub async fn listing(
        &self,
        caller: &Caller,
        locale: Locale,
        category: Option<&str>,
    ) -> Result<CatalogueData, ServiceError> {
        caller.require(Right::ReadKnowledgeBase)?;
        let snapshot = self.snapshot().await?;
        let categories = category_views(&snapshot, locale);
        let documents = match category {
            Some(category) => {
                let slug = categories
                    .iter()
                    .find(|c| c.slug == category)
                    .and_then(|c| Slug::parse(&c.slug).ok())
                    .ok_or(ServiceError::NotFound)?;
                let mut links = category_links(&snapshot, &slug, locale, None);
                links.sort_by(|a, b| (a.kind, &a.title).cmp(&(b.kind, &b.title)));
                links
            }
            None => self
                .portal
                .store()
                .most_helpful(MOST_HELPFUL)
                .await?
                .iter()
                .filter_map(|slug| snapshot.document(DocKind::Article, slug).and_then(|d| link(d, locale)))
                .collect(),
        };
        Ok(CatalogueData { categories, documents })
    }

    /// A published article or solved case in `locale` (or another language when it has no
    /// such translation). Records the click when the customer came from a logged search
    /// (`from_search`), or the opening when a guided form suggested it (`via` =
    /// `form/draft/step`, see [`super::guided_form::GuidedForm::open_suggestion`]).
    pub async fn document_page(
        &self,
        caller: &Caller,
        locale: Locale,
        kind: DocKind,
        slug: &str,
        from_search: Option<i64>,
        via: Option<&str>,
    ) -> Result<ArticleData, ServiceError> {
        caller.require(Right::ReadKnowledgeBase)?;
        let slug = Slug::parse(slug).map_err(|_| ServiceError::NotFound)?;
        let store = self.portal.store();
        let snapshot = self.snapshot().await?;
        let doc = snapshot.document(kind, &slug).filter(|d| d.status == Status::Published);
        let doc = doc.ok_or(ServiceError::NotFound)?;
        let reference = doc.reference();
        if let Some(id) = from_search {
            // The page is what matters; a click that cannot be recorded is not worth a failure.
            let _ = store.log_click(id, &reference).await;
        }
        if let Some(via) = via {
            // Only an opening worth counting is recorded; a bad or stale link still shows the page.
            let _ = self.portal.guided_form().open_suggestion_via(caller, via, &reference).await;
        }
        let (shown, t) = doc.translation_for(locale).ok_or(ServiceError::NotFound)?;
        let category = snapshot.categories.iter().find(|c| c.slug == doc.category).map_or_else(
            || CategoryView { slug: doc.category.to_string(), name: doc.category.to_string(), documents: 0 },
            |c| category_view(&snapshot, c, locale),
        );
        let outdated_against = store.outdated_against(&reference, shown).await?;
        let mut related = category_links(&snapshot, &doc.category, locale, Some(&reference));
        related.truncate(RELATED);
        Ok(ArticleData {
            kind,
            slug: slug.to_string(),
            locale: shown,
            title: t.title.clone(),
            summary: t.summary.clone(),
            html: to_html(&t.body),
            tags: t.tags.clone(),
            category,
            locales: doc.translations.keys().copied().collect(),
            outdated_against,
            related,
        })
    }

    /// Records a vote on a published document. The document must exist
    /// ([`ServiceError::NotFound`]); a vote that is neither yes nor no is
    /// `Invalid("error-invalid-vote")`, a comment over [`MAX_COMMENT`] characters
    /// `Invalid("error-comment-too-long")`. Once the vote is in order, `counts` says whether it
    /// is stored (false: the same address voted on it recently; answered as if counted).
    pub async fn vote(
        &self,
        caller: &Caller,
        vote: &Vote<'_>,
        counts: impl FnOnce() -> bool,
    ) -> Result<(), ServiceError> {
        caller.require(Right::ReadKnowledgeBase)?;
        let store = self.portal.store();
        if store.document(vote.document.kind, &vote.document.slug).await?.is_none() {
            return Err(ServiceError::NotFound);
        }
        let helpful = vote.helpful.ok_or(ServiceError::Invalid("error-invalid-vote"))?;
        let comment = vote.comment.map(str::trim).filter(|c| !c.is_empty());
        if comment.is_some_and(|c| c.chars().count() > MAX_COMMENT) {
            return Err(ServiceError::Invalid("error-comment-too-long"));
        }
        if counts() {
            store.record_vote(&vote.document, vote.locale, helpful, comment).await?;
            if let (true, Some(search)) = (helpful, vote.from_search) {
                // Learning is a bonus: a vote is not refused because it could not teach.
                match store.learn_from_vote(search, &vote.document, vote.locale).await {
                    Ok(true) => {
                        let _ = self.portal.refresh_learned().await;
                    }
                    Ok(false) => {}
                    Err(e) => tracing::warn!(error = %e, "a helpful vote could not be learned from"),
                }
            }
        }
        Ok(())
    }

    /// Every page a search engine may index: the front page, each category, and each published
    /// article and solved case in the languages it is written in (the sitemap).
    pub async fn indexable_pages(&self, caller: &Caller) -> Result<Vec<IndexablePage>, ServiceError> {
        caller.require(Right::ReadKnowledgeBase)?;
        let snapshot = self.snapshot().await?;
        let mut pages = vec![IndexablePage::Home];
        pages.extend(snapshot.categories.iter().map(|c| IndexablePage::Category(c.slug.to_string())));
        pages.extend(snapshot.documents.iter().filter(|d| d.status == Status::Published).map(|d| {
            IndexablePage::Document {
                kind: d.kind,
                slug: d.slug.to_string(),
                locales: d.translations.keys().copied().collect(),
            }
        }));
        Ok(pages)
    }
}

/// Every category with its name in `locale` and its number of published documents, sorted by
/// name.
fn category_views(snapshot: &Snapshot, locale: Locale) -> Vec<CategoryView> {
    let mut views: Vec<CategoryView> = snapshot.categories.iter().map(|c| category_view(snapshot, c, locale)).collect();
    views.sort_by(|a, b| a.name.cmp(&b.name));
    views
}

/// `category` with its name in `locale` and its number of published documents.
fn category_view(snapshot: &Snapshot, category: &Category, locale: Locale) -> CategoryView {
    CategoryView {
        slug: category.slug.to_string(),
        name: category.name(locale).to_owned(),
        documents: snapshot.published.get(&category.slug).copied().unwrap_or(0),
    }
}

/// Links to the published documents of `category` in `locale`, except `except`.
fn category_links(snapshot: &Snapshot, category: &Slug, locale: Locale, except: Option<&DocRef>) -> Vec<DocumentLink> {
    snapshot
        .documents
        .iter()
        .filter(|d| &d.category == category)
        .filter(|d| d.status == Status::Published && except.is_none_or(|e| e.kind != d.kind || e.slug != d.slug))
        .filter_map(|d| link(d, locale))
        .collect()
}

fn link(doc: &Document, locale: Locale) -> Option<DocumentLink> {
    let (shown, t) = doc.translation_for(locale)?;
    Some(DocumentLink {
        kind: doc.kind,
        slug: doc.slug.to_string(),
        title: t.title.clone(),
        locale: shown,
        summary: t.summary.clone(),
    })
}
