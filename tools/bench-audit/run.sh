#!/usr/bin/env bash
# End-to-end benchmark of `dq audit` on a 1,000,000-row messy file (not committed).
#
# Generates the file with the sample's generator (windows-1252, `;`, title line,
# mojibake, Excel-mangled codes, SIRETs with spaces and bad keys, French amounts and
# dates, null tokens, duplicates), builds the release binary, then times `dq audit`
# with /usr/bin/time -v (wall time and peak RSS) and, when present, hyperfine.
#
# Usage: tools/bench-audit/run.sh [ROWS] [WORKDIR]
#   ROWS     default 1000000
#   WORKDIR  default /tmp/dq-bench-audit (the file, the outputs and the logs go there)
# Environment: CARGO_TARGET_DIR (default target), DQ_AUDIT_ARGS (extra arguments, for
# example "--no-dedupe"), HYPERFINE_RUNS (default 3; 0 skips hyperfine).
set -euo pipefail
cd "$(dirname "$0")/../.."

rows="${1:-1000000}"
work="${2:-/tmp/dq-bench-audit}"
target="${CARGO_TARGET_DIR:-target}"
runs="${HYPERFINE_RUNS:-3}"
extra="${DQ_AUDIT_ARGS:-}"
mkdir -p "$work"
input="$work/etablissements-$rows.csv"

if [ ! -s "$input" ]; then
    echo "generating $rows rows into $input" >&2
    # The generator writes about 94 % of --rows (entities, variants, copies): ask for
    # more and keep the title line, the blank line, the header and exactly ROWS rows.
    python3 tools/gen-sample/gen_sample.py --rows $((rows * 107 / 100)) --seed 7 --out "$input.full"
    head -n $((rows + 3)) "$input.full" > "$input"
    rm -f "$input.full"
fi
cargo build --release -p dq-cli >&2
dq="$target/release/dq"

echo "file: $input ($(du -h "$input" | cut -f1))"
echo "load before: $(uptime)"
# shellcheck disable=SC2086 # DQ_AUDIT_ARGS is a list of arguments
/usr/bin/time -v "$dq" audit "$input" -o "$work/out" --quiet $extra 2> "$work/time.txt"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time" "$work/time.txt"
echo "load after: $(uptime)"
python3 - "$work/out/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"rows {r['rows']}, columns {len(r['columns'])}, changes {r['changes']['total']}, "
      f"flags {r['flags']['total']}, exact duplicates {r['duplicates']['exact_duplicate_rows']}, "
      f"probable clusters {len(r['duplicates']['clusters'])} ({r['duplicates']['status']}), "
      f"score {r['score']['file']}")
for n in r["not_available"]:
    print("note:", n)
PY
if [ "$runs" != 0 ] && command -v hyperfine > /dev/null; then
    # shellcheck disable=SC2086
    hyperfine --runs "$runs" --export-markdown "$work/hyperfine.md" \
        "$dq audit $input -o $work/out-h --quiet $extra"
fi
