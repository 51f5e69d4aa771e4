#!/usr/bin/env python3
"""Writes examples/data/etablissements.csv: the messy sample that `dq audit` runs on.

The file imitates what administrations publish: windows-1252 with `;`, a title line,
mojibake cells, Excel-mangled postal and INSEE codes, SIRETs with spaces and a few bad
keys, French amounts and dates, null tokens, and the same establishment written several
ways. Deterministic: the same seed gives the same bytes.

Usage: python3 tools/gen-sample/gen_sample.py [--rows N] [--seed S] [--out PATH]
"""
import argparse
import random

# Real communes (code INSEE, name, postal code) so that pivot lookups resolve.
COMMUNES = [
    ("01053", "Bourg-en-Bresse", "01000"),
    ("06088", "Nice", "06000"),
    ("13055", "Marseille", "13001"),
    ("2A004", "Ajaccio", "20000"),
    ("31555", "Toulouse", "31000"),
    ("33063", "Bordeaux", "33000"),
    ("34172", "Montpellier", "34000"),
    ("35238", "Rennes", "35000"),
    ("42218", "Saint-Étienne", "42000"),
    ("44109", "Nantes", "44000"),
    ("59009", "Villeneuve-d'Ascq", "59650"),
    ("59350", "Lille", "59000"),
    ("67482", "Strasbourg", "67000"),
    ("69123", "Lyon", "69001"),
    ("75056", "Paris", "75001"),
    ("85191", "La Roche-sur-Yon", "85000"),
    ("97411", "Saint-Denis", "97400"),
]
NAMES = ["Boulangerie", "Garage", "Pharmacie", "Librairie", "Menuiserie", "Café",
         "Hôtel", "Crèche", "Épicerie", "Fromagerie", "Pâtisserie", "Imprimerie"]
OWNERS = ["Dupont", "Lefèvre", "Müller", "Gérard", "Benoît", "Leroy", "Moreau",
          "Faure", "Rousseau", "Chevalier", "Françoise", "Noël", "Lemaître", "Cœur"]
FORMS = ["SARL", "SAS", "EURL", "SA", "SCI", ""]
FORM_VARIANTS = {"SARL": "S.A.R.L.", "SAS": "S.A.S.", "EURL": "E.U.R.L.", "SA": "S.A.",
                 "SCI": "S.C.I.", "": ""}
STREETS = [("avenue", "av."), ("boulevard", "bd"), ("rue", "r."), ("place", "pl."),
           ("impasse", "imp."), ("chemin", "che")]
STREET_NAMES = ["du Général de Gaulle", "Jean Jaurès", "de la République", "Victor Hugo",
                "des Écoles", "Pasteur", "de l'Église", "Saint-Exupéry"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
NULLS = ["NC", "n.d.", "-", "", "N/A"]


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def with_luhn(prefix):
    for k in range(10):
        if luhn_ok(prefix + str(k)):
            return prefix + str(k)
    raise AssertionError("unreachable")


def siret(rng):
    siren = with_luhn("".join(rng.choice("0123456789") for _ in range(8)).replace("0", "1", 1))
    nic = "".join(rng.choice("0123456789") for _ in range(4))
    for k in range(10):
        cand = siren + nic + str(k)
        if luhn_ok(cand):
            return cand
    return siren + "00012"


def ascii_fold(text):
    import unicodedata
    text = text.replace("œ", "oe").replace("Œ", "OE")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def mojibake(text):
    return text.encode("utf-8").decode("cp1252", errors="replace")


def messy_date(rng, y, m, d):
    style = rng.randrange(6)
    if style == 0:
        return f"{d:02}/{m:02}/{y}"
    if style == 1:
        return f"{y}-{m:02}-{d:02}"
    if style == 2:
        return f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"
    if style == 3:
        return f"{d}/{m}/{y}"
    if style == 4:
        return f"{d:02}/{m:02}/{y}"
    return rng.choice(["00/00/0000", "NC", ""])


def messy_amount(rng, cents):
    euros, c = divmod(cents, 100)
    grouped = f"{euros:,}".replace(",", " ")
    style = rng.randrange(6)
    if style == 0:
        return f"{grouped},{c:02}"
    if style == 1:
        return f"{grouped} €"
    if style == 2:
        return f"{euros},{c:02}"
    if style == 3:
        return f"{grouped.replace(' ', chr(0xA0))},{c:02}"
    if style == 4:
        return rng.choice(NULLS)
    return f"{euros}.{c:02}"


def establishment(rng, i):
    code, commune, cp = rng.choice(COMMUNES)
    form = rng.choice(FORMS)
    name = f"{rng.choice(NAMES)} {rng.choice(OWNERS)}"
    street = rng.choice(STREETS)
    return {
        "siret": siret(rng),
        "name": name,
        "form": form,
        "enseigne": rng.choice(["", name.split()[0].upper(), f"Chez {rng.choice(OWNERS)}"]),
        "num": rng.randrange(1, 120),
        "rep": rng.choice(["", "", "", "bis", "ter"]),
        "street": street,
        "street_name": rng.choice(STREET_NAMES),
        "cp": cp,
        "commune": commune,
        "code": code,
        "date": (rng.randrange(1990, 2025), rng.randrange(1, 13), rng.randrange(1, 29)),
        "amount": rng.randrange(50_000, 5_000_000),
        "staff": rng.randrange(0, 250),
        "phone": "0" + str(rng.randrange(1, 6)) + "".join(rng.choice("0123456789") for _ in range(8)),
        "email": f"contact@{ascii_fold(name.split()[1]).lower()}.fr",
        "active": rng.choice(["oui", "non", "Oui", "O", "1", "vrai"]),
    }


def render(rng, e, variant):
    form = e["form"]
    if variant and rng.random() < 0.5:
        form = FORM_VARIANTS[form]
    raison = f"{e['name']} {form}".strip()
    if variant and rng.random() < 0.4:
        raison = raison.upper()
    long_st, short_st = e["street"]
    st = short_st if (variant and rng.random() < 0.6) else long_st
    rep = f" {e['rep']}" if e["rep"] else ""
    adresse = f"{e['num']}{rep} {st} {e['street_name']}"
    if variant and rng.random() < 0.3:
        adresse = adresse.upper()
    siret_txt = e["siret"]
    r = rng.random()
    if r < 0.15:
        siret_txt = f"{siret_txt[:3]} {siret_txt[3:6]} {siret_txt[6:9]} {siret_txt[9:]}"
    elif r < 0.2:
        siret_txt = siret_txt[:-1] + str((int(siret_txt[-1]) + 3) % 10)  # bad key
    elif r < 0.23:
        siret_txt = f"{int(siret_txt[:4]) / 1000:.2f}E+13".replace(".", ",")  # Excel damage
    cp = e["cp"]
    if cp.startswith("0") and rng.random() < 0.7:
        cp = cp.lstrip("0")  # Excel dropped the leading zero
    code = e["code"]
    if code.startswith("0") and rng.random() < 0.5:
        code = code.lstrip("0") + rng.choice(["", ".0"])
    commune = e["commune"]
    if rng.random() < 0.15:
        commune = mojibake(commune)
    elif rng.random() < 0.2:
        commune = commune.upper()
    if rng.random() < 0.1:
        raison = mojibake(raison)
    if rng.random() < 0.1:
        raison = "  " + raison.replace(" ", "  ", 1) + " "
    phone = e["phone"]
    ph = rng.randrange(5)
    if ph == 0:
        phone = " ".join(phone[i:i + 2] for i in range(0, 10, 2))
    elif ph == 1:
        phone = "+33 " + phone[1:]
    elif ph == 2:
        phone = ".".join(phone[i:i + 2] for i in range(0, 10, 2))
    elif ph == 3:
        phone = rng.choice(NULLS)
    y, m, d = e["date"]
    return [siret_txt, raison, e["enseigne"], adresse, cp, commune, code,
            messy_date(rng, y, m, d), messy_amount(rng, e["amount"]),
            rng.choice([str(e["staff"]), str(e["staff"]), "NC"]), phone,
            rng.choice([e["email"], e["email"].upper(), " " + e["email"], ""]),
            e["active"], rng.choice(["", f"www.{e['email'].split('@')[1]}",
                                     f"https://{e['email'].split('@')[1]}/"])]


def quote(cell):
    if any(ch in cell for ch in ';"\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=300)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", default="examples/data/etablissements.csv")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    header = ["siret", "raison_sociale", "enseigne", "adresse", "code_postal", "commune",
              "code_commune", "date_creation", "montant_subvention", "effectif",
              "telephone", "email", "actif", "site_web"]
    rows = []
    n_entities = int(args.rows * 0.8)
    for i in range(n_entities):
        e = establishment(rng, i)
        rows.append(render(rng, e, variant=False))
        if rng.random() < 0.15:  # the same establishment, written again differently
            rows.append(render(rng, e, variant=True))
        if rng.random() < 0.03:  # an exact copy of the row
            rows.append(list(rows[-1]))
    rows = rows[: args.rows]
    lines = ["Liste des établissements subventionnés - extraction 2026;;;;;;;;;;;;;", ""]
    lines.append(";".join(header))
    lines += [";".join(quote(c) for c in row) for row in rows]
    data = ("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace")
    with open(args.out, "wb") as f:
        f.write(data)
    print(f"wrote {args.out}: {len(rows)} rows, {len(data)} bytes")


if __name__ == "__main__":
    main()
