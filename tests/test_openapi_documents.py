"""Documents produced by this package, compared with those FastAPI 0.116.1 produced.

Each case under ``openapi_documents/cases`` was run on the published FastAPI (see
``openapi_documents/record.py``); the JSON text must be identical, key order included.
"""

from __future__ import annotations

import json

import pytest
from openapi_spec_validator import validate

from tests.openapi_documents import runner

NAMES = runner.case_names()

# Cases whose documents are meant to be valid OpenAPI 3.1 (others keep FastAPI's quirks,
# such as a repeated operation id, or hold several documents or HTML pages).
VALID_DOCUMENTS = ["callbacks_webhooks", "params", "security", "separate_schemas"]


def _expected(name: str):
    return json.loads((runner.EXPECTED / f"{name}.json").read_text())


@pytest.mark.parametrize("name", NAMES)
def test_document_matches_fastapi(name: str) -> None:
    expected = _expected(name)
    produced = runner.produce(name)
    assert produced == expected
    # Same keys in the same order: /openapi.json must be byte-identical.
    assert json.dumps(produced) == json.dumps(expected)


@pytest.mark.parametrize("name", VALID_DOCUMENTS)
def test_document_is_valid_openapi(name: str) -> None:
    validate(runner.produce(name))
