//! The overview's audit search: `GET /beheer/audit?q=` shows every audit
//! event of a message id or about a recipient address, of the operator's
//! own practice only, oldest first, at most `overview.max_audit_rows`. The
//! same events as `sluis audit message|recipient`: content free by
//! construction (the audit holds no text, subject or code; opened document
//! names are sealed to the practice's audit key and stay so here).

use super::http::{html, lang, see_other, session, App};
use super::pages::Lang;
use crate::store::AuditRecord;
use axum::extract::{Query, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{html, Markup};
use std::collections::HashMap;

/// Longest query taken (an address is at most 320 characters).
const MAX_QUERY: usize = 320;
/// Characters of an event's detail shown.
const MAX_DETAIL: usize = 400;

/// The search's route, with the overview's headers.
pub(super) fn router(overview: std::sync::Arc<super::Overview>) -> axum::Router {
    axum::Router::new()
        .route("/beheer/audit", axum::routing::get(search))
        .layer(axum::middleware::map_response(
            super::http::security_headers,
        ))
        .with_state(overview)
}

async fn search(
    State(o): App,
    headers: HeaderMap,
    raw: RawQuery,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let l = lang(&headers, &raw.0);
    let Some((_, s)) = session(&o, &headers).await else {
        return see_other("/beheer/login");
    };
    let q: String = params
        .get("q")
        .map(|q| q.trim().chars().take(MAX_QUERY).collect())
        .unwrap_or_default();
    let title = l.0.t("Audit zoeken", "Search the audit trail");
    if q.is_empty() {
        return html(
            &o,
            l,
            StatusCode::OK,
            "/beheer/audit",
            title,
            page(l.0, &q, None, false),
        );
    }
    let found = async {
        let mut rows = o.store.audit_for_message(&q).await?;
        rows.extend(o.store.audit_for_recipient(&q).await?);
        Ok::<_, crate::store::StoreError>(rows)
    }
    .await;
    match found {
        Ok(mut rows) => {
            rows.retain(|r| r.tenant == s.tenant);
            rows.sort_by(|a, b| a.time_ms.cmp(&b.time_ms).then_with(|| a.id.cmp(&b.id)));
            rows.dedup_by(|a, b| a.id == b.id);
            let max = o.config.overview.max_audit_rows as usize;
            let cut = rows.len() > max;
            rows.truncate(max);
            html(
                &o,
                l,
                StatusCode::OK,
                "/beheer/audit",
                title,
                page(l.0, &q, Some(&rows), cut),
            )
        }
        Err(e) => {
            tracing::error!(error = %e, "overview: audit search failed");
            html(
                &o,
                l,
                StatusCode::INTERNAL_SERVER_ERROR,
                "/beheer/audit",
                title,
                super::pages::message(
                    l.0,
                    l.0.t(
                        "De audit kon niet worden gelezen. Probeer het later opnieuw.",
                        "The audit trail could not be read. Please try again later.",
                    ),
                ),
            )
        }
    }
}

fn detail(r: &AuditRecord) -> String {
    let text = if r.detail.is_null() {
        String::new()
    } else {
        r.detail.to_string()
    };
    if text.chars().count() <= MAX_DETAIL {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_DETAIL - 1).collect();
    cut.push('…');
    cut
}

fn page(l: Lang, q: &str, rows: Option<&[AuditRecord]>, cut: bool) -> Markup {
    html! {
        p { a href="/beheer" { (l.t("Terug naar het overzicht", "Back to the overview")) } }
        (super::pages::audit_form(l, q))
        @if let Some(rows) = rows {
            @if rows.is_empty() {
                p role="status" { (l.t("Geen gebeurtenissen gevonden voor", "No events found for")) " " (q) "." }
            } @else {
                table {
                    caption { (rows.len()) " " (l.t("gebeurtenissen voor", "events for")) " " (q) }
                    thead { tr {
                        th scope="col" { (l.t("Tijd", "Time")) }
                        th scope="col" { (l.t("Gebeurtenis", "Event")) }
                        th scope="col" { (l.t("Door", "By")) }
                        th scope="col" { (l.t("Bericht", "Message")) }
                        th scope="col" { (l.t("Ontvanger", "Recipient")) }
                        th scope="col" { (l.t("Details", "Details")) }
                    } }
                    tbody {
                        @for r in rows {
                            tr {
                                td { (l_date(l, r.time_ms)) }
                                th scope="row" { (r.kind) }
                                td { (r.actor) }
                                td { (r.message_id.as_deref().unwrap_or("-")) }
                                td { (r.recipient.as_deref().unwrap_or("-")) }
                                td { code { (detail(r)) } }
                            }
                        }
                    }
                }
                @if cut {
                    p class="meta" { (l.t("Meer gebeurtenissen dan getoond; zie sluis audit.",
                        "More events than shown; see sluis audit.")) }
                }
            }
        }
    }
}

fn l_date(l: Lang, ms: i64) -> String {
    match l {
        Lang::Nl => crate::local_time::long_date_nl(ms),
        Lang::En => crate::local_time::long_date_en(ms),
    }
}
