"""Startup error: a path parameter declared with Body()."""
from fastapi import Body, FastAPI

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int = Body()):
    return {"item_id": item_id}


CASES = [{"method": "GET", "url": "/items/1"}]
