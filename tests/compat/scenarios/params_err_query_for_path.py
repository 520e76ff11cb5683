"""Startup error: Query() used for a name that appears in the path."""
from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int = Query()):
    return {"item_id": item_id}


CASES = [{"method": "GET", "url": "/items/1"}]
