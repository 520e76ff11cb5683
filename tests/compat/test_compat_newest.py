"""Replay the scenarios of features FastAPI added after 0.116, recorded on the newest FastAPI.

``scenarios_newest/`` holds apps using those features; ``expected_newest/`` what the newest
FastAPI from the registry answered (``record.py --newest``). The comparison is the one of
``test_compat.py``, with one documented allowance: newer FastAPI releases also changed
``ValidationError``'s schema in every document (an ``input`` and a ``ctx`` property), and a
0.116 app keeps 0.116's, so that one definition is left out of the comparison.
"""

from __future__ import annotations

import json

import pytest

from . import harness

FOLDER = harness.NEWEST_SCENARIOS
NAMES = [n for n in harness.scenario_names(FOLDER) if (harness.NEWEST_EXPECTED / f"{n}.json").exists()]
# Definitions whose newer shape is a change to every 0.116 app's document, not the feature.
NOT_COMPARED = ("ValidationError",)


def _expected(name: str) -> dict:
    return json.loads((harness.NEWEST_EXPECTED / f"{name}.json").read_text())


def _comparable(document: dict) -> dict:
    document = json.loads(json.dumps(document))
    schemas = document.get("components", {}).get("schemas", {})
    for name in NOT_COMPARED:
        schemas.pop(name, None)
    return document


def test_every_newest_scenario_is_recorded() -> None:
    assert NAMES == harness.scenario_names(FOLDER)


@pytest.mark.parametrize("name", NAMES)
def test_newest_scenario(name: str) -> None:
    expected = _expected(name)
    actual = harness.run(name, FOLDER)
    assert "import_error" not in expected and "import_error" not in actual, actual
    assert len(actual["cases"]) == len(expected["cases"])
    mismatches = [
        f"{want['request']}\n  expected: {json.dumps(want)}\n  actual:   {json.dumps(got)}"
        for want, got in zip(expected["cases"], actual["cases"])
        if want != got
    ]
    assert not mismatches, "\n".join(mismatches)
    if "openapi" in expected:
        assert _comparable(actual["openapi"]) == _comparable(expected["openapi"])
