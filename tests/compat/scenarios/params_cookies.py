"""Cookie parameters: multiple, missing, invalid, aliases, odd Cookie header syntax."""
from typing import Annotated, Optional

from fastapi import Cookie, FastAPI

app = FastAPI()


@app.get("/basic")
def basic(session_id: Annotated[str, Cookie()], theme: Optional[str] = Cookie(None)):
    return {"session_id": session_id, "theme": theme}


@app.get("/typed")
def typed(
    visits: Annotated[int, Cookie(ge=0)] = 0,
    ratio: Annotated[Optional[float], Cookie()] = None,
    flag: Annotated[bool, Cookie()] = False,
):
    return {"visits": visits, "ratio": ratio, "flag": flag}


@app.get("/alias")
def alias(token: Annotated[Optional[str], Cookie(alias="auth-token")] = None):
    return {"token": token}


@app.get("/underscore")
def underscore(my_cookie: Annotated[Optional[str], Cookie()] = None):
    return {"my_cookie": my_cookie}


@app.get("/constrained")
def constrained(code: Annotated[Optional[str], Cookie(min_length=2, pattern="^[a-z]+$")] = None):
    return {"code": code}


@app.get("/meta")
def meta(
    a: Annotated[Optional[str], Cookie(description="cookie a", deprecated=True, examples=["x"])] = None,
    b: Annotated[Optional[str], Cookie(include_in_schema=False)] = None,
):
    return {"a": a, "b": b}


@app.get("/list")
def list_cookie(c: Annotated[Optional[list[str]], Cookie()] = None):
    return {"c": c}


def ck(value: str) -> dict:
    return {"Cookie": value}


CASES = [
    {"name": "basic both", "method": "GET", "url": "/basic", "headers": ck("session_id=abc; theme=dark")},
    {"name": "basic only required", "method": "GET", "url": "/basic", "headers": ck("session_id=abc")},
    {"name": "basic missing", "method": "GET", "url": "/basic"},
    {"name": "basic other cookie only", "method": "GET", "url": "/basic", "headers": ck("theme=dark")},
    {"name": "basic empty value", "method": "GET", "url": "/basic", "headers": ck("session_id=")},
    {"name": "basic quoted value", "method": "GET", "url": "/basic", "headers": ck('session_id="quoted value"')},
    {"name": "basic duplicate cookie", "method": "GET", "url": "/basic", "headers": ck("session_id=one; session_id=two")},
    {"name": "basic no spaces", "method": "GET", "url": "/basic", "headers": ck("session_id=abc;theme=light")},
    {"name": "basic trailing semicolon", "method": "GET", "url": "/basic", "headers": ck("session_id=abc; ")},
    {"name": "basic value with equals", "method": "GET", "url": "/basic", "headers": ck("session_id=a=b=c")},
    {"name": "basic percent encoded", "method": "GET", "url": "/basic", "headers": ck("session_id=a%20b")},
    {"name": "basic octal escape", "method": "GET", "url": "/basic", "headers": ck('session_id="a\\054b"')},
    {"name": "basic bare token", "method": "GET", "url": "/basic", "headers": ck("session_id")},
    {"name": "basic case-sensitive name", "method": "GET", "url": "/basic", "headers": ck("Session_Id=abc")},
    {"name": "basic two cookie headers", "method": "GET", "url": "/basic",
     "headers": [("cookie", "session_id=abc"), ("cookie", "theme=dark")]},
    {"name": "basic percent-encoded utf8 kept raw", "method": "GET", "url": "/basic", "headers": ck("session_id=%E2%9C%93")},
    {"name": "basic garbage separators", "method": "GET", "url": "/basic", "headers": ck(";;=x; ;session_id=ok;;")},
    {"name": "basic spaces around", "method": "GET", "url": "/basic", "headers": ck("  session_id  =  spaced  ; theme= t ")},
    {"name": "basic raw utf8 value", "method": "GET", "url": "/basic", "headers": [("cookie", "session_id=caf\u00e9".encode())]},
    {"name": "basic comma separated", "method": "GET", "url": "/basic", "headers": ck("session_id=a, theme=b")},
    {"name": "basic empty cookie header", "method": "GET", "url": "/basic", "headers": ck("")},
    {"name": "typed ok", "method": "GET", "url": "/typed", "headers": ck("visits=5; ratio=0.25; flag=yes")},
    {"name": "typed invalid", "method": "GET", "url": "/typed", "headers": ck("visits=-1; ratio=abc; flag=maybe")},
    {"name": "typed missing", "method": "GET", "url": "/typed"},
    {"name": "typed not int", "method": "GET", "url": "/typed", "headers": ck("visits=five")},
    {"name": "alias ok", "method": "GET", "url": "/alias", "headers": ck("auth-token=tok")},
    {"name": "alias by name", "method": "GET", "url": "/alias", "headers": ck("token=tok")},
    {"name": "underscore name", "method": "GET", "url": "/underscore", "headers": ck("my_cookie=1")},
    {"name": "underscore hyphenated", "method": "GET", "url": "/underscore", "headers": ck("my-cookie=1")},
    {"name": "constrained ok", "method": "GET", "url": "/constrained", "headers": ck("code=ab")},
    {"name": "constrained bad", "method": "GET", "url": "/constrained", "headers": ck("code=A")},
    {"name": "meta", "method": "GET", "url": "/meta", "headers": ck("a=1; b=2")},
    {"name": "list cookie", "method": "GET", "url": "/list", "headers": ck("c=1; c=2")},
    {"name": "list cookie missing", "method": "GET", "url": "/list"},
]
