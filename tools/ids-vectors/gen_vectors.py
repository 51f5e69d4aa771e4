#!/usr/bin/env python3
"""Generate identifier test vectors answered by python-stdnum.

    pip install python-stdnum==2.2
    python3 tools/ids-vectors/gen_vectors.py > crates/dq-pivot/tests/fixtures/ids_vectors.tsv

Each line: kind, input (with \\t, \\n escaped as in JSON), stdnum's verdict (1 valid,
0 invalid), stdnum's compact form when valid. The generation is deterministic (seeded):
valid numbers, single-digit typos, adjacent transpositions, La Poste SIRETs, formatting
variants (spaces, dots, no-break spaces, dashes, fullwidth digits, lower case) and
Excel damage (floats, scientific notation, lost leading zeros).
"""
import json
import random

import stdnum
from stdnum import luhn
from stdnum.fr import nir, siren, siret, tva

assert stdnum.__version__ == "2.2", stdnum.__version__
rng = random.Random(20261128)
rows = []


def add(kind, value):
    mod = {"siren": siren, "siret": siret, "tva": tva, "nir": nir}[kind]
    try:
        compact = mod.validate(value)
        ok = 1
    except Exception:  # noqa: BLE001 - stdnum raises ValidationError subclasses
        compact, ok = "", 0
    if kind == "tva" and ok:
        compact = "FR" + compact
    rows.append((kind, json.dumps(value, ensure_ascii=False), ok, compact))


def rand_siren(lead=None):
    while True:
        body = "".join(str(rng.randrange(10)) for _ in range(8))
        if lead is not None:
            body = lead + body[len(lead):]
        s = body + luhn.calc_check_digit(body)
        return s


def rand_siret(sir=None):
    sir = sir or rand_siren()
    body = sir + "".join(str(rng.randrange(10)) for _ in range(4))
    return body + luhn.calc_check_digit(body)


def typo(s):
    i = rng.randrange(len(s))
    d = str((int(s[i]) + rng.randrange(1, 10)) % 10)
    return s[:i] + d + s[i + 1:]


def transpose(s):
    for _ in range(20):
        i = rng.randrange(len(s) - 1)
        if s[i] != s[i + 1]:
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s


FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def variants(s, groups):
    parts, i = [], 0
    for g in groups:
        parts.append(s[i:i + g])
        i += g
    return [" ".join(parts), ".".join(parts), "\u00a0".join(parts), "\u202f".join(parts),
            "-".join(parts), s.translate(FULL), " " + s + " "]


REAL_SIRENS = ["732829320", "552081317", "356000000", "303265045", "542065479", "775663438"]

# SIREN
for s in REAL_SIRENS:
    add("siren", s)
for _ in range(40):
    add("siren", rand_siren())
for _ in range(20):
    add("siren", typo(rand_siren()))
for _ in range(10):
    add("siren", transpose(rand_siren()))
for v in variants("732829320", [3, 3, 3]):
    add("siren", v)
for v in ["12 345 678a9", "73282932O", "7328293200", "73282932", "", "A32829320"]:
    add("siren", v)
for _ in range(5):
    add("siren", rand_siren("0")[1:])  # lost leading zero

# SIRET
for s in ["73282932000074", "35600000000048", "55208131766522"]:
    add("siret", s)
for _ in range(45):
    add("siret", rand_siret())
for _ in range(20):
    add("siret", typo(rand_siret()))
for _ in range(10):
    add("siret", transpose(rand_siret()))
# La Poste: digit sum multiple of 5, Luhn-only, neither.
poste = []
for nic in range(100000):
    n = "356000000%05d" % nic
    ds = sum(map(int, n)) % 5 == 0
    lu = luhn.is_valid(n)
    poste.append((n, ds, lu))
rng.shuffle(poste)
for want in [(True, False), (True, True), (False, True), (False, False)]:
    picked = [n for n, ds, lu in poste if (ds, lu) == want][:6]
    for n in picked:
        add("siret", n)
for v in variants("73282932000074", [3, 3, 3, 5]):
    add("siret", v)
for v in ["35600000000048.0", "35600000000048,0", "73282932000074.00", "3.56E+13", "3,56E+13",
          "1.23457E+13", "7.32829E+13", "7.3282932000074E+13", "7328293200007a", "7328293200007",
          "732829320000745"]:
    add("siret", v)
for _ in range(5):
    add("siret", rand_siret(rand_siren("0"))[1:])  # lost leading zero

# TVA
for s in REAL_SIRENS:
    add("tva", "FR" + siren.to_tva(s))
for _ in range(30):
    add("tva", "FR" + siren.to_tva(rand_siren()))
for _ in range(12):
    add("tva", "FR" + typo(siren.to_tva(rand_siren())))
alpha = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
found = 0
while found < 10:
    s = rand_siren()
    k = rng.choice(alpha[10:]) + rng.choice(alpha)
    if tva.is_valid(k + s):
        add("tva", "FR" + k + s)
        found += 1
for _ in range(6):
    add("tva", "FR" + rng.choice(alpha[10:]) + rng.choice(alpha) + rand_siren())
for v in ["FR 40 303 265 045", "fr40303265045", "Fr 40 303 265 045", "FR40-303-265-045",
          "40303265045", "FR 40 303 265 04", "FR4030326504A", "FRIO334175221", "FR40303265046",
          "FR00000000190", "FR 44 732 829 320", "BE0403019261"]:
    add("tva", v)

# NIR
DEPTS = ["75", "69", "13", "2A", "2B", "971", "974", "99", "01", "59"]


def rand_nir():
    sex = rng.choice("12")
    year = "%02d" % rng.randrange(100)
    month = "%02d" % rng.randrange(1, 13)
    dep = rng.choice(DEPTS)
    com = "".join(str(rng.randrange(10)) for _ in range(5 - len(dep)))
    order = "%03d" % rng.randrange(1, 1000)
    body = sex + year + month + dep + com + order
    return body + nir.calc_check_digits(body + "00")


for _ in range(50):
    add("nir", rand_nir())
for _ in range(15):
    n = rand_nir()
    i = rng.choice([0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14])
    add("nir", n[:i] + str((int(n[i]) + 1) % 10) + n[i + 1:] if n[i].isdigit() else n)
for _ in range(8):
    add("nir", transpose(rand_nir()))
for _ in range(5):
    n = rand_nir()
    add("nir", " ".join([n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:]]))
for v in ["2 95 10 99 126 111 93", "295109912611193", "295109912611194", "29510991261119",
          "184122a12345697", "184122B12345697", "1 84 12 2A 123 456 97"]:
    add("nir", v)

for kind, value, ok, compact in rows:
    print(f"{kind}\t{value}\t{ok}\t{compact}")
