//! The kinds of `dq normalize` that dq-clean provides: text normalizers.

use dq_clean::Normalizer;

use dq_clean::plan::Kind;

use super::{Answer, Args, KindFn};

fn boxed<N: Normalizer + 'static>(n: N) -> Option<KindFn> {
    Some(Box::new(move |s: &str| Answer::from_verdict(&n.normalize(s))))
}

/// Returns the normalizing function for `kind` when it is one of this crate's kinds.
pub fn lookup(kind: Kind, _args: &Args) -> Option<KindFn> {
    match kind {
        Kind::Whitespace => boxed(dq_clean::whitespace::Whitespace),
        Kind::Unicode => boxed(dq_clean::unicode::Unicode::default()),
        Kind::Apostrophe => boxed(dq_clean::unicode::Unicode::apostrophes()),
        Kind::Fold => boxed(dq_clean::fold::Fold::default()),
        // Accents restored only where the official commune names say so.
        Kind::Title => boxed(dq_profile::plan::title_with_communes()),
        Kind::Null => boxed(dq_clean::null::Nulls::default()),
        Kind::Bool => boxed(dq_clean::boolean::Bool),
        Kind::Phone => boxed(dq_clean::phone::Phone),
        Kind::Email => boxed(dq_clean::email::Email),
        Kind::Url => boxed(dq_clean::url::Url),
        _ => None,
    }
}
