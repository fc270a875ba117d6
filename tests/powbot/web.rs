//! A web of news sites on 127.0.0.1 for the ingest and reload tests: feeds (RSS, Atom, JSON
//! Feed) with ETags, the pages of `tests/fixtures/ingest/` in their charsets, robots.txt, and
//! the failures the real web has (404, 500, a redirect loop, a 20 MB page, a slow server).
//! Nothing else is ever contacted.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// The ETag every feed carries: asked for with it, a feed answers 304.
pub const ETAG: &str = "\"feeds-v1\"";

#[derive(Clone)]
struct Site {
    base: String,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

/// A running fixture web.
pub struct Web {
    pub base: String,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    runtime: tokio::runtime::Runtime,
}

impl Web {
    /// Starts the server on a free loopback port, on a runtime of its own.
    pub fn start() -> Web {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a runtime for the fixture web");
        let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("its address"));
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let site = Site { base: base.clone(), hits: Arc::clone(&hits) };
        let app = Router::new()
            .route("/robots.txt", get(|| async { "User-agent: *\nDisallow: /private/\n" }))
            .route("/news/{name}", get(page))
            .route("/trickle/{name}", get(trickle))
            .route("/private/{name}", get(page))
            .route("/feeds/{name}", get(feed))
            .route("/status/{code}", get(status))
            .route("/loop/{name}", get(redirect_loop))
            .route(
                "/moved",
                get(|State(site): State<Site>| async move { redirect(&format!("{}/news/kyiv-report", site.base)) }),
            )
            .route("/big", get(|| async { vec![b'a'; 20 * 1024 * 1024] }))
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    "too late"
                }),
            )
            .with_state(site);
        runtime.spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Web { base, hits, runtime }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// How many requests reached `path`.
    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().map(|h| h.get(path).copied().unwrap_or(0)).unwrap_or(0)
    }

    /// Starts a task on the web's runtime.
    pub fn spawn<F>(&self, future: F) -> tokio::task::JoinHandle<F::Output>
    where
        F: std::future::Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.runtime.spawn(future)
    }

    /// Runs a future on the web's runtime (ingest's HTTP client lives there too).
    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }
}

fn count(site: &Site, path: String) {
    if let Ok(mut hits) = site.hits.lock() {
        *hits.entry(path).or_default() += 1;
    }
}

fn redirect(to: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response()
}

/// A fixture page, in its charset: `cp1251` as windows-1251 declared only in the page,
/// `latin1` as ISO-8859-1 declared in the header, the rest UTF-8.
async fn page(State(site): State<Site>, UrlPath(name): UrlPath<String>, uri: axum::http::Uri) -> Response {
    count(&site, uri.path().to_string());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest");
    let file = if uri.path().starts_with("/private/") {
        dir.join("private").join(format!("{name}.html"))
    } else {
        dir.join(format!("{name}.html"))
    };
    let Ok(text) = std::fs::read_to_string(&file) else { return StatusCode::NOT_FOUND.into_response() };
    let text = text.replace("{{BASE}}", &site.base);
    match name.as_str() {
        "cp1251" => {
            let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
            ([(header::CONTENT_TYPE, "text/html")], bytes.into_owned()).into_response()
        }
        "latin1" => {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
            ([(header::CONTENT_TYPE, "text/html; charset=ISO-8859-1")], bytes.into_owned()).into_response()
        }
        _ => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], text).into_response(),
    }
}

/// A fixture page (UTF-8) sent a little at a time over about three seconds, so that a client
/// can be killed while it reads it.
async fn trickle(State(site): State<Site>, UrlPath(name): UrlPath<String>) -> Response {
    use futures_util::StreamExt as _;
    count(&site, format!("/trickle/{name}"));
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(format!("{name}.html"));
    let Ok(text) = std::fs::read_to_string(&file) else { return StatusCode::NOT_FOUND.into_response() };
    let bytes = text.replace("{{BASE}}", &site.base).into_bytes();
    let chunks: Vec<Vec<u8>> = bytes.chunks(bytes.len().div_ceil(30).max(1)).map(<[u8]>::to_vec).collect();
    let body = futures_util::stream::iter(chunks).then(|chunk| async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        Ok::<_, std::io::Error>(chunk)
    });
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], axum::body::Body::from_stream(body)).into_response()
}

async fn feed(State(site): State<Site>, UrlPath(name): UrlPath<String>, headers: HeaderMap) -> Response {
    count(&site, format!("/feeds/{name}"));
    if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(ETAG) {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let b = &site.base;
    let (kind, body) = match name.as_str() {
        "rss.xml" => (
            "application/rss+xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Kyiv Independent</title><link>{b}/</link><description>News</description>
<item><title>Ukraine, Russia swap 146 prisoners each on Independence Day</title><link>{b}/news/kyiv-report</link><pubDate>Sun, 24 Aug 2025 11:05:00 GMT</pubDate></item>
<item><title>Ukraine grain exports rise as Black Sea corridor holds</title><link>{b}/news/grain</link><pubDate>Wed, 20 Aug 2025 09:00:00 GMT</pubDate></item>
<item><title>Inside the secret talks behind the latest prisoner swap</title><link>{b}/news/paywall</link><pubDate>Mon, 01 Sep 2025 06:00:00 GMT</pubDate></item>
<item><title>Dozens of soldiers return home in new prisoner exchange</title><link>{b}/news/nodate</link><pubDate>Tue, 16 Sep 2025 08:00:00 GMT</pubDate></item>
<item><title>Opinion: what the prisoner swaps tell us</title><link>{b}/news/opinion</link><pubDate>Tue, 16 Sep 2025 09:00:00 GMT</pubDate></item>
<item><title>Draft: prisoner exchange</title><link>{b}/private/secret</link></item>
<item><title>Gone</title><link>{b}/status/404</link></item>
</channel></rss>"#
            ),
        ),
        "atom.xml" => (
            "application/atom+xml",
            format!(
                r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wires</title><id>{b}/feeds/atom.xml</id><updated>2025-10-02T16:00:00Z</updated>
<entry><title>Russia and Ukraine swap 103 prisoners each</title><id>a</id><link rel="alternate" href="{b}/news/wire-a"/><updated>2025-09-14T12:00:00Z</updated></entry>
<entry><title>Russia, Ukraine exchange 103 POWs each in UAE-brokered deal</title><id>b</id><link href="{b}/news/wire-b"/><updated>2025-09-14T16:20:00Z</updated></entry>
<entry><title>Russia-Ukraine war latest: prisoner swap under way</title><id>c</id><link href="{b}/news/liveblog"/><updated>2025-10-02T16:00:00Z</updated></entry>
</feed>"#
            ),
        ),
        "feed.json" => (
            "application/feed+json",
            format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Regional","items":[
{{"id":"1","url":"{b}/news/ukrainian","title":"Україна повернула додому 146 захисників","date_published":"2025-08-24T15:00:00+03:00"}},
{{"id":"2","url":"{b}/news/cp1251","title":"Россия и Украина провели обмен пленными","date_published":"2025-10-19T12:00:00+03:00"}},
{{"id":"3","url":"{b}/news/latin1","title":"Prisoner exchange frees 205 on each side","date_published":"2025-11-05T10:00:00Z"}}]}}"#
            ),
        ),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    ([(header::CONTENT_TYPE, kind), (header::ETAG, ETAG)], body).into_response()
}

async fn status(State(site): State<Site>, UrlPath(code): UrlPath<u16>) -> Response {
    count(&site, format!("/status/{code}"));
    StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_REQUEST).into_response()
}

async fn redirect_loop(State(site): State<Site>, UrlPath(name): UrlPath<String>) -> Response {
    let next = if name == "a" { "b" } else { "a" };
    redirect(&format!("{}/loop/{next}", site.base))
}
