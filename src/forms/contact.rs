//! The last page of every form: who the customer is, how to reach them, and the problem in
//! their own words. Defined here rather than in each form, with texts from the Fluent files,
//! and checked with the same rules as any step.

use super::{ChoiceOption, Field, FieldKind, Localized, Step, Suggestions};
use crate::Locale;
use crate::i18n::tr;

/// The contact page's step id (reserved: no form may use it).
pub const CONTACT_STEP: &str = crate::paths::CONTACT;
/// Field ids of the contact page.
pub const NAME: &str = "name";
/// E-mail address: where the confirmation and replies go.
pub const EMAIL: &str = "email";
/// Optional telephone number.
pub const PHONE: &str = "phone";
/// The language replies should be in.
pub const REPLY_LANGUAGE: &str = "reply-language";
/// The problem in the customer's own words.
pub const DESCRIPTION: &str = "description";
/// Longest description, in characters.
pub const MAX_DESCRIPTION: usize = crate::paths::MAX_MESSAGE_CHARS;

fn text(id: &str) -> Localized {
    Locale::ALL.into_iter().map(|l| (l, tr(l, id))).collect()
}

/// A required field labelled by the Fluent message `label`.
fn field(id: &str, kind: FieldKind, label: &str) -> Field {
    Field { required: true, ..Field::new(id, kind, text(label)) }
}

/// The contact step, in every locale.
pub fn contact_step() -> Step {
    Step {
        id: CONTACT_STEP.to_owned(),
        title: text("contact-title"),
        fields: vec![
            Field { max_length: Some(100), ..field(NAME, FieldKind::Text, "contact-name") },
            Field {
                hint: Some(text("contact-email-hint")),
                max_length: Some(254),
                ..field(EMAIL, FieldKind::Email, "contact-email")
            },
            Field { required: false, ..field(PHONE, FieldKind::Tel, "contact-phone") },
            Field {
                options: Locale::ALL
                    .into_iter()
                    .map(|l| ChoiceOption {
                        value: l.code().to_owned(),
                        label: text(&format!("language-name-{}", l.code())),
                    })
                    .collect(),
                ..field(REPLY_LANGUAGE, FieldKind::Radio, "contact-reply-language")
            },
            Field {
                hint: Some(text("contact-description-hint")),
                min_length: Some(10),
                max_length: Some(MAX_DESCRIPTION),
                ..field(DESCRIPTION, FieldKind::Textarea, "contact-description")
            },
        ],
        suggestions: Suggestions::default(),
    }
}
