//! SMTP TLS Reporting (RFC 8460): the `_smtp._tls` TXT record, a recorder
//! of TLS session results per policy domain, and the daily aggregate
//! report as JSON.
//!
//! Promises: pure (no I/O, no clock: the caller passes the day); counts
//! saturate instead of overflowing; the number of distinct failure rows
//! per policy is bounded (`max_failure_rows`, extra failures still count in
//! the summary). Storage and sending (mail or HTTPS to `rua`) come later.

use serde_json::{json, Value};
use std::collections::BTreeMap;

/// RFC 8460 §4.3 result types used by Sluis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResultType {
    StarttlsNotSupported,
    CertificateHostMismatch,
    CertificateExpired,
    CertificateNotTrusted,
    ValidationFailure,
    TlsaInvalid,
    DnssecInvalid,
    DaneRequired,
    StsPolicyFetchError,
    StsPolicyInvalid,
    StsWebpkiInvalid,
}

impl ResultType {
    pub fn as_str(self) -> &'static str {
        match self {
            ResultType::StarttlsNotSupported => "starttls-not-supported",
            ResultType::CertificateHostMismatch => "certificate-host-mismatch",
            ResultType::CertificateExpired => "certificate-expired",
            ResultType::CertificateNotTrusted => "certificate-not-trusted",
            ResultType::ValidationFailure => "validation-failure",
            ResultType::TlsaInvalid => "tlsa-invalid",
            ResultType::DnssecInvalid => "dnssec-invalid",
            ResultType::DaneRequired => "dane-required",
            ResultType::StsPolicyFetchError => "sts-policy-fetch-error",
            ResultType::StsPolicyInvalid => "sts-policy-invalid",
            ResultType::StsWebpkiInvalid => "sts-webpki-invalid",
        }
    }
}

/// The RFC 8460 result type for a failed TLS handshake, from the error
/// tokio-rustls returned (it wraps the `rustls::Error`). `dane` tells
/// whether the DANE verifier was in use.
pub fn handshake_failure_type(e: &std::io::Error, dane: bool) -> ResultType {
    use rustls::CertificateError as C;
    let inner = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>());
    match inner {
        Some(rustls::Error::InvalidCertificate(c)) => match c {
            C::NotValidForName | C::NotValidForNameContext { .. } => {
                ResultType::CertificateHostMismatch
            }
            C::Expired | C::ExpiredContext { .. } => ResultType::CertificateExpired,
            C::UnknownIssuer | C::BadSignature => ResultType::CertificateNotTrusted,
            _ => ResultType::ValidationFailure,
        },
        Some(rustls::Error::General(_)) if dane => ResultType::ValidationFailure,
        _ => ResultType::ValidationFailure,
    }
}

/// The policy a session was evaluated against.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PolicyKind {
    /// TLSA records (presentation form).
    Tlsa(Vec<String>),
    /// An MTA-STS policy: its text lines and MX patterns.
    Sts {
        lines: Vec<String>,
        mx: Vec<String>,
    },
    NoPolicyFound,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct FailureKey {
    result: ResultType,
    sending_ip: String,
    mx_host: String,
    receiving_ip: String,
}

#[derive(Default, Debug)]
struct PolicyStats {
    success: u64,
    failure: u64,
    failures: BTreeMap<FailureKey, u64>,
}

/// Results of one day, keyed by (policy domain, policy).
#[derive(Debug)]
pub struct Recorder {
    max_failure_rows: usize,
    policies: BTreeMap<(String, PolicyKind), PolicyStats>,
}

impl Recorder {
    pub fn new(max_failure_rows: usize) -> Self {
        Recorder {
            max_failure_rows,
            policies: BTreeMap::new(),
        }
    }

    pub fn success(&mut self, domain: &str, policy: &PolicyKind) {
        let s = self.entry(domain, policy);
        s.success = s.success.saturating_add(1);
    }

    pub fn failure(
        &mut self,
        domain: &str,
        policy: &PolicyKind,
        result: ResultType,
        sending_ip: &str,
        mx_host: &str,
        receiving_ip: &str,
    ) {
        let max = self.max_failure_rows;
        let s = self.entry(domain, policy);
        s.failure = s.failure.saturating_add(1);
        let key = FailureKey {
            result,
            sending_ip: sending_ip.to_string(),
            mx_host: mx_host.to_ascii_lowercase(),
            receiving_ip: receiving_ip.to_string(),
        };
        if let Some(n) = s.failures.get_mut(&key) {
            *n = n.saturating_add(1);
        } else if s.failures.len() < max {
            s.failures.insert(key, 1);
        }
    }

    fn entry(&mut self, domain: &str, policy: &PolicyKind) -> &mut PolicyStats {
        self.policies
            .entry((domain.to_ascii_lowercase(), policy.clone()))
            .or_default()
    }

    /// Policy domains with results.
    pub fn domains(&self) -> Vec<String> {
        let mut d: Vec<String> = self.policies.keys().map(|(d, _)| d.clone()).collect();
        d.dedup();
        d
    }

    /// The RFC 8460 §4.4 report for one policy domain and one UTC day
    /// (`day` as `YYYY-MM-DD`).
    pub fn report(
        &self,
        domain: &str,
        day: &str,
        org: &str,
        contact: &str,
        report_id: &str,
    ) -> Value {
        let domain = domain.to_ascii_lowercase();
        let policies: Vec<Value> = self
            .policies
            .iter()
            .filter(|((d, _), _)| *d == domain)
            .map(|((d, kind), stats)| {
                let policy = match kind {
                    PolicyKind::Tlsa(recs) => json!({"policy-type": "tlsa",
                        "policy-string": recs, "policy-domain": d}),
                    PolicyKind::Sts { lines, mx } => json!({"policy-type": "sts",
                        "policy-string": lines, "policy-domain": d, "mx-host": mx}),
                    PolicyKind::NoPolicyFound => json!({"policy-type": "no-policy-found",
                        "policy-domain": d}),
                };
                let details: Vec<Value> = stats
                    .failures
                    .iter()
                    .map(|(k, n)| {
                        json!({"result-type": k.result.as_str(),
                        "sending-mta-ip": k.sending_ip, "receiving-mx-hostname": k.mx_host,
                        "receiving-ip": k.receiving_ip, "failed-session-count": n})
                    })
                    .collect();
                json!({"policy": policy,
                    "summary": {"total-successful-session-count": stats.success,
                                "total-failure-session-count": stats.failure},
                    "failure-details": details})
            })
            .collect();
        json!({
            "organization-name": org,
            "date-range": {"start-datetime": format!("{day}T00:00:00Z"),
                           "end-datetime": format!("{day}T23:59:59Z")},
            "contact-info": contact,
            "report-id": report_id,
            "policies": policies,
        })
    }
}

/// `_smtp._tls` TXT (§3): the `rua` destinations of the one `v=TLSRPTv1`
/// record; `None` if there is no single valid record.
pub fn parse_txt(records: &[String]) -> Option<Vec<String>> {
    let mut it = records
        .iter()
        .filter(|r| r.trim_start().starts_with("v=TLSRPTv1"));
    let rec = it.next()?;
    if it.next().is_some() {
        return None;
    }
    let rua = rec.split(';').find_map(|f| {
        let (k, v) = f.split_once('=')?;
        (k.trim() == "rua").then(|| v.trim().to_string())
    })?;
    let uris: Vec<String> = rua
        .split(',')
        .map(|u| u.trim().to_string())
        .filter(|u| u.starts_with("mailto:") || u.starts_with("https://"))
        .collect();
    (!uris.is_empty()).then_some(uris)
}

/// One counted session result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsRptRow {
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    pub domain: String,
    pub policy: PolicyKind,
    /// `None` for a successful session.
    pub result: Option<ResultType>,
    /// Our address on the failed session (empty for successes).
    pub sending_ip: String,
    pub mx_host: String,
    pub receiving_ip: String,
}

/// Where the MX route sends its results.
pub type TlsRptSink = tokio::sync::mpsc::UnboundedSender<TlsRptRow>;

/// `YYYY-MM-DD` for a day number.
pub fn day_string(day: i64) -> String {
    let date = mail_parser::DateTime::from_timestamp(day.saturating_mul(86_400));
    format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_matches_rfc8460_shape() {
        let mut r = Recorder::new(10);
        let sts = PolicyKind::Sts {
            lines: vec!["version: STSv1".into(), "mode: enforce".into()],
            mx: vec!["*.example.nl".into()],
        };
        r.success("Example.nl", &sts);
        r.success("example.nl", &sts);
        for _ in 0..3 {
            r.failure(
                "example.nl",
                &sts,
                ResultType::CertificateExpired,
                "192.0.2.1",
                "mx1.example.nl",
                "198.51.100.7",
            );
        }
        r.success("other.nl", &PolicyKind::NoPolicyFound);
        assert_eq!(r.domains(), vec!["example.nl", "other.nl"]);
        let j = r.report(
            "example.nl",
            "2026-11-27",
            "Sluis test",
            "mailto:tlsrpt@sluis.test",
            "id-1",
        );
        assert_eq!(j["date-range"]["start-datetime"], "2026-11-27T00:00:00Z");
        assert_eq!(j["date-range"]["end-datetime"], "2026-11-27T23:59:59Z");
        let p = &j["policies"][0];
        assert_eq!(p["policy"]["policy-type"], "sts");
        assert_eq!(p["policy"]["mx-host"][0], "*.example.nl");
        assert_eq!(p["summary"]["total-successful-session-count"], 2);
        assert_eq!(p["summary"]["total-failure-session-count"], 3);
        assert_eq!(
            p["failure-details"][0]["result-type"],
            "certificate-expired"
        );
        assert_eq!(p["failure-details"][0]["failed-session-count"], 3);
        assert_eq!(j["policies"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn failure_rows_are_bounded_but_counted() {
        let mut r = Recorder::new(2);
        let p = PolicyKind::Tlsa(vec!["3 1 1 aa".into()]);
        for i in 0..5 {
            r.failure(
                "a.nl",
                &p,
                ResultType::TlsaInvalid,
                "192.0.2.1",
                &format!("mx{i}.a.nl"),
                "192.0.2.9",
            );
        }
        let j = r.report("a.nl", "2026-01-01", "o", "c", "i");
        assert_eq!(
            j["policies"][0]["failure-details"].as_array().map(Vec::len),
            Some(2)
        );
        assert_eq!(
            j["policies"][0]["summary"]["total-failure-session-count"],
            5
        );
        assert_eq!(j["policies"][0]["policy"]["policy-type"], "tlsa");
    }

    #[test]
    fn handshake_errors_map_to_result_types() {
        use rustls::CertificateError as C;
        let io = |e: rustls::Error| std::io::Error::new(std::io::ErrorKind::InvalidData, e);
        let t = |e| handshake_failure_type(&io(rustls::Error::InvalidCertificate(e)), false);
        assert_eq!(t(C::NotValidForName), ResultType::CertificateHostMismatch);
        assert_eq!(t(C::Expired), ResultType::CertificateExpired);
        assert_eq!(t(C::UnknownIssuer), ResultType::CertificateNotTrusted);
        let dane = io(rustls::Error::General("DANE: no match".into()));
        assert_eq!(
            handshake_failure_type(&dane, true),
            ResultType::ValidationFailure
        );
        let plain = std::io::Error::other("reset");
        assert_eq!(
            handshake_failure_type(&plain, false),
            ResultType::ValidationFailure
        );
    }

    #[test]
    fn txt_record() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parse_txt(&v(&["v=TLSRPTv1; rua=mailto:tls@a.nl,https://r.a.nl/x"])),
            Some(v(&["mailto:tls@a.nl", "https://r.a.nl/x"]))
        );
        assert_eq!(parse_txt(&v(&["v=TLSRPTv1; rua=ftp://x"])), None);
        assert_eq!(
            parse_txt(&v(&[
                "v=TLSRPTv1; rua=mailto:a@b",
                "v=TLSRPTv1; rua=mailto:c@d"
            ])),
            None
        );
        assert_eq!(parse_txt(&v(&["v=spf1"])), None);
    }
}
