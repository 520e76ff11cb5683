"""fastapi._core.limits: what one request may carry, refused while it streams in."""

from __future__ import annotations

from typing import Any

import anyio
import pytest
from starlette.exceptions import HTTPException

from fastapi._core.limits import (
    DEFAULT_LIMITS,
    Limits,
    RequestLimits,
    check_json_depth,
    check_urlencoded_fields,
    checked_limits,
    limits_of,
)


def test_limits_are_positive_ints_or_none_where_allowed() -> None:
    assert Limits(max_body_size=None).max_body_size is None
    for bad in (
        {"max_body_size": 0},
        {"max_fields": None},
        {"max_files": True},
        {"max_part_size": 1.5},
    ):
        with pytest.raises(ValueError, match=list(bad)[0]):
            Limits(**bad)  # type: ignore[arg-type]


def test_the_app_s_limits_or_the_defaults() -> None:
    class App:
        limits = Limits(max_body_size=10)

    assert limits_of(App()).max_body_size == 10
    assert limits_of(None) is DEFAULT_LIMITS
    assert checked_limits(None) is DEFAULT_LIMITS
    with pytest.raises(TypeError, match="expected a fastapi.limits.Limits"):
        checked_limits({"max_body_size": 1})


async def _serve(limits: Limits, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> bytes:
    """The body the app behind the layer read (or the HTTPException the layer raised)."""
    pending = list(chunks)

    async def receive() -> dict[str, Any]:
        body = pending.pop(0) if pending else b""
        return {"type": "http.request", "body": body, "more_body": bool(pending)}

    read = bytearray()

    async def app(scope: Any, receive_: Any, send: Any) -> None:
        while True:
            message = await receive_()
            read.extend(message.get("body", b""))
            if not message.get("more_body"):
                return

    await RequestLimits(app, limits)({"type": "http", "headers": headers}, receive, None)  # type: ignore[arg-type]
    return bytes(read)


def serve(limits: Limits, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> bytes:
    return anyio.run(_serve, limits, headers, chunks)


def test_a_declared_length_over_the_limit_is_refused_before_reading() -> None:
    with pytest.raises(HTTPException) as raised:
        serve(Limits(max_body_size=4), [(b"content-length", b"5")], [b"12345"])
    assert raised.value.status_code == 413
    assert raised.value.detail == "Request body too large (limit: 4 bytes)"
    assert serve(Limits(max_body_size=4), [(b"content-length", b"4")], [b"1234"]) == b"1234"


def test_a_chunked_body_is_counted_as_it_streams() -> None:
    chunked = [(b"transfer-encoding", b"chunked")]
    assert serve(Limits(max_body_size=4), chunked, [b"12", b"34"]) == b"1234"
    with pytest.raises(HTTPException) as raised:
        serve(Limits(max_body_size=4), chunked, [b"12", b"34", b"5"])
    assert raised.value.status_code == 413


def test_multipart_bodies_have_their_own_limit() -> None:
    headers = [(b"content-type", b"multipart/form-data; boundary=x"), (b"content-length", b"10")]
    assert serve(Limits(max_body_size=4, max_multipart_size=10), headers, [b"0123456789"])
    with pytest.raises(HTTPException):
        serve(Limits(max_body_size=100, max_multipart_size=5), headers, [b"0123456789"])


def test_header_blocks_too_large_are_a_431() -> None:
    many = [(b"x-%d" % n, b"v") for n in range(5)]
    with pytest.raises(HTTPException) as raised:
        serve(Limits(max_header_count=4), many, [])
    assert (raised.value.status_code, raised.value.detail) == (
        431,
        "Request header fields too large (count limit: 4)",
    )
    with pytest.raises(HTTPException) as raised:
        serve(Limits(max_header_size=10), [(b"x-long", b"v" * 10)], [])
    assert raised.value.detail == "Request header fields too large (size limit: 10)"


def test_json_depth() -> None:
    check_json_depth(b"[[1]]", [[1]], 2)
    check_json_depth(b"[[[1]]]", [[[1]]], None)
    check_json_depth(b'"[[[["', "[[[[", 1)  # brackets inside a string are no nesting
    with pytest.raises(HTTPException) as raised:
        check_json_depth(b'{"a":[{"b":1}]}', {"a": [{"b": 1}]}, 2)
    assert raised.value.detail == "JSON body nested too deeply (limit: 2 levels)"


def test_url_encoded_field_count() -> None:
    check_urlencoded_fields(b"a=1&b=2;c=3", 3)  # as many fields as the limit
    check_urlencoded_fields(b"a=1&b=2&c=3&d=4", None)
    with pytest.raises(HTTPException) as raised:
        check_urlencoded_fields(b"a=1&b=2;c=3&d=4", 3)
    assert raised.value.detail == "Too many fields. Maximum number of fields is 3."
