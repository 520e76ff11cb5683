"""dependencies=[...] at app, router, include_router and path-operation level: execution order
relative to each other and to endpoint parameters, validation error order, OpenAPI params."""
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException

LOG: list[str] = []


def app_dep(x_app: Annotated[str | None, Header()] = None):
    LOG.append(f"app_dep({x_app})")
    if x_app == "deny":
        raise HTTPException(status_code=403, detail="app denied")


async def app_yield_dep():
    LOG.append("app_yield:setup")
    yield "ignored"
    LOG.append("app_yield:teardown")


def router_dep(r: int = 0):
    LOG.append(f"router_dep({r})")
    return "router value ignored"


def include_dep(x_inc: Annotated[int, Header()] = 0):
    LOG.append(f"include_dep({x_inc})")


def op_dep(op: str = "o"):
    LOG.append(f"op_dep({op})")
    if op == "deny":
        raise HTTPException(status_code=400, detail="op denied")


def op_dep2():
    LOG.append("op_dep2")


def param_dep(p: int = 0):
    LOG.append(f"param_dep({p})")
    return p


def verify_key(x_key: Annotated[str, Header()]):
    LOG.append("verify_key")
    if x_key != "secret":
        raise HTTPException(status_code=400, detail="X-Key header invalid")
    return x_key


app = FastAPI(dependencies=[Depends(app_dep), Depends(app_yield_dep)])

router = APIRouter(prefix="/r", dependencies=[Depends(router_dep)])


@router.get("/plain")
def r_plain(v: Annotated[int, Depends(param_dep)], q: int = 0):
    LOG.append(f"endpoint(q={q})")
    return {"v": v, "q": q}


@router.get("/op", dependencies=[Depends(op_dep), Depends(op_dep2)])
def r_op(v: Annotated[int, Depends(param_dep)]):
    LOG.append("endpoint")
    return {"v": v}


@router.get("/repeat", dependencies=[Depends(router_dep), Depends(param_dep)])
def r_repeat(v: Annotated[int, Depends(param_dep)]):
    LOG.append("endpoint")
    return {"v": v}


app.include_router(router, dependencies=[Depends(include_dep)])


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


@app.get("/top", dependencies=[Depends(op_dep)])
def top(q: int = 0):
    LOG.append("endpoint")
    return {"q": q}


@app.get("/secured", dependencies=[Depends(verify_key)])
def secured(q: int):
    LOG.append("endpoint")
    return {"q": q}


router2 = APIRouter(dependencies=[Depends(verify_key)])


@router2.get("/r2/items")
def r2_items():
    LOG.append("endpoint")
    return ["a", "b"]


app.include_router(router2, prefix="/p2", dependencies=[Depends(op_dep)])


def tag(name: str):
    def dep():
        LOG.append(name)

    return dep


child = APIRouter(prefix="/child", dependencies=[Depends(tag("child-router"))])


@child.get("/leaf", dependencies=[Depends(tag("leaf-op"))])
def leaf():
    LOG.append("endpoint")
    return {"leaf": True}


parent = APIRouter(prefix="/parent", dependencies=[Depends(tag("parent-router"))])
parent.include_router(child, dependencies=[Depends(tag("include-child"))])
app.include_router(parent, dependencies=[Depends(tag("include-parent"))])


CASES = [
    {"method": "GET", "url": "/top"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/r/plain?q=1&r=2&p=3", "headers": {"x-app": "A", "x-inc": "4"}},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/r/op?op=x"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/r/op?op=deny"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/r/op", "headers": {"x-app": "deny"}},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/r/repeat?p=7"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/r/plain?q=a&r=b&p=c", "headers": {"x-inc": "d"}},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/r/plain?q=a", "headers": {"x-app": "deny"}},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/secured?q=1", "headers": {"x-key": "secret"}},
    {"method": "GET", "url": "/secured?q=1", "headers": {"x-key": "wrong"}},
    {"method": "GET", "url": "/secured"},
    {"method": "GET", "url": "/secured?q=x", "headers": {"x-key": "wrong"}},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/p2/r2/items", "headers": {"x-key": "secret"}},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/p2/r2/items?op=deny"},
    {"method": "GET", "url": "/p2/r2/items?op=deny", "headers": {"x-key": "secret"}},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/nope"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/top"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/parent/child/leaf"},
    {"method": "GET", "url": "/log"},
]
