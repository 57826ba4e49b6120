//! The built static files (the stylesheet, the bundle, the icon), held in memory.
//!
//! Read once at start from the site directory, with the precompressed copies the build makes
//! (`.br`, `.gz`), and sent from memory: no file system work and no blocking-pool hop per
//! request. Each answer is the best copy the client accepts (brotli, then gzip, then the file),
//! with an `ETag` of the file's content, `Cache-Control: no-cache` (the names carry no hash, so
//! a browser asks again and gets `304 Not Modified` until a new build is served) and
//! `Vary: Accept-Encoding`. Anything else under the site directory (files added later, other
//! folders) is still served from disk by Leptos's file handler.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use bytes::Bytes;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;

/// One file and its precompressed copies.
#[derive(Debug)]
struct StaticFile {
    content_type: HeaderValue,
    etag: HeaderValue,
    identity: Bytes,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
}

/// The files, by their path in the address (`/pkg/tuki.css`).
#[derive(Debug, Default)]
pub struct StaticFiles {
    files: HashMap<String, StaticFile>,
}

impl StaticFiles {
    /// Reads the files of `site_dir` and of `site_dir/pkg` (not deeper), each with its `.br`
    /// and `.gz` copies when the build made them. A missing directory gives no files.
    pub fn load(site_dir: &Path) -> StaticFiles {
        let mut files = HashMap::new();
        for (dir, prefix) in [(site_dir.to_path_buf(), "/"), (site_dir.join("pkg"), "/pkg/")] {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
                if !path.is_file() || name.ends_with(".br") || name.ends_with(".gz") {
                    continue;
                }
                // The file kinds a browser is sent; anything else stays with the file handler.
                let Some(content_type) = mime_guess::from_path(&path).first_raw() else { continue };
                let Ok(identity) = std::fs::read(&path) else { continue };
                let copy = |suffix: &str| std::fs::read(dir.join(format!("{name}.{suffix}"))).ok().map(Bytes::from);
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                identity.hash(&mut hasher);
                let etag = HeaderValue::from_str(&format!("\"{:016x}\"", hasher.finish()))
                    .unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
                files.insert(
                    format!("{prefix}{name}"),
                    StaticFile {
                        content_type: HeaderValue::from_static(content_type),
                        etag,
                        identity: Bytes::from(identity),
                        gzip: copy("gz"),
                        brotli: copy("br"),
                    },
                );
            }
        }
        StaticFiles { files }
    }

    /// How many files are held.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when no file is held.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The answer to `GET`/`HEAD path`, or `None` when the file is not held here.
    fn answer(&self, method: &Method, path: &str, headers: &HeaderMap) -> Option<Response> {
        let file = self.files.get(path)?;
        let mut response = Response::new(Body::empty());
        let response_headers = response.headers_mut();
        response_headers.insert(header::ETAG, file.etag.clone());
        response_headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        response_headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        let unchanged = headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|tags| tags.split(',').any(|t| t.trim() == "*" || t.trim() == file.etag));
        if unchanged {
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            return Some(response);
        }
        let accepted = |coding: &str| accepts(headers, coding);
        let (body, encoding) = match (&file.brotli, &file.gzip) {
            (Some(brotli), _) if accepted("br") => (brotli.clone(), Some("br")),
            (_, Some(gzip)) if accepted("gzip") => (gzip.clone(), Some("gzip")),
            _ => (file.identity.clone(), None),
        };
        let response_headers = response.headers_mut();
        response_headers.insert(header::CONTENT_TYPE, file.content_type.clone());
        response_headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        if let Some(encoding) = encoding {
            response_headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        if method != Method::HEAD {
            *response.body_mut() = Body::from(body);
        }
        Some(response)
    }
}

/// True when the `Accept-Encoding` header accepts `coding` (named, with a weight above zero).
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
        |item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let weight =
                parts.find_map(|p| p.trim().strip_prefix("q=")).map_or(1.0, |q| q.trim().parse::<f32>().unwrap_or(0.0));
            name.eq_ignore_ascii_case(coding) && weight > 0.0
        },
    )
}

/// Middleware: answers `GET` and `HEAD` of a held file from memory; everything else goes on.
pub async fn serve(State(files): State<Arc<StaticFiles>>, request: Request, next: Next) -> Response {
    let method = request.method();
    if (method == Method::GET || method == Method::HEAD)
        && let Some(response) = files.answer(method, request.uri().path(), request.headers())
    {
        return response;
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("pkg")).expect("pkg");
        std::fs::write(dir.path().join("pkg/tuki.css"), "body{}").expect("css");
        std::fs::write(dir.path().join("pkg/tuki.css.br"), "BR").expect("br");
        std::fs::write(dir.path().join("pkg/tuki.css.gz"), "GZ").expect("gz");
        std::fs::write(dir.path().join("favicon.svg"), "<svg/>").expect("svg");
        std::fs::write(dir.path().join("notes.unknown"), "?").expect("other");
        dir
    }

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (k.clone(), HeaderValue::from_str(v).expect("value"))).collect()
    }

    async fn body(response: Response) -> Vec<u8> {
        axum::body::to_bytes(response.into_body(), 1 << 20).await.expect("body").to_vec()
    }

    #[tokio::test]
    async fn a_file_is_sent_as_the_best_copy_the_client_accepts() {
        let dir = site();
        let files = StaticFiles::load(dir.path());
        assert_eq!(files.len(), 2, "the stylesheet and the icon; not the copies, not unknown kinds");
        let get =
            |accept: &str| files.answer(&Method::GET, "/pkg/tuki.css", &headers(&[(header::ACCEPT_ENCODING, accept)]));
        let br = get("gzip, br").expect("held");
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(br.headers()[header::CONTENT_TYPE], "text/css");
        assert_eq!(br.headers()[header::VARY], "accept-encoding");
        assert_eq!(body(br).await, b"BR");
        assert_eq!(body(get("gzip, br;q=0").expect("held")).await, b"GZ");
        let plain = get("identity").expect("held");
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(body(plain).await, b"body{}");
        assert!(files.answer(&Method::GET, "/pkg/tuki.css.br", &HeaderMap::new()).is_none());
        assert!(files.answer(&Method::GET, "/notes.unknown", &HeaderMap::new()).is_none());
        assert!(files.answer(&Method::GET, "/pkg/../favicon.svg", &HeaderMap::new()).is_none());
    }

    #[tokio::test]
    async fn a_file_the_browser_has_is_not_sent_again() {
        let dir = site();
        let files = StaticFiles::load(dir.path());
        let first = files.answer(&Method::GET, "/favicon.svg", &HeaderMap::new()).expect("held");
        let etag = first.headers()[header::ETAG].to_str().expect("ascii").to_owned();
        assert_eq!(first.headers()[header::CACHE_CONTROL], "no-cache");
        let again =
            files.answer(&Method::GET, "/favicon.svg", &headers(&[(header::IF_NONE_MATCH, &etag)])).expect("held");
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert!(body(again).await.is_empty());
        let other =
            files.answer(&Method::GET, "/favicon.svg", &headers(&[(header::IF_NONE_MATCH, "\"x\"")])).expect("held");
        assert_eq!(other.status(), StatusCode::OK);
        let head = files.answer(&Method::HEAD, "/favicon.svg", &HeaderMap::new()).expect("held");
        assert_eq!(head.headers()[header::CONTENT_LENGTH], "6");
        assert!(body(head).await.is_empty());
    }

    #[test]
    fn a_missing_site_directory_holds_nothing() {
        assert!(StaticFiles::load(Path::new("/no/such/site")).is_empty());
    }
}
