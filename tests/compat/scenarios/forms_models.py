"""Annotated[Model, Form()] form models: defaults, lists, extra="forbid", aliases, empty strings."""
from typing import Annotated, Optional

from fastapi import FastAPI, Form
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI()


class Signup(BaseModel):
    username: str
    age: int
    nickname: Optional[str] = None
    country: str = "FR"
    tags: list[str] = []
    newsletter: bool = False


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str
    password: str
    remember: bool = False


class Aliased(BaseModel):
    user_name: str = Field(alias="userName")
    count: int = Field(default=1, ge=1)


class Ignored(BaseModel):
    model_config = ConfigDict(extra="ignore")

    a: str


class Allowed(BaseModel):
    model_config = ConfigDict(extra="allow")

    a: str


class Nums(BaseModel):
    n: int = 5
    m: Optional[int] = None
    s: str = "dflt"
    o: Optional[str] = None


@app.post("/signup")
def signup(data: Annotated[Signup, Form()]):
    return data


@app.post("/strict")
async def strict(data: Annotated[Strict, Form()]):
    return data.model_dump()


@app.post("/aliased")
def aliased(data: Annotated[Aliased, Form()]):
    return {"user_name": data.user_name, "count": data.count}


@app.post("/ignored")
def ignored(data: Annotated[Ignored, Form()]):
    return data.model_dump()


@app.post("/allowed")
def allowed(data: Annotated[Allowed, Form()]):
    return data.model_dump()


@app.post("/nums")
def nums(data: Annotated[Nums, Form()]):
    return {"fields_set": sorted(data.model_fields_set), **data.model_dump()}


@app.post("/default-style")
def default_style(data: Signup = Form()):
    return data


FORM = {"content-type": "application/x-www-form-urlencoded"}

CASES = [
    {"method": "POST", "url": "/signup", "data": {"username": "ann", "age": "3"}},
    {"method": "POST", "url": "/signup", "data": {"username": "ann", "age": "3", "nickname": "a", "country": "NO",
                                                 "tags": ["x", "y"], "newsletter": "on"}},
    {"method": "POST", "url": "/signup", "content": b"username=ann&age=3&tags=only", "headers": FORM},
    {"method": "POST", "url": "/signup", "content": b"username=ann&age=3&tags=", "headers": FORM},
    {"method": "POST", "url": "/signup", "content": b"username=&age=3&nickname=&country=", "headers": FORM},
    {"method": "POST", "url": "/signup", "content": b"username=ann&age=&newsletter=", "headers": FORM},
    {"method": "POST", "url": "/signup", "content": b"username=ann&age=x&newsletter=perhaps", "headers": FORM},
    {"method": "POST", "url": "/signup", "content": b"username=ann&age=1&age=2&username=bob", "headers": FORM},
    {"method": "POST", "url": "/signup", "content": b"username=ann&age=1&unknown=zzz", "headers": FORM},
    {"method": "POST", "url": "/signup"},
    {"method": "POST", "url": "/signup", "content": b"data=x", "headers": FORM},
    {"method": "POST", "url": "/strict", "data": {"username": "u", "password": "p"}},
    {"method": "POST", "url": "/strict", "data": {"username": "u", "password": "p", "remember": "true"}},
    {"method": "POST", "url": "/strict", "data": {"username": "u", "password": "p", "extra": "nope"}},
    {"method": "POST", "url": "/strict", "data": {"username": "u", "password": "p", "extra": "1", "more": "2"}},
    {"method": "POST", "url": "/strict", "content": b"username=u&password=p&extra=a&extra=b", "headers": FORM},
    {"method": "POST", "url": "/strict", "content": b"username=u&password=p&extra=", "headers": FORM},
    {"method": "POST", "url": "/strict", "data": {"extra": "nope"}},
    {"method": "POST", "url": "/strict", "content": b"username=u&password=p&remember=", "headers": FORM},
    {"method": "POST", "url": "/strict"},
    {"method": "POST", "url": "/aliased", "data": {"userName": "bob"}},
    {"method": "POST", "url": "/aliased", "data": {"user_name": "bob"}},
    {"method": "POST", "url": "/aliased", "data": {"userName": "bob", "count": "0"}},
    {"method": "POST", "url": "/aliased", "data": {"userName": "bob", "count": ""}},
    {"method": "POST", "url": "/ignored", "data": {"a": "1", "b": "2"}},
    {"method": "POST", "url": "/allowed", "data": {"a": "1", "b": "2"}},
    {"method": "POST", "url": "/allowed", "content": b"a=1&b=2&b=3&c=", "headers": FORM},
    {"method": "POST", "url": "/nums"},
    {"method": "POST", "url": "/nums", "content": b"n=&m=&s=&o=", "headers": FORM},
    {"method": "POST", "url": "/nums", "content": b"n=1&m=2&s=x&o=y", "headers": FORM},
    {"method": "POST", "url": "/nums", "content": b"m=", "headers": FORM},
    {"method": "POST", "url": "/nums", "content": b"o=", "headers": FORM},
    {"method": "POST", "url": "/default-style", "data": {"username": "ann", "age": "3"}},
    {"method": "POST", "url": "/default-style", "data": {"username": "ann"}},
    {"method": "POST", "url": "/signup", "json": {"username": "ann", "age": 3}},
]
