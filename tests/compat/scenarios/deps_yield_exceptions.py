"""Exceptions and yield dependencies: endpoint errors reaching the generator (except/finally,
re-raise, convert to HTTPException, swallow), HTTPException in setup and after yield."""
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

app = FastAPI()

LOG: list[str] = []


class OwnerError(Exception):
    pass


class HandledError(Exception):
    pass


@app.exception_handler(HandledError)
async def handled_error_handler(request: Request, exc: HandledError):
    LOG.append(f"handler:{exc}")
    return JSONResponse(status_code=418, content={"handled": str(exc)})


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


def dep_reraise():
    LOG.append("reraise:setup")
    try:
        yield "r"
    except Exception as e:
        LOG.append(f"reraise:except:{type(e).__name__}:{e}")
        raise
    finally:
        LOG.append("reraise:finally")


async def dep_convert():
    LOG.append("convert:setup")
    try:
        yield "c"
    except OwnerError as e:
        LOG.append(f"convert:except:{e}")
        raise HTTPException(status_code=400, detail=f"Owner error: {e}")
    finally:
        LOG.append("convert:finally")


def dep_swallow():
    LOG.append("swallow:setup")
    try:
        yield "s"
    except Exception as e:
        LOG.append(f"swallow:except:{type(e).__name__}")
    LOG.append("swallow:after")


def dep_finally_only():
    LOG.append("fin:setup")
    try:
        yield "f"
    finally:
        LOG.append("fin:finally")


def dep_no_try():
    LOG.append("notry:setup")
    yield "n"
    LOG.append("notry:teardown")


@app.get("/reraise/{mode}")
def reraise(mode: str, r: Annotated[str, Depends(dep_reraise)]):
    LOG.append("endpoint")
    if mode == "http":
        raise HTTPException(status_code=404, detail="Item not found", headers={"X-Err": "nf"})
    if mode == "value":
        raise ValueError("boom")
    if mode == "handled":
        raise HandledError("h1")
    return {"r": r}


@app.get("/convert/{mode}")
async def convert(mode: str, c: Annotated[str, Depends(dep_convert)]):
    LOG.append("endpoint")
    if mode == "owner":
        raise OwnerError("Rick")
    if mode == "http":
        raise HTTPException(status_code=403, detail={"nested": ["x", 1]})
    if mode == "value":
        raise ValueError("boom")
    return {"c": c}


@app.get("/swallow/{mode}")
def swallow(mode: str, s: Annotated[str, Depends(dep_swallow)]):
    LOG.append("endpoint")
    if mode == "http":
        raise HTTPException(status_code=409, detail="conflict")
    if mode == "value":
        raise ValueError("boom")
    if mode == "handled":
        raise HandledError("h2")
    return {"s": s}


@app.get("/finally/{mode}")
def finally_only(mode: str, f: Annotated[str, Depends(dep_finally_only)]):
    LOG.append("endpoint")
    if mode == "http":
        raise HTTPException(status_code=401, detail="nope")
    if mode == "value":
        raise ValueError("boom")
    return {"f": f}


@app.get("/notry/{mode}")
def notry(mode: str, n: Annotated[str, Depends(dep_no_try)]):
    LOG.append("endpoint")
    if mode == "http":
        raise HTTPException(status_code=400, detail="bad")
    if mode == "value":
        raise ValueError("boom")
    return {"n": n}


# --- nested: outer catches, inner converts ----------------------------------


def outer():
    LOG.append("outer:setup")
    try:
        yield "o"
    except HTTPException as e:
        LOG.append(f"outer:except:HTTPException:{e.status_code}")
        raise
    except Exception as e:
        LOG.append(f"outer:except:{type(e).__name__}")
        raise
    finally:
        LOG.append("outer:finally")


def inner(o: Annotated[str, Depends(outer)]):
    LOG.append("inner:setup")
    try:
        yield o + "i"
    except OwnerError as e:
        LOG.append("inner:except:OwnerError")
        raise HTTPException(status_code=422, detail=f"converted {e}")
    finally:
        LOG.append("inner:finally")


@app.get("/nested/{mode}")
def nested(mode: str, i: Annotated[str, Depends(inner)]):
    LOG.append("endpoint")
    if mode == "owner":
        raise OwnerError("x")
    return {"i": i}


# --- HTTPException in setup ----------------------------------------------------


def setup_fails(token: str = ""):
    LOG.append("setupfail:setup")
    if token != "ok":
        raise HTTPException(status_code=401, detail="Bad token", headers={"WWW-Authenticate": "Bearer"})
    yield token
    LOG.append("setupfail:teardown")


def before_setup_fails():
    LOG.append("before:setup")
    try:
        yield "b"
    except Exception as e:
        LOG.append(f"before:except:{type(e).__name__}")
        raise
    finally:
        LOG.append("before:finally")


@app.get("/setup-fails")
def setup_fails_endpoint(b: Annotated[str, Depends(before_setup_fails)], t: Annotated[str, Depends(setup_fails)]):
    LOG.append("endpoint")
    return {"t": t}


def plain_fails():
    LOG.append("plainfail:call")
    raise HTTPException(status_code=400, detail=[1, 2, 3])


@app.get("/plain-dep-fails")
def plain_dep_fails(b: Annotated[str, Depends(before_setup_fails)], p: Annotated[None, Depends(plain_fails)]):
    LOG.append("endpoint")
    return {}


def value_error_setup():
    LOG.append("valuesetup:setup")
    raise ValueError("setup crash")
    yield  # pragma: no cover


@app.get("/setup-crash")
def setup_crash(b: Annotated[str, Depends(before_setup_fails)], v: Annotated[None, Depends(value_error_setup)]):
    LOG.append("endpoint")
    return {}


# --- HTTPException after yield -------------------------------------------------


def teardown_http():
    LOG.append("teardownhttp:setup")
    yield "t"
    LOG.append("teardownhttp:raising")
    raise HTTPException(status_code=400, detail="raised in teardown")


@app.get("/teardown-http")
def teardown_http_endpoint(t: Annotated[str, Depends(teardown_http)]):
    LOG.append("endpoint")
    return {"t": t}


def teardown_value():
    LOG.append("teardownvalue:setup")
    yield "t"
    LOG.append("teardownvalue:raising")
    raise ValueError("raised in teardown")


@app.get("/teardown-value")
def teardown_value_endpoint(t: Annotated[str, Depends(teardown_value)]):
    LOG.append("endpoint")
    return {"t": t}


async def teardown_handled():
    LOG.append("teardownhandled:setup")
    yield "t"
    raise HandledError("from teardown")


@app.get("/teardown-handled")
async def teardown_handled_endpoint(t: Annotated[str, Depends(teardown_handled)]):
    LOG.append("endpoint")
    return {"t": t}


@app.get("/teardown-http-after-endpoint-error")
def teardown_http_after_error(t: Annotated[str, Depends(teardown_http)]):
    LOG.append("endpoint")
    raise HTTPException(status_code=404, detail="endpoint error")


def yields_twice():
    LOG.append("twice:setup")
    yield 1
    LOG.append("twice:second")
    yield 2
    LOG.append("twice:end")


@app.get("/yields-twice")
def yields_twice_endpoint(v: Annotated[int, Depends(yields_twice)]):
    LOG.append("endpoint")
    return {"v": v}


def dep_replace_http():
    try:
        yield
    except HTTPException as e:
        LOG.append(f"replace:caught:{e.status_code}")
        raise HTTPException(status_code=410, detail=f"gone (was {e.status_code})") from e


def dep_raise_other():
    try:
        yield
    except ValueError as e:
        LOG.append("other:caught")
        raise KeyError("converted") from e


@app.get("/replace-http", dependencies=[Depends(dep_replace_http)])
def replace_http():
    LOG.append("endpoint")
    raise HTTPException(status_code=404, detail="missing", headers={"X-Lost": "1"})


@app.get("/raise-other", dependencies=[Depends(dep_raise_other)])
def raise_other():
    LOG.append("endpoint")
    raise ValueError("original")


CASES = [
    {"method": "GET", "url": "/reraise/ok"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/reraise/http"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/reraise/value"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/reraise/value", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/reraise/handled"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/convert/ok"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/convert/owner"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/convert/http"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/convert/value"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/swallow/ok"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/swallow/http"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/swallow/value"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/swallow/value", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/swallow/handled"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/finally/http"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/finally/value"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/notry/http"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/notry/value"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/nested/ok"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/nested/owner"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/setup-fails?token=ok"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/setup-fails?token=bad"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/plain-dep-fails"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/setup-crash"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/setup-crash", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/teardown-http"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/teardown-value"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/teardown-value", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/teardown-handled"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/teardown-http-after-endpoint-error"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/yields-twice"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/yields-twice", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/replace-http"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/raise-other", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
]
