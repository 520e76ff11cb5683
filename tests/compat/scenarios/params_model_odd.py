"""Less common model-group forms: default-style Query(), two groups, nested models, model lists."""
from typing import Annotated, Optional

from fastapi import FastAPI, Header, Query
from pydantic import BaseModel


class Paging(BaseModel):
    page: int = 1
    size: int = 10


class Sorting(BaseModel):
    sort: str = "id"
    page: int = 99  # same field name as in Paging


class Inner(BaseModel):
    a: int


class Outer(BaseModel):
    inner: Optional[Inner] = None
    inners: list[Inner] = []
    name: str = "n"


class HeaderItem(BaseModel):
    x: int = 0


app = FastAPI()


@app.get("/default-style")
def default_style(p: Paging = Query()):
    return p


@app.get("/two-groups")
def two_groups(p: Annotated[Paging, Query()], s: Annotated[Sorting, Query()]):
    return {"p": p, "s": s}


@app.get("/nested")
def nested(o: Annotated[Outer, Query()]):
    return o


@app.get("/header-model-list")
def header_model_list(h: Annotated[list[HeaderItem], Header()] = []):
    return {"h": h}


@app.get("/model-plain")
def model_plain(p: Paging):
    # a bare model annotation is a JSON body, even on GET
    return p


CASES = [
    {"method": "GET", "url": "/default-style?page=2"},
    {"method": "GET", "url": "/default-style?page=x"},
    {"method": "GET", "url": "/default-style"},
    {"method": "GET", "url": "/two-groups?page=3&sort=name&size=5"},
    {"method": "GET", "url": "/two-groups"},
    {"method": "GET", "url": "/two-groups?page=x"},
    {"method": "GET", "url": "/nested"},
    {"method": "GET", "url": "/nested?name=z"},
    {"method": "GET", "url": "/nested?inner=1"},
    {"method": "GET", "url": "/nested?inners=1&inners=2"},
    {"method": "GET", "url": "/nested?inner.a=1"},
    {"name": "header model list absent", "method": "GET", "url": "/header-model-list"},
    {"name": "header model list present", "method": "GET", "url": "/header-model-list", "headers": {"h": "1"}},
    {"method": "GET", "url": "/model-plain?page=2"},
    {"method": "GET", "url": "/model-plain", "json": {"page": 2}},
]
