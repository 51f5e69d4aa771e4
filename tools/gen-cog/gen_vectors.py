#!/usr/bin/env python3
"""Generate test vectors for dq-pivot's geography from the COG package itself.

Usage: python3 tools/gen-cog/gen_vectors.py --tarball etalab-decoupage-administratif-6.0.0.tgz \
           --out crates/dq-pivot/tests/geo_vectors

Answers are computed here, independently of the Rust code, from the package's JSON and
from a port of the BAL reference validator's `cle_interop` rule (validateur-bal,
schema/fields.ts), with the two documented differences of dq-pivot (Paris/Lyon/Marseille
parent codes invalid, 6-character voie codes accepted). Fixed seed: deterministic output.
Each file is TSV: input, expected status, expected output, then kind-specific columns.
"""
import argparse
import os
import random

from gen_cog import load

KIND = {"commune-actuelle": "commune", "arrondissement-municipal": "arrondissement",
        "commune-deleguee": "deleguee", "commune-associee": "associee"}
ORDER = ["commune", "arrondissement", "deleguee", "associee"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tarball", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    d = load(a.tarball)
    rnd = random.Random(2026)
    kinds = {}
    current = {}
    for c in d["communes"]:
        k = KIND[c["type"]]
        prev = kinds.get(c["code"])
        if prev is None or ORDER.index(k) < ORDER.index(prev):
            kinds[c["code"]] = k
            current[c["code"]] = c["code"] if k == "commune" else c.get("commune") or c.get("chefLieu")
    for c in d["communes"]:
        for old in c.get("anciensCodes", []):
            if old not in kinds:
                kinds[old] = "historic"
                current[old] = c["code"]
    codes = sorted(kinds)
    by_kind = {k: [c for c in codes if kinds[c] == k] for k in ORDER + ["historic"]}
    os.makedirs(a.out, exist_ok=True)

    # INSEE codes.
    rows = []
    def ok(inp, code, rule):
        rows.append((inp, "valid", code, rule, kinds[code], current[code]))
    for k, n in (("commune", 120), ("arrondissement", 15), ("deleguee", 30), ("associee", 20), ("historic", 45)):
        for code in rnd.sample(by_kind[k], n):
            ok(code, code, "as_is")
    zero = [c for c in by_kind["commune"] if c.startswith("0")]
    for code in rnd.sample(zero, 30):
        ok(code[1:], code, "leading_zero")
    for code in rnd.sample(zero, 10):
        ok(code[1:] + ".0", code, "excel_float")
    for code in rnd.sample(by_kind["commune"], 10):
        ok(code + ".0", code, "excel_float")
    corse = [c for c in by_kind["commune"] if c.startswith("2")]
    for code in rnd.sample([c for c in corse if c[1] in "AB"], 10):
        ok(code.lower(), code, "uppercase")
    for code in ("69001", "75001", "20004", "75056", "69123", "13055", "13201", "01015"):
        ok(code, code, "as_is")
    known = set(codes)
    bad = []
    while len(bad) < 25:
        c = "%05d" % rnd.randrange(100000)
        if c not in known and c not in bad:
            bad.append(c)
    bad += ["", "1", "123", "123456", "2C004", "2A0O4", "ABCDE", "1001.5", "7505 6", "20A04"]
    for b in bad:
        rows.append((b, "null" if b == "" else "invalid", "", "", "", ""))
    write(a.out, "insee.tsv", rows)

    # Postal codes.
    postal = {}
    for c in d["communes"]:
        if c["type"] in ("commune-actuelle", "arrondissement-municipal"):
            for p in c.get("codesPostaux", []):
                postal.setdefault(p, set()).add(c["code"])
    cps = sorted(postal)
    rows = []
    for p in rnd.sample(cps, 120):
        rows.append((p, "valid", p, "as_is", " ".join(sorted(x for x in postal[p] if kinds[x] == "commune"))))
    for p in rnd.sample([p for p in cps if p.startswith("0")], 50):
        rows.append((p[1:], "valid", p, "leading_zero", " ".join(sorted(x for x in postal[p] if kinds[x] == "commune"))))
    for p in ("75001", "69001", "13001", "75116", "20000"):
        rows.append((p, "valid", p, "as_is", " ".join(sorted(x for x in postal[p] if kinds[x] == "commune"))))
    # Five digits in no list: valid as written (rule `unlisted`: a CEDEX, special or
    # retired code) when their first digits (three overseas) name a département that has
    # postal codes, invalid otherwise.
    def prefix(p):
        return p[:3] if p[:2] in ("97", "98") else p[:2]

    served = {prefix(p) for p in postal}
    n = 0
    while n < 35:
        p = "%05d" % rnd.randrange(100000)
        if p not in postal:
            if prefix(p) in served:
                rows.append((p, "valid", p, "unlisted", ""))
            else:
                rows.append((p, "invalid", "", "", ""))
            n += 1
    for b in ("", "123", "123456", "75OO1", "7500l", "75 001", "A1000", "1e4", "-1000", "0"):
        rows.append((b, "null" if b == "" else "invalid", "", "", ""))
    write(a.out, "postal.tsv", rows)

    # cle_interop, per the BAL validator.
    actuelles = by_kind["commune"] + by_kind["arrondissement"]
    anciennes = by_kind["deleguee"] + by_kind["associee"] + by_kind["historic"]
    rows = []
    def cle(v):
        t = v.strip()
        if not t:
            return ("null", "")
        parts = t.split("_")
        if len(parts) < 3 or any(not p for p in parts):
            return ("invalid", "")
        commune, voie, num = parts[0].upper(), parts[1], parts[2]
        if commune not in known or commune in ("75056", "69123", "13055"):
            return ("invalid", "")
        if len(voie) not in (4, 6) or not voie.isascii() or not voie.isalnum():
            return ("invalid", "")
        if not (num.isascii() and num.isdigit()) or len(num.lstrip("0")) > 5:
            return ("invalid", "")
        return ("valid", "_".join([commune, voie, num.lstrip("0").rjust(5, "0")] + parts[3:]).lower())
    def add(v):
        s, out = cle(v)
        rows.append((v, s, out))
    for c in rnd.sample(actuelles, 60):
        add("%s_%04d_%05d" % (c.lower(), rnd.randrange(10000), rnd.randrange(1, 3000)))
    for c in rnd.sample(actuelles, 25):
        add("%s_%s_%d" % (c, rnd.choice(["A0B1", "xxxx", "0000", "B123", "z9z9"]), rnd.randrange(1, 300)))
    for c in rnd.sample(actuelles, 15):
        add("%s_%04d_%05d_%s" % (c.lower(), rnd.randrange(10000), rnd.randrange(1, 300), rnd.choice(["bis", "ter", "a", "B"])))
    for c in rnd.sample(anciennes, 15):
        add("%s_%04d_%05d" % (c.lower(), rnd.randrange(10000), rnd.randrange(1, 300)))
    for v in ("75056_1234_00001", "69123_1234_00001", "13055_1234_00001", "75101_1234_00001",
              "69381_1234_00001", "13201_1234_00001", "99999_1234_00001", "01001_123_00001",
              "01001_12345_00001", "01001_1234", "01001__00001", "01001_1234_1a", "01001_1234_-1",
              "_1234_00001", "01001_1234_00001_", "01001_ab12cd_00001", " 01001_1234_1 ",
              "01001_1234_000001", "01001_1234_1234567", "", "abc", "01001-1234-00001",
              "2A004_0010_00001", "2a004_0010_1", "20004_0010_00001", "01001_é123_00001"):
        add(v)
    for c in rnd.sample(actuelles, 20):
        add("%s_%04d_%s" % (c, rnd.randrange(10000), rnd.choice(["12a", "x", "1.5", "", "1 2"])))
    write(a.out, "cle_interop.tsv", rows)


def write(out, name, rows):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
