"""Startup error: a path parameter declared with Path(default=...)."""
from fastapi import FastAPI, Path

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int = Path(default=3)):
    return {"item_id": item_id}


CASES = [{"method": "GET", "url": "/items/1"}]
