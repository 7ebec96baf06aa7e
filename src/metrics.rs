//! Counters for `/metrics` (served by `health`): cheap atomics, one global
//! set, incremented where the events happen (smtp/pipeline submit, the
//! pipeline's hand-off, the delivery queue, the pickup portal, inspect).
//!
//! Part of the bottom layer: it imports nothing of the crate, so every stage
//! may count without depending on another stage. A global (not a value
//! passed along) because the counting sites are many and deep, and a
//! counter has no state worth injecting: tests read differences, never
//! absolute values.
//!
//! Privacy by construction: every label value is a `&'static str` chosen
//! from a fixed list here, never text from a message, an address, a BSN,
//! a code or a token. The one label taken from a delivery report
//! (`authentication`) is mapped onto that fixed list first.
//!
//! Why our own text encoder instead of `prometheus-client`: the exposition
//! format for a fixed set of counters, two gauges and two histograms is
//! ~100 lines; a registry crate would add a dependency (and its tree) to a
//! gateway that handles medical mail, for no gain in what we expose.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// A monotonically increasing count.
#[derive(Debug, Default)]
pub struct Counter(AtomicU64);

impl Counter {
    pub const fn new() -> Counter {
        Counter(AtomicU64::new(0))
    }

    pub fn inc(&self) {
        self.add(1);
    }

    pub fn add(&self, n: u64) {
        // Relaxed: counters are independent; a scrape needs no ordering.
        self.0.fetch_add(n, Ordering::Relaxed);
    }

    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Upper bounds (seconds) of the duration histograms: from a plain text
/// mail (milliseconds) up to the default scan limit (20 s) and OCR limit.
pub const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// A duration histogram with the fixed [`BUCKETS`] (plus `+Inf`).
#[derive(Debug)]
pub struct Histogram {
    /// Observations per bucket (not cumulative; summed when rendered).
    buckets: [AtomicU64; BUCKETS.len() + 1],
    sum_micros: AtomicU64,
    count: AtomicU64,
}

impl Default for Histogram {
    fn default() -> Self {
        Histogram::new()
    }
}

impl Histogram {
    pub const fn new() -> Histogram {
        Histogram {
            buckets: [const { AtomicU64::new(0) }; BUCKETS.len() + 1],
            sum_micros: AtomicU64::new(0),
            count: AtomicU64::new(0),
        }
    }

    pub fn observe(&self, d: Duration) {
        let secs = d.as_secs_f64();
        let i = BUCKETS
            .iter()
            .position(|b| secs <= *b)
            .unwrap_or(BUCKETS.len());
        self.buckets[i].fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(d.as_micros()).unwrap_or(u64::MAX);
        self.sum_micros.fetch_add(micros, Ordering::Relaxed);
        self.count.fetch_add(1, Ordering::Relaxed);
    }

    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}

/// How a delivered recipient's hop was protected (a label of
/// `sluis_delivered_total`). The names are those of `TlsInfo.authentication`.
pub const AUTHENTICATIONS: [&str; 6] = ["dane-ee", "dane-ta", "mta-sts", "pkix", "none", "other"];

/// Why a message was refused after DATA (a label of `sluis_refused_total`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Every recipient blocked by the policy (550).
    AllBlocked,
    /// The audit store is behind (451).
    AuditBacklog,
    /// The spool could not store the message (451).
    Spool,
}

impl Refusal {
    const ALL: [Refusal; 3] = [Refusal::AllBlocked, Refusal::AuditBacklog, Refusal::Spool];

    fn label(self) -> &'static str {
        match self {
            Refusal::AllBlocked => "all_blocked",
            Refusal::AuditBacklog => "audit_backlog",
            Refusal::Spool => "spool",
        }
    }
}

/// Every count Sluis exposes. One instance: [`METRICS`].
#[derive(Debug)]
pub struct Metrics {
    pub accepted: Counter,
    refused: [Counter; 3],
    pub blocked: Counter,
    pub parked: Counter,
    pub encrypted: Counter,
    /// Index: `tls` (0 = plain, 1 = TLS) * 6 + position in AUTHENTICATIONS.
    delivered: [Counter; 12],
    pub deferred: Counter,
    pub bounced: Counter,
    pub scan: Histogram,
    pub ocr: Histogram,
    pub portal_logins: Counter,
    pub wrong_codes: Counter,
    pub sms_failures: Counter,
}

pub static METRICS: Metrics = Metrics::new();

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub const fn new() -> Metrics {
        Metrics {
            accepted: Counter::new(),
            refused: [const { Counter::new() }; 3],
            blocked: Counter::new(),
            parked: Counter::new(),
            encrypted: Counter::new(),
            delivered: [const { Counter::new() }; 12],
            deferred: Counter::new(),
            bounced: Counter::new(),
            scan: Histogram::new(),
            ocr: Histogram::new(),
            portal_logins: Counter::new(),
            wrong_codes: Counter::new(),
            sms_failures: Counter::new(),
        }
    }

    pub fn refused(&self, why: Refusal) {
        self.refused[why as usize].inc();
    }

    /// One recipient delivered; `tls_version` and `authentication` as in
    /// the delivery report (anything unknown counts as `other`).
    pub fn delivered(&self, tls_version: &str, authentication: &str) {
        let tls = !(tls_version.is_empty() || tls_version == "none");
        let auth = AUTHENTICATIONS
            .iter()
            .position(|a| *a == authentication)
            .unwrap_or(AUTHENTICATIONS.len() - 1);
        self.delivered[usize::from(tls) * AUTHENTICATIONS.len() + auth].inc();
    }

    pub fn delivered_count(&self) -> u64 {
        self.delivered.iter().map(Counter::get).sum()
    }
}

/// What is read at scrape time rather than counted (from the spool).
#[derive(Clone, Copy, Debug, Default)]
pub struct Gauges {
    /// Messages not yet finished (every recipient delivered, bounced,
    /// blocked or handed off).
    pub queue_messages: u64,
    /// Age of the oldest of them; 0 when there are none.
    pub queue_oldest_age: Duration,
    /// 1 when `/readyz` would answer 200.
    pub ready: bool,
}

fn head(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

fn counter(out: &mut String, name: &str, help: &str, c: &Counter) {
    head(out, name, "counter", help);
    let _ = writeln!(out, "{name} {}", c.get());
}

fn histogram(out: &mut String, name: &str, help: &str, h: &Histogram) {
    head(out, name, "histogram", help);
    let mut cumulative = 0u64;
    for (i, n) in h.buckets.iter().enumerate() {
        cumulative += n.load(Ordering::Relaxed);
        let le = BUCKETS
            .get(i)
            .map_or_else(|| "+Inf".to_string(), |b| b.to_string());
        let _ = writeln!(out, "{name}_bucket{{le=\"{le}\"}} {cumulative}");
    }
    let sum = h.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
    let _ = writeln!(out, "{name}_sum {sum}");
    // The count is the +Inf bucket, so both agree even mid-observation.
    let _ = writeln!(out, "{name}_count {cumulative}");
}

/// The Prometheus text exposition format (version 0.0.4).
pub fn render(m: &Metrics, g: &Gauges) -> String {
    let mut out = String::with_capacity(4096);
    counter(
        &mut out,
        "sluis_accepted_total",
        "Messages accepted (250 after DATA).",
        &m.accepted,
    );
    head(
        &mut out,
        "sluis_refused_total",
        "counter",
        "Messages refused after DATA, by reason.",
    );
    for r in Refusal::ALL {
        let n = m.refused[r as usize].get();
        let _ = writeln!(out, "sluis_refused_total{{reason=\"{}\"}} {n}", r.label());
    }
    counter(
        &mut out,
        "sluis_blocked_total",
        "Recipients blocked by the policy at submission.",
        &m.blocked,
    );
    counter(
        &mut out,
        "sluis_parked_total",
        "Recipients whose message was parked for pickup.",
        &m.parked,
    );
    counter(
        &mut out,
        "sluis_encrypted_total",
        "Recipients sent an end-to-end encrypted copy.",
        &m.encrypted,
    );
    head(
        &mut out,
        "sluis_delivered_total",
        "counter",
        "Recipients delivered to the next hop, by transport security.",
    );
    for (i, c) in m.delivered.iter().enumerate() {
        let tls = if i >= AUTHENTICATIONS.len() {
            "yes"
        } else {
            "no"
        };
        let auth = AUTHENTICATIONS[i % AUTHENTICATIONS.len()];
        let _ = writeln!(
            out,
            "sluis_delivered_total{{tls=\"{tls}\",authentication=\"{auth}\"}} {}",
            c.get()
        );
    }
    counter(
        &mut out,
        "sluis_deferred_total",
        "Delivery attempts deferred (temporary failure), per recipient.",
        &m.deferred,
    );
    counter(
        &mut out,
        "sluis_bounced_total",
        "Recipients bounced (permanent failure or lifetime expired).",
        &m.bounced,
    );
    head(
        &mut out,
        "sluis_queue_messages",
        "gauge",
        "Messages in the spool not yet finished.",
    );
    let _ = writeln!(out, "sluis_queue_messages {}", g.queue_messages);
    head(
        &mut out,
        "sluis_queue_oldest_age_seconds",
        "gauge",
        "Age of the oldest unfinished message (0 when none).",
    );
    let _ = writeln!(
        out,
        "sluis_queue_oldest_age_seconds {}",
        g.queue_oldest_age.as_secs()
    );
    histogram(
        &mut out,
        "sluis_scan_duration_seconds",
        "Time to inspect one message.",
        &m.scan,
    );
    histogram(
        &mut out,
        "sluis_ocr_duration_seconds",
        "Time of one OCR (tesseract) run.",
        &m.ocr,
    );
    counter(
        &mut out,
        "sluis_portal_logins_total",
        "Pickup portal sessions opened with a correct code.",
        &m.portal_logins,
    );
    counter(
        &mut out,
        "sluis_portal_wrong_codes_total",
        "Pickup codes entered wrongly.",
        &m.wrong_codes,
    );
    counter(
        &mut out,
        "sluis_sms_failures_total",
        "Pickup codes that could not be sent by SMS.",
        &m.sms_failures,
    );
    head(
        &mut out,
        "sluis_ready",
        "gauge",
        "1 when /readyz answers 200 (store, spool, queue).",
    );
    let _ = writeln!(out, "sluis_ready {}", u8::from(g.ready));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counts_labels_and_cumulative_buckets() {
        let m = Metrics::new();
        m.accepted.add(3);
        m.refused(Refusal::AllBlocked);
        m.delivered("TLSv1.3", "dane-ee");
        m.delivered("none", "none");
        m.delivered("TLSv1.2", "<script>bsn 111222333</script>");
        m.scan.observe(Duration::from_millis(7));
        m.scan.observe(Duration::from_secs(60));
        let g = Gauges {
            queue_messages: 2,
            queue_oldest_age: Duration::from_secs(90),
            ready: true,
        };
        let text = render(&m, &g);
        for want in [
            "sluis_accepted_total 3\n",
            "sluis_refused_total{reason=\"all_blocked\"} 1\n",
            "sluis_refused_total{reason=\"spool\"} 0\n",
            "sluis_delivered_total{tls=\"yes\",authentication=\"dane-ee\"} 1\n",
            "sluis_delivered_total{tls=\"no\",authentication=\"none\"} 1\n",
            "sluis_delivered_total{tls=\"yes\",authentication=\"other\"} 1\n",
            "sluis_queue_messages 2\n",
            "sluis_queue_oldest_age_seconds 90\n",
            "sluis_scan_duration_seconds_bucket{le=\"0.005\"} 0\n",
            "sluis_scan_duration_seconds_bucket{le=\"0.01\"} 1\n",
            "sluis_scan_duration_seconds_bucket{le=\"30\"} 1\n",
            "sluis_scan_duration_seconds_bucket{le=\"+Inf\"} 2\n",
            "sluis_scan_duration_seconds_count 2\n",
            "sluis_ready 1\n",
        ] {
            assert!(text.contains(want), "missing {want:?} in\n{text}");
        }
        // An unknown authentication never becomes a label value.
        assert!(!text.contains("bsn"), "{text}");
        // Every sample line is `name{labels} value` with a number value.
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let value = line.rsplit(' ').next().unwrap_or("");
            assert!(value.parse::<f64>().is_ok(), "{line}");
        }
    }
}
