//! `sluis` binary: parses the command line and hands over to the library.

use clap::Parser;

fn main() {
    // Before anything is created: files are 0600 and folders 0700.
    sluis::private_fs::restrict_umask();
    let cli = sluis::cli::Cli::parse();
    if !matches!(cli.command, sluis::cli::Command::Run { .. }) {
        // Commands that print (audit, scan, policy, ...) end quietly when
        // the reader goes away (`sluis audit ... | head`), as Unix tools
        // do, instead of panicking on the closed pipe. The gateway keeps
        // Rust's default (SIGPIPE ignored: a write error on a socket).
        restore_default_sigpipe();
    }
    match sluis::cli::main_with(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("sluis: {e:#}");
            std::process::exit(1);
        }
    }
}

fn restore_default_sigpipe() {
    // SAFETY: signal(2) with SIG_DFL only resets the disposition of one
    // signal; it is called before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
