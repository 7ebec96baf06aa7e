//! Three `sluis run` processes (the real binary, each with its own
//! loopback ports, spool and SMS folder) on one PostgreSQL database — a
//! scratch database per run — behind no load balancer: the test is the
//! load balancer and picks the node for every request (issue 17, items
//! 2 and 3).
//!
//! - A code requested on node A (its SMS is written by A) is entered on
//!   node B, and the session B made is used on node C: the message page
//!   decrypts on C (the ciphertext is in the database, not on A's disk).
//! - Five wrong codes spread over the nodes use up the code: the sixth
//!   entry, the right code, on node C is refused. The lifetime cap of
//!   codes, reached by requests spread over the nodes, locks the link for
//!   every node.
//! - A parked message revoked through node C is gone for nodes A and B.
//! - Failed SMTP AUTH spread over the nodes: after five, the right
//!   password is refused (454) on the third node too.
//! - A fourth node with a pickup server key of its own refuses to start.
//!
//! `SLUIS_TEST_POSTGRES` (default `postgres://postgres@127.0.0.1:5432/test`)
//! names the admin database; `skip` skips explicitly.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use support::*;

const POLICY: &str = r#"tenant = "default"

[[rule]]
name = "gevoelig"
sensitive = true
action = "pickup"

[default]
action = "deliver"
transport = "none"
"#;

const PHONE: &str = "+31612345678";
const PASSWORD: &str = "juist-wachtwoord-8812";

fn psql(url: &str, sql: &str) {
    let out = Command::new("psql")
        .arg(url)
        .args(["-v", "ON_ERROR_STOP=1", "-qtAc", sql])
        .output()
        .expect("psql");
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn psql_value(url: &str, sql: &str) -> String {
    let out = Command::new("psql")
        .arg(url)
        .args(["-v", "ON_ERROR_STOP=1", "-qtAc", sql])
        .output()
        .expect("psql");
    assert!(out.status.success(), "psql {sql}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Wait until `sql` gives `want` (audit events are written in batches).
fn wait_psql(url: &str, sql: &str, want: &str) {
    let start = Instant::now();
    loop {
        let got = psql_value(url, sql);
        if got == want {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{sql} gave {got}, never {want}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Drops the scratch database when the test ends (also on failure).
struct ScratchDb {
    admin: String,
    name: String,
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        let _ = Command::new("psql")
            .arg(&self.admin)
            .arg("-qtAc")
            .arg(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .output();
    }
}

struct Node {
    smtp: u16,
    submission: u16,
    portal: u16,
    sms: PathBuf,
    config: PathBuf,
}

fn node_config(shared: &Path, own: &Path, store: &str, sink: u16) -> Node {
    std::fs::create_dir_all(own).unwrap();
    let node = Node {
        smtp: free_port(),
        submission: free_port(),
        portal: free_port(),
        sms: own.join("sms"),
        config: own.join("sluis.toml"),
    };
    let text = format!(
        r#"
[server]
hostname = "sluis.test"
listeners = [
  {{ address = "127.0.0.1:{smtp}", tls = "none" }},
  {{ address = "127.0.0.1:{submission}", tls = "starttls" }},
]
trusted_networks = ["127.0.0.0/8"]

[limits]
auth_failure_delay_millis = 50

[tls]
certificate = "{shared}/tls/sluis.crt"
private_key = "{shared}/tls/sluis.key"
generate_self_signed = true

[spool]
dir = "{own}/spool"

[store]
url = "{store}"

[policy]
dir = "{shared}/policies"

[pickup]
listen = "127.0.0.1:{portal}"
base_url = ""
notification_transport = "none"
max_codes_per_link_lifetime = 4
server_key_file = "{shared}/pickup-server.key"
dkim_dir = "{shared}/dkim"
sms_mode = "file"
sms_file_dir = "{own}/sms"
blob_dir = "{own}/pickup"

[crypto]
dane = false
wkd = {{ enabled = false }}

[mx]
resolver = "127.0.0.1:53"

[delivery]
relay = {{ host = "127.0.0.1", port = {sink}, tls = "none" }}
retry_initial_secs = 1
retry_max_secs = 2
mx_enabled = false
"#,
        smtp = node.smtp,
        submission = node.submission,
        portal = node.portal,
        shared = shared.display(),
        own = own.display(),
    );
    std::fs::write(&node.config, text).unwrap();
    node
}

fn curl(args: &[&str]) -> String {
    let out = Command::new("curl")
        .args(["-k", "-s", "--max-time", "20"])
        .args(args)
        .output()
        .expect("curl");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// POST `code` to `/p/SECRET/verify` on `node`, cookies into `jar`:
/// (HTTP status, redirect target, page).
fn enter_code(node: &Node, secret: &str, code: &str, jar: &Path) -> (String, String, String) {
    let page_file = jar.with_extension("page");
    let meta = curl(&[
        "-c",
        jar.to_str().unwrap(),
        "-o",
        page_file.to_str().unwrap(),
        "-w",
        "%{http_code} %{redirect_url}",
        "-d",
        &format!("code={code}"),
        &format!("https://127.0.0.1:{}/p/{secret}/verify", node.portal),
    ]);
    let (status, location) = meta.split_once(' ').unwrap_or((&meta, ""));
    let page = std::fs::read_to_string(&page_file).unwrap_or_default();
    (status.to_string(), location.to_string(), page)
}

/// Ask `node` for a code: the HTTP status of the answer.
fn request_code(node: &Node, secret: &str) -> String {
    curl(&[
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "-X",
        "POST",
        "-d",
        "",
        &format!("https://127.0.0.1:{}/p/{secret}/code", node.portal),
    ])
}

/// The code in the newest SMS in `dir` not in `seen`.
fn new_sms_code(dir: &Path, seen: &mut Vec<PathBuf>) -> String {
    let start = Instant::now();
    loop {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| !seen.contains(p))
            .collect();
        files.sort();
        if let Some(f) = files.pop() {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            seen.push(f);
            assert!(text.starts_with(&format!("To: {PHONE}\n")), "{text}");
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
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no SMS in {}",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The text part of the first mail at the sink that `wanted` accepts.
fn wait_mail(sink: &Sink, what: &str, wanted: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        for (_, raw) in sink.messages() {
            let text = mail_parser::MessageParser::default()
                .parse(&raw)
                .and_then(|m| m.body_text(0).map(|t| t.into_owned()))
                .unwrap_or_default();
            if wanted(&text) {
                return text;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no {what} at the sink"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn link_in(text: &str, kind: &str) -> String {
    text.split_whitespace()
        .find(|w| w.starts_with("https://") && w.contains(kind))
        .unwrap_or_else(|| panic!("no {kind} link in {text}"))
        .to_string()
}

#[test]
fn three_nodes_share_codes_sessions_blobs_limits_and_revokes() {
    let admin = std::env::var("SLUIS_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    if admin == "skip" {
        eprintln!("skipped by SLUIS_TEST_POSTGRES=skip");
        return;
    }
    let name = format!("sluis_cluster_{:x}", rand::random::<u32>());
    psql(&admin, &format!("CREATE DATABASE {name}"));
    let _db = ScratchDb {
        admin: admin.clone(),
        name: name.clone(),
    };
    let (base, _) = admin.rsplit_once('/').expect("URL with a database");
    let store = format!("{base}/{name}");

    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir_all(shared.join("policies")).unwrap();
    std::fs::write(shared.join("policies/beleid.toml"), POLICY).unwrap();
    let sink_port = free_port();
    let sink = Sink::start(sink_port, &dir.path().join("sink"), &[]);
    let nodes: Vec<Node> = ["a", "b", "c"]
        .iter()
        .map(|n| node_config(&shared, &dir.path().join(n), &store, sink_port))
        .collect();
    // Started one after the other: the first makes the certificate, the
    // pickup server key and the DKIM key the others then use.
    let _procs: Vec<Proc> = nodes
        .iter()
        .map(|n| start_sluis(&n.config, n.smtp))
        .collect();
    let (a, b, c) = (&nodes[0], &nodes[1], &nodes[2]);

    // A fourth node with a pickup server key of its own would fail every
    // code made elsewhere: it refuses to start, and says why.
    let d = node_config(&shared, &dir.path().join("d"), &store, sink_port);
    let text = std::fs::read_to_string(&d.config).unwrap().replace(
        &format!("{}/pickup-server.key", shared.display()),
        &format!("{}/d/own-server.key", dir.path().display()),
    );
    std::fs::write(&d.config, text).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sluis"))
        .arg("--config")
        .arg(&d.config)
        .arg("run")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("sluis");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("a node with another server key started");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut said = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut said).unwrap();
    assert!(!status.success());
    assert!(
        said.contains("differs from the key the other nodes use"),
        "{said}"
    );

    // --- Code on A, entered on B, session used on C. ---
    let patient = "patient@example.test";
    let marker = "MARKER-cluster-5521";
    let body = format!(
        "From: Dokter <dokter@praktijk.test>\r\nTo: {patient}\r\n\
         Subject: Uitslag [sms:{PHONE}]\r\nMessage-ID: <m1@praktijk.test>\r\n\r\n\
         BSN 111222333. Uw HbA1c is 64 mmol/mol. {marker}\r\n"
    );
    let reply = Smtp::connect(a.smtp).send("dokter@praktijk.test", &[patient], body.as_bytes());
    assert!(reply.starts_with("250"), "{reply}");
    let notification = wait_mail(&sink, "notification", |t| t.contains("/p/"));
    let link = link_in(&notification, "/p/");
    let secret = link.rsplit("/p/").next().unwrap().to_string();
    assert_eq!(
        link,
        format!("https://127.0.0.1:{}/p/{secret}", a.portal),
        "the link names node A, where the mail came in"
    );
    // Nothing of the parked message on any node's disk: it is in the store.
    for n in ["a", "b", "c"] {
        assert!(
            !dir.path().join(n).join("pickup").exists(),
            "a blob file on node {n}"
        );
    }
    let chunks = psql_value(&store, "SELECT count(*) FROM pickup_blob_chunks");
    assert!(chunks.parse::<u32>().unwrap() >= 2, "{chunks}");

    let mut seen_a = Vec::new();
    assert_eq!(request_code(a, &secret), "303");
    let code = new_sms_code(&a.sms, &mut seen_a);
    let jar = dir.path().join("jar-1");
    let (status, location, _) = enter_code(b, &secret, &code, &jar);
    assert_eq!(status, "303", "the code from A is right on B");
    let pid = location
        .rsplit("/m/")
        .next()
        .filter(|_| location.contains("/m/"))
        .unwrap_or_else(|| panic!("no session after the code: {location}"))
        .to_string();
    let page = curl(&[
        "-b",
        jar.to_str().unwrap(),
        &format!("https://127.0.0.1:{}/m/{pid}", c.portal),
    ]);
    assert!(
        page.contains(marker),
        "the session from B opens on C: {page}"
    );
    // And the code, used once on B, is dead on A too.
    let (status, _, _) = enter_code(a, &secret, &code, &dir.path().join("jar-x"));
    assert_eq!(status, "400", "a used code works again on another node");

    // --- Five wrong codes over the nodes: the right one is then refused. ---
    assert_eq!(request_code(c, &secret), "303");
    let mut seen_c = Vec::new();
    let code = new_sms_code(&c.sms, &mut seen_c);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for (i, node) in [a, b, c, a, b].iter().enumerate() {
        let (status, _, page) = enter_code(node, &secret, wrong, &dir.path().join("jar-w"));
        assert_eq!(status, "400", "wrong code {i}");
        assert!(page.contains("onjuist"), "wrong code {i}: {page}");
    }
    let (status, location, page) = enter_code(c, &secret, &code, &dir.path().join("jar-6"));
    assert_eq!(status, "400", "the sixth entry made a session: {location}");
    assert!(page.contains("niet (meer) geldig"), "{page}");

    // --- The lifetime cap (4 here), reached over the nodes, locks the link. ---
    assert_eq!(request_code(b, &secret), "303", "the third code");
    assert_eq!(request_code(a, &secret), "303", "the fourth code");
    let locked = request_code(c, &secret);
    assert_ne!(locked, "303", "a fifth code past the cap of 4");
    assert_eq!(
        psql_value(
            &store,
            &format!("SELECT state FROM pickups WHERE recipient = '{patient}'")
        ),
        "locked"
    );
    for node in [a, b, c] {
        assert_ne!(request_code(node, &secret), "303", "locked link on a node");
    }
    wait_psql(
        &store,
        "SELECT count(*) FROM audit_events WHERE kind = 'pickup-locked'",
        "1",
    );

    // --- Revoked through C: gone for A and B. ---
    let patient2 = "tweede@example.test";
    let body = format!(
        "From: Dokter <dokter@praktijk.test>\r\nTo: {patient2}\r\n\
         Subject: Uitslag [sms:{PHONE}]\r\nMessage-ID: <m2@praktijk.test>\r\n\r\n\
         BSN 111222333. Uw HbA1c is 70 mmol/mol. MARKER-two\r\n"
    );
    let reply = Smtp::connect(b.smtp).send("dokter@praktijk.test", &[patient2], body.as_bytes());
    assert!(reply.starts_with("250"), "{reply}");
    let confirmation = wait_mail(&sink, "sender's confirmation", |t| {
        t.contains("/r/") && t.contains(patient2)
    });
    let revoke = link_in(&confirmation, "/r/");
    let revoke_path = &revoke[revoke.find("/r/").unwrap()..];
    let notification = wait_mail(&sink, "second notification", |t| {
        t.contains("/p/") && !t.contains(&secret)
    });
    let link2 = link_in(&notification, "/p/");
    let secret2 = link2.rsplit("/p/").next().unwrap().to_string();
    // Before: the landing page answers on A.
    let landing = |node: &Node| {
        curl(&[
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            &format!("https://127.0.0.1:{}/p/{secret2}", node.portal),
        ])
    };
    assert_eq!(landing(a), "200");
    let status = curl(&[
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "-X",
        "POST",
        "-d",
        "",
        &format!("https://127.0.0.1:{}{revoke_path}", c.portal),
    ]);
    assert_eq!(status, "200", "revoke through C");
    assert_ne!(landing(a), "200", "revoked on C, still open on A");
    assert_ne!(landing(b), "200", "revoked on C, still open on B");
    assert_ne!(request_code(a, &secret2), "303");
    assert_eq!(
        psql_value(
            &store,
            "SELECT count(*) FROM pickup_blob_chunks WHERE id IN \
             (SELECT id FROM pickups WHERE recipient = 'tweede@example.test') \
             OR id IN (SELECT id || '.view' FROM pickups WHERE recipient = 'tweede@example.test')"
        ),
        "0",
        "the ciphertext is gone from the store"
    );

    // --- SMTP AUTH failures over the nodes. ---
    let bin = Path::new(env!("CARGO_BIN_EXE_sluis"));
    add_account(bin, &a.config, "balie@praktijk.test", PASSWORD);
    let attempts: Vec<(u16, &str)> = vec![
        (a.submission, PASSWORD),
        (a.submission, "fout-1"),
        (b.submission, "fout-2"),
        (c.submission, "fout-3"),
        (a.submission, "fout-4"),
        (b.submission, "fout-5"),
        (c.submission, PASSWORD),
    ];
    // One mechanism per attempt (smtplib's `login` would try each in turn).
    let mut script = String::from(
        "import smtplib, ssl\nctx = ssl.create_default_context()\n\
         ctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE\n",
    );
    for (port, pw) in &attempts {
        script += &format!(
            "s = smtplib.SMTP('127.0.0.1', {port}, timeout=20)\ns.starttls(context=ctx)\n\
             s.ehlo()\ns.user, s.password = 'balie@praktijk.test', '{pw}'\n\
             try:\n    print(s.auth('PLAIN', s.auth_plain)[0])\n\
             except smtplib.SMTPResponseException as e:\n    print(e.smtp_code)\n\
             try:\n    s.quit()\nexcept Exception:\n    pass\n"
        );
    }
    let out = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let codes: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(
        codes,
        ["235", "535", "535", "535", "535", "535", "454"],
        "five failures over three nodes block the client on every node"
    );
}
