"""Startup error: a plain (non-Pydantic) class used as a body type."""
from fastapi import FastAPI


class Plain:
    def __init__(self, name: str):
        self.name = name


app = FastAPI()


@app.post("/items/")
def create_item(item: Plain):
    return {"name": item.name}


CASES = [{"method": "POST", "url": "/items/", "json": {"name": "x"}}]
