//! `sluis doctor`: checks the local installation, one line per check,
//! Dutch first, then English: the configuration file, the policy files,
//! the TLS certificate and its expiry, the store, the spool folder, and the
//! relay host (connect and a 220 greeting). Exit 1 when a check fails.
//!
//! It reads and probes only: the store is not created or migrated when it
//! does not exist yet, the spool is not opened (a running gateway holds it),
//! only a probe file is written and removed. The practice's own domain
//! (SPF, DKIM, DMARC, MTA-STS, TLS-RPT, TLSA, NTA 7516) is checked by
//! `sluis doctor --domain` (`doctor_domain`).

use crate::config::Config;
use std::io::Write as _;
use std::path::Path;
use std::time::Duration;

/// Outcome of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Ok,
    Warn,
    Fail,
}

impl Status {
    fn label(self) -> &'static str {
        match self {
            Status::Ok => "OK         ",
            Status::Warn => "LET OP/WARN",
            Status::Fail => "FOUT/FAIL  ",
        }
    }
}

/// One line of the report.
#[derive(Debug)]
pub struct Check {
    pub status: Status,
    /// Dutch, then English.
    pub text: String,
}

fn check(status: Status, nl: &str, en: &str) -> Check {
    Check {
        status,
        text: format!("{nl} / {en}"),
    }
}

const PROBE_TIMEOUT: Duration = Duration::from_secs(5);
/// A certificate closer to its end than this is a warning.
const CERT_WARN_DAYS: i64 = 21;

/// Run every check; `config` is the loaded configuration or why it could
/// not be loaded, `source` which file it came from.
pub async fn run(config: Result<Config, String>, source: Option<&Path>) -> Vec<Check> {
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            return vec![check(
                Status::Fail,
                &format!("configuratie onleesbaar: {e}"),
                "configuration cannot be read",
            )]
        }
    };
    let mut out = vec![match source {
        Some(p) => check(
            Status::Ok,
            &format!("configuratie {}", p.display()),
            "configuration file read",
        ),
        None => check(
            Status::Warn,
            "geen configuratiebestand gevonden, ingebouwde standaardwaarden",
            "no configuration file found, built-in defaults",
        ),
    }];
    out.push(policy(&config.policy.dir));
    out.extend(certificate(&config));
    out.push(store(&config.store.url).await);
    out.push(spool(&config.spool.dir));
    out.push(relay(&config).await);
    out
}

fn policy(dir: &Path) -> Check {
    let (set, diags) = crate::policy::load::load_path(dir);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    match set {
        Some(_) if errors == 0 && warnings == 0 => check(
            Status::Ok,
            &format!("beleid {} in orde", dir.display()),
            "policy files valid",
        ),
        Some(_) if errors == 0 => check(
            Status::Warn,
            &format!(
                "beleid {}: {warnings} waarschuwing(en), zie `sluis policy check`",
                dir.display()
            ),
            "policy warnings, see `sluis policy check`",
        ),
        _ => check(
            Status::Fail,
            &format!(
                "beleid {}: {errors} fout(en), zie `sluis policy check`",
                dir.display()
            ),
            "policy errors, see `sluis policy check`",
        ),
    }
}

fn certificate(config: &Config) -> Vec<Check> {
    let tls = &config.tls;
    let cert_path = &tls.certificate;
    let pem = match std::fs::read(cert_path) {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && tls.generate_self_signed => {
            return vec![check(
                Status::Warn,
                &format!(
                    "certificaat {} ontbreekt; bij de start wordt een zelfondertekend gemaakt (alleen voor een demo)",
                    cert_path.display()
                ),
                "certificate missing; a self-signed one is made at start (demo only)",
            )]
        }
        Err(e) => {
            return vec![check(
                Status::Fail,
                &format!("certificaat {} onleesbaar: {e}", cert_path.display()),
                "certificate cannot be read",
            )]
        }
    };
    let mut out = vec![cert_expiry(&pem, cert_path, crate::now_ms() / 1000)];
    out.push(match std::fs::read(&tls.private_key) {
        Ok(_) => check(
            Status::Ok,
            &format!("sleutel {} leesbaar", tls.private_key.display()),
            "private key readable",
        ),
        Err(e) => check(
            Status::Fail,
            &format!("sleutel {} onleesbaar: {e}", tls.private_key.display()),
            "private key cannot be read",
        ),
    });
    out
}

/// The first certificate of a PEM file against `now` (Unix seconds).
pub fn cert_expiry(pem: &[u8], path: &Path, now: i64) -> Check {
    let der = rustls_pemfile::certs(&mut &pem[..]).next();
    let Some(Ok(der)) = der else {
        return check(
            Status::Fail,
            &format!("{}: geen PEM-certificaat", path.display()),
            "no PEM certificate",
        );
    };
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(der.as_ref()) else {
        return check(
            Status::Fail,
            &format!("{}: certificaat onleesbaar", path.display()),
            "certificate cannot be parsed",
        );
    };
    let not_after = cert.validity().not_after.timestamp();
    let days = (not_after - now).div_euclid(86_400);
    let until = super::audit_pickups::local_time(not_after.saturating_mul(1000));
    let subject = cert.subject().to_string();
    if not_after <= now {
        check(
            Status::Fail,
            &format!("certificaat {subject} is verlopen sinds {until}"),
            "certificate has expired",
        )
    } else if days < CERT_WARN_DAYS {
        check(
            Status::Warn,
            &format!("certificaat {subject} verloopt over {days} dag(en), {until}"),
            &format!("certificate expires in {days} day(s): renew it"),
        )
    } else {
        check(
            Status::Ok,
            &format!("certificaat {subject} geldig tot {until} ({days} dagen)"),
            &format!("certificate valid for {days} days"),
        )
    }
}

async fn store(url: &str) -> Check {
    // A SQLite file that is not there yet would be created by connecting:
    // say so instead.
    if let Some(path) = url.strip_prefix("sqlite://") {
        let path = path.split('?').next().unwrap_or(path);
        if !path.is_empty() && path != ":memory:" && !Path::new(path).exists() {
            return check(
                Status::Warn,
                &format!("database {path} bestaat nog niet (de eerste start maakt hem aan)"),
                "database not created yet (the first start creates it)",
            );
        }
    }
    let shown = redact_url(url);
    // Opened without migrating: the schema is only compared with this build.
    let probe = async {
        let store = crate::store::Store::open(url, 1)
            .await
            .map_err(|e| e.to_string())?;
        let status = crate::store::schema::status(store.pool(), crate::server::STORE_COMPONENTS)
            .await
            .map_err(|e| e.to_string())?;
        crate::store::schema::check(&status).map_err(|e| e.to_string())?;
        Ok::<_, String>(status.iter().any(|s| s.behind()))
    };
    match tokio::time::timeout(PROBE_TIMEOUT, probe).await {
        Ok(Ok(false)) => check(
            Status::Ok,
            &format!("database {shown} bereikbaar"),
            "store reachable",
        ),
        Ok(Ok(true)) => check(
            Status::Warn,
            &format!(
                "database {shown} bereikbaar; het schema loopt achter (`sluis migrate`, of de start migreert)"
            ),
            "store reachable; schema behind this build (`sluis migrate`, or the start migrates)",
        ),
        Ok(Err(e)) => check(
            Status::Fail,
            &format!("database {shown} onbereikbaar: {e}"),
            "store unreachable",
        ),
        Err(_) => check(
            Status::Fail,
            &format!("database {shown} antwoordt niet binnen 5 s"),
            "store did not answer within 5 s",
        ),
    }
}

/// A database URL without its password.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme && url[scheme + 3..at].contains(':') => {
            let user = url[scheme + 3..at].split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

fn spool(dir: &Path) -> Check {
    if !dir.exists() {
        return check(
            Status::Warn,
            &format!(
                "spoolmap {} bestaat nog niet (de eerste start maakt hem aan)",
                dir.display()
            ),
            "spool folder not created yet (the first start creates it)",
        );
    }
    let probe = dir.join(format!(".doctor-{}", std::process::id()));
    let result = std::fs::File::create(&probe).and_then(|mut f| {
        f.write_all(b"probe")?;
        f.sync_all()
    });
    let _ = std::fs::remove_file(&probe);
    match result {
        Ok(()) => check(
            Status::Ok,
            &format!(
                "spoolmap {} beschrijfbaar (schrijven + fsync)",
                dir.display()
            ),
            "spool folder writable (write + fsync)",
        ),
        Err(e) => check(
            Status::Fail,
            &format!("spoolmap {} niet beschrijfbaar: {e}", dir.display()),
            "spool folder not writable",
        ),
    }
}

async fn relay(config: &Config) -> Check {
    let Some(relay) = &config.delivery.relay else {
        return if config.delivery.mx_enabled {
            check(
                Status::Warn,
                "geen relay: mail gaat direct naar MX-servers (uitgaande poort 25 moet open zijn; test met `sluis delivery check DOMEIN`)",
                "no relay host: mail goes directly to MX hosts (port 25 out must be open)",
            )
        } else {
            check(
                Status::Fail,
                "geen relay en mx_enabled = false: mail kan nergens heen",
                "no relay host and MX delivery off: mail cannot leave",
            )
        };
    };
    let target = format!("{}:{}", relay.host, relay.port);
    match tokio::time::timeout(PROBE_TIMEOUT, greeting(&target)).await {
        Ok(Ok(line)) if line.starts_with("220") => check(
            Status::Ok,
            &format!("relay {target} antwoordt: {}", line.trim_end()),
            "relay host answers",
        ),
        Ok(Ok(line)) => check(
            Status::Fail,
            &format!("relay {target} weigert: {}", line.trim_end()),
            "relay host refuses",
        ),
        Ok(Err(e)) => check(
            Status::Fail,
            &format!("relay {target} onbereikbaar: {e}"),
            "relay host unreachable",
        ),
        Err(_) => check(
            Status::Fail,
            &format!("relay {target} antwoordt niet binnen 5 s"),
            "relay host did not answer within 5 s",
        ),
    }
}

/// Connect, read the greeting's first line, say QUIT.
async fn greeting(target: &str) -> std::io::Result<String> {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
    let stream = tokio::net::TcpStream::connect(target).await?;
    let mut reader = tokio::io::BufReader::new(stream);
    let mut line = String::new();
    // A greeting line is short; a server that sends more is cut off.
    let mut limited = (&mut reader).take(512);
    limited.read_line(&mut line).await?;
    let _ = reader.get_mut().write_all(b"QUIT\r\n").await;
    Ok(line
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect())
}

/// The report as one JSON object per check per line (`status`: ok, warn,
/// fail; `nl` and `en`); exit code 1 when any check failed.
pub fn print_json(checks: &[Check]) -> i32 {
    for c in checks {
        let (nl, en) = c.text.split_once(" / ").unwrap_or((&c.text, &c.text));
        let status = match c.status {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Fail => "fail",
        };
        println!(
            "{}",
            serde_json::json!({ "status": status, "nl": nl, "en": en })
        );
    }
    i32::from(checks.iter().any(|c| c.status == Status::Fail))
}

/// Print the report; exit code 1 when any check failed.
pub fn print(checks: &[Check]) -> i32 {
    for c in checks {
        println!("{}  {}", c.status.label(), c.text);
    }
    i32::from(checks.iter().any(|c| c.status == Status::Fail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact_url("postgres://sluis:geheim@db:5432/sluis"),
            "postgres://sluis:***@db:5432/sluis"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1:5432/test"),
            "postgres://postgres@127.0.0.1:5432/test"
        );
        assert_eq!(
            redact_url("sqlite:///var/lib/sluis/sluis.db"),
            "sqlite:///var/lib/sluis/sluis.db"
        );
    }

    #[test]
    fn certificate_expiry_levels() {
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(vec!["sluis.test".into()]).unwrap();
        params.not_after = rcgen::date_time_ymd(2027, 1, 1);
        let pem = params.self_signed(&key).unwrap().pem();
        let path = Path::new("c.pem");
        let day = 86_400;
        let end = 1_798_761_600; // 2027-01-01T00:00:00Z
        assert_eq!(
            cert_expiry(pem.as_bytes(), path, end - 100 * day).status,
            Status::Ok
        );
        let soon = cert_expiry(pem.as_bytes(), path, end - 10 * day);
        assert_eq!(soon.status, Status::Warn);
        assert!(soon.text.contains("verloopt over 10 dag"), "{}", soon.text);
        assert_eq!(
            cert_expiry(pem.as_bytes(), path, end + 1).status,
            Status::Fail
        );
        assert_eq!(cert_expiry(b"nonsense", path, end).status, Status::Fail);
    }
}
