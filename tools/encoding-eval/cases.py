"""The evaluation material of issue #12, written for this project (no file of another
project is copied here): correct text in many languages, the mojibake that software makes
of it, hard negatives (correct text that looks like mojibake), Western-European text in
legacy code pages for detection, and CSV samples of each sniffing pattern.

The patterns were studied in other projects' public test suites (ftfy's test cases,
chardet's and charset-normalizer's test files, csv-detective's test files) and in
../shared/realdata/; the sentences below are our own.
"""

# Correct sentences, one list per language (at least ten languages).
TEXTS = {
    "fr": ["Préfecture de la Région Île-de-France", "Créteil, Béziers et Saint-Étienne",
           "Ardèche, Drôme et Hérault", "Le cœur de la forêt à côté de l’église",
           "Maître d’œuvre : société Façades & Frères", "Saint-Lô", "Noël à Nîmes",
           "Théâtre municipal de Mâcon", "Crèche « Les Lutins »", "Numéro d’écrou 1 234,56 €"],
    "de": ["Größe und Gewicht der Brücke", "Straße in München", "Äußerst schöne Übung",
           "Düsseldorf, Köln und Würzburg", "Grüße aus Österreich"],
    "es": ["Año de fundación del señor Núñez", "Camión en la estación de León",
           "¿Dónde está el baño?", "Peña de la Ñora", "Educación pública en Andalucía"],
    "pt": ["São Paulo e Florianópolis", "Educação e saúde pública", "Irmã Dulce, mãe e avó",
           "Conceição do Araguaia", "Ações da administração"],
    "it": ["Perché la città è già piena", "Università di Forlì", "Caffè e tiramisù",
           "L’attività più antica", "Sarà così"],
    "nl": ["Café in Tiel en Zeeuws-Vlaanderen", "Geïnteresseerd in de coöperatie",
           "Ruïne bij Brugge", "Financiële overzicht", "Reünie van de vereniging"],
    "sv": ["Malmö och Göteborg", "Åre kommun i Jämtland", "Räksmörgås med ägg",
           "Östersund och Västerås", "Björn Ålund"],
    "fi": ["Hyvää päivää Jyväskylästä", "Käyttäjän määrä kasvoi", "Ylöjärvi ja Hämeenlinna",
           "Pöytä ja tuoli", "Äänestys päättyi"],
    "da": ["Ærø og Ålborg", "Søndergade i Århus", "Kløvermarken og Brøndby", "Fælles mål",
           "Øresund"],
    "no": ["Tromsø og Bodø", "Kjøpmannsgata i Trondheim", "Blåbær og multer", "Ålesund havn",
           "Førde sentrum"],
    "is": ["Þórður og Guðrún", "Reykjavík og Akureyri", "Ísafjörður", "Eyjafjallajökull",
           "Sauðárkrókur"],
    "ca": ["Generalitat de Catalunya, l’Hospitalet", "Lleida i Girona", "Plaça de la Vila",
           "Col·legi d’Advocats", "Cançó popular"],
    "cs": ["Příliš žluťoučký kůň", "Brno a Plzeň", "České Budějovice", "Řeka Vltava",
           "Náměstí Míru"],
    "pl": ["Łódź i Kraków", "Świętokrzyskie województwo", "Gdańsk, Poznań", "Żółć",
           "Zażółć gęślą jaźń"],
    "ro": ["București și Iași", "Timișoara, Brașov", "Învățământ", "Țară", "Constanța"],
    "tr": ["İstanbul ve Ankara", "Eskişehir", "Güneş ışığı", "Çanakkale", "Muğla"],
    "ru": ["Москва и Санкт-Петербург", "Привет, мир", "Общество с ограниченной ответственностью",
           "Ёлка", "Новосибирск"],
    "uk": ["Київ і Львів", "Підприємство", "Дія", "Україна", "Їжак"],
    "el": ["Αθήνα και Θεσσαλονίκη", "Η ¨ανατροφή¨ των παιδιών", "Ελλάδα", "Πάτρα", "Ηράκλειο"],
}

# Correct text that looks like mojibake: it must never be changed.
HARD_NEGATIVES = [
    # Portuguese in capitals: Ã and Õ end words before punctuation.
    ("pt", "SÃO PAULO"), ("pt", "IRMÃ DULCE"), ("pt", "«IRMÃ»"), ("pt", "IRMÃ’S BAR"),
    ("pt", "MÃ’S"), ("pt", "CONCEIÇÃO"), ("pt", "ÓRGÃOS PÚBLICOS"), ("pt", "“IRMÔ"),
    ("pt", "Ã’s"),
    # Nordic capitals before signs and non-breaking spaces.
    ("sv", "SVENSKÅ™"), ("sv", "ÅRE™"), ("no", "ÅLESUND"), ("da", "ÆRØ"),
    ("fi", "HYVÄ\u00a0PÄIVÄ"), ("fi", "TÄ\u00a0ON"), ("fi", "YLÖJÄRVI\u00a0–\u00a0HÄME"),
    ("de", "ÄÖÜ\u00a0GmbH"), ("et", "ÕUN\u00a0JA\u00a0PIRN"),
    # Symbols, mathematics and line art.
    ("math", "√π ≈ 1,77"), ("math", "x = √π"), ("math", "∑ ≤ ∞, ∆x"), ("art", "├│ ┬│"),
    ("art", "╔═╗ ║ ╚═╝"), ("art", "░▒▓ ├──┤"), ("sym", "№ 12 — 3 ½ ²"), ("sym", "© 2024 ™"),
    # Cyrillic and Central European text that windows-1251/1250 tables would misread.
    ("uk", "ДІЯ"), ("uk", "ПІДПРИЄМСТВО"), ("ru", "ООО «ДОМ»"), ("ru", "ГЁТЕ"),
    ("ro", "ROMÂNĂ»"), ("ro", "ÎNVĂȚĂMÂNT"), ("cs", "Příliš žluťoučký kůň"),
    ("pl", "Łódź, Świętokrzyskie"), ("hu", "Győr és Pécs"), ("hr", "Đakovo, Čakovec"),
    # Signs between letters that are right.
    ("en", "well—known"), ("en", "rock–paper"), ("en", "McDonald’s"), ("fr", "c'était"),
    ("es", "ÑANDÚ, AÑO"), ("is", "Þórður, Ærø"), ("el", "Η ¨ανατροφή¨"), ("ca", "Col·legi"),
    ("fr", "Ça va ? Éric, Ève"), ("de", "Größe, Äußerung"), ("fr", "voilà…"),
    ("fr", "L’ÉTÉ’"), ("fr", "«ÉTÉ»"), ("es", "1.ª edición, 2.º piso"), ("fr", "N° 12"),
] + [(lang, t) for lang, ts in TEXTS.items() for t in ts]

# How software breaks UTF-8 text: (label, python codec); encoding_rs reads 0x81, 0x8D,
# 0x8F, 0x90, 0x9D as C1 controls in windows-1252, Python refuses them, so the helper
# below falls back to Latin-1 for those bytes.
MISREADINGS = [("windows-1252", "cp1252"), ("ISO-8859-1", "latin-1"), ("macintosh", "mac_roman"),
               ("IBM850", "cp850"), ("windows-1250", "cp1250"), ("windows-1251", "cp1251")]
# Languages whose text a misreading is tried on: the Western ones (the repair targets),
# and for windows-1250/1251 only French, as French files opened on a Central European
# or Cyrillic Windows.
WESTERN = ["fr", "de", "es", "pt", "it", "nl", "sv", "fi", "da", "no", "is", "ca"]


def misread(text, codec):
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def positives():
    """(label, broken, expected): UTF-8 misread once, twice, and the single-byte
    confusions of issue #12."""
    out = []
    for lang in WESTERN:
        for t in TEXTS[lang]:
            if t.isascii():
                continue
            for label, codec in MISREADINGS:
                if label in ("windows-1250", "windows-1251") and lang != "fr":
                    continue
                b = misread(t, codec)
                if b != t:
                    out.append((f"{lang}:{label}", b, t))
            b2 = misread(misread(t, "cp1252"), "cp1252")
            out.append((f"{lang}:windows-1252x2", b2, t))
    # windows-1252 punctuation decoded as ISO-8859-1 (C1 controls), alone or mixed.
    for t in ["l’eau et l’air", "et ainsi de suite…", "le cœur", "“Très bien”", "Œuvre — 2024"]:
        out.append(("fr:c1-controls", t.encode("cp1252").decode("latin-1"), t))
    out.append(("fr:c1+windows-1252", "l\u0092" + misread("été", "cp1252"), "l’été"))
    # Legacy to legacy: windows-1252 read as Mac Roman, IBM850 read as windows-1252.
    for t in ["Préfecture de Créteil", "Crèche de Besançon", "Théâtre de Nîmes", "Fête à Sète"]:
        out.append(("fr:1252-as-macintosh", t.encode("cp1252").decode("mac_roman"), t))
    for t in ["Ardèche", "préfecture", "Crêpes de Besançon", "Noël"]:
        out.append(("fr:850-as-1252", misread_single(t, "cp850", "cp1252"), t))
    return out


def misread_single(text, written, read):
    out = []
    for ch in text:
        b = ch.encode(written)
        try:
            out.append(b.decode(read))
        except UnicodeDecodeError:
            out.append(b.decode("latin-1"))
    return "".join(out)


# Detection: (language, encoding label as dq names it, python codec) for the Western
# European languages, plus texts with only one or two accented bytes.
DETECTION_ENCODINGS = [("windows-1252", "cp1252"), ("ISO-8859-15", "iso8859_15"),
                       ("macintosh", "mac_roman"), ("IBM850", "cp850"), ("UTF-8", "utf-8")]
FEW_ACCENTS = [
    ("en", "item;price\nbook;£825\npen;£2\n"),
    ("fr", "code;libelle\n01;Ain\n02;Aisne\n03;Allier\n04;Alpes-de-Haute-Provence\n05;Hautes-Alpes\n06;Alpes-Maritimes\n07;Ardèche\n"),
    ("fi", "kunta;asukkaat\nHelsinki;658457\nEspoo;297132\nTampere;244029\nVantaa;237231\nOulu;209551\nTurku;195301\nJyväskylä;144473\n"),
    ("sv", "kommun;invånare\nStockholm;978770\nGöteborg;583056\nUppsala;233839\n"),
    ("de", "stadt;einwohner\nBerlin;3645000\nHamburg;1841000\nMünchen;1472000\n"),
    ("es", "ciudad;habitantes\nMadrid;3223000\nBarcelona;1620000\nMálaga;574654\n"),
    ("fr", "nom;montant\nAssociation A;1 234,50 €\nAssociation B;500,00 €\n"),
]


def detection_cases():
    """(label, bytes, expected dq encoding name, acceptable equivalents)."""
    out = []
    for lang in WESTERN:
        body = "\n".join(f"{i};{t}" for i, t in enumerate(TEXTS[lang] * 3)) + "\n"
        text = "id;texte\n" + body
        for name, codec in DETECTION_ENCODINGS:
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            out.append((f"{lang}:{name}", data, name))
    for lang, text in FEW_ACCENTS:
        for name, codec in [("windows-1252", "cp1252"), ("IBM850", "cp850"), ("UTF-8", "utf-8")]:
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            out.append((f"{lang}-few:{name}", data, name))
    out.append(("fr:IBM858-euro", "montant\n12 €\n15 €\nà régler\n".encode("cp858"), "IBM850"))
    return out


# Sniffing: (label, text, delimiter, quote, has_header, header_row, columns, records).
SNIFF = [
    ("all-quoted-bare-header",
     'Reference|Auteur|Lieu|Date\n"M1"|""|"France ; Drôme ; Valence"|"1999-10-07"\n'
     '"M2"|"Morgan"|"Egypte ; Adaïma"|""\n"M3"|""|""|"2003-02-11"\n"M4"|"Inconnu"|"Lyon"|"2010-06-30"\n',
     "|", '"', True, 0, 4, 4),
    ("quoted-delimiter-every-row-crlf",
     'id,commune,coordonnees\r\n1,Paris,"48.85, 2.35"\r\n2,Lyon,"45.76, 4.83"\r\n'
     '3,Lille,"50.63, 3.06"\r\n4,Nantes,"47.21, -1.55"\r\n',
     ",", '"', True, 0, 3, 4),
    ("quoted-delimiter-every-row-headerless",
     '1,Paris,"48.85, 2.35"\n2,Lyon,"45.76, 4.83"\n3,Lille,"50.63, 3.06"\n',
     ",", '"', False, 0, 3, 3),
    ("repeated-header",
     "code_insee;nom;population\ncode_insee;nom;population\n75056;Paris;2133111\n"
     "69123;Lyon;522250\n13055;Marseille;873076\n",
     ";", '"', True, 1, 3, 3),
    ("stray-cr-lf-file",
     "siret,nom,complement,cp\n44225589900019,FIGUIE ET FILS,\r,46330\n"
     "79090443700015,METALLERIE DU SUD,\r,66650\n55203253400646,DANONE,,75009\n",
     ",", '"', True, 0, 4, 3),
    ("title-line-then-header",
     "Liste des subventions 2023;;;\n;;;\nbeneficiaire;siret;montant;date\n"
     "A;12345678901234;1 234,56;15/03/2023\nB;98765432109876;500,00;02/04/2023\n",
     ";", '"', True, 2, 4, 2),
    ("multiline-quoted",
     'id;adresse;cp\n1;"12 rue X\nBât. B";75001\n2;"3, place Y";69001\n3;"Z";13001\n',
     ";", '"', True, 0, 3, 3),
    ("tab-no-quotes", "siren\tnom\n552032534\tDANONE\n542065479\tL'OREAL\n", "\t", '"', True, 0, 2, 2),
]
