//! A real browser walks the portal: Debian's headless `chromium`, driven
//! by `chromedriver` through the W3C WebDriver HTTP API. Link -> code (from
//! the test SMS provider) -> read -> download -> reply, in Dutch and then
//! in English, with screenshots in `target/portal-screenshots/` (kept as CI
//! artifacts): the notification mail as a mail client shows its HTML part,
//! the link page, the code page, a wrong code, the message, the reply. With
//! `SLUIS_SCREENSHOTS_TO_DOCS=1` they are also written to
//! `docs/screenshots/`, where a practice sees what its patients get.
//!
//! On every page, axe-core (WCAG 2.1 A/AA rules) must report no violation.
//!
//! Needs the apt packages `chromium` and `chromium-driver` and axe-core's
//! `axe.min.js` (`$SLUIS_AXE_JS`, else `/var/cache/sluis-axe/node_modules/
//! axe-core/axe.min.js`, from `npm install axe-core`); the test fails (it
//! does not skip) when they are missing.

mod pickup_support;

use pickup_support::rig;
use serde_json::{json, Value};
use sluis::net::http;
use std::path::{Path, PathBuf};
use std::time::Duration;

const CHROMIUM: &str = "/usr/bin/chromium";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

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

impl Driver {
    async fn start(downloads: &Path, profile: &Path) -> Driver {
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
                    "--window-size=1000,1300",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false,
                }
            }
        }}});
        let mut driver = Driver {
            base,
            session: String::new(),
            child,
        };
        let v = call(&driver.base, "POST", "/session", caps).await;
        driver.session = v["sessionId"].as_str().expect("session id").to_string();
        driver
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

    /// The page source once it contains `needle` (a click returns before
    /// the form's POST and redirect have finished).
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

    /// Run axe-core on the current page; panics with the violations.
    async fn axe(&self, page: &str) {
        let v = self.axe_violations().await;
        assert!(
            v.as_array().is_some_and(|a| a.is_empty()),
            "axe-core on {page}: {v}"
        );
    }

    /// axe-core's WCAG 2.1 A/AA violations on the current page (a JSON
    /// array of "rule: targets"), or its error.
    async fn axe_violations(&self) -> Value {
        let path = std::env::var_os("SLUIS_AXE_JS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from("/var/cache/sluis-axe/node_modules/axe-core/axe.min.js")
            });
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "axe-core needed at {} (npm install axe-core): {e}",
                path.display()
            )
        });
        let script = format!(
            "{source}\n;const done = arguments[arguments.length - 1];\
             axe.run(document, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }} }})\
             .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))\
             .catch(e => done(['axe failed: ' + e]));"
        );
        self.cmd(
            "POST",
            "/execute/async",
            json!({ "script": script, "args": [] }),
        )
        .await
    }

    async fn screenshot(&self, name: &str) -> PathBuf {
        use base64::Engine;
        let v = self.cmd("GET", "/screenshot", json!({})).await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap())
            .unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("target/portal-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, &png).unwrap();
        if std::env::var_os("SLUIS_SCREENSHOTS_TO_DOCS").is_some() {
            let docs = root.join("docs/screenshots");
            std::fs::create_dir_all(&docs).unwrap();
            std::fs::write(docs.join(name), &png).unwrap();
        }
        path
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.exists())
}

const TEXT: &str = "Beste mevrouw, de uitslag van uw bloedonderzoek is goed. BROWSER-TEXT-4471";

fn message() -> Vec<u8> {
    format!(
        "From: Dokter Jansen <dokter@praktijk.nl>\r\nTo: Mevrouw A. de Vries <patient@example.nl>\r\nSubject: Uitslag\r\n\
Message-ID: <b1@praktijk.nl>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n\
--zz\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{TEXT}\r\n--zz\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
<table style=\"width:100%\"><tr><th>Bepaling</th><th>Uitslag</th></tr><tr><td>HbA1c</td><td>BROWSER-TABLE-53</td></tr></table>\
<img src=\"https://tracker.example/p.png\" onerror=\"document.title='PWNED'\"><script>document.title='PWNED'</script>\r\n\
--zz\r\nContent-Type: application/pdf\r\n\
Content-Disposition: attachment; filename=\"uitslag.pdf\"\r\n\r\n%PDF-1.4 BROWSER-ATTACHMENT\r\n--zz--\r\n"
    )
    .into_bytes()
}

async fn wait_for_file(dir: &Path, name: &str) -> Vec<u8> {
    for _ in 0..100 {
        if let Ok(b) = std::fs::read(dir.join(name)) {
            if !b.is_empty() {
                return b;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("download {name} did not arrive in {}", dir.display());
}

/// One walk through the portal in the current language.
async fn walk(
    rig: &pickup_support::Rig,
    d: &Driver,
    id: &str,
    lang: &str,
    downloads: &Path,
    upload: &Path,
) {
    let parked = rig
        .park(id, "patient@example.nl", &message(), Some("+31612345678"))
        .await;
    let en = lang == "en";
    if !en {
        // The notification as a mail client shows its HTML part (Dutch, with
        // the "Read in English" link), from a file: it is the mail itself.
        let m = mail_parser::MessageParser::default()
            .parse(&parked.notification)
            .unwrap();
        let html = m.body_html(0).expect("an HTML part").into_owned();
        assert!(html.contains("Read in English"), "{html}");
        assert!(html.contains("020-1234567"), "{html}");
        assert!(html.contains("Beste Mevrouw A. de Vries,"), "{html}");
        let file = downloads.with_file_name("notification.html");
        std::fs::write(&file, html).unwrap();
        d.go(&format!("file://{}", file.display())).await;
        d.wait_for("Read in English").await;
        d.screenshot("nl-0-notification.png").await;
        d.axe("notification").await;
    }
    d.go(&if en {
        format!("{}?lang=en", parked.link_url)
    } else {
        parked.link_url.clone()
    })
    .await;
    let src = d.source().await;
    assert!(src.contains(&format!("lang=\"{lang}\"")), "{src}");
    assert!(src.contains(if en {
        "Send me a code"
    } else {
        "Stuur mij een code"
    }));
    d.screenshot(&format!("{lang}-1-link.png")).await;
    d.axe("link").await;

    d.click("form[action$='/code'] button").await;
    d.wait_for(if en {
        "We sent a code to"
    } else {
        "We hebben een code gestuurd"
    })
    .await;
    let code = rig.last_sms_code();
    d.screenshot(&format!("{lang}-2-code.png")).await;
    d.axe("code").await;
    // A wrong code: its own title and the tries left.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    d.type_into("#code", wrong).await;
    d.click("form[action$='/verify'] button").await;
    let src = d
        .wait_for(if en {
            "You have 4 tries left for this code."
        } else {
            "U heeft nog 4 pogingen voor deze code."
        })
        .await;
    assert!(
        src.contains(if en {
            "<title>Wrong code - enter it again"
        } else {
            "<title>Code onjuist - opnieuw invoeren"
        }),
        "{src}"
    );
    d.screenshot(&format!("{lang}-2-wrong-code.png")).await;
    d.axe("wrong code").await;
    d.type_into("#code", &code).await;
    d.click("form[action$='/verify'] button").await;

    let src = d.wait_for("BROWSER-TEXT-4471").await;
    // The HTML part as a table, cleaned: nothing of the script or image.
    assert!(
        src.contains("<td>HbA1c</td><td>BROWSER-TABLE-53</td>"),
        "{src}"
    );
    assert!(
        !src.contains("PWNED") && !src.contains("tracker.example"),
        "{src}"
    );
    assert!(d.url().await.contains(&format!("/m/{}", parked.pickup_id)));
    d.screenshot(&format!("{lang}-3-message.png")).await;
    d.axe("message").await;

    d.click("ul.files a").await;
    let got = wait_for_file(downloads, "uitslag.pdf").await;
    assert_eq!(got, b"%PDF-1.4 BROWSER-ATTACHMENT");
    let _ = std::fs::remove_file(downloads.join("uitslag.pdf"));

    let before = rig.rec.replies.lock().unwrap().len();
    d.type_into("#text", &format!("Dank u wel ({lang})")).await;
    d.type_into("#files", &upload.display().to_string()).await;
    d.click("form[action$='/reply'] button").await;
    d.wait_for(if en {
        "Your reply has been sent"
    } else {
        "Uw antwoord is verstuurd"
    })
    .await;
    d.screenshot(&format!("{lang}-4-replied.png")).await;
    d.axe("replied").await;
    let replies = rig.rec.replies.lock().unwrap();
    assert_eq!(replies.len(), before + 1);
    let (_, to, raw) = replies.last().unwrap();
    assert_eq!(to, "dokter@praktijk.nl");
    let m = mail_parser::MessageParser::default().parse(raw).unwrap();
    assert!(m
        .body_text(0)
        .unwrap()
        .contains(&format!("Dank u wel ({lang})")));
    let a = m.attachments().next().expect("uploaded file in the reply");
    assert_eq!(a.contents(), b"scan van formulier");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chromium_walks_link_code_read_download_reply_in_dutch_and_english() {
    let rig = rig(|_| {}).await;
    let work = tempfile::tempdir().unwrap();
    let downloads = work.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let upload = work.path().join("formulier.txt");
    std::fs::write(&upload, "scan van formulier").unwrap();
    let d = Driver::start(&downloads, &work.path().join("profile")).await;
    // axe-core finds what it should: a page without a language and an
    // image without alternative text.
    let bad = work.path().join("bad.html");
    std::fs::write(&bad, "<html><body><img src=\"x.png\"></body></html>").unwrap();
    d.go(&format!("file://{}", bad.display())).await;
    let v = d.axe_violations().await;
    let text = v.to_string();
    assert!(
        text.contains("html-has-lang") && text.contains("image-alt"),
        "{text}"
    );
    walk(&rig, &d, "browser-nl", "nl", &downloads, &upload).await;
    walk(&rig, &d, "browser-en", "en", &downloads, &upload).await;
    // An unknown link: a clear page, not a stack trace.
    d.go(&format!("{}/p/{}", rig.base, "A".repeat(43))).await;
    d.wait_for("revoked or expired").await;
    d.screenshot("en-5-gone.png").await;
    d.axe("gone").await;
    let _ = d.cmd("DELETE", "", json!({})).await;
}
