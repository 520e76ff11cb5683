"""Where this package answers differently from the recording, and why that is right.

Two kinds:

1. Intended: behaviour the project changes on purpose (e.g. a failing background task no
   longer stops the tasks after it). ``intended/<scenario>.json`` holds, per case index, the
   reason and the full answer we give instead; it is written by
   ``tools/compat_diff.py --accept SCENARIO --reason "..."`` after review.

2. Starlette's: answers that belong to Starlette, not to FastAPI, and changed in
   Starlette 0.48+/1.x (listed below).

The recordings were made on FastAPI 0.116.1, which runs on Starlette 0.47. On a newer
Starlette these cases answer as that Starlette does (our package re-exports its middleware,
file responses, host routing and test client, exactly as FastAPI does). The whole suite is
also run on Starlette 0.47.3 (see the Makefile), where every case must match exactly.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import starlette

INTENDED = Path(__file__).parent / "intended"

_CORS = "Starlette >= 0.48 CORSMiddleware always adds Vary: Origin (and more on preflights)"
_FILE = "Starlette >= 0.48 FileResponse: unknown types are application/octet-stream; 416 Content-Range"
_HOST = "Starlette >= 0.48 matches Host routes case-insensitively"
_STREAM = "Starlette >= 0.48 TestClient keeps the chunks streamed before a failure"
_ROUTE = "Starlette >= 0.48's router puts every matched route (Route, Mount) in scope['route']"

KNOWN: dict[tuple[str, str], str] = {
    ("app_head_options", "GET /resource"): _CORS,
    ("app_head_options", "HEAD /resource"): _CORS,
    ("app_head_options", "HEAD /get-only"): _CORS,
    ("app_head_options", "OPTIONS /get-only"): _CORS,
    ("app_head_options", "OPTIONS /with-options"): _CORS,
    ("app_head_options", "GET /with-options"): _CORS,
    ("app_head_options", "simple CORS GET other origin"): _CORS,
    ("app_head_options", "preflight allowed"): _CORS,
    ("app_head_options", "preflight bad method and header"): _CORS,
    ("app_head_options", "preflight unknown path"): _CORS,
    ("app_host", "api host upper"): _HOST,
    ("app_scope_route", "GET /plain"): _ROUTE,
    ("app_scope_route", "GET /raw/a"): _ROUTE,
    ("app_scope_route", "GET /star/x"): _ROUTE,
    ("bg_streaming", "GET /fails"): _STREAM,
    ("resp_file_response", "GET /file-unknown-type"): _FILE,
    ("resp_file_response", "range out of bounds"): _FILE,
}

NEW_STARLETTE = tuple(int(part) for part in starlette.__version__.split(".")[:2]) >= (0, 48)


def excused(scenario: str, request: str) -> str | None:
    """Why a difference in this case is Starlette's, or None if it must match."""
    return KNOWN.get((scenario, request)) if NEW_STARLETTE else None


@lru_cache(maxsize=None)
def intended(scenario: str) -> dict[int, dict[str, Any]]:
    """Case index -> {"reason": ..., "case": the answer we give on purpose}."""
    path = INTENDED / f"{scenario}.json"
    if not path.exists():
        return {}
    return {int(index): entry for index, entry in json.loads(path.read_text()).items()}
