"""What ``import fastapi`` and building an app load: only what the app uses (start-up time).

Each check runs in a fresh interpreter, so that nothing another test imported counts. The
background-task runtime, the streaming serializers, the frontend's static files, the optional
JSON libraries, AnyIO's asyncio backend, the OpenAPI generator, the docs pages' HTML and the
helpers of FastAPI's compatibility modules stay unloaded until an app (or a request) needs
them; loading them then is checked too.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

#: Modules (and their submodules) a plain app never needs.
LAZY = (
    "fastapi.tasks",
    "fastapi.sse",
    "fastapi._core.serialize.sse",
    "fastapi._core.serialize.item_stream",
    "fastapi.frontend",
    "fastapi.openapi.utils",  # the document's generator (the docs pages' routes are installed)
    "fastapi.openapi.models",
    "fastapi.openapi.docs",  # the docs pages' HTML, written when a page is first served
    "fastapi.security",
    "fastapi._compat",  # the helpers extensions import from FastAPI's modules
    "fastapi.dependencies.utils",
    "starlette.staticfiles",
    "orjson",
    "ujson",
    "email_validator",
    "anyio._backends._asyncio",
)

PLAIN_APP = """
from typing import Annotated
from pydantic import BaseModel
from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI, Header, Query, WebSocket
from fastapi.responses import JSONResponse

class Item(BaseModel):
    name: str
    price: float

def token(x_token: Annotated[str | None, Header()] = None) -> str | None:
    return x_token

app = FastAPI()
router = APIRouter(prefix="/api")

@router.get("/items/{item_id}")
async def read_item(item_id: int, q: Annotated[str | None, Query(max_length=5)] = None):
    return {"item_id": item_id, "q": q}

@app.post("/items", response_model=Item, status_code=201)
def create_item(item: Item, key: Annotated[str | None, Depends(token)]):
    return item

@app.websocket("/ws")
async def echo(websocket: WebSocket):
    await websocket.accept()

app.include_router(router)
"""

REPORT = """
import json, sys
print(json.dumps(sorted(
    name for name in sys.modules
    if any(name == lazy or name.startswith(lazy + ".") for lazy in LAZY)
)))
"""

GET = """
import asyncio

async def get(app, path):
    sent, body = [], [{"type": "http.request", "body": b"", "more_body": False}]
    async def receive():  # the request, then a client that stays (a stream ends by itself)
        if body:
            return body.pop()
        await asyncio.Event().wait()
    async def send(message):
        sent.append(message)
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(),
             "query_string": b"", "headers": [(b"host", b"test")], "scheme": "http",
             "server": ("test", 80), "root_path": "", "asgi": {"version": "3.0"},
             "http_version": "1.1", "client": ("127.0.0.1", 1)}
    await app(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])
"""


def loaded(*code: str) -> list[str]:
    """The LAZY modules loaded after running ``code`` in a fresh interpreter."""
    script = "\n".join([f"LAZY = {LAZY!r}", *map(textwrap.dedent, code), REPORT])
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout.splitlines()[-1]))


def test_import_fastapi_loads_none_of_them() -> None:
    assert loaded("import fastapi") == []


def test_building_a_plain_app_and_serving_it_loads_none_of_them() -> None:
    serve = """
        status, body = asyncio.run(get(app, "/api/items/3"))
        assert (status, body) == (200, b'{"item_id":3,"q":null}'), (status, body)
    """
    assert loaded(PLAIN_APP, GET, serve) == []


def test_a_route_declaring_background_tasks_loads_the_runtime_when_it_is_built(
    tmp_path: Path,
) -> None:
    """The in-memory runtime, without the durable machinery (stores, workers): a store's app
    loads that."""
    declare = """
        import sys
        assert "fastapi.tasks.runtime" not in sys.modules
        def audit(name: str) -> None:
            print(name)

        @app.post("/audited")
        async def audited(background_tasks: BackgroundTasks):
            background_tasks.add_task(audit, "x")
        assert "fastapi.tasks.runtime" in sys.modules
        assert app.tasks.get("unknown") is None
    """
    found = loaded(PLAIN_APP, declare)
    assert "fastapi.tasks.runtime" in found
    durable = {f"fastapi.tasks.{name}" for name in ("store", "stored", "workers", "writer", "health")}
    assert not [name for name in found if name in durable or name.startswith("fastapi.tasks.store.")]
    stored = f"FastAPI(tasks='sqlite:///{tmp_path / 'tasks.db'}')"
    assert "fastapi.tasks.stored" in loaded(f"from fastapi import FastAPI\n{stored}")


def test_what_an_app_uses_is_loaded_then_and_answers_as_before() -> None:
    use = """
        from collections.abc import AsyncIterator
        from fastapi.responses import ORJSONResponse
        from starlette.background import BackgroundTask

        @app.get("/fast", response_class=ORJSONResponse)
        async def fast():
            return {1: "one"}  # orjson writes non-string keys

        @app.get("/lines")
        async def lines() -> AsyncIterator[int]:
            yield 1
            yield 2

        ran = []

        @app.get("/later")
        async def later():  # a Starlette task on a route that declares no BackgroundTasks
            return JSONResponse({}, background=BackgroundTask(ran.append, "ran"))

        assert asyncio.run(get(app, "/fast")) == (200, b'{"1":"one"}')
        assert asyncio.run(get(app, "/lines")) == (200, b"1\\n2\\n")
        assert asyncio.run(get(app, "/later")) == (200, b"{}") and ran == ["ran"]
        assert app.openapi()["paths"]["/lines"]
        status, page = asyncio.run(get(app, "/docs"))
        assert status == 200 and b"swagger-ui" in page, (status, page)
    """
    found = loaded(PLAIN_APP, GET, use)
    for module in ("orjson", "fastapi._core.serialize.item_stream", "fastapi.tasks.runtime"):
        assert module in found
    assert "fastapi.openapi.utils" in found and "fastapi.openapi.docs" in found
    assert "fastapi.frontend" not in found and "starlette.staticfiles" not in found
