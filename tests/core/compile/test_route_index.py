"""fastapi._core.compile.route_index: the indexed router answers exactly as Starlette's linear scan."""

from __future__ import annotations

import gc
import re
import weakref

import anyio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.responses import PlainTextResponse
from starlette.routing import BaseRoute, Host, Mount, Route, Router, WebSocketRoute

from fastapi import FastAPI
from fastapi._core.compile.route_index import RouteIndex
from fastapi.routing import APIRouter

LITERALS = ["a", "b", "users", "me", "items", "A"]
PARAMS = ["{x}", "{n:int}", "{p:path}", "pre{x}", "{f:float}"]


def endpoint_for(label: str):
    async def endpoint(request):
        return PlainTextResponse(f"{label} {sorted(request.path_params.items())}")

    return endpoint


segment = st.one_of(st.sampled_from(LITERALS), st.sampled_from(PARAMS))


def _unique_params(parts: list[str]) -> str:
    # Parameter names must not repeat within a path: suffix each with its position.
    named = [part.replace("{x", f"{{x{i}").replace("{n", f"{{n{i}").replace("{p", f"{{p{i}").replace("{f", f"{{f{i}") for i, part in enumerate(parts)]
    return "/" + "/".join(named)


route_path = st.lists(segment, min_size=0, max_size=3).map(_unique_params)
methods = st.sampled_from([["GET"], ["POST"], ["GET", "POST"], ["PUT"]])


@st.composite
def routes(draw: st.DrawFn, depth: int = 0) -> list[BaseRoute]:
    result: list[BaseRoute] = []
    for index in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["route", "route", "route", "mount", "host", "ws"] if depth == 0 else ["route"]))
        label = f"{depth}.{index}"
        if kind == "route":
            result.append(Route(draw(route_path), endpoint_for(label), methods=draw(methods)))
        elif kind == "ws":
            result.append(WebSocketRoute(draw(route_path), endpoint_for(label)))
        elif kind == "mount":
            prefix = draw(st.sampled_from(["", "/a", "/users", "/{m}"]))
            result.append(Mount(prefix, routes=draw(routes(depth=1))))
        else:
            result.append(Host(draw(st.sampled_from(["{sub}.example.com", "api.example.com"])), app=Router(draw(routes(depth=1)))))
    return result


request_path = st.tuples(
    st.lists(st.sampled_from([*LITERALS, "1", "2.5", "-3", "prex", ""]), min_size=0, max_size=4),
    st.sampled_from(["", "", "", "\n"]),  # a regex's $ also matches before a final line break
).map(lambda drawn: "/" + "/".join(drawn[0]) + drawn[1])


async def call(app, path: str, method: str, host: str, root_path: str):
    scope = {
        "type": "http",
        "method": method,
        "path": root_path + path,
        "root_path": root_path,
        "raw_path": (root_path + path).encode(),
        "query_string": b"",
        "headers": [(b"host", host.encode())],
        "scheme": "http",
        "server": ("testserver", 80),
    }
    messages = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    await app(scope, receive, send)
    start = messages[0]
    body = b"".join(m.get("body", b"") for m in messages[1:])
    return start["status"], sorted(start["headers"]), body


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    route_list=routes(),
    path=request_path,
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    host=st.sampled_from(["testserver", "api.example.com", "x.example.com"]),
    root_path=st.sampled_from(["", "", "/root"]),
    redirect_slashes=st.booleans(),
)
def test_indexed_routing_matches_a_linear_scan(route_list, path, method, host, root_path, redirect_slashes) -> None:
    linear = Router(routes=route_list, redirect_slashes=redirect_slashes)
    indexed = APIRouter(routes=route_list, redirect_slashes=redirect_slashes)

    async def both():
        return (
            await call(linear, path, method, host, root_path),
            await call(indexed, path, method, host, root_path),
        )

    expected, actual = anyio.run(both)
    assert actual == expected


def test_the_index_follows_changes_to_the_routes() -> None:
    app = FastAPI()

    @app.get("/late")
    def late():
        return "first"

    from fastapi.testclient import TestClient

    client = TestClient(app)
    assert client.get("/late").json() == "first"
    app.router.routes.insert(0, Route("/late", endpoint_for("inserted")))
    assert client.get("/late").text.startswith("inserted")
    app.router.routes = [Route("/late", endpoint_for("replaced"))]
    assert client.get("/late").text.startswith("replaced")

    @app.get("/later/{n}")  # appended after requests were served
    def later(n: int):
        return n

    assert client.get("/later/3").json() == 3
    del app.router.routes[-1]
    assert client.get("/later/3").status_code == 404
    app.router.routes += [Route("/later/{n}", endpoint_for("added"))]
    assert client.get("/later/3").text.startswith("added")


def test_candidates_share_the_literal_prefix() -> None:
    route_list = [Route(f"/r{n}/{{x}}", endpoint_for(str(n))) for n in range(300)]
    route_list.append(Route("/{anything}", endpoint_for("open")))
    index = RouteIndex(route_list)
    assert [r.path for r in index.candidates("/r299/7")] == ["/r299/{x}", "/{anything}"]
    assert [r.path for r in index.candidates("/nothing")] == ["/{anything}"]


def test_a_path_with_a_final_line_break_finds_the_routes_of_the_path_without_it() -> None:
    # Starlette's regexes end in ``$``, which also matches before a final "\n".
    route_list = [Route("/hello", endpoint_for("hello")), Route("/{x}/y", endpoint_for("open"))]
    index = RouteIndex(route_list)
    assert [r.path for r in index.candidates("/hello\n")] == ["/hello", "/{x}/y"]
    assert [r.path for r in index.candidates("/hello")] == ["/hello", "/{x}/y"]


def test_whole_paths_are_remembered_once_per_node_at_most() -> None:
    route_list = [Route(f"/a/b{n}", endpoint_for(str(n))) for n in range(5)]
    route_list.append(Route("/a/{x}/c", endpoint_for("c")))
    index = RouteIndex(route_list)
    for n in range(500):  # paths the tree does not hold are not remembered
        assert [r.path for r in index.candidates(f"/a/{n}/c")] == ["/a/{x}/c"]
    for _ in range(3):
        assert [r.path for r in index.candidates("/a/b3")] == ["/a/b3", "/a/{x}/c"]
    assert sorted(index._exact) == ["/a/b3"]


def test_routes_under_one_common_prefix_are_told_apart_deeper() -> None:
    # Real apps often put every route under /api/v1: the index keeps going past it.
    route_list = [Route("/api/{version}/health", endpoint_for("any version"))]
    route_list += [Route(f"/api/v1/r{n}/{{x}}", endpoint_for(str(n))) for n in range(3000)]
    route_list += [Mount("/api/v1/r7", routes=[]), Route("/api/v1", endpoint_for("root"))]
    index = RouteIndex(route_list)
    # "/api/v1" matches only itself: a candidate where a path ends there, not past it.
    assert [r.path for r in index.candidates("/api/v1/r2999/5")] == [
        "/api/{version}/health",
        "/api/v1/r2999/{x}",
    ]
    assert [r.path for r in index.candidates("/api/v1/r7/5")] == [
        "/api/{version}/health",
        "/api/v1/r7/{x}",
        "/api/v1/r7",
    ]
    assert [r.path for r in index.candidates("/api/v1")] == ["/api/{version}/health", "/api/v1"]
    assert [r.path for r in index.candidates("/api/v2/health")] == ["/api/{version}/health"]
    assert index.candidates("/elsewhere") == []
    index.add([Route("/api/v1/r2999/{x}/more", endpoint_for("late"))])
    assert [r.path for r in index.candidates("/api/v1/r2999/5")][-1] == "/api/v1/r2999/{x}/more"


def test_routes_match_by_their_regex_even_after_their_path_changes() -> None:
    # A start-up idiom: give every route a version prefix by recompiling its regex. Routing
    # follows the regex, as in FastAPI; a changed ``path`` alone moves nothing.
    from starlette.routing import compile_path
    from starlette.testclient import TestClient

    app = FastAPI()

    @app.get("/items/{x}")
    def items(x: str) -> str:
        return x

    @app.get("/users/{x}")
    def users(x: str) -> str:
        return x

    app.add_route("/plain", endpoint_for("plain"))
    client = TestClient(app)
    assert client.get("/items/1").json() == "1"  # the index is built and used
    by_path = {route.path: route for route in app.routes}
    moved = by_path["/items/{x}"]
    moved.path = "/v1" + moved.path
    moved.path_regex, moved.path_format, moved.param_convertors = compile_path(moved.path)
    by_path["/users/{x}"].path = "/people/{x}"
    by_path["/plain"].path = "/elsewhere"

    assert client.get("/v1/items/1").json() == "1"
    assert client.get("/items/1").status_code == 404
    assert client.get("/users/2").json() == "2"
    assert client.get("/people/2").status_code == 404
    assert client.get("/plain").text.startswith("plain")


def test_literal_prefixes_are_read_from_the_regex() -> None:
    import re

    from fastapi._core.compile.route_index import literal_prefix

    def prefix(pattern: str, flags: int = 0) -> list[str]:
        route = Route("/x", endpoint_for("x"))
        route.path_regex = re.compile(pattern, flags)
        return literal_prefix(route)

    assert prefix("^/api/v1/items/(?P<x>[^/]+)$") == ["api", "v1", "items"]
    assert prefix("^/api/v1$") == ["api", "v1"]
    assert prefix("^/api/v1/?$") == ["api"]  # the quantified character may be missing
    assert prefix("^/a\\-b/c\\.d/(?P<p>.*)$") == ["a-b", "c.d"]
    assert prefix("^/api\\d+/x$") == []
    assert prefix("^/api/x$|^/other$") == []
    assert prefix("^/api/x$", re.IGNORECASE) == []
    assert prefix("/api/x") == []
    assert literal_prefix(Mount("", routes=[])) == []
    assert literal_prefix(Mount("/static", routes=[])) == ["static"]


def _app_with_items() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{x}")
    def items(x: str) -> str:
        return x

    return app


def test_a_route_moved_in_one_app_leaves_other_apps_indexes_alone() -> None:
    from fastapi.testclient import TestClient

    moving, still = _app_with_items(), _app_with_items()
    assert TestClient(moving).get("/items/1").json() == "1"
    assert TestClient(still).get("/items/1").json() == "1"
    moving_index, still_index = moving.router.route_index(), still.router.route_index()

    moving.routes[-1].path_regex = re.compile("^/v2/items/(?P<x>[^/]+)$")  # type: ignore[attr-defined]

    assert still.router.route_index() is still_index
    assert moving.router.route_index() is not moving_index
    assert TestClient(moving).get("/v2/items/3").json() == "3"
    assert TestClient(moving).get("/items/3").status_code == 404


def test_an_index_is_held_only_by_its_router_and_its_routes() -> None:
    app = _app_with_items()
    index = weakref.ref(app.router.route_index())
    route = app.routes[-1]
    app.router.routes = list(app.routes)  # a new list: a new index on next use
    gc.collect()
    assert index() is None  # nothing process-wide kept it
    route.path_regex = re.compile("^/elsewhere$")  # type: ignore[attr-defined]  # nothing to mark
    assert app.router.route_index().candidates("/elsewhere") == [route]


def test_a_route_held_by_two_indexes_is_moved_in_both() -> None:
    from fastapi import APIRouter

    app = _app_with_items()
    route = app.routes[-1]
    other = APIRouter(routes=[route])  # the same route object in a second router's list
    first, second = app.router.route_index(), other.route_index()
    assert route.__dict__["_fastapi_route_indexes"] == [first.reference, second.reference]
    route.path_regex = re.compile("^/moved/(?P<x>[^/]+)$")  # type: ignore[attr-defined]
    assert (first.stale, second.stale) == (True, True)
    assert app.router.route_index() is not first and other.route_index() is not second
    assert other.route_index().candidates("/moved/1") == [route]
