"""The decorator forms of FastAPI and APIRouter (fastapi/_decorators.py): one ``registering``
for every ``@x.something(...)``, one ``HTTPVerb`` per HTTP method, shared by both classes and
seen by type checkers with FastAPI's keywords. The delegation order (``app.get`` ->
``router.get`` -> ``router.api_route`` -> ``router.add_api_route``; ``app.api_route`` ->
``router.add_api_route``) is FastAPI 0.116.1's, observed on it as a black box."""

import functools
import inspect
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fastapi import APIRouter, FastAPI, WebSocket
from fastapi._decorators import HTTPVerb, registering
from fastapi.testclient import TestClient

VERBS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ROOT = Path(__file__).resolve().parents[1]


def test_registering_hands_over_the_function_and_returns_it_unchanged() -> None:
    registered = []

    def endpoint() -> None: ...

    assert registering(registered.append)(endpoint) is endpoint
    assert registered == [endpoint]


@pytest.mark.parametrize("owner", [FastAPI, APIRouter])
@pytest.mark.parametrize("verb", VERBS)
def test_each_verb_declares_a_route_for_its_method(owner: type, verb: str) -> None:
    declarer = owner()

    def endpoint() -> dict[str, str]:
        return {"verb": verb}

    assert getattr(declarer, verb)("/x", status_code=201)(endpoint) is endpoint
    routes = declarer.routes if owner is APIRouter else declarer.router.routes
    route = routes[-1]
    assert route.methods == {verb.upper()}
    assert route.status_code == 201
    assert route.endpoint is endpoint


def test_verbs_are_methods_named_after_their_class() -> None:
    app, router = FastAPI(), APIRouter()
    assert FastAPI.get is not APIRouter.get
    assert isinstance(FastAPI.post, HTTPVerb)
    assert FastAPI.get.__qualname__ == "FastAPI.get"
    assert APIRouter.patch.__qualname__ == "APIRouter.patch"
    assert app.get.__self__ is app and router.delete.__self__ is router
    assert list(inspect.signature(app.get).parameters)[:2] == ["path", "response_model"]
    assert list(inspect.signature(FastAPI.get).parameters)[:2] == ["self", "path"]
    FastAPI.get(app, "/called-on-the-class")(lambda: None)  # as a plain function allows
    assert app.router.routes[-1].path == "/called-on-the-class"


def test_a_subclass_keeps_the_public_name_in_errors() -> None:
    class MyRouter(APIRouter):
        pass

    with pytest.raises(TypeError, match=r"^APIRouter\.put\(\) got an unexpected keyword"):
        MyRouter().put("/", colour="red")


def test_delegation_follows_fastapi() -> None:
    calls: list[str] = []

    class Router(APIRouter):
        def get(self, path, **options):  # type: ignore[override]
            calls.append("router.get")
            return super().get(path, **options)

        def api_route(self, path, **options):
            calls.append("router.api_route")
            return super().api_route(path, **options)

        def add_api_route(self, path, endpoint, **options):
            calls.append("router.add_api_route")
            return super().add_api_route(path, endpoint, **options)

    class App(FastAPI):
        def api_route(self, path, **options):
            calls.append("app.api_route")
            return super().api_route(path, **options)

    app = App()
    app.router = Router(dependency_overrides_provider=app)
    app.get("/a")(lambda: "a")
    assert calls == ["router.get", "router.api_route", "router.add_api_route"]
    calls.clear()
    app.post("/b")(lambda: "b")
    assert calls == ["router.api_route", "router.add_api_route"]
    calls.clear()
    app.api_route("/c", methods=["PUT"])(lambda: "c")
    assert calls == ["app.api_route", "router.add_api_route"]
    client = TestClient(app)
    assert client.get("/a").json() == "a"
    assert client.put("/c").json() == "c"


def test_the_other_decorators_register_through_their_add_method() -> None:
    app = FastAPI()

    @app.exception_handler(ValueError)
    async def value_error(request, error): ...

    @app.middleware("http")
    async def passing(request, call_next):
        return await call_next(request)

    with pytest.warns(DeprecationWarning):

        @app.on_event("startup")
        def started() -> None: ...

    @app.websocket("/ws")
    async def ws(websocket: WebSocket) -> None: ...

    assert app.exception_handlers[ValueError] is value_error
    assert app.user_middleware[0].kwargs == {"dispatch": passing}
    assert app.router.on_startup == [started]
    assert app.router.routes[-1].path == "/ws"


def test_type_checkers_see_the_route_options(tmp_path: Path) -> None:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        textwrap.dedent(
            """\
            from fastapi import APIRouter, FastAPI

            app = FastAPI()
            router = APIRouter()


            @app.get("/a", status_code=201, tags=["a"], response_model=None)
            def a() -> int:
                return 1


            @router.post("/b", colour="red")
            def b() -> int:
                return 1


            app.put("/c", status_code="201")
            reveal_type(a)
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary"]
        + ["--cache-dir", str(tmp_path / "cache"), str(snippet)],  # a cache replays old paths
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    errors = {}  # line -> mypy's messages for it
    for line in result.stdout.splitlines():
        place, _, message = line.partition(": ")
        if place.startswith(str(snippet)):
            errors.setdefault(int(place.rsplit(":", 1)[1]), []).append(message)
    report = result.stdout + result.stderr
    assert set(errors) == {12, 17, 18}, report  # the declaration on line 7 type-checks
    assert 'Unexpected keyword argument "colour"' in errors[12][0], report
    assert 'Argument "status_code"' in errors[17][0], report
    assert 'expected "int | None"' in errors[17][0], report
    assert errors[18] == ['note: Revealed type is "def () -> int"'], report  # decorated as is


def test_an_unknown_event_type_is_fastapis_bare_assertion() -> None:
    with pytest.raises(AssertionError) as raised:
        FastAPI().add_event_handler("boot", lambda: None)
    assert raised.value.args == ()  # FastAPI 0.116.1's is AssertionError(), no message
    assert any("'startup' or 'shutdown'" in note for note in raised.value.__notes__)


def test_a_wrapper_of_a_verb_has_the_bound_signature() -> None:
    app = FastAPI()

    @functools.wraps(app.get)
    def wrapper(*args, **kwargs):
        return app.get(*args, **kwargs)

    assert list(inspect.signature(wrapper).parameters)[:2] == ["path", "response_model"]
    assert wrapper.__qualname__ == "FastAPI.get"


def test_the_plain_decorators_go_where_fastapis_go() -> None:
    calls: list[str] = []

    class Router(APIRouter):
        def route(self, *args, **kwargs):  # type: ignore[override]
            calls.append("router.route")
            return super().route(*args, **kwargs)

        def add_route(self, *args, **kwargs):
            calls.append("router.add_route")
            return super().add_route(*args, **kwargs)

        def add_websocket_route(self, *args, **kwargs):
            calls.append("router.add_websocket_route")
            return super().add_websocket_route(*args, **kwargs)

        def add_api_websocket_route(self, *args, **kwargs):
            calls.append("router.add_api_websocket_route")
            return super().add_api_websocket_route(*args, **kwargs)

    class App(FastAPI):
        def add_api_websocket_route(self, *args, **kwargs):
            calls.append("app.add_api_websocket_route")
            return super().add_api_websocket_route(*args, **kwargs)

    app = App()
    app.router = Router(dependency_overrides_provider=app)
    app.route("/r")(lambda request: None)
    app.websocket_route("/wr")(lambda websocket: None)
    app.websocket("/w")(lambda websocket: None)
    assert calls == [
        "router.add_route",
        "router.add_websocket_route",
        "app.add_api_websocket_route",
        "router.add_api_websocket_route",
    ]
    calls.clear()
    app.router.route("/r2")(lambda request: None)
    assert calls == ["router.route", "router.add_route"]


@pytest.mark.parametrize("method", ["route", "websocket_route", "websocket"])
def test_shared_decorators_are_named_after_their_class(method: str) -> None:
    assert getattr(FastAPI, method).__qualname__ == f"FastAPI.{method}"
    assert getattr(APIRouter, method).__qualname__ == f"APIRouter.{method}"
    with pytest.raises(TypeError, match=rf"^FastAPI\.{method}\(\) got an unexpected keyword"):
        getattr(FastAPI(), method)("/", bogus=True)


def test_frontend_goes_to_the_apps_router(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>app</p>")
    app = FastAPI()
    app.frontend("/", tmp_path)
    answer = TestClient(app).get("/client/route", headers={"accept": "text/html"})
    assert answer.text == "<p>app</p>"  # index.html for a browser's client-side route


@pytest.mark.parametrize("owner", [FastAPI, APIRouter])
def test_a_verb_called_wrongly_is_named_as_fastapis_method(owner: type) -> None:
    """Python's own argument errors, as FastAPI 0.116.1 gives them (recorded there)."""
    declarer, name = owner(), owner.__name__
    with pytest.raises(TypeError, match=rf"^{name}\.get\(\) takes 2 positional arguments but 3"):
        declarer.get("/", 1)
    with pytest.raises(TypeError, match=rf"^{name}\.get\(\) got an unexpected keyword"):
        declarer.get("/", 1, foo=1)
    with pytest.raises(TypeError, match=rf"^{name}\.post\(\) missing 1 required positional"):
        declarer.post()
    with pytest.raises(TypeError, match=rf"^{name}\.put\(\) got multiple values for argument"):
        declarer.put("/", path="/")
    declarer.delete(path="/by-keyword")(lambda: None)
    assert [route.path for route in declarer.routes][-1] == "/by-keyword"
