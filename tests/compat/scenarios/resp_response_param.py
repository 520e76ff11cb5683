"""Injected `response: Response` parameter: headers, cookies, status override, and what happens when a Response is returned."""
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Response
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str


@app.get("/headers")
def headers(response: Response):
    response.headers["X-Custom"] = "value"
    response.headers["x-lower"] = "lower"
    response.headers.append("X-Multi", "one")
    response.headers.append("X-Multi", "two")
    return {"ok": True}


@app.get("/override-content-type")
def override_content_type(response: Response):
    response.headers["content-type"] = "application/vnd.custom+json"
    return {"ct": "custom"}


@app.get("/override-content-length")
def override_content_length(response: Response):
    response.headers["content-length"] = "999"
    return {"cl": "custom"}


@app.get("/cookie")
def cookie(response: Response):
    response.set_cookie("session", "abc123")
    response.set_cookie(
        key="full",
        value="v a l",
        max_age=60,
        path="/sub",
        domain="example.com",
        secure=True,
        httponly=True,
        samesite="strict",
    )
    return {"cookies": 2}


@app.get("/expire-cookie")
def expire_cookie(response: Response):
    # delete_cookie() embeds the current time; a fixed expires string stays deterministic
    response.set_cookie("session", "", expires="Thu, 01 Jan 1970 00:00:00 GMT", max_age=0)
    return {"expired": True}


@app.get("/status", status_code=200)
def status(response: Response, code: int = 201):
    response.status_code = code
    return {"code": code}


@app.get("/status-model", response_model=Item, status_code=201)
def status_model(response: Response):
    response.status_code = 207
    response.headers["X-Model"] = "1"
    return {"name": "n", "hidden": True}


@app.get("/returns-json-response")
def returns_json_response(response: Response):
    # headers set on the injected response are NOT merged into a returned Response
    response.headers["X-Lost"] = "lost"
    response.set_cookie("lost", "1")
    response.status_code = 299
    return JSONResponse({"direct": True}, headers={"X-Direct": "kept"})


@app.get("/returns-same-response")
def returns_same_response(response: Response):
    response.headers["X-Same"] = "same"
    response.status_code = 201
    response.body = b"manual"
    return response


@app.get("/returns-plain-text")
def returns_plain_text(response: Response):
    response.headers["X-Lost"] = "lost"
    return PlainTextResponse("text", status_code=202)


async def dep_sets_header(response: Response):
    response.headers["X-From-Dep"] = "dep"
    response.set_cookie("dep_cookie", "d")
    response.status_code = 203
    return "dep-value"


@app.get("/from-dependency")
def from_dependency(value: Annotated[str, Depends(dep_sets_header)], response: Response):
    response.headers["X-From-Endpoint"] = "endpoint"
    return {"value": value}


@app.get("/dep-status-then-endpoint-status")
def dep_status_then_endpoint_status(value: str = Depends(dep_sets_header), response: Response = None):  # type: ignore[assignment]
    response.status_code = 208
    return {"value": value}


def dep_yield(response: Response):
    response.headers["X-Yield-Before"] = "before"
    yield "y"
    response.headers["X-Yield-After"] = "after-is-too-late"


@app.get("/dep-yield")
def dep_yield_endpoint(value: str = Depends(dep_yield)):
    return {"value": value}


@app.get("/http-exception-after-header")
def http_exception_after_header(response: Response):
    response.headers["X-Before-Error"] = "lost?"
    raise HTTPException(status_code=418, detail="teapot", headers={"X-Error": "kept"})


@app.get("/html-class-with-param", response_class=HTMLResponse)
def html_class_with_param(response: Response):
    response.headers["X-Html"] = "1"
    return "<p>hi</p>"


@app.get("/redirect-with-param")
def redirect_with_param(response: Response):
    response.set_cookie("lost", "1")
    return RedirectResponse("/headers", status_code=302)


@app.get("/media-type-on-param")
def media_type_on_param(response: Response):
    response.media_type = "text/plain"
    return {"media": "ignored?"}


@app.get("/background-param")
async def background_param(response: Response):
    response.headers["X-Async"] = "async"
    response.status_code = 202
    return None


@app.get("/raw-headers-dup")
def raw_headers_dup(response: Response):
    response.headers["x-dup"] = "a"
    response.headers["X-Dup"] = "b"
    response.headers.append("set-cookie", "raw=1")
    return {}


CASES = [
    {"method": "GET", "url": "/headers"},
    {"method": "GET", "url": "/override-content-type"},
    {"method": "GET", "url": "/override-content-length"},
    {"method": "GET", "url": "/cookie"},
    {"method": "GET", "url": "/expire-cookie"},
    {"method": "GET", "url": "/status"},
    {"method": "GET", "url": "/status?code=404"},
    {"method": "GET", "url": "/status?code=204"},
    {"method": "GET", "url": "/status?code=304"},
    {"method": "GET", "url": "/status-model"},
    {"method": "GET", "url": "/returns-json-response"},
    {"method": "GET", "url": "/returns-same-response"},
    {"method": "GET", "url": "/returns-plain-text"},
    {"method": "GET", "url": "/from-dependency"},
    {"method": "GET", "url": "/dep-status-then-endpoint-status"},
    {"method": "GET", "url": "/dep-yield"},
    {"method": "GET", "url": "/http-exception-after-header"},
    {"method": "GET", "url": "/html-class-with-param"},
    {"method": "GET", "url": "/redirect-with-param", "follow_redirects": False},
    {"method": "GET", "url": "/media-type-on-param"},
    {"method": "GET", "url": "/background-param"},
    {"method": "GET", "url": "/raw-headers-dup"},
]
