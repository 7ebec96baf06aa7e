//! The allow-list re-serialiser against hostile and ordinary mail HTML.

use super::*;

fn out(html: &str) -> String {
    render(&clean(html)).into_string()
}

/// Nothing that runs, loads, submits or styles survives: every element in
/// the output is on the allow-list and has no attribute other than a
/// cell's numeric span. (Text may say anything: it is escaped.)
fn assert_inert(o: &str) {
    let allowed = [
        "p",
        "br",
        "hr",
        "strong",
        "em",
        "u",
        "s",
        "sub",
        "sup",
        "code",
        "pre",
        "blockquote",
        "h3",
        "h4",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "div",
        "span",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
    ];
    for piece in o.split('<').skip(1) {
        let tag = piece.split('>').next().unwrap_or("");
        assert!(piece.contains('>'), "an unclosed tag <{piece} in {o}");
        let bare = tag.trim_start_matches('/');
        let name: String = bare
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(allowed.contains(&name.as_str()), "<{tag}> in {o}");
        for attr in bare.get(name.len()..).unwrap_or("").split_whitespace() {
            let ok = ["colspan=\"", "rowspan=\""].iter().any(|p| {
                attr.strip_prefix(p)
                    .and_then(|v| v.strip_suffix('"'))
                    .is_some_and(|v| v.parse::<u16>().is_ok_and(|n| (1..=100).contains(&n)))
            });
            assert!(ok, "attribute {attr} in {o}");
        }
    }
}

#[test]
fn tables_stay_tables_and_text_stays() {
    let o = out(
        "<table border=1 style=\"width:100%\"><tr><th>Waarde</th><th>Uitslag</th></tr>\
<tr><td>HbA1c</td><td colspan=\"2\" onclick=\"x()\">53 mmol/mol</td></tr></table>",
    );
    assert!(
        o.starts_with("<table><tr><th>Waarde</th><th>Uitslag</th></tr>"),
        "{o}"
    );
    assert!(
        o.contains("<td>HbA1c</td><td colspan=\"2\">53 mmol/mol</td>"),
        "{o}"
    );
    assert_inert(&o);
    // Implied end tags of an untidy table.
    let o = out("<table><tr><td>a<td>b<tr><td>c</table>na");
    assert_eq!(
        o,
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>na"
    );
}

#[test]
fn scripts_handlers_images_forms_links_and_css_are_removed() {
    let hostile = "<p onclick=\"evil()\" style=\"background:url(http://t.example/x.png)\">Hallo \
<b>daar</b></p><script>alert(1)</script><SCRIPT type=text/javascript>alert(2)</SCRIPT>\
<style>p{background:url(http://t.example/y)}</style>\
<img src=\"http://t.example/t.png\" onerror=\"alert(3)\"><img src=x onerror=alert(4)/>\
<form action=\"http://evil.example\"><input name=pw value=x><button>Verstuur</button></form>\
<a href=\"javascript:alert(5)\">klik</a><a href=\"http://phish.example\">bank</a>\
<iframe src=\"http://t.example\">iframe-tekst</iframe><svg><script>alert(6)</script></svg>\
<math><mi xlink:href=\"javascript:alert(7)\">m</mi></math>\
<object data=x></object><embed src=x><base href=\"http://evil.example/\">\
<link rel=stylesheet href=\"http://t.example/c.css\"><meta http-equiv=refresh content=\"0;url=http://x\">\
<div style=\"behavior:url(x.htc)\" class=x id=y>Einde</div>";
    let o = out(hostile);
    assert_inert(&o);
    for gone in ["alert", "iframe-tekst", "evil", "t.example", "phish"] {
        assert!(!o.contains(gone), "{gone} in {o}");
    }
    assert!(o.contains("<p>Hallo <strong>daar</strong></p>"), "{o}");
    assert!(o.contains("klik"), "{o}");
    assert!(o.contains("bank"), "{o}");
    assert!(o.contains("<div>Einde</div>"), "{o}");
}

#[test]
fn tricks_with_the_tokeniser_never_make_markup() {
    for trick in [
        "<scr<script>ipt>alert(1)</script>",
        "<<script>script>alert(1)<</script>/script>",
        "<p title=\"a>b\" onmouseover=alert(1)>x</p>",
        "<img src=x onerror=alert(1)//",
        "<!--><script>alert(1)</script>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;img src=x onerror=alert(1)&#62;",
        "<p/onclick=alert(1)>x",
        "<svg/onload=alert(1)>",
        "<td colspan=\"2 onclick=alert(1)\">x",
        "<td colspan=999>x</td>",
        "<p>\u{0}<script\u{0}>alert(1)</script>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<textarea><script>alert(1)</script></textarea>",
        "<style><img src=x onerror=alert(1)></style>",
    ] {
        let o = out(trick);
        assert_inert(&o);
        assert!(!o.contains("<script"), "{trick} -> {o}");
    }
    // Escaped markup in the mail stays visible text.
    assert_eq!(out("&lt;b&gt;"), "&lt;b&gt;");
}

#[test]
fn lists_headings_and_quotes_survive_and_nesting_is_limited() {
    let o = out("<h1>Uitslag</h1><ul><li>een<li>twee</ul><blockquote>citaat</blockquote>");
    assert_eq!(
        o,
        "<h3>Uitslag</h3><ul><li>een</li><li>twee</li></ul><blockquote>citaat</blockquote>"
    );
    let deep = "<div>".repeat(10_000) + "diep" + &"</div>".repeat(10_000);
    let o = out(&deep);
    assert!(o.contains("diep"));
    assert!(o.matches("<div>").count() <= MAX_DEPTH, "too deep");
    // Unclosed elements are closed; stray end tags are ignored.
    assert_eq!(out("</p></table><p><b>x"), "<p><strong>x</strong></p>");
}
