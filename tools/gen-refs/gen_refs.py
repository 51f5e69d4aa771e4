#!/usr/bin/env python3
"""Generate dq-pivot's embedded reference lists other than the COG (countries, cantons,
CSP labels, FANTOIR codes, La Poste postal codes that no commune carries).

Usage (from the repository root):

    python3 tools/gen-refs/gen_refs.py \
        --frformat frformat-0.5.0-py3-none-any.whl \
        --csv-detective csv_detective-0.13.0-py3-none-any.whl \
        --iso-codes iso-codes_4.15.0-1_all.deb \
        --cog etalab-decoupage-administratif-6.0.0.tgz \
        --out crates/dq-pivot/src/generated

tools/gen-refs/check.sh downloads the four pinned packages with their registries' own
clients (pip download, apt-get download, npm pack), regenerates into a temporary
directory and diffs. Every input's sha256 is checked before anything is read; the
output is sorted, so two runs give byte-identical files.

Sources, all published by or for the French administration and free to reuse:

- frformat 0.5.0 (PyPI, MIT, by data.gouv.fr): La Poste's base officielle des codes
  postaux (hexasmal, first half of 2025), the names of cantons and pseudo-cantons of
  INSEE's COG 2024, the names of countries and territories of INSEE's COG 2024, and the
  partial FANTOIR (DGFiP) codes. Its Python modules hold them as set literals, read
  here with `ast.literal_eval` (never imported, never executed).
- csv-detective 0.13.0 (PyPI, MIT, by data.gouv.fr): the labels of INSEE's
  nomenclature of professions and socio-professional categories (PCS, `csp_insee.txt`).
- iso-codes 4.15.0-1 (Debian, LGPL-2.1+): ISO 3166-1 alpha-2, alpha-3 and numeric
  country codes (`iso_3166-1.json`).
- @etalab/decoupage-administratif 6.0.0 (npm, Licence Ouverte 2.0): only to tell which
  La Poste codes no commune carries (the COG tables themselves are tools/gen-cog's).
"""
import argparse
import ast
import hashlib
import io
import json
import lzma
import os
import sys
import tarfile
import zipfile

FRFORMAT = ("frformat", "0.5.0", "frformat-0.5.0-py3-none-any.whl",
            "f7f8763598b702ad62e33d4587f669a9f8cd92dd86cf24efa8524fd8d92b88f0")
CSV_DETECTIVE = ("csv-detective", "0.13.0", "csv_detective-0.13.0-py3-none-any.whl",
                 "e2bdefc41062b0fc30a4bbbb30d0df4abf9edcedf02957578f6508f909893d26")
ISO_CODES = ("iso-codes", "4.15.0-1", "iso-codes_4.15.0-1_all.deb",
             "b1beb869303229c38288d4ddacfd582c91f594759b5767c9cecebd87f16ff70e")
COG = ("@etalab/decoupage-administratif", "6.0.0", "etalab-decoupage-administratif-6.0.0.tgz",
       "c189ffd5b33fe40c2f19e1a923ce557f190622f39228745d3195d746dfe00c4a")
COMMAND = "python3 tools/gen-refs/gen_refs.py (see tools/gen-refs/check.sh)"


# INSEE's PCS 2003, level "catégories socioprofessionnelles détaillées": the posts of
# groups 7 (retraités) and 8 (autres personnes sans activité professionnelle) have no
# profession below them and are written with two zeros in 4-character codes (`7100`).
# Those posts are 71, 72, 74, 75, 77, 78 and 81, 83, 84, 85, 86 (INSEE, "Nomenclature
# des professions et catégories socioprofessionnelles PCS 2003", niveau 3); the
# professions of groups 1 to 6 are written digit, digit, digit, letter (`121f`). No
# machine-readable copy of the nomenclature reaches this machine, so the rule is here.
PCS_INACTIVE_POSTS = ["71", "72", "74", "75", "77", "78", "81", "83", "84", "85", "86"]


def lit(s):
    """A Rust string literal."""
    return json.dumps(s, ensure_ascii=False)


def read_pinned(path, pin):
    data = open(path, "rb").read()
    got = hashlib.sha256(data).hexdigest()
    if got != pin[3]:
        sys.exit(f"sha256 mismatch for {path}: {got} != {pin[3]}")
    return data


FOLD = {}
for chars, repl in (("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"),
                    ("ñÑ", "n"), ("òóôõöÒÓÔÕÖ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝŸ", "y"),
                    ("œŒ", "oe"), ("æÆ", "ae"), ("ß", "ss")):
    for ch in chars:
        FOLD[ch] = repl


def fold(name):
    """Mirror of crates/dq-pivot/src/commune/fold.rs `fold_into`: lower-case ASCII words
    separated by one space; tests in crates/dq-pivot/src/reference.rs check that both
    agree on every embedded name."""
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
    return " ".join("".join(out).split())


def set_literals(source):
    """The `NAME = frozenset({...})` literals of a Python module, by name."""
    out = {}
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)):
            continue
        v = node.value
        if isinstance(v, ast.Call) and getattr(v.func, "id", "") == "frozenset" and v.args:
            try:
                out[node.targets[0].id] = set(ast.literal_eval(v.args[0]))
            except ValueError:
                pass
    return out


def load(a):
    d = {}
    with zipfile.ZipFile(io.BytesIO(read_pinned(a.frformat, FRFORMAT))) as z:
        mod = lambda n: set_literals(z.read(f"frformat/formats/{n}_frozenset.py").decode("utf-8"))
        d["postal"] = mod("code_postal")["CODES_POSTAUX_SEMESTRE1_2025"]
        d["cantons"] = mod("canton")["CANTON_COG_2024"]
        d["pays"] = mod("pays")["PAYS_COG_2024"]
        d["fantoir"] = mod("code_fantoir")["PARTIAL_CODE_FANTOIR"]
    with zipfile.ZipFile(io.BytesIO(read_pinned(a.csv_detective, CSV_DETECTIVE))) as z:
        text = z.read("csv_detective/formats/data/csp_insee.txt").decode("utf-8")
        d["csp"] = {line.strip() for line in text.split("\n") if line.strip()}
    d["countries"] = iso_3166(read_pinned(a.iso_codes, ISO_CODES))
    with tarfile.open(fileobj=io.BytesIO(read_pinned(a.cog, COG)), mode="r:gz") as t:
        communes = json.load(t.extractfile("package/data/communes.json"))
    d["cog_postal"] = {p for c in communes for p in c.get("codesPostaux", [])}
    return d


def iso_3166(deb):
    """`iso_3166-1.json` out of the Debian package: an `ar` archive holding data.tar.xz."""
    if not deb.startswith(b"!<arch>\n"):
        sys.exit("iso-codes: not a Debian package")
    pos = 8
    while pos + 60 <= len(deb):
        name = deb[pos:pos + 16].decode().strip().rstrip("/")
        size = int(deb[pos + 48:pos + 58].decode().strip())
        body = deb[pos + 60:pos + 60 + size]
        if name.startswith("data.tar"):
            raw = lzma.decompress(body) if name.endswith(".xz") else body
            with tarfile.open(fileobj=io.BytesIO(raw)) as t:
                f = t.extractfile("./usr/share/iso-codes/json/iso_3166-1.json")
                return json.load(f)["3166-1"]
        pos += 60 + size + (size % 2)
    sys.exit("iso-codes: no data archive")


def header():
    return (
        "// @generated by tools/gen-refs/gen_refs.py. DO NOT EDIT.\n"
        f"// Command: {COMMAND}\n"
        f"// Sources: {FRFORMAT[0]} {FRFORMAT[1]} (sha256 {FRFORMAT[3]}), MIT;\n"
        f"// {CSV_DETECTIVE[0]} {CSV_DETECTIVE[1]} (sha256 {CSV_DETECTIVE[3]}), MIT;\n"
        f"// Debian {ISO_CODES[0]} {ISO_CODES[1]} (sha256 {ISO_CODES[3]}), LGPL-2.1+;\n"
        f"// {COG[0]} {COG[1]} (sha256 {COG[3]}), Licence Ouverte 2.0.\n"
        "//! Countries (ISO 3166-1, INSEE names), cantons, PCS labels, FANTOIR codes and the\n"
        "//! La Poste postal codes that no commune carries.\n\n"
    )


def strs(name, doc, values):
    s = [f"/// {doc}\npub static {name}: &[&str] = &[\n"]
    for i in range(0, len(values), 8):
        s.append(",".join(lit(v) for v in values[i:i + 8]) + ",\n")
    s.append("];\n\n")
    return "".join(s)


def pairs(name, doc, values):
    s = [f"/// {doc}\npub static {name}: &[(&str, &str)] = &[\n"]
    for a, b in values:
        s.append(f"({lit(a)},{lit(b)}),\n")
    s.append("];\n\n")
    return "".join(s)


def gen(d):
    s = [header()]
    s.append(f"/// The packages the lists come from.\npub const SOURCES: &str = "
             f"{lit(', '.join(f'{p[0]} {p[1]}' for p in (FRFORMAT, CSV_DETECTIVE, ISO_CODES, COG)))};\n\n")
    extra = sorted(d["postal"] - d["cog_postal"])
    if not all(len(p) == 5 and p.isdigit() for p in extra):
        sys.exit("postal codes: not 5 digits")
    s.append(strs("POSTAL_WITHOUT_COMMUNE",
                  "La Poste postal codes (hexasmal, 2025) that no commune of the COG package carries\n"
                  "/// (Monaco's `98000`, New Caledonia's delivery codes), sorted.", extra))
    s.append(pairs("CANTON_NAMES", "`(folded name, official name)` of the cantons and pseudo-cantons\n"
                   "/// (COG 2024), sorted.", sorted({(fold(n), n) for n in d["cantons"]})))
    s.append(pairs("PAYS_NAMES", "`(folded name, official name)` of INSEE's countries and territories\n"
                   "/// (COG 2024), sorted.", sorted({(fold(n), n) for n in d["pays"]})))
    s.append("/// `(alpha-2, alpha-3, numeric, English name)` of ISO 3166-1, sorted by alpha-2.\n")
    s.append("pub static COUNTRIES: &[(&str, &str, &str, &str)] = &[\n")
    for c in sorted(d["countries"], key=lambda c: c["alpha_2"]):
        s.append(f"({lit(c['alpha_2'])},{lit(c['alpha_3'])},{lit(c['numeric'])},{lit(c['name'])}),\n")
    s.append("];\n\n")
    s.append(strs("PCS_INACTIVE_CODES", "PCS 2003 codes of the posts of groups 7 and 8, written with two\n"
                  "/// zeros (see tools/gen-refs/gen_refs.py for the source).", [p + "00" for p in PCS_INACTIVE_POSTS]))
    s.append(strs("CSP_LABELS", "Folded labels of INSEE's PCS (professions and socio-professional\n"
                  "/// categories, every level), sorted.", sorted({fold(v) for v in d["csp"]})))
    codes = sorted(d["fantoir"])
    if not all(len(c) == 4 and c.isascii() and c.isalnum() for c in codes):
        sys.exit("fantoir: not 4 ASCII characters")
    s.append("/// The FANTOIR codes without their key letter (4 characters each, concatenated, sorted):\n")
    s.append("/// `0001`…`9999` for ways, a letter and 3 digits for lieux-dits…\n")
    s.append("pub static FANTOIR: &str = concat!(\n")
    for i in range(0, len(codes), 24):
        s.append(lit("".join(codes[i:i + 24])) + ",\n")
    s.append(");\n")
    return "".join(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frformat", required=True)
    ap.add_argument("--csv-detective", required=True)
    ap.add_argument("--iso-codes", required=True)
    ap.add_argument("--cog", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    text = gen(load(a))
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "refs.rs"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
