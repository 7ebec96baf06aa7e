//! SMS: how a one-time code reaches a phone. Two senders behind one trait:
//! a file sink (demo and tests: one file per SMS in a folder) and a generic
//! HTTP provider API (URL, one auth header, a body template with `{to}` and
//! `{text}`).
//!
//! Promises: the code is never logged; errors name the provider status,
//! never the text. The HTTP call has a timeout.

use super::BoxFuture;
use crate::config::{PickupConfig, SmsMode};
use crate::net::http;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    #[error("SMS file sink: {0}")]
    File(std::io::Error),
    #[error("SMS provider: {0}")]
    Http(#[from] http::HttpError),
    #[error("SMS provider answered HTTP {0}")]
    Status(u16),
    #[error("SMS provider not configured (pickup.sms_http_url)")]
    NotConfigured,
}

/// Sends one text message.
pub trait SmsSender: Send + Sync {
    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> BoxFuture<'a, Result<(), SmsError>>;
}

/// Writes each SMS as `<time>-<random>.sms` (first line `To: ...`, then the text).
pub struct FileSms {
    pub dir: PathBuf,
}

impl SmsSender for FileSms {
    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> BoxFuture<'a, Result<(), SmsError>> {
        Box::pin(async move {
            let name = format!(
                "{}-{}.sms",
                crate::now_ms(),
                hex::encode(rand::random::<[u8; 4]>())
            );
            // The file holds a code: private (0600 in a 0700 folder).
            let dir = self.dir.clone();
            let content = format!("To: {to}\n\n{text}\n");
            tokio::task::spawn_blocking(move || {
                crate::private_fs::create_dir_all(&dir)?;
                crate::private_fs::write(&dir.join(name), content.as_bytes())
            })
            .await
            .map_err(|e| SmsError::File(std::io::Error::other(e)))?
            .map_err(SmsError::File)
        })
    }
}

/// A generic HTTP SMS API.
pub struct HttpSms {
    pub url: String,
    pub auth_header: String,
    pub body_template: String,
    pub content_type: String,
    pub timeout: Duration,
    /// Extra trust roots (tests); the public web roots otherwise.
    pub tls: Option<Arc<rustls::ClientConfig>>,
}

impl HttpSms {
    /// The request body: the template with `{to}` and `{text}` filled in,
    /// escaped for JSON or form encoding by the content type.
    pub fn body(&self, to: &str, text: &str) -> String {
        let enc = |s: &str| -> String {
            if self.content_type.contains("json") {
                let quoted = serde_json::to_string(s).unwrap_or_default();
                quoted
                    .strip_prefix('"')
                    .and_then(|q| q.strip_suffix('"'))
                    .unwrap_or_default()
                    .to_string()
            } else {
                form_encode(s)
            }
        };
        // Fill `{text}` last so a `{to}` inside the text is not replaced.
        self.body_template
            .replace("{to}", &enc(to))
            .replace("{text}", &enc(text))
    }
}

fn form_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl SmsSender for HttpSms {
    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> BoxFuture<'a, Result<(), SmsError>> {
        Box::pin(async move {
            if self.url.is_empty() {
                return Err(SmsError::NotConfigured);
            }
            let mut headers = vec![("Content-Type".to_string(), self.content_type.clone())];
            if let Some((name, value)) = self.auth_header.split_once(':') {
                headers.push((name.trim().to_string(), value.trim().to_string()));
            }
            let resp = http::request(
                "POST",
                &self.url,
                &headers,
                self.body(to, text).into_bytes(),
                self.timeout,
                self.tls.clone(),
            )
            .await?;
            if (200..300).contains(&resp.status) {
                Ok(())
            } else {
                Err(SmsError::Status(resp.status))
            }
        })
    }
}

/// The sender the configuration asks for.
pub fn from_config(cfg: &PickupConfig) -> Arc<dyn SmsSender> {
    match cfg.sms_mode {
        SmsMode::File => Arc::new(FileSms {
            dir: cfg.sms_file_dir.clone(),
        }),
        SmsMode::Http => Arc::new(HttpSms {
            url: cfg.sms_http_url.clone(),
            auth_header: cfg.sms_http_auth_header.clone(),
            body_template: cfg.sms_http_body_template.clone(),
            content_type: cfg.sms_http_content_type.clone(),
            timeout: Duration::from_secs(cfg.sms_http_timeout_secs),
            tls: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sms(template: &str, ct: &str) -> HttpSms {
        HttpSms {
            url: String::new(),
            auth_header: String::new(),
            body_template: template.into(),
            content_type: ct.into(),
            timeout: Duration::from_secs(1),
            tls: None,
        }
    }

    #[test]
    fn json_bodies_escape_quotes_and_form_bodies_percent_encode() {
        let j = sms(r#"{"to":"{to}","text":"{text}"}"#, "application/json");
        let body = j.body("+31612345678", "code \"1\" {to}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["text"], "code \"1\" {to}");
        assert_eq!(v["to"], "+31612345678");
        let f = sms("to={to}&msg={text}", "application/x-www-form-urlencoded");
        assert_eq!(f.body("+316", "a b&c"), "to=%2B316&msg=a+b%26c");
    }

    #[tokio::test]
    async fn file_sink_writes_one_file_per_sms() {
        let dir = tempfile::tempdir().unwrap();
        let s = FileSms {
            dir: dir.path().join("sms"),
        };
        s.send("+31600000001", "123456").await.unwrap();
        let files: Vec<_> = std::fs::read_dir(dir.path().join("sms")).unwrap().collect();
        assert_eq!(files.len(), 1);
    }
}
