#!/usr/bin/env python3
"""The 1M-row blocking self-join with dq's functions in DuckDB, Polars, pyarrow and
DataFusion, side by side in one run (issue 15).

Generates PEOPLE rows (id, nom, code_postal: names with typos, postal codes of several
shapes, seeded), then for each engine, in its own process: load the table, derive the
blocking key `phonetic(nom) | postal_code(code_postal)` with dq's functions, and count
the pairs of rows sharing a key (a.id < b.id). Prints the pair count (identical across
engines), the time of key + join, and the peak RSS of the process.

    python3 tools/arrow-bench/join_bench.py [--rows 1000000] [--datafusion target/release/examples/blocking_join]

Needs the dq wheel, pyarrow, duckdb and polars in the running Python.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time

SURNAMES = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
            "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David",
            "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
            "Rousseau", "Vincent", "Muller", "Lefevre", "Faure", "Andre", "Mercier", "Blanc",
            "Guerin", "Boyer", "Garnier", "Chevalier", "Francois", "Legrand", "Gauthier", "Garcia"]
PARTS = ["", "-Lagarde", " de la Tour", "-Vidal", " du Pont", "-Roux", " Le Gall", "-Moreau",
         " Fontaine", "-Chevalier", " Lambert", "-Girard", " Bonnet", "-Mercier", " Blanc"]


def typo(rng, s):
    if len(s) > 3 and rng.random() < 0.15:
        i = rng.randrange(1, len(s) - 1)
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s


def generate(path, rows, seed=15):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,nom,code_postal\n")
        for i in range(rows):
            nom = typo(rng, rng.choice(SURNAMES) + rng.choice(PARTS))
            cp = rng.randrange(1000, 96000)
            cp = f"{cp:05d}" if rng.random() < 0.8 else str(cp)  # Excel-stripped zeros
            f.write(f"{i},{nom},{cp}\n")


# The name's phonetic key and the département of the postal code (its first two
# characters once the Excel-stripped zero is restored).
KEY_SQL = "dq_key_phonetic(nom) || '|' || substr(dq_postal_code(code_postal), 1, 2)"


def run_duckdb(path):
    import duckdb
    import dq
    con = duckdb.connect()
    dq.register_duckdb(con)
    con.execute(f"create table p as select * from read_csv('{path}', all_varchar = true)")
    start = time.perf_counter()
    pairs = con.execute(
        f"with k as (select id, {KEY_SQL} as bk from p) "
        "select count(*) from k a join k b on a.bk = b.bk and a.id < b.id").fetchone()[0]
    return pairs, time.perf_counter() - start


def run_polars(path):
    import polars as pl
    import dq
    df = pl.read_csv(path, infer_schema=False).with_columns(pl.col("id").cast(pl.Int64))
    start = time.perf_counter()
    k = df.select(
        "id",
        (pl.col("nom").map_batches(lambda s: dq.blocking_key(s, "phonetic"), return_dtype=pl.String)
         + "|" + pl.col("code_postal").map_batches(lambda s: dq.output("postal_code", s),
                                                   return_dtype=pl.String).str.slice(0, 2)).alias("bk"),
    ).drop_nulls("bk")
    pairs = k.join(k, on="bk", suffix="_b").filter(pl.col("id") < pl.col("id_b")).height
    return pairs, time.perf_counter() - start


def run_pyarrow(path):
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv
    import dq
    t = pcsv.read_csv(path, convert_options=pcsv.ConvertOptions(
        column_types={"id": pa.int64(), "nom": pa.string(), "code_postal": pa.string()}))
    start = time.perf_counter()
    bk = pc.binary_join_element_wise(dq.blocking_key(t["nom"], "phonetic"),
                                     pc.utf8_slice_codeunits(dq.output("postal_code", t["code_postal"]), 0, 2), "|")
    k = pa.table({"id": t["id"], "bk": bk}).filter(pc.is_valid(bk))
    j = k.join(k, "bk", right_suffix="_b", join_type="inner")
    pairs = pc.sum(pc.less(j["id"], j["id_b"]).cast(pa.int64())).as_py()
    return pairs, time.perf_counter() - start


def child(engine, path):
    pairs, seconds = {"duckdb": run_duckdb, "polars": run_polars, "pyarrow": run_pyarrow}[engine](path)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"engine": engine, "pairs": pairs, "key_join_s": round(seconds, 3),
                      "peak_rss_mb": round(rss)}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--csv", default="/tmp/dq-join-1m.csv")
    ap.add_argument("--datafusion", default="target/release/examples/blocking_join")
    ap.add_argument("--child", nargs=2)
    a = ap.parse_args()
    if a.child:
        child(*a.child)
        return
    if not os.path.exists(a.csv):
        generate(a.csv, a.rows)
    print(f"{a.rows} rows, key = {KEY_SQL}")
    for engine in ("duckdb", "polars", "pyarrow"):
        out = subprocess.run([sys.executable, __file__, "--child", engine, a.csv],
                             capture_output=True, text=True)
        print(out.stdout.strip() or out.stderr.strip()[-2000:])
    if os.path.exists(a.datafusion):
        out = subprocess.run(["/usr/bin/time", "-f", "peak_rss_mb=%M", a.datafusion, a.csv],
                             capture_output=True, text=True)
        rss = [l for l in out.stderr.splitlines() if l.startswith("peak_rss_mb=")]
        kb = int(rss[-1].split("=")[1]) if rss else 0
        print(out.stdout.strip(), f"peak_rss_mb={kb // 1024}")
    else:
        print(f"datafusion: {a.datafusion} not built (cargo build --release -p dq-datafusion --example blocking_join)")


if __name__ == "__main__":
    main()
