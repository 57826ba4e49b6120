//! What the editors' workspace shows: the list of documents with their translations' states,
//! the editor of one text, and a text's history with a diff between two revisions.

use crate::Locale;
use crate::content::{ChangeSize, DocKind, RevisionId, Status, TranslationState};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The workspace list's filters, as the filter form sends them (all optional).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceFilter {
    /// Only this category.
    pub category: Option<String>,
    /// Only documents with this status.
    pub status: Option<Status>,
    /// The locale whose translation `state` is asked about (default: every locale).
    pub locale: Option<Locale>,
    /// Only documents with a text in this state (in `locale`, or in any locale).
    pub state: Option<TranslationState>,
    /// Words the slug or a title contains.
    pub query: String,
    /// The page of the list, from 1.
    pub page: usize,
}

/// One locale's text in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextCell {
    /// The locale.
    pub locale: Locale,
    /// Its state against the source text.
    pub state: TranslationState,
    /// True when a revision later than the published one waits.
    pub has_draft: bool,
}

/// One document in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceRow {
    /// Article or solved case.
    pub kind: DocKind,
    /// Its slug.
    pub slug: String,
    /// Its title in the viewer's language, else its source language's.
    pub title: String,
    /// Its category's name.
    pub category: String,
    /// Published or not.
    pub status: Status,
    /// The language it is written in first.
    pub source_locale: Locale,
    /// Each locale's text.
    pub texts: Vec<TextCell>,
}

/// A category to filter by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryChoice {
    /// Its slug.
    pub slug: String,
    /// Its name in the viewer's language.
    pub name: String,
}

/// The workspace's list page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceData {
    /// The page's documents among those the filters let through.
    pub rows: Vec<WorkspaceRow>,
    /// How many documents the filters let through.
    pub matching: usize,
    /// How many documents there are in all.
    pub total: usize,
    /// This page, from 1.
    pub page: usize,
    /// How many pages the matching documents fill.
    pub pages: usize,
    /// The categories, for the filter.
    pub categories: Vec<CategoryChoice>,
    /// Drafts waiting for the viewer's review.
    pub reviews: Vec<ReviewItem>,
}

/// A text's fields as the editor form shows and posts them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextFields {
    /// The title.
    pub title: String,
    /// The summary (may be empty).
    pub summary: String,
    /// The body, in Markdown.
    pub body: String,
    /// The tags, comma-separated.
    pub tags: String,
    /// The questions the text answers, one per line.
    pub questions: String,
}

/// Another locale's published text, shown beside the editor while translating.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareText {
    /// Its locale.
    pub locale: Locale,
    /// Its fields.
    pub text: TextFields,
    /// Its body rendered as customers see it.
    pub html: String,
}

/// The editor of one document's text in one locale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorData {
    /// Article or solved case.
    pub kind: DocKind,
    /// Its slug.
    pub slug: String,
    /// The locale being edited.
    pub locale: Locale,
    /// Its category's name.
    pub category: String,
    /// Its category's slug.
    pub category_slug: String,
    /// Every category, to move the document to.
    pub categories: Vec<CategoryChoice>,
    /// Published or not.
    pub status: Status,
    /// The language the document is written in first.
    pub source_locale: Locale,
    /// This text's state against the source text.
    pub state: TranslationState,
    /// The latest revision's text (the draft when there is one), or empty for a new translation.
    pub text: TextFields,
    /// That text rendered as customers will see it.
    pub preview_html: String,
    /// The published revision, if any.
    pub published: Option<RevisionId>,
    /// The draft's revision: later than the published one.
    pub draft: Option<RevisionId>,
    /// When out of date: what changed in the source text since this translation was made (the
    /// diff from the revision it follows to the published one).
    pub source_change: Option<DiffView>,
    /// Every locale with its state, for switching and comparing.
    pub locales: Vec<TextCell>,
    /// The text shown beside the editor, when asked for.
    pub compare: Option<CompareText>,
    /// The open review request of this text's draft.
    pub review: Option<ReviewView>,
    /// The latest review that sent this text back: the reviewer's name and comment.
    pub returned: Option<(String, String)>,
    /// The editors and admins the viewer may ask for a review: address and name.
    pub reviewers: Vec<(String, String)>,
}

/// A review request as the editor shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    /// Who asked.
    pub requested_by: String,
    /// Who is to review.
    pub reviewer: String,
    /// True when the viewer is the reviewer.
    pub viewer_reviews: bool,
}

/// A draft waiting for the viewer's review, in the workspace list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    /// Article or solved case.
    pub kind: DocKind,
    /// Its slug.
    pub slug: String,
    /// The text's locale.
    pub locale: Locale,
    /// The draft's title.
    pub title: String,
    /// Who asked.
    pub requested_by: String,
}

/// A revision in a text's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionRow {
    /// Its id.
    pub id: RevisionId,
    /// Who saved it (`None`: an import).
    pub author: Option<String>,
    /// When.
    pub at: Timestamp,
    /// The editor's note.
    pub note: String,
    /// How much it changed.
    pub change: ChangeSize,
    /// True for the revision customers read.
    pub published: bool,
}

/// A line of a diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineChange {
    /// In both revisions.
    Same,
    /// Only in the later one.
    Added,
    /// Only in the earlier one.
    Removed,
}

/// The difference between two revisions, line by line (title, summary, tags and body).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffView {
    /// The earlier revision.
    pub from: RevisionId,
    /// The later revision.
    pub to: RevisionId,
    /// The lines.
    pub lines: Vec<(LineChange, String)>,
}

/// A text's history page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryData {
    /// Article or solved case.
    pub kind: DocKind,
    /// Its slug.
    pub slug: String,
    /// The locale.
    pub locale: Locale,
    /// The latest revision's title.
    pub title: String,
    /// Its revisions, latest first.
    pub revisions: Vec<RevisionRow>,
    /// The diff asked for (default: the latest revision against the one before).
    pub diff: Option<DiffView>,
}

/// A category as editors manage it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRow {
    /// Its slug.
    pub slug: String,
    /// Its name in each locale.
    pub names: std::collections::BTreeMap<Locale, String>,
    /// How many documents it has (a category with none can be deleted).
    pub documents: usize,
}
