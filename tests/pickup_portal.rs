//! The pickup portal end to end over real HTTPS: link -> code (read from a
//! test SMS provider over HTTP) -> read -> download -> reply, and the
//! attacks: wrong codes, code replay, another message's attachment, CSRF,
//! revoked and expired links, logout. Afterwards the SQLite files and the
//! blob folder are searched for the text, the attachment, the codes and the
//! link secrets: none may be there.

mod pickup_support;

use pickup_support::{all_files, csrf, multipart, rig};

const TEXT_MARK: &str = "SENT-TEXT-uitslag-91823";
const ATTACH_MARK: &[u8] = b"ATTACHMENT-BYTES-7731-%PDF";

fn message(subject: &str) -> Vec<u8> {
    use base64::Engine;
    format!(
        "From: Dokter <dokter@praktijk.nl>\r\nTo: patient@example.nl\r\nSubject: {subject}\r\n\
Message-ID: <orig-1@praktijk.nl>\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=xx\r\n\r\n--xx\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
Beste patient,\r\n{TEXT_MARK}\r\n<script>alert(1)</script>\r\n--xx\r\nContent-Type: application/pdf\r\n\
Content-Disposition: attachment; filename=\"uitslag 123456782.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--xx--\r\n",
        base64::engine::general_purpose::STANDARD.encode(ATTACH_MARK)
    )
    .into_bytes()
}

/// Search every file of the rig (database, WAL, blobs) for content, codes
/// and secrets.
fn assert_nothing_at_rest(
    dir: &std::path::Path,
    codes: &[String],
    secrets: &[String],
    blobs: bool,
) {
    let mut needles: Vec<Vec<u8>> = vec![
        TEXT_MARK.as_bytes().to_vec(),
        ATTACH_MARK.to_vec(),
        b"bloedonderzoek".to_vec(),
        b"123456782".to_vec(),
        b"REPLY-TEXT-5521".to_vec(),
    ];
    needles.extend(codes.iter().map(|c| c.as_bytes().to_vec()));
    needles.extend(secrets.iter().map(|s| s.as_bytes().to_vec()));
    let files = all_files(dir);
    assert_eq!(
        files
            .iter()
            .any(|f| f.extension().is_some_and(|e| e == "age")),
        blobs
    );
    assert!(files
        .iter()
        .any(|f| f.to_string_lossy().ends_with("sluis.db")));
    for f in files {
        if f.extension().is_some_and(|e| e == "crt" || e == "key") {
            continue;
        }
        let bytes = std::fs::read(&f).unwrap();
        for n in &needles {
            assert!(
                !bytes.windows(n.len()).any(|w| w == n.as_slice()),
                "{} holds {:?}",
                f.display(),
                String::from_utf8_lossy(n)
            );
        }
    }
}

#[tokio::test]
async fn link_code_read_download_reply_and_attacks() {
    let rig = rig(|_| {}).await;
    let raw = message("Uitslag bloedonderzoek");
    let parked = rig
        .park("msg-1", "patient@example.nl", &raw, Some("+31612345678"))
        .await;
    let notification = String::from_utf8_lossy(&parked.notification).into_owned();
    assert!(!notification.contains("bloedonderzoek"), "subject leaked");
    assert!(!notification.contains(TEXT_MARK));
    let link = rig.path(&parked.link_url);
    let mut secrets = vec![link.rsplit('/').next().unwrap().to_string()];
    let mut codes = Vec::new();

    // Landing page: Dutch, security headers, no content.
    let r = rig.get(&link, None).await;
    assert_eq!(r.status, 200);
    let page = r.text();
    assert!(page.contains("<html lang=\"nl\""));
    assert!(page.contains("Stuur mij een code"));
    assert!(!page.contains(TEXT_MARK));
    assert_eq!(
        r.header("content-security-policy").unwrap(),
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    );
    assert!(r.header("strict-transport-security").is_some());
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    let r = rig.get(&format!("{link}?lang=en"), None).await;
    assert!(r.text().contains("<html lang=\"en\"") && r.text().contains("Send me a code"));

    // Code by SMS through the HTTP provider, with the auth header.
    let (cookie, code) = rig.log_in(&link).await;
    codes.push(code.clone());
    {
        let sms = rig.rec.sms.lock().unwrap();
        let (headers, body) = sms.last().unwrap();
        assert!(headers
            .iter()
            .any(|(n, v)| n == "authorization" && v == "Bearer sms-test-token"));
        assert!(body.contains("+31612345678"));
    }
    secrets.push(cookie.trim_start_matches("sluis_session=").to_string());

    // Replaying the used code fails.
    let r = rig
        .post_form(&format!("{link}/verify"), None, &format!("code={code}"))
        .await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("niet (meer) geldig"));
    // The failed page has its own title, says how long a code is valid and
    // focuses the field.
    assert!(
        r.text().contains("<title>Code onjuist - opnieuw invoeren"),
        "{}",
        r.text()
    );
    assert!(r.text().contains("minuten geldig"));
    assert!(r.text().contains("autofocus"));

    // Read: the text is there, the script is escaped.
    let pid = parked.pickup_id.clone();
    let r = rig.get(&format!("/m/{pid}"), Some(&cookie)).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let page = r.text();
    assert!(page.contains(TEXT_MARK));
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;"));
    let token = csrf(&page);

    // Download.
    let r = rig.get(&format!("/m/{pid}/a/0"), Some(&cookie)).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, ATTACH_MARK);
    let cd = r.header("content-disposition").unwrap();
    assert!(
        cd.starts_with("attachment; filename=\"uitslag 123456782.pdf\""),
        "{cd}"
    );
    assert!(cd.contains("filename*=UTF-8''uitslag%20123456782.pdf"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        rig.get(&format!("/m/{pid}/a/7"), Some(&cookie))
            .await
            .status,
        404
    );
    assert_eq!(rig.get(&format!("/m/{pid}"), None).await.status, 401);

    // Reply with an attachment; a wrong CSRF token is refused.
    let (ct, body) = multipart(&[("csrf", None, "", b"wrong"), ("text", None, "", b"Dank u")]);
    let r = rig
        .req(
            "POST",
            &format!("/m/{pid}/reply"),
            Some(&cookie),
            Some(&ct),
            body,
        )
        .await;
    assert_eq!(r.status, 403);
    assert!(rig.rec.replies.lock().unwrap().is_empty());
    let (ct, body) = multipart(&[
        ("csrf", None, "", token.as_bytes()),
        ("text", None, "", b"REPLY-TEXT-5521 dank u"),
        ("files", Some("foto.jpg"), "image/jpeg", b"JPEGDATA-REPLY"),
    ]);
    let r = rig
        .req(
            "POST",
            &format!("/m/{pid}/reply"),
            Some(&cookie),
            Some(&ct),
            body,
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    {
        let replies = rig.rec.replies.lock().unwrap();
        let (from, to, raw) = replies.last().unwrap();
        // Envelope sender: the practice's notification address, never the
        // patient's (a bounce must not go to the patient).
        assert_eq!(
            (from.as_str(), to.as_str()),
            ("no-reply@praktijk.example", "dokter@praktijk.nl")
        );
        let m = mail_parser::MessageParser::default().parse(raw).unwrap();
        let f = m.from().and_then(|a| a.first()).unwrap();
        assert_eq!(f.address(), Some("no-reply@praktijk.example"));
        assert!(f
            .name()
            .unwrap()
            .ends_with(" via Huisartsenpraktijk De Sluis"));
        let rt = m.reply_to().and_then(|a| a.first()).unwrap();
        assert_eq!(rt.address(), Some("patient@example.nl"));
        let sig = m.header_raw("DKIM-Signature").expect("signed");
        assert!(sig.contains("d=praktijk.example"), "{sig}");
        assert!(sig.to_ascii_lowercase().contains("reply-to"), "{sig}");
        assert_eq!(m.subject(), Some("Re: Uitslag bloedonderzoek"));
        assert!(m.body_text(0).unwrap().contains("REPLY-TEXT-5521"));
        assert_eq!(
            m.attachments().next().unwrap().contents(),
            b"JPEGDATA-REPLY"
        );
        assert_eq!(m.in_reply_to().as_text(), Some("orig-1@praktijk.nl"));
    }

    // Nothing readable at rest while the message is parked and was read.
    assert_nothing_at_rest(rig.dir.path(), &codes, &secrets, true);

    // A second message: this session cannot read it or its attachment.
    let other = rig
        .park(
            "msg-2",
            "patient@example.nl",
            &message("Ander"),
            Some("+31612345678"),
        )
        .await;
    secrets.push(
        rig.path(&other.link_url)
            .rsplit('/')
            .next()
            .unwrap()
            .to_string(),
    );
    let r = rig
        .get(&format!("/m/{}/a/0", other.pickup_id), Some(&cookie))
        .await;
    assert_eq!(r.status, 403);
    assert!(!r.body.windows(ATTACH_MARK.len()).any(|w| w == ATTACH_MARK));
    assert_eq!(
        rig.get(&format!("/m/{}", other.pickup_id), Some(&cookie))
            .await
            .status,
        403
    );

    // Wrong code six times: the code is dead, even the right one fails.
    let other_link = rig.path(&other.link_url);
    assert_eq!(
        rig.post_form(&format!("{other_link}/code"), None, "")
            .await
            .status,
        303
    );
    let right = rig.last_sms_code();
    codes.push(right.clone());
    let wrong = if right == "000000" {
        "999999"
    } else {
        "000000"
    };
    for _ in 0..5 {
        let r = rig
            .post_form(
                &format!("{other_link}/verify"),
                None,
                &format!("code={wrong}"),
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.text().contains("onjuist"));
    }
    let r = rig
        .post_form(
            &format!("{other_link}/verify"),
            None,
            &format!("code={right}"),
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("te vaak fout"));

    // The sender revokes msg-2 with the signed link (GET asks, POST does).
    let revoke_url = rig.pickup.revoke_url(&other.pickup_id);
    let revoke = rig.path(&revoke_url);
    assert_eq!(rig.get(&revoke, None).await.status, 200);
    assert_eq!(rig.get(&format!("{}x", revoke), None).await.status, 404);
    let r = rig.post_form(&revoke, None, "").await;
    assert_eq!(r.status, 200);
    let r = rig.get(&other_link, None).await;
    assert_eq!(r.status, 410);
    let page = r.text();
    let (nl, en) = (
        page.find("ingetrokken of verlopen").expect("Dutch text"),
        page.find("revoked or expired").expect("English text"),
    );
    assert!(nl < en, "Dutch first");
    let r = rig.get(&format!("{other_link}?lang=en"), None).await;
    assert!(r.text().contains("revoked or expired"));

    // Logout ends the session.
    let r = rig
        .post_form(
            &format!("/m/{pid}/logout"),
            Some(&cookie),
            &format!("csrf={token}"),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        rig.get(&format!("/m/{pid}"), Some(&cookie)).await.status,
        401
    );

    // Expiry (the sweep runs 31 days ahead, so every pickup expires): a third message swept after its 30 days.
    let third = rig
        .park(
            "msg-3",
            "patient@example.nl",
            &message("Derde"),
            Some("+31612345678"),
        )
        .await;
    let third_link = rig.path(&third.link_url);
    secrets.push(third_link.rsplit('/').next().unwrap().to_string());
    assert_eq!(rig.get(&third_link, None).await.status, 200);
    let swept = rig
        .pickup
        .sweep(sluis::now_ms() + 31 * 86_400_000)
        .await
        .unwrap();
    assert!(swept >= 1);
    let r = rig.get(&third_link, None).await;
    assert_eq!(r.status, 410);
    assert!(r.text().contains("Link niet meer geldig"));

    // The audit trail tells the story without content.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let events = rig.store.audit_for_message("msg-1").await.unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    for k in [
        "pickup-parked",
        "link-sent",
        "code-sent",
        "opened",
        "downloaded",
        "replied",
    ] {
        assert!(kinds.contains(&k), "{k} missing in {kinds:?}");
    }
    assert!(events
        .iter()
        .all(|e| e.recipient.as_deref() == Some("patient@example.nl")));
    let opened = events.iter().find(|e| e.kind == "opened").unwrap();
    assert_eq!(opened.ip.as_deref(), Some("127.0.0.1"));
    assert_eq!(opened.detail["user_agent"], "pickup-test/1");
    let download = events.iter().find(|e| e.kind == "downloaded").unwrap();
    assert_eq!(download.detail["attachment"], 0);
    assert!(!download.detail.to_string().contains("123456782"));
    let sent = events.iter().find(|e| e.kind == "code-sent").unwrap();
    assert_eq!(sent.detail["channel"]["sms"], "*********678");
    let k2: Vec<String> = rig
        .store
        .audit_for_message("msg-2")
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(
        k2.contains(&"code-failed".to_string()) && k2.contains(&"revoked".to_string()),
        "{k2:?}"
    );
    let k3: Vec<String> = rig
        .store
        .audit_for_message("msg-3")
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(k3.contains(&"expired".to_string()), "{k3:?}");

    // Nothing readable at rest, after the blobs were shredded too.
    assert_nothing_at_rest(rig.dir.path(), &codes, &secrets, false);
}

#[tokio::test]
async fn without_a_phone_the_code_goes_by_mail_and_opened_notice_reaches_the_sender() {
    let rig = rig(|_| {}).await;
    let parked = rig
        .park("msg-9", "nophone@example.nl", &message("x"), None)
        .await;
    let link = rig.path(&parked.link_url);
    assert!(rig.get(&link, None).await.text().contains("per e-mail"));
    assert_eq!(
        rig.post_form(&format!("{link}/code"), None, "")
            .await
            .status,
        303
    );
    assert!(rig.rec.sms.lock().unwrap().is_empty());
    let (to, raw) = rig.rec.mails.lock().unwrap().last().cloned().unwrap();
    assert_eq!(to, "nophone@example.nl");
    let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let text = m.body_text(0).unwrap().into_owned();
    let code: String = text
        .split("code is: ")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let r = rig
        .post_form(&format!("{link}/verify"), None, &format!("code={code}"))
        .await;
    assert_eq!(r.status, 303);
    let mails = rig.rec.mails.lock().unwrap();
    let (to, raw) = mails.last().unwrap();
    assert_eq!(to, "dokter@praktijk.nl");
    assert!(String::from_utf8_lossy(raw).contains("nophone@example.nl"));
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rig = rig(|c| c.pickup.header_read_timeout_secs = 1).await;
    let port = rig.base.rsplit(':').next().unwrap().parse::<u16>().unwrap();
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
    let mut tls = tokio_rustls::TlsConnector::from(rig.tls.clone())
        .connect(name, tcp)
        .await
        .unwrap();
    tls.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let mut buf = [0u8; 1024];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), tls.read(&mut buf))
        .await
        .expect("server closed the connection in time")
        .unwrap_or(0);
    let elapsed = started.elapsed();
    assert!(
        elapsed >= std::time::Duration::from_millis(900),
        "{elapsed:?}"
    );
    assert!(elapsed < std::time::Duration::from_secs(5), "{elapsed:?}");
    // Closed, or at most an error status; never a served page.
    let answer = String::from_utf8_lossy(&buf[..n]);
    assert!(n == 0 || answer.starts_with("HTTP/1.1 408"), "{answer}");
}
