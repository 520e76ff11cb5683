"""Replay every recorded scenario on this package and compare the answers exactly."""

from __future__ import annotations

import json

import pytest

from . import harness
from .deviations import excused, intended

NAMES = [n for n in harness.scenario_names() if (harness.EXPECTED / f"{n}.json").exists()]


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict]:
    return {}


def _outcome(cache: dict[str, dict], name: str) -> dict:
    if name not in cache:
        cache[name] = harness.run(name)
    return cache[name]


def _expected(name: str) -> dict:
    return json.loads((harness.EXPECTED / f"{name}.json").read_text())


@pytest.mark.parametrize("name", NAMES)
def test_responses(name: str, outcomes: dict[str, dict]) -> None:
    expected = _expected(name)
    actual = _outcome(outcomes, name)
    if "import_error" in expected or "import_error" in actual:
        assert actual.get("import_error") == expected.get("import_error")
        return
    assert len(actual["cases"]) == len(expected["cases"])
    alternatives = intended(name)
    mismatches = []
    for index, (want, got) in enumerate(zip(expected["cases"], actual["cases"])):
        if index in alternatives:
            want = alternatives[index]["case"]
        if got != want and not excused(name, want["request"]):
            mismatches.append(f"{want['request']}\n  expected: {json.dumps(want)}\n  actual:   {json.dumps(got)}")
    assert not mismatches, f"{len(mismatches)} of {len(expected['cases'])} cases differ:\n" + "\n".join(mismatches)


@pytest.mark.parametrize("name", NAMES)
def test_openapi(name: str, outcomes: dict[str, dict]) -> None:
    expected = _expected(name)
    if "openapi" not in expected:
        pytest.skip("scenario records no OpenAPI document")
    actual = _outcome(outcomes, name)
    assert actual.get("openapi") == expected["openapi"]
