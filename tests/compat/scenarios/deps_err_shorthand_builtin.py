"""Startup error: Depends() shorthand whose annotation is a builtin type (int) without a signature."""
from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()


@app.get("/")
def root(n: Annotated[int, Depends()]):
    return {"n": n}


CASES = [{"method": "GET", "url": "/"}]
