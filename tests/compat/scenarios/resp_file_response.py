"""FileResponse returned directly and as response_class (from a tempfile with a fixed mtime), incl. HEAD and ranges."""
import atexit
import os
import shutil
import tempfile

from fastapi import FastAPI
from fastapi.responses import FileResponse

_DIR = tempfile.mkdtemp(prefix="resp_file_")
atexit.register(shutil.rmtree, _DIR, True)

TEXT = os.path.join(_DIR, "hello.txt")
with open(TEXT, "wb") as fh:
    fh.write("héllo file\n".encode())
os.utime(TEXT, (1_600_000_000, 1_600_000_000))

UNKNOWN = os.path.join(_DIR, "blob.zzunknown")
with open(UNKNOWN, "wb") as fh:
    fh.write(b"\x00\x01\x02")
os.utime(UNKNOWN, (1_600_000_000, 1_600_000_000))

app = FastAPI()


@app.get("/file")
def file():
    return FileResponse(TEXT)


@app.get("/file-download")
def file_download():
    return FileResponse(TEXT, filename="report ü.txt")


@app.get("/file-media-type")
def file_media_type():
    return FileResponse(TEXT, media_type="application/x-custom", headers={"X-Extra": "1"})


@app.get("/file-unknown-type")
def file_unknown_type():
    return FileResponse(UNKNOWN)


@app.get("/file-missing")
def file_missing():
    return FileResponse(os.path.join(_DIR, "missing.txt"))


@app.get("/file-response-class", response_class=FileResponse)
def file_response_class():
    return TEXT


@app.api_route("/file-head", methods=["GET", "HEAD"], operation_id="file_head")
def file_head():
    return FileResponse(TEXT)


CASES = [
    {"method": "GET", "url": "/file"},
    {"method": "GET", "url": "/file-download"},
    {"method": "GET", "url": "/file-media-type"},
    {"method": "GET", "url": "/file-unknown-type"},
    {"method": "GET", "url": "/file-missing"},
    {"method": "GET", "url": "/file-response-class"},
    {"method": "HEAD", "url": "/file-head"},
    {"method": "GET", "url": "/file", "headers": {"Range": "bytes=0-4"}, "name": "range 0-4"},
    {"method": "GET", "url": "/file", "headers": {"Range": "bytes=100-200"}, "name": "range out of bounds"},
    {"method": "GET", "url": "/file", "headers": {"If-None-Match": '"dummy"'}, "name": "if-none-match other etag"},
]
