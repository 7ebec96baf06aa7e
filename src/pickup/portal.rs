//! The pickup portal (axum, HTTPS, server-rendered, no JavaScript):
//!
//! ```text
//! GET  /p/{secret}            landing: ask for a code
//! POST /p/{secret}/code       send a code (SMS or e-mail)      -> /p/{secret}/verify
//! GET  /p/{secret}/verify     code entry
//! POST /p/{secret}/verify     check; session cookie             -> /m/{pickup}
//! GET  /m/{pickup}            message, attachments, reply form
//! GET  /m/{pickup}/a/{n}      one attachment (download)
//! POST /m/{pickup}/reply      reply with attachments (multipart, CSRF token)
//! POST /m/{pickup}/logout     end the session (CSRF token)
//! GET  /r/{pickup}/{sig}      sender: confirm revoke;  POST: revoke
//! ```
//!
//! Every response carries a strict CSP, HSTS, no-referrer, nosniff and
//! no-store. The session cookie is HttpOnly, Secure, SameSite=Strict and
//! scoped to `/m/{pickup}`; each request is authorised for the pickup in
//! its URL. Errors become bilingual pages that reveal nothing more than
//! "unknown, revoked or expired".

use super::pages;
use super::portal_http::{client, ctx, error_page, html, query, see_other, App};
use super::portal_msg::{attachment, logout, message, reply, revoke, revoke_page};
use super::tls::ClientAddr;
use super::{crypto::Secret, Pickup, PickupError};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// The portal's routes (for `serve_portal`, or a test harness).
pub fn router(pickup: Arc<Pickup>) -> Router {
    let reply_limit = (pickup.cfg().max_reply_size as usize).saturating_add(256 * 1024);
    Router::new()
        .route("/static/portal.css", get(css))
        .route("/p/{secret}", get(landing))
        .route("/p/{secret}/code", axum::routing::post(request_code))
        .route("/p/{secret}/verify", get(verify_page).post(verify))
        .route("/m/{pid}", get(message))
        .route("/m/{pid}/a/{index}", get(attachment))
        .route(
            "/m/{pid}/reply",
            axum::routing::post(reply).layer(DefaultBodyLimit::max(reply_limit)),
        )
        .route("/m/{pid}/logout", axum::routing::post(logout))
        .route("/r/{pid}/{tag}", get(revoke_page).post(revoke))
        .fallback(not_found)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(pickup)
}

/// Serve the portal over TLS on a bound listener until `shutdown` resolves.
pub async fn serve_portal(
    pickup: Arc<Pickup>,
    listener: tokio::net::TcpListener,
    tls: Arc<rustls::ServerConfig>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let cfg = pickup.cfg();
    let limits = super::tls::Limits {
        max_connections: cfg.max_connections,
        handshake_timeout: Duration::from_secs(cfg.handshake_timeout_secs),
        header_read_timeout: Duration::from_secs(cfg.header_read_timeout_secs),
    };
    super::tls::serve(router(pickup), listener, &tls, limits, shutdown).await
}

async fn security_headers(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    let set = |h: &mut HeaderMap, name: &'static str, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(
        h,
        "strict-transport-security",
        "max-age=31536000; includeSubDomains",
    );
    set(h, "referrer-policy", "no-referrer");
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "cache-control", "no-store");
    resp
}

async fn css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        pages::CSS,
    )
        .into_response()
}

async fn not_found(State(p): App, headers: HeaderMap, q: RawQuery) -> Response {
    let c = ctx(&headers, &q.0, "/".into());
    error_page(&p, &c, &PickupError::NotFound)
}

async fn landing(
    State(p): App,
    Path(secret): Path<String>,
    headers: HeaderMap,
    q: RawQuery,
) -> Response {
    let c = ctx(&headers, &q.0, format!("/p/{secret}"));
    let row = match Secret::parse(&secret) {
        Ok(s) => p.by_secret(&s).await,
        Err(_) => Err(PickupError::Gone),
    };
    match row {
        Ok(row) => {
            let (title, body) = pages::landing(
                c.lang,
                p.cfg(),
                &secret,
                row.expires_ms,
                row.phone.is_some(),
            );
            html(&p, &c, StatusCode::OK, &title, body)
        }
        Err(e) => error_page(&p, &c, &e),
    }
}

async fn request_code(
    State(p): App,
    Path(secret): Path<String>,
    ConnectInfo(addr): ConnectInfo<ClientAddr>,
    headers: HeaderMap,
) -> Response {
    let c = ctx(&headers, &None, format!("/p/{secret}"));
    let result = match Secret::parse(&secret) {
        Ok(s) => p.request_code(&s, &client(addr, &headers)).await,
        Err(_) => Err(PickupError::Gone),
    };
    match result {
        Ok(_) => see_other(&format!("/p/{secret}/verify?sent=1")),
        Err(e) => error_page(&p, &c, &e),
    }
}

async fn verify_page(
    State(p): App,
    Path(secret): Path<String>,
    headers: HeaderMap,
    q: RawQuery,
) -> Response {
    let c = ctx(&headers, &q.0, format!("/p/{secret}/verify"));
    let row = match Secret::parse(&secret) {
        Ok(s) => p.by_secret(&s).await,
        Err(_) => Err(PickupError::Gone),
    };
    let row = match row {
        Ok(r) => r,
        Err(e) => return error_page(&p, &c, &e),
    };
    let sent = query(&q.0).contains_key("sent");
    let notice = match (&row.phone, sent) {
        (Some(phone), true) => Some(format!(
            "{} {}.",
            c.lang
                .t("We hebben een code gestuurd naar", "We sent a code to"),
            super::crypto::mask_phone(phone)
        )),
        (None, true) => Some(
            c.lang
                .t(
                    "We hebben een code naar uw e-mailadres gestuurd.",
                    "We sent a code to your e-mail address.",
                )
                .to_string(),
        ),
        _ => None,
    };
    let title = c.lang.t("Code invoeren", "Enter code");
    let body = pages::verify(
        c.lang,
        &secret,
        code_info(&p, None),
        notice.as_deref(),
        None,
    );
    html(&p, &c, StatusCode::OK, title, body)
}

async fn verify(
    State(p): App,
    Path(secret): Path<String>,
    ConnectInfo(addr): ConnectInfo<ClientAddr>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let c = ctx(&headers, &None, format!("/p/{secret}/verify"));
    let code = form.get("code").map(String::as_str).unwrap_or("");
    let result = match Secret::parse(&secret) {
        Ok(s) => p.verify_code(&s, code, &client(addr, &headers)).await,
        Err(_) => Err(PickupError::Gone),
    };
    let l = c.lang;
    let mut left = None;
    let error = match result {
        Ok((token, pid)) => {
            let mut resp = see_other(&format!("/m/{pid}"));
            let v = format!(
                "sluis_session={}; Path=/m/{pid}; HttpOnly; Secure; SameSite=Strict; Max-Age={}",
                token.encode(),
                p.cfg().session_max_secs
            );
            if let Ok(v) = HeaderValue::from_str(&v) {
                resp.headers_mut().append(header::SET_COOKIE, v);
            }
            return resp;
        }
        Err(PickupError::WrongCode { left: n }) => {
            left = Some(n);
            l.t(
            "Deze code is onjuist. Controleer de code en probeer het opnieuw.",
                "This code is incorrect. Check the code and try again.",
            )
        }
        Err(PickupError::NoCode) => l.t(
            "Deze code is niet (meer) geldig: verlopen, al gebruikt of te vaak fout ingevoerd. Vraag een nieuwe code aan.",
            "This code is not valid (any more): expired, already used or entered wrongly too often. Request a new code.",
        ),
        Err(e) => return error_page(&p, &c, &e),
    };
    let body = pages::verify(l, &secret, code_info(&p, left), None, Some(error));
    // Its own title: a screen reader user hears at once that the code failed.
    html(
        &p,
        &c,
        StatusCode::BAD_REQUEST,
        l.t(
            "Code onjuist - opnieuw invoeren",
            "Wrong code - enter it again",
        ),
        body,
    )
}

/// The code page's facts from the configuration (and the tries left).
fn code_info(p: &Pickup, left: Option<u32>) -> pages::CodeInfo {
    pages::CodeInfo {
        valid_minutes: p.cfg().code_ttl_secs.div_ceil(60),
        max_tries: p.cfg().code_max_attempts,
        left,
    }
}
