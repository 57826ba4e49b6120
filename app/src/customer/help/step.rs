//! The steps of a guided form (`/{lang}/help/{form}/{draft}/{step}`), the answers to check
//! (`…/check`) and the end of a flow that a suggestion solved (`…/solved`).
//!
//! One question page per step in the manner of the GOV.UK Design System: an error summary at
//! the top linking to each field, each error next to its field, the input kept. Answers go to
//! the server as a plain form post, which redirects to the next page (or back to this one with
//! the errors), so everything works without JavaScript. With JavaScript, a field that depends
//! on another field of the same step appears and disappears as that field is answered.

use super::api::{help_live_suggestions, help_step};
use super::fields::{FormField, error_text, focus_field, input_id};
use super::param;
use super::urgent::UrgentNoticeBox;
use crate::components::OtherLanguageBadge;
use crate::i18n::{I18n, use_i18n};
use crate::shared::{loaded, route_locale};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use tuki::forms::Answers;
use tuki::i18n::Value;
use tuki::paths::{self, document_href, encode_query_value, help_href};
use tuki::ticket::DraftId;
use tuki::views::help::StepData;

/// One step of a form.
#[component]
pub fn StepPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = route_locale();
    let (form, draft, step) = (param("form"), param("draft"), param("step"));
    let data = Resource::new(
        move || (locale.get(), form(), draft(), step()),
        |(locale, form, draft, step)| async move {
            match locale {
                Some(locale) => help_step(locale.code().to_owned(), form, draft, step).await,
                None => Ok(None),
            }
        },
    );
    view! {
        {loaded(data, move |data| view! { <Step data i18n/> }.into_any())}
    }
}

/// The step's title and description, and the step itself.
#[component]
fn Step(data: StepData, i18n: I18n) -> impl IntoView {
    let has_errors = !data.form_errors.is_empty() || data.fields.iter().any(|f| f.error.is_some());
    let title = if has_errors {
        i18n.t_args("form-error-title-prefix", &[("title", Value::from(data.title.clone()))])
    } else {
        data.title.clone()
    };
    view! {
        <Title text=title/>
        <Meta name="description" content=i18n.t("help-description")/>
        <StepForm data/>
    }
}

/// The step's questions and suggestions. An island: with JavaScript, fields appear as their
/// conditions hold and the suggestions follow the answers.
#[island]
fn StepForm(data: StepData) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let action = help_href(locale, &data.form, &[data.draft.as_str(), &data.step]);
    let back = match &data.previous {
        Some(previous) => help_href(locale, &data.form, &[data.draft.as_str(), previous]),
        None => help_href(locale, &data.form, &[]),
    };
    // Errors of the post as a whole link to the form; those of a field, to the field.
    let errors: Vec<(String, String)> = data
        .form_errors
        .iter()
        .map(|e| ("step-form".to_owned(), error_text(i18n, e)))
        .chain(data.fields.iter().filter_map(|f| f.error.as_ref().map(|e| (input_id(f), error_text(i18n, e)))))
        .collect();
    let has_errors = !errors.is_empty();
    let progress =
        i18n.t_args("form-progress", &[("number", Value::from(data.number)), ("total", Value::from(data.total))]);
    // What the customer has chosen so far on this page, for conditions between its fields.
    let initial: Answers = data.fields.iter().map(|f| (f.id.clone(), f.values.clone())).collect();
    let answers = RwSignal::new(initial);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let fields = data.fields.into_iter().map(|field| view! { <FormField field answers hydrated i18n/> }).collect_view();
    let suggestions = (!data.sends).then(|| {
        let place = StepPlace { form: data.form.clone(), draft: data.draft.clone(), step: data.step.clone() };
        view! {
            <StepSuggestions initial=data.suggestions place search_fields=data.search_fields answers
                solved_action=action.clone() i18n/>
        }
        .into_any()
    });
    view! {
        <div class="container narrow form-page">
            <a class="back-link" href=back>{i18n.t("form-back")}</a>
            {has_errors.then(|| {
                let items = errors
                    .into_iter()
                    .map(|(id, text)| {
                        let target = id.clone();
                        view! { <li><a href=format!("#{id}") on:click=move |ev| focus_field(ev, &target)>{text}</a></li> }
                    })
                    .collect_view();
                view! {
                    <div id="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                        <h2 id="error-summary-title">{i18n.t("form-error-summary")}</h2>
                        <ul>{items}</ul>
                    </div>
                }
            })}
            <p class="form-page__caption">{data.form_title.clone()}</p>
            <p class="form-page__progress">{progress}</p>
            <h1>{data.title.clone()}</h1>
            <UrgentNoticeBox notice=data.urgent.clone()/>
            <form id="step-form" method="post" action=action novalidate>
                {fields}
                <input type="hidden" name=paths::ACTION_FIELD value="continue"/>
                {data.sends.then(|| view! {
                    <div class="honeypot" aria-hidden="true">
                        <label for="field-website">{i18n.t("form-honeypot-label")}</label>
                        <input id="field-website" name=paths::HONEYPOT_FIELD type="text" tabindex="-1" autocomplete="off"/>
                    </div>
                })}
                <button class="button" type="submit">
                    {if data.sends { i18n.t("form-send") } else { i18n.t("form-continue") }}
                </button>
            </form>
            {suggestions}
        </div>
    }
}

/// Which step of which draft a page shows.
#[derive(Clone, Debug)]
struct StepPlace {
    form: String,
    draft: DraftId,
    step: String,
}

/// How long typing must pause before the suggestions are searched again.
const LIVE_SUGGESTIONS_PAUSE: std::time::Duration = std::time::Duration::from_millis(350);

/// "Does one of these solve it?": the step's suggestions and the "this solved my problem"
/// action. With JavaScript the list follows what the customer types or picks in the fields the
/// step searches with, and a status message tells screen readers that it changed.
#[component]
fn StepSuggestions(
    initial: Vec<tuki::search_types::SearchHit>,
    place: StepPlace,
    search_fields: Vec<String>,
    answers: RwSignal<Answers>,
    solved_action: String,
    i18n: I18n,
) -> impl IntoView {
    let locale = i18n.locale();
    let hits = RwSignal::new(initial);
    let announcement = RwSignal::new(String::new());
    // The article page records the opening: the desk sees what was already tried.
    let via = encode_query_value(&format!("{}/{}/{}", place.form, place.draft, place.step));
    if !search_fields.is_empty() {
        let watched = Memo::new(move |_| {
            answers.with(|a| {
                search_fields.iter().map(|id| (id.clone(), a.get(id).cloned().unwrap_or_default())).collect::<Answers>()
            })
        });
        // Only the answer to the latest input counts; older ones may arrive later.
        let latest = StoredValue::new(0_u64);
        Effect::watch(
            move || watched.get(),
            move |input, _, _| {
                latest.update_value(|n| *n += 1);
                let this = latest.get_value();
                let (input, place) = (serde_json::to_string(input).unwrap_or_default(), place.clone());
                set_timeout(
                    move || {
                        if latest.get_value() != this {
                            return;
                        }
                        leptos::task::spawn_local(async move {
                            let found = help_live_suggestions(
                                locale.code().to_owned(),
                                place.form,
                                place.draft.to_string(),
                                place.step,
                                input,
                            )
                            .await;
                            if let (Ok(Some(found)), true) = (found, latest.get_value() == this) {
                                let count = Value::from(found.len());
                                announcement.set(i18n.t_args("form-suggestions-updated", &[("count", count)]));
                                hits.set(found);
                            }
                        });
                    },
                    LIVE_SUGGESTIONS_PAUSE,
                );
            },
            false,
        );
    }
    let list = move || {
        let found = hits.get();
        let via = via.clone();
        let solved_action = solved_action.clone();
        (!found.is_empty()).then(move || {
            let items = found
                .into_iter()
                .map(|hit| {
                    let href = format!("{}?via={via}", document_href(locale, hit.kind, &hit.slug));
                    view! {
                        <li>
                            <a href=href target="_blank" rel="noopener"><span lang=hit.locale.code()>{hit.title}</span></a>
                            <OtherLanguageBadge text=hit.locale/>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <aside class="step-suggestions" aria-labelledby="suggestions-heading">
                    <h2 id="suggestions-heading">{i18n.t("form-suggestions-heading")}</h2>
                    <p class="step-suggestions__hint">{i18n.t("form-suggestions-hint")}</p>
                    <ul class="plain-list">{items}</ul>
                    <form method="post" action=solved_action>
                        <input type="hidden" name=paths::ACTION_FIELD value=paths::SOLVED/>
                        <button class="button button--secondary" type="submit">{i18n.t("form-solved")}</button>
                    </form>
                </aside>
            }
            .into_any()
        })
    };
    view! {
        <p class="visually-hidden" role="status">{move || announcement.get()}</p>
        {list}
    }
}
