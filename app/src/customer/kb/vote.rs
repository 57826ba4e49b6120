//! "Was this helpful? yes / no" with an optional comment: a plain form posted to
//! `{document}/vote`, so it works the same with and without JavaScript. The server answers with
//! a redirect back to the document (`?voted=1#vote`, or `?vote_error=CODE#vote`).

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use tuki::views::catalogue::ArticleData;

/// The vote form under a document.
#[component]
pub fn Vote(
    /// The document voted on.
    article: ArticleData,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let done = move || query.with(|q| q.get("voted").is_some());
    let failed = move || {
        query
            .with(|q| q.get("vote_error"))
            .filter(|c| ["error-invalid-vote", "error-comment-too-long"].contains(&c.as_str()))
    };
    view! {
        <section id="vote" class="vote" aria-labelledby="vote-heading">
            <h2 id="vote-heading">{move || i18n.t("vote-question")}</h2>
            <Show
                when=done
                fallback=move || {
                    let action =
                        tuki::paths::vote_href(i18n.locale(), article.kind, &article.slug);
                    // Opened from a search: the vote says which, so a helpful answer is learned.
                    let from = query.with_untracked(|q| q.get("from")).filter(|id| id.parse::<i64>().is_ok());
                    view! {
                        <form method="post" action=action>
                            {from.map(|id| view! { <input type="hidden" name="from" value=id/> })}
                            <div class="vote__comment">
                                <label for="vote-comment">{i18n.t("vote-comment-label")}</label>
                                <textarea id="vote-comment" name="comment" rows="3" maxlength="1000"></textarea>
                            </div>
                            <div class="vote__buttons">
                                <button class="button" type="submit" name="helpful" value="yes">{i18n.t("vote-yes")}</button>
                                <button class="button button--secondary" type="submit" name="helpful" value="no">{i18n.t("vote-no")}</button>
                            </div>
                            {move || failed().map(|code| {
                                view! { <p class="form-error" role="alert">{i18n.t(&code)}</p> }
                            })}
                        </form>
                    }
                }
            >
                <p class="vote__thanks" role="status">{move || i18n.t("vote-thanks")}</p>
            </Show>
        </section>
    }
}
