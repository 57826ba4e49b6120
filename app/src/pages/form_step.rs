//! The steps of a guided form (`/{lang}/help/{form}/{draft}/{step}`), the answers to check
//! (`…/check`) and the end of a flow that a suggestion solved (`…/solved`).
//!
//! One question page per step in the manner of the GOV.UK Design System: an error summary at
//! the top linking to each field, each error next to its field, the input kept. Answers go to
//! the server as a plain form post, which redirects to the next page (or back to this one with
//! the errors), so everything works without JavaScript. With JavaScript, a field that depends
//! on another field of the same step appears and disappears as that field is answered.

use super::help::help_href;
use super::{NotFound, document_href, encode_query_value, route_locale};
use crate::components::OtherLanguageBadge;
use crate::help_api::{CheckData, FieldView, StepData, help_check, help_done, help_live_suggestions, help_step};
use crate::i18n::{I18n, use_i18n};
use crate::pages::search::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use tuki::forms::{Answers, FieldKind};
use tuki::i18n::Value;

fn param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get(name).unwrap_or_default())
}

/// The id of a field's input (the first option's, for choices): what error links point to.
fn input_id(field: &FieldView) -> String {
    match field.kind {
        FieldKind::Radio | FieldKind::Checkboxes => field
            .options
            .first()
            .map_or_else(|| format!("field-{}", field.id), |(v, _)| format!("field-{}-{v}", field.id)),
        FieldKind::YesNo => format!("field-{}-yes", field.id),
        _ => format!("field-{}", field.id),
    }
}

fn error_text(i18n: I18n, (id, arg): &(String, Option<f64>)) -> String {
    match arg {
        Some(limit) => i18n.t_args(id, &[("limit", Value::from(*limit))]),
        None => i18n.t(id),
    }
}

/// With JavaScript, an error summary link moves focus to its field (as the plain fragment link
/// does without it) instead of leaving it to the router.
fn focus_field(event: leptos::ev::MouseEvent, id: &str) {
    use leptos::wasm_bindgen::JsCast;
    let Some(element) = document().get_element_by_id(id) else { return };
    if let Ok(element) = element.dyn_into::<leptos::web_sys::HtmlElement>() {
        event.prevent_default();
        element.scroll_into_view();
        let _ = element.focus();
    }
}

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
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(data)) => view! { <Step data i18n/> }.into_any(),
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error=error.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Step(data: StepData, i18n: I18n) -> impl IntoView {
    let locale = i18n.locale();
    let action = help_href(locale, &data.form, &[&data.draft, &data.step]);
    let back = match &data.previous {
        Some(previous) => help_href(locale, &data.form, &[&data.draft, previous]),
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
    let title = if has_errors {
        i18n.t_args("form-error-title-prefix", &[("title", Value::from(data.title.clone()))])
    } else {
        data.title.clone()
    };
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
        <Title text=title/>
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
            <form id="step-form" method="post" action=action novalidate>
                {fields}
                <input type="hidden" name="_action" value="continue"/>
                {data.sends.then(|| view! {
                    <div class="honeypot" aria-hidden="true">
                        <label for="field-website">{i18n.t("form-honeypot-label")}</label>
                        <input id="field-website" name="_website" type="text" tabindex="-1" autocomplete="off"/>
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
    draft: String,
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
                                place.draft,
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
                        <input type="hidden" name="_action" value="solved"/>
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

/// One question: label, hint, error and input, shown or hidden by its condition.
#[component]
fn FormField(field: FieldView, answers: RwSignal<Answers>, hydrated: RwSignal<bool>, i18n: I18n) -> impl IntoView {
    let condition = field.show_if.clone();
    // Without JavaScript every field is shown (the server ignores those whose condition does
    // not hold); with it, a field appears when its condition holds.
    let hidden = move || hydrated.get() && condition.as_ref().is_some_and(|c| !answers.with(|a| c.holds(a)));
    let id = field.id.clone();
    let hint_id = format!("field-{id}-hint");
    let error_id = format!("field-{id}-error");
    let described = [field.hint.as_ref().map(|_| hint_id.clone()), field.error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let hint = field.hint.clone().map(|h| view! { <p class="field__hint" id=hint_id.clone()>{h}</p> });
    let error = field.error.as_ref().map(|e| {
        let text = error_text(i18n, e);
        view! {
            <p class="field__error" id=error_id.clone()>
                <span class="visually-hidden">{i18n.t("form-error-prefix")}</span>
                {text}
            </p>
        }
    });
    let invalid = field.error.is_some().then_some("true");
    let class = if field.error.is_some() { "field field--error" } else { "field" };
    let required_mark =
        (!field.required).then(|| view! { <span class="field__optional">{i18n.t("form-optional")}</span> });
    let set_one = {
        let id = id.clone();
        move |value: String| {
            answers.update(|a| {
                a.insert(id.clone(), vec![value]);
            })
        }
    };
    let control = match field.kind {
        FieldKind::Radio | FieldKind::YesNo | FieldKind::Checkboxes => {
            let options: Vec<(String, String)> = if field.kind == FieldKind::YesNo {
                vec![("yes".to_owned(), i18n.t("form-yes")), ("no".to_owned(), i18n.t("form-no"))]
            } else {
                field.options.clone()
            };
            let multiple = field.kind == FieldKind::Checkboxes;
            let input_type = if multiple { "checkbox" } else { "radio" };
            let items = options
                .into_iter()
                .map(|(value, label)| {
                    let option_id = format!("field-{id}-{value}");
                    let checked = field.values.contains(&value);
                    let name = id.clone();
                    let field_id = id.clone();
                    let this = value.clone();
                    let on_change = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        let this = this.clone();
                        answers.update(|a| {
                            let values = a.entry(field_id.clone()).or_default();
                            if !multiple {
                                values.clear();
                            }
                            values.retain(|v| v != &this);
                            if on {
                                values.push(this);
                            }
                        });
                    };
                    view! {
                        <div class="choice">
                            <input type=input_type id=option_id.clone() name=name value=value checked=checked on:change=on_change/>
                            <label for=option_id>{label}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class=class aria-describedby=described.clone()>
                    <legend class="field__label">{field.label.clone()}{required_mark}</legend>
                    {hint}
                    {error}
                    <div class="choices">{items}</div>
                </fieldset>
            }
            .into_any()
        }
        kind => {
            let input_id = format!("field-{id}");
            let value = field.values.first().cloned().unwrap_or_default();
            let max = field.max_chars;
            let input = match kind {
                FieldKind::Textarea => view! {
                    <textarea id=input_id.clone() name=id.clone() rows="6" maxlength=max aria-describedby=described.clone()
                        aria-invalid=invalid on:input=move |ev| set_one(event_target_value(&ev))>{value}</textarea>
                }
                .into_any(),
                FieldKind::Select => {
                    let current = value.clone();
                    let options = field
                        .options
                        .iter()
                        .map(|(v, l)| view! { <option value=v.clone() selected=current == *v>{l.clone()}</option> })
                        .collect_view();
                    view! {
                        <select id=input_id.clone() name=id.clone() aria-describedby=described.clone() aria-invalid=invalid
                            on:change=move |ev| set_one(event_target_value(&ev))>
                            <option value="">{i18n.t("form-select-prompt")}</option>
                            {options}
                        </select>
                    }
                    .into_any()
                }
                _ => {
                    let (input_type, mode, autocomplete) = match kind {
                        FieldKind::Email => ("email", None, Some("email")),
                        FieldKind::Tel => ("tel", None, Some("tel")),
                        FieldKind::Number => ("text", Some("decimal"), None),
                        FieldKind::Date => ("date", None, None),
                        _ => ("text", None, None),
                    };
                    view! {
                        <input type=input_type id=input_id.clone() name=id.clone() value=value inputmode=mode
                            autocomplete=autocomplete maxlength=max aria-describedby=described.clone() aria-invalid=invalid
                            on:input=move |ev| set_one(event_target_value(&ev))/>
                    }
                    .into_any()
                }
            };
            view! {
                <div class=class>
                    <label class="field__label" for=input_id>{field.label.clone()}{required_mark}</label>
                    {hint}
                    {error}
                    {input}
                </div>
            }
            .into_any()
        }
    };
    view! { <div class="field-wrapper" hidden=hidden>{control}</div> }
}

/// Check your answers: each answer with a link to change it.
#[component]
pub fn CheckPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = route_locale();
    let (form, draft) = (param("form"), param("draft"));
    let data = Resource::new(
        move || (locale.get(), form(), draft()),
        |(locale, form, draft)| async move {
            match locale {
                Some(locale) => help_check(locale.code().to_owned(), form, draft).await,
                None => Ok(None),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(data)) => view! { <Check data i18n/> }.into_any(),
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error=error.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Check(data: CheckData, i18n: I18n) -> impl IntoView {
    let locale = i18n.locale();
    let back = help_href(locale, &data.form, &[&data.draft, &data.last_step]);
    let rows = data
        .rows
        .into_iter()
        .map(|row| {
            let href = format!("{}#field-{}", help_href(locale, &data.form, &[&data.draft, &row.step]), row.field);
            let change = i18n.t("form-change");
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{row.question.clone()}</dt>
                    <dd class="summary-list__value">{row.answer}</dd>
                    <dd class="summary-list__actions">
                        <a href=href>{change}<span class="visually-hidden">{format!(" – {}", row.question)}</span></a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <Title text=i18n.t("form-check-title")/>
        <div class="container narrow form-page">
            <a class="back-link" href=back>{i18n.t("form-back")}</a>
            <p class="form-page__caption">{data.form_title}</p>
            <h1>{i18n.t("form-check-title")}</h1>
            <dl class="summary-list">{rows}</dl>
            <p>{i18n.t("form-check-next")}</p>
            <p><a class="button" href=help_href(locale, &data.form, &[&data.draft, "contact"])>{i18n.t("form-continue")}</a></p>
        </div>
    }
}

/// The end of a flow a suggestion solved.
#[component]
pub fn SolvedPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("form-solved-title")/>
        <section class="container narrow page-message" aria-labelledby="solved-heading">
            <h1 id="solved-heading">{move || i18n.t("form-solved-title")}</h1>
            <p>{move || i18n.t("form-solved-body")}</p>
            <p><a class="button" href=move || i18n.href("/")>{move || i18n.t("back-to-home")}</a></p>
        </section>
    }
}

/// The confirmation: the ticket's reference.
#[component]
pub fn DonePage() -> impl IntoView {
    let i18n = use_i18n();
    let (form, draft) = (param("form"), param("draft"));
    let data = Resource::new(move || (form(), draft()), |(form, draft)| help_done(form, draft));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(reference)) => view! {
                        <Title text=i18n.t("form-done-title")/>
                        <section class="container narrow page-message" aria-labelledby="done-heading">
                            <div class="panel-confirmation">
                                <h1 id="done-heading">{i18n.t("form-done-title")}</h1>
                                <p>
                                    {i18n.t("form-done-reference")}<br/>
                                    <strong class="panel-confirmation__reference">{reference}</strong>
                                </p>
                            </div>
                            <p>{i18n.t("form-done-body")}</p>
                            <p><a href=i18n.href("/")>{i18n.t("back-to-home")}</a></p>
                        </section>
                    }
                    .into_any(),
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error=error.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
