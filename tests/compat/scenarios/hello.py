from typing import Optional

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def root():
    return {"message": "Hello World"}


@app.get("/items/{item_id}")
def read_item(item_id: int, q: Optional[str] = None):
    return {"item_id": item_id, "q": q}


CASES = [
    {"method": "GET", "url": "/"},
    {"method": "GET", "url": "/items/5?q=somequery"},
    {"method": "GET", "url": "/items/foo"},
    {"method": "GET", "url": "/nope"},
    {"method": "POST", "url": "/"},
]
