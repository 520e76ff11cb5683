"""Merging of schema-level flags between APIRouter(...), include_router(...) and routes:
include_in_schema (False anywhere wins), deprecated (True anywhere wins), duplicate tags
(kept, not deduplicated), responses for the same status code at several levels (the most
specific level wins), generate_unique_id_function at app/router/include/route level, and
explicit name/summary/operation_id."""
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel


class Message(BaseModel):
    message: str


class Other(BaseModel):
    other: int


def app_uid(route: APIRoute) -> str:
    return f"app-{route.name}"


def router_uid(route: APIRoute) -> str:
    return f"router-{route.name}"


def include_uid(route: APIRoute) -> str:
    return f"include-{route.name}"


app = FastAPI(generate_unique_id_function=app_uid)

hidden_router = APIRouter(include_in_schema=False)


@hidden_router.get("/hidden-router/forced-in", include_in_schema=True)
def forced_in():
    return {}


visible = APIRouter()


@visible.get("/visible/default")
def visible_default():
    return {}


router = APIRouter(
    prefix="/r",
    tags=["dup", "router"],
    deprecated=True,
    responses={
        404: {"description": "Router 404", "model": Message},
        409: {"description": "Router conflict"},
        "5XX": {"description": "Router server error"},
    },
    generate_unique_id_function=router_uid,
)


@router.get(
    "/a",
    tags=["dup", "route"],
    deprecated=False,
    responses={404: {"description": "Route 404", "model": Other}, 200: {"description": "Route OK"}},
)
def route_a():
    return {}


@router.get("/b", summary="Custom summary", name="custom-name", operation_id="explicit_op")
def route_b():
    return {}


@router.get("/c", generate_unique_id_function=lambda route: f"route-{route.name}")
def route_c():
    return {}


app.include_router(hidden_router)
app.include_router(visible, include_in_schema=False)
app.include_router(
    router,
    tags=["include", "dup"],
    responses={404: {"description": "Include 404"}, 418: {"description": "Include teapot"}},
)
app.include_router(router, prefix="/v2", generate_unique_id_function=include_uid)


@app.get("/plain")
def plain():
    return {}


CASES = [
    {"method": "GET", "url": "/hidden-router/forced-in"},
    {"method": "GET", "url": "/visible/default"},
    {"method": "GET", "url": "/r/a"},
    {"method": "GET", "url": "/v2/r/c"},
    {"name": "document bytes (key order of merged responses)", "method": "GET", "url": "/openapi.json"},
]
