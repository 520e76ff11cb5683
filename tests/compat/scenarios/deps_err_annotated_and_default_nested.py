"""Startup error: Annotated Depends plus a Depends default, inside a sub-dependency."""
from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()


def leaf():
    return 1


def middle(v: Annotated[int, Depends(leaf)] = Depends(leaf)):
    return v


@app.get("/")
def read(m: Annotated[int, Depends(middle)]):
    return {"m": m}


CASES = [{"method": "GET", "url": "/"}]
