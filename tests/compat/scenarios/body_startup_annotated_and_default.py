"""Startup error: Body() both in Annotated and as the default value."""
from typing import Annotated

from fastapi import Body, FastAPI

app = FastAPI()


@app.post("/items/")
def create_item(importance: Annotated[int, Body()] = Body(1)):
    return {"importance": importance}


CASES = [{"method": "POST", "url": "/items/", "json": 1}]
