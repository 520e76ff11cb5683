"""A router hidden from the schema, a custom route class, additional responses for the main
status code, a non-model response model, and models on a response class without media type."""

from pydantic import BaseModel

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.routing import APIRoute


class Item(BaseModel):
    name: str


class Other(BaseModel):
    v: int


class MyRoute(APIRoute):
    pass


app = FastAPI()
hidden = APIRouter(include_in_schema=False)


@hidden.get("/h")
def h(q: int):
    return {}


app.include_router(hidden)
r = APIRouter(route_class=MyRoute)


@r.post(
    "/both",
    response_model=Item,
    status_code=201,
    responses={201: {"model": Other}, 200: {"model": Item}},
)
def both():
    return {}


@r.get("/int", response_model=int, status_code=202)
def i():
    return 1


@r.get(
    "/file",
    response_class=FileResponse,
    responses={200: {"model": Other}, 404: {"model": Item, "content": {"text/plain": {}}}},
)
def f():
    return ""


app.include_router(r, prefix="/r")
