"""fastapi.security seen directly: what the compat scenarios cannot show (instances called
without an app, attribute values, models, signatures, the form classes)."""

from __future__ import annotations

import asyncio
import base64
import inspect
from typing import Any

import pytest
from starlette.exceptions import HTTPException
from starlette.requests import Request

from fastapi import Depends, FastAPI, Security
from fastapi.openapi.models import OAuthFlowImplicit, OAuthFlows
from fastapi.security import (
    APIKeyCookie,
    APIKeyHeader,
    APIKeyQuery,
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
    HTTPDigest,
    OAuth2,
    OAuth2AuthorizationCodeBearer,
    OAuth2PasswordBearer,
    OAuth2PasswordRequestForm,
    OAuth2PasswordRequestFormStrict,
    OpenIdConnect,
    SecurityScopes,
)
from fastapi.security.api_key import APIKeyBase
from fastapi.security.base import SecurityBase
from fastapi.security.http import HTTPBase
from fastapi.security.utils import get_authorization_scheme_param
from fastapi.testclient import TestClient


def make_request(
    authorization: str | bytes | None = None,
    *,
    headers: dict[str, str] | None = None,
    query: bytes = b"",
) -> Request:
    raw: list[tuple[bytes, bytes]] = []
    if authorization is not None:
        value = authorization if isinstance(authorization, bytes) else authorization.encode("latin-1")
        raw.append((b"authorization", value))
    for name, header_value in (headers or {}).items():
        raw.append((name.lower().encode(), header_value.encode("latin-1")))
    scope = {"type": "http", "method": "GET", "path": "/", "headers": raw, "query_string": query}
    return Request(scope)


def call(scheme: Any, request: Request) -> Any:
    return asyncio.run(scheme(request))


def failure(scheme: Any, request: Request) -> HTTPException:
    with pytest.raises(HTTPException) as info:
        call(scheme, request)
    return info.value


def dump(scheme: SecurityBase) -> dict[str, Any]:
    return scheme.model.model_dump(mode="json", by_alias=True, exclude_none=True)


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


# -- get_authorization_scheme_param -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ("", "")),
        ("", ("", "")),
        ("Bearer", ("Bearer", "")),
        ("Bearer ", ("Bearer", "")),
        ("Bearer abc", ("Bearer", "abc")),
        ("bearer  abc", ("bearer", " abc")),
        (" Bearer abc", ("", "Bearer abc")),
        ("Bearer abc def", ("Bearer", "abc def")),
        ("Basic\tabc", ("Basic\tabc", "")),
    ],
)
def test_get_authorization_scheme_param(value: str | None, expected: tuple[str, str]) -> None:
    assert get_authorization_scheme_param(value) == expected


# -- the SecurityBase contract ----------------------------------------------------------------


def all_schemes() -> list[SecurityBase]:
    return [
        OAuth2(),
        OAuth2PasswordBearer("token"),
        OAuth2AuthorizationCodeBearer("auth", "token"),
        OpenIdConnect(openIdConnectUrl="/oidc"),
        HTTPBase(scheme="custom"),
        HTTPBasic(),
        HTTPBearer(),
        HTTPDigest(),
        APIKeyHeader(name="k"),
        APIKeyQuery(name="k"),
        APIKeyCookie(name="k"),
    ]


@pytest.mark.parametrize("scheme", all_schemes(), ids=lambda s: type(s).__name__)
def test_scheme_contract(scheme: SecurityBase) -> None:
    assert isinstance(scheme, SecurityBase)
    assert scheme.scheme_name == type(scheme).__name__
    assert scheme.uses_scopes is isinstance(scheme, (OAuth2, OpenIdConnect))
    assert getattr(scheme, "auto_error") is True
    # Every scheme is an async callable taking the request, defined on its own class (error
    # messages name it: a scheme on a WebSocket route fails calling ``HTTPBearer.__call__``).
    assert "__call__" in vars(type(scheme))
    assert inspect.iscoroutinefunction(type(scheme).__call__)
    assert list(inspect.signature(scheme).parameters) == ["request"]
    assert inspect.signature(type(scheme).__call__).parameters["request"].annotation is Request


def test_uses_scopes_follows_subclasses() -> None:
    class Cookie(OAuth2PasswordBearer):
        pass

    class MyOIDC(OpenIdConnect):
        pass

    class Custom(SecurityBase):
        pass

    assert Cookie.uses_scopes and MyOIDC.uses_scopes
    assert not Custom.uses_scopes
    assert not HTTPBearer.uses_scopes and not APIKeyHeader.uses_scopes


def test_scheme_name_default_and_empty() -> None:
    class MyBearer(HTTPBearer):
        pass

    assert MyBearer().scheme_name == "MyBearer"
    assert HTTPBearer(scheme_name="").scheme_name == "HTTPBearer"
    assert OAuth2PasswordBearer("t", scheme_name="").scheme_name == "OAuth2PasswordBearer"
    assert APIKeyQuery(name="k", scheme_name="Key").scheme_name == "Key"


def test_instance_attributes() -> None:
    assert set(vars(HTTPBasic(realm="r"))) == {"model", "scheme_name", "realm", "auto_error"}
    assert HTTPBasic(realm="r").realm == "r"
    assert HTTPBasic().realm is None
    for scheme in all_schemes():
        if not isinstance(scheme, HTTPBasic):
            assert set(vars(scheme)) == {"model", "scheme_name", "auto_error"}


# -- the OpenAPI models -----------------------------------------------------------------------


def test_models() -> None:
    assert dump(OAuth2PasswordBearer("tok")) == {
        "type": "oauth2",
        "flows": {"password": {"scopes": {}, "tokenUrl": "tok"}},
    }
    assert dump(OAuth2PasswordBearer("tok", "N", {"a": "A"}, "d", False, "ref")) == {
        "type": "oauth2",
        "description": "d",
        "flows": {"password": {"refreshUrl": "ref", "scopes": {"a": "A"}, "tokenUrl": "tok"}},
    }
    assert dump(OAuth2AuthorizationCodeBearer("au", "tok", "ref", scopes={"s": "S"})) == {
        "type": "oauth2",
        "flows": {
            "authorizationCode": {
                "refreshUrl": "ref",
                "scopes": {"s": "S"},
                "authorizationUrl": "au",
                "tokenUrl": "tok",
            }
        },
    }
    assert dump(OAuth2()) == {"type": "oauth2", "flows": {}}
    assert dump(OAuth2(flows={"clientCredentials": {"tokenUrl": "t"}})) == {
        "type": "oauth2",
        "flows": {"clientCredentials": {"scopes": {}, "tokenUrl": "t"}},
    }
    flows = OAuthFlows(implicit=OAuthFlowImplicit(authorizationUrl="/i"))
    assert dump(OAuth2(flows=flows, description="x")) == {
        "type": "oauth2",
        "description": "x",
        "flows": {"implicit": {"scopes": {}, "authorizationUrl": "/i"}},
    }
    assert dump(OpenIdConnect(openIdConnectUrl="/o", description="d")) == {
        "type": "openIdConnect",
        "description": "d",
        "openIdConnectUrl": "/o",
    }
    assert dump(HTTPBasic(realm="ignored in the document")) == {"type": "http", "scheme": "basic"}
    assert dump(HTTPBearer(bearerFormat="JWT")) == {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    assert dump(HTTPDigest(description="")) == {"type": "http", "description": "", "scheme": "digest"}
    assert dump(HTTPBase(scheme="Custom")) == {"type": "http", "scheme": "Custom"}
    assert dump(APIKeyHeader(name="X-Key")) == {"type": "apiKey", "in": "header", "name": "X-Key"}
    assert dump(APIKeyQuery(name="k"))["in"] == "query"
    assert dump(APIKeyCookie(name="c", description="d")) == {
        "type": "apiKey",
        "description": "d",
        "in": "cookie",
        "name": "c",
    }


def test_oauth2_flows_are_validated() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        OAuth2(flows={"password": {}})


def test_signatures() -> None:
    params = inspect.signature(OAuth2PasswordBearer).parameters
    assert list(params) == ["tokenUrl", "scheme_name", "scopes", "description", "auto_error", "refreshUrl"]
    assert all(p.kind is p.POSITIONAL_OR_KEYWORD for p in params.values())
    params = inspect.signature(OAuth2AuthorizationCodeBearer).parameters
    assert list(params) == [
        "authorizationUrl",
        "tokenUrl",
        "refreshUrl",
        "scheme_name",
        "scopes",
        "description",
        "auto_error",
    ]
    for cls, first in [
        (OAuth2, "flows"),
        (HTTPBase, "scheme"),
        (HTTPBasic, "scheme_name"),
        (HTTPBearer, "bearerFormat"),
        (HTTPDigest, "scheme_name"),
        (APIKeyHeader, "name"),
        (APIKeyQuery, "name"),
        (APIKeyCookie, "name"),
        (OpenIdConnect, "openIdConnectUrl"),
    ]:
        params = inspect.signature(cls).parameters
        assert next(iter(params)) == first
        assert all(p.kind is p.KEYWORD_ONLY for p in params.values()), cls
    assert list(inspect.signature(HTTPBasic).parameters) == ["scheme_name", "realm", "description", "auto_error"]
    with pytest.raises(TypeError):
        HTTPBearer("JWT")  # type: ignore[misc]


# -- direct calls -----------------------------------------------------------------------------


def test_oauth2_password_bearer_direct() -> None:
    scheme = OAuth2PasswordBearer("token")
    assert call(scheme, make_request("Bearer abc")) == "abc"
    assert call(scheme, make_request("bEaReR abc")) == "abc"
    assert call(scheme, make_request("Bearer")) == ""
    for value in (None, "", "Basic abc", " Bearer abc"):
        error = failure(scheme, make_request(value))
        assert (error.status_code, error.detail, error.headers) == (
            401,
            "Not authenticated",
            {"WWW-Authenticate": "Bearer"},
        )
    optional = OAuth2AuthorizationCodeBearer("a", "t", auto_error=False)
    assert call(optional, make_request(None)) is None
    assert call(optional, make_request("Basic x")) is None
    assert call(optional, make_request("Bearer x")) == "x"


def test_oauth2_base_and_openid_connect_direct() -> None:
    for scheme in (OAuth2(), OpenIdConnect(openIdConnectUrl="/o")):
        assert call(scheme, make_request("Whatever  it is")) == "Whatever  it is"
        error = failure(scheme, make_request(""))
        assert (error.status_code, error.detail, error.headers) == (403, "Not authenticated", None)
    assert call(OAuth2(auto_error=False), make_request(None)) is None
    assert call(OpenIdConnect(openIdConnectUrl="/o", auto_error=False), make_request("")) is None


def test_http_basic_direct() -> None:
    scheme = HTTPBasic(realm="R")
    credentials = call(scheme, make_request("Basic " + b64(b"u:p:q")))
    assert isinstance(credentials, HTTPBasicCredentials)
    assert (credentials.username, credentials.password) == ("u", "p:q")
    for value, detail in [
        (None, "Not authenticated"),
        ("Bearer x", "Not authenticated"),
        ("Basic", "Invalid authentication credentials"),
        ("Basic " + b64(b"nocolon"), "Invalid authentication credentials"),
        ("Basic " + b64("ü:x".encode()), "Invalid authentication credentials"),
        ("Basic abc", "Invalid authentication credentials"),
        (b"Basic \xe9", "Invalid authentication credentials"),
    ]:
        error = failure(scheme, make_request(value))
        assert (error.status_code, error.detail, error.headers) == (
            401,
            detail,
            {"WWW-Authenticate": 'Basic realm="R"'},
        )
    optional = HTTPBasic(auto_error=False)
    assert call(optional, make_request(None)) is None
    assert call(optional, make_request("Digest x")) is None
    # Credentials that are there but broken are an error even without auto_error.
    error = failure(optional, make_request("Basic %%%"))
    assert error.headers == {"WWW-Authenticate": "Basic"}


def test_http_bearer_digest_base_direct() -> None:
    bearer = HTTPBearer()
    result = call(bearer, make_request("BEARER  tok"))
    assert isinstance(result, HTTPAuthorizationCredentials)
    assert (result.scheme, result.credentials) == ("BEARER", " tok")
    for value, detail in [
        (None, "Not authenticated"),
        ("Bearer", "Not authenticated"),
        ("Bearer ", "Not authenticated"),
        ("Basic abc", "Invalid authentication credentials"),
    ]:
        error = failure(bearer, make_request(value))
        assert (error.status_code, error.detail, error.headers) == (403, detail, None)
    digest = HTTPDigest(auto_error=False)
    assert call(digest, make_request("Bearer abc")) is None
    assert call(digest, make_request("digest a=b")) == HTTPAuthorizationCredentials(scheme="digest", credentials="a=b")
    base = HTTPBase(scheme="anything")
    assert call(base, make_request("Other x")).scheme == "Other"
    assert failure(base, make_request("Other")).detail == "Not authenticated"


def test_api_keys_direct() -> None:
    assert call(APIKeyHeader(name="X-Key"), make_request(headers={"x-key": "v"})) == "v"
    assert call(APIKeyQuery(name="k"), make_request(query=b"k=1&k=2")) == "2"
    assert call(APIKeyCookie(name="s"), make_request(headers={"cookie": "s=abc"})) == "abc"
    for scheme in (APIKeyHeader(name="X-Key"), APIKeyQuery(name="k"), APIKeyCookie(name="s")):
        error = failure(scheme, make_request(headers={"x-key": "", "cookie": "s="}, query=b"k="))
        assert (error.status_code, error.detail, error.headers) == (403, "Not authenticated", None)
    assert call(APIKeyQuery(name="k", auto_error=False), make_request()) is None
    assert APIKeyBase.check_api_key("x", True) == "x"
    assert APIKeyBase.check_api_key("", False) is None
    with pytest.raises(HTTPException) as info:
        APIKeyBase.check_api_key(None, True)
    assert type(info.value) is HTTPException  # Starlette's own, as FastAPI's API keys raise


# -- credentials models and scopes -----------------------------------------------------------


def test_credentials_models() -> None:
    basic = HTTPBasicCredentials(username="a", password="b")
    assert repr(basic) == "HTTPBasicCredentials(username='a', password='b')"
    assert basic.model_dump() == {"username": "a", "password": "b"}
    assert basic == HTTPBasicCredentials(username="a", password="b")
    auth = HTTPAuthorizationCredentials(scheme="Bearer", credentials="t")
    assert repr(auth) == "HTTPAuthorizationCredentials(scheme='Bearer', credentials='t')"
    schema = HTTPAuthorizationCredentials.model_json_schema()
    assert schema["required"] == ["scheme", "credentials"]
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        HTTPBasicCredentials(username=1, password="b")  # type: ignore[arg-type]


def test_security_scopes() -> None:
    assert vars(SecurityScopes()) == {"scopes": [], "scope_str": ""}
    scopes = ["a", "b"]
    held = SecurityScopes(scopes)
    assert held.scopes is scopes
    assert held.scope_str == "a b"


# -- the password-flow forms -----------------------------------------------------------------


def test_password_request_form_attributes() -> None:
    form = OAuth2PasswordRequestForm(username="u", password="p", scope="  a\tb\nc  ")
    assert vars(form) == {
        "grant_type": None,
        "username": "u",
        "password": "p",
        "scopes": ["a", "b", "c"],
        "client_id": None,
        "client_secret": None,
    }
    strict = OAuth2PasswordRequestFormStrict("password", "u", "p", "x", "id", "secret")
    assert isinstance(strict, OAuth2PasswordRequestForm)
    assert vars(strict) == {
        "grant_type": "password",
        "username": "u",
        "password": "p",
        "scopes": ["x"],
        "client_id": "id",
        "client_secret": "secret",
    }
    with pytest.raises(TypeError):
        OAuth2PasswordRequestForm("password", "u", "p")  # type: ignore[misc]


def test_password_request_form_signatures() -> None:
    loose = inspect.signature(OAuth2PasswordRequestForm).parameters
    strict = inspect.signature(OAuth2PasswordRequestFormStrict).parameters
    names = ["grant_type", "username", "password", "scope", "client_id", "client_secret"]
    assert list(loose) == names and list(strict) == names
    assert all(p.kind is p.KEYWORD_ONLY for p in loose.values())
    assert all(p.kind is p.POSITIONAL_OR_KEYWORD for p in strict.values())
    assert loose["grant_type"].default is None and strict["grant_type"].default is inspect.Parameter.empty
    assert loose["scope"].default == "" and strict["scope"].default == ""


def test_password_request_form_in_an_app() -> None:
    app = FastAPI()

    @app.post("/token")
    def token(form: OAuth2PasswordRequestForm = Depends()) -> dict[str, Any]:
        return {"type": type(form).__name__, **vars(form)}

    @app.post("/strict")
    def strict(form: OAuth2PasswordRequestFormStrict = Depends()) -> dict[str, Any]:
        return {"type": type(form).__name__, **vars(form)}

    client = TestClient(app)
    response = client.post("/token", data={"username": "u", "password": "p", "scope": "a b"})
    assert response.json() == {
        "type": "OAuth2PasswordRequestForm",
        "grant_type": None,
        "username": "u",
        "password": "p",
        "scopes": ["a", "b"],
        "client_id": None,
        "client_secret": None,
    }
    response = client.post("/strict", data={"username": "u", "password": "p", "grant_type": "password"})
    assert response.json()["type"] == "OAuth2PasswordRequestFormStrict"
    assert client.post("/strict", data={"username": "u", "password": "p"}).status_code == 422
    bad = client.post("/token", data={"username": "u", "password": "p", "grant_type": "implicit"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["type"] == "string_pattern_mismatch"


# -- in an app: caching, overrides, scopes reaching SecurityScopes ---------------------------


def test_scheme_cached_per_scope_set() -> None:
    calls: list[str] = []

    class Counting(OAuth2PasswordBearer):
        async def __call__(self, request: Request) -> str | None:
            calls.append("called")
            return await super().__call__(request)

    scheme = Counting("token")
    app = FastAPI()

    def user(security_scopes: SecurityScopes, token: str = Depends(scheme)) -> dict[str, Any]:
        return {"token": token, "scopes": security_scopes.scopes}

    @app.get("/scoped")
    def scoped(a: dict = Security(user, scopes=["x"]), b: str = Depends(scheme)) -> dict[str, Any]:
        return {"a": a, "b": b}

    @app.get("/plain")
    def plain(a: dict = Depends(user), b: str = Depends(scheme)) -> dict[str, Any]:
        return {"a": a, "b": b}

    client = TestClient(app)
    response = client.get("/scoped", headers={"Authorization": "Bearer t"})
    assert response.json() == {"a": {"token": "t", "scopes": ["x"]}, "b": "t"}
    # The scheme is reached with two scope sets ([] and ["x"]): two cache entries, two calls.
    assert calls == ["called", "called"]
    calls.clear()
    response = client.get("/plain", headers={"Authorization": "Bearer t"})
    assert response.json() == {"a": {"token": "t", "scopes": []}, "b": "t"}
    assert calls == ["called"]
    security = app.openapi()["paths"]["/scoped"]["get"]["security"]
    assert security == [{"Counting": ["x"]}, {"Counting": []}]


def test_override_a_scheme() -> None:
    scheme = HTTPBearer()
    app = FastAPI()

    @app.get("/")
    def read(credentials: HTTPAuthorizationCredentials = Depends(scheme)) -> str:
        return credentials.credentials

    app.dependency_overrides[scheme] = lambda: HTTPAuthorizationCredentials(scheme="Bearer", credentials="fake")
    client = TestClient(app)
    assert client.get("/").json() == "fake"
    app.dependency_overrides.clear()
    assert client.get("/").status_code == 403
