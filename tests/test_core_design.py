"""The request path only extracts, validates, calls and serializes.

Every route is analysed when it is registered: after the app has started, signatures, type
hints and Pydantic adapters are never built again, not even on a route's first request.
"""

import ast
import inspect
import typing
from pathlib import Path
from typing import Annotated

import pydantic
import pytest
from pydantic import BaseModel

import fastapi
from fastapi import (
    BackgroundTasks,
    Cookie,
    Depends,
    FastAPI,
    File,
    Form,
    Header,
    HTTPException,
    Query,
    UploadFile,
    WebSocket,
)
from fastapi._core.analyse import signature
from fastapi.security import OAuth2PasswordBearer
from fastapi.testclient import TestClient


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []


class PublicItem(BaseModel):
    name: str


class Paging:
    def __init__(self, skip: int = 0, limit: Annotated[int, Query(le=100)] = 10) -> None:
        self.skip, self.limit = skip, limit


def build_app() -> FastAPI:
    app = FastAPI()
    oauth2 = OAuth2PasswordBearer(tokenUrl="token")
    events: list[str] = []

    async def session():
        events.append("open")
        yield "session"
        events.append("close")

    def current_user(token: Annotated[str, Depends(oauth2)], db: Annotated[str, Depends(session)]):
        if token != "good":
            raise HTTPException(status_code=401, detail="bad token")
        return {"user": "ann", "db": db}

    @app.get("/items/{item_id}")
    async def read_item(
        item_id: int,
        paging: Annotated[Paging, Depends()],
        q: str | None = None,
        x_trace: Annotated[str | None, Header()] = None,
        theme: Annotated[str | None, Cookie()] = None,
    ):
        return {"id": item_id, "q": q, "skip": paging.skip, "trace": x_trace, "theme": theme}

    @app.post("/items", response_model=PublicItem)
    def create_item(item: Item):
        return item

    @app.get("/me")
    def me(user: Annotated[dict, Depends(current_user)]):
        return user

    @app.post("/login")
    async def login(username: Annotated[str, Form()], password: Annotated[str, Form()]):
        return {"username": username, "length": len(password)}

    @app.post("/upload")
    async def upload(file: Annotated[UploadFile, File()], note: Annotated[str, Form()] = ""):
        return {"name": file.filename, "size": len(await file.read()), "note": note}

    @app.post("/later")
    def later(background_tasks: BackgroundTasks):
        background_tasks.add_task(events.append, "task ran")
        return {"queued": True}

    @app.websocket("/ws")
    async def echo(websocket: WebSocket, prefix: str = ">"):
        await websocket.accept()
        await websocket.send_text(prefix + await websocket.receive_text())
        await websocket.close()

    app.state.events = events
    return app


@pytest.fixture
def no_introspection(monkeypatch: pytest.MonkeyPatch):
    def refuse(*args, **kwargs):
        raise AssertionError("introspection on the request path")

    def install() -> None:
        monkeypatch.setattr(inspect, "signature", refuse)
        # plain functions' parameters are read from their code objects, not inspect.signature
        monkeypatch.setattr(signature, "_function_parameters", refuse)
        monkeypatch.setattr(typing, "get_type_hints", refuse)
        monkeypatch.setattr(pydantic.TypeAdapter, "__init__", refuse)

    return install


def test_requests_after_startup_need_no_signature_hints_or_new_adapters(no_introspection) -> None:
    app = build_app()
    with TestClient(app) as client:
        no_introspection()  # before any route's first request
        client.cookies.set("theme", "dark")
        response = client.get("/items/3?q=x&skip=2", headers={"x-trace": "t1"})
        assert response.json() == {"id": 3, "q": "x", "skip": 2, "trace": "t1", "theme": "dark"}
        assert client.get("/items/nope").status_code == 422
        assert client.get("/items/1?limit=1000").json()["detail"][0]["type"] == "less_than_equal"

        assert client.post("/items", json={"name": "a", "price": 1}).json() == {"name": "a"}
        assert client.post("/items", content=b"{bad").status_code == 422

        assert client.get("/me", headers={"Authorization": "Bearer good"}).json() == {
            "user": "ann",
            "db": "session",
        }
        assert client.get("/me").status_code == 401
        assert client.get("/me", headers={"Authorization": "Bearer bad"}).status_code == 401

        assert client.post("/login", data={"username": "ann", "password": "pw"}).json() == {
            "username": "ann",
            "length": 2,
        }
        assert client.post("/login", data={"username": "ann"}).status_code == 422
        uploaded = client.post(
            "/upload", files={"file": ("a.txt", b"abc", "text/plain")}, data={"note": "n"}
        )
        assert uploaded.json() == {"name": "a.txt", "size": 3, "note": "n"}

        assert client.post("/later").json() == {"queued": True}
        with client.websocket_connect("/ws?prefix=%3E%3E") as websocket:
            websocket.send_text("hi")
            assert websocket.receive_text() == ">>hi"

        assert client.get("/missing").status_code == 404
    # The session opened for the good and the bad token (the missing one fails before it); the
    # bad token's HTTPException is raised into it at its yield, so it never reaches "close".
    assert app.state.events == ["open", "close", "open", "task ran"]


def test_the_guard_itself_catches_introspection(no_introspection) -> None:
    # The fixture must make a route registered afterwards fail: else the test above proves nothing.
    app = FastAPI()
    no_introspection()
    with pytest.raises(AssertionError, match="introspection"):

        @app.get("/late")
        def late(q: int = 0):
            return q


# -- layers -----------------------------------------------------------------------------------
# fastapi/_core is the engine (analyse -> compile -> execute -> serialize); the public modules
# are built on it. Imports only point down: no module of _core imports a public one (not even
# for type checking, not even inside a function), whichever module is added later.

PACKAGE = Path(fastapi.__file__).parent

def imported_modules(text: str, package: str) -> set[str]:
    """Every module (or module attribute) a module of ``package`` imports, as absolute names."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def upward_imports(source: Path) -> set[str]:
    package = ".".join(source.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    return {
        name
        for name in imported_modules(source.read_text(), package)
        if (name == "fastapi" or name.startswith("fastapi."))
        and not (name == "fastapi._core" or name.startswith("fastapi._core."))
        and name != "fastapi"  # ``from fastapi import x`` is checked by its ``fastapi.x``
    }


def test_core_imports_no_public_module() -> None:
    core_files = sorted((PACKAGE / "_core").rglob("*.py"))
    assert len(core_files) > 20
    found = {}
    for source in core_files:
        upward = upward_imports(source)
        if upward:
            found[source.relative_to(PACKAGE).as_posix()] = sorted(upward)
    assert found == {}


def test_the_import_scan_sees_every_form() -> None:
    text = (
        "from fastapi import params\n"
        "from .. import memo\n"
        "from ...routing import APIRoute\n"
        "import fastapi.utils\n"
        "def later():\n"
        "    from fastapi.exceptions import HTTPException\n"
    )
    names = imported_modules(text, "fastapi._core.compile")
    assert {"fastapi.params", "fastapi._core.memo", "fastapi.routing", "fastapi.utils"} <= names
    assert "fastapi.exceptions" in names
