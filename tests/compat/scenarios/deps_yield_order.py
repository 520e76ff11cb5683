"""Dependencies with yield (sync and async generators): order of setup, endpoint, teardown,
background tasks and streaming, recorded in a module-level log read back by GET /log."""
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()

LOG: list[str] = []


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


def gen_a():
    LOG.append("a:setup")
    yield "A"
    LOG.append("a:teardown")


async def agen_b():
    LOG.append("b:setup")
    yield "B"
    LOG.append("b:teardown")


def gen_c(a: Annotated[str, Depends(gen_a)]):
    LOG.append(f"c:setup({a})")
    yield "C" + a
    LOG.append("c:teardown")


async def agen_d(c: Annotated[str, Depends(gen_c)], b: Annotated[str, Depends(agen_b)]):
    LOG.append(f"d:setup({c},{b})")
    yield "D" + c + b
    LOG.append("d:teardown")


def plain_e():
    LOG.append("e:call")
    return "E"


@app.get("/single-sync")
def single_sync(a: Annotated[str, Depends(gen_a)]):
    LOG.append("endpoint")
    return {"a": a}


@app.get("/single-async")
async def single_async(b: Annotated[str, Depends(agen_b)]):
    LOG.append("endpoint")
    return {"b": b}


@app.get("/two")
def two(b: Annotated[str, Depends(agen_b)], a: Annotated[str, Depends(gen_a)]):
    LOG.append("endpoint")
    return {"a": a, "b": b}


@app.get("/chain")
async def chain(d: Annotated[str, Depends(agen_d)], e: Annotated[str, Depends(plain_e)]):
    LOG.append("endpoint")
    return {"d": d, "e": e}


@app.get("/chain-cached")
def chain_cached(
    a: Annotated[str, Depends(gen_a)],
    d: Annotated[str, Depends(agen_d)],
    c: Annotated[str, Depends(gen_c)],
):
    LOG.append("endpoint")
    return {"a": a, "c": c, "d": d}


@app.get("/chain-nocache")
def chain_nocache(
    a1: Annotated[str, Depends(gen_a)],
    a2: Annotated[str, Depends(gen_a, use_cache=False)],
):
    LOG.append("endpoint")
    return {"a1": a1, "a2": a2}


def bg_task(label: str):
    LOG.append(f"bg:{label}")


@app.get("/background")
def background(a: Annotated[str, Depends(gen_a)], tasks: BackgroundTasks):
    LOG.append("endpoint")
    tasks.add_task(bg_task, "endpoint")
    return {"a": a}


def gen_with_bg(tasks: BackgroundTasks):
    LOG.append("g:setup")
    tasks.add_task(bg_task, "dep-setup")
    yield "G"
    LOG.append("g:teardown")
    tasks.add_task(bg_task, "dep-teardown")


@app.get("/background-in-dep")
def background_in_dep(g: Annotated[str, Depends(gen_with_bg)], tasks: BackgroundTasks):
    LOG.append("endpoint")
    tasks.add_task(bg_task, "endpoint")
    return {"g": g}


@app.get("/stream")
def stream(a: Annotated[str, Depends(gen_a)]):
    LOG.append("endpoint")

    def body():
        LOG.append("stream:start")
        yield "x"
        yield "y"
        LOG.append("stream:end")

    return StreamingResponse(body(), media_type="text/plain")


@app.get("/validation-fails")
def validation_fails(a: Annotated[str, Depends(gen_a)], n: int):
    LOG.append("endpoint")
    return {"a": a, "n": n}


def gen_needs_param(k: int):
    LOG.append(f"k:setup({k})")
    yield k
    LOG.append("k:teardown")


@app.get("/validation-in-dep")
def validation_in_dep(a: Annotated[str, Depends(gen_a)], k: Annotated[int, Depends(gen_needs_param)]):
    LOG.append("endpoint")
    return {"a": a, "k": k}


def gen_yield_none():
    LOG.append("n:setup")
    yield
    LOG.append("n:teardown")


@app.get("/yield-none", dependencies=[Depends(gen_yield_none)])
def yield_none(v: Annotated[None, Depends(gen_yield_none)]):
    LOG.append("endpoint")
    return {"v": v}


CASES = [
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/single-sync"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/single-async"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/two"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/chain"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/chain-cached"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/chain-nocache"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/background"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/background-in-dep"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/stream"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/validation-fails?n=x"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/validation-fails?n=1"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/validation-in-dep?k=zz"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/validation-in-dep?k=2"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/yield-none"},
    {"method": "GET", "url": "/log"},
]
