#!/usr/bin/env python3
"""Generates the dq-profile accuracy corpus: data.gouv.fr-style CSV files with their
ground truth (encoding, delimiter, header, title lines, and per column the csv-detective
format and the Table Schema type).

Values come from the official tables already generated in dq-pivot (COG 2026 communes,
départements, régions, postal codes from @etalab/decoupage-administratif 6.0.0; NAF rév. 2
from INSEE), read from crates/dq-pivot/src/generated/*.rs; identifiers get valid keys
(Luhn for SIREN/SIRET, mod 23 for UAI). Deterministic (seeded).

Command: python3 tools/profile-corpus/generate.py   (writes tools/profile-corpus/corpus/)
"""
import json, os, random, re, uuid

ROOT = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(ROOT))
GEN = os.path.join(REPO, "crates/dq-pivot/src/generated")
OUT = os.path.join(ROOT, "corpus")
R = random.Random(20261128)

def rows(path, pat):
    return re.findall(pat, open(os.path.join(GEN, path), encoding="utf-8").read())

COMMUNES = [(c, n, p) for c, k, _, n, d, _, p in rows("communes.rs", r'\("(\w{5})",(\d+),(\d+),"((?:[^"\\]|\\.)*)","(\w*)","(\w*)","(\d*)"\)') if k == "0" and p]
DEPS = rows("admin.rs", r'\("(\w{2,3})",\d+,"([^"]+)","(\d+)","\w+"\)')
REGS = rows("admin.rs", r'\("(\d{2})",\d+,"([^"]+)","\w{5}"\)')
NAF = [c for c, _ in rows("naf.rs", r'\("(\d\d\.\d\d[A-Z])","((?:[^"\\]|\\.)*)"\)')]

def luhn_ok(s):
    t = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch) * (2 if i % 2 else 1)
        t += d - 9 if d > 9 else d
    return t % 10 == 0

def siren():
    while True:
        s = "%09d" % R.randrange(100000000, 999999999)
        if luhn_ok(s):
            return s

def siret(base=None):
    b = base or siren()
    while True:
        s = b + "%05d" % R.randrange(10, 99999)
        if luhn_ok(s):
            return s

def uai():
    n = R.randrange(100000, 9999999)
    return "%07d%s" % (n, "ABCDEFGHJKLMNPRSTUVWXYZ"[n % 23])

PRENOMS = ["Marie", "Jean", "Camille", "Léa", "Hugo", "Chloé", "Louis", "Inès", "Éric", "Zoé"]
NOMS = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Lefèvre", "Moreau"]
ASSOS = ["Comité des fêtes", "Amicale laïque", "Association sportive", "Foyer rural", "Club de l'âge d'or",
         "Les Amis du patrimoine", "Théâtre de l'Écluse", "Union musicale", "Secours populaire", "Jardins partagés"]
VOIES = ["rue", "avenue", "boulevard", "place", "chemin", "allée", "impasse", "route", "quai"]
LIEUX = ["de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle", "des Écoles", "de la Gare", "Pasteur"]

def date_fr():
    return "%02d/%02d/%04d" % (R.randint(1, 28), R.randint(1, 12), R.randint(2015, 2025))

def date_iso():
    return "%04d-%02d-%02d" % (R.randint(2015, 2025), R.randint(1, 12), R.randint(1, 28))

def montant():
    v = R.randint(100, 2_000_000) / 100
    s = "%.2f" % v
    i, d = s.split(".")
    g = ""
    while len(i) > 3:
        g = " " + i[-3:] + g
        i = i[:-3]
    return i + g + "," + d

def montant_mixte():
    """An amount as a spreadsheet-fed export writes it: decimal comma or point, grouped or
    not, sometimes a whole amount in euros, sometimes `n.d.` or `N/A`."""
    r = R.random()
    if r < 0.05:
        return R.choice(["n.d.", "N/A"])
    v = montant()
    if r < 0.35:
        return v
    if r < 0.55:
        return v.replace(" ", "")
    if r < 0.8:
        return v.replace(" ", "").replace(",", ".")
    return v.split(",")[0] + " €"

def decimal_mixte():
    """A measure with a decimal comma or a decimal point."""
    v = "%.2f" % (R.randint(100, 99_999) / 100)
    return v.replace(".", ",") if R.random() < 0.6 else v

def booleen_mixte():
    """A yes/no column typed by several hands."""
    return R.choice(["Oui", "oui", "O", "1", "vrai", "non", "Non", "N", "0"])

COLS = {
    "siret": ("siret", "string", lambda: siret()),
    "siren": ("siren", "string", lambda: siren()),
    "code_commune": ("code_commune", "string", lambda: R.choice(COMMUNES)[0]),
    "code_postal": ("code_postal", "string", lambda: R.choice(COMMUNES)[2]),
    "commune": ("commune", "string", lambda: R.choice(COMMUNES)[1]),
    "code_departement": ("code_departement", "string", lambda: R.choice(DEPS)[0]),
    "departement": ("departement", "string", lambda: R.choice(DEPS)[1]),
    "code_region": ("code_region", "string", lambda: R.choice(REGS)[0]),
    "region": ("region", "string", lambda: R.choice(REGS)[1]),
    "naf": ("insee_ape700", "string", lambda: R.choice(NAF)),
    "uai": ("uai", "string", uai),
    "rna": ("code_rna", "string", lambda: "W%09d" % R.randrange(10**8, 10**9)),
    "email": ("email", "string", lambda: "%s.%s@%s" % (R.choice(PRENOMS).lower().replace("é", "e").replace("è", "e").replace("ï", "i"), R.choice(NOMS).lower().replace("è", "e"), R.choice(["mairie-lyon.fr", "asso.org", "gmail.com", "orange.fr"]))),
    "tel": ("tel_fr", "string", lambda: "0%d %02d %02d %02d %02d" % (R.randint(1, 7), R.randint(0, 99), R.randint(0, 99), R.randint(0, 99), R.randint(0, 99))),
    "url": ("url", "string", lambda: "https://www.%s.fr/%d" % (R.choice(["ville", "asso", "ecole"]), R.randint(1, 999))),
    "date_fr": ("date", "date", date_fr),
    "date_iso": ("date", "date", date_iso),
    "datetime": ("datetime_aware", "datetime", lambda: date_iso() + "T%02d:%02d:00+01:00" % (R.randint(0, 23), R.randint(0, 59))),
    "annee": ("year", "year", lambda: str(R.randint(1990, 2025))),
    "montant": ("float", "number", montant),
    "effectif": ("int", "integer", lambda: str(R.randint(0, 5000))),
    "booleen": ("bool", "boolean", lambda: R.choice(["oui", "non"])),
    "nom": ("string", "string", lambda: "%s %s" % (R.choice(ASSOS), R.choice(NOMS))),
    "personne": ("string", "string", lambda: "%s %s" % (R.choice(PRENOMS), R.choice(NOMS))),
    "adresse": ("adresse", "string", lambda: "%d %s %s" % (R.randint(1, 150), R.choice(VOIES), R.choice(LIEUX))),
    "lat": ("latitude_wgs_fr_metropole", "number", lambda: "%.5f" % R.uniform(42.5, 50.9)),
    "lon": ("longitude_wgs_fr_metropole", "number", lambda: "%.5f" % R.uniform(-4.5, 7.9)),
    "uuid": ("uuid", "string", lambda: str(uuid.UUID(int=R.getrandbits(128), version=4))),
    "sexe": ("sexe", "string", lambda: R.choice(["M", "F"])),
    "jour": ("jour_de_la_semaine", "string", lambda: R.choice(["lundi", "mardi", "mercredi", "jeudi", "vendredi"])),
    "mois": ("mois_de_lannee", "string", lambda: R.choice(["janvier", "février", "mars", "avril", "mai", "juin"])),
    "taux": ("percent", "string", lambda: "%d,%d %%" % (R.randint(0, 99), R.randint(0, 9))),
    "montant_mixte": ("money", "number", montant_mixte),
    "decimal_mixte": ("float", "number", decimal_mixte),
    "booleen_mixte": ("bool", "boolean", booleen_mixte),
}

# (file, encoding, delimiter, header?, title lines, [(kind, header name)], rows)
FILES = [
    ("sirene_extrait.csv", "utf-8", ",", True, [], [("siren", "siren"), ("siret", "siret"), ("nom", "denominationUniteLegale"), ("naf", "activitePrincipaleEtablissement"), ("code_postal", "codePostalEtablissement"), ("code_commune", "codeCommuneEtablissement"), ("date_iso", "dateCreationEtablissement"), ("effectif", "trancheEffectifs")], 300),
    ("subventions_2023.csv", "windows-1252", ";", True, [], [("nom", "nomBeneficiaire"), ("siret", "idAttribuant"), ("siret", "idBeneficiaire"), ("montant", "montant"), ("date_fr", "dateConvention"), ("annee", "exercice"), ("booleen", "notificationUE")], 300),
    ("annuaire_ecoles.csv", "utf-8", ";", True, ["Annuaire de l'éducation", "Extraction du 01/09/2025", ""], [("uai", "identifiant_de_l_etablissement"), ("nom", "nom_etablissement"), ("adresse", "adresse_1"), ("code_postal", "code_postal"), ("commune", "nom_commune"), ("code_departement", "code_departement"), ("lat", "latitude"), ("lon", "longitude"), ("tel", "telephone"), ("email", "mail"), ("url", "web")], 250),
    ("associations_rna.csv", "utf-8", ";", True, [], [("rna", "id"), ("nom", "titre"), ("date_iso", "date_creat"), ("adresse", "adrs"), ("code_commune", "adrs_codeinsee"), ("code_postal", "adrs_codepostal"), ("commune", "adrs_libcommune"), ("url", "siteweb")], 300),
    ("communes_sans_entete.csv", "utf-8", ",", False, [], [("code_commune", None), ("commune", None), ("code_departement", None), ("effectif", None)], 200),
    ("elus.tsv", "utf-8", "\t", True, [], [("code_departement", "Code du département"), ("departement", "Libellé du département"), ("personne", "Nom de l'élu"), ("sexe", "Code sexe"), ("date_fr", "Date de naissance"), ("date_fr", "Date de début du mandat")], 250),
    ("marches_pipe.csv", "utf-8", "|", True, [], [("uuid", "id"), ("siret", "titulaire_siret"), ("montant", "montant"), ("datetime", "datePublication"), ("code_region", "code_region"), ("region", "region"), ("naf", "codeAPE")], 250),
    ("budget_titre.csv", "windows-1252", ";", True, ["Budget primitif 2024 - Ville de Créteil", ""], [("nom", "Libellé"), ("montant", "Montant voté"), ("taux", "Évolution"), ("annee", "Année"), ("mois", "Mois"), ("jour", "Jour de vote")], 200),
    ("etablissements_multiligne.csv", "utf-8", ",", True, [], [("siret", "siret"), ("nom", "raison_sociale"), ("adresse", "adresse"), ("code_postal", "cp"), ("commune", "ville"), ("email", "courriel")], 200),
    ("population.csv", "utf-8", ";", True, [], [("code_commune", "CODGEO"), ("commune", "LIBGEO"), ("effectif", "P21_POP"), ("montant", "densite"), ("code_region", "REG"), ("departement", "DEP_LIB")], 300),
    # Mixed conventions inside columns (last, so that the files above do not change).
    ("subventions_mixtes.csv", "windows-1252", ";", True, ["Liste des établissements subventionnés - extraction 2026;;;;;;", ""], [("siret", "siret"), ("nom", "raison_sociale"), ("code_postal", "code_postal"), ("montant_mixte", "montant_subvention"), ("decimal_mixte", "surface_m2"), ("booleen_mixte", "actif"), ("date_fr", "date_creation")], 280),
]

def main():
    os.makedirs(OUT, exist_ok=True)
    truth = {}
    for name, enc, delim, header, titles, cols, n in FILES:
        lines = list(titles)
        if header:
            lines.append(delim.join(h for _, h in cols))
        multi = "multiligne" in name
        for _ in range(n):
            cells = []
            for kind, _h in cols:
                v = COLS[kind][2]()
                if kind not in ("siret", "siren", "rna", "uai", "uuid", "code_commune") and R.random() < 0.04:
                    v = R.choice(["", "NC", "-", "nd"])
                if multi and kind == "adresse" and R.random() < 0.3:
                    v = '"%s\nBâtiment %s"' % (v, R.choice("ABC"))
                elif delim in v or '"' in v:
                    v = '"%s"' % v.replace('"', '""')
                cells.append(v)
            lines.append(delim.join(cells))
        data = ("\r\n" if enc == "windows-1252" else "\n").join(lines) + ("\r\n" if enc == "windows-1252" else "\n")
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data.encode(enc))
        truth[name] = {
            "encoding": enc, "delimiter": delim, "has_header": header, "header_row": len(titles),
            "rows": n,
            "columns": [{"format": COLS[k][0], "type": COLS[k][1]} for k, _ in cols],
        }
    with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")

if __name__ == "__main__":
    main()
