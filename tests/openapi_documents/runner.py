"""Load an OpenAPI case (a small app under ``cases/``) and reduce it to a JSON document.

A case module defines ``app`` (its ``app.openapi()`` is kept) or ``doc`` (any JSON data,
e.g. several documents or HTML pages). The same module runs on the published FastAPI
0.116.1 (``record.py``) and on this package (``tests/test_openapi_documents.py``).
"""

from __future__ import annotations

import importlib.util
import json
import sys
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CASES = HERE / "cases"
EXPECTED = HERE / "expected"


def case_names() -> list[str]:
    return sorted(p.stem for p in CASES.glob("*.py") if not p.stem.startswith("_"))


def produce(name: str) -> Any:
    """The case's document, or ``{"error": ...}`` if building it raised."""
    module_name = f"openapi_document_case_{name}"
    spec = importlib.util.spec_from_file_location(module_name, CASES / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            spec.loader.exec_module(module)
            data = module.doc if hasattr(module, "doc") else module.app.openapi()
    except Exception as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    # A JSON round trip, as /openapi.json would send it (key order kept).
    return json.loads(json.dumps(data))
