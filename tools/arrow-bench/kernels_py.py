#!/usr/bin/env python3
"""From Python: each dq kernel on a 1M-value pyarrow column against the same function
called value by value (`dq.answer`, what a row-by-row UDF costs), issue 15.

    python3 tools/arrow-bench/kernels_py.py [--rows 1000000]
"""

import argparse
import random
import time

import pyarrow as pa

import dq


def column(kind, n, rng):
    if kind == "siret":
        return [f"{rng.randrange(10**13, 10**14)}" for _ in range(n)]
    if kind == "insee":
        return [rng.choice(["75056", "75101", "13055", "69123", "2A004", "1001", "99999"]) for _ in range(n)]
    if kind == "postal_code":
        return [str(rng.randrange(1000, 96000)) for _ in range(n)]
    if kind == "date":
        return [f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/{rng.randrange(1950, 2020)}" for _ in range(n)]
    return [f"{rng.randrange(1000)} {rng.randrange(1000):03d},{rng.randrange(100):02d}" for _ in range(n)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--loop-rows", type=int, default=100_000)
    a = ap.parse_args()
    rng = random.Random(15)
    print(f"{'kind':<12} {'kernel M/s':>10} {'row by row M/s':>15} {'ratio':>7}")
    for kind in ("siret", "insee", "postal_code", "date", "number"):
        values = column(kind, a.rows, rng)
        arr = pa.array(values)
        start = time.perf_counter()
        dq.output(kind, arr)
        kernel = a.rows / (time.perf_counter() - start) / 1e6
        sub = values[: a.loop_rows]
        start = time.perf_counter()
        [dq.answer(kind, v).get("output") for v in sub]
        loop = a.loop_rows / (time.perf_counter() - start) / 1e6
        print(f"{kind:<12} {kernel:>10.2f} {loop:>15.3f} {kernel / loop:>6.0f}×")


if __name__ == "__main__":
    main()
