//! One policy file -> `FileAst`: its tenant, sender groups, domain lists,
//! subject triggers, rules and default, with every problem that can be seen
//! inside the file alone (syntax, unknown keys, types, unknown actions,
//! categories or transports, missing fallbacks or reasons, contradictions,
//! sensitive mail delivered without authenticated TLS).
//!
//! This file reads the file's top level (tenant, groups, domain lists,
//! triggers, default); one `[[rule]]` is read by `rule`, an address,
//! domain or category value by `value`, the action keys by `super::action`.
//! Cross-file checks (group references, duplicate names, shadowed rules,
//! one default per tenant) are in `load`.

mod rule;
mod value;

pub(crate) use rule::RuleAst;

use super::action::{parse_action, ACTION_KEYS};
use super::diag::{Diagnostic, Pos, Source};
use super::model::{AddrPattern, DomainPattern};
use super::walk::Walk;
use crate::types::Action;
use rule::parse_rule;
use toml_edit::{ImDocument, TableLike};
use value::{addr, domain};

const TOP_KEYS: &[&str] = &[
    "tenant",
    "subject_triggers",
    "groups",
    "domain_lists",
    "rule",
    "default",
];

pub(crate) struct Named<T> {
    pub name: String,
    pub pos: Pos,
    pub value: T,
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
