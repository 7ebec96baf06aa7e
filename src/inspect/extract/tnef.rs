//! TNEF (`winmail.dat`, `application/ms-tnef`): Outlook's wrapper for rich
//! text mail. The `tnef` crate reads the attribute stream; every attachment
//! inside is scanned like any other part, and its title counts as a file
//! name. The subject and a plain `attBody` are text.
//!
//! Fails closed: a corrupt stream, an attachment without readable data
//! (an embedded Outlook item) and a message body kept only in MAPI
//! properties (compressed RTF or HTML, which no maintained crate decodes)
//! are unscannable; whatever else was readable is still scanned.

use super::archive::member_location;
use super::extract_bytes;
use crate::inspect::Ctx;
use crate::types::Location;
use tnef::{AttachAttrId, AttributeId, MessageAttrId, TnefReader};

/// One attachment as the stream gives it: it starts at its render data.
#[derive(Default)]
struct Attachment<'a> {
    title: Option<String>,
    data: Option<&'a [u8]>,
}

/// MAPI property tags (little-endian) that carry the message body:
/// PR_BODY (8-bit and UTF-16), PR_RTF_COMPRESSED and PR_HTML.
const BODY_TAGS: [[u8; 4]; 4] = [
    [0x1E, 0x00, 0x00, 0x10],
    [0x1F, 0x00, 0x00, 0x10],
    [0x02, 0x01, 0x09, 0x10],
    [0x02, 0x01, 0x13, 0x10],
];

/// TNEF text is in the stream's OEM code page; Outlook writes 1252.
fn text(data: &[u8]) -> String {
    let data = data.strip_suffix(&[0]).unwrap_or(data);
    encoding_rs::WINDOWS_1252.decode(data).0.into_owned()
}

pub fn extract(data: &[u8], loc: &Location, depth: u32, ctx: &mut Ctx) {
    let reader = match TnefReader::new(data) {
        Ok(r) => r,
        Err(_) => {
            ctx.unscannable(loc, "corrupt TNEF (winmail.dat)");
            return;
        }
    };
    let mut attachments: Vec<Attachment> = Vec::new();
    let mut body_in_mapi = false;
    for attribute in reader {
        let (id, value) = match attribute {
            Ok(a) => a,
            Err(_) => {
                ctx.unscannable(loc, "corrupt TNEF (winmail.dat)");
                break;
            }
        };
        match id {
            AttributeId::Message(MessageAttrId::Subject | MessageAttrId::Body) => {
                ctx.push_text(loc.clone(), text(value));
            }
            AttributeId::Message(MessageAttrId::MsgProps) => {
                body_in_mapi |= value
                    .windows(4)
                    .any(|w| BODY_TAGS.iter().any(|tag| w == tag));
            }
            AttributeId::Message(_) => {}
            AttributeId::Attachment(AttachAttrId::AttachRendData) => {
                attachments.push(Attachment::default());
            }
            AttributeId::Attachment(AttachAttrId::Title) => {
                if let Some(a) = attachments.last_mut() {
                    a.title = Some(text(value));
                }
            }
            AttributeId::Attachment(AttachAttrId::Data) => {
                if let Some(a) = attachments.last_mut() {
                    a.data = Some(value);
                }
            }
            AttributeId::Attachment(_) => {}
        }
    }
    if body_in_mapi {
        ctx.unscannable(
            loc,
            "TNEF message body in MAPI properties (rich text) is not readable",
        );
    }
    for (index, attachment) in attachments.into_iter().enumerate() {
        if let Err(hit) = ctx.budget.add_part() {
            ctx.limit(loc, hit);
            return;
        }
        let title = attachment
            .title
            .unwrap_or_else(|| format!("attachment-{}", index + 1));
        let member_loc = member_location(loc, &title, &title, ctx);
        match attachment.data {
            Some(bytes) => extract_bytes(bytes, "", Some(&title), &member_loc, depth + 1, ctx),
            None => ctx.unscannable(
                &member_loc,
                "TNEF attachment without readable data (embedded Outlook item)",
            ),
        }
    }
}

#[cfg(test)]
pub(crate) mod build {
    //! Writes TNEF streams the way Outlook lays them out, for tests.

    fn attribute(out: &mut Vec<u8>, level: u8, id: u32, data: &[u8]) {
        out.push(level);
        out.extend_from_slice(&id.to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(data);
        let sum = data.iter().fold(0u16, |s, &b| s.wrapping_add(u16::from(b)));
        out.extend_from_slice(&sum.to_le_bytes());
    }

    /// A TNEF stream with a subject, optional MAPI body properties and
    /// attachments `(title, data)`.
    pub fn winmail(subject: &str, mapi_body: bool, attachments: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = 0x223e_9f78u32.to_le_bytes().to_vec();
        out.extend_from_slice(&[0x01, 0x00]);
        attribute(&mut out, 1, 0x0008_9006, &[0, 0, 1, 0]);
        let mut code_page = 1252u32.to_le_bytes().to_vec();
        code_page.extend_from_slice(&[0, 0, 0, 0]);
        attribute(&mut out, 1, 0x0006_9007, &code_page);
        let mut subject = subject.as_bytes().to_vec();
        subject.push(0);
        attribute(&mut out, 1, 0x0001_8004, &subject);
        if mapi_body {
            // One property: PR_RTF_COMPRESSED with 8 opaque bytes.
            let mut props = 1u32.to_le_bytes().to_vec();
            props.extend_from_slice(&[0x02, 0x01, 0x09, 0x10]);
            props.extend_from_slice(&1u32.to_le_bytes());
            props.extend_from_slice(&8u32.to_le_bytes());
            props.extend_from_slice(&[7; 8]);
            attribute(&mut out, 1, 0x0006_9003, &props);
        }
        for (title, data) in attachments {
            attribute(
                &mut out,
                2,
                0x0006_9002,
                &[1, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0],
            );
            let mut t = title.as_bytes().to_vec();
            t.push(0);
            attribute(&mut out, 2, 0x0001_8010, &t);
            attribute(&mut out, 2, 0x0006_800F, data);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::build::winmail;
    use crate::config::InspectConfig;
    use crate::inspect::scan_attachment;
    use crate::types::Category;

    fn scan(data: &[u8]) -> crate::types::ScanReport {
        scan_attachment(
            data,
            "application/ms-tnef",
            Some("winmail.dat"),
            &InspectConfig::default(),
        )
    }

    #[test]
    fn attachments_inside_winmail_dat_are_scanned() {
        let csv = b"Naam;Geboortedatum;BSN\nJ. Jansen;01-02-1960;123456782\n";
        let r = scan(&winmail("Overdracht", false, &[("patienten.csv", csv)]));
        assert!(!r.is_unscannable(), "{:?}", r.unscannable);
        assert!(r.categories().contains(&Category::Bsn), "{r:?}");
        assert!(r.categories().contains(&Category::Personal), "{r:?}");
        // The title counts as a file name, and is masked in locations.
        let r = scan(&winmail("x", false, &[("BSN 123456782.txt", b"hallo")]));
        assert!(r.categories().contains(&Category::Bsn), "{r:?}");
        assert!(!format!("{r:?}").contains("123456782"));
    }

    #[test]
    fn rich_text_body_corruption_and_embedded_items_fail_closed() {
        let r = scan(&winmail(
            "Uitslag",
            true,
            &[("brief.txt", b"BSN 123456782")],
        ));
        assert!(r.is_unscannable());
        assert!(
            r.categories().contains(&Category::Bsn),
            "still scanned: {r:?}"
        );

        let mut broken = winmail("x", false, &[("a.txt", b"hallo wereld")]);
        let n = broken.len();
        broken[n - 3] ^= 0x55; // checksum no longer matches
        assert!(scan(&broken).is_unscannable());
        assert!(scan(b"\x78\x9f\x3e\x22 not really").is_unscannable());
    }
}
