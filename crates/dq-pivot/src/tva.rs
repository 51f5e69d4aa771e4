//! Work in progress: filled by the dq-pivot issue (identifiers).
