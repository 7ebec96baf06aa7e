//! The client against scripted dialogues played in memory.
use super::*;
use tokio::io::{AsyncBufReadExt, BufReader};

fn limits() -> ClientLimits {
    ClientLimits {
        connect_timeout: Duration::from_secs(2),
        command_timeout: Duration::from_secs(2),
        data_timeout: Duration::from_secs(2),
        max_reply_lines: 50,
    }
}

/// A server that answers each command line with the next scripted reply
/// (an empty reply means: answer nothing). After a `354` it reads the data
/// up to the final dot before taking the next reply. Returns everything the
/// client wrote.
fn server(script: Vec<&'static str>) -> (Box<dyn Io>, tokio::task::JoinHandle<Vec<u8>>) {
    let (client, srv) = tokio::io::duplex(1 << 20);
    let task = tokio::spawn(async move {
        let mut srv = BufReader::new(srv);
        let mut seen = Vec::new();
        let mut replies = script.into_iter();
        if let Some(greeting) = replies.next() {
            let _ = srv.write_all(greeting.as_bytes()).await;
        }
        let mut in_data = false;
        loop {
            let mut line = Vec::new();
            match srv.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            seen.extend_from_slice(&line);
            if in_data && line != b".\r\n" {
                continue;
            }
            in_data = false;
            let Some(reply) = replies.next() else { break };
            if reply.starts_with("354") {
                in_data = true;
            }
            if srv.write_all(reply.as_bytes()).await.is_err() {
                break;
            }
        }
        seen
    });
    (Box::new(client), task)
}

const GREET: &str = "220 mx.test ESMTP\r\n";
const EHLO_PIPE: &str = "250-mx.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 1000\r\n";
const EHLO_PLAIN: &str = "250 mx.test\r\n";
const PARAMS: MailParams = MailParams {
    body_8bit: true,
    smtputf8: false,
    size: Some(9),
};

#[tokio::test]
async fn pipelined_transaction_gives_per_recipient_results() {
    let (io, seen) = server(vec![
        GREET,
        EHLO_PIPE,
        "250 2.1.0 ok\r\n",
        "250 2.1.5 ok\r\n",
        "550 5.1.1 unknown\r\n",
        "451 4.2.1 busy\r\n",
        "354 go\r\n",
        "250 2.0.0 queued as X\r\n",
        "221 bye\r\n",
    ]);
    let mut c = SmtpClient::over(io, limits()).await.unwrap();
    assert!(c.ehlo("sluis.test").await.unwrap().pipelining);
    let out = c
        .send(
            "s@p.nl",
            &["a@x.nl", "b@x.nl", "c@x.nl"],
            b".hi\r\n",
            &PARAMS,
        )
        .await
        .unwrap();
    assert!(matches!(&out.rcpts[0], RcptResult::Delivered(r) if r.text.contains("queued")));
    assert!(matches!(&out.rcpts[1], RcptResult::Permanent(r) if r.code == 550));
    assert!(matches!(&out.rcpts[2], RcptResult::Temporary(r) if r.code == 451));
    assert_eq!(c.transactions, 1);
    c.quit().await;
    let seen = String::from_utf8(seen.await.unwrap()).unwrap();
    assert_eq!(
        seen,
        "EHLO sluis.test\r\nMAIL FROM:<s@p.nl> BODY=8BITMIME SIZE=9\r\nRCPT TO:<a@x.nl>\r\nRCPT TO:<b@x.nl>\r\nRCPT TO:<c@x.nl>\r\nDATA\r\n..hi\r\n.\r\nQUIT\r\n"
    );
}

#[tokio::test]
async fn without_pipelining_no_data_is_sent_when_every_rcpt_is_refused() {
    let (io, seen) = server(vec![
        GREET,
        EHLO_PLAIN,
        "250 ok\r\n",
        "550 no\r\n",
        "250 reset\r\n",
    ]);
    let mut c = SmtpClient::over(io, limits()).await.unwrap();
    c.ehlo("h").await.unwrap();
    let out = c.send("", &["a@x.nl"], b"x\r\n", &PARAMS).await.unwrap();
    assert!(matches!(&out.rcpts[0], RcptResult::Permanent(_)));
    drop(c);
    let seen = String::from_utf8(seen.await.unwrap()).unwrap();
    assert_eq!(
        seen,
        "EHLO h\r\nMAIL FROM:<>\r\nRCPT TO:<a@x.nl>\r\nRSET\r\n"
    );
}

#[tokio::test]
async fn refused_mail_from_applies_to_every_recipient_and_resets() {
    let (io, seen) = server(vec![GREET, EHLO_PLAIN, "452 4.3.1 full\r\n", "250 ok\r\n"]);
    let mut c = SmtpClient::over(io, limits()).await.unwrap();
    c.ehlo("h").await.unwrap();
    let out = c
        .send("s@p.nl", &["a@x.nl", "b@x.nl"], b"x", &PARAMS)
        .await
        .unwrap();
    assert!(out
        .rcpts
        .iter()
        .all(|r| matches!(r, RcptResult::Temporary(r) if r.status() == "4.3.1")));
    drop(c);
    assert!(String::from_utf8(seen.await.unwrap())
        .unwrap()
        .ends_with("RSET\r\n"));
}

#[tokio::test]
async fn a_refusal_after_the_final_dot_fails_the_accepted_recipients() {
    let (io, _seen) = server(vec![
        GREET,
        EHLO_PIPE,
        "250 ok\r\n",
        "250 ok\r\n",
        "354 go\r\n",
        "554 5.7.1 spam\r\n",
        "250 reset\r\n",
    ]);
    let mut c = SmtpClient::over(io, limits()).await.unwrap();
    c.ehlo("h").await.unwrap();
    let out = c
        .send("s@p.nl", &["a@x.nl"], b"no final newline", &PARAMS)
        .await
        .unwrap();
    assert!(matches!(&out.rcpts[0], RcptResult::Permanent(r) if r.status() == "5.7.1"));
}

#[tokio::test]
async fn hostile_greetings_and_silence_are_errors() {
    let (io, _s) = server(vec!["554 go away\r\n"]);
    assert!(matches!(
        SmtpClient::over(io, limits()).await,
        Err(ClientError::Refused {
            stage: "greeting",
            ..
        })
    ));
    let (io, _s) = server(vec![GREET, ""]);
    let mut c = SmtpClient::over(io, limits()).await.unwrap();
    let mut l = limits();
    l.command_timeout = Duration::from_millis(100);
    c.limits = l;
    assert!(matches!(
        c.ehlo("h").await,
        Err(ClientError::Timeout("EHLO"))
    ));
}

#[tokio::test]
async fn data_injected_before_the_tls_handshake_is_refused() {
    let (io, _s) = server(vec![
        GREET,
        "250-mx\r\n250 STARTTLS\r\n",
        "220 go ahead\r\n250 injected\r\n",
    ]);
    let mut c = SmtpClient::over(io, limits()).await.unwrap();
    assert!(c.ehlo("h").await.unwrap().starttls);
    let cfg = crate::net::tls::unauthenticated().unwrap();
    let name = ServerName::try_from("mx.test").unwrap();
    assert!(matches!(
        c.starttls(cfg, name, "h").await,
        Err(ClientError::StartTlsInjection)
    ));
}

#[tokio::test]
async fn starttls_not_offered_is_an_error_not_a_silent_downgrade() {
    let (io, _s) = server(vec![GREET, EHLO_PLAIN]);
    let mut c = SmtpClient::over(io, limits()).await.unwrap();
    c.ehlo("h").await.unwrap();
    let cfg = crate::net::tls::unauthenticated().unwrap();
    let name = ServerName::try_from("mx.test").unwrap();
    assert!(matches!(
        c.starttls(cfg, name, "h").await,
        Err(ClientError::NoStartTls)
    ));
}

#[tokio::test]
async fn a_refused_rset_keeps_the_results_but_marks_the_session_broken() {
    let (io, _s) = server(vec![
        GREET,
        EHLO_PLAIN,
        "530 5.7.0 STARTTLS first\r\n",
        "530 5.7.0 STARTTLS first\r\n",
    ]);
    let mut c = SmtpClient::over(io, limits()).await.unwrap();
    c.ehlo("h").await.unwrap();
    let out = c.send("s@p.nl", &["a@x.nl"], b"x", &PARAMS).await.unwrap();
    assert!(matches!(&out.rcpts[0], RcptResult::Permanent(r) if r.code == 530));
    assert!(c.broken);
}
