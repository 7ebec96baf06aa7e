//! MIME walk: every part of a message at every depth, including nested
//! `message/rfc822` (parsed by mail-parser, or by us when it stopped
//! descending), with the Subject, display names and file names as text.
//!
//! Promise: every leaf part is either turned into text units, handed to an
//! extractor, or recorded as unscannable. Depth and part counts are bounded
//! by the budget. Fails closed on transfer-encoding errors.

use super::extract;
use super::{mask_digits, Coverage, Ctx};
use crate::types::{Location, PartInfo};
use mail_parser::{Address, Message, MessageParser, MimeHeaders, PartType};

/// Parse raw bytes as a message and walk it.
pub(crate) fn walk_raw(raw: &[u8], ctx: &mut Ctx) {
    walk_bytes(raw, "", 0, ctx);
}

fn walk_bytes(raw: &[u8], prefix: &str, depth: u32, ctx: &mut Ctx) {
    let loc = Location {
        part: if prefix.is_empty() {
            "0".into()
        } else {
            prefix.into()
        },
        ..Location::default()
    };
    if let Err(hit) = ctx.budget.check_depth(depth) {
        ctx.limit(&loc, hit);
        return;
    }
    match MessageParser::default().parse(raw) {
        Some(message) if !message.parts.is_empty() => walk_message(&message, prefix, depth, ctx),
        _ => ctx.unscannable(&loc, "message could not be parsed as MIME"),
    }
}

fn names(addr: Option<&Address>, out: &mut String) {
    if let Some(a) = addr {
        for person in a.iter() {
            if let Some(n) = person.name() {
                out.push_str(n);
                out.push('\n');
            }
        }
    }
}

fn content_type_of(part: &mail_parser::MessagePart) -> String {
    part.content_type()
        .map(|ct| match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub),
            None => ct.ctype().to_string(),
        })
        .unwrap_or_else(|| "text/plain".into())
        .to_ascii_lowercase()
}

pub(crate) fn walk_message(message: &Message, prefix: &str, depth: u32, ctx: &mut Ctx) {
    let hloc = |field: &str| Location {
        part: if prefix.is_empty() {
            "header".into()
        } else {
            format!("{prefix}.header")
        },
        field: Some(field.into()),
        ..Location::default()
    };
    if let Some(subject) = message.subject() {
        ctx.push_text(hloc("Subject"), subject.to_string());
    }
    let mut people = String::new();
    names(message.from(), &mut people);
    names(message.to(), &mut people);
    names(message.cc(), &mut people);
    names(message.reply_to(), &mut people);
    ctx.push_text(hloc("display-names"), people);

    // Multipart nesting depth of each part (parents come before children).
    let mut level = vec![0u32; message.parts.len()];
    for (index, part) in message.parts.iter().enumerate() {
        if let PartType::Multipart(children) = &part.body {
            let own = level.get(index).copied().unwrap_or(0);
            for &child in children {
                if let Some(slot) = level.get_mut(child as usize) {
                    *slot = own.saturating_add(1);
                }
            }
        }
    }
    for (index, part) in message.parts.iter().enumerate() {
        let part_depth = depth.saturating_add(level.get(index).copied().unwrap_or(0));
        let path = if prefix.is_empty() {
            index.to_string()
        } else {
            format!("{prefix}.{index}")
        };
        let content_type = content_type_of(part);
        let filename = part.attachment_name().map(str::to_string);
        let safe_name = filename.as_deref().map(mask_digits);
        let loc = Location {
            part: path.clone(),
            filename: safe_name.clone(),
            ..Location::default()
        };
        if let Err(hit) = ctx.budget.add_part() {
            ctx.limit(&loc, hit);
            return;
        }
        if let Err(hit) = ctx.budget.check_depth(part_depth) {
            ctx.limit(&loc, hit);
            return;
        }
        ctx.parts.push(PartInfo {
            path: path.clone(),
            content_type: content_type.clone(),
            filename: safe_name,
            size: part.len() as u64,
        });
        if let Some(name) = &filename {
            ctx.push_text(
                Location {
                    field: Some("filename".into()),
                    ..loc.clone()
                },
                name.clone(),
            );
        }
        if part.is_encoding_problem && !matches!(part.body, PartType::Multipart(_)) {
            ctx.unscannable(&loc, "corrupt transfer encoding or structure");
            // Unscannable stays, but what can still be read is read: a
            // damaged base64 attachment often holds an intact first half
            // whose BSN the sender's practice should hear about.
            let nested = content_type == "message/rfc822" || content_type == "message/global";
            // mail-parser resets `encoding` on a failure: ask the header.
            let base64 = part
                .content_transfer_encoding()
                .is_some_and(|e| e.trim().eq_ignore_ascii_case("base64"));
            if base64 && !nested {
                let raw = message.raw_message();
                let body = raw.get(part.offset_body as usize..part.offset_end as usize);
                if let Some(body) = body {
                    let salvaged = lenient_base64(body);
                    extract::extract_bytes(
                        &salvaged,
                        &content_type,
                        filename.as_deref(),
                        &loc,
                        depth,
                        ctx,
                    );
                    continue;
                }
            }
        }
        // Coverage accounting: every part gets one outcome.
        let how = match &part.body {
            PartType::Multipart(_) => Coverage::NoContent("multipart structure"),
            PartType::Text(_) | PartType::Html(_) => Coverage::Text,
            _ => Coverage::Nested,
        };
        ctx.note("mime", &path, how);
        match &part.body {
            PartType::Multipart(_) => {}
            PartType::Text(text) => {
                if content_type.starts_with("text/html") {
                    extract::html_part(text, &loc, depth, ctx);
                } else if content_type == "text/rtf" || content_type == "text/richtext" {
                    extract::extract_bytes(
                        text.as_bytes(),
                        &content_type,
                        filename.as_deref(),
                        &loc,
                        depth,
                        ctx,
                    );
                } else {
                    let text = if text.contains('\0') {
                        utf16_without_charset(message, part).unwrap_or_else(|| text.to_string())
                    } else {
                        text.to_string()
                    };
                    ctx.push_text(loc, extract::text::unfold_calendar(text));
                }
            }
            PartType::Html(text) => extract::html_part(text, &loc, depth, ctx),
            PartType::Binary(data) | PartType::InlineBinary(data) => {
                if content_type == "message/rfc822" || content_type == "message/global" {
                    if part.is_encoding_problem {
                        continue;
                    }
                    walk_bytes(data, &path, depth + 1, ctx);
                } else {
                    extract::extract_bytes(
                        data,
                        &content_type,
                        filename.as_deref(),
                        &loc,
                        depth,
                        ctx,
                    );
                }
            }
            PartType::Message(nested) => {
                if let Err(hit) = ctx.budget.check_depth(depth + 1) {
                    ctx.limit(&loc, hit);
                    continue;
                }
                walk_message(nested, &path, depth + 1, ctx);
            }
        }
    }
}

/// A text part with NUL characters is most likely UTF-16 sent without a
/// charset (Windows tools do this): decode its body bytes again with the
/// byte-order heuristic of `text::decode`. `None` if the body is not at hand.
pub(crate) fn utf16_without_charset(
    message: &Message,
    part: &mail_parser::MessagePart,
) -> Option<String> {
    let raw = message
        .raw_message()
        .get(part.offset_body as usize..part.offset_end as usize)?;
    let base64 = part
        .content_transfer_encoding()
        .is_some_and(|e| e.trim().eq_ignore_ascii_case("base64"));
    let quoted_printable = part
        .content_transfer_encoding()
        .is_some_and(|e| e.trim().eq_ignore_ascii_case("quoted-printable"));
    let bytes = if base64 {
        lenient_base64(raw)
    } else if quoted_printable {
        mail_parser::decoders::quoted_printable::quoted_printable_decode(raw)
            .unwrap_or_else(|| raw.to_vec())
    } else {
        raw.to_vec()
    };
    Some(extract::text::decode(&bytes))
}

/// Decode base64 that a strict decoder refused: a character outside the
/// alphabet counts as zero bits instead of being dropped, so one damaged
/// character spoils one byte rather than shifting everything after it.
/// Line breaks and other whitespace are skipped; `=` ends the data.
fn lenient_base64(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in input {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            c if c.is_ascii_whitespace() => continue,
            _ => 0,
        };
        acc = (acc << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::lenient_base64;
    use base64::Engine;

    #[test]
    fn damaged_base64_spoils_only_the_damaged_bytes() {
        let text = b"Patient BSN 123456782, verwijzing cardiologie, 2026.".repeat(4);
        let good = base64::engine::general_purpose::STANDARD.encode(&text);
        assert_eq!(lenient_base64(good.as_bytes()), text);
        let mut bad = good.into_bytes();
        bad[100] = b'!';
        bad[150] = b'%';
        bad.splice(76..76, b"\r\n".iter().copied());
        let decoded = lenient_base64(&bad);
        assert_eq!(decoded.len(), text.len());
        let differing = decoded
            .iter()
            .zip(text.iter())
            .filter(|(a, b)| a != b)
            .count();
        assert!(differing <= 4, "{differing} bytes differ");
        assert_eq!(&decoded[..60], &text[..60]);
    }
}
