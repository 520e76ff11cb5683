"""``include_router`` (fastapi/_inclusion.py): each kind of route is declared again under the
prefix, inside the inclusion's level; kinds FastAPI 0.116.1 does not carry over are left out;
the prefix and empty-path checks raise what FastAPI raises (observed on it as a black box)."""

import pytest
from starlette.responses import PlainTextResponse
from starlette.routing import Host, Mount, Route, WebSocketRoute

from fastapi import APIRouter, Depends, FastAPI, WebSocket
from fastapi._inclusion import include_route
from fastapi.exceptions import FastAPIError
from fastapi.routing import APIRoute, APIWebSocketRoute
from fastapi.testclient import TestClient


def _plain(request):
    return PlainTextResponse("plain")


async def _plain_ws(websocket):
    await websocket.accept()
    await websocket.send_text("plain ws")
    await websocket.close()


def _router_of_every_kind() -> APIRouter:
    router = APIRouter()

    @router.get("/api")
    def api() -> str:
        return "api"

    @router.websocket("/api-ws")
    async def api_ws(websocket: WebSocket, value: str = Depends(lambda: "dependency")) -> None:
        await websocket.accept()
        await websocket.send_text(value)
        await websocket.close()

    router.routes.append(Route("/plain", _plain))
    router.routes.append(WebSocketRoute("/plain-ws", _plain_ws))
    router.routes.append(Mount("/mounted", routes=[Route("/", _plain)]))
    router.routes.append(Host("example.com", app=_plain))
    return router


def test_each_kind_is_declared_again_under_the_prefix() -> None:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.include_router(_router_of_every_kind(), prefix="/p")
    kinds = [(type(route), getattr(route, "path", None)) for route in app.routes]
    assert kinds == [
        (APIRoute, "/p/api"),
        (APIWebSocketRoute, "/p/api-ws"),
        (Route, "/p/plain"),
        (WebSocketRoute, "/p/plain-ws"),
        (Mount, "/p/mounted"),
    ]  # the Host route is left out, as FastAPI 0.116.1 leaves it
    client = TestClient(app)
    assert client.get("/p/api").json() == "api"
    assert client.get("/p/plain").text == "plain"
    assert client.get("/p/mounted/").text == "plain"
    with client.websocket_connect("/p/api-ws") as websocket:
        assert websocket.receive_text() == "dependency"
    with client.websocket_connect("/p/plain-ws") as websocket:
        assert websocket.receive_text() == "plain ws"


def test_the_dispatch_picks_the_most_specific_kind() -> None:
    assert include_route.dispatch(APIRoute) is not include_route.dispatch(Route)
    assert include_route.dispatch(APIWebSocketRoute) is not include_route.dispatch(WebSocketRoute)

    class MyRoute(APIRoute):
        pass

    assert include_route.dispatch(MyRoute) is include_route.dispatch(APIRoute)
    assert include_route.dispatch(Host) is include_route.dispatch(object)


def test_inclusion_dependencies_come_before_the_websocket_routes_own() -> None:
    seen: list[str] = []
    router = APIRouter()

    @router.websocket("/ws", dependencies=[Depends(lambda: seen.append("route"))])
    async def ws(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.close()

    app = FastAPI()
    app.include_router(router, dependencies=[Depends(lambda: seen.append("inclusion"))])
    with TestClient(app).websocket_connect("/ws"):
        pass
    assert seen == ["inclusion", "route"]


def test_event_handlers_and_lifespan_are_carried_over() -> None:
    """Twice, as in FastAPI 0.116.1: copied as handlers, and run by the merged lifespan."""
    seen: list[str] = []
    router = APIRouter(on_startup=[lambda: seen.append("start")])
    router.add_event_handler("shutdown", lambda: seen.append("stop"))
    app = FastAPI()
    app.include_router(router)
    with TestClient(app):
        assert seen == ["start", "start"]
    assert seen == ["start", "start", "stop", "stop"]


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("p", "A path prefix must start with '/'"),
        ("/p/", "A path prefix must not end with '/', as the routes will start with '/'"),
    ],
)
def test_prefix_errors_are_fastapis_with_a_fix(prefix: str, message: str) -> None:
    with pytest.raises(AssertionError) as raised:
        FastAPI().include_router(APIRouter(), prefix=prefix)
    assert str(raised.value) == message
    assert any(note.startswith("fix: ") for note in getattr(raised.value, "__notes__", []))


def test_empty_prefix_and_empty_path_is_fastapis_error() -> None:
    router = APIRouter()
    router.get("")(lambda: None)
    with pytest.raises(FastAPIError, match=r"^Prefix and path cannot be both empty \(path"):
        FastAPI().include_router(router)
    FastAPI().include_router(router, prefix="/ok")
    pathless = APIRouter()
    pathless.routes.append(Host("example.com", app=_plain))
    with pytest.raises(AttributeError, match="'Host' object has no attribute 'path'"):
        FastAPI().include_router(pathless)  # as FastAPI: only a prefix lets such a router in


@pytest.mark.parametrize("owner", [FastAPI, APIRouter])
def test_include_router_takes_the_include_options_only(owner: type) -> None:
    with pytest.raises(TypeError, match=rf"^{owner.__name__}\.include_router\(\) got an unexp"):
        owner().include_router(APIRouter(), tag=["singular"])
    with pytest.raises(TypeError, match="positional argument"):
        owner().include_router(APIRouter(), "/prefix")  # keyword-only, as FastAPI's
