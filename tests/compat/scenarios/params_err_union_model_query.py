"""Startup error: Union[Model, int] as a Query parameter."""
from typing import Union

from fastapi import FastAPI, Query
from pydantic import BaseModel


class Filters(BaseModel):
    a: int = 1


app = FastAPI()


@app.get("/items")
def read_items(q: Union[Filters, int] = Query()):
    return {"q": q}


CASES = [{"method": "GET", "url": "/items"}]
