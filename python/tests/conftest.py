"""Shared fixtures: the repository's sample data and the `dq` binary, when built."""

import os
import pathlib
import shutil

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def sample_csv() -> pathlib.Path:
    """The bundled sample: a windows-1252, `;`-separated establishment file."""
    return ROOT / "examples" / "data" / "etablissements.csv"


def dq_binary():
    """The `dq` binary to compare with: $DQ_BIN, else the workspace's debug or release
    build, else one on PATH."""
    env = os.environ.get("DQ_BIN")
    if env:
        return env
    for profile in ("debug", "release"):
        p = ROOT / "target" / profile / "dq"
        if p.exists():
            return str(p)
    return shutil.which("dq")
