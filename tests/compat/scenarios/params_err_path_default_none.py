"""Startup error: a path parameter declared with Path(None)."""
from typing import Optional

from fastapi import FastAPI, Path

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: Optional[int] = Path(None)):
    return {"item_id": item_id}


CASES = [{"method": "GET", "url": "/items/1"}]
