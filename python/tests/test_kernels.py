"""The kernels on pyarrow input: every layout, nulls, errors, and agreement with the
Rust answers (row by row, and the `dq normalize KIND --json` binary)."""

import json
import subprocess

import pyarrow as pa
import pytest

import dq
from conftest import dq_binary

VALUES = [
    "75056", " 2a004", "75101", "99999", "1000", "13299 MARSEILLE CEDEX 20", "NC", "",
    "552 100 554 00013", "55210055400014", "FR96552100554", "62.01Z", "03/04/2021",
    "03/04/21", "1 234,56", "oui", "06 12 34 56 78", "contact@exemple.fr",
    "Ã©tÃ© Ã  Paris", "SAINT-ETIENNE", "Lyon 3e", "Corse-du-Sud", "75056_0001_00012",
    "12 av. Jean Jaurès", "  deux   espaces ",
]


def test_kinds_cover_the_registry():
    ks = dq.kinds()
    for k in ("siret", "insee", "postal_code", "date", "number", "mojibake", "commune"):
        assert k in ks
    assert len(ks) >= 30


@pytest.mark.parametrize("typ", [pa.string(), pa.large_string(), pa.string_view()])
def test_every_string_layout_gives_the_same_answers(typ):
    arr = pa.array(["1000", None, "75001", "nope"], type=typ)
    out = dq.output("postal-code", arr)
    assert out.type == typ
    assert out.to_pylist() == ["01000", None, "75001", None]
    assert dq.is_valid("postal-code", arr).to_pylist() == [True, None, True, False]


def test_a_chunked_array_gives_a_chunked_array():
    arr = pa.chunked_array([["75101", None], ["2a004"]])
    out = dq.insee(arr, "departement")
    assert isinstance(out, pa.ChunkedArray)
    assert out.num_chunks == 2
    assert out.to_pylist() == ["75", None, "2A"]


def test_input_buffers_are_read_in_place_and_left_alone():
    arr = pa.array(["552 100 554 00013"] * 3)
    before = arr.buffers()[2].to_pybytes()
    dq.output("siret", arr)
    assert arr.buffers()[2].to_pybytes() == before


def test_struct_answers_carry_the_extra_fields():
    res = dq.normalize("siret", pa.array(["552 100 554 00013", None, "55210055400014"]))
    assert isinstance(res, pa.StructArray)
    rows = res.to_pylist()
    assert rows[0]["siren"] == "552100554" and rows[0]["nic"] == "00013"
    assert rows[0]["changed"] is True and rows[0]["rule"] == "separators"
    assert rows[1] is None
    assert rows[2]["status"] == "invalid" and rows[2]["error_kind"] == "checksum"
    names = [f.name for f in res.type]
    assert names[:5] == ["status", "output", "changed", "rule", "reason"]


def test_options_are_those_of_the_flags():
    v = pa.array(["03/04/2021"])
    assert dq.output("date", v).to_pylist() == ["2021-04-03"]
    assert dq.output("date", v, month_first=True).to_pylist() == ["2021-03-04"]
    assert dq.output("date", pa.array(["45000"]), excel_serial=True).to_pylist() == ["2023-03-15"]


def test_pivots():
    codes = pa.array(["75101", "01120", "99999", None])
    # An arrondissement and an associée belong to their current commune.
    assert dq.insee_current_code(codes).to_pylist() == ["75056", "01262", None, None]
    assert dq.insee_region(codes).to_pylist()[:2] == ["11", "84"]
    assert dq.insee_name(pa.array(["75056"])).to_pylist() == ["Paris"]
    communes = dq.postal_communes(pa.array(["1000", "bad"])).to_pylist()
    assert communes == [["01053", "01344"], None]
    keys = dq.address_key(pa.array(["12 av. Jean Jaurès", "12 AVENUE JEAN JAURES"]),
                          pa.array(["75111", "75111"])).to_pylist()
    assert keys[0] == keys[1] and keys[0].startswith("75056|12|")


def test_dedupe_kernels():
    left, right = pa.array(["Dupont", "Martin", None]), pa.array(["DUPOND", "Bernard", "x"])
    assert dq.compare("name", left, right).to_pylist() == [1, 3, None]
    jw = dq.similarity("jaro_winkler", pa.array(["MARTHA"]), pa.array(["MARHTA"]))
    assert abs(jw[0].as_py() - 0.9611) < 1e-3
    keys = dq.blocking_key(pa.array(["Société Générale", "", None]), "fold").to_pylist()
    assert keys == ["SOCIETE GENERALE", None, None]
    assert dq.blocking_key(pa.array(["Saint-Étienne"]), "first-word", prefix=3).to_pylist() == ["SAI"]


def test_errors_name_the_problem():
    with pytest.raises(TypeError, match="Int64"):
        dq.output("siret", pa.array([1, 2]))
    with pytest.raises(ValueError, match="unknown kind"):
        dq.output("sirett", pa.array(["1"]))
    with pytest.raises(ValueError, match="differ in length"):
        dq.compare("name", pa.array(["a"]), pa.array(["a", "b"]))
    with pytest.raises(ValueError, match="unknown measure"):
        dq.similarity("cosine", pa.array(["a"]), pa.array(["a"]))
    with pytest.raises(TypeError):
        dq.output("siret", 42)


def test_rows_agree_with_the_row_by_row_answers():
    for kind in dq.kinds():
        rows = dq.normalize(kind, pa.array(VALUES)).to_pylist()
        for v, row in zip(VALUES, rows):
            want = dq.answer(kind, v)
            for key, value in want.items():
                if key != "input":
                    got = row[key]
                    if isinstance(got, str) and isinstance(value, list):
                        got = json.loads(got)
                    assert got == value, (kind, v, key)


def test_kernels_agree_with_the_dq_binary():
    exe = dq_binary()
    if exe is None:
        pytest.skip("no dq binary: build it with `cargo build -p dq-cli` or set DQ_BIN")
    arr = pa.array(VALUES + [None])
    for kind in dq.kinds():
        run = subprocess.run([exe, "normalize", kind, "--json"], input="\n".join(VALUES) + "\n",
                             capture_output=True, text=True, check=True)
        lines = [json.loads(l) for l in run.stdout.splitlines()]
        rows = dq.normalize(kind, arr).to_pylist()
        outputs = dq.output(kind, arr).to_pylist()
        valid = dq.is_valid(kind, arr).to_pylist()
        assert rows[-1] is None and outputs[-1] is None and valid[-1] is None
        assert len(lines) == len(VALUES)
        for line, row, out, ok in zip(lines, rows, outputs, valid):
            for key, value in line.items():
                if key == "input":
                    continue
                got = row[key]
                if isinstance(got, str) and isinstance(value, list):
                    got = json.loads(got)
                assert got == value, (kind, line["input"], key)
            assert out == line["output"]
            assert ok == (line["status"] == "valid")
