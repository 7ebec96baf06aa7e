//! The one SMTP status type. The submission server answers its clients with
//! it (`smtp::Reply` is this type), the delivery client turns the next hop's
//! reply into it, and delivery uses it for what it decides itself (null MX,
//! a message larger than the next hop takes). The queue hands it on as is
//! to the DSN and the audit, so no stage reads a status code back out of a
//! text another stage wrote.

use super::Bilingual;
use serde::{Deserialize, Serialize};
use std::fmt;

/// RFC 3463 enhanced status code `class.subject.detail`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EnhancedCode {
    pub class: u8,
    pub subject: u16,
    pub detail: u16,
}

impl EnhancedCode {
    pub const fn new(class: u8, subject: u16, detail: u16) -> Self {
        EnhancedCode {
            class,
            subject,
            detail,
        }
    }

    /// From a reply parser's `[class, subject, detail]`. `[0, 0, 0]` is how
    /// smtp-proto says "the server sent none", and a class other than 2, 4
    /// or 5 is not a status (RFC 3463 2): both are `None`.
    pub fn from_wire(esc: [u8; 3]) -> Option<Self> {
        let [class, subject, detail] = esc;
        matches!(class, 2 | 4 | 5).then(|| EnhancedCode::new(class, subject.into(), detail.into()))
    }

    /// `2.0.0`, `4.0.0` or `5.0.0` for a reply code without an enhanced
    /// code: the class is all the reply code tells.
    pub fn generic(code: u16) -> Self {
        match code {
            200..=399 => EnhancedCode::new(2, 0, 0),
            500..=599 => EnhancedCode::new(5, 0, 0),
            // Anything odd counts as temporary, as the client treats it.
            _ => EnhancedCode::new(4, 0, 0),
        }
    }
}

impl fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

/// One SMTP status: reply code, enhanced code, text for a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmtpStatus {
    pub code: u16,
    /// `None` only for a peer's reply that carried none.
    pub enhanced: Option<EnhancedCode>,
    /// Ours are Dutch and English; a peer's text is not ours to translate,
    /// so both fields hold it (see [`SmtpStatus::from_peer`]).
    pub text: Bilingual,
}

/// Longest text [`SmtpStatus::one_line`] gives before cutting with `...`.
const ONE_LINE_MAX: usize = 400;

impl SmtpStatus {
    /// A status Sluis says itself.
    pub fn new(code: u16, enhanced: (u8, u16, u16), nl: &str, en: &str) -> Self {
        let (class, subject, detail) = enhanced;
        SmtpStatus {
            code,
            enhanced: Some(EnhancedCode::new(class, subject, detail)),
            text: Bilingual::new(nl, en),
        }
    }

    /// A reply read from a peer (its text may span lines: `\n` between them).
    pub fn from_peer(code: u16, enhanced: Option<EnhancedCode>, text: &str) -> Self {
        SmtpStatus {
            code,
            enhanced,
            text: Bilingual::new(text, text),
        }
    }

    /// 1xx to 3xx: RFC 5321's positive replies (completion, intermediate).
    pub fn is_positive(&self) -> bool {
        self.code < 400
    }

    pub fn is_temporary(&self) -> bool {
        (400..500).contains(&self.code)
    }

    pub fn is_permanent(&self) -> bool {
        (500..600).contains(&self.code)
    }

    /// The enhanced code, or the generic one of the reply code's class.
    pub fn enhanced_or_generic(&self) -> EnhancedCode {
        self.enhanced
            .unwrap_or_else(|| EnhancedCode::generic(self.code))
    }

    /// The text once when it is untranslated, else `nl / en`.
    fn text_line(&self) -> String {
        if self.text.nl == self.text.en {
            self.text.nl.clone()
        } else {
            self.text.one_line()
        }
    }

    /// `550 5.1.1 text text`: one line of printable ASCII, bounded; safe
    /// for logs, the audit, the journal and a DSN's Diagnostic-Code, since
    /// a peer's text may hold anything.
    pub fn one_line(&self) -> String {
        let mut out = format!("{} ", self.code);
        if let Some(e) = self.enhanced {
            out.push_str(&format!("{e} "));
        }
        for c in self.text_line().chars() {
            if out.len() >= ONE_LINE_MAX {
                out.push_str("...");
                break;
            }
            match c {
                '\n' | '\r' | '\t' => out.push(' '),
                ' '..='~' => out.push(c),
                _ => out.push('?'),
            }
        }
        out.trim_end().to_string()
    }

    /// `5.1.2 nl / en`: how a status Sluis decided itself is written as a
    /// journal reason (no reply code: no server said it).
    pub fn reason_line(&self) -> String {
        format!("{} {}", self.enhanced_or_generic(), self.text.one_line())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_codes_without_a_valid_class_are_none() {
        assert_eq!(
            EnhancedCode::from_wire([5, 1, 1]),
            Some(EnhancedCode::new(5, 1, 1))
        );
        assert_eq!(EnhancedCode::from_wire([0, 0, 0]), None);
        assert_eq!(EnhancedCode::from_wire([1, 2, 3]), None);
        assert_eq!(EnhancedCode::generic(554).to_string(), "5.0.0");
        assert_eq!(EnhancedCode::generic(451).to_string(), "4.0.0");
        assert_eq!(EnhancedCode::generic(250).to_string(), "2.0.0");
    }

    #[test]
    fn a_peer_reply_is_one_bounded_ascii_line_with_its_text_once() {
        let s = SmtpStatus::from_peer(550, EnhancedCode::from_wire([5, 1, 1]), "No such\nuser é");
        assert_eq!(s.one_line(), "550 5.1.1 No such user ?");
        assert!(s.is_permanent() && !s.is_temporary() && !s.is_positive());
        let bare = SmtpStatus::from_peer(451, None, "later");
        assert_eq!(bare.one_line(), "451 later");
        assert_eq!(bare.enhanced_or_generic(), EnhancedCode::new(4, 0, 0));
        assert!(bare.is_temporary());
        let long = SmtpStatus::from_peer(250, None, &"x".repeat(10_000));
        assert!(long.one_line().len() <= ONE_LINE_MAX + 3);
        assert!(long.one_line().ends_with("..."));
    }

    #[test]
    fn our_own_status_reads_code_then_both_languages() {
        let s = SmtpStatus::new(552, (5, 3, 4), "Bericht te groot", "Message too large");
        assert_eq!(
            s.reason_line(),
            "5.3.4 Bericht te groot / Message too large"
        );
        assert_eq!(
            s.one_line(),
            "552 5.3.4 Bericht te groot / Message too large"
        );
    }
}
