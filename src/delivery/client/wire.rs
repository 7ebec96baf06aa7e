//! The SMTP client's wire format, without I/O: reply parsing (on top of
//! `smtp-proto`'s response parser), EHLO capabilities, MAIL/RCPT command
//! lines and dot-stuffing of the message body.
//!
//! Promises: every reply is bounded — at most [`MAX_REPLY_BYTES`] of text
//! (smtp-proto's own limit, also the longest line) and at most the caller's
//! line limit — so a peer that sends an endless reply gets an error, never
//! our memory. Dot-stuffing works chunk by chunk, so the body is never
//! copied whole. Fails with [`ReplyError`]; nothing here panics on peer data.

use crate::types::{EnhancedCode, SmtpStatus};
use smtp_proto::response::parser::{ResponseReceiver, MAX_RESPONSE_LENGTH};

/// Longest reply text accepted (all lines together), in bytes.
pub const MAX_REPLY_BYTES: usize = MAX_RESPONSE_LENGTH;

/// One complete SMTP reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub code: u16,
    /// Enhanced status code (RFC 3463), `[0, 0, 0]` when the server sent none.
    pub esc: [u8; 3],
    /// Text of all lines, joined with `\n` (without codes).
    pub text: String,
}

impl Reply {
    pub fn is_positive(&self) -> bool {
        (200..300).contains(&self.code)
    }
    pub fn is_intermediate(&self) -> bool {
        (300..400).contains(&self.code)
    }
    /// 5xx. Everything else that is not positive counts as temporary.
    pub fn is_permanent(&self) -> bool {
        (500..600).contains(&self.code)
    }

    /// Enhanced status code as `x.y.z`; derived from the reply code when the
    /// server sent none (`4.0.0` / `5.0.0`).
    pub fn status(&self) -> String {
        if self.esc[0] != 0 {
            format!("{}.{}.{}", self.esc[0], self.esc[1], self.esc[2])
        } else if self.is_permanent() {
            "5.0.0".into()
        } else if self.is_positive() {
            "2.0.0".into()
        } else {
            "4.0.0".into()
        }
    }

    /// The reply as the status type the rest of Sluis reads: delivery
    /// hands this, not a line of text, to the queue, the DSN and the audit.
    pub fn to_status(&self) -> SmtpStatus {
        SmtpStatus::from_peer(self.code, EnhancedCode::from_wire(self.esc), &self.text)
    }

    /// `550 5.1.1 text text`: one line, printable ASCII only, bounded, safe
    /// for logs and error messages.
    pub fn one_line(&self) -> String {
        self.to_status().one_line()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplyError {
    #[error(
        "antwoord van server te lang / reply from server too long (> {MAX_REPLY_BYTES} bytes)"
    )]
    TooLong,
    #[error(
        "antwoord van server heeft te veel regels / reply from server has too many lines (> {0})"
    )]
    TooManyLines(usize),
    #[error("onleesbaar antwoord van server / malformed reply from server: {0}")]
    Syntax(&'static str),
}

/// Incremental reply parser: feed it bytes, it says "need more" or gives a
/// complete reply, and counts lines against a limit.
pub struct ReplyParser {
    inner: ResponseReceiver,
    lines: usize,
    max_lines: usize,
}

impl ReplyParser {
    pub fn new(max_lines: usize) -> Self {
        ReplyParser {
            inner: ResponseReceiver::default(),
            lines: 0,
            max_lines: max_lines.max(1),
        }
    }

    /// Parse from `input`; returns the number of bytes consumed and the
    /// reply when one is complete. Partial state is kept between calls.
    pub fn feed(&mut self, input: &[u8]) -> Result<(usize, Option<Reply>), ReplyError> {
        let mut iter = input.iter();
        let result = self.inner.parse(&mut iter);
        let consumed = input.len() - iter.as_slice().len();
        self.lines += input
            .get(..consumed)
            .unwrap_or_default()
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        if self.lines > self.max_lines {
            return Err(ReplyError::TooManyLines(self.max_lines));
        }
        match result {
            Ok(r) => {
                self.inner.reset();
                self.lines = 0;
                Ok((
                    consumed,
                    Some(Reply {
                        code: r.code,
                        esc: r.esc,
                        text: r.message,
                    }),
                ))
            }
            Err(smtp_proto::Error::NeedsMoreData { .. }) => Ok((consumed, None)),
            Err(smtp_proto::Error::ResponseTooLong) => Err(ReplyError::TooLong),
            Err(smtp_proto::Error::SyntaxError { syntax }) => Err(ReplyError::Syntax(syntax)),
            Err(_) => Err(ReplyError::Syntax("unexpected reply")),
        }
    }
}

/// What the server offered in its EHLO reply (the part we use).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Capabilities {
    pub pipelining: bool,
    /// `Some(0)` means SIZE without a limit.
    pub size: Option<u64>,
    pub eightbitmime: bool,
    pub smtputf8: bool,
    pub starttls: bool,
    pub enhanced_status_codes: bool,
}

impl Capabilities {
    /// Parse the text of a 250 EHLO reply (first line is the greeting name).
    pub fn parse(ehlo_text: &str) -> Capabilities {
        let mut caps = Capabilities::default();
        for line in ehlo_text.lines().skip(1) {
            let mut words = line.split_ascii_whitespace();
            let Some(keyword) = words.next() else {
                continue;
            };
            match keyword.to_ascii_uppercase().as_str() {
                "PIPELINING" => caps.pipelining = true,
                "SIZE" => caps.size = Some(words.next().and_then(|n| n.parse().ok()).unwrap_or(0)),
                "8BITMIME" => caps.eightbitmime = true,
                "SMTPUTF8" => caps.smtputf8 = true,
                "STARTTLS" => caps.starttls = true,
                "ENHANCEDSTATUSCODES" => caps.enhanced_status_codes = true,
                _ => {}
            }
        }
        caps
    }
}

/// Parameters of one transaction, beyond the addresses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MailParams {
    /// The body contains 8-bit data (`BODY=8BITMIME` when offered).
    pub body_8bit: bool,
    /// The envelope or headers need SMTPUTF8.
    pub smtputf8: bool,
    /// Message size, sent as `SIZE=` when offered.
    pub size: Option<u64>,
}

/// `MAIL FROM:<addr> [BODY=8BITMIME] [SMTPUTF8] [SIZE=n]` with the
/// parameters the server offered.
pub fn mail_from_line(from: &str, params: &MailParams, caps: &Capabilities) -> String {
    let mut line = format!("MAIL FROM:<{}>", clean_address(from));
    if params.body_8bit && caps.eightbitmime {
        line.push_str(" BODY=8BITMIME");
    }
    if params.smtputf8 && caps.smtputf8 {
        line.push_str(" SMTPUTF8");
    }
    if let (Some(n), Some(_)) = (params.size, caps.size) {
        line.push_str(&format!(" SIZE={n}"));
    }
    line.push_str("\r\n");
    line
}

pub fn rcpt_to_line(to: &str) -> String {
    format!("RCPT TO:<{}>\r\n", clean_address(to))
}

/// Addresses come from our own spool, but a CR, LF or `>` in one must never
/// be able to inject a command: drop them.
fn clean_address(addr: &str) -> String {
    addr.chars()
        .filter(|c| !matches!(c, '\r' | '\n' | '<' | '>'))
        .collect()
}

/// Dot-stuffing that runs over the body chunk by chunk (RFC 5321 4.5.2):
/// a `.` at the start of a line is doubled, and a bare LF becomes CRLF (the
/// spool holds CRLF already; this keeps a stray LF from ever forming an
/// ambiguous end-of-data sequence at a lenient next hop).
#[derive(Debug)]
pub struct DotStuffer {
    at_line_start: bool,
    /// Last input byte seen (`\n` at the start: an empty body is "ended").
    prev: u8,
}

impl Default for DotStuffer {
    fn default() -> Self {
        DotStuffer {
            at_line_start: true,
            prev: b'\n',
        }
    }
}

impl DotStuffer {
    /// Append `chunk`, stuffed, to `out`.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<u8>) {
        let mut rest = chunk;
        while !rest.is_empty() {
            if self.at_line_start && rest.first() == Some(&b'.') {
                out.push(b'.');
            }
            match rest.iter().position(|b| *b == b'\n') {
                Some(pos) => {
                    let (line, tail) = rest.split_at(pos);
                    out.extend_from_slice(line);
                    let before = line.last().copied().unwrap_or(self.prev);
                    if before != b'\r' {
                        out.push(b'\r');
                    }
                    out.push(b'\n');
                    self.prev = b'\n';
                    rest = tail.get(1..).unwrap_or_default();
                    self.at_line_start = true;
                }
                None => {
                    out.extend_from_slice(rest);
                    self.prev = rest.last().copied().unwrap_or(self.prev);
                    rest = &[];
                    self.at_line_start = false;
                }
            }
        }
    }

    /// The end-of-data marker, preceded by a CRLF when the body did not
    /// end with one.
    pub fn finish(&self, out: &mut Vec<u8>) {
        if self.prev != b'\n' {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b".\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(input: &[u8], max_lines: usize) -> Result<Vec<Reply>, ReplyError> {
        let mut p = ReplyParser::new(max_lines);
        let mut out = vec![];
        let mut rest = input;
        while !rest.is_empty() {
            let (n, reply) = p.feed(rest)?;
            rest = &rest[n..];
            match reply {
                Some(r) => out.push(r),
                None => break,
            }
        }
        Ok(out)
    }

    #[test]
    fn single_and_multiline_replies_with_enhanced_codes() {
        let r = parse_all(
            b"250-mx.example.nl hello\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 1000\r\n550 5.1.1 No such user\r\n",
            100,
        )
        .unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].code, 250);
        let caps = Capabilities::parse(&r[0].text);
        assert!(caps.pipelining && caps.eightbitmime && !caps.starttls && !caps.smtputf8);
        assert_eq!(caps.size, Some(1000));
        assert_eq!(r[1].code, 550);
        assert_eq!(r[1].status(), "5.1.1");
        assert!(r[1].is_permanent());
        assert_eq!(r[1].one_line(), "550 5.1.1 No such user");
    }

    #[test]
    fn reply_split_over_reads_is_reassembled() {
        let mut p = ReplyParser::new(10);
        let (n, r) = p.feed(b"451-4.3.0 try ").unwrap();
        assert_eq!((n, r), (14, None));
        let (_, r) = p.feed(b"again\r\n451 later\r\n").unwrap();
        let r = r.unwrap();
        assert_eq!(r.code, 451);
        assert_eq!(r.status(), "4.3.0");
        assert!(!r.is_permanent() && !r.is_positive());
    }

    #[test]
    fn endless_multiline_reply_is_cut_off() {
        let mut p = ReplyParser::new(256);
        let line = b"250-x\r\n";
        let mut err = None;
        for _ in 0..10_000 {
            match p.feed(line) {
                Ok(_) => {}
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        assert_eq!(err, Some(ReplyError::TooManyLines(256)));
        // An endless single line hits the byte limit.
        let mut p = ReplyParser::new(256);
        let long = vec![b'a'; 10_000];
        p.feed(b"250 ").unwrap();
        assert_eq!(p.feed(&long).unwrap_err(), ReplyError::TooLong);
    }

    #[test]
    fn garbage_is_a_syntax_error() {
        let mut p = ReplyParser::new(10);
        assert!(matches!(p.feed(b"hello\r\n"), Err(ReplyError::Syntax(_))));
    }

    #[test]
    fn mail_from_only_carries_offered_parameters() {
        let params = MailParams {
            body_8bit: true,
            smtputf8: true,
            size: Some(42),
        };
        let none = Capabilities::default();
        assert_eq!(
            mail_from_line("a@b.nl", &params, &none),
            "MAIL FROM:<a@b.nl>\r\n"
        );
        let all = Capabilities::parse("x\nSIZE\n8BITMIME\nSMTPUTF8");
        assert_eq!(
            mail_from_line("", &params, &all),
            "MAIL FROM:<> BODY=8BITMIME SMTPUTF8 SIZE=42\r\n"
        );
        assert_eq!(rcpt_to_line("x@y.nl>\r\nDATA"), "RCPT TO:<x@y.nlDATA>\r\n");
    }

    fn stuff(chunks: &[&[u8]]) -> Vec<u8> {
        let mut s = DotStuffer::default();
        let mut out = vec![];
        for c in chunks {
            s.push(c, &mut out);
        }
        s.finish(&mut out);
        out
    }

    #[test]
    fn dots_at_line_start_are_doubled_across_chunk_boundaries() {
        assert_eq!(stuff(&[b".a\r\nb.\r\n.\r\n"]), b"..a\r\nb.\r\n..\r\n.\r\n");
        assert_eq!(stuff(&[b"a\r\n", b".b\r\n"]), b"a\r\n..b\r\n.\r\n");
        assert_eq!(stuff(&[b"a\r", b"\n", b".", b"b"]), b"a\r\n..b\r\n.\r\n");
        assert_eq!(stuff(&[b"x.y"]), b"x.y\r\n.\r\n");
        assert_eq!(stuff(&[]), b".\r\n");
        // Bare LF becomes CRLF, also when the CR ended the previous chunk.
        assert_eq!(stuff(&[b"a\nb\r\n\n.x"]), b"a\r\nb\r\n\r\n..x\r\n.\r\n");
        assert_eq!(stuff(&[b"a\r", b"\nb"]), b"a\r\nb\r\n.\r\n");
        assert_eq!(stuff(&[b"a\n", b"\n"]), b"a\r\n\r\n.\r\n");
    }
}
