//! Hostile values in every HTML the pickup writes: a subject, file name,
//! sender, link path or practice name that holds markup must come out as
//! text, in element content and in attribute values alike.

use super::*;
use crate::pickup::view::AttachmentInfo;

const SCRIPT: &str = "<script>alert(1)</script>";
const BREAKOUT: &str = "\"><img src=x onerror=alert(2)>";

/// Neither payload survives as markup; both are there as escaped text.
fn assert_escaped(html: &str) {
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"),
        "{html}"
    );
}

fn hostile() -> String {
    format!("{SCRIPT}{BREAKOUT}")
}

#[test]
fn the_message_page_escapes_sender_subject_body_date_and_file_names() {
    let h = hostile();
    let v = MessageView {
        from: format!("{h} <a@b.nl>"),
        date: h.clone(),
        subject: h.clone(),
        body: h.clone(),
        message_id: None,
        attachments: vec![AttachmentInfo {
            index: 0,
            name: format!("{h}.pdf"),
            content_type: "application/pdf".into(),
            size: 10,
        }],
        named: vec![],
        date_ms: None,
        parts: vec![],
    };
    let body = message(Lang::Nl, &h, &v, 0, &h, Some(&h)).into_string();
    assert_escaped(&body);
    // Six texts (sender, date, subject, body, file name, notice), the
    // pickup id in three URLs and the CSRF token in two fields.
    assert_eq!(body.matches("&lt;script&gt;").count(), 11, "{body}");
    // In attributes: the pickup id in each form and link, the CSRF token.
    assert!(body.contains("action=\"/m/&lt;script&gt;"), "{body}");
    assert!(body.contains("href=\"/m/&lt;script&gt;"), "{body}");
    assert!(
        body.contains("name=\"csrf\" value=\"&lt;script&gt;"),
        "{body}"
    );
    let whole = page(
        Lang::Nl,
        &h,
        &h,
        &h,
        message(Lang::En, "p", &v, 0, "c", None),
    );
    assert_escaped(&whole);
}

#[test]
fn link_code_and_revoke_pages_escape_the_values_from_the_url() {
    let h = hostile();
    let cfg = crate::config::PickupConfig {
        practice_name: h.clone(),
        practice_phone: h.clone(),
        ..crate::config::PickupConfig::default()
    };
    let (title, body) = landing(Lang::Nl, &cfg, &h, 0, true);
    assert_escaped(&page(Lang::Nl, "Praktijk", &h, &title, body));
    assert_escaped(&verify(Lang::En, &h, info(None), Some(&h), Some(&h)).into_string());
    assert_escaped(&revoke_confirm(Lang::Nl, &h, &h).into_string());
    assert_escaped(&simple(&h, false).into_string());
    assert_escaped(&bilingual_error(&h, &h).into_string());
}

#[test]
fn the_page_frame_escapes_practice_title_and_path() {
    let h = hostile();
    let out = page(Lang::En, &h, &h, &h, simple("x", true));
    assert_escaped(&out);
    assert!(out.contains("<html lang=\"en\">"), "{out}");
    // The language switch keeps the path inside its attribute.
    assert!(out.contains("href=\"&lt;script&gt;"), "{out}");
}

#[test]
fn the_notification_html_escapes_practice_subject_and_link() {
    let h = hostile();
    let cfg = crate::config::PickupConfig {
        notify_show_subject: true,
        practice_name: h.clone(),
        practice_phone: h.clone(),
        practice_website: h.clone(),
        ..crate::config::PickupConfig::default()
    };
    let raw = super::super::mail::notification(&cfg, "p@x.nl", Some(&h), &h, 0, true, Some(&h))
        .expect("notification builds");
    let parsed = mail_parser::MessageParser::default()
        .parse(&raw)
        .expect("notification parses");
    let html = parsed.body_html(0).expect("an HTML alternative");
    assert_escaped(&html);
    assert!(html.contains("<a href=\"&lt;script&gt;"), "{html}");
}

/// No template in the pickup writes unescaped text: `PreEscaped` (maud's
/// way to splice raw HTML) appears in the code of none of its files.
#[test]
fn no_pickup_file_splices_raw_html() {
    let files = [
        ("pages.rs", include_str!("pages.rs")),
        ("mail.rs", include_str!("mail.rs")),
        ("portal.rs", include_str!("portal.rs")),
        ("portal_http.rs", include_str!("portal_http.rs")),
        ("portal_msg.rs", include_str!("portal_msg.rs")),
        ("view.rs", include_str!("view.rs")),
        ("safe_html.rs", include_str!("safe_html.rs")),
    ];
    let needle = ["Pre", "Escaped"].concat();
    for (name, text) in files {
        // Comments may name it (to say it is not used); code may not.
        let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
        for line in code {
            assert!(!line.contains(&needle), "{name} uses {needle}: {line}");
        }
    }
}

#[test]
fn the_message_page_shows_the_date_in_amsterdam_time_per_language() {
    let v = MessageView {
        date: "Wed, 6 Jan 2027 00:48:08 +0000".into(),
        // 2027-01-06 00:48:08 UTC
        date_ms: Some(1_799_196_488_000),
        ..MessageView::default()
    };
    let nl = message(Lang::Nl, "pid", &v, 0, "csrf", None).into_string();
    assert!(nl.contains("Datum: 6 januari 2027, 01:48"), "{nl}");
    assert!(!nl.contains("+0000"), "{nl}");
    let en = message(Lang::En, "pid", &v, 0, "csrf", None).into_string();
    assert!(en.contains("Date: 6 January 2027, 01:48"), "{en}");
}

fn info(left: Option<u32>) -> CodeInfo {
    CodeInfo {
        valid_minutes: 10,
        max_tries: 5,
        left,
    }
}

#[test]
fn the_code_page_says_how_long_a_code_is_valid_and_focuses_the_field() {
    let nl = verify(Lang::Nl, "s", info(None), None, None).into_string();
    assert!(nl.contains("Een code is 10 minuten geldig"), "{nl}");
    assert!(nl.contains("U kunt een code 5 keer proberen."), "{nl}");
    assert!(nl.contains("autofocus"), "{nl}");
    assert!(!nl.contains("pogingen voor deze code"), "{nl}");
    let en = verify(Lang::En, "s", info(None), None, None).into_string();
    assert!(en.contains("A code is valid for 10 minutes"), "{en}");
    assert!(en.contains("You can try a code 5 times."), "{en}");
}

#[test]
fn after_a_wrong_code_the_page_says_how_many_tries_are_left() {
    let nl = verify(Lang::Nl, "s", info(Some(3)), None, Some("x")).into_string();
    assert!(
        nl.contains("U heeft nog 3 pogingen voor deze code."),
        "{nl}"
    );
    let one = verify(Lang::En, "s", info(Some(1)), None, Some("x")).into_string();
    assert!(one.contains("You have 1 try left for this code."), "{one}");
    let none = verify(Lang::Nl, "s", info(Some(0)), None, Some("x")).into_string();
    assert!(none.contains("geen pogingen meer"), "{none}");
}

/// WCAG 2.x relative luminance of `#rrggbb` or `#rgb`.
fn luminance(hex: &str) -> f64 {
    let h = hex.trim_start_matches('#');
    let h: String = if h.len() == 3 {
        h.chars().flat_map(|c| [c, c]).collect()
    } else {
        h.to_string()
    };
    assert_eq!(h.len(), 6, "colour {hex}");
    let ch = |i: usize| {
        let v = f64::from(u8::from_str_radix(&h[i..i + 2], 16).expect("hex colour")) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * ch(0) + 0.7152 * ch(2) + 0.0722 * ch(4)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The declarations of the CSS rule whose selector list holds `selector`.
fn rule(selector: &str) -> &'static str {
    CSS.split('}')
        .filter_map(|r| r.split_once('{'))
        .find(|(sels, _)| sels.split(',').any(|s| s.trim() == selector))
        .map(|(_, decls)| decls)
        .unwrap_or_else(|| panic!("no CSS rule for {selector}"))
}

/// The first colour (`#…`) of property `prop` in a rule.
fn colour(selector: &str, prop: &str) -> String {
    let decls = rule(selector);
    let value = decls
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .find(|(p, _)| p.trim() == prop)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("{selector} has no {prop}: {decls}"));
    let at = value
        .find('#')
        .unwrap_or_else(|| panic!("no colour in {value}"));
    value[at..]
        .chars()
        .take_while(|c| *c == '#' || c.is_ascii_hexdigit())
        .collect()
}

#[test]
fn the_focus_ring_has_3_to_1_contrast_on_every_background_it_is_drawn_on() {
    // The contrast function itself: the old ring was 1.6:1 on white.
    assert!(contrast("#ffbf47", "#fff") < 1.7);
    assert!((contrast("#000", "#fff") - 21.0).abs() < 0.01);
    let ring = colour("button:focus", "outline");
    for sel in ["a:focus", "input:focus", "textarea:focus"] {
        assert_eq!(colour(sel, "outline"), ring, "{sel}");
    }
    // Everything focusable in the page body sits on one of these.
    let light = [
        ("body", colour("body", "background")),
        ("button.secondary", colour("button.secondary", "background")),
        (".error", colour(".error", "background")),
        (".notice", colour(".notice", "background")),
    ];
    for (name, bg) in &light {
        let c = contrast(&ring, bg);
        assert!(c >= 3.0, "focus ring {ring} on {name} {bg}: {c:.2}:1");
    }
    // The language link in the header has its own ring for the dark bar.
    let header_ring = colour("header a:focus", "outline");
    let header_bg = colour("header", "background");
    let c = contrast(&header_ring, &header_bg);
    assert!(
        c >= 3.0,
        "focus ring {header_ring} on header {header_bg}: {c:.2}:1"
    );
}

#[test]
fn the_link_page_says_what_the_notification_says_and_offers_english_first_dutch() {
    let cfg = crate::config::PickupConfig {
        practice_name: "Huisartsenpraktijk De Sluis".into(),
        practice_phone: "020-1234567".into(),
        practice_website: "https://www.praktijkdesluis.nl".into(),
        ..crate::config::PickupConfig::default()
    };
    let (title, body) = landing(Lang::En, &cfg, "s", 0, true);
    let en = page(Lang::En, "P", "/p/s", &title, body);
    assert!(
        en.contains("Huisartsenpraktijk De Sluis has sent you a secure message."),
        "{en}"
    );
    assert!(
        en.contains("phone 020-1234567, website https://www.praktijkdesluis.nl"),
        "{en}"
    );
    assert!(
        en.contains("Do not click; call Huisartsenpraktijk De Sluis on 020-1234567."),
        "{en}"
    );
    assert!(en.contains("never ask for a password"), "{en}");
    // The switch back to Dutch, a plain link (no JavaScript).
    assert!(
        en.contains("<a href=\"/p/s?lang=nl\" lang=\"nl\">Lees in het Nederlands</a>"),
        "{en}"
    );
    let (title, body) = landing(Lang::Nl, &cfg, "s", 0, true);
    let nl = page(Lang::Nl, "P", "/p/s", &title, body);
    assert!(nl.contains("<html lang=\"nl\">"), "{nl}");
    assert!(
        nl.contains("heeft u een beveiligd bericht gestuurd."),
        "{nl}"
    );
    assert!(
        nl.contains("<a href=\"/p/s?lang=en\" lang=\"en\">Read in English</a>"),
        "{nl}"
    );
    assert!(!nl.contains("<script"), "{nl}");
}

#[test]
fn an_html_part_is_shown_as_cleaned_html_and_a_text_part_as_text() {
    use crate::pickup::view::BodyPart;
    let v = MessageView {
        parts: vec![
            BodyPart::Text("<b>platte tekst</b>".into()),
            BodyPart::Html(crate::pickup::safe_html::clean(
                "<table><tr><td onclick=x()>HbA1c</td></tr></table><img src=http://t.example/x>",
            )),
        ],
        ..MessageView::default()
    };
    let page = message(Lang::Nl, "pid", &v, 0, "csrf", None).into_string();
    assert!(
        page.contains("<div class=\"body\">&lt;b&gt;platte tekst&lt;/b&gt;</div>"),
        "{page}"
    );
    assert!(
        page.contains("<div class=\"body html\"><table><tr><td>HbA1c</td></tr></table></div>"),
        "{page}"
    );
    assert!(!page.contains("t.example"), "{page}");
}
