"""Security(dep, scopes=[...]) and SecurityScopes: scope accumulation through nested
dependencies, scope_str, caching per scope set, path-level Security, plain Depends in the chain."""
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Security
from fastapi.security import OAuth2PasswordBearer, SecurityScopes

app = FastAPI()

CALLS: list[str] = []


@app.get("/calls")
def read_calls():
    entries = list(CALLS)
    CALLS.clear()
    return entries


def get_scopes(security_scopes: SecurityScopes, token: str = ""):
    CALLS.append("get_scopes:" + security_scopes.scope_str)
    return {"scopes": security_scopes.scopes, "scope_str": security_scopes.scope_str, "token": token}


def check_scopes(security_scopes: SecurityScopes, granted: str = ""):
    have = set(granted.split())
    missing = [s for s in security_scopes.scopes if s not in have]
    if missing:
        raise HTTPException(
            status_code=401,
            detail={"missing": missing, "required": security_scopes.scope_str},
            headers={"WWW-Authenticate": f'Bearer scope="{security_scopes.scope_str}"'},
        )
    return sorted(have)


def middle(info: Annotated[dict, Security(get_scopes, scopes=["mid"])]):
    return info


def middle_plain(info: Annotated[dict, Depends(get_scopes)]):
    return info


def top(info: Annotated[dict, Security(middle, scopes=["top", "shared"])]):
    return info


@app.get("/none")
def no_scopes(info: Annotated[dict, Security(get_scopes)]):
    return info


@app.get("/depends-plain")
def depends_plain(info: Annotated[dict, Depends(get_scopes)]):
    return info


@app.get("/single")
def single(info: Annotated[dict, Security(get_scopes, scopes=["items:read"])]):
    return info


@app.get("/nested")
def nested(info: Annotated[dict, Security(top, scopes=["endpoint", "shared"])]):
    return info


@app.get("/nested-depends")
def nested_depends(info: Annotated[dict, Depends(top)]):
    return info


@app.get("/through-plain")
def through_plain(info: Annotated[dict, Security(middle_plain, scopes=["outer"])]):
    return info


@app.get("/default-style")
def default_style(info: dict = Security(get_scopes, scopes=["a", "b"])):
    return info


@app.get("/two-scope-sets")
def two_scope_sets(
    a: Annotated[dict, Security(get_scopes, scopes=["x"])],
    b: Annotated[dict, Security(get_scopes, scopes=["y"])],
    c: Annotated[dict, Security(get_scopes, scopes=["x"])],
    d: Annotated[dict, Depends(get_scopes)],
):
    return [a["scope_str"], b["scope_str"], c["scope_str"], d["scope_str"]]


@app.get("/same-set-different-order")
def same_set_different_order(
    a: Annotated[dict, Security(get_scopes, scopes=["x", "y"])],
    b: Annotated[dict, Security(get_scopes, scopes=["y", "x"])],
):
    return [a["scope_str"], b["scope_str"]]


@app.get("/path-level", dependencies=[Security(check_scopes, scopes=["admin"])])
def path_level():
    return {"ok": True}


@app.get("/check")
def check(granted: Annotated[list, Security(check_scopes, scopes=["me", "items"])]):
    return {"granted": granted}


router = APIRouter(prefix="/router", dependencies=[Security(check_scopes, scopes=["router"])])


@router.get("/a")
def router_a(info: Annotated[dict, Security(get_scopes, scopes=["op"])]):
    return info


app.include_router(router, dependencies=[Security(get_scopes, scopes=["include"])])


@app.get("/duplicates")
def duplicates(info: Annotated[dict, Security(get_scopes, scopes=["dup", "dup", ""])]):
    return info


# --- scopes reaching an OAuth2 scheme (runtime value and OpenAPI security requirement) -----

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token", scopes={"me": "Read me", "items": "Read items"})


def current_user(security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2_scheme)]):
    CALLS.append("current_user:" + security_scopes.scope_str)
    return {"token": token, "scopes": security_scopes.scopes}


def active_user(user: Annotated[dict, Security(current_user, scopes=["me"])]):
    return user


@app.get("/oauth/me")
def oauth_me(user: Annotated[dict, Depends(active_user)]):
    return user


@app.get("/oauth/items")
def oauth_items(user: Annotated[dict, Security(active_user, scopes=["items"])]):
    return user


@app.get("/oauth/status", dependencies=[Security(current_user, scopes=["status"])])
def oauth_status():
    return {"status": "ok"}


CASES = [
    {"method": "GET", "url": "/none"},
    {"method": "GET", "url": "/depends-plain?token=t"},
    {"method": "GET", "url": "/single"},
    {"method": "GET", "url": "/nested"},
    {"method": "GET", "url": "/nested-depends"},
    {"method": "GET", "url": "/through-plain"},
    {"method": "GET", "url": "/default-style"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/two-scope-sets"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/same-set-different-order"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/path-level"},
    {"method": "GET", "url": "/path-level?granted=admin"},
    {"method": "GET", "url": "/check?granted=me"},
    {"method": "GET", "url": "/check?granted=items%20me%20extra"},
    {"method": "GET", "url": "/router/a?granted=router"},
    {"method": "GET", "url": "/router/a"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/duplicates"},
    {"method": "GET", "url": "/oauth/me"},
    {"method": "GET", "url": "/oauth/me", "headers": {"authorization": "Bearer abc"}},
    {"method": "GET", "url": "/oauth/items", "headers": {"authorization": "Bearer abc"}},
    {"method": "GET", "url": "/oauth/items", "headers": {"authorization": "Basic abc"}},
    {"method": "GET", "url": "/oauth/status", "headers": {"authorization": "bearer lower"}},
    {"method": "GET", "url": "/calls"},
]
