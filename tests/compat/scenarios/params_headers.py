"""Header parameters: underscore conversion, aliases, case-insensitivity, duplicates, lists, types."""
from typing import Annotated, List, Optional

from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/basic")
def basic(user_agent: Annotated[Optional[str], Header()] = None, x_token: str = Header()):
    return {"user_agent": user_agent, "x_token": x_token}


@app.get("/no-convert")
def no_convert(
    strange_header: Annotated[Optional[str], Header(convert_underscores=False)] = None,
):
    return {"strange_header": strange_header}


@app.get("/alias")
def alias(
    token: Annotated[Optional[str], Header(alias="X-Auth_Token")] = None,
    other: Annotated[Optional[str], Header(alias="x-other")] = None,
):
    return {"token": token, "other": other}


@app.get("/alias-no-convert")
def alias_no_convert(
    token: Annotated[Optional[str], Header(alias="x_under", convert_underscores=False)] = None,
):
    return {"token": token}


@app.get("/typed")
def typed(
    x_count: Annotated[int, Header(ge=0)],
    x_ratio: Annotated[Optional[float], Header()] = None,
):
    return {"x_count": x_count, "x_ratio": x_ratio}


@app.get("/list")
def list_header(x_tag: Annotated[List[str], Header()] = []):
    return {"x_tag": x_tag}


@app.get("/list-required")
def list_required(x_num: Annotated[list[int], Header()]):
    return {"x_num": x_num}


@app.get("/list-optional")
def list_optional(x_num: Annotated[Optional[list[int]], Header()] = None):
    return {"x_num": x_num}


@app.get("/scalar-dup")
def scalar_dup(x_dup: Annotated[Optional[str], Header()] = None):
    return {"x_dup": x_dup}


@app.get("/constrained")
def constrained(x_code: Annotated[str, Header(min_length=3, max_length=5, pattern="^[A-Z]+$")] = "ABC"):
    return {"x_code": x_code}


@app.get("/default-style")
def default_style(
    accept_language: Optional[str] = Header(None, description="Lang"),
    x_deprecated: Optional[str] = Header(None, deprecated=True),
    x_hidden: Optional[str] = Header(None, include_in_schema=False),
):
    return {"accept_language": accept_language, "x_deprecated": x_deprecated, "x_hidden": x_hidden}


@app.get("/standard")
def standard(
    host: Annotated[Optional[str], Header()] = None,
    content_type: Annotated[Optional[str], Header()] = None,
    content_length: Annotated[Optional[int], Header()] = None,
):
    return {"host": host, "content_type": content_type, "content_length": content_length}


CASES = [
    {"name": "basic ok", "method": "GET", "url": "/basic", "headers": {"x-token": "t", "user-agent": "ua/1"}},
    {"name": "basic default testclient ua", "method": "GET", "url": "/basic", "headers": {"X-TOKEN": "T"}},
    {"name": "basic missing x-token", "method": "GET", "url": "/basic"},
    {"name": "basic underscore header name not matched", "method": "GET", "url": "/basic", "headers": {"x_token": "t"}},
    {"name": "basic empty value", "method": "GET", "url": "/basic", "headers": {"x-token": ""}},
    {"name": "basic utf8 value", "method": "GET", "url": "/basic", "headers": [("x-token", "caf\u00e9".encode("utf-8"))]},
    {"name": "basic latin1 value", "method": "GET", "url": "/basic", "headers": [("x-token", "caf\u00e9".encode("latin-1"))]},
    {"name": "basic whitespace value", "method": "GET", "url": "/basic", "headers": {"x-token": "  padded  "}},
    {"name": "no-convert underscore", "method": "GET", "url": "/no-convert", "headers": {"strange_header": "u"}},
    {"name": "no-convert hyphen", "method": "GET", "url": "/no-convert", "headers": {"strange-header": "h"}},
    {"name": "alias exact", "method": "GET", "url": "/alias", "headers": {"X-Auth_Token": "a", "X-Other": "o"}},
    {"name": "alias hyphenated", "method": "GET", "url": "/alias", "headers": {"x-auth-token": "a"}},
    {"name": "alias lower underscore", "method": "GET", "url": "/alias", "headers": {"x-auth_token": "a"}},
    {"name": "alias-no-convert underscore", "method": "GET", "url": "/alias-no-convert", "headers": {"x_under": "u"}},
    {"name": "alias-no-convert hyphen", "method": "GET", "url": "/alias-no-convert", "headers": {"x-under": "h"}},
    {"name": "typed ok", "method": "GET", "url": "/typed", "headers": {"x-count": "3", "x-ratio": "0.5"}},
    {"name": "typed bad", "method": "GET", "url": "/typed", "headers": {"x-count": "-1", "x-ratio": "half"}},
    {"name": "typed missing", "method": "GET", "url": "/typed"},
    {"name": "typed dup count last wins?", "method": "GET", "url": "/typed", "headers": [("x-count", "1"), ("x-count", "2")]},
    {"name": "list repeated", "method": "GET", "url": "/list", "headers": [("x-tag", "a"), ("x-tag", "b"), ("X-Tag", "c")]},
    {"name": "list comma joined", "method": "GET", "url": "/list", "headers": {"x-tag": "a, b,c"}},
    {"name": "list missing", "method": "GET", "url": "/list"},
    {"name": "list-required ok", "method": "GET", "url": "/list-required", "headers": [("x-num", "1"), ("x-num", "2")]},
    {"name": "list-required bad item", "method": "GET", "url": "/list-required", "headers": [("x-num", "1"), ("x-num", "z")]},
    {"name": "list-required missing", "method": "GET", "url": "/list-required"},
    {"name": "list-optional missing", "method": "GET", "url": "/list-optional"},
    {"name": "list-optional one", "method": "GET", "url": "/list-optional", "headers": {"x-num": "7"}},
    {"name": "scalar dup", "method": "GET", "url": "/scalar-dup", "headers": [("x-dup", "first"), ("x-dup", "second")]},
    {"name": "constrained ok", "method": "GET", "url": "/constrained", "headers": {"x-code": "ABCD"}},
    {"name": "constrained bad", "method": "GET", "url": "/constrained", "headers": {"x-code": "ab"}},
    {"name": "constrained long", "method": "GET", "url": "/constrained", "headers": {"x-code": "ABCDEF"}},
    {"name": "default-style", "method": "GET", "url": "/default-style",
     "headers": {"accept-language": "fr", "x-deprecated": "d", "x-hidden": "h"}},
    {"name": "standard headers", "method": "GET", "url": "/standard"},
    {"name": "standard headers with body", "method": "GET", "url": "/standard",
     "headers": {"content-type": "text/plain"}, "content": b"hello"},
]
