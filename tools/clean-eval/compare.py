#!/usr/bin/env python3
"""Agreement of the best Python tool per kind on dq-clean's evaluation set of values
written by others (crates/dq-clean/tests/values_others.tsv), to set beside dq's own
figures (`cargo test -p dq-clean --test values_others -- --nocapture`).

Tools: babel.numbers.parse_decimal (fr_FR) for numbers, dateparser (fr, en, day first)
for dates and date-times, phonenumbers (region FR, E.164, RFC 3966 extension) for
phones. A tool that raises or returns nothing answers "invalid"; none of them answers
"ambiguous" or "null", so each case expecting those is a disagreement for them (that is
the point: they guess where dq flags). "wrong" counts valid answers that are not the
expected value (a guessed century, a dropped leading zero, a wrong number).

Usage: pip install babel dateparser phonenumbers
       python3 tools/clean-eval/compare.py [crates/dq-clean/tests/values_others.tsv]
"""
import csv
import sys
from decimal import Decimal, InvalidOperation

STATUSES = {"valid", "null", "invalid", "ambiguous"}


def number(s):
    from babel.numbers import NumberFormatError, parse_decimal
    try:
        d = parse_decimal(s, locale="fr_FR", strict=False)
    except (NumberFormatError, InvalidOperation, ValueError):
        return "invalid"
    if d == 0:
        return "0" if d.as_tuple().exponent >= 0 else "0." + "0" * -d.as_tuple().exponent
    return format(d, "f")


def _dateparser(s):
    import dateparser
    return dateparser.parse(
        s, languages=["fr", "en"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"}
    )


def date(s):
    try:
        d = _dateparser(s)
    except Exception:  # noqa: BLE001 - any failure is "invalid"
        return "invalid"
    return d.date().isoformat() if d else "invalid"


def datetime_(s):
    try:
        d = _dateparser(s)
    except Exception:  # noqa: BLE001
        return "invalid"
    if not d:
        return "invalid"
    has_time = any(c in s for c in ":hH") and any(c.isdigit() for c in s.split()[-1])
    if not has_time:
        return d.date().isoformat()
    out = d.isoformat()
    return out.replace("+00:00", "Z")


def phone(s):
    import phonenumbers
    try:
        n = phonenumbers.parse(s, "FR")
    except phonenumbers.NumberParseException:
        return "invalid"
    if not phonenumbers.is_valid_number(n):
        return "invalid"
    out = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
    if n.extension:
        out += ";ext=" + n.extension
    return out


TOOLS = {
    "number": ("babel parse_decimal fr_FR", number),
    "date": ("dateparser fr/en DMY", date),
    "datetime": ("dateparser fr/en DMY", datetime_),
    "phone": ("phonenumbers FR", phone),
}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "crates/dq-clean/tests/values_others.tsv"
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    stats = {}
    for kind, value, expected, *_ in rows:
        if kind not in TOOLS:
            continue
        got = TOOLS[kind][1](value)
        s = stats.setdefault(kind, [0, 0, 0])
        s[0] += 1
        s[1] += got == expected
        s[2] += got != expected and got not in STATUSES
        if got != expected and "-v" in sys.argv:
            print(f"  {kind}: {value!r} -> {got!r}, expected {expected!r}")
    print("| kind | cases | tool | agreement | wrong values |")
    print("|---|---:|---|---:|---:|")
    for kind, (n, ok, wrong) in stats.items():
        print(f"| {kind} | {n} | {TOOLS[kind][0]} | {ok / n:.3f} | {wrong} |")


if __name__ == "__main__":
    main()
