//! Guided support forms ("request types"): what a customer is asked, one step at a time, and
//! what the desk receives when nothing the portal suggested helped.
//!
//! The types and conditions are compiled everywhere: the browser uses the same conditions as
//! the server to show and hide fields instantly. Natively (feature
//! `server`), [`definition`] reads a definition from the content bundle (`forms/<slug>.yaml`)
//! and reports every problem as `file:line: reason`, and [`validation`] checks answers.

#[cfg(feature = "server")]
pub mod contact;
#[cfg(feature = "server")]
pub mod definition;
mod flow;
#[cfg(feature = "server")]
pub mod validation;

#[cfg(feature = "server")]
pub use validation::{FieldError, FieldProblem, validate_step};

use crate::Locale;
use crate::content::Slug;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text in every locale. A definition with a text missing in any locale is rejected.
pub type Localized = BTreeMap<Locale, String>;

/// What the customer answered: field id → values (one for most fields, several for a
/// multiple choice). The shape a submitted HTML form has.
pub type Answers = BTreeMap<String, Vec<String>>;

/// The text of `localized` in `locale` by the portal's one fallback rule ([`Locale::pick`]; a
/// checked definition has every locale); empty when there is none.
pub fn text_in(localized: &Localized, locale: Locale) -> &str {
    locale.pick(localized).map_or("", |(_, text)| text.as_str())
}

/// A team of the service desk: it receives the tickets of some forms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    /// Stable id.
    pub slug: Slug,
    /// The team's name per locale.
    pub names: Localized,
}

/// A request type: the form a customer fills in, and where the ticket goes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormDefinition {
    /// Address of the form (`/{lang}/help/{slug}`) and its file name in the bundle.
    pub slug: Slug,
    /// Name of the request type.
    pub title: Localized,
    /// One or two sentences: when to choose it.
    pub description: Localized,
    /// What to do at once, before any ticket (block the card): shown first on every page of the
    /// form. May name service numbers by placeholder (`{card-blocking-phone}`).
    pub urgent: Option<Localized>,
    /// The team that receives the tickets.
    pub team: Slug,
    /// Incident (something is broken) or service request (something is wanted).
    pub kind: RequestKind,
    /// How urgent its tickets are.
    pub priority: PriorityRules,
    /// The questions, one page each.
    pub steps: Vec<Step>,
}

/// The two kinds of request an IT service desk distinguishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequestKind {
    /// Something that worked does not.
    Incident,
    /// Something new is wanted (access, a device, a change).
    ServiceRequest,
}

impl RequestKind {
    /// Both kinds.
    pub const ALL: [RequestKind; 2] = [RequestKind::Incident, RequestKind::ServiceRequest];

    /// The kind stored as `code`.
    pub fn from_code(code: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The code stored with a ticket.
    pub const fn code(self) -> &'static str {
        match self {
            RequestKind::Incident => "incident",
            RequestKind::ServiceRequest => "service-request",
        }
    }
}

/// Ticket priority, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Whenever there is time.
    Low,
    /// The usual.
    Normal,
    /// Before the usual.
    High,
    /// Now: many customers or money at risk.
    Critical,
}

impl Priority {
    /// Every priority, lowest first.
    pub const ALL: [Priority; 4] = [Priority::Low, Priority::Normal, Priority::High, Priority::Critical];

    /// The priority stored as `code`.
    pub fn from_code(code: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The code stored with a ticket.
    pub const fn code(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Critical => "critical",
        }
    }
}

/// The priority a ticket starts with, raised by rules on the answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityRules {
    /// When no rule applies.
    pub default: Priority,
    /// Each rule that holds may raise the priority; the highest wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<PriorityRule>,
}

/// "When this holds, the ticket is at least this urgent."
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityRule {
    /// The condition on the answers.
    pub when: Condition,
    /// The priority it gives.
    pub priority: Priority,
}

impl PriorityRules {
    /// The priority of a ticket with these answers.
    pub fn priority_for(&self, answers: &Answers) -> Priority {
        self.rules.iter().filter(|r| r.when.holds(answers)).map(|r| r.priority).fold(self.default, Priority::max)
    }
}

/// One page of questions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique within the form; used in addresses (`…/help/{form}/{step}`).
    pub id: String,
    /// The page's question or heading.
    pub title: Localized,
    /// The fields on the page.
    pub fields: Vec<Field>,
    /// Answers shown on the page, in case one solves the problem.
    #[serde(default, skip_serializing_if = "Suggestions::is_empty")]
    pub suggestions: Suggestions,
}

/// What a step suggests: pinned articles first, then a search built from answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suggestions {
    /// Articles always shown on this step, by slug.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Slug>,
    /// Fields (of this or earlier steps) whose answers form a search: choice fields give
    /// their option's label, text fields what was typed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub search: Vec<String>,
}

impl Suggestions {
    /// True when the step suggests nothing.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty() && self.search.is_empty()
    }
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Unique within the form; the name of the answer.
    pub id: String,
    /// What kind of input.
    #[serde(rename = "type")]
    pub kind: FieldKind,
    /// The question.
    pub label: Localized,
    /// Help under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Localized>,
    /// Must be answered (when shown).
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// Shortest text, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<usize>,
    /// Longest text, in characters (every text has a limit; see [`Field::max_chars`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// Smallest number (number fields).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest number (number fields).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// A regular expression the whole text must match (text and tel fields).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The choices (choice fields only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// Shown only when this holds on earlier answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Longest single-line answer when a definition sets no limit.
pub const DEFAULT_MAX_TEXT: usize = 200;
/// Longest multi-line answer when a definition sets no limit.
pub const DEFAULT_MAX_TEXTAREA: usize = 4000;

impl Field {
    /// An optional field of `kind` with no hint, limits, options or condition.
    pub fn new(id: &str, kind: FieldKind, label: Localized) -> Field {
        Field {
            id: id.to_owned(),
            kind,
            label,
            hint: None,
            required: false,
            min_length: None,
            max_length: None,
            min: None,
            max: None,
            pattern: None,
            options: Vec::new(),
            show_if: None,
        }
    }

    /// The longest answer accepted: the definition's limit, or a default per kind.
    pub fn max_chars(&self) -> usize {
        self.max_length.unwrap_or(match self.kind {
            FieldKind::Textarea => DEFAULT_MAX_TEXTAREA,
            _ => DEFAULT_MAX_TEXT,
        })
    }

    /// True when this field is shown for these answers.
    pub fn is_shown(&self, answers: &Answers) -> bool {
        self.show_if.as_ref().is_none_or(|c| c.holds(answers))
    }

    /// The label of option `value`, in `locale`.
    pub fn option_label(&self, value: &str, locale: Locale) -> Option<&str> {
        self.options.iter().find(|o| o.value == value).map(|o| text_in(&o.label, locale))
    }
}

/// The kinds of input a form can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    Textarea,
    /// An e-mail address.
    Email,
    /// A telephone number.
    Tel,
    /// A number.
    Number,
    /// A calendar date (YYYY-MM-DD).
    Date,
    /// One of the options, as radio buttons.
    Radio,
    /// One of the options, as a drop-down list.
    Select,
    /// Any number of the options, as checkboxes.
    Checkboxes,
    /// Yes or no (values `yes` and `no`).
    YesNo,
}

impl FieldKind {
    /// True for kinds whose answers are among listed options.
    pub const fn has_options(self) -> bool {
        matches!(self, FieldKind::Radio | FieldKind::Select | FieldKind::Checkboxes)
    }

    /// True for kinds answered by typing.
    pub const fn is_text(self) -> bool {
        matches!(self, FieldKind::Text | FieldKind::Textarea | FieldKind::Email | FieldKind::Tel)
    }
}

/// A choice of a radio, select or checkboxes field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// What is stored (stable across translations).
    pub value: String,
    /// What the customer reads.
    pub label: Localized,
}

/// A condition on an earlier answer: exactly one of `equals`, `one_of` and `not` is given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The field whose answer is tested (an earlier one).
    pub field: String,
    /// Holds when the answer is (or, for checkboxes, includes) this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
    /// Holds when the answer is (or includes) any of these values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// Holds when the answer is not (and does not include) this value, including unanswered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<String>,
}

impl Condition {
    /// Whether the condition holds for these answers.
    pub fn holds(&self, answers: &Answers) -> bool {
        let given: &[String] = answers.get(&self.field).map_or(&[], Vec::as_slice);
        let has = |value: &str| given.iter().any(|g| g == value);
        if let Some(value) = &self.equals {
            has(value)
        } else if let Some(values) = &self.one_of {
            values.iter().any(|v| has(v))
        } else if let Some(value) = &self.not {
            !has(value)
        } else {
            false
        }
    }

    /// How many of `equals`, `one_of` and `not` are given (a valid condition has exactly one).
    pub fn tests_given(&self) -> usize {
        usize::from(self.equals.is_some()) + usize::from(self.one_of.is_some()) + usize::from(self.not.is_some())
    }

    /// The values the condition compares with.
    pub fn values(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        out.extend(self.equals.as_deref());
        out.extend(self.not.as_deref());
        if let Some(values) = &self.one_of {
            out.extend(values.iter().map(String::as_str));
        }
        out
    }
}

/// Step ids the flow's own pages use; a form cannot name a step like this.
pub const RESERVED_STEP_IDS: [&str; 5] =
    [crate::paths::CHECK, crate::paths::CONTACT, crate::paths::SOLVED, crate::paths::DONE, "start"];

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &[&str])]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect())).collect()
    }

    fn condition(field: &str) -> Condition {
        Condition { field: field.to_owned(), equals: None, one_of: None, not: None }
    }

    #[test]
    fn equals_holds_for_the_value_and_for_checkboxes_that_include_it() {
        let c = Condition { equals: Some("many".into()), ..condition("affected") };
        assert!(c.holds(&answers(&[("affected", &["many"])])));
        assert!(c.holds(&answers(&[("affected", &["one", "many"])])));
        assert!(!c.holds(&answers(&[("affected", &["one"])])));
        assert!(!c.holds(&answers(&[])));
    }

    #[test]
    fn one_of_holds_for_any_listed_value() {
        let c = Condition { one_of: Some(vec!["a".into(), "b".into()]), ..condition("x") };
        assert!(c.holds(&answers(&[("x", &["b"])])));
        assert!(!c.holds(&answers(&[("x", &["c"])])));
    }

    #[test]
    fn not_holds_when_the_value_is_absent_or_unanswered() {
        let c = Condition { not: Some("yes".into()), ..condition("x") };
        assert!(c.holds(&answers(&[("x", &["no"])])));
        assert!(c.holds(&answers(&[])));
        assert!(!c.holds(&answers(&[("x", &["yes"])])));
    }

    #[test]
    fn the_highest_priority_of_the_rules_that_hold_wins() {
        let rules = PriorityRules {
            default: Priority::Normal,
            rules: vec![
                PriorityRule {
                    when: Condition { equals: Some("many".into()), ..condition("a") },
                    priority: Priority::High,
                },
                PriorityRule {
                    when: Condition { equals: Some("yes".into()), ..condition("b") },
                    priority: Priority::Low,
                },
            ],
        };
        assert_eq!(rules.priority_for(&answers(&[])), Priority::Normal);
        assert_eq!(rules.priority_for(&answers(&[("b", &["yes"])])), Priority::Normal);
        assert_eq!(rules.priority_for(&answers(&[("a", &["many"]), ("b", &["yes"])])), Priority::High);
    }
}
