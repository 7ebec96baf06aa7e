//! What the binary writes is fit for pipes and files: a command whose
//! reader goes away (`sluis scan ... | head -1`) ends without a panic, and
//! the gateway's log written to a file holds no terminal colour codes.

mod support;

use std::os::fd::FromRawFd;
use std::process::{Command, Stdio};
use std::time::Duration;
use support::*;

#[test]
fn a_closed_pipe_ends_a_printing_command_without_a_panic() {
    // A pipe whose reader is already gone, as after `| head -0`.
    let mut fds = [0i32; 2];
    // SAFETY: pipe(2) fills two descriptors we then own; the read end is
    // closed at once and the write end handed to the child.
    let write_end = unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        libc::close(fds[0]);
        std::os::fd::OwnedFd::from_raw_fd(fds[1])
    };
    let out = Command::new(env!("CARGO_BIN_EXE_sluis"))
        .arg("config")
        .current_dir(tempfile::tempdir().unwrap().path())
        .stdout(Stdio::from(write_end))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "panicked: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_log_written_to_a_file_is_plain_text() {
    let text = run_and_log("[log]\nlevel = \"info\"\n");
    assert!(
        !text.contains(&0x1b),
        "colour codes in the log file: {}",
        String::from_utf8_lossy(&text)
    );
}

#[test]
fn log_format_json_in_the_config_gives_one_object_per_line() {
    let text = run_and_log("[log]\nlevel = \"info\"\nformat = \"json\"\n");
    let text = String::from_utf8(text).unwrap();
    for line in text.lines() {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        assert!(v["time"].is_string(), "{line}");
        assert!(
            ["ERROR", "WARN", "INFO"].contains(&v["level"].as_str().unwrap_or("")),
            "{line}"
        );
        assert!(v["message"].is_string(), "{line}");
    }
}

/// Start Sluis with `extra` config lines and its standard error to a file,
/// send one mail, stop it; the file's bytes.
fn run_and_log(extra: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let (port, sink_port) = (free_port(), free_port());
    let _sink = Sink::start(sink_port, dir.path(), &[]);
    let config = write_relay_config(dir.path(), port, sink_port, extra);
    let log_path = dir.path().join("sluis.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_sluis"))
        .arg("--config")
        .arg(&config)
        .arg("run")
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .spawn()
        .unwrap();
    let proc = Proc(child);
    assert!(
        wait_for_greeting(port, Duration::from_secs(60)),
        "no greeting"
    );
    let mut smtp = Smtp::connect(port);
    let reply = smtp.send(
        "a@praktijk.test",
        &["b@example.test"],
        b"Subject: x\r\n\r\nHallo.\r\n",
    );
    assert!(reply.starts_with("250"), "{reply}");
    proc.terminate();
    let text = std::fs::read(&log_path).unwrap();
    assert!(!text.is_empty(), "nothing was logged at level info");
    text
}
