//! `sluis policy test`: the real scanner plus the shipped policy on sample
//! messages from the shared corpus (`../shared/corpus/dev`, or
//! `SLUIS_CORPUS_DIR`), and the exact shape of the text and JSON output.

use sluis::config::InspectConfig;
use sluis::policy::cli::{test_json, test_message, test_text};
use sluis::policy::{rewrite_subject, subject_of, MessageContext, PolicySet};
use sluis::types::{Action, Category, Finding, Location, ScanReport, TransportRequirement};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = std::env::var_os("SLUIS_CORPUS_DIR")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    candidates.push("../shared/corpus/dev".into());
    // Helper worktrees live one level deeper than the main clone.
    candidates.push("../../shared/corpus/dev".into());
    let found = candidates
        .into_iter()
        .find(|p| p.join("labels.tsv").is_file());
    if found.is_none() {
        eprintln!("note: corpus not found (../shared/corpus/dev); corpus tests skipped");
    }
    found
}

const MAX_SAMPLE_BYTES: u64 = 1024 * 1024;

fn shipped() -> PolicySet {
    PolicySet::load(Path::new("policies")).unwrap()
}

fn to() -> Vec<String> {
    vec![
        "a@ziekenhuis-noord.test".into(),
        "patient@mail.example".into(),
    ]
}

/// Longest run of ASCII digits in `text`.
fn longest_digit_run(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0)
}

struct Label {
    file: String,
    sensitive: bool,
}

fn labels(dir: &Path) -> Vec<Label> {
    let text = std::fs::read_to_string(dir.join("labels.tsv")).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let flag = |i: usize| cols.get(i).is_some_and(|v| *v == "1");
            Some(Label {
                file: cols.first()?.to_string(),
                sensitive: (1..=4).any(flag),
            })
        })
        .collect()
}

#[test]
fn every_corpus_message_gets_the_decision_its_scan_calls_for() {
    let Some(dir) = corpus() else { return };
    let set = shipped();
    let cfg = InspectConfig::default();
    let (mut protected, mut sensitive) = (0, 0);
    for label in labels(&dir) {
        let path = dir.join(&label.file);
        // The few multi-megabyte messages are for speed tests; scanning them
        // in a debug build adds little here.
        if std::fs::metadata(&path).unwrap().len() > MAX_SAMPLE_BYTES {
            continue;
        }
        let raw = std::fs::read(&path).unwrap();
        let (report, ev) = test_message(&set, "balie@praktijk-delinde.nl", &to(), &raw, &cfg);
        assert_eq!(ev.outcomes.len(), 2, "{}", label.file);
        assert_eq!(ev.subject_rewrite, None, "{}", label.file);
        for o in &ev.outcomes {
            let d = &o.decision;
            if report.is_clean() {
                assert_eq!(
                    d.action,
                    Action::Deliver {
                        transport: TransportRequirement::None,
                        fallback: None,
                    },
                    "{}",
                    label.file
                );
                assert_eq!(d.rule, "default.toml:default", "{}", label.file);
            } else {
                // Sure findings and unreadable content: encrypt, NTA 7516,
                // pickup; the uncertain band (below 0.9): encrypt, direct
                // only with authenticated TLS, pickup.
                let sure = report.findings.iter().any(|f| f.confidence >= 0.9);
                let (rule, chain) = if sure {
                    ("default.toml:gevoelig", shipped_chain())
                } else if report.is_unscannable() {
                    ("default.toml:onleesbaar", shipped_chain())
                } else {
                    ("default.toml:gevoelig-onzeker", uncertain_chain())
                };
                assert_eq!(d.action, chain, "{}", label.file);
                assert_eq!(d.rule, rule, "{}", label.file);
            }
        }
        // What a practice manager sees never holds a full BSN-like number
        // or the subject.
        let text = test_text(&report, &ev);
        let json = test_json(&report, &ev);
        assert!(longest_digit_run(&text) < 9, "{}: {text}", label.file);
        let mut shown = json["scan"]["unscannable_reasons"].to_string();
        for f in json["scan"]["findings"].as_array().into_iter().flatten() {
            shown.push_str(&f["evidence"].to_string());
            shown.push_str(&f["location"].to_string());
        }
        assert!(longest_digit_run(&shown) < 5, "{}: {shown}", label.file);
        if let Some(subject) = subject_of(&raw).filter(|s| s.len() > 8) {
            assert!(!text.contains(&subject), "{}: subject shown", label.file);
        }
        if label.sensitive {
            sensitive += 1;
            protected += usize::from(!report.is_clean());
        }
    }
    eprintln!("note: scanner protected {protected} of {sensitive} sensitive corpus messages");
}

#[test]
fn a_subject_trigger_on_a_corpus_message_forces_encryption_and_is_stripped() {
    let Some(dir) = corpus() else { return };
    let raw = std::fs::read(dir.join("msg-001.eml")).unwrap();
    let text = String::from_utf8_lossy(&raw).replacen(
        "Subject: Nieuwe werkwijze herhaalrecepten",
        "Subject: [Beveiligd] Nieuwe werkwijze herhaalrecepten",
        1,
    );
    assert_ne!(text.as_bytes(), raw.as_slice(), "fixture changed");
    let (_, ev) = test_message(
        &shipped(),
        "balie@praktijk-delinde.nl",
        &to(),
        text.as_bytes(),
        &InspectConfig::default(),
    );
    assert_eq!(
        ev.subject_rewrite.as_deref(),
        Some("Nieuwe werkwijze herhaalrecepten")
    );
    // The message that leaves carries the stripped subject, body untouched.
    let out = rewrite_subject(text.as_bytes(), ev.subject_rewrite.as_deref().unwrap());
    assert_eq!(out, raw, "only the trigger may change");
    for o in &ev.outcomes {
        assert_eq!(o.decision.rule, "default.toml:onderwerp-beveiligd");
        assert_eq!(o.decision.action, shipped_chain());
    }
}

/// What the shipped policy does with sensitive mail: encrypt; else NTA
/// 7516 direct; else pickup.
fn shipped_chain() -> Action {
    Action::Encrypt {
        fallback: Box::new(Action::Deliver {
            transport: TransportRequirement::Nta7516,
            fallback: Some(Box::new(Action::Pickup)),
        }),
    }
}

/// The uncertain band of the shipped policy: encrypt; else deliver with
/// `dane-or-mta-sts`; else pickup.
fn uncertain_chain() -> Action {
    Action::Encrypt {
        fallback: Box::new(Action::Deliver {
            transport: TransportRequirement::DaneOrMtaSts,
            fallback: Some(Box::new(Action::Pickup)),
        }),
    }
}

#[test]
fn the_uncertain_band_is_delivered_only_over_authenticated_tls() {
    // A bare nine-digit number that passes the BSN check, in a text about
    // a person with no label: a finding in the uncertain band.
    let raw = b"From: dokter@praktijk-delinde.nl\r\nTo: a@ziekenhuis-noord.test\r\n\
                Subject: Terugbellen\r\n\r\nBeste collega, wil je meneer terugbellen over 111222333?\r\n";
    let (report, ev) = test_message(
        &shipped(),
        "dokter@praktijk-delinde.nl",
        &["a@ziekenhuis-noord.test".to_string()],
        raw,
        &InspectConfig::default(),
    );
    let top = report
        .findings
        .iter()
        .map(|f| f.confidence)
        .fold(0.0, f32::max);
    assert!((0.5..0.9).contains(&top), "not in the band: {report:?}");
    assert_eq!(
        ev.outcomes[0].decision.rule,
        "default.toml:gevoelig-onzeker"
    );
    assert_eq!(ev.outcomes[0].decision.action, uncertain_chain());
}

#[test]
fn policy_test_spells_out_the_shipped_chain() {
    let raw = b"From: dokter@praktijk-delinde.nl\r\nTo: a@ziekenhuis-noord.test\r\n\
                Subject: Uitslag\r\n\r\nBSN 111222333. Uw HbA1c is 64 mmol/mol.\r\n";
    let (report, ev) = test_message(
        &shipped(),
        "dokter@praktijk-delinde.nl",
        &["a@ziekenhuis-noord.test".to_string()],
        raw,
        &InspectConfig::default(),
    );
    let text = test_text(&report, &ev);
    assert!(
        text.contains(
            "a@ziekenhuis-noord.test: encrypt, fallback deliver, transport nta7516; \
             lukt dat niet / if that cannot be met: pickup\n  regel/rule: default.toml:gevoelig\n"
        ),
        "{text}"
    );
}

fn sample_report() -> ScanReport {
    ScanReport {
        size: 2048,
        findings: vec![Finding {
            category: Category::Bsn,
            detector: "bsn".into(),
            location: Location {
                part: "2".into(),
                filename: Some("verwijzing-123456782.pdf".into()),
                page: Some(3),
                field: None,
            },
            evidence: "*****6782".into(),
            confidence: 0.99,
        }],
        unscannable: vec![],
        elapsed_us: 4200,
        ..ScanReport::default()
    }
}

fn sample_evaluation() -> sluis::policy::Evaluation {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.toml"),
        "tenant = \"default\"\n[[rule]]\nname = \"partner\"\nrecipient_domain = [\"ziekenhuis-noord.test\"]\n\
         categories = [\"bsn\"]\naction = \"deliver\"\ntransport = \"dane\"\n\
         [default]\naction = \"deliver\"\ntransport = \"none\"\n",
    )
    .unwrap();
    let set = PolicySet::load(dir.path()).unwrap();
    let ctx = MessageContext {
        tenant: "default".into(),
        mail_from: "dokter@praktijk.test".into(),
        recipients: to(),
        size: 2048,
        ..MessageContext::default()
    };
    set.evaluate(&ctx, &sample_report())
}

#[test]
fn text_output_shows_decision_rule_and_masked_findings_per_recipient() {
    let text = test_text(&sample_report(), &sample_evaluation());
    assert_eq!(
        text,
        "tenant: default\n\
         scan: categorieën/categories: bsn; onleesbaar/unscannable: nee/no; 4 ms\n  \
         vondst/finding: bsn (bsn) deel/part 2, bestand/file verwijzing-*****6782.pdf, pagina/page 3: *****6782 [0.99]\n\
         a@ziekenhuis-noord.test: deliver, transport dane\n  \
         regel/rule: p.toml:partner\n\
         patient@mail.example: deliver, transport dane-or-mta-sts\n  \
         regel/rule: p.toml:default\n  \
         ondergrens toegepast: gevoelige mail minstens dane-or-mta-sts / floor applied: sensitive mail at least dane-or-mta-sts\n"
    );
}

#[test]
fn json_output_has_scan_and_per_recipient_decisions() {
    let json = test_json(&sample_report(), &sample_evaluation());
    assert_eq!(json["tenant"], "default");
    assert_eq!(json["scan"]["categories"], serde_json::json!(["bsn"]));
    assert_eq!(json["scan"]["unscannable"], false);
    assert_eq!(json["scan"]["findings"][0]["evidence"], "*****6782");
    assert_eq!(
        json["scan"]["findings"][0]["location"]["filename"],
        "verwijzing-*****6782.pdf"
    );
    assert_eq!(json["subject_trigger"], false);
    let r = &json["recipients"];
    assert_eq!(r[0]["recipient"], "a@ziekenhuis-noord.test");
    assert_eq!(
        r[0]["decision"],
        serde_json::json!({"action": "deliver", "transport": "dane"})
    );
    assert_eq!(r[0]["rule"], "p.toml:partner");
    assert_eq!(r[0]["floor_raised"], false);
    assert_eq!(r[1]["decision"]["transport"], "dane-or-mta-sts");
    assert_eq!(r[1]["floor_raised"], true);
    assert_eq!(r[1]["exception"], serde_json::Value::Null);
}

#[test]
fn run_test_exit_codes() {
    let cfg = InspectConfig::default();
    let dir = tempfile::tempdir().unwrap();
    let eml = dir.path().join("m.eml");
    std::fs::write(&eml, "From: a@b.test\r\nSubject: hoi\r\n\r\nhallo\r\n").unwrap();
    let policies = Path::new("policies");
    let to = to();
    assert_eq!(
        sluis::policy::cli::run_test(policies, "a@b.test", &to, &eml, true, &cfg),
        0
    );
    assert_eq!(
        sluis::policy::cli::run_test(
            policies,
            "a@b.test",
            &to,
            &dir.path().join("missing.eml"),
            false,
            &cfg
        ),
        2
    );
    let broken = Path::new("tests/fixtures/policy/broken-syntax.toml");
    assert_eq!(
        sluis::policy::cli::run_test(broken, "a@b.test", &to, &eml, false, &cfg),
        1
    );
}
