"""Urlencoded form bodies, held whole, parsed into the form Starlette's parser makes.

Starlette's ``FormParser`` reads a stream chunk by chunk and keeps python-multipart's events
as state on itself; the body of an urlencoded form is held whole anyway (bounded by the body
size limit). Over a whole body, python-multipart's (non-strict) query-string parser makes
one field of every ``&``-separated chunk, the name up to its first ``=`` and the value after
it (empty without one), skipping empty chunks; for the usual body, without empty chunks, that
is two C splits per field here. A body with empty chunks (``&&``, a leading or trailing
``&``) is run through python-multipart's parser itself, whose handling of them has changed
between its versions. Names and values are decoded as Starlette decodes them (``latin-1``,
then ``unquote_plus``). Starlette 1.x's field limits are not applied, as FastAPI on
Starlette 0.4x did not apply them (the app's own limit on the number of fields is checked
before, as ever).
"""

from __future__ import annotations

from urllib.parse import unquote_plus

from starlette.datastructures import FormData, UploadFile

try:  # python-multipart is optional until a route declares a form
    from python_multipart.multipart import QuerystringParser
except ImportError:  # pragma: no cover
    QuerystringParser = None  # type: ignore[assignment,misc]


_AMPERSAND = ord("&")


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
    if not body:
        return FormData()
    if body[0] == _AMPERSAND or body[-1] == _AMPERSAND or b"&&" in body:
        return _parsed_by_python_multipart(body)
    text = body.decode("latin-1")
    items: list[tuple[str, str | UploadFile]] = []
    if "%" in text or "+" in text:
        for chunk in text.split("&"):
            name, _, value = chunk.partition("=")
            items.append((unquote_plus(name), unquote_plus(value)))
    else:  # nothing to decode: unquote_plus would give each part back as it is
        for chunk in text.split("&"):
            name, _, value = chunk.partition("=")
            items.append((name, value))
    return FormData(items)


def _parsed_by_python_multipart(body: bytes) -> FormData:
    fields = _Fields()
    parser = QuerystringParser(
        {
            "on_field_start": fields.start,
            "on_field_name": fields.name_part,
            "on_field_data": fields.value_part,
            "on_field_end": fields.end,
        }
    )
    parser.write(body)
    parser.finalize()
    return FormData(fields.items)
