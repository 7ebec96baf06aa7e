//! Session dialogue tests.
