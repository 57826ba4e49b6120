//! What reaches the wire: no delayed-ACK stalls, compression, and what search engines read
//! (`robots.txt`, the sitemap, absolute alternates and canonical addresses, descriptions).

use crate::app::{TestApp, spawn_app};
use std::io::Read;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tuki::store::Backend;

/// Sends `GET path` on `stream` (kept alive) as a browser does and reads the whole response
/// (one with a `Content-Length`); returns the status.
async fn get_on(stream: &mut BufReader<TcpStream>, host: &str, path: &str) -> u16 {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip, br\r\n\r\n");
    stream.get_mut().write_all(request.as_bytes()).await.expect("request written");
    let mut line = String::new();
    stream.read_line(&mut line).await.expect("status line");
    let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).expect("a status");
    let mut length = 0usize;
    loop {
        line.clear();
        stream.read_line(&mut line).await.expect("header line");
        if line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().expect("a length");
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body).await.expect("body");
    status
}

/// The body of `GET path`, which must answer 200 with a content type starting `content_type`.
async fn text_of(app: &TestApp, path: &str, content_type: &str) -> String {
    let response = app.get(path, &[]).await;
    assert_eq!(response.status(), 200, "{path}");
    assert!(response.headers()["content-type"].to_str().expect("text").starts_with(content_type), "{path}");
    response.text().await.expect("body")
}

fn write_static(app: &TestApp, path: &str, bytes: &[u8]) {
    let file = app.site_dir.join(path);
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("site folder");
    std::fs::write(file, bytes).expect("static file written");
}

#[tokio::test]
async fn static_files_on_one_keep_alive_connection_never_wait_for_a_delayed_ack() {
    let app = spawn_app(Backend::Sqlite).await;
    // As the build leaves it: the file and its precompressed copies.
    let icon = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".repeat(200);
    write_static(&app, "favicon.svg", icon.as_bytes());
    write_static(&app, "favicon.svg.gz", &icon.as_bytes()[..300]);
    write_static(&app, "favicon.svg.br", &icon.as_bytes()[..200]);
    let host = app.address.trim_start_matches("http://");
    let mut stream = BufReader::new(TcpStream::connect(host).await.expect("connected"));
    let mut times = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        assert_eq!(get_on(&mut stream, host, "/favicon.svg").await, 200);
        times.push(started.elapsed());
    }
    times.sort();
    // Headers and body go out in two writes; without TCP_NODELAY the second waits for the
    // client's delayed ACK, 40 ms on every request.
    assert!(times[10] < Duration::from_millis(20), "one keep-alive connection waited: {times:?}");
    app.stop().await;
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_and_static_files_are_sent_precompressed() {
    let app = spawn_app(Backend::Sqlite).await;
    let page = app.get("/fi/", &[("accept-encoding", "gzip, br")]).await;
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["content-encoding"], "gzip", "a fast gzip for pages made per request");
    let compressed = page.bytes().await.expect("body");
    let mut html = String::new();
    flate2::read::GzDecoder::new(&compressed[..]).read_to_string(&mut html).expect("valid gzip");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("lang=\"fi\""), "{html:.200}");

    let plain = app.get("/fi/", &[]).await;
    assert!(plain.headers().get("content-encoding").is_none(), "nothing compressed for a client that did not ask");

    write_static(&app, "pkg/tuki.css", b"body { color: black }");
    write_static(&app, "pkg/tuki.css.br", b"precompressed brotli");
    write_static(&app, "pkg/tuki.css.gz", b"precompressed gzip");
    let css = app.get("/pkg/tuki.css", &[("accept-encoding", "gzip, br")]).await;
    assert_eq!(css.headers()["content-encoding"], "br");
    assert_eq!(css.bytes().await.expect("body").as_ref(), b"precompressed brotli");
    app.stop().await;
}

#[tokio::test]
async fn robots_txt_keeps_crawlers_out_of_private_pages_and_names_the_sitemap() {
    let app = spawn_app(Backend::Sqlite).await;
    let text = text_of(&app, "/robots.txt?<script>", "text/plain").await;
    for private in ["/fi/staff/", "/sv/tickets/", "/en/staff/", "/api/"] {
        assert!(text.contains(&format!("Disallow: {private}\n")), "{private} in {text}");
    }
    assert!(!text.contains("Disallow: /fi/articles") && !text.contains("Disallow: /\n"));
    assert!(text.contains(&format!("Sitemap: {}/sitemap.xml", app.address)), "{text}");
    let post = app.client.post(format!("{}/robots.txt", app.address)).send().await.expect("sent");
    assert_eq!(post.status(), 405);
    app.stop().await;
}

#[tokio::test]
async fn the_sitemap_lists_every_published_document_in_the_languages_it_is_written_in() {
    let app = spawn_app(Backend::Sqlite).await;
    let xml = text_of(&app, "/sitemap.xml?page=%3Cscript%3E", "application/xml").await;
    let base = &app.address;
    for locale in ["fi", "sv", "en"] {
        assert!(xml.contains(&format!("<loc>{base}/{locale}/</loc>")), "home in {locale}");
        assert!(xml.contains(&format!("<loc>{base}/{locale}/articles/apply-consumer-loan</loc>")));
        assert!(xml.contains(&format!("<loc>{base}/{locale}/categories/cards</loc>")));
    }
    assert!(xml.contains(&format!(
        "<xhtml:link rel=\"alternate\" hreflang=\"sv\" href=\"{base}/sv/articles/apply-consumer-loan\"/>"
    )));
    assert!(xml.contains("/cases/"), "solved cases are listed too");
    assert!(!xml.contains("/staff/") && !xml.contains("/tickets/") && !xml.contains("/search"));
    assert!(!xml.contains("<script"));

    // An unpublished document leaves it.
    let document = tuki::content::DocRef {
        kind: tuki::content::DocKind::Article,
        slug: tuki::content::Slug::parse("apply-consumer-loan").expect("slug"),
    };
    app.state.portal.editing().unpublish(&tuki::services::Caller::Operator, &document).await.expect("unpublished");
    let xml = app.get("/sitemap.xml", &[]).await.text().await.expect("body");
    assert!(!xml.contains("apply-consumer-loan"), "a draft is not in the sitemap");
    assert!(xml.contains(&format!("<loc>{base}/fi/</loc>")));
    app.stop().await;
}

#[tokio::test]
async fn pages_name_their_languages_and_canonical_address_absolutely_and_describe_themselves() {
    let app = spawn_app(Backend::Sqlite).await;
    let base = &app.address;
    let article = app.get("/sv/articles/apply-consumer-loan", &[]).await.text().await.expect("body");
    assert!(
        article.contains(&format!("<link rel=\"canonical\" href=\"{base}/sv/articles/apply-consumer-loan\">"))
            || article.contains(&format!("href=\"{base}/sv/articles/apply-consumer-loan\" rel=\"canonical\""))
    );
    for locale in ["fi", "sv", "en"] {
        assert!(
            article.contains(&format!("href=\"{base}/{locale}/articles/apply-consumer-loan\" hreflang=\"{locale}\""))
        );
    }
    assert!(article.contains(&format!("href=\"{base}/\" hreflang=\"x-default\"")));
    for path in
        ["/fi/", "/sv/categories/cards", "/en/help", "/fi/help/general-request", "/sv/articles/apply-consumer-loan"]
    {
        let page = app.get(path, &[]).await.text().await.expect("body");
        assert!(page.contains("<meta name=\"description\" content=\""), "{path} has a description");
        assert!(!page.contains("name=\"robots\""), "{path} may be indexed");
    }
    let search = app.get("/fi/search?q=kortti", &[]).await.text().await.expect("body");
    assert!(search.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(!search.contains("rel=\"canonical\""), "search results have no canonical address");
    app.stop().await;
}
