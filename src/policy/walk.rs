//! Typed reading of a parsed TOML table with precise diagnostics: unknown
//! keys (with a "did you mean" hint), wrong types, empty lists. Every
//! problem becomes a `Diagnostic` at the position of the offending key or
//! value; reading goes on, so one run reports every mistake in a file.

use super::diag::{bi, Diagnostic, Pos, Severity, Source};
use toml_edit::{Item, TableLike, Value};

/// What a key must hold, for messages and hints.
#[derive(Clone, Copy)]
pub(crate) enum Expect {
    Str,
    StrList,
    Int,
    Num,
    Bool,
    Table,
}

impl Expect {
    fn phrase(self) -> (&'static str, &'static str) {
        match self {
            Expect::Str => ("een tekst", "a string"),
            Expect::StrList => ("een lijst van teksten", "a list of strings"),
            Expect::Int => ("een geheel getal", "an integer"),
            Expect::Num => ("een getal", "a number"),
            Expect::Bool => ("true of false", "true or false"),
            Expect::Table => ("een tabel", "a table"),
        }
    }

    fn example(self) -> &'static str {
        match self {
            Expect::Str => "\"tekst\"",
            Expect::StrList => "[\"a\", \"b\"]",
            Expect::Int => "100000",
            Expect::Num => "0.8",
            Expect::Bool => "true",
            Expect::Table => "{ ... }",
        }
    }
}

fn describe(item: &Item) -> (&'static str, &'static str) {
    match item {
        Item::Value(Value::String(_)) => ("een tekst", "a string"),
        Item::Value(Value::Integer(_)) => ("een geheel getal", "an integer"),
        Item::Value(Value::Float(_)) => ("een kommagetal", "a decimal number"),
        Item::Value(Value::Boolean(_)) => ("true/false", "a boolean"),
        Item::Value(Value::Datetime(_)) => ("een datum", "a date"),
        Item::Value(Value::Array(_)) => ("een lijst", "a list"),
        Item::Value(Value::InlineTable(_)) | Item::Table(_) => ("een tabel", "a table"),
        Item::ArrayOfTables(_) => ("een lijst van tabellen", "an array of tables"),
        Item::None => ("niets", "nothing"),
    }
}

/// Reads keys of one table, reporting into `diags`.
pub(crate) struct Walk<'a> {
    pub src: &'a Source,
    pub diags: &'a mut Vec<Diagnostic>,
}

impl Walk<'_> {
    pub fn error(&mut self, pos: Pos, msg: (String, String), hint: (String, String)) {
        let d = self
            .src
            .diag(pos, Severity::Error, bi(msg.0, msg.1), bi(hint.0, hint.1));
        self.diags.push(d);
    }

    pub fn warning(&mut self, pos: Pos, msg: (String, String), hint: (String, String)) {
        let d = self
            .src
            .diag(pos, Severity::Warning, bi(msg.0, msg.1), bi(hint.0, hint.1));
        self.diags.push(d);
    }

    pub fn error_count(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }

    pub fn key_pos(&self, table: &dyn TableLike, key: &str) -> Pos {
        self.src.pos(table.key(key).and_then(|k| k.span()))
    }

    pub fn item_pos(&self, item: &Item) -> Pos {
        self.src.pos(item.span())
    }

    pub fn value_pos(&self, value: &Value) -> Pos {
        self.src.pos(value.span())
    }

    /// Reports every key of `table` not in `allowed`.
    pub fn unknown_keys(&mut self, table: &dyn TableLike, allowed: &[&str]) {
        for (key, _) in table.iter() {
            if allowed.contains(&key) {
                continue;
            }
            let pos = self.key_pos(table, key);
            let hint = match closest(key, allowed) {
                Some(near) => (
                    format!("bedoelde u `{near}`?"),
                    format!("did you mean `{near}`?"),
                ),
                None => (
                    format!("toegestaan: {}", allowed.join(", ")),
                    format!("allowed: {}", allowed.join(", ")),
                ),
            };
            self.error(
                pos,
                (
                    format!("onbekende sleutel `{key}`"),
                    format!("unknown key `{key}`"),
                ),
                hint,
            );
        }
    }

    fn wrong_type(&mut self, key: &str, item: &Item, expect: Expect) {
        let (exp_nl, exp_en) = expect.phrase();
        let (got_nl, got_en) = describe(item);
        let pos = self.item_pos(item);
        let example = format!("{key} = {}", expect.example());
        self.error(
            pos,
            (
                format!("`{key}` moet {exp_nl} zijn, niet {got_nl}"),
                format!("`{key}` must be {exp_en}, not {got_en}"),
            ),
            (
                format!("schrijf bijvoorbeeld {example}"),
                format!("write for example {example}"),
            ),
        );
    }

    pub fn str(&mut self, table: &dyn TableLike, key: &str) -> Option<(String, Pos)> {
        let item = table.get(key)?;
        match item.as_str() {
            Some(s) => Some((s.to_string(), self.item_pos(item))),
            None => {
                self.wrong_type(key, item, Expect::Str);
                None
            }
        }
    }

    pub fn bool(&mut self, table: &dyn TableLike, key: &str) -> Option<(bool, Pos)> {
        let item = table.get(key)?;
        match item.as_bool() {
            Some(b) => Some((b, self.item_pos(item))),
            None => {
                self.wrong_type(key, item, Expect::Bool);
                None
            }
        }
    }

    /// A non-negative integer.
    pub fn size(&mut self, table: &dyn TableLike, key: &str) -> Option<(u64, Pos)> {
        let item = table.get(key)?;
        let pos = self.item_pos(item);
        match item.as_integer() {
            Some(n) => match u64::try_from(n) {
                Ok(n) => Some((n, pos)),
                Err(_) => {
                    self.error(
                        pos,
                        (
                            format!("`{key}` kan niet negatief zijn"),
                            format!("`{key}` cannot be negative"),
                        ),
                        (
                            "geef een aantal bytes, 0 of meer".into(),
                            "give a number of bytes, 0 or more".into(),
                        ),
                    );
                    None
                }
            },
            None => {
                self.wrong_type(key, item, Expect::Int);
                None
            }
        }
    }

    /// A float or an integer.
    pub fn number(&mut self, table: &dyn TableLike, key: &str) -> Option<(f64, Pos)> {
        let item = table.get(key)?;
        let n = item
            .as_float()
            .or_else(|| item.as_integer().map(|i| i as f64));
        match n {
            Some(n) => Some((n, self.item_pos(item))),
            None => {
                self.wrong_type(key, item, Expect::Num);
                None
            }
        }
    }

    /// A non-empty list of strings, each with its position.
    pub fn str_list(&mut self, table: &dyn TableLike, key: &str) -> Option<Vec<(String, Pos)>> {
        let item = table.get(key)?;
        let Some(array) = item.as_array() else {
            self.wrong_type(key, item, Expect::StrList);
            return None;
        };
        let mut out = Vec::new();
        for value in array.iter() {
            match value.as_str() {
                Some(s) => out.push((s.to_string(), self.value_pos(value))),
                None => {
                    let pos = self.value_pos(value);
                    self.error(
                        pos,
                        (
                            format!("`{key}` mag alleen teksten bevatten"),
                            format!("`{key}` may only hold strings"),
                        ),
                        (
                            "zet elke waarde tussen aanhalingstekens".into(),
                            "put every value in double quotes".into(),
                        ),
                    );
                    return None;
                }
            }
        }
        if out.is_empty() {
            let pos = self.item_pos(item);
            self.error(
                pos,
                (
                    format!("`{key}` is een lege lijst"),
                    format!("`{key}` is an empty list"),
                ),
                (
                    format!("vul de lijst of verwijder `{key}`"),
                    format!("fill the list or remove `{key}`"),
                ),
            );
            return None;
        }
        Some(out)
    }

    /// A sub-table (`[groups]` or `groups = { ... }`).
    pub fn table<'t>(&mut self, table: &'t dyn TableLike, key: &str) -> Option<&'t dyn TableLike> {
        let item = table.get(key)?;
        match item.as_table_like() {
            Some(t) => Some(t),
            None => {
                self.wrong_type(key, item, Expect::Table);
                None
            }
        }
    }
}

/// The allowed key closest to `key`, when it is a likely typo.
pub(crate) fn closest<'k>(key: &str, allowed: &[&'k str]) -> Option<&'k str> {
    allowed
        .iter()
        .map(|a| (edit_distance(key, a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_a_suggestion_and_strangers_do_not() {
        assert_eq!(closest("acton", &["action", "name"]), Some("action"));
        assert_eq!(
            closest("recipient_domian", &["recipient_domain"]),
            Some("recipient_domain")
        );
        assert_eq!(closest("kleur", &["action", "name"]), None);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
