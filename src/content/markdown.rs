//! Markdown → safe HTML for article pages, and → plain text for the search index.
//!
//! Raw HTML in Markdown is shown as text, never passed through; the result is sanitised once
//! more with ammonia (no script, no event attributes, no `javascript:` links), links get
//! `rel="noopener noreferrer"`, and headings get `id`s so they can be linked to.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};
use std::collections::HashSet;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The Markdown `source` as sanitised HTML.
pub fn to_html(source: &str) -> String {
    let mut events: Vec<Event<'_>> = Parser::new_ext(source, options())
        .map(|event| match event {
            // Raw HTML is displayed as text, never interpreted.
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            other => other,
        })
        .collect();
    add_heading_ids(&mut events);
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events.into_iter());
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .add_tag_attributes("h1", &["id"])
        .add_tag_attributes("h2", &["id"])
        .add_tag_attributes("h3", &["id"])
        .add_tag_attributes("h4", &["id"])
        .add_tag_attributes("h5", &["id"])
        .add_tag_attributes("h6", &["id"])
        .clean(&unsafe_html)
        .to_string()
}

/// Gives every heading an `id` made from its text (`Lost card` → `lost-card`), unique in the page.
fn add_heading_ids(events: &mut [Event<'_>]) {
    let mut used = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = anchor(&text);
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            if let Event::Start(Tag::Heading { id: heading_id, .. }) = &mut events[i] {
                *heading_id = Some(CowStr::from(id));
            }
            i = j;
        }
        i += 1;
    }
}

/// A URL fragment for a heading: lowercase letters (ä, ö, å kept) and digits joined by hyphens.
fn anchor(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() { "section".to_owned() } else { out }
}

/// The text of the Markdown `source` without markup, for indexing and snippets.
pub fn to_plain_text(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => out.push('\n'),
            _ => {}
        }
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_event_attributes_and_javascript_links_never_survive() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) \
             <a href=\"#\" onclick=\"steal()\">x</a>",
        );
        let tags: Vec<&str> = html.split('<').skip(1).filter_map(|t| t.split('>').next()).collect();
        assert!(tags.iter().all(|t| !t.starts_with("script") && !t.starts_with("img")), "{html}");
        assert!(tags.iter().all(|t| !t.contains(" on")), "an event attribute survived: {html}");
        assert!(tags.iter().all(|t| !t.contains("javascript:")), "{html}");
        assert!(html.contains("&lt;script&gt;"), "raw HTML is shown as text: {html}");
    }

    #[test]
    fn links_get_noopener_and_headings_get_unique_anchors() {
        let html = to_html("## Lost card\n\n## Lost card\n\n### Kortti hukassa\n\n[bank](https://example.com)");
        assert!(html.contains("<h2 id=\"lost-card\">"), "{html}");
        assert!(html.contains("<h2 id=\"lost-card-2\">"), "{html}");
        assert!(html.contains("<h3 id=\"kortti-hukassa\">"), "{html}");
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }

    #[test]
    fn plain_text_keeps_words_and_drops_markup() {
        let text = to_plain_text("1. Valitse **Kortit**\n2. Sulje `kortti`\n\n[linkki](https://x)");
        assert_eq!(text, "Valitse Kortit\nSulje kortti\nlinkki");
    }
}
