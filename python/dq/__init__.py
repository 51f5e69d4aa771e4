"""Data quality for French public-sector data, on Arrow arrays.

The functions take any Arrow array or stream — pyarrow, Polars and pandas Series, DuckDB
results, arro3, nanoarrow; a plain list of strings too — read the strings in place
(through Arrow's C data interface, without copying them), run without the GIL, and
answer as ``dq normalize KIND --json`` does, from the same Rust code. A pyarrow input
gives a pyarrow result, a Polars Series a Polars Series, a pandas Series a pandas
Series (with the input's index and name).

>>> import pyarrow as pa, dq
>>> dq.output("postal-code", pa.array(["1000", "75001", None])).to_pylist()
['01000', '75001', None]
>>> dq.is_valid("siret", pa.array(["55210055400013", "55210055400014"])).to_pylist()
[True, False]
"""

from __future__ import annotations

import json
import os
from typing import Any, Callable, Optional, Tuple

import pyarrow as pa

from . import _dq

__version__ = _dq.__version__

__all__ = [
    "kinds",
    "normalize",
    "output",
    "is_valid",
    "answer",
    "insee",
    "insee_current_code",
    "insee_departement",
    "insee_region",
    "insee_name",
    "postal_communes",
    "address_key",
    "blocking_key",
    "compare",
    "similarity",
    "profile",
    "audit",
    "register_duckdb",
]

INSEE_FIELDS = ("current_code", "departement", "region", "name", "kind")
TRANSFORMS = ("fold", "exact", "phonetic", "company", "address", "digits", "year",
              "first-word", "min-hash")
FIELD_KINDS = ("name", "company", "legal-form", "address", "identifier", "code", "date",
               "number", "text", "category")
MEASURES = ("jaro_winkler", "jaro", "levenshtein", "osa", "jaccard_words",
            "jaccard_trigrams", "token_sort", "token_set")


def _identity(result: Any) -> Any:
    return result


def _arrow(values: Any) -> Tuple[Any, Callable[[Any], Any]]:
    """The Arrow object to hand to the native module, and how to give the result back
    in the caller's library."""
    lib = type(values).__module__.split(".")[0]
    if lib == "pandas":
        index, name = values.index, values.name
        arr = pa.Array.from_pandas(values)

        def to_pandas(result: Any) -> Any:
            s = result.to_pandas()
            s.index, s.name = index, name
            return s

        return arr, to_pandas
    if lib == "polars":
        import polars as pl

        name = values.name

        def to_polars(result: Any) -> Any:
            return pl.Series(name, pl.from_arrow(result))

        return values.to_arrow(), to_polars
    if hasattr(values, "__arrow_c_array__") or hasattr(values, "__arrow_c_stream__"):
        return values, _identity
    if isinstance(values, (list, tuple)):
        return pa.array(values, type=pa.string()), _identity
    raise TypeError(
        f"expected an Arrow array or stream, a pandas or Polars Series, or a list of "
        f"strings; got {type(values).__name__}"
    )


def kinds() -> list:
    """The kinds ``normalize``, ``output`` and ``is_valid`` take (``siret``, ``insee``,
    ``postal-code``, ``date``, …); spellings such as ``code_postal`` are accepted too."""
    return _dq.kinds()


def normalize(kind: str, values: Any, *, month_first: bool = False,
              excel_serial: bool = False, hint: Optional[str] = None) -> Any:
    """The whole answer of ``dq normalize KIND --json`` for each value, as a struct
    array: ``status``, ``output``, ``changed``, ``rule``, ``reason``, then the kind's
    extra fields (``insee``: ``current_code``, ``departement``, ``region``, ``name``,
    ``kind``; ``siret``: ``siren``, ``nic``; ``postal-code``: ``communes``; …). A null
    value gives a null row."""
    arr, back = _arrow(values)
    return back(_dq.normalize(kind, arr, month_first=month_first,
                              excel_serial=excel_serial, hint=hint))


def output(kind: str, values: Any, *, month_first: bool = False,
           excel_serial: bool = False, hint: Optional[str] = None) -> Any:
    """The normalized value of each valid value, null otherwise (strings in the input's
    layout)."""
    arr, back = _arrow(values)
    return back(_dq.output(kind, arr, month_first=month_first,
                           excel_serial=excel_serial, hint=hint))


def is_valid(kind: str, values: Any, *, month_first: bool = False,
             excel_serial: bool = False, hint: Optional[str] = None) -> Any:
    """Whether each value is valid (``status == "valid"``); null for a null value."""
    arr, back = _arrow(values)
    return back(_dq.is_valid(kind, arr, month_first=month_first,
                             excel_serial=excel_serial, hint=hint))


def answer(kind: str, value: str, *, month_first: bool = False,
           excel_serial: bool = False, hint: Optional[str] = None) -> dict:
    """The answer for one value, as the dict ``dq normalize KIND --json`` prints.

    >>> answer("insee", "75101")["current_code"]
    '75056'
    """
    return json.loads(_dq.answer_json(kind, value, month_first=month_first,
                                      excel_serial=excel_serial, hint=hint))


def insee(values: Any, field: str = "current_code") -> Any:
    """``field`` of each INSEE commune code: ``current_code`` (the current commune of
    an arrondissement, a déléguée or an old code), ``departement``, ``region``, ``name``
    or ``kind``; null for an invalid or unknown code."""
    arr, back = _arrow(values)
    return back(_dq.insee(arr, field))


def insee_current_code(values: Any) -> Any:
    """The current commune code of each INSEE code (``75101`` → ``75056``)."""
    return insee(values, "current_code")


def insee_departement(values: Any) -> Any:
    """The current département of each INSEE code."""
    return insee(values, "departement")


def insee_region(values: Any) -> Any:
    """The current région of each INSEE code."""
    return insee(values, "region")


def insee_name(values: Any) -> Any:
    """The name of each INSEE code."""
    return insee(values, "name")


def postal_communes(values: Any) -> Any:
    """The INSEE codes of the communes each postal code serves (a list per value; null
    for an invalid code, empty for a CEDEX code)."""
    arr, back = _arrow(values)
    return back(_dq.postal_communes(arr))


def address_key(address: Any, commune: Any = None) -> Any:
    """The address key of each address (``commune|number|words``): two spellings of one
    address share it, so that an establishment file joins the BAN on it."""
    arr, back = _arrow(address)
    com = None if commune is None else _arrow(commune)[0]
    return back(_dq.address_key(arr, com))


def blocking_key(values: Any, transform: str = "fold", *, prefix: Optional[int] = None,
                 band: int = 0, rows: int = 0) -> Any:
    """The blocking key of each value, as ``dq dedupe`` derives it (``transform``: one
    of ``TRANSFORMS``; ``prefix``: keep the first characters; ``band``/``rows``: the
    min-hash band). An empty key is null, so that a join never pairs on it."""
    arr, back = _arrow(values)
    return back(_dq.blocking_key(arr, transform, prefix=prefix, band=band, rows=rows))


def compare(kind: str, left: Any, right: Any) -> Any:
    """The comparison level (0: exact … last: different; null: a value is missing) of
    each pair, compared as the dedupe field kind ``kind`` (one of ``FIELD_KINDS``)."""
    l, back = _arrow(left)
    return back(_dq.compare(kind, l, _arrow(right)[0]))


def similarity(measure: str, left: Any, right: Any) -> Any:
    """The similarity in [0, 1] of each pair by ``measure`` (one of ``MEASURES``)."""
    l, back = _arrow(left)
    return back(_dq.similarity(measure, l, _arrow(right)[0]))


def profile(path: "os.PathLike[str] | str", *, threads: int = 0) -> dict:
    """The profile of a CSV file in any encoding and dialect: the dict of
    ``dq profile --json`` (encoding, delimiter, columns with types, French formats,
    statistics, findings, Table Schema)."""
    return json.loads(_dq.profile_json(os.fspath(path), threads=threads))


def audit(path: "os.PathLike[str] | str", out_dir: "os.PathLike[str] | str", *,
          dedupe: bool = True, add_pivots: bool = False, lang: str = "fr") -> dict:
    """Runs ``dq audit`` on ``path``: writes ``clean.csv``, ``changes.csv``,
    ``report.json``, ``report.html`` and ``plan.json`` into ``out_dir`` and returns
    ``report.json`` as a dict."""
    args = ["audit", os.fspath(path), "--output", os.fspath(out_dir), "--quiet",
            "--lang", lang]
    if not dedupe:
        args.append("--no-dedupe")
    if add_pivots:
        args.append("--add-pivots")
    _dq.run_cli(args)
    with open(os.path.join(os.fspath(out_dir), "report.json"), encoding="utf-8") as f:
        return json.load(f)


def _sql_name(name: str) -> str:
    return name.replace("-", "_")


def register_duckdb(con: Any, prefix: str = "dq_") -> list:
    """Registers dq's functions on a DuckDB connection as vectorised (Arrow) SQL
    functions, and returns their names:

    - ``dq_<kind>(v)`` → the normalized value (``dq_siret``, ``dq_postal_code``, …);
    - ``dq_<kind>_valid(v)`` → BOOLEAN;
    - ``dq_insee_current_code``, ``dq_insee_departement``, ``dq_insee_region``,
      ``dq_insee_name`` (v);
    - ``dq_address_key(address)`` and ``dq_address_key_in(address, commune)``;
    - ``dq_key_<transform>(v)`` (``dq_key_phonetic``, ``dq_key_first_word``, …);
    - ``dq_<measure>(a, b)`` → DOUBLE (``dq_jaro_winkler``, …);
    - ``dq_level_<field kind>(a, b)`` → UTINYINT (``dq_level_name``, …).
    """
    try:  # newer DuckDB releases moved duckdb.typing to duckdb.sqltypes.
        from duckdb.sqltypes import BOOLEAN, DOUBLE, UTINYINT, VARCHAR
    except ImportError:  # pragma: no cover - older DuckDB
        from duckdb.typing import BOOLEAN, DOUBLE, UTINYINT, VARCHAR

    names = []

    def add(name: str, fn: Callable, params: list, ret: Any) -> None:
        full = prefix + _sql_name(name)
        con.create_function(full, fn, params, ret, type="arrow", null_handling="special")
        names.append(full)

    # DuckDB reads the parameters off each function's signature: one closure per
    # function, no default arguments.
    def unary(f: Callable, arg: Any) -> Callable:
        return lambda v: _plain(f(_plain(v), arg))

    def binary(f: Callable, arg: Any) -> Callable:
        return lambda a, b: _plain(f(arg, _plain(a), _plain(b)))

    for kind in kinds():
        add(kind, unary(lambda v, k: _dq.output(k, v), kind), [VARCHAR], VARCHAR)
        add(kind + "_valid", unary(lambda v, k: _dq.is_valid(k, v), kind), [VARCHAR], BOOLEAN)
    for field in ("current_code", "departement", "region", "name"):
        add("insee_" + field, unary(_dq.insee, field), [VARCHAR], VARCHAR)
    add("address_key", unary(_dq.address_key, None), [VARCHAR], VARCHAR)
    add("address_key_in", lambda a, c: _plain(_dq.address_key(_plain(a), _plain(c))),
        [VARCHAR, VARCHAR], VARCHAR)
    for t in TRANSFORMS:
        add("key_" + t, unary(_dq.blocking_key, t), [VARCHAR], VARCHAR)
    for m in MEASURES:
        add(m, binary(_dq.similarity, m), [VARCHAR, VARCHAR], DOUBLE)
    for k in FIELD_KINDS:
        add("level_" + k, binary(_dq.compare, k), [VARCHAR, VARCHAR], UTINYINT)
    return names


def _plain(x: Any) -> Any:
    """One pyarrow array from an array or a chunked array (what DuckDB hands over and
    expects back)."""
    if isinstance(x, pa.ChunkedArray):
        return x.combine_chunks()
    return x
