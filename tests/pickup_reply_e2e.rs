//! A patient's reply from the pickup portal, through the real binary and
//! the dane-lab (issue 16, item 1). The practice (dane-ee.test) sends a
//! patient at plain.test a sensitive mail; it is parked, the notification
//! reaches mx.plain.test, and the portal is walked with curl (code from the
//! SMS file, session cookie, CSRF token). Two replies — health text, and a
//! PDF — arrive at mx.dane-ee.test over DANE (the practice's rule for
//! sensitive mail to its own domain), `From:` the notification address,
//! `Reply-To:` the patient, DKIM-signed for the practice domain (verified
//! with mail-auth against the generated key's record), with the
//! notification address as envelope sender, and audited. A practice at
//! plain.test, whose clean mail goes out in clear text, gets its patient's
//! reply only as a pickup link: the reply never travels in clear text.
//!
//! Needs root (binds 127.0.31.x). `SLUIS_SKIP_LAB=1` skips explicitly.

mod support;

use mail_auth::common::parse::TxtRecordParser;
use mail_auth::common::verify::DomainKey;
use mail_auth::{
    AuthenticatedMessage, DkimResult, MessageAuthenticator, Parameters, ResolverCache, Txt,
};
use mail_parser::MimeHeaders;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::lab::{skip, up, Lab, Stored};
use support::*;

const POLICY: &str = r#"tenant = "default"

[[rule]]
name = "praktijk-gevoelig"
sensitive = true
recipient_domain = ["dane-ee.test"]
action = "deliver"
transport = "dane"

[[rule]]
name = "gevoelig"
sensitive = true
action = "pickup"

[default]
action = "deliver"
transport = "none"
"#;

const NOTIFY_FROM: &str = "no-reply@dane-ee.test";

struct TxtCache(Mutex<HashMap<String, Txt>>);

impl ResolverCache<String, Txt> for TxtCache {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        String: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.lock().unwrap().get(name).cloned()
    }
    fn remove<Q>(&self, name: &Q) -> Option<Txt>
    where
        String: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.lock().unwrap().remove(name)
    }
    fn insert(&self, key: String, value: Txt, _: std::time::Instant) {
        self.0.lock().unwrap().insert(key, value);
    }
}

/// DKIM results of `raw` against the records Sluis wrote beside its keys
/// (RSA and Ed25519; served from a cache: the lab's DNS does not publish
/// them).
fn dkim(raw: &[u8], record_files: &[PathBuf]) -> Vec<DkimResult> {
    let cache = TxtCache(Mutex::new(HashMap::new()));
    for record_file in record_files {
        let record = std::fs::read_to_string(record_file).expect("DKIM record file");
        let (name, rest) = record.split_once(" IN TXT ").expect("record line");
        let key = DomainKey::parse(rest.trim().trim_matches('"').as_bytes()).expect("DKIM key");
        cache.insert(
            name.to_string(),
            Txt::DomainKey(Arc::new(key)),
            std::time::Instant::now(),
        );
    }
    let auth = MessageAuthenticator::new_cloudflare().expect("authenticator");
    let msg = AuthenticatedMessage::parse(raw).expect("message parses");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(auth.verify_dkim(Parameters::new(&msg).with_txt_cache(&cache)))
        .iter()
        .map(|o| o.result().clone())
        .collect()
}

/// Mails stored at `host` whose decoded text or attachment names hold
/// `marker` (the transfer encoding may split it in the raw file).
fn wait_stored(lab: &Lab, host: &str, marker: &str, secs: u64) -> Vec<Stored> {
    let start = Instant::now();
    loop {
        let got: Vec<Stored> = lab
            .stored(host, "")
            .into_iter()
            .filter(|s| {
                mail_parser::MessageParser::default()
                    .parse(&s.eml)
                    .is_some_and(|m| {
                        m.body_text(0).is_some_and(|t| t.contains(marker))
                            || m.attachments()
                                .any(|a| a.attachment_name().is_some_and(|n| n.contains(marker)))
                    })
            })
            .collect();
        if !got.is_empty() || start.elapsed() > Duration::from_secs(secs) {
            return got;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn curl(args: &[&str]) -> String {
    let out = Command::new("curl")
        .args(["-k", "-s", "--max-time", "20"])
        .args(args)
        .output()
        .expect("curl");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The newest SMS to `phone` written after `seen` files: its code.
fn code_for(sms_dir: &Path, phone: &str, seen: &mut Vec<PathBuf>) -> String {
    let start = Instant::now();
    loop {
        let mut files: Vec<PathBuf> = std::fs::read_dir(sms_dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| !seen.contains(p))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            if text.starts_with(&format!("To: {phone}\n")) {
                seen.push(f);
                let code: String = text
                    .lines()
                    .nth(2)
                    .unwrap_or("")
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                assert_eq!(code.len(), 6, "{text}");
                return code;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no SMS to {phone}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Walk the portal from the notification: code, session, message page.
/// Returns (message page URL, CSRF token, cookie jar).
fn open_portal(
    notification: &Stored,
    sms_dir: &Path,
    phone: &str,
    seen: &mut Vec<PathBuf>,
    jar: &Path,
) -> (String, String, String) {
    let m = mail_parser::MessageParser::default()
        .parse(&notification.eml)
        .expect("notification parses");
    let text = m.body_text(0).expect("notification text").to_string();
    let link = text
        .split_whitespace()
        .find(|w| w.starts_with("https://") && w.contains("/p/"))
        .expect("link in the notification")
        .to_string();
    let base = link[..link.find("/p/").unwrap()].to_string();
    curl(&["-X", "POST", "-d", "", &format!("{link}/code")]);
    let code = code_for(sms_dir, phone, seen);
    let jar_s = jar.to_str().unwrap();
    let location = curl(&[
        "-c",
        jar_s,
        "-o",
        "/dev/null",
        "-w",
        "%{redirect_url}",
        "-d",
        &format!("code={code}"),
        &format!("{link}/verify"),
    ]);
    let pid = location
        .rsplit("/m/")
        .next()
        .filter(|_| location.contains("/m/"))
        .unwrap_or_else(|| panic!("no session after the code: {location}"))
        .to_string();
    let page = curl(&["-b", jar_s, &format!("{base}/m/{pid}")]);
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("csrf token on the message page")
        .to_string();
    (format!("{base}/m/{pid}"), csrf, jar_s.to_string())
}

fn reply(page: &str, csrf: &str, jar: &str, text: &str, file: Option<&Path>) -> String {
    let mut args = vec![
        "-b".to_string(),
        jar.to_string(),
        "-o".to_string(),
        "/dev/null".to_string(),
        "-w".to_string(),
        "%{http_code}".to_string(),
        "-F".to_string(),
        format!("csrf={csrf}"),
        "-F".to_string(),
        format!("text={text}"),
    ];
    if let Some(f) = file {
        args.push("-F".into());
        args.push(format!("files=@{};type=application/pdf", f.display()));
    }
    args.push(format!("{page}/reply"));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    curl(&args)
}

fn header(raw: &[u8], name: &str) -> Option<String> {
    let m = mail_parser::MessageParser::default().parse(raw)?;
    m.header_raw(name).map(|v| v.trim().to_string())
}

#[test]
fn portal_replies_leave_signed_in_the_practice_name_and_never_in_clear_text() {
    if skip() {
        return;
    }
    let lab = up("127.0.31", 31253, 31225, 31643);
    let dir = tempfile::tempdir().expect("tempdir");
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(&policies).expect("mkdir");
    std::fs::write(policies.join("beleid.toml"), POLICY).expect("policy");
    let sms_dir = dir.path().join("sms");
    let dkim_dir = dir.path().join("dkim");
    let port = free_port();
    let cfg = format!(
        r#"
[server]
hostname = "sluis.test"
listeners = [{{ address = "127.0.0.1:{port}", tls = "none" }}]
trusted_networks = ["127.0.0.0/8"]

[tls]
certificate = "tls/sluis.crt"
private_key = "tls/sluis.key"

[spool]
dir = "spool"

[store]
url = "sqlite://sluis.db"

[policy]
dir = "{policies}"

[pickup]
listen = "127.0.0.1:0"
base_url = ""
notification_transport = "none"
notify_from = "{NOTIFY_FROM}"
practice_name = "Huisartsenpraktijk De Sluis"
practice_phone = "020-1234567"
practice_website = "https://www.praktijkdesluis.nl"
sms_mode = "file"
sms_file_dir = "{sms}"
dkim_dir = "{dkim}"

[crypto]
dane = false
wkd = {{ enabled = false }}

[delivery]
retry_initial_secs = 3600
connect_timeout_secs = 5
command_timeout_secs = 10

{mx}"#,
        policies = policies.display(),
        sms = sms_dir.display(),
        dkim = dkim_dir.display(),
        mx = lab.mx_toml(),
    );
    let cfg_path = dir.path().join("sluis.toml");
    std::fs::write(&cfg_path, cfg).expect("config");
    let _sluis = start_sluis(&cfg_path, port);
    let db = cfg_path.parent().unwrap().join("sluis.db");

    // Two practices each park a sensitive mail for a patient at plain.test.
    let tag = std::process::id();
    // The subject holds an encoded CR LF (the review's `X-Injected`).
    let send = |from: &str, to: &str, phone: &str, marker: &str| {
        let body = format!(
            "From: Dokter <{from}>\r\nTo: Piet Jansen <{to}>\r\n\
             Subject: =?utf-8?Q?Uitslag=0D=0AX-Injected:_yes?= [sms:{phone}]\r\n\
             Message-ID: <{marker}@praktijk.test>\r\n\r\n\
             BSN 111222333. Uw HbA1c is 64 mmol/mol. {marker}\r\n"
        );
        let r = Smtp::connect(port).send(from, &[to], body.as_bytes());
        assert!(r.starts_with("250"), "{r}");
    };
    let (p1, p2) = ("piet@plain.test", "jan@plain.test");
    send(
        "dokter@dane-ee.test",
        p1,
        "+31611111111",
        &format!("orig-a-{tag}"),
    );
    send(
        "huisarts@plain.test",
        p2,
        "+31622222222",
        &format!("orig-b-{tag}"),
    );
    let notes = |rcpt: &str| {
        let start = Instant::now();
        loop {
            // Every mail there (the text may be encoded): the notifications
            // to `rcpt`, told from the sender's confirmation by their link.
            let n: Vec<Stored> = lab
                .stored("mx.plain.test", "")
                .into_iter()
                .filter(|s| s.sidecar["rcpt_tos"] == serde_json::json!([rcpt]))
                .filter(|s| {
                    mail_parser::MessageParser::default()
                        .parse(&s.eml)
                        .and_then(|m| m.body_text(0).map(|t| t.contains("/p/")))
                        .unwrap_or(false)
                })
                .collect();
            if !n.is_empty() || start.elapsed() > Duration::from_secs(30) {
                return n;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    };
    let (n1, n2) = (notes(p1), notes(p2));
    assert_eq!(n1.len(), 1, "no notification for {p1}");
    assert_eq!(n2.len(), 1, "no notification for {p2}");

    let mut seen = vec![];
    let (page1, csrf1, jar1) = open_portal(
        &n1[0],
        &sms_dir,
        "+31611111111",
        &mut seen,
        &dir.path().join("jar1"),
    );
    // 1. Health text.
    let text_marker = format!("REPLY-TEXT-{tag}");
    let text =
        format!("mijn suiker was 14, duizelig, veel dorst, metformine verhogen? {text_marker}");
    assert_eq!(reply(&page1, &csrf1, &jar1, &text, None), "303");
    // 2. A PDF of blood-sugar values.
    let pdf_marker = format!("REPLY-PDF-{tag}");
    let pdf = dir.path().join("bloedsuiker.pdf");
    std::fs::write(
        &pdf,
        format!("%PDF-1.4\n% glucose 14 mmol/l {pdf_marker}\n%%EOF\n"),
    )
    .expect("pdf");
    assert_eq!(
        reply(&page1, &csrf1, &jar1, "zie bijlage", Some(&pdf)),
        "303"
    );

    let records: Vec<PathBuf> = std::fs::read_dir(&dkim_dir)
        .expect("dkim dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".dns.txt"))
        .collect();
    assert_eq!(
        records.len(),
        2,
        "an RSA and an Ed25519 record: {records:?}"
    );
    let text_in = wait_stored(&lab, "mx.dane-ee.test", &text_marker, 30);
    let pdf_in = wait_stored(&lab, "mx.dane-ee.test", "bloedsuiker.pdf", 30);
    let audit = || {
        sqlite(
            &db,
            "SELECT kind || ' ' || coalesce(recipient, '') || ' ' || coalesce(detail, '') FROM audit_events",
        )
    };
    assert_eq!(
        text_in.len(),
        1,
        "the text reply did not arrive\n{}",
        audit()
    );
    assert_eq!(pdf_in.len(), 1, "the PDF reply did not arrive");
    for got in [&text_in[0], &pdf_in[0]] {
        let side = &got.sidecar;
        assert_eq!(side["starttls"], true, "{side}");
        assert_eq!(side["rcpt_tos"], serde_json::json!(["dokter@dane-ee.test"]));
        assert_eq!(side["mail_from"], NOTIFY_FROM, "{side}");
        let m = mail_parser::MessageParser::default()
            .parse(&got.eml)
            .expect("reply parses");
        let from = m.from().and_then(|a| a.first()).expect("From");
        assert_eq!(from.address(), Some(NOTIFY_FROM));
        assert_eq!(
            from.name(),
            Some("Piet Jansen via Huisartsenpraktijk De Sluis")
        );
        let rt = m.reply_to().and_then(|a| a.first()).expect("Reply-To");
        assert_eq!(rt.address(), Some(p1));
        assert!(header(&got.eml, "DKIM-Signature").is_some_and(|s| s.contains("d=dane-ee.test")));
        // No header was injected by the subject's CR LF.
        let headers = String::from_utf8_lossy(&got.eml);
        assert!(
            !headers
                .lines()
                .take_while(|l| !l.is_empty())
                .any(|l| l.to_ascii_lowercase().starts_with("x-injected")),
            "{headers}"
        );
        assert!(m.subject().is_some_and(|s| s.starts_with("Re: Uitslag")));
        // Both signatures, RSA-2048 and Ed25519, verify.
        let results = dkim(&got.eml, &records);
        assert_eq!(
            results,
            vec![DkimResult::Pass, DkimResult::Pass],
            "{results:?}\n{}",
            String::from_utf8_lossy(&got.eml)
        );
    }
    let pdf_mail = mail_parser::MessageParser::default()
        .parse(&pdf_in[0].eml)
        .unwrap();
    let att = pdf_mail.attachments().next().expect("the PDF");
    assert!(String::from_utf8_lossy(att.contents()).contains(&pdf_marker));

    // Audited: the portal's `replied` (with the queued message) and the
    // pipeline's `reply-accepted`, routed by the practice's rule.
    let replied = sqlite(
        &db,
        "SELECT count(*) FROM audit_events WHERE kind = 'replied'",
    );
    assert_eq!(replied, "2");
    let accepted = sqlite(
        &db,
        "SELECT detail FROM audit_events WHERE kind = 'reply-accepted' LIMIT 1",
    );
    let accepted: serde_json::Value = serde_json::from_str(&accepted).expect("detail json");
    assert_eq!(accepted["sensitive"], true);
    assert_eq!(
        accepted["routes"][0]["rule"],
        "beleid.toml:praktijk-gevoelig"
    );

    // The plain.test practice: its clean mail would go out in clear text,
    // its patient's reply goes through the sensitive rule (pickup) instead.
    let (page2, csrf2, jar2) = open_portal(
        &n2[0],
        &sms_dir,
        "+31622222222",
        &mut seen,
        &dir.path().join("jar2"),
    );
    let clear_marker = format!("REPLY-CLEAR-{tag}");
    assert_eq!(
        reply(
            &page2,
            &csrf2,
            &jar2,
            &format!("dank u {clear_marker}"),
            None
        ),
        "303"
    );
    let to_practice = notes("huisarts@plain.test");
    assert_eq!(to_practice.len(), 1, "the practice got no pickup link");
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        lab.stored_anywhere(&clear_marker).is_empty(),
        "the reply travelled in clear text"
    );
    assert_eq!(
        wait_stored(&lab, "mx.dane-ee.test", &text_marker, 0).len(),
        1
    );
}
