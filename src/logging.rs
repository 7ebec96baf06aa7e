//! Logging setup (tracing). Log lines carry ids, codes and masked values
//! only — never message text, BSNs, one-time codes, link tokens or passwords.

/// Initialise the global subscriber; `RUST_LOG` overrides the configured level.
pub fn init(level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only on a terminal: a log written to a file or a
        // journal stays plain text.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}
