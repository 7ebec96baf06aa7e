//! One member of a container: reading a ZIP member within the ratio and
//! size limits, and where a member of any container (ZIP, TNEF, OLE
//! package, PDF attachment, RTF object) is reported. Shared by the archive,
//! Office, XML and other container extractors, so none of them needs
//! another's module for it.

use crate::inspect::{mask_digits, Ctx};
use crate::types::Location;
use std::io::{Cursor, Read};
use zip::result::ZipError;

pub type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Whether a zip error means "needs a password": told by the error's
/// variant and the zip crate's own constant, not by its message text. We
/// never pass a password, so the AES-without-feature error (which needs
/// one) cannot occur.
pub fn is_encrypted_error(e: &ZipError) -> bool {
    matches!(
        e,
        ZipError::InvalidPassword | ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)
    )
}

/// Read one member fully, within the ratio and size limits. `None` means it
/// was recorded as unscannable (or a limit was hit).
pub fn read_member(zip: &mut Zip, index: usize, loc: &Location, ctx: &mut Ctx) -> Option<Vec<u8>> {
    let (encrypted, compressed) = match zip.by_index_raw(index) {
        Ok(f) => (f.encrypted(), f.compressed_size()),
        Err(_) => {
            ctx.unscannable(loc, "corrupt archive member");
            return None;
        }
    };
    if encrypted {
        ctx.unscannable(loc, "encrypted archive member (password protected)");
        return None;
    }
    let cap = ctx
        .budget
        .ratio_cap(compressed)
        .min(ctx.budget.extract_room());
    let file = match zip.by_index(index) {
        Ok(f) => f,
        Err(e) => {
            if is_encrypted_error(&e) {
                ctx.unscannable(loc, "encrypted archive member (password protected)");
            } else {
                ctx.unscannable(loc, "unsupported or corrupt archive member");
            }
            return None;
        }
    };
    let mut out = Vec::new();
    match file.take(cap.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > cap => {
            let hit = if cap >= ctx.budget.extract_room() {
                crate::inspect::budget::LimitHit::Extracted(ctx.budget.config.max_extracted_bytes)
            } else {
                ctx.budget.ratio_hit()
            };
            ctx.limit(loc, hit);
            None
        }
        Ok(_) => Some(out),
        Err(_) => {
            ctx.unscannable(loc, "corrupt archive member data");
            None
        }
    }
}

/// Where a member of a container (ZIP, TNEF) is reported: the container's
/// part, its file name and the member's path, digits masked. The member's
/// own name is text too: a BSN in it counts like one in a file name.
pub fn member_location(loc: &Location, path: &str, name: &str, ctx: &mut Ctx) -> Location {
    let member_loc = Location {
        part: loc.part.clone(),
        filename: Some(format!(
            "{}/{}",
            loc.filename.clone().unwrap_or_default(),
            mask_digits(path)
        )),
        ..Location::default()
    };
    ctx.push_text(
        Location {
            field: Some("filename".into()),
            ..member_loc.clone()
        },
        name.to_string(),
    );
    member_loc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_password_errors_mean_encrypted() {
        assert!(is_encrypted_error(&ZipError::InvalidPassword));
        assert!(is_encrypted_error(&ZipError::UnsupportedArchive(
            ZipError::PASSWORD_REQUIRED
        )));
        assert!(!is_encrypted_error(&ZipError::UnsupportedArchive(
            "Compression method not supported"
        )));
        assert!(!is_encrypted_error(&ZipError::InvalidArchive(
            "Could not find EOCD".into()
        )));
    }
}
