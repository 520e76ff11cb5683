"""Startup error: Body() given both default and default_factory."""
from fastapi import Body, FastAPI

app = FastAPI()


@app.post("/items/")
def create_item(tags: list[str] = Body(default=[], default_factory=list)):
    return {"tags": tags}


CASES = [{"method": "POST", "url": "/items/", "json": ["a"]}]
