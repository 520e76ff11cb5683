"""File parameters sent plain form values instead of files (a client bug, not the app's).

A lone ``bytes`` file takes the value's text; FastAPI answers a 500 when a ``list[bytes]`` file
gets plain values, where this package validates them like the lone one (an intended difference).
"""
from typing import Annotated

from fastapi import FastAPI, File, UploadFile

app = FastAPI()


@app.post("/bytes")
def one_bytes(file: Annotated[bytes, File()]):
    return {"size": len(file), "content": file.decode()}


@app.post("/bytes-list")
def bytes_list(files: Annotated[list[bytes], File()]):
    return {"sizes": [len(f) for f in files], "contents": [f.decode() for f in files]}


@app.post("/bytes-set")
def bytes_set(files: Annotated[set[bytes], File()]):
    return {"contents": sorted(f.decode() for f in files)}


@app.post("/upload")
async def upload(file: UploadFile):
    return {"filename": file.filename}


@app.post("/upload-list")
async def upload_list(files: list[UploadFile]):
    return {"names": [f.filename for f in files]}


CASES = [
    {"method": "POST", "url": "/bytes", "data": {"file": "plain"}},
    {"method": "POST", "url": "/bytes-list", "data": {"files": "one"}},
    {"method": "POST", "url": "/bytes-list", "data": {"files": ["one", "two"]}},
    {"method": "POST", "url": "/bytes-list", "files": [("files", ("a.txt", b"file a"))], "data": {"files": "plain"}},
    {"method": "POST", "url": "/bytes-list", "files": [("files", ("a.txt", b"A")), ("files", ("b.txt", b"B"))]},
    {"method": "POST", "url": "/bytes-set", "data": {"files": ["x", "y", "x"]}},
    {"method": "POST", "url": "/upload", "data": {"file": "plain"}},
    {"method": "POST", "url": "/upload-list", "data": {"files": ["a", "b"]}},
    {"method": "POST", "url": "/upload-list", "files": [("files", ("a.txt", b"A"))], "data": {"files": "plain"}},
]
