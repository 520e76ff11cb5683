"""Small multipart bodies, held whole, parsed in one pass into the form Starlette's parser makes.

Starlette's ``MultiPartParser`` streams: python-multipart's events become messages, the
messages parts, each file chunk an awaited write, and the ``Content-Type`` header is parsed
anew. For a body whose announced length is small, all of that is bookkeeping around one
call of python-multipart's parser. Here the body is read whole (leaving the request as
streaming it does: consumed, nothing kept), parsed by the same python-multipart parser in
one ``write``, and the parts become the same ``FormData``: text fields decoded as Starlette
decodes them, files as Starlette's ``UploadFile`` over a ``SpooledTemporaryFile`` of
Starlette's size, with their headers, written and rewound.

Only the plain case is answered here: the default charset, every part named, within the
limits, nothing the parser objects to. Anything else (an error, a limit reached, a charset)
goes to Starlette's parser over the same bytes, which answers it exactly as it always does.
"""

from __future__ import annotations

import logging
from tempfile import SpooledTemporaryFile
from typing import Any

from starlette.datastructures import FormData, Headers, UploadFile
from starlette.formparsers import MultiPartParser

try:  # python-multipart is optional until a route declares a form
    from python_multipart.multipart import MultipartParser, parse_options_header
except ImportError:  # pragma: no cover
    MultipartParser = parse_options_header = None  # type: ignore[assignment,misc]

# Bodies up to this size are parsed whole (larger ones stream, and spill files to disk).
SMALL_BODY = 64 * 1024
_DISPOSITIONS_KEPT = 1024
# What python-multipart warns about a malformed body is logged once, by Starlette's parser
# answering it; this attempt's parser keeps quiet.
_QUIET = logging.Logger("fastapi.small_multipart")
_QUIET.disabled = True


def small_body_limit() -> int:
    """The largest body parsed whole: files never spill to disk from one (Starlette's
    spooling size, as it is set now, may be lower than ``SMALL_BODY``)."""
    return min(SMALL_BODY, MultiPartParser.spool_max_size)


class _Parts:
    """python-multipart's callbacks collecting each part's headers and data."""

    __slots__ = ("data", "done", "field", "headers", "started", "value")

    def __init__(self) -> None:
        self.done: list[tuple[list[tuple[bytes, bytes]], bytes]] = []
        self.started = 0  # parts begun: one more than those done while a part is cut short
        self.headers: list[tuple[bytes, bytes]] = []
        self.data: list[bytes] = []
        self.field = b""
        self.value = b""

    def callbacks(self) -> Any:  # python-multipart's MultipartCallbacks
        return {
            "on_part_begin": self.part_begin,
            "on_part_data": self.part_data,
            "on_part_end": self.part_end,
            "on_header_field": self.header_field,
            "on_header_value": self.header_value,
            "on_header_end": self.header_end,
        }

    def part_begin(self) -> None:
        self.started += 1
        self.headers = []
        self.data = []

    def part_data(self, data: bytes, start: int, end: int) -> None:
        self.data.append(data[start:end])

    def part_end(self) -> None:
        self.done.append((self.headers, b"".join(self.data)))

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.field += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self.value += data[start:end]

    def header_end(self) -> None:
        self.headers.append((self.field.lower(), self.value))
        self.field = b""
        self.value = b""


_dispositions: dict[bytes, tuple[bytes, dict[bytes, bytes]]] = {}


def _disposition(value: bytes) -> dict[bytes, bytes]:
    """``parse_options_header(value)``'s options (a pure function: remembered per value)."""
    known = _dispositions.get(value)
    if known is None:
        if len(_dispositions) >= _DISPOSITIONS_KEPT:
            _dispositions.clear()
        known = _dispositions[value] = parse_options_header(value)
    return known[1]


def parse_small_multipart(
    body: bytes,
    options: dict[bytes, bytes],
    max_files: float,
    max_fields: float,
    max_part_size: int,
) -> FormData | None:
    """The form in ``body``, as Starlette's parser makes it; None when that parser must
    answer (``options``: the ``Content-Type`` header's parameters)."""
    if len(options) != 1 or b"boundary" not in options:
        return None  # a charset (or no boundary): Starlette's
    parts = _Parts()
    try:
        parser = MultipartParser(options[b"boundary"], parts.callbacks())
        parser.logger = _QUIET
        parser.write(body)
        parser.finalize()
    except Exception:
        return None
    if parts.started != len(parts.done):
        return None  # a part cut short: Starlette's limits and errors see it
    return _form(parts.done, max_files, max_fields, max_part_size)


def _form(
    parts: list[tuple[list[tuple[bytes, bytes]], bytes]],
    max_files: float,
    max_fields: float,
    max_part_size: int,
) -> FormData | None:
    items: list[tuple[str, str | UploadFile]] = []
    files = fields = 0
    for headers, data in parts:
        disposition = None
        for name, value in headers:
            if name == b"content-disposition":
                disposition = value
        found = _disposition(disposition) if disposition else {}
        if b"name" not in found:
            return None
        field_name = _decode(found[b"name"])
        if b"filename" in found:
            files += 1
            if files > max_files:
                return None
            items.append((field_name, _upload(_decode(found[b"filename"]), headers, data)))
        else:
            fields += 1
            if fields > max_fields or len(data) > max_part_size:
                return None
            items.append((field_name, _decode(data)))
    return FormData(items)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _upload(filename: str, headers: list[tuple[bytes, bytes]], data: bytes) -> UploadFile:
    # Closed with the request, as every parsed form's files.
    file = SpooledTemporaryFile(max_size=MultiPartParser.spool_max_size)  # noqa: SIM115
    if data:
        file.write(data)
        file.seek(0)
    return UploadFile(file=file, size=len(data), filename=filename, headers=Headers(raw=headers))  # type: ignore[arg-type]
