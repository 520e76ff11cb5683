"""``parse_json`` answers what ``json.loads`` answers, for every document."""

from __future__ import annotations

import json

import pytest

from fastapi._core.execute.request_body import parse_json

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
