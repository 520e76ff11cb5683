"""What an endpoint returned, turned into a response of the route's response class."""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import BaseModel
from starlette.background import BackgroundTask
from starlette.responses import JSONResponse, Response

from fastapi._core.analyse.field import ModelField
from fastapi._core.errors import ResponseValidationError
from fastapi._core.serialize.dump_options import DEFAULT_DUMP, DumpOptions
from fastapi._core.serialize.json_bytes import (
    JSONRenderer,
    render_reference,
    render_reference_in_pieces,
)
from fastapi._core.serialize.jsonable import jsonable_encoder
from fastapi._core.serialize.plain_models import PlainModelPath, plain_renderer

_JSON_TYPE = (b"content-type", b"application/json")
# Keys of an OpenAPI ``responses`` object that stand for a range of statuses, or for any.
_RANGE_KEYS = frozenset({"default", "1XX", "2XX", "3XX", "4XX", "5XX"})


def is_body_allowed_for_status_code(status_code: int | str | None) -> bool:
    """False for statuses that must not carry a body: 1xx, 204, 205, 304."""
    if status_code is None or status_code in _RANGE_KEYS:
        return True
    code = int(status_code)
    return not (code < 200 or code in (204, 205, 304))


def json_response(
    body: bytes, status_code: int | None, background: BackgroundTask | None
) -> JSONResponse:
    """A ``JSONResponse`` around bytes already rendered as ``JSONResponse`` would render them.

    The headers are those ``Response.init_headers`` sets for a JSON body and no headers.
    """
    response = JSONResponse.__new__(JSONResponse)
    status = 200 if status_code is None else status_code
    response.status_code = status
    response.background = background
    response.body = body
    if status < 200 or status in (204, 304):
        response.raw_headers = [_JSON_TYPE]
    else:
        response.raw_headers = [(b"content-length", str(len(body)).encode("latin-1")), _JSON_TYPE]
    return response


class ResponseSerializer:
    """Validates against the response model (if any) and builds the response."""

    __slots__ = ("_dump", "_options", "_plain", "_render", "_validate", "field", "response_class")

    def __init__(
        self,
        field: ModelField | None,
        response_class: type[Response],
        dump: DumpOptions = DEFAULT_DUMP,
    ) -> None:
        self.field = field
        self.response_class = response_class
        self._options = dump.keywords()
        self._render: JSONRenderer | None = None
        self._plain: tuple[PlainModelPath, JSONRenderer] | None = None
        if field is not None:
            self._validate = field.validate
            self._dump = field.serialize
            if response_class is JSONResponse:
                self._render = JSONRenderer.of_adapter(field._type_adapter, self._options)
                self._plain = plain_renderer(field._type_adapter, self._options)

    def content(self, raw: Any) -> Any:
        """JSON-compatible data for ``raw`` (what the response class is given)."""
        if self.field is None:
            return jsonable_encoder(raw)
        value, errors = self._validate(raw, loc=("response",))
        if errors:
            raise ResponseValidationError(errors, body=raw)
        return self._dump(value, mode="json", **self._options)

    def response(
        self,
        raw: Any,
        status_code: int | None,
        background: BackgroundTask | None,
        large: bool = False,
    ) -> Response:
        """The response for ``raw``; a ``large`` one is rendered in pieces (in a worker thread)."""
        if self.response_class is not JSONResponse:
            kwargs: dict[str, Any] = {"background": background}
            if status_code is not None:
                kwargs["status_code"] = status_code
            return self.response_class(self.content(raw), **kwargs)
        if self._render is None:
            render = render_reference_in_pieces if large else render_reference
            return json_response(render(jsonable_encoder(raw)), status_code, background)
        if self._plain is not None and self._plain[0].holds_dicts(raw):
            valid, value = self._plain[0].validate(raw)
            if valid:
                return json_response(self._plain[1](value), status_code, background)
        value, errors = self._validate(raw, loc=("response",))
        if errors:
            raise ResponseValidationError(errors, body=raw)
        return json_response(self._render(value), status_code, background)


def prepare_response_content(
    res: Any, *, exclude_unset: bool, exclude_defaults: bool = False, exclude_none: bool = False
) -> Any:
    """Models in what an endpoint returned dumped to JSON-mode dicts (by alias), through
    lists, tuples and dicts; dataclasses as dicts; anything else as it is."""
    if isinstance(res, BaseModel):
        return res.model_dump(
            mode="json",
            by_alias=True,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
        )
    options = {
        "exclude_unset": exclude_unset,
        "exclude_defaults": exclude_defaults,
        "exclude_none": exclude_none,
    }
    if isinstance(res, list):
        return [prepare_response_content(item, **options) for item in res]
    if isinstance(res, tuple):
        return tuple(prepare_response_content(item, **options) for item in res)
    if isinstance(res, dict):
        return {key: prepare_response_content(value, **options) for key, value in res.items()}
    if dataclasses.is_dataclass(res) and not isinstance(res, type):
        return dataclasses.asdict(res)
    return res
