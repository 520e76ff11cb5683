"""Startup error: Depends inside Annotated and a Depends default value on the same parameter."""
from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()


def get_a(q: int = 0):
    return q


def get_b(r: int = 0):
    return r


@app.get("/")
def read(x: Annotated[int, Depends(get_a)] = Depends(get_b)):
    return {"x": x}


CASES = [{"method": "GET", "url": "/"}]
