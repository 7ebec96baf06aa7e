//! The scanner bounds itself: a zip bomb, deep MIME nesting, a 1 GiB base64
//! line and a PDF with a cyclic object graph all end as unscannable, fast.

mod inspect_support;
use inspect_support::*;
use sluis::config::InspectConfig;
use std::time::{Duration, Instant};

fn quick(r: &sluis::types::ScanReport, started: Instant) {
    assert!(r.is_unscannable(), "{r:?}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn zip_bomb_stops_at_the_ratio_limit() {
    let started = Instant::now();
    let r = scan(&with_attachment(
        &fixture("bomb.zip"),
        "application/zip",
        "bomb.zip",
    ));
    quick(&r, started);
    assert!(
        r.unscannable.iter().any(|u| u.contains("limit")),
        "{:?}",
        r.unscannable
    );
}

#[test]
fn thousand_deep_mime_nesting_hits_the_depth_limit() {
    let mut msg = String::from("From: a@b.example\r\nSubject: diep\r\n");
    for i in 0..1000 {
        msg.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
        ));
    }
    msg.push_str("Content-Type: text/plain\r\n\r\nBSN 123456782\r\n");
    for i in (0..1000).rev() {
        msg.push_str(&format!("--b{i}--\r\n"));
    }
    let started = Instant::now();
    let r = scan(msg.as_bytes());
    quick(&r, started);
    assert!(
        r.unscannable.iter().any(|u| u.contains("nesting")),
        "{:?}",
        r.unscannable
    );
}

#[test]
fn thousand_deep_message_rfc822_nesting_hits_the_depth_limit() {
    let mut msg = String::new();
    for _ in 0..1000 {
        msg.push_str("From: a@b.example\r\nContent-Type: message/rfc822\r\n\r\n");
    }
    msg.push_str("From: a@b.example\r\nSubject: binnenste\r\n\r\nhallo\r\n");
    let started = Instant::now();
    let r = scan(msg.as_bytes());
    quick(&r, started);
}

/// A read-only 1 GiB message without 1 GiB of memory: the same 2 MiB of
/// base64 text mapped 512 times side by side (MAP_FIXED over one reserved
/// range), after a page of headers.
#[test]
fn one_gib_base64_line_is_bounded() {
    const CHUNK: usize = 2 << 20;
    const COUNT: usize = 512;
    let total = CHUNK * (COUNT + 1);
    unsafe {
        let fd = libc::memfd_create(c"b64".as_ptr(), 0);
        assert!(fd >= 0);
        assert_eq!(libc::ftruncate(fd, (CHUNK * 2) as libc::off_t), 0);
        let head = libc::mmap(
            std::ptr::null_mut(),
            CHUNK * 2,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED,
            fd,
            0,
        ) as *mut u8;
        assert_ne!(head as *mut libc::c_void, libc::MAP_FAILED);
        let headers = b"From: a@b.example\r\nSubject: groot\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        std::ptr::write_bytes(head, b' ', CHUNK);
        std::ptr::copy_nonoverlapping(
            headers.as_ptr(),
            head.add(CHUNK - headers.len()),
            headers.len(),
        );
        std::ptr::write_bytes(head.add(CHUNK), b'Q', CHUNK);
        // Reserve the whole range, then map the header chunk and the body chunk.
        let base = libc::mmap(
            std::ptr::null_mut(),
            total,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        ) as *mut u8;
        assert_ne!(base as *mut libc::c_void, libc::MAP_FAILED);
        let m = libc::mmap(
            base as *mut libc::c_void,
            CHUNK,
            libc::PROT_READ,
            libc::MAP_SHARED | libc::MAP_FIXED,
            fd,
            0,
        );
        assert_ne!(m, libc::MAP_FAILED);
        for i in 1..=COUNT {
            let m = libc::mmap(
                base.add(i * CHUNK) as *mut libc::c_void,
                CHUNK,
                libc::PROT_READ,
                libc::MAP_SHARED | libc::MAP_FIXED,
                fd,
                CHUNK as libc::off_t,
            );
            assert_ne!(m, libc::MAP_FAILED);
        }
        let raw = std::slice::from_raw_parts(base as *const u8, total);
        assert!(raw.len() > 1 << 30);
        let started = Instant::now();
        let r = sluis::inspect::scan(raw, &InspectConfig::default());
        quick(&r, started);
        libc::munmap(base as *mut libc::c_void, total);
        libc::munmap(head as *mut libc::c_void, CHUNK * 2);
        libc::close(fd);
    }
}

#[test]
fn base64_part_over_the_extraction_limit_is_unscannable() {
    let cfg = InspectConfig {
        max_extracted_bytes: 64 * 1024,
        ..InspectConfig::default()
    };
    let body = "QUFB".repeat(40_000);
    let msg = format!("From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n{body}\r\n");
    let r = sluis::inspect::scan(msg.as_bytes(), &cfg);
    assert!(r.is_unscannable(), "{r:?}");
}

#[test]
fn cyclic_pdf_ends_as_unscannable() {
    let started = Instant::now();
    let r = scan(&with_attachment(
        &fixture("cyclic.pdf"),
        "application/pdf",
        "cyclus.pdf",
    ));
    quick(&r, started);
}

/// A PDF 1.5 file whose object stream inflates to 64 MiB from about 64 KiB:
/// lopdf would inflate it while loading, so Sluis measures it first.
#[test]
fn pdf_object_stream_bomb_stops_at_the_ratio_limit() {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..64 {
        z.write_all(&zeros).unwrap();
    }
    let bomb = z.finish().unwrap();
    let mut pdf = b"%PDF-1.5\n".to_vec();
    pdf.extend_from_slice(
        format!(
            "1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
            bomb.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&bomb);
    pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer << /Root 2 0 R >>\n%%EOF\n");
    let started = Instant::now();
    let r = scan(&with_attachment(&pdf, "application/pdf", "bom.pdf"));
    quick(&r, started);
    assert!(
        r.unscannable
            .iter()
            .any(|u| u.contains("object stream above the decompression limit")),
        "{:?}",
        r.unscannable
    );
}

#[test]
fn deeply_nested_pdf_does_not_overflow_the_stack() {
    let mut pdf = b"%PDF-1.4\n1 0 obj\n".to_vec();
    pdf.extend(std::iter::repeat_n(b'[', 200_000));
    pdf.extend(std::iter::repeat_n(b']', 200_000));
    pdf.extend_from_slice(b"\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    let started = Instant::now();
    let r = scan(&with_attachment(&pdf, "application/pdf", "diep.pdf"));
    quick(&r, started);
}

#[test]
fn part_count_limit() {
    let cfg = InspectConfig {
        max_parts: 5,
        ..InspectConfig::default()
    };
    let mut msg =
        String::from("From: a@b.example\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n");
    for _ in 0..20 {
        msg.push_str("--B\r\nContent-Type: text/plain\r\n\r\nhoi\r\n");
    }
    msg.push_str("--B--\r\n");
    let r = sluis::inspect::scan(msg.as_bytes(), &cfg);
    assert!(
        r.unscannable.iter().any(|u| u.contains("parts")),
        "{:?}",
        r.unscannable
    );
}

#[test]
fn time_limit() {
    let cfg = InspectConfig {
        max_scan_millis: 0,
        ..InspectConfig::default()
    };
    let r = sluis::inspect::scan(
        &with_attachment(&fixture("reversed.pdf"), "application/pdf", "a.pdf"),
        &cfg,
    );
    assert!(r.is_unscannable());
}
