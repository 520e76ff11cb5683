"""fastapi._core.execute.small_multipart: a small body's form, exactly Starlette's parser's.

Random bodies (names, filenames, part headers, data with CRLFs and boundary look-alikes,
epilogues, truncations, limits, charsets) are parsed both ways: whenever the one-pass parser
answers, its form is the one Starlette's ``MultiPartParser`` makes (fields, files' names,
sizes, headers, content, position, spooling size); everything else is left to Starlette.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from python_multipart.multipart import parse_options_header
from starlette.datastructures import FormData, Headers
from starlette.formparsers import MultiPartException, MultiPartParser

from fastapi._core.execute.small_multipart import parse_small_multipart, small_body_limit

LIMITS = {"max_files": 1000, "max_fields": 1000, "max_part_size": 1024 * 1024}


def snapshot(form: FormData) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = []
    for key, value in form.multi_items():
        if isinstance(value, str):
            items.append((key, value))
        else:
            file: Any = value.file
            position = file.tell()
            items.append(
                (key, (value.filename, value.size, value.headers.raw, position, file.read(), file._max_size))
            )
    return items


async def _one_chunk(body: bytes) -> Any:
    yield body
    yield b""


def starlettes(content_type: bytes, body: bytes, limits: dict[str, Any]) -> Any:
    async def parse() -> Any:
        headers = Headers(raw=[(b"content-type", content_type)])
        try:
            return snapshot(await MultiPartParser(headers, _one_chunk(body), **limits).parse())
        except MultiPartException as exc:
            return ("refused", exc.message)
        except Exception as exc:  # noqa: BLE001 - Starlette 0.4x lets the parser's errors out
            return ("refused", type(exc).__name__)

    return asyncio.run(parse())


def ours(content_type: bytes, body: bytes, limits: dict[str, Any]) -> Any:
    _, options = parse_options_header(content_type)
    form = parse_small_multipart(
        body, options, limits["max_files"], limits["max_fields"], limits["max_part_size"]
    )
    return None if form is None else snapshot(form)


def part_bytes(part: tuple[Any, ...], boundary: bytes) -> bytes:
    name, filename, content_type, data, extra, kind, disposed = part
    out = b"--" + boundary + b"\r\n"
    if disposed:
        disposition = f'{kind}; name="{name}"' + ("" if filename is None else f'; filename="{filename}"')
        out += b"Content-Disposition: " + disposition.encode() + b"\r\n"
    if content_type:
        out += b"Content-Type: " + content_type + b"\r\n"
    if extra:
        out += b"X-Extra: 1\r\n"
    return out + b"\r\n" + data + b"\r\n"


NAMES = st.sampled_from(["a", "file", "x y", "é", 'q\\"uote', "", "a;b", "C:\\\\dir\\\\f.txt"])
DATA = st.binary(max_size=40) | st.sampled_from(
    [b"", b"\r\n", b"--b", b"\r\n--b", b"\r\n--b--", "é".encode(), b"\xff\xfe", b"\r"]
)
PARTS = st.tuples(
    NAMES,
    st.none() | NAMES,
    st.sampled_from([None, b"text/plain", b"application/octet-stream"]),
    DATA,
    st.booleans(),
    st.sampled_from(["form-data", "FORM-DATA", "attachment"]),
    st.booleans() | st.just(True),
)
ENDINGS = [b"--B--\r\n"] * 4 + [b"--B--", b"", b"--B", b"--B--\r\nepilogue", b"--B-", b"junk"]
CONTENT_TYPES = [
    b"multipart/form-data; boundary=B",
    b'multipart/form-data; boundary="B"',
    b"multipart/form-data; boundary=B; charset=latin-1",
    b"multipart/form-data; charset=utf-8; boundary=B",
    b"multipart/form-data",
]


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    parts=st.lists(PARTS, max_size=4),
    boundary=st.sampled_from([b"b", b"bound-ary", b"----WebKitFormBoundary7MA4YWxk"]),
    ending=st.sampled_from(ENDINGS),
    content_type=st.sampled_from(CONTENT_TYPES[:2] * 4 + CONTENT_TYPES[2:]),
    limits=st.sampled_from(
        [LIMITS] * 6
        + [{"max_files": 1, "max_fields": 1, "max_part_size": 10}, {"max_files": 0, "max_fields": 2, "max_part_size": 1024}]
    ),
)
def test_whatever_it_answers_is_starlettes_form(
    parts: list[tuple[Any, ...]],
    boundary: bytes,
    ending: bytes,
    content_type: bytes,
    limits: dict[str, Any],
) -> None:
    body = b"".join(part_bytes(part, boundary) for part in parts) + ending.replace(b"B", boundary)
    content_type = content_type.replace(b"=B", b"=" + boundary).replace(b'"B"', b'"' + boundary + b'"')
    mine = ours(content_type, body, limits)
    event("answered in one pass" if mine is not None else "left to Starlette")
    if mine is not None:
        assert mine == starlettes(content_type, body, limits)


def test_a_plain_upload_is_answered_in_one_pass() -> None:
    body = (
        b"--B\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
        b"--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
        b"Content-Type: text/plain\r\n\r\nline 1\r\nline 2\r\n--B--\r\n"
    )
    mine = ours(b"multipart/form-data; boundary=B", body, LIMITS)
    assert mine is not None
    assert mine == starlettes(b"multipart/form-data; boundary=B", body, LIMITS)
    assert mine[0] == ("note", "hello")
    assert mine[1][1][4] == b"line 1\r\nline 2"


@pytest.mark.parametrize(
    ("content_type", "body", "limits"),
    [
        (b"multipart/form-data; boundary=B; charset=latin-1", b"--B--\r\n", LIMITS),
        (b"multipart/form-data", b"--B--\r\n", LIMITS),
        (b"multipart/form-data; boundary=B", b"--B\r\nX-Other: 1\r\n\r\nv\r\n--B--\r\n", LIMITS),
        (b"multipart/form-data; boundary=B", b"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ncut", LIMITS),
        (b"multipart/form-data; boundary=B", b"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nlong\r\n--B--\r\n", {**LIMITS, "max_part_size": 2}),
        (b"multipart/form-data; boundary=B", b"--B\r\nContent-Disposition: form-data; name=\"a\"; filename=\"f\"\r\n\r\nx\r\n--B--\r\n", {**LIMITS, "max_files": 0}),
        (b"multipart/form-data; boundary=B", b"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--B--\r\n", {**LIMITS, "max_fields": 0}),
        (b"multipart/form-data; boundary=B", b"not multipart at all", LIMITS),
    ],
)
def test_what_starlette_must_answer_is_left_to_it(
    content_type: bytes, body: bytes, limits: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        assert ours(content_type, body, limits) is None
    assert caplog.records == []  # the parser's warnings are logged once, by Starlette's


def test_bodies_that_could_spill_to_disk_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    assert small_body_limit() <= MultiPartParser.spool_max_size
    monkeypatch.setattr(MultiPartParser, "spool_max_size", 100)
    assert small_body_limit() == 100
