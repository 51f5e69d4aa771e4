//! Work in progress: filled by the dq-clean issue.
