//! Property tests of everything a stranger's text reaches: the form-answer validator, the
//! bundle importer (YAML front matter and Markdown), the query analyser and the snippet
//! highlighter, and the slug and path parsers. None of them may panic, whatever the input,
//! and what they make for a page must stay safe.
//!
//! `PROPTEST_CASES` sets the number of cases (256 by default); the longer fuzz run is
//! documented in the README's Benchmarks section.

use proptest::prelude::*;
use std::sync::OnceLock;
use tuki::Locale;
use tuki::content::Slug;
use tuki::content::bundle::{Bundle, BundleFiles};
use tuki::forms::Answers;
use tuki::search::{SearchIndex, SearchRequest};

/// Text as strangers type it: any Unicode, with markup, quotes, control characters and the
/// letters of the three languages made likely.
fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        any::<char>().prop_map(String::from),
        Just("<script>alert(1)</script>".to_owned()),
        Just("</title>".to_owned()),
        Just("\"'><".to_owned()),
        Just("javascript:".to_owned()),
        Just("\n---\n".to_owned()),
        Just("\0\r\n\t".to_owned()),
        "[a-zåäöA-ZÅÄÖ]{1,12}",
        Just(" ".to_owned()),
        Just("kortti".to_owned()),
        Just("lösenord".to_owned()),
        Just("[x](javascript:alert(1))".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
    ];
    prop::collection::vec(pieces, 0..max).prop_map(|parts| parts.concat())
}

fn locale() -> impl Strategy<Value = Locale> {
    prop_oneof![Just(Locale::Fi), Just(Locale::Sv), Just(Locale::En)]
}

fn demo_bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| tuki::content::demo::demo_bundle().expect("demo bundle"))
}

fn demo_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = SearchIndex::in_memory().expect("index");
        index.rebuild(&demo_bundle().documents, "properties").expect("rebuild");
        index
    })
}

/// True when `html` has no element or attribute that could run script: no `<script>`, no
/// event-handler attribute, no `javascript:` in any tag. (Text is escaped, so every `<` in
/// `html` opens a real tag; what text says does not matter.)
fn is_inert(html: &str) -> bool {
    html.split('<').skip(1).all(|rest| {
        let tag = rest.split('>').next().unwrap_or_default().to_lowercase();
        let has_handler = tag.split_whitespace().skip(1).any(|attribute| attribute.starts_with("on"));
        !tag.starts_with("script") && !has_handler && !tag.contains("javascript:")
    })
}

proptest! {
    #[test]
    fn a_number_shown_in_a_language_is_read_back_in_it_and_any_text_is_read_safely(
        hundredths in -10_000_000_000i64..10_000_000_000,
        typed in "\\PC{0,24}",
    ) {
        let value = hundredths as f64 / 100.0;
        for locale in tuki::Locale::ALL {
            let shown = tuki::numbers::decimal(locale, value, 0);
            let read = tuki::numbers::parse_decimal(locale, &shown);
            prop_assert!(read.is_some_and(|n| (n - value).abs() < 1e-6), "{locale:?}: {shown:?} read as {read:?}");
            prop_assert!(tuki::numbers::parse_decimal(locale, &typed).is_none_or(f64::is_finite));
        }
    }

    #[test]
    fn slugs_either_parse_to_themselves_or_are_refused(text in hostile_text(6)) {
        if let Ok(slug) = Slug::parse(&text) {
            prop_assert_eq!(slug.as_str(), text.as_str());
            prop_assert!(slug.as_str().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
    }

    #[test]
    fn any_path_and_any_language_header_give_a_locale_or_none_without_panicking(
        path in hostile_text(6),
        cookie in hostile_text(3),
        accept in hostile_text(6),
    ) {
        let _ = Locale::split_path(&path);
        let _ = Locale::negotiate(Some(&cookie), Some(&accept));
        let _ = Locale::from_accept_language(&accept);
    }

    #[test]
    fn markdown_of_any_text_renders_without_script(source in hostile_text(40)) {
        let html = tuki::content::markdown::to_html(&source);
        prop_assert!(is_inert(&html), "{}", html);
        let _ = tuki::content::markdown::to_plain_text(&source);
    }

    #[test]
    fn any_bundle_files_are_imported_or_refused_with_problems(
        category in hostile_text(8),
        title in hostile_text(8),
        front in hostile_text(12),
        body in hostile_text(30),
        form in hostile_text(30),
    ) {
        let mut files = BundleFiles::new();
        files.insert("categories.yaml".to_owned(), Ok(format!("cards:\n  fi: {category}\n  sv: Kort\n  en: Cards\n")));
        files.insert(
            "articles/card/fi.md".to_owned(),
            Ok(format!("---\ntitle: {title}\ncategory: cards\n{front}\n---\n{body}")),
        );
        files.insert("articles/other/en.md".to_owned(), Ok(format!("{front}{body}")));
        files.insert("forms/x.yaml".to_owned(), Ok(form));
        match Bundle::parse(&files) {
            Ok(bundle) => {
                for document in &bundle.documents {
                    for translation in document.translations.values() {
                        prop_assert!(is_inert(&tuki::content::markdown::to_html(&translation.body)));
                    }
                }
            }
            Err(errors) => prop_assert!(!errors.0.is_empty()),
        }
    }

    #[test]
    fn any_answers_to_any_demo_step_are_checked_without_panicking(
        form_index in 0usize..16,
        step_index in 0usize..8,
        answers in prop::collection::btree_map("[a-z-]{1,16}", prop::collection::vec(hostile_text(8), 0..4), 0..6),
        use_field_names in any::<bool>(),
    ) {
        let forms = &demo_bundle().forms;
        let form = &forms[form_index % forms.len()];
        let step = &form.steps[step_index % form.steps.len()];
        let mut submitted: Answers = answers.into_iter().collect();
        if use_field_names {
            // The step's own fields with hostile values: the validator's real work.
            let values: Vec<Vec<String>> = submitted.values().cloned().collect();
            submitted = step.fields.iter().zip(values.into_iter().cycle()).map(|(f, v)| (f.id.clone(), v)).collect();
        }
        let earlier = form.effective_answers(&Answers::new());
        for locale in tuki::Locale::ALL {
            let errors = tuki::forms::validate_step(step, &submitted, &earlier, locale);
            for error in &errors {
                prop_assert!(!error.problem.message_id().is_empty());
            }
        }
        let merged = form.merge_step(step, &Answers::new(), &submitted);
        let _ = form.shown_steps(&merged);
        let _ = form.next_step(&step.id, &merged);
    }

    #[test]
    fn any_query_in_any_language_searches_and_marks_only_escaped_text(text in hostile_text(12), locale in locale()) {
        let text: String = text.chars().take(200).collect();
        let request = SearchRequest { text, locale, limit: 10, offset: 0, category: None, kind: None };
        let results = demo_index().search_uncached(&request).expect("search");
        prop_assert!(results.hits.len() <= 10);
        for hit in &results.hits {
            let without_marks = hit.snippet.replace("<mark>", "").replace("</mark>", "");
            prop_assert!(!without_marks.contains('<'), "{}", hit.snippet);
            prop_assert_eq!(hit.snippet.matches("<mark>").count(), hit.snippet.matches("</mark>").count());
        }
    }

    #[test]
    fn the_highlighter_escapes_any_text_for_any_terms(
        text in hostile_text(40),
        terms in prop::collection::vec(hostile_text(3), 0..4),
        locale in locale(),
    ) {
        let highlighter = tuki::search::snippet::Highlighter::new(locale, terms.into_iter().map(|t| (t, 1.0)).collect());
        let html = highlighter.html(&text);
        let without_marks = html.replace("<mark>", "").replace("</mark>", "");
        prop_assert!(!without_marks.contains('<'), "{}", html);
    }
}
