"""fastapi._core.execute.handler (and solve): one route's request in, its response out.

Built from an analysed endpoint as the route builds it, run on in-memory requests.
"""

# No "from __future__ import annotations": endpoints depend on functions local to the tests.
import threading
from typing import Annotated, Any

import anyio
import pytest
from pydantic import BaseModel
from starlette.background import BackgroundTasks
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from fastapi import Body, Depends, Header, Query
from fastapi._core import params
from fastapi._core.analyse.dependant import (
    build_dependant,
    flat_dependant,
    should_embed_body_fields,
)
from fastapi._core.analyse.field import create_model_field
from fastapi._core.compile.body_field import body_field_of
from fastapi._core.errors import FastAPIError, RequestValidationError, ResponseValidationError
from fastapi._core.execute.handler import build_request_handler
from fastapi._core.execute.task_port import STARLETTE_TASKS
from fastapi._core.serialize.dump_options import DumpOptions
from tests.core.requests import make_request


class Item(BaseModel):
    name: str
    price: float = 1.0
    note: str | None = None


def handler_for(endpoint: Any, path: str = "/", **options: Any) -> Any:
    dependant = build_dependant(path=path, call=endpoint)
    flat = flat_dependant(dependant)
    embed = should_embed_body_fields(flat.body_params)
    return build_request_handler(
        dependant=dependant,
        body_field=body_field_of(flat.body_params, name="op", embed=embed),
        embed_body_fields=embed,
        tasks=options.pop("tasks", STARLETTE_TASKS),
        **options,
    )


def run(handler: Any, request: Request) -> Response:
    return anyio.run(handler, request)


def json_request(body: bytes, **options: Any) -> Request:
    return make_request(body, headers={"content-type": "application/json"}, **options)


def test_parameters_are_read_validated_and_the_result_rendered_as_json() -> None:
    async def endpoint(
        item: Item, q: Annotated[int, Query()] = 0, x_id: Annotated[str, Header()] = "-"
    ) -> Any:
        return {"item": item, "q": q, "id": x_id}

    request = make_request(
        b'{"name": "a"}', query=b"q=3", headers={"content-type": "application/json", "x-id": "7"}
    )
    response = run(handler_for(endpoint), request)
    assert isinstance(response, JSONResponse) and response.status_code == 200
    assert response.body == b'{"item":{"name":"a","price":1.0,"note":null},"q":3,"id":"7"}'


def test_every_invalid_parameter_is_reported_at_once_with_the_body() -> None:
    async def endpoint(item: Item, q: Annotated[int, Query()]) -> None: ...

    with pytest.raises(RequestValidationError) as raised:
        run(handler_for(endpoint), json_request(b'{"price": "x"}', query=b"q=no"))
    locations = [error["loc"] for error in raised.value.errors()]
    assert locations == [("query", "q"), ("body", "name"), ("body", "price")]
    assert raised.value.body == {"price": "x"}


def test_sync_endpoints_and_dependencies_run_in_worker_threads() -> None:
    threads: list[str] = []

    def dependency() -> int:
        threads.append(threading.current_thread().name)
        return 2

    def endpoint(n: Annotated[int, Depends(dependency)]) -> int:
        threads.append(threading.current_thread().name)
        return n * 2

    response = run(handler_for(endpoint), make_request(method="GET"))
    assert response.body == b"4"
    assert threading.main_thread().name not in threads and len(threads) == 2


def test_dependencies_are_cached_per_request_unless_told_not_to() -> None:
    calls: list[str] = []

    async def counted() -> int:
        calls.append("x")
        return len(calls)

    async def endpoint(
        a: Annotated[int, Depends(counted)],
        b: Annotated[int, Depends(counted)],
        c: Annotated[int, Depends(counted, use_cache=False)],
    ) -> list[int]:
        return [a, b, c]

    handler = handler_for(endpoint)
    assert run(handler, make_request(method="GET")).body == b"[1,1,2]"
    assert run(handler, make_request(method="GET")).body == b"[3,3,4]"  # a new request, anew


def test_yield_dependencies_exit_after_the_endpoint_and_see_its_error() -> None:
    events: list[str] = []

    async def session() -> Any:
        events.append("open")
        try:
            yield "db"
        except LookupError:
            events.append("saw the error")
            raise
        finally:
            events.append("close")

    async def ok(db: Annotated[str, Depends(session)]) -> str:
        events.append("endpoint")
        return db

    async def failing(db: Annotated[str, Depends(session)]) -> str:
        raise LookupError("endpoint failed")

    assert run(handler_for(ok), make_request(method="GET")).body == b'"db"'
    assert events == ["open", "endpoint", "close"]
    events.clear()
    with pytest.raises(LookupError):
        run(handler_for(failing), make_request(method="GET"))
    assert events == ["open", "saw the error", "close"]


def test_a_returned_response_is_sent_as_it_is_with_the_request_s_tasks() -> None:
    async def endpoint(tasks: BackgroundTasks) -> Response:
        tasks.add_task(print, "after")
        return PlainTextResponse("as is", status_code=201)

    response = run(handler_for(endpoint), make_request(method="GET"))
    assert (response.status_code, response.body) == (201, b"as is")
    assert isinstance(response.background, BackgroundTasks) and len(response.background.tasks) == 1


def test_the_injected_response_sets_status_and_headers() -> None:
    async def endpoint(response: Response) -> dict[str, int]:
        response.status_code = 202
        response.headers["x-extra"] = "1"
        response.set_cookie("k", "v")
        return {"ok": 1}

    response = run(handler_for(endpoint, status_code=200), make_request(method="GET"))
    assert response.status_code == 202 and response.headers["x-extra"] == "1"
    assert "k=v" in response.headers["set-cookie"]


def test_statuses_without_a_body_send_none() -> None:
    async def endpoint() -> dict[str, int]:
        return {"ignored": 1}

    response = run(handler_for(endpoint, status_code=204), make_request(method="DELETE"))
    assert (response.status_code, response.body) == (204, b"")


def test_a_response_model_validates_and_filters_the_result() -> None:
    async def endpoint() -> Any:
        return {"name": "a", "price": 2, "secret": "x"}

    async def wrong() -> Any:
        return {"price": "x"}

    field = create_model_field(params.Body(annotation=Item), "Response_op", mode="serialization")
    options = {"response_field": field, "dump": DumpOptions(exclude_none=True)}
    response = run(handler_for(endpoint, **options), make_request(method="GET"))
    assert response.body == b'{"name":"a","price":2.0}'
    with pytest.raises(ResponseValidationError):
        run(handler_for(wrong, **options), make_request(method="GET"))


def test_the_task_port_gets_the_response_once_when_it_has_tasks() -> None:
    handed: list[Response] = []

    class Port:
        def collector(self, connection: Any) -> BackgroundTasks:
            return BackgroundTasks()

        async def hand_over(self, connection: Any, response: Response) -> None:
            handed.append(response)

    async def with_tasks(tasks: BackgroundTasks) -> int:
        tasks.add_task(print, "x")
        return 1

    async def without() -> int:
        return 1

    response = run(handler_for(with_tasks, tasks=Port()), make_request(method="GET"))
    run(handler_for(without, tasks=Port()), make_request(method="GET"))
    assert handed == [response]


def test_a_dependency_swallowing_the_error_leaves_no_response() -> None:
    async def swallowing() -> Any:
        try:
            yield
        except Exception:
            pass  # the endpoint's error is lost: FastAPI's message says what to do

    async def endpoint(_: Annotated[None, Depends(swallowing)]) -> int:
        raise LookupError("lost")

    with pytest.raises(FastAPIError, match="No response object was returned"):
        run(handler_for(endpoint), make_request(method="GET"))


def test_an_embedded_body_and_a_form() -> None:
    async def embedded(item: Annotated[Item, Body(embed=True)]) -> str:
        return item.name

    async def form(name: Annotated[str, params.Form()]) -> str:
        return name

    assert run(handler_for(embedded), json_request(b'{"item": {"name": "e"}}')).body == b'"e"'
    form_request = make_request(
        b"name=f", headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert run(handler_for(form), form_request).body == b'"f"'
