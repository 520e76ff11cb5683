"""Startup error: Optional[Model] as a Query parameter group."""
from typing import Annotated, Optional

from fastapi import FastAPI, Query
from pydantic import BaseModel


class Filters(BaseModel):
    a: int = 1


app = FastAPI()


@app.get("/items")
def read_items(f: Annotated[Optional[Filters], Query()] = None):
    return {"f": f}


CASES = [{"method": "GET", "url": "/items"}]
