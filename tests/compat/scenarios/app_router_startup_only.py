"""No app lifespan: app on_startup handlers plus routers with on_startup / on_event /
lifespan, nested; counts and order of execution exposed on an endpoint."""
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

COUNTS: dict[str, int] = {}
ORDER: list[str] = []


def bump(name: str):
    COUNTS[name] = COUNTS.get(name, 0) + 1
    ORDER.append(name)


@asynccontextmanager
async def router_lifespan(app):
    bump("router_lifespan_enter")
    yield
    bump("router_lifespan_exit")


def app_startup():
    bump("app_on_startup")


def level2_startup():
    bump("level2_on_startup")


def level1_startup():
    bump("level1_on_startup")


level2 = APIRouter(on_startup=[level2_startup])


@level2.get("/deep")
def deep():
    return {"deep": True}


level1 = APIRouter(on_startup=[level1_startup], lifespan=router_lifespan)
level1.include_router(level2, prefix="/l2")


@level1.on_event("startup")
def level1_decorated():
    bump("level1_on_event")


app = FastAPI(on_startup=[app_startup])


@app.on_event("startup")
def app_decorated():
    bump("app_on_event")


app.include_router(level1, prefix="/l1")


@app.get("/counts")
def counts():
    return {"counts": COUNTS, "order": ORDER}


CASES = [
    {"method": "GET", "url": "/counts"},
    {"method": "GET", "url": "/l1/l2/deep"},
]
