//! `sluis` binary: parses the command line and hands over to the library.

use clap::Parser;

fn main() {
    // Before anything is created: files are 0600 and folders 0700.
    sluis::private_fs::restrict_umask();
    let cli = sluis::cli::Cli::parse();
    match sluis::cli::main_with(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("sluis: {e:#}");
            std::process::exit(1);
        }
    }
}
