#!/usr/bin/env python3
"""Generate dq-pivot's embedded COG tables from @etalab/decoupage-administratif.

Usage (from the repository root):

    python3 tools/gen-cog/gen_cog.py --tarball /tmp/etalab-decoupage-administratif-6.0.0.tgz \
        --out crates/dq-pivot/src/generated

The tarball is what `npm pack @etalab/decoupage-administratif@6.0.0` downloads; its
sha256 is pinned below and checked before anything is read. The output is
deterministic: every table is sorted, so running the script twice gives byte-identical
files (tools/gen-cog/check.sh regenerates into a temporary directory and diffs).

Source: Etalab / ANCT, "Découpage administratif" npm package, built from INSEE's Code
officiel géographique (COG) 2026, La Poste's base officielle des codes postaux and the
DGCL's EPCI list. Licence Ouverte / Open Licence 2.0.
"""
import argparse
import hashlib
import json
import os
import sys
import tarfile

PACKAGE = "@etalab/decoupage-administratif"
VERSION = "6.0.0"
SHA256 = "c189ffd5b33fe40c2f19e1a923ce557f190622f39228745d3195d746dfe00c4a"
COG = "2026"
COMMAND = "python3 tools/gen-cog/gen_cog.py --tarball etalab-decoupage-administratif-6.0.0.tgz --out crates/dq-pivot/src/generated"

# Kind codes shared with crates/dq-pivot/src/commune.rs (CommuneKind::from_u8).
KIND = {
    "commune-actuelle": 0,
    "arrondissement-municipal": 1,
    "commune-deleguee": 2,
    "commune-associee": 3,
}

# Anciennes régions (before 1 January 2016) and the current région each one was merged
# into, from INSEE's COG 2015 région list and loi n° 2015-29 du 16 janvier 2015, art. 1.
# The npm package only carries current régions, so this table (27 rows of public law,
# not data derived from a sample) is the one part of the output not read from the
# tarball; it is checked below against the current région codes of the package.
OLD_REGIONS = [
    ("01", "Guadeloupe", "01"),
    ("02", "Martinique", "02"),
    ("03", "Guyane", "03"),
    ("04", "La Réunion", "04"),
    ("06", "Mayotte", "06"),
    ("11", "Île-de-France", "11"),
    ("21", "Champagne-Ardenne", "44"),
    ("22", "Picardie", "32"),
    ("23", "Haute-Normandie", "28"),
    ("24", "Centre", "24"),
    ("25", "Basse-Normandie", "28"),
    ("26", "Bourgogne", "27"),
    ("31", "Nord-Pas-de-Calais", "32"),
    ("41", "Lorraine", "44"),
    ("42", "Alsace", "44"),
    ("43", "Franche-Comté", "27"),
    ("52", "Pays de la Loire", "52"),
    ("53", "Bretagne", "53"),
    ("54", "Poitou-Charentes", "75"),
    ("72", "Aquitaine", "75"),
    ("73", "Midi-Pyrénées", "76"),
    ("74", "Limousin", "75"),
    ("82", "Rhône-Alpes", "84"),
    ("83", "Auvergne", "84"),
    ("91", "Languedoc-Roussillon", "76"),
    ("93", "Provence-Alpes-Côte d'Azur", "93"),
    ("94", "Corse", "94"),
]


# The communes of Saint-Barthélemy (97123) and Saint-Martin (97127) were communes of the
# Guadeloupe until loi organique n° 2007-223 du 21 février 2007 made each an overseas
# collectivity, coded 97701 and 97801 by INSEE since then (COG 2008, "collectivités
# d'outre-mer"). The npm package lists the current codes without their former ones, so
# these two rows of public law are added to the historic codes; each target is checked
# below to be a current commune of the package.
COM_2007 = [
    ("97123", "97701"),
    ("97127", "97801"),
]

# The Ministry of the Interior codes overseas départements and collectivities with
# letters in its election results and in the Répertoire national des élus (RNE): see
# the "codes départements" of data.gouv.fr's "Répertoire national des élus" and the
# election results' documentation ("ZA Guadeloupe, ZB Martinique, ZC Guyane, ZD La
# Réunion, ZM Mayotte, ZN Nouvelle-Calédonie, ZP Polynésie française, ZS
# Saint-Pierre-et-Miquelon, ZW Wallis-et-Futuna, ZX Saint-Martin/Saint-Barthélemy,
# ZZ Français établis hors de France"). The rule: `Z` followed by a letter, each naming
# the INSEE code it stands for (ZX names both 977 and 978, listed by the first; ZZ
# has none). Every INSEE code is checked below to be a département of the package.
ELECTORAL = [
    ("ZA", "971", "Guadeloupe"),
    ("ZB", "972", "Martinique"),
    ("ZC", "973", "Guyane"),
    ("ZD", "974", "La Réunion"),
    ("ZM", "976", "Mayotte"),
    ("ZN", "988", "Nouvelle-Calédonie"),
    ("ZP", "987", "Polynésie française"),
    ("ZS", "975", "Saint-Pierre-et-Miquelon"),
    ("ZW", "986", "Wallis-et-Futuna"),
    ("ZX", "977 978", "Saint-Martin/Saint-Barthélemy"),
    ("ZZ", "", "Français établis hors de France"),
]

# The Collectivité européenne d'Alsace (loi n° 2019-816 du 2 août 2019), coded 6AE by
# INSEE's COG since 2021 ("collectivités territoriales ayant les compétences
# départementales", alongside the départements 67 and 68 it groups), and the other
# codes of that COG list that are not a département's own: 20R (Collectivité de Corse,
# 2A and 2B), 69D (Département du Rhône) and 69M (Métropole de Lyon, also the Ministry
# of the Interior's electoral section in the RNE), 75C (Ville de Paris). Checked below
# against the package's départements.
CTCD = [
    ("20R", "Collectivité de Corse", "2A 2B"),
    ("69D", "Département du Rhône", "69"),
    ("69M", "Métropole de Lyon", "69"),
    ("6AE", "Collectivité européenne d'Alsace", "67 68"),
    ("75C", "Ville de Paris", "75"),
]


def lit(s):
    """A Rust string literal."""
    return json.dumps(s, ensure_ascii=False)


def code_key(code):
    """The u32 search key of a 5-char code, monotonic with string order ('0'-'9' < 'A' < 'B')."""
    k = 0
    for ch in code:
        k = k * 12 + ("0123456789AB".index(ch))
    return k


FOLD = {}
for chars, repl in (("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"),
                    ("ñÑ", "n"), ("òóôõöÒÓÔÕÖ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝŸ", "y"),
                    ("œŒ", "oe"), ("æÆ", "ae"), ("ß", "ss")):
    for ch in chars:
        FOLD[ch] = repl
ARTICLES = ("l", "la", "le", "les", "aux", "las", "los")
SAINTS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def fold(name):
    """Mirror of crates/dq-pivot/src/commune/fold.rs and names.rs `expand_into`;
    tests/geo_tables.rs checks that both agree on every name."""
    out = []
    for ch in name:
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            out.append(ch)
        elif "A" <= ch <= "Z":
            out.append(ch.lower())
        elif ch in FOLD:
            out.append(FOLD[ch])
        elif ch.isalnum():
            out.append(ch.lower())
        else:
            out.append(" ")
    words = "".join(out).split()
    if len(words) > 1 and words[-1] in ARTICLES:
        words.insert(0, words.pop())
    return " ".join(SAINTS.get(w, w) for w in words)


def load(tarball):
    data = open(tarball, "rb").read()
    got = hashlib.sha256(data).hexdigest()
    if got != SHA256:
        sys.exit(f"sha256 mismatch for {tarball}: {got} != {SHA256}")
    out = {}
    with tarfile.open(tarball, "r:gz") as t:
        meta = json.load(t.extractfile("package/package.json"))
        if meta.get("version") != VERSION:
            sys.exit(f"expected version {VERSION}, got {meta.get('version')}")
        for name in ("communes", "departements", "regions", "epci", "arrondissements"):
            out[name] = json.load(t.extractfile(f"package/data/{name}.json"))
    return out


def header(what):
    return (
        f"// @generated by tools/gen-cog/gen_cog.py. DO NOT EDIT.\n"
        f"// Command: {COMMAND}\n"
        f"// Source: {PACKAGE} {VERSION} (sha256 {SHA256}), COG {COG}, Licence Ouverte 2.0.\n"
        f"//! {what}\n\n"
    )


def gen_communes(d):
    rows = []
    historic = []
    postal = []
    for c in d["communes"]:
        kind = KIND[c["type"]]
        if kind == 0:
            parent = ""
        elif kind == 1:
            parent = c["commune"]
        else:
            parent = c["chefLieu"]
        cps = sorted(set(c.get("codesPostaux", [])))
        rows.append((c["code"], kind, c.get("typeLiaison", 0), c["nom"], c["departement"], parent, " ".join(cps)))
        if kind in (0, 1):
            for cp in cps:
                postal.append((cp, c["code"]))
        for old in c.get("anciensCodes", []):
            historic.append((old, c["code"]))
    current = {c["code"] for c in d["communes"] if c["type"] == "commune-actuelle"}
    for old, new in COM_2007:
        if new not in current:
            sys.exit(f"historic code {old} maps to unknown commune {new}")
        historic.append((old, new))
    rows.sort()
    historic.sort()
    postal = sorted(set(postal))
    s = [header("Communes, arrondissements, communes déléguées and associées, historic codes and postal codes.")]
    s.append(f"/// Millésime of the Code officiel géographique.\npub const COG_VERSION: &str = {lit(COG)};\n")
    s.append(f"/// Source package and version.\npub const SOURCE: &str = {lit(PACKAGE + ' ' + VERSION)};\n\n")
    s.append("/// `(code, kind, tncc, name, departement, parent, postal codes)`, sorted by code then kind.\n")
    s.append("/// kind: 0 commune, 1 arrondissement, 2 déléguée, 3 associée; parent: current commune.\n")
    s.append("pub static COMMUNES: &[(&str, u8, u8, &str, &str, &str, &str)] = &[\n")
    for r in rows:
        s.append(f"({lit(r[0])},{r[1]},{r[2]},{lit(r[3])},{lit(r[4])},{lit(r[5])},{lit(r[6])}),\n")
    s.append("];\n\n")
    s.append(gen_lookup_index(d, rows, historic))
    s.append("\n/// `(old code, current commune)`, sorted.\npub static HISTORIC: &[(&str, &str)] = &[\n")
    for a, b in historic:
        s.append(f"({lit(a)},{lit(b)}),\n")
    s.append("];\n\n/// The search keys of `HISTORIC`.\n")
    s.append(u32s("HISTORIC_KEYS", [code_key(a) for a, _ in historic]))
    s.append("\n/// `(postal code, commune or arrondissement code)`, sorted.\npub static POSTAL: &[(&str, &str)] = &[\n")
    for a, b in postal:
        s.append(f"({lit(a)},{lit(b)}),\n")
    s.append("];\n\n/// The search keys of `POSTAL`.\n")
    s.append(u32s("POSTAL_KEYS", [int(a) for a, _ in postal]))
    full = []
    bare = []
    for i, r in enumerate(rows):
        k = fold(r[3])
        full.append((k, i))
        first, _, rest = k.partition(" ")
        if rest and first in ARTICLES:
            bare.append((rest, i))
    for name, idx, what in (("NAME_INDEX", sorted(full), "folded official names"),
                            ("BARE_NAME_INDEX", sorted(bare), "folded names without their leading article")):
        s.append(f"\n/// `({what}, row of COMMUNES)`, sorted.\npub static {name}: &[(&str, u32)] = &[\n")
        for k, i in idx:
            s.append(f"({lit(k)},{i}),\n")
        s.append("];\n")
        s.append(name_slots(name, idx))
    return "".join(s)


def fnv1a(text):
    """64-bit FNV-1a over the UTF-8 bytes; crates/dq-pivot/src/commune/names.rs `fnv1a`."""
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def name_slots(name, index):
    """An open-addressing hash table over the distinct keys of a name index: slot
    `fnv1a(key) % size`, then the next slots (linear probing), hold the position in the
    index of the key's first entry; 4294967295 marks an empty slot. At most three
    quarters full, so a lookup reads one or two slots instead of binary-searching strings."""
    starts = {}
    for pos, (k, _) in enumerate(index):
        starts.setdefault(k, pos)
    size = 1
    while 3 * size < 4 * len(starts):
        size *= 2
    slots = [0xFFFFFFFF] * size
    for k, pos in sorted(starts.items()):
        h = fnv1a(k) & (size - 1)
        while slots[h] != 0xFFFFFFFF:
            h = (h + 1) & (size - 1)
        slots[h] = pos
    return (f"\n/// Hash slots over the distinct keys of `{name}` (FNV-1a 64, linear probing, size a power\n"
            f"/// of two): the position in `{name}` of the key's first entry, or `u32::MAX` when empty.\n"
            + ints(f"{name}_SLOTS", "u32", slots))


def gen_lookup_index(d, rows, historic):
    """The index that makes `commune::lookup` a few array reads: buckets over the first
    three characters, the last two characters of each code, and each row's resolution
    (current commune row, région, déléguée flag) computed here once, as
    crates/dq-pivot/src/commune.rs would compute it (a test there checks every row)."""
    deps = {x["code"]: x["region"] for x in d["departements"]}
    region_codes = sorted(x["code"] for x in d["regions"])
    region_index = {c: i for i, c in enumerate(region_codes)}
    current_rows = {r[0]: i for i, r in enumerate(rows) if r[1] == 0}
    deleguee = {r[0] for r in rows if r[1] == 2}
    if len(rows) >= 0xFFFF:
        sys.exit("too many rows for u16 indices")
    resolved = []
    for r in rows:
        cur = r[5] or r[0]
        reg = deps.get(r[4], r[4] if r[4] in region_index else None)
        if reg not in region_index:
            sys.exit(f"{r[0]}: no région for département {r[4]}")
        also = r[1] == 0 and r[0] in deleguee
        resolved.append((current_rows.get(cur, 0xFFFF), region_index[reg], also))
    keys = [code_key(r[0]) for r in rows]
    # Cumulative counts: buckets[b] is the first row whose key // 144 >= b.
    buckets = [0] * (12 ** 3 + 1)
    counts = [0] * (12 ** 3)
    for k in keys:
        counts[k // 144] += 1
    acc = 0
    for b in range(12 ** 3):
        buckets[b] = acc
        acc += counts[b]
    buckets[12 ** 3] = acc
    s = ["/// The région codes `RESOLVED` refers to, sorted.\n"]
    s.append("pub static REGION_CODES: &[&str] = &[" + ",".join(lit(c) for c in region_codes) + "];\n\n")
    s.append("/// For each row of `COMMUNES`: (row of its current commune, index in `REGION_CODES` of\n")
    s.append("/// its région, whether it is a current commune that is also a commune déléguée).\n")
    s.append("pub static RESOLVED: &[(u16, u8, bool)] = &[\n")
    for i in range(0, len(resolved), 8):
        s.append("".join(f"({a},{b},{str(c).lower()})," for a, b, c in resolved[i:i + 8]) + "\n")
    s.append("];\n\n/// `COMMUNE_BUCKETS[b]..COMMUNE_BUCKETS[b + 1]` are the rows of `COMMUNES` whose code\n")
    s.append("/// starts with the three characters numbered `b` (the base-12 key over `0-9AB` divided by 144).\n")
    s.append(ints("COMMUNE_BUCKETS", "u16", buckets))
    s.append("\n/// The last two characters of each row's code (the base-12 key modulo 144).\n")
    s.append(ints("COMMUNE_LOW", "u8", [k % 144 for k in keys]))
    s.append("\n/// For each row of `HISTORIC`: the row of its current commune in `COMMUNES` (65535: none).\n")
    s.append(ints("HISTORIC_ROWS", "u16", [current_rows.get(c, 0xFFFF) for _, c in historic]))
    return "".join(s)


def ints(name, ty, values):
    lines = [f"pub static {name}: &[{ty}] = &[\n"]
    for i in range(0, len(values), 16):
        lines.append(",".join(str(v) for v in values[i:i + 16]) + ",\n")
    lines.append("];\n")
    return "".join(lines)


def u32s(name, values):
    lines = [f"pub static {name}: &[u32] = &[\n"]
    for i in range(0, len(values), 16):
        lines.append(",".join(str(v) for v in values[i:i + 16]) + ",\n")
    lines.append("];\n")
    return "".join(lines)


def gen_admin(d):
    s = [header("Départements, régions (current and pre-2016), arrondissements, electoral codes and EPCI.")]
    s.append("/// `(code, tncc, name, region, chef-lieu)`, sorted by code.\n")
    s.append("pub static DEPARTEMENTS: &[(&str, u8, &str, &str, &str)] = &[\n")
    for x in sorted(d["departements"], key=lambda x: x["code"]):
        s.append(f"({lit(x['code'])},{x.get('typeLiaison', 0)},{lit(x['nom'])},{lit(x['region'])},{lit(x['chefLieu'])}),\n")
    s.append("];\n\n/// `(code, tncc, name, chef-lieu)`, sorted by code.\n")
    s.append("pub static REGIONS: &[(&str, u8, &str, &str)] = &[\n")
    current = set()
    for x in sorted(d["regions"], key=lambda x: x["code"]):
        current.add(x["code"])
        s.append(f"({lit(x['code'])},{x.get('typeLiaison', 0)},{lit(x['nom'])},{lit(x['chefLieu'])}),\n")
    s.append("];\n\n/// `(old code, old name, current code)` of the régions before 2016, sorted by code.\n")
    s.append("pub static OLD_REGIONS: &[(&str, &str, &str)] = &[\n")
    for code, name, new in sorted(OLD_REGIONS):
        if new not in current:
            sys.exit(f"old région {code} maps to unknown région {new}")
        s.append(f"({lit(code)},{lit(name)},{lit(new)}),\n")
    s.append("];\n\n/// `(code, département, name, chef-lieu)` of the arrondissements départementaux, sorted by code.\n")
    s.append("pub static ARRONDISSEMENTS: &[(&str, &str, &str, &str)] = &[\n")
    for x in sorted(d["arrondissements"], key=lambda x: x["code"]):
        s.append(f"({lit(x['code'])},{lit(x['departement'])},{lit(x['nom'])},{lit(x['chefLieu'])}),\n")
    deps = {x["code"] for x in d["departements"]}
    s.append("];\n\n/// `(electoral code, INSEE département codes joined by spaces, name)` of the Ministry of\n")
    s.append("/// the Interior, sorted by code.\n")
    s.append("pub static ELECTORAL: &[(&str, &str, &str)] = &[\n")
    for code, insee, name in sorted(ELECTORAL):
        for dep in insee.split():
            if dep not in deps:
                sys.exit(f"electoral code {code} names unknown département {dep}")
        s.append(f"({lit(code)},{lit(insee)},{lit(name)}),\n")
    s.append("];\n\n/// `(code, name, départements joined by spaces)` of the collectivités à compétences\n")
    s.append("/// départementales that are not départements, sorted by code.\n")
    s.append("pub static CTCD: &[(&str, &str, &str)] = &[\n")
    for code, name, members in sorted(CTCD):
        for dep in members.split():
            if dep not in deps:
                sys.exit(f"collectivity {code} names unknown département {dep}")
        s.append(f"({lit(code)},{lit(name)},{lit(members)}),\n")
    s.append("];\n\n/// `(siren, type, name, member communes joined by spaces, sorted)`, sorted by SIREN.\n")
    s.append("pub static EPCI: &[(&str, &str, &str, &str)] = &[\n")
    for x in sorted(d["epci"], key=lambda x: x["code"]):
        members = " ".join(sorted(m["code"] for m in x["membres"]))
        s.append(f"({lit(x['code'])},{lit(x['type'])},{lit(x['nom'])},{lit(members)}),\n")
    s.append("];\n")
    return "".join(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    d = load(a.tarball)
    os.makedirs(a.out, exist_ok=True)
    for name, text in (("communes.rs", gen_communes(d)), ("admin.rs", gen_admin(d))):
        with open(os.path.join(a.out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


if __name__ == "__main__":
    main()
