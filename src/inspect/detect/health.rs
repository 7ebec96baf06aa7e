//! Health detector (placeholder until the vocabulary lands).
use crate::inspect::TextUnit;
use crate::types::Finding;
pub fn detect(_units: &[TextUnit], _out: &mut Vec<Finding>) {}
