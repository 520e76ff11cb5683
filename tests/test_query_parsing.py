"""The fast query-string parser agrees with Starlette's QueryParams on any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.datastructures import QueryParams

from fastapi._core.execute.query import parse_query_string

pieces = st.sampled_from(["a", "b", "=", "&", "+", "%", "%2", "%20", "%C3%A9", "%ff", ";", " ", "é", "[]", ""])


@settings(max_examples=2000, deadline=None)
@given(st.lists(pieces, max_size=12).map("".join))
def test_same_pairs_as_starlette(query: str) -> None:
    raw = query.encode("utf-8")
    assert parse_query_string(raw) == QueryParams(raw).multi_items()


@given(st.binary(max_size=40))
def test_same_pairs_for_arbitrary_bytes(raw: bytes) -> None:
    assert parse_query_string(raw) == QueryParams(raw).multi_items()
