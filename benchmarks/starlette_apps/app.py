"""The floor: each scenario written by hand on plain Starlette (with Pydantic where it validates)."""

from __future__ import annotations

from contextlib import asynccontextmanager

from pydantic import TypeAdapter, ValidationError
from scenarios.common import FILLERS, ITEMS, Item, ItemOut
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket


def error(loc: list, message: str, value: object) -> JSONResponse:
    return JSONResponse({"detail": [{"type": "error", "loc": loc, "msg": message, "input": value}]}, status_code=422)


async def hello(request: Request) -> JSONResponse:
    return JSONResponse({"message": "Hello World"})


def hello_sync(request: Request) -> JSONResponse:
    return JSONResponse({"message": "Hello World"})


async def read_item(request: Request) -> JSONResponse:
    raw_id = request.path_params["item_id"]
    try:
        item_id = int(raw_id)
    except ValueError:
        return error(["path", "item_id"], "Input should be a valid integer", raw_id)
    if item_id < 1:
        return error(["path", "item_id"], "Input should be greater than or equal to 1", raw_id)
    q = request.query_params.get("q")
    if q is not None and len(q) > 50:
        return error(["query", "q"], "String should have at most 50 characters", q)
    raw_limit = request.query_params.get("limit", "10")
    try:
        limit = int(raw_limit)
    except ValueError:
        return error(["query", "limit"], "Input should be a valid integer", raw_limit)
    if limit > 100:
        return error(["query", "limit"], "Input should be less than or equal to 100", raw_limit)
    return JSONResponse({"item_id": item_id, "q": q, "limit": limit})


item_adapter = TypeAdapter(Item)
items_out = TypeAdapter(list[ItemOut])


async def create_item(request: Request) -> Response:
    try:
        item = item_adapter.validate_json(await request.body())
    except ValidationError as exc:
        return JSONResponse({"detail": exc.errors(include_url=False)}, status_code=422)
    out = ItemOut(name=item.name, price=item.price, tags=item.tags)
    return JSONResponse(out.model_dump(mode="json"))


async def list_items(request: Request) -> Response:
    return Response(items_out.dump_json(items_out.validate_python(ITEMS)), media_type="application/json")


@asynccontextmanager
async def session(token: str):
    yield {"token": token}


async def deps(request: Request) -> JSONResponse:
    token = request.headers.get("x-token")
    if token is None:
        return error(["header", "x-token"], "Field required", None)
    async with session(token) as current:
        return JSONResponse({"user": current["token"].upper()})


@asynccontextmanager
async def outer(token: str):
    yield token


@asynccontextmanager
async def middle(token: str):
    async with outer(token) as value:
        yield value + "-middle"


@asynccontextmanager
async def inner(token: str):
    async with middle(token) as value:
        yield value + "-inner"


async def deps3(request: Request) -> JSONResponse:
    token = request.headers.get("x-token")
    if token is None:
        return error(["header", "x-token"], "Field required", None)
    async with inner(token) as value:
        return JSONResponse({"value": value})


def noop() -> None:
    pass


async def background(request: Request) -> JSONResponse:
    return JSONResponse({"queued": True}, background=BackgroundTask(noop))


async def invalid(request: Request) -> JSONResponse:
    raw = request.query_params.get("n")
    try:
        n = int(raw or "")
    except ValueError:
        return error(["query", "n"], "Input should be a valid integer", raw)
    return JSONResponse({"n": n})


async def form(request: Request) -> JSONResponse:
    data = await request.form()
    username = data.get("username")
    if not isinstance(username, str) or not isinstance(data.get("password"), str):
        return error(["body", "username"], "Field required", None)
    return JSONResponse({"username": username})


async def upload(request: Request) -> JSONResponse:
    async with request.form() as data:
        file = data.get("file")
        if file is None or isinstance(file, str):
            return error(["body", "file"], "Field required", None)
        content = await file.read()
        return JSONResponse({"filename": file.filename, "size": len(content)})


async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    text = await websocket.receive_text()
    await websocket.send_text(text)
    await websocket.close()


def filler(request: Request) -> JSONResponse:
    return JSONResponse({"filler": request.path_params["key"]})


async def late(request: Request) -> JSONResponse:
    raw = request.path_params["n"]
    try:
        return JSONResponse({"n": int(raw)})
    except ValueError:
        return error(["path", "n"], "Input should be a valid integer", raw)


routes = [
    Route("/hello", hello),
    Route("/hello-sync", hello_sync),
    Route("/items/{item_id}", read_item),
    Route("/items", create_item, methods=["POST"]),
    Route("/items", list_items),
    Route("/deps", deps),
    Route("/deps3", deps3),
    Route("/background", background, methods=["POST"]),
    Route("/invalid", invalid),
    Route("/form", form, methods=["POST"]),
    Route("/upload", upload, methods=["POST"]),
    WebSocketRoute("/ws", echo),
    *[Route(f"/filler/{number}/{{key}}", filler) for number in range(FILLERS)],
    Route("/late/{n}", late),
]
app = Starlette(routes=routes)
