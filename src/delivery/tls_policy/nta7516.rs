//! NTA 7516 (Dutch standard for secure e-mail in healthcare) TXT record:
//! `v=NTA7516-1;startdate=YYYY-MM;enddate=YYYY-MM;provider=...;ntamx=<pref> <host>`.
//! A domain publishing a current record (TXT at the mail domain itself)
//! declares that it meets NTA 7516, which lets policy raise the transport
//! requirement for it. The older form seen in the wild,
//! `v=NTA7516;version:2019-06;expire:2019-10;provider:x;ntamx:mx.example.nl`
//! (`:` separators, `version`/`expire` for start/end, `ntamx` without a
//! preference), is accepted too.
//!
//! Promises: a pure parser with no I/O; unknown fields are ignored; a
//! record with a missing or malformed required field is an error, never a
//! partial record; validity is a month range, inclusive on both ends.

/// Year and month (`2025-03`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

impl YearMonth {
    pub fn parse(s: &str) -> Option<YearMonth> {
        let (y, m) = s.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let year: u16 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The current month (UTC), from the system clock.
    pub fn now() -> YearMonth {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Self::from_unix_days((secs / 86_400) as i64)
    }

    /// Civil month from days since 1970-01-01 (mail-parser's calendar).
    pub fn from_unix_days(days: i64) -> YearMonth {
        let date = mail_parser::DateTime::from_timestamp(days.saturating_mul(86_400));
        YearMonth {
            year: date.year,
            month: date.month.clamp(1, 12),
        }
    }
}

/// One parsed NTA 7516 record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Nta7516 {
    pub start: YearMonth,
    pub end: YearMonth,
    pub provider: Option<String>,
    /// `(preference, host)` pairs from `ntamx` fields.
    pub mx: Vec<(u16, String)>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NtaError {
    #[error("not an NTA 7516 record (must start with v=NTA7516-1)")]
    NotNta,
    #[error("NTA 7516 record: field {0} missing")]
    Missing(&'static str),
    #[error("NTA 7516 record: field {0} malformed")]
    Malformed(&'static str),
    #[error("NTA 7516 record: enddate before startdate")]
    EmptyRange,
}

/// Largest record accepted (a TXT RRset can be big; this one is small).
pub const MAX_RECORD_LEN: usize = 2048;

/// Parse one TXT record.
pub fn parse(txt: &str) -> Result<Nta7516, NtaError> {
    if txt.len() > MAX_RECORD_LEN {
        return Err(NtaError::Malformed("record length"));
    }
    let mut fields = txt.split(';').map(str::trim).filter(|f| !f.is_empty());
    match fields.next().and_then(|f| f.split_once('=')) {
        Some((k, v))
            if k.trim().eq_ignore_ascii_case("v")
                && matches!(v.trim(), "NTA7516-1" | "NTA7516") => {}
        _ => return Err(NtaError::NotNta),
    }
    let (mut start, mut end, mut provider, mut mx) = (None, None, None, Vec::new());
    for f in fields {
        let Some((k, v)) = f.split_once(['=', ':']) else {
            continue;
        };
        let v = v.trim();
        match k.trim().to_ascii_lowercase().as_str() {
            "startdate" | "version" => {
                start = Some(YearMonth::parse(v).ok_or(NtaError::Malformed("startdate"))?)
            }
            "enddate" | "expire" => {
                end = Some(YearMonth::parse(v).ok_or(NtaError::Malformed("enddate"))?)
            }
            "provider" if !v.is_empty() => provider = Some(v.to_string()),
            "ntamx" => {
                let parts: Vec<&str> = v.split_whitespace().collect();
                let (pref, host) = match parts.as_slice() {
                    [h] => (Some(0u16), Some(*h)),
                    [p, h] => (p.parse::<u16>().ok(), Some(*h)),
                    _ => (None, None),
                };
                let pref = pref.ok_or(NtaError::Malformed("ntamx"))?;
                let host = host
                    .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
                    .filter(|h| h.contains('.') && !h.contains(char::is_whitespace))
                    .ok_or(NtaError::Malformed("ntamx"))?;
                mx.push((pref, host));
            }
            _ => {}
        }
    }
    let start = start.ok_or(NtaError::Missing("startdate"))?;
    let end = end.ok_or(NtaError::Missing("enddate"))?;
    if end < start {
        return Err(NtaError::EmptyRange);
    }
    mx.sort();
    Ok(Nta7516 {
        start,
        end,
        provider,
        mx,
    })
}

impl Nta7516 {
    /// Valid in month `now` (start and end months included).
    pub fn is_current(&self, now: YearMonth) -> bool {
        self.start <= now && now <= self.end
    }
}

/// From a TXT RRset: the one current NTA 7516 record, if any. Records that
/// are not NTA 7516 are ignored; malformed or expired ones do not count.
pub fn current(records: &[String], now: YearMonth) -> Option<Nta7516> {
    records
        .iter()
        .filter_map(|r| parse(r).ok())
        .find(|r| r.is_current(now))
}

/// Look up the domain's TXT records and return its current NTA 7516
/// record, with the DNSSEC status of the answer (the caller decides
/// whether an insecure declaration counts).
pub async fn lookup(
    dns: &crate::net::dns::Dns,
    domain: &str,
) -> Result<(Option<Nta7516>, crate::net::dns::Security), crate::net::dns::DnsError> {
    let rs = dns.txt(domain).await?;
    Ok((current(&rs.records, YearMonth::now()), rs.security))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: u8) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn full_record() {
        let r = parse("v=NTA7516-1;startdate=2024-01;enddate=2026-12;provider=Zorgmail;ntamx=20 mx2.example.nl;ntamx=10 MX1.example.nl.").unwrap();
        assert_eq!(r.start, ym(2024, 1));
        assert_eq!(r.end, ym(2026, 12));
        assert_eq!(r.provider.as_deref(), Some("Zorgmail"));
        assert_eq!(
            r.mx,
            vec![(10, "mx1.example.nl".into()), (20, "mx2.example.nl".into())]
        );
    }

    #[test]
    fn spaces_and_unknown_fields_are_tolerated() {
        let r = parse("v=NTA7516-1; startdate=2024-01 ; enddate=2024-02; future=x;").unwrap();
        assert!(r.mx.is_empty());
        assert_eq!(r.provider, None);
    }

    #[test]
    fn malformed_records() {
        assert_eq!(parse("v=spf1 -all"), Err(NtaError::NotNta));
        assert_eq!(
            parse("startdate=2024-01;v=NTA7516-1"),
            Err(NtaError::NotNta)
        );
        assert_eq!(
            parse("v=NTA7516-1;enddate=2024-01"),
            Err(NtaError::Missing("startdate"))
        );
        assert_eq!(
            parse("v=NTA7516-1;startdate=2024-01"),
            Err(NtaError::Missing("enddate"))
        );
        assert_eq!(
            parse("v=NTA7516-1;startdate=2024-13;enddate=2025-01"),
            Err(NtaError::Malformed("startdate"))
        );
        assert_eq!(
            parse("v=NTA7516-1;startdate=24-01;enddate=2025-01"),
            Err(NtaError::Malformed("startdate"))
        );
        assert_eq!(
            parse("v=NTA7516-1;startdate=2025-01;enddate=2024-01"),
            Err(NtaError::EmptyRange)
        );
        assert_eq!(
            parse("v=NTA7516-1;startdate=2024-01;enddate=2025-01;ntamx=x mx.example.nl"),
            Err(NtaError::Malformed("ntamx"))
        );
        assert_eq!(
            parse("v=NTA7516-1;startdate=2024-01;enddate=2025-01;ntamx=10 localhost"),
            Err(NtaError::Malformed("ntamx"))
        );
        assert!(parse(&format!("v=NTA7516-1;provider={}", "x".repeat(3000))).is_err());
    }

    #[test]
    fn older_colon_form_is_accepted() {
        let r = parse("v=NTA7516;version:2019-06;expire:2019-10;provider:smartlockr;ntamx:mx.mail.de;ntamx:mx2.mail.de").unwrap();
        assert_eq!(r.start, ym(2019, 6));
        assert_eq!(r.end, ym(2019, 10));
        assert_eq!(r.provider.as_deref(), Some("smartlockr"));
        assert_eq!(
            r.mx,
            vec![(0, "mx.mail.de".into()), (0, "mx2.mail.de".into())]
        );
    }

    #[test]
    fn validity_is_inclusive_month_range() {
        let r = parse("v=NTA7516-1;startdate=2024-03;enddate=2025-02").unwrap();
        assert!(!r.is_current(ym(2024, 2)));
        assert!(r.is_current(ym(2024, 3)));
        assert!(r.is_current(ym(2025, 2)));
        assert!(!r.is_current(ym(2025, 3)));
        let recs = vec![
            "v=spf1 -all".to_string(),
            "v=NTA7516-1;startdate=2020-01;enddate=2020-12".to_string(),
            "v=NTA7516-1;startdate=2024-01;enddate=2030-12;provider=P".to_string(),
        ];
        assert_eq!(
            current(&recs, ym(2026, 11)).and_then(|r| r.provider),
            Some("P".into())
        );
        assert_eq!(current(&recs, ym(2031, 1)), None);
    }

    #[test]
    fn civil_month_from_days() {
        assert_eq!(YearMonth::from_unix_days(0), ym(1970, 1));
        assert_eq!(YearMonth::from_unix_days(19_782), ym(2024, 2)); // 2024-02-29
        assert_eq!(YearMonth::from_unix_days(19_783), ym(2024, 3));
        assert_eq!(YearMonth::from_unix_days(20_454), ym(2026, 1)); // 2026-01-01
    }
}
