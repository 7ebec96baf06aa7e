//! Bar charts as inline SVG, drawn on the server (no JavaScript, no inline
//! style: only presentation attributes, which the portal's CSP allows).
//! Pure functions from counts to `maud` markup; every label is escaped by
//! `maud`. Each chart is `role="img"` with a `<title>` and a `<desc>`
//! summing it up in words; the page puts the same numbers in a table.
//!
//! Colours are dark enough for 3:1 against white (WCAG 1.4.11) and
//! segments are separated by a white line; the legend names every colour,
//! so colour is never the only cue (1.4.1).

use maud::{html, Markup};

/// Series colours, all at least 4.5:1 against white (checked in a test).
pub const COLOURS: [&str; 6] = [
    "#00466e", "#00703c", "#8a4b00", "#b00020", "#6b3fa0", "#4d4d4d",
];

const TEXT: &str = "#1a1a1a";
const GRID: &str = "#767676";

/// A round upper bound for an axis and its step (1, 2 or 5 times a power
/// of ten, at most five steps).
pub fn axis(max: u64) -> (u64, u64) {
    let max = max.max(1);
    let mut unit = 1u64;
    loop {
        for m in [1u64, 2, 5] {
            let step = m.saturating_mul(unit);
            if step.saturating_mul(5) >= max {
                return (max.div_ceil(step).saturating_mul(step), step);
            }
        }
        unit = unit.saturating_mul(10);
    }
}

fn f(v: f64) -> String {
    format!("{v:.1}")
}

/// The legend: a coloured square and the name of each series.
pub fn legend(names: &[&str]) -> Markup {
    html! {
        ul class="legend" {
            @for (i, name) in names.iter().enumerate() {
                li {
                    svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false" {
                        rect x="0" y="0" width="14" height="14" fill=(COLOURS[i % COLOURS.len()]) {}
                    }
                    " " (name)
                }
            }
        }
    }
}

/// Stacked columns, one per x label (`values[x][series]`).
pub fn columns(
    id: &str,
    title: &str,
    desc: &str,
    x_labels: &[String],
    values: &[Vec<u64>],
) -> Markup {
    let (w, h) = (720.0, 260.0);
    let (left, right, top, bottom) = (48.0, 8.0, 12.0, 34.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let n = x_labels.len().max(1) as f64;
    let slot = plot_w / n;
    let bar = slot * 0.7;
    let max = values
        .iter()
        .map(|v| v.iter().sum::<u64>())
        .max()
        .unwrap_or(0);
    let (top_value, step) = axis(max);
    let y = |v: u64| top + plot_h - plot_h * (v as f64) / (top_value as f64);
    let ticks: Vec<u64> = (0..=top_value / step).map(|i| i * step).collect();
    let label_every = (x_labels.len() / 6).max(1);
    // (x, y, width, height, colour) of every non-empty segment.
    let mut bars = Vec::new();
    for (i, col) in values.iter().enumerate() {
        let x = left + slot * i as f64 + (slot - bar) / 2.0;
        let mut acc = 0u64;
        for (s, v) in col.iter().enumerate() {
            if *v > 0 {
                let (y0, y1) = (y(acc), y(acc + v));
                bars.push((x, y1, bar, y0 - y1, COLOURS[s % COLOURS.len()]));
                acc += v;
            }
        }
    }
    html! {
        svg class="chart" viewBox={ "0 0 " (w) " " (h) } role="img"
            aria-labelledby={ (id) "-t " (id) "-d" } {
            title id={ (id) "-t" } { (title) }
            desc id={ (id) "-d" } { (desc) }
            @for t in &ticks {
                line x1=(left) x2=(w - right) y1=(f(y(*t))) y2=(f(y(*t)))
                    stroke=(GRID) stroke-width="0.5" {}
                text x=(left - 6.0) y=(f(y(*t) + 4.0)) text-anchor="end" font-size="12" fill=(TEXT) { (t) }
            }
            @for (x, y, width, height, colour) in &bars {
                rect x=(f(*x)) y=(f(*y)) width=(f(*width)) height=(f(*height))
                    fill=(colour) stroke="#fff" stroke-width="1" {}
            }
            @for (i, label) in x_labels.iter().enumerate() {
                @if i % label_every == 0 || i + 1 == x_labels.len() {
                    text x=(f(left + slot * i as f64 + slot / 2.0)) y=(f(h - bottom + 18.0))
                        text-anchor="middle" font-size="12" fill=(TEXT) { (label) }
                }
            }
            line x1=(left) x2=(w - right) y1=(f(top + plot_h)) y2=(f(top + plot_h)) stroke=(TEXT) stroke-width="1" {}
        }
    }
}

/// Stacked horizontal bars, one per row label (`values[row][series]`),
/// with the row's total after its bar.
pub fn rows(id: &str, title: &str, desc: &str, labels: &[String], values: &[Vec<u64>]) -> Markup {
    let w = 720.0;
    let (label_w, total_w, row_h, top) = (190.0, 56.0, 28.0, 6.0);
    let plot_w = w - label_w - total_w;
    let h = top * 2.0 + row_h * labels.len().max(1) as f64;
    let max = values
        .iter()
        .map(|v| v.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = |v: u64| plot_w * (v as f64) / (max as f64);
    html! {
        svg class="chart" viewBox={ "0 0 " (w) " " (f(h)) } role="img"
            aria-labelledby={ (id) "-t " (id) "-d" } {
            title id={ (id) "-t" } { (title) }
            desc id={ (id) "-d" } { (desc) }
            @for (i, label) in labels.iter().enumerate() {
                @let y = top + row_h * i as f64;
                text x=(label_w - 8.0) y=(f(y + row_h / 2.0 + 4.0)) text-anchor="end" font-size="13" fill=(TEXT) {
                    (short(label, 26))
                }
                @let row = values.get(i).cloned().unwrap_or_default();
                @for (x, width, colour) in segments(&row, label_w, &scale) {
                    rect x=(f(x)) y=(f(y + 4.0)) width=(f(width)) height=(f(row_h - 8.0))
                        fill=(colour) stroke="#fff" stroke-width="1" {}
                }
                @let acc: u64 = row.iter().sum();
                text x=(f(label_w + scale(acc) + 6.0)) y=(f(y + row_h / 2.0 + 4.0)) font-size="13" fill=(TEXT) {
                    (row.iter().sum::<u64>())
                }
            }
        }
    }
}

/// (x, width, colour) of the non-empty segments of one horizontal bar.
fn segments(row: &[u64], left: f64, scale: &dyn Fn(u64) -> f64) -> Vec<(f64, f64, &'static str)> {
    let mut out = Vec::new();
    let mut acc = 0u64;
    for (s, v) in row.iter().enumerate() {
        if *v > 0 {
            out.push((left + scale(acc), scale(*v), COLOURS[s % COLOURS.len()]));
            acc += v;
        }
    }
    out
}

/// At most `max` characters, with `…` when cut.
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
    }

    #[test]
    fn colours_and_text_have_enough_contrast_against_white() {
        for c in COLOURS.iter().chain([TEXT, GRID].iter()) {
            let ratio = 1.05 / (luminance(c) + 0.05);
            assert!(ratio >= 4.5, "{c}: {ratio:.2}");
        }
    }

    #[test]
    fn axis_is_round() {
        assert_eq!(axis(0), (1, 1));
        assert_eq!(axis(4), (4, 1));
        assert_eq!(axis(7), (8, 2));
        assert_eq!(axis(23), (25, 5));
        assert_eq!(axis(99), (100, 20));
        assert_eq!(axis(1234), (1500, 500));
    }

    #[test]
    fn columns_scale_to_the_largest_total_and_escape_labels() {
        let svg = columns(
            "c1",
            "Mail <per> dag",
            "desc",
            &["1 dec".into(), "2 dec".into()],
            &[vec![2, 0], vec![3, 1]],
        )
        .into_string();
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"c1-t\">Mail &lt;per&gt; dag</title>"));
        assert!(!svg.contains("style=") && !svg.contains("<script"));
        // Axis 0..4 over 214 px: 4 recipients on day 2 reach the top line.
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("height=\"107.0\""), "{svg}");
        assert!(svg.contains("y=\"12.0\""), "{svg}");
    }

    #[test]
    fn rows_show_each_total_and_cut_long_labels() {
        let svg = rows(
            "r1",
            "t",
            "d",
            &[
                "a-very-long-domain-name-that-goes-on.example.nl".into(),
                "b.nl".into(),
            ],
            &[vec![1, 1], vec![4]],
        )
        .into_string();
        assert!(svg.contains(">2</text>") && svg.contains(">4</text>"));
        assert!(svg.contains('…'));
        // b.nl's one bar fills the plot width (720 - 190 - 56).
        assert!(svg.contains("width=\"474.0\""), "{svg}");
    }
}
