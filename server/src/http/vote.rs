//! `POST /{lang}/articles/{slug}/vote` and `POST /{lang}/cases/{slug}/vote`: "Was this
//! helpful?" with an optional comment, as a plain form post answered with a redirect back to
//! the document (`?voted=1#vote`, or `?vote_error=CODE#vote`), like the guided forms' posts.
//!
//! Votes order the home page's "most helpful" list, so one address counts once per document
//! and day ([`RecentVotes`]); repeats are answered as if counted. Votes are form posts for the
//! per-address rate limit. A value no form can send answers the translated 400 page. What a
//! vote must be is the core's catalogue service's.

use super::AppState;
use super::client_ip::ClientIp;
use super::error_page::{for_service_error, not_found};
use super::rate_limit::too_many;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tuki::Locale;
use tuki::content::{DocKind, DocRef, Slug};
use tuki::paths::document_href;
use tuki::services::catalogue::Vote;
use tuki::services::{Caller, ServiceError};

/// How long one address's vote on a document stands before another from it counts.
const VOTE_WINDOW: Duration = Duration::from_secs(24 * 3600);
/// Most remembered votes; beyond this, expired ones are forgotten and then the oldest.
const MAX_REMEMBERED: usize = 200_000;

/// The votes counted recently, per client address and document.
#[derive(Debug, Default)]
pub struct RecentVotes {
    seen: Mutex<HashMap<(IpAddr, DocKind, String), Instant>>,
}

impl RecentVotes {
    /// True (and remembered) when `client` has not voted on the document within the window.
    pub fn first_vote(&self, client: IpAddr, kind: DocKind, slug: &Slug) -> bool {
        let now = Instant::now();
        let Ok(mut seen) = self.seen.lock() else { return false };
        if seen.len() >= MAX_REMEMBERED {
            seen.retain(|_, at| now.duration_since(*at) < VOTE_WINDOW);
            if seen.len() >= MAX_REMEMBERED {
                seen.clear();
            }
        }
        let key = (client, kind, slug.as_str().to_owned());
        match seen.get(&key) {
            Some(at) if now.duration_since(*at) < VOTE_WINDOW => false,
            _ => {
                seen.insert(key, now);
                true
            }
        }
    }
}

/// The vote form's fields, in the order sent.
type Fields = Form<Vec<(String, String)>>;

/// `POST /{lang}/articles/{slug}/vote`.
pub async fn article(
    state: State<AppState>,
    client: ClientIp,
    Path((lang, slug)): Path<(String, String)>,
    fields: Fields,
) -> Response {
    vote(state, client, lang, DocKind::Article, slug, fields).await
}

/// `POST /{lang}/cases/{slug}/vote`.
pub async fn case(
    state: State<AppState>,
    client: ClientIp,
    Path((lang, slug)): Path<(String, String)>,
    fields: Fields,
) -> Response {
    vote(state, client, lang, DocKind::Case, slug, fields).await
}

async fn vote(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    lang: String,
    kind: DocKind,
    slug: String,
    Form(fields): Fields,
) -> Response {
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let Ok(locale) = lang.parse::<Locale>() else { return not_found(Locale::default()) };
    if !state.limiter.allow(client, super::Limited::Submit) {
        return too_many(locale);
    }
    let Ok(slug) = Slug::parse(&slug) else { return not_found(locale) };
    let back = document_href(locale, kind, slug.as_str());
    let helpful = match field("helpful") {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    };
    // The search the article was opened from; anything but a number is no search.
    let from_search = field("from").and_then(|id| id.parse::<i64>().ok());
    let vote = Vote { document: DocRef::new(kind, slug), locale, helpful, comment: field("comment"), from_search };
    // Counted only when this address has not voted on the document recently.
    let counts = || state.recent_votes.first_vote(client, kind, &vote.document.slug);
    match state.portal.catalogue().vote(&Caller::Customer, &vote, counts).await {
        Ok(()) => Redirect::to(&format!("{back}?voted=1#vote")).into_response(),
        Err(ServiceError::Invalid(code @ "error-comment-too-long")) => {
            Redirect::to(&format!("{back}?vote_error={code}#vote")).into_response()
        }
        Err(error) => for_service_error(locale, &error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_counts_once_per_document_and_other_addresses_and_documents_still_count() {
        let votes = RecentVotes::default();
        let me: IpAddr = [10, 0, 0, 1].into();
        let other: IpAddr = [10, 0, 0, 2].into();
        let slug = Slug::parse("password").expect("slug");
        let another = Slug::parse("card").expect("slug");
        assert!(votes.first_vote(me, DocKind::Article, &slug));
        assert!(!votes.first_vote(me, DocKind::Article, &slug));
        assert!(votes.first_vote(other, DocKind::Article, &slug));
        assert!(votes.first_vote(me, DocKind::Article, &another));
        assert!(votes.first_vote(me, DocKind::Case, &slug));
    }
}
