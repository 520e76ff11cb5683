"""Startup error: a list of Pydantic models as a Query parameter."""
from fastapi import FastAPI, Query
from pydantic import BaseModel


class Item(BaseModel):
    a: int = 1


app = FastAPI()


@app.get("/items")
def read_items(q: list[Item] = Query()):
    return {"q": q}


CASES = [{"method": "GET", "url": "/items"}]
