"""Router-level lifespans and startup handlers merged into the app by include_router:
APIRouter(lifespan=...), APIRouter(on_startup=[...]), @router.on_event, nested routers,
a router included twice, and the app lifespan; how many times and in which order each
runs, and how yielded state dicts are merged into request.state."""
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request

COUNTS: dict[str, int] = {}
ORDER: list[str] = []


def bump(name: str):
    COUNTS[name] = COUNTS.get(name, 0) + 1
    ORDER.append(name)


@asynccontextmanager
async def app_lifespan(app: FastAPI):
    bump("app_lifespan_enter")
    yield {"from_app": "app", "shared_key": "app"}
    bump("app_lifespan_exit")


@asynccontextmanager
async def router_a_lifespan(app):
    bump("router_a_lifespan_enter")
    yield {"from_a": "a", "shared_key": "a"}
    bump("router_a_lifespan_exit")


@asynccontextmanager
async def inner_lifespan(app):
    bump("inner_lifespan_enter")
    yield {"from_inner": "inner"}
    bump("inner_lifespan_exit")


def router_b_startup():
    bump("router_b_on_startup")


inner = APIRouter(lifespan=inner_lifespan)


@inner.get("/inner")
def inner_route(request: Request):
    return {"inner": True}


router_a = APIRouter(lifespan=router_a_lifespan)
router_a.include_router(inner)


@router_a.get("/a")
def a_route(request: Request):
    return {"a": True}


router_b = APIRouter(on_startup=[router_b_startup])


@router_b.on_event("startup")
async def router_b_decorated():
    bump("router_b_on_event")


@router_b.get("/b")
def b_route():
    return {"b": True}


app = FastAPI(lifespan=app_lifespan)
app.include_router(router_a)
app.include_router(router_b, prefix="/first")
app.include_router(router_b, prefix="/second")


@app.get("/counts")
def counts(request: Request):
    state = {k: getattr(request.state, k, None) for k in ("from_app", "from_a", "from_inner", "shared_key")}
    return {"counts": COUNTS, "order": ORDER, "state": state}


CASES = [
    {"method": "GET", "url": "/counts"},
    {"method": "GET", "url": "/a"},
    {"method": "GET", "url": "/inner"},
    {"method": "GET", "url": "/first/b"},
    {"method": "GET", "url": "/second/b"},
]
