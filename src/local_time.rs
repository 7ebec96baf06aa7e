//! Local time for people: Europe/Amsterdam (CET/CEST by the EU rule; no
//! tz database is needed for one fixed zone, and none is in the tree), and
//! dates written out as a patient reads them ("6 januari 2027, 01:48").
//! Used by the pickup's mails and `sluis audit pickups`.

/// Days since 1970-01-01 of a civil date (mail-parser's calendar
/// arithmetic, as the rest of Sluis uses).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let date = mail_parser::DateTime {
        year: y.clamp(0, 9999) as u16,
        month: m.clamp(1, 12) as u8,
        day: d.clamp(1, 31) as u8,
        hour: 0,
        minute: 0,
        second: 0,
        tz_before_gmt: false,
        tz_hour: 0,
        tz_minute: 0,
    };
    date.to_timestamp().div_euclid(86_400)
}

/// Unix seconds of 01:00 UTC on the last Sunday of `month` (the EU
/// daylight-saving switch, the same for every EU time zone since 1996).
fn last_sunday_1utc(year: i64, month: i64) -> i64 {
    let last_day = days_from_civil(year, month, 31);
    // 1970-01-01 was a Thursday: weekday 0 = Sunday.
    let weekday = (last_day + 4).rem_euclid(7);
    (last_day - weekday) * 86_400 + 3_600
}

/// Offset of Europe/Amsterdam from UTC at `utc_secs`: CET (+1 h) or CEST
/// (+2 h), by the EU rule (no tz database needed for one fixed zone).
pub fn amsterdam_offset_secs(utc_secs: i64) -> i64 {
    // The year of this instant (UTC is close enough: the switches are not
    // near New Year).
    let year = i64::from(mail_parser::DateTime::from_timestamp(utc_secs).year);
    if utc_secs >= last_sunday_1utc(year, 3) && utc_secs < last_sunday_1utc(year, 10) {
        7_200
    } else {
        3_600
    }
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn long_date(ms: i64, months: &[&str; 12]) -> String {
    let secs = ms.div_euclid(1000);
    let t = mail_parser::DateTime::from_timestamp(secs + amsterdam_offset_secs(secs));
    let month = months
        .get(usize::from(t.month).saturating_sub(1))
        .copied()
        .unwrap_or("");
    format!(
        "{} {month} {}, {:02}:{:02}",
        t.day, t.year, t.hour, t.minute
    )
}

/// "6 januari 2027, 01:48" in Amsterdam time.
pub fn long_date_nl(ms: i64) -> String {
    long_date(ms, &MONTHS_NL)
}

/// "6 January 2027, 01:48" in Amsterdam time.
pub fn long_date_en(ms: i64) -> String {
    long_date(ms, &MONTHS_EN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_are_amsterdam_time_in_winter_and_summer() {
        // 2027-01-06 00:48 UTC is 01:48 CET.
        let winter = (days_from_civil(2027, 1, 6) * 86_400 + 48 * 60) * 1000;
        assert_eq!(long_date_nl(winter), "6 januari 2027, 01:48");
        assert_eq!(long_date_en(winter), "6 January 2027, 01:48");
        // 2026-07-31 22:30 UTC is 00:30 CEST the next day.
        let summer = (days_from_civil(2026, 7, 31) * 86_400 + 22 * 3600 + 30 * 60) * 1000;
        assert_eq!(long_date_nl(summer), "1 augustus 2026, 00:30");
    }
}
