"""Responses with models, openapi_extra request bodies, parameter de-duplication, router
options, and get_openapi called directly with its own arguments."""

from typing import Annotated, Optional

from pydantic import BaseModel

from fastapi import APIRouter, Depends, FastAPI, Header, Query
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse


class Item(BaseModel):
    name: str


class Other(BaseModel):
    v: int


app = FastAPI()


@app.get(
    "/r200",
    responses={
        200: {"model": Item, "description": "Got it"},
        404: {"model": Other},
        400: {"content": {"application/json": {"schema": {"type": "object"}}}},
    },
)
def r200():
    return {}


@app.get("/htmlmodel", response_class=HTMLResponse, responses={200: {"model": Item}})
def hm():
    return ""


@app.post(
    "/yaml",
    openapi_extra={
        "requestBody": {
            "content": {"application/x-yaml": {"schema": {"type": "object"}}},
            "required": True,
        }
    },
)
def yaml():
    return {}


def d1(q: Optional[int] = None, h: Annotated[Optional[str], Header()] = None):
    return q


def d2(q: int, h: Annotated[str, Header()]):
    return q


def d3(q: Annotated[str, Query(description="later")] = "x"):
    return q


@app.get("/dedup")
def dedup(a=Depends(d1), b=Depends(d2), c=Depends(d3), q: Optional[float] = None):
    return {}


@app.get("/dedup2")
def dedup2(a=Depends(d1), c=Depends(d3)):
    return {}


@app.get("/hide")
def hide(q: Annotated[int, Query(include_in_schema=False)]):
    return {}


@app.get("/default-status", status_code=299)
def ds():
    return {}


r = APIRouter(
    prefix="/pre", tags=["t1"], deprecated=True, responses={418: {"description": "Teapot"}}
)


@r.get("/x/{id}", tags=["t2"], summary="X")
def x(id: str):
    return {}


app.include_router(r, tags=["outer"])

doc = {
    "app": app.openapi(),
    "direct": get_openapi(
        title="T",
        version="1",
        openapi_version="3.0.2",
        summary="",
        description=None,
        routes=app.routes,
        tags=[{"name": "t1", "description": "D"}],
        servers=[{"url": "https://a.example.com/", "x": 1}],
        webhooks=app.webhooks.routes,
        terms_of_service="",
        contact={},
        license_info={"name": "L", "identifier": "I"},
    ),
    "router_only": get_openapi(title="R", version="1", routes=r.routes),
    "empty": get_openapi(title="E", version="0", routes=[]),
}
