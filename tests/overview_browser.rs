//! The practice overview (`/beheer`) in a real browser: Debian's headless
//! `chromium` driven by `chromedriver` (W3C WebDriver), as in
//! `pickup_browser`. An operator account (password + TOTP) logs in, sees
//! 30 days of audit events as SVG charts, and revokes an unopened pickup
//! with the button in the table; axe-core (the npm package, installed by
//! `scripts/install-deps`) is run on the login page and on the overview in
//! Dutch and English and must report 0 WCAG 2.1 A/AA violations.
//! Screenshots: `docs/overview-nl.png` (kept in the repository) and
//! `target/portal-screenshots/overview-*.png`.
//!
//! The HTTP-level test beside it checks what a browser would not show:
//! no session -> login, a wrong TOTP code or password -> 401, a replayed
//! code -> 401, a revoke without the CSRF token or for another practice's
//! pickup -> 403, the same CSP as the portal, and the lockout.
//!
//! Needs the apt packages `chromium` and `chromium-driver` and axe-core;
//! the test fails (it does not skip) when they are missing.

mod pickup_support;

use pickup_support::rig;
use serde_json::{json, Value};
use sluis::audit::{Audit, AuditEvent};
use sluis::net::http;
use sluis::overview::totp;
use sluis::store::{AccountRecord, Store};
use std::path::{Path, PathBuf};
use std::time::Duration;

const CHROMIUM: &str = "/usr/bin/chromium";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
const SECRET: &[u8] = b"overview-test-secret";
const PASSWORD: &str = "beheer-wachtwoord-7";

fn axe_path() -> PathBuf {
    std::env::var_os("SLUIS_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/cache/sluis-axe/node_modules/axe-core/axe.min.js"))
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.exists())
}

async fn call(base: &str, method: &str, path: &str, body: Value) -> Value {
    let body = if method == "GET" || method == "DELETE" {
        vec![]
    } else {
        body.to_string().into_bytes()
    };
    let r = http::request(
        method,
        &format!("{base}{path}"),
        &[("Content-Type".into(), "application/json".into())],
        body,
        Duration::from_secs(60),
        None,
    )
    .await
    .unwrap_or_else(|e| panic!("webdriver {method} {path}: {e}"));
    let v: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
    assert!(
        r.status < 300,
        "webdriver {method} {path}: {} {v}",
        r.status
    );
    v["value"].clone()
}

struct Driver {
    base: String,
    session: String,
    child: std::process::Child,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    async fn start(profile: &Path) -> Driver {
        assert!(
            Path::new(CHROMIUM).exists() && which("chromedriver").is_some(),
            "this test needs the apt packages chromium and chromium-driver"
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new(which("chromedriver").unwrap())
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let base = format!("http://127.0.0.1:{port}");
        let mut ready = false;
        for _ in 0..100 {
            if let Ok(r) = http::request(
                "GET",
                &format!("{base}/status"),
                &[],
                vec![],
                Duration::from_secs(2),
                None,
            )
            .await
            {
                if r.status == 200 {
                    ready = true;
                    break;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(ready, "chromedriver did not start");
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "acceptInsecureCerts": true,
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--window-size=1100,1400",
                    format!("--user-data-dir={}", profile.display()),
                ],
            }
        }}});
        let mut d = Driver {
            base,
            session: String::new(),
            child,
        };
        let v = call(&d.base, "POST", "/session", caps).await;
        d.session = v["sessionId"].as_str().expect("session id").to_string();
        d.cmd("POST", "/timeouts", json!({ "script": 60_000 }))
            .await;
        d
    }

    async fn cmd(&self, method: &str, path: &str, body: Value) -> Value {
        call(
            &self.base,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        )
        .await
    }

    async fn go(&self, url: &str) {
        self.cmd("POST", "/url", json!({ "url": url })).await;
    }

    async fn find(&self, css: &str) -> String {
        let v = self
            .cmd(
                "POST",
                "/element",
                json!({ "using": "css selector", "value": css }),
            )
            .await;
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string()
    }

    async fn click(&self, css: &str) {
        let id = self.find(css).await;
        self.cmd("POST", &format!("/element/{id}/click"), json!({}))
            .await;
    }

    async fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css).await;
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            json!({ "text": text }),
        )
        .await;
    }

    async fn source(&self) -> String {
        self.cmd("GET", "/source", json!({}))
            .await
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    async fn wait_for(&self, needle: &str) -> String {
        let mut src = String::new();
        for _ in 0..100 {
            src = self.source().await;
            if src.contains(needle) {
                return src;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("page never showed {needle:?}: {src}");
    }

    async fn url(&self) -> String {
        self.cmd("GET", "/url", json!({}))
            .await
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    async fn screenshot(&self, path: &Path) {
        use base64::Engine;
        let v = self.cmd("GET", "/screenshot", json!({})).await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap())
            .unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, png).unwrap();
    }

    /// axe-core's WCAG 2.0/2.1 A and AA rules on the current page: the
    /// violations as `rule: selectors`. The script is injected through
    /// WebDriver (the page's CSP allows no script, and needs none).
    async fn axe(&self, axe_js: &str) -> Vec<String> {
        let script = format!(
            "{axe_js}\n;var done = arguments[arguments.length - 1];\
             axe.run(document, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }} }})\
             .then(function (r) {{ done(JSON.stringify({{ passes: r.passes.length, violations: r.violations.map(function (v) {{\
               return v.id + ': ' + v.nodes.map(function (n) {{ return n.target.join(' '); }}).join(', '); }}) }})); }})\
             .catch(function (e) {{ done(JSON.stringify({{ error: String(e) }})); }});"
        );
        let v = self
            .cmd(
                "POST",
                "/execute/async",
                json!({ "script": script, "args": [] }),
            )
            .await;
        let r: Value = serde_json::from_str(v.as_str().expect("axe result")).unwrap();
        assert!(r["error"].is_null(), "axe failed: {r}");
        assert!(
            r["passes"].as_u64().unwrap_or(0) > 5,
            "axe checked nothing: {r}"
        );
        r["violations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap_or("").to_string())
            .collect()
    }
}

/// An operator account `name` in the rig's practice with the test secret.
async fn operator(store: &Store, name: &str, tenant: &str) {
    store.ensure_tenant(tenant, "Praktijk").await.unwrap();
    store
        .add_account(&AccountRecord {
            username: name.into(),
            tenant: tenant.into(),
            password_hash: sluis::accounts::hash_password(PASSWORD).unwrap(),
            disabled: false,
            senders: vec![],
        })
        .await
        .unwrap();
    sluis::overview::db::grant(store, name, SECRET)
        .await
        .unwrap();
}

fn code_now() -> String {
    totp::code_at(SECRET, sluis::now_ms() / 1000)
}

/// 30 days of audit events of practice `default`, written through the real
/// audit writer; returns once they are stored.
async fn seed_audit(store: &Store) {
    let (audit, rx) = Audit::channel();
    let writer = tokio::spawn(sluis::store::run_audit_writer(
        store.clone(),
        rx,
        audit.backlog_counter(),
        Default::default(),
    ));
    let now = sluis::now_ms();
    let today = sluis::overview::stats::local_day(now);
    let day = 86_400_000;
    let ev = |t: i64, kind: &str, rcpt: &str, detail: Value| {
        let mut e = AuditEvent::new("default", kind, "system")
            .message(format!("seed-{t}-{kind}"))
            .recipient(rcpt)
            .detail(detail);
        e.time_ms = t;
        e
    };
    for d in 0..30i64 {
        // About noon, Amsterdam time, `d` days ago.
        let t = ((today - d) * 86_400 + 11 * 3_600) * 1000;
        for i in 0..(3 + d % 5) {
            audit.record(ev(
                t - i,
                "decided",
                "p@patient.nl",
                json!({"action": "deliver", "rule": "schoon"}),
            ));
        }
        audit.record(ev(
            t,
            "decided",
            "a@ziekenhuis.nl",
            json!({"action": "encrypt", "rule": "gevoelig"}),
        ));
        if d % 2 == 0 {
            audit.record(ev(
                t,
                "decided",
                "p@gmail.com",
                json!({"action": "pickup", "rule": "gevoelig"}),
            ));
        }
        if d % 7 == 0 {
            audit.record(ev(
                t,
                "decided",
                "x@extern.nl",
                json!({"action": "block", "rule": "bsn-naar-buiten"}),
            ));
        }
        audit.record(ev(
            t,
            "delivered",
            "a@ziekenhuis.nl",
            json!({"authentication": "dane-ee", "tls_version": "TLSv1.3"}),
        ));
        audit.record(ev(
            t,
            "delivered",
            "p@gmail.com",
            json!({"authentication": "mta-sts", "tls_version": "TLSv1.3"}),
        ));
        audit.record(ev(
            t,
            "delivered",
            "p@patient.nl",
            json!({"authentication": "none", "tls_version": "TLSv1.2"}),
        ));
        if d % 3 == 0 {
            audit.record(ev(
                t,
                "deferred",
                "q@oud.nl",
                json!({"reason": "no STARTTLS"}),
            ));
        }
    }
    audit.record(ev(now - 3 * day, "expired", "p@gmail.com", json!({})));
    drop(audit);
    writer.await.unwrap();
}

/// Log in over HTTP; the session cookie pair, or the status and page.
async fn http_login(
    r: &pickup_support::Rig,
    base: &str,
    user: &str,
    password: &str,
    code: &str,
) -> Result<String, (u16, String)> {
    let resp = post(
        r,
        base,
        "/beheer/login",
        None,
        &format!("username={user}&password={password}&totp={code}"),
    )
    .await;
    if resp.status != 303 {
        return Err((resp.status, resp.text()));
    }
    let cookie = resp
        .headers_named("set-cookie")
        .find(|c| c.starts_with("sluis_beheer="))
        .expect("session cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    Ok(cookie)
}

async fn post(
    r: &pickup_support::Rig,
    base: &str,
    path: &str,
    cookie: Option<&str>,
    form: &str,
) -> http::Response {
    let mut headers = vec![(
        "Content-Type".to_string(),
        "application/x-www-form-urlencoded".to_string(),
    )];
    if let Some(c) = cookie {
        headers.push(("Cookie".into(), c.into()));
    }
    http::request(
        "POST",
        &format!("{base}{path}"),
        &headers,
        form.as_bytes().to_vec(),
        Duration::from_secs(10),
        Some(r.tls.clone()),
    )
    .await
    .unwrap()
}

async fn get(
    r: &pickup_support::Rig,
    base: &str,
    path: &str,
    cookie: Option<&str>,
) -> http::Response {
    let headers: Vec<(String, String)> = cookie
        .map(|c| ("Cookie".to_string(), c.to_string()))
        .into_iter()
        .collect();
    http::request(
        "GET",
        &format!("{base}{path}"),
        &headers,
        vec![],
        Duration::from_secs(10),
        Some(r.tls.clone()),
    )
    .await
    .unwrap()
}

/// The portal with the overview beside it, as `sluis run` serves them, on
/// a listener of its own; returns its base URL.
async fn serve_overview(r: &pickup_support::Rig) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut config = sluis::config::Config::default();
    config.tls.certificate = r.dir.path().join("tls/portal.crt");
    config.tls.private_key = r.dir.path().join("tls/portal.key");
    let tls = sluis::smtp::load_or_generate_tls(&config.tls, "localhost").unwrap();
    tokio::spawn(sluis::overview::serve(
        r.pickup.clone(),
        listener,
        tls,
        std::future::pending(),
    ));
    format!("https://localhost:{port}")
}

fn message(n: u32) -> Vec<u8> {
    format!("From: dokter@praktijk.nl\r\nTo: p{n}@example.nl\r\nSubject: Uitslag\r\nMessage-ID: <o{n}@praktijk.nl>\r\n\r\nUw uitslag.\r\n").into_bytes()
}

/// Wait until the next TOTP step, so a login in the test never reuses the
/// step of the one before it (which the replay guard refuses).
async fn next_step() {
    let now = sluis::now_ms();
    let wait = 30_000 - now.rem_euclid(30_000) + 50;
    tokio::time::sleep(Duration::from_millis(wait as u64)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chromium_logs_in_sees_charts_revokes_a_pickup_and_axe_finds_nothing() {
    let axe_js = std::fs::read_to_string(axe_path()).unwrap_or_else(|e| {
        panic!(
            "axe-core not found at {} ({e}): run scripts/install-deps",
            axe_path().display()
        )
    });
    let r = rig(|_| {}).await;
    let base = serve_overview(&r).await;
    operator(&r.store, "beheer", "default").await;
    seed_audit(&r.store).await;
    let a = r
        .park("ov-1", "anna@example.nl", &message(1), Some("+31612345678"))
        .await;
    let _b = r
        .park("ov-2", "bram@example.nl", &message(2), Some("+31612345679"))
        .await;
    let c = r
        .park("ov-3", "cees@example.nl", &message(3), Some("+31612345670"))
        .await;
    // Cees opens his link: not in the table of unopened links.
    r.log_in(&r.path(&c.link_url)).await;

    let work = tempfile::tempdir().unwrap();
    let d = Driver::start(&work.path().join("profile")).await;
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/portal-screenshots");

    // No session: the login page, which itself passes axe.
    d.go(&format!("{base}/beheer")).await;
    d.wait_for("Inloggen beheer").await;
    assert!(d.url().await.ends_with("/beheer/login"));
    let v = d.axe(&axe_js).await;
    assert!(v.is_empty(), "axe on the login page: {v:#?}");
    d.screenshot(&shots.join("overview-0-login.png")).await;

    // A wrong code: refused, with its own title.
    d.type_into("#username", "beheer").await;
    d.type_into("#password", PASSWORD).await;
    let wrong = if code_now() == "000000" {
        "111111"
    } else {
        "000000"
    };
    d.type_into("#totp", wrong).await;
    d.click("form[action='/beheer/login'] button").await;
    d.wait_for("Inloggen mislukt").await;
    let v = d.axe(&axe_js).await;
    assert!(v.is_empty(), "axe on the failed login: {v:#?}");

    d.type_into("#username", "beheer").await;
    d.type_into("#password", PASSWORD).await;
    d.type_into("#totp", &code_now()).await;
    d.click("form[action='/beheer/login'] button").await;
    let src = d.wait_for("Praktijkoverzicht").await;
    assert!(src.contains("lang=\"nl\""));
    assert_eq!(
        src.matches("<svg class=\"chart\"").count(),
        4,
        "four charts"
    );
    assert!(!src.contains("<script"));
    for needle in [
        "Mail per dag, per route",
        "ziekenhuis.nl",
        "gmail.com",
        "bsn-naar-buiten",
        "anna@example.nl",
        "bram@example.nl",
        "Ingelogd als beheer",
    ] {
        assert!(src.contains(needle), "overview lacks {needle:?}");
    }
    assert!(
        !src.contains("cees@example.nl"),
        "an opened link is not listed"
    );
    // The chart's text alternative counts what was seeded: 30 days of
    // 1 encrypt each; pickups every other day (15); blocks every 7th (5).
    assert!(
        src.contains("versleuteld 30"),
        "route totals in the chart's desc"
    );
    assert!(src.contains("ophaallink 15") && src.contains("geblokkeerd 5"));
    let v = d.axe(&axe_js).await;
    assert!(v.is_empty(), "axe on the overview (nl): {v:#?}");
    d.screenshot(&shots.join("overview-1-nl.png")).await;
    // The whole page for the README: a window as tall as the page.
    d.cmd(
        "POST",
        "/window/rect",
        json!({ "width": 1100, "height": 1750 }),
    )
    .await;
    d.screenshot(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/overview-nl.png"))
        .await;
    d.cmd(
        "POST",
        "/window/rect",
        json!({ "width": 1100, "height": 1400 }),
    )
    .await;

    // Revoke Anna's link with the button of her row.
    let before = sluis::pickup::db::pickup(&r.store, &a.pickup_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(before.state, sluis::pickup::db::PickupState::Active);
    d.click(&format!(
        "form[action='/beheer/revoke'] input[value='{}'] ~ button",
        a.pickup_id
    ))
    .await;
    let src = d.wait_for("De ophaallink is ingetrokken").await;
    assert!(
        !src.contains("anna@example.nl"),
        "revoked link still listed"
    );
    assert!(src.contains("bram@example.nl"));
    let after = sluis::pickup::db::pickup(&r.store, &a.pickup_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.state, sluis::pickup::db::PickupState::Revoked);
    // The link itself now leads nowhere.
    let gone = r.get(&r.path(&a.link_url), None).await;
    assert_eq!(gone.status, 410);
    // Audited by the pickup, with the operator as actor.
    let mut actor = None;
    for _ in 0..50 {
        actor = sqlx::query_scalar::<_, String>(
            "SELECT actor FROM audit_events WHERE kind = 'revoked' AND message_id = 'ov-1'",
        )
        .fetch_optional(r.store.pool())
        .await
        .unwrap();
        if actor.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(actor.as_deref(), Some("operator:beheer"));

    // The audit search: Anna's events, the revoke by the operator among them.
    d.type_into("#q", "anna@example.nl").await;
    d.click("form[action='/beheer/audit'] button").await;
    let src = d.wait_for("gebeurtenissen voor anna@example.nl").await;
    assert!(src.contains("pickup-parked") && src.contains("operator:beheer"));
    let v = d.axe(&axe_js).await;
    assert!(v.is_empty(), "axe on the audit search: {v:#?}");
    d.screenshot(&shots.join("overview-3-audit.png")).await;

    // English.
    d.go(&format!("{base}/beheer?lang=en")).await;
    let src = d.wait_for("Practice overview").await;
    assert!(src.contains("lang=\"en\"") && src.contains("Mail per day, by route"));
    let v = d.axe(&axe_js).await;
    assert!(v.is_empty(), "axe on the overview (en): {v:#?}");
    d.screenshot(&shots.join("overview-2-en.png")).await;

    // Log out: the overview asks for a login again.
    d.click("form[action='/beheer/logout'] button").await;
    d.wait_for("Operator login").await;
    d.go(&format!("{base}/beheer")).await;
    d.wait_for("Operator login").await;
    let _ = d.cmd("DELETE", "", json!({})).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_csrf_tenant_and_headers_are_enforced() {
    let r = rig(|_| {}).await;
    let base = serve_overview(&r).await;
    operator(&r.store, "beheer", "default").await;
    operator(&r.store, "ander", "andere-praktijk").await;
    // A submission account without the role cannot log in, even with
    // the right password and a valid code.
    r.store
        .add_account(&AccountRecord {
            username: "arts@praktijk.nl".into(),
            tenant: "default".into(),
            password_hash: sluis::accounts::hash_password(PASSWORD).unwrap(),
            disabled: false,
            senders: vec!["arts@praktijk.nl".into()],
        })
        .await
        .unwrap();
    let parked = r.park("ov-9", "dirk@example.nl", &message(9), None).await;

    // No session: to the login page; the same headers as the portal.
    let resp = get(&r, &base, "/beheer", None).await;
    assert_eq!(resp.status, 303);
    assert_eq!(resp.headers_named("location").next(), Some("/beheer/login"));
    let portal = r.get("/p/unknown", None).await;
    let csp = |resp: &http::Response| {
        resp.headers_named("content-security-policy")
            .next()
            .map(str::to_string)
    };
    assert!(csp(&portal).is_some());
    assert_eq!(
        csp(&resp),
        csp(&portal),
        "the overview has the portal's CSP"
    );
    assert_eq!(csp(&resp).as_deref(), Some(sluis::overview::CSP));

    let err = http_login(&r, &base, "arts@praktijk.nl", PASSWORD, &code_now())
        .await
        .unwrap_err();
    assert_eq!(err.0, 401);
    let err = http_login(&r, &base, "beheer", "wrong-password-1", &code_now())
        .await
        .unwrap_err();
    assert_eq!(err.0, 401);
    assert!(err.1.contains("Inloggen mislukt"));
    next_step().await;
    let code = code_now();
    let cookie = http_login(&r, &base, "beheer", PASSWORD, &code)
        .await
        .expect("login");
    // The same code a second time: refused (replay), from anywhere.
    let err = http_login(&r, &base, "beheer", PASSWORD, &code)
        .await
        .unwrap_err();
    assert_eq!(err.0, 401);

    let page = get(&r, &base, "/beheer", Some(&cookie)).await;
    assert_eq!(page.status, 200);
    let html = page.text();
    let csrf = pickup_support::csrf(&html);
    // Revoke without the form's token, or with another: refused, link open.
    for form in [
        format!("pickup={}", parked.pickup_id),
        format!("pickup={}&csrf=x{csrf}", parked.pickup_id),
    ] {
        let resp = post(&r, &base, "/beheer/revoke", Some(&cookie), &form).await;
        assert_eq!(resp.status, 403, "{form}");
    }
    let row = sluis::pickup::db::pickup(&r.store, &parked.pickup_id)
        .await
        .unwrap()
        .unwrap();
    assert!(row.is_open(sluis::now_ms()));

    // An operator of another practice cannot revoke this one's pickup.
    let other = http_login(&r, &base, "ander", PASSWORD, &code_now())
        .await
        .expect("login ander");
    let page = get(&r, &base, "/beheer", Some(&other)).await;
    assert!(
        !page.text().contains("dirk@example.nl"),
        "another practice's pickup listed"
    );
    let ocsrf = pickup_support::csrf(&page.text());
    let resp = post(
        &r,
        &base,
        "/beheer/revoke",
        Some(&other),
        &format!("pickup={}&csrf={ocsrf}", parked.pickup_id),
    )
    .await;
    assert_eq!(resp.status, 403);
    let row = sluis::pickup::db::pickup(&r.store, &parked.pickup_id)
        .await
        .unwrap()
        .unwrap();
    assert!(row.is_open(sluis::now_ms()));

    // With the token: revoked.
    let resp = post(
        &r,
        &base,
        "/beheer/revoke",
        Some(&cookie),
        &format!("pickup={}&csrf={csrf}", parked.pickup_id),
    )
    .await;
    assert_eq!(resp.status, 303);
    let row = sluis::pickup::db::pickup(&r.store, &parked.pickup_id)
        .await
        .unwrap()
        .unwrap();
    assert!(!row.is_open(sluis::now_ms()));

    // The audit search shows a practice its own events only.
    let q = "/beheer/audit?q=dirk%40example.nl";
    // (The revoke's event goes through the audit writer: wait for it.)
    let mut own = String::new();
    for _ in 0..50 {
        let resp = get(&r, &base, q, Some(&cookie)).await;
        assert_eq!(resp.status, 200);
        own = resp.text();
        if own.contains("operator:beheer") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        own.contains("pickup-parked") && own.contains("operator:beheer"),
        "{own}"
    );
    let theirs = get(&r, &base, q, Some(&other)).await;
    assert_eq!(theirs.status, 200);
    assert!(
        !theirs.text().contains("pickup-parked"),
        "another practice's events"
    );
    assert!(theirs.text().contains("Geen gebeurtenissen gevonden"));
    assert_eq!(get(&r, &base, q, None).await.status, 303);

    // Logged out: the cookie opens nothing any more.
    let resp = post(
        &r,
        &base,
        "/beheer/logout",
        Some(&cookie),
        &format!("csrf={csrf}"),
    )
    .await;
    assert_eq!(resp.status, 303);
    assert_eq!(get(&r, &base, "/beheer", Some(&cookie)).await.status, 303);

    // Five failures lock the account name out, even with the right code.
    for _ in 0..5 {
        let _ = http_login(&r, &base, "beheer", "wrong-password-1", "000000").await;
    }
    next_step().await;
    let err = http_login(&r, &base, "beheer", PASSWORD, &code_now())
        .await
        .unwrap_err();
    assert_eq!(err.0, 401, "locked out");
}
