"""url_path_for / request.url_for returned from endpoints: route names (function name
default, explicit name=), path params (int, str, path converter, quoting of special chars),
names inside routers, query strings not included, NoMatchFound errors (unknown name, missing
or extra params), duplicate names (first wins), and the scheme/host/port taken from the
request."""
from fastapi import APIRouter, FastAPI, Request
from starlette.routing import NoMatchFound

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int):
    return {"item_id": item_id}


@app.get("/files/{file_path:path}", name="get-file")
def get_file(file_path: str):
    return {"file_path": file_path}


@app.get("/users/{user_id}/posts/{post_id}")
def user_post(user_id: str, post_id: int):
    return {"u": user_id, "p": post_id}


@app.get("/dup", name="dup")
def dup_one():
    return {"which": "one"}


@app.get("/dup2", name="dup")
def dup_two():
    return {"which": "two"}


router = APIRouter(prefix="/r")


@router.get("/inner/{x}")
def inner(x: str):
    return {"x": x}


app.include_router(router)


@app.get("/links")
def links(request: Request):
    return {
        "item": str(request.url_for("read_item", item_id=5)),
        "item_str_param": str(request.url_for("read_item", item_id="abc")),
        "file": str(request.url_for("get-file", file_path="a/b c/ü.txt")),
        "post": str(request.url_for("user_post", user_id="john doe", post_id=3)),
        "post_special": str(request.url_for("user_post", user_id="a?c#d %", post_id=0)),
        "dup": str(request.url_for("dup")),
        "inner": str(request.url_for("inner", x="y")),
        "self": str(request.url_for("links")),
        "path_only": app.url_path_for("read_item", item_id=7),
        "path_only_type": type(app.url_path_for("read_item", item_id=7)).__name__,
        "router_path": app.router.url_path_for("inner", x="z"),
        "docs": app.url_path_for("swagger_ui_html"),
        "openapi": app.url_path_for("openapi"),
        "redoc": app.url_path_for("redoc_html"),
        "oauth2_redirect": app.url_path_for("swagger_ui_redirect"),
    }


@app.get("/errors")
def errors(request: Request):
    out = {}
    attempts = {
        "unknown": lambda: request.url_for("does_not_exist"),
        "missing_param": lambda: request.url_for("read_item"),
        "extra_param": lambda: request.url_for("read_item", item_id=1, extra=2),
        "path_unknown": lambda: app.url_path_for("nope", a=1),
        "slash_in_str_param": lambda: request.url_for("user_post", user_id="a/b", post_id=1),
    }
    for key, fn in attempts.items():
        try:
            out[key] = str(fn())
        except (NoMatchFound, AssertionError) as exc:
            out[key] = f"{type(exc).__name__}: {exc}"
    return out


@app.get("/unhandled-nomatch")
def unhandled(request: Request):
    return {"url": str(request.url_for("nothing_here"))}


CASES = [
    {"method": "GET", "url": "/links"},
    {"name": "links with host and port", "method": "GET", "url": "/links", "headers": {"host": "example.com:8443"}},
    {"name": "links via https base", "method": "GET", "url": "https://secure.test/links"},
    {"name": "links with query", "method": "GET", "url": "/links?a=1"},
    {"method": "GET", "url": "/errors"},
    {"method": "GET", "url": "/unhandled-nomatch"},
    {"method": "GET", "url": "/unhandled-nomatch", "raise_server_exceptions": True},
    {"method": "GET", "url": "/files/a/b%20c/%C3%BC.txt"},
    {"method": "GET", "url": "/dup"},
]
