"""Startup error: a dict-typed Query parameter."""
from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items")
def read_items(q: dict[str, int] = Query()):
    return {"q": q}


CASES = [{"method": "GET", "url": "/items"}]
