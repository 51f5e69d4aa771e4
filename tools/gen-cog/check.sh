#!/bin/sh
# Regenerates dq-pivot's COG tables and test vectors into a temporary directory from the
# pinned npm tarball and diffs them with the committed files. Needs npm and python3.
# Usage: tools/gen-cog/check.sh   (from the repository root)
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @etalab/decoupage-administratif@6.0.0 >/dev/null)
tarball="$tmp/etalab-decoupage-administratif-6.0.0.tgz"
python3 tools/gen-cog/gen_cog.py --tarball "$tarball" --out "$tmp/generated"
(cd tools/gen-cog && python3 gen_vectors.py --tarball "$tarball" --out "$tmp/vectors")
diff -r "$tmp/generated" crates/dq-pivot/src/generated --exclude naf.rs --exclude refs.rs
diff -r "$tmp/vectors" crates/dq-pivot/tests/geo_vectors
DQ_COG_TARBALL="$tarball" cargo test -q -p dq-pivot --test geo_tables
echo "gen-cog: generated tables and vectors are up to date"
