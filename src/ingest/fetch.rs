//! Fetching pages and feeds politely: robots.txt honoured, one request at a time per host with
//! a pause between them, every redirect checked again, bodies capped, conditional requests.
//!
//! Redirects are followed here rather than by reqwest so that each hop is held to robots.txt
//! and the rate limit of its own host, and a loop is named as one.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{StatusCode, Url};
use serde::{Deserialize, Serialize};

use super::robots::Robots;

/// The user-agent token robots.txt groups are matched against.
pub const ROBOTS_AGENT: &str = "powbot";

/// Sent with every request: who is asking, and why.
pub const USER_AGENT: &str = concat!(
    "powbot/",
    env!("CARGO_PKG_VERSION"),
    " (reads news reports of prisoner-of-war exchanges for a Discord bot; honours robots.txt)"
);

/// Limits of the fetcher. The defaults are for the real web; tests shorten them.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// From connecting to the last byte of the body.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Largest body read; a longer one is abandoned (news pages are well under a megabyte).
    pub max_bytes: usize,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Pause between two requests to one host (a robots.txt `Crawl-delay` may lengthen it).
    pub per_host_interval: Duration,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
            per_host_interval: Duration::from_secs(2),
        }
    }
}

/// What a server said last time, for a conditional request next time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A body that arrived.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// Where it came from, after redirects.
    pub url: Url,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
    pub validators: Validators,
}

/// The answer to a request.
#[derive(Debug, Clone)]
pub enum Outcome {
    Fetched(Fetched),
    /// `304 Not Modified`: nothing changed since the validators were given.
    NotModified,
}

/// Why nothing was fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    #[error("not an http(s) URL: {0}")]
    Scheme(String),
    #[error("robots.txt of {0} does not allow powbot to fetch it")]
    Robots(String),
    #[error("robots.txt of {host} could not be read ({why}); not fetching from a site that cannot say")]
    RobotsUnreachable { host: String, why: String },
    #[error("the server answered {0}")]
    Status(u16),
    #[error("the body is larger than {limit} bytes")]
    TooLarge { limit: usize },
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    #[error("redirect loop at {0}")]
    RedirectLoop(String),
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("redirect without a usable Location")]
    BadRedirect,
    #[error("{0}")]
    Network(String),
}

/// One fetcher per ingest run: it remembers each host's robots.txt and last request.
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
    robots: HashMap<String, Robots>,
    last_request: HashMap<String, Instant>,
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Result<Fetcher, FetchError> {
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(config.timeout)
            .connect_timeout(config.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| FetchError::Network(chain(&e)))?;
        Ok(Fetcher { client, config, robots: HashMap::new(), last_request: HashMap::new() })
    }

    /// Fetches `url` (following redirects, each allowed by its site's robots.txt), asking only
    /// for a change when `validators` are given.
    pub async fn get(&mut self, url: &Url, validators: Option<&Validators>) -> Result<Outcome, FetchError> {
        let mut current = url.clone();
        let mut seen = vec![current.clone()];
        for _ in 0..=self.config.max_redirects {
            self.check_robots(&current).await?;
            let response = self.send(&current, validators).await?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                let next = response
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|l| l.to_str().ok())
                    .and_then(|l| current.join(l).ok())
                    .ok_or(FetchError::BadRedirect)?;
                if seen.contains(&next) {
                    return Err(FetchError::RedirectLoop(next.to_string()));
                }
                seen.push(next.clone());
                current = next;
                continue;
            }
            return self.finish(current, response).await;
        }
        Err(FetchError::TooManyRedirects(self.config.max_redirects))
    }

    async fn finish(&self, url: Url, response: reqwest::Response) -> Result<Outcome, FetchError> {
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Outcome::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        let headers = response.headers().clone();
        let bytes = self.body(response).await?;
        let text = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok()).map(str::to_string);
        Ok(Outcome::Fetched(Fetched {
            url,
            content_type: text(header::CONTENT_TYPE),
            bytes,
            validators: Validators { etag: text(header::ETAG), last_modified: text(header::LAST_MODIFIED) },
        }))
    }

    /// Reads the body up to the cap; a declared or actual length beyond it is refused.
    async fn body(&self, mut response: reqwest::Response) -> Result<Vec<u8>, FetchError> {
        let limit = self.config.max_bytes;
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(FetchError::TooLarge { limit });
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.error(&e))? {
            if bytes.len() + chunk.len() > limit {
                return Err(FetchError::TooLarge { limit });
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    }

    /// One request, after the host's pause.
    async fn send(&mut self, url: &Url, validators: Option<&Validators>) -> Result<reqwest::Response, FetchError> {
        match url.scheme() {
            "http" | "https" => {}
            other => return Err(FetchError::Scheme(format!("{other}: in {url}"))),
        }
        let host = host_key(url);
        let mut pause = self.config.per_host_interval;
        if let Some(delay) = self.robots.get(&host).and_then(|r| r.crawl_delay) {
            pause = pause.max(delay);
        }
        if let Some(last) = self.last_request.get(&host) {
            let due = *last + pause;
            let now = Instant::now();
            if due > now {
                tokio::time::sleep(due - now).await;
            }
        }
        let mut headers = HeaderMap::new();
        if let Some(v) = validators {
            if let Some(etag) = v.etag.as_deref().and_then(|e| HeaderValue::from_str(e).ok()) {
                headers.insert(header::IF_NONE_MATCH, etag);
            }
            if let Some(date) = v.last_modified.as_deref().and_then(|d| HeaderValue::from_str(d).ok()) {
                headers.insert(header::IF_MODIFIED_SINCE, date);
            }
        }
        let result = self.client.get(url.clone()).headers(headers).send().await;
        self.last_request.insert(host, Instant::now());
        result.map_err(|e| self.error(&e))
    }

    /// Reads the robots.txt of `url`'s site once per run and holds `url` to it.
    async fn check_robots(&mut self, url: &Url) -> Result<(), FetchError> {
        let host = host_key(url);
        if !self.robots.contains_key(&host) {
            let robots = self.read_robots(url).await;
            self.robots.insert(
                host.clone(),
                robots.unwrap_or_else(|why| {
                    tracing::warn!(%host, %why, "robots.txt unreachable: not fetching from this site");
                    Robots::disallow_all()
                }),
            );
        }
        let path = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        };
        match self.robots.get(&host) {
            Some(robots) if robots.allows(&path) => Ok(()),
            Some(robots) if *robots == Robots::disallow_all() => {
                Err(FetchError::RobotsUnreachable { host, why: "it answered with an error or not at all".into() })
            }
            _ => Err(FetchError::Robots(host)),
        }
    }

    async fn read_robots(&mut self, url: &Url) -> Result<Robots, FetchError> {
        let mut at = url.join("/robots.txt").map_err(|e| FetchError::Scheme(e.to_string()))?;
        for _ in 0..=self.config.max_redirects {
            let response = self.send(&at, None).await?;
            let status = response.status();
            if status.is_redirection() {
                at = response
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|l| l.to_str().ok())
                    .and_then(|l| at.join(l).ok())
                    .ok_or(FetchError::BadRedirect)?;
                continue;
            }
            if status.is_client_error() {
                return Ok(Robots::allow_all());
            }
            if !status.is_success() {
                return Err(FetchError::Status(status.as_u16()));
            }
            let bytes = self.body(response).await?;
            return Ok(Robots::parse(&String::from_utf8_lossy(&bytes), ROBOTS_AGENT));
        }
        Err(FetchError::TooManyRedirects(self.config.max_redirects))
    }

    fn error(&self, e: &reqwest::Error) -> FetchError {
        if e.is_timeout() { FetchError::Timeout(self.config.timeout) } else { FetchError::Network(chain(e)) }
    }
}

/// The rate limit and robots.txt are per host and port.
fn host_key(url: &Url) -> String {
    format!("{}://{}:{}", url.scheme(), url.host_str().unwrap_or(""), url.port_or_known_default().unwrap_or(0))
}

/// An error with its causes, as reqwest's own message leaves them out.
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Decodes a page's bytes: the charset of `Content-Type`, else a byte-order mark, else a
/// `<meta charset>` (or `http-equiv`) in the first kilobytes, else UTF-8 when the bytes are
/// valid UTF-8, else windows-1252 (what browsers assume, and a superset of ISO-8859-1).
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let declared = content_type.and_then(charset_of).or_else(|| sniff_meta(bytes));
    let encoding = declared.and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    if let Some((bom, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return bom.decode_with_bom_removal(bytes).0.into_owned();
    }
    match encoding {
        Some(encoding) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
        },
    }
}

/// `charset=…` in a Content-Type value.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|part| {
        let (key, value) = part.split_once('=')?;
        key.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The charset a page declares in its first 2 KB (`<meta charset="…">`, `http-equiv`).
fn sniff_meta(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = head[at + "charset=".len()..].trim_start_matches(['"', '\'']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_from_the_header_the_page_or_the_bytes() {
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("Обмін полоненими");
        assert_eq!(decode(&cp1251, Some("text/html; charset=windows-1251")), "Обмін полоненими");
        let page = [b"<meta charset=\"windows-1251\"><p>".as_slice(), &cp1251].concat();
        assert!(decode(&page, Some("text/html")).ends_with("Обмін полоненими"));
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode("café in Genève");
        assert_eq!(decode(&latin1, Some("text/html; charset=ISO-8859-1")), "café in Genève");
        assert_eq!(decode(&latin1, None), "café in Genève", "not UTF-8: windows-1252");
        assert_eq!(decode("Київ".as_bytes(), None), "Київ");
    }

    #[test]
    fn the_user_agent_names_the_project() {
        assert!(USER_AGENT.starts_with("powbot/"));
        assert!(HeaderValue::from_str(USER_AGENT).is_ok());
    }
}
