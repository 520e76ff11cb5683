"""lifespan= together with on_startup/on_event handlers on the same app: which ones run
(recorded by counters exposed on an endpoint)."""
from contextlib import asynccontextmanager

from fastapi import FastAPI

COUNTS: dict[str, int] = {}
ORDER: list[str] = []


def bump(name: str):
    COUNTS[name] = COUNTS.get(name, 0) + 1
    ORDER.append(name)


@asynccontextmanager
async def lifespan(app: FastAPI):
    bump("lifespan_enter")
    yield
    bump("lifespan_exit")


def ctor_startup():
    bump("ctor_startup")


app = FastAPI(lifespan=lifespan, on_startup=[ctor_startup])


@app.on_event("startup")
def decorated_startup():
    bump("decorated_startup")


@app.get("/counts")
def counts():
    return {"counts": COUNTS, "order": ORDER}


CASES = [
    {"method": "GET", "url": "/counts"},
]
