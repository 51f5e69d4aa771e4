//! CSV dialect sniffing (work in progress).
