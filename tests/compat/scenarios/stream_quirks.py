"""Streams that are not returned as a StreamingResponse: a generator returned with the default
JSON response (encoded as a list), with response_class=StreamingResponse (the encoded list is
streamed), with response_class=PlainTextResponse (a 500), an async generator returned
(not encodable: a 500), a FileResponse response_class
with a status code, and an injected Response whose headers, cookies and status code are
ignored when the endpoint returns its own StreamingResponse."""
from fastapi import FastAPI, Response
from fastapi.responses import FileResponse, PlainTextResponse, StreamingResponse
import atexit
import os
import shutil
import tempfile

_DIR = tempfile.mkdtemp(prefix="stream_quirks_")
atexit.register(shutil.rmtree, _DIR, True)
TEXT = os.path.join(_DIR, "t.txt")
with open(TEXT, "w") as fh:
    fh.write("file body\n")
os.utime(TEXT, (1_600_000_000, 1_600_000_000))

app = FastAPI()


def words():
    yield "alpha"
    yield "beta"


@app.get("/generator-json")
def generator_json():
    return words()


@app.get("/generator-streaming-class", response_class=StreamingResponse)
def generator_streaming_class():
    return words()


@app.get("/generator-plain-class", response_class=PlainTextResponse)
def generator_plain_class():
    return words()


@app.get("/async-generator")
async def async_generator():
    async def agen():
        yield "x"

    return agen()


@app.get("/file-class", response_class=FileResponse, status_code=203)
def file_class():
    return TEXT


@app.get("/injected-response-ignored")
def injected_response_ignored(response: Response):
    response.headers["X-Injected"] = "yes"
    response.set_cookie("c", "v")
    response.status_code = 202
    return StreamingResponse(iter(["own"]), media_type="text/plain")


@app.get("/injected-response-used", status_code=201)
def injected_response_used(response: Response):
    response.headers["X-Injected"] = "yes"
    return ["a", "list"]


CASES = [
    {"method": "GET", "url": "/generator-json"},
    {"method": "GET", "url": "/generator-streaming-class"},
    {"method": "GET", "url": "/generator-plain-class"},
    {"method": "GET", "url": "/async-generator"},
    {"method": "GET", "url": "/async-generator", "raise_server_exceptions": True},
    {"method": "GET", "url": "/file-class"},
    {"method": "GET", "url": "/injected-response-ignored"},
    {"method": "GET", "url": "/injected-response-used"},
]
