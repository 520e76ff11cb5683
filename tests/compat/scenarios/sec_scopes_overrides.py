"""Security schemes in dependency chains: scopes reaching OAuth2/OpenIdConnect requirements
(and not the others), SecurityScopes beside a scheme, path/router/app-level Security,
several schemes on one operation, optional-either-scheme auth, and dependency_overrides
replacing a scheme (the requirement stays in the document)."""
from typing import Annotated, Optional

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Security, status
from fastapi.security import (
    APIKeyHeader,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
    OAuth2AuthorizationCodeBearer,
    OAuth2PasswordBearer,
    OpenIdConnect,
    SecurityScopes,
)

app = FastAPI(dependencies=[Depends(APIKeyHeader(name="x-app", auto_error=False, scheme_name="AppKey"))])

oauth2 = OAuth2PasswordBearer(
    tokenUrl="token", scopes={"me": "Read yourself", "items": "Read items", "admin": "Administer"}
)
code = OAuth2AuthorizationCodeBearer(authorizationUrl="auth", tokenUrl="token", scheme_name="Code", auto_error=False)
oidc = OpenIdConnect(openIdConnectUrl="/oidc", auto_error=False)
api_key = APIKeyHeader(name="x-key", auto_error=False)
bearer = HTTPBearer(auto_error=False)
basic = HTTPBasic()

TOKENS = {"alice-token": ["me", "items"], "admin-token": ["me", "items", "admin"], "nobody": []}


def current_user(security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2)]):
    if security_scopes.scopes:
        authenticate_value = f'Bearer scope="{security_scopes.scope_str}"'
    else:
        authenticate_value = "Bearer"
    if token not in TOKENS:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Could not validate credentials",
            headers={"WWW-Authenticate": authenticate_value},
        )
    for scope in security_scopes.scopes:
        if scope not in TOKENS[token]:
            raise HTTPException(
                status_code=status.HTTP_401_UNAUTHORIZED,
                detail="Not enough permissions",
                headers={"WWW-Authenticate": authenticate_value},
            )
    return {"token": token, "required": security_scopes.scopes}


@app.get("/me")
def me(user: Annotated[dict, Security(current_user, scopes=["me"])]):
    return user


@app.get("/items")
def items(user: Annotated[dict, Security(current_user, scopes=["items", "me"])]):
    return user


@app.get("/admin", dependencies=[Security(current_user, scopes=["admin"])])
def admin():
    return {"admin": True}


@app.get("/plain")
def plain(user: Annotated[dict, Depends(current_user)]):
    return user


@app.get("/scoped-non-oauth")
def scoped_non_oauth(
    key: Annotated[Optional[str], Security(api_key, scopes=["k"])],
    cred: Annotated[Optional[object], Security(bearer, scopes=["b"])],
    code_token: Annotated[Optional[str], Security(code, scopes=["c1", "c2"])],
    oidc_token: Annotated[Optional[str], Security(oidc, scopes=["o"])],
):
    return {"key": key, "bearer": cred is not None, "code": code_token, "oidc": oidc_token}


def either(
    key: Annotated[Optional[str], Depends(api_key)],
    cred: Annotated[Optional[object], Depends(bearer)],
):
    if key is None and cred is None:
        raise HTTPException(status_code=401, detail="Need a key or a bearer token")
    return "key" if key is not None else "bearer"


@app.get("/either")
def read_either(how: Annotated[str, Depends(either)]):
    return {"how": how}


@app.get("/same-scheme-twice")
def same_scheme_twice(
    a: Annotated[str, Security(oauth2, scopes=["me"])],
    b: Annotated[str, Security(oauth2, scopes=["items"])],
    c: Annotated[str, Depends(oauth2)],
):
    return [a, b, c]


router = APIRouter(prefix="/r", dependencies=[Security(current_user, scopes=["items"])])


@router.get("/x")
def router_x(user: Annotated[dict, Security(current_user, scopes=["me"])]):
    return user


app.include_router(router)

basic_router = APIRouter()


@basic_router.get("/basic-protected")
def basic_protected(credentials: Annotated[HTTPBasicCredentials, Depends(basic)]):
    return {"user": credentials.username}


app.include_router(basic_router, dependencies=[Security(oauth2, scopes=["admin"])])

# --- overrides -----------------------------------------------------------------------------

overridden = OAuth2PasswordBearer(tokenUrl="token", scheme_name="Overridden")
overridden_basic = HTTPBasic(scheme_name="OverriddenBasic")


@app.get("/overridden")
def read_overridden(token: Annotated[str, Security(overridden, scopes=["me"])]):
    return {"token": token}


@app.get("/overridden-basic")
def read_overridden_basic(credentials: Annotated[HTTPBasicCredentials, Depends(overridden_basic)]):
    return {"user": credentials.username, "password": credentials.password}


def fake_token():
    return "fake"


def fake_basic():
    return HTTPBasicCredentials(username="fake", password="pw")


app.dependency_overrides[overridden] = fake_token
app.dependency_overrides[overridden_basic] = fake_basic


def auth(token: str) -> dict:
    return {"authorization": f"Bearer {token}"}


CASES = [
    {"method": "GET", "url": "/me"},
    {"method": "GET", "url": "/me", "headers": auth("bogus")},
    {"method": "GET", "url": "/me", "headers": auth("nobody")},
    {"method": "GET", "url": "/me", "headers": auth("alice-token")},
    {"method": "GET", "url": "/items", "headers": auth("alice-token")},
    {"method": "GET", "url": "/admin", "headers": auth("alice-token")},
    {"method": "GET", "url": "/admin", "headers": auth("admin-token")},
    {"method": "GET", "url": "/plain", "headers": auth("nobody")},
    {"method": "GET", "url": "/plain", "headers": auth("bogus")},
    {"method": "GET", "url": "/scoped-non-oauth"},
    {"method": "GET", "url": "/scoped-non-oauth", "headers": {"x-key": "k", "authorization": "Bearer t"}},
    {"method": "GET", "url": "/either"},
    {"method": "GET", "url": "/either", "headers": {"x-key": "k"}},
    {"method": "GET", "url": "/either", "headers": auth("t")},
    {"method": "GET", "url": "/same-scheme-twice", "headers": auth("t")},
    {"method": "GET", "url": "/same-scheme-twice"},
    {"method": "GET", "url": "/r/x", "headers": auth("alice-token")},
    {"method": "GET", "url": "/r/x", "headers": auth("nobody")},
    {"method": "GET", "url": "/basic-protected"},
    {"method": "GET", "url": "/basic-protected", "headers": auth("x")},
    {"method": "GET", "url": "/overridden"},
    {"method": "GET", "url": "/overridden-basic"},
    {"method": "GET", "url": "/overridden-basic", "headers": {"authorization": "Basic %%%"}},
]
