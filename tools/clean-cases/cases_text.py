#!/usr/bin/env python3
"""Writes crates/dq-clean/tests/cases/text/cases.tsv: French cases for the text normalizers.

The cases are written by hand here, as Python literals (escapes keep invisible spaces
readable). Columns: kind, input, expected; expected is the output, or `=null`,
`=invalid`, `=ambiguous`. Run: python3 tools/clean-cases/cases_text.py
"""
import os

NB, NNB, THIN, ZW = "\u00a0", "\u202f", "\u2009", "\u200b"
C = []
def add(kind, rows):
    for i, e in rows:
        C.append((kind, i, e))

add("whitespace", [
    ("Paris", "Paris"), (" Paris", "Paris"), ("Paris ", "Paris"), ("  Le  Havre  ", "Le Havre"),
    ("1" + NB + "234,56", "1 234,56"), ("1" + NNB + "234", "1 234"), ("12" + THIN + "500", "12 500"),
    ("Saint" + ZW + "-Malo", "Saint-Malo"), ("\ufeffcode_insee", "code_insee"), ("rue\tde la Paix", "rue de la Paix"),
    ("Aix\u0007-en-Provence", "Aix-en-Provence"), ("", ""), ("   ", ""), ("Lyon 3e", "Lyon 3e"),
    ("Marseille" + NB, "Marseille"), ("a \t b", "a b"), ("Évry  Courcouronnes", "Évry Courcouronnes"),
    ("75056", "75056"), (NB + NB, ""), ("rue\r\nde Rivoli", "rue de Rivoli"),
])
add("unicode", [
    ("L’Haÿ-les-Roses", "L'Haÿ-les-Roses"), ("Villeneuve-d’Ascq", "Villeneuve-d'Ascq"), ("l‘école", "l'école"),
    ("aujourdʼhui", "aujourd'hui"), ("l´eau", "l'eau"), ("“Association”", '"Association"'),
    ("« Les Amis »", "« Les Amis »"), ("2019–2020", "2019-2020"), ("Paris — centre", "Paris - centre"),
    ("Ple\u0301neuf-Val-Andre\u0301", "Pléneuf-Val-André"), ("−12", "-12"), ("Paris", "Paris"),
    ("Château-Thierry", "Château-Thierry"), ("Cœur", "Cœur"), ("n’importe", "n'importe"),
    ("E\u0301vreux", "Évreux"), ("Saint‑Ouen", "Saint-Ouen"), ("„Zitat“", '"Zitat"'),
    ("l'Isle", "l'Isle"), ("Mont‐de‐Marsan", "Mont-de-Marsan"),
    # Issue #14: primes are kept; a backtick or a doubled apostrophe used as one.
    ("48°51′24″N", "48°51′24″N"), ("D`Artagnan", "D'Artagnan"), ("L''Île-Bouchard", "L'Île-Bouchard"),
])
add("fold", [
    ("Saint-Étienne", "saint-etienne"), ("ÉVREUX", "evreux"), ("Œuvre", "oeuvre"), ("Lætitia", "laetitia"),
    ("Straße", "strasse"), ("L'Haÿ-les-Roses", "l'hay-les-roses"), ("Besançon", "besancon"),
    ("Châlons-en-Champagne", "chalons-en-champagne"), ("Saint-Rémy-lès-Chevreuse", "saint-remy-les-chevreuse"),
    ("Île-de-France", "ile-de-france"), ("Noël", "noel"), ("Ajaccio", "ajaccio"), ("lyon", "lyon"),
    ("Citroën", "citroen"), ("Périgueux", "perigueux"), ("Ungersheim", "ungersheim"),
    ("Pont-l’Évêque", "pont-l’eveque"), ("Æsop", "aesop"), ("Bâgé-Dommartin", "bage-dommartin"),
    ("Orléans", "orleans"), ("Niño", "nino"), ("Zoé", "zoe"),
    # Issue #14: Ð and ligatures fold; a prime is not an apostrophe.
    ("Ðurđevac", "durdevac"), ("ﬁlière ﬂuviale", "filiere fluviale"), ("48°51′24″N", "48°51′24″n"),
])
add("title", [
    ("LA ROCHE-SUR-YON", "La Roche-sur-Yon"), ("VILLENEUVE-D'ASCQ", "Villeneuve-d'Ascq"),
    ("SAINT-ETIENNE-DU-ROUVRAY", "Saint-Etienne-du-Rouvray"), ("L'ISLE-ADAM", "L'Isle-Adam"),
    ("LE HAVRE", "Le Havre"), ("AIX-EN-PROVENCE", "Aix-en-Provence"), ("BOULOGNE-SUR-MER", "Boulogne-sur-Mer"),
    ("CHÂLONS-EN-CHAMPAGNE", "Châlons-en-Champagne"), ("LES SABLES-D'OLONNE", "Les Sables-d'Olonne"),
    ("PONT-L'ÉVÊQUE", "Pont-l'Évêque"), ("SAINT-DENIS", "Saint-Denis"), ("le puy-en-velay", "Le Puy-en-Velay"),
    ("SAINT-REMY-LES-CHEVREUSE", "Saint-Remy-les-Chevreuse"), ("BAR-LE-DUC", "Bar-le-Duc"),
    ("MANTES-LA-JOLIE", "Mantes-la-Jolie"), ("SAINT-PIERRE-DES-CORPS", "Saint-Pierre-des-Corps"),
    ("CHARLEVILLE-MEZIERES", "Charleville-Mezieres"), ("FONTENAY-SOUS-BOIS", "Fontenay-sous-Bois"),
    ("SAINT-GERMAIN-EN-LAYE", "Saint-Germain-en-Laye"), ("VILLERS-LES-NANCY", "Villers-les-Nancy"),
    ("LA CHAPELLE-SAINT-LUC", "La Chapelle-Saint-Luc"), ("SAINT-JEAN-DE-LUZ", "Saint-Jean-de-Luz"),
    ("Y", "Y"), ("ÉPINAL", "Épinal"), ("saint-malo", "Saint-Malo"), ("CHÂTEAUNEUF-DU-PAPE", "Châteauneuf-du-Pape"),
    ("LES ANDELYS", "Les Andelys"), ("SAINT-MARTIN-D'HÈRES", "Saint-Martin-d'Hères"),
    ("SAINTES-MARIES-DE-LA-MER", "Saintes-Maries-de-la-Mer"), ("L'HAY-LES-ROSES", "L'Hay-les-Roses"),
    ("CHAMBRAY-LÈS-TOURS", "Chambray-lès-Tours"), ("SAINT-PAUL-TROIS-CHATEAUX", "Saint-Paul-Trois-Chateaux"),
])
add("null", [
    ("", "=null"), (" ", "=null"), ("NA", "=null"), ("N/A", "=null"), ("n/a", "=null"), ("n.a.", "=null"),
    ("-", "=null"), ("--", "=null"), ("NC", "=null"), ("nc", "=null"), ("nd", "=null"), ("N.D.", "=null"),
    ("null", "=null"), ("NULL", "=null"), ("None", "=null"), ("NaN", "=null"), ("#N/A", "=null"),
    ("s.o.", "=null"), ("00/00/0000", "=null"), ("#VALEUR!", "=null"), ("#DIV/0!", "=null"), (" N / A ", "=null"),
    (NB, "=null"), ("Nancy", "Nancy"), ("Nord", "Nord"), ("0", "0"), ("Non", "Non"), ("RAS", "RAS"),
    ("aucun", "aucun"), ("Nice", "Nice"), ("N", "N"), ("Nantes", "Nantes"), ("9999", "=ambiguous"),
    ("-999", "=ambiguous"), ("99999", "=ambiguous"), ("Na", "=ambiguous"), ("1234", "1234"),
    ("Néant", "Néant"), ("NR", "=null"), ("#REF!", "=null"),
])
add("bool", [
    ("oui", "true"), ("OUI", "true"), ("Oui", "true"), ("non", "false"), ("NON", "false"), ("o", "true"),
    ("n", "false"), ("O", "true"), ("N", "false"), ("vrai", "true"), ("FAUX", "false"), ("true", "true"),
    ("False", "false"), ("1", "true"), ("0", "false"), ("yes", "true"), ("no", "false"), ("x", "true"),
    ("X", "true"), ("", "=null"), ("V", "=ambiguous"), ("F", "=ambiguous"), ("peut-être", "=invalid"),
    ("2", "=invalid"), (" oui ", "true"), ("NC", "=null"),
])
add("phone", [
    ("01 23 45 67 89", "+33123456789"), ("0123456789", "+33123456789"), ("01.23.45.67.89", "+33123456789"),
    ("01-23-45-67-89", "+33123456789"), ("+33 1 23 45 67 89", "+33123456789"), ("+33123456789", "+33123456789"),
    ("0033 1 23 45 67 89", "+33123456789"), ("+33 (0)1 23 45 67 89", "+33123456789"), ("06 12 34 56 78", "+33612345678"),
    ("07 12 34 56 78", "+33712345678"), ("04 91 12 34 56", "+33491123456"), ("09 70 12 34 56", "+33970123456"),
    ("0590 12 34 56", "+590590123456"), ("0690 12 34 56", "+590690123456"), ("0691 12 34 56", "+590691123456"),
    ("0596 12 34 56", "+596596123456"), ("0696 12 34 56", "+596696123456"), ("0697 12 34 56", "+596697123456"),
    ("0594 12 34 56", "+594594123456"), ("0694 12 34 56", "+594694123456"), ("0262 12 34 56", "+262262123456"),
    ("0263 12 34 56", "+262263123456"), ("0692 12 34 56", "+262692123456"), ("0693 12 34 56", "+262693123456"),
    ("0269 61 12 34", "+262269611234"), ("0639 12 34 56", "+262639123456"), ("+33 6 92 12 34 56", "+262692123456"),
    ("+33 5 90 12 34 56", "+590590123456"), ("+33 6 96 12 34 56", "+596696123456"), ("+262 692 12 34 56", "+262692123456"),
    ("+590 690 12 34 56", "+590690123456"), ("0800 123 456", "+33800123456"), ("15", "15"), ("112", "112"),
    ("3949", "3949"), ("123456789", "+33123456789"), ("612345678", "+33612345678"), ("1,23457E+08", "=invalid"),
    ("6,12346E+08", "=invalid"), ("01 23 45 67", "=invalid"), ("01 23 45 67 89 / 06 12 34 56 78", "=ambiguous"),
    ("0123456789 ; 0612345678", "=ambiguous"), ("", "=null"), ("Tél : 01 23 45 67 89", "+33123456789"),
    ("01 23 45 67 890", "=invalid"), ("+32 2 123 45 67", "+3221234567"), ("01/23/45/67/89", "+33123456789"),
    ("abc", "=invalid"),
])
add("email", [
    ("jean.dupont@exemple.fr", "jean.dupont@exemple.fr"), (" jean.dupont@exemple.fr ", "jean.dupont@exemple.fr"),
    ("Jean.Dupont@EXEMPLE.FR", "Jean.Dupont@exemple.fr"), ("contact@mairie-lyon.fr", "contact@mairie-lyon.fr"),
    ("rh+candidatures@ville.fr", "rh+candidatures@ville.fr"), ("mailto:accueil@paris.fr", "accueil@paris.fr"),
    ("jean.dupont@gmail,com", "=invalid"), ("jean.dupont@gmail", "=invalid"), ("jean..dupont@gmail.com", "=invalid"),
    ("jean dupont@gmail.com", "=invalid"), ("@exemple.fr", "=invalid"), ("jean.dupont", "=invalid"),
    ("a@x.fr; b@y.fr", "=ambiguous"), ("", "=null"), ("prenom.nom@education.gouv.fr", "prenom.nom@education.gouv.fr"),
    ("jean@-exemple.fr", "=invalid"), ("élodie@exemple.fr", "élodie@exemple.fr"), ("x@y.c", "=invalid"),
    ("jean.dupont@@exemple.fr", "=invalid"), ("info@Orange.fr", "info@orange.fr"),
])
add("url", [
    ("https://www.data.gouv.fr/fr/datasets/", "https://www.data.gouv.fr/fr/datasets/"),
    ("HTTP://WWW.INSEE.FR/fr/statistiques", "http://www.insee.fr/fr/statistiques"),
    (" https://www.service-public.fr ", "https://www.service-public.fr"),
    ("https://Ville.FR/Contact", "https://ville.fr/Contact"), ("www.ville-lyon.fr", "=ambiguous"),
    ("ville-lyon.fr", "=ambiguous"), ("http://", "=invalid"), ("https://exemple .fr", "=invalid"),
    ("javascript:alert(1)", "=invalid"), ("", "=null"), ("https://exemple.fr:8080/a?b=1", "https://exemple.fr:8080/a?b=1"),
    ("http://exemple", "=invalid"), ("ftp://ftp.ign.fr/", "ftp://ftp.ign.fr/"), ("http://192.168.1.1/", "http://192.168.1.1/"),
    ("voir site", "=invalid"), ("https://www.legifrance.gouv.fr/", "https://www.legifrance.gouv.fr/"),
])

out = os.path.join(os.path.dirname(__file__), "../../crates/dq-clean/tests/cases/text/cases.tsv")
with open(out, "w", encoding="utf-8") as f:
    f.write("# Generated by tools/clean-cases/cases_text.py; do not edit.\n")
    f.write("kind\tinput\texpected\n")
    for k, i, e in C:
        assert "\t" not in i or k == "whitespace"
        f.write(f"{k}\t{i.encode('unicode_escape').decode('ascii')}\t{e.encode('unicode_escape').decode('ascii')}\n")
print(len(C), "cases")
