//! `sluis audit message/recipient/pickups/verify`: the audit trail for
//! people (tables in Amsterdam time) and machines (`--json`, one object per
//! line); an unknown id is said so, with exit 1.

use super::{audit_pickups, AuditCommand};
use crate::config::Config;

pub(super) async fn run(config: &Config, action: AuditCommand) -> anyhow::Result<i32> {
    let store = crate::server::open_store(&config.store.url, 2).await?;
    let (records, json) = match action {
        AuditCommand::Verify { expect_head, json } => {
            return verify_audit(&store, expect_head.as_deref(), json).await;
        }
        AuditCommand::Pickups {
            since,
            recipient,
            json,
            identity,
        } => {
            let since_ms = audit_pickups::parse_since(&since).map_err(anyhow::Error::msg)?;
            let identity = identity
                .as_deref()
                .map(audit_pickups::load_identity)
                .transpose()?;
            let records = audit_pickups::events(&store, since_ms, recipient.as_deref()).await?;
            let lines = audit_pickups::lines(&records, identity.as_ref());
            if json {
                for l in &lines {
                    println!("{}", serde_json::to_string(l)?);
                }
            } else if lines.is_empty() {
                eprintln!("Geen ophaalgebeurtenissen gevonden / No pickup events found");
            } else {
                print!("{}", audit_pickups::render(&lines));
            }
            return Ok(0);
        }
        AuditCommand::Message { id, json } => {
            let records = store.audit_for_message(&id).await?;
            if records.is_empty() {
                eprintln!(
                    "Geen gebeurtenissen voor bericht-id {id}: onbekend id? (zie `sluis pickup list`) / \
                     no events for message id {id}: unknown id? (see `sluis pickup list`)"
                );
                return Ok(1);
            }
            (records, json)
        }
        AuditCommand::Recipient { address, json } => {
            let records = store.audit_for_recipient(&address).await?;
            if records.is_empty() {
                eprintln!(
                    "Geen gebeurtenissen voor ontvanger {address} / no events for recipient {address}"
                );
                return Ok(1);
            }
            (records, json)
        }
    };
    if !json {
        println!("# tijden / times: Europe/Amsterdam");
    }
    for r in &records {
        if json {
            println!("{}", serde_json::to_string(r)?);
        } else {
            println!(
                "{}  {:<10} {:<22} {:<18} {:<16} {} {}",
                audit_pickups::local_time(r.time_ms),
                r.kind,
                r.actor,
                r.message_id.as_deref().unwrap_or("-"),
                r.ip.as_deref().unwrap_or("-"),
                r.recipient.as_deref().unwrap_or("-"),
                human_detail(&r.detail)
            );
        }
    }
    Ok(0)
}

/// `sluis audit verify`: one line per practice; exit 1 on any problem.
async fn verify_audit(
    store: &crate::store::Store,
    expect_head: Option<&str>,
    json: bool,
) -> anyhow::Result<i32> {
    let chains = crate::store::chain::verify(store, expect_head).await?;
    if json {
        let mut ok = !(chains.is_empty() && expect_head.is_some());
        for c in &chains {
            ok &= c.problem.is_none() && c.expected_head_found != Some(false);
            let line = serde_json::json!({
                "tenant": c.tenant,
                "events": c.events,
                "unlinked": c.unlinked,
                "head": c.head,
                "intact": c.problem.is_none(),
                "problem": c.problem,
                "expected_head_found": c.expected_head_found,
            });
            println!("{line}");
        }
        return Ok(if ok { 0 } else { 1 });
    }
    let mut ok = true;
    for c in &chains {
        match &c.problem {
            None => println!(
                "{}: keten in orde / chain intact: {} events, head {}{}",
                c.tenant,
                c.events,
                c.head,
                if c.unlinked > 0 {
                    format!(" ({} older events without a link)", c.unlinked)
                } else {
                    String::new()
                }
            ),
            Some(problem) => {
                ok = false;
                println!("{}: KETEN GEBROKEN / CHAIN BROKEN: {problem}", c.tenant);
            }
        }
        if c.expected_head_found == Some(false) {
            ok = false;
            println!(
                "{}: de verwachte head staat niet in de keten / the expected head is not in the chain",
                c.tenant
            );
        }
    }
    if chains.is_empty() {
        println!("Geen gebeurtenissen / No events");
        if expect_head.is_some() {
            ok = false;
        }
    }
    Ok(if ok { 0 } else { 1 })
}

/// An event's detail for people: every `..._ms` time (e.g. `next_attempt_ms`)
/// shown as Amsterdam time under its name without `_ms`; `--json` keeps
/// the raw value.
fn human_detail(detail: &serde_json::Value) -> String {
    match detail {
        serde_json::Value::Null => String::new(),
        serde_json::Value::Object(map) => {
            let shown: serde_json::Map<String, serde_json::Value> = map
                .iter()
                .map(|(k, v)| match (k.strip_suffix("_ms"), v.as_i64()) {
                    (Some(name), Some(ms)) => {
                        (name.to_string(), audit_pickups::local_time(ms).into())
                    }
                    _ => (k.clone(), v.clone()),
                })
                .collect();
            serde_json::Value::Object(shown).to_string()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_in_details_are_local() {
        let d = serde_json::json!({ "attempts": 2, "next_attempt_ms": 1_795_000_000_000i64 });
        assert_eq!(
            super::human_detail(&d),
            r#"{"attempts":2,"next_attempt":"2026-11-18 12:06:40"}"#
        );
        assert_eq!(super::human_detail(&serde_json::Value::Null), "");
    }
}
