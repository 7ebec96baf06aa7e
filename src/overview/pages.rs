//! The overview's pages as `maud` templates (every spliced value escaped;
//! no `PreEscaped`, no JavaScript, no inline style). Dutch first with an
//! English switch, like the portal, whose stylesheet they share
//! (`/static/portal.css`) with a few rules of their own
//! (`/beheer/overview.css`). WCAG 2.1 AA: `lang`, one `h1`, a label on every
//! field, tables with headers and captions, charts with a text alternative
//! and their numbers in a table, every revoke button named after its row.

use super::charts;
use super::stats::{Stats, PICKUP_EVENTS, ROUTES, TLS_OUTCOMES};
use crate::pickup::db::PickupRow;
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
    pub fn t<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
    fn date(self, ms: i64) -> String {
        match self {
            Lang::Nl => crate::local_time::long_date_nl(ms),
            Lang::En => crate::local_time::long_date_en(ms),
        }
    }
}

/// Served as `/beheer/overview.css`, after the portal's stylesheet.
pub const CSS: &str = "\
main.wide,footer.wide{max-width:62rem}\
input[type=password]{font-size:1.1rem;padding:.5rem;border:2px solid #555;border-radius:4px;width:100%;box-sizing:border-box}\
input[type=text].short,input[type=password].short{max-width:22rem}\
svg.chart{width:100%;height:auto;max-width:720px;display:block;margin:.5rem 0}\
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;margin:.3rem 0}\
table{border-collapse:collapse;margin:.5rem 0;font-size:.95rem}\
th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}\
td.n{text-align:right}caption{text-align:left;font-weight:600;padding:.3rem 0}\
form.inline{margin:0}form.inline button{margin:0;padding:.3rem .8rem;font-size:.95rem}\
details{margin:.3rem 0 1.5rem}summary{cursor:pointer;color:#00466e;text-decoration:underline}\
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}\
td code{word-break:break-all;font-size:.85rem}.bar{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:.5rem}";

/// The frame of every overview page.
pub fn page(lang: Lang, practice: &str, path: &str, title: &str, body: Markup) -> String {
    let (other, label) = match lang {
        Lang::Nl => ("en", "English"),
        Lang::En => ("nl", "Nederlands"),
    };
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width,initial-scale=1";
                title { (title) " – " (practice) }
                link rel="stylesheet" href="/static/portal.css";
                link rel="stylesheet" href="/beheer/overview.css";
            }
            body {
                header {
                    span { (practice) " – " (lang.t("beheer", "operator")) }
                    a href={ (path) "?lang=" (other) } lang=(other) { (label) }
                }
                main class="wide" {
                    h1 { (title) }
                    (body)
                }
                footer class="wide" {
                    (lang.t(
                        "Alleen voor beheerders van de praktijk. Tijden in Nederlandse tijd.",
                        "For the practice's operators only. Times are Dutch local time."
                    ))
                }
            }
        }
    }
    .into_string()
}

/// The login form; `error` after a failed attempt.
pub fn login(lang: Lang, error: Option<&str>) -> Markup {
    html! {
        @if let Some(e) = error {
            p class="error" role="alert" { (e) }
        }
        p {
            (lang.t(
                "Log in met uw gebruikersnaam, wachtwoord en de code uit uw authenticator-app.",
                "Log in with your username, password and the code from your authenticator app."
            ))
        }
        form method="post" action="/beheer/login" {
            label for="username" { (lang.t("Gebruikersnaam", "Username")) }
            input type="text" class="short" id="username" name="username" autocomplete="username"
                required autofocus[error.is_none()];
            label for="password" { (lang.t("Wachtwoord", "Password")) }
            input type="password" class="short" id="password" name="password"
                autocomplete="current-password" required;
            label for="totp" { (lang.t("Code (6 cijfers)", "Code (6 digits)")) }
            input type="text" class="short" id="totp" name="totp" inputmode="numeric"
                autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required;
            button type="submit" { (lang.t("Inloggen", "Log in")) }
        }
    }
}

/// A short message page (forbidden, error) with a way back.
pub fn message(lang: Lang, text: &str) -> Markup {
    html! {
        p class="error" role="alert" { (text) }
        p { a href="/beheer" { (lang.t("Terug naar het overzicht", "Back to the overview")) } }
    }
}

fn route_name(lang: Lang, r: &str) -> &'static str {
    match (r, lang) {
        ("deliver", Lang::Nl) => "afgeleverd",
        ("deliver", Lang::En) => "delivered",
        ("encrypt", Lang::Nl) => "versleuteld",
        ("encrypt", Lang::En) => "encrypted",
        ("pickup", Lang::Nl) => "ophaallink",
        ("pickup", Lang::En) => "pickup link",
        (_, Lang::Nl) => "geblokkeerd",
        (_, Lang::En) => "blocked",
    }
}

fn tls_name(lang: Lang, o: &str) -> &'static str {
    match (o, lang) {
        ("dane", _) => "DANE",
        ("mta-sts", _) => "MTA-STS",
        ("pkix", Lang::Nl) => "TLS, certificaat gecontroleerd",
        ("pkix", Lang::En) => "TLS, certificate checked",
        ("tls", Lang::Nl) => "TLS zonder controle",
        ("tls", Lang::En) => "TLS, unauthenticated",
        ("clear", Lang::Nl) => "zonder TLS",
        ("clear", Lang::En) => "no TLS",
        (_, Lang::Nl) => "uitgesteld",
        (_, Lang::En) => "deferred",
    }
}

fn pickup_name(lang: Lang, k: &str) -> &'static str {
    match (k, lang) {
        ("pickup-parked", Lang::Nl) => "klaargezet",
        ("pickup-parked", Lang::En) => "parked",
        ("opened", Lang::Nl) => "geopend",
        ("opened", Lang::En) => "opened",
        ("expired", Lang::Nl) => "verlopen",
        ("expired", Lang::En) => "expired",
        ("revoked", Lang::Nl) => "ingetrokken",
        ("revoked", Lang::En) => "revoked",
        (_, Lang::Nl) => "vergrendeld",
        (_, Lang::En) => "locked",
    }
}

/// "7 dec" / "7 Dec" for a day number.
fn day_label(lang: Lang, day: i64) -> String {
    const NL: [&str; 12] = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let d = mail_parser::DateTime::from_timestamp(day * 86_400);
    let m = usize::from(d.month.clamp(1, 12)) - 1;
    let names = if lang == Lang::Nl { NL } else { EN };
    format!("{} {}", d.day, names[m])
}

/// A table of `values[row][col]` under `caption`, inside a `<details>`.
fn table(
    lang: Lang,
    caption: &str,
    head: &str,
    cols: &[&str],
    rows: &[(String, Vec<u64>)],
) -> Markup {
    html! {
        details {
            summary { (lang.t("De cijfers als tabel", "The numbers as a table")) }
            table {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (head) }
                    @for c in cols { th scope="col" { (c) } }
                    th scope="col" { (lang.t("totaal", "total")) }
                } }
                tbody {
                    @for (label, vals) in rows {
                        tr {
                            th scope="row" { (label) }
                            @for v in vals { td class="n" { (v) } }
                            td class="n" { (vals.iter().sum::<u64>()) }
                        }
                    }
                }
            }
        }
    }
}

/// The search form (also on the overview page).
pub fn audit_form(l: Lang, q: &str) -> Markup {
    html! {
        form method="get" action="/beheer/audit" {
            label for="q" { (l.t("Bericht-id of e-mailadres van een ontvanger", "Message id or a recipient's address")) }
            input type="text" class="short" id="q" name="q" value=(q) maxlength="320" required;
            button type="submit" { (l.t("Zoeken", "Search")) }
        }
    }
}

/// What the overview page shows besides the counts.
pub struct View<'a> {
    pub lang: Lang,
    pub operator: &'a str,
    pub csrf: &'a str,
    pub now_ms: i64,
    pub stats: &'a Stats,
    pub unopened: &'a [PickupRow],
    /// More unopened pickups exist than are listed.
    pub unopened_cut: bool,
    pub notice: Option<&'a str>,
}

/// The overview: four charts with their tables, then the unopened pickups.
pub fn overview(v: &View<'_>) -> Markup {
    let l = v.lang;
    let s = v.stats;
    let days = s.days.len();
    let routes: Vec<&str> = ROUTES.iter().map(|r| route_name(l, r)).collect();
    let route_totals: Vec<u64> = (0..ROUTES.len())
        .map(|i| s.routes.iter().map(|d| d[i]).sum())
        .collect();
    let route_desc = format!(
        "{} {}: {}.",
        l.t("Ontvangers in de laatste", "Recipients in the last"),
        format_args!("{days} {}", l.t("dagen", "days")),
        routes
            .iter()
            .zip(&route_totals)
            .map(|(r, n)| format!("{r} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let x_labels: Vec<String> = s.days.iter().map(|d| day_label(l, *d)).collect();
    let route_cols: Vec<Vec<u64>> = s.routes.iter().map(|d| d.to_vec()).collect();
    let route_rows: Vec<(String, Vec<u64>)> = x_labels
        .iter()
        .cloned()
        .zip(route_cols.iter().cloned())
        .collect();

    let tls_names: Vec<&str> = TLS_OUTCOMES.iter().map(|o| tls_name(l, o)).collect();
    let other = l.t("overige domeinen", "other domains");
    let tls_rows: Vec<(String, Vec<u64>)> = s
        .tls
        .iter()
        .map(|(d, c)| {
            let d = if d.is_empty() {
                other.to_string()
            } else {
                d.clone()
            };
            (d, c.to_vec())
        })
        .collect();
    let tls_total: u64 = s.tls.iter().flat_map(|(_, c)| c.iter()).sum();
    let dane: u64 = s.tls.iter().map(|(_, c)| c[0]).sum();
    let tls_desc = format!(
        "{} {tls_total}; {} {dane}; {} {}.",
        l.t("Afleverpogingen en uitstel", "Deliveries and deferrals"),
        l.t("met DANE", "with DANE"),
        l.t("zonder TLS", "without TLS"),
        s.tls.iter().map(|(_, c)| c[4]).sum::<u64>()
    );

    let pickup_names: Vec<&str> = PICKUP_EVENTS.iter().map(|k| pickup_name(l, k)).collect();
    // One colour per row: each row is its own series.
    let pickup_vals: Vec<Vec<u64>> = s
        .pickups
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut v = vec![0; i + 1];
            v[i] = *n;
            v
        })
        .collect();
    let pickup_labels: Vec<String> = pickup_names.iter().map(|n| n.to_string()).collect();
    let pickup_desc = pickup_names
        .iter()
        .zip(s.pickups.iter())
        .map(|(n, c)| format!("{n} {c}"))
        .collect::<Vec<_>>()
        .join(", ");

    let blocked_labels: Vec<String> = s.blocked.iter().map(|(r, _)| r.clone()).collect();
    let blocked_vals: Vec<Vec<u64>> = s.blocked.iter().map(|(_, n)| vec![*n]).collect();
    let blocked_desc = s
        .blocked
        .iter()
        .map(|(r, n)| format!("{r} {n}"))
        .collect::<Vec<_>>()
        .join(", ");

    html! {
        div class="bar" {
            p class="meta" {
                (l.t("Laatste", "Last")) " " (days) " " (l.t("dagen, tot", "days, up to")) " "
                (l.date(v.now_ms)) ". " (l.t("Ingelogd als", "Logged in as")) " " (v.operator) "."
            }
            form method="post" action="/beheer/logout" class="inline" {
                input type="hidden" name="csrf" value=(v.csrf);
                button type="submit" class="secondary" { (l.t("Uitloggen", "Log out")) }
            }
        }
        @if let Some(n) = v.notice {
            p class="notice" role="status" { (n) }
        }
        @if s.truncated {
            p class="error" {
                (l.t(
                    "Er waren meer gebeurtenissen dan het overzicht leest (overview.max_events); de grafieken tellen alleen de meest recente.",
                    "There were more events than the overview reads (overview.max_events); the charts count only the most recent ones."
                ))
            }
        }

        h2 id="mail" { (l.t("Mail per dag, per route", "Mail per day, by route")) }
        (charts::legend(&routes))
        (charts::columns("c-mail", l.t("Ontvangers per dag, per route", "Recipients per day, by route"),
            &route_desc, &x_labels, &route_cols))
        (table(l, l.t("Ontvangers per dag, per route", "Recipients per day, by route"),
            l.t("dag", "day"), &routes, &route_rows))

        h2 id="tls" { (l.t("Beveiliging per ontvangend domein", "Transport security per recipient domain")) }
        @if s.tls.is_empty() {
            p { (l.t("Nog geen afleveringen in deze periode.", "No deliveries in this period yet.")) }
        } @else {
            (charts::legend(&tls_names))
            (charts::rows("c-tls", l.t("Afleveringen per domein, naar beveiliging", "Deliveries per domain, by transport security"),
                &tls_desc, &tls_rows.iter().map(|(d, _)| d.clone()).collect::<Vec<_>>(),
                &tls_rows.iter().map(|(_, c)| c.clone()).collect::<Vec<_>>()))
            (table(l, l.t("Afleveringen per domein, naar beveiliging", "Deliveries per domain, by transport security"),
                l.t("domein", "domain"), &tls_names, &tls_rows))
        }

        h2 id="pickups" { (l.t("Ophaallinks", "Pickup links")) }
        (charts::rows("c-pickups", l.t("Ophaallinks: klaargezet, geopend, verlopen, ingetrokken", "Pickup links: parked, opened, expired, revoked"),
            &pickup_desc, &pickup_labels, &pickup_vals))
        (table(l, l.t("Ophaallinks", "Pickup links"), l.t("gebeurtenis", "event"),
            &[l.t("aantal", "count")],
            &pickup_labels.iter().cloned().zip(s.pickups.iter().map(|n| vec![*n])).collect::<Vec<_>>()))

        h2 id="blocked" { (l.t("Geblokkeerd, per reden", "Blocked, by reason")) }
        @if s.blocked.is_empty() {
            p { (l.t("Niets geblokkeerd in deze periode.", "Nothing blocked in this period.")) }
        } @else {
            p { (l.t("De reden is de regel in het beleid die de ontvanger blokkeerde.",
                "The reason is the policy rule that blocked the recipient.")) }
            (charts::rows("c-blocked", l.t("Geblokkeerde ontvangers per regel", "Blocked recipients by rule"),
                &blocked_desc, &blocked_labels, &blocked_vals))
            (table(l, l.t("Geblokkeerde ontvangers per regel", "Blocked recipients by rule"),
                l.t("regel", "rule"), &[l.t("aantal", "count")],
                &blocked_labels.iter().cloned().zip(blocked_vals.iter().cloned()).collect::<Vec<_>>()))
        }

        h2 id="unopened" { (l.t("Nog niet geopende ophaallinks", "Pickup links not yet opened")) }
        @if v.unopened.is_empty() {
            p { (l.t("Er zijn geen open ophaallinks die nog niet geopend zijn.",
                "There are no open pickup links that have not been opened.")) }
        } @else {
            table {
                caption { (l.t("Open en nog niet geopend, eerst verlopend", "Open and not yet opened, expiring first")) }
                thead { tr {
                    th scope="col" { (l.t("Ontvanger", "Recipient")) }
                    th scope="col" { (l.t("Afzender", "Sender")) }
                    th scope="col" { (l.t("Aangemaakt", "Created")) }
                    th scope="col" { (l.t("Verloopt", "Expires")) }
                    th scope="col" { (l.t("Actie", "Action")) }
                } }
                tbody {
                    @for p in v.unopened {
                        tr {
                            th scope="row" { (p.recipient) }
                            td { (p.sender) }
                            td { (l.date(p.created_ms)) }
                            td { (l.date(p.expires_ms)) }
                            td {
                                form method="post" action="/beheer/revoke" class="inline" {
                                    input type="hidden" name="csrf" value=(v.csrf);
                                    input type="hidden" name="pickup" value=(p.id);
                                    button type="submit" {
                                        (l.t("Intrekken", "Revoke"))
                                        span class="sr" { " " (l.t("ophaallink voor", "pickup link for")) " " (p.recipient) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if v.unopened_cut {
                p class="meta" { (l.t("Meer links dan hier getoond; zie sluis pickup list --open.",
                    "More links than shown here; see sluis pickup list --open.")) }
            }
        }

        h2 id="audit" { (l.t("Audit zoeken", "Search the audit trail")) }
        (audit_form(l, ""))
    }
}
