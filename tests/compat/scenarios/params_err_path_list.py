"""Startup error: a list-typed path parameter."""
from fastapi import FastAPI

app = FastAPI()


@app.get("/items/{ids}")
def read_items(ids: list[int]):
    return {"ids": ids}


CASES = [{"method": "GET", "url": "/items/1"}]
