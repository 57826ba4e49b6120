//! One question of a step: its label, hint, error and input, shown or hidden by its condition;
//! and the error texts and ids the step's error summary links to.

use crate::components::textarea_text;
use crate::i18n::I18n;
use leptos::prelude::*;
use tuki::forms::{Answers, FieldKind};
use tuki::i18n::Value;
use tuki::views::help::FieldView;

/// The id of a field's input (the first option's, for choices): what error links point to.
pub(super) fn input_id(field: &FieldView) -> String {
    match field.kind {
        FieldKind::Radio | FieldKind::Checkboxes => field
            .options
            .first()
            .map_or_else(|| format!("field-{}", field.id), |(v, _)| format!("field-{}-{v}", field.id)),
        FieldKind::YesNo => format!("field-{}-yes", field.id),
        _ => format!("field-{}", field.id),
    }
}

pub(super) fn error_text(i18n: I18n, (id, arg): &(String, Option<f64>)) -> String {
    match arg {
        Some(limit) => i18n.t_args(id, &[("limit", Value::from(*limit))]),
        None => i18n.t(id),
    }
}

/// With JavaScript, an error summary link moves focus to its field (as the plain fragment link
/// does without it) instead of leaving it to the router.
pub(super) fn focus_field(event: leptos::ev::MouseEvent, id: &str) {
    use leptos::wasm_bindgen::JsCast;
    let Some(element) = document().get_element_by_id(id) else { return };
    if let Ok(element) = element.dyn_into::<leptos::web_sys::HtmlElement>() {
        event.prevent_default();
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// One question: label, hint, error and input, shown or hidden by its condition.
#[component]
pub(super) fn FormField(
    field: FieldView,
    answers: RwSignal<Answers>,
    hydrated: RwSignal<bool>,
    i18n: I18n,
) -> impl IntoView {
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
                        aria-invalid=invalid on:input=move |ev| set_one(event_target_value(&ev))>{textarea_text(&value)}</textarea>
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
