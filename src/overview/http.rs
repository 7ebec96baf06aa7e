//! The overview's routes on the portal's listener:
//!
//! ```text
//! GET  /beheer               the overview (a session), else -> /beheer/login
//! GET  /beheer/login         username, password, TOTP code
//! POST /beheer/login         check all three; session cookie    -> /beheer
//! POST /beheer/revoke        revoke one unopened pickup (CSRF)   -> /beheer
//! POST /beheer/logout        end the session (CSRF)              -> /beheer/login
//! GET  /beheer/audit?q=      the audit events of a message id or an address
//! GET  /beheer/overview.css  the page's extra rules
//! ```
//!
//! Every response carries the portal's headers (the same CSP, HSTS,
//! no-referrer, nosniff, no-store, frame denial). The session cookie is
//! HttpOnly, Secure, SameSite=Strict, scoped to `/beheer`; its token is
//! stored hashed; it ends after `session_idle_secs` without a request and
//! `session_max_secs` after the login. Failed logins are counted per client
//! (IPv6 per /64) and per account name; past `max_login_failures` in the
//! window every login from there is refused, right or wrong. A wrong
//! username, password or code all give the same answer. Audit:
//! `operator-login`, `operator-login-failed`, `operator-logout`; a revoke
//! is audited by the pickup as `revoked` with actor `operator:<name>`.

use super::pages::{self, Lang};
use super::{db, totp, Overview};
use crate::audit::AuditEvent;
use crate::pickup::tls::ClientAddr;
use axum::extract::{ConnectInfo, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;

pub(super) type App = State<Arc<Overview>>;

const COOKIE: &str = "sluis_beheer";
/// The portal's Content-Security-Policy; the integration test checks that
/// both answer with the same one.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub fn router(overview: Arc<Overview>) -> Router {
    Router::new()
        .route("/beheer", get(show))
        .route("/beheer/", get(show))
        .route("/beheer/login", get(login_page).post(login))
        .route("/beheer/revoke", post(revoke))
        .route("/beheer/logout", post(logout))
        .route("/beheer/overview.css", get(css))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(overview)
}

pub(super) async fn security_headers(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    for (name, value) in [
        ("content-security-policy", CSP),
        (
            "strict-transport-security",
            "max-age=31536000; includeSubDomains",
        ),
        ("referrer-policy", "no-referrer"),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("cache-control", "no-store"),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    resp
}

async fn css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        pages::CSS,
    )
        .into_response()
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The language (`?lang=` wins and is remembered, as in the portal) and
/// whether to set the cookie.
pub(super) fn lang(headers: &HeaderMap, q: &Option<String>) -> (Lang, bool) {
    let asked = q
        .as_deref()
        .unwrap_or("")
        .split('&')
        .find_map(|kv| kv.strip_prefix("lang="));
    match asked {
        Some("en") => (Lang::En, true),
        Some("nl") => (Lang::Nl, true),
        _ if cookie(headers, "sluis_lang") == Some("en") => (Lang::En, false),
        _ => (Lang::Nl, false),
    }
}

pub(super) fn html(
    o: &Overview,
    (l, set_lang): (Lang, bool),
    status: StatusCode,
    path: &str,
    title: &str,
    body: maud::Markup,
) -> Response {
    let page = pages::page(l, &o.config.pickup.practice_name, path, title, body);
    let mut resp = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response();
    if set_lang {
        let v = format!(
            "sluis_lang={}; Path=/; Secure; SameSite=Strict; Max-Age=31536000",
            l.code()
        );
        if let Ok(v) = HeaderValue::from_str(&v) {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

pub(super) fn see_other(location: &str) -> Response {
    let mut resp = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

fn clear_cookie(mut resp: Response) -> Response {
    let v = format!("{COOKIE}=; Path=/beheer; HttpOnly; Secure; SameSite=Strict; Max-Age=0");
    if let Ok(v) = HeaderValue::from_str(&v) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

fn random_token() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut b = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut b);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

fn token_hash(token: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}

/// The key failed logins of a client are counted under: the address, or
/// its /64 for IPv6 (one host usually has a whole /64).
fn client_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(a) => format!("ip:{a}"),
        IpAddr::V6(a) => {
            let s = a.segments();
            format!("ip6:{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// The session behind the request's cookie, if it is still valid (touched).
pub(super) async fn session(o: &Overview, headers: &HeaderMap) -> Option<(String, db::SessionRow)> {
    let token = cookie(headers, COOKIE)?;
    let hash = token_hash(token);
    let row = match db::session(&o.store, &hash).await {
        Ok(r) => r?,
        Err(e) => {
            tracing::warn!(error = %e, "overview: cannot read session");
            return None;
        }
    };
    let now = crate::now_ms();
    let c = &o.config.overview;
    let idle = now - row.last_seen_ms > (c.session_idle_secs as i64).saturating_mul(1000);
    let old = now - row.created_ms > (c.session_max_secs as i64).saturating_mul(1000);
    if idle || old {
        let _ = db::delete_session(&o.store, &hash).await;
        return None;
    }
    if let Err(e) = db::touch_session(&o.store, &hash, now).await {
        tracing::warn!(error = %e, "overview: cannot touch session");
    }
    Some((hash, row))
}

async fn login_page(State(o): App, headers: HeaderMap, q: RawQuery) -> Response {
    let l = lang(&headers, &q.0);
    let title = l.0.t("Inloggen beheer", "Operator login");
    html(
        &o,
        l,
        StatusCode::OK,
        "/beheer/login",
        title,
        pages::login(l.0, None),
    )
}

async fn login(
    State(o): App,
    ConnectInfo(addr): ConnectInfo<ClientAddr>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let l = lang(&headers, &None);
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
    // Bounded before anything is done with them.
    let username: String = field("username").trim().chars().take(200).collect();
    let password: String = field("password").chars().take(1024).collect();
    let code = field("totp");
    let ip = addr.0.ip();
    let keys = [client_key(ip), format!("user:{}", username.to_lowercase())];
    let tenant = if o.limiter.blocked(&keys, crate::now_ms()) {
        None
    } else {
        check_login(&o, &username, &password, code).await
    };
    let Some(tenant) = tenant else {
        o.limiter.fail(&keys, crate::now_ms());
        o.audit.record(
            AuditEvent::new(&o.config.tenant.name, "operator-login-failed", "operator")
                .ip(ip)
                .detail(serde_json::json!({ "user": mask(&username) })),
        );
        let err = l.0.t(
            "Inloggen mislukt: gebruikersnaam, wachtwoord of code onjuist, of te veel pogingen. Probeer het later opnieuw.",
            "Login failed: wrong username, password or code, or too many attempts. Please try again later.",
        );
        return html(
            &o,
            l,
            StatusCode::UNAUTHORIZED,
            "/beheer/login",
            l.0.t("Inloggen mislukt", "Login failed"),
            pages::login(l.0, Some(err)),
        );
    };
    // Only the name's count: one good login must not wipe a client's
    // failures with other names.
    o.limiter.clear(&keys[1..]);
    let token = random_token();
    let now = crate::now_ms();
    let row = db::SessionRow {
        username: username.clone(),
        tenant: tenant.clone(),
        csrf: random_token(),
        created_ms: now,
        last_seen_ms: now,
    };
    if let Err(e) = db::insert_session(&o.store, &token_hash(&token), &row).await {
        tracing::error!(error = %e, "overview: cannot store session");
        return html(
            &o,
            l,
            StatusCode::INTERNAL_SERVER_ERROR,
            "/beheer/login",
            l.0.t("Er ging iets mis", "Something went wrong"),
            pages::message(
                l.0,
                l.0.t("Probeer het later opnieuw.", "Please try again later."),
            ),
        );
    }
    o.audit
        .record(AuditEvent::new(&tenant, "operator-login", &format!("operator:{username}")).ip(ip));
    let mut resp = see_other("/beheer");
    let v = format!(
        "{COOKIE}={token}; Path=/beheer; HttpOnly; Secure; SameSite=Strict; Max-Age={}",
        o.config.overview.session_max_secs
    );
    if let Ok(v) = HeaderValue::from_str(&v) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

/// "ab***" for the audit of a failed login (a password typed into the
/// username field must not land in the audit whole).
fn mask(username: &str) -> String {
    let head: String = username.chars().take(2).collect();
    format!("{head}***")
}

/// Password (argon2id, on the blocking pool; a dummy hash for an unknown
/// name so it costs the same), the operator role, then the TOTP code, whose
/// step is used up. The account's practice when all three are right.
async fn check_login(o: &Overview, username: &str, password: &str, code: &str) -> Option<String> {
    let account = match o.store.account(username).await {
        Ok(a) => a,
        Err(e) => {
            tracing::error!(error = %e, "overview: cannot read account");
            return None;
        }
    };
    let hash = account
        .as_ref()
        .filter(|a| !a.disabled)
        .map(|a| a.password_hash.clone())
        .unwrap_or_else(|| crate::accounts::dummy_hash().to_string());
    let password = password.to_string();
    let good =
        tokio::task::spawn_blocking(move || crate::accounts::verify_password(&password, &hash))
            .await
            .unwrap_or(false);
    let account = account.filter(|a| good && !a.disabled)?;
    let totp = match db::totp(&o.store, username).await {
        Ok(t) => t?,
        Err(e) => {
            tracing::error!(error = %e, "overview: cannot read operator");
            return None;
        }
    };
    let now = crate::now_ms() / 1000;
    let step = totp::verify(
        &totp.secret,
        code,
        now,
        o.config.overview.totp_skew_steps,
        totp.last_step,
    )?;
    let fresh = db::use_step(&o.store, &account.username, step)
        .await
        .unwrap_or(false);
    fresh.then_some(account.tenant)
}

async fn show(State(o): App, headers: HeaderMap, q: RawQuery) -> Response {
    let l = lang(&headers, &q.0);
    let Some((_, s)) = session(&o, &headers).await else {
        return see_other("/beheer/login");
    };
    let notice =
        q.0.as_deref()
            .unwrap_or("")
            .split('&')
            .find_map(|kv| match kv {
                "ingetrokken=1" => Some(l.0.t(
                    "De ophaallink is ingetrokken; het bericht is verwijderd.",
                    "The pickup link has been revoked; the message has been deleted.",
                )),
                "ingetrokken=0" => Some(l.0.t(
                    "Deze ophaallink was al ingetrokken of verlopen.",
                    "This pickup link was already revoked or expired.",
                )),
                _ => None,
            });
    match o.page_data(&s.tenant).await {
        Ok((stats, unopened, cut)) => {
            let view = pages::View {
                lang: l.0,
                operator: &s.username,
                csrf: &s.csrf,
                now_ms: crate::now_ms(),
                stats: &stats,
                unopened: &unopened,
                unopened_cut: cut,
                notice,
            };
            html(
                &o,
                l,
                StatusCode::OK,
                "/beheer",
                l.0.t("Praktijkoverzicht", "Practice overview"),
                pages::overview(&view),
            )
        }
        Err(e) => {
            tracing::error!(error = %e, "overview: cannot read the store");
            html(
                &o,
                l,
                StatusCode::INTERNAL_SERVER_ERROR,
                "/beheer",
                l.0.t("Er ging iets mis", "Something went wrong"),
                pages::message(
                    l.0,
                    l.0.t(
                        "De gegevens konden niet worden gelezen. Probeer het later opnieuw.",
                        "The data could not be read. Please try again later.",
                    ),
                ),
            )
        }
    }
}

fn forbidden(o: &Overview, l: (Lang, bool)) -> Response {
    html(
        o,
        l,
        StatusCode::FORBIDDEN,
        "/beheer",
        l.0.t("Geen toegang", "No access"),
        pages::message(
            l.0,
            l.0.t(
                "Dit verzoek is geweigerd (verlopen formulier). Open het overzicht opnieuw.",
                "This request was refused (stale form). Open the overview again.",
            ),
        ),
    )
}

fn csrf_ok(s: &db::SessionRow, form: &HashMap<String, String>) -> bool {
    let given = form.get("csrf").map(String::as_str).unwrap_or("");
    crate::pickup::crypto::ct_eq(&s.csrf, given)
}

async fn revoke(
    State(o): App,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let l = lang(&headers, &None);
    let Some((_, s)) = session(&o, &headers).await else {
        return see_other("/beheer/login");
    };
    if !csrf_ok(&s, &form) {
        return forbidden(&o, l);
    }
    let id = form.get("pickup").map(String::as_str).unwrap_or("");
    // Only a pickup of the operator's own practice.
    match crate::pickup::db::pickup(&o.store, id).await {
        Ok(Some(row)) if row.tenant == s.tenant => {}
        Ok(_) => return forbidden(&o, l),
        Err(e) => {
            tracing::error!(error = %e, "overview: cannot read pickup");
            return forbidden(&o, l);
        }
    }
    match o
        .pickup
        .revoke(id, &format!("operator:{}", s.username))
        .await
    {
        Ok(true) => see_other("/beheer?ingetrokken=1"),
        Ok(false) => see_other("/beheer?ingetrokken=0"),
        Err(e) => {
            tracing::error!(error = %e, "overview: revoke failed");
            forbidden(&o, l)
        }
    }
}

async fn logout(
    State(o): App,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let l = lang(&headers, &None);
    let Some((hash, s)) = session(&o, &headers).await else {
        return clear_cookie(see_other("/beheer/login"));
    };
    if !csrf_ok(&s, &form) {
        return forbidden(&o, l);
    }
    let _ = db::delete_session(&o.store, &hash).await;
    o.audit.record(AuditEvent::new(
        &s.tenant,
        "operator-logout",
        &format!("operator:{}", s.username),
    ));
    clear_cookie(see_other("/beheer/login"))
}
