"""Lifespan of mounted sub-applications: a mounted FastAPI app's lifespan/on_startup
handlers do not run (only the parent's do); counters exposed through both apps."""
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request

COUNTS: dict[str, int] = {}


def bump(name: str):
    COUNTS[name] = COUNTS.get(name, 0) + 1


@asynccontextmanager
async def sub_lifespan(app: FastAPI):
    bump("sub_lifespan")
    yield {"sub_state": "sub"}


@asynccontextmanager
async def parent_lifespan(app: FastAPI):
    bump("parent_lifespan")
    yield {"parent_state": "parent"}


sub = FastAPI(lifespan=sub_lifespan)
sub2 = FastAPI(on_startup=[lambda: bump("sub2_on_startup")])


@sub.get("/counts")
def sub_counts(request: Request):
    return {
        "counts": COUNTS,
        "parent_state": getattr(request.state, "parent_state", None),
        "sub_state": getattr(request.state, "sub_state", None),
    }


@sub2.get("/ping")
def sub2_ping():
    return {"ping": True}


app = FastAPI(lifespan=parent_lifespan)
app.mount("/sub", sub)
app.mount("/sub2", sub2)


@app.get("/counts")
def counts():
    return COUNTS


CASES = [
    {"method": "GET", "url": "/counts"},
    {"method": "GET", "url": "/sub/counts"},
    {"method": "GET", "url": "/sub2/ping"},
]
