//! S/MIME key agreement for ECC certificates (RFC 5753 / RFC 8418 style):
//! ephemeral-static ECDH on P-256, `dhSinglePass-stdDH-sha256kdf-scheme`
//! (ANSI X9.63 KDF with SHA-256 over ECC-CMS-SharedInfo), and AES-256 key
//! wrap (RFC 3394) of the content-encryption key.
//!
//! Pure functions; the ephemeral key lives only for one message. Fails
//! with a `CryptoError` for another curve or a malformed point.

use super::CryptoError;
use aes::cipher::{BlockEncrypt, KeyInit};
use cms::cert::IssuerAndSerialNumber;
use cms::content_info::CmsVersion;
use cms::enveloped_data::{
    KeyAgreeRecipientIdentifier, KeyAgreeRecipientInfo, OriginatorIdentifierOrKey,
    OriginatorPublicKey, RecipientEncryptedKey, RecipientInfo,
};
use const_oid::ObjectIdentifier;
use der::asn1::{BitString, OctetString};
use der::{Any, Encode, Sequence};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use sha2::Digest;
use spki::AlgorithmIdentifierOwned;

pub const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
pub const SECP256R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const DH_SHA256_KDF: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.1.11.1");
const AES256_WRAP: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.1.45");

/// ECC-CMS-SharedInfo (RFC 5753 section 7.2), without entityUInfo.
#[derive(Clone, Debug, Sequence)]
struct SharedInfo {
    key_info: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT")]
    supp_pub_info: OctetString,
}

fn err(e: impl std::fmt::Display) -> CryptoError {
    CryptoError::Encrypt(e.to_string())
}

/// Whether the SPKI is an EC key on a supported curve.
pub fn is_p256(spki: &spki::SubjectPublicKeyInfoOwned) -> bool {
    spki.algorithm.oid == EC_PUBLIC_KEY
        && spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
            == Some(SECP256R1)
}

/// A KeyAgreeRecipientInfo carrying `cek` for the P-256 key in `spki`.
pub fn recipient_info(
    spki: &spki::SubjectPublicKeyInfoOwned,
    rid: IssuerAndSerialNumber,
    cek: &[u8; 32],
) -> Result<RecipientInfo, CryptoError> {
    if !is_p256(spki) {
        return Err(CryptoError::Key(
            "only P-256 EC certificates are supported".into(),
        ));
    }
    let peer = p256::PublicKey::from_sec1_bytes(spki.subject_public_key.raw_bytes())
        .map_err(|e| CryptoError::Key(format!("EC key: {e}")))?;
    let ephemeral = p256::ecdh::EphemeralSecret::random(&mut rand::rngs::OsRng);
    let shared = ephemeral.diffie_hellman(&peer);
    let wrap_alg = AlgorithmIdentifierOwned {
        oid: AES256_WRAP,
        parameters: None,
    };
    let info = SharedInfo {
        key_info: wrap_alg.clone(),
        supp_pub_info: OctetString::new(256u32.to_be_bytes().to_vec()).map_err(err)?,
    }
    .to_der()
    .map_err(err)?;
    let kek = x963_kdf_sha256(shared.raw_secret_bytes().as_slice(), &info);
    let wrapped = aes256_key_wrap(&kek, cek)?;
    let ephemeral_point = ephemeral.public_key().to_encoded_point(false);
    Ok(RecipientInfo::Kari(KeyAgreeRecipientInfo {
        version: CmsVersion::V3,
        originator: OriginatorIdentifierOrKey::OriginatorKey(OriginatorPublicKey {
            algorithm: AlgorithmIdentifierOwned {
                oid: EC_PUBLIC_KEY,
                parameters: None,
            },
            public_key: BitString::from_bytes(ephemeral_point.as_bytes()).map_err(err)?,
        }),
        ukm: None,
        key_enc_alg: AlgorithmIdentifierOwned {
            oid: DH_SHA256_KDF,
            parameters: Some(Any::encode_from(&wrap_alg).map_err(err)?),
        },
        recipient_enc_keys: vec![RecipientEncryptedKey {
            rid: KeyAgreeRecipientIdentifier::IssuerAndSerialNumber(rid),
            enc_key: OctetString::new(wrapped).map_err(err)?,
        }],
    }))
}

/// ANSI X9.63 KDF with SHA-256, one block (32 bytes: an AES-256 key).
fn x963_kdf_sha256(z: &[u8], shared_info: &[u8]) -> [u8; 32] {
    let mut h = sha2::Sha256::new();
    h.update(z);
    h.update(1u32.to_be_bytes());
    h.update(shared_info);
    h.finalize().into()
}

/// AES-256 key wrap (RFC 3394) with the default IV.
pub fn aes256_key_wrap(kek: &[u8; 32], key: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if key.len() % 8 != 0 || key.len() < 16 {
        return Err(CryptoError::Encrypt(
            "key wrap input must be 8n bytes, n >= 2".into(),
        ));
    }
    let cipher = aes::Aes256::new(kek.into());
    let mut a = [0xA6u8; 8];
    let mut r: Vec<[u8; 8]> = key
        .chunks_exact(8)
        .map(|c| {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            b
        })
        .collect();
    let n = r.len() as u64;
    for j in 0..6u64 {
        for (i, ri) in r.iter_mut().enumerate() {
            let mut block = aes::Block::default();
            block[..8].copy_from_slice(&a);
            block[8..].copy_from_slice(ri);
            cipher.encrypt_block(&mut block);
            let t = n * j + i as u64 + 1;
            a.copy_from_slice(&block[..8]);
            for (x, y) in a.iter_mut().zip(t.to_be_bytes()) {
                *x ^= y;
            }
            ri.copy_from_slice(&block[8..]);
        }
    }
    let mut out = a.to_vec();
    for ri in r {
        out.extend_from_slice(&ri);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_wrap_matches_rfc3394_vector_4_6() {
        let kek: [u8; 32] =
            hex::decode("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F")
                .unwrap()
                .try_into()
                .unwrap();
        let key = hex::decode("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F")
            .unwrap();
        assert_eq!(
            hex::encode_upper(aes256_key_wrap(&kek, &key).unwrap()),
            "28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21"
        );
        assert!(aes256_key_wrap(&kek, &[0u8; 12]).is_err());
    }
}
