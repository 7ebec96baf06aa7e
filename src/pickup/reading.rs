//! Reading an authorised pickup: the small sealed view for the message
//! page, the whole message for downloads, download audit, and replies.
//! Every call takes an [`Opened`] session, so nothing here runs without a
//! session authorised for that very pickup.

use super::blobs::BlobKind;
use super::service::{Client, Opened, MAGIC};
use super::{crypto, view, Pickup, PickupError};

impl Pickup {
    /// Decrypt what the message page shows (small; no attachment bytes).
    pub async fn view(&self, opened: &Opened) -> Result<view::MessageView, PickupError> {
        let blob = self
            .blobs
            .get(&opened.row.id, BlobKind::View, opened.row.blob_in_db)
            .await?
            .ok_or(PickupError::Gone)?;
        let plain = opened.secret.open(&blob)?;
        let mut doc: serde_json::Value =
            serde_json::from_slice(&plain).map_err(|_| crypto::CryptoError::Decrypt)?;
        if doc["pickup"] != opened.row.id.as_str()
            || doc["message_id"] != opened.row.message_id.as_str()
        {
            return Err(crypto::CryptoError::Decrypt.into());
        }
        serde_json::from_value(doc["view"].take())
            .map_err(|_| PickupError::Crypto(crypto::CryptoError::Decrypt))
    }

    /// Decrypt the parked message of an authorised session.
    pub async fn message(&self, opened: &Opened) -> Result<Vec<u8>, PickupError> {
        let blob = self
            .blobs
            .get(&opened.row.id, BlobKind::Message, opened.row.blob_in_db)
            .await?
            .ok_or(PickupError::Gone)?;
        let plain = opened.secret.open(&blob)?;
        let rest = plain
            .strip_prefix(MAGIC)
            .ok_or(crypto::CryptoError::Decrypt)?;
        let nl = rest
            .iter()
            .position(|b| *b == b'\n')
            .ok_or(crypto::CryptoError::Decrypt)?;
        let (head, body) = rest.split_at(nl);
        let head: serde_json::Value =
            serde_json::from_slice(head).map_err(|_| crypto::CryptoError::Decrypt)?;
        if head["pickup"] != opened.row.id.as_str()
            || head["message_id"] != opened.row.message_id.as_str()
        {
            return Err(crypto::CryptoError::Decrypt.into());
        }
        Ok(body.get(1..).unwrap_or_default().to_vec())
    }

    /// Record one attachment download: its index, a hash of its name and,
    /// with `[audit] names_recipient`, the name encrypted to the practice's
    /// audit key (a name like "uitslag Jansen.pdf" is itself sensitive, so
    /// the server keeps it only in a form it cannot read).
    pub fn record_download(&self, opened: &Opened, index: usize, name: &str, client: &Client) {
        use base64::Engine;
        use sha2::Digest;
        let mut e = self.client_event(&opened.row, "downloaded", client);
        e.detail["attachment"] = serde_json::json!(index);
        e.detail["name_sha256"] =
            serde_json::json!(hex::encode(&sha2::Sha256::digest(name.as_bytes())[..8]));
        if let Some(recipient) = self
            .config
            .audit
            .names_recipient
            .as_deref()
            .and_then(|r| r.parse::<age::x25519::Recipient>().ok())
        {
            match age::encrypt(&recipient, name.as_bytes()) {
                Ok(sealed) => {
                    e.detail["name_sealed"] =
                        serde_json::json!(base64::engine::general_purpose::STANDARD.encode(sealed));
                }
                Err(err) => {
                    tracing::warn!(error = %err, "cannot seal a document name for the audit")
                }
            }
        }
        self.audit.record(e);
    }

    /// Hand the recipient's reply (built by `mail::reply`: `From:` the
    /// notification address) to the pipeline: DKIM-signed for the
    /// practice like the notification, with the notification address as
    /// envelope sender (a bounce goes to the practice, never to the
    /// patient). The pipeline treats it as sensitive mail.
    pub async fn reply(
        &self,
        opened: &Opened,
        raw: Vec<u8>,
        files: usize,
        client: &Client,
    ) -> Result<(), PickupError> {
        let row = &opened.row;
        let raw = self.dkim.sign(&row.tenant, raw);
        let id = self
            .replies
            .reply(&row.tenant, &self.cfg().notify_from, &row.sender, raw)
            .await
            .map_err(PickupError::Reply)?;
        let mut e = self.client_event(row, "replied", client);
        e.detail["attachments"] = serde_json::json!(files);
        e.detail["reply_message"] = serde_json::json!(id);
        self.audit.record(e);
        Ok(())
    }
}
