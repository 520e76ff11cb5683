"""Response classes: Starlette's, and JSON rendered by ``ujson`` or ``orjson``."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from starlette.responses import FileResponse as FileResponse
from starlette.responses import HTMLResponse as HTMLResponse
from starlette.responses import JSONResponse as JSONResponse
from starlette.responses import PlainTextResponse as PlainTextResponse
from starlette.responses import RedirectResponse as RedirectResponse
from starlette.responses import Response as Response
from starlette.responses import StreamingResponse as StreamingResponse


def _optional_library(name: str) -> ModuleType | None:
    """An optional JSON library, ``None`` when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


# Module attributes as in FastAPI (code that tests the missing-library answer sets them to None).
ujson = _optional_library("ujson")
orjson = _optional_library("orjson")


def _installed(library: ModuleType | None, name: str, response_class: str) -> ModuleType:
    """The library a response class renders with; FastAPI's AssertionError when it is
    missing, raised at render time (and under ``python -O`` too)."""
    if library is None:
        raise AssertionError(f"{name} must be installed to use {response_class}")
    return library


class UJSONResponse(JSONResponse):
    """JSON rendered by ``ujson``, non-ASCII text kept as UTF-8 (not ``\\u`` escapes)."""

    def render(self, content: Any) -> bytes:
        text: str = _installed(ujson, "ujson", "UJSONResponse").dumps(content, ensure_ascii=False)
        return text.encode("utf-8")


class ORJSONResponse(JSONResponse):
    """JSON rendered by ``orjson``; dict keys that are not strings (numbers, dates, enums...)
    and NumPy arrays are serialized too."""

    def render(self, content: Any) -> bytes:
        library = _installed(orjson, "orjson", "ORJSONResponse")
        rendered: bytes = library.dumps(
            content, option=library.OPT_NON_STR_KEYS | library.OPT_SERIALIZE_NUMPY
        )
        return rendered
