"""Odd but accepted route declarations: a path without a leading '/', an empty path on the
app, a router prefix holding a path parameter, api_route(methods=...) given lower-case
names, and a set, and router
prefix + route path '/' (trailing slash kept)."""
from fastapi import APIRouter, FastAPI, Request

app = FastAPI()


@app.get("no-slash")
def no_slash():
    return {"route": "no-slash"}


@app.get("")
def empty_path():
    return {"route": "empty"}


users = APIRouter(prefix="/users/{user_id}")


@users.get("/items/{item_id}")
def user_item(user_id: int, item_id: str):
    return {"user_id": user_id, "item_id": item_id}


@users.get("/")
def user_root(user_id: int):
    return {"user_id": user_id}


app.include_router(users)


@app.api_route("/lower", methods=["get", "post"], include_in_schema=False)
def lower(request: Request):
    return {"method": request.method}


@app.api_route("/set-methods", methods={"PUT"})
def set_methods(request: Request):
    return {"method": request.method}


CASES = [
    {"method": "GET", "url": "/no-slash"},
    {"method": "GET", "url": "/"},
    {"method": "GET", "url": "/users/5/items/abc"},
    {"method": "GET", "url": "/users/x/items/abc"},
    {"method": "GET", "url": "/users/5/"},
    {"method": "GET", "url": "/users/5", "follow_redirects": False},
    {"method": "GET", "url": "/lower"},
    {"method": "POST", "url": "/lower"},
    {"method": "PUT", "url": "/set-methods"},
    {"method": "GET", "url": "/set-methods"},
]
