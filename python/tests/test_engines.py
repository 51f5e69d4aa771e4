"""dq in the engines: pandas, Polars, DuckDB (SQL functions), PySpark when present."""

import os
import random
import shutil
import sys

import pyarrow as pa
import pytest

import dq


def table(n=10_000, seed=7):
    """A generated table of establishments: valid and broken SIRETs, commune codes of
    every kind, names with typos (the same data the Rust library is checked on)."""
    rng = random.Random(seed)
    codes = ["75101", "75056", "2A004", "01001", "13055", "69123", "99999", "1001", None]
    names = ["Dupont", "Dupond", "Martin", "Martinn", "Bernard", "Petit", "Durand"]
    sirets, communes, noms = [], [], []
    for i in range(n):
        siren = f"{rng.randrange(10**8, 10**9):09d}"
        sirets.append(siren + "00013" if i % 5 else "bad" + str(i))
        communes.append(rng.choice(codes))
        noms.append(rng.choice(names))
    return pa.table({"siret": sirets, "code_commune": communes, "nom": noms})


def test_pandas_series_in_and_out():
    pd = pytest.importorskip("pandas")
    s = pd.Series(["1000", None, "75001"], index=[10, 11, 12], name="cp")
    out = dq.output("postal-code", s)
    assert isinstance(out, pd.Series)
    assert list(out.index) == [10, 11, 12] and out.name == "cp"
    assert out[10] == "01000" and pd.isna(out[11])


def test_polars_expression():
    pl = pytest.importorskip("polars")
    df = pl.from_arrow(table(1000))
    out = df.with_columns(
        pl.col("code_commune").map_batches(dq.insee_departement, return_dtype=pl.String).alias("dep"),
        pl.col("siret").map_batches(lambda s: dq.is_valid("siret", s), return_dtype=pl.Boolean).alias("ok"),
    )
    want_dep = dq.insee_departement(table(1000).column("code_commune")).to_pylist()
    assert out["dep"].to_list() == want_dep
    assert out["ok"].sum() == sum(1 for v in dq.is_valid("siret", table(1000).column("siret")).to_pylist() if v)


def test_duckdb_sql_functions_agree_with_the_library():
    duckdb = pytest.importorskip("duckdb")
    t = table()
    con = duckdb.connect()
    names = dq.register_duckdb(con)
    assert "dq_siret_valid" in names and "dq_key_phonetic" in names
    con.register("etab", t)
    # Validators in WHERE.
    n_valid = con.execute("select count(*) from etab where dq_siret_valid(siret)").fetchone()[0]
    want = sum(1 for v in dq.is_valid("siret", t.column("siret")).to_pylist() if v)
    assert n_valid == want and 0 < n_valid < t.num_rows
    # Pivots in projections.
    rows = con.execute(
        "select dq_insee_current_code(code_commune) as cur, count(*) from etab group by cur order by cur"
    ).fetchall()
    cur = dq.insee_current_code(t.column("code_commune")).to_pylist()
    want = sorted({c: cur.count(c) for c in set(cur)}.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    assert rows == want
    # A blocking-key self-join: pairs of rows whose names share a phonetic key.
    pairs = con.execute(
        "with k as (select row_number() over () as id, dq_key_phonetic(nom) as key from etab) "
        "select count(*) from k a join k b on a.key = b.key and a.id < b.id"
    ).fetchone()[0]
    keys = dq.blocking_key(t.column("nom"), "phonetic").to_pylist()
    counts = {}
    for k in keys:
        if k is not None:
            counts[k] = counts.get(k, 0) + 1
    assert pairs == sum(c * (c - 1) // 2 for c in counts.values())
    # A comparator on the candidate pairs.
    lv = con.execute("select dq_level_name('Dupont', 'Dupond'), dq_jaro_winkler('MARTHA', 'MARHTA')").fetchone()
    assert lv[0] == 1 and abs(lv[1] - 0.9611) < 1e-3


def test_pyspark_arrow_udf_local():
    if shutil.which("java") is None:
        pytest.skip("skipped: no Java on this machine, so no PySpark local[2] run")
    pytest.importorskip("pyspark", reason="skipped: pyspark is not installed")
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    # The workers must run this interpreter, where dq and pyarrow are installed (on a
    # cluster: the shipped environment, see docs/guide-python.md).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master("local[2]").appName("dq-test")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        t = table(1000)
        df = spark.createDataFrame(t.to_pandas())
        if hasattr(F, "arrow_udf"):  # Spark >= 4.1: pyarrow arrays in and out.
            @F.arrow_udf("boolean")
            def siret_ok(s: pa.Array) -> pa.Array:
                return dq.is_valid("siret", s)

            @F.arrow_udf("string")
            def current(s: pa.Array) -> pa.Array:
                return dq.insee_current_code(s)
        else:
            @F.pandas_udf("boolean")
            def siret_ok(s):
                return dq.is_valid("siret", s)

            @F.pandas_udf("string")
            def current(s):
                return dq.insee_current_code(s)

        n = df.filter(siret_ok("siret")).count()
        want = sum(1 for v in dq.is_valid("siret", t.column("siret")).to_pylist() if v)
        assert n == want
        got = sorted(r[0] or "" for r in df.select(current("code_commune")).collect())
        assert got == sorted(v or "" for v in dq.insee_current_code(t.column("code_commune")).to_pylist())

        # mapInArrow: whole record batches.
        def add_dep(batches):
            for b in batches:
                yield pa.RecordBatch.from_arrays(
                    [b.column(0), dq.insee_departement(b.column(1))], names=["siret", "dep"])

        deps = df.select("siret", "code_commune").mapInArrow(add_dep, "siret string, dep string")
        assert deps.filter(F.col("dep") == "75").count() == sum(
            1 for d in dq.insee_departement(t.column("code_commune")).to_pylist() if d == "75")
    finally:
        spark.stop()
