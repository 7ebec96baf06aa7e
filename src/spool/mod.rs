//! Spool stage: the durable record of every accepted message.
//! (Being written: segment log with group commit.)
