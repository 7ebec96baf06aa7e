//! Layout of positioned PDF text: spans are grouped into lines by their
//! baseline and ordered by x, then joined with no space when they touch
//! (split digits rejoin), a space for a word gap and a tab for a column gap.
//! Glyph widths come from the font's `/Widths` or standard-14 metrics.
//!
//! Pure; never fails.

/// One run of text as drawn, in page space.
#[derive(Debug, Clone)]
pub struct Span {
    pub x: f32,
    pub y: f32,
    pub end_x: f32,
    pub size: f32,
    pub text: String,
}

/// Glyph widths (1/1000 em) for one font.
#[derive(Debug, Clone)]
pub struct Widths {
    first: i64,
    table: Vec<f32>,
    mono: bool,
    times: bool,
}

/// Helvetica widths for ASCII 32..=126 (AFM).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

impl Widths {
    pub fn new(base_font: &str, first: i64, table: Vec<f32>) -> Self {
        Widths {
            first,
            table,
            mono: base_font.contains("Courier"),
            times: base_font.contains("Times"),
        }
    }

    pub fn width(&self, code: u32, two_byte: bool) -> f32 {
        let idx = i64::from(code) - self.first;
        if let Some(w) = usize::try_from(idx).ok().and_then(|i| self.table.get(i)) {
            return *w;
        }
        if two_byte {
            return 500.0;
        }
        if self.mono {
            return 600.0;
        }
        if self.times {
            return if code == 32 { 250.0 } else { 500.0 };
        }
        usize::try_from(code)
            .ok()
            .and_then(|c| c.checked_sub(32))
            .and_then(|i| HELVETICA.get(i))
            .map(|&w| f32::from(w))
            .unwrap_or(556.0)
    }
}

/// Lay spans out as lines of text, top of the page first.
pub fn layout(mut spans: Vec<Span>) -> String {
    spans.retain(|s| s.x.is_finite() && s.y.is_finite() && s.end_x.is_finite());
    spans.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Span>> = Vec::new();
    for s in spans {
        match lines.last_mut() {
            Some(line)
                if line
                    .first()
                    .is_some_and(|f| (f.y - s.y).abs() <= f.size.min(s.size) * 0.4) =>
            {
                line.push(s)
            }
            _ => lines.push(vec![s]),
        }
    }
    let mut out = String::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut prev_end: Option<f32> = None;
        for s in line {
            if let Some(end) = prev_end {
                let gap = s.x - end;
                if gap > s.size * 1.5 {
                    out.push('\t');
                } else if gap > s.size * 0.15 {
                    out.push(' ');
                }
            }
            out.push_str(&s.text);
            prev_end = Some(s.end_x);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(x: f32, y: f32, text: &str) -> Span {
        let w = Widths::new("Helvetica", 0, vec![]);
        let width: f32 = text
            .bytes()
            .map(|b| w.width(u32::from(b), false) / 1000.0 * 10.0)
            .sum();
        Span {
            x,
            y,
            end_x: x + width,
            size: 10.0,
            text: text.into(),
        }
    }

    #[test]
    fn reversed_pieces_rejoin_in_visual_order() {
        // "BSN:" at 60, value pieces drawn right to left at 200.
        let a = span(200.0, 700.0, "1234");
        let b = span(a.end_x, 700.0, "567");
        let c = span(b.end_x, 700.0, "82");
        let key = span(60.0, 700.0, "BSN:");
        let next = span(60.0, 686.0, "Naam");
        let t = layout(vec![c, next, b, key, a]);
        assert_eq!(t, "BSN:\t123456782\nNaam\n");
    }
}
