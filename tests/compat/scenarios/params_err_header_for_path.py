"""Startup error: Annotated Header() used for a name that appears in the path."""
from typing import Annotated

from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: Annotated[str, Header()]):
    return {"item_id": item_id}


CASES = [{"method": "GET", "url": "/items/1"}]
