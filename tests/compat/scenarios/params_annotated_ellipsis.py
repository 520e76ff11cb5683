"""`Annotated[..., Query()] = ...`: requests treat it as required; the OpenAPI document fails."""
from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items")
def read_items(q: Annotated[list[str], Query(min_length=1)] = ..., n: Annotated[int, Query()] = ...):
    return {"q": q, "n": n}


CASES = [
    {"method": "GET", "url": "/items?q=a&n=1"},
    {"method": "GET", "url": "/items"},
    {"method": "GET", "url": "/items?n=x"},
    {"name": "missing raises", "method": "GET", "url": "/items", "raise_server_exceptions": True},
    {"name": "only q given raises", "method": "GET", "url": "/items?q=a", "raise_server_exceptions": True},
    {"method": "GET", "url": "/items?q=a&n=x"},
    {"name": "only n given raises", "method": "GET", "url": "/items?n=1", "raise_server_exceptions": True},
    {"name": "bad n raises", "method": "GET", "url": "/items?n=x", "raise_server_exceptions": True},
    {"method": "GET", "url": "/openapi.json"},
]
