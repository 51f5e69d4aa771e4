#!/usr/bin/env bash
# Runs every cargo-fuzz target of the workspace for SECONDS each (default 60).
#
#   cargo install cargo-fuzz
#   tools/fuzz/run_all.sh [SECONDS] [CRATE...]
#
# cargo fuzz needs a nightly compiler; on a stable toolchain RUSTC_BOOTSTRAP=1 lets it use
# the sanitizer flags (what this script does). Crashes land in
# crates/<crate>/fuzz/artifacts/<target>/; copy each into a regular test before fixing it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
crates=("$@")
if [ ${#crates[@]} -eq 0 ]; then
    crates=(dq-encoding dq-clean dq-pivot dq-profile dq-dedupe)
fi
export RUSTC_BOOTSTRAP=1
status=0
for crate in "${crates[@]}"; do
    dir="crates/$crate"
    [ -f "$dir/fuzz/Cargo.toml" ] || { echo "$crate: no fuzz package"; continue; }
    for target in $(cd "$dir" && cargo fuzz list); do
        echo "== $crate/$target (${seconds}s)"
        log="${TMPDIR:-/tmp}/fuzz-$crate-$target.log"
        if (cd "$dir" && cargo fuzz run "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 > "$log" 2>&1); then
            echo "   ok: $(grep -E "^Done" "$log" | tail -n 1)"
        else
            echo "   FAILED: see $dir/fuzz/artifacts/$target/ and $log"
            status=1
        fi
    done
done
exit $status
