"""``from __future__ import annotations`` with quoted names inside annotations."""
from __future__ import annotations

from typing import Annotated, List, Optional

from pydantic import BaseModel

from fastapi import Body, FastAPI, Query

app = FastAPI()


class Item(BaseModel):
    v: int


@app.post("/list")
def items(items: List["Item"]):
    return items


@app.post("/embedded")
def embedded(item: Annotated["Item", Body(embed=True)]):
    return item


@app.get("/returns")
def returns() -> List["Item"]:
    return [{"v": 1, "dropped": True}]


@app.get("/optional")
def optional(y: Annotated["Optional[str]", Query(max_length=3)] = None):
    return {"y": y}


CASES = [
    {"method": "POST", "url": "/list", "json": [{"v": 1}, {"v": "2"}]},
    {"method": "POST", "url": "/list", "json": [{"v": "x"}]},
    {"method": "POST", "url": "/embedded", "json": {"item": {"v": 1}}},
    {"method": "POST", "url": "/embedded", "json": {"v": 1}},
    {"method": "GET", "url": "/returns"},
    {"method": "GET", "url": "/optional?y=abc"},
    {"method": "GET", "url": "/optional?y=abcd"},
    {"method": "GET", "url": "/optional"},
]
