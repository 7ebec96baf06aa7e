//! The report of `sluis delivery check` as types (`check` fills it in):
//! per host what the plan asked for and the probe saw, and the outcome.
//! The JSON keeps the fields and key order the report always had; the
//! text form for people is in `check_text.rs`.

use crate::delivery::tls_policy::levels::Achieved;
use crate::delivery::tls_policy::mta_sts::Mode;
use crate::delivery::tls_policy::nta7516::Nta7516;
use crate::types::Bilingual;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// What the check concludes for the domain (`outcome`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// What the first usable host in delivery's order achieved.
    Dane,
    /// DANE behind an MX RRset that is not DNSSEC-signed.
    DaneInsecureMx,
    MtaSts,
    Tls,
    Plain,
    /// No host can be used now: delivery would defer.
    Refuse,
    /// The check itself could not start (DNS or CA setup).
    Error,
}

impl Outcome {
    pub(super) fn from_achieved(a: Achieved) -> Self {
        match a {
            Achieved::Dane => Outcome::Dane,
            Achieved::DaneInsecureMx => Outcome::DaneInsecureMx,
            Achieved::MtaSts => Outcome::MtaSts,
            Achieved::Tls => Outcome::Tls,
            Achieved::Plain => Outcome::Plain,
        }
    }

    pub(super) fn achieved(self) -> Option<Achieved> {
        match self {
            Outcome::Dane => Some(Achieved::Dane),
            Outcome::DaneInsecureMx => Some(Achieved::DaneInsecureMx),
            Outcome::MtaSts => Some(Achieved::MtaSts),
            Outcome::Tls => Some(Achieved::Tls),
            Outcome::Plain => Some(Achieved::Plain),
            Outcome::Refuse | Outcome::Error => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        self.achieved().map_or(
            if self == Outcome::Error {
                "error"
            } else {
                "refuse"
            },
            Achieved::as_str,
        )
    }
}

/// Why a host, or the whole domain, cannot be used now. Only the text
/// form shows it; the JSON says `refuse` (the field set stays as it was).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// DNS trouble (SERVFAIL, timeout) or no connection: delivery defers
    /// and the next try may work.
    Temporary,
    /// The host cannot be used at its level (DNSSEC bogus, DANE or PKIX
    /// failure, not in the MTA-STS policy): delivery defers.
    Unusable,
    /// Null MX or no such domain: delivery bounces.
    Permanent,
}

impl Refusal {
    /// Dutch first, then English.
    pub fn text(self) -> &'static str {
        match self {
            Refusal::Temporary => "tijdelijke fout / temporary failure",
            Refusal::Unusable => "niet bruikbaar / not usable",
            Refusal::Permanent => "permanente fout / permanent failure",
        }
    }
}

/// The report of `sluis delivery check`. Its JSON (`--json`, and
/// [`check`] for tests) has the fields and key order it has always had:
/// it goes through `serde_json::Value`, whose map keeps keys sorted.
#[derive(Clone, Debug, Serialize)]
pub struct CheckReport {
    pub domain: String,
    pub outcome: Outcome,
    /// Why the check could not start, or why there is no plan at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Absent only when the check could not start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Bilingual>,
    /// Absent when there was no plan (the check could not start, or the
    /// domain has none).
    #[serde(flatten)]
    pub planned: Option<Planned>,
    pub mx: Vec<MxReport>,
    /// Why the outcome is `refuse` (text form only).
    #[serde(skip)]
    pub refusal: Option<Refusal>,
}

/// The parts of the report that need a plan for the domain.
#[derive(Clone, Debug, Serialize)]
pub struct Planned {
    /// Transport requirement (`none`, `tls`, ...) -> met by the outcome.
    pub satisfies: BTreeMap<&'static str, bool>,
    /// The host delivery would use.
    pub via: Option<String>,
    /// DNSSEC status of the MX RRset.
    pub dnssec: &'static str,
    pub mta_sts: Option<StsReport>,
    pub nta7516: Option<NtaReport>,
    pub tlsrpt: TlsRptReport,
    /// What the route check before "250" decides from these DNS answers,
    /// per requirement it can settle: `may`, `cannot: <reason>`, `unknown`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub before_250: BTreeMap<&'static str, String>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum StsReport {
    Policy {
        id: String,
        mode: Mode,
        mx: Vec<String>,
        max_age: u64,
    },
    Invalid {
        error: String,
    },
}

#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum NtaReport {
    Record {
        record: Nta7516,
        dnssec: &'static str,
    },
    Error {
        error: String,
    },
}

#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum TlsRptReport {
    Rua { rua: Option<Vec<String>> },
    Error { error: String },
}

/// One host, as delivery would try it.
#[derive(Clone, Debug, Serialize)]
pub struct MxReport {
    pub host: String,
    pub preference: u16,
    /// `nta7516` or `mx`.
    pub source: &'static str,
    pub addresses: Vec<String>,
    pub dnssec: &'static str,
    pub cname: Option<String>,
    pub tlsa_status: String,
    pub tlsa: Vec<TlsaReport>,
    /// Where the secure TLSA records were found (the CNAME target or the
    /// host, RFC 7672 §2.2.2); absent without them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tlsa_base: Option<String>,
    /// The name sent as SNI; absent when no session was opened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sni: Option<String>,
    /// The security level the plan asks for; absent for a skipped host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<&'static str>,
    /// What the STARTTLS probe saw; absent when there was no probe.
    #[serde(flatten)]
    pub probe: Option<ProbeReport>,
    /// An outcome word (`dane` ... `plain`) or `refuse`.
    pub result: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Why the result is `refuse` (text form only).
    #[serde(skip)]
    pub refusal: Option<Refusal>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ProbeReport {
    pub starttls: bool,
    pub tls_version: Option<String>,
    pub cipher: Option<String>,
    pub authentication: Option<&'static str>,
    pub tlsrpt_result: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TlsaReport {
    pub record: String,
    pub usable: bool,
    pub matched: bool,
}

/// The report as JSON, with sorted keys (as the CLI prints it).
pub(super) fn to_json(report: &CheckReport) -> Value {
    // Serializing plain data with string keys cannot fail; should it ever,
    // say so in the JSON rather than panic.
    serde_json::to_value(report).unwrap_or_else(
        |e| json!({"domain": report.domain, "outcome": "error", "error": e.to_string(), "mx": []}),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON has the fields (and, printed, the key order) the report
    /// had when it was built as a `serde_json::Value`.
    #[test]
    fn json_keeps_the_fields_of_the_value_it_replaced() {
        let report = CheckReport {
            domain: "a.nl".into(),
            outcome: Outcome::Plain,
            error: None,
            summary: Some(Bilingual::new("nl", "en")),
            planned: Some(Planned {
                satisfies: BTreeMap::from([("none", true), ("tls", false)]),
                via: None,
                dnssec: "insecure",
                mta_sts: Some(StsReport::Invalid { error: "e".into() }),
                nta7516: None,
                tlsrpt: TlsRptReport::Rua { rua: None },
                before_250: BTreeMap::new(),
            }),
            mx: vec![MxReport {
                host: "mx.a.nl".into(),
                preference: 10,
                source: "mx",
                addresses: vec!["192.0.2.1".into()],
                dnssec: "insecure",
                cname: None,
                tlsa_status: "not used (insecure)".into(),
                tlsa: vec![],
                tlsa_base: None,
                sni: None,
                level: Some("opportunistic"),
                probe: Some(ProbeReport {
                    starttls: false,
                    tls_version: None,
                    cipher: None,
                    authentication: None,
                    tlsrpt_result: Some("starttls-not-supported"),
                }),
                result: "plain",
                error: None,
                refusal: None,
            }],
            refusal: None,
        };
        let want = json!({
            "domain": "a.nl", "outcome": "plain",
            "summary": {"nl": "nl", "en": "en"},
            "satisfies": {"none": true, "tls": false},
            "via": null, "dnssec": "insecure", "mta_sts": {"error": "e"},
            "nta7516": null, "tlsrpt": {"rua": null},
            "mx": [{
                "host": "mx.a.nl", "preference": 10, "source": "mx",
                "addresses": ["192.0.2.1"], "dnssec": "insecure", "cname": null,
                "tlsa_status": "not used (insecure)", "tlsa": [],
                "level": "opportunistic", "starttls": false, "tls_version": null,
                "cipher": null, "authentication": null,
                "tlsrpt_result": "starttls-not-supported", "result": "plain",
            }],
        });
        assert_eq!(to_json(&report), want);
        assert_eq!(to_json(&report).to_string(), want.to_string());

        // A check that could not start: no plan, no summary.
        let failed = CheckReport {
            domain: "a.nl".into(),
            outcome: Outcome::Error,
            error: Some("no resolver".into()),
            summary: None,
            planned: None,
            mx: vec![],
            refusal: None,
        };
        assert_eq!(
            to_json(&failed),
            json!({"domain": "a.nl", "outcome": "error", "error": "no resolver", "mx": []})
        );
        assert_eq!(Outcome::MtaSts.as_str(), "mta-sts");
        assert_eq!(Outcome::DaneInsecureMx.as_str(), "dane-insecure-mx");
        assert_eq!(Outcome::Refuse.as_str(), "refuse");
    }
}
