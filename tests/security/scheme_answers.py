"""Every built-in scheme, called directly with a table of requests: what it gives or raises.

Run as a script on a published FastAPI (outside this checkout) to record the answers:

    cd /tmp && /tmp/oracle/bin/python <repo>/tests/security/scheme_answers.py \\
        > <repo>/tests/security/data/scheme_answers-0.116.1.json
    cd /tmp && /tmp/oracle-new/bin/python <repo>/tests/security/scheme_answers.py \\
        > <repo>/tests/security/data/scheme_answers-0.165.0.json

``test_credentials.py`` replays the table here: as FastAPI 0.116.1 by default, and as the
newest FastAPI with ``FastAPI(security_401=True)``.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
from collections.abc import Callable
from typing import Any

from starlette.requests import Request

from fastapi.security import (
    APIKeyCookie,
    APIKeyHeader,
    APIKeyQuery,
    HTTPBasic,
    HTTPBearer,
    HTTPDigest,
    OAuth2,
    OAuth2AuthorizationCodeBearer,
    OAuth2PasswordBearer,
    OpenIdConnect,
)
from fastapi.security.http import HTTPBase

SCHEMES: dict[str, Callable[[bool], Any]] = {
    "key-query": lambda auto_error: APIKeyQuery(name="key", auto_error=auto_error),
    "key-header": lambda auto_error: APIKeyHeader(name="x-key", auto_error=auto_error),
    "key-cookie": lambda auto_error: APIKeyCookie(name="key", auto_error=auto_error),
    "http-foo": lambda auto_error: HTTPBase(scheme="foo", auto_error=auto_error),
    "basic": lambda auto_error: HTTPBasic(auto_error=auto_error),
    "basic-realm": lambda auto_error: HTTPBasic(realm="shop", auto_error=auto_error),
    "bearer": lambda auto_error: HTTPBearer(auto_error=auto_error),
    "digest": lambda auto_error: HTTPDigest(auto_error=auto_error),
    "oauth2": lambda auto_error: OAuth2(auto_error=auto_error),
    "password": lambda auto_error: OAuth2PasswordBearer(tokenUrl="t", auto_error=auto_error),
    "code": lambda auto_error: OAuth2AuthorizationCodeBearer(
        authorizationUrl="a", tokenUrl="t", auto_error=auto_error
    ),
    "oidc": lambda auto_error: OpenIdConnect(openIdConnectUrl="u", auto_error=auto_error),
}


def _basic(raw: bytes) -> str:
    return "Basic " + base64.b64encode(raw).decode("ascii")


# Request name -> (Authorization header, query string, Cookie header, X-Key header).
REQUESTS: dict[str, tuple[str | None, bytes, str | None, str | None]] = {
    "nothing": (None, b"", None, None),
    "empty": ("", b"", None, None),
    "space": (" ", b"", None, None),
    "bearer-alone": ("Bearer", b"", None, None),
    "bearer-space": ("Bearer ", b"", None, None),
    "bearer-token": ("Bearer tok", b"", None, None),
    "bearer-two-spaces": ("BEARER  tok", b"", None, None),
    "basic-good": (_basic(b"u:p:q"), b"", None, None),
    "basic-not-base64": ("Basic !!!", b"", None, None),
    "basic-no-colon": (_basic(b"up"), b"", None, None),
    "basic-empty": ("Basic ", b"", None, None),
    "basic-not-ascii": (_basic("é:p".encode()), b"", None, None),
    "basic-latin1-header": ("Basic \xe9", b"", None, None),
    "digest": ("Digest a=b", b"", None, None),
    "foo": ("foo x", b"", None, None),
    "token": ("Token x", b"", None, None),
    "query-key": (None, b"key=k", None, None),
    "query-keys": (None, b"key=a&key=b", None, None),
    "query-empty": (None, b"key=", None, None),
    "cookie-key": (None, b"", "key=k", None),
    "cookie-empty": (None, b"", "key=", None),
    "header-key": (None, b"", None, "k"),
    "header-empty": (None, b"", None, ""),
}


class _App401:
    security_401 = True


def make_request(name: str, *, app: Any = None) -> Request:
    authorization, query, cookie, key = REQUESTS[name]
    headers = [
        (header, value.encode("latin-1"))
        for header, value in ((b"authorization", authorization), (b"cookie", cookie), (b"x-key", key))
        if value is not None
    ]
    scope: dict[str, Any] = {"type": "http", "method": "GET", "path": "/", "headers": headers}
    scope["query_string"] = query
    if app is not None:
        scope["app"] = app
    return Request(scope)


def answer(scheme: Any, request: Request) -> list[Any]:
    """``["gives", repr]`` or ``["raises", class, status, detail, headers]``."""
    try:
        return ["gives", repr(asyncio.run(scheme(request)))]
    except Exception as exc:  # what the scheme raises is the answer
        kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
        return ["raises", kind, getattr(exc, "status_code", None), getattr(exc, "detail", str(exc)), getattr(exc, "headers", None)]


def answers(*, security_401: bool = False) -> dict[str, list[Any]]:
    """Every scheme (with and without ``auto_error``) on every request."""
    app = _App401() if security_401 else None
    table: dict[str, list[Any]] = {}
    for scheme_name, make in SCHEMES.items():
        for auto_error in (True, False):
            for request_name in REQUESTS:
                scheme = make(auto_error)
                key = f"{scheme_name} auto_error={auto_error} {request_name}"
                table[key] = answer(scheme, make_request(request_name, app=app))
    return table


if __name__ == "__main__":
    json.dump(answers(), sys.stdout, indent=0, sort_keys=True)
    sys.stdout.write("\n")
