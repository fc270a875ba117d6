//! `serve-http` under hostile input: replayed requests, slow and idle clients, floods.
//! Each test starts its own endpoint on a loopback port, with short limits so that it
//! finishes in seconds.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ed25519_dalek::SigningKey;
use powbot::discord::connections::Limits;
use powbot::discord::cooldown::Rate;
use powbot::discord::interactions_http::{self, Endpoint};
use powbot::discord::rest::Policy;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::support;
use super::support::fake_discord::APPLICATION_ID;
use super::{MARCH_QUESTION, Signed, ask, hex, interaction, now_timestamp};

/// Short enough for a test, long enough for a loaded 2-core machine to send a request.
fn short_limits() -> Limits {
    Limits {
        header: Duration::from_millis(800),
        body: Duration::from_millis(800),
        request: Duration::from_secs(10),
        connections: 16,
        in_flight: 4,
        ..Limits::default()
    }
}

fn ping(id: &str) -> Value {
    json!({ "id": id, "application_id": APPLICATION_ID, "type": 1, "token": "t", "version": 1 })
}

/// Starts an endpoint over the shipped corpus; its address, and a client signing with its key.
async fn start(limits: Limits) -> (SocketAddr, Signed, SigningKey, tempfile::TempDir) {
    let (endpoint, signed, key, index) = start_with_endpoint(limits).await;
    let address = signed.url.trim_start_matches("http://").split('/').next().and_then(|a| a.parse().ok());
    drop(endpoint);
    (address.expect("an address"), signed, key, index)
}

/// `start`, with the endpoint itself instead of its address.
async fn start_with_endpoint(limits: Limits) -> (Arc<Endpoint>, Signed, SigningKey, tempfile::TempDir) {
    let index = tempfile::tempdir().expect("temp dir");
    let index_path = index.path().to_path_buf();
    let engine = tokio::task::spawn_blocking(move || support::engine(&index_path)).await.expect("engine opens");
    let key = SigningKey::from_bytes(&[11; 32]);
    let settings = interactions_http::Settings {
        public_key: hex(key.verifying_key().as_bytes()),
        token: None,
        proxy: None,
        cooldown: Rate::OFF,
        defer_after: powbot::discord::answering::DEFER_AFTER,
        limits,
        retry: Policy::default(),
    };
    let endpoint = Arc::new(Endpoint::new(&settings, support::shared(engine)).expect("a valid key"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(interactions_http::serve(listener, Arc::clone(&endpoint), std::future::pending()));
    let url = format!("http://{address}{}", interactions_http::PATH);
    (endpoint, Signed { url, client: reqwest::Client::new() }, key, index)
}

/// Reads until the server closes the connection (or `within` passes); what it sent.
async fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(within, stream.read_to_end(&mut received)).await;
    match read {
        Ok(_) => Some(String::from_utf8_lossy(&received).into_owned()),
        Err(_) => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_and_replayed_requests_are_refused() {
    let (endpoint, signed, key, _index) = start_with_endpoint(Limits::default()).await;
    let now: u64 = now_timestamp().parse().expect("a number");
    let stale = [
        ("an hour old", (now - 3600).to_string()),
        ("a year old", (now - 365 * 86_400).to_string()),
        ("a day in the future", (now + 86_400).to_string()),
        ("not a number", "abc".to_string()),
        ("empty", String::new()),
    ];
    for (what, timestamp) in stale {
        let (status, text) = signed.post_at(Some(&key), &timestamp, &ping("100")).await;
        assert_eq!(status, 401, "a validly signed request {what} was accepted: {text}");
        assert!(text.contains("timestamp"), "{what}: {text}");
    }
    // Within five minutes either way is accepted.
    let (status, _) = signed.post_at(Some(&key), &(now - 200).to_string(), &ping("101")).await;
    assert_eq!(status, 200);

    // The same signed request again: refused, also with a fresh timestamp and another body.
    let question = ask("961000000000000001", "7001", MARCH_QUESTION);
    let (status, answer) = signed.post(Some(&key), &question).await;
    assert_eq!((status, answer["type"].as_u64()), (200, Some(4)));
    let (status, text) = signed.post_at(Some(&key), &now_timestamp(), &question).await;
    assert_eq!(status, 401, "a replay was answered: {text}");
    assert!(text.contains("already received"), "{text}");
    let mut changed = question.clone();
    changed["data"]["options"][0]["value"] = json!("Who mediated?");
    assert_eq!(signed.post(Some(&key), &changed).await.0, 401);
    // Another interaction is answered as usual.
    assert_eq!(signed.post(Some(&key), &ask("961000000000000002", "7002", MARCH_QUESTION)).await.0, 200);

    // A body over the limit is refused. Through the router itself: over a socket, the
    // server closing on a client still sending can reset the connection before the answer.
    use tower::ServiceExt;
    let request = axum::http::Request::post(interactions_http::PATH)
        .body(axum::body::Body::from(vec![b'x'; 2 * 1024 * 1024]))
        .expect("a request");
    let response = interactions_http::router(endpoint).oneshot(request).await.expect("a response");
    assert_eq!(response.status().as_u16(), 413);

    // An option out of range gets a clear private error, not a listing "in -5".
    let year = json!([{ "name": "year", "type": 4, "value": -5 }]);
    let (status, error) =
        signed.post(Some(&key), &interaction("961000000000000003", 2, "7003", "exchanges", year)).await;
    assert_eq!((status, error["type"].as_u64(), error["data"]["flags"].as_u64()), (200, Some(4), Some(64)));
    let text = error["data"]["content"].as_str().unwrap_or_default();
    assert!(text.contains("from 2014 to 2100") && !text.contains("-5"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_idle_clients_are_cut_off() {
    let limits = short_limits();
    let (address, signed, key, _index) = start(limits.clone()).await;
    let started = Instant::now();
    let mut clients = Vec::new();
    for i in 0..12 {
        clients.push(tokio::spawn(async move {
            let mut stream = TcpStream::connect(address).await.expect("connect");
            match i % 3 {
                // Idle: connects and says nothing.
                0 => {}
                // Slow headers: one byte every 100 ms, forever.
                1 => {
                    for byte in b"POST /interactions HTTP/1.1\r\nhost: x\r\nx-slow: aaaaaaaaaaaaaaaaaaaaaaaaa" {
                        if stream.write_all(&[*byte]).await.is_err() {
                            break;
                        }
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                }
                // Slow body: the headers promise 100 bytes, one arrives.
                _ => {
                    let head = "POST /interactions HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n{";
                    stream.write_all(head.as_bytes()).await.expect("write");
                }
            }
            read_until_closed(&mut stream, Duration::from_secs(10)).await
        }));
    }
    for (i, client) in clients.into_iter().enumerate() {
        let response = client.await.expect("client task");
        let response = response.unwrap_or_else(|| panic!("client {i} was still connected after 10 s"));
        if i % 3 == 2 {
            assert!(response.starts_with("HTTP/1.1 408"), "slow body: {response:?}");
        }
    }
    let elapsed = started.elapsed();
    eprintln!("12 slow or idle clients, 800 ms limits: all cut off after {elapsed:?}");
    assert!(elapsed < Duration::from_secs(6), "cutting slow clients off took {elapsed:?}");
    // And the endpoint still answers.
    assert_eq!(signed.post(Some(&key), &ping("200")).await.0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_over_the_cap_get_503_and_the_endpoint_recovers() {
    let limits = Limits { header: Duration::from_secs(2), ..short_limits() };
    let (address, signed, key, _index) = start(limits.clone()).await;
    // Fill every connection slot with idle clients.
    let mut idle = Vec::new();
    for _ in 0..limits.connections {
        idle.push(TcpStream::connect(address).await.expect("connect"));
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut over = TcpStream::connect(address).await.expect("connect");
    let response = read_until_closed(&mut over, Duration::from_secs(5)).await.expect("closed at once");
    assert!(response.starts_with("HTTP/1.1 503"), "{response:?}");
    // The idle ones time out, and a real request is answered again.
    let started = Instant::now();
    let mut attempts = 0;
    loop {
        attempts += 1;
        let id = format!("3{}", started.elapsed().as_millis());
        // Refused or reset while the slots are full; answered once the idle ones are gone.
        if let Ok((200, _)) = signed.try_post_at(Some(&key), &now_timestamp(), &ping(&id)).await {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "the endpoint did not recover");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    eprintln!("16 idle connections filling every slot: served again after {:?}", started.elapsed());
    // Recovered by the idle timeout, not before: the slots really were full.
    assert!(attempts > 1 || started.elapsed() >= Duration::from_secs(1), "served while every slot was taken");
    drop(idle);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_is_answered_or_shed_never_a_crash() {
    // Enough connections for every client: this is about requests, shed by the in-flight cap
    // (the connection cap has its own test).
    let (_, signed, key, _index) = start(Limits { connections: 512, ..short_limits() }).await;
    let signed = Arc::new(signed);
    let key = Arc::new(key);
    let mut tasks = Vec::new();
    for i in 0..200 {
        let (signed, key) = (Arc::clone(&signed), Arc::clone(&key));
        tasks.push(tokio::spawn(async move {
            let question = ask(&format!("962{i:015}"), &format!("{}", 8000 + i), MARCH_QUESTION);
            signed.post(Some(&key), &question).await.0
        }));
    }
    let mut statuses = std::collections::BTreeMap::new();
    for task in tasks {
        *statuses.entry(task.await.expect("client task")).or_insert(0) += 1;
    }
    eprintln!("200 concurrent requests, at most 4 in flight: {statuses:?}");
    let answered = statuses.get(&200).copied().unwrap_or(0);
    assert!(answered > 0, "nothing was answered: {statuses:?}");
    assert!(statuses.keys().all(|status| [200, 503].contains(status)), "{statuses:?}");
    // Still up.
    assert_eq!(signed.post(Some(&key), &ping("400")).await.0, 200);
}
