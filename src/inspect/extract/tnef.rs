//! TNEF (`winmail.dat`, `application/ms-tnef`): Outlook's wrapper for rich
//! text mail. The `tnef` crate reads the attribute stream; every attachment
//! inside is scanned like any other part, and its title counts as a file
//! name. The subject and a plain `attBody` are text.
//!
//! The message properties (`attMsgProps`, parsed by `mapi`) hold the body
//! of Outlook's rich-text mail: `PR_BODY`, `PR_HTML` and compressed RTF
//! (`PR_RTF_COMPRESSED`, decompressed by `lzfu`); all three are read.
//!
//! Fails closed: a corrupt stream, an attachment without readable data
//! (an embedded Outlook item), a property list that does not parse while
//! it holds a body, and compressed RTF with a bad checksum are
//! unscannable; whatever else was readable is still scanned.

use super::mapi::{self, PT_BINARY, PT_STRING8, PT_UNICODE};
use super::member::member_location;
use super::{extract_bytes, html, lzfu, rtf};
use crate::inspect::{Coverage, Ctx};
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
            AttributeId::Message(MessageAttrId::MsgProps) => match mapi::parse(value) {
                Some(props) => message_props(&props, loc, depth, ctx),
                None => {
                    body_in_mapi |= value
                        .windows(4)
                        .any(|w| BODY_TAGS.iter().any(|tag| w == tag));
                }
            },
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
        ctx.cover(
            loc,
            "tnef",
            "message properties",
            Coverage::Unscannable("damaged MAPI properties hold the message body"),
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

/// MAPI property ids of the subject and the three body forms.
const PR_SUBJECT: u16 = 0x0037;
const PR_BODY: u16 = 0x1000;
const PR_RTF_COMPRESSED: u16 = 0x1009;
const PR_HTML: u16 = 0x1013;

/// Read the subject and body properties. The rest of a message's
/// properties are addressing, flags, times and identifiers: what the
/// scanner does not read in an ordinary mail's headers either.
fn message_props(props: &[mapi::Prop<'_>], loc: &Location, depth: u32, ctx: &mut Ctx) {
    for p in props {
        let base = p.kind & 0x0FFF;
        let strings = matches!(base, PT_STRING8 | PT_UNICODE);
        for value in &p.values {
            let ploc = |field: &str| Location {
                field: Some(field.into()),
                ..loc.clone()
            };
            match (p.id, base) {
                (PR_SUBJECT | PR_BODY, _) if strings => {
                    ctx.push_text(ploc("body"), mapi::text(p.kind, value));
                    ctx.note("tnef", "PR_BODY", Coverage::Text);
                }
                (PR_HTML, _) if strings || base == PT_BINARY => {
                    let t = if strings {
                        mapi::text(p.kind, value)
                    } else {
                        super::text::decode(value)
                    };
                    ctx.push_text(ploc("body (HTML)"), html::html_to_text(&t));
                    ctx.note("tnef", "PR_HTML", Coverage::Text);
                }
                (PR_RTF_COMPRESSED, PT_BINARY) => {
                    let cap = ctx.budget.extract_room().min(usize::MAX as u64) as usize;
                    match lzfu::decompress(value, cap) {
                        Ok(raw) => {
                            ctx.push_text(ploc("body (RTF)"), rtf::rtf_to_text(&raw));
                            super::rtf_objects::extract(&raw, &ploc("body (RTF)"), depth, ctx);
                            ctx.note("tnef", "PR_RTF_COMPRESSED", Coverage::Text);
                        }
                        Err(lzfu::LzfuError::TooLarge) => {
                            let hit = crate::inspect::budget::LimitHit::Extracted(
                                ctx.budget.config.max_extracted_bytes,
                            );
                            ctx.limit(loc, hit);
                        }
                        Err(e) => {
                            ctx.unscannable(&ploc("body (RTF)"), &e.to_string());
                            ctx.note(
                                "tnef",
                                "PR_RTF_COMPRESSED",
                                Coverage::Unscannable("damaged"),
                            );
                        }
                    }
                }
                _ => {}
            }
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
        let props = mapi_body.then(|| {
            // One property: PR_RTF_COMPRESSED with 8 opaque bytes.
            let mut props = 1u32.to_le_bytes().to_vec();
            props.extend_from_slice(&[0x02, 0x01, 0x09, 0x10]);
            props.extend_from_slice(&1u32.to_le_bytes());
            props.extend_from_slice(&8u32.to_le_bytes());
            props.extend_from_slice(&[7; 8]);
            props
        });
        winmail_with_props(subject, props.as_deref(), attachments)
    }

    /// A TNEF stream with a subject, an optional `attMsgProps` list and
    /// attachments `(title, data)`.
    pub fn winmail_with_props(
        subject: &str,
        props: Option<&[u8]>,
        attachments: &[(&str, &[u8])],
    ) -> Vec<u8> {
        let mut out = 0x223e_9f78u32.to_le_bytes().to_vec();
        out.extend_from_slice(&[0x01, 0x00]);
        attribute(&mut out, 1, 0x0008_9006, &[0, 0, 1, 0]);
        let mut code_page = 1252u32.to_le_bytes().to_vec();
        code_page.extend_from_slice(&[0, 0, 0, 0]);
        attribute(&mut out, 1, 0x0006_9007, &code_page);
        let mut subject = subject.as_bytes().to_vec();
        subject.push(0);
        attribute(&mut out, 1, 0x0001_8004, &subject);
        if let Some(props) = props {
            attribute(&mut out, 1, 0x0006_9003, props);
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
    fn compressed_rtf_html_and_plain_bodies_are_read() {
        use super::super::{lzfu, mapi};
        use crate::inspect::coverage_tests::{walk, BSN};
        use crate::inspect::Coverage;
        let rtf = format!(r"{{\rtf1\ansi\ansicpg1252\pard Beste collega,\par BSN {BSN}\par}}");
        let packed = lzfu::build::compress(rtf.as_bytes());
        let props = mapi::build::props(&[
            (0x0003, 0x0E07, &[1, 0, 0, 0]),
            (mapi::PT_BINARY, super::PR_RTF_COMPRESSED, &packed),
        ]);
        let data = super::build::winmail_with_props("Verwijzing", Some(&props), &[]);
        let r = scan(&data);
        assert!(r.categories().contains(&Category::Bsn), "{r:?}");
        assert!(!r.is_unscannable(), "{:?}", r.unscannable);
        let ctx = walk(&data, "winmail.dat");
        assert!(ctx
            .coverage
            .iter()
            .any(|(c, m, how)| *c == "tnef" && m == "PR_RTF_COMPRESSED" && *how == Coverage::Text));

        let html = format!("<p>BSN <b>{BSN}</b></p>");
        let props = mapi::build::props(&[(mapi::PT_BINARY, super::PR_HTML, html.as_bytes())]);
        let r = scan(&super::build::winmail_with_props("x", Some(&props), &[]));
        assert!(r.categories().contains(&Category::Bsn), "{r:?}");

        let body = format!("BSN {BSN}\0");
        let props = mapi::build::props(&[(mapi::PT_STRING8, super::PR_BODY, body.as_bytes())]);
        let r = scan(&super::build::winmail_with_props("x", Some(&props), &[]));
        assert!(r.categories().contains(&Category::Bsn), "{r:?}");

        // A damaged checksum: unscannable, never clean.
        let mut bad = packed.clone();
        let n = bad.len();
        bad[n - 4] ^= 0x20;
        let props = mapi::build::props(&[(mapi::PT_BINARY, super::PR_RTF_COMPRESSED, &bad)]);
        assert!(scan(&super::build::winmail_with_props("x", Some(&props), &[])).is_unscannable());
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
