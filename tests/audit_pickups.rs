//! "Which documents were seen, by whom, when?" in one command: a message
//! with three attachments is parked for two recipients; each logs in with an
//! SMS code (through the real portal over HTTPS) and downloads some of the
//! documents. `sluis audit pickups` then names, per recipient, the
//! notification, the code, the opening and every document downloaded by its
//! name (sealed to the practice's audit key; shown with its identity).

mod pickup_support;

use pickup_support::rig;
use sluis::cli::audit_pickups;

fn message() -> Vec<u8> {
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let part = |name: &str| {
        format!(
            "--xx\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            b64(&format!("%PDF {name}"))
        )
    };
    format!(
        "From: Dokter <dokter@praktijk.nl>\r\nTo: a@example.nl, b@example.nl\r\nSubject: Uitslagen\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=xx\r\n\r\n--xx\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\nZie de bijlagen.\r\n{}{}{}--xx--\r\n",
        part("lab Jansen.pdf"),
        part("verwijsbrief.pdf"),
        part("recept.pdf")
    )
    .into_bytes()
}

#[tokio::test]
async fn who_opened_which_document_when_for_two_recipients() {
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let rig = rig(move |c| c.audit.names_recipient = Some(public)).await;
    let raw = message();
    let since = audit_pickups::parse_since("2000-01-01").unwrap();
    let downloads: [(&str, &[usize]); 2] = [("a@example.nl", &[0, 2]), ("b@example.nl", &[1])];
    for (rcpt, wanted) in downloads {
        let parked = rig.park("msg-7", rcpt, &raw, Some("+31612345678")).await;
        let link = rig.path(&parked.link_url);
        let (cookie, _) = rig.log_in(&link).await;
        let pid = parked.pickup_id.clone();
        let r = rig.get(&format!("/m/{pid}"), Some(&cookie)).await;
        assert_eq!(r.status, 200);
        for i in wanted {
            let r = rig.get(&format!("/m/{pid}/a/{i}"), Some(&cookie)).await;
            assert_eq!(r.status, 200);
        }
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    // The names are not in the store in clear.
    let records = audit_pickups::events(&rig.store, since, None)
        .await
        .unwrap();
    let stored = serde_json::to_string(&records).unwrap();
    assert!(!stored.contains("Jansen") && !stored.contains("verwijsbrief"));

    let table = audit_pickups::render(&audit_pickups::lines(&records, Some(&identity)));
    println!("{table}");
    for needle in [
        "Ontvanger / recipient: a@example.nl",
        "Ontvanger / recipient: b@example.nl",
        "melding verstuurd / notified",
        "code verstuurd / code sent",
        "geopend / opened",
        "\"lab Jansen.pdf\" (bijlage / attachment 1)",
        "\"recept.pdf\" (bijlage / attachment 3)",
        "\"verwijsbrief.pdf\" (bijlage / attachment 2)",
    ] {
        assert!(table.contains(needle), "{needle} missing in\n{table}");
    }
    // Per recipient: a downloaded 1 and 3, b only 2.
    let block_b = &table[table.find("recipient: b@example.nl").unwrap()..];
    let block_a = &table[table.find("recipient: a@example.nl").unwrap()..];
    let block_a = &block_a[..block_a.find("recipient: b@").unwrap_or(block_a.len())];
    assert!(block_a.contains("recept.pdf") && !block_a.contains("verwijsbrief"));
    assert!(block_b.contains("verwijsbrief") && !block_b.contains("recept.pdf"));
    assert!(table.contains("sms ****"), "masked number missing\n{table}");
    assert!(!table.contains("+31612345678"), "full number shown");

    // One recipient only; without the identity the names stay sealed.
    let records = audit_pickups::events(&rig.store, since, Some("b@example.nl"))
        .await
        .unwrap();
    let table = audit_pickups::render(&audit_pickups::lines(&records, None));
    assert!(!table.contains("a@example.nl"));
    assert!(table.contains("bijlage / attachment 2 (naam versleuteld / name sealed"));
    assert!(!table.contains("verwijsbrief"));
}
