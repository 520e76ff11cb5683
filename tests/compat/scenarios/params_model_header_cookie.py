"""Pydantic models as header and cookie parameter groups."""
from typing import Annotated, Optional

from fastapi import Cookie, FastAPI, Header
from pydantic import BaseModel, Field


class CommonHeaders(BaseModel):
    host: str
    save_data: bool = False
    if_modified_since: Optional[str] = None
    traceparent: Optional[str] = None
    x_tag: list[str] = []


class StrictHeaders(BaseModel):
    model_config = {"extra": "forbid"}

    x_token: str
    x_count: int = 0


class AllowHeaders(BaseModel):
    model_config = {"extra": "allow"}

    x_token: Optional[str] = None


class Cookies(BaseModel):
    session_id: str
    fatebook_tracker: Optional[str] = None
    googall_tracker: Optional[str] = None


class StrictCookies(BaseModel):
    model_config = {"extra": "forbid"}

    session_id: str
    visits: int = Field(0, ge=0)


app = FastAPI()


@app.get("/headers")
def headers(h: Annotated[CommonHeaders, Header()]):
    return h


@app.get("/headers-no-convert")
def headers_no_convert(h: Annotated[CommonHeaders, Header(convert_underscores=False)]):
    return h


@app.get("/headers-strict")
def headers_strict(h: Annotated[StrictHeaders, Header()]):
    return h


@app.get("/headers-allow")
def headers_allow(h: Annotated[AllowHeaders, Header()]):
    return h.model_dump()


@app.get("/cookies-allow")
def cookies_allow(c: Annotated[AllowHeaders, Cookie()]):
    return c.model_dump()


@app.get("/cookies")
def cookies(c: Annotated[Cookies, Cookie()]):
    return c


@app.get("/cookies-strict")
def cookies_strict(c: Annotated[StrictCookies, Cookie()]):
    return c


CASES = [
    {"name": "headers basic", "method": "GET", "url": "/headers",
     "headers": {"save-data": "on", "if-modified-since": "yesterday", "traceparent": "t1"}},
    {"name": "headers list repeated", "method": "GET", "url": "/headers",
     "headers": [("x-tag", "a"), ("x-tag", "b")]},
    {"name": "headers list single", "method": "GET", "url": "/headers", "headers": {"x-tag": "a,b"}},
    {"name": "headers underscore names ignored", "method": "GET", "url": "/headers",
     "headers": {"save_data": "yes"}},
    {"name": "headers bad bool", "method": "GET", "url": "/headers", "headers": {"save-data": "maybe"}},
    {"name": "headers no-convert underscore", "method": "GET", "url": "/headers-no-convert",
     "headers": {"save_data": "yes", "x_tag": "q"}},
    {"name": "headers no-convert hyphen ignored", "method": "GET", "url": "/headers-no-convert",
     "headers": {"save-data": "yes"}},
    {"name": "headers strict minimal", "method": "GET", "url": "/headers-strict", "headers": {"x-token": "t"}},
    {"name": "headers strict missing", "method": "GET", "url": "/headers-strict"},
    {"name": "headers strict bad count", "method": "GET", "url": "/headers-strict",
     "headers": {"x-token": "t", "x-count": "many"}},
    {"name": "headers allow", "method": "GET", "url": "/headers-allow",
     "headers": [("x-token", "t"), ("x-extra", "e1"), ("x-extra", "e2"), ("x_under", "u")]},
    {"name": "cookies allow", "method": "GET", "url": "/cookies-allow",
     "headers": {"Cookie": "x_token=t; other=o; x-token=h"}},
    {"name": "cookies ok", "method": "GET", "url": "/cookies",
     "headers": {"Cookie": "session_id=123; fatebook_tracker=abc; unrelated=x"}},
    {"name": "cookies missing", "method": "GET", "url": "/cookies"},
    {"name": "cookies partial", "method": "GET", "url": "/cookies", "headers": {"Cookie": "googall_tracker=g"}},
    {"name": "cookies strict ok", "method": "GET", "url": "/cookies-strict",
     "headers": {"Cookie": "session_id=1; visits=2"}},
    {"name": "cookies strict extra", "method": "GET", "url": "/cookies-strict",
     "headers": {"Cookie": "session_id=1; santa_tracker=good-list-please"}},
    {"name": "cookies strict invalid", "method": "GET", "url": "/cookies-strict",
     "headers": {"Cookie": "visits=-3; extra=1"}},
]
