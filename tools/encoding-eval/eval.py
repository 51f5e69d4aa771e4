#!/usr/bin/env python3
"""Scores dq-encoding (through the `dq` binary) and the best-known tools on the evaluation
material of issue #12 (cases.py), and on ftfy's own test cases when an ftfy sdist is at
hand: mojibake repair (dq vs ftfy.fix_encoding), charset detection (dq vs chardet and
charset-normalizer), CSV dialect sniffing (dq vs Python's csv.Sniffer and csv-detective).

Usage, from the project root after `cargo build --release -p dq-cli`:

    python3 -m venv /tmp/venv-enc
    /tmp/venv-enc/bin/pip install ftfy==6.3.1 chardet charset-normalizer csv-detective
    /tmp/venv-enc/bin/pip download ftfy==6.3.1 --no-binary :all: --no-deps -d /tmp/ftfy-sdist
    /tmp/venv-enc/bin/python tools/encoding-eval/eval.py [--ftfy-sdist /tmp/ftfy-sdist/ftfy-6.3.1.tar.gz] [-v]

Each tool missing from the environment is skipped. `--write-tsv` also writes
crates/dq-encoding/tests/eval_mojibake.tsv, the table the crate's tests hold dq to.
"""
import argparse
import csv
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cases  # noqa: E402

DQ = "target/release/dq"


def dq_repair(values):
    """dq normalize mojibake over values (no newlines in them), one answer each."""
    text = "".join(v.replace("\n", " ") + "\n" for v in values)
    p = subprocess.run([DQ, "normalize", "mojibake", "--json"], input=text.encode("utf-8"),
                       capture_output=True, check=True)
    out = [json.loads(l)["output"] for l in p.stdout.decode("utf-8").split("\n") if l]
    assert len(out) == len(values), (len(out), len(values))
    return out


def score_mojibake(name, positives, negatives, verbose):
    """positives: (label, broken, expected); negatives: (label, text)."""
    rows = []
    tools = {"dq": dq_repair}
    try:
        import ftfy
        tools["ftfy.fix_encoding"] = lambda vs: [ftfy.fix_encoding(v) for v in vs]
    except ImportError:
        pass
    for tool, fn in tools.items():
        fixed = fn([b for _, b, _ in positives])
        ok = sum(f == e for f, (_, _, e) in zip(fixed, positives))
        left = fn([t for _, t in negatives])
        false = [(l, t, f) for f, (l, t) in zip(left, negatives) if f != t]
        rows.append((tool, ok, len(positives), len(false), len(negatives)))
        if verbose:
            for f, (l, b, e) in zip(fixed, positives):
                if f != e:
                    print(f"  {tool} miss {l}: {b!r} -> {f!r} (want {e!r})")
            for l, t, f in false:
                print(f"  {tool} FALSE {l}: {t!r} -> {f!r}")
    print(f"\n## mojibake: {name}\n")
    print("| tool | repaired positives | false repairs on negatives |")
    print("|---|---|---|")
    for tool, ok, n, bad, m in rows:
        print(f"| {tool} | {ok}/{n} ({ok / max(n, 1):.3f}) | {bad}/{m} |")


def ftfy_cases(sdist):
    with tarfile.open(sdist) as t:
        member = next(m for m in t.getmembers() if m.name.endswith("tests/test_cases.json"))
        data = json.load(t.extractfile(member))
    pos, neg = [], []
    for c in data:
        if c.get("expect") != "pass":
            continue
        want = c.get("fixed-encoding", c["fixed"])
        if "\n" in c["original"]:
            continue
        if c["original"] == want:
            neg.append((c["label"], c["original"]))
        else:
            pos.append((c["label"], c["original"], want))
    return pos, neg


def decodes_same(data, got, want):
    """Whether `got` decodes the bytes to the same text as `want`."""
    alias = {"macintosh": "mac_roman", "IBM850": "cp850", "UTF-8": "utf-8", "windows-1252": "cp1252",
             "ISO-8859-1": "latin-1", "ISO-8859-15": "iso8859_15"}
    try:
        a = data.decode(alias.get(want, want))
        g = (got or "").replace("_", "-")
        b = data.decode(alias.get(g, g))
        return a == b
    except (LookupError, UnicodeDecodeError):
        return False


def score_detection(verbose):
    det = cases.detection_cases()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (_, data, _) in enumerate(det):
            p = Path(tmp) / f"{i}.csv"
            p.write_bytes(data)
            paths.append(str(p))
        p = subprocess.run([DQ, "sniff", "--json", *paths], capture_output=True)
        answers = [json.loads(l).get("encoding") for l in p.stdout.decode().splitlines()]
    tools = {"dq": answers}
    try:
        import chardet
        tools["chardet"] = [chardet.detect(d)["encoding"] for _, d, _ in det]
    except ImportError:
        pass
    try:
        import charset_normalizer
        tools["charset-normalizer"] = [
            (lambda b: b.encoding if b else None)(charset_normalizer.from_bytes(d).best()) for _, d, _ in det]
    except ImportError:
        pass
    print("\n## detection: Western-European text in legacy code pages\n")
    print("| tool | right (decodes to the same text) |")
    print("|---|---|")
    for tool, got in tools.items():
        ok = 0
        for g, (label, data, want) in zip(got, det):
            if decodes_same(data, g, want):
                ok += 1
            elif verbose:
                print(f"  {tool} wrong {label}: {g} (want {want})")
        rows.append((tool, ok, len(det)))
        print(f"| {tool} | {ok}/{len(det)} ({ok / len(det):.3f}) |")


def score_sniff(verbose):
    print("\n## sniffing: one case per pattern of issue #12\n")
    results = {"dq": 0, "csv.Sniffer": 0, "csv-detective": 0}
    have_cd = True
    try:
        from csv_detective import routine
    except ImportError:
        have_cd = False
    with tempfile.TemporaryDirectory() as tmp:
        for label, text, delim, quote, header, row, cols, recs in cases.SNIFF:
            path = Path(tmp) / f"{label}.csv"
            path.write_bytes(text.encode("utf-8"))
            # dq: the dialect, then the records as `dq convert` writes them.
            p = subprocess.run([DQ, "sniff", "--json", str(path)], capture_output=True)
            d = json.loads(p.stdout)
            out = subprocess.run([DQ, "convert", str(path)], capture_output=True).stdout.decode("utf-8")
            table = list(csv.reader(io.StringIO(out, newline="")))
            body = table[1:] if header else table
            ok = (d["delimiter"] == delim and d["has_header"] == header and d["header_row"] == row
                  and len(body) == recs and all(len(r) == cols for r in table)
                  and not any(c.startswith('"') for r in body for c in r))
            results["dq"] += ok
            if verbose and not ok:
                print(f"  dq wrong {label}: {d} {table}")
            # csv.Sniffer: dialect and header on the same text, then read with it.
            try:
                s = csv.Sniffer()
                dia = s.sniff(text)
                hh = s.has_header(text)
                rows = list(csv.reader(io.StringIO(text, newline=""), dia))
                rows = [r for r in rows if r]
                body = rows[1 + row:] if hh else rows[row:]
                sok = (dia.delimiter == delim and hh == header and len(body) == recs
                       and all(len(r) == cols for r in rows[row:]))
            except csv.Error as e:
                sok = False
                dia = e
            results["csv.Sniffer"] += sok
            if verbose and not sok:
                print(f"  csv.Sniffer wrong {label}: {getattr(dia, 'delimiter', dia)!r}")
            if have_cd:
                try:
                    r = routine(str(path), save_results=False, num_rows=-1)
                    cok = (r.get("separator") == delim and r.get("header_row_idx", 0) == row
                           and len(r.get("header", [])) == cols and r.get("total_lines", recs) == recs)
                except Exception as e:  # noqa: BLE001 (a failure is a wrong answer)
                    cok = False
                    r = repr(e)[:120]
                results["csv-detective"] += cok
                if verbose and not cok:
                    print(f"  csv-detective wrong {label}: {r if isinstance(r, str) else {k: r.get(k) for k in ('separator', 'header_row_idx', 'header', 'total_lines')}}")
    print("| tool | right (delimiter, header, records, widths, no quotes left) |")
    print("|---|---|")
    n = len(cases.SNIFF)
    for tool, ok in results.items():
        if tool == "csv-detective" and not have_cd:
            continue
        print(f"| {tool} | {ok}/{n} |")


def write_tsv(path):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# @generated by tools/encoding-eval/eval.py --write-tsv; do not edit.\n")
        for label, broken, want in cases.positives():
            f.write(f"broken\t{label}\t{esc(broken)}\t{esc(want)}\n")
        for label, text in cases.HARD_NEGATIVES:
            f.write(f"legit\t{label}\t{esc(text)}\t{esc(text)}\n")


def esc(s):
    """Control characters and tabs as \\u{..} escapes, which the Rust test unescapes."""
    return "".join(f"\\u{{{ord(c):x}}}" if (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c == "\\") else c for c in s)


def main():
    global DQ
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dq", default=DQ)
    ap.add_argument("--ftfy-sdist")
    ap.add_argument("--write-tsv", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    DQ = a.dq
    if a.write_tsv:
        write_tsv("crates/dq-encoding/tests/eval_mojibake.tsv")
    score_mojibake("issue #12 set (ours, 19 languages)", cases.positives(),
                   cases.HARD_NEGATIVES, a.verbose)
    if a.ftfy_sdist:
        pos, neg = ftfy_cases(a.ftfy_sdist)
        score_mojibake("ftfy 6.3.1's own test cases (expect: pass)", pos, neg, a.verbose)
    score_detection(a.verbose)
    score_sniff(a.verbose)


if __name__ == "__main__":
    main()
