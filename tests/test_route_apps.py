"""The ASGI app of a route (fastapi._route_apps): one frame, the same answers.

An endpoint that takes nothing from the request is served by its handler's own ASGI app
(no ``Request`` built unless something needs one), as is one taking only ``BackgroundTasks``
or ``Response``; a route class that wraps the handler
keeps its wrapper; literal paths match without their regex, exactly where the regex would.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route, Router
from starlette.testclient import TestClient

from fastapi import BackgroundTasks, FastAPI, HTTPException
from fastapi._core.execute.handler import DIRECT_APP
from fastapi.routing import APIRoute, request_response


class Broken(Exception):
    pass


def app_answering_broken(route_class: type[APIRoute]) -> tuple[FastAPI, list[str]]:
    """An app of ``route_class`` routes whose handler answers ``Broken``, and a list its
    endpoints note what ran in."""
    app = FastAPI()
    app.router.route_class = route_class

    @app.exception_handler(Broken)
    async def broken(request: Request, exc: Broken) -> PlainTextResponse:
        return PlainTextResponse(f"broken at {request.url.path}", status_code=500)

    return app, []


def make_app(route_class: type[APIRoute] = APIRoute) -> tuple[FastAPI, list[str]]:
    app, ran = app_answering_broken(route_class)

    @app.get("/hello")
    async def hello() -> dict[str, str]:
        return {"message": "Hello World"}

    @app.get("/sync")
    def sync() -> dict[str, str]:
        return {"message": "sync"}

    @app.get("/teapot")
    async def teapot() -> None:
        raise HTTPException(status_code=418, detail="short and stout", headers={"x-pot": "1"})

    @app.get("/broken")
    async def fail() -> None:
        raise Broken

    @app.get("/tasks")
    async def with_tasks() -> Response:
        return JSONResponse({"queued": True}, background=BackgroundTask(ran.append, "task"))

    @app.get("/empty", status_code=204)
    async def empty() -> None:
        return None

    return app, ran


def test_an_endpoint_without_parameters_is_served_by_its_handler_s_own_app() -> None:
    app, _ = make_app()
    route = next(route for route in app.routes if getattr(route, "path", "") == "/hello")
    assert isinstance(route, APIRoute)
    TestClient(app).get("/hello")  # a route's handler may be built on its first request
    direct = getattr(route.get_route_handler(), DIRECT_APP)
    assert route.app.__qualname__ == direct.__qualname__ == "_unsolved_app.<locals>.app"
    with_query = next(route for route in make_app()[0].routes if getattr(route, "path", "") == "/docs")
    assert getattr(with_query, "app", None) is not None


def test_answers_of_endpoints_without_parameters() -> None:
    app, ran = make_app()
    client = TestClient(app)
    hello = client.get("/hello")
    assert (hello.status_code, hello.content) == (200, b'{"message":"Hello World"}')
    assert hello.headers["content-length"] == "25"
    assert client.get("/sync").json() == {"message": "sync"}
    teapot = client.get("/teapot")
    assert (teapot.status_code, teapot.json(), teapot.headers["x-pot"]) == (
        418,
        {"detail": "short and stout"},
        "1",
    )
    broken = client.get("/broken")
    assert (broken.status_code, broken.text) == (500, "broken at /broken")
    tasks = client.get("/tasks")
    assert tasks.json() == {"queued": True} and ran == ["task"]
    empty = client.get("/empty")
    assert (empty.status_code, empty.content) == (204, b"")


def test_a_route_class_that_wraps_the_handler_keeps_its_wrapper() -> None:
    seen: list[str] = []

    class Timed(APIRoute):
        def get_route_handler(self) -> Any:
            original = super().get_route_handler()

            async def timed(request: Request) -> Response:
                seen.append(request.url.path)
                response: Response = await original(request)
                response.headers["x-timed"] = "yes"
                return response

            return timed

    app, _ = make_app(Timed)
    response = TestClient(app).get("/hello")
    assert (response.json(), response.headers["x-timed"], seen) == (
        {"message": "Hello World"},
        "yes",
        ["/hello"],
    )


def test_request_response_keeps_starlette_s_contract() -> None:
    async def endpoint(request: Request) -> Response:
        if request.query_params.get("fail"):
            raise HTTPException(status_code=409, detail="conflict")
        return PlainTextResponse(request.url.path)

    def sync_endpoint(request: Request) -> Response:
        return PlainTextResponse("sync " + request.url.path)

    class Served:  # an ASGI app that is not a function: Starlette's Route serves it as is
        def __init__(self, app: Any) -> None:
            self.app = app

        async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
            await self.app(scope, receive, send)

    app = FastAPI()
    app.router.routes.append(Route("/plain", Served(request_response(endpoint))))
    app.router.routes.append(Route("/plain-sync", Served(request_response(sync_endpoint))))
    client = TestClient(app)
    assert client.get("/plain").text == "/plain"
    assert client.get("/plain-sync").text == "sync /plain-sync"
    conflict = client.get("/plain?fail=1")
    assert (conflict.status_code, conflict.json()) == (409, {"detail": "conflict"})


@pytest.mark.parametrize("path", ["/hello", "/hello/", "/hello%0A", "/hellox", "/HELLO", "/users/me"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_literal_paths_match_where_their_regex_would(path: str, method: str) -> None:
    async def endpoint(request: Request) -> Response:
        return PlainTextResponse(request.url.path)

    starlette = Router(routes=[Route("/hello", endpoint), Route("/users/me", endpoint)])
    app = FastAPI()
    app.add_api_route("/hello", endpoint)
    app.add_api_route("/users/me", endpoint)
    expected = TestClient(starlette, follow_redirects=False).request(method, path)
    actual = TestClient(app, follow_redirects=False).request(method, path)
    assert actual.status_code == expected.status_code
    if expected.status_code == 200:
        assert actual.text == expected.text


def injected_only_app(route_class: type[APIRoute] = APIRoute) -> tuple[FastAPI, list[str]]:
    app, ran = app_answering_broken(route_class)

    @app.post("/tasks")
    async def tasks(background_tasks: BackgroundTasks) -> dict[str, bool]:
        background_tasks.add_task(ran.append, "first")
        background_tasks.add_task(ran.append, "second")
        return {"queued": True}

    @app.post("/sync-tasks", status_code=202)
    def sync_tasks(background_tasks: BackgroundTasks, response: Response) -> dict[str, str]:
        response.headers["x-queued"] = "1"
        handle = background_tasks.add_task(ran.append, "sync")
        return {"id": handle.id}

    @app.get("/status")
    async def status(response: Response) -> dict[str, str]:
        response.status_code = 201
        response.set_cookie("seen", "yes")
        return {"status": "made"}

    @app.get("/own-response")
    async def own_response(background_tasks: BackgroundTasks) -> Response:
        background_tasks.add_task(ran.append, "own")
        return PlainTextResponse("own")

    @app.get("/broken")
    async def fail(background_tasks: BackgroundTasks) -> None:
        background_tasks.add_task(ran.append, "never")
        raise Broken

    @app.get("/teapot")
    async def teapot(response: Response) -> None:
        raise HTTPException(status_code=418, detail="short and stout")

    return app, ran


def test_an_endpoint_taking_only_tasks_or_response_is_served_by_its_own_app() -> None:
    app, _ = injected_only_app()
    client = TestClient(app)
    for path in ("/tasks", "/sync-tasks", "/status"):
        route = next(route for route in app.routes if getattr(route, "path", "") == path)
        assert isinstance(route, APIRoute)
        client.request(next(iter(route.methods)), path)  # a handler may be built on first use
        direct = getattr(route.get_route_handler(), DIRECT_APP)
        assert route.app.__qualname__ == direct.__qualname__ == "_injecting_app.<locals>.app"


@pytest.mark.parametrize("wrapped", [False, True], ids=["own app", "route class wrapper"])
def test_answers_of_endpoints_taking_only_tasks_or_response(wrapped: bool) -> None:
    class Wrapping(APIRoute):  # serves the handler through request_response, not its own app
        def get_route_handler(self) -> Any:
            original = super().get_route_handler()

            async def handler(request: Request) -> Response:
                return await original(request)  # type: ignore[no-any-return]

            return handler

    app, ran = injected_only_app(Wrapping if wrapped else APIRoute)
    client = TestClient(app, raise_server_exceptions=False)
    tasks = client.post("/tasks")
    assert (tasks.status_code, tasks.content, ran) == (200, b'{"queued":true}', ["first", "second"])
    queued = client.post("/sync-tasks")
    assert (queued.status_code, queued.headers["x-queued"], ran[-1]) == (202, "1", "sync")
    status = app.tasks.get(queued.json()["id"])
    assert status is not None and status.state == "succeeded"
    made = client.get("/status")
    assert (made.status_code, made.json(), made.cookies.get("seen")) == (201, {"status": "made"}, "yes")
    own = client.get("/own-response")
    assert (own.text, ran[-1]) == ("own", "own")
    broken = client.get("/broken")
    assert (broken.status_code, broken.text, "never" in ran) == (500, "broken at /broken", False)
    teapot = client.get("/teapot")
    assert (teapot.status_code, teapot.json()) == (418, {"detail": "short and stout"})
