//! Every reply the submission server sends, in one place, and how a reply
//! is written on the wire.
//!
//! Promises: each text is Dutch first, then English, on one line with no
//! CR or LF; no reply echoes message content or a password. Writing into
//! the output buffer cannot fail.

use super::Reply;
use std::io::Write;

/// Append `reply` as one SMTP reply line (`code x.y.z nl / en`).
pub fn write_reply(out: &mut Vec<u8>, reply: &Reply) {
    // Every reply of ours has an enhanced code; the generic one of its
    // class stands in should one ever be built without (RFC 2034 wants one
    // on every reply once ENHANCEDSTATUSCODES is announced).
    let enhanced = reply.enhanced_or_generic();
    // Writing into a Vec<u8> cannot fail.
    let _ = write!(
        out,
        "{} {} {} / {}\r\n",
        reply.code,
        enhanced,
        clean(&reply.text.nl),
        clean(&reply.text.en)
    );
}

/// A reply without enhanced code (greeting, 354, 334), as RFC 2034 wants.
pub fn write_plain(out: &mut Vec<u8>, code: u16, text: &str) {
    let _ = write!(out, "{code} {}\r\n", clean(text));
}

/// Replies are one line: strip anything that could break the framing.
fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().any(|b| b == b'\r' || b == b'\n') {
        text.replace(['\r', '\n'], " ").into()
    } else {
        text.into()
    }
}

fn r(code: u16, e: (u8, u16, u16), nl: &str, en: &str) -> Reply {
    Reply::new(code, e, nl, en)
}

pub fn ok() -> Reply {
    r(250, (2, 0, 0), "OK", "OK")
}
pub fn bye() -> Reply {
    r(221, (2, 0, 0), "Tot ziens", "Goodbye")
}
pub fn sender_ok() -> Reply {
    r(250, (2, 1, 0), "Afzender OK", "Sender OK")
}
pub fn recipient_ok() -> Reply {
    r(250, (2, 1, 5), "Ontvanger OK", "Recipient OK")
}
pub fn vrfy() -> Reply {
    r(
        252,
        (2, 5, 0),
        "Adres niet gecontroleerd, bericht wordt wel aangenomen",
        "Cannot VRFY user, but will accept message",
    )
}
pub fn help() -> Reply {
    r(
        214,
        (2, 0, 0),
        "Commando's: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP STARTTLS AUTH",
        "Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP STARTTLS AUTH",
    )
}
pub fn ready_for_tls() -> Reply {
    r(220, (2, 0, 0), "Klaar voor TLS", "Ready to start TLS")
}
pub fn auth_ok() -> Reply {
    r(235, (2, 7, 0), "Aangemeld", "Authentication succeeded")
}
pub fn unknown_command() -> Reply {
    r(
        500,
        (5, 5, 1),
        "Onbekend commando",
        "Command not recognized",
    )
}
pub fn line_too_long() -> Reply {
    r(500, (5, 5, 2), "Regel te lang", "Line too long")
}
pub fn syntax(what: &str) -> Reply {
    r(
        501,
        (5, 5, 4),
        &format!("Syntaxfout, verwacht: {what}"),
        &format!("Syntax error, expected: {what}"),
    )
}
pub fn bad_sender_syntax() -> Reply {
    r(
        501,
        (5, 1, 7),
        "Ongeldig afzenderadres",
        "Invalid sender address",
    )
}
pub fn bad_recipient_syntax() -> Reply {
    r(
        501,
        (5, 1, 3),
        "Ongeldig ontvangeradres",
        "Invalid recipient address",
    )
}
pub fn unsupported_parameter() -> Reply {
    r(
        555,
        (5, 5, 4),
        "Parameter niet ondersteund",
        "Parameter not supported",
    )
}
pub fn not_implemented() -> Reply {
    r(
        502,
        (5, 5, 1),
        "Commando niet beschikbaar",
        "Command not implemented",
    )
}
pub fn bad_sequence(nl: &str, en: &str) -> Reply {
    r(503, (5, 5, 1), nl, en)
}
pub fn auth_required() -> Reply {
    r(
        530,
        (5, 7, 0),
        "Aanmelden vereist",
        "Authentication required",
    )
}
pub fn encryption_required() -> Reply {
    r(
        538,
        (5, 7, 11),
        "Aanmelden kan alleen over een versleutelde verbinding (gebruik STARTTLS)",
        "Encryption required for requested authentication mechanism (use STARTTLS)",
    )
}
pub fn mechanism_unsupported() -> Reply {
    r(
        504,
        (5, 5, 4),
        "Aanmeldmethode niet ondersteund",
        "Unrecognized authentication type",
    )
}
pub fn auth_cancelled() -> Reply {
    r(
        501,
        (5, 7, 0),
        "Aanmelden afgebroken",
        "Authentication cancelled",
    )
}
pub fn bad_base64() -> Reply {
    r(
        501,
        (5, 5, 2),
        "Ongeldige base64-gegevens",
        "Invalid base64 data",
    )
}
pub fn bad_credentials() -> Reply {
    r(
        535,
        (5, 7, 8),
        "Gebruikersnaam of wachtwoord onjuist",
        "Authentication credentials invalid",
    )
}
pub fn auth_blocked() -> Reply {
    r(
        454,
        (4, 7, 0),
        "Te veel mislukte aanmeldpogingen, probeer het later opnieuw",
        "Too many failed authentication attempts, try again later",
    )
}
pub fn sender_not_allowed() -> Reply {
    r(
        553,
        (5, 7, 1),
        "Afzender niet toegestaan voor dit account",
        "Sender address not allowed for this account",
    )
}
pub fn from_header_not_allowed() -> Reply {
    r(
        553,
        (5, 7, 1),
        "Afzender in From: niet toegestaan voor dit account",
        "From: address not allowed for this account",
    )
}
pub fn null_sender_not_allowed() -> Reply {
    r(
        553,
        (5, 7, 1),
        "Lege afzender <> niet toegestaan voor dit account",
        "Null sender <> not allowed for this account",
    )
}
pub fn too_big() -> Reply {
    r(
        552,
        (5, 3, 4),
        "Bericht te groot",
        "Message size exceeds fixed maximum message size",
    )
}
pub fn too_many_recipients() -> Reply {
    r(452, (4, 5, 3), "Te veel ontvangers", "Too many recipients")
}
pub fn bare_cr_lf() -> Reply {
    r(
        550,
        (5, 6, 0),
        "Bericht geweigerd: losse CR of LF (zonder CRLF) is niet toegestaan",
        "Message rejected: bare CR or LF (not part of CRLF) is not allowed",
    )
}
pub fn data_line_too_long() -> Reply {
    r(
        500,
        (5, 5, 2),
        "Bericht geweigerd: regel te lang",
        "Message rejected: line too long",
    )
}
pub fn timeout() -> Reply {
    r(
        421,
        (4, 4, 2),
        "Time-out, verbinding wordt gesloten",
        "Timeout exceeded, closing connection",
    )
}
pub fn too_many_errors() -> Reply {
    r(
        421,
        (4, 7, 0),
        "Te veel fouten, verbinding wordt gesloten",
        "Too many errors, closing connection",
    )
}
pub fn too_many_messages() -> Reply {
    r(
        421,
        (4, 7, 0),
        "Te veel berichten in deze sessie, maak een nieuwe verbinding",
        "Too many messages in this session, please reconnect",
    )
}
pub fn too_many_connections() -> Reply {
    r(
        421,
        (4, 7, 0),
        "Te veel verbindingen, probeer het later opnieuw",
        "Too many connections, try again later",
    )
}
pub fn shutting_down() -> Reply {
    r(
        421,
        (4, 3, 2),
        "Server wordt gestopt, probeer het later opnieuw",
        "Server shutting down, try again later",
    )
}
pub fn tls_unavailable() -> Reply {
    r(454, (4, 7, 0), "TLS niet beschikbaar", "TLS not available")
}
