"""A request's own parsing is FastAPI's: a Request subclass that parses the body its own way
(the documented custom-route pattern) is asked, and what ``request.json()`` (``request.cookies``)
answers is the very object the body (cookie) parameters are read from."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel
from starlette.datastructures import FormData

from fastapi import APIRouter, Body, Cookie, Depends, FastAPI, Form, Request, Response
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient


class LenientRequest(Request):
    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            raw = await super().body()
            self._body = (
                gzip.decompress(raw) if "gzip" in self.headers.getlist("content-encoding") else raw
            )
        return self._body

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = {"wrapped": json.loads((await self.body()).replace(b"'", b'"'))}
        return self._json

    async def form(self, **kwargs: Any) -> FormData:
        form = await super().form(**kwargs)
        items = [(k, v.upper() if isinstance(v, str) else v) for k, v in form.multi_items()]
        return FormData([*items, ("extra", "added")])


class LenientRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Any]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            return await original(LenientRequest(request.scope, request.receive))

        return handler


class Item(BaseModel):
    name: str
    n: int = 0


async def normalized(request: Request) -> dict[str, Any]:
    data: dict[str, Any] = await request.json()
    data["name"] = data.get("name", "").strip().lower() or "default"
    data.setdefault("n", 99)
    return data


app = FastAPI()
router = APIRouter(route_class=LenientRoute)


@router.post("/lenient/json")
def lenient_json(payload: Annotated[Any, Body()]) -> Any:
    return {"payload": payload}


@router.post("/lenient/form")
def lenient_form(a: Annotated[str, Form()], extra: Annotated[str, Form()] = "missing") -> Any:
    return {"a": a, "extra": extra}


@app.post("/item")
def item(item: Item, norm: Annotated[dict[str, Any], Depends(normalized)]) -> Any:
    return {"item": item, "norm": norm}


def anonymous_session(request: Request) -> None:
    request.cookies.setdefault("session", "anonymous")


@app.get("/me", dependencies=[Depends(anonymous_session)])
def me(session: Annotated[str | None, Cookie()] = None) -> Any:
    return {"session": session}


app.include_router(router)
client = TestClient(app)


def test_a_request_subclass_parses_json_its_own_way() -> None:
    response = client.post(
        "/lenient/json", content=b"{'x': 1}", headers={"content-type": "application/json"}
    )
    assert response.json() == {"payload": {"wrapped": {"x": 1}}}


def test_a_request_subclass_reads_the_body_its_own_way() -> None:
    response = client.post(
        "/lenient/json",
        content=gzip.compress(b'{"x": 2}'),
        headers={"content-type": "application/json", "content-encoding": "gzip"},
    )
    assert response.json() == {"payload": {"wrapped": {"x": 2}}}


def test_a_request_subclass_parses_forms_its_own_way() -> None:
    response = client.post("/lenient/form", data={"a": "low"})
    assert response.json() == {"a": "LOW", "extra": "added"}


def test_a_dependency_changing_request_json_changes_the_body_parameters() -> None:
    response = client.post("/item", json={"name": "  ANN "})
    assert response.json() == {"item": {"name": "ann", "n": 99}, "norm": {"name": "ann", "n": 99}}


def test_a_dependency_changing_request_cookies_changes_the_cookie_parameters() -> None:
    assert client.get("/me").json() == {"session": "anonymous"}
    assert client.get("/me", headers={"cookie": "session=abc"}).json() == {"session": "abc"}
