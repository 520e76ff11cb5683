"""Routes covering every kind of parameter and body, for the property-based tests."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any, Optional

from pydantic import BaseModel, Field

from fastapi import Body, Cookie, FastAPI, File, Form, Header, Query, UploadFile

app = FastAPI()

class Color(str, Enum):
    red = "red"
    blue = "blue"

class Tag(BaseModel):
    label: str = Field(max_length=20)
    weight: float = 1.0

class Item(BaseModel):
    name: str
    price: float
    tags: list[Tag] = []
    meta: dict[str, int] = {}

@app.get("/items/{item_id}")
def read_item(item_id: int, q: Optional[str] = None, limit: Annotated[int, Query(ge=0, le=100)] = 10,
              tags: Annotated[list[str], Query()] = [], ratio: float = 1.0, flag: bool = False,
              day: Optional[date] = None, color: Optional[Color] = None,
              x_token: Annotated[Optional[str], Header()] = None, session: Annotated[Optional[str], Cookie()] = None):
    return {"item_id": item_id, "q": q, "limit": limit, "tags": tags, "ratio": ratio, "flag": flag, "day": day, "color": color, "x_token": x_token, "session": session}

@app.get("/typed")
def typed(
    count: Annotated[int, Header()] = 0,
    ids: Annotated[list[int], Query()] = [],
    visits: Annotated[int, Cookie()] = 0,
):
    return {"count": count, "ids": ids, "visits": visits}


@app.get("/files/{path:path}")
def read_file(path: str):
    return {"path": path}

@app.post("/items")
def create_item(item: Item) -> Item:
    return item

@app.post("/echo")
def echo(value: Annotated[Any, Body()]):
    return value

@app.post("/embed")
def embed(item: Item, count: Annotated[int, Body()]):
    return {"item": item, "count": count}

@app.post("/form")
def form(name: Annotated[str, Form()], age: Annotated[int, Form()] = 0, ratio: Annotated[float, Form()] = 1.0):
    return {"name": name, "age": age, "ratio": ratio}

@app.post("/upload")
async def upload(files: Annotated[list[UploadFile], File()], note: Annotated[str, Form()] = ""):
    return {"files": [{"name": f.filename, "size": len(await f.read())} for f in files], "note": note}
