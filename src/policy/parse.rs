//! One policy file -> `FileAst`: its tenant, sender groups, domain lists,
//! subject triggers, rules and default, with every problem that can be seen
//! inside the file alone (syntax, unknown keys, types, unknown actions,
//! categories or transports, missing fallbacks or reasons, contradictions,
//! sensitive mail delivered without authenticated TLS).
//!
//! The action keys are read by `action`. Cross-file checks (group
//! references, duplicate names, shadowed rules,
//! one default per tenant) are in `load`.

use super::action::{parse_action, ACTION_KEYS};
use super::diag::{Diagnostic, Pos, Source};
use super::model::{AddrPattern, CategoryCond, Conditions, DomainPattern, RuleKind};
use super::walk::Walk;
use crate::types::{Action, Category};
use std::collections::BTreeSet;
use toml_edit::{ImDocument, TableLike};

const TOP_KEYS: &[&str] = &[
    "tenant",
    "subject_triggers",
    "groups",
    "domain_lists",
    "rule",
    "default",
];
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
const CATEGORIES: &str = "bsn, health, personal";

pub(crate) struct Named<T> {
    pub name: String,
    pub pos: Pos,
    pub value: T,
}

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

pub(crate) struct FileAst {
    pub tenant: Option<String>,
    pub groups: Vec<Named<Vec<AddrPattern>>>,
    pub domain_lists: Vec<Named<Vec<DomainPattern>>>,
    pub triggers: Vec<String>,
    pub rules: Vec<RuleAst>,
    pub default: Option<(Action, Pos)>,
}

/// Parse one file; the AST is `None` only when the TOML itself is broken.
pub(crate) fn parse_file(src: &Source, diags: &mut Vec<Diagnostic>) -> Option<FileAst> {
    let mut w = Walk { src, diags };
    let doc = match ImDocument::parse(src.text.as_str()) {
        Ok(doc) => doc,
        Err(e) => {
            let pos = src.pos(e.span());
            let msg = e.message().lines().next().unwrap_or("").trim().to_string();
            w.error(
                pos,
                (
                    format!("ongeldige TOML: {msg}"),
                    format!("invalid TOML: {msg}"),
                ),
                (
                    "controleer aanhalingstekens, haakjes en komma's rond deze plek".into(),
                    "check quotes, brackets and commas around this place".into(),
                ),
            );
            return None;
        }
    };
    let root: &dyn TableLike = doc.as_table();
    w.unknown_keys(root, TOP_KEYS);
    let mut ast = FileAst {
        tenant: None,
        groups: Vec::new(),
        domain_lists: Vec::new(),
        triggers: Vec::new(),
        rules: Vec::new(),
        default: None,
    };
    match w.str(root, "tenant") {
        Some((t, pos)) if t.trim().is_empty() => w.error(
            pos,
            ("`tenant` is leeg".into(), "`tenant` is empty".into()),
            (
                "geef de naam van de praktijk, bijvoorbeeld tenant = \"default\"".into(),
                "give the practice's name, for example tenant = \"default\"".into(),
            ),
        ),
        Some((t, _)) => ast.tenant = Some(t),
        None if root.get("tenant").is_none() => w.error(
            Pos::START,
            ("`tenant` ontbreekt".into(), "`tenant` is missing".into()),
            (
                "zet bovenaan het bestand: tenant = \"default\"".into(),
                "put at the top of the file: tenant = \"default\"".into(),
            ),
        ),
        None => {}
    }
    for (t, pos) in w.str_list(root, "subject_triggers").unwrap_or_default() {
        let t = t.trim().to_lowercase();
        if t.is_empty() {
            w.error(
                pos,
                ("lege trigger".into(), "empty trigger".into()),
                (
                    "gebruik een herkenbaar woord, bijvoorbeeld \"[beveiligd]\"".into(),
                    "use a recognisable tag, for example \"[secure]\"".into(),
                ),
            );
        } else {
            ast.triggers.push(t);
        }
    }
    if let Some(groups) = w.table(root, "groups") {
        for (name, _) in groups.iter() {
            let pos = w.key_pos(groups, name);
            let members = w.str_list(groups, name).unwrap_or_default();
            let value = members
                .iter()
                .filter_map(|(m, p)| addr(&mut w, m, *p))
                .collect();
            ast.groups.push(Named {
                name: name.to_string(),
                pos,
                value,
            });
        }
    }
    if let Some(lists) = w.table(root, "domain_lists") {
        for (name, _) in lists.iter() {
            let pos = w.key_pos(lists, name);
            let members = w.str_list(lists, name).unwrap_or_default();
            let value = members
                .iter()
                .filter_map(|(m, p)| domain(&mut w, m, *p))
                .collect();
            ast.domain_lists.push(Named {
                name: name.to_string(),
                pos,
                value,
            });
        }
    }
    if let Some(item) = root.get("rule") {
        match item.as_array_of_tables() {
            Some(rules) => {
                for table in rules.iter() {
                    let pos = src.pos(table.span());
                    if let Some(rule) = parse_rule(&mut w, table, pos) {
                        ast.rules.push(rule);
                    }
                }
            }
            None => {
                let pos = w.item_pos(item);
                w.error(
                    pos,
                    (
                        "`rule` moet een reeks [[rule]]-blokken zijn".into(),
                        "`rule` must be a series of [[rule]] blocks".into(),
                    ),
                    (
                        "begin elke regel met een eigen regel [[rule]]".into(),
                        "start every rule with its own line [[rule]]".into(),
                    ),
                );
            }
        }
    }
    if let Some(table) = w.table(root, "default") {
        let pos = root
            .get("default")
            .map(|i| w.item_pos(i))
            .unwrap_or(Pos::START);
        let mut allowed = ACTION_KEYS.to_vec();
        allowed.sort_unstable();
        w.unknown_keys(table, &allowed);
        if let Some(action) = parse_action(&mut w, table, ("[default]", "[default]"), pos, false) {
            ast.default = Some((action, pos));
        }
    }
    Some(ast)
}

fn addr(w: &mut Walk<'_>, text: &str, pos: Pos) -> Option<AddrPattern> {
    let p = AddrPattern::parse(text);
    if p.is_none() {
        w.error(
            pos,
            (
                format!("`{text}` is geen e-mailadres"),
                format!("`{text}` is not an e-mail address"),
            ),
            (
                "schrijf naam@domein.nl, of *@domein.nl voor een heel domein".into(),
                "write name@domain.nl, or *@domain.nl for a whole domain".into(),
            ),
        );
    }
    p
}

fn domain(w: &mut Walk<'_>, text: &str, pos: Pos) -> Option<DomainPattern> {
    let p = DomainPattern::parse(text);
    if p.is_none() {
        w.error(
            pos,
            (
                format!("`{text}` is geen domeinnaam"),
                format!("`{text}` is not a domain name"),
            ),
            (
                "schrijf domein.nl, of *.domein.nl voor de subdomeinen".into(),
                "write domain.nl, or *.domain.nl for its subdomains".into(),
            ),
        );
    }
    p
}

fn parse_rule(w: &mut Walk<'_>, table: &dyn TableLike, pos: Pos) -> Option<RuleAst> {
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

fn category(w: &mut Walk<'_>, text: &str, pos: Pos) -> Option<Category> {
    match text {
        "bsn" => Some(Category::Bsn),
        "health" => Some(Category::Health),
        "personal" => Some(Category::Personal),
        _ => {
            w.error(
                pos,
                (
                    format!("onbekende categorie `{text}`"),
                    format!("unknown category `{text}`"),
                ),
                (
                    format!("kies uit: {CATEGORIES}"),
                    format!("choose from: {CATEGORIES}"),
                ),
            );
            None
        }
    }
}
