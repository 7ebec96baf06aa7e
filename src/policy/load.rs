//! Loading policy files (one file, or every `*.toml` in a folder, in name
//! order) into a `PolicySet`, with the checks that span files and rules:
//! sender groups and domain lists resolved, one `[default]` per tenant,
//! duplicate names, rules that can never be reached.
//!
//! Promises: a `PolicySet` is only produced when there is no error at all;
//! diagnostics come sorted by file and position. Reading is bounded: files
//! larger than `MAX_POLICY_FILE_BYTES` and folders with more than
//! `MAX_POLICY_FILES` files are refused with a diagnostic.

use super::diag::{at, bi, file_name, has_errors, origin, Diagnostic, Pos, Severity, Source};
use super::model::{Rule, TenantPolicy};
use super::parse::{parse_file, FileAst, Named};
use super::PolicySet;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A policy file is text a person writes; anything bigger is a mistake.
pub const MAX_POLICY_FILE_BYTES: u64 = 1024 * 1024;
pub const MAX_POLICY_FILES: usize = 1000;

/// Check a policy file or folder: every error and warning, sorted.
pub fn check_path(path: &Path) -> Vec<Diagnostic> {
    load_path(path).1
}

/// Load a file or folder. `Some` only when there are no errors (warnings
/// may be present).
pub fn load_path(path: &Path) -> (Option<PolicySet>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let files = policy_files(path, &mut diags);
    let mut parsed = Vec::new();
    for file in files {
        if let Some(src) = read(&file, &mut diags) {
            if let Some(ast) = parse_file(&src, &mut diags) {
                parsed.push((src.path, ast));
            }
        }
    }
    let set = assemble(parsed, &mut diags);
    diags.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    if has_errors(&diags) {
        (None, diags)
    } else {
        (Some(set), diags)
    }
}

/// The files a path stands for, plus a fingerprint-friendly order.
pub(crate) fn policy_files(path: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
            .collect(),
        Err(e) => {
            diags.push(file_error(
                path,
                &format!("kan map niet lezen: {e}"),
                &format!("cannot read folder: {e}"),
            ));
            return Vec::new();
        }
    };
    files.sort();
    if files.is_empty() {
        diags.push(at(
            path,
            Pos::START,
            Severity::Error,
            bi(
                "geen beleidsbestanden (*.toml) gevonden",
                "no policy files (*.toml) found",
            ),
            bi(
                "kopieer een voorbeeld uit de map policies/ van Sluis",
                "copy an example from Sluis's policies/ folder",
            ),
        ));
    }
    if files.len() > MAX_POLICY_FILES {
        diags.push(file_error(
            path,
            &format!("meer dan {MAX_POLICY_FILES} beleidsbestanden"),
            &format!("more than {MAX_POLICY_FILES} policy files"),
        ));
        files.truncate(MAX_POLICY_FILES);
    }
    files
}

fn file_error(path: &Path, nl: &str, en: &str) -> Diagnostic {
    at(
        path,
        Pos::START,
        Severity::Error,
        bi(nl, en),
        bi(
            "controleer het pad en de rechten",
            "check the path and the permissions",
        ),
    )
}

fn read(path: &Path, diags: &mut Vec<Diagnostic>) -> Option<Source> {
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => {
            diags.push(file_error(
                path,
                &format!("kan bestand niet lezen: {e}"),
                &format!("cannot read file: {e}"),
            ));
            return None;
        }
    };
    if size > MAX_POLICY_FILE_BYTES {
        diags.push(file_error(
            path,
            &format!("bestand groter dan {MAX_POLICY_FILE_BYTES} bytes"),
            &format!("file larger than {MAX_POLICY_FILE_BYTES} bytes"),
        ));
        return None;
    }
    match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => Some(Source::new(path, text)),
        Ok(Err(_)) => {
            diags.push(at(
                path,
                Pos::START,
                Severity::Error,
                bi("bestand is geen UTF-8-tekst", "file is not UTF-8 text"),
                bi("sla het bestand op als UTF-8", "save the file as UTF-8"),
            ));
            None
        }
        Err(e) => {
            diags.push(file_error(
                path,
                &format!("kan bestand niet lezen: {e}"),
                &format!("cannot read file: {e}"),
            ));
            None
        }
    }
}

#[derive(Default)]
struct TenantParts {
    first_file: Option<PathBuf>,
    groups: BTreeMap<String, (PathBuf, Pos, Vec<super::model::AddrPattern>)>,
    lists: BTreeMap<String, (PathBuf, Pos, Vec<super::model::DomainPattern>)>,
    triggers: Vec<String>,
    rules: Vec<(PathBuf, super::parse::RuleAst)>,
    default: Option<(PathBuf, Pos, crate::types::Action)>,
}

fn define<T>(
    map: &mut BTreeMap<String, (PathBuf, Pos, T)>,
    path: &Path,
    named: Named<T>,
    what: (&str, &str),
    diags: &mut Vec<Diagnostic>,
) {
    if let Some((p, pos, _)) = map.get(&named.name) {
        let o = origin(p, *pos);
        diags.push(at(
            path,
            named.pos,
            Severity::Error,
            bi(
                format!("{} `{}` bestaat al ({o})", what.0, named.name),
                format!("{} `{}` already defined ({o})", what.1, named.name),
            ),
            bi(
                "voeg de lijsten samen of kies een andere naam",
                "merge the lists or pick another name",
            ),
        ));
        return;
    }
    map.insert(named.name, (path.to_path_buf(), named.pos, named.value));
}

fn assemble(files: Vec<(PathBuf, FileAst)>, diags: &mut Vec<Diagnostic>) -> PolicySet {
    let mut tenants: BTreeMap<String, TenantParts> = BTreeMap::new();
    for (path, ast) in files {
        let Some(tenant) = ast.tenant else { continue };
        let t = tenants.entry(tenant).or_default();
        t.first_file.get_or_insert_with(|| path.clone());
        for g in ast.groups {
            define(
                &mut t.groups,
                &path,
                g,
                ("afzendergroep", "sender group"),
                diags,
            );
        }
        for l in ast.domain_lists {
            define(
                &mut t.lists,
                &path,
                l,
                ("domeinlijst", "domain list"),
                diags,
            );
        }
        t.triggers.extend(ast.triggers);
        if let Some((action, pos)) = ast.default {
            match &t.default {
                Some((p, first, _)) => {
                    let o = origin(p, *first);
                    diags.push(at(
                        &path,
                        pos,
                        Severity::Error,
                        bi(
                            format!("tweede [default] voor deze tenant (eerste: {o})"),
                            format!("second [default] for this tenant (first: {o})"),
                        ),
                        bi(
                            "houd één [default] per tenant",
                            "keep one [default] per tenant",
                        ),
                    ));
                }
                None => t.default = Some((path.clone(), pos, action)),
            }
        }
        t.rules
            .extend(ast.rules.into_iter().map(|r| (path.clone(), r)));
    }
    let mut set = PolicySet::default();
    for (name, parts) in tenants {
        if let Some(policy) = tenant_policy(&name, parts, diags) {
            set.tenants.insert(name, policy);
        }
    }
    set
}

fn tenant_policy(
    name: &str,
    mut t: TenantParts,
    diags: &mut Vec<Diagnostic>,
) -> Option<TenantPolicy> {
    let mut names: BTreeMap<String, (PathBuf, Pos)> = BTreeMap::new();
    let mut rules: Vec<(PathBuf, Pos, String, Rule)> = Vec::new();
    for (path, mut r) in std::mem::take(&mut t.rules) {
        if let Some((p, pos)) = names.get(&r.name).filter(|_| !r.name.is_empty()) {
            let o = origin(p, *pos);
            diags.push(at(
                &path,
                r.name_pos,
                Severity::Error,
                bi(
                    format!("regelnaam `{}` bestaat al ({o})", r.name),
                    format!("rule name `{}` already used ({o})", r.name),
                ),
                bi(
                    "geef elke regel een eigen naam",
                    "give every rule its own name",
                ),
            ));
        } else {
            names.insert(r.name.clone(), (path.clone(), r.pos));
        }
        let errors_before = diags.len();
        r.conditions.sender_group = resolve(
            &r.group_refs,
            &t.groups,
            &path,
            ("afzendergroep", "sender group", "[groups]"),
            diags,
        );
        r.conditions.recipient_domain_list = resolve(
            &r.list_refs,
            &t.lists,
            &path,
            ("domeinlijst", "domain list", "[domain_lists]"),
            diags,
        );
        let complete = r.complete && diags.len() == errors_before;
        if let (Some(kind), true) = (r.kind, complete) {
            let id = format!("{}:{}", file_name(&path), r.name);
            rules.push((
                path,
                r.pos,
                r.name,
                Rule {
                    id,
                    conditions: r.conditions,
                    kind,
                },
            ));
        }
    }
    super::reach::unreachable_rules(&rules, diags);
    let Some((default_path, default_pos, default)) = t.default else {
        if let Some(first) = &t.first_file {
            diags.push(at(
                first,
                Pos::START,
                Severity::Error,
                bi(
                    format!("tenant `{name}` heeft geen [default]"),
                    format!("tenant `{name}` has no [default]"),
                ),
                bi(
                    "voeg een blok [default] toe met de actie voor mail waar geen regel op past",
                    "add a [default] block with the action for mail no rule matches",
                ),
            ));
        }
        return None;
    };
    if !has_errors(diags) {
        super::reach::floor_warnings(&rules, (&default_path, default_pos, &default), diags);
    }
    t.triggers.sort();
    t.triggers.dedup();
    Some(TenantPolicy {
        tenant: name.to_string(),
        rules: rules.into_iter().map(|(_, _, _, r)| r).collect(),
        default_id: format!("{}:default", file_name(&default_path)),
        default,
        subject_triggers: t.triggers,
    })
}

fn resolve<T: Clone>(
    refs: &[(String, Pos)],
    defined: &BTreeMap<String, (PathBuf, Pos, Vec<T>)>,
    path: &Path,
    what: (&str, &str, &str),
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<T>> {
    if refs.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for (name, pos) in refs {
        match defined.get(name) {
            Some((_, _, members)) => out.extend(members.iter().cloned()),
            None => {
                let known: Vec<&str> = defined.keys().map(String::as_str).collect();
                let known = if known.is_empty() {
                    "-".to_string()
                } else {
                    known.join(", ")
                };
                diags.push(at(
                    path,
                    *pos,
                    Severity::Error,
                    bi(
                        format!("onbekende {} `{name}`", what.0),
                        format!("unknown {} `{name}`", what.1),
                    ),
                    bi(
                        format!("definieer hem onder {}; bekend: {known}", what.2),
                        format!("define it under {}; known: {known}", what.2),
                    ),
                ));
            }
        }
    }
    Some(out)
}
