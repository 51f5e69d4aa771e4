#!/usr/bin/env python3
"""Scores Python detectors (chardet, charset-normalizer) on a corpus built by
build_corpus.py, with the same rule as dq-encoding's test: decoding the bytes with the
answer must give exactly the original text (a BOM is removed first if the answer is a
Unicode encoding).

    python3 tools/encoding-corpus/score_anchors.py /tmp/corpus.tsv
"""
import sys
from collections import defaultdict


def decode(data, name):
    if not name:
        return None
    n = name.lower().replace("_", "-")
    if n in ("utf-8", "utf-8-sig", "ascii"):
        n = "utf-8-sig"
    elif n == "utf-16":
        n = "utf-16"
    try:
        return data.decode(n)
    except (UnicodeDecodeError, LookupError):
        return None


def main():
    path = sys.argv[1]
    rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="ascii")]
    detectors = {}
    try:
        import chardet
        detectors[f"chardet {chardet.__version__}"] = lambda b: chardet.detect(b)["encoding"]
    except ImportError:
        pass
    try:
        import charset_normalizer
        def cn(b):
            r = charset_normalizer.from_bytes(b).best()
            return r.encoding if r else None
        detectors[f"charset-normalizer {charset_normalizer.__version__}"] = cn
    except ImportError:
        pass
    for name, fn in detectors.items():
        ok = total = ok256 = total256 = 0
        per = defaultdict(lambda: [0, 0])
        for case, codec, size, data_hex, text_hex in rows:
            data, text = bytes.fromhex(data_hex), bytes.fromhex(text_hex).decode("utf-8")
            ans = fn(data)
            got = decode(data, ans)
            if got is not None and got.startswith("\ufeff"):
                got = got[1:]
            good = got == text
            ok += good
            total += 1
            per[case][0] += good
            per[case][1] += 1
            if int(size) >= 256:
                ok256 += good
                total256 += 1
        print(f"{name}: {ok / total:.3f} overall ({ok}/{total}), {ok256 / max(1, total256):.3f} from 256 B")
        for case, (g, t) in per.items():
            print(f"  {case:14} {g / t:.3f}")


if __name__ == "__main__":
    main()
