//! TLS-RPT reports are sent (issue 19, item 9), end to end: the real
//! binary delivers a mail to `mta-sts.test` in the dane-lab (MTA-STS
//! enforce; its `_smtp._tls` record says `rua=mailto:tlsrpt@mta-sts.test`)
//! and counts the session. While the day is not over, no report goes out.
//! Then the counts are moved to yesterday (as if the day had passed) and
//! Sluis restarted: the report for that day arrives at the domain's MX as
//! a `multipart/report; report-type="tlsrpt"` mail through the normal
//! pipeline, its gzipped JSON naming the STS policy and one successful
//! session, and no recipient address; it is sent once. The MTA-STS policy
//! fetched for the delivery is kept in the store for its `max_age`.
//!
//! Needs root (binds 127.0.48.x). `SLUIS_SKIP_LAB=1` skips explicitly.

mod support;

use mail_parser::MimeHeaders;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};
use support::lab::{skip, up, Lab};
use support::*;

fn config(lab: &Lab, dir: &Path, port: u16) -> String {
    let d = dir.display();
    format!(
        r#"
[server]
hostname = "sluis.test"
listeners = [{{ address = "127.0.0.1:{port}", tls = "none" }}]
trusted_networks = ["127.0.0.0/8"]

[tls]
certificate = "{d}/tls/sluis.crt"
private_key = "{d}/tls/sluis.key"
generate_self_signed = true

[spool]
dir = "{d}/spool"

[store]
url = "sqlite://{d}/sluis.db"

[policy]
dir = "{d}/policies"

[pickup]
listen = "127.0.0.1:0"
base_url = ""
blob_dir = "{d}/pickup"
server_key_file = "{d}/pickup-server.key"
sms_file_dir = "{d}/sms"
dkim_dir = "{d}/dkim"

[crypto]
dane = false
wkd = {{ enabled = false }}

[delivery]
connect_timeout_secs = 5
command_timeout_secs = 10

{mx}tlsrpt_organization = "Praktijk De Linde"
tlsrpt_first_check_secs = 1
tlsrpt_check_secs = 1
"#,
        mx = lab.mx_toml(),
    )
}

fn wait(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn reports(lab: &Lab) -> Vec<support::lab::Stored> {
    lab.stored("mx.mta-sts.test", "")
        .into_iter()
        .filter(|s| s.sidecar["rcpt_tos"] == serde_json::json!(["tlsrpt@mta-sts.test"]))
        .collect()
}

#[test]
fn the_daily_report_goes_to_the_rua_once_the_day_is_over() {
    if skip() {
        return;
    }
    let lab = up("127.0.48", 48253, 48225, 48643);
    let dir = tempfile::tempdir().expect("tempdir");
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(&policies).expect("mkdir");
    std::fs::copy(
        repo_root().join("policies/default.toml"),
        policies.join("default.toml"),
    )
    .expect("shipped policy");
    let port = free_port();
    let cfg_path = dir.path().join("sluis.toml");
    std::fs::write(&cfg_path, config(&lab, dir.path(), port)).expect("config");
    let db = dir.path().join("sluis.db");
    let sluis = start_sluis(&cfg_path, port);

    let tag = format!("tlsrpt-{}", std::process::id());
    let mail = format!(
        "From: balie@dane-ee.test\r\nTo: carol@mta-sts.test\r\nSubject: afspraak\r\n\
         Message-ID: <{tag}@dane-ee.test>\r\n\r\nTot morgen ({tag}).\r\n"
    );
    let reply = Smtp::connect(port).send(
        "balie@dane-ee.test",
        &["carol@mta-sts.test"],
        mail.as_bytes(),
    );
    assert!(reply.starts_with("250"), "{reply}");
    wait(Duration::from_secs(30), "the delivery", || {
        !lab.stored("mx.mta-sts.test", &tag).is_empty()
    });
    wait(Duration::from_secs(10), "the TLS-RPT count", || {
        sqlite(
            &db,
            "SELECT count(*) FROM tlsrpt_counts WHERE policy_domain = 'mta-sts.test'",
        ) != "0"
    });
    // The MTA-STS policy is kept in the store, until its max_age (1 day).
    wait(
        Duration::from_secs(10),
        "the MTA-STS policy in the store",
        || {
            sqlite(
                &db,
                "SELECT count(*) FROM mta_sts_policies WHERE domain = 'mta-sts.test'",
            ) == "1"
        },
    );
    let expires: i64 = sqlite(
        &db,
        "SELECT expires_ms FROM mta_sts_policies WHERE domain = 'mta-sts.test'",
    )
    .parse()
    .expect("expires_ms");
    let ahead = expires - sluis::now_ms();
    assert!(ahead > 86_000_000 && ahead <= 86_400_000, "{ahead}");
    // The day is not over: nothing is sent (the sender looks every second).
    std::thread::sleep(Duration::from_secs(3));
    assert!(reports(&lab).is_empty(), "a report for a day not over");

    // The day passes.
    drop(sluis);
    sqlite(&db, "UPDATE tlsrpt_counts SET day = day - 1");
    let _sluis = start_sluis(&cfg_path, port);
    wait(Duration::from_secs(30), "the report", || {
        !reports(&lab).is_empty()
    });
    // Sent once, however often the sender looks.
    std::thread::sleep(Duration::from_secs(3));
    let got = reports(&lab);
    assert_eq!(got.len(), 1, "one report");
    let parsed = mail_parser::MessageParser::default()
        .parse(&got[0].eml)
        .expect("report parses");
    let ctype = parsed.content_type().expect("content type");
    assert_eq!(ctype.ctype(), "multipart");
    assert_eq!(ctype.subtype(), Some("report"));
    assert_eq!(ctype.attribute("report-type"), Some("tlsrpt"));
    assert_eq!(
        parsed.header_raw("TLS-Report-Domain").map(str::trim),
        Some("mta-sts.test")
    );
    // RFC 8689: a report about broken TLS must still get through.
    assert_eq!(parsed.header_raw("TLS-Required").map(str::trim), Some("No"));
    let subject = parsed.subject().unwrap_or_default();
    assert!(
        subject
            .starts_with("Report Domain: mta-sts.test Submitter: Praktijk De Linde Report-ID: <"),
        "{subject}"
    );
    let gz = parsed
        .attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|c| c.subtype() == Some("tlsrpt+gzip"))
        })
        .expect("the gzipped report")
        .contents()
        .to_vec();
    let mut json = String::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_string(&mut json)
        .expect("gzip");
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(report["organization-name"], "Praktijk De Linde", "{report}");
    let policies = report["policies"].as_array().expect("policies");
    assert_eq!(policies.len(), 1, "{report}");
    let p = &policies[0];
    assert_eq!(p["policy"]["policy-type"], "sts", "{report}");
    assert_eq!(p["policy"]["policy-domain"], "mta-sts.test", "{report}");
    assert_eq!(
        p["summary"]["total-successful-session-count"], 1,
        "{report}"
    );
    assert_eq!(p["summary"]["total-failure-session-count"], 0, "{report}");
    assert!(!json.contains("carol"), "an address in the report: {json}");
    assert!(!json.contains(&tag), "content in the report");
    let sent = sqlite(
        &db,
        "SELECT outcome FROM tlsrpt_sent WHERE policy_domain = 'mta-sts.test'",
    );
    assert_eq!(sent, "sent:1");
}
