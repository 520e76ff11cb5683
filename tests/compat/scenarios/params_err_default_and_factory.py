"""Startup error: Query() given both default and default_factory."""
from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items")
def read_items(q: int = Query(1, default_factory=lambda: 2)):
    return {"q": q}


CASES = [{"method": "GET", "url": "/items"}]
