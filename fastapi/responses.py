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


# Module attributes as in FastAPI (code that tests the missing-library answer sets them to
# None), imported on first use: by the first render, or read as ``fastapi.responses.orjson``.
ujson: ModuleType | None
orjson: ModuleType | None
_LIBRARIES = ("ujson", "orjson")


def _loaded(name: str) -> ModuleType | None:
    library = globals()[name] = _optional_library(name)
    return library


def __getattr__(name: str) -> Any:
    if name in _LIBRARIES:
        return _loaded(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _installed(library: ModuleType | None, name: str, response_class: str) -> ModuleType:
    """The library a response class renders with; FastAPI's AssertionError when it is
    missing, raised at render time (and under ``python -O`` too)."""
    if library is None:
        raise AssertionError(f"{name} must be installed to use {response_class}")
    return library


class UJSONResponse(JSONResponse):
    """JSON rendered by ``ujson``, non-ASCII text kept as UTF-8 (not ``\\u`` escapes)."""

    def render(self, content: Any) -> bytes:
        try:
            library = ujson
        except NameError:  # the first render
            library = _loaded("ujson")
        text: str = _installed(library, "ujson", "UJSONResponse").dumps(content, ensure_ascii=False)
        return text.encode("utf-8")


class ORJSONResponse(JSONResponse):
    """JSON rendered by ``orjson``; dict keys that are not strings (numbers, dates, enums...)
    and NumPy arrays are serialized too."""

    def render(self, content: Any) -> bytes:
        try:
            found = orjson
        except NameError:  # the first render
            found = _loaded("orjson")
        library = _installed(found, "orjson", "ORJSONResponse")
        rendered: bytes = library.dumps(
            content, option=library.OPT_NON_STR_KEYS | library.OPT_SERIALIZE_NUMPY
        )
        return rendered
