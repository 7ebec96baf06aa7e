//! Shared rig for the pickup integration tests: a real SQLite store and
//! blob folder in a temp dir, the portal over TLS on port 0, a test SMS
//! provider (plain HTTP on port 0) that records every POST, and recording
//! outbox / reply sinks.
#![allow(dead_code)]

use axum::routing::post;
use sluis::audit::Audit;
use sluis::config::{Config, SmsMode};
use sluis::net::http::{self, Response};
use sluis::pickup::{BoxFuture, Outbox, Pickup, ReplySink};
use sluis::store::Store;
use sluis::types::MessageId;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Headers and body of one request to the SMS provider.
pub type SmsRequest = (Vec<(String, String)>, String);

#[derive(Default)]
pub struct Recorded {
    /// (headers, body) of each POST to the SMS provider.
    pub sms: Mutex<Vec<SmsRequest>>,
    /// (to, raw) of each mail to the outbox.
    pub mails: Mutex<Vec<(String, Vec<u8>)>>,
    /// (from, to, raw) of each reply.
    pub replies: Mutex<Vec<(String, String, Vec<u8>)>>,
}

struct Out(Arc<Recorded>);

impl Outbox for Out {
    fn send<'a>(
        &'a self,
        _: &'a str,
        to: &'a str,
        raw: Vec<u8>,
    ) -> BoxFuture<'a, Result<(), String>> {
        self.0.mails.lock().unwrap().push((to.into(), raw));
        Box::pin(async { Ok(()) })
    }

    fn send_tagged<'a>(
        &'a self,
        tenant: &'a str,
        to: &'a str,
        raw: Vec<u8>,
        _: sluis::types::MailTag,
    ) -> BoxFuture<'a, Result<(), String>> {
        self.send(tenant, to, raw)
    }

    fn cancel<'a>(&'a self, _: &'a str, _: &'a str) -> BoxFuture<'a, usize> {
        Box::pin(async { 0 })
    }
}

impl ReplySink for Out {
    fn reply<'a>(
        &'a self,
        _: &'a str,
        from: &'a str,
        to: &'a str,
        raw: Vec<u8>,
    ) -> BoxFuture<'a, Result<String, String>> {
        self.0
            .replies
            .lock()
            .unwrap()
            .push((from.into(), to.into(), raw));
        Box::pin(async { Ok("reply-1".to_string()) })
    }
}

pub struct Rig {
    pub dir: tempfile::TempDir,
    pub pickup: Arc<Pickup>,
    pub store: Store,
    pub rec: Arc<Recorded>,
    pub base: String,
    pub tls: Arc<rustls::ClientConfig>,
    pub cert_pem: Vec<u8>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for Rig {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

async fn sms_server(rec: Arc<Recorded>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = axum::Router::new().route(
        "/send",
        post(move |headers: axum::http::HeaderMap, body: String| {
            let rec = rec.clone();
            async move {
                let h = headers
                    .iter()
                    .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_string()))
                    .collect();
                rec.sms.lock().unwrap().push((h, body));
                "{\"status\":\"queued\"}"
            }
        }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/send")
}

pub async fn rig(tweak: impl FnOnce(&mut Config)) -> Rig {
    let dir = tempfile::tempdir().unwrap();
    let rec = Arc::new(Recorded::default());
    let sms_url = sms_server(rec.clone()).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut config = Config::default();
    config.tls.certificate = dir.path().join("tls/portal.crt");
    config.tls.private_key = dir.path().join("tls/portal.key");
    config.store.url = format!("sqlite://{}", dir.path().join("sluis.db").display());
    let p = &mut config.pickup;
    p.base_url = format!("https://localhost:{port}");
    p.blob_dir = dir.path().join("blobs");
    p.server_key_file = dir.path().join("pickup.key");
    p.dkim_dir = dir.path().join("dkim");
    p.notify_from = "no-reply@praktijk.example".into();
    p.sms_mode = SmsMode::Http;
    p.sms_http_url = sms_url;
    p.sms_http_auth_header = "Authorization: Bearer sms-test-token".into();
    p.practice_name = "Huisartsenpraktijk De Sluis".into();
    p.practice_phone = "020-1234567".into();
    p.practice_website = "https://www.praktijkdesluis.nl".into();
    tweak(&mut config);
    let config = Arc::new(config);
    let store = sluis::server::open_store(&config.store.url, 4)
        .await
        .unwrap();
    let (audit, rx) = Audit::channel();
    tokio::spawn(sluis::store::run_audit_writer(
        store.clone(),
        rx,
        audit.backlog_counter(),
        config.audit.clone(),
    ));
    let sms = sluis::pickup::sms::from_config(&config.pickup);
    let out = Arc::new(Out(rec.clone()));
    let pickup =
        Arc::new(Pickup::new(config.clone(), store.clone(), audit, sms, out.clone(), out).unwrap());
    let server_tls =
        sluis::smtp::load_or_generate_tls(&config.tls, &config.server.hostname).unwrap();
    let cert_pem = std::fs::read(&config.tls.certificate).unwrap();
    let mut roots = rustls::RootCertStore::empty();
    for c in rustls_pemfile::certs(&mut cert_pem.as_slice()) {
        roots.add(c.unwrap()).unwrap();
    }
    let tls = Arc::new(
        rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth(),
    );
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(sluis::pickup::serve_portal(
        pickup.clone(),
        listener,
        server_tls,
        async move {
            let _ = rx.await;
        },
    ));
    Rig {
        dir,
        pickup,
        store,
        rec,
        base: format!("https://localhost:{port}"),
        tls,
        cert_pem,
        shutdown: Some(tx),
    }
}

impl Rig {
    pub async fn park(
        &self,
        id: &str,
        recipient: &str,
        raw: &[u8],
        phone: Option<&str>,
    ) -> sluis::pickup::Parked {
        self.pickup
            .park(
                "default",
                &MessageId(id.into()),
                "dokter@praktijk.nl",
                recipient,
                raw,
                phone.map(str::to_string),
            )
            .await
            .unwrap()
    }

    /// Path part of a full portal URL.
    pub fn path(&self, url: &str) -> String {
        url.strip_prefix(&self.base).unwrap_or(url).to_string()
    }

    pub async fn req(
        &self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Response {
        let mut headers = vec![("User-Agent".to_string(), "pickup-test/1".to_string())];
        if let Some(c) = cookie {
            headers.push(("Cookie".into(), c.into()));
        }
        if let Some(ct) = content_type {
            headers.push(("Content-Type".into(), ct.into()));
        }
        http::request(
            method,
            &format!("{}{path}", self.base),
            &headers,
            body,
            Duration::from_secs(10),
            Some(self.tls.clone()),
        )
        .await
        .unwrap()
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Response {
        self.req("GET", path, cookie, None, vec![]).await
    }

    pub async fn post_form(&self, path: &str, cookie: Option<&str>, form: &str) -> Response {
        self.req(
            "POST",
            path,
            cookie,
            Some("application/x-www-form-urlencoded"),
            form.as_bytes().to_vec(),
        )
        .await
    }

    /// The code from the last SMS the provider received.
    pub fn last_sms_code(&self) -> String {
        let sms = self.rec.sms.lock().unwrap();
        let (_, body) = sms.last().expect("an SMS was sent");
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        v["text"]
            .as_str()
            .unwrap()
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect()
    }

    /// Request a code by SMS and enter it; returns the session cookie pair.
    pub async fn log_in(&self, link_path: &str) -> (String, String) {
        let r = self.post_form(&format!("{link_path}/code"), None, "").await;
        assert_eq!(r.status, 303, "{}", r.text());
        let code = self.last_sms_code();
        let r = self
            .post_form(
                &format!("{link_path}/verify"),
                None,
                &format!("code={code}"),
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.text());
        let cookie = r
            .headers_named("set-cookie")
            .find(|c| c.starts_with("sluis_session="))
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        (cookie, code)
    }
}

/// A multipart/form-data body: (name, filename, content type, data).
pub fn multipart(parts: &[(&str, Option<&str>, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----sluis-test-boundary-7e3c";
    let mut body = Vec::new();
    for (name, filename, ctype, data) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match filename {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: {ctype}\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The value of `name="csrf" value="..."` in a page.
pub fn csrf(page: &str) -> String {
    let at = page.find("name=\"csrf\" value=\"").expect("csrf field") + 19;
    page[at..].split('"').next().unwrap().to_string()
}

/// Every file under a folder, recursively.
pub fn all_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(all_files(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}
