//! The DATA phase as a pure, line-at-a-time state machine, plus the
//! `Received:` header.
//!
//! Promises: only `<CR><LF>.<CR><LF>` ends the message. A bare CR or bare LF
//! anywhere (which covers every end-of-data look-alike used for SMTP
//! smuggling: `<LF>.<LF>`, `<LF>.<CR><LF>`, `<CR>.<CR>`, ...) marks the
//! message as rejected, but reading continues to the real end so the
//! session stays in step with the client. Past the size limit nothing more
//! is stored. Lines are copied straight from the input buffer: no
//! allocation per line.

/// Why a message that has been read to its end is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataProblem {
    /// A CR or LF not part of a CRLF pair (smuggling defence).
    BareCrLf,
    /// A line longer than `max_line_length`.
    LineTooLong,
    /// More than `max_message_size` bytes.
    TooBig,
}

/// State of one DATA transfer.
pub struct DataReader {
    limit: usize,
    size: usize,
    /// The previous line ended with CRLF (DATA itself counts as one).
    prev_crlf: bool,
    /// Inside an over-long line being skipped; its last byte was CR.
    skipping: Option<bool>,
    bare: bool,
    too_long: bool,
    too_big: bool,
    /// A line ending in a bare LF is stored with CRLF instead of
    /// rejecting the message.
    normalize: bool,
}

impl DataReader {
    pub fn new(limit: usize, normalize_bare_lf: bool) -> DataReader {
        DataReader {
            normalize: normalize_bare_lf,
            limit,
            size: 0,
            prev_crlf: true,
            skipping: None,
            bare: false,
            too_long: false,
            too_big: false,
        }
    }

    /// Feed one complete line (ending in LF). Returns `true` at the real end
    /// of data. Unstuffed content is appended to `out` while within limits.
    pub fn line(&mut self, line: &[u8], out: &mut Vec<u8>) -> bool {
        let crlf = line.ends_with(b"\r\n");
        if let Some(last_was_cr) = self.skipping.take() {
            // Tail of an over-long line: only its line ending matters.
            let ended_crlf = crlf || (line == b"\n" && last_was_cr);
            let body = line.strip_suffix(b"\n").unwrap_or(line);
            let body = if crlf {
                body.strip_suffix(b"\r").unwrap_or(body)
            } else {
                body
            };
            if !ended_crlf || memchr::memchr(b'\r', body).is_some() {
                self.bare = true;
            }
            self.prev_crlf = ended_crlf;
            return false;
        }
        let without_lf = line.strip_suffix(b"\n").unwrap_or(line);
        let content = if crlf {
            without_lf.strip_suffix(b"\r").unwrap_or(without_lf)
        } else {
            without_lf
        };
        if crlf && self.prev_crlf && content == b"." {
            return true;
        }
        let ended_lf = line.ends_with(b"\n");
        let bare_lf = ended_lf && !crlf;
        if memchr::memchr(b'\r', content).is_some()
            // A dot line next to a bare LF is an end-of-data look-alike.
            || (content == b"." && (bare_lf || !self.prev_crlf))
            || (bare_lf && !self.normalize)
        {
            self.bare = true;
        }
        self.prev_crlf = crlf;
        let unstuffed = match content.split_first() {
            Some((b'.', rest)) => rest,
            _ => content,
        };
        self.store(unstuffed, out);
        if ended_lf {
            self.store(b"\r\n", out);
        }
        false
    }

    /// Feed the head of an over-long line (no LF in it); the rest of the
    /// line up to its LF must follow through [`DataReader::line`].
    pub fn too_long(&mut self, head: &[u8]) {
        self.too_long = true;
        if let Some(prev) = self.skipping {
            // Still inside the same line: a CR before more text is bare.
            if prev && !head.is_empty() {
                self.bare = true;
            }
        }
        let body = head.strip_suffix(b"\r").unwrap_or(head);
        if memchr::memchr(b'\r', body).is_some() {
            self.bare = true;
        }
        self.skipping = Some(head.last() == Some(&b'\r'));
    }

    /// Inside an over-long line, the next bytes belong to it.
    pub fn is_skipping(&self) -> bool {
        self.skipping.is_some()
    }

    fn store(&mut self, bytes: &[u8], out: &mut Vec<u8>) {
        if self.too_big {
            return;
        }
        if self.size + bytes.len() > self.limit {
            self.too_big = true;
            return;
        }
        self.size += bytes.len();
        out.extend_from_slice(bytes);
    }

    /// Bytes of message stored so far (excluding anything prepended).
    pub fn size(&self) -> usize {
        self.size
    }

    /// The verdict once the end has been seen; smuggling wins over size.
    pub fn problem(&self) -> Option<DataProblem> {
        if self.bare {
            Some(DataProblem::BareCrLf)
        } else if self.too_long {
            Some(DataProblem::LineTooLong)
        } else if self.too_big {
            Some(DataProblem::TooBig)
        } else {
            None
        }
    }
}

/// What goes into the `Received:` header. No recipient address (privacy
/// with several recipients), no account name.
pub struct ReceivedInfo<'a> {
    pub helo: &'a str,
    pub client_ip: std::net::IpAddr,
    pub hostname: &'a str,
    /// `ESMTPSA`, `ESMTPS`, `ESMTP`, `SMTP` (RFC 3848).
    pub protocol: &'a str,
    pub tls_version: Option<&'a str>,
    pub tls_cipher: Option<&'a str>,
}

/// Append a folded `Received:` header (CRLF line ends) to `out`.
pub fn write_received(out: &mut Vec<u8>, info: &ReceivedInfo<'_>) {
    use std::io::Write;
    let helo: String = info
        .helo
        .chars()
        .filter(|c| c.is_ascii_graphic())
        .take(255)
        .collect();
    let _ = write!(
        out,
        "Received: from {helo} ([{ip}])\r\n\tby {host} (Sluis) with {proto}",
        ip = info.client_ip,
        host = info.hostname,
        proto = info.protocol,
    );
    if let Some(version) = info.tls_version {
        let _ = write!(
            out,
            "\r\n\t(version={version} cipher={})",
            info.tls_cipher.unwrap_or("unknown")
        );
    }
    let date = mail_builder::headers::date::Date::now().to_rfc822();
    let _ = write!(out, ";\r\n\t{date}\r\n");
}

/// The protocol name of RFC 3848 for the `with` clause.
pub fn protocol_name(esmtp: bool, tls: bool, auth: bool) -> &'static str {
    match (esmtp, tls, auth) {
        (false, _, _) => "SMTP",
        (true, true, true) => "ESMTPSA",
        (true, false, true) => "ESMTPA",
        (true, true, false) => "ESMTPS",
        (true, false, false) => "ESMTP",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feed `input` split into LF-terminated lines; returns (ended, stored, problem).
    fn run(input: &[u8], limit: usize) -> (bool, Vec<u8>, Option<DataProblem>) {
        let mut r = DataReader::new(limit, false);
        let mut out = Vec::new();
        for line in input.split_inclusive(|&b| b == b'\n') {
            if !line.ends_with(b"\n") {
                break;
            }
            if r.line(line, &mut out) {
                return (true, out, r.problem());
            }
        }
        (false, out, r.problem())
    }

    #[test]
    fn plain_message_with_dot_unstuffing() {
        let (end, out, p) = run(b"Subject: x\r\n\r\n..dot\r\n.\r\n", 1000);
        assert!(end);
        assert_eq!(out, b"Subject: x\r\n\r\n.dot\r\n");
        assert_eq!(p, None);
    }

    #[test]
    fn only_crlf_dot_crlf_ends_and_lookalikes_reject() {
        for sneaky in [
            &b"a\n.\nMAIL FROM:<x@y>\r\n"[..],
            b"a\n.\r\nMAIL FROM:<x@y>\r\n",
            b"a\r.\rMAIL FROM:<x@y>\r\n",
            b"a\r\n.\nMAIL FROM:<x@y>\r\n",
            b"a\r.\r\nMAIL FROM:<x@y>\r\n",
            b"bare\nlf\r\n",
            b"bare\rcr\r\n",
        ] {
            let mut input = sneaky.to_vec();
            input.extend_from_slice(b"tail\r\n.\r\n");
            let (end, _, p) = run(&input, 1000);
            assert!(end, "{sneaky:?} must end only at the real end");
            assert_eq!(p, Some(DataProblem::BareCrLf), "{sneaky:?}");
        }
    }

    /// The same as `run`, with bare LF lines normalised.
    fn run_normalized(input: &[u8]) -> (bool, Vec<u8>, Option<DataProblem>) {
        let mut r = DataReader::new(1000, true);
        let mut out = Vec::new();
        for line in input.split_inclusive(|&b| b == b'\n') {
            if r.line(line, &mut out) {
                return (true, out, r.problem());
            }
        }
        (false, out, r.problem())
    }

    #[test]
    fn bare_lf_lines_are_stored_with_crlf_when_normalising() {
        let (end, out, p) = run_normalized(b"Subject: x\n\nbody\n..dot\nlast\r\n.\r\n");
        assert!(end);
        assert_eq!(p, None);
        assert_eq!(out, b"Subject: x\r\n\r\nbody\r\n.dot\r\nlast\r\n");
    }

    #[test]
    fn normalising_still_refuses_every_end_of_data_lookalike_and_bare_cr() {
        for sneaky in [
            &b"a\n.\nMAIL FROM:<x@y>\r\n"[..],
            b"a\n.\r\nMAIL FROM:<x@y>\r\n",
            b"a\r.\rMAIL FROM:<x@y>\r\n",
            b"a\r\n.\nMAIL FROM:<x@y>\r\n",
            b"a\r.\r\nMAIL FROM:<x@y>\r\n",
            b"bare\rcr\r\n",
        ] {
            let mut input = sneaky.to_vec();
            input.extend_from_slice(b"tail\r\n.\r\n");
            let (end, out, p) = run_normalized(&input);
            assert!(end, "{sneaky:?} must end only at the real end");
            assert_eq!(p, Some(DataProblem::BareCrLf), "{sneaky:?}");
            assert!(
                !out.windows(2).any(|w| w[1] == b'\n' && w[0] != b'\r'),
                "{sneaky:?}"
            );
        }
    }

    #[test]
    fn after_bare_lf_a_dot_line_is_not_the_end() {
        let (end, _, _) = run(b"x\n.\r\n", 1000);
        assert!(!end);
    }

    #[test]
    fn size_limit_stops_storing() {
        let (end, out, p) = run(b"0123456789\r\n0123456789\r\n.\r\n", 15);
        assert!(end);
        assert_eq!(out, b"0123456789\r\n");
        assert_eq!(p, Some(DataProblem::TooBig));
    }

    #[test]
    fn long_line_is_skipped_and_reported() {
        let mut r = DataReader::new(1000, false);
        let mut out = Vec::new();
        r.too_long(b"xxxxxxxx");
        assert!(r.is_skipping());
        assert!(!r.line(b"yyy\r\n", &mut out));
        assert!(r.line(b".\r\n", &mut out));
        assert_eq!(r.problem(), Some(DataProblem::LineTooLong));
    }

    #[test]
    fn received_header_has_no_recipient_and_is_folded() {
        let mut out = Vec::new();
        write_received(
            &mut out,
            &ReceivedInfo {
                helo: "pc1\r\nX: y",
                client_ip: "192.0.2.1".parse().unwrap(),
                hostname: "sluis.test",
                protocol: protocol_name(true, true, true),
                tls_version: Some("TLSv1.3"),
                tls_cipher: Some("TLS13_AES_128_GCM_SHA256"),
            },
        );
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with(
            "Received: from pc1X:y ([192.0.2.1])\r\n\tby sluis.test (Sluis) with ESMTPSA"
        ));
        assert!(text.contains("version=TLSv1.3"));
        assert!(text.ends_with("\r\n"));
        assert!(!text.contains(" for "));
    }
}
