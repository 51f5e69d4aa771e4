#!/usr/bin/env python3
"""Scores ftfy's `fix_encoding` on crates/dq-encoding/tests/mojibake_corpus.tsv, the
corpus that crates/dq-encoding/tests/mojibake_corpus.rs scores dq's repair on.

Usage: pip install ftfy && python3 tools/mojibake-corpus/score_ftfy.py [PATH]
"""
import sys
import time
from collections import Counter

import ftfy


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "crates/dq-encoding/tests/mojibake_corpus.tsv"
    with open(path, encoding="utf-8", newline="\n") as f:
        rows = [l.rstrip("\n").split("\t") for l in f.read().split("\n") if l and not l.startswith("#")]
    broken = fixed = legit = false = 0
    per_label = Counter()
    per_label_ok = Counter()
    start = time.perf_counter()
    for kind, label, inp, exp in rows:
        got = ftfy.fix_encoding(inp)
        if kind == "broken":
            broken += 1
            per_label[label] += 1
            if got == exp:
                fixed += 1
                per_label_ok[label] += 1
        else:
            legit += 1
            if got != inp:
                false += 1
    secs = time.perf_counter() - start
    print(f"ftfy {ftfy.__version__} fix_encoding: {fixed}/{broken} broken repaired ({fixed / broken:.4f}), "
          f"{false}/{legit} false repairs, {secs:.2f} s")
    for label in sorted(per_label):
        print(f"  {label:28} {per_label_ok[label]:5}/{per_label[label]:5}")


if __name__ == "__main__":
    main()
