//! The editors' workspace: every document with its translations' states, editing a text as a
//! draft, publishing it (searchable at once), a text's history with diffs, and restoring an old
//! revision as a new draft. Nothing an editor does overwrites: every save is a revision.
//!
//! Translation status: a translation remembers the source text's revision it was made from
//! (`based_on`); when the source text is published with a major change, every translation
//! based on an older revision is out of date until it is published again.

use super::{Caller, Right, ServiceError};
use crate::Locale;
use crate::Portal;
use crate::content::{ChangeSize, DocKind, DocRef, RevisionId, Slug, Status, Translation, TranslationState};
use crate::staff::Role;
use crate::store::{DocumentRecord, NewRevision, RevisionRecord};
use crate::views::editing::{
    CategoryChoice, CategoryRow, CompareText, DiffView, EditorData, HistoryData, LineChange, ReviewItem, ReviewView,
    RevisionRow, TextCell, TextFields, WorkspaceData, WorkspaceFilter, WorkspaceRow,
};

/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest summary, in characters.
pub const MAX_SUMMARY_CHARS: usize = 500;
/// Longest body, in characters.
pub const MAX_BODY_CHARS: usize = 50_000;
/// Most tags on one text.
pub const MAX_TAGS: usize = 20;
/// Longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 50;
/// Longest note on a revision, in characters.
pub const MAX_NOTE_CHARS: usize = 500;
/// Documents per page of the workspace list.
pub const WORKSPACE_PAGE: usize = 50;
/// Longest category name, in characters.
pub const MAX_CATEGORY_NAME_CHARS: usize = 100;

/// An edit as the editor form posts it.
#[derive(Clone, Copy, Debug)]
pub struct Edit<'a> {
    /// The text's fields.
    pub title: &'a str,
    /// The summary (empty: none).
    pub summary: &'a str,
    /// The body, in Markdown.
    pub body: &'a str,
    /// Tags, comma-separated.
    pub tags: &'a str,
    /// Questions the text answers, one per line.
    pub questions: &'a str,
    /// How much it changes.
    pub change: ChangeSize,
    /// The editor's note.
    pub note: &'a str,
}

impl Edit<'_> {
    /// The text, once every field is in bounds; else the code of the first that is not.
    fn text(&self) -> Result<Translation, ServiceError> {
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
            return Err(ServiceError::Invalid("error-editor-title"));
        }
        let summary = self.summary.trim();
        if summary.chars().count() > MAX_SUMMARY_CHARS {
            return Err(ServiceError::Invalid("error-editor-summary"));
        }
        let body = self.body.trim_end().replace("\r\n", "\n");
        if body.trim().is_empty() || body.chars().count() > MAX_BODY_CHARS {
            return Err(ServiceError::Invalid("error-editor-body"));
        }
        let tags: Vec<String> =
            self.tags.split(',').map(str::trim).filter(|tag| !tag.is_empty()).map(str::to_owned).collect();
        if tags.len() > MAX_TAGS || tags.iter().any(|tag| tag.chars().count() > MAX_TAG_CHARS) {
            return Err(ServiceError::Invalid("error-editor-tags"));
        }
        let questions = crate::content::checked_questions(self.questions.lines().map(str::to_owned).collect())
            .map_err(|_| ServiceError::Invalid("error-editor-questions"))?;
        if self.note.chars().count() > MAX_NOTE_CHARS {
            return Err(ServiceError::Invalid("error-editor-note"));
        }
        Ok(Translation {
            title: title.to_owned(),
            summary: (!summary.is_empty()).then(|| summary.to_owned()),
            body,
            tags,
            questions,
        })
    }
}

/// What a save did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The text's latest revision now.
    pub revision: RevisionId,
    /// False when the text was the same as the latest revision's: nothing was added.
    pub added: bool,
}

/// The workspace service ([`Portal::editing`]).
#[derive(Clone, Copy, Debug)]
pub struct Editing<'a> {
    portal: &'a Portal,
}

impl Portal {
    /// The editors' workspace.
    pub fn editing(&self) -> Editing<'_> {
        Editing { portal: self }
    }
}

/// A document named by the kind and slug of a URL.
pub fn document_ref(kind: &str, slug: &str) -> Result<DocRef, ServiceError> {
    let kind = kind.parse::<DocKind>().map_err(|_| ServiceError::NotFound)?;
    let slug = Slug::parse(slug).map_err(|_| ServiceError::NotFound)?;
    Ok(DocRef::new(kind, slug))
}

fn fields_of(text: &Translation) -> TextFields {
    TextFields {
        title: text.title.clone(),
        summary: text.summary.clone().unwrap_or_default(),
        body: text.body.clone(),
        tags: text.tags.join(", "),
        questions: text.questions.join("\n"),
    }
}

/// Each locale's state in a document record.
fn text_cells(record: &DocumentRecord) -> Vec<TextCell> {
    Locale::ALL
        .into_iter()
        .map(|locale| {
            let text = record.texts.get(&locale);
            let published = text.and_then(|t| t.published.as_ref()).map(|(id, _)| *id);
            let latest = text.and_then(|t| t.latest.as_ref()).map(|(id, _)| *id);
            let state = if published.is_none() {
                TranslationState::Missing
            } else {
                TranslationState::of(
                    locale == record.source_locale,
                    text.and_then(|t| t.based_on),
                    record.major_revision,
                )
            };
            TextCell { locale, state, has_draft: latest > published }
        })
        .collect()
}

/// The text as one block of lines for a diff: title, summary, tags, then the body.
fn diff_lines(text: &Translation) -> String {
    let mut block = format!("# {}\n", text.title);
    if let Some(summary) = &text.summary {
        block.push_str(&format!("> {summary}\n"));
    }
    if !text.tags.is_empty() {
        block.push_str(&format!("[{}]\n", text.tags.join(", ")));
    }
    for question in &text.questions {
        block.push_str(&format!("? {question}\n"));
    }
    block.push('\n');
    block.push_str(&text.body);
    block.push('\n');
    block
}

/// The line-by-line difference between two revisions.
fn diff(from: &RevisionRecord, to: &RevisionRecord) -> DiffView {
    let (old, new) = (diff_lines(&from.text), diff_lines(&to.text));
    let lines = similar::TextDiff::from_lines(&old, &new)
        .iter_all_changes()
        .map(|change| {
            let kind = match change.tag() {
                similar::ChangeTag::Equal => LineChange::Same,
                similar::ChangeTag::Insert => LineChange::Added,
                similar::ChangeTag::Delete => LineChange::Removed,
            };
            (kind, change.value().trim_end_matches('\n').to_owned())
        })
        .collect();
    DiffView { from: from.id, to: to.id, lines }
}

fn member_of(caller: &Caller) -> Option<crate::staff::StaffId> {
    match caller {
        Caller::Staff(member) => Some(member.id),
        _ => None,
    }
}

impl<'a> Editing<'a> {
    /// The portal behind the service (for its other parts, such as the analytics).
    pub(super) fn portal(&self) -> &'a Portal {
        self.portal
    }
}

impl Editing<'_> {
    /// The documents the filters let through, [`WORKSPACE_PAGE`] per page, with each
    /// locale's state.
    pub async fn workspace(
        &self,
        caller: &Caller,
        viewer: Locale,
        filter: &WorkspaceFilter,
    ) -> Result<WorkspaceData, ServiceError> {
        caller.require(Right::EditContent)?;
        let store = self.portal.store();
        let categories = store.categories().await?;
        let records = store.document_records(None).await?;
        let total = records.len();
        let query = filter.query.trim().to_lowercase();
        let mut rows = Vec::new();
        for record in records {
            let texts = text_cells(&record);
            let title = viewer
                .pick(&record.texts.iter().filter_map(|(l, t)| Some((*l, t.latest.as_ref()?.1.clone()))).collect())
                .map(|(_, title)| title.clone())
                .unwrap_or_else(|| record.document.slug.to_string());
            let wanted = filter.category.as_deref().is_none_or(|c| record.category.as_str() == c)
                && filter.status.is_none_or(|s| record.status == s)
                && filter.state.is_none_or(|state| {
                    texts.iter().any(|cell| filter.locale.is_none_or(|l| cell.locale == l) && cell.state == state)
                })
                && (query.is_empty()
                    || record.document.slug.as_str().contains(&query)
                    || record
                        .texts
                        .values()
                        .any(|t| t.latest.as_ref().is_some_and(|(_, title)| title.to_lowercase().contains(&query))));
            if !wanted {
                continue;
            }
            let category = categories
                .iter()
                .find(|c| c.slug == record.category)
                .map_or_else(|| record.category.to_string(), |c| c.name(viewer).to_owned());
            rows.push(WorkspaceRow {
                kind: record.document.kind,
                slug: record.document.slug.to_string(),
                title,
                category,
                status: record.status,
                source_locale: record.source_locale,
                texts,
            });
        }
        let categories = categories
            .iter()
            .map(|c| CategoryChoice { slug: c.slug.to_string(), name: c.name(viewer).to_owned() })
            .collect();
        let mut reviews = Vec::new();
        if let Some(me) = member_of(caller) {
            for review in store.reviews_waiting_for(me).await? {
                let title = store.revision(review.revision).await?.map(|r| r.text.title).unwrap_or_default();
                reviews.push(ReviewItem {
                    kind: review.document.kind,
                    slug: review.document.slug.to_string(),
                    locale: review.locale,
                    title,
                    requested_by: review.requested_by.1,
                });
            }
        }
        let matching = rows.len();
        let pages = matching.div_ceil(WORKSPACE_PAGE).max(1);
        let page = filter.page.clamp(1, pages);
        let rows = rows.into_iter().skip((page - 1) * WORKSPACE_PAGE).take(WORKSPACE_PAGE).collect();
        Ok(WorkspaceData { rows, matching, total, page, pages, categories, reviews })
    }

    async fn record(&self, document: &DocRef) -> Result<DocumentRecord, ServiceError> {
        let records = self.portal.store().document_records(Some(document)).await?;
        records.into_iter().next().ok_or(ServiceError::NotFound)
    }

    /// The editor of `document`'s text in `locale`: its latest revision (the draft, if there is
    /// one), and `compare`'s published text beside it when asked for.
    pub async fn editor(
        &self,
        caller: &Caller,
        viewer: Locale,
        document: &DocRef,
        locale: Locale,
        compare: Option<Locale>,
    ) -> Result<EditorData, ServiceError> {
        caller.require(Right::EditContent)?;
        let store = self.portal.store();
        let record = self.record(document).await?;
        let cells = text_cells(&record);
        let state = cells.iter().find(|c| c.locale == locale).map_or(TranslationState::Missing, |c| c.state);
        let text = record.texts.get(&locale).cloned().unwrap_or_default();
        let latest = match &text.latest {
            Some((id, _)) => store.revision(*id).await?,
            None => None,
        };
        let fields = latest.as_ref().map(|r| fields_of(&r.text)).unwrap_or_default();
        let published = text.published.as_ref().map(|(id, _)| *id);
        let draft = text.latest.as_ref().map(|(id, _)| *id).filter(|id| Some(*id) > published);
        let source_now = record.texts.get(&record.source_locale).and_then(|s| s.published.as_ref()).map(|(id, _)| *id);
        let source_change = match (state, text.based_on, source_now) {
            (TranslationState::OutOfDate, Some(from), Some(to)) => {
                match (store.revision(from).await?, store.revision(to).await?) {
                    (Some(from), Some(to)) => Some(diff(&from, &to)),
                    _ => None,
                }
            }
            _ => None,
        };
        let compare = match compare.filter(|other| *other != locale) {
            Some(other) => {
                let published = self.portal.store().document(document.kind, &document.slug).await?;
                published.and_then(|d| d.translations.get(&other).cloned()).map(|t| CompareText {
                    locale: other,
                    html: self.portal.render_markdown(&t.body),
                    text: fields_of(&t),
                })
            }
            None => None,
        };
        let categories = store.categories().await?;
        let category = categories
            .iter()
            .find(|c| c.slug == record.category)
            .map_or_else(|| record.category.to_string(), |c| c.name(viewer).to_owned());
        let review = store.open_review(document, locale).await?.map(|r| ReviewView {
            viewer_reviews: member_of(caller) == Some(r.reviewer.0),
            requested_by: r.requested_by.1,
            reviewer: r.reviewer.1,
        });
        let returned = match draft {
            Some(_) => store.last_returned_review(document, locale).await?.map(|r| (r.reviewer, r.comment)),
            None => None,
        };
        let mut reviewers = Vec::new();
        for id in store.staff_account_ids().await? {
            if let Some(account) = store.staff_account(id).await?
                && account.active
                && Some(account.id) != member_of(caller)
                && (account.roles.contains(&Role::Editor) || account.roles.contains(&Role::Admin))
            {
                reviewers.push((account.email.to_string(), account.name));
            }
        }
        Ok(EditorData {
            review,
            returned,
            reviewers,
            kind: document.kind,
            slug: document.slug.to_string(),
            locale,
            category,
            category_slug: record.category.to_string(),
            categories: categories
                .iter()
                .map(|c| CategoryChoice { slug: c.slug.to_string(), name: c.name(viewer).to_owned() })
                .collect(),
            status: record.status,
            source_locale: record.source_locale,
            state,
            preview_html: self.portal.render_markdown(&fields.body),
            text: fields,
            published,
            draft,
            source_change,
            locales: cells,
            compare,
        })
    }

    /// Saves `edit` as the latest revision of `document`'s text in `locale` (a draft: customers
    /// see nothing until it is published). A text the same as the latest revision adds nothing.
    pub async fn save(
        &self,
        caller: &Caller,
        document: &DocRef,
        locale: Locale,
        edit: &Edit<'_>,
    ) -> Result<Saved, ServiceError> {
        caller.require(Right::EditContent)?;
        let text = edit.text()?;
        self.save_text(caller, document, locale, text, edit.change, edit.note.trim()).await
    }

    /// Saves `text` as the latest revision unless it is the latest's already.
    async fn save_text(
        &self,
        caller: &Caller,
        document: &DocRef,
        locale: Locale,
        text: Translation,
        change: ChangeSize,
        note: &str,
    ) -> Result<Saved, ServiceError> {
        let record = self.record(document).await?;
        let store = self.portal.store();
        let texts = record.texts.get(&locale);
        if let Some((latest, _)) = texts.and_then(|t| t.latest.as_ref()) {
            let same = store.revision(*latest).await?.is_some_and(|r| r.text == text);
            if same {
                return Ok(Saved { revision: *latest, added: false });
            }
        }
        // A translation follows the source text customers read now.
        let based_on = if locale == record.source_locale {
            None
        } else {
            record.texts.get(&record.source_locale).and_then(|s| s.published.as_ref()).map(|(id, _)| *id)
        };
        let revision = NewRevision { document, locale, text: &text, change, note, based_on, author: member_of(caller) };
        let id = store.add_revision(&revision).await?;
        store.record_audit(member_of(caller), "document.save", &format!("{document}/{}#{id}", locale.code())).await?;
        Ok(Saved { revision: id, added: true })
    }

    /// Publishes the latest revision of `document`'s text in `locale`: customers read it, and
    /// search finds it, as soon as this returns. A major change among the revisions since the
    /// last published one, in the source text, puts the translations out of date.
    pub async fn publish(
        &self,
        caller: &Caller,
        document: &DocRef,
        locale: Locale,
    ) -> Result<RevisionId, ServiceError> {
        caller.require(Right::EditContent)?;
        let record = self.record(document).await?;
        let store = self.portal.store();
        let text = record.texts.get(&locale).ok_or(ServiceError::Invalid("error-editor-nothing-to-publish"))?;
        let (latest, _) = text.latest.clone().ok_or(ServiceError::Invalid("error-editor-nothing-to-publish"))?;
        let published = text.published.as_ref().map(|(id, _)| *id);
        if Some(latest) == published && record.status == Status::Published {
            return Ok(latest);
        }
        let major = store
            .revisions_of(document, locale)
            .await?
            .iter()
            .any(|r| Some(r.id) > published && r.id <= latest && r.change == ChangeSize::Major);
        store.publish_revision(latest, major).await?;
        store.answer_review(document, locale, "published", "").await?;
        store
            .record_audit(member_of(caller), "document.publish", &format!("{document}/{}#{latest}", locale.code()))
            .await?;
        self.portal.catch_up_index().await?;
        Ok(latest)
    }

    /// Takes `document` off the customers' pages and out of search (its texts stay).
    pub async fn unpublish(&self, caller: &Caller, document: &DocRef) -> Result<(), ServiceError> {
        caller.require(Right::EditContent)?;
        if !self.portal.store().set_document_status(document, Status::Draft).await? {
            return Err(ServiceError::NotFound);
        }
        self.portal.store().record_audit(member_of(caller), "document.unpublish", &document.to_string()).await?;
        self.portal.catch_up_index().await?;
        Ok(())
    }

    /// The history of `document`'s text in `locale`, with the diff from revision `from` to
    /// `to` (default: the latest against the one before it).
    pub async fn history(
        &self,
        caller: &Caller,
        document: &DocRef,
        locale: Locale,
        from: Option<RevisionId>,
        to: Option<RevisionId>,
    ) -> Result<HistoryData, ServiceError> {
        caller.require(Right::EditContent)?;
        let record = self.record(document).await?;
        let published = record.texts.get(&locale).and_then(|t| t.published.as_ref()).map(|(id, _)| *id);
        let store = self.portal.store();
        let revisions = store.revisions_of(document, locale).await?;
        let latest = revisions.first().ok_or(ServiceError::NotFound)?;
        let find = |id: Option<RevisionId>| id.and_then(|id| revisions.iter().find(|r| r.id == id));
        let to_revision = find(to).unwrap_or(latest);
        let from_revision = find(from).or_else(|| revisions.iter().find(|r| r.id < to_revision.id));
        let diff = from_revision
            .map(|from| if from.id <= to_revision.id { diff(from, to_revision) } else { diff(to_revision, from) });
        Ok(HistoryData {
            kind: document.kind,
            slug: document.slug.to_string(),
            locale,
            title: latest.text.title.clone(),
            diff,
            revisions: revisions
                .iter()
                .map(|r| RevisionRow {
                    id: r.id,
                    author: r.author.as_ref().map(|(_, name)| name.clone()),
                    at: r.at,
                    note: r.note.clone(),
                    change: r.change,
                    published: Some(r.id) == published,
                })
                .collect(),
        })
    }

    /// Makes revision `id` of `document`'s text in `locale` the latest again, as a new draft
    /// revision (a major change, noted in `note`). The revisions in between stay.
    pub async fn restore(
        &self,
        caller: &Caller,
        document: &DocRef,
        locale: Locale,
        id: RevisionId,
        note: &str,
    ) -> Result<Saved, ServiceError> {
        caller.require(Right::EditContent)?;
        let store = self.portal.store();
        let old = store
            .revision(id)
            .await?
            .filter(|r| &r.document == document && r.locale == locale)
            .ok_or(ServiceError::NotFound)?;
        // The old text as it was, not as the editor form would read it again.
        let saved = self.save_text(caller, document, locale, old.text, ChangeSize::Major, note).await?;
        store
            .record_audit(member_of(caller), "document.restore", &format!("{document}/{}#{id}", locale.code()))
            .await?;
        Ok(saved)
    }

    /// Makes a new article or solved case in `category`, written first in `locale` with
    /// `edit` as its first revision (a draft: customers see it once it is published).
    pub async fn create(
        &self,
        caller: &Caller,
        kind: DocKind,
        slug: &str,
        category: &str,
        locale: Locale,
        edit: &Edit<'_>,
    ) -> Result<DocRef, ServiceError> {
        caller.require(Right::EditContent)?;
        let slug = Slug::parse(slug.trim()).map_err(|_| ServiceError::Invalid("error-editor-slug"))?;
        let category = self.existing_category(category).await?;
        let text = edit.text()?;
        let document = DocRef::new(kind, slug);
        let store = self.portal.store();
        if !store.create_document(&document, &category, locale).await? {
            return Err(ServiceError::Invalid("error-editor-slug-taken"));
        }
        store.record_audit(member_of(caller), "document.create", &document.to_string()).await?;
        self.save_text(caller, &document, locale, text, edit.change, edit.note.trim()).await?;
        Ok(document)
    }

    /// Deletes `document`: gone from the customers' pages and from search at once. Its
    /// revisions stay in the database. Only with `confirmed` (the confirmation's field).
    pub async fn delete(&self, caller: &Caller, document: &DocRef, confirmed: bool) -> Result<(), ServiceError> {
        caller.require(Right::EditContent)?;
        if !confirmed {
            return Err(ServiceError::Invalid("error-editor-confirm"));
        }
        if !self.portal.store().delete_document(document).await? {
            return Err(ServiceError::NotFound);
        }
        self.portal.store().record_audit(member_of(caller), "document.delete", &document.to_string()).await?;
        self.portal.catch_up_index().await?;
        Ok(())
    }

    /// Moves `document` to the category `category`.
    pub async fn move_to(&self, caller: &Caller, document: &DocRef, category: &str) -> Result<(), ServiceError> {
        caller.require(Right::EditContent)?;
        let category = self.existing_category(category).await?;
        if !self.portal.store().move_document(document, &category).await? {
            return Err(ServiceError::NotFound);
        }
        let object = format!("{document}→{category}");
        self.portal.store().record_audit(member_of(caller), "document.move", &object).await?;
        self.portal.catch_up_index().await?;
        Ok(())
    }

    async fn existing_category(&self, slug: &str) -> Result<Slug, ServiceError> {
        let categories = self.portal.store().categories().await?;
        categories
            .into_iter()
            .map(|c| c.slug)
            .find(|c| c.as_str() == slug)
            .ok_or(ServiceError::Invalid("error-editor-category"))
    }

    /// Every category with its names and how many documents it has.
    pub async fn categories(&self, caller: &Caller) -> Result<Vec<CategoryRow>, ServiceError> {
        caller.require(Right::EditContent)?;
        let store = self.portal.store();
        let records = store.document_records(None).await?;
        Ok(store
            .categories()
            .await?
            .into_iter()
            .map(|c| CategoryRow {
                documents: records.iter().filter(|r| r.category == c.slug).count(),
                slug: c.slug.to_string(),
                names: c.names,
            })
            .collect())
    }

    /// Creates the category `slug`, or renames it, with a name in every locale (each 1 to
    /// [`MAX_CATEGORY_NAME_CHARS`] characters). True when it is new.
    pub async fn save_category(
        &self,
        caller: &Caller,
        slug: &str,
        names: &[(Locale, &str)],
    ) -> Result<bool, ServiceError> {
        caller.require(Right::EditContent)?;
        let slug = Slug::parse(slug.trim()).map_err(|_| ServiceError::Invalid("error-category-slug"))?;
        let mut category = crate::content::Category { slug, names: Default::default() };
        for locale in Locale::ALL {
            let name = names.iter().find(|(l, _)| *l == locale).map_or("", |(_, n)| n.trim());
            if name.is_empty() || name.chars().count() > MAX_CATEGORY_NAME_CHARS {
                return Err(ServiceError::Invalid("error-category-name"));
            }
            category.names.insert(locale, name.to_owned());
        }
        let store = self.portal.store();
        let created = store.save_category(&category).await?;
        let action = if created { "category.create" } else { "category.rename" };
        store.record_audit(member_of(caller), action, &format!("category/{}", category.slug)).await?;
        Ok(created)
    }

    /// Deletes a category that has no documents (`error-category-not-empty` otherwise).
    pub async fn delete_category(&self, caller: &Caller, slug: &str) -> Result<(), ServiceError> {
        caller.require(Right::EditContent)?;
        let slug = Slug::parse(slug).map_err(|_| ServiceError::NotFound)?;
        let store = self.portal.store();
        if !store.categories().await?.iter().any(|c| c.slug == slug) {
            return Err(ServiceError::NotFound);
        }
        if !store.delete_empty_category(&slug).await? {
            return Err(ServiceError::Invalid("error-category-not-empty"));
        }
        store.record_audit(member_of(caller), "category.delete", &format!("category/{slug}")).await?;
        Ok(())
    }

    /// Asks the member at `reviewer_email` (an active editor or admin, not the caller) to
    /// review the draft of `document`'s text in `locale` before it is published. They see it
    /// in their workspace; anyone who may edit can still publish.
    pub async fn request_review(
        &self,
        caller: &Caller,
        document: &DocRef,
        locale: Locale,
        reviewer_email: &str,
    ) -> Result<(), ServiceError> {
        caller.require(Right::EditContent)?;
        let Some(me) = member_of(caller) else { return Err(ServiceError::Forbidden) };
        let record = self.record(document).await?;
        let text = record.texts.get(&locale);
        let published = text.and_then(|t| t.published.as_ref()).map(|(id, _)| *id);
        let draft = text.and_then(|t| t.latest.as_ref()).map(|(id, _)| *id).filter(|id| Some(*id) > published);
        let draft = draft.ok_or(ServiceError::Invalid("error-review-no-draft"))?;
        let store = self.portal.store();
        let email = crate::email::Email::parse(&reviewer_email.trim().to_lowercase());
        let reviewer = match email {
            Some(email) => store.staff_account_by_email(&email).await?,
            None => None,
        };
        let reviewer = reviewer
            .filter(|r| r.active && r.id != me && (r.roles.contains(&Role::Editor) || r.roles.contains(&Role::Admin)))
            .ok_or(ServiceError::Invalid("error-review-reviewer"))?;
        store.request_review(document, locale, draft, me, reviewer.id).await?;
        let object = format!("{document}/{}#{draft}→staff:{}", locale.code(), reviewer.email);
        store.record_audit(Some(me), "document.review-request", &object).await?;
        Ok(())
    }

    /// The reviewer sends the draft back with `comment` (at most [`MAX_NOTE_CHARS`]
    /// characters) instead of publishing it. Only the member asked may.
    pub async fn return_draft(
        &self,
        caller: &Caller,
        document: &DocRef,
        locale: Locale,
        comment: &str,
    ) -> Result<(), ServiceError> {
        caller.require(Right::EditContent)?;
        let store = self.portal.store();
        let review = store.open_review(document, locale).await?.ok_or(ServiceError::Invalid("error-review-none"))?;
        if member_of(caller) != Some(review.reviewer.0) {
            return Err(ServiceError::Forbidden);
        }
        let comment = comment.trim();
        if comment.is_empty() || comment.chars().count() > MAX_NOTE_CHARS {
            return Err(ServiceError::Invalid("error-review-comment"));
        }
        store.answer_review(document, locale, "returned", comment).await?;
        store
            .record_audit(member_of(caller), "document.review-return", &format!("{document}/{}", locale.code()))
            .await?;
        Ok(())
    }

    /// Markdown rendered as customers will see it: the editor's live preview.
    pub fn preview(&self, caller: &Caller, body: &str) -> Result<String, ServiceError> {
        caller.require(Right::EditContent)?;
        if body.chars().count() > MAX_BODY_CHARS {
            return Err(ServiceError::Invalid("error-editor-body"));
        }
        Ok(self.portal.render_markdown(body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit<'a>(title: &'a str, body: &'a str, tags: &'a str) -> Edit<'a> {
        Edit { title, summary: "", body, tags, questions: "", change: ChangeSize::Minor, note: "" }
    }

    #[test]
    fn an_edit_is_trimmed_and_its_tags_split() {
        let text = edit("  Otsikko ", "Teksti\r\nrivi\n\n", " a, b ,, c ").text().expect("valid");
        assert_eq!(text.title, "Otsikko");
        assert_eq!(text.body, "Teksti\nrivi");
        assert_eq!(text.tags, ["a", "b", "c"]);
        assert_eq!(text.summary, None);
    }

    #[test]
    fn an_edit_out_of_bounds_says_which_field() {
        let code = |e: Edit<'_>| match e.text() {
            Err(ServiceError::Invalid(code)) => code,
            other => panic!("{other:?}"),
        };
        assert_eq!(code(edit(" ", "b", "")), "error-editor-title");
        assert_eq!(code(edit(&"t".repeat(MAX_TITLE_CHARS + 1), "b", "")), "error-editor-title");
        assert_eq!(code(edit("t", "  \n", "")), "error-editor-body");
        let tags = vec!["x"; MAX_TAGS + 1].join(",");
        assert_eq!(code(edit("t", "b", &tags)), "error-editor-tags");
        let long_note = "n".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(code(Edit { note: &long_note, ..edit("t", "b", "") }), "error-editor-note");
    }

    #[test]
    fn a_diff_shows_removed_and_added_lines_in_order() {
        let revision = |id, body: &str| RevisionRecord {
            id: RevisionId(id),
            document: DocRef::parse("article/a").expect("ref"),
            locale: Locale::Fi,
            text: Translation { title: "T".into(), summary: None, body: body.into(), tags: vec![], questions: vec![] },
            change: ChangeSize::Minor,
            note: String::new(),
            based_on: None,
            author: None,
            at: crate::time::Timestamp::from_millis(0),
        };
        let view = diff(&revision(1, "yksi\nkaksi"), &revision(2, "yksi\nkolme"));
        let changed: Vec<_> = view.lines.iter().filter(|(kind, _)| *kind != LineChange::Same).collect();
        assert_eq!(changed, [&(LineChange::Removed, "kaksi".to_owned()), &(LineChange::Added, "kolme".to_owned())]);
    }
}
