"""HTTPBasic: credentials decoding and every failure mode, with and without a realm,
auto_error=False, scheme_name/description in the OpenAPI document."""
import base64
from typing import Annotated, Optional

from fastapi import Depends, FastAPI
from fastapi.security import HTTPBasic, HTTPBasicCredentials

app = FastAPI()

basic = HTTPBasic()
basic_realm = HTTPBasic(realm="My Realm", description="Basic with a realm")
basic_optional = HTTPBasic(auto_error=False, scheme_name="OptionalBasic")
basic_quoted_realm = HTTPBasic(realm='a "quoted" realm')
basic_empty_realm = HTTPBasic(realm="")


@app.get("/basic")
def read_basic(credentials: Annotated[HTTPBasicCredentials, Depends(basic)]):
    return {"username": credentials.username, "password": credentials.password, "type": type(credentials).__name__}


@app.get("/realm")
def read_realm(credentials: HTTPBasicCredentials = Depends(basic_realm)):
    return credentials


@app.get("/optional")
def read_optional(credentials: Annotated[Optional[HTTPBasicCredentials], Depends(basic_optional)]):
    if credentials is None:
        return {"anonymous": True}
    return credentials.model_dump()


@app.get("/quoted")
def read_quoted(credentials: Annotated[HTTPBasicCredentials, Depends(basic_quoted_realm)]):
    return credentials


@app.get("/empty-realm")
def read_empty_realm(credentials: Annotated[HTTPBasicCredentials, Depends(basic_empty_realm)]):
    return credentials


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def auth(value: str) -> dict:
    return {"authorization": value}


VARIANTS = [
    None,
    "Basic " + b64(b"alice:secret"),
    "basic " + b64(b"alice:secret"),
    "BASIC " + b64(b"alice:secret"),
    "Basic " + b64(b"alice:se:cr:et"),
    "Basic " + b64(b":"),
    "Basic " + b64(b"alice:"),
    "Basic " + b64(b":secret"),
    "Basic " + b64(b"nocolon"),
    "Basic " + b64("j\u00f6rg:p\u00e4ss".encode()),
    "Basic " + b64("j\u00f6rg:p\u00e4ss".encode("latin-1")),
    "Basic " + b64(b"\xff\xfe:x"),
    "Basic !!!notbase64!!!",
    "Basic YWxpY2U6c2VjcmV0",
    "Basic YWxpY2U6c2VjcmV0===",
    "Basic YWxpY2U6c2VjcmV",
    "Basic YWxp Y2U6c2VjcmV0",
    "Basic",
    "Basic ",
    "Basic  " + b64(b"alice:secret"),
    " Basic " + b64(b"alice:secret"),
    "Bearer " + b64(b"alice:secret"),
    "Digest abc",
    "",
    "garbage",
]

CASES = []
for path in ("/basic", "/realm", "/optional"):
    for value in VARIANTS:
        case = {"method": "GET", "url": path}
        if value is not None:
            case["headers"] = auth(value)
        case["name"] = f"{path} {value!r}"
        CASES.append(case)
for path in ("/quoted", "/empty-realm"):
    CASES.append({"method": "GET", "url": path, "name": f"{path} missing"})
    CASES.append({"method": "GET", "url": path, "headers": auth("Basic %%%"), "name": f"{path} bad"})
    CASES.append({"method": "GET", "url": path, "headers": auth("Basic " + b64(b"u:p")), "name": f"{path} ok"})
CASES.append({"method": "GET", "url": "/basic", "headers": {"authorization": "Basic " + b64(b"u:p")},
              "params": {"x": "1"}, "name": "basic with query"})
CASES.append({"method": "GET", "url": "/basic", "headers": [("authorization", "Bearer x"), ("authorization", "Basic " + b64(b"u:p"))],
              "name": "two authorization headers"})
# Header bytes that are not ASCII (Starlette decodes them as latin-1).
CASES.append({"method": "GET", "url": "/basic", "headers": [(b"authorization", b"Basic \xe9\xe9\xe9\xe9")],
              "name": "non-ascii header bytes"})
CASES.append({"method": "GET", "url": "/optional", "headers": [(b"authorization", b"Basic YWxp\xe9Y2U6c2VjcmV0")],
              "name": "non-ascii byte inside base64"})
CASES.append({"method": "GET", "url": "/optional", "headers": [(b"authorization", b"Basic\xa0YWxpY2U6c2VjcmV0")],
              "name": "nbsp separator"})

basic_realm_optional = HTTPBasic(realm="Opt", auto_error=False, scheme_name="RealmOptional")


@app.get("/realm-optional")
def read_realm_optional(credentials: Annotated[Optional[HTTPBasicCredentials], Depends(basic_realm_optional)]):
    return {"credentials": credentials}


CASES.append({"method": "GET", "url": "/realm-optional", "name": "realm optional missing"})
CASES.append({"method": "GET", "url": "/realm-optional", "headers": auth("Bearer x"), "name": "realm optional other scheme"})
CASES.append({"method": "GET", "url": "/realm-optional", "headers": auth("Basic " + b64(b"nocolon")), "name": "realm optional invalid"})
CASES.append({"method": "GET", "url": "/realm-optional", "headers": auth("Basic " + b64(b"a:b")), "name": "realm optional ok"})
