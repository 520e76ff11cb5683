"""The scenarios written for Litestar 2, with the same Pydantic models and the same checks.

Each handler answers what the FastAPI app's route answers for the benchmark's request, with
the same status. Litestar differs by design in three places, bridged here the idiomatic way:
POST handlers answer 201 unless told (``status_code=200``), sync handlers say whether they
run in a thread (``sync_to_thread=True``, as FastAPI runs them), and invalid input is a 400
``ValidationException``, turned into a 422 carrying the error list by an exception handler.
A response model is not validated by Litestar, so the handlers build it themselves, as the
hand-written Starlette app does.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated, Any

from litestar import Litestar, Request, Response, get, post, websocket
from litestar.background_tasks import BackgroundTask
from litestar.connection import WebSocket
from litestar.datastructures import UploadFile
from litestar.di import Provide
from litestar.enums import RequestEncodingType
from litestar.exceptions import ValidationException
from litestar.handlers import HTTPRouteHandler
from litestar.params import Body, Parameter
from pydantic import BaseModel, TypeAdapter
from scenarios.common import FILLERS, ITEMS, Item, ItemOut


class Login(BaseModel):
    username: str
    password: str


@get("/hello")
async def hello() -> dict[str, str]:
    return {"message": "Hello World"}


@get("/hello-sync", sync_to_thread=True)
def hello_sync() -> dict[str, str]:
    return {"message": "Hello World"}


@get("/items/{item_id:int}")
async def read_item(
    item_id: Annotated[int, Parameter(ge=1)],
    q: Annotated[str | None, Parameter(max_length=50)] = None,
    limit: Annotated[int, Parameter(le=100)] = 10,
) -> dict[str, Any]:
    return {"item_id": item_id, "q": q, "limit": limit}


@post("/items", status_code=200)
async def create_item(data: Item) -> ItemOut:
    return ItemOut(name=data.name, price=data.price, tags=data.tags)


items_out = TypeAdapter(list[ItemOut])


@get("/items")
async def list_items() -> list[ItemOut]:
    return items_out.validate_python(ITEMS)


async def token(x_token: Annotated[str, Parameter(header="x-token")]) -> str:
    return x_token


async def session(token: str) -> AsyncGenerator[dict[str, str], None]:
    yield {"token": token}


async def user(session: dict[str, str]) -> str:
    return session["token"].upper()


@get("/deps", dependencies={"token": Provide(token), "session": Provide(session), "user": Provide(user)})
async def deps(user: str) -> dict[str, str]:
    return {"user": user}


async def outer(x_token: Annotated[str, Parameter(header="x-token")]) -> AsyncGenerator[str, None]:
    yield x_token


async def middle(outer: str) -> AsyncGenerator[str, None]:
    yield outer + "-middle"


async def inner(middle: str) -> AsyncGenerator[str, None]:
    yield middle + "-inner"


@get("/deps3", dependencies={"outer": Provide(outer), "middle": Provide(middle), "inner": Provide(inner)})
async def deps3(inner: str) -> dict[str, str]:
    return {"value": inner}


def noop() -> None:
    pass


@post("/background", status_code=200)
async def background() -> Response[dict[str, bool]]:
    return Response({"queued": True}, background=BackgroundTask(noop))


@get("/invalid")
async def invalid(n: int) -> dict[str, int]:
    return {"n": n}


@post("/form", status_code=200)
async def form(data: Annotated[Login, Body(media_type=RequestEncodingType.URL_ENCODED)]) -> dict[str, str]:
    return {"username": data.username}


@post("/upload", status_code=200)
async def upload(data: Annotated[UploadFile, Body(media_type=RequestEncodingType.MULTI_PART)]) -> dict[str, Any]:
    content = await data.read()
    return {"filename": data.filename, "size": len(content)}


@websocket("/ws")
async def echo(socket: WebSocket) -> None:
    await socket.accept()
    text = await socket.receive_text()
    await socket.send_text(text)
    await socket.close()


def filler(number: int) -> HTTPRouteHandler:
    async def endpoint(key: str) -> dict[str, int]:
        return {"filler": number}

    return get(f"/filler/{number}/{{key:str}}", name=f"filler_{number}")(endpoint)


@get("/late/{n:int}")
async def late(n: int) -> dict[str, int]:
    return {"n": n}


def unprocessable(request: Request, exc: ValidationException) -> Response[dict[str, Any]]:
    return Response({"detail": exc.extra}, status_code=422)


handlers = [
    hello,
    hello_sync,
    read_item,
    create_item,
    list_items,
    deps,
    deps3,
    background,
    invalid,
    form,
    upload,
    echo,
    *[filler(number) for number in range(FILLERS)],
    late,
]
app = Litestar(route_handlers=handlers, exception_handlers={ValidationException: unprocessable})
