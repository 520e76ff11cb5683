"""Body parameters declared inside dependencies (alone, alongside the endpoint's own body,
shared between sub-dependencies, class dependencies), and how they merge into one embedded
JSON object; error ordering between dependency and endpoint params."""
from typing import Annotated

from fastapi import Body, Depends, FastAPI, Request
from pydantic import BaseModel

app = FastAPI()

CALLS: list[str] = []


class Item(BaseModel):
    name: str
    price: float = 1.0


class User(BaseModel):
    username: str


def get_user(user: User):
    CALLS.append(f"get_user:{user.username}")
    return user


def get_token(token: Annotated[str, Body()]):
    CALLS.append("get_token")
    return token


def get_token_embed(token: Annotated[str, Body(embed=True)]):
    return token


async def raw_body(request: Request):
    return await request.body()


async def json_body(request: Request):
    return await request.json()


@app.post("/dep-only/")
def dep_only(user: Annotated[User, Depends(get_user)]):
    return {"user": user}


@app.post("/dep-and-body/")
def dep_and_body(item: Item, user: Annotated[User, Depends(get_user)]):
    return {"item": item, "user": user}


@app.post("/dep-singular/")
def dep_singular(token: Annotated[str, Depends(get_token)]):
    return {"token": token}


@app.post("/dep-singular-embed/")
def dep_singular_embed(token: Annotated[str, Depends(get_token_embed)]):
    return {"token": token}


@app.post("/dep-singular-and-body/")
def dep_singular_and_body(item: Item, token: Annotated[str, Depends(get_token)]):
    return {"item": item, "token": token}


def sub_a(item: Item):
    return f"a:{item.name}"


def sub_b(item: Item, a: Annotated[str, Depends(sub_a)]):
    return f"b:{item.name}:{a}"


@app.post("/shared/")
def shared(item: Item, b: Annotated[str, Depends(sub_b)]):
    return {"item": item, "b": b}


class Paging:
    def __init__(self, limit: Annotated[int, Body()] = 10, offset: Annotated[int, Body()] = 0):
        self.limit = limit
        self.offset = offset


@app.post("/class-dep/")
def class_dep(paging: Annotated[Paging, Depends()]):
    return {"limit": paging.limit, "offset": paging.offset}


@app.post("/class-dep-and-body/")
def class_dep_and_body(item: Item, paging: Annotated[Paging, Depends()]):
    return {"item": item, "limit": paging.limit, "offset": paging.offset}


@app.post("/raw-and-model/")
async def raw_and_model(item: Item, raw: Annotated[bytes, Depends(raw_body)], data: Annotated[dict, Depends(json_body)]):
    return {"item": item, "raw": raw.decode(), "data": data}


@app.post("/raw-only/")
async def raw_only(raw: Annotated[bytes, Depends(raw_body)]):
    return {"raw": raw.decode("latin-1")}


@app.post("/json-only/")
async def json_only(data: Annotated[dict, Depends(json_body)]):
    return {"data": data}


@app.post("/router-dep/", dependencies=[Depends(get_user)])
def router_dep(item: Item):
    return {"item": item}


@app.get("/calls/")
def calls():
    result = list(CALLS)
    CALLS.clear()
    return result


CASES = [
    {"method": "POST", "url": "/dep-only/", "json": {"username": "ann"}},
    {"method": "POST", "url": "/dep-only/", "json": {"user": {"username": "ann"}}},
    {"method": "POST", "url": "/dep-only/", "json": {}},
    {"method": "POST", "url": "/dep-and-body/", "json": {"item": {"name": "Foo"}, "user": {"username": "ann"}}},
    {"method": "POST", "url": "/dep-and-body/", "json": {"name": "Foo", "username": "ann"}},
    {"method": "POST", "url": "/dep-and-body/", "json": {"item": {"name": 1}, "user": {}}},
    {"method": "POST", "url": "/dep-and-body/", "json": {"item": {"name": "Foo"}}},
    {"method": "POST", "url": "/dep-and-body/"},
    {"method": "POST", "url": "/dep-and-body/", "json": {"user": {"username": "bob"}}, "name": "dep ok, endpoint body missing (is get_user called?)"},
    {"method": "POST", "url": "/dep-singular/", "json": "tok"},
    {"method": "POST", "url": "/dep-singular/", "json": {"token": "tok"}},
    {"method": "POST", "url": "/dep-singular-embed/", "json": {"token": "tok"}},
    {"method": "POST", "url": "/dep-singular-embed/", "json": "tok"},
    {"method": "POST", "url": "/dep-singular-and-body/", "json": {"item": {"name": "Foo"}, "token": "tok"}},
    {"method": "POST", "url": "/dep-singular-and-body/", "json": {"item": {"name": "Foo"}}},
    {"method": "POST", "url": "/dep-singular-and-body/", "json": {"token": 5}},
    {"method": "POST", "url": "/dep-singular-and-body/", "json": {"token": "t2", "item": 3}},
    {"method": "POST", "url": "/shared/", "json": {"name": "Foo"}},
    {"method": "POST", "url": "/shared/", "json": {"item": {"name": "Foo"}}},
    {"method": "POST", "url": "/shared/", "json": {}},
    {"method": "POST", "url": "/class-dep/", "json": {"limit": 5, "offset": 2}},
    {"method": "POST", "url": "/class-dep/", "json": {}},
    {"method": "POST", "url": "/class-dep/"},
    {"method": "POST", "url": "/class-dep/", "json": {"limit": "x"}},
    {"method": "POST", "url": "/class-dep/", "json": 5},
    {"method": "POST", "url": "/class-dep-and-body/", "json": {"item": {"name": "Foo"}, "limit": 3}},
    {"method": "POST", "url": "/class-dep-and-body/", "json": {"name": "Foo"}},
    {"method": "POST", "url": "/raw-and-model/", "json": {"name": "Foo"}},
    {"method": "POST", "url": "/raw-only/", "content": b"\x00\xffabc", "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/json-only/", "json": {"a": [1]}},
    {"method": "POST", "url": "/json-only/", "content": b"{bad", "headers": {"content-type": "application/json"}},
    {"method": "GET", "url": "/calls/"},
    {"method": "POST", "url": "/router-dep/", "json": {"item": {"name": "Foo"}, "user": {"username": "rd"}}},
    {"method": "POST", "url": "/router-dep/", "json": {"name": "Foo"}},
    {"method": "GET", "url": "/calls/"},
]
