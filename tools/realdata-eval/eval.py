#!/usr/bin/env python3
"""Runs `dq audit` and `dq profile` over the real published files of ../shared/realdata
(when that folder exists; the files are never copied into this repository) and prints,
per file, the plan of each column, the changes by column and rule, the flags by column
and reason, and the figures of ../shared/tools/realcheck.py.

    cargo build --release -p dq-cli
    python3 tools/realdata-eval/eval.py [--data DIR] [--dq target/release/dq] [--top N]

Its output is what docs/realdata.md judges, file by file.
"""
import argparse
import collections
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

csv.field_size_limit(1 << 30)
ROOT = Path(__file__).resolve().parents[2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "realdata"))
    ap.add_argument("--dq", default=str(ROOT / "target" / "release" / "dq"))
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        print(f"no real data folder at {data}: nothing to evaluate")
        return 0
    out = Path(tempfile.mkdtemp(prefix="dq-realdata-"))
    for f in sorted(p for p in data.iterdir() if p.is_file() and p.name != "SOURCES.md"):
        d = out / f.name
        r = subprocess.run([args.dq, "audit", str(f), "-o", str(d), "--quiet"], capture_output=True)
        print(f"\n== {f.name}")
        if r.returncode != 0:
            print("  audit failed:", r.stderr.decode("utf-8", "replace").strip()[-300:])
            continue
        report = json.loads((d / "report.json").read_text(encoding="utf-8"))
        print(f"  rows {report['rows']}, score {report['score']['file']:.1f}, "
              f"changes {report['changes']['total']}, flags {report['flags']['total']}")
        print("  plan:")
        for c in report["plan"]["columns"]:
            if c["kind"] in ("whitespace", "keep"):
                continue
            print(f"    {c['header'][:34]:<34} {c['kind']:<12} {c['rewrite']:<9} nulls={c['nulls']:<6} "
                  f"by={c['evidence']}")
        changes = collections.Counter()
        examples = {}
        with open(d / "changes.csv", encoding="utf-8", newline="") as fh:
            for c in csv.DictReader(fh):
                k = (c["column"], c["rule"])
                changes[k] += 1
                examples.setdefault(k, (c["before"], c["after"]))
        for (col, rule), n in changes.most_common(args.top):
            b, a = examples[(col, rule)]
            print(f"  change {n:>7}  {col} [{rule}]  e.g. {b!r} -> {a!r}")
        flags = collections.Counter()
        fex = {}
        with open(d / "flags.csv", encoding="utf-8", newline="") as fh:
            for fl in csv.DictReader(fh):
                k = (fl["column"], fl["reason"])
                flags[k] += 1
                fex.setdefault(k, fl["value"])
        for (col, reason), n in flags.most_common(args.top):
            print(f"  flag   {n:>7}  {col}: {reason}  e.g. {fex[(col, reason)]!r}")
    check = ROOT.parent / "shared" / "tools" / "realcheck.py"
    if check.exists():
        print("\n== realcheck")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(check)], cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
