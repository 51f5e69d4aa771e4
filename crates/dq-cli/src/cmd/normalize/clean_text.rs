//! The kinds of `dq normalize` that dq-clean provides: text normalizers.

use dq_clean::Normalizer;

use super::{Answer, Args, KindFn};

fn kind<N: Normalizer + 'static>(n: N) -> Option<KindFn> {
    Some(Box::new(move |s: &str| Answer::from_verdict(&n.normalize(s))))
}

/// Returns the normalizing function for `args.kind` when it is one of this crate's kinds.
pub fn lookup(args: &Args) -> Option<KindFn> {
    match args.kind.as_str() {
        "whitespace" => kind(dq_clean::whitespace::Whitespace),
        "unicode" => kind(dq_clean::unicode::Unicode::default()),
        "apostrophe" => kind(dq_clean::unicode::Unicode::apostrophes()),
        "fold" => kind(dq_clean::fold::Fold::default()),
        // Accents restored only where the official commune names say so.
        "title" => kind(crate::cmd::audit::plan::title_with_communes()),
        "null" => kind(dq_clean::null::Nulls::default()),
        "bool" => kind(dq_clean::boolean::Bool),
        "phone" => kind(dq_clean::phone::Phone),
        "email" => kind(dq_clean::email::Email),
        "url" => kind(dq_clean::url::Url),
        _ => None,
    }
}
