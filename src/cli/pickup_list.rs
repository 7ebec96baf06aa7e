//! `sluis pickup list [--open|--expired] [--json]`: the pickup links a
//! practice has out, for people (a table in Amsterdam time) or machines
//! (one JSON object per line). Shows message id, sender, recipient, state
//! and times only: never a link secret, the link's id, a code, a phone
//! number or message text.

use super::audit_pickups::local_time;
use crate::pickup::db::{ListFilter, PickupRow, PickupState};

/// One pickup as printed.
#[derive(Debug, serde::Serialize)]
pub struct Entry {
    pub message_id: String,
    pub sender: String,
    pub recipient: String,
    /// `open`, `expired`, `revoked` or `locked` (an active link past its
    /// expiry is `expired`: the sweeper closes it at its next run).
    pub state: &'static str,
    pub created_ms: i64,
    pub created_local: String,
    pub expires_ms: i64,
    pub expires_local: String,
    pub opened_ms: Option<i64>,
    pub opened_local: Option<String>,
}

fn state(row: &PickupRow, now_ms: i64) -> &'static str {
    match row.state {
        PickupState::Active if row.expires_ms > now_ms => "open",
        PickupState::Active | PickupState::Expired => "expired",
        PickupState::Revoked => "revoked",
        PickupState::Locked => "locked",
    }
}

fn state_label(state: &str) -> &'static str {
    match state {
        "open" => "open",
        "expired" => "verlopen / expired",
        "revoked" => "ingetrokken / revoked",
        _ => "vergrendeld / locked",
    }
}

pub fn entries(rows: &[PickupRow], now_ms: i64) -> Vec<Entry> {
    rows.iter()
        .map(|r| Entry {
            message_id: r.message_id.clone(),
            sender: r.sender.clone(),
            recipient: r.recipient.clone(),
            state: state(r, now_ms),
            created_ms: r.created_ms,
            created_local: local_time(r.created_ms),
            expires_ms: r.expires_ms,
            expires_local: local_time(r.expires_ms),
            opened_ms: r.opened_ms,
            opened_local: r.opened_ms.map(local_time),
        })
        .collect()
}

/// The table for people: Dutch first, then English, Amsterdam time.
pub fn render(entries: &[Entry]) -> String {
    let mut out = format!(
        "{:<19}  {:<19}  {:<21}  {:<19}  {:<28}  {}\n",
        "aangemaakt/created",
        "verloopt/expires",
        "status",
        "geopend/opened",
        "ontvanger/recipient",
        "bericht/message (afzender/sender)"
    );
    for e in entries {
        out.push_str(&format!(
            "{:<19}  {:<19}  {:<21}  {:<19}  {:<28}  {} ({})\n",
            e.created_local,
            e.expires_local,
            state_label(e.state),
            e.opened_local.as_deref().unwrap_or("-"),
            e.recipient,
            e.message_id,
            e.sender
        ));
    }
    out.push_str("(tijden / times: Europe/Amsterdam)\n");
    out
}

/// Run the command; returns the exit code (0, also for an empty list).
pub async fn run(
    store: &crate::store::Store,
    filter: ListFilter,
    json: bool,
) -> anyhow::Result<i32> {
    let now = crate::now_ms();
    let rows = crate::pickup::db::list_pickups(store, filter, now).await?;
    let list = entries(&rows, now);
    if json {
        for e in &list {
            println!("{}", serde_json::to_string(e)?);
        }
    } else if list.is_empty() {
        eprintln!(
            "Geen ophaallinks{} / no pickup links{}",
            match filter {
                ListFilter::All => "",
                ListFilter::Open => " open",
                ListFilter::Expired => " verlopen",
            },
            match filter {
                ListFilter::All => "",
                ListFilter::Open => " open",
                ListFilter::Expired => " expired",
            }
        );
    } else {
        print!("{}", render(&list));
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(state: PickupState, expires_ms: i64, opened_ms: Option<i64>) -> PickupRow {
        PickupRow {
            id: "derived-id-must-not-show".into(),
            tenant: "default".into(),
            message_id: "m1@praktijk.test".into(),
            sender: "dokter@praktijk.test".into(),
            recipient: "patient@example.test".into(),
            phone: Some("+31612345678".into()),
            created_ms: 1_795_000_000_000,
            expires_ms,
            state,
            opened_ms,
            blob_in_db: false,
        }
    }

    #[test]
    fn states_times_and_nothing_secret() {
        let now = 1_795_000_100_000;
        let rows = [
            row(PickupState::Active, now + 1, None),
            row(PickupState::Active, now, None),
            row(PickupState::Expired, now - 5, Some(1_795_000_050_000)),
            row(PickupState::Revoked, now + 1, None),
            row(PickupState::Locked, now + 1, None),
        ];
        let list = entries(&rows, now);
        let states: Vec<_> = list.iter().map(|e| e.state).collect();
        assert_eq!(states, ["open", "expired", "expired", "revoked", "locked"]);
        // 2026-11-18 11:06:40 UTC is 12:06:40 in Amsterdam (winter time).
        assert_eq!(list[0].created_local, "2026-11-18 12:06:40");
        assert_eq!(list[2].opened_local.as_deref(), Some("2026-11-18 12:07:30"));
        let table = render(&list);
        let json: String = list
            .iter()
            .map(|e| serde_json::to_string(e).unwrap())
            .collect();
        for text in [&table, &json] {
            assert!(!text.contains("derived-id"), "{text}");
            assert!(!text.contains("612345678"), "{text}");
            assert!(text.contains("patient@example.test"), "{text}");
        }
        assert!(table.contains("verlopen / expired"), "{table}");
        assert!(table.contains("ingetrokken / revoked"), "{table}");
        assert_eq!(json.matches("\"state\":\"open\"").count(), 1);
    }
}
