"""Startup error: a default value given inside Annotated[..., Body(default=...)]."""
from typing import Annotated

from fastapi import Body, FastAPI

app = FastAPI()


@app.post("/items/")
def create_item(importance: Annotated[int, Body(default=1)]):
    return {"importance": importance}


CASES = [{"method": "POST", "url": "/items/", "json": 1}]
