"""fastapi._core.execute.query: the query string, parsed as Starlette parses it, once."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from starlette.datastructures import QueryParams

from fastapi._core.execute.query import parse_query_string, query_params_of
from tests.core.requests import make_request

RAW = [
    b"",
    b"a=1&b=2",
    b"a=1&a=2&&b",
    b"q=hello+world&x=%2B%26%3D",
    b"caf%C3%A9=%E2%9C%93",
    b"=empty-name&novalue=&flag",
    b"bad=%zz&pct=%",
    b"latin=\xe9",
    b"a=b=c",
]


@pytest.mark.parametrize("raw", RAW)
def test_pairs_are_those_starlette_makes(raw: bytes) -> None:
    expected = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    assert parse_query_string(raw) == expected
    assert parse_query_string(raw) == list(QueryParams(raw).multi_items())


def test_the_request_shares_the_parsed_params() -> None:
    request = make_request(method="GET", query=b"a=1&a=2&b=x")
    params = query_params_of(request)
    assert params.getlist("a") == ["1", "2"] and params["b"] == "x"
    assert request.query_params is params  # parsed once, for the endpoint too
    assert query_params_of(request) is params
