//! TLS-RPT bookkeeping for MX delivery: one [`Recorder`] per UTC day,
//! shared by all deliveries. When the day changes, the finished day is
//! kept (at most `KEEP_DAYS`) until it is taken for storage or reporting.
//!
//! With a sink ([`TlsRptLog::set_sink`]) every result is also sent as a
//! row to the store writer (`tlsrpt::store`).
//!
//! Promises: never blocks delivery for long (one mutex, no I/O); memory is
//! bounded by the recorder's row limit times the days kept.

use super::result::{day_string, PolicyKind, Recorder, ResultType, TlsRptRow, TlsRptSink};
use std::sync::{Mutex, OnceLock};

/// Finished days kept in memory until taken.
const KEEP_DAYS: usize = 7;

struct Days {
    day: i64,
    current: Recorder,
    finished: Vec<(i64, Recorder)>,
}

/// TLS-RPT results per UTC day.
pub struct TlsRptLog {
    max_rows: usize,
    days: Mutex<Days>,
    sink: OnceLock<TlsRptSink>,
}

/// Days since 1970-01-01 (UTC) for a Unix time in milliseconds.
pub fn day_of(ms: i64) -> i64 {
    ms.div_euclid(86_400_000)
}

impl TlsRptLog {
    pub fn new(max_rows: usize) -> Self {
        TlsRptLog {
            max_rows,
            days: Mutex::new(Days {
                day: day_of(crate::now_ms()),
                current: Recorder::new(max_rows),
                finished: Vec::new(),
            }),
            sink: OnceLock::new(),
        }
    }

    /// Also send every result to the store writer (set once).
    pub fn set_sink(&self, sink: TlsRptSink) {
        let _ = self.sink.set(sink);
    }

    fn emit(
        &self,
        domain: &str,
        policy: &PolicyKind,
        result: Option<ResultType>,
        sending_ip: &str,
        mx: &str,
        ip: &str,
    ) {
        if let Some(tx) = self.sink.get() {
            let _ = tx.send(TlsRptRow {
                day: day_of(crate::now_ms()),
                domain: domain.to_string(),
                policy: policy.clone(),
                result,
                sending_ip: sending_ip.to_string(),
                mx_host: mx.to_string(),
                receiving_ip: ip.to_string(),
            });
        }
    }

    fn with_today<F: FnOnce(&mut Recorder)>(&self, f: F) {
        let today = day_of(crate::now_ms());
        let mut g = match self.days.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        if g.day != today {
            let old = std::mem::replace(&mut g.current, Recorder::new(self.max_rows));
            let old_day = g.day;
            g.finished.push((old_day, old));
            if g.finished.len() > KEEP_DAYS {
                g.finished.remove(0);
            }
            g.day = today;
        }
        f(&mut g.current);
    }

    pub fn success(&self, domain: &str, policy: &PolicyKind) {
        self.with_today(|r| r.success(domain, policy));
        self.emit(domain, policy, None, "", "", "");
    }

    pub fn failure(
        &self,
        domain: &str,
        policy: &PolicyKind,
        result: ResultType,
        sending_ip: &str,
        mx_host: &str,
        receiving_ip: &str,
    ) {
        self.with_today(|r| r.failure(domain, policy, result, sending_ip, mx_host, receiving_ip));
        self.emit(
            domain,
            policy,
            Some(result),
            sending_ip,
            mx_host,
            receiving_ip,
        );
    }

    /// The RFC 8460 report for `domain` for today so far.
    pub fn report_today(&self, domain: &str, org: &str, contact: &str) -> serde_json::Value {
        let g = match self.days.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        let day = day_string(g.day);
        let id = format!("{day}-{domain}");
        g.current.report(domain, &day, org, contact, &id)
    }

    /// Policy domains with results today.
    pub fn domains_today(&self) -> Vec<String> {
        match self.days.lock() {
            Ok(g) => g.current.domains(),
            Err(p) => p.into_inner().current.domains(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(day_string(0), "1970-01-01");
        assert_eq!(day_string(19_782), "2024-02-29");
        assert_eq!(day_string(20_454), "2026-01-01");
        assert_eq!(day_of(86_399_999), 0);
        assert_eq!(day_of(86_400_000), 1);
    }

    #[test]
    fn log_counts_per_domain() {
        let log = TlsRptLog::new(10);
        let p = PolicyKind::Tlsa(vec!["3 1 1 aa".into()]);
        log.success("a.nl", &p);
        log.failure(
            "a.nl",
            &p,
            ResultType::ValidationFailure,
            "192.0.2.9",
            "mx.a.nl",
            "192.0.2.1",
        );
        let j = log.report_today("a.nl", "o", "c");
        assert_eq!(
            j["policies"][0]["summary"]["total-successful-session-count"],
            1
        );
        assert_eq!(
            j["policies"][0]["summary"]["total-failure-session-count"],
            1
        );
        assert_eq!(log.domains_today(), vec!["a.nl".to_string()]);
        assert_eq!(
            j["policies"][0]["failure-details"][0]["sending-mta-ip"],
            "192.0.2.9"
        );
    }
}
