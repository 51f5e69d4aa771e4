#!/usr/bin/env python3
"""Writes the encoding fixtures of dq-cli's integration tests
(crates/dq-cli/tests/fixtures/encoding/) with the Python codecs. Deterministic.

    python3 tools/encoding-corpus/make_fixtures.py
"""
import os

OUT = os.path.join("crates", "dq-cli", "tests", "fixtures", "encoding")

TABLE = (
    "code_insee;commune;établissement;montant\n"
    "42218;Saint-Étienne;École élémentaire Jean Jaurès;1 234,50 €\n"
    "94028;Créteil;Œuvre sociale du Cœur;500,00 €\n"
    "71076;Chalon-sur-Saône;Hôtel de ville;12,00 €\n"
)
# The same table without € and œ, for encodings that lack them.
PLAIN = (
    "code_insee;commune;établissement;montant\n"
    "42218;Saint-Étienne;École élémentaire Jean Jaurès;1 234,50\n"
    "94028;Créteil;Société coopérative à Noël;500,00\n"
    "71076;Chalon-sur-Saône;Hôtel de ville;12,00\n"
)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    crlf = TABLE.replace("\n", "\r\n")
    write("windows1252_semicolon.csv", crlf.encode("cp1252"))
    write("macroman.csv", TABLE.replace("\n", "\r").encode("mac_roman"))
    write("utf16le_bom.csv", b"\xff\xfe" + TABLE.replace(";", "\t").encode("utf-16-le"))
    write("utf16be_nobom.csv", TABLE.encode("utf-16-be"))
    write("ibm850.csv", PLAIN.encode("cp850"))
    write("iso8859_15_euro.csv", TABLE.encode("iso8859-15"))
    # True Latin-1: C1 controls (0x81, 0x8D, 0x9D are undefined in windows-1252).
    write("latin1_c1.csv", (PLAIN + "00000;Contrôle\x81\x8d\x9d;é;0\n").encode("latin-1"))
    write("utf8_bom.csv", b"\xef\xbb\xbf" + TABLE.encode("utf-8"))
    ascii_rows = "".join(f"{75100 + i % 900};Paris {i};Etablissement {i};{i},00\n" for i in range(2500))
    write("ascii_then_1252.csv", ("code_insee;commune;etablissement;montant\n" + ascii_rows
                                   + "42218;Saint-Étienne;Lycée;1,00\n").encode("cp1252"))
    # UTF-8 that turns invalid late: only --lossy converts it.
    write("utf8_late_invalid.csv", ("code;commune\n" + "".join(f"{i};Créteil\n" for i in range(50))).encode("utf-8")
          + b"99;Cr\xe9teil\n")
    write("not_a_table.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")
    write("not_a_table.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    write("not_a_table.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml")


if __name__ == "__main__":
    main()
