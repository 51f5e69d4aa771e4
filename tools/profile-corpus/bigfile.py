#!/usr/bin/env python3
"""Writes the 1,000,000-row (~150 MB) benchmark file for dq-profile (not committed).

Command: python3 tools/profile-corpus/bigfile.py /tmp/dq-profile-1m.csv [rows]
"""
import sys
sys.path.insert(0, __import__("os").path.dirname(__file__))
import generate as g

cols = ["siret", "nom", "naf", "adresse", "code_postal", "commune", "code_commune", "date_iso",
        "montant", "effectif", "email", "tel", "lat", "lon", "booleen"]
out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dq-profile-1m.csv"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
with open(out, "w", encoding="utf-8") as f:
    f.write(";".join(cols) + "\n")
    for _ in range(n):
        f.write(";".join(g.COLS[c][2]() for c in cols) + "\n")
