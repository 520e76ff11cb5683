"""Urlencoded form bodies, held whole, parsed in one pass into the form Starlette's parser makes.

Starlette's ``FormParser`` reads a stream chunk by chunk and keeps python-multipart's events
as state on itself; the body of an urlencoded form is held whole anyway (bounded by the body
size limit), so the same python-multipart parser is run over it once, with each field's name
and value decoded as Starlette decodes them (``latin-1``, then ``unquote_plus``). Starlette
1.x's field limits are not applied, as FastAPI on Starlette 0.4x did not apply them (the
app's own limit on the number of fields is checked before, as ever).
"""

from __future__ import annotations

from urllib.parse import unquote_plus

from starlette.datastructures import FormData, UploadFile

try:  # python-multipart is optional until a route declares a form
    from python_multipart.multipart import QuerystringParser
except ImportError:  # pragma: no cover
    QuerystringParser = None  # type: ignore[assignment,misc]


class _Fields:
    """python-multipart's callbacks collecting ``(name, value)`` pairs."""

    __slots__ = ("items", "name", "value")

    def __init__(self) -> None:
        self.items: list[tuple[str, str | UploadFile]] = []
        self.name: list[bytes] = []
        self.value: list[bytes] = []

    def start(self) -> None:
        self.name = []
        self.value = []

    def name_part(self, data: bytes, start: int, end: int) -> None:
        self.name.append(data[start:end])

    def value_part(self, data: bytes, start: int, end: int) -> None:
        self.value.append(data[start:end])

    def end(self) -> None:
        name = unquote_plus(b"".join(self.name).decode("latin-1"))
        self.items.append((name, unquote_plus(b"".join(self.value).decode("latin-1"))))


def parse_urlencoded(body: bytes) -> FormData:
    """The form in ``body``, as Starlette's ``FormParser`` (without limits) makes it."""
    fields = _Fields()
    parser = QuerystringParser(
        {
            "on_field_start": fields.start,
            "on_field_name": fields.name_part,
            "on_field_data": fields.value_part,
            "on_field_end": fields.end,
        }
    )
    if body:
        parser.write(body)
    parser.finalize()
    return FormData(fields.items)
