//! Server-rendered portal pages (no JavaScript), written as `maud`
//! templates: the markup is checked when the crate compiles, and every
//! value spliced into it, text or attribute, is HTML-escaped by `maud`
//! unless wrapped in `PreEscaped`, which this module never does. A page's
//! body is a `Markup` value that only an `html!` template makes, so no
//! function here takes an HTML string. Pages are Dutch by default with an
//! English switch, and follow WCAG 2.1 AA basics: `lang` attribute, labels
//! on every field, visible focus, high-contrast colours, one `h1` per page.

use super::view::{BodyPart, MessageView};
use maud::{html, Markup, DOCTYPE};
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
    /// A moment in Amsterdam time, written out in this language
    /// ("6 januari 2027, 01:48").
    pub fn date(self, ms: i64) -> String {
        match self {
            Lang::Nl => crate::local_time::long_date_nl(ms),
            Lang::En => crate::local_time::long_date_en(ms),
        }
    }

    pub fn t<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

/// Served as `/static/portal.css` (the CSP allows no inline style). The
/// focus ring is near-black on the light page and yellow in the dark
/// header, at least 3:1 against every background it is drawn on (WCAG
/// 1.4.11; asserted in `pages_tests`).
pub const CSS: &str = "\
body{font-family:system-ui,sans-serif;font-size:1.05rem;line-height:1.5;color:#1a1a1a;background:#fff;margin:0}\
header{background:#00466e;color:#fff;padding:.8rem 1.2rem;display:flex;justify-content:space-between;align-items:center}\
header a{color:#fff}main{max-width:44rem;margin:1.5rem auto;padding:0 1.2rem}\
h1{font-size:1.5rem}label{display:block;font-weight:600;margin:.8rem 0 .3rem}\
input[type=text],textarea{font-size:1.1rem;padding:.5rem;border:2px solid #555;border-radius:4px;width:100%;box-sizing:border-box}\
button{display:block;font-size:1.05rem;background:#00466e;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;margin-top:.8rem;cursor:pointer}\
button.secondary{background:#fff;color:#00466e;border:2px solid #00466e}\
a:focus,button:focus,input:focus,textarea:focus{outline:3px solid #1a1a1a;outline-offset:2px}\
header a:focus{outline:3px solid #ffbf47;outline-offset:2px}\
.error{border-left:5px solid #b00020;padding:.5rem 1rem;background:#fdecee}\
.notice{border-left:5px solid #00703c;padding:.5rem 1rem;background:#e8f5ee}\
.meta{color:#444}.body{white-space:pre-wrap;word-wrap:break-word;border:1px solid #ccc;padding:1rem;border-radius:4px}\
ul.files li{margin:.3rem 0}.body+.body{margin-top:.8rem}\
.body.html{white-space:normal;overflow-x:auto}.html table{border-collapse:collapse}\
.html td,.html th{border:1px solid #767676;padding:.2rem .5rem;text-align:left;vertical-align:top}footer{max-width:44rem;margin:2rem auto;padding:0 1.2rem;color:#444;font-size:.9rem}";

/// The frame of every page. `path` is the current path (for the switch);
/// `title` and `practice` are plain text.
pub fn page(lang: Lang, practice: &str, path: &str, title: &str, body: Markup) -> String {
    let (other, label) = match lang {
        Lang::Nl => ("en", "Read in English"),
        Lang::En => ("nl", "Lees in het Nederlands"),
    };
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width,initial-scale=1";
                title { (title) " – " (practice) }
                link rel="stylesheet" href="/static/portal.css";
            }
            body {
                header {
                    span { (practice) }
                    a href={ (path) "?lang=" (other) } lang=(other) { (label) }
                }
                main {
                    h1 { (title) }
                    (body)
                }
                footer {
                    (lang.t(
                        "Beveiligde berichtenservice. Deel deze pagina niet met anderen.",
                        "Secure message service. Do not share this page with others."
                    ))
                }
            }
        }
    }
    .into_string()
}

/// Landing page of a link: request a code. It says what the notification
/// says (the English reader comes here from its "Read in English" link):
/// who sent it, how the code comes, until when, how to reach the practice
/// and how to check the mail is genuine. Returns the title and the body.
pub fn landing(
    lang: Lang,
    cfg: &crate::config::PickupConfig,
    secret: &str,
    expires_ms: i64,
    by_sms: bool,
) -> (String, Markup) {
    let (contact_nl, contact_en) = super::mail::contact_lines(cfg);
    let (genuine_nl, genuine_en) = super::mail::genuine_lines(cfg);
    let practice = cfg.practice_name.trim();
    let sent = match lang {
        Lang::Nl => format!("{practice} heeft u een beveiligd bericht gestuurd."),
        Lang::En => format!("{practice} has sent you a secure message."),
    };
    let how = if by_sms {
        lang.t(
            "Om het bericht te openen sturen wij u een eenmalige code per sms.",
            "To open the message we send you a one-time code by text message (SMS).",
        )
    } else {
        lang.t(
            "Om het bericht te openen sturen wij u een eenmalige code per e-mail.",
            "To open the message we send you a one-time code by e-mail.",
        )
    };
    let body = html! {
        p { (sent) }
        p { (how) }
        p class="meta" {
            (lang.t("Beschikbaar tot", "Available until")) " " (lang.date(expires_ms))
        }
        form method="post" action={ "/p/" (secret) "/code" } {
            button type="submit" { (lang.t("Stuur mij een code", "Send me a code")) }
        }
        p { (lang.t(&contact_nl, &contact_en)) }
        p { (lang.t(&genuine_nl, &genuine_en)) }
    };
    (
        lang.t("Beveiligd bericht", "Secure message").to_string(),
        body,
    )
}

/// A status line (`notice`) or an error (`alert`), if there is one.
fn banner(text: Option<&str>, error: bool) -> Markup {
    html! {
        @if let Some(t) = text {
            @if error {
                p class="error" role="alert" { (t) }
            } @else {
                p class="notice" role="status" { (t) }
            }
        }
    }
}

/// What the code page tells about codes: how long one is valid, how many
/// tries a code allows, and after a wrong code how many are left.
#[derive(Clone, Copy, Debug)]
pub struct CodeInfo {
    pub valid_minutes: u64,
    pub max_tries: u32,
    /// Tries left for the current code (after a wrong one), if known.
    pub left: Option<u32>,
}

/// Code entry page: how long a code is valid, how many tries are left, the
/// field focused.
pub fn verify(
    lang: Lang,
    secret: &str,
    info: CodeInfo,
    notice: Option<&str>,
    error: Option<&str>,
) -> Markup {
    let (minutes, max) = (info.valid_minutes, info.max_tries);
    let valid = match lang {
        Lang::Nl => format!(
            "Een code is {minutes} minuten geldig en werkt één keer. U kunt een code {max} keer proberen."
        ),
        Lang::En => format!(
            "A code is valid for {minutes} minutes and works once. You can try a code {max} times."
        ),
    };
    let left = info.left.map(|n| match (lang, n) {
        (Lang::Nl, 0) => {
            "U heeft geen pogingen meer voor deze code. Vraag een nieuwe code aan.".to_string()
        }
        (Lang::En, 0) => "You have no tries left for this code. Request a new code.".to_string(),
        (Lang::Nl, 1) => "U heeft nog 1 poging voor deze code.".to_string(),
        (Lang::En, 1) => "You have 1 try left for this code.".to_string(),
        (Lang::Nl, n) => format!("U heeft nog {n} pogingen voor deze code."),
        (Lang::En, n) => format!("You have {n} tries left for this code."),
    });
    html! {
        (banner(notice, false))
        (banner(error, true))
        @if let Some(l) = &left {
            p class="tries" { strong { (l) } }
        }
        p class="meta" { (valid) }
        form method="post" action={ "/p/" (secret) "/verify" } {
            label for="code" { (lang.t("Eenmalige code", "One-time code")) }
            input type="text" id="code" name="code" inputmode="numeric"
                autocomplete="one-time-code" required maxlength="12" autofocus;
            button type="submit" { (lang.t("Bericht openen", "Open message")) }
        }
        form method="post" action={ "/p/" (secret) "/code" } {
            button type="submit" class="secondary" {
                (lang.t("Nieuwe code sturen", "Send a new code"))
            }
        }
    }
}

/// The message with attachments, reply form and logout.
pub fn message(
    lang: Lang,
    pid: &str,
    v: &MessageView,
    expires_ms: i64,
    csrf: &str,
    notice: Option<&str>,
) -> Markup {
    html! {
        (banner(notice, false))
        p class="meta" {
            (lang.t("Van", "From")) ": " (v.from) br;
            @if let Some(ms) = v.date_ms {
                (lang.t("Datum", "Date")) ": " (lang.date(ms)) br;
            } @else if !v.date.is_empty() {
                (lang.t("Datum", "Date")) ": " (v.date) br;
            }
            (lang.t("Onderwerp", "Subject")) ": " (v.subject) br;
            (lang.t("Beschikbaar tot", "Available until")) ": " (lang.date(expires_ms))
        }
        h2 { (lang.t("Bericht", "Message")) }
        @if v.parts.is_empty() {
            div class="body" { (v.body) }
        }
        @for part in &v.parts {
            @match part {
                BodyPart::Text(t) => div class="body" { (t) },
                // Cleaned by the allow-list re-serialiser; written here
                // element by element, every text escaped.
                BodyPart::Html(nodes) => div class="body html" {
                    (super::safe_html::render(nodes))
                },
            }
        }
        @if !v.attachments.is_empty() {
            h2 { (lang.t("Bijlagen", "Attachments")) }
            ul class="files" {
                @for a in &v.attachments {
                    li {
                        a href={ "/m/" (pid) "/a/" (a.index) } download { (a.name) }
                        " (" (a.size.div_ceil(1024)) " kB)"
                    }
                }
            }
        }
        h2 { (lang.t("Antwoorden", "Reply")) }
        form method="post" action={ "/m/" (pid) "/reply" } enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(csrf);
            label for="text" { (lang.t("Uw antwoord", "Your reply")) }
            textarea id="text" name="text" rows="6" required {}
            label for="files" {
                (lang.t("Bijlagen toevoegen (optioneel)", "Add attachments (optional)"))
            }
            input type="file" id="files" name="files" multiple;
            button type="submit" { (lang.t("Antwoord versturen", "Send reply")) }
        }
        form method="post" action={ "/m/" (pid) "/logout" } {
            input type="hidden" name="csrf" value=(csrf);
            button type="submit" class="secondary" { (lang.t("Afmelden", "Log out")) }
        }
    }
}

/// A page with one paragraph (notices and errors); `error` styles it.
pub fn simple(text: &str, error: bool) -> Markup {
    banner(Some(text), error)
}

/// An error text in Dutch, then in English whatever the chosen language.
pub fn bilingual_error(nl: &str, en: &str) -> Markup {
    html! {
        (simple(nl, true))
        div lang="en" { (simple(en, true)) }
    }
}

/// Revoke confirmation form (GET never changes anything).
pub fn revoke_confirm(lang: Lang, pid: &str, tag: &str) -> Markup {
    html! {
        p {
            (lang.t(
                "Wilt u dit bericht intrekken? De ontvanger kan het daarna niet meer openen.",
                "Do you want to revoke this message? The recipient can no longer open it afterwards."
            ))
        }
        form method="post" action={ "/r/" (pid) "/" (tag) } {
            button type="submit" { (lang.t("Bericht intrekken", "Revoke message")) }
        }
    }
}

#[cfg(test)]
#[path = "pages_tests.rs"]
mod tests;
