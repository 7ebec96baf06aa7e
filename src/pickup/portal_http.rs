//! What every handler of the pickup portal shares: the app state, reading
//! a request (cookies, query, language, client address) and answering it
//! (pages, redirects, error pages). The handlers are in `portal` (link and
//! code) and `portal_msg` (the message behind a session).

use super::pages::{self, Lang};
use super::service::Client;
use super::tls::ClientAddr;
use super::{Pickup, PickupError};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::Arc;

pub(super) type App = State<Arc<Pickup>>;

pub(super) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub(super) fn query(raw: &Option<String>) -> HashMap<String, String> {
    raw.as_deref()
        .unwrap_or("")
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Language from `?lang=` (remembered in a cookie) or the cookie; Dutch by default.
pub(super) struct Ctx {
    pub(super) lang: Lang,
    set_lang: bool,
    path: String,
}

pub(super) fn ctx(headers: &HeaderMap, raw: &Option<String>, path: String) -> Ctx {
    let q = query(raw);
    let (lang, set_lang) = match q.get("lang").map(String::as_str) {
        Some("en") => (Lang::En, true),
        Some("nl") => (Lang::Nl, true),
        _ => (
            if cookie(headers, "sluis_lang") == Some("en") {
                Lang::En
            } else {
                Lang::Nl
            },
            false,
        ),
    };
    Ctx {
        lang,
        set_lang,
        path,
    }
}

pub(super) fn client(addr: ClientAddr, headers: &HeaderMap) -> Client {
    Client {
        ip: addr.0.ip(),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .chars()
            .take(200)
            .collect(),
    }
}

/// A whole page around `body`, which only a `maud` template in `pages`
/// makes (so it is escaped markup, never an HTML string).
pub(super) fn html(
    p: &Pickup,
    c: &Ctx,
    status: StatusCode,
    title: &str,
    body: maud::Markup,
) -> Response {
    let page = pages::page(c.lang, &p.cfg().practice_name, &c.path, title, body);
    let mut resp = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response();
    if c.set_lang {
        let v = format!(
            "sluis_lang={}; Path=/; Secure; SameSite=Strict; Max-Age=31536000",
            c.lang.code()
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

/// The page for an error: status and bilingual text.
pub(super) fn error_page(p: &Pickup, c: &Ctx, err: &PickupError) -> Response {
    let b = |nl: &'static str, en: &'static str| (nl, en);
    let (status, title, text) = match err {
        PickupError::Gone => (
            StatusCode::GONE,
            b("Link niet meer geldig", "Link no longer valid"),
            b(
                "Deze link is onbekend, ingetrokken of verlopen. Het bericht is niet meer beschikbaar. Neem zo nodig contact op met de afzender.",
                "This link is unknown, revoked or expired. The message is no longer available. Please contact the sender if needed.",
            ),
        ),
        PickupError::Locked => (
            StatusCode::GONE,
            b("Link geblokkeerd", "Link locked"),
            b(
                "Voor deze link zijn te veel codes aangevraagd. Hij is daarom geblokkeerd en het bericht is niet meer beschikbaar. De afzender is ingelicht; neem zo nodig contact op met de afzender.",
                "Too many codes were requested for this link. It has therefore been locked and the message is no longer available. The sender has been told; please contact the sender if needed.",
            ),
        ),
        PickupError::RateLimited => (
            StatusCode::TOO_MANY_REQUESTS,
            b("Te veel pogingen", "Too many attempts"),
            b("Te veel pogingen. Probeer het later opnieuw.", "Too many attempts. Please try again later."),
        ),
        PickupError::NoSession => (
            StatusCode::UNAUTHORIZED,
            b("Sessie verlopen", "Session expired"),
            b(
                "Uw sessie is verlopen of u bent afgemeld. Open de link uit uw e-mail opnieuw.",
                "Your session has expired or you logged out. Open the link from your e-mail again.",
            ),
        ),
        PickupError::Forbidden => (
            StatusCode::FORBIDDEN,
            b("Geen toegang", "No access"),
            b("U heeft geen toegang tot dit bericht.", "You do not have access to this message."),
        ),
        PickupError::NotFound => (
            StatusCode::NOT_FOUND,
            b("Niet gevonden", "Not found"),
            b("Deze pagina bestaat niet.", "This page does not exist."),
        ),
        PickupError::Send(_) => (
            StatusCode::BAD_GATEWAY,
            b("Code niet verstuurd", "Code not sent"),
            b("De code kon niet worden verstuurd. Probeer het over enkele minuten opnieuw.", "The code could not be sent. Please try again in a few minutes."),
        ),
        PickupError::Reply(_) => (
            StatusCode::BAD_REQUEST,
            b("Antwoord niet verstuurd", "Reply not sent"),
            b("Uw antwoord kon niet worden verstuurd. Probeer het opnieuw of neem contact op met de afzender.", "Your reply could not be sent. Please try again or contact the sender."),
        ),
        _ => {
            tracing::error!(error = %err, "pickup portal error");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                b("Er ging iets mis", "Something went wrong"),
                b("Er ging iets mis. Probeer het later opnieuw.", "Something went wrong. Please try again later."),
            )
        }
    };
    // Dutch first, then English, whatever the chosen language.
    let body = pages::bilingual_error(text.0, text.1);
    html(p, c, status, c.lang.t(title.0, title.1), body)
}
