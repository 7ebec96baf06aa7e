//! HTML to text: tags removed, entities decoded, block elements become line
//! breaks, inline elements (span, b, font, a, ...) join without a space so a
//! number split over `<span>`s comes back whole. `script`/`style` skipped.
//!
//! Pure and linear in the input; never fails (unknown entities stay as is).

/// Block-level elements: their boundaries become line breaks.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "dd",
    "dt",
    "dl",
    "address",
    "center",
    "form",
    "title",
    "body",
    "html",
    "head",
];
/// Cell elements: their boundaries become a tab.
const CELL: &[&str] = &["td", "th"];

pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_until: Option<&'static str> = None;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                decode_entities_into(rest, &mut out);
            }
            break;
        };
        if skip_until.is_none() {
            decode_entities_into(rest.get(..lt).unwrap_or(""), &mut out);
        }
        rest = rest.get(lt..).unwrap_or("");
        // Comments
        if rest.starts_with("<!--") {
            rest = match rest.find("-->") {
                Some(end) => rest.get(end + 3..).unwrap_or(""),
                None => "",
            };
            continue;
        }
        let end = match rest.find('>') {
            Some(e) => e,
            None => {
                // A lone '<' is text.
                if skip_until.is_none() {
                    out.push('<');
                }
                rest = rest.get(1..).unwrap_or("");
                continue;
            }
        };
        let tag = rest.get(1..end).unwrap_or("");
        rest = rest.get(end + 1..).unwrap_or("");
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(wanted) = skip_until {
            if closing && name == wanted {
                skip_until = None;
            }
            continue;
        }
        if !closing && (name == "script" || name == "style") {
            skip_until = Some(if name == "script" { "script" } else { "style" });
            continue;
        }
        if BLOCK.contains(&name.as_str()) {
            if !out.ends_with('\n') {
                out.push('\n');
            }
        } else if CELL.contains(&name.as_str()) && closing {
            out.push('\t');
        }
    }
    out
}

fn decode_entities_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        rest = rest.get(amp..).unwrap_or("");
        let semi = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        match semi.and_then(|i| rest.get(1..i).and_then(entity).map(|c| (i, c))) {
            Some((i, c)) => {
                out.push(c);
                rest = rest.get(i + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = rest.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
}

/// Decode one entity name (without `&` and `;`).
pub fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        return char::from_u32(code);
    }
    let c = match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "euro" => '€',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "micro" => 'µ',
        "plusmn" => '±',
        "times" => '×',
        "szlig" => 'ß',
        "shy" => '\u{ad}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        _ => return latin_letter(name),
    };
    Some(c)
}

/// `eacute`, `Euml`, `ccedil`, ... for the Latin-1 letters.
fn latin_letter(name: &str) -> Option<char> {
    let (base, accent) = name.split_at(name.char_indices().nth(1)?.0);
    let base = base.chars().next()?;
    let table: &[(char, &str, char)] = &[
        ('a', "acute", 'á'),
        ('a', "grave", 'à'),
        ('a', "circ", 'â'),
        ('a', "uml", 'ä'),
        ('a', "tilde", 'ã'),
        ('a', "ring", 'å'),
        ('e', "acute", 'é'),
        ('e', "grave", 'è'),
        ('e', "circ", 'ê'),
        ('e', "uml", 'ë'),
        ('i', "acute", 'í'),
        ('i', "grave", 'ì'),
        ('i', "circ", 'î'),
        ('i', "uml", 'ï'),
        ('o', "acute", 'ó'),
        ('o', "grave", 'ò'),
        ('o', "circ", 'ô'),
        ('o', "uml", 'ö'),
        ('o', "tilde", 'õ'),
        ('o', "slash", 'ø'),
        ('u', "acute", 'ú'),
        ('u', "grave", 'ù'),
        ('u', "circ", 'û'),
        ('u', "uml", 'ü'),
        ('c', "cedil", 'ç'),
        ('n', "tilde", 'ñ'),
        ('y', "acute", 'ý'),
        ('y', "uml", 'ÿ'),
    ];
    let lower = base.to_ascii_lowercase();
    let found = table
        .iter()
        .find(|(b, a, _)| *b == lower && *a == accent)
        .map(|(_, _, c)| *c)?;
    if base.is_ascii_uppercase() {
        found.to_uppercase().next()
    } else {
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_join_and_entities_decode() {
        let t = html_to_text("<p>BSN: <span>123</span><span>456</span>782</p><p>a&nbsp;b &#49;&#x32; &euml;&Eacute;</p>");
        assert!(t.contains("BSN: 123456782"), "{t}");
        assert!(t.contains("a\u{a0}b 12 ëÉ"), "{t}");
    }

    #[test]
    fn blocks_break_and_scripts_vanish() {
        let t = html_to_text(
            "<div>een</div><div>twee</div><script>var x='geheim';</script><style>p{}</style>drie",
        );
        assert_eq!(t.trim(), "een\ntwee\ndrie");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in [
            "<",
            "&",
            "&#;",
            "&#xffffffff;",
            "<a",
            "<!--",
            "é&euml",
            "<p>€&",
        ] {
            let _ = html_to_text(s);
        }
    }
}
