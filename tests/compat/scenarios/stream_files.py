"""FileResponse with ranges as Starlette serves them (single, suffix, open-ended, overlapping
merged, malformed, If-Range with a matching and a stale validator), inline and
attachment dispositions, HEAD with a range, a file streamed from a path given as
pathlib.Path, and FileResponse declared as response_class returning a path string.
Files are written to a temporary directory with a fixed mtime. (Unsatisfiable ranges are in
resp_file_response, where their Starlette 0.48 change is excused.)"""
import atexit
import os
import shutil
import tempfile
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse

_DIR = tempfile.mkdtemp(prefix="stream_files_")
atexit.register(shutil.rmtree, _DIR, True)

DATA = os.path.join(_DIR, "data.bin")
with open(DATA, "wb") as fh:
    fh.write(bytes(range(256)) * 12)  # 3072 bytes
os.utime(DATA, (1_600_000_000, 1_600_000_000))

NOTES = os.path.join(_DIR, "notes.txt")
with open(NOTES, "w") as fh:
    fh.write("line one\nline two\n")
os.utime(NOTES, (1_600_000_000, 1_600_000_000))

app = FastAPI()


@app.get("/data")
def data():
    return FileResponse(DATA, media_type="application/octet-stream")


@app.api_route("/notes", methods=["GET", "HEAD"], operation_id="notes")  # a set of methods: fix the id
def notes():
    return FileResponse(Path(NOTES))


@app.get("/notes-inline")
def notes_inline():
    return FileResponse(NOTES, filename="notes.txt", content_disposition_type="inline")


@app.get("/notes-attachment")
def notes_attachment():
    return FileResponse(NOTES, filename="my notes.txt")


@app.get("/as-class", response_class=FileResponse)
def as_class():
    return NOTES


CASES = [
    {"method": "GET", "url": "/data"},
    {"name": "single range", "method": "GET", "url": "/data", "headers": {"Range": "bytes=10-19"}},
    {"name": "suffix range", "method": "GET", "url": "/data", "headers": {"Range": "bytes=-5"}},
    {"name": "open-ended range", "method": "GET", "url": "/data", "headers": {"Range": "bytes=3070-"}},
    {"name": "overlapping ranges merged", "method": "GET", "url": "/notes", "headers": {"Range": "bytes=0-4,2-6"}},
    {"name": "malformed", "method": "GET", "url": "/notes", "headers": {"Range": "bytes=abc"}},
    {"name": "other unit", "method": "GET", "url": "/notes", "headers": {"Range": "items=0-1"}},
    {"name": "if-range stale date", "method": "GET", "url": "/notes", "headers": {"Range": "bytes=0-3", "If-Range": "Wed, 21 Oct 2015 07:28:00 GMT"}},
    {"name": "if-range matching date", "method": "GET", "url": "/notes", "headers": {"Range": "bytes=0-3", "If-Range": "Sun, 13 Sep 2020 12:26:40 GMT"}},
    {"name": "if-range matching etag", "method": "GET", "url": "/notes", "headers": {"Range": "bytes=5-", "If-Range": '"f7eeee28e11648ae691b488344f80b50"'}},
    {"name": "if-range other etag", "method": "GET", "url": "/notes", "headers": {"Range": "bytes=0-3", "If-Range": '"nope"'}},
    {"name": "head with range", "method": "HEAD", "url": "/notes", "headers": {"Range": "bytes=0-3"}},
    {"method": "GET", "url": "/notes-inline"},
    {"method": "GET", "url": "/notes-attachment"},
    {"method": "GET", "url": "/as-class"},
]
