#!/usr/bin/env python3
"""Writes crates/dq-encoding/tests/mojibake_corpus.tsv: French cells, broken and legitimate.

Each line is `kind<TAB>label<TAB>input<TAB>expected`:
- kind `broken`: `input` is `expected` broken by reading its UTF-8 bytes with one or two
  wrong single-byte encodings (label names them, e.g. `windows-1252x2`,
  `windows-1252+nbsp-space`, `partial:macintosh`); the repair must give back `expected`.
- kind `legit`: `input` is real text (French, Portuguese, Spanish, Nordic names, typography)
  that must be left exactly as it is (`expected` == `input`).

The cells are built from the vocabulary below (French communes, first and last names,
street and organisation words as they appear in data.gouv.fr files, Portuguese and Spanish
names with Ã, Õ, Ñ written legitimately) with a fixed seed, so the file is reproducible.
Misreadings follow what software does: windows-1252 as encoding_rs decodes it (the five
undefined bytes become C1 controls), ISO-8859-1, Mac Roman, IBM850; `nbsp-space` is a
windows-1252 misreading whose non-breaking spaces were then turned into plain spaces;
`windows-1252-replace` is Python's cp1252 decoder with errors="replace" (U+FFFD for the
five undefined bytes).

Usage: python3 tools/mojibake-corpus/gen_corpus.py [--seed S] [--out PATH]
Score ftfy on the same file: python3 tools/mojibake-corpus/score_ftfy.py
"""
import argparse
import random

COMMUNES = [
    "Saint-Étienne", "Besançon", "Orléans", "Nîmes", "Évry-Courcouronnes", "Mâcon",
    "L'Haÿ-les-Roses", "Châlons-en-Champagne", "Gérardmer", "Sète", "Béziers", "Pérols",
    "Fréjus", "Valréas", "Château-Thierry", "Épinal", "Angoulême", "Hyères", "Caluire-et-Cuire",
    "Le Péage-de-Roussillon", "Saint-Genis-Laval", "Montréal-la-Cluse", "Clermont-Ferrand",
    "Écully", "Saint-Rémy-de-Provence", "Vénissieux", "Aÿ-Champagne", "Isle-sur-la-Sorgue",
    "Évian-les-Bains", "Crèvecœur-le-Grand", "Saint-Léger-sous-Brienne", "Sainte-Maxime",
    "Pontoise", "Créteil", "Vitré", "Plœmeur", "Ploërmel", "Gâvres", "Baie-Mahault",
    "Saint-Denis", "Le Lamentin", "Trois-Rivières", "Mamoudzou", "Nouméa", "Papeete",
]
FIRST = [
    "Adèle", "Agnès", "Amélie", "André", "Anaïs", "Benoît", "Céline", "Chloé", "Clément",
    "Cédric", "Éloïse", "Émilie", "Frédéric", "Gaël", "Gaëlle", "Hélène", "Jérôme", "Joël",
    "Léa", "Léon", "Loïc", "Maëlle", "Mathéo", "Noël", "Noémie", "Océane", "Raphaël",
    "Séverine", "Stéphane", "Thérèse", "Valérie", "Zoé", "François", "Françoise", "Jean",
    "Marie", "Pierre", "Ève", "Édouard", "Honoré", "Jérémy", "Aurélien", "Inès", "Maïwenn",
]
LAST = [
    "Lefèvre", "Béranger", "Mérieux", "Crémieux", "Gérard", "Hébert", "Lécuyer", "Dubœuf",
    "Müller", "Boëlle", "Ferré", "Prévost", "Rivière", "Mathé", "Bénard", "Lemaître",
    "Desprès", "Brûlé", "Thévenin", "Fénelon", "Dupont", "Martin", "Durand", "Petit",
    "Rousseau", "Chénier", "Gréco", "Français", "Lacôte", "Forêt",
]
STREETS = [
    "rue de l’Église", "place de l’Hôtel de Ville", "chemin des Écoles", "avenue Jean Jaurès",
    "impasse des Mûriers", "boulevard Émile Zola", "quai de la Tournelle", "allée des Chênes",
    "route de Besançon", "rue du Général-de-Gaulle", "cours Lafayette", "place Bellecour",
    "rue de la Forêt", "rue des Frères Lumière", "square Édith Piaf", "rue Pétrarque",
]
ORGS = [
    "Comité des fêtes", "Fédération départementale", "Société coopérative", "Crèche parentale",
    "Théâtre municipal", "Musée d’art et d’histoire", "École maternelle", "Collège public",
    "Lycée professionnel", "Hôpital de jour", "Association « Les Amis du Livre »",
    "Œuvre des orphelins", "Maison de santé pluriprofessionnelle", "Épicerie solidaire",
    "Pâtisserie du Château", "Café de la Gare", "Boulangerie Noël", "Bibliothèque",
    "Cinéma associatif", "Centre communal d’action sociale", "Conservatoire à rayonnement régional",
]
PHRASES = [
    "à côté de la mairie", "déjà versé", "voilà tout", "reçu le 3 août", "coût réel",
    "âge minimum : 18 ans", "fenêtre sur cour", "île de loisirs", "maître d’œuvre",
    "dîner-débat", "crème brûlée", "piqûre de rappel", "aïeul", "où ça ?", "là-bas",
    "garçon de café", "façade nord", "sœur aînée", "cœur de ville", "un œil sur",
    "subvention de fonctionnement – 2023", "montant versé…", "« prioritaire »",
    "N° 12 bis", "1\u00a0234,56\u00a0€", "500\u202f€", "12,5 %", "coût : 3\u00a0000 €",
    "prêt à taux zéro", "hors taxe", "Être et avoir", "ÉCOLE PRIMAIRE", "CRÈCHE",
    "ÉGLISE SAINT-PIERRE", "HÔPITAL", "CÔTE-D'OR", "ÎLE-DE-FRANCE", "À DÉTERMINER",
    "MAÎTRISE D’OUVRAGE", "SOCIÉTÉ ANONYME", "FÊTE DE LA MUSIQUE", "ÇA VA",
    "Dvořák", "Škoda", "Łódź", "Ångström", "Øresund", "Ibáñez", "Muñoz", "Peña",
    "café™", "« À bientôt ! »", "l’été", "“Très bien”", "Ÿ", "Œ",
]
# Legitimate text that looks like mojibake to a naive repairer.
LEGIT_TRICKY = [
    "SÃO PAULO", "São Paulo", "CONCEIÇÃO", "JOÃO", "GONÇALVES", "MAGALHÃES", "GUIMARÃES",
    "LEITÃO", "ASSUNÇÃO", "ESTEVÃO", "PÃO DE AÇÚCAR", "IRMÃ DULCE", "IRMÃ", "LUÍS",
    "BRASÍLIA", "NUÑEZ", "ÑANDÚ", "ESPAÑA", "ÅLESUND", "ÂGE", "CHÂTEAU", "BÂTIMENT A",
    "PÂQUES", "L’ÉTÉ", "«ÉTÉ»", "CAFÉ’", "NÃO", "MÃE", "CAPITÃO", "ALEMÃO", "CORAÇÃO",
    "JOÃO PESSOA", "SÃO TOMÉ", "LÜBECK", "ÖSTERREICH", "ÆRØ", "ÉMILE ZOLA", "Ça alors",
    "ÇA", "ÀLA", "Â", "Ã", "Ø", "N°", "n°", "2°", "1er ÉTAGE", "Þór", "ÐÓR", "Ñu",
    "São João del-Rei", "Conceição", "Magalhães", "Ponte de Lima – Portugal",
    "GUIMARÃES – BRAGA", "BÉNÉDICTE’S", "AÇORES", "ÓBIDOS", "Ávila", "ÁVILA", "ÍÑIGO",
]


def encoding_rs_1252(data: bytes) -> str:
    """windows-1252 as encoding_rs (and the WHATWG standard) decodes it."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


MISREAD = {
    "windows-1252": encoding_rs_1252,
    "ISO-8859-1": lambda b: b.decode("latin-1"),
    "macintosh": lambda b: b.decode("mac_roman"),
    "IBM850": lambda b: b.decode("cp850"),
}


def breaks(s: str, enc: str, times: int = 1) -> str:
    for _ in range(times):
        s = MISREAD[enc](s.encode("utf-8"))
    return s


def cells(rng: random.Random):
    """Realistic cells: names, addresses, organisations, phrases, alone and combined."""
    out = set()
    for p in PHRASES + ORGS + STREETS + COMMUNES:
        out.add(p)
    for f in FIRST:
        for _ in range(2):
            out.add(f"{f} {rng.choice(LAST)}")
            out.add(f"{rng.choice(LAST).upper()} {f}")
    for _ in range(250):
        out.add(f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {rng.choice(COMMUNES)}")
    for _ in range(200):
        out.add(f"{rng.choice(ORGS)} de {rng.choice(COMMUNES)}")
    for _ in range(120):
        out.add(f"{rng.choice(ORGS)} – {rng.choice(PHRASES)}")
    for _ in range(80):
        out.add(f"{rng.choice(ORGS)} {rng.choice(PHRASES)}".upper())
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("--out", default="crates/dq-encoding/tests/mojibake_corpus.tsv")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows = []
    base = cells(rng)
    for c in base:
        rows.append(("legit", "clean", c, c))
    for c in LEGIT_TRICKY:
        rows.append(("legit", "tricky", c, c))
    for c in base:
        if c.isascii():
            continue
        for enc in MISREAD:
            rows.append(("broken", enc, breaks(c, enc), c))
        rows.append(("broken", "windows-1252x2", breaks(c, "windows-1252", 2), c))
        rows.append(("broken", "windows-1252x3", breaks(c, "windows-1252", 3), c))
        enc = rng.choice(["macintosh", "IBM850", "ISO-8859-1"])
        rows.append(("broken", f"{enc}x2", breaks(c, enc, 2), c))
        broken = breaks(c, "windows-1252")
        replaced = c.encode("utf-8").decode("cp1252", errors="replace")
        if replaced != broken:
            # Python's strict codec replaces the five undefined bytes with U+FFFD.
            rows.append(("broken", "windows-1252-replace", replaced, c))
        if "\u00a0" in broken:
            rows.append(("broken", "windows-1252+nbsp-space", broken.replace("\u00a0", " "), c))
        # Partial breakage: one word broken, the rest of the cell intact.
        words = c.split(" ")
        idx = [i for i, w in enumerate(words) if not w.isascii()]
        if len(words) > 1 and idx:
            i = rng.choice(idx)
            enc = rng.choice(list(MISREAD))
            words[i] = breaks(words[i], enc)
            rows.append(("broken", f"partial:{enc}", " ".join(words), c))
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# @generated by tools/mojibake-corpus/gen_corpus.py; do not edit.\n")
        seen = set()
        for kind, label, inp, exp in rows:
            if (kind, inp) in seen or inp == exp and kind == "broken":
                continue
            seen.add((kind, inp))
            for field in (inp, exp):
                assert "\t" not in field and "\n" not in field and "\r" not in field, field
            f.write(f"{kind}\t{label}\t{inp}\t{exp}\n")


if __name__ == "__main__":
    main()
