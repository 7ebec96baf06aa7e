//! Diagnostics of `sluis policy check`: one mistake in a policy file, with
//! its position, a Dutch and an English explanation and a hint how to fix it.
//!
//! Promises: positions are 1-based line and column (in characters) of the
//! byte offset the parser reported; rendering is stable (tests compare it
//! exactly). Never fails: an offset past the end maps to the last position.

use crate::types::Bilingual;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding of the policy checker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    pub severity: Severity,
    pub message: Bilingual,
    pub hint: Bilingual,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: fout/error: <nl> / <en>` and an indented `hint:` line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "fout/error",
            Severity::Warning => "waarschuwing/warning",
        };
        write!(
            f,
            "{}:{}:{}: {}: {} / {}\n  hint: {} / {}",
            self.file.display(),
            self.line,
            self.col,
            label,
            self.message.nl,
            self.message.en,
            self.hint.nl,
            self.hint.en
        )
    }
}

/// True when any diagnostic is an error (not only warnings).
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}

/// A policy file's text, for turning byte offsets into line:col.
pub(crate) struct Source {
    pub path: PathBuf,
    pub text: String,
}

/// Where something sits in a source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, col: 1 };
}

impl Source {
    pub fn new(path: &Path, text: String) -> Source {
        Source {
            path: path.to_path_buf(),
            text,
        }
    }

    /// Line and column of the start of `span`; 1:1 when unknown.
    pub fn pos(&self, span: Option<Range<usize>>) -> Pos {
        let Some(span) = span else {
            return Pos::START;
        };
        let mut offset = span.start.min(self.text.len());
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = self.text.get(..offset).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        let col = before
            .get(line_start..)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        Pos { line, col }
    }

    pub fn diag(
        &self,
        pos: Pos,
        severity: Severity,
        message: Bilingual,
        hint: Bilingual,
    ) -> Diagnostic {
        at(&self.path, pos, severity, message, hint)
    }
}

pub(crate) fn at(
    file: &Path,
    pos: Pos,
    severity: Severity,
    message: Bilingual,
    hint: Bilingual,
) -> Diagnostic {
    Diagnostic {
        file: file.to_path_buf(),
        line: pos.line,
        col: pos.col,
        severity,
        message,
        hint,
    }
}

/// Shorthand for a bilingual text.
pub(crate) fn bi(nl: impl Into<String>, en: impl Into<String>) -> Bilingual {
    Bilingual::new(nl, en)
}

/// The file name alone, as diagnostics and rule ids show it.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Where a name was first defined, for "already used" messages.
pub(crate) fn origin(path: &Path, pos: Pos) -> String {
    format!("{}:{}", file_name(path), pos.line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_line_and_character_column() {
        let s = Source::new(Path::new("x.toml"), "a = 1\né = \"x\"\n".into());
        assert_eq!(s.pos(Some(0..1)), Pos { line: 1, col: 1 });
        // `=` on line 2 is after the two-byte `é` and a space: column 3.
        assert_eq!(s.pos(Some(9..10)), Pos { line: 2, col: 3 });
        assert_eq!(s.pos(Some(999..1000)), Pos { line: 3, col: 1 });
    }

    #[test]
    fn renders_file_line_col_label_and_hint() {
        let d = at(
            Path::new("p/a.toml"),
            Pos { line: 4, col: 2 },
            Severity::Error,
            bi("fout", "wrong"),
            bi("doe dit", "do this"),
        );
        assert_eq!(
            d.to_string(),
            "p/a.toml:4:2: fout/error: fout / wrong\n  hint: doe dit / do this"
        );
    }
}
