//! Sending the daily TLS-RPT reports (RFC 8460 §5): for every finished
//! UTC day with counts in the store, each policy domain's `_smtp._tls` TXT
//! record names where its report goes; a `mailto:` gets a
//! `multipart/report; report-type="tlsrpt"` mail through the normal
//! pipeline ([`Journal::inject`]: inspected, decided, spooled, queued), an
//! `https:` the gzipped JSON by POST through the one HTTP client.
//!
//! Promises: a report holds counts, hosts and IP addresses only (never an
//! address or content); each (day, domain) is sent once, recorded in
//! `tlsrpt_sent` after it went out (a restart does not send it again); a
//! temporary failure (DNS, every destination failing) leaves it for the
//! next round, until it is older than `mx.tlsrpt_send_days`; a domain
//! without a valid record is recorded as such and not asked again.

use super::day::day_of;
use super::result::{day_string, parse_txt};
use super::store::{daily_report, domains};
use crate::delivery::Journal;
use crate::net::dns::Dns;
use crate::net::http;
use crate::store::{Store, StoreError};
use flate2::write::GzEncoder;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

/// Who sends, and how long an HTTPS upload may take.
#[derive(Clone, Debug)]
pub struct Reporter {
    /// `From:` and envelope sender of report mails.
    pub from: String,
    /// `organization-name` and `TLS-Report-Submitter`.
    pub organization: String,
    /// `contact-info`.
    pub contact: String,
    /// The host name for Message-ID and Report-ID.
    pub hostname: String,
    pub https_timeout: Duration,
    /// TLS for `https` uploads (PKIX).
    pub tls: Option<Arc<rustls::ClientConfig>>,
    /// Unsent days older than this are dropped.
    pub max_days: i64,
}

/// What happened to one (day, domain).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Sent to this many destinations.
    Sent(usize),
    /// No valid `_smtp._tls` record: nothing to send to.
    NoRecord,
    /// Try again at the next round (why).
    Later(String),
}

/// Send every report that is due at `now_ms`. Returns (day, domain,
/// outcome) for each one looked at.
pub async fn send_due<J: Journal>(
    store: &Store,
    dns: &Dns,
    journal: &J,
    r: &Reporter,
    now_ms: i64,
) -> Result<Vec<(i64, String, Outcome)>, StoreError> {
    let today = day_of(now_ms);
    let mut out = Vec::new();
    for day in (today - r.max_days.max(1))..today {
        for domain in domains(store, day).await? {
            if already_sent(store, day, &domain).await? {
                continue;
            }
            let outcome = send_one(store, dns, journal, r, day, &domain).await?;
            if !matches!(outcome, Outcome::Later(_)) {
                mark_sent(store, day, &domain, now_ms, &outcome).await?;
            }
            out.push((day, domain, outcome));
        }
    }
    Ok(out)
}

async fn send_one<J: Journal>(
    store: &Store,
    dns: &Dns,
    journal: &J,
    r: &Reporter,
    day: i64,
    domain: &str,
) -> Result<Outcome, StoreError> {
    let rua = match dns.txt(&format!("_smtp._tls.{domain}")).await {
        Ok(rs) => match parse_txt(&rs.records) {
            Some(uris) => uris,
            None => return Ok(Outcome::NoRecord),
        },
        Err(e) => return Ok(Outcome::Later(e.to_string())),
    };
    let report = daily_report(store, domain, day, &r.organization, &r.contact).await?;
    let json = serde_json::to_vec(&report).unwrap_or_default();
    let gz = gzip(&json);
    let (mut sent, mut failed) = (0usize, Vec::new());
    for uri in rua {
        let result = if let Some(addr) = uri.strip_prefix("mailto:") {
            let addr = addr.split('?').next().unwrap_or_default();
            let mail = report_mail(r, domain, day, addr, &gz);
            journal
                .inject(r.from.clone(), vec![addr.to_string()], mail)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        } else {
            post_report(r, &uri, &gz).await
        };
        match result {
            Ok(()) => sent += 1,
            Err(e) => failed.push(e),
        }
    }
    Ok(if sent > 0 {
        if !failed.is_empty() {
            tracing::warn!(domain = %domain, errors = ?failed, "TLS-RPT: some destinations failed");
        }
        Outcome::Sent(sent)
    } else {
        Outcome::Later(failed.join("; "))
    })
}

/// POST the gzipped report (RFC 8460 §5.4); any 2xx is success.
pub async fn post_report(r: &Reporter, url: &str, gz: &[u8]) -> Result<(), String> {
    let headers = vec![(
        "Content-Type".to_string(),
        "application/tlsrpt+gzip".to_string(),
    )];
    let req = http::Request {
        method: "POST",
        url,
        headers: &headers,
        body: gz.to_vec(),
        tls: r.tls.clone(),
        connect: None,
        lenient_close: true,
    };
    let limits = http::Limits {
        timeout: r.https_timeout,
        max_body: 64 * 1024,
    };
    match http::send(req, limits).await {
        Ok(resp) if (200..300).contains(&resp.status) => Ok(()),
        Ok(resp) => Err(format!("HTTP {}", resp.status)),
        Err(e) => Err(e.to_string()),
    }
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
}

/// A header value from DNS or config: printable ASCII only, bounded.
fn clean(v: &str) -> String {
    v.chars()
        .filter(|c| c.is_ascii_graphic() || *c == ' ')
        .take(200)
        .collect()
}

/// The report mail of RFC 8460 §5.3. `TLS-Required: No` (RFC 8689): a
/// report about a domain whose TLS is broken must still reach it, so MX
/// delivery may fall back to opportunistic TLS for it (clean mail only).
pub fn report_mail(r: &Reporter, domain: &str, day: i64, to: &str, gz: &[u8]) -> Vec<u8> {
    use base64::Engine;
    let (domain, org, host) = (clean(domain), clean(&r.organization), clean(&r.hostname));
    let day_s = day_string(day);
    let start = day.saturating_mul(86_400);
    let end = start + 86_399;
    let boundary = format!("tlsrpt-{:016x}", rand::random::<u64>());
    let id = format!("{day_s}-{domain}@{host}");
    let file = format!("{org}!{domain}!{start}!{end}.json.gz").replace(' ', "_");
    let b64 = base64::engine::general_purpose::STANDARD.encode(gz);
    let mut body = String::new();
    for chunk in b64.as_bytes().chunks(76) {
        body.push_str(&String::from_utf8_lossy(chunk));
        body.push_str("\r\n");
    }
    let date = mail_parser::DateTime::from_timestamp(crate::now_ms() / 1000).to_rfc822();
    format!(
        "From: {from}\r\nTo: {to}\r\nDate: {date}\r\n\
         Subject: Report Domain: {domain} Submitter: {org} Report-ID: <{id}>\r\n\
         Message-ID: <{id}>\r\nTLS-Report-Domain: {domain}\r\nTLS-Report-Submitter: {org}\r\n\
         Auto-Submitted: auto-generated\r\nTLS-Required: No\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=\"tlsrpt\"; boundary=\"{boundary}\"\r\n\r\n\
         --{boundary}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n\
         TLS-rapport (RFC 8460) van {org} over {day_s} voor {domain}.\r\n\
         TLS report (RFC 8460) from {org} for {day_s} about {domain}.\r\n\r\n\
         --{boundary}\r\nContent-Type: application/tlsrpt+gzip\r\n\
         Content-Transfer-Encoding: base64\r\n\
         Content-Disposition: attachment; filename=\"{file}\"\r\n\r\n{body}\r\n\
         --{boundary}--\r\n",
        from = clean(&r.from),
        to = clean(to),
    )
    .into_bytes()
}

async fn already_sent(store: &Store, day: i64, domain: &str) -> Result<bool, StoreError> {
    let row = sqlx::query("SELECT 1 FROM tlsrpt_sent WHERE day = $1 AND policy_domain = $2")
        .bind(day)
        .bind(domain)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.is_some())
}

async fn mark_sent(
    store: &Store,
    day: i64,
    domain: &str,
    now_ms: i64,
    outcome: &Outcome,
) -> Result<(), StoreError> {
    let what = match outcome {
        Outcome::Sent(n) => format!("sent:{n}"),
        Outcome::NoRecord => "no-record".into(),
        Outcome::Later(_) => return Ok(()),
    };
    sqlx::query(
        "INSERT INTO tlsrpt_sent (day, policy_domain, sent_ms, outcome) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (day, policy_domain) DO NOTHING",
    )
    .bind(day)
    .bind(domain)
    .bind(now_ms)
    .bind(what)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Every `every`, send what is due (the first round a minute after start).
/// The resolver is made on first use; a round that fails is logged.
pub async fn run_reporter<J: Journal>(
    store: Store,
    journal: Arc<J>,
    dns_opts: crate::net::dns::DnsOptions,
    r: Reporter,
    first: Duration,
    every: Duration,
) {
    tokio::time::sleep(first).await;
    let mut dns: Option<Dns> = None;
    loop {
        if dns.is_none() {
            match Dns::new(dns_opts.clone()).await {
                Ok(d) => dns = Some(d),
                Err(e) => tracing::warn!(error = %e, "TLS-RPT: no resolver yet"),
            }
        }
        if let Some(d) = &dns {
            match send_due(&store, d, journal.as_ref(), &r, crate::now_ms()).await {
                Ok(done) => {
                    for (day, domain, outcome) in done {
                        tracing::info!(day = %day_string(day), domain = %domain, ?outcome, "TLS-RPT report");
                    }
                }
                Err(e) => tracing::error!(error = %e, "TLS-RPT: cannot read the counts"),
            }
        }
        tokio::time::sleep(every).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_mail_has_the_rfc_8460_shape() {
        let r = Reporter {
            from: "tls-reports@sluis.test".into(),
            organization: "Praktijk\r\nBcc: x@y".into(),
            contact: "postmaster@sluis.test".into(),
            hostname: "sluis.test".into(),
            https_timeout: Duration::from_secs(1),
            tls: None,
            max_days: 3,
        };
        let gz = gzip(b"{\"policies\":[]}");
        let m = String::from_utf8(report_mail(&r, "example.nl", 20_000, "rua@example.nl", &gz))
            .unwrap_or_default();
        assert!(m.contains("Content-Type: multipart/report; report-type=\"tlsrpt\""));
        assert!(m.contains("TLS-Report-Domain: example.nl\r\n"));
        assert!(m.contains("\r\nTLS-Required: No\r\n"));
        assert!(m.contains("Content-Type: application/tlsrpt+gzip\r\n"));
        assert!(m.contains("Subject: Report Domain: example.nl Submitter: PraktijkBcc: x@y"));
        assert!(!m.contains("\r\nBcc:"), "header injection: {m}");
        assert!(
            m.contains("filename=\"PraktijkBcc:_x@y!example.nl!1728000000!1728086399.json.gz\"")
        );
    }
}
