#!/usr/bin/env python3
"""Scores the issue's Python anchors on dq-clean's own case tables, for a side-by-side
comparison with the Rust accuracy tests (crates/dq-clean/tests/text_cases.rs and
values_accuracy.rs).

Anchors: dateparser (date, datetime), babel.numbers.parse_decimal (number, fr_FR),
phonenumbers (phone, region FR, E.164 when valid), unidecode + lower() (fold) and
Python's str.title (title). Kinds without an anchor named in the issue are not scored.

Scoring, generous to the anchors: a case is right when the anchor's output equals the
expected canonical value (numbers compared as decimals), or when the expected answer is
`null`, `invalid` or `ambiguous` and the anchor returns nothing (raises or gives None).
A "silent guess" is an expected `ambiguous` case for which the anchor returned a value.

Setup: pip install dateparser unidecode phonenumbers babel
Run:   python3 tools/clean-cases/score_anchors.py   (from the repository root)
"""
import csv
import datetime as dt
import os
import sys
import warnings
from decimal import Decimal, InvalidOperation

warnings.filterwarnings("ignore")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TEXT = os.path.join(ROOT, "crates/dq-clean/tests/cases/text/cases.tsv")
VALUES = os.path.join(ROOT, "crates/dq-clean/tests/values_cases.tsv")
FLAGS = {"null", "invalid", "ambiguous"}


def read_text_cases():
    """(kind, input, expected) from the text table; `=null` becomes `null`."""
    with open(TEXT, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines[2:]:
        if not line:
            continue
        kind, inp, exp = line.split("\t")
        inp = inp.encode("latin-1", "backslashreplace").decode("unicode_escape")
        exp = exp.encode("latin-1", "backslashreplace").decode("unicode_escape")
        yield kind, inp, exp[1:] if exp.startswith("=") else exp


def read_value_cases():
    with open(VALUES, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0] != "kind":
                yield row[0], row[1], row[2]


def anchor_date(kind):
    import dateparser

    settings = {"DATE_ORDER": "DMY"}

    def f(s):
        d = dateparser.parse(s, languages=["fr"], settings=settings)
        if d is None:
            return None
        if kind == "date":
            return d.date().isoformat()
        out = d.isoformat()
        # A date alone is expected without a time of day.
        if d.time() == dt.time(0) and ":" not in s and "h" not in s.lower():
            return d.date().isoformat()
        return out

    return f


def anchor_number(s):
    from babel.numbers import parse_decimal

    return str(parse_decimal(s, locale="fr_FR"))


def anchor_phone(s):
    import phonenumbers

    n = phonenumbers.parse(s, "FR")
    if not phonenumbers.is_valid_number(n):
        return None
    return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)


def anchor_fold(s):
    from unidecode import unidecode

    return unidecode(s).lower()


ANCHORS = {
    "date": ("dateparser 1.x (languages=fr, DMY)", anchor_date("date")),
    "datetime": ("dateparser 1.x (languages=fr, DMY)", anchor_date("datetime")),
    "number": ("babel parse_decimal (fr_FR)", anchor_number),
    "phone": ("phonenumbers (region FR, E.164)", anchor_phone),
    "fold": ("unidecode(s).lower()", anchor_fold),
    "title": ("str.title", str.title),
}


def same(kind, got, exp):
    if got == exp:
        return True
    if kind == "datetime" and exp.endswith("Z"):
        return got == exp[:-1] + "+00:00"
    if kind == "number":
        try:
            return Decimal(got) == Decimal(exp)
        except (InvalidOperation, TypeError, ValueError):
            return False
    return False


def main():
    cases = list(read_text_cases()) + list(read_value_cases())
    verbose = "-v" in sys.argv
    print("| kind | cases | anchor | anchor accuracy | anchor silent guesses |")
    print("|---|---:|---|---:|---:|")
    for kind, (name, f) in ANCHORS.items():
        rows = [(i, e) for k, i, e in cases if k == kind]
        ok = guesses = 0
        for inp, exp in rows:
            try:
                got = f(inp)
            except Exception:  # noqa: BLE001 - an anchor that raises has refused the value.
                got = None
            right = (got is None and exp in FLAGS) or (got is not None and same(kind, got, exp))
            ok += right
            if exp == "ambiguous" and got is not None:
                guesses += 1
            if verbose and not right:
                print(f"  {kind}: {inp!r} -> {got!r}, expected {exp!r}", file=sys.stderr)
        print(f"| {kind} | {len(rows)} | {name} | {ok / len(rows):.3f} | {guesses} |")


if __name__ == "__main__":
    main()
