"""app.dependency_overrides: overriding direct and sub-dependencies, overrides with different
parameters (validation + OpenAPI), generator <-> plain swaps, classes, global deps, clearing."""
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException

LOG: list[str] = []


def global_dep(x_global: Annotated[str | None, Header()] = None):
    if x_global == "deny":
        raise HTTPException(status_code=403, detail="global denied")
    return x_global


def global_override(x_other: Annotated[int | None, Header()] = None):
    if x_other is not None:
        LOG.append(f"global_override({x_other})")


app = FastAPI(dependencies=[Depends(global_dep)])


def get_db():
    LOG.append("db:real")
    return "real-db"


def get_repo(db: Annotated[str, Depends(get_db)], table: str = "items"):
    LOG.append("repo")
    return f"{db}/{table}"


def get_user(token: str):
    LOG.append("user:real")
    if token != "good":
        raise HTTPException(status_code=401, detail="bad token")
    return {"name": "real", "token": token}


def real_gen():
    LOG.append("gen:setup")
    yield "from-gen"
    LOG.append("gen:teardown")


class Settings:
    def __init__(self, env: str = "prod"):
        self.env = env


def counter_dep():
    LOG.append("counter:real")
    return 0


@app.get("/repo")
def read_repo(repo: Annotated[str, Depends(get_repo)]):
    return {"repo": repo}


@app.get("/user")
def read_user(user: Annotated[dict, Depends(get_user)]):
    return user


@app.get("/gen")
def read_gen(v: Annotated[str, Depends(real_gen)]):
    LOG.append("endpoint")
    return {"v": v}


@app.get("/settings")
def read_settings(settings: Annotated[Settings, Depends()]):
    return {"type": type(settings).__name__, "env": settings.env}


@app.get("/twice")
def read_twice(
    a: Annotated[int, Depends(counter_dep)],
    b: Annotated[int, Depends(counter_dep)],
    c: Annotated[int, Depends(counter_dep, use_cache=False)],
):
    return {"a": a, "b": b, "c": c}


router = APIRouter(prefix="/router", dependencies=[Depends(get_user)])


@router.get("/x")
def router_x():
    return {"router": True}


app.include_router(router)


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


# --- overrides ------------------------------------------------------------------------


def fake_db():
    LOG.append("db:fake")
    return "fake-db"


def fake_user(name: str, admin: bool = False):
    LOG.append("user:fake")
    return {"name": name, "admin": admin}


async def fake_user_async():
    LOG.append("user:fake-async")
    return {"name": "async-fake"}


def plain_instead_of_gen():
    LOG.append("plain:override")
    return "from-plain"


def gen_instead_of_plain(size: int = 1):
    LOG.append("override-gen:setup")
    yield {"name": "gen-user", "size": size}
    LOG.append("override-gen:teardown")


class FakeSettings:
    def __init__(self, env: str = "test", debug: bool = True):
        self.env = env
        self.debug = debug


def counter_override():
    LOG.append("counter:override")
    return 42


OVERRIDE_SETS = {
    "db": {get_db: fake_db},
    "user": {get_user: fake_user},
    "user-async": {get_user: fake_user_async},
    "user-gen": {get_user: gen_instead_of_plain},
    "user-lambda": {get_user: lambda: {"name": "lambda"}},
    "gen": {real_gen: plain_instead_of_gen},
    "settings": {Settings: FakeSettings},
    "counter": {counter_dep: counter_override},
    "global": {global_dep: global_override},
    "repo-and-db": {get_repo: lambda: "overridden-repo", get_db: fake_db},
}


@app.post("/overrides/{name}")
def set_overrides(name: str):
    app.dependency_overrides.update(OVERRIDE_SETS[name])
    return {"overridden": sorted(getattr(k, "__name__", "?") for k in app.dependency_overrides)}


@app.delete("/overrides")
def clear_overrides():
    app.dependency_overrides.clear()
    return {"overridden": []}


CASES = [
    {"method": "GET", "url": "/repo?table=t", "headers": {"x-global": "g"}},
    {"method": "GET", "url": "/repo", "headers": {"x-global": "deny"}},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/overrides/global"},
    {"method": "GET", "url": "/repo", "headers": {"x-global": "deny", "x-other": "5"}},
    {"method": "GET", "url": "/repo", "headers": {"x-other": "five"}},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/overrides/db"},
    {"method": "GET", "url": "/repo?table=t"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/user?token=good"},
    {"method": "GET", "url": "/user"},
    {"method": "POST", "url": "/overrides/user"},
    {"method": "GET", "url": "/user?name=fake&admin=1"},
    {"method": "GET", "url": "/user?token=good"},
    {"method": "GET", "url": "/user?name=x&admin=notbool"},
    {"method": "GET", "url": "/router/x?name=r"},
    {"method": "GET", "url": "/router/x"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/overrides/user-async"},
    {"method": "GET", "url": "/user"},
    {"method": "POST", "url": "/overrides/user-gen"},
    {"method": "GET", "url": "/user?size=3"},
    {"method": "GET", "url": "/user?size=big"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/overrides/user-lambda"},
    {"method": "GET", "url": "/user?token=ignored"},
    {"method": "GET", "url": "/router/x"},
    {"method": "GET", "url": "/gen"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/overrides/gen"},
    {"method": "GET", "url": "/gen"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/settings?env=x"},
    {"method": "POST", "url": "/overrides/settings"},
    {"method": "GET", "url": "/settings"},
    {"method": "GET", "url": "/settings?env=dev&debug=nah"},
    {"method": "GET", "url": "/twice"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/overrides/counter"},
    {"method": "GET", "url": "/twice"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/overrides/repo-and-db"},
    {"method": "GET", "url": "/repo?table=ignored"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/overrides"},
    {"method": "GET", "url": "/repo", "headers": {"x-global": "deny"}},
    {"method": "GET", "url": "/repo", "headers": {"x-other": "five"}},
    {"method": "GET", "url": "/user?token=good"},
    {"method": "GET", "url": "/user?name=fake"},
    {"method": "GET", "url": "/log"},
]
