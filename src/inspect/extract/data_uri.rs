//! `data:` URIs in HTML (`<img src="data:image/png;base64,…">`): pictures
//! pasted into a mail body travel inside the HTML itself, not as parts.
//! Each one is decoded and scanned like an attachment (a picture goes
//! through OCR), so a screenshot of a patient record is not invisible.
//!
//! Fails closed: base64 that does not decode is reported to the caller as
//! an error; at most `max` URIs are taken, the caller accounts the rest.

use base64::Engine;

/// One `data:` URI: its media type and decoded bytes, or why not.
pub type DataUri = (String, Result<Vec<u8>, &'static str>);

/// The base64 `data:` URIs in `html`, in order; stops after `max` (the
/// second value says whether more were left).
pub fn find(html: &str, max: usize) -> (Vec<DataUri>, bool) {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut from = 0usize;
    while let Some(pos) = lower.get(from..).and_then(|s| s.find("data:")) {
        let start = from + pos + 5;
        from = start;
        let Some(rest) = lower.get(start..) else {
            break;
        };
        let Some(comma) = rest.find(',') else {
            break;
        };
        let header = rest.get(..comma).unwrap_or("");
        // Only `type/subtype[;param…];base64` is data worth decoding; a
        // short header keeps "data:" in running text from matching.
        let media_chars = |c: char| c.is_ascii_alphanumeric() || "/;=-+._".contains(c);
        if header.len() > 100
            || !header.chars().all(media_chars)
            || !header.ends_with(";base64")
            || !header.contains('/')
        {
            continue;
        }
        if out.len() >= max {
            return (out, true);
        }
        let media = header.split(';').next().unwrap_or("").trim().to_string();
        let body_start = start + comma + 1;
        let body: String = html
            .get(body_start..)
            .unwrap_or("")
            .chars()
            .take_while(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=') || c.is_ascii_whitespace()
            })
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        from = body_start + body.len();
        // Senders drop the `=` padding now and then; put it back.
        let bare = body.trim_end_matches('=');
        let padded = format!("{bare}{}", "=".repeat((4 - bare.len() % 4) % 4));
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(padded)
            .map_err(|_| "undecodable data: URI in HTML");
        out.push((media, decoded));
    }
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_data_uris_are_found_and_decoded() {
        let html = r#"<p>Zie data: hieronder</p><img src="DATA:image/png;base64,aGFs
bG8="><img src='data:text/plain;charset=utf-8;base64,d2VyZWxk'><a href="data:,plain">x</a>"#;
        let (uris, more) = find(html, 10);
        assert!(!more);
        assert_eq!(uris.len(), 2);
        assert_eq!(uris[0].0, "image/png");
        assert_eq!(uris[0].1.as_deref(), Ok(&b"hallo"[..]));
        assert_eq!(uris[1].1.as_deref(), Ok(&b"wereld"[..]));
        let (uris, more) = find(html, 1);
        assert_eq!(uris.len(), 1);
        assert!(more);
        let (uris, _) = find("<img src=\"data:image/png;base64,a\">", 4);
        assert!(uris[0].1.is_err());
    }
}
