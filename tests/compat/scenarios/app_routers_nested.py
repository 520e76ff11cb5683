"""include_router three levels deep: prefixes concatenated, tags/dependencies/responses/
deprecated/include_in_schema merged from router constructor, include_router call and route
(ordering of tags and of dependency execution, recorded in a log), the same router included
twice under different prefixes, and routes added to a router after it was included."""
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Request

LOG: list[str] = []


def make_dep(name: str):
    async def dep(request: Request):
        LOG.append(f"{name}:{request.url.path}")

    dep.__name__ = f"dep_{name}"
    return dep


async def need_token(x_token: Annotated[str, Header()]):
    if x_token != "ok":
        raise HTTPException(status_code=400, detail="X-Token header invalid")


app = FastAPI(dependencies=[Depends(make_dep("app"))])

level3 = APIRouter(
    prefix="/l3",
    tags=["l3-tag"],
    dependencies=[Depends(make_dep("l3-ctor"))],
    responses={404: {"description": "L3 not found"}},
)


@level3.get("/leaf", tags=["route-tag"], dependencies=[Depends(make_dep("route"))],
            responses={418: {"description": "Teapot at route"}})
def leaf():
    LOG.append("endpoint:leaf")
    return {"at": "leaf"}


@level3.get("/old", deprecated=True)
def old():
    return {"at": "old"}


@level3.get("/hidden", include_in_schema=False)
def hidden():
    return {"at": "hidden"}


@level3.get("/forced-not-deprecated", deprecated=False)
def forced_not_deprecated():
    return {"at": "forced-not-deprecated"}


level2 = APIRouter(prefix="/l2", tags=["l2-tag"], dependencies=[Depends(make_dep("l2-ctor"))])
level2.include_router(
    level3,
    prefix="/inc3",
    tags=["inc3-tag"],
    dependencies=[Depends(make_dep("inc3"))],
    responses={403: {"description": "Forbidden at include 3"}},
)


@level2.get("/mid")
def mid():
    return {"at": "mid"}


level1 = APIRouter(prefix="/l1", deprecated=True, responses={500: {"description": "L1 boom"}})
level1.include_router(level2, tags=["inc2-tag"], dependencies=[Depends(make_dep("inc2"))])


@level1.get("/top")
def top():
    return {"at": "top"}


app.include_router(level1, prefix="/api", dependencies=[Depends(make_dep("inc1"))])

# Same router twice, and a hidden whole include.
shared = APIRouter()


@shared.get("/ping")
def ping(request: Request):
    return {"ping": request.url.path}


app.include_router(shared, prefix="/v1", tags=["v1"])
app.include_router(shared, prefix="/v2", tags=["v2"], deprecated=True)
app.include_router(shared, prefix="/internal", include_in_schema=False)

# A router with a token dependency at include time.
secured = APIRouter()


@secured.get("/data")
def data():
    return {"secret": "data"}


app.include_router(secured, prefix="/secure", dependencies=[Depends(need_token)],
                   responses={400: {"description": "Bad token"}})

# Routes added to a router after include_router are not picked up.
late = APIRouter(prefix="/late")


@late.get("/early")
def early():
    return {"at": "early"}


app.include_router(late)


@late.get("/after")
def after():
    return {"at": "after"}


# Router without prefix, endpoints with empty path.
noprefix = APIRouter()


@noprefix.get("")
def empty_path():
    return {"at": "empty path"}


app.include_router(noprefix, prefix="/emptypath")


@app.get("/log")
def get_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()
    return None


CASES = [
    {"method": "DELETE", "url": "/log"},
    {"method": "GET", "url": "/api/l1/l2/inc3/l3/leaf"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "GET", "url": "/api/l1/l2/mid"},
    {"method": "GET", "url": "/api/l1/top"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/api/l1/l2/inc3/l3/old"},
    {"method": "GET", "url": "/api/l1/l2/inc3/l3/hidden"},
    {"method": "GET", "url": "/api/l1/l2/inc3/l3/forced-not-deprecated"},
    {"method": "GET", "url": "/l3/leaf"},
    {"method": "GET", "url": "/api/l1/l2/l3/leaf"},
    {"method": "GET", "url": "/v1/ping"},
    {"method": "GET", "url": "/v2/ping"},
    {"method": "GET", "url": "/internal/ping"},
    {"method": "GET", "url": "/ping"},
    {"method": "GET", "url": "/secure/data"},
    {"method": "GET", "url": "/secure/data", "headers": {"x-token": "ok"}},
    {"method": "GET", "url": "/late/early"},
    {"method": "GET", "url": "/late/after"},
    {"method": "GET", "url": "/emptypath"},
    {"method": "GET", "url": "/emptypath/", "follow_redirects": False},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/api/l1/l2/inc3/l3/leaf"},
    {"method": "GET", "url": "/api/l1/l2/inc3/l3/nope"},
    {"method": "GET", "url": "/log"},
]
