"""Pydantic models and dataclasses used as dependency classes via Depends() shorthand: their
fields become query parameters (or body for complex types), with constraints and defaults."""
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, FastAPI, Query
from pydantic import BaseModel, Field

app = FastAPI()


class Filters(BaseModel):
    name: str | None = None
    min_price: float = Field(0, ge=0)
    limit: int = Field(10, gt=0, le=100)
    active: bool = True


@app.get("/models")
def models(filters: Annotated[Filters, Depends()]):
    return filters


@app.get("/models-default-style")
def models_default_style(filters: Filters = Depends()):
    return {"type": type(filters).__name__, "filters": filters}


class RequiredFilters(BaseModel):
    category: str
    page: int


@app.get("/required")
def required(f: Annotated[RequiredFilters, Depends()]):
    return f


class WithList(BaseModel):
    tags: list[str] = []
    ids: list[int] = Field(Query([]))


@app.get("/with-list")
def with_list(f: Annotated[WithList, Depends()]):
    return f


@dataclass
class DataFilters:
    q: str
    size: int = 5
    labels: list[str] = field(default_factory=list)


@app.get("/dataclass")
def dataclass_dep(f: Annotated[DataFilters, Depends()]):
    return {"q": f.q, "size": f.size, "labels": f.labels}


CASES = [
    {"method": "GET", "url": "/models"},
    {"method": "GET", "url": "/models?name=x&min_price=1.5&limit=100&active=false"},
    {"method": "GET", "url": "/models?min_price=-1&limit=0&active=perhaps"},
    {"method": "GET", "url": "/models?limit=101&min_price=nan"},
    {"method": "GET", "url": "/models?min_price=inf"},
    {"method": "GET", "url": "/models?min_price=inf", "raise_server_exceptions": True},
    {"method": "GET", "url": "/models?name="},
    {"method": "GET", "url": "/models-default-style?name=d"},
    {"method": "GET", "url": "/required"},
    {"method": "GET", "url": "/required?category=c&page=2"},
    {"method": "GET", "url": "/required?category=c&page=two"},
    {"method": "GET", "url": "/with-list?ids=1&ids=2"},
    {"method": "GET", "url": "/with-list?ids=1&ids=x&tags=a"},
    {"method": "GET", "url": "/with-list", "json": ["a", "b"]},
    {"method": "GET", "url": "/dataclass?q=hi"},
    {"method": "GET", "url": "/dataclass?q=hi&size=2&labels=a&labels=b"},
    {"method": "GET", "url": "/dataclass?size=z"},
    {"method": "GET", "url": "/dataclass?q=hi", "json": ["x", "y"]},
    {"method": "GET", "url": "/dataclass?q=hi", "json": {"labels": ["x"]}},
    {"method": "GET", "url": "/dataclass?q=hi", "json": [1]},
]
