"""redirect_slashes (default True): a missing or extra trailing slash answers 307 with a
`location` (query string kept, method kept), only when the other form is routable; routes
in routers and mounts; interaction with 405 and HEAD."""
from fastapi import APIRouter, FastAPI

app = FastAPI()


@app.get("/items/")
def items_slash():
    return {"route": "/items/"}


@app.get("/users")
def users_no_slash():
    return {"route": "/users"}


@app.post("/create/")
def create():
    return {"route": "POST /create/"}


@app.get("/both")
def both_plain():
    return {"route": "/both"}


@app.get("/both/")
def both_slash():
    return {"route": "/both/"}


@app.get("/params/{p}/")
def params(p: str):
    return {"p": p}


router = APIRouter(prefix="/r")


@router.get("/")
def router_root():
    return {"route": "/r/"}


@router.get("")
def router_empty():
    return {"route": "/r"}


@router.get("/leaf/")
def router_leaf():
    return {"route": "/r/leaf/"}


app.include_router(router)

sub = FastAPI()


@sub.get("/x")
def sub_x():
    return {"route": "sub /x"}


app.mount("/sub", sub)


CASES = [
    {"method": "GET", "url": "/items/"},
    {"method": "GET", "url": "/items", "follow_redirects": False},
    {"method": "GET", "url": "/items?a=1&b=%C3%A9", "follow_redirects": False},
    {"method": "GET", "url": "/users"},
    {"method": "GET", "url": "/users/", "follow_redirects": False},
    {"method": "GET", "url": "/users/?q=1", "follow_redirects": False},
    {"method": "POST", "url": "/create/"},
    {"method": "POST", "url": "/create", "json": {"a": 1}, "follow_redirects": False},
    {"method": "GET", "url": "/create", "follow_redirects": False},
    {"method": "PUT", "url": "/create", "follow_redirects": False},
    {"method": "HEAD", "url": "/items", "follow_redirects": False},
    {"method": "DELETE", "url": "/items", "follow_redirects": False},
    {"method": "GET", "url": "/both", "follow_redirects": False},
    {"method": "GET", "url": "/both/", "follow_redirects": False},
    {"method": "GET", "url": "/params/abc", "follow_redirects": False},
    {"method": "GET", "url": "/params/abc/", "follow_redirects": False},
    {"method": "GET", "url": "/r/", "follow_redirects": False},
    {"method": "GET", "url": "/r", "follow_redirects": False},
    {"method": "GET", "url": "/r/leaf", "follow_redirects": False},
    {"method": "GET", "url": "/sub/x", "follow_redirects": False},
    {"method": "GET", "url": "/sub/x/", "follow_redirects": False},
    {"method": "GET", "url": "/sub", "follow_redirects": False},
    {"method": "GET", "url": "/sub/", "follow_redirects": False},
    {"method": "GET", "url": "/items//", "follow_redirects": False},
    {"method": "GET", "url": "/nothing/", "follow_redirects": False},
    {"name": "follow redirect", "method": "GET", "url": "/items"},
    {"name": "follow redirect POST keeps body", "method": "POST", "url": "/create", "json": {"a": 1}},
    {"name": "redirect with host header", "method": "GET", "url": "/items", "follow_redirects": False,
     "headers": {"host": "example.org:8080"}},
    {"name": "redirect with forwarded proto ignored", "method": "GET", "url": "/items",
     "follow_redirects": False, "headers": {"x-forwarded-proto": "https"}},
]
