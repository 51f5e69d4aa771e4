"""`dq.profile` and `dq.audit` run the Rust pipeline on a file."""

import os

import dq


def test_profile_reads_the_sample_as_it_is(sample_csv):
    p = dq.profile(sample_csv)
    assert p["delimiter"] == ";"
    assert p["encoding"].lower() in ("windows-1252", "iso-8859-1")
    names = [c["name"] for c in p["columns"]]
    assert "siret" in names and "code_postal" in names
    siret = next(c for c in p["columns"] if c["name"] == "siret")
    assert siret["format"] == "siret"


def test_audit_writes_its_report(sample_csv, tmp_path):
    report = dq.audit(sample_csv, tmp_path / "out")
    for f in ("clean.csv", "changes.csv", "report.json", "plan.json"):
        assert os.path.exists(tmp_path / "out" / f), f
    assert report["input"]["delimiter"] == ";"
    assert report["input"]["encoding"] == "windows-1252"
    assert report["rows"] > 0


def test_audit_of_a_missing_file_raises(tmp_path):
    import pytest

    with pytest.raises(ValueError, match="nope.csv"):
        dq.audit(tmp_path / "nope.csv", tmp_path / "out")
