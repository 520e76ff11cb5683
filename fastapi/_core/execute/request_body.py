"""Reading the request body as FastAPI does: JSON (by content type), a form, or raw bytes.

Errors are mapped to FastAPI's answers: malformed JSON is a 422 ``json_invalid``; anything
else that breaks parsing is a 400 ``There was an error parsing the body``; Starlette's own
form limits keep their messages. The mapping is the same on every supported Starlette.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator
from functools import lru_cache
from typing import Any

from pydantic_core import from_json
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from fastapi._core.errors import RequestValidationError
from fastapi._core.execute.small_multipart import parse_small_multipart, small_body_limit
from fastapi._core.execute.urlencoded import parse_urlencoded
from fastapi._core.limits import check_json_depth, check_urlencoded_fields, limits_of
from fastapi._core.starlette_adapter import (
    parsed_form,
    read_short_stream,
    read_whole_body,
    share_form,
    share_json,
)

try:  # python-multipart is optional until a route declares a form
    from python_multipart.exceptions import FormParserError
    from python_multipart.multipart import parse_options_header
except ImportError:  # pragma: no cover
    FormParserError = ()  # type: ignore[assignment,misc]
    parse_options_header = None  # type: ignore[assignment]


@lru_cache(maxsize=256)
def is_json_content_type(value: str) -> bool:
    """``application/json`` or ``application/*+json`` (parameters and case ignored)."""
    media_type = value.partition(";")[0].strip().lower()
    if media_type.count("/") != 1:
        return False
    main, sub = media_type.split("/")
    return main == "application" and (sub == "json" or sub.endswith("+json"))


_STARLETTE_JSON = Request.json
_STARLETTE_FORM = Request.form


def parse_json(body: bytes) -> Any:
    """``json.loads(body)``, parsed in Rust (about 4x faster) where both agree.

    pydantic-core refuses a few documents the standard parser takes (a byte-order mark,
    UTF-16/32, lone surrogates, nesting beyond a few hundred levels), and never takes one
    the standard parser refuses; those, and every malformed body, go through ``json.loads``,
    which answers them (or raises the very error FastAPI reports).
    """
    try:
        return from_json(body)
    except ValueError:
        return json.loads(body)


def _content_type(request: Request) -> str | None:
    """``request.headers.get("content-type")``, without building the headers object."""
    for name, value in request.scope["headers"]:
        if name == b"content-type":
            return value.decode("latin-1")
    return None


class BodyParseError(Exception):
    """The body could not be parsed for a reason other than malformed JSON."""


async def read_json_body(request: Request) -> Any:
    """The parsed JSON body; the raw bytes for other content types; None when empty."""
    try:
        body = await read_whole_body(request)
        if not body:
            return None
        content_type = _content_type(request)
        if content_type and not is_json_content_type(content_type):
            return body
        if not content_type and getattr(request.scope.get("app"), "strict_content_type", False):
            return body  # FastAPI(strict_content_type=True): no content type, no JSON
        if type(request).json is not _STARLETTE_JSON:  # a Request subclass parses its own way
            return await request.json()
        parsed = parse_json(body)
        check_json_depth(body, parsed, limits_of(request.scope.get("app")).max_json_depth)
        share_json(request, parsed)  # what ``request.json()`` answers later (a dependency, say)
        return parsed
    except json.JSONDecodeError as exc:
        error = {
            "type": "json_invalid",
            "loc": ("body", exc.pos),
            "msg": "JSON decode error",
            "input": {},
            "ctx": {"error": exc.msg},
        }
        raise RequestValidationError([error], body=exc.doc) from exc
    except HTTPException:
        raise
    except Exception as exc:
        raise HTTPException(status_code=400, detail="There was an error parsing the body") from exc


async def read_form_body(request: Request) -> FormData:
    """The parsed form (empty for other content types), cached on the request."""
    cached = parsed_form(request)
    if cached is not None:
        return cached
    try:
        if type(request).form is not _STARLETTE_FORM:  # a Request subclass parses its own way
            form = await request.form()
        else:
            form = await _parse_form(request)
    except HTTPException:
        raise
    except Exception as exc:
        raise HTTPException(status_code=400, detail="There was an error parsing the body") from exc
    share_form(request, form)
    return form


@lru_cache(maxsize=256)
def _media_type(value: str | None) -> tuple[bytes, dict[bytes, bytes]]:
    """``parse_options_header(value)``, remembered per value (a pure function; its options
    are only read)."""
    return parse_options_header(value)  # type: ignore[no-any-return]


async def _parse_form(request: Request) -> FormData:
    assert parse_options_header is not None, (
        "The `python-multipart` library must be installed to use form parsing."
    )
    content_type, options = _media_type(_content_type(request))
    limits = limits_of(request.scope.get("app"))
    if content_type == b"multipart/form-data":
        body = await read_short_stream(request, small_body_limit())
        if isinstance(body, bytes):  # held whole: parsed in one pass unless Starlette must answer
            form = parse_small_multipart(
                body, options, limits.max_files, limits.max_fields, limits.max_part_size
            )
            if form is not None:
                return form
        try:
            parser = MultiPartParser(
                request.headers,
                _one_chunk(body) if isinstance(body, bytes) else body,
                max_files=limits.max_files,
                max_fields=limits.max_fields,
                max_part_size=limits.max_part_size,
            )
            return await parser.parse()
        except MultiPartException as exc:
            if isinstance(exc.__cause__, FormParserError):
                raise BodyParseError from exc  # a malformed body, not a limit
            raise HTTPException(status_code=400, detail=exc.message) from exc
    if content_type == b"application/x-www-form-urlencoded":
        body = await read_whole_body(request)  # held whole anyway; bounded by the body size limit
        check_urlencoded_fields(body, limits.max_urlencoded_fields)
        return parse_urlencoded(body)
    return FormData()


async def _one_chunk(body: bytes) -> AsyncGenerator[bytes, None]:
    """The body already read, as the stream ``FormParser`` reads (an empty chunk ends it)."""
    yield body
    yield b""
