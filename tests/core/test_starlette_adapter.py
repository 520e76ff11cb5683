"""fastapi._core.starlette_adapter: what the engine hands to Starlette's Request is what
Starlette's own accessors answer afterwards (a Starlette upgrade that renames a private
attribute fails here, by name)."""

import asyncio
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from fastapi._core import starlette_adapter as adapter
from fastapi._core.execute.query import query_params_of
from fastapi.testclient import TestClient


def request_for(query: bytes = b"", headers: list[tuple[bytes, bytes]] | None = None) -> Request:
    scope = {"type": "http", "method": "GET", "path": "/", "query_string": query, "headers": headers or []}
    return Request(scope)


def test_query_params_parsed_by_the_engine_are_the_requests() -> None:
    request = request_for(b"a=1&a=2&b=x+y")
    params = query_params_of(request)
    assert request.query_params is params
    assert params.getlist("a") == ["1", "2"] and params["b"] == "x y"
    assert adapter.cached_query_params(request) is params


def test_query_params_starlette_built_first_are_reused() -> None:
    request = request_for(b"q=1")
    built = request.query_params
    assert query_params_of(request) is built


def test_json_and_form_handed_over_are_answered_by_request_methods() -> None:
    request = request_for()
    parsed: dict[str, Any] = {"x": [1]}
    adapter.share_json(request, parsed)
    assert asyncio.run(request.json()) is parsed
    assert adapter.parsed_form(request) is None
    form = FormData([("a", "1")])
    adapter.share_form(request, form)
    assert adapter.parsed_form(request) is form

    async def form_answered() -> FormData:
        return await request.form()

    assert asyncio.run(form_answered()) is form


def test_cookies_are_seen_once_something_asked_for_them() -> None:
    request = request_for(headers=[(b"cookie", b"theme=dark")])
    assert adapter.parsed_cookies(request) is None
    assert request.cookies == {"theme": "dark"}
    assert adapter.parsed_cookies(request) == {"theme": "dark"}


def test_the_version_rule_matches_what_the_installed_router_does() -> None:
    seen: dict[str, Any] = {}

    async def endpoint(request: Request) -> PlainTextResponse:
        seen["route"] = request.scope.get("route")
        return PlainTextResponse("ok")

    plain = Route("/", endpoint)
    with TestClient(Starlette(routes=[plain])) as client:
        assert client.get("/").text == "ok"
    assert (seen["route"] is plain) is adapter.ROUTER_NAMES_ROUTE


def _receiving(messages: list[dict[str, Any]]) -> Any:
    pending = list(messages)

    async def receive() -> dict[str, Any]:
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    return receive


def _state(request: Request) -> tuple[Any, ...]:
    return (request.__dict__.get("_body"), request._stream_consumed, request._is_disconnected)


BODIES = [
    [{"type": "http.request", "body": b"whole", "more_body": False}],
    [{"type": "http.request", "body": b"a", "more_body": True}, {"type": "http.request", "body": b""},
     {"type": "http.request", "body": b"b", "more_body": True}, {"type": "http.request", "more_body": False}],
    [{"type": "http.request", "body": b"a", "more_body": True}, {"type": "http.disconnect"}],
    [{"type": "http.request", "body": b"a", "more_body": True}],  # then the client goes away
]


def _read(reader: Any, messages: list[dict[str, Any]], cls: type[Request] = Request) -> tuple[Any, ...]:
    request = cls({"type": "http", "headers": []}, _receiving(messages))
    try:
        outcome: Any = asyncio.run(reader(request))
    except Exception as exc:  # noqa: BLE001 - the very exception is compared
        outcome = type(exc)
    return outcome, _state(request)


def test_the_body_read_directly_is_what_request_body_reads() -> None:
    for messages in BODIES:
        assert _read(adapter.read_whole_body, messages) == _read(Request.body, messages)
    request = request_for()
    request._body = b"kept"
    assert asyncio.run(adapter.read_whole_body(request)) == b"kept"


def test_a_request_class_with_its_own_body_reads_it_itself() -> None:
    class Upper(Request):
        async def body(self) -> bytes:
            return (await super().body()).upper()

    assert _read(adapter.read_whole_body, BODIES[0], Upper)[0] == b"WHOLE"


async def _streamed(request: Request) -> bytes:
    return b"".join([chunk async for chunk in request.stream()])


async def _short_or_streamed(request: Request, limit: int = 3) -> bytes | tuple[str, bytes]:
    got = await adapter.read_short_stream(request, limit)
    if isinstance(got, bytes):
        return got
    return "streamed", b"".join([chunk async for chunk in got])


def test_a_short_body_is_read_as_the_stream_reads_it() -> None:
    for messages in BODIES:
        short, state = _read(_short_or_streamed, messages)
        streamed, streamed_state = _read(_streamed, messages)
        assert state == streamed_state  # consumed, nothing kept, a disconnect noted
        assert short == streamed if isinstance(short, bytes) else short is streamed


def test_a_long_body_is_streamed_from_its_start() -> None:
    messages = [
        {"type": "http.request", "body": b"ab", "more_body": True},
        {"type": "http.request", "body": b"cd", "more_body": True},
        {"type": "http.request", "body": b"ef", "more_body": False},
    ]
    assert _read(_short_or_streamed, messages) == (("streamed", b"abcdef"), _read(_streamed, messages)[1])


def test_an_announced_long_body_is_not_read_ahead() -> None:
    request = Request(
        {"type": "http", "headers": [(b"content-length", b"6")]},
        _receiving([{"type": "http.request", "body": b"abcdef", "more_body": False}]),
    )
    got = asyncio.run(adapter.read_short_stream(request, 3))
    assert not isinstance(got, bytes) and not request._stream_consumed


def test_a_request_that_reads_itself_is_streamed_by_itself() -> None:
    class Upper(Request):
        async def stream(self):  # type: ignore[override]
            async for chunk in super().stream():
                yield chunk.upper()

    assert _read(_short_or_streamed, BODIES[0], Upper)[0] == ("streamed", b"WHOLE")
