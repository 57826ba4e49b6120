//! What search engines read besides the pages: `/robots.txt` and `/sitemap.xml`.
//!
//! The sitemap lists every indexable page (the front page, the categories, each published
//! article and solved case) in each language it is written in, with its other languages as
//! `hreflang` alternates, all as absolute addresses under `TUKI_BASE_URL`. Pages not to be
//! indexed (staff pages, ticket status pages, the JSON API) are kept out in `robots.txt`; search
//! results and a customer's answers say `noindex` themselves.

use super::AppState;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tuki::Locale;
use tuki::html::escape;
use tuki::services::Caller;
use tuki::views::catalogue::IndexablePage;

/// How long browsers and crawlers may keep either file.
const CACHE_CONTROL: &str = "public, max-age=3600";

/// `GET /robots.txt`.
pub async fn robots(State(state): State<AppState>) -> Response {
    let mut body = String::from("User-agent: *\n");
    for locale in Locale::ALL {
        for private in ["staff/", "tickets/"] {
            body.push_str(&format!("Disallow: /{}/{private}\n", locale.code()));
        }
    }
    body.push_str("Disallow: /api/\n\n");
    body.push_str(&format!("Sitemap: {}/sitemap.xml\n", state.base_url));
    text(body, "text/plain; charset=utf-8")
}

/// `GET /sitemap.xml`.
pub async fn sitemap(State(state): State<AppState>) -> Response {
    match state.portal.catalogue().indexable_pages(&Caller::Customer).await {
        Ok(pages) => text(sitemap_xml(&state.base_url, &pages), "application/xml; charset=utf-8"),
        Err(error) => {
            tracing::error!(%error, "the sitemap could not be made");
            (StatusCode::SERVICE_UNAVAILABLE, "").into_response()
        }
    }
}

fn text(body: String, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE_CONTROL));
    response
}

/// The sitemap of `pages` under `base_url` (no trailing slash): a `<url>` per page and
/// language, each naming every language of the page as an alternate.
pub fn sitemap_xml(base_url: &str, pages: &[IndexablePage]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages {
        let locales = page.locales();
        for locale in &locales {
            xml.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                escape(&format!("{base_url}{}", page.href(*locale)))
            ));
            if locales.len() > 1 {
                for other in &locales {
                    xml.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                        other.code(),
                        escape(&format!("{base_url}{}", page.href(*other)))
                    ));
                }
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use tuki::content::DocKind;

    #[test]
    fn the_sitemap_lists_each_language_of_a_page_with_the_others_as_alternates() {
        let pages = [
            IndexablePage::Home,
            IndexablePage::Document {
                kind: DocKind::Case,
                slug: "kortti".to_owned(),
                locales: vec![Locale::Fi, Locale::Sv],
            },
            IndexablePage::Document { kind: DocKind::Article, slug: "only".to_owned(), locales: vec![Locale::En] },
        ];
        let xml = sitemap_xml("https://tuki.example.fi", &pages);
        assert_eq!(xml.matches("<url>").count(), 3 + 2 + 1);
        assert!(xml.contains("<loc>https://tuki.example.fi/sv/</loc>"));
        assert!(xml.contains(
            "<loc>https://tuki.example.fi/sv/cases/kortti</loc>\n    \
             <xhtml:link rel=\"alternate\" hreflang=\"fi\" href=\"https://tuki.example.fi/fi/cases/kortti\"/>"
        ));
        assert!(!xml.contains("/en/cases/kortti"), "no address for a language the case is not written in");
        assert!(xml.contains("<loc>https://tuki.example.fi/en/articles/only</loc>\n  </url>"));
    }

    #[test]
    fn addresses_in_the_sitemap_are_escaped() {
        let xml = sitemap_xml("https://tuki.example.fi/?a=1&b=<2>", &[IndexablePage::Home]);
        assert!(xml.contains("https://tuki.example.fi/?a=1&amp;b=&lt;2&gt;/fi/"));
        assert!(!xml.contains("&b"));
    }
}
