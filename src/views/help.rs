//! The guided forms' pages: the list of request types, a step with its suggestions, the
//! answers to check.

use crate::forms::{Condition, FieldKind};
use crate::search_types::SearchHit;
use crate::ticket::DraftId;
use serde::{Deserialize, Serialize};

/// A piece of an urgent notice: text, or a service number to call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticePart {
    /// Text as it is.
    Text(String),
    /// A phone number: as shown (`020 333`) and as dialled (`tel:020333`).
    Phone {
        /// The number as written.
        shown: String,
        /// The `tel:` link.
        tel: String,
    },
}

/// What to do at once, before any ticket (block the card), shown first on a form's pages.
pub type UrgentNotice = Vec<NoticePart>;

/// A request type in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormSummary {
    /// Slug, for addresses.
    pub slug: String,
    /// Name in the page's locale.
    pub title: String,
    /// When to choose it.
    pub description: String,
    /// What to do at once, if anything.
    pub urgent: Option<UrgentNotice>,
}

/// One field as the step page shows it, in the page's locale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldView {
    /// Field id: the input's name.
    pub id: String,
    /// Kind of input.
    pub kind: FieldKind,
    /// The question.
    pub label: String,
    /// Help text.
    pub hint: Option<String>,
    /// Must be answered.
    pub required: bool,
    /// Options (value, label) of choice fields.
    pub options: Vec<(String, String)>,
    /// Current values: what was sent last, or the kept answer.
    pub values: Vec<String>,
    /// Longest answer accepted (text fields).
    pub max_chars: usize,
    /// A condition on another field of this step (the browser shows and hides the field).
    pub show_if: Option<Condition>,
    /// What is wrong with the last answer: Fluent message id and numeric argument.
    pub error: Option<(String, Option<f64>)>,
}

/// What a step page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepData {
    /// The form's slug.
    pub form: String,
    /// The form's name.
    pub form_title: String,
    /// The draft's id.
    pub draft: DraftId,
    /// The step's id.
    pub step: String,
    /// The step's heading.
    pub title: String,
    /// This step's number among the steps shown (1-based) …
    pub number: usize,
    /// … and how many there are.
    pub total: usize,
    /// The fields.
    pub fields: Vec<FieldView>,
    /// Answers that might solve the problem.
    pub suggestions: Vec<SearchHit>,
    /// Fields of this step whose answers the suggestions are searched with: when one changes,
    /// the page (with JavaScript) asks the live suggestions again.
    pub search_fields: Vec<String>,
    /// The previous step's id, if any.
    pub previous: Option<String>,
    /// True on the contact page, which sends the ticket.
    pub sends: bool,
    /// The form's urgent notice, if it has one.
    pub urgent: Option<UrgentNotice>,
    /// Problems with the post as a whole, not with one of the fields shown (an answer to a
    /// field the step does not ask): message id and argument, each once.
    pub form_errors: Vec<(String, Option<f64>)>,
}

/// One answer on the check page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerRow {
    /// The step to change it on.
    pub step: String,
    /// The field's id (the change link's fragment).
    pub field: String,
    /// The question.
    pub question: String,
    /// The answer as the customer chose it (option labels, not values).
    pub answer: String,
}

/// What the check-your-answers page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckData {
    /// The form's slug.
    pub form: String,
    /// The form's name.
    pub form_title: String,
    /// The draft's id.
    pub draft: DraftId,
    /// The answers, in order.
    pub rows: Vec<AnswerRow>,
    /// The last step's id (the "back" link).
    pub last_step: String,
    /// The form's urgent notice, if it has one.
    pub urgent: Option<UrgentNotice>,
}
