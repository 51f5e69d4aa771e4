//! Runnable examples for the dq crates: see `examples/examples/`, run with
//! `cargo run -p examples --example NAME`.
#![forbid(unsafe_code)]
