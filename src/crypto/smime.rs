//! S/MIME (RFC 8551): certificate checks and CMS encryption of a MIME
//! entity to one recipient certificate.
//!
//! EnvelopedData with AES-256-CBC is the compatible default;
//! AuthEnvelopedData with AES-256-GCM (RFC 5083/5084) is used when the
//! certificate announces it in SMIMECapabilities, or when configured.
//! Key transport is RSA PKCS#1 v1.5, or RSAES-OAEP (SHA-256) when the
//! certificate's key is an RSAES-OAEP key. The recipient is identified by
//! issuer and serial number (the most widely understood form).
//!
//! A certificate is usable only when it is valid now, is an RSA key of at
//! least 2048 bits, allows key encipherment (keyUsage) and e-mail
//! protection (extendedKeyUsage, when present), and names the recipient's
//! address (subjectAltName rfc822Name or subject emailAddress). Chains are
//! not built here: trust comes from the source (the operator's import, or
//! DNSSEC for DANE-EE SMIMEA).

use super::{mime, smime_ecdh, CryptoError, SmimeCipher};
use aes::cipher::{block_padding::Pkcs7, BlockEncryptMut, KeyIvInit};
use aes_gcm::aead::{Aead, Payload};
use aes_gcm::KeyInit;
use cms::cert::IssuerAndSerialNumber;
use cms::content_info::{CmsVersion, ContentInfo};
use cms::enveloped_data::{
    EncryptedContentInfo, EnvelopedData, KeyTransRecipientInfo, RecipientIdentifier, RecipientInfo,
    RecipientInfos,
};
use const_oid::ObjectIdentifier;
use der::asn1::{Null, OctetString, SetOfVec};
use der::{Any, Decode, Encode, Sequence};
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::traits::PublicKeyParts;
use sha2::Digest;
use spki::AlgorithmIdentifierOwned;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{ExtendedKeyUsage, KeyUsage, SubjectAltName};
use x509_cert::Certificate;

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const RSAES_OAEP: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.7");
const MGF1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.8");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const AES256_CBC: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.1.42");
const AES256_GCM: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.1.46");
const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_ENVELOPED: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.3");
const ID_AUTH_ENVELOPED: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.23");
const SMIME_CAPABILITIES: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.15");
const EMAIL_ADDRESS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.1");
const EKU_EMAIL: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.4");
const EKU_ANY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37.0");

/// Smallest RSA modulus accepted.
pub const MIN_RSA_BITS: usize = 2048;

/// A parsed recipient certificate.
#[derive(Clone, Debug)]
pub struct SmimeCert {
    pub der: Vec<u8>,
    cert: Certificate,
    /// SHA-256 of the DER, upper-case hex.
    pub fingerprint: String,
    /// Lower-cased e-mail addresses the certificate names.
    pub emails: Vec<String>,
    pub not_before_ms: i64,
    pub not_after_ms: i64,
    /// The certificate announces AES-256-GCM.
    pub gcm_capable: bool,
}

/// RSAES-OAEP-params with SHA-256 and MGF1-SHA-256 (RFC 4055).
#[derive(Clone, Debug, Sequence)]
struct OaepParams {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    hash: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT")]
    mask_gen: AlgorithmIdentifierOwned,
}

/// GCMParameters (RFC 5084); the tag length is always written (16).
#[derive(Clone, Debug, Sequence)]
struct GcmParameters {
    nonce: OctetString,
    icv_len: u8,
}

/// AuthEnvelopedData (RFC 5083), without originator info and attributes.
#[derive(Clone, Debug, Sequence)]
struct AuthEnvelopedData {
    version: CmsVersion,
    recip_infos: RecipientInfos,
    auth_encrypted_content: EncryptedContentInfo,
    mac: OctetString,
}

fn key_err(e: impl std::fmt::Display) -> CryptoError {
    CryptoError::Key(e.to_string())
}

fn enc_err(e: impl std::fmt::Display) -> CryptoError {
    CryptoError::Encrypt(e.to_string())
}

/// Parse a DER certificate.
pub fn parse_cert(der: &[u8]) -> Result<SmimeCert, CryptoError> {
    let cert = Certificate::from_der(der).map_err(|e| key_err(format!("certificate: {e}")))?;
    let tbs = &cert.tbs_certificate;
    let mut emails = Vec::new();
    let mut gcm_capable = false;
    for rdn in tbs.subject.0.iter() {
        for atv in rdn.0.iter() {
            if atv.oid == EMAIL_ADDRESS {
                if let Ok(s) = std::str::from_utf8(atv.value.value()) {
                    emails.push(s.to_ascii_lowercase());
                }
            }
        }
    }
    for ext in tbs.extensions.iter().flatten() {
        if ext.extn_id == const_oid::db::rfc5280::ID_CE_SUBJECT_ALT_NAME {
            let san = SubjectAltName::from_der(ext.extn_value.as_bytes())
                .map_err(|e| key_err(format!("subjectAltName: {e}")))?;
            for name in san.0 {
                if let GeneralName::Rfc822Name(m) = name {
                    emails.push(m.to_string().to_ascii_lowercase());
                }
            }
        } else if ext.extn_id == SMIME_CAPABILITIES {
            if let Ok(caps) = Vec::<AlgorithmIdentifierOwned>::from_der(ext.extn_value.as_bytes()) {
                gcm_capable = caps.iter().any(|c| c.oid == AES256_GCM);
            }
        }
    }
    emails.sort();
    emails.dedup();
    let ms = |t: x509_cert::time::Time| t.to_unix_duration().as_millis() as i64;
    Ok(SmimeCert {
        der: der.to_vec(),
        fingerprint: hex::encode_upper(sha2::Sha256::digest(der)),
        emails,
        not_before_ms: ms(tbs.validity.not_before),
        not_after_ms: ms(tbs.validity.not_after),
        gcm_capable,
        cert,
    })
}

/// Parse one or more certificates from PEM or DER.
pub fn parse_certs(data: &[u8]) -> Result<Vec<SmimeCert>, CryptoError> {
    if memchr::memmem::find(data, b"-----BEGIN CERTIFICATE-----").is_some() {
        let mut reader = data;
        let ders = rustls_pemfile::certs(&mut reader)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| key_err(format!("PEM: {e}")))?;
        ders.iter().map(|d| parse_cert(d.as_ref())).collect()
    } else {
        Ok(vec![parse_cert(data)?])
    }
}

impl SmimeCert {
    /// Why this certificate may not be used for `address` at `now_ms`
    /// (`None`: usable).
    pub fn unusable(&self, address: &str, now_ms: i64) -> Option<String> {
        if now_ms < self.not_before_ms {
            return Some("certificate not yet valid".into());
        }
        if now_ms > self.not_after_ms {
            return Some("certificate expired".into());
        }
        let address = address.to_ascii_lowercase();
        if !self.emails.contains(&address) {
            return Some("certificate does not name the recipient's address".into());
        }
        let tbs = &self.cert.tbs_certificate;
        for ext in tbs.extensions.iter().flatten() {
            if ext.extn_id == const_oid::db::rfc5280::ID_CE_KEY_USAGE {
                let ec = self.is_ec();
                match KeyUsage::from_der(ext.extn_value.as_bytes()) {
                    Ok(ku) if !ec && ku.key_encipherment() => {}
                    Ok(ku) if ec && ku.key_agreement() => {}
                    Ok(_) if ec => return Some("key usage does not allow key agreement".into()),
                    Ok(_) => return Some("key usage does not allow key encipherment".into()),
                    Err(_) => return Some("malformed key usage".into()),
                }
            } else if ext.extn_id == const_oid::db::rfc5280::ID_CE_EXT_KEY_USAGE {
                match ExtendedKeyUsage::from_der(ext.extn_value.as_bytes()) {
                    Ok(eku) if eku.0.iter().any(|o| *o == EKU_EMAIL || *o == EKU_ANY) => {}
                    Ok(_) => return Some("extended key usage excludes e-mail protection".into()),
                    Err(_) => return Some("malformed extended key usage".into()),
                }
            }
        }
        if self.is_ec() {
            return None;
        }
        match self.rsa_key() {
            Ok((key, _)) if key.size() * 8 >= MIN_RSA_BITS => None,
            Ok(_) => Some("RSA key shorter than 2048 bits".into()),
            Err(e) => Some(e.to_string()),
        }
    }

    /// Issuer and serial number (for matching a CRL).
    pub fn issuer_serial(&self) -> (Vec<u8>, Vec<u8>) {
        let tbs = &self.cert.tbs_certificate;
        (
            tbs.issuer.to_der().unwrap_or_default(),
            tbs.serial_number.as_bytes().to_vec(),
        )
    }

    /// A P-256 key (ECDH key agreement instead of RSA key transport).
    fn is_ec(&self) -> bool {
        smime_ecdh::is_p256(&self.cert.tbs_certificate.subject_public_key_info)
    }

    fn rsa_key(&self) -> Result<(rsa::RsaPublicKey, bool), CryptoError> {
        let spki = &self.cert.tbs_certificate.subject_public_key_info;
        let oaep = if spki.algorithm.oid == RSA_ENCRYPTION {
            false
        } else if spki.algorithm.oid == RSAES_OAEP {
            true
        } else {
            return Err(CryptoError::Key(
                "only RSA and P-256 certificates are supported for S/MIME".into(),
            ));
        };
        let key = rsa::RsaPublicKey::from_pkcs1_der(spki.subject_public_key.raw_bytes())
            .map_err(|e| key_err(format!("RSA key: {e}")))?;
        Ok((key, oaep))
    }
}

fn alg(oid: ObjectIdentifier, params: Option<Any>) -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid,
        parameters: params,
    }
}

/// A KeyTransRecipientInfo: RSA PKCS#1 v1.5, or OAEP-SHA-256 for an
/// RSAES-OAEP certificate key.
fn rsa_recipient_info(
    cert: &SmimeCert,
    rid: IssuerAndSerialNumber,
    cek: &[u8; 32],
) -> Result<RecipientInfo, CryptoError> {
    let mut rng = rand::rngs::OsRng;
    let (key, oaep) = cert.rsa_key()?;
    let (enc_key, key_enc_alg) = if oaep {
        let sha256 = alg(SHA256, None);
        let params = OaepParams {
            hash: sha256.clone(),
            mask_gen: alg(MGF1, Some(Any::encode_from(&sha256).map_err(enc_err)?)),
        };
        let wrapped = key
            .encrypt(&mut rng, rsa::Oaep::new::<sha2::Sha256>(), cek)
            .map_err(enc_err)?;
        (
            wrapped,
            alg(
                RSAES_OAEP,
                Some(Any::encode_from(&params).map_err(enc_err)?),
            ),
        )
    } else {
        let wrapped = key
            .encrypt(&mut rng, rsa::Pkcs1v15Encrypt, cek)
            .map_err(enc_err)?;
        (wrapped, alg(RSA_ENCRYPTION, Some(Any::from(Null))))
    };
    Ok(RecipientInfo::Ktri(KeyTransRecipientInfo {
        version: CmsVersion::V0,
        rid: RecipientIdentifier::IssuerAndSerialNumber(rid),
        key_enc_alg,
        enc_key: OctetString::new(enc_key).map_err(enc_err)?,
    }))
}

/// Encrypt `content` to `cert`; returns the DER ContentInfo and whether
/// it is AuthEnvelopedData.
pub fn encrypt_der(
    cert: &SmimeCert,
    content: &[u8],
    default_cipher: SmimeCipher,
) -> Result<(Vec<u8>, bool), CryptoError> {
    let cek: [u8; 32] = rand::random();
    let tbs = &cert.cert.tbs_certificate;
    let rid = IssuerAndSerialNumber {
        issuer: tbs.issuer.clone(),
        serial_number: tbs.serial_number.clone(),
    };
    let ri = if cert.is_ec() {
        smime_ecdh::recipient_info(&tbs.subject_public_key_info, rid, &cek)?
    } else {
        rsa_recipient_info(cert, rid, &cek)?
    };
    let version = match ri {
        RecipientInfo::Ktri(_) => CmsVersion::V0,
        _ => CmsVersion::V2,
    };
    let mut set = SetOfVec::new();
    set.insert(ri).map_err(enc_err)?;
    let recip_infos = RecipientInfos(set);

    let gcm = cert.gcm_capable || default_cipher == SmimeCipher::Gcm;
    let (content_type, inner) = if gcm {
        let nonce: [u8; 12] = rand::random();
        let cipher = aes_gcm::Aes256Gcm::new_from_slice(&cek).map_err(enc_err)?;
        let mut sealed = cipher
            .encrypt(
                aes_gcm::Nonce::from_slice(&nonce),
                Payload {
                    msg: content,
                    aad: &[],
                },
            )
            .map_err(enc_err)?;
        let tag = sealed.split_off(sealed.len().saturating_sub(16));
        let params = GcmParameters {
            nonce: OctetString::new(nonce.to_vec()).map_err(enc_err)?,
            icv_len: 16,
        };
        let data = AuthEnvelopedData {
            version: CmsVersion::V0,
            recip_infos,
            auth_encrypted_content: EncryptedContentInfo {
                content_type: ID_DATA,
                content_enc_alg: alg(
                    AES256_GCM,
                    Some(Any::encode_from(&params).map_err(enc_err)?),
                ),
                encrypted_content: Some(OctetString::new(sealed).map_err(enc_err)?),
            },
            mac: OctetString::new(tag).map_err(enc_err)?,
        };
        (ID_AUTH_ENVELOPED, Any::encode_from(&data).map_err(enc_err)?)
    } else {
        let iv: [u8; 16] = rand::random();
        let sealed = cbc::Encryptor::<aes::Aes256>::new(&cek.into(), &iv.into())
            .encrypt_padded_vec_mut::<Pkcs7>(content);
        let data = EnvelopedData {
            version,
            originator_info: None,
            recip_infos,
            encrypted_content: EncryptedContentInfo {
                content_type: ID_DATA,
                content_enc_alg: alg(
                    AES256_CBC,
                    Some(
                        Any::encode_from(&OctetString::new(iv.to_vec()).map_err(enc_err)?)
                            .map_err(enc_err)?,
                    ),
                ),
                encrypted_content: Some(OctetString::new(sealed).map_err(enc_err)?),
            },
            unprotected_attrs: None,
        };
        (ID_ENVELOPED, Any::encode_from(&data).map_err(enc_err)?)
    };
    let info = ContentInfo {
        content_type,
        content: inner,
    };
    Ok((info.to_der().map_err(enc_err)?, gcm))
}

/// The complete S/MIME message: outer fields plus the base64 CMS body.
pub fn encrypt_message(
    cert: &SmimeCert,
    outer_fields: &[u8],
    inner: &[u8],
    default_cipher: SmimeCipher,
) -> Result<Vec<u8>, CryptoError> {
    let (der, gcm) = encrypt_der(cert, inner, default_cipher)?;
    let smime_type = if gcm {
        "authEnveloped-data"
    } else {
        "enveloped-data"
    };
    let mut out = Vec::with_capacity(der.len() * 4 / 3 + 1024);
    out.extend_from_slice(outer_fields);
    out.extend_from_slice(
        format!(
            "Content-Type: application/pkcs7-mime; smime-type={smime_type}; name=smime.p7m\r\n\
             Content-Transfer-Encoding: base64\r\n\
             Content-Disposition: attachment; filename=smime.p7m\r\n\
             Content-Description: S/MIME Encrypted Message\r\n\r\n"
        )
        .as_bytes(),
    );
    out.extend_from_slice(&mime::base64_lines(&der));
    Ok(out)
}
