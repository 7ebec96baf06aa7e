//! Server-rendered portal pages (no JavaScript). Every dynamic value is
//! HTML-escaped here; pages are Dutch by default with an English switch,
//! and follow WCAG 2.1 AA basics: `lang` attribute, labels on every field,
//! visible focus, high-contrast colours, one `h1` per page.

use super::mail::{esc, format_time};
use super::view::MessageView;

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
    pub fn t<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

pub const CSS: &str = "\
body{font-family:system-ui,sans-serif;font-size:1.05rem;line-height:1.5;color:#1a1a1a;background:#fff;margin:0}\
header{background:#00466e;color:#fff;padding:.8rem 1.2rem;display:flex;justify-content:space-between;align-items:center}\
header a{color:#fff}main{max-width:44rem;margin:1.5rem auto;padding:0 1.2rem}\
h1{font-size:1.5rem}label{display:block;font-weight:600;margin:.8rem 0 .3rem}\
input[type=text],textarea{font-size:1.1rem;padding:.5rem;border:2px solid #555;border-radius:4px;width:100%;box-sizing:border-box}\
button{display:block;font-size:1.05rem;background:#00466e;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;margin-top:.8rem;cursor:pointer}\
button.secondary{background:#fff;color:#00466e;border:2px solid #00466e}\
a:focus,button:focus,input:focus,textarea:focus{outline:3px solid #ffbf47;outline-offset:2px}\
.error{border-left:5px solid #b00020;padding:.5rem 1rem;background:#fdecee}\
.notice{border-left:5px solid #00703c;padding:.5rem 1rem;background:#e8f5ee}\
.meta{color:#444}.body{white-space:pre-wrap;word-wrap:break-word;border:1px solid #ccc;padding:1rem;border-radius:4px}\
ul.files li{margin:.3rem 0}footer{max-width:44rem;margin:2rem auto;padding:0 1.2rem;color:#444;font-size:.9rem}";

/// The frame of every page. `path` is the current path (for the switch).
pub fn page(lang: Lang, practice: &str, path: &str, title: &str, body: &str) -> String {
    let (other, label) = match lang {
        Lang::Nl => ("en", "English"),
        Lang::En => ("nl", "Nederlands"),
    };
    format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>{title} – {practice}</title><link rel=\"stylesheet\" href=\"/static/portal.css\"></head>\
<body><header><span>{practice}</span><a href=\"{path}?lang={other}\" lang=\"{other}\">{label}</a></header>\
<main><h1>{title}</h1>{body}</main><footer>{foot}</footer></body></html>",
        code = lang.code(),
        title = esc(title),
        practice = esc(practice),
        path = esc(path),
        foot = esc(lang.t(
            "Beveiligde berichtenservice. Deel deze pagina niet met anderen.",
            "Secure message service. Do not share this page with others."
        )),
    )
}

/// Landing page of a link: request a code.
pub fn landing(lang: Lang, secret: &str, expires_ms: i64, by_sms: bool) -> (String, String) {
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
    let body = format!(
        "<p>{intro}</p><p>{how}</p><p class=\"meta\">{avail} {until}</p>\
<form method=\"post\" action=\"/p/{s}/code\"><button type=\"submit\">{btn}</button></form>",
        intro = esc(lang.t(
            "Er staat een beveiligd bericht voor u klaar.",
            "A secure message is waiting for you."
        )),
        how = esc(how),
        avail = esc(lang.t("Beschikbaar tot", "Available until")),
        until = esc(&format_time(expires_ms)),
        s = esc(secret),
        btn = esc(lang.t("Stuur mij een code", "Send me a code")),
    );
    (
        lang.t("Beveiligd bericht", "Secure message").to_string(),
        body,
    )
}

/// Code entry page.
pub fn verify(lang: Lang, secret: &str, notice: Option<&str>, error: Option<&str>) -> String {
    let mut body = String::new();
    if let Some(n) = notice {
        body.push_str(&format!(
            "<p class=\"notice\" role=\"status\">{}</p>",
            esc(n)
        ));
    }
    if let Some(e) = error {
        body.push_str(&format!("<p class=\"error\" role=\"alert\">{}</p>", esc(e)));
    }
    body.push_str(&format!(
        "<form method=\"post\" action=\"/p/{s}/verify\"><label for=\"code\">{label}</label>\
<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" \
required maxlength=\"12\"><button type=\"submit\">{btn}</button></form>\
<form method=\"post\" action=\"/p/{s}/code\"><button type=\"submit\" class=\"secondary\">{again}</button></form>",
        s = esc(secret),
        label = esc(lang.t("Eenmalige code", "One-time code")),
        btn = esc(lang.t("Bericht openen", "Open message")),
        again = esc(lang.t("Nieuwe code sturen", "Send a new code")),
    ));
    body
}

/// The message with attachments, reply form and logout.
pub fn message(
    lang: Lang,
    pid: &str,
    v: &MessageView,
    expires_ms: i64,
    csrf: &str,
    notice: Option<&str>,
) -> String {
    let mut body = String::new();
    if let Some(n) = notice {
        body.push_str(&format!(
            "<p class=\"notice\" role=\"status\">{}</p>",
            esc(n)
        ));
    }
    let date = if v.date.is_empty() {
        String::new()
    } else {
        format!("{}: {}<br>", esc(lang.t("Datum", "Date")), esc(&v.date))
    };
    body.push_str(&format!(
        "<p class=\"meta\">{from_l}: {from}<br>{date}{subj_l}: {subj}<br>{exp_l}: {exp}</p>\
<h2>{msg_l}</h2><div class=\"body\">{text}</div>",
        from_l = esc(lang.t("Van", "From")),
        from = esc(&v.from),
        subj_l = esc(lang.t("Onderwerp", "Subject")),
        subj = esc(&v.subject),
        exp_l = esc(lang.t("Beschikbaar tot", "Available until")),
        exp = esc(&format_time(expires_ms)),
        msg_l = esc(lang.t("Bericht", "Message")),
        text = esc(&v.body),
    ));
    if !v.attachments.is_empty() {
        body.push_str(&format!(
            "<h2>{}</h2><ul class=\"files\">",
            esc(lang.t("Bijlagen", "Attachments"))
        ));
        for a in &v.attachments {
            body.push_str(&format!(
                "<li><a href=\"/m/{pid}/a/{i}\" download>{name}</a> ({kb} kB)</li>",
                pid = esc(pid),
                i = a.index,
                name = esc(&a.name),
                kb = a.size.div_ceil(1024),
            ));
        }
        body.push_str("</ul>");
    }
    body.push_str(&format!(
        "<h2>{reply_h}</h2><form method=\"post\" action=\"/m/{pid}/reply\" enctype=\"multipart/form-data\">\
<input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><label for=\"text\">{text_l}</label>\
<textarea id=\"text\" name=\"text\" rows=\"6\" required></textarea>\
<label for=\"files\">{files_l}</label><input type=\"file\" id=\"files\" name=\"files\" multiple>\
<button type=\"submit\">{send}</button></form>\
<form method=\"post\" action=\"/m/{pid}/logout\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
<button type=\"submit\" class=\"secondary\">{logout}</button></form>",
        reply_h = esc(lang.t("Antwoorden", "Reply")),
        pid = esc(pid),
        csrf = esc(csrf),
        text_l = esc(lang.t("Uw antwoord", "Your reply")),
        files_l = esc(lang.t("Bijlagen toevoegen (optioneel)", "Add attachments (optional)")),
        send = esc(lang.t("Antwoord versturen", "Send reply")),
        logout = esc(lang.t("Afmelden", "Log out")),
    ));
    body
}

/// A page with one paragraph (notices and errors); `error` styles it.
pub fn simple(text: &str, error: bool) -> String {
    let class = if error { "error" } else { "notice" };
    let role = if error { "alert" } else { "status" };
    format!("<p class=\"{class}\" role=\"{role}\">{}</p>", esc(text))
}

/// Revoke confirmation form (GET never changes anything).
pub fn revoke_confirm(lang: Lang, pid: &str, tag: &str) -> String {
    format!(
        "<p>{q}</p><form method=\"post\" action=\"/r/{pid}/{tag}\"><button type=\"submit\">{btn}</button></form>",
        q = esc(lang.t(
            "Wilt u dit bericht intrekken? De ontvanger kan het daarna niet meer openen.",
            "Do you want to revoke this message? The recipient can no longer open it afterwards."
        )),
        pid = esc(pid),
        tag = esc(tag),
        btn = esc(lang.t("Bericht intrekken", "Revoke message")),
    )
}
