"""fastapi._core.execute.urlencoded: an urlencoded body's form, exactly Starlette's parser's.

Random bodies of the characters that matter (separators, percent escapes, plus signs,
non-ASCII bytes) are parsed both ways, and the forms compared; so are random bodies of the
usual shape, without empty chunks, which take the split path.
"""

from __future__ import annotations

import asyncio
import inspect
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.datastructures import Headers
from starlette.formparsers import FormParser

from fastapi._core.execute.urlencoded import parse_urlencoded

# Starlette 1.x's FormParser limits fields; FastAPI on 0.4x did not (nor does the parser here).
_UNLIMITED_FORM: dict[str, Any] = (
    {"max_fields": math.inf, "max_part_size": 2**62}
    if "max_fields" in inspect.signature(FormParser.__init__).parameters
    else {}
)


async def _one_chunk(body: bytes) -> Any:
    yield body
    yield b""


def starlettes(body: bytes) -> list[tuple[str, Any]]:
    async def parse() -> list[tuple[str, Any]]:
        form = await FormParser(Headers(raw=[]), _one_chunk(body), **_UNLIMITED_FORM).parse()
        return form.multi_items()

    return asyncio.run(parse())


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(list(b"ab=&;%+2Fx0 \xff\xc3\xa9")), max_size=30).map(bytes))
def test_the_form_is_starlettes(body: bytes) -> None:
    assert parse_urlencoded(body).multi_items() == starlettes(body)


_CHUNK = st.lists(st.sampled_from(list(b"ab=;%+2Fx0 \xff\xc3\xa9")), min_size=1, max_size=8).map(bytes)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_CHUNK, max_size=6).map(b"&".join))
def test_bodies_without_empty_chunks_are_starlettes(body: bytes) -> None:
    """The usual shape, split in C here: every ``&``-separated chunk holds something."""
    assert parse_urlencoded(body).multi_items() == starlettes(body)


@pytest.mark.parametrize(
    "body",
    [b"", b"a=1&a=2", b"a", b"=b", b"a=&b=", b"%zz=%41", b"+x+=y+", b"a=1;b=2", b"&&a=1&&", b"n=%C3%A9", b"&a", b"a&", b"a==b&=&c"],
)
def test_the_usual_and_odd_shapes_are_starlettes(body: bytes) -> None:
    assert parse_urlencoded(body).multi_items() == starlettes(body)
