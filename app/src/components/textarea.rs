//! A `<textarea>`'s initial text.

/// `text` as a `<textarea>`'s content. Leptos writes a textarea's children into the server's
/// HTML without escaping them (tachys 0.2 treats the element like `<script>`), so a
/// `</textarea>` in the text would end the element and let markup after it through: on the
/// server the text is escaped here (the browser reads the character references back as the
/// same text); in the browser it is set as text and needs none.
pub fn textarea_text(text: &str) -> String {
    if cfg!(feature = "ssr") { tuki::html::escape(text) } else { text.to_owned() }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use leptos::prelude::*;

    #[test]
    fn a_closing_tag_in_a_textareas_text_cannot_end_it_on_the_server() {
        let hostile = "</textarea><script>alert(1)</script>";
        let html = view! { <textarea name="t">{textarea_text(hostile)}</textarea> }.to_html();
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;"), "{html}");
    }
}
