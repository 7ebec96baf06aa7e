//! `sluis policy check [PATH]` and `sluis policy test`: the practice
//! manager's tools. Output is Dutch first, then English.
//!
//! Promises: `check` prints every diagnostic and exits 1 when there is an
//! error (0 otherwise, warnings included). `test` runs the real scanner and
//! the real policy on a sample message and shows per recipient the action,
//! the rule and the findings behind it; evidence is masked (digit runs are
//! cut to their last four), and no message text or subject is printed.
//! Exit status of `test`: 0 done, 1 policy invalid, 2 message unreadable.

use super::{Evaluation, PolicySet};
use crate::config::InspectConfig;
use crate::policy::{subject_of, MessageContext};
use crate::types::{Action, ScanReport};
use std::fmt::Write as _;
use std::path::Path;

/// Longest sample message `policy test` reads.
pub const MAX_TEST_MESSAGE_BYTES: u64 = 100 * 1024 * 1024;

/// The text `check` prints and its exit status.
pub fn check_report(path: &Path) -> (String, i32) {
    let (set, diags) = super::load::load_path(path);
    let mut out = String::new();
    for d in &diags {
        let _ = writeln!(out, "{d}");
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    match set {
        Some(set) if errors == 0 => {
            let rules: usize = set.tenants.values().map(|t| t.rules.len()).sum();
            let tenants = set.tenants().join(", ");
            let _ = writeln!(
                out,
                "beleid in orde: {rules} regels, tenant(s) {tenants}, {warnings} waarschuwing(en) / \
                 policy OK: {rules} rules, tenant(s) {tenants}, {warnings} warning(s)"
            );
            out.push_str(&chains_text(&set));
            (out, 0)
        }
        _ => {
            let _ = writeln!(
                out,
                "{errors} fout(en), {warnings} waarschuwing(en); het beleid wordt niet geladen / \
                 {errors} error(s), {warnings} warning(s); the policy is not loaded"
            );
            (out, 1)
        }
    }
}

/// `sluis policy check [PATH] --json`: one object with `ok`, the counts and
/// every diagnostic as the line `check` prints (`file:line:col: ...`).
pub fn run_check_json(path: &Path) -> i32 {
    let (set, diags) = super::load::load_path(path);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let ok = set.is_some() && errors == 0;
    let rules: Option<usize> = set
        .as_ref()
        .filter(|_| ok)
        .map(|s| s.tenants.values().map(|t| t.rules.len()).sum());
    let v = serde_json::json!({
        "ok": ok,
        "errors": errors,
        "warnings": diags.len() - errors,
        "rules": rules,
        "diagnostics": diags.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
    });
    println!("{v}");
    i32::from(!ok)
}

/// `sluis policy check [PATH]`.
pub fn run_check(path: &Path) -> i32 {
    let (out, code) = check_report(path);
    print!("{out}");
    code
}

/// `sluis policy test --from A --to B [--to C] MESSAGE.eml [--json]`.
pub fn run_test(
    policy_dir: &Path,
    from: &str,
    to: &[String],
    eml: &Path,
    json: bool,
    inspect_cfg: &InspectConfig,
) -> i32 {
    let set = match PolicySet::load(policy_dir) {
        Ok(set) => set,
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!("beleid ongeldig / policy invalid");
            return 1;
        }
    };
    let raw = match read_bounded(eml) {
        Ok(raw) => raw,
        Err(e) => {
            eprintln!(
                "kan bericht niet lezen / cannot read message: {}: {e}",
                eml.display()
            );
            return 2;
        }
    };
    let (report, evaluation) = test_message(&set, from, to, &raw, inspect_cfg);
    if json {
        println!("{}", test_json(&report, &evaluation));
    } else {
        print!("{}", test_text(&report, &evaluation));
    }
    0
}

/// Scan `raw` with the real inspector and decide with `set`, as the
/// server would for this sender and these recipients.
pub fn test_message(
    set: &PolicySet,
    from: &str,
    to: &[String],
    raw: &[u8],
    inspect_cfg: &InspectConfig,
) -> (ScanReport, Evaluation) {
    let report = crate::inspect::scan(raw, inspect_cfg);
    let ctx = MessageContext {
        tenant: pick_tenant(set),
        mail_from: from.to_string(),
        sender_account: None,
        recipients: to.to_vec(),
        subject: subject_of(raw),
        size: raw.len() as u64,
        always_sensitive: false,
        min_transport: None,
    };
    let evaluation = set.evaluate(&ctx, &report);
    (report, evaluation)
}

fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    let len = std::fs::metadata(path)?.len();
    if len > MAX_TEST_MESSAGE_BYTES {
        return Err(std::io::Error::other(format!(
            "larger than {MAX_TEST_MESSAGE_BYTES} bytes"
        )));
    }
    std::fs::read(path)
}

/// `default` when it has a policy, else the only tenant, else `default`
/// (which then gets the built-in safe policy).
fn pick_tenant(set: &PolicySet) -> String {
    let tenants = set.tenants();
    if tenants.iter().any(|t| t == "default") || tenants.len() != 1 {
        return "default".into();
    }
    tenants
        .into_iter()
        .next()
        .unwrap_or_else(|| "default".into())
}

/// Keep at most the last four digits of every run of five or more digits
/// (a BSN in a file name or reason never reaches the terminal).
pub fn mask_digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if run == 0 {
            out.extend(chars.get(i));
            i += 1;
            continue;
        }
        for (k, c) in chars.get(i..i + run).unwrap_or(&[]).iter().enumerate() {
            out.push(if run >= 5 && k + 4 < run { '*' } else { *c });
        }
        i += run;
    }
    out
}

/// One line for an action and its whole fallback chain, Dutch and
/// English at each step (`deliver, transport nta7516; lukt dat niet / if
/// that cannot be met: pickup`).
pub fn describe_action(action: &Action) -> String {
    match action {
        Action::Deliver {
            transport,
            fallback: None,
        } => format!("deliver, transport {}", transport.as_str()),
        Action::Deliver {
            transport,
            fallback: Some(f),
        } => format!(
            "deliver, transport {}; lukt dat niet / if that cannot be met: {}",
            transport.as_str(),
            describe_action(f)
        ),
        Action::Encrypt { fallback } => format!("encrypt, fallback {}", describe_action(fallback)),
        Action::Pickup => "pickup".into(),
        Action::Block { reason } => format!("block: {}", reason.one_line()),
    }
}

/// Does this action have a chain worth spelling out (a `deliver` with a
/// fallback somewhere in it)?
fn has_chain(action: &Action) -> bool {
    match action {
        Action::Deliver { fallback, .. } => fallback.is_some(),
        Action::Encrypt { fallback } => has_chain(fallback),
        _ => false,
    }
}

/// For `check`: every rule (and `[default]`) with a chain, spelled out, so
/// the practice manager reads what the file says in order.
fn chains_text(set: &PolicySet) -> String {
    let mut out = String::new();
    let mut tenants: Vec<_> = set.tenants.values().collect();
    tenants.sort_by(|a, b| a.tenant.cmp(&b.tenant));
    for t in tenants {
        let rules = t.rules.iter().filter_map(|r| match &r.kind {
            super::model::RuleKind::Decide(a) => Some((r.id.as_str(), a)),
            _ => None,
        });
        for (id, action) in rules.chain([(t.default_id.as_str(), &t.default)]) {
            if has_chain(action) {
                let _ = writeln!(out, "  keten/chain {id}: {}", describe_action(action));
            }
        }
    }
    out
}

fn location(f: &crate::types::Finding) -> String {
    let l = &f.location;
    let mut s = format!("deel/part {}", l.part);
    if let Some(name) = &l.filename {
        let _ = write!(s, ", bestand/file {}", mask_digits(name));
    }
    if let Some(page) = l.page {
        let _ = write!(s, ", pagina/page {page}");
    }
    if let Some(field) = &l.field {
        let _ = write!(s, ", veld/field {}", mask_digits(field));
    }
    s
}

/// Human-readable `policy test` output.
pub fn test_text(report: &ScanReport, ev: &Evaluation) -> String {
    let mut out = String::new();
    let cats: Vec<&str> = report
        .categories()
        .into_iter()
        .map(|c| c.as_str())
        .collect();
    let cats = if cats.is_empty() {
        "-".to_string()
    } else {
        cats.join(", ")
    };
    let (u_nl, u_en) = if report.is_unscannable() {
        ("ja", "yes")
    } else {
        ("nee", "no")
    };
    let _ = writeln!(out, "tenant: {}", ev.tenant);
    let _ = writeln!(
        out,
        "scan: categorieën/categories: {cats}; onleesbaar/unscannable: {u_nl}/{u_en}; {} ms",
        report.elapsed_us / 1000
    );
    for f in &report.findings {
        let _ = writeln!(
            out,
            "  vondst/finding: {} ({}) {}: {} [{:.2}]",
            f.category,
            f.detector,
            location(f),
            mask_digits(&f.evidence),
            f.confidence
        );
    }
    for r in &report.unscannable {
        let _ = writeln!(out, "  onleesbaar/unscannable: {}", mask_digits(r));
    }
    if ev.subject_rewrite.is_some() {
        let _ = writeln!(
            out,
            "onderwerp: trigger gevonden en verwijderd / subject: trigger found and removed"
        );
    }
    for o in &ev.outcomes {
        let d = &o.decision;
        let _ = writeln!(out, "{}: {}", d.recipient, describe_action(&d.action));
        let _ = writeln!(out, "  regel/rule: {}", d.rule);
        if o.floor_raised {
            let _ = writeln!(
                out,
                "  ondergrens toegepast: gevoelige mail minstens dane-or-mta-sts / \
                 floor applied: sensitive mail at least dane-or-mta-sts"
            );
        }
        if let Some((rule, why)) = &o.exception {
            let _ = writeln!(out, "  uitzondering/exception: {rule} ({why})");
        }
    }
    out
}

/// Machine-readable `policy test` output (one JSON object).
pub fn test_json(report: &ScanReport, ev: &Evaluation) -> serde_json::Value {
    let findings: Vec<_> = report
        .findings
        .iter()
        .map(|f| {
            let mut loc = serde_json::to_value(&f.location).unwrap_or_default();
            if let Some(name) = &f.location.filename {
                loc["filename"] = mask_digits(name).into();
            }
            serde_json::json!({
                "category": f.category,
                "detector": f.detector,
                "location": loc,
                "evidence": mask_digits(&f.evidence),
                "confidence": f.confidence,
            })
        })
        .collect();
    let recipients: Vec<_> = ev
        .outcomes
        .iter()
        .map(|o| {
            serde_json::json!({
                "recipient": o.decision.recipient,
                "decision": o.decision.action,
                "rule": o.decision.rule,
                "floor_raised": o.floor_raised,
                "exception": o.exception.as_ref().map(|(rule, why)| serde_json::json!({
                    "rule": rule, "justification": why,
                })),
            })
        })
        .collect();
    serde_json::json!({
        "tenant": ev.tenant,
        "scan": {
            "categories": report.categories(),
            "unscannable": report.is_unscannable(),
            "unscannable_reasons": report.unscannable.iter().map(|r| mask_digits(r)).collect::<Vec<_>>(),
            "findings": findings,
            "elapsed_us": report.elapsed_us,
        },
        "subject_trigger": ev.subject_rewrite.is_some(),
        "recipients": recipients,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_runs_keep_only_their_last_four() {
        assert_eq!(mask_digits("bsn 123456782.pdf"), "bsn *****6782.pdf");
        assert_eq!(mask_digits("pagina 12 van 2024"), "pagina 12 van 2024");
        assert_eq!(mask_digits("12345"), "*2345");
    }
}
