//! Optional S/MIME signing with the practice's certificate, before
//! encryption (sign, then encrypt): the inner entity becomes a
//! `multipart/signed` (RFC 8551 section 3.5.3) with a detached CMS
//! SignedData (RSA PKCS#1 v1.5, SHA-256, signed attributes, the signer's
//! certificate included).
//!
//! Promises: the signed part is the inner entity byte for byte, so the
//! recipient verifies exactly what was encrypted. The private key never
//! appears in `Debug`, logs or errors. Fails with `CryptoError::Key` for
//! an unreadable or non-RSA key.

pub use crate::config::SigningConfig;

use super::{mime, CryptoError};
use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use const_oid::ObjectIdentifier;
use der::{Decode, Encode};
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::DecodePrivateKey;
use sha2::Digest;
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");

fn fail(e: impl std::fmt::Display) -> CryptoError {
    CryptoError::Encrypt(format!("signing: {e}"))
}

pub struct SmimeSigner {
    cert: Certificate,
    key: rsa::pkcs1v15::SigningKey<sha2::Sha256>,
}

impl std::fmt::Debug for SmimeSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmimeSigner").finish_non_exhaustive()
    }
}

fn key_err(what: &str) -> CryptoError {
    CryptoError::Key(format!("signing {what} unusable"))
}

impl SmimeSigner {
    pub fn load(config: &SigningConfig) -> Result<SmimeSigner, CryptoError> {
        let cert = std::fs::read(&config.certificate).map_err(|_| key_err("certificate"))?;
        let key = std::fs::read(&config.private_key).map_err(|_| key_err("key"))?;
        SmimeSigner::from_pem(&cert, &key)
    }

    pub fn from_pem(cert_pem: &[u8], key_pem: &[u8]) -> Result<SmimeSigner, CryptoError> {
        let der = rustls_pemfile::certs(&mut &cert_pem[..])
            .next()
            .and_then(Result::ok)
            .ok_or_else(|| key_err("certificate"))?;
        let cert = Certificate::from_der(der.as_ref()).map_err(|_| key_err("certificate"))?;
        let key = match rustls_pemfile::private_key(&mut &key_pem[..]) {
            Ok(Some(rustls::pki_types::PrivateKeyDer::Pkcs8(k))) => {
                rsa::RsaPrivateKey::from_pkcs8_der(k.secret_pkcs8_der()).ok()
            }
            Ok(Some(rustls::pki_types::PrivateKeyDer::Pkcs1(k))) => {
                rsa::RsaPrivateKey::from_pkcs1_der(k.secret_pkcs1_der()).ok()
            }
            _ => None,
        }
        .ok_or_else(|| key_err("key (RSA expected)"))?;
        Ok(SmimeSigner {
            cert,
            key: rsa::pkcs1v15::SigningKey::new(key),
        })
    }

    /// Detached SignedData (DER) over `content`.
    pub fn detached_signature(&self, content: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let digest = sha2::Sha256::digest(content);
        let sha256 = AlgorithmIdentifierOwned {
            oid: SHA256,
            parameters: None,
        };
        let eci = EncapsulatedContentInfo {
            econtent_type: ID_DATA,
            econtent: None,
        };
        let tbs = &self.cert.tbs_certificate;
        let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: tbs.issuer.clone(),
            serial_number: tbs.serial_number.clone(),
        });
        let signer = SignerInfoBuilder::new(&self.key, sid, sha256.clone(), &eci, Some(&digest))
            .map_err(fail)?;
        let mut builder = SignedDataBuilder::new(&eci);
        builder
            .add_digest_algorithm(sha256)
            .map_err(fail)?
            .add_certificate(CertificateChoices::Certificate(self.cert.clone()))
            .map_err(fail)?
            .add_signer_info::<_, rsa::pkcs1v15::Signature>(signer)
            .map_err(fail)?;
        builder.build().map_err(fail)?.to_der().map_err(fail)
    }

    /// `entity` wrapped in multipart/signed with its detached signature.
    pub fn sign_entity(&self, entity: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let signature = self.detached_signature(entity)?;
        let b = mime::boundary(entity);
        let mut out = Vec::with_capacity(entity.len() + signature.len() * 2 + 512);
        out.extend_from_slice(
            format!(
                "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";\r\n \
                 micalg=sha-256; boundary=\"{b}\"\r\n\r\n\
                 Dit is een ondertekend S/MIME-bericht / This is an S/MIME signed message\r\n\
                 --{b}\r\n"
            )
            .as_bytes(),
        );
        out.extend_from_slice(entity);
        out.extend_from_slice(
            format!(
                "\r\n--{b}\r\n\
                 Content-Type: application/pkcs7-signature; name=smime.p7s\r\n\
                 Content-Transfer-Encoding: base64\r\n\
                 Content-Disposition: attachment; filename=smime.p7s\r\n\r\n"
            )
            .as_bytes(),
        );
        out.extend_from_slice(&mime::base64_lines(&signature));
        out.extend_from_slice(format!("--{b}--\r\n").as_bytes());
        Ok(out)
    }
}
