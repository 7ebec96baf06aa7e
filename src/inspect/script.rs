//! Text written in a script the detectors have no vocabulary for. The
//! vocabulary is Dutch, English and some German; a patient who writes in
//! Arabic, Ukrainian or Tigrinya about their pregnancy would otherwise be
//! read as "nothing found" and leave in clear. Such a text is reported as
//! not read (unscannable), so policy protects it: fail closed. A Dutch
//! letter with an Arabic name or a Cyrillic signature stays readable (the
//! other script must hold most of the letters, and enough of them).

/// Fewest letters in another script before a text counts as written in it.
pub const MIN_OTHER_LETTERS: usize = 40;

/// The script of `text` when most of its letters (and at least
/// `MIN_OTHER_LETTERS`) are outside the Latin script; `None` otherwise.
pub fn unread(text: &str) -> Option<&'static str> {
    let mut latin = 0usize;
    let mut other = 0usize;
    let mut first_other = None;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if is_latin(c) {
            latin += 1;
        } else {
            other += 1;
            first_other.get_or_insert(c);
        }
    }
    if other >= MIN_OTHER_LETTERS && other > latin {
        first_other.map(script_name)
    } else {
        None
    }
}

/// Basic Latin, Latin-1, Latin Extended-A/B, IPA and Latin Extended
/// Additional: every letter Dutch, Turkish, Polish or German is written in.
fn is_latin(c: char) -> bool {
    let u = c as u32;
    u < 0x0250 || (0x1E00..=0x1EFF).contains(&u)
}

fn script_name(c: char) -> &'static str {
    match c as u32 {
        0x0370..=0x03FF => "Greek",
        0x0400..=0x052F => "Cyrillic",
        0x0530..=0x058F => "Armenian",
        0x0590..=0x05FF => "Hebrew",
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => "Arabic",
        0x0900..=0x0DFF => "Indic",
        0x0E00..=0x0E7F => "Thai",
        0x10A0..=0x10FF => "Georgian",
        0x1200..=0x139F => "Ethiopic",
        0x3040..=0x30FF => "Japanese",
        0x4E00..=0x9FFF => "Han",
        0xAC00..=0xD7AF => "Hangul",
        _ => "non-Latin",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_in_another_script_is_not_read() {
        let arabic = "مرحبا دكتور، زوجتي حامل في الشهر الثالث وتعاني من نزيف خفيف منذ أمس. هل يمكننا أن نأتي اليوم؟";
        assert_eq!(unread(arabic), Some("Arabic"));
        let ukrainian = "Добрий день, лікарю. У мене вже тиждень болить горло і висока температура. Чи можу я прийти сьогодні?";
        assert_eq!(unread(ukrainian), Some("Cyrillic"));
    }

    #[test]
    fn dutch_with_a_foreign_name_or_a_latin_script_language_is_read() {
        assert_eq!(unread("Beste dokter, mijn naam is Олена Шевченко en ik heb een vraag over mijn afspraak van dinsdag."), None);
        assert_eq!(unread("Dzień dobry, od tygodnia boli mnie gardło i mam gorączkę. Czy mogę przyjść dzisiaj?"), None);
        assert_eq!(
            unread("Merhaba doktor, üç gündür ateşim var ve boğazım ağrıyor."),
            None
        );
        assert_eq!(unread("Groet, محمد"), None);
    }
}
