//! Limits for one scan: wall time, depth, part count, extracted bytes and
//! decompression ratio, all from `InspectConfig`.
//!
//! Promise: every extractor asks the budget before it does work that grows
//! with its input; once any limit is hit the scan is marked unscannable and
//! the remaining work is skipped. Nothing here panics.

use crate::config::InspectConfig;
use std::time::{Duration, Instant};

/// Why a limit stopped the scan. The text is safe to log (no content).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitHit {
    #[error("scan time limit of {0} ms reached")]
    Time(u64),
    #[error("nesting deeper than {0} levels")]
    Depth(u32),
    #[error("more than {0} parts and archive members")]
    Parts(u32),
    #[error("more than {0} bytes of extracted text")]
    Extracted(u64),
    #[error("decompression ratio above {0}")]
    Ratio(u64),
}

/// Mutable limit accounting for one `scan` call.
#[derive(Debug)]
pub struct Budget {
    pub config: InspectConfig,
    deadline: Instant,
    parts: u32,
    extracted: u64,
    /// First limit that was hit; sticky.
    pub hit: Option<LimitHit>,
}

impl Budget {
    pub fn new(config: &InspectConfig) -> Self {
        Budget {
            config: config.clone(),
            deadline: Instant::now() + Duration::from_millis(config.max_scan_millis),
            parts: 0,
            extracted: 0,
            hit: None,
        }
    }

    fn fail(&mut self, hit: LimitHit) -> Result<(), LimitHit> {
        if self.hit.is_none() {
            self.hit = Some(hit.clone());
        }
        Err(hit)
    }

    /// Time left before the scan deadline (zero when past it).
    pub fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    pub fn check_time(&mut self) -> Result<(), LimitHit> {
        if let Some(hit) = &self.hit {
            return Err(hit.clone());
        }
        if Instant::now() >= self.deadline {
            return self.fail(LimitHit::Time(self.config.max_scan_millis));
        }
        Ok(())
    }

    pub fn check_depth(&mut self, depth: u32) -> Result<(), LimitHit> {
        if depth > self.config.max_depth {
            return self.fail(LimitHit::Depth(self.config.max_depth));
        }
        self.check_time()
    }

    /// Count one more MIME part or archive member.
    pub fn add_part(&mut self) -> Result<(), LimitHit> {
        self.parts = self.parts.saturating_add(1);
        if self.parts > self.config.max_parts {
            return self.fail(LimitHit::Parts(self.config.max_parts));
        }
        self.check_time()
    }

    /// Account for `n` bytes of extracted (decoded or decompressed) data.
    pub fn add_extracted(&mut self, n: u64) -> Result<(), LimitHit> {
        self.extracted = self.extracted.saturating_add(n);
        if self.extracted > self.config.max_extracted_bytes {
            return self.fail(LimitHit::Extracted(self.config.max_extracted_bytes));
        }
        Ok(())
    }

    /// Bytes that may still be extracted.
    pub fn extract_room(&self) -> u64 {
        self.config
            .max_extracted_bytes
            .saturating_sub(self.extracted)
    }

    /// Largest output allowed for `compressed` input bytes under the ratio limit.
    pub fn ratio_cap(&self, compressed: u64) -> u64 {
        compressed
            .max(1)
            .saturating_mul(self.config.max_decompression_ratio)
            .max(64 * 1024)
    }

    pub fn ratio_hit(&mut self) -> LimitHit {
        let hit = LimitHit::Ratio(self.config.max_decompression_ratio);
        let _ = self.fail(hit.clone());
        hit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_sticky_and_reported() {
        let cfg = InspectConfig {
            max_parts: 2,
            ..InspectConfig::default()
        };
        let mut b = Budget::new(&cfg);
        assert!(b.add_part().is_ok());
        assert!(b.add_part().is_ok());
        assert_eq!(b.add_part(), Err(LimitHit::Parts(2)));
        assert!(b.check_time().is_err(), "a hit limit stays hit");
    }

    #[test]
    fn zero_time_budget_is_hit_at_once() {
        let cfg = InspectConfig {
            max_scan_millis: 0,
            ..InspectConfig::default()
        };
        let mut b = Budget::new(&cfg);
        assert_eq!(b.check_time(), Err(LimitHit::Time(0)));
    }
}
