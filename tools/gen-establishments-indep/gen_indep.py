#!/usr/bin/env python3
"""A second, independent generator of French establishments and persons with duplicates,
written separately from tools/gen-establishments (which dq-dedupe was tuned on), for an
independent evaluation of `dq dedupe` with no configuration.

It builds the failure classes of issue #13 into the data:

- establishments: sibling establishments of one company (one SIREN, other NICs, the same
  name, sometimes the same building); different businesses at one address with the same
  trade name (SCIs); legal forms spelled out or dotted (`Sté à Resp. Limitée`, `S.c.i.`,
  `E.u.r.l.`, `Société par actions simplifiée unipersonnelle`); street-type
  abbreviations (`Av`, `Ave`, `Bd`, `Boul`, `Che`, `Rte`, `Mal` for Maréchal, `St` for
  Saint); a complement (`ZA`, `ZI`, `Lieu-dit`) moved between the two address lines;
  typing errors in street names; a commune written `LYON 1` or left empty while the
  postal code is there; a SIRET missing or mistyped in a duplicate;
- persons: homonyms (same name, other birth date), twins (same birth date and surname,
  other given name), duplicates with typing errors, dropped accents, hyphens, swapped
  given name and surname, birth dates written another way.

Usage:
    python3 tools/gen-establishments-indep/gen_indep.py --kind establishments --rows 10000 --seed 11 -o /tmp/indep_est.csv
    python3 tools/gen-establishments-indep/gen_indep.py --kind persons --rows 10000 --seed 12 -o /tmp/indep_pers.csv
    dq dedupe /tmp/indep_est.csv -o /tmp/indep_est.out.csv --id-column id
    python3 tools/gen-establishments-indep/gen_indep.py --eval /tmp/indep_est.csv /tmp/indep_est.out.csv

Writes DATA.csv and DATA.truth.csv (id, entity). All names and places are drawn from
small built-in lists; nothing comes from real files.
"""
import argparse
import csv
import random
import sys
from collections import defaultdict

COMMUNES = [
    ("69001", "LYON", "LYON 1"), ("69003", "LYON", "LYON 3"), ("69007", "LYON", "LYON 7"),
    ("13001", "MARSEILLE", "MARSEILLE 1"), ("13008", "MARSEILLE", "MARSEILLE 8"),
    ("75011", "PARIS", "PARIS 11"), ("75015", "PARIS", "PARIS 15"),
    ("31000", "TOULOUSE", "TOULOUSE"), ("33000", "BORDEAUX", "BORDEAUX"),
    ("44000", "NANTES", "NANTES"), ("67000", "STRASBOURG", "STRASBOURG"),
    ("59000", "LILLE", "LILLE"), ("35000", "RENNES", "RENNES"), ("21000", "DIJON", "DIJON"),
    ("63000", "CLERMONT-FERRAND", "CLERMONT FERRAND"), ("37000", "TOURS", "TOURS"),
    ("87000", "LIMOGES", "LIMOGES"), ("86000", "POITIERS", "POITIERS"),
    ("25000", "BESANCON", "BESANÇON"), ("64000", "PAU", "PAU"),
]
STREET_TYPES = [
    ("AVENUE", ["AV", "AVE", "Av.", "avenue"]),
    ("BOULEVARD", ["BD", "BOUL", "Bd", "boulevard"]),
    ("CHEMIN", ["CHE", "CHEM", "chemin"]),
    ("ROUTE", ["RTE", "Rte", "route"]),
    ("RUE", ["R", "rue"]),
    ("PLACE", ["PL", "place"]),
    ("IMPASSE", ["IMP", "impasse"]),
    ("ALLEE", ["ALL", "allée"]),
]
STREET_NAMES = [
    ("DU MARECHAL FOCH", "DU MAL FOCH"), ("DU MARECHAL JOFFRE", "DU MAL JOFFRE"),
    ("SAINT-EXUPERY", "ST EXUPERY"), ("SAINT MICHEL", "ST MICHEL"), ("SAINTE ANNE", "STE ANNE"),
    ("DES LILAS", None), ("DE LA REPUBLIQUE", None), ("VICTOR HUGO", None),
    ("JEAN JAURES", None), ("DES ACACIAS", None), ("DU GENERAL LECLERC", "DU GAL LECLERC"),
    ("PASTEUR", None), ("DES ECOLES", None), ("DE LA GARE", None), ("DU MOULIN", None),
    ("GAMBETTA", None), ("DES TILLEULS", None), ("DU COMMANDANT CHARCOT", "DU CDT CHARCOT"),
    ("EMILE ZOLA", None), ("DES PEUPLIERS", None), ("DE VERDUN", None), ("CARNOT", None),
]
COMPLEMENTS = ["ZA DES PINS", "ZI NORD", "LIEU-DIT LES CHAMPS", "ZA LA PLAINE", "ZI DU PORT",
               "LIEU-DIT LE BOURG", "BATIMENT B", "ZAC DES GRAVIERS"]
LEGAL_FORMS = [
    ("SARL", ["Sté à Resp. Limitée", "S.A.R.L.", "sarl", "Société à responsabilité limitée"]),
    ("SCI", ["S.c.i.", "Sci", "Société civile immobilière"]),
    ("EURL", ["E.u.r.l.", "Eurl"]),
    ("SASU", ["Société par actions simplifiée unipersonnelle", "S.A.S.U."]),
    ("SAS", ["S.A.S.", "Sas", "Société par actions simplifiée"]),
    ("SA", ["S.A.", "Société anonyme"]),
]
TRADES = ["BOULANGERIE", "GARAGE", "PHARMACIE", "PLOMBERIE", "ELECTRICITE", "COIFFURE",
          "BOUCHERIE", "TRANSPORTS", "MENUISERIE", "OPTIQUE", "IMMOBILIER", "CONSEIL",
          "INFORMATIQUE", "RESTAURANT", "FLEURS", "TRAITEUR", "NETTOYAGE", "AMBULANCES"]
SURNAMES = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND",
            "LEROY", "MOREAU", "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID",
            "BERTRAND", "ROUX", "VINCENT", "FOURNIER", "MOREL", "GIRARD", "ANDRE", "MERCIER",
            "DUPONT", "LAMBERT", "BONNET", "FRANCOIS", "MARTINEZ", "LEGRAND", "GARNIER",
            "FAURE", "ROUSSEAU", "BLANC", "GUERIN", "MULLER", "HENRY", "ROUSSEL", "NICOLAS",
            "PERRIN", "MORIN", "MATHIEU", "CLEMENT", "GAUTHIER", "DUMONT", "LOPEZ", "FONTAINE",
            "CHEVALIER", "ROBIN", "MASSON", "SANCHEZ", "GERARD", "NGUYEN", "BOYER", "DENIS",
            "LEMAIRE", "DUVAL", "JOLY", "GAUTIER", "ROGER", "ROCHE", "ROY", "NOEL", "MEYER",
            "LUCAS", "MEUNIER", "JEAN", "PEREZ", "MARCHAND", "DUFOUR", "BLANCHARD", "MARIE",
            "BARBIER", "BRUN", "DUMAS", "BRUNET", "SCHMITT", "LEROUX", "COLIN", "FERNANDEZ"]
GIVEN = ["Jean", "Marie", "Pierre", "Anne", "Michel", "Sophie", "Jacques", "Isabelle",
         "Philippe", "Nathalie", "Alain", "Catherine", "Nicolas", "Christine", "François",
         "Hélène", "Laurent", "Céline", "Éric", "Julie", "Stéphane", "Émilie", "Thierry",
         "Aurélie", "Olivier", "Valérie", "Jean-Pierre", "Marie-Claire", "Frédéric", "Léa",
         "Hugo", "Chloé", "Lucas", "Manon", "Louis", "Camille", "Gabriel", "Inès", "Raphaël",
         "Jade", "Arthur", "Zoé", "Jules", "Anaïs", "Théo", "Élodie", "Noé", "Maëlle"]

ACCENTS = str.maketrans("éèêëàâäîïôöùûüçÉÈÊËÀÂÎÏÔÖÙÛÜÇ", "eeeeaaaiioouuucEEEEAAIIOOUUUC")


def luhn(prefix):
    total = 0
    for i, ch in enumerate(reversed(prefix)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix + str((10 - total % 10) % 10)


def typo(rng, s):
    """One keying error: a substitution, a deletion, an insertion or a transposition."""
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if len(letters) < 4:
        return s
    i = rng.choice(letters[1:-1])
    op = rng.randrange(4)
    if op == 0:
        return s[:i] + rng.choice("AEIOURSTNL") + s[i + 1:]
    if op == 1:
        return s[:i] + s[i + 1:]
    if op == 2:
        return s[:i] + rng.choice("AEIOURSTNL") + s[i:]
    return s[:i - 1] + s[i] + s[i - 1] + s[i + 1:] if i > 0 else s


def establishments(rng, rows):
    out = []  # (entity, record dict)
    used_sirens = set()
    entity = 0

    def new_siren():
        while True:
            s = luhn(f"{rng.randrange(10_000_000, 99_999_999):08d}")
            if s not in used_sirens:
                used_sirens.add(s)
                return s

    def new_address():
        st, _ = rng.choice(STREET_TYPES)
        name, _ = rng.choice(STREET_NAMES)
        cp, com, _ = rng.choice(COMMUNES)
        comp = rng.choice(COMPLEMENTS) if rng.random() < 0.25 else ""
        return {"num": rng.randrange(1, 180), "type": st, "name": name, "comp": comp,
                "cp": cp, "commune": com}

    def base_record(siret, form, trade, owner, addr, enseigne):
        return {"siret": siret, "form": form, "trade": trade, "owner": owner,
                "addr": dict(addr), "enseigne": enseigne}

    entities = []
    while sum(1 for _ in entities) < rows * 0.62:
        siren = new_siren()
        form = rng.choice(LEGAL_FORMS)[0]
        trade = rng.choice(TRADES)
        owner = rng.choice(SURNAMES)
        enseigne = rng.choice(["", "", f"{trade.title()} {owner.title()}", "LE RELAIS", "CHEZ " + owner])
        n_sites = 1 if rng.random() < 0.8 else rng.randrange(2, 5)
        shared = new_address()
        for k in range(n_sites):
            siret = luhn(f"{siren}{k + 1:04d}")
            # Siblings: same building half of the time, else elsewhere.
            addr = shared if (k == 0 or rng.random() < 0.5) else new_address()
            if k > 0 and addr is shared and rng.random() < 0.5:
                addr = dict(shared, num=shared["num"] + 2 * k)
            entities.append(base_record(siret, form, trade, owner, addr, enseigne))
        # Different businesses at one address with the same trade name (SCIs).
        if form == "SCI" and rng.random() < 0.5:
            entities.append(base_record(luhn(f"{new_siren()}0001"), "SCI", trade, owner,
                                        shared, enseigne))
    for e in entities:
        entity += 1
        out.append((entity, e))
        r = rng.random()
        ndup = 0 if r < 0.6 else 1 if r < 0.85 else 2 if r < 0.95 else 3
        for _ in range(ndup):
            d = {k: (dict(v) if isinstance(v, dict) else v) for k, v in e.items()}
            d["noisy"] = True
            out.append((entity, d))
    rng.shuffle(out)
    records = []
    for i, (ent, e) in enumerate(out[:rows]):
        noisy = e.get("noisy", False)
        form = e["form"]
        if noisy and rng.random() < 0.5:
            form = rng.choice(dict(LEGAL_FORMS)[form])
        name = f"{e['trade']} {e['owner']}"
        name = f"{form} {name}" if rng.random() < 0.5 else f"{name} {form}"
        if noisy and rng.random() < 0.15:
            name = typo(rng, name)
        a = e["addr"]
        st = a["type"]
        if noisy and rng.random() < 0.6:
            st = rng.choice(dict(STREET_TYPES)[st])
        sname = a["name"]
        if noisy and rng.random() < 0.5:
            alt = dict(STREET_NAMES).get(sname)
            if alt:
                sname = alt
        if noisy and rng.random() < 0.2:
            sname = typo(rng, sname)
        line1 = f"{a['num']} {st} {sname}"
        line2 = a["comp"]
        if noisy and line2 and rng.random() < 0.5:
            line1, line2 = (f"{line2} {line1}", "") if rng.random() < 0.5 else (line2, line1)
        commune = a["commune"]
        if noisy:
            r = rng.random()
            if r < 0.15:
                commune = ""
            elif r < 0.4:
                commune = next(c[2] for c in COMMUNES if c[0] == a["cp"])
        siret = e["siret"]
        if noisy:
            r = rng.random()
            if r < 0.25:
                siret = ""
            elif r < 0.35:
                j = rng.randrange(14)
                siret = siret[:j] + str((int(siret[j]) + 1) % 10) + siret[j + 1:]
            elif r < 0.45:
                siret = f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
        enseigne = e["enseigne"]
        if noisy and rng.random() < 0.3:
            enseigne = ""
        records.append({"id": f"E{i + 1:07d}", "siret": siret, "raison_sociale": name,
                        "enseigne": enseigne, "adresse_ligne_1": line1,
                        "adresse_ligne_2": line2, "code_postal": a["cp"], "commune": commune,
                        "_entity": ent})
    return records


def persons(rng, rows):
    people = []
    while len(people) < rows * 0.62:
        s, g = rng.choice(SURNAMES), rng.choice(GIVEN)
        born = (rng.randrange(1935, 2005), rng.randrange(1, 13), rng.randrange(1, 29))
        cp, com, _ = rng.choice(COMMUNES)
        st, _ = rng.choice(STREET_TYPES)
        sn, _ = rng.choice(STREET_NAMES)
        addr = f"{rng.randrange(1, 150)} {st} {sn}"
        people.append({"nom": s, "prenom": g, "born": born, "addr": addr, "cp": cp, "commune": com})
        # Homonyms (same name, another birth date) and twins (same surname and birth
        # date, another given name).
        if rng.random() < 0.08:
            people.append(dict(people[-1], born=(born[0] + rng.randrange(1, 30), born[1], born[2])))
        if rng.random() < 0.04:
            people.append(dict(people[-1], prenom=rng.choice(GIVEN)))
    out = []
    for ent, p in enumerate(people, 1):
        out.append((ent, p, False))
        r = rng.random()
        for _ in range(0 if r < 0.6 else 1 if r < 0.85 else 2 if r < 0.95 else 3):
            out.append((ent, p, True))
    rng.shuffle(out)
    records = []
    for i, (ent, p, noisy) in enumerate(out[:rows]):
        nom, prenom = p["nom"], p["prenom"]
        if noisy:
            if rng.random() < 0.2:
                nom = typo(rng, nom)
            if rng.random() < 0.2:
                prenom = typo(rng, prenom)
            if rng.random() < 0.3:
                prenom = prenom.translate(ACCENTS)
            if rng.random() < 0.2:
                prenom = prenom.replace("-", " ")
            if rng.random() < 0.05:
                nom, prenom = prenom.upper(), nom.title()
        y, m, d = p["born"]
        fmt = rng.random() if noisy else 0.0
        if fmt < 0.6:
            born = f"{d:02d}/{m:02d}/{y}"
        elif fmt < 0.8:
            born = f"{y}-{m:02d}-{d:02d}"
        elif fmt < 0.9 and d <= 12:
            born = f"{m:02d}/{d:02d}/{y}"  # day and month swapped
        else:
            born = f"{d}/{m}/{y}"
        addr = p["addr"]
        if noisy and rng.random() < 0.4:
            for full, abbrs in STREET_TYPES:
                if f" {full} " in addr:
                    addr = addr.replace(f" {full} ", f" {rng.choice(abbrs)} ")
        if noisy and rng.random() < 0.15:
            addr = typo(rng, addr)
        commune = p["commune"]
        if noisy and rng.random() < 0.2:
            commune = "" if rng.random() < 0.5 else next(c[2] for c in COMMUNES if c[0] == p["cp"])
        records.append({"id": f"P{i + 1:07d}", "nom": nom, "prenom": prenom,
                        "date_naissance": born, "adresse": addr, "code_postal": p["cp"],
                        "commune": commune, "_entity": ent})
    return records


def evaluate(data, out):
    truth = {}
    with open(data[:-4] + ".truth.csv", newline="") as f:
        for row in csv.DictReader(f):
            truth[row["id"]] = row["entity"]
    pred = {}
    with open(out, newline="") as f:
        for row in csv.DictReader(f):
            pred[row["id"]] = row["cluster_id"]
    both, by_pred, by_truth = defaultdict(int), defaultdict(int), defaultdict(int)
    for rid, c in pred.items():
        both[(c, truth[rid])] += 1
        by_pred[c] += 1
        by_truth[truth[rid]] += 1
    pairs = lambda d: sum(n * (n - 1) // 2 for n in d.values())
    tp, np_, nt = pairs(both), pairs(by_pred), pairs(by_truth)
    p = tp / np_ if np_ else 0.0
    r = tp / nt if nt else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{len(pred)} records: {nt} true pairs, {np_} predicted, precision {p:.4f} "
          f"recall {r:.4f} F1 {f1:.4f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kind", choices=["establishments", "persons"], default="establishments")
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("-o", "--output")
    ap.add_argument("--eval", nargs=2, metavar=("DATA", "OUT"))
    args = ap.parse_args()
    if args.eval:
        evaluate(*args.eval)
        return
    if not args.output:
        sys.exit("-o is required")
    rng = random.Random(args.seed)
    records = (establishments if args.kind == "establishments" else persons)(rng, args.rows)
    fields = [k for k in records[0] if not k.startswith("_")]
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        w.writerows(records)
    with open(args.output[:-4] + ".truth.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "entity"])
        for r in records:
            w.writerow([r["id"], r["_entity"]])


if __name__ == "__main__":
    main()
