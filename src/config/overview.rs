//! `[overview]`: the practice overview on the portal's listener (`/beheer`),
//! for accounts with the `operator` role (password and TOTP). Every limit of
//! the login and of the page's queries is here.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OverviewConfig {
    /// Serve `/beheer` on the portal's listener. Without an account that
    /// has the operator role (`sluis operator add`) nobody can log in.
    pub enabled: bool,
    /// Days the charts cover.
    pub days: u32,
    /// A session ends after this long without a request.
    pub session_idle_secs: u64,
    /// A session ends this long after its login, whatever happens.
    pub session_max_secs: u64,
    /// Failed logins per client address (IPv6: per /64) and per account name
    /// within `login_window_secs`; above it every login is refused until
    /// the window has passed.
    pub max_login_failures: u32,
    pub login_window_secs: u64,
    /// TOTP codes this many 30-second steps early or late are accepted.
    pub totp_skew_steps: u32,
    /// At most this many audit events are read for the charts; a practice
    /// with more in its window sees a note that the charts are cut short.
    pub max_events: u32,
    /// Recipient domains shown in the TLS chart (the rest is one line).
    pub max_domains: u32,
    /// Unopened pickups listed in the table (oldest expiry first).
    pub max_pickups_listed: u32,
    /// Events shown by one audit search.
    pub max_audit_rows: u32,
}

impl Default for OverviewConfig {
    fn default() -> Self {
        OverviewConfig {
            enabled: true,
            days: 30,
            session_idle_secs: 15 * 60,
            session_max_secs: 8 * 3600,
            max_login_failures: 5,
            login_window_secs: 15 * 60,
            totp_skew_steps: 1,
            max_events: 200_000,
            max_domains: 12,
            max_pickups_listed: 200,
            max_audit_rows: 500,
        }
    }
}

impl OverviewConfig {
    pub fn validate(&self) -> Result<(), String> {
        if self.days == 0 || self.days > 366 {
            return Err("overview.days must be 1..=366".into());
        }
        if self.session_idle_secs == 0 || self.session_max_secs == 0 {
            return Err("overview.session_idle_secs and session_max_secs must be > 0".into());
        }
        if self.max_login_failures == 0 || self.login_window_secs == 0 {
            return Err("overview.max_login_failures and login_window_secs must be > 0".into());
        }
        if self.totp_skew_steps > 4 {
            return Err("overview.totp_skew_steps must be at most 4 (two minutes)".into());
        }
        if self.max_events == 0
            || self.max_domains == 0
            || self.max_pickups_listed == 0
            || self.max_audit_rows == 0
        {
            return Err(
                "overview.max_events, max_domains, max_pickups_listed and max_audit_rows must be > 0"
                    .into(),
            );
        }
        Ok(())
    }
}
