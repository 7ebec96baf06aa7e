//! `[pickup]`: secure pickup (parked mail, codes, sessions, portal, SMS,
//! DKIM).

use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where parked (encrypted) messages are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlobStorage {
    /// `database` when the store is PostgreSQL (several nodes share it, so
    /// the portal works on any node), `file` otherwise (the default).
    Auto,
    /// One file per message in `pickup.blob_dir` (fsynced).
    File,
    /// In the database (`pickup_blob_chunks`, chunks of
    /// `blob_chunk_bytes`), for several nodes without shared disk.
    Database,
}

impl BlobStorage {
    /// `Auto` made concrete for a store of this kind.
    pub fn resolve(self, postgres: bool) -> BlobStorage {
        match self {
            BlobStorage::Auto if postgres => BlobStorage::Database,
            BlobStorage::Auto => BlobStorage::File,
            other => other,
        }
    }
}

/// How one-time codes reach a phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmsMode {
    /// Demo and tests: each SMS is written as a file in `sms_file_dir`.
    File,
    /// A generic HTTP SMS provider API.
    Http,
}

/// Secure pickup: parked mail, notification, codes, sessions, portal.
#[derive(Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PickupConfig {
    /// Address the portal listens on (HTTPS with the `[tls]` certificate).
    pub listen: SocketAddr,
    /// Portal connections served at once; more wait in the listen backlog.
    pub max_connections: usize,
    pub handshake_timeout_secs: u64,
    /// A client must send a request's headers within this time.
    pub header_read_timeout_secs: u64,
    /// Public base URL of the portal, used in links (no trailing slash).
    pub base_url: String,
    pub blob_storage: BlobStorage,
    /// Parked messages as files (also read for older pickups after a
    /// switch to the database).
    pub blob_dir: PathBuf,
    /// Size of one database chunk of a parked message (default 1 MiB; a
    /// blob is written in one transaction, read in order).
    pub blob_chunk_bytes: usize,
    /// HMAC key for signed revoke links and code hashes (32 random bytes,
    /// created with mode 0600 when missing).
    pub server_key_file: PathBuf,
    /// A parked message is deleted (crypto-shredded) after this many days.
    pub expiry_days: u64,
    /// Largest message that may be parked, in bytes.
    pub max_message_size: u64,
    pub code_digits: u32,
    pub code_ttl_secs: u64,
    /// Wrong entries allowed for one code; the code is dead after that.
    pub code_max_attempts: u32,
    /// Rate-limit window for the three limits below.
    pub rate_window_secs: u64,
    pub max_codes_per_link: u32,
    /// Codes one link may get over its whole life (default 10). Then the
    /// link is locked (closed, audited as `pickup-locked`) and the sender
    /// is told by mail: with `code_max_attempts` tries per code this caps
    /// the guesses on one link at their product (50 by default).
    pub max_codes_per_link_lifetime: u32,
    pub max_codes_per_address: u32,
    /// Code requests plus code entries from one IP address per window.
    pub max_requests_per_ip: u32,
    pub session_idle_secs: u64,
    /// A session ends after this long even when in use.
    pub session_max_secs: u64,
    /// Practice name, phone number and website, shown in every notification
    /// and on the portal so a patient can check the mail is genuine by
    /// calling the practice. Phone and website are required: `sluis config`
    /// and start-up say so when they are empty (`practice_contact` is the
    /// old name of `practice_phone`).
    pub practice_name: String,
    #[serde(alias = "practice_contact")]
    pub practice_phone: String,
    pub practice_website: String,
    /// Sender of notifications, code mails and notices to the sender.
    pub notify_from: String,
    /// Show the original subject in the notification (off: it may hold health data).
    pub notify_show_subject: bool,
    /// Transport requirement for the mails pickup sends (notifications,
    /// code mails, notices). They hold no patient data, but a link and a
    /// code are worth protecting: STARTTLS by default.
    pub notification_transport: crate::types::TransportRequirement,
    /// The weakest transport for a recipient's reply from the portal. A
    /// reply is sensitive mail, so the policy's floor (`dane-or-mta-sts`)
    /// applies anyway; a stricter value here (`dane`, `nta7516`) raises
    /// every `deliver` the policy picks for a reply. It never lowers.
    pub reply_transport: crate::types::TransportRequirement,
    /// Send the sender a confirmation with a revoke link when parking.
    pub sender_confirmation: bool,
    /// Tell the sender when the message is first opened.
    pub notify_sender_on_open: bool,
    pub max_reply_size: u64,
    pub max_reply_attachments: usize,
    /// How often the expiry sweeper runs.
    pub sweep_interval_secs: u64,
    pub sms_mode: SmsMode,
    pub sms_file_dir: PathBuf,
    /// Provider endpoint, e.g. `https://sms.example/api/send`.
    pub sms_http_url: String,
    /// Full header line sent with each request, e.g. `Authorization: Bearer ...`
    /// (a secret: never printed).
    pub sms_http_auth_header: String,
    /// Request body; `{to}` and `{text}` are replaced (JSON-escaped when
    /// the content type is JSON, form-encoded otherwise).
    pub sms_http_body_template: String,
    pub sms_http_content_type: String,
    pub sms_http_timeout_secs: u64,
    /// DKIM keys for the mails pickup sends. A tenant may have one RSA and
    /// one Ed25519 key: the mail then carries both signatures, RSA first
    /// (every large provider verifies RSA; Ed25519 is the modern second).
    pub dkim: Vec<DkimKeyConfig>,
    /// For a tenant without a configured key, create in `dkim_dir` an
    /// RSA-2048 key (`<tenant>.rsa.key`, selector `dkim_rsa_selector`) and
    /// an Ed25519 key (`<tenant>.key`, selector `dkim_selector`), each
    /// with the DNS record to publish beside it (`*.dns.txt`).
    pub dkim_generate: bool,
    pub dkim_dir: PathBuf,
    /// Selector of the generated Ed25519 key.
    pub dkim_selector: String,
    /// Selector of the generated RSA-2048 key.
    pub dkim_rsa_selector: String,
}

impl PickupConfig {
    /// The required practice details that are not set, each as a Dutch and
    /// an English sentence for `sluis config` and the start-up log.
    pub fn missing_practice_details(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.practice_phone.trim().is_empty() {
            out.push(
                "pickup.practice_phone ontbreekt: zonder telefoonnummer kan een patiënt niet \
                 nagaan of de melding echt is (vul het nummer van de praktijk in) / \
                 pickup.practice_phone is missing: without a phone number a patient cannot \
                 check that the notification is genuine (set the practice's number)"
                    .to_string(),
            );
        }
        if self.practice_website.trim().is_empty() {
            out.push(
                "pickup.practice_website ontbreekt: de melding noemt dan geen website van de \
                 praktijk (vul bijvoorbeeld https://www.praktijk.nl in) / \
                 pickup.practice_website is missing: the notification then names no website \
                 of the practice (set for example https://www.praktijk.nl)"
                    .to_string(),
            );
        }
        out
    }
}

/// DKIM signing algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DkimAlgorithm {
    Ed25519,
    Rsa,
}

/// One tenant's DKIM key (PKCS#8 PEM; RSA may also be PKCS#1).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimKeyConfig {
    pub tenant: String,
    pub domain: String,
    pub selector: String,
    pub key_file: PathBuf,
    pub algorithm: DkimAlgorithm,
}

impl Default for PickupConfig {
    fn default() -> Self {
        PickupConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 8443)),
            max_connections: 1000,
            handshake_timeout_secs: 10,
            header_read_timeout_secs: 30,
            base_url: "https://localhost:8443".into(),
            blob_storage: BlobStorage::Auto,
            blob_dir: "data/pickup".into(),
            blob_chunk_bytes: 1024 * 1024,
            server_key_file: "data/pickup-server.key".into(),
            expiry_days: 30,
            max_message_size: 50 * 1024 * 1024,
            code_digits: 6,
            code_ttl_secs: 300,
            code_max_attempts: 5,
            rate_window_secs: 3600,
            max_codes_per_link: 5,
            max_codes_per_link_lifetime: 10,
            max_codes_per_address: 10,
            max_requests_per_ip: 60,
            session_idle_secs: 900,
            session_max_secs: 8 * 3600,
            practice_name: "Huisartsenpraktijk".into(),
            practice_phone: "".into(),
            practice_website: "".into(),
            notify_from: "no-reply@sluis.localdomain".into(),
            notify_show_subject: false,
            notification_transport: crate::types::TransportRequirement::Tls,
            reply_transport: crate::types::TransportRequirement::DaneOrMtaSts,
            sender_confirmation: true,
            notify_sender_on_open: true,
            max_reply_size: 25 * 1024 * 1024,
            max_reply_attachments: 10,
            sweep_interval_secs: 60,
            sms_mode: SmsMode::File,
            sms_file_dir: "data/sms".into(),
            sms_http_url: "".into(),
            sms_http_auth_header: "".into(),
            sms_http_body_template: r#"{"to":"{to}","text":"{text}"}"#.into(),
            sms_http_content_type: "application/json".into(),
            sms_http_timeout_secs: 10,
            dkim: vec![],
            dkim_generate: true,
            dkim_dir: "data/dkim".into(),
            dkim_selector: "sluis".into(),
            dkim_rsa_selector: "sluis-rsa".into(),
        }
    }
}

impl std::fmt::Debug for PickupConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PickupConfig")
            .field("listen", &self.listen)
            .field("base_url", &self.base_url)
            .field("blob_storage", &self.blob_storage)
            .field("expiry_days", &self.expiry_days)
            .field("sms_mode", &self.sms_mode)
            .field("sms_http_url", &self.sms_http_url)
            .finish_non_exhaustive()
    }
}
