"""fastapi._core.execute.request_body: the body read as FastAPI reads it, with its errors.

``parse_json`` answers what ``json.loads`` answers, for every document.
"""

from __future__ import annotations

import json

import anyio
import pytest
from starlette.exceptions import HTTPException

from fastapi._core.errors import RequestValidationError
from fastapi._core.execute.request_body import (
    is_json_content_type,
    parse_json,
    read_form_body,
    read_json_body,
)
from tests.core.requests import make_request

DOCUMENTS = [
    b'{"name":"Widget","price":9.5,"tags":["a","b"]}',
    b"[1, 2.5, -0, -0.0, 1E2, 1e-400, 1e309, 5e-324, 0.1000000000000000055511151231257827]",
    b"123456789012345678901234567890",
    b'{"a":1,"a":2,"b":3}',
    b'"\\u00e9\\ud83d\\ude00\\/"',
    b"NaN",
    b"[Infinity, -Infinity]",
    b" \t[1]\r\n",
    b"true",
    b"null",
    # Taken by json.loads only: pydantic-core refuses these, json.loads answers them.
    b"\xef\xbb\xbf[1]",
    "[1]".encode("utf-16"),
    "[1]".encode("utf-16-le"),
    "[1]".encode("utf-32"),
    b'"\\ud800"',
    b'"\\udc00\\ud800"',
    b'"\xed\xa0\x80"',
    b"[" * 600 + b"]" * 600,
]

MALFORMED = [
    b"[1,]",
    b'{"a":1,}',
    b"01",
    b"1.",
    b".5",
    b"+1",
    b"nan",
    b"infinity",
    b"'a'",
    b'"a\nb"',
    b'"\x1f"',
    b'"\xff"',
    b"[1 2]",
    b'{"a" 1}',
    b"{1:2}",
    b"",
    b" ",
    b"[1]x",
    b"123abc",
    b"0x10",
    b"-",
    b"1.5e",
    b'"\\u12"',
    b'["a\\x"]',
    b"9" * 5000,
    b"[" * 5000,
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_same_value_as_json_loads(document: bytes) -> None:
    # The dumped text tells 1 from 1.0 and -0.0 from 0.0, and compares NaN.
    assert json.dumps(parse_json(document)) == json.dumps(json.loads(document))


@pytest.mark.parametrize("document", MALFORMED)
def test_same_error_as_json_loads(document: bytes) -> None:
    with pytest.raises(Exception) as expected:
        json.loads(document)
    with pytest.raises(type(expected.value)) as raised:
        parse_json(document)
    assert str(raised.value) == str(expected.value)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("application/json", True),
        ("Application/JSON; charset=utf-8", True),
        ("application/vnd.api+json", True),
        ("application/jsonx", False),
        ("text/json", False),
        ("application/json/x", False),
        ("", False),
    ],
)
def test_json_content_types(value: str, expected: bool) -> None:
    assert is_json_content_type(value) is expected


def read_json(body: bytes, content_type: str | None = "application/json") -> object:
    headers = {"content-type": content_type} if content_type else {}
    request = make_request(body, headers=headers)
    return anyio.run(read_json_body, request)


def test_json_is_parsed_and_shared_with_the_request() -> None:
    request = make_request(b'{"a": [1, 2]}', headers={"content-type": "application/json"})

    async def both() -> tuple[object, object]:
        return await read_json_body(request), await request.json()

    parsed, again = anyio.run(both)
    assert parsed == {"a": [1, 2]} and again is parsed


def test_an_empty_body_is_none_and_other_content_types_stay_bytes() -> None:
    assert read_json(b"") is None
    assert read_json(b"plain", "text/plain") == b"plain"
    assert read_json(b'{"a": 1}', None) == {"a": 1}  # no content type: JSON is tried


def test_malformed_json_is_a_validation_error_at_its_position() -> None:
    with pytest.raises(RequestValidationError) as raised:
        read_json(b'{"a": }')
    (error,) = raised.value.errors()
    assert error["type"] == "json_invalid" and error["loc"] == ("body", 6)
    assert error["ctx"] == {"error": "Expecting value"}


def test_undecodable_bodies_are_a_400() -> None:
    with pytest.raises(HTTPException) as raised:
        read_json(b"\xff\xfe{")
    assert raised.value.status_code == 400
    assert raised.value.detail == "There was an error parsing the body"


def read_form(body: bytes, content_type: str):  # type: ignore[no-untyped-def]
    request = make_request(body, headers={"content-type": content_type})
    return anyio.run(read_form_body, request), request


def test_urlencoded_and_multipart_forms() -> None:
    form, request = read_form(b"a=1&a=2&b=x+y", "application/x-www-form-urlencoded")
    assert form.getlist("a") == ["1", "2"] and form["b"] == "x y"
    boundary = "XyZ"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="f"; filename="t.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\nhello\r\n--{boundary}\r\n"
        f'Content-Disposition: form-data; name="n"\r\n\r\n3\r\n--{boundary}--\r\n'
    ).encode()
    form, _ = read_form(body, f"multipart/form-data; boundary={boundary}")
    assert form["n"] == "3" and form["f"].filename == "t.txt"


def test_the_form_is_read_once_and_other_types_are_an_empty_form() -> None:
    request = make_request(b"a=1", headers={"content-type": "application/x-www-form-urlencoded"})

    async def twice() -> tuple[object, object]:
        return await read_form_body(request), await read_form_body(request)

    first, second = anyio.run(twice)
    assert first is second
    form, _ = read_form(b"{}", "application/json")
    assert list(form.items()) == []


def test_a_malformed_multipart_body_is_a_400() -> None:
    with pytest.raises(HTTPException) as raised:
        read_form(b"--XyZ\r\nno headers end", "multipart/form-data; boundary=XyZ")
    assert raised.value.status_code == 400
