"""Extensions from PyPI that reach into FastAPI's modules, run on this package.

Each scenario is a basic app of one extension, recorded on FastAPI 0.116.1 with the same
extension version (``record.py``); it must answer the same here, OpenAPI document included.
A scenario is skipped only when its extension is not installed (``make test`` installs them
from ``requirements-dev.txt``).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tests.compat import harness

HERE = Path(__file__).parent
SCENARIOS = HERE / "scenarios"
NAMES = sorted(p.stem for p in SCENARIOS.glob("*.py"))


def _requirement(name: str) -> str:
    """The extension a scenario needs (its ``REQUIRES``), read without importing it."""
    for line in (SCENARIOS / f"{name}.py").read_text().splitlines():
        if line.startswith("REQUIRES = "):
            return str(json.loads(line.partition("=")[2].strip()))
    raise AssertionError(f"{name} declares no REQUIRES")


@pytest.mark.parametrize("name", NAMES)
def test_extension_answers_as_on_fastapi(name: str) -> None:
    package = _requirement(name)
    if importlib.util.find_spec(package) is None:
        pytest.skip(f"{package} is not installed")
    expected = json.loads((HERE / "expected" / f"{name}.json").read_text())
    assert "import_error" not in expected, expected["import_error"]
    actual = harness.run(name, SCENARIOS)
    assert actual.get("import_error") is None, actual.get("import_error")
    assert len(actual["cases"]) == len(expected["cases"])
    for want, got in zip(expected["cases"], actual["cases"], strict=True):
        assert got == want, want["request"]
    assert actual["openapi"] == expected["openapi"]
