"""Startup error: Query(default=...) inside Annotated, and a default with `=` as well."""
from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items")
def read_items(q: Annotated[int, Query(default=1)] = 2):
    return {"q": q}


CASES = [{"method": "GET", "url": "/items"}]
