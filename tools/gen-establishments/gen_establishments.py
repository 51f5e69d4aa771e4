#!/usr/bin/env python3
"""Synthetic French establishments with known duplicates, for evaluating `dq dedupe`.

Deterministic for a given --seed. Writes DATA.csv (record_id, siret, raison_sociale,
enseigne, adresse, code_postal, commune) and DATA.truth.csv (record_id, entity_id).

What makes it hard, on purpose:
- raison sociale variants: legal form spelt S.A.R.L./SARL, moved, dropped; case, accents,
  typos; `Ets`/`Sté` prefixes; enseigne given instead of or besides the raison sociale;
- SIRET typos (one digit, which breaks the Luhn key) and missing SIRETs;
- abbreviated addresses (`av.`/`avenue`, `bd`, `r.`), missing values;
- NON-duplicates that look alike: sibling establishments of one company (same SIREN and
  name, different NIC and address), a holder's many SCIs at one address, successor
  businesses at the same address, namesakes in other towns.

The word lists below are small illustrative vocabularies, not reference data.

Usage: python3 tools/gen-establishments/gen_establishments.py --rows 10000 --seed 1 -o /tmp/est10k.csv
"""
import argparse
import csv
import random

SURNAMES = """MARTIN BERNARD THOMAS PETIT ROBERT RICHARD DURAND DUBOIS MOREAU LAURENT SIMON MICHEL
LEFEBVRE LEROY ROUX DAVID BERTRAND MOREL FOURNIER GIRARD BONNET DUPONT LAMBERT FONTAINE ROUSSEAU
VINCENT MULLER LEFEVRE FAURE ANDRE MERCIER BLANC GUERIN BOYER GARNIER CHEVALIER FRANCOIS LEGRAND
GAUTHIER GARCIA PERRIN ROBIN CLEMENT MORIN NICOLAS HENRY ROUSSEL MATHIEU GAUTIER MASSON MARCHAND
DUVAL DENIS DUMONT MARIE LEMAIRE NOEL MEYER DUFOUR MEUNIER BRUN BLANCHARD GIRAUD JOLY RIVIERE
LUCAS BRUNET GAILLARD BARBIER ARNAUD MARTINEZ GERARD ROCHE RENARD SCHMITT ROY LEROUX COLIN VIDAL
CARON PICARD ROGER FABRE AUBERT LEMOINE RENAUD DUMAS LACROIX OLIVIER PHILIPPE BOURGEOIS PIERRE
BENOIT REY LECLERC PAYET ROLLAND LECLERCQ GUILLAUME LECOMTE LOPEZ JEAN DUPUY GUILLOT HUBERT BERGER
CARPENTIER SANCHEZ DUPUIS MOULIN LOUIS DESCHAMPS HUET VASSEUR PEREZ BOUCHER FLEURY ROYER KLEIN
JACQUET ADAM PARIS POIRIER MARTY AUBRY GUYOT CARRE CHARLES RENAULT CHARPENTIER MENARD MAILLARD
BARON BERTIN BAILLY HERVE SCHNEIDER FERNANDEZ LE_GALL COLLET LEGER BOUVIER JULIEN PREVOST MILLET
PERROT DANIEL LE_ROUX COUSIN GERMAIN BRETON BESSON LANGLOIS REMY LE_GOFF PELLETIER LEVEQUE PERRIER
LEBLANC BARRE LEBRUN MARCHAL WEBER MALLET HAMON BOULANGER JACOB MONNIER MICHAUD RODRIGUEZ GUICHARD
GILLET ETIENNE GRONDIN POULAIN TESSIER CHEVALLIER COLLIN CHAUVIN DA_SILVA BOUCHET GAY LEMAITRE
BENARD MARECHAL HUMBERT REYNAUD ANTOINE HOARAU PERRET BARTHELEMY CORDIER PICHON LEJEUNE GILBERT""".split()
ACTIVITIES = """BOULANGERIE PATISSERIE BOUCHERIE CHARCUTERIE GARAGE PHARMACIE CABINET RESTAURANT TRANSPORTS
COIFFURE PLOMBERIE ELECTRICITE MENUISERIE MACONNERIE CONSEIL IMMOBILIER AMBULANCES TAXI FLEURS
OPTIQUE PRESSING BRASSERIE CAFE HOTEL EPICERIE LIBRAIRIE AUTO-ECOLE INFORMATIQUE COUVERTURE
PEINTURE CARRELAGE JARDINS NETTOYAGE SECURITE FORMATION""".split()
FANCY = """LE_FOURNIL LA_BONNE_PATE AU_BON_PAIN LE_COMPTOIR LES_DELICES L_ATELIER LE_RELAIS LA_TABLE
LE_PETIT_MARCHE AUX_QUATRE_SAISONS LE_MOULIN L_ESCALE LA_FONTAINE LE_CEDRE LES_TILLEULS LE_PARC
LES_ACACIAS LA_ROSERAIE LE_BELVEDERE LES_PINS LE_CLOS LA_COLLINE LE_PORT L_OLIVIER LE_SOLEIL""".split()
FIRST = """JEAN PIERRE MARIE LOUIS ANDRE MICHEL PAUL JACQUES FRANCOIS HENRI VICTOR EMILE JULES ANATOLE
GEORGES CHARLES ALBERT LEON GUSTAVE EUGENE""".split()
STREET_TYPES = [("RUE", ["R.", "R", "rue", "Rue"]), ("AVENUE", ["AV.", "AV", "av.", "Ave"]),
                ("BOULEVARD", ["BD", "Bd", "bd", "BLD"]), ("PLACE", ["PL.", "pl", "Pl."]),
                ("CHEMIN", ["CH.", "CHE", "ch."]), ("ALLEE", ["ALL.", "all."]),
                ("IMPASSE", ["IMP.", "imp"]), ("ROUTE", ["RTE", "rte"]), ("QUAI", ["QUAI", "quai"])]
STREET_NAMES = ["DE LA PAIX", "DE LA REPUBLIQUE", "DU GENERAL DE GAULLE", "DES LILAS", "DE LA GARE",
                "DU MOULIN", "DES ECOLES", "DE L EGLISE", "PASTEUR", "DU CHATEAU", "DES PRES",
                "DES ROSIERS", "DE LA LIBERATION", "DU STADE", "DES VIGNES", "DE LA MAIRIE"]
FORMS = ["SARL", "SAS", "SASU", "EURL", "SA", "SNC", "SCOP"]
FORM_VARIANTS = {"SARL": ["S.A.R.L.", "Sarl", "SARL"], "SAS": ["S.A.S.", "SAS", "Sas"],
                 "SASU": ["SASU", "S.A.S.U."], "EURL": ["EURL", "E.U.R.L."], "SA": ["SA", "S.A."],
                 "SNC": ["SNC", "S.N.C."], "SCOP": ["SCOP", "Scop"], "SCI": ["SCI", "S.C.I."]}
ACCENTS = {"E": "É", "A": "À", "C": "Ç", "I": "Î", "O": "Ô", "U": "Û"}


def luhn_ok(digits):
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def with_luhn(prefix):
    for last in "0123456789":
        if luhn_ok(prefix + last):
            return prefix + last
    raise AssertionError


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used_siren = set()
        depts = [f"{d:02d}" for d in range(1, 96) if d != 20]
        self.towns = []
        for i in range(4000):
            d = self.r.choice(depts)
            cp = d + f"{self.r.randrange(0, 100) * 10:03d}"
            name = self.r.choice(["SAINT ", "", "", "LE ", "LA ", "VILLE", "MONT"]) + self.r.choice(SURNAMES).replace("_", " ")
            self.towns.append((cp, name.strip() + ("-" + self.r.choice(["SUR-MER", "LES-BAINS", "EN-BRIE", "LE-VIEUX"]) if self.r.random() < 0.2 else "")))

    def siren(self):
        while True:
            s = with_luhn("".join(self.r.choice("0123456789") for _ in range(8)))
            if s not in self.used_siren and s[0] != "0":
                self.used_siren.add(s)
                return s

    def address(self, town=None):
        st, _ = self.r.choice(STREET_TYPES)
        num = self.r.randrange(1, 200)
        bis = self.r.choice(["", "", "", "", "", "", " BIS", " TER"])
        return {"number": f"{num}{bis}", "type": st, "name": self.r.choice(STREET_NAMES + [f"{self.r.choice(FIRST)} {self.r.choice(SURNAMES)}".replace("_", " ")]),
                "town": town or self.r.choice(self.towns)}

    def company_name(self):
        r = self.r.random()
        sur = self.r.choice(SURNAMES).replace("_", " ")
        if r < 0.45:
            return f"{self.r.choice(ACTIVITIES)} {sur}"
        if r < 0.7:
            return f"{sur} {self.r.choice(['ET FILS', 'FRERES', 'ET ASSOCIES', 'CONSEIL', 'SERVICES', 'DISTRIBUTION'])}"
        if r < 0.85:
            return f"{self.r.choice(FANCY).replace('_', ' ')} {self.r.choice(['', sur])}".strip()
        return f"{sur} {self.r.choice(SURNAMES).replace('_', ' ')}"


def build(n_rows, seed):
    g = Gen(seed)
    r = g.r
    entities = []  # (siret, raison, form, enseigne, address)

    def add_company(name, form, n_estab, town=None, same_addr=None):
        siren = g.siren()
        for k in range(n_estab):
            nic = with_luhn_siret(siren, k + 1)
            addr = same_addr or g.address(town if k == 0 else None)
            enseigne = r.choice(FANCY).replace("_", " ") if r.random() < 0.3 else ""
            entities.append({"siret": nic, "name": name, "form": form, "enseigne": enseigne, "addr": addr})

    def with_luhn_siret(siren, k):
        for nic in range(k * 10, k * 10 + 10000):
            s = siren + f"{nic:05d}"
            if luhn_ok(s):
                return s
        raise AssertionError

    # Roughly 1.45 records per entity on average.
    target_entities = int(n_rows / 1.45)
    while len(entities) < target_entities:
        x = r.random()
        if x < 0.70:
            add_company(g.company_name(), r.choice(FORMS), 1)
        elif x < 0.85:
            # A company with sibling establishments: same name, different NIC and address.
            add_company(g.company_name(), r.choice(FORMS), r.choice([2, 2, 3, 4, 8, 20]))
        elif x < 0.93:
            # A holder's SCIs: different SIRENs, one address, names alike.
            addr = g.address()
            holder = r.choice(SURNAMES).replace("_", " ")
            for _ in range(r.randrange(2, 5)):
                add_company(f"{r.choice(FANCY).replace('_', ' ')} {holder}".strip(), "SCI", 1, same_addr=addr)
        else:
            # Successor businesses at one address, and a namesake elsewhere.
            addr = g.address()
            act = r.choice(ACTIVITIES)
            add_company(f"{act} {r.choice(SURNAMES).replace('_', ' ')}", r.choice(FORMS), 1, same_addr=addr)
            add_company(f"{act} {r.choice(SURNAMES).replace('_', ' ')}", r.choice(FORMS), 1, same_addr=addr)
            add_company(entities[-1]["name"], r.choice(FORMS), 1)

    records = []
    for eid, e in enumerate(entities):
        n_dup = r.choices([0, 1, 2, 3], weights=[62, 25, 9, 4])[0]
        records.append((eid, render(r, e, clean=True)))
        for _ in range(n_dup):
            records.append((eid, render(r, e, clean=False)))
    r.shuffle(records)
    return records[:n_rows] if len(records) > n_rows else records


def typo(r, s):
    if len(s) < 4:
        return s
    i = r.randrange(1, len(s) - 1)
    op = r.random()
    if op < 0.3:
        return s[:i] + s[i + 1:]
    if op < 0.6:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op < 0.8:
        return s[:i] + r.choice("AEIOURSTLN") + s[i + 1:]
    return s[:i] + s[i] + s[i:]


def accentize(r, s):
    out = []
    for ch in s:
        if ch in ACCENTS and r.random() < 0.15:
            out.append(ACCENTS[ch])
        else:
            out.append(ch)
    return "".join(out)


def render(r, e, clean):
    siret = e["siret"]
    name = e["name"]
    form = e["form"]
    addr = e["addr"]
    street_type = addr["type"]
    cp, commune = addr["town"]
    enseigne = e["enseigne"]
    if clean:
        raison = f"{form} {name}" if r.random() < 0.5 else f"{name} {form}"
        adresse = f"{addr['number']} {street_type} {addr['name']}"
        return {"siret": siret, "raison_sociale": raison, "enseigne": enseigne,
                "adresse": adresse, "code_postal": cp, "commune": commune}
    # Corrupted duplicate.
    if r.random() < 0.12:
        siret = ""
    elif r.random() < 0.12:
        i = r.randrange(0, 14)
        siret = siret[:i] + r.choice([d for d in "0123456789" if d != siret[i]]) + siret[i + 1:]
    elif r.random() < 0.1:
        siret = " ".join([siret[:3], siret[3:6], siret[6:9], siret[9:]])
    x = r.random()
    fv = r.choice(FORM_VARIANTS.get(form, [form]))
    if x < 0.3:
        raison = f"{fv} {name}"
    elif x < 0.55:
        raison = f"{name} ({fv})"
    elif x < 0.75:
        raison = name
    elif x < 0.85:
        raison = f"{r.choice(['Ets', 'Sté', 'Société', 'ETS.'])} {name}"
    else:
        raison = f"{fv} {name}"
    if r.random() < 0.25:
        raison = typo(r, raison)
    if r.random() < 0.3:
        raison = raison.title()
    raison = accentize(r, raison)
    if enseigne and r.random() < 0.3:
        enseigne = ""
    elif enseigne and r.random() < 0.2:
        raison = enseigne
    if r.random() < 0.5:
        st = r.choice([abbr for full, abbrs in STREET_TYPES if full == street_type for abbr in abbrs])
    else:
        st = street_type
    sname = addr["name"]
    if r.random() < 0.2:
        sname = typo(r, sname)
    adresse = f"{addr['number']}, {st} {sname}" if r.random() < 0.3 else f"{addr['number']} {st} {sname}"
    if r.random() < 0.3:
        adresse = adresse.lower()
    if r.random() < 0.06:
        adresse = ""
    if r.random() < 0.03:
        cp = cp[:3] + r.choice("0123456789") + cp[4]
    if r.random() < 0.2:
        commune = commune.title()
    if r.random() < 0.05:
        commune = ""
    return {"siret": siret, "raison_sociale": raison, "enseigne": enseigne,
            "adresse": adresse, "code_postal": cp, "commune": commune}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    records = build(args.rows, args.seed)
    cols = ["record_id", "siret", "raison_sociale", "enseigne", "adresse", "code_postal", "commune"]
    truth_path = args.output[:-4] + ".truth.csv" if args.output.endswith(".csv") else args.output + ".truth.csv"
    with open(args.output, "w", newline="") as f, open(truth_path, "w", newline="") as t:
        w = csv.writer(f)
        tw = csv.writer(t)
        w.writerow(cols)
        tw.writerow(["record_id", "entity_id"])
        for i, (eid, rec) in enumerate(records):
            rid = f"R{i + 1:07d}"
            w.writerow([rid] + [rec[c] for c in cols[1:]])
            tw.writerow([rid, f"E{eid:07d}"])


if __name__ == "__main__":
    main()
