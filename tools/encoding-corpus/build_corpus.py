#!/usr/bin/env python3
"""Builds a corpus of French tabular samples in the 11 encoding cases of dq-encoding.

Each sample is French CSV-like text (establishments, addresses, amounts with €, names
with œ/Œ/ç/É/À…), cut to a target size between 32 B and 64 KiB, then encoded with the
Python codecs. Characters an encoding cannot represent are spelled out first (`€` →
`EUR`, `œ` → `oe`, `’` → `'`…), as a person exporting the file would see them.

Output: one sample per line, tab-separated: case, codec, size, hex(encoded bytes),
hex(UTF-8 of the original text).

    python3 tools/encoding-corpus/build_corpus.py --seed 1 --per-case 200 --max 65536 > /tmp/corpus.tsv
    python3 tools/encoding-corpus/build_corpus.py --seed 7 --per-case 12 --max 2048 \
        > crates/dq-encoding/tests/detect_corpus.tsv

The generator is deterministic for a seed. The Rust test `tests/detect_corpus.rs`
scores dq-encoding on the committed small corpus (or on DQ_ENCODING_CORPUS).
"""
import argparse
import math
import random

CASES = [
    # case, python codec, BOM bytes
    ("UTF-8", "utf-8", b""),
    ("UTF-8-BOM", "utf-8", b"\xef\xbb\xbf"),
    ("UTF-16LE-BOM", "utf-16-le", b"\xff\xfe"),
    ("UTF-16BE-BOM", "utf-16-be", b"\xfe\xff"),
    ("UTF-16LE", "utf-16-le", b""),
    ("UTF-16BE", "utf-16-be", b""),
    ("windows-1252", "cp1252", b""),
    ("ISO-8859-1", "latin-1", b""),
    ("ISO-8859-15", "iso8859-15", b""),
    ("macintosh", "mac_roman", b""),
    ("IBM850", "cp850", b""),
]

PRENOMS = ["Jérôme", "Hélène", "François", "Zoé", "Loïc", "Anaïs", "Noël", "Gaëlle", "Chloé",
           "Cécile", "Benoît", "Aurélien", "Maëlle", "Léa", "Théo", "Agnès", "Clément", "Amélie",
           "Jean", "Marie", "Pierre", "Sophie", "Nicolas", "Julie", "Éric", "Édouard", "Ève",
           "Andrée", "Joël", "Raphaël", "Françoise", "Gérard", "Stéphane", "Bérénice", "Inès"]
NOMS = ["Dupont", "Lefèvre", "Bénard", "Müller", "Lœuillet", "Garçon", "Coëtlogon", "Rivière",
        "Château", "Mercier", "Faure", "Gauthier", "Perrin", "Fournier", "Lemaître", "Pâris",
        "Bréhat", "Desprès", "Crêpin", "Hébert", "Lévêque", "Séguin", "Ménard", "Prévost"]
VOIES = ["rue", "avenue", "boulevard", "place", "allée", "impasse", "chemin", "quai", "cours",
         "route", "passage", "square", "rond-point", "esplanade"]
VOIE_NOMS = ["de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle",
             "de l'Église", "des Écoles", "du Château", "Émile Zola", "de la Libération",
             "Saint-Étienne", "des Lilas", "de la Gare", "du 8 Mai 1945", "Pasteur",
             "du Maréchal Leclerc", "des Prés", "de Bretagne", "Sœur Rosalie", "des Forêts",
             "de l'Hôtel de Ville", "du Pont-Neuf", "Aristide Briand", "des Mûriers"]
COMMUNES = [("75056", "Paris"), ("13055", "Marseille"), ("69123", "Lyon"), ("42218",
            "Saint-Étienne"), ("94028", "Créteil"), ("06088", "Nice"), ("34172", "Montpellier"),
            ("59350", "Lille"), ("2A004", "Ajaccio"), ("76540", "Rouen"), ("97411",
            "Saint-Denis"), ("29019", "Brest"), ("17300", "La Rochelle"), ("64445", "Pau"),
            ("01053", "Bourg-en-Bresse"), ("38185", "Grenoble"), ("71076", "Chalon-sur-Saône"),
            ("80021", "Amiens"), ("30189", "Nîmes"), ("05061", "Gap"), ("84007", "Avignon"),
            ("73065", "Chambéry"), ("61001", "Alençon"), ("08105", "Charleville-Mézières"),
            ("07186", "Privas"), ("39300", "Lons-le-Saunier"), ("85191", "La Roche-sur-Yon")]
ETABS = ["École élémentaire", "Collège", "Lycée professionnel", "Crèche municipale",
         "Maison de santé", "Médiathèque", "Hôtel de ville", "Centre aquatique",
         "Établissement d'hébergement pour personnes âgées", "Bibliothèque", "Gymnase",
         "Théâtre", "Musée", "Cœur de ville", "Œuvre sociale", "Société coopérative",
         "Comité des fêtes", "Association sportive", "Pôle emploi", "Caisse d'épargne",
         "Boulangerie-pâtisserie", "Pharmacie", "Mairie annexe", "CENTRE HOSPITALIER",
         "ÉCOLE MATERNELLE", "SYNDICAT INTERCOMMUNAL", "MAISON DES ASSOCIATIONS",
         "COMMUNAUTÉ D'AGGLOMÉRATION", "RÉSIDENCE AUTONOMIE", "ÉGLISE SAINT-ÉLOI"]
OBJETS = ["Subvention de fonctionnement", "Aide à l'investissement", "Prime à l'embauche",
          "Rénovation énergétique", "Équipement numérique", "Fête de la musique",
          "Frais de déplacement", "Entretien des espaces verts", "Achat de matériel",
          "Manœuvre de secours", "Sécurité routière", "Accès à la culture", "Été solidaire",
          "Réhabilitation du préau", "Création d'un jardin partagé", "Sortie scolaire à Genève"]


def montant(rng):
    v = rng.randint(1, 999_999) / 100
    s = f"{v:,.2f}".replace(",", " ").replace(".", ",")
    return s + rng.choice([" €", "€", " EUR", "", " €"])


def row(rng, kind, delim):
    code, commune = rng.choice(COMMUNES)
    if kind == 0:
        cells = [rng.choice(ETABS) + " " + rng.choice(NOMS), f"{rng.randint(1, 180)} {rng.choice(VOIES)} {rng.choice(VOIE_NOMS)}",
                 code, commune, f"{rng.randint(10000000000000, 99999999999999)}"]
    elif kind == 1:
        cells = [rng.choice(PRENOMS), rng.choice(NOMS).upper() if rng.random() < 0.3 else rng.choice(NOMS),
                 f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1940, 2005)}", commune,
                 montant(rng)]
    else:
        cells = [rng.choice(OBJETS), rng.choice(ETABS), montant(rng), f"{rng.randint(2015, 2024)}",
                 rng.choice(["Accordé", "Refusé", "En cours", "Payé", "À l'étude", "Clôturé"])]
    out = []
    for c in cells:
        if delim in c or (rng.random() < 0.1):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return delim.join(out)


HEADERS = [["établissement", "adresse", "code_insee", "commune", "siret"],
           ["prénom", "nom", "date_de_naissance", "commune", "montant"],
           ["objet", "bénéficiaire", "montant", "année", "décision"]]

SPELL = {"€": "EUR", "œ": "oe", "Œ": "OE", "’": "'", "Š": "S", "š": "s", "Ž": "Z", "ž": "z",
         "Ÿ": "Y", "…": "...", "–": "-", "—": "-", "«": '"', "»": '"'}


def fit(text, codec):
    out = []
    for ch in text:
        try:
            ch.encode(codec)
            out.append(ch)
        except UnicodeEncodeError:
            out.append(SPELL.get(ch, "?"))
    return "".join(out)


def sample(rng, size, codec, bom):
    kind = rng.randrange(3)
    delim = rng.choice([";", ";", ",", "\t", "|"])
    eol = rng.choice(["\r\n", "\n", "\r\n", "\r"] if codec == "mac_roman" else ["\r\n", "\n"])
    lines = [delim.join(HEADERS[kind])] if rng.random() < 0.8 else []
    if rng.random() < 0.5 and size > 200:
        rng.shuffle(lines)
    text = ""
    # Start somewhere inside a table, as a sample cut from a file would.
    while len(text.encode("utf-8")) < size + 64:
        lines.append(row(rng, kind, delim))
        text = eol.join(lines) + eol
    text = fit(text, codec)
    if rng.random() < 0.3 and size > 64:
        text = text[rng.randrange(len(text) // 4):]
    # Cut to at most `size` encoded bytes, at a character boundary.
    budget = size - len(bom)
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(text[:mid].encode(codec)) <= budget:
            lo = mid
        else:
            hi = mid - 1
    text = text[:lo]
    # A lone high surrogate cannot be cut here: the text is BMP only.
    return text, bom + text.encode(codec)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-case", type=int, default=100)
    ap.add_argument("--min", type=int, default=32)
    ap.add_argument("--max", type=int, default=65536)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    lo, hi = math.log(args.min), math.log(args.max)
    for case, codec, bom in CASES:
        for i in range(args.per_case):
            size = int(round(math.exp(lo + (hi - lo) * i / max(1, args.per_case - 1))))
            text, data = sample(rng, size, codec, bom)
            print(f"{case}\t{codec}\t{size}\t{data.hex()}\t{text.encode('utf-8').hex()}")


if __name__ == "__main__":
    main()
