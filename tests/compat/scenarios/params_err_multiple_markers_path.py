"""Startup error: a path parameter whose last marker in Annotated is a Query."""
from typing import Annotated

from fastapi import FastAPI, Path, Query

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: Annotated[int, Path(), Query()]):
    return {"item_id": item_id}


CASES = [{"method": "GET", "url": "/items/1"}]
