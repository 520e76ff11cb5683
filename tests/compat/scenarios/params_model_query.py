"""Pydantic models as query parameter groups: Annotated[Model, Query()], extra=forbid, aliases, lists."""
from typing import Annotated, Literal, Optional

from fastapi import FastAPI, Query
from pydantic import BaseModel, ConfigDict, Field


class FilterParams(BaseModel):
    limit: int = Field(100, gt=0, le=100)
    offset: int = Field(0, ge=0)
    order_by: Literal["created_at", "updated_at"] = "created_at"
    tags: list[str] = []


class StrictFilter(BaseModel):
    model_config = {"extra": "forbid"}

    q: Optional[str] = None
    page: int = 1


class AliasedFilter(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    search_term: str = Field(alias="search-term")
    max_items: Optional[int] = Field(None, alias="maxItems", description="How many")


class PlainAliased(BaseModel):
    page_size: int = Field(10, alias="pageSize", le=50)
    sort_key: str = Field(alias="sortKey")


class OptionalAliased(BaseModel):
    page_size: int = Field(10, alias="pageSize", le=50)


class DefaultsProbe(BaseModel):
    name: str
    a: int = 0
    b: Optional[str] = None
    c: str = ""
    d: list[str] = []
    e: bool = False
    f: Optional[int] = 5


class AllowExtra(BaseModel):
    model_config = {"extra": "allow"}

    q: Optional[str] = None


class RequiredFields(BaseModel):
    name: str
    age: int
    nick: Optional[str] = None


class WithNested(BaseModel):
    ids: list[int] = Field(default_factory=list)
    flag: bool = False


app = FastAPI()


@app.get("/items")
def items(filter_query: Annotated[FilterParams, Query()]):
    return filter_query


@app.get("/strict")
def strict(f: Annotated[StrictFilter, Query()]):
    return {"f": f, "type": type(f).__name__}


@app.get("/aliased")
def aliased(f: Annotated[AliasedFilter, Query()]):
    return f.model_dump()


@app.get("/plain-aliased")
def plain_aliased(p: Annotated[PlainAliased, Query()]):
    return p


@app.get("/optional-aliased")
def optional_aliased(p: Annotated[OptionalAliased, Query()]):
    return p


@app.get("/defaults-probe")
def defaults_probe(p: Annotated[DefaultsProbe, Query()]):
    return p


@app.get("/allow-extra")
def allow_extra(p: Annotated[AllowExtra, Query()]):
    return p.model_dump()


@app.get("/required")
def required(r: Annotated[RequiredFields, Query()]):
    return r


@app.get("/nested")
def nested(w: Annotated[WithNested, Query()]):
    return w


@app.get("/model-and-scalar")
def model_and_scalar(r: Annotated[RequiredFields, Query()], extra: int = 0):
    return {"r": r, "extra": extra}


CASES = [
    {"method": "GET", "url": "/items"},
    {"method": "GET", "url": "/items?limit=10&offset=5&order_by=updated_at&tags=a&tags=b"},
    {"method": "GET", "url": "/items?tags=only"},
    {"method": "GET", "url": "/items?limit=0&offset=-1&order_by=name"},
    {"method": "GET", "url": "/items?limit=x"},
    {"method": "GET", "url": "/items?unknown=1"},
    {"method": "GET", "url": "/items?filter_query=1"},
    {"method": "GET", "url": "/strict"},
    {"method": "GET", "url": "/strict?q=x&page=2"},
    {"method": "GET", "url": "/strict?q=x&tool=plumbus"},
    {"method": "GET", "url": "/strict?a=1&b=2&b=3"},
    {"method": "GET", "url": "/strict?page=x&tool=plumbus"},
    {"method": "GET", "url": "/aliased?search-term=hi&maxItems=3"},
    {"method": "GET", "url": "/aliased?search_term=hi&max_items=3"},
    {"method": "GET", "url": "/aliased?search-term=hi&max_items=3"},
    {"method": "GET", "url": "/aliased"},
    {"method": "GET", "url": "/aliased?search-term=hi&maxItems=many"},
    {"method": "GET", "url": "/plain-aliased?sortKey=k&pageSize=5"},
    {"method": "GET", "url": "/plain-aliased?sortKey=k&pageSize=x"},
    {"method": "GET", "url": "/plain-aliased?pageSize=99"},
    {"method": "GET", "url": "/plain-aliased?sort_key=k&page_size=5"},
    {"method": "GET", "url": "/optional-aliased?pageSize=5"},
    {"method": "GET", "url": "/optional-aliased?pageSize=99"},
    {"method": "GET", "url": "/optional-aliased?page_size=5"},
    {"method": "GET", "url": "/optional-aliased"},
    {"method": "GET", "url": "/defaults-probe"},
    {"method": "GET", "url": "/defaults-probe?a=x&d=1&d=2"},
    {"method": "GET", "url": "/defaults-probe?name=n"},
    {"method": "GET", "url": "/allow-extra?q=1&z=2&z=3&y="},
    {"method": "GET", "url": "/allow-extra"},
    {"method": "GET", "url": "/required"},
    {"method": "GET", "url": "/required?name=n"},
    {"method": "GET", "url": "/required?name=n&age=3"},
    {"method": "GET", "url": "/required?name=n&age=3&name=m"},
    {"method": "GET", "url": "/required?name=&age="},
    {"method": "GET", "url": "/nested?ids=1&ids=2&flag=yes"},
    {"method": "GET", "url": "/nested?ids=1"},
    {"method": "GET", "url": "/nested"},
    {"method": "GET", "url": "/nested?ids=a"},
    {"method": "GET", "url": "/model-and-scalar?name=n&age=1&extra=2"},
    {"method": "GET", "url": "/model-and-scalar?extra=x"},
]
