"""Callbacks with parameters and bodies, and webhooks (path parameters, bodies, responses)."""

from pydantic import BaseModel

from fastapi import APIRouter, FastAPI


class Ev(BaseModel):
    x: int


cb = APIRouter()


@cb.post("{$url}/ev/{id}")
def cb_ev(id: int, body: Ev, q: str = "a"):
    pass


@cb.get("/plain")
def cb_plain():
    pass


app = FastAPI()


@app.get("/a", callbacks=cb.routes)
def a():
    return {}


@app.webhooks.post("wh/{x}", tags=["w"])
def wh(x: int, body: Ev, q: str | None = None):
    pass


@app.webhooks.get("wh2")
def wh2() -> Ev:
    pass
