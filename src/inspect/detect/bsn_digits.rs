//! Where a BSN could be written: nine digits (plain, `1234.56.782`,
//! `123 456 782`, or split over a line break) as [`Candidate`]s, the
//! elfproef and the mask. Split from `bsn.rs`, which weighs the context
//! of each candidate.

/// The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), not all zeros.
pub fn elfproef(digits: &[u8; 9]) -> bool {
    if digits.iter().all(|&d| d == 0) || digits.iter().any(|&d| d > 9) {
        return false;
    }
    let mut sum: i32 = 0;
    for (i, &d) in digits.iter().take(8).enumerate() {
        sum += (9 - i as i32) * i32::from(d);
    }
    sum -= i32::from(digits[8]);
    sum.rem_euclid(11) == 0
}

/// `*****6782`
pub fn mask(digits: &[u8; 9]) -> String {
    let tail: String = digits
        .iter()
        .skip(5)
        .map(|d| char::from(b'0' + d))
        .collect();
    format!("*****{tail}")
}

/// A nine-digit candidate in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub digits: [u8; 9],
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Written as people write a BSN (`123456782`, `123.456.782`,
    /// `1234.56.782`). Other groupings (`1234 56782`, as OCR or a careless
    /// typist splits it) count only right after a BSN label.
    pub usual_shape: bool,
}

/// Length of a group separator at `i`: a space or a dot, or a no-break,
/// narrow no-break or thin space (as UTF-8).
fn sep_len(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [b' ' | b'.', ..] => Some(1),
        [0xC2, 0xA0, ..] => Some(2),
        [0xE2, 0x80, 0xAF | 0x89, ..] => Some(3),
        _ => None,
    }
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Digit-group lengths of one candidate, on the stack (a BSN has at most
/// nine groups; more make no BSN shape anyway).
#[derive(Default)]
struct Groups {
    len: [usize; 10],
    n: usize,
}

impl Groups {
    fn push(&mut self, len: usize) {
        if let Some(slot) = self.len.get_mut(self.n) {
            *slot = len;
            self.n += 1;
        }
    }
    fn last_mut(&mut self) -> Option<&mut usize> {
        self.n.checked_sub(1).and_then(|i| self.len.get_mut(i))
    }
    fn as_slice(&self) -> &[usize] {
        self.len.get(..self.n).unwrap_or(&[])
    }
    fn len(&self) -> usize {
        self.n
    }
}

/// Find digit sequences that could be a written BSN. Reads bytes: the
/// text between numbers costs one test per byte.
pub fn candidates(text: &str) -> Vec<Candidate> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0usize;
    while i < b.len() {
        match b
            .get(i..)
            .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
        {
            Some(k) => i += k,
            None => break,
        }
        let start = i;
        if char_before(text, start).is_some_and(char::is_alphanumeric) {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            continue;
        }
        // Collect groups of digits and what separates them.
        let mut groups = Groups::default();
        let mut digits = [0u8; 9];
        let mut count = 0usize;
        let mut newline_seps = 0usize;
        let mut seps = [false; 9];
        let mut nseps = 0usize;
        // Where the first group after a line break starts: if joining
        // across the break makes no BSN ("Geboortedatum 01-02-1980\n
        // 123456782"), the next line is read again on its own.
        let mut after_first_break: Option<usize> = None;
        let mut j = i;
        let mut end = start;
        loop {
            let mut n = 0usize;
            while let Some(&d) = b.get(j).filter(|d| d.is_ascii_digit()) {
                if let Some(slot) = digits.get_mut(count) {
                    *slot = d - b'0';
                }
                count += 1;
                n += 1;
                j += 1;
                end = j;
            }
            groups.push(n);
            if count >= 9 {
                break;
            }
            // Separator: one space/dot/nbsp, a line break with quote marks,
            // or both ("283.\n184.000" as a mail client wraps it).
            let mut k = j;
            let mut saw_newline = false;
            if let Some(len) = sep_len(b, k) {
                k += len;
            }
            if matches!(b.get(k), Some(b'\r') | Some(b'\n')) {
                if b.get(k) == Some(&b'\r') {
                    k += 1;
                }
                if b.get(k) == Some(&b'\n') {
                    k += 1;
                }
                while matches!(b.get(k), Some(b'>') | Some(b' ') | Some(b'\t')) {
                    k += 1;
                }
                saw_newline = true;
            }
            if k == j {
                break;
            }
            if b.get(k).is_some_and(u8::is_ascii_digit) {
                if saw_newline {
                    newline_seps += 1;
                    after_first_break.get_or_insert(k);
                }
                if let Some(slot) = seps.get_mut(nseps) {
                    *slot = saw_newline;
                }
                nseps += 1;
                j = k;
            } else {
                break;
            }
        }
        let next_is_word = char_at(text, j).is_some_and(char::is_alphanumeric);
        // A no-break or thin space followed by more digits: the number goes on.
        let continues = !matches!(b.get(j), Some(b'.') | Some(b' '))
            && sep_len(b, j).is_some_and(|len| b.get(j + len).is_some_and(u8::is_ascii_digit));
        // A line break may also fall inside a group: join across it.
        let mut merged = Groups::default();
        for (g, &n) in groups.as_slice().iter().enumerate() {
            let after_newline = g
                .checked_sub(1)
                .is_some_and(|p| p < nseps && seps.get(p) == Some(&true));
            match (after_newline, merged.last_mut()) {
                (true, Some(last)) => *last += n,
                _ => merged.push(n),
            }
        }
        let allowed = |shape: &[usize]| matches!(shape, [9] | [3, 3, 3] | [4, 2, 3]);
        let shape_ok = allowed(groups.as_slice())
            || allowed(merged.as_slice())
            || (groups.len() == 2 && newline_seps == 1);
        let odd_shape_ok = groups.len() <= 3 && newline_seps == 0;
        if count == 9 && (shape_ok || odd_shape_ok) && !next_is_word && !continues {
            out.push(Candidate {
                digits,
                start,
                end,
                usual_shape: shape_ok,
            });
        } else if let Some(next_line) = after_first_break {
            i = next_line;
            continue;
        }
        i = j.max(i + 1);
    }
    out
}
