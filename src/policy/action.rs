//! The action part of a rule or `[default]`: `action` with its
//! `transport`, `fallback` and `reason_nl`/`reason_en`. Reports missing
//! fallbacks and reasons, keys that do not belong with the action, unknown
//! values, and sensitive mail delivered below the floor.
//!
//! A `fallback` is a word (`"pickup"`, `"block"` with the reason keys
//! beside it, and for `encrypt` also `"deliver"` with `transport` beside
//! it) or a table holding an action of its own, which may have its own
//! fallback: that is how a chain is written, e.g. encrypt, else deliver
//! with `nta7516`, else deliver with `dane`, else pickup. Chains are at
//! most [`MAX_FALLBACK_DEPTH`] deep, so a policy stays readable.

use super::diag::Pos;
use super::walk::{closest, Walk};
use crate::types::{Action, Bilingual, TransportRequirement};
use toml_edit::TableLike;

pub(crate) const ACTION_KEYS: &[&str] =
    &["action", "transport", "fallback", "reason_nl", "reason_en"];
const ACTIONS: &str = "deliver, encrypt, pickup, block";
const TRANSPORTS: &str = "none, tls, dane-or-mta-sts, dane, nta7516";
/// Most fallbacks under one action (encrypt, deliver, deliver, pickup: 3).
pub const MAX_FALLBACK_DEPTH: usize = 3;
/// Longest block reason per language: it goes into a one-line SMTP reply.
pub const MAX_REASON_CHARS: usize = 180;

fn transport(
    w: &mut Walk<'_>,
    table: &dyn TableLike,
    key: &str,
    what: (&str, &str),
    pos: Pos,
) -> Option<(TransportRequirement, Pos)> {
    let Some((t, p)) = w.str(table, key) else {
        if table.get(key).is_none() {
            w.error(
                pos,
                (
                    format!("{}: `deliver` zonder `transport`", what.0),
                    format!("{}: `deliver` without `transport`", what.1),
                ),
                (
                    format!("voeg toe: transport = \"dane-or-mta-sts\" (kies uit: {TRANSPORTS})"),
                    format!("add: transport = \"dane-or-mta-sts\" (choose from: {TRANSPORTS})"),
                ),
            );
        }
        return None;
    };
    let req = match t.as_str() {
        "none" => TransportRequirement::None,
        "tls" => TransportRequirement::Tls,
        "dane-or-mta-sts" => TransportRequirement::DaneOrMtaSts,
        "dane" => TransportRequirement::Dane,
        "nta7516" => TransportRequirement::Nta7516,
        _ => {
            w.error(
                p,
                (
                    format!("onbekend transport `{t}`"),
                    format!("unknown transport `{t}`"),
                ),
                (
                    format!("kies uit: {TRANSPORTS}"),
                    format!("choose from: {TRANSPORTS}"),
                ),
            );
            return None;
        }
    };
    Some((req, p))
}

fn reason(
    w: &mut Walk<'_>,
    table: &dyn TableLike,
    what: (&str, &str),
    pos: Pos,
) -> Option<Bilingual> {
    let nl = w.str(table, "reason_nl");
    let en = w.str(table, "reason_en");
    let mut good = |r: &Option<(String, Pos)>, key: &str| match r {
        Some((text, p))
            if text.trim().is_empty()
                || text.contains(['\r', '\n'])
                || text.chars().count() > MAX_REASON_CHARS =>
        {
            w.error(
                *p,
                (
                    format!(
                        "`{key}` moet één regel tekst zijn van 1 tot {MAX_REASON_CHARS} tekens"
                    ),
                    format!("`{key}` must be one line of 1 to {MAX_REASON_CHARS} characters"),
                ),
                (
                    "de reden komt in het SMTP-antwoord aan de afzender; houd hem kort".into(),
                    "the reason goes into the SMTP reply to the sender; keep it short".into(),
                ),
            );
            false
        }
        Some(_) => true,
        None => false,
    };
    let (ok_nl, ok_en) = (good(&nl, "reason_nl"), good(&en, "reason_en"));
    match (nl, en) {
        (Some((nl, _)), Some((en, _))) if ok_nl && ok_en => {
            Some(Bilingual::new(nl.trim(), en.trim()))
        }
        (Some(_), Some(_)) => None,
        _ => {
            w.error(
                pos,
                (
                    format!(
                        "{}: `block` zonder reden in het Nederlands en het Engels",
                        what.0
                    ),
                    format!("{}: `block` without a reason in Dutch and English", what.1),
                ),
                (
                    "voeg reason_nl = \"...\" en reason_en = \"...\" toe".into(),
                    "add reason_nl = \"...\" and reason_en = \"...\"".into(),
                ),
            );
            None
        }
    }
}

fn not_here(w: &mut Walk<'_>, table: &dyn TableLike, keys: &[&str], action: &str) -> bool {
    let mut clean = true;
    for key in keys {
        if table.get(key).is_some() {
            let p = w.key_pos(table, key);
            w.error(
                p,
                (
                    format!("`{key}` hoort niet bij `{action}`"),
                    format!("`{key}` does not belong with `{action}`"),
                ),
                (format!("verwijder `{key}`"), format!("remove `{key}`")),
            );
            clean = false;
        }
    }
    clean
}

fn sensitive_floor(w: &mut Walk<'_>, req: TransportRequirement, p: Pos, sensitive: bool) -> bool {
    if sensitive && req < TransportRequirement::DaneOrMtaSts {
        let t = req.as_str();
        w.error(
            p,
            (
                format!("gevoelige mail mag niet worden afgeleverd met transport `{t}`"),
                format!("sensitive mail must not be delivered with transport `{t}`"),
            ),
            (
                "gebruik transport = \"dane-or-mta-sts\" of \"dane\", of action = \"encrypt\""
                    .into(),
                "use transport = \"dane-or-mta-sts\" or \"dane\", or action = \"encrypt\"".into(),
            ),
        );
        return false;
    }
    true
}

/// The action of a rule or of `[default]`; `what` names it in messages.
pub(crate) fn parse_action(
    w: &mut Walk<'_>,
    table: &dyn TableLike,
    what: (&str, &str),
    pos: Pos,
    sensitive: bool,
) -> Option<Action> {
    action_at(w, table, what, pos, sensitive, 0)
}

/// One action; `depth` is how many fallbacks up its owner is (0: the rule).
fn action_at(
    w: &mut Walk<'_>,
    table: &dyn TableLike,
    what: (&str, &str),
    pos: Pos,
    sensitive: bool,
    depth: usize,
) -> Option<Action> {
    let Some((name, name_pos)) = w.str(table, "action") else {
        // A misspelt `action` is already reported as an unknown key.
        let misspelt = table
            .iter()
            .any(|(k, _)| k != "action" && closest(k, &["action"]).is_some());
        if table.get("action").is_none() && !misspelt {
            w.error(
                pos,
                (
                    format!("{} heeft geen `action`", what.0),
                    format!("{} has no `action`", what.1),
                ),
                (
                    format!("voeg toe: action = \"...\" (kies uit: {ACTIONS})"),
                    format!("add: action = \"...\" (choose from: {ACTIONS})"),
                ),
            );
        }
        return None;
    };
    match name.as_str() {
        "deliver" => {
            // Reason keys belong to a `fallback = "block"` beside it.
            let block_beside = table.get("fallback").and_then(|f| f.as_str()) == Some("block");
            let clean = block_beside || not_here(w, table, &["reason_nl", "reason_en"], "deliver");
            let fallback = match table.get("fallback") {
                None => None,
                Some(_) => Some(fallback(w, table, "deliver", what, pos, sensitive, depth)?),
            };
            let (req, p) = transport(w, table, "transport", what, pos)?;
            if req == TransportRequirement::Nta7516 && fallback.is_none() {
                // Most domains publish no NTA 7516 record: without a
                // fallback their mail waits out the lifetime, then bounces.
                w.warning(
                    p,
                    (
                        "`nta7516` zonder `fallback`: mail aan een ontvanger zonder NTA 7516-record wacht tot de levensduur om is en komt dan terug".into(),
                        "`nta7516` without `fallback`: mail to a recipient without an NTA 7516 record waits until its lifetime ends, then bounces".into(),
                    ),
                    (
                        "voeg toe: fallback = \"pickup\"".into(),
                        "add: fallback = \"pickup\"".into(),
                    ),
                );
            }
            (sensitive_floor(w, req, p, sensitive) && clean).then_some(Action::Deliver {
                transport: req,
                fallback: fallback.map(Box::new),
            })
        }
        "pickup" => not_here(
            w,
            table,
            &["transport", "fallback", "reason_nl", "reason_en"],
            "pickup",
        )
        .then_some(Action::Pickup),
        "block" => {
            let clean = not_here(w, table, &["transport", "fallback"], "block");
            reason(w, table, what, pos)
                .filter(|_| clean)
                .map(|reason| Action::Block { reason })
        }
        "encrypt" if depth > 0 => {
            w.error(
                name_pos,
                (
                    "`fallback` kan niet zelf `encrypt` zijn".into(),
                    "`fallback` cannot itself be `encrypt`".into(),
                ),
                (
                    "kies uit: pickup, deliver, block".into(),
                    "choose from: pickup, deliver, block".into(),
                ),
            );
            None
        }
        "encrypt" => {
            if table.get("fallback").is_none() {
                w.error(
                    name_pos,
                    (format!("{}: `encrypt` zonder `fallback`", what.0), format!("{}: `encrypt` without `fallback`", what.1)),
                    (
                        "voeg toe wat er gebeurt als de ontvanger geen sleutel heeft: fallback = \"pickup\"".into(),
                        "add what happens when the recipient has no key: fallback = \"pickup\"".into(),
                    ),
                );
                return None;
            }
            let fallback = fallback(w, table, "encrypt", what, pos, sensitive, depth)?;
            Some(Action::Encrypt {
                fallback: Box::new(fallback),
            })
        }
        other => {
            w.error(
                name_pos,
                (
                    format!("onbekende actie `{other}`"),
                    format!("unknown action `{other}`"),
                ),
                (
                    format!("kies uit: {ACTIONS}"),
                    format!("choose from: {ACTIONS}"),
                ),
            );
            None
        }
    }
}

/// The `fallback` of `owner` (`encrypt` or `deliver`) in `table`: a word,
/// or a table with an action of its own.
fn fallback(
    w: &mut Walk<'_>,
    table: &dyn TableLike,
    owner: &str,
    what: (&str, &str),
    pos: Pos,
    sensitive: bool,
    depth: usize,
) -> Option<Action> {
    let fb_pos = w.key_pos(table, "fallback");
    if depth >= MAX_FALLBACK_DEPTH {
        w.error(
            fb_pos,
            (
                format!("te veel fallbacks achter elkaar (meer dan {MAX_FALLBACK_DEPTH})"),
                format!("too many fallbacks in a row (more than {MAX_FALLBACK_DEPTH})"),
            ),
            (
                "eindig de keten met fallback = \"pickup\" of \"block\"".into(),
                "end the chain with fallback = \"pickup\" or \"block\"".into(),
            ),
        );
        return None;
    }
    if let Some(sub) = table.get("fallback").and_then(|f| f.as_table_like()) {
        // Beside `encrypt`, keys of a fallback belong inside its table
        // (beside `deliver` the reason keys are already reported).
        let clean = owner != "encrypt"
            || not_here(
                w,
                table,
                &["transport", "reason_nl", "reason_en"],
                "fallback = { ... }",
            );
        w.unknown_keys(sub, ACTION_KEYS);
        let what = (
            format!("{}, fallback van/of `{owner}`", what.0),
            format!("{}, fallback of `{owner}`", what.1),
        );
        let action = action_at(w, sub, (&what.0, &what.1), fb_pos, sensitive, depth + 1);
        return action.filter(|_| clean);
    }
    let (fb, fb_pos) = w.str(table, "fallback")?;
    let choose = if owner == "encrypt" {
        "pickup, deliver, block"
    } else {
        "pickup, block, of een tabel / or a table { action = \"deliver\", ... }"
    };
    // Beside `encrypt`, a `transport` can only be a `deliver` fallback's;
    // beside `deliver` it is the deliver's own.
    let no_transport: &[&str] = if owner == "encrypt" {
        &["transport"]
    } else {
        &[]
    };
    match fb.as_str() {
        "pickup" => not_here(
            w,
            table,
            &[no_transport, &["reason_nl", "reason_en"]].concat(),
            "fallback = \"pickup\"",
        )
        .then_some(Action::Pickup),
        "block" => {
            let clean = not_here(w, table, no_transport, "fallback = \"block\"");
            let reason = reason(w, table, what, pos)?;
            clean.then_some(Action::Block { reason })
        }
        // `encrypt` has no transport of its own, so `transport` beside it
        // is the fallback's.
        "deliver" if owner == "encrypt" => {
            let clean = not_here(
                w,
                table,
                &["reason_nl", "reason_en"],
                "fallback = \"deliver\"",
            );
            let (req, p) = transport(w, table, "transport", what, pos)?;
            (sensitive_floor(w, req, p, sensitive) && clean).then_some(Action::Deliver {
                transport: req,
                fallback: None,
            })
        }
        "deliver" => {
            w.error(
                fb_pos,
                (
                    "een `deliver` als fallback van `deliver` heeft een eigen tabel nodig (het heeft een eigen `transport`)".into(),
                    "a `deliver` as the fallback of `deliver` needs a table of its own (it has its own `transport`)".into(),
                ),
                (
                    "schrijf: fallback = { action = \"deliver\", transport = \"dane\", fallback = \"pickup\" }".into(),
                    "write: fallback = { action = \"deliver\", transport = \"dane\", fallback = \"pickup\" }".into(),
                ),
            );
            None
        }
        "encrypt" => {
            w.error(
                fb_pos,
                (
                    "`fallback` kan niet zelf `encrypt` zijn".into(),
                    "`fallback` cannot itself be `encrypt`".into(),
                ),
                (
                    format!("kies uit: {choose}"),
                    format!("choose from: {choose}"),
                ),
            );
            None
        }
        other => {
            w.error(
                fb_pos,
                (
                    format!("onbekende fallback `{other}`"),
                    format!("unknown fallback `{other}`"),
                ),
                (
                    format!("kies uit: {choose}"),
                    format!("choose from: {choose}"),
                ),
            );
            None
        }
    }
}
