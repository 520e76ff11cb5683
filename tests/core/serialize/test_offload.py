"""fastapi._core.serialize.offload: which answers are large, and their text made in pieces."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel

from fastapi._core.serialize.offload import LARGE, encode_in_pieces, is_large


class Row(BaseModel):
    n: int
    text: str


@pytest.mark.parametrize(
    "value",
    [
        1,
        "short",
        {"a": [1, 2, 3]},
        [Row(n=1, text="x")] * 10,
        list(range(LARGE // 10)),
    ],
)
def test_small_answers_are_not_large(value: object) -> None:
    assert not is_large(value)


@pytest.mark.parametrize(
    "value",
    [
        list(range(LARGE)),
        {"rows": [{"n": n, "tags": ["a", "b"]} for n in range(LARGE // 2)]},
        "x" * (LARGE * 1024),
        [Row(n=n, text="t") for n in range(LARGE)],
        (n for n in range(3)),  # a generator's length is unknown: assumed large
    ],
)
def test_large_answers_are_large(value: object) -> None:
    assert is_large(value)


@pytest.mark.parametrize(
    "data",
    [
        [],
        {},
        list(range(1000)),
        {"k": list(range(100)), "s": "é\u2028", "n": None},
        {str(n): {"deep": [n] * 70} for n in range(70)},
        {1: "non-string keys stay in one call"},
        [[1.5, True, None]] * 100,
    ],
)
def test_the_text_is_that_of_one_dumps_call(data: object) -> None:
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    assert encode_in_pieces(data, encode) == encode(data)
