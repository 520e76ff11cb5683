"""APIKeyHeader, APIKeyQuery and APIKeyCookie: present, missing, empty, auto_error=False,
name casing, repeated values, and their OpenAPI entries (scheme_name, description)."""
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, Security
from fastapi.security import APIKeyCookie, APIKeyHeader, APIKeyQuery

app = FastAPI()

header_key = APIKeyHeader(name="X-API-Key")
header_optional = APIKeyHeader(name="x-token", auto_error=False, scheme_name="TokenHeader", description="optional header")
query_key = APIKeyQuery(name="api_key")
query_optional = APIKeyQuery(name="Key", auto_error=False, description="query key")
cookie_key = APIKeyCookie(name="session")
cookie_optional = APIKeyCookie(name="maybe", auto_error=False, scheme_name="MaybeCookie")


@app.get("/header")
def read_header(key: Annotated[str, Depends(header_key)]):
    return {"key": key}


@app.get("/header-optional")
def read_header_optional(key: Annotated[Optional[str], Security(header_optional, scopes=["x"])]):
    return {"key": key}


@app.get("/query")
def read_query(key: Annotated[str, Depends(query_key)]):
    return {"key": key}


@app.get("/query-optional")
def read_query_optional(key: Annotated[Optional[str], Depends(query_optional)]):
    return {"key": key}


@app.get("/cookie")
def read_cookie(key: Annotated[str, Depends(cookie_key)]):
    return {"key": key}


@app.get("/cookie-optional")
def read_cookie_optional(key: Optional[str] = Depends(cookie_optional)):
    return {"key": key}


@app.get("/all")
def read_all(
    h: Annotated[Optional[str], Depends(header_optional)],
    q: Annotated[Optional[str], Depends(query_optional)],
    c: Annotated[Optional[str], Depends(cookie_optional)],
):
    return {"h": h, "q": q, "c": c}


CASES = [
    {"method": "GET", "url": "/header"},
    {"method": "GET", "url": "/header", "headers": {"X-API-Key": "secret"}},
    {"method": "GET", "url": "/header", "headers": {"x-api-key": "lower"}},
    {"method": "GET", "url": "/header", "headers": {"X-API-Key": ""}},
    {"method": "GET", "url": "/header", "headers": {"X-API-Key": "  spaced  "}},
    {"method": "GET", "url": "/header", "headers": [("X-API-Key", "first"), ("X-API-Key", "second")]},
    {"method": "GET", "url": "/header", "headers": {"X_API_Key": "underscore"}},
    {"method": "GET", "url": "/header", "params": {"X-API-Key": "in-query"}},
    {"method": "GET", "url": "/header-optional"},
    {"method": "GET", "url": "/header-optional", "headers": {"X-Token": "tok"}},
    {"method": "GET", "url": "/header-optional", "headers": {"X-Token": ""}},
    {"method": "GET", "url": "/query"},
    {"method": "GET", "url": "/query?api_key=secret"},
    {"method": "GET", "url": "/query?api_key="},
    {"method": "GET", "url": "/query?api_key"},
    {"method": "GET", "url": "/query?api_key=a&api_key=b"},
    {"method": "GET", "url": "/query?API_KEY=upper"},
    {"method": "GET", "url": "/query?api_key=%20"},
    {"method": "GET", "url": "/query-optional"},
    {"method": "GET", "url": "/query-optional?Key=k"},
    {"method": "GET", "url": "/query-optional?key=k"},
    {"method": "GET", "url": "/query-optional?Key="},
    {"method": "GET", "url": "/cookie"},
    {"method": "GET", "url": "/cookie", "headers": {"cookie": "session=abc"}},
    {"method": "GET", "url": "/cookie", "headers": {"cookie": "session="}},
    {"method": "GET", "url": "/cookie", "headers": {"cookie": "Session=abc"}},
    {"method": "GET", "url": "/cookie", "headers": {"cookie": "session=\"quoted\""}},
    {"method": "GET", "url": "/cookie", "headers": {"cookie": "other=1; session=two; session=three"}},
    {"method": "GET", "url": "/cookie", "headers": {"X-API-Key": "wrong place"}},
    {"method": "GET", "url": "/cookie-optional"},
    {"method": "GET", "url": "/cookie-optional", "headers": {"cookie": "maybe=yes"}},
    {"method": "GET", "url": "/cookie-optional", "headers": {"cookie": "maybe="}},
    {"method": "GET", "url": "/all"},
    {"method": "GET", "url": "/all?Key=q", "headers": {"x-token": "h", "cookie": "maybe=c"}},
]
