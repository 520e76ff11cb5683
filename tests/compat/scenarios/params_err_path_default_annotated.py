"""Startup error: an Annotated path parameter given a default value with `=`."""
from typing import Annotated

from fastapi import FastAPI, Path

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: Annotated[int, Path()] = 3):
    return {"item_id": item_id}


CASES = [{"method": "GET", "url": "/items/1"}]
