//! Personal-data detector (placeholder).
use crate::inspect::TextUnit;
use crate::types::Finding;
pub fn detect(_units: &[TextUnit], _out: &mut Vec<Finding>) {}
