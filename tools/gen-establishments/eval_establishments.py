#!/usr/bin/env python3
"""Pairwise precision, recall and F1 of `dq dedupe` output against the generator's truth.

Usage: python3 tools/gen-establishments/eval_establishments.py DATA.csv OUT.csv
(DATA.truth.csv is read next to DATA.csv; OUT.csv is `dq dedupe DATA.csv -o OUT.csv
--id-column record_id`.)
"""
import csv
import sys
from collections import defaultdict


def pairs_count(groups):
    return sum(len(g) * (len(g) - 1) // 2 for g in groups.values())


def main():
    data, out = sys.argv[1], sys.argv[2]
    truth = {}
    with open(data[:-4] + ".truth.csv", newline="") as f:
        for row in csv.DictReader(f):
            truth[row["record_id"]] = row["entity_id"]
    pred = {}
    with open(out, newline="") as f:
        for row in csv.DictReader(f):
            pred[row["record_id"]] = row["cluster_id"]
    by_pred = defaultdict(list)
    by_truth = defaultdict(list)
    both = defaultdict(int)
    for rid, c in pred.items():
        by_pred[c].append(rid)
        by_truth[truth[rid]].append(rid)
        both[(c, truth[rid])] += 1
    tp = sum(n * (n - 1) // 2 for n in both.values())
    npred = pairs_count(by_pred)
    ntrue = pairs_count(by_truth)
    p = tp / npred if npred else 0.0
    r = tp / ntrue if ntrue else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    big = max(len(g) for g in by_pred.values())
    print(f"{len(pred)} records: {ntrue} true pairs, {npred} predicted, precision {p:.4f} "
          f"recall {r:.4f} F1 {f1:.4f} (largest cluster {big})")


if __name__ == "__main__":
    main()
