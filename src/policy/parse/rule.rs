//! One `[[rule]]` table -> `RuleAst`: its name, conditions, references
//! to groups and domain lists (resolved by `load`), and its kind (an
//! action, read by `policy::action`, or `treat_as_clean` with its
//! justification), with every problem visible in the rule alone.

use super::value::{addr, category, domain};
use crate::policy::action::{parse_action, ACTION_KEYS};
use crate::policy::diag::Pos;
use crate::policy::model::{CategoryCond, Conditions, RuleKind};
use crate::policy::walk::Walk;
use crate::types::Category;
use std::collections::BTreeSet;
use toml_edit::TableLike;

const CONDITION_KEYS: &[&str] = &[
    "sender",
    "sender_group",
    "recipient",
    "recipient_domain",
    "recipient_domain_list",
    "categories",
    "min_confidence",
    "unscannable",
    "sensitive",
    "subject_trigger",
    "size_min",
    "size_max",
];
const RULE_ONLY_KEYS: &[&str] = &["name", "treat_as_clean", "justification"];

pub(crate) struct RuleAst {
    pub name: String,
    pub pos: Pos,
    pub name_pos: Pos,
    /// `sender_group` and `recipient_domain_list` are filled in by `load`.
    pub conditions: Conditions,
    pub group_refs: Vec<(String, Pos)>,
    pub list_refs: Vec<(String, Pos)>,
    pub kind: Option<RuleKind>,
    /// Parsed without any error (only such rules take part in the
    /// reachability analysis, which would mislead on half-read rules).
    pub complete: bool,
}

pub(super) fn parse_rule(w: &mut Walk<'_>, table: &dyn TableLike, pos: Pos) -> Option<RuleAst> {
    let errors_before = w.error_count();
    let mut allowed: Vec<&str> = [RULE_ONLY_KEYS, CONDITION_KEYS, ACTION_KEYS].concat();
    allowed.sort_unstable();
    w.unknown_keys(table, &allowed);
    let name = match w.str(table, "name") {
        Some((n, p)) if !n.trim().is_empty() => Some((n.trim().to_string(), p)),
        Some(_) => None,
        // Present with the wrong type: already reported.
        None if table.get("name").is_some() => Some((String::new(), pos)),
        None => None,
    };
    if name.is_none() {
        w.error(
            pos,
            ("regel zonder `name`".into(), "rule without `name`".into()),
            (
                "geef de regel een naam, bijvoorbeeld name = \"bsn-naar-ziekenhuis\"".into(),
                "give the rule a name, for example name = \"bsn-to-hospital\"".into(),
            ),
        );
    }
    // Without a name the rest is still checked, so every mistake shows.
    let (name, name_pos) = name.unwrap_or((String::new(), pos));
    let mut c = Conditions::default();
    let addrs = |w: &mut Walk<'_>, key: &str| {
        w.str_list(table, key).map(|l| {
            l.iter()
                .filter_map(|(s, p)| addr(w, s, *p))
                .collect::<Vec<_>>()
        })
    };
    c.sender = addrs(w, "sender");
    c.recipient = addrs(w, "recipient");
    c.recipient_domain = w
        .str_list(table, "recipient_domain")
        .map(|l| l.iter().filter_map(|(s, p)| domain(w, s, *p)).collect());
    let group_refs = w.str_list(table, "sender_group").unwrap_or_default();
    let list_refs = w
        .str_list(table, "recipient_domain_list")
        .unwrap_or_default();
    let categories = w.str_list(table, "categories").map(|l| {
        l.iter()
            .filter_map(|(s, p)| category(w, s, *p))
            .collect::<BTreeSet<_>>()
    });
    let min_conf = w.number(table, "min_confidence");
    if let Some((m, p)) = min_conf {
        if !(0.0..=1.0).contains(&m) {
            w.error(
                p,
                (
                    format!("`min_confidence` moet tussen 0 en 1 liggen, niet {m}"),
                    format!("`min_confidence` must be between 0 and 1, not {m}"),
                ),
                (
                    "0.0 = elke vondst, 1.0 = alleen zekere vondsten; bijvoorbeeld 0.8".into(),
                    "0.0 = any finding, 1.0 = only certain findings; for example 0.8".into(),
                ),
            );
        }
    }
    if categories.is_some() || min_conf.is_some() {
        let all = [Category::Bsn, Category::Health, Category::Personal];
        c.categories = Some(CategoryCond {
            any_of: categories.unwrap_or_else(|| all.into_iter().collect()),
            min_confidence: min_conf.map(|(m, _)| m as f32).unwrap_or(0.0),
        });
    }
    c.unscannable = w.bool(table, "unscannable").map(|(b, _)| b);
    let sensitive = w.bool(table, "sensitive");
    c.sensitive = sensitive.map(|(b, _)| b);
    c.subject_trigger = w.bool(table, "subject_trigger").map(|(b, _)| b);
    let size_min = w.size(table, "size_min");
    let size_max = w.size(table, "size_max");
    c.size_min = size_min.map(|(n, _)| n);
    c.size_max = size_max.map(|(n, _)| n);
    if let (Some((lo, _)), Some((hi, p))) = (size_min, size_max) {
        if lo > hi {
            w.error(
                p,
                (
                    format!("`size_min` ({lo}) is groter dan `size_max` ({hi}): deze regel past nooit"),
                    format!("`size_min` ({lo}) is larger than `size_max` ({hi}): this rule never matches"),
                ),
                (
                    "verwissel of verbeter de twee waarden".into(),
                    "swap or correct the two values".into(),
                ),
            );
        }
    }
    if let Some((false, p)) = sensitive {
        let clash = [
            (c.categories.is_some(), "categories"),
            (c.unscannable == Some(true), "unscannable = true"),
            (c.subject_trigger == Some(true), "subject_trigger = true"),
        ];
        if let Some((_, what)) = clash.iter().find(|(hit, _)| *hit) {
            w.error(
                p,
                (
                    format!("tegenstrijdige voorwaarden: `sensitive = false` met `{what}`"),
                    format!("contradictory conditions: `sensitive = false` with `{what}`"),
                ),
                (
                    "verwijder een van de twee".into(),
                    "remove one of the two".into(),
                ),
            );
        }
    }
    let kind = match w.bool(table, "treat_as_clean") {
        Some((true, p)) => treat_as_clean(w, table, &c, &group_refs, p),
        Some((false, _)) | None => {
            let what = (format!("regel `{name}`"), format!("rule `{name}`"));
            let action = parse_action(w, table, (&what.0, &what.1), pos, c.implies_sensitive());
            if table.get("justification").is_some() {
                let p = w.key_pos(table, "justification");
                w.error(
                    p,
                    (
                        "`justification` hoort alleen bij `treat_as_clean = true`".into(),
                        "`justification` only belongs with `treat_as_clean = true`".into(),
                    ),
                    (
                        "verwijder `justification`".into(),
                        "remove `justification`".into(),
                    ),
                );
            }
            action.map(RuleKind::Decide)
        }
    };
    Some(RuleAst {
        name,
        pos,
        name_pos,
        conditions: c,
        group_refs,
        list_refs,
        kind,
        complete: w.error_count() == errors_before,
    })
}

fn treat_as_clean(
    w: &mut Walk<'_>,
    table: &dyn TableLike,
    c: &Conditions,
    group_refs: &[(String, Pos)],
    pos: Pos,
) -> Option<RuleKind> {
    let mut ok = true;
    if let Some(key) = ACTION_KEYS.iter().find(|k| table.get(k).is_some()) {
        let p = w.key_pos(table, key);
        w.error(
            p,
            (
                format!("een `treat_as_clean`-regel beslist niet zelf: `{key}` hoort er niet bij"),
                format!("a `treat_as_clean` rule does not decide: `{key}` does not belong"),
            ),
            (
                "de volgende regels beslissen alsof de mail schoon is; verwijder de actie".into(),
                "the following rules decide as if the mail were clean; remove the action".into(),
            ),
        );
        ok = false;
    }
    if c.sender.is_none() && group_refs.is_empty() {
        w.error(
            pos,
            (
                "`treat_as_clean` zonder `sender` of `sender_group`".into(),
                "`treat_as_clean` without `sender` or `sender_group`".into(),
            ),
            (
                "beperk de uitzondering tot vaste afzenders".into(),
                "limit the exception to fixed senders".into(),
            ),
        );
        ok = false;
    }
    if c.unscannable == Some(true) {
        w.error(
            pos,
            (
                "`treat_as_clean` kan onleesbare inhoud niet vrijgeven".into(),
                "`treat_as_clean` cannot release unscannable content".into(),
            ),
            (
                "verwijder `unscannable = true`".into(),
                "remove `unscannable = true`".into(),
            ),
        );
        ok = false;
    }
    let justification = match w.str(table, "justification") {
        Some((j, _)) if !j.trim().is_empty() => Some(j.trim().to_string()),
        _ => {
            w.error(
                pos,
                (
                    "`treat_as_clean` zonder `justification`".into(),
                    "`treat_as_clean` without `justification`".into(),
                ),
                (
                    "leg uit waarom, bijvoorbeeld justification = \"ordernummers leverancier\""
                        .into(),
                    "explain why, for example justification = \"supplier order numbers\"".into(),
                ),
            );
            None
        }
    };
    if ok {
        w.warning(
            pos,
            (
                "uitzondering: gevonden gegevens gelden hier als vals alarm; elk gebruik komt in het auditlog".into(),
                "exception: findings count as false alarms here; every use is audited".into(),
            ),
            (
                "houd de uitzondering zo smal mogelijk".into(),
                "keep the exception as narrow as possible".into(),
            ),
        );
    }
    justification
        .filter(|_| ok)
        .map(|justification| RuleKind::TreatAsClean { justification })
}
