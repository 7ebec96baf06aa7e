//! OCR of images (PNG, JPEG, TIFF, GIF, BMP, and scanned PDF pages) with the
//! `tesseract` command, run as a subprocess fed on stdin, under the scan's
//! remaining time (at most `max_ocr_millis`), `ocr_parallel` at a time.
//!
//! Fails closed: a missing tesseract, a timeout, a failed run or an image
//! it cannot read makes the part unscannable, never clean.

use crate::inspect::Ctx;
use crate::types::Location;
use lopdf::{Dictionary, Document, Object};
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Longest one OCR run may take, whatever the scan budget says.
fn ocr_max(ctx: &Ctx) -> Duration {
    Duration::from_millis(ctx.budget.config.max_ocr_millis)
}

/// Languages tesseract has from `nld`/`eng`, joined with `+`; `None` when
/// tesseract is not installed.
fn languages() -> Option<&'static str> {
    static LANGS: OnceLock<Option<String>> = OnceLock::new();
    LANGS
        .get_or_init(|| {
            let out = Command::new("tesseract")
                .arg("--list-langs")
                .stderr(Stdio::null())
                .output()
                .ok()?;
            let list = String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr);
            let have: Vec<&str> = ["nld", "eng"]
                .into_iter()
                .filter(|l| list.lines().any(|x| x.trim() == *l))
                .collect();
            Some(if have.is_empty() {
                "eng".to_string()
            } else {
                have.join("+")
            })
        })
        .as_deref()
}

/// Run tesseract on image bytes within `limit`; returns the recognised text.
fn run_tesseract(image: &[u8], limit: Duration) -> Result<String, String> {
    let langs = languages().ok_or("image not readable: OCR (tesseract) not available")?;
    if limit.is_zero() {
        return Err("limit: scan time limit reached before OCR".into());
    }
    let mut child = Command::new("tesseract")
        .args([
            "stdin",
            "stdout",
            "-l",
            langs,
            "--psm",
            "3",
            "-c",
            "tessedit_do_invert=0",
        ])
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| "image not readable: OCR could not be started".to_string())?;
    let mut stdin = child.stdin.take().ok_or("OCR pipe error")?;
    let data = image.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let mut stdout = child.stdout.take().ok_or("OCR pipe error")?;
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.by_ref().take(16 * 1024 * 1024).read_to_end(&mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) if started.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    // Every run that started counts, timed out ones too: they are what
    // an operator looking at OCR time wants to see.
    crate::metrics::METRICS.ocr.observe(started.elapsed());
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    match status {
        Some(st) if st.success() => Ok(String::from_utf8_lossy(&out).into_owned()),
        Some(_) => Err("image not readable (OCR failed)".into()),
        None => Err("image not readable (OCR timed out)".into()),
    }
}

/// OCR one image under the scan's remaining time.
pub fn ocr_bytes(image: &[u8], ctx: &mut Ctx) -> Result<String, String> {
    run_tesseract(image, ctx.budget.remaining().min(ocr_max(ctx)))
}

/// OCR several images, `ocr_parallel` at a time; results in input order.
pub fn ocr_batch(images: &[Vec<u8>], ctx: &mut Ctx) -> Vec<Result<String, String>> {
    let limit = ctx.budget.remaining().min(ocr_max(ctx));
    let parallel = ctx.budget.config.ocr_parallel.max(1);
    let deadline = Instant::now() + ctx.budget.remaining();
    let mut results: Vec<Result<String, String>> = Vec::with_capacity(images.len());
    for group in images.chunks(parallel) {
        let left = deadline
            .saturating_duration_since(Instant::now())
            .min(limit);
        let mut out: Vec<Result<String, String>> = Vec::new();
        std::thread::scope(|s| {
            let handles: Vec<_> = group
                .iter()
                .map(|img| s.spawn(move || run_tesseract(img, left)))
                .collect();
            for h in handles {
                out.push(
                    h.join()
                        .unwrap_or_else(|_| Err("image not readable (OCR failed)".into())),
                );
            }
        });
        results.extend(out);
    }
    results
}

/// An image attachment: OCR it, or record why it cannot be read.
pub fn extract_image(data: &[u8], loc: &Location, ctx: &mut Ctx) {
    match ocr_bytes(data, ctx) {
        Ok(text) => ctx.push_text(loc.clone(), text),
        Err(reason) => ctx.unscannable(loc, &reason),
    }
}

/// Raw 8-bit Gray/RGB pixels of a PDF image as a PNM file (tesseract reads PNM).
pub fn pnm_from_pdf_image(
    dict: &Dictionary,
    doc: &Document,
    w: i64,
    h: i64,
    pixels: &[u8],
) -> Option<Vec<u8>> {
    let bpc = dict
        .get(b"BitsPerComponent")
        .and_then(Object::as_i64)
        .unwrap_or(8);
    if bpc != 8 || dict.get(b"DecodeParms").is_ok() {
        return None;
    }
    let cs = dict
        .get(b"ColorSpace")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .map(|(_, o)| o);
    let channels = match cs {
        Some(Object::Name(n)) if n == b"DeviceGray" => 1,
        Some(Object::Name(n)) if n == b"DeviceRGB" => 3,
        Some(Object::Array(a))
            if a.first().and_then(|x| x.as_name().ok()) == Some(b"ICCBased".as_slice()) =>
        {
            let n = a
                .get(1)
                .and_then(|r| doc.dereference(r).ok())
                .and_then(|(_, o)| o.as_stream().ok())
                .and_then(|s| s.dict.get(b"N").and_then(Object::as_i64).ok())
                .unwrap_or(3);
            if n == 1 || n == 3 {
                n
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let need = (w as usize)
        .checked_mul(h as usize)?
        .checked_mul(channels as usize)?;
    let body = pixels.get(..need)?;
    let magic = if channels == 1 { "P5" } else { "P6" };
    let mut out = format!("{magic}\n{w} {h}\n255\n").into_bytes();
    out.extend_from_slice(body);
    Some(out)
}
