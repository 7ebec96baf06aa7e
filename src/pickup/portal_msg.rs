//! Portal handlers behind a session (`/m/{pickup}`: message, attachment,
//! reply, logout) and the sender's revoke link (`/r/{pickup}/{sig}`).
//! Each `/m` request is authorised for the pickup in its URL; POSTs also
//! need the session's CSRF token.

use super::pages;
use super::portal_http::{client, cookie, ctx, error_page, html, query, see_other, App};
use super::service::Client;
use super::tls::ClientAddr;
use super::{crypto::Secret, mail, view, Pickup, PickupError};
use axum::body::Body;
use axum::extract::{ConnectInfo, Multipart, Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Form;
use std::collections::HashMap;

/// The session for the pickup in the URL, from its cookie.
pub(super) async fn opened(
    p: &Pickup,
    headers: &HeaderMap,
    pid: &str,
) -> Result<super::Opened, PickupError> {
    let token = cookie(headers, "sluis_session").ok_or(PickupError::NoSession)?;
    let token = Secret::parse(token).map_err(|_| PickupError::NoSession)?;
    p.session(&token, pid).await
}

pub(super) async fn message(
    State(p): App,
    Path(pid): Path<String>,
    headers: HeaderMap,
    q: RawQuery,
) -> Response {
    let c = ctx(&headers, &q.0, format!("/m/{pid}"));
    let result = async {
        let o = opened(&p, &headers, &pid).await?;
        let v = p.view(&o).await?;
        Ok::<_, PickupError>((o, v))
    }
    .await;
    let (o, v) = match result {
        Ok(x) => x,
        Err(e) => return error_page(&p, &c, &e),
    };
    let notice = query(&q.0).contains_key("replied").then(|| {
        c.lang
            .t("Uw antwoord is verstuurd.", "Your reply has been sent.")
    });
    let body = pages::message(c.lang, &pid, &v, o.row.expires_ms, &o.csrf, notice);
    html(
        &p,
        &c,
        StatusCode::OK,
        c.lang.t("Uw bericht", "Your message"),
        body,
    )
}

/// RFC 6266 / 5987 Content-Disposition with an ASCII fallback.
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '_' | ' ' | '(' | ')') {
                ch
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

pub(super) async fn attachment(
    State(p): App,
    Path((pid, index)): Path<(String, String)>,
    ConnectInfo(addr): ConnectInfo<ClientAddr>,
    headers: HeaderMap,
) -> Response {
    let c = ctx(&headers, &None, format!("/m/{pid}"));
    let result = async {
        let o = opened(&p, &headers, &pid).await?;
        let index: usize = index.parse().map_err(|_| PickupError::NotFound)?;
        let raw = p.message(&o).await?;
        let a = view::attachment(&raw, index).ok_or(PickupError::NotFound)?;
        p.record_download(&o, index, &a.name, &client(addr, &headers));
        Ok::<_, PickupError>(a)
    }
    .await;
    let a = match result {
        Ok(a) => a,
        Err(e) => return error_page(&p, &c, &e),
    };
    let ctype = if a
        .content_type
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/.+-".contains(&b))
    {
        a.content_type.clone()
    } else {
        "application/octet-stream".into()
    };
    let mut resp = Response::new(Body::from(a.data));
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&ctype) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&content_disposition(&a.name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

pub(super) async fn reply(
    State(p): App,
    Path(pid): Path<String>,
    ConnectInfo(addr): ConnectInfo<ClientAddr>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let c = ctx(&headers, &None, format!("/m/{pid}"));
    match reply_inner(&p, &pid, &headers, multipart, &client(addr, &headers)).await {
        Ok(()) => see_other(&format!("/m/{pid}?replied=1")),
        Err(e) => error_page(&p, &c, &e),
    }
}

async fn reply_inner(
    p: &Pickup,
    pid: &str,
    headers: &HeaderMap,
    mut multipart: Multipart,
    client: &Client,
) -> Result<(), PickupError> {
    let o = opened(p, headers, pid).await?;
    let cfg = p.cfg();
    let bad = |m: &str| PickupError::Reply(m.to_string());
    let (mut csrf, mut text, mut files, mut total) =
        (String::new(), String::new(), Vec::new(), 0u64);
    while let Some(field) = multipart.next_field().await.map_err(|_| bad("form"))? {
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let ctype = field
            .content_type()
            .unwrap_or("application/octet-stream")
            .to_string();
        let data = field.bytes().await.map_err(|_| bad("form"))?;
        total += data.len() as u64;
        if total > cfg.max_reply_size {
            return Err(bad("too large"));
        }
        match name.as_str() {
            "csrf" => csrf = String::from_utf8_lossy(&data).into_owned(),
            "text" => text = String::from_utf8_lossy(&data).into_owned(),
            "files" => {
                let Some(fname) = file_name.filter(|f| !f.is_empty()) else {
                    continue;
                };
                if data.is_empty() {
                    continue;
                }
                if files.len() >= cfg.max_reply_attachments {
                    return Err(bad("too many attachments"));
                }
                files.push(mail::ReplyFile {
                    name: view::clean_name(&fname, files.len()),
                    content_type: ctype,
                    data: data.to_vec(),
                });
            }
            _ => {}
        }
    }
    if !super::crypto::ct_eq(&csrf, &o.csrf) {
        return Err(PickupError::Forbidden);
    }
    if text.trim().is_empty() && files.is_empty() {
        return Err(bad("empty"));
    }
    let v = p.view(&o).await?;
    let subject = if v.subject.to_ascii_lowercase().starts_with("re:") {
        v.subject.clone()
    } else {
        format!("Re: {}", v.subject)
    };
    let n = files.len();
    let author = mail::ReplyAuthor {
        address: &o.row.recipient,
        name: v.name_of(&o.row.recipient),
    };
    let raw = mail::reply(
        cfg,
        &author,
        &o.row.sender,
        &subject,
        &text,
        v.message_id.as_deref(),
        files,
    )
    .map_err(PickupError::Mail)?;
    p.reply(&o, raw, n, client).await
}

pub(super) async fn logout(
    State(p): App,
    Path(pid): Path<String>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let c = ctx(&headers, &None, format!("/m/{pid}"));
    let result = async {
        let o = opened(&p, &headers, &pid).await?;
        let csrf = form.get("csrf").map(String::as_str).unwrap_or("");
        if !super::crypto::ct_eq(csrf, &o.csrf) {
            return Err(PickupError::Forbidden);
        }
        let token = cookie(&headers, "sluis_session").unwrap_or("");
        p.logout(&Secret::parse(token)?).await
    }
    .await;
    if let Err(e) = result {
        return error_page(&p, &c, &e);
    }
    let l = c.lang;
    let mut resp = html(
        &p,
        &c,
        StatusCode::OK,
        l.t("Afgemeld", "Logged out"),
        pages::simple(
            l.t(
                "U bent afgemeld. U kunt dit venster sluiten.",
                "You have logged out. You can close this window.",
            ),
            false,
        ),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "sluis_session=; Path=/m/{pid}; HttpOnly; Secure; SameSite=Strict; Max-Age=0"
    )) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

pub(super) async fn revoke_page(
    State(p): App,
    Path((pid, tag)): Path<(String, String)>,
    headers: HeaderMap,
    q: RawQuery,
) -> Response {
    let c = ctx(&headers, &q.0, format!("/r/{pid}/{tag}"));
    if !p.verify_revoke_tag(&pid, &tag) {
        return error_page(&p, &c, &PickupError::NotFound);
    }
    let body = pages::revoke_confirm(c.lang, &pid, &tag);
    html(
        &p,
        &c,
        StatusCode::OK,
        c.lang.t("Bericht intrekken", "Revoke message"),
        body,
    )
}

pub(super) async fn revoke(
    State(p): App,
    Path((pid, tag)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let c = ctx(&headers, &None, format!("/r/{pid}/{tag}"));
    if !p.verify_revoke_tag(&pid, &tag) {
        return error_page(&p, &c, &PickupError::NotFound);
    }
    match p.revoke(&pid, "sender-link").await {
        Ok(_) => {
            let l = c.lang;
            html(
                &p,
                &c,
                StatusCode::OK,
                l.t("Bericht ingetrokken", "Message revoked"),
                pages::simple(
                    l.t(
                        "Het bericht is ingetrokken en verwijderd. De ontvanger kan het niet meer openen.",
                        "The message has been revoked and deleted. The recipient can no longer open it.",
                    ),
                    false,
                ),
            )
        }
        Err(e) => error_page(&p, &c, &e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_disposition_has_ascii_fallback_and_rfc5987_name() {
        let d = content_disposition("uitslag Jansen ë\"x.pdf");
        assert!(
            d.starts_with("attachment; filename=\"uitslag Jansen __x.pdf\""),
            "{d}"
        );
        assert!(
            d.ends_with("filename*=UTF-8''uitslag%20Jansen%20%C3%AB%22x.pdf"),
            "{d}"
        );
    }
}
