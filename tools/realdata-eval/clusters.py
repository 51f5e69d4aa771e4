#!/usr/bin/env python3
"""Judge the probable-duplicate clusters of `dq audit` on files of persons.

For each file given (CSV in any dialect dq reads), runs `dq audit`, finds the surname,
given-name and birth-date columns by their headers, and counts the probable-duplicate
clusters whose members disagree on that key:

- strictly, as ../shared/tools/realcheck.py judges (the cells as written);
- folded: case, accents, hyphens and spaces folded, a birth date read as its day, month
  and year (time of day dropped) and equal to its day/month swap.

Clusters joining different folded keys are printed for reading: the strict count also
counts `Kevin`/`Kévin` as two persons. Files without the three columns are skipped.

Usage: python3 tools/realdata-eval/clusters.py [--dq target/release/dq] FILE...
"""
import argparse
import csv
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

csv.field_size_limit(1 << 30)


def column(header, *words, avoid=()):
    for i, h in enumerate(header):
        f = fold(h)
        if all(w in f for w in words) and not any(a in f for a in avoid):
            return i
    return None


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).upper()
    return re.sub(r"[^A-Z0-9]+", " ", s).strip()


def date(s):
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", s) or None
    if m:
        y, mo, d = m.groups()
    else:
        m = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})", s)
        if not m:
            return s.strip()
        d, mo, y = m.groups()
    return (y, frozenset((int(mo), int(d))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dq", default="target/release/dq")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    total = {"files": 0, "clusters": 0, "strict": 0, "folded": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.files:
            out = Path(tmp) / Path(path).name
            run = subprocess.run([args.dq, "audit", path, "-o", str(out), "--quiet"],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{path}: dq audit failed: {run.stderr.strip()}")
                continue
            with open(out / "clean.csv", newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            header, data = rows[0], rows[1:]
            nom = column(header, "NOM", avoid=("PRENOM", "NAISSANCE", "USAGE"))
            prenom = column(header, "PRENOM")
            born = column(header, "NAISSANCE", avoid=("LIEU", "COMMUNE", "DEPARTEMENT", "PAYS"))
            if None in (nom, prenom, born):
                print(f"{Path(path).name}: no surname, given name and birth date columns, skipped")
                continue
            total["files"] += 1
            counts = {"clusters": 0, "strict": 0, "folded": 0}
            with open(out / "duplicates.csv", newline="", encoding="utf-8") as f:
                dupes = [r for r in csv.DictReader(f) if r.get("kind") == "probable"]
            for d in dupes:
                members = [int(m) for m in d["members"].split()]
                recs = [data[m - 1] for m in members if 0 < m <= len(data)]
                strict = {(r[nom].strip(), r[prenom].strip(), r[born].strip()) for r in recs}
                folded = {(fold(r[nom]), fold(r[prenom]), date(r[born])) for r in recs}
                counts["clusters"] += 1
                counts["strict"] += len(strict) > 1
                if len(folded) > 1:
                    counts["folded"] += 1
                    print(f"  {Path(path).name}: rows {d['members']}: "
                          + " / ".join(f"{r[nom]} {r[prenom]} {r[born]}" for r in recs))
            print(f"{Path(path).name}: {len(data)} records, {counts['clusters']} clusters, "
                  f"{counts['strict']} joining different keys as written, "
                  f"{counts['folded']} once folded")
            for k in counts:
                total[k] += counts[k]
    c = max(total["clusters"], 1)
    print(f"total: {total['files']} files, {total['clusters']} clusters, "
          f"{total['strict']} ({100 * total['strict'] / c:.1f} %) joining different keys as "
          f"written, {total['folded']} ({100 * total['folded'] / c:.1f} %) once folded")


if __name__ == "__main__":
    sys.exit(main())
