//! The knowledge base as customers read it: categories, a document's page with its related
//! documents, the most helpful articles, and "Was this helpful?" votes.

use super::{Caller, Right, ServiceError};
use crate::Locale;
use crate::Portal;
use crate::content::markdown::to_html;
use crate::content::{DocKind, DocRef, Document, Slug, Status};
use crate::store::MAX_COMMENT;
use crate::views::catalogue::{ArticleData, CatalogueData, CategoryView, DocumentLink, IndexablePage};

/// How many articles the home page lists as most helpful.
const MOST_HELPFUL: i64 = 6;
/// How many related documents an article page lists.
const RELATED: usize = 5;

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
    /// sorted by name: two small queries, never the documents themselves.
    pub async fn categories(&self, caller: &Caller, locale: Locale) -> Result<Vec<CategoryView>, ServiceError> {
        caller.require(Right::ReadKnowledgeBase)?;
        let store = self.portal.store();
        let categories = store.categories().await?;
        let counts = store.published_counts_by_category().await?;
        let mut views: Vec<CategoryView> = categories
            .iter()
            .map(|c| CategoryView {
                slug: c.slug.to_string(),
                name: c.name(locale).to_owned(),
                documents: counts.get(c.slug.as_str()).map_or(0, |n| usize::try_from(*n).unwrap_or(0)),
            })
            .collect();
        views.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(views)
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
        let categories = self.categories(caller, locale).await?;
        let documents = match category {
            Some(category) => {
                let slug = categories
                    .iter()
                    .find(|c| c.slug == category)
                    .and_then(|c| Slug::parse(&c.slug).ok())
                    .ok_or(ServiceError::NotFound)?;
                let mut links = self.category_links(&slug, locale, None).await?;
                links.sort_by(|a, b| (a.kind, &a.title).cmp(&(b.kind, &b.title)));
                links
            }
            None => {
                let mut links = Vec::new();
                for slug in self.portal.store().most_helpful(MOST_HELPFUL).await? {
                    let doc = self.portal.store().document(DocKind::Article, &slug).await?;
                    links.extend(doc.as_ref().and_then(|d| link(d, locale)));
                }
                links
            }
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
        let doc = store.document(kind, &slug).await?.filter(|d| d.status == Status::Published);
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
        let category =
            self.categories(caller, locale).await?.into_iter().find(|c| c.slug == doc.category.as_str()).unwrap_or(
                CategoryView { slug: doc.category.to_string(), name: doc.category.to_string(), documents: 0 },
            );
        let outdated_against = store.outdated_against(&reference, shown).await?;
        let mut related = self.category_links(&doc.category, locale, Some(&reference)).await?;
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
        let store = self.portal.store();
        let mut pages = vec![IndexablePage::Home];
        pages.extend(store.categories().await?.into_iter().map(|c| IndexablePage::Category(c.slug.to_string())));
        pages.extend(store.documents().await?.into_iter().filter(|d| d.status == Status::Published).map(|d| {
            IndexablePage::Document {
                kind: d.kind,
                slug: d.slug.to_string(),
                locales: d.translations.keys().copied().collect(),
            }
        }));
        Ok(pages)
    }

    /// Links to the published documents of `category` in `locale`, except `except`.
    async fn category_links(
        &self,
        category: &Slug,
        locale: Locale,
        except: Option<&DocRef>,
    ) -> Result<Vec<DocumentLink>, ServiceError> {
        let documents = self.portal.store().documents_in_category(category).await?;
        Ok(documents
            .iter()
            .filter(|d| d.status == Status::Published && except.is_none_or(|e| e.kind != d.kind || e.slug != d.slug))
            .filter_map(|d| link(d, locale))
            .collect())
    }
}

/// A link to `doc` with its text in `locale` by the one fallback rule.
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
