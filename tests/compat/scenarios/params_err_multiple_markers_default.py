"""Startup error: the last of several Query markers in Annotated sets a default."""
from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items")
def read_items(q: Annotated[int, Query(), Query(default=1)]):
    return {"q": q}


CASES = [{"method": "GET", "url": "/items"}]
