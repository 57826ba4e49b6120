//! Every address of the portal and the words its forms post: built here only, so the pages
//! that link, the handlers that redirect and the mails that point all agree. Pure and
//! wasm-safe. Each segment that comes from outside is percent-encoded, so an address built
//! from what a stranger typed is always a valid `Location` header.

use crate::Locale;
use crate::content::DocKind;
use crate::ticket::TicketRef;

/// The form field naming what a post asks for (`continue` when absent, or [`SOLVED`]).
pub const ACTION_FIELD: &str = "_action";
/// The [`ACTION_FIELD`] value "this solved my problem" (also the page shown after it).
pub const SOLVED: &str = "solved";
/// A field people do not see (and leave empty) but form-filling bots do not leave alone.
pub const HONEYPOT_FIELD: &str = "_website";
/// The contact page of a draft: the form's last step, which sends the ticket.
pub const CONTACT: &str = "contact";
/// The check-your-answers page of a draft.
pub const CHECK: &str = "check";
/// The page after a draft became a ticket.
pub const DONE: &str = "done";
/// The field of the ticket update form carrying the status link's token.
pub const TOKEN_FIELD: &str = "token";
/// The field of the ticket update form carrying the customer's message.
pub const MESSAGE_FIELD: &str = "message";
/// Longest text a customer sends in one go (a ticket's description, a message on it).
pub const MAX_MESSAGE_CHARS: usize = 4000;

/// `/{lang}` + `path` (which starts with `/`).
pub fn localized(locale: Locale, path: &str) -> String {
    format!("/{}{path}", locale.code())
}

/// The address search engines should index for the page at `path` (a path under a language,
/// without query): the page itself, or, for a step of a guided form, the form's first page (a
/// draft is one customer's); `None` for what is not to be indexed (search results, ticket
/// status pages, staff pages).
pub fn canonical_path(path: &str) -> Option<String> {
    let mut segments = path.trim_start_matches('/').split('/');
    let (Some(lang), second) = (segments.next(), segments.next()) else { return None };
    match (second, segments.next(), segments.next()) {
        (Some("search" | "tickets" | "staff"), _, _) => None,
        (Some("help"), Some(form), Some(_draft)) => Some(format!("/{lang}/help/{form}")),
        _ => Some(path.to_owned()),
    }
}

/// The front page in `locale`.
pub fn home(locale: Locale) -> String {
    localized(locale, "/")
}

/// The address of a document's page in `locale`.
pub fn document_href(locale: Locale, kind: DocKind, slug: &str) -> String {
    let folder = match kind {
        DocKind::Article => "articles",
        DocKind::Case => "cases",
    };
    format!("/{}/{folder}/{}", locale.code(), encode_path_segment(slug))
}

/// Where a document's "Was this helpful?" form posts.
pub fn vote_href(locale: Locale, kind: DocKind, slug: &str) -> String {
    format!("{}/vote", document_href(locale, kind, slug))
}

/// A category's page.
pub fn category_href(locale: Locale, slug: &str) -> String {
    format!("/{}/categories/{}", locale.code(), encode_path_segment(slug))
}

/// A guided form's address, or one of its drafts' pages: `rest` is `[draft]`,
/// `[draft, step]` (or [`CHECK`], [`DONE`], [`SOLVED`]).
pub fn help_href(locale: Locale, form: &str, rest: &[&str]) -> String {
    let mut href = format!("/{}/help/{}", locale.code(), encode_path_segment(form));
    for part in rest {
        href.push('/');
        href.push_str(&encode_path_segment(part));
    }
    href
}

/// A ticket's status page (where its update form also posts).
pub fn ticket_href(locale: Locale, reference: &TicketRef) -> String {
    format!("/{}/tickets/{}", locale.code(), encode_path_segment(reference.as_str()))
}

/// A ticket's status page with the private token of its status link.
pub fn ticket_status_href(locale: Locale, reference: &TicketRef, token: &str) -> String {
    format!("{}?{TOKEN_FIELD}={}", ticket_href(locale, reference), encode_query_value(token))
}

/// The full status link sent by mail: `base_url` (the portal's public address) and
/// [`ticket_status_href`].
pub fn ticket_status_link(base_url: &str, locale: Locale, reference: &TicketRef, token: &str) -> String {
    format!("{}{}", base_url.trim_end_matches('/'), ticket_status_href(locale, reference, token))
}

/// The name of the staff session's cookie.
pub const SESSION_COOKIE: &str = "tuki_session";
/// The sign-in form's fields.
pub const EMAIL_FIELD: &str = "email";
/// The password field (sign-in, set-password).
pub const PASSWORD_FIELD: &str = "password";
/// The set-password form's repeated password.
pub const PASSWORD_AGAIN_FIELD: &str = "password_again";
/// The sign-out form's [`ACTION_FIELD`] value that ends every session of the account.
pub const EVERYWHERE: &str = "everywhere";

/// The staff's front page.
pub fn staff_home(locale: Locale) -> String {
    localized(locale, "/staff/")
}

/// The staff's sign-in page (where its form posts too).
pub fn staff_sign_in(locale: Locale) -> String {
    localized(locale, "/staff/sign-in")
}

/// The page (and the form's post) that asks for a password reset link by e-mail.
pub fn staff_password_reset(locale: Locale) -> String {
    localized(locale, "/staff/password-reset")
}

/// Where the sign-out form posts.
pub fn staff_sign_out(locale: Locale) -> String {
    localized(locale, "/staff/sign-out")
}

/// The page where a member of staff sets their password with a single-use link's token.
pub fn staff_password_href(locale: Locale, token: &str) -> String {
    format!("/{}/staff/password/{}", locale.code(), encode_path_segment(token))
}

/// The full set-password link: `base_url` (the portal's public address) and
/// [`staff_password_href`].
pub fn staff_password_link(base_url: &str, locale: Locale, token: &str) -> String {
    format!("{}{}", base_url.trim_end_matches('/'), staff_password_href(locale, token))
}

/// The admins' page of staff accounts (where its forms post too).
pub fn staff_accounts(locale: Locale) -> String {
    localized(locale, "/staff/accounts")
}

/// The admins' page of the audit log.
pub fn staff_audit(locale: Locale) -> String {
    localized(locale, "/staff/audit")
}

/// The accounts page's form fields and actions ([`ACTION_FIELD`] values); the address is
/// [`EMAIL_FIELD`].
pub mod accounts {
    /// The display name.
    pub const NAME: &str = "name";
    /// The staff pages' language.
    pub const LOCALE: &str = "locale";
    /// A role (repeated for several).
    pub const ROLE: &str = "role";
    /// A desk team (repeated for several).
    pub const TEAM: &str = "team";
    /// Create the account and mail its set-password link.
    pub const CREATE: &str = "create";
    /// Disable the account (ends its sessions).
    pub const DISABLE: &str = "disable";
    /// Enable it again.
    pub const ENABLE: &str = "enable";
    /// Mail a new set-password link.
    pub const SEND_LINK: &str = "send-link";
}

/// The agents' desk: their queues.
pub fn staff_desk(locale: Locale) -> String {
    localized(locale, "/staff/desk")
}

/// A ticket on the agents' desk (where its action forms post too).
pub fn staff_desk_ticket(locale: Locale, reference: &TicketRef) -> String {
    localized(locale, &format!("/staff/desk/{reference}"))
}

/// The full address of a ticket on the desk, for mail to staff.
pub fn staff_desk_ticket_link(base_url: &str, locale: Locale, reference: &TicketRef) -> String {
    format!("{}{}", base_url.trim_end_matches('/'), staff_desk_ticket(locale, reference))
}

/// The desk's ticket page's action field values (posted as [`ACTION_FIELD`]).
pub mod desk_action {
    /// Take the ticket (assign it to oneself).
    pub const TAKE: &str = "take";
    /// Assign it to the agent in `assignee` (empty: nobody).
    pub const ASSIGN: &str = "assign";
    /// Move it to the team in `team`.
    pub const TEAM: &str = "team";
    /// Set the priority in `priority`.
    pub const PRIORITY: &str = "priority";
    /// Move it to the status in `status`.
    pub const STATUS: &str = "status";
    /// Send the public reply in `body`, then set the status in `status`.
    pub const REPLY: &str = "reply";
    /// Add the internal note in `body`.
    pub const NOTE: &str = "note";
    /// Merge it into the ticket in `into` as a duplicate.
    pub const MERGE: &str = "merge";
    /// The agent field of `assign`.
    pub const ASSIGNEE: &str = "assignee";
    /// The team field of `team`.
    pub const TEAM_FIELD: &str = "team";
    /// The priority field of `priority`.
    pub const PRIORITY_FIELD: &str = "priority";
    /// The status field of `status` and `reply`.
    pub const STATUS_FIELD: &str = "status";
    /// The text of `reply` and `note`.
    pub const BODY: &str = "body";
    /// The reference field of `merge`.
    pub const INTO: &str = "into";
    /// The queue page's query field naming a reply template to insert.
    pub const TEMPLATE: &str = "template";
}

/// The editors' workspace: every document and its translations.
pub fn staff_content(locale: Locale) -> String {
    localized(locale, "/staff/content")
}

/// The page that makes a new article or solved case (where its form posts too).
pub fn staff_new_document(locale: Locale) -> String {
    localized(locale, "/staff/content/new")
}

/// The editors' page of categories (where its forms post too).
pub fn staff_categories(locale: Locale) -> String {
    localized(locale, "/staff/categories")
}

/// The editors' analytics page.
pub fn staff_analytics(locale: Locale) -> String {
    localized(locale, "/staff/analytics")
}

/// The CSV download of one analytics table (`table` is its code) for the days `from`–`to`.
pub fn staff_analytics_csv(locale: Locale, table: &str, from: &str, to: &str) -> String {
    format!(
        "/{}/staff/analytics/csv/{}?from={}&to={}",
        locale.code(),
        encode_path_segment(table),
        encode_query_value(from),
        encode_query_value(to)
    )
}

/// The editor of a document's text in `text_locale` (where its form posts too).
pub fn staff_editor_href(locale: Locale, kind: DocKind, slug: &str, text_locale: Locale) -> String {
    format!("/{}/staff/content/{}/{}/{}", locale.code(), kind.code(), encode_path_segment(slug), text_locale.code())
}

/// The history of a document's text in `text_locale`, with diffs.
pub fn staff_history_href(locale: Locale, kind: DocKind, slug: &str, text_locale: Locale) -> String {
    format!("{}/history", staff_editor_href(locale, kind, slug, text_locale))
}

/// The editor form's fields, and its actions ([`ACTION_FIELD`] values).
pub mod editor {
    /// The title.
    pub const TITLE: &str = "title";
    /// The summary.
    pub const SUMMARY: &str = "summary";
    /// The Markdown body.
    pub const BODY: &str = "body";
    /// The tags, comma-separated.
    pub const TAGS: &str = "tags";
    /// Questions the text answers, one per line.
    pub const QUESTIONS: &str = "questions";
    /// How big the change is: `typo`, `minor` or `major`.
    pub const CHANGE: &str = "change";
    /// The note on the revision.
    pub const NOTE: &str = "note";
    /// The revision to restore.
    pub const REVISION: &str = "revision";
    /// Save a draft revision.
    pub const SAVE: &str = "save";
    /// Save a draft revision and show it rendered.
    pub const PREVIEW: &str = "preview";
    /// Save, then publish the latest revision.
    pub const PUBLISH: &str = "publish";
    /// Take the document off the customers' pages.
    pub const UNPUBLISH: &str = "unpublish";
    /// Make an old revision the latest again, as a draft.
    pub const RESTORE: &str = "restore";
    /// Move the document to another category ([`CATEGORY`]).
    pub const MOVE: &str = "move";
    /// Delete the document (with [`CONFIRM`] = `yes`); also a category's deletion.
    pub const DELETE: &str = "delete";
    /// Save a category's names.
    pub const SAVE_CATEGORY: &str = "save-category";
    /// Ask [`REVIEWER`] to review the draft.
    pub const REQUEST_REVIEW: &str = "request-review";
    /// The reviewer sends the draft back with a [`COMMENT`].
    pub const RETURN_DRAFT: &str = "return-draft";
    /// The reviewer's e-mail address.
    pub const REVIEWER: &str = "reviewer";
    /// The reviewer's comment.
    pub const COMMENT: &str = "comment";
    /// A category's slug (moving a document; a category's form).
    pub const CATEGORY: &str = "category";
    /// The confirmation of a deletion: `yes`.
    pub const CONFIRM: &str = "confirm";
    /// A new document's kind: `article` or `case`.
    pub const KIND: &str = "kind";
    /// A new document's (or category's) slug.
    pub const SLUG: &str = "slug";
    /// A new document's first language.
    pub const LOCALE: &str = "locale";
    /// A category's name in a locale: `name_fi`, `name_sv`, `name_en`.
    pub fn name_field(locale: crate::Locale) -> String {
        format!("name_{}", locale.code())
    }
}

/// Percent-encodes one path segment: letters, digits and `-_.~` stay, everything else
/// (`/`, `?`, `#`, spaces, control characters) becomes `%XX`.
pub fn encode_path_segment(segment: &str) -> String {
    encode_query_value(segment).replace('+', "%20")
}

/// Percent-encodes a query-string value.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_its_own_canonical_address_a_draft_its_forms_and_private_pages_have_none() {
        assert_eq!(canonical_path("/fi/"), Some("/fi/".to_owned()));
        assert_eq!(canonical_path("/sv/articles/kort"), Some("/sv/articles/kort".to_owned()));
        assert_eq!(canonical_path("/en/help/lost-card"), Some("/en/help/lost-card".to_owned()));
        assert_eq!(canonical_path("/en/help/lost-card/abc/card"), Some("/en/help/lost-card".to_owned()));
        assert_eq!(canonical_path("/fi/help/lost-card/abc/check"), Some("/fi/help/lost-card".to_owned()));
        assert_eq!(canonical_path("/fi/search"), None);
        assert_eq!(canonical_path("/fi/tickets/T-2026-000001"), None);
        assert_eq!(canonical_path("/sv/staff/desk"), None);
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode_query_value("lösenord & kort"), "l%C3%B6senord+%26+kort");
    }

    #[test]
    fn path_segments_keep_identifiers_and_encode_separators_spaces_and_control_characters() {
        assert_eq!(encode_path_segment("lost-card_2"), "lost-card_2");
        assert_eq!(encode_path_segment("x\ny/z?a b#"), "x%0Ay%2Fz%3Fa%20b%23");
    }

    #[test]
    fn addresses_have_the_locale_first_and_the_mail_link_the_public_address() {
        assert_eq!(document_href(Locale::Sv, DocKind::Case, "kort"), "/sv/cases/kort");
        assert_eq!(vote_href(Locale::Fi, DocKind::Article, "kortti"), "/fi/articles/kortti/vote");
        assert_eq!(help_href(Locale::En, "lost-card", &["abc", CHECK]), "/en/help/lost-card/abc/check");
        assert_eq!(
            ticket_status_link("https://tuki.example/", Locale::Sv, &TicketRef::new(2026, 1), "abc"),
            "https://tuki.example/sv/tickets/TK-2026-000001?token=abc"
        );
    }
}
