//! The report of `sluis delivery check` for a person: the same facts as
//! the JSON, one a line, in words (no JSON), and where the JSON says
//! `refuse`, why ([`Refusal`]: a temporary failure such as a SERVFAIL, a
//! host that is not usable, a permanent failure).

use crate::delivery::check_report::{
    CheckReport, NtaReport, Refusal, StsReport, TlsRptReport, TlsaReport,
};
use crate::delivery::tls_policy::mta_sts::Mode;

fn yes_no(b: bool) -> &'static str {
    if b {
        "ja / yes"
    } else {
        "nee / no"
    }
}

fn nta_text(n: Option<&NtaReport>) -> String {
    match n {
        None => "geen / none".into(),
        Some(NtaReport::Error { error }) => format!("fout / error: {error}"),
        Some(NtaReport::Record { record, dnssec }) => {
            let hosts: Vec<String> = record
                .mx
                .iter()
                .map(|(p, h)| format!("{h} ({p})"))
                .collect();
            let provider = record
                .provider
                .as_deref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default();
            format!(
                "{}, {:04}-{:02} .. {:04}-{:02}{provider}, dnssec {dnssec}",
                hosts.join(", "),
                record.start.year,
                record.start.month,
                record.end.year,
                record.end.month,
            )
        }
    }
}

fn tlsrpt_text(t: &TlsRptReport) -> String {
    match t {
        TlsRptReport::Rua { rua: Some(rua) } => rua.join(", "),
        TlsRptReport::Rua { rua: None } => "geen / none".into(),
        TlsRptReport::Error { error } => format!("fout / error: {error}"),
    }
}

fn sts_text(s: Option<&StsReport>) -> String {
    match s {
        None => "geen beleid / no policy".into(),
        Some(StsReport::Invalid { error }) => format!("ongeldig / invalid: {error}"),
        Some(StsReport::Policy {
            id,
            mode,
            mx,
            max_age,
        }) => {
            let mode = match mode {
                Mode::Enforce => "enforce",
                Mode::Testing => "testing",
                Mode::None => "none",
            };
            format!("{mode}, mx {}, max_age {max_age}, id {id}", mx.join(", "))
        }
    }
}

fn tlsa_text(t: &TlsaReport) -> String {
    let mut s = t.record.clone();
    if !t.usable {
        s.push_str(" (onbruikbaar / unusable)");
    }
    if t.matched {
        s.push_str(" (gebruikt / matched)");
    }
    s
}

/// The result word of a host or the domain: the outcome word when usable,
/// otherwise why not.
fn result_text(word: &str, refusal: Option<Refusal>) -> String {
    match refusal {
        Some(r) if word == "refuse" => r.text().into(),
        _ => word.into(),
    }
}

pub(super) fn print_text(r: &CheckReport) {
    print!("{}", text(r));
}

/// The report for a person: one fact a line, in words (no JSON).
fn text(r: &CheckReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let p = r.planned.as_ref();
    let _ = writeln!(out, "domain   {}", r.domain);
    if let Some(p) = p {
        let _ = writeln!(out, "nta7516  {}", nta_text(p.nta7516.as_ref()));
        let _ = writeln!(out, "tls-rpt  {}", tlsrpt_text(&p.tlsrpt));
        let _ = writeln!(out, "dnssec   {}", p.dnssec);
        let _ = writeln!(out, "mta-sts  {}", sts_text(p.mta_sts.as_ref()));
    }
    if let Some(e) = &r.error {
        let _ = writeln!(out, "error    {e}");
    }
    for m in &r.mx {
        let _ = writeln!(
            out,
            "mx {} (pref {}, from {})",
            m.host, m.preference, m.source
        );
        let probe = m.probe.as_ref();
        let mut rows: Vec<(&str, Option<String>)> = vec![
            (
                "addresses",
                Some(if m.addresses.is_empty() {
                    "-".into()
                } else {
                    m.addresses.join(", ")
                }),
            ),
            ("dnssec", Some(m.dnssec.into())),
            ("cname", m.cname.clone()),
            ("tlsa_status", Some(m.tlsa_status.clone())),
        ];
        rows.extend(m.tlsa.iter().map(|t| ("tlsa", Some(tlsa_text(t)))));
        rows.extend([
            ("tlsa_base", m.tlsa_base.clone()),
            ("level", m.level.map(String::from)),
            ("sni", m.sni.clone()),
            ("starttls", probe.map(|p| yes_no(p.starttls).into())),
            ("tls_version", probe.and_then(|p| p.tls_version.clone())),
            (
                "authentication",
                probe.and_then(|p| p.authentication.map(String::from)),
            ),
            (
                "tlsrpt_result",
                probe.and_then(|p| p.tlsrpt_result.map(String::from)),
            ),
            ("result", Some(result_text(m.result, m.refusal))),
            ("error", m.error.clone()),
        ]);
        for (k, v) in rows {
            if let Some(v) = v {
                let _ = writeln!(out, "    {k:<15}{v}");
            }
        }
    }
    let _ = writeln!(
        out,
        "outcome  {} (via {})",
        result_text(r.outcome.as_str(), r.refusal),
        p.and_then(|p| p.via.as_deref()).unwrap_or("-")
    );
    if let Some(p) = p {
        let meets: Vec<String> = p
            .satisfies
            .iter()
            .map(|(req, ok)| format!("{req} {}", yes_no(*ok)))
            .collect();
        let _ = writeln!(out, "meets    {}", meets.join(", "));
        // The route check before "250" (a `deliver` with a fallback).
        for (req, v) in &p.before_250 {
            let text = match v.as_str() {
                "may" => "mogelijk / may be met".to_string(),
                "unknown" => {
                    "onbekend (DNS gaf geen antwoord) / unknown (no DNS answer)".to_string()
                }
                other => other
                    .strip_prefix("cannot: ")
                    .map(|why| {
                        format!("kan niet, fallback meteen / cannot, fallback at once: {why}")
                    })
                    .unwrap_or_else(|| other.to_string()),
            };
            let _ = writeln!(out, "before 250  {req}: {text}");
        }
    }
    if let Some(b) = &r.summary {
        let _ = writeln!(out, "         {} / {}", b.nl, b.en);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::check_report::{MxReport, Outcome, Planned};
    use crate::types::Bilingual;
    use std::collections::BTreeMap;

    /// The text form is words for a person: no JSON, and a refusal says
    /// why (a SERVFAIL is a temporary failure, not "refuse").
    #[test]
    fn text_is_for_people() {
        let mx = MxReport {
            host: "mx.a.nl".into(),
            preference: 10,
            source: "mx",
            addresses: vec!["192.0.2.1".into(), "2001:db8::1".into()],
            dnssec: "secure",
            cname: None,
            tlsa_status: "lookup failed: SERVFAIL".into(),
            tlsa: vec![],
            tlsa_base: None,
            sni: None,
            level: None,
            probe: None,
            result: "refuse",
            error: Some("TLSA lookup failed: SERVFAIL".into()),
            refusal: Some(Refusal::Temporary),
        };
        let report = CheckReport {
            domain: "a.nl".into(),
            outcome: Outcome::Refuse,
            error: None,
            summary: Some(Bilingual::new("nl", "en")),
            planned: Some(Planned {
                satisfies: BTreeMap::from([("none", false), ("tls", false)]),
                via: None,
                dnssec: "secure",
                mta_sts: Some(StsReport::Policy {
                    id: "1".into(),
                    mode: Mode::Enforce,
                    mx: vec!["mx.a.nl".into()],
                    max_age: 86400,
                }),
                nta7516: None,
                tlsrpt: TlsRptReport::Rua {
                    rua: Some(vec!["mailto:tlsrpt@a.nl".into()]),
                },
                before_250: BTreeMap::from([
                    ("dane", "may".to_string()),
                    ("nta7516", "cannot: 4.7.5 x / y".to_string()),
                ]),
            }),
            mx: vec![mx],
            refusal: Some(Refusal::Temporary),
        };
        let t = text(&report);
        assert!(!t.contains(['{', '[', '"']), "{t}");
        assert!(!t.contains("refuse"), "{t}");
        assert!(
            t.contains("result         tijdelijke fout / temporary failure"),
            "{t}"
        );
        assert!(
            t.contains("outcome  tijdelijke fout / temporary failure (via -)"),
            "{t}"
        );
        assert!(
            t.contains("mta-sts  enforce, mx mx.a.nl, max_age 86400, id 1"),
            "{t}"
        );
        assert!(t.contains("addresses      192.0.2.1, 2001:db8::1"), "{t}");
        assert!(t.contains("tls-rpt  mailto:tlsrpt@a.nl"), "{t}");
        assert!(t.contains("meets    none nee / no, tls nee / no"), "{t}");
        assert!(
            t.contains("before 250  dane: mogelijk / may be met\n"),
            "{t}"
        );
        assert!(
            t.contains("before 250  nta7516: kan niet, fallback meteen / cannot, fallback at once: 4.7.5 x / y\n"),
            "{t}"
        );
    }
}
