"""Property-based tests (hypothesis) over the request parsers and the whole pipeline.

Whatever arrives (query strings, headers, cookies, path segments, JSON, url-encoded and
multipart bodies), the answer is a 2xx or a 4xx in FastAPI's error shape: see ``asgi.py``.
The budget is fixed and the runs reproducible (``derandomize``); ``ROBUSTNESS_EXAMPLES=N``
raises it and draws new examples each run (docs/robustness.md).
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.robustness.asgi import check_answer, request
from tests.robustness.fuzz_app import app

LONG_RUN = "ROBUSTNESS_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("ROBUSTNESS_EXAMPLES", "250"))
budget = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=not LONG_RUN,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- the pieces of a request ---------------------------------------------------------------

any_text = st.text(max_size=40)
numbers_as_text = st.sampled_from(
    ["0", "-1", "1e999", "-1e999", "nan", "NaN", "inf", "-Infinity", "1" * 5000, "0x10", "1_000", " 7 ", "", "２"]
)
param_values = st.one_of(any_text, numbers_as_text, st.binary(max_size=20).map(lambda raw: raw.decode("latin-1")))
param_names = st.sampled_from(["q", "limit", "tags", "ratio", "flag", "day", "color", "ids", "x", ""]) | any_text
query_bytes = st.one_of(
    st.lists(st.tuples(param_names, param_values), max_size=8).map(
        lambda pairs: "&".join(f"{quote(name)}={quote(value)}" for name, value in pairs).encode()
    ),
    st.binary(max_size=80),  # not even url-encoded: raw bytes, stray % and &
)
header_names = st.sampled_from([b"x-token", b"count", b"cookie", b"content-type", b"content-length", b"accept"]) | st.binary(
    min_size=1, max_size=12
).map(lambda raw: raw.translate(None, b"\r\n:").lower() or b"x")
header_values = st.binary(max_size=60).map(lambda raw: raw.translate(None, b"\r\n"))
cookie_headers = st.lists(st.tuples(st.sampled_from(["session", "visits", "a b", ""]) | any_text, param_values), max_size=5).map(
    lambda pairs: "; ".join(f"{name}={value}" for name, value in pairs).encode("utf-8", "surrogateescape")
)
segments = st.one_of(any_text, numbers_as_text, st.sampled_from(["..", ".", "%00", "a/b", "\x00", "\\"]))


def raw_path(prefix: str, segment: str) -> bytes:
    return (prefix + quote(segment, safe="")).encode("ascii")


# -- parameters: query, headers, cookies, path -----------------------------------------------


@budget
@given(
    segment=segments,
    query=query_bytes,
    headers=st.lists(st.tuples(header_names, header_values), max_size=6),
    cookies=cookie_headers,
)
def test_any_parameters(segment: str, query: bytes, headers: list[tuple[bytes, bytes]], cookies: bytes) -> None:
    headers = [*headers, (b"cookie", cookies)]
    check_answer(request(app, "GET", raw_path("/items/", segment), query=query, headers=headers))
    check_answer(request(app, "GET", b"/typed", query=query, headers=headers))


@budget
@given(segments=st.lists(segments, min_size=1, max_size=4), query=query_bytes)
def test_any_path(segments: list[str], query: bytes) -> None:
    path = "/files/" + "/".join(quote(segment, safe="") for segment in segments)
    check_answer(request(app, "GET", path.encode("ascii"), query=query))
    check_answer(request(app, "GET", raw_path("/", segments[0]), query=query))


# -- JSON --------------------------------------------------------------------------------


def json_text(value: Any) -> str:
    return json.dumps(value, allow_nan=True)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["\ud800", "\udfff x", "é"]),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.sampled_from(["name", "price", "tags", "meta", "label", "weight", "item", "count"]) | st.text(max_size=8), children, max_size=5),
    max_leaves=30,
)
item_like = st.fixed_dictionaries(
    {"name": json_values, "price": json_values},
    optional={"tags": st.lists(st.fixed_dictionaries({"label": json_values}, optional={"weight": json_values}), max_size=3), "meta": json_values},
)
special_texts = st.sampled_from(
    [
        "[" * 3000 + "]" * 3000,
        '{"a":' * 1500 + "1" + "}" * 1500,
        "[" * 800 + "]" * 800,
        "1" * 4301,
        "-" + "9" * 5000,
        "1e999",
        "[NaN, Infinity, -Infinity]",
        '{"name": "a", "price": 1, "name": "b"}',
        '{"name": "a", "price": 1',
        '"\\ud800"',
        '{"name": "\\udfff", "price": 1}',
        "",
        "\ufeff{}",
        "nul\x00",
    ]
)


def body_variants(text: str) -> st.SearchStrategy[bytes]:
    data = text.encode("utf-8", "surrogatepass")
    return st.sampled_from([data, data[: len(data) // 2], data + b"\xff\xfe", b"\xc3(" + data])


json_bodies = st.one_of(
    item_like.map(json_text),
    json_values.map(json_text),
    st.fixed_dictionaries({"item": item_like, "count": json_values}).map(json_text),
    special_texts,
).flatmap(body_variants)
json_types = st.sampled_from([b"application/json", b"application/vnd.api+json", b"text/plain", b"application/json; charset=latin-1", b""])


@budget
@given(path=st.sampled_from([b"/items", b"/echo", b"/embed"]), body=json_bodies, content_type=json_types, chunk=st.integers(1, 64))
def test_any_json_body(path: bytes, body: bytes, content_type: bytes, chunk: int) -> None:
    headers = [(b"content-type", content_type)] if content_type else []
    headers.append((b"content-length", str(len(body)).encode()))
    chunks = [body[i : i + chunk] for i in range(0, len(body), chunk)] if chunk < 8 else [body]
    check_answer(request(app, "POST", path, headers=headers, chunks=chunks))


# -- forms and multipart -----------------------------------------------------------------


@budget
@given(body=query_bytes | st.lists(st.just(b"a="), max_size=3000).map(b"&".join), content_type=st.sampled_from([b"application/x-www-form-urlencoded", b"application/x-www-form-urlencoded; charset=utf-8"]))
def test_any_urlencoded_form(body: bytes, content_type: bytes) -> None:
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    check_answer(request(app, "POST", b"/form", headers=headers, chunks=[body]))


filenames = st.one_of(
    st.sampled_from(["../../etc/passwd", "a/b/c.txt", "C:\\windows\\x.ini", "nul\x00byte.txt", "", " ", "..", "é.txt"]),
    st.text(max_size=20),
)
part_names = st.sampled_from(["files", "note", "name", "age", "ratio", "", "x"]) | st.text(max_size=10)


@st.composite
def multipart_bodies(draw: st.DrawFn) -> tuple[bytes, bytes]:
    boundary = draw(st.sampled_from(["bNd", "a" * 70, "x-y_z.1", "--", " spaced"]))
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        name = draw(part_names).replace('"', "")
        disposition = f'form-data; name="{name}"'
        if draw(st.booleans()):
            disposition += f'; filename="{draw(filenames)}"'
        headers = f"Content-Disposition: {disposition}\r\n"
        if draw(st.booleans()):
            headers += f"Content-Type: {draw(st.sampled_from(['text/plain', 'application/json', '', 'bad/;/']))}\r\n"
        content = draw(st.binary(max_size=40) | param_values.map(lambda value: value.encode("utf-8", "surrogatepass")))
        parts.append(f"--{boundary}\r\n{headers}\r\n".encode("utf-8", "surrogatepass") + content + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    body = draw(st.sampled_from([body, body[: len(body) // 2], body.replace(b"\r\n", b"\n"), b"garbage" + body, body * 2]))
    header_boundary = draw(st.sampled_from([boundary, "other", "", None]))
    content_type = "multipart/form-data" + ("" if header_boundary is None else f"; boundary={header_boundary}")
    return content_type.encode("latin-1", "replace"), body


many_parts = st.integers(990, 1010).map(
    lambda count: (
        b"multipart/form-data; boundary=B",
        b"".join(b'--B\r\nContent-Disposition: form-data; name="files"; filename="%d"\r\n\r\nx\r\n' % i for i in range(count)) + b"--B--\r\n",
    )
)


@budget
@given(form=multipart_bodies() | many_parts, path=st.sampled_from([b"/upload", b"/form"]))
def test_any_multipart_body(form: tuple[bytes, bytes], path: bytes) -> None:
    content_type, body = form
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    check_answer(request(app, "POST", path, headers=headers, chunks=[body]))


def test_found_by_these_properties() -> None:
    # What they found (FastAPI answers a 500 to each): pinned, whatever the budget draws.
    query = b"caf\xe9=\xff"  # raw bytes a server hands over as sent, in a slash redirect
    answer = request(app, "GET", b"/files", query=query)
    assert answer["status"] == 307 and dict(answer["headers"])[b"location"] == b"http://testserver/files/?caf%E9=%FF"
    raw_body = [(b"content-type", b"text/plain"), (b"content-length", b"4")]
    answer = request(app, "POST", b"/echo", headers=raw_body, chunks=[b"caf\xe9"])
    assert answer["status"] == 422
    check_answer(answer)
    for path, body in [
        (b"/echo", b"NaN"),
        (b"/echo", b'{"name": "a", "price": 1e999}'),
        (b"/echo", b'"\\ud800"'),
        (b"/items", b"Infinity"),  # in the 422's input
        (b"/items", b'{"name": NaN}'),
        (b"/embed", b'{"item": 1e999, "count": NaN}'),
    ]:
        json_body = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        answer = request(app, "POST", path, headers=json_body, chunks=[body])
        assert answer["status"] == 422, body
        check_answer(answer)
