"""Startup error: a list of lists as a Query parameter."""
from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items")
def read_items(q: Annotated[list[list[int]], Query()]):
    return {"q": q}


CASES = [{"method": "GET", "url": "/items"}]
