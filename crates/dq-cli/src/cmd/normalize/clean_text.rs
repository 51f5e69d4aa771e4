//! The kinds of `dq normalize` that dq-clean provides: text normalizers.

use super::{Args, KindFn};

/// Returns the normalizing function for `args.kind` when it is one of this crate's kinds.
pub fn lookup(args: &Args) -> Option<KindFn> {
    match args.kind.as_str() {
        _ => None,
    }
}
