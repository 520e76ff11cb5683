"""StreamingResponse: sync iterators (iterated in a worker thread, never on the event loop),
async generators, str and bytes chunks, memoryview, an empty stream, status code and headers,
StreamingResponse as response_class with a returned stream, sync and async endpoints, HEAD,
a generator closed when done (its finally runs), and a yield dependency feeding the stream."""
import threading
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.responses import StreamingResponse

LOG: list[str] = []
LOOP_THREAD: dict[str, int] = {}

app = FastAPI()


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


def sync_chunks(n: int):
    try:
        for i in range(n):
            on_loop = threading.get_ident() == LOOP_THREAD.get("id")
            yield f"sync {i} on_loop={on_loop}\n"
    finally:
        LOG.append(f"sync generator closed after {n}")


async def async_chunks(n: int):
    try:
        for i in range(n):
            on_loop = threading.get_ident() == LOOP_THREAD.get("id")
            yield f"async {i} on_loop={on_loop}\n".encode()
    finally:
        LOG.append(f"async generator closed after {n}")


@app.get("/sync-iter")
async def sync_iter(n: int = 3):
    LOOP_THREAD["id"] = threading.get_ident()
    return StreamingResponse(sync_chunks(n), media_type="text/plain")


@app.get("/async-gen")
async def async_gen(n: int = 3):
    LOOP_THREAD["id"] = threading.get_ident()
    return StreamingResponse(async_chunks(n), media_type="text/plain; charset=utf-8")


@app.get("/mixed")
def mixed():
    return StreamingResponse(iter(["text ", b"bytes ", memoryview(b"view"), "ü"]), media_type="application/octet-stream")


@app.get("/empty")
def empty():
    return StreamingResponse(iter(()), media_type="text/plain")


@app.get("/no-media-type")
def no_media_type():
    return StreamingResponse(iter([b"raw"]))


@app.get("/status-headers")
async def status_headers():
    async def body():
        yield b'{"line": 1}\n'
        yield b'{"line": 2}\n'

    return StreamingResponse(
        body(),
        status_code=206,
        media_type="application/x-ndjson",
        headers={"X-Stream": "yes", "Content-Disposition": 'attachment; filename="lines.ndjson"'},
    )


@app.get("/as-response-class", response_class=StreamingResponse)
def as_response_class():
    return StreamingResponse(iter(["declared ", "class"]), media_type="text/plain")


@app.api_route("/head-too", methods=["GET", "HEAD"], operation_id="head_too")  # a set of methods: fix the id
def head_too():
    def body():
        LOG.append("head-too body iterated")
        yield "body"

    return StreamingResponse(body(), media_type="text/plain")


def db_session():
    LOG.append("session open")
    yield {"rows": ["a", "b", "c"]}
    LOG.append("session closed")


@app.get("/from-dependency")
def from_dependency(session: Annotated[dict, Depends(db_session)]):
    def rows():
        for row in session["rows"]:
            LOG.append(f"streaming {row}")
            yield row + "\n"

    return StreamingResponse(rows(), media_type="text/csv")


CASES = [
    {"method": "GET", "url": "/sync-iter"},
    {"method": "GET", "url": "/async-gen?n=2"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/mixed"},
    {"method": "GET", "url": "/empty"},
    {"method": "GET", "url": "/no-media-type"},
    {"method": "GET", "url": "/status-headers"},
    {"method": "GET", "url": "/as-response-class"},
    {"method": "GET", "url": "/head-too"},
    {"method": "HEAD", "url": "/head-too"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/from-dependency"},
    {"method": "GET", "url": "/log"},
]
