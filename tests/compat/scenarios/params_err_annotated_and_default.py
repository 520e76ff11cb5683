"""Startup error: FastAPI marker both in Annotated and as the `=` default."""
from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items")
def read_items(q: Annotated[int, Query()] = Query(1)):
    return {"q": q}


CASES = [{"method": "GET", "url": "/items"}]
